"""Permalinks built of the date parts Jekyll and Hugo name beyond year, month and day: Jekyll's weekdate and
ordinal styles and its :i_month, :y_day, :week… placeholders; Hugo's :monthname, :yearday, :weekday and
:weekdayname. The URLs are the ones Jekyll 4.3 and Hugo 0.168 write for these fixtures (test_real_generators)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st
from origin_sites import adopt, broken_references, literal_syntax, page_urls

from masthead.config import PERMALINK_TOKENS

# jekyllrb.com/docs/permalinks: weekdate is /:categories/:year/W:week/:short_day/:title:output_ext; :i_month and
# :i_day have no leading zero, :y_day is three digits, :w_year/:week/:w_day the ISO week date (Monday 1), so New
# Year's Day 2023, a Sunday, is day 7 of 2022's week 52.
JEKYLL_URLS = {
    "/",
    "/tides/2023/W05/Sun/spring-tides.html",
    "/2023/3/7/neap-tides.html",
    "/23/099/king-tide.html",
    "/2022/W52/7/Sunday/1200/new-year-low-water/",
}
# gohugo.io/configuration/permalinks: :monthname is the month's name (lower case, as Hugo's whole path), :yearday
# the day of the year, :weekday the day of the week with Sunday 0, :weekdayname its name.
HUGO_URLS = {"/", "/posts/", "/notes/", "/categories/", "/2023/february/february-gales/", "/notes/36/0/sunday/buoy-check/"}


def test_jekyll_date_placeholders(tmp_path: Path) -> None:
    site, build = adopt("jekyll-date-tokens", tmp_path)
    assert page_urls(site) == JEKYLL_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert "warning" not in build.output, build.output


def test_hugo_date_tokens(tmp_path: Path) -> None:
    site, _ = adopt("hugo-date-tokens", tmp_path)
    assert page_urls(site) == HUGO_URLS


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 12, 31), timezones=st.just(ZoneInfo("UTC"))))
def test_every_token_is_a_path_part(moment: datetime) -> None:
    """Each date token names a value without "/" (a folder of its own) and never empty, whatever the day."""
    from masthead.content import permalinks

    values = permalinks.date_values(moment, str)
    assert set(values) <= set(PERMALINK_TOKENS)
    assert all(value and "/" not in value for value in values.values())
    assert values["y_day"] == f"{int(values['yearday']):03d}" and values["weekday"] == str(int(values["w_day"]) % 7)
