"""Every page type of a built site, found in the output (not listed by hand): the pages the theme's
checks (Nu, axe, Lighthouse, screenshots) visit. Used by the tests and by scripts/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "briefing"
BUILD_NOW = "2025-06-05T12:00:00+0000"  # one day after the example's newest post: its news sitemap has one post
SEED_URL = "/blog/russia-north-korea-ties/"
SEARCH_QUERY = "Pyongyang"


def _first(folder: Path, pattern: str = r".+") -> str:
    names = sorted(p.name for p in folder.iterdir() if p.is_dir() and re.fullmatch(pattern, p.name) and p.name != "page")
    assert names, f"no page under {folder}"
    return names[0]


def _noindex_posts(public: Path) -> list[str]:
    found = []
    for page in sorted((public / "blog").glob("*/index.html")):
        if '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8"):
            found.append(f"/blog/{page.parent.name}/")
    return found


def _post_with(public: Path, marker: str) -> str:
    """The first post (by URL) whose page contains ``marker``."""
    for page in sorted((public / "blog").glob("*/index.html")):
        if marker in page.read_text(encoding="utf-8"):
            return f"/blog/{page.parent.name}/"
    raise AssertionError(f"no post shows {marker!r}")


def page_types(public: Path) -> dict[str, str]:
    """Name -> URL path of one page of each type in a normal build of the example."""
    year = _first(public / "archive", r"\d{4}")
    month = _first(public / "archive" / year, r"\d{2}")
    tags = public / "tags"
    # The most used tag and the most cited outlet: the longest lists.
    tag = max((p for p in tags.iterdir() if p.is_dir()), key=lambda p: ((p / "index.html").read_text(encoding="utf-8").count("<article"), p.name)).name
    sources = (public / "sources" / "index.html").read_text(encoding="utf-8")
    outlet = re.search(r'<a href="(/sources/[^"]+/)"', sources.split("<main", 1)[1])
    assert outlet, "no outlet on /sources/"
    authors = (public / "authors" / "index.html").read_text(encoding="utf-8")
    author = re.search(r'<a href="(/authors/[^"]+/)"', authors.split("<main", 1)[1])
    assert author, "no author on /authors/"
    return {
        "home": "/",
        "page-2": "/page/2/",
        "post": SEED_URL,
        "page": "/about/",
        "archive": "/archive/",
        "year": f"/archive/{year}/",
        "month": f"/archive/{year}/{month}/",
        "tags": "/tags/",
        "tag": f"/tags/{tag}/",
        "sources": "/sources/",
        "outlet": outlet.group(1),
        "search": f"/search/?q={SEARCH_QUERY}",
        "authors": "/authors/",
        "author": author.group(1),
        "corrections": "/corrections/",
        "feeds": "/feeds/",
        "corrected-post": _post_with(public, 'class="notes notes--correction"'),
        "updated-post": _post_with(public, 'class="notes notes--update"'),
        "live-post": _post_with(public, '"@type":"LiveBlogPosting"'),
        "404": "/404.html",
    }


def drafts_page_types(public: Path) -> dict[str, str]:
    """The pages only a --drafts --future build has: a draft and a scheduled post, and the home page showing them."""
    marked = _noindex_posts(public)
    assert len(marked) >= 2, marked
    texts = {url: (public / url.strip("/") / "index.html").read_text(encoding="utf-8") for url in marked}
    draft = next(url for url, text in texts.items() if "badge--draft" in text)
    scheduled = next(url for url, text in texts.items() if "badge--scheduled" in text)
    return {"drafts-home": "/", "draft": draft, "scheduled": scheduled}


def build_example(target: Path, *flags: str) -> Path:
    """Build a copy of the example at BUILD_NOW into ``target``; returns its output folder."""
    import shutil

    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("public", ".masthead-cache"), dirs_exist_ok=True)
    subprocess.run([sys.executable, "-m", "masthead", "build", "--quiet", "--now", BUILD_NOW, *flags, str(target)], check=True)
    return target / "public"
