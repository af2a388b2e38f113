"""Every generated HTML page, of every page type and of a --drafts build too, passes the W3C Nu HTML
Checker (npm vnu-jar on the machine's Java) with no errors and no warnings."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from page_types import drafts_page_types, page_types

pytestmark = pytest.mark.slow  # the Nu checker is a Java program: seconds per run

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_check(paths: list[Path], warnings: bool = True) -> list[str]:
    """Every error (and warning) the checker reports, as "file:line: type: message"."""
    assert VNU.is_file(), "the Nu checker is missing: run `npm install` (scripts/test.sh does)"
    java = shutil.which("java")
    assert java, "Java is missing: scripts/test.sh installs default-jre-headless"
    result = subprocess.run([java, "-Xss4m", "-jar", str(VNU), "--format", "json", *map(str, paths)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('subType', m['type'])}: {m['message']}"
        for m in messages
        if m["type"] == "error" or (warnings and m.get("subType") == "warning")
    ]


def page_file(public: Path, url: str) -> Path:
    path = url.split("?")[0].lstrip("/")
    return public / (path if path.endswith(".html") else path + "index.html")


def test_every_page_of_the_example_is_valid(example_public: Path) -> None:
    pages = sorted(example_public.rglob("*.html"))
    assert len(pages) > 60
    assert {page_file(example_public, url) for url in page_types(example_public).values()} <= set(pages)
    assert nu_check(pages) == []  # /admin/ (the Decap CMS page) included


def test_drafts_build_is_valid_too(example_drafts_public: Path) -> None:
    types = drafts_page_types(example_drafts_public)
    draft = page_file(example_drafts_public, types["draft"])
    assert '<meta name="robots" content="noindex">' in draft.read_text(encoding="utf-8")
    assert nu_check([page_file(example_drafts_public, url) for url in types.values()]) == []


def test_the_checker_does_find_errors_and_warnings(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    warned = tmp_path / "warned.html"
    warned.write_text("<!doctype html><html lang=en><title>x</title><section><p>no heading</p></section>")
    assert any(": error: " in found for found in nu_check([broken]))
    assert any(": warning: " in found for found in nu_check([warned]))


@pytest.mark.parametrize("origin", ["hugo", "jekyll", "pelican", "eleventy", "gatsby"])
def test_adopted_sites_are_valid(origin: str, tmp_path: Path) -> None:
    """Every fixture site of an origin, in one run of the checker: redirect pages, bundles' figures,
    embeds, structured front matter, translation links, headings written from ### and raw HTML included.
    The site's own files copied as they are (a Pelican demo page in static/) are the site's, not masthead's."""
    import hashlib

    from origin_sites import FIXTURE_SITES, adopt, output_folder

    pages = []
    for name in [name for name in FIXTURE_SITES if name.split("-")[0] == origin]:
        site, _ = adopt(name, tmp_path)
        own = {hashlib.sha256(path.read_bytes()).digest() for path in (ROOT / "tests" / "sites" / name).rglob("*") if path.is_file()}
        written = [path for path in sorted(output_folder(site).rglob("*.html")) if "pagefind" not in path.parts]
        pages += [path for path in written if hashlib.sha256(path.read_bytes()).digest() not in own]
    assert len(pages) > 40  # the checker looked at real sites
    assert nu_check(pages, warnings=False) == []
