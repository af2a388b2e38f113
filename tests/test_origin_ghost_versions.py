"""Ghost exports as Ghost 0.x, 1.x and 5.x write them: each imports and builds at Ghost's URLs, with no broken image.

Shapes: 0.x (data version 003) has no ``db`` wrapper, integer ids, a ``markdown`` column, ``image`` for the
feature image, ``author_id``, and dates as epoch milliseconds or RFC 2822 text; 1.x keeps Markdown in a
Mobiledoc ``card-markdown`` card and its ``permalinks`` setting may date the URLs; 5.x exports Koenig's
HTML cards with ``__GHOST_URL__`` addresses. Images are not in an export: those not copied yet are left out.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result
from origin_sites import broken_references, literal_syntax, page_urls
from PIL import Image

from masthead.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "ghost"


def _import(tmp_path: Path, name: str, images: tuple[str, ...] = ()) -> tuple[Path, Result]:
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["new", str(site)]).exit_code == 0
    for image in images:  # Ghost's content/images, copied to static/ as the import's warning says
        (site / "static" / image).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (640, 400), (40, 60, 80)).save(site / "static" / image)
    result = CliRunner().invoke(main, ["import", "--from", "ghost", str(FIXTURES / name), "--site", str(site)])
    assert result.exit_code == 0, result.output
    build = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    return site, result


def _front_matter(path: Path) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return data


def _ghost_urls(site: Path) -> set[str]:
    """The posts' and pages' URLs (the tag and author pages are at Ghost's /tag/ and /author/ too)."""
    urls = page_urls(site)
    assert any(url.startswith("/tag/") for url in urls) and any(url.startswith("/author/") for url in urls)
    return {url for url in urls if not url.startswith(("/blog/", "/sources/", "/about/", "/tag/", "/author/")) and url != "/"}


def test_ghost_0x_export(tmp_path: Path) -> None:
    site, result = _import(tmp_path, "ghost0-export.json", ("content/images/2014/12/dues.jpg",))
    dues = _front_matter(site / "content/blog/harbour-dues-rise.md")
    assert str(dues["date"]).startswith("2014-12-02 09:00:00") and str(dues["updated"]).startswith("2014-12-02 10:00:00")
    assert dues["author"] == {"name": "Mara Quint", "url": "/author/mara/"} and dues["tags"] == ["Port"]
    assert dues["featuredImage"] == {"src": "/content/images/2014/12/dues.jpg"}  # 0.x's "image"
    body = (site / "content/blog/harbour-dues-rise.md").read_text(encoding="utf-8")
    assert "Dues rise in **spring**." in body and "See [the old rates](/old-rates/)." in body  # the Markdown as written
    assert "warning: /content/images/2014/12/office.jpg is not in static/: left out of its post" in result.output
    assert "The harbour office" in body and "office.jpg" not in body  # its alt text stands in
    # a post with no id, dates or status (Ghost's minimal import shape): a draft dated when exported
    notes = _front_matter(site / "content/blog/notes-for-later.md")
    assert notes["published"] is False and str(notes["date"]).startswith("2015-01-01")
    assert _ghost_urls(site) == {"/harbour-dues-rise/", "/old-rates/"}  # the page (page: 1) at /{slug}/ too
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_ghost_1x_mobiledoc_and_dated_permalinks(tmp_path: Path) -> None:
    site, result = _import(tmp_path, "ghost1-export.json")
    assert _ghost_urls(site) == {"/2017/10/03/mooring-plan/", "/2017/10/02/dues/"}  # permalinks: /:year/:month/:day/:slug/
    plan = (site / "content/blog/mooring-plan.md").read_text(encoding="utf-8")
    assert "Moorings are **numbered** from the west." in plan and "Read [the dues post](/2017/10/02/dues/) first." in plan
    assert "Mooring plan\n" in plan and "/content/images/2017/10/plan.png" not in plan
    dues = (site / "content/blog/dues.md").read_text(encoding="utf-8")
    assert "First line\\\n**second line**" in dues  # the soft-return atom is a line break
    assert "Change it in the settings." in dues  # a link into Ghost's admin keeps its text
    assert "1. Moor\n2. Pay" in dues and "0" not in dues.split("---\n", 2)[2].replace("2017", "")
    assert "crane.jpg" in result.output
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_ghost_5x_cards(tmp_path: Path) -> None:
    site, result = _import(tmp_path, "ghost5-cards-export.json")
    assert _ghost_urls(site) == {"/quay-works-finish/", "/timetable/", "/nochnoi-reis/"}  # the scheduled post is not out yet
    quay = (site / "content/blog/quay-works-finish.md").read_text(encoding="utf-8")
    assert "[its own tag](/tag/quay-works/)" in quay and "[a timetable](/timetable/)" in quay  # Ghost's /tag/<slug>/, kept
    assert "[Port plans 2025](https://port.example/plans) — What the port authority proposes." in quay  # a bookmark card
    assert "The new quay" in quay and "quay.jpg" not in quay and "crane.mp4" in result.output and "spacergif" not in quay
    assert "widgets.js" not in quay and "Quay open!" in quay
    assert "https://images.unsplash.example/photo-1 is on another site: the post has no featured image" in result.output
    assert literal_syntax(site) == [] and broken_references(site) == []
