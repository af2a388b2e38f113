"""Outlet names, normalised: ``AP``, ``Associated Press`` and ``apnews.com`` are one outlet.

A built-in table covers the common wire services and broadcasters; the site's ``[outlets]`` table
adds its own (and wins). Matching ignores case, white space, a leading "The" and a leading
"www."; a name nobody declared is kept as written, with its white space tidied.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from ..content.markdown import slugify

BUILT_IN: Mapping[str, tuple[str, ...]] = {
    "Associated Press": ("AP", "AP News", "The Associated Press", "apnews.com", "ap.org"),
    "Reuters": ("Thomson Reuters", "reuters.com"),
    "Agence France-Presse": ("AFP", "Agence France Presse", "afp.com"),
    "Bloomberg": ("Bloomberg News", "bloomberg.com"),
    "BBC News": ("BBC", "BBC World", "bbc.com", "bbc.co.uk"),
    "NBC News": ("NBC", "nbcnews.com"),
    "CBS News": ("CBS", "cbsnews.com"),
    "ABC News": ("abcnews.go.com",),
    "ABC News (Australia)": ("ABC Australia", "abc.net.au"),
    "CNN": ("cnn.com", "edition.cnn.com"),
    "NPR": ("National Public Radio", "npr.org"),
    "Al Jazeera": ("Al Jazeera English", "aljazeera.com"),
    "Deutsche Welle": ("DW", "dw.com"),
    "France 24": ("France24", "france24.com"),
    "Sky News": ("skynews.com", "news.sky.com"),
    "Euronews": ("euronews.com",),
    "NHK": ("NHK World", "NHK World-Japan", "nhk.or.jp", "www3.nhk.or.jp"),
    "Yonhap": ("Yonhap News Agency", "Yonhap News", "yna.co.kr", "en.yna.co.kr"),
    "Kyodo News": ("Kyodo", "kyodonews.net", "english.kyodonews.net"),
    "Xinhua": ("Xinhua News Agency", "xinhuanet.com", "news.cn"),
    "TASS": ("tass.com", "tass.ru"),
    "EFE": ("Agencia EFE", "efe.com"),
    "ANSA": ("ansa.it",),
    "dpa": ("Deutsche Presse-Agentur", "dpa.com"),
    "Press Trust of India": ("PTI",),
    "RNZ": ("Radio New Zealand", "rnz.co.nz"),
    "Voice of America": ("VOA", "voanews.com"),
    "Radio Free Europe/Radio Liberty": ("RFE/RL", "rferl.org"),
    "The Guardian": ("Guardian", "theguardian.com"),
    "The New York Times": ("New York Times", "NYT", "nytimes.com"),
    "The Washington Post": ("Washington Post", "washingtonpost.com"),
    "The Washington Times": ("Washington Times", "washingtontimes.com"),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ", "wsj.com"),
    "Financial Times": ("FT", "ft.com"),
    "The Economist": ("Economist", "economist.com"),
    "Politico": ("politico.com",),
    "Politico Europe": ("politico.eu",),
    "Nikkei Asia": ("asia.nikkei.com",),
    "The Korea Herald": ("Korea Herald", "koreaherald.com"),
    "Focus Taiwan": ("focustaiwan.tw",),
    "The Kyiv Independent": ("Kyiv Independent", "kyivindependent.com"),
}


@dataclass(frozen=True)
class Outlet:
    name: str  # the display name
    slug: str  # for /sources/<slug>/

    @property
    def url(self) -> str:
        return f"/sources/{self.slug}/"


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: case, spaces, "The " and "www." folded away."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = " ".join(text.split())
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text).rstrip("/")
    return re.sub(r"^the ", "", text)


def tidy(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())


class Outlets:
    """The normaliser: built-in table plus a site's ``[outlets]`` aliases."""

    def __init__(self, aliases: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self._names: dict[str, str] = {}
        for table in (BUILT_IN, aliases or {}):  # later tables win
            for canonical, others in table.items():
                for spelling in (canonical, *others):
                    self._names[outlet_key(spelling)] = tidy(canonical)

    def name(self, written: str) -> str:
        """The outlet's canonical name; an undeclared name as written, spaces tidied."""
        return self._names.get(outlet_key(written), tidy(written))

    def outlet(self, written: str) -> Outlet:
        name = self.name(written)
        return Outlet(name, outlet_slug(name))


def outlet_slug(name: str) -> str:
    slug = slugify(outlet_key(name).replace("/", " ").replace(".", "-"))
    return slug if slug != "section" else "outlet"
