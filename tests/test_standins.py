"""render/standins.py: a site that names no logo or default image gets a drawn wordmark (the publisher
logo of its JSON-LD) and a drawn card (the social image of every page without a picture)."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from conftest import CONFIG, MakeSite, post, write_site
from origin_sites import json_ld
from PIL import Image

from masthead.cli import main

NOW = "2025-06-01T12:00:00"


def _build(site: Path) -> Path:
    result = CliRunner().invoke(main, ["build", str(site), "--now", NOW])
    assert result.exit_code == 0, result.output
    return site / "public"


def _png(path: Path) -> Image.Image:
    image = Image.open(io.BytesIO(path.read_bytes()))
    assert image.format == "PNG"
    return image.convert("RGB")


def test_a_site_without_logo_or_default_image_gets_both(make_site: MakeSite) -> None:
    public = _build(make_site({"content/blog/a.md": post("Tide tables")}))
    page = next(public.glob("blog/*/index.html")).read_text(encoding="utf-8")
    data = json_ld(page)
    assert data["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": "https://test.example.org/_images/wordmark-600x120.png",
        "width": 600,
        "height": 120,
    }
    assert data["image"] == ["https://test.example.org/_images/card-1200x630.png"]
    assert '<meta property="og:image" content="https://test.example.org/_images/card-1200x630.png">' in page
    home = (public / "index.html").read_text(encoding="utf-8")
    assert 'content="https://test.example.org/_images/card-1200x630.png"' in home
    card, mark = _png(public / "_images/card-1200x630.png"), _png(public / "_images/wordmark-600x120.png")
    assert card.size == (1200, 630) and mark.size == (600, 120)
    assert card.getpixel((5, 5)) == (29, 53, 87)  # the paper
    assert (255, 255, 255) in {colour for _, colour in card.getcolors(maxcolors=1 << 16) or []}  # the title, drawn


def test_the_card_shows_the_title_and_follows_it(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post()})
    first = (_build(site) / "_images/card-1200x630.png").read_bytes()
    assert (_build(site) / "_images/card-1200x630.png").read_bytes() == first  # same input, same bytes
    (site / "masthead.toml").write_text(CONFIG.replace("Test Briefing", "Harbour Log"), encoding="utf-8")
    assert (_build(site) / "_images/card-1200x630.png").read_bytes() != first


def test_a_title_the_font_cannot_draw_is_drawn_as_the_host(make_site: MakeSite, tmp_path: Path) -> None:
    """Pillow's font has no CJK: 山间笔记 would be boxes, so the card shows test.example.org."""
    cjk = _build(make_site({"content/blog/a.md": post()}, config=CONFIG.replace("Test Briefing", "山间笔记")))
    other = tmp_path / "other"
    other.mkdir()
    host = _build(write_site(other, {"content/blog/a.md": post()}, config=CONFIG.replace("Test Briefing", "test.example.org")))
    assert (cjk / "_images/card-1200x630.png").read_bytes() == (host / "_images/card-1200x630.png").read_bytes()
    assert json_ld(next(cjk.glob("blog/*/index.html")).read_text(encoding="utf-8"))["publisher"]["name"] == "山间笔记"


def test_a_named_logo_and_default_image_replace_them(make_site: MakeSite) -> None:
    config = CONFIG + 'default_image = "/img/social.png"\nlogo = "/img/logo.png"\n'
    public = _build(make_site({"content/blog/a.md": post()}, config=config, images=("/img/social.png", "/img/logo.png")))
    assert not list((public / "_images").glob("card-*")) and not list((public / "_images").glob("wordmark-*"))
    data = json_ld(next(public.glob("blog/*/index.html")).read_text(encoding="utf-8"))
    assert data["publisher"]["logo"]["url"] == "https://test.example.org/img/logo.png"
    assert all("card-1200x630" not in url for url in data["image"])
