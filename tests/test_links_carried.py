"""Substack's /redirect/2/ links carry their destination (base64url JSON, its "e" field, then a signature): read offline."""

from __future__ import annotations

import base64
import json

from hypothesis import given
from hypothesis import strategies as st

from masthead.links.carried import carried_destination
from masthead.links.fix import clean_destination
from masthead.links.rules import classify


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
