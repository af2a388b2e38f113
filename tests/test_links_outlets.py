"""The outlet normaliser: aliases, case and spacing fold to one outlet; the rest is kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from masthead.links.outlets import BUILT_IN, Outlets, outlet_key, outlet_slug

SPELLINGS = [(canonical, spelling) for canonical, aliases in BUILT_IN.items() for spelling in (canonical, *aliases)]


def _vary(text: str, data: st.DataObject) -> str:
    cased = "".join(ch.upper() if data.draw(st.booleans()) else ch.lower() for ch in text)
    pad = data.draw(st.sampled_from(["", " ", "  ", "\t"]))
    return pad + cased.replace(" ", data.draw(st.sampled_from([" ", "  ", " \u00a0"]))) + pad


@given(st.sampled_from(SPELLINGS), st.data())
def test_every_built_in_spelling_in_any_case_and_spacing_is_its_outlet(pair: tuple[str, str], data: st.DataObject) -> None:
    canonical, spelling = pair
    assert Outlets().name(_vary(spelling, data)) == canonical


@given(st.text(max_size=40))
def test_normalising_is_idempotent_and_slugs_are_url_safe(written: str) -> None:
    outlets = Outlets({"Associated Press": ("A.P.",)})
    outlet = outlets.outlet(written)
    assert outlets.name(outlet.name) == outlet.name
    assert re.fullmatch(r"[\w-]+", outlet.slug) and "/" not in outlet.slug
    assert outlet.url == f"/sources/{outlet.slug}/"


@given(st.text(min_size=1, max_size=30).filter(lambda t: outlet_key(t) not in {outlet_key(s) for _, s in SPELLINGS}))
def test_undeclared_names_are_kept_with_spaces_tidied(written: str) -> None:
    assert Outlets().name(written) == Outlets().name(" ".join(written.split()))
    if written == " ".join(written.split()) and written.isascii():
        assert Outlets().name(written) == written


def test_site_aliases_join_names_and_domains_and_win_over_the_table() -> None:
    outlets = Outlets({"AP News Wire": ("AP", "apnews.com", "Associated Press")})
    assert {outlets.name(n) for n in ("AP", "Associated Press", "apnews.com", "www.apnews.com", "The Associated Press")} == {"AP News Wire"}
    assert Outlets().name("AP") == "Associated Press"


def test_the_and_www_are_ignored() -> None:
    assert outlet_key("The Guardian") == outlet_key("guardian") == outlet_key("https://www.Guardian/")
    assert outlet_slug("The Washington Times") == "washington-times"
