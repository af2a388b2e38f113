"""Tracking links that carry their destination, read offline: Substack's /redirect/2/ (base64url JSON,
its "e" field, then a signature), beehiiv's /v2/clicks/ (a JSON Web Token whose payload's "url" it
is), Kit's last path part (base64 of the URL) and Buttondown's /c/
(base64 of "<email id>|<subscriber id>|<URL>"); and protocol-relative links read as https."""

from __future__ import annotations

import base64
import json

from hypothesis import given
from hypothesis import strategies as st

from masthead.links.carried import carried_destination
from masthead.links.fix import clean_destination, offline_destination
from masthead.links.rules import classify, web_url
from masthead.links.scan import scan_text


def _substack(payload: dict[str, object], host: str = "substack.com") -> str:
    encoded = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"https://{host}/redirect/2/{encoded}.eBQCybh8ocDtHJppN84ASzqu--7bOhKPEAc4fwbg-j8?"


def test_the_destination_is_the_payloads_e_field_and_is_cleaned_without_asking() -> None:
    link = _substack({"e": "https://harbour.example.org/ferries?utm_campaign=email-home&r=8o54n", "p": 158345077, "s": 458709, "sub": "link-redirect"})
    assert carried_destination(link) == "https://harbour.example.org/ferries?utm_campaign=email-home&r=8o54n"
    found = classify(link)
    assert found is not None and found.service == "Substack"
    assert clean_destination(link, found, None) == ("https://harbour.example.org/ferries?r=8o54n", "")  # no stored answer was needed


def test_a_publications_own_domain_and_links_that_carry_nothing_usable() -> None:
    assert (
        carried_destination(_substack({"e": "https://quaynotes.example/p/night-ferries"}, "www.quaynotes.example"))
        == "https://quaynotes.example/p/night-ferries"
    )
    assert carried_destination(_substack({"e": "javascript:alert(1)"})) is None
    assert carried_destination(_substack({"p": 1})) is None
    assert carried_destination("https://substack.com/redirect/2/eyJub3QganNvbg") is None
    assert carried_destination("https://substack.com/redirect/621d4364-c22f-4404-93c2-c38cb3dee671?j=eyJ1IjoiOG81NG4ifQ.6oeetud") is None


@given(st.text())
def test_any_text_is_a_destination_or_none(text: str) -> None:
    found = carried_destination("https://substack.com/redirect/2/" + text)
    assert found is None or found.startswith(("http://", "https://"))


def _b64(text: str, alphabet: str = "urlsafe") -> str:
    raw = text.encode()
    return (base64.urlsafe_b64encode(raw) if alphabet == "urlsafe" else base64.b64encode(raw)).decode()


def test_kit_links_carry_the_url_as_their_last_part_on_kits_hosts_and_on_a_brand() -> None:
    destination = "https://www.seedbank.example/catalogue/beans?utm_source=kit&utm_medium=email"
    for host in ("click.kit-mail3.com", "click.convertkit-mail2.com", "links.plotnotes.example"):
        link = f"https://{host}/x0umo8ld9kcnhrwexzb9/p8heh9hw3vo35gtd/{_b64(destination).rstrip('=')}"
        assert carried_destination(link) == destination, host
        found = classify(link)
        assert found is not None and found.service == "ConvertKit"
        assert clean_destination(link, found, None) == ("https://www.seedbank.example/catalogue/beans", "")
    assert carried_destination("https://click.kit-mail3.com/x0umo8ld9kcnhrwexzb9/p8heh9hw3vo35gtd/aHR0cHM6Ly9") is None  # cut short: no URL


def test_buttondown_links_carry_the_url_after_the_two_ids_in_either_base64_alphabet() -> None:
    destination = "https://windmilltrust.example/volunteer?day=sat&utm_source=buttondown"
    payload = f"9f3c2a1e-6b7d-4c8e-a0f1-2d3e4f5a6b7c|0c4e8a2f|{destination}"
    padded = _b64(payload + "x")  # one more character: a payload that ends in padding
    assert padded.endswith("=")
    for encoded in (_b64(payload), _b64(payload).rstrip("="), _b64(payload, "standard"), padded.replace("=", "%3D")):
        for host in ("buttondown.com", "buttondown.email"):
            link = f"https://{host}/c/{encoded}"
            assert carried_destination(link) == destination + ("x" if encoded.endswith("%3D") else ""), link
    found = classify(f"https://buttondown.com/c/{_b64(payload)}")
    assert found is not None and (found.service, found.kind) == ("Buttondown", "click")
    assert clean_destination(f"https://buttondown.com/c/{_b64(payload)}", found, None) == ("https://windmilltrust.example/volunteer?day=sat", "")
    assert carried_destination(f"https://buttondown.com/c/{_b64('only|two-fields')}") is None
    assert carried_destination(f"https://buttondown.com/c/{_b64('a|b|mailto:mill@example.org')}") is None
    assert carried_destination("https://buttondown.com/c/notbase64payload") is None
    assert carried_destination(f"https://email.example.org/c/{_b64(payload)}") is None  # the shape on another host is someone else's


def test_protocol_relative_links_are_https_everywhere_they_are_read() -> None:
    assert web_url("//click.example.com/ls/click?upn=x") == "https://click.example.com/ls/click?upn=x"
    assert web_url("  http://example.org/a ") == "http://example.org/a"
    assert [web_url(url) for url in ("/blog/a", "///x", "mailto:a@example.org", "cid:logo", "#top", "// spaced")] == [None] * 6
    found = classify("//u4861352.ct.sendgrid.net/ls/click?upn=u001.abc")
    assert found is not None and (found.service, found.kind) == ("SendGrid", "click")
    payload = _b64("9f3c|0c4e|//windmilltrust.example/stocks")
    assert carried_destination(f"//buttondown.com/c/{payload}") == "https://windmilltrust.example/stocks"  # link and destination both
    (link,) = scan_text("See [the plan](//click.example.com/ls/click?upn=u001.abc).\n", "content/posts/a.md")
    assert (link.written, link.url) == ("//click.example.com/ls/click?upn=u001.abc", "https://click.example.com/ls/click?upn=u001.abc")


@given(st.text())
def test_any_payload_is_a_destination_or_none(text: str) -> None:
    for link in (f"https://buttondown.com/c/{text}", f"https://click.kit-mail3.com/x0umo8ld9kcnhrwexzb9/p8heh9hw3vo35gtd/aHR0c{text}"):
        found = carried_destination(link)
        assert found is None or found.startswith(("http://", "https://"))


def test_a_carried_destination_that_is_another_tracking_redirect_is_still_asked() -> None:
    wrapped = "https://harbour.us14.list-manage.com/track/click?u=3a9f2c7e1b5d8f0a6c4e2b9d7&id=4b6d8f0a2c&e=9c1e5a7b3d"
    link = f"https://buttondown.com/c/{_b64('9f3c|0c4e|' + wrapped)}"
    assert carried_destination(link) == wrapped and offline_destination(link) is None
    found = classify(link)
    assert found is not None and clean_destination(link, found, None) == (None, "not resolved yet (run masthead links --resolve)")
    assert offline_destination(f"https://buttondown.com/c/{_b64('9f3c|0c4e|https://mill.example/a?utm_source=bd&x=1')}") == "https://mill.example/a?x=1"


def test_beehiiv_v2_clicks_are_a_token_whose_payload_holds_the_url() -> None:
    header = _b64('{"alg":"HS256","typ":"JWT"}').rstrip("=")
    claims = {
        "url": "https://www.tidewatch.example/reports/sea-level?utm_source=morning-signal.beehiiv.com&utm_medium=newsletter&ref=bh",
        "post_id": "99034109-b72d-48e8-9b18-7602f2873a2c",
        "publication_id": "061fb2da-b1a2-4e83-81b8-7d67678c5366",
        "visit_token": "cc1d50de-23a1-4e8b-9f5c-2d3e4f5a6b7c",
    }
    link = f"https://flight.beehiiv.net/v2/clicks/{header}.{_b64(json.dumps(claims)).rstrip('=')}.q8Lm2Xv9TzR4wPn1sKd7Yh3Jc6Fg0Ba5"
    found = classify(link)
    assert found is not None and (found.service, found.kind) == ("beehiiv", "click")
    assert carried_destination(link) == claims["url"]
    assert clean_destination(link, found, None) == ("https://www.tidewatch.example/reports/sea-level?ref=bh", "")
    assert carried_destination(link.replace("flight.beehiiv.net", "flight.example.net")) is None  # beehiiv's own host only
    no_url = _b64(json.dumps({"post_id": claims["post_id"]})).rstrip("=")
    assert carried_destination(f"https://flight.beehiiv.net/v2/clicks/{header}.{no_url}.sig") is None
