"""Responsive images and social images on built sites: files, markup, errors, warnings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_TIME, CONFIG, MakeSite, post
from PIL import Image

from masthead import cache
from masthead.build import build
from masthead.config import load_config
from masthead.errors import MastheadError
from masthead.options import BuildOptions

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PILLOW_FORMAT = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}
SEED_PAGE = "blog/russia-north-korea-ties/index.html"


def tags(markup: str, name: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', attributes)) for attributes in re.findall(rf"<{name}\b([^>]*)>", markup)]


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(width.rstrip("w"))) for url, width in (part.split() for part in value.split(","))]


def test_every_picture_file_exists_with_its_declared_size_and_format(example_public: Path) -> None:
    checked = 0
    for page in (example_public / "index.html", example_public / SEED_PAGE, example_public / "about/index.html"):
        for number, picture in enumerate(re.findall(r"<picture>(.*?)</picture>", page.read_text())):
            sources, (img,) = tags(picture, "source"), tags(picture, "img")
            assert img.get("width") and img.get("height") and img.get("decoding") == "async"
            first_screen = page.name == "index.html" and number < 4  # the lead (high priority) and the first row
            assert img.get("loading") == ("lazy" if not first_screen else None) or img.get("fetchpriority") == "high"
            assert re.fullmatch(r"background-color:#[0-9a-f]{6}", img.get("style", ""))
            ratio = int(img["width"]) / int(img["height"])
            types = [source["type"] for source in sources]
            assert types == ["image/avif", "image/webp"]
            for element, mime in [*zip(sources, types, strict=True), (img, "image/jpeg")]:
                assert element["sizes"]
                for url, width in srcset(element["srcset"]):
                    with Image.open(example_public / url.lstrip("/")) as image:
                        assert image.format == PILLOW_FORMAT[mime]
                        assert image.width == width
                        assert abs(image.width / image.height - ratio) < 0.01
                        checked += 1
    assert checked >= 9 * 3


def test_images_are_never_enlarged(make_site: MakeSite) -> None:
    site = make_site(
        {"content/blog/a.md": post().replace("teaser: A teaser.", "teaser: A teaser.\nfeaturedImage:\n  src: /img/small.png\n  alt: Red")},
        images=("/img/small.png",),
    )
    build(site, BuildOptions(), now=BUILD_TIME)
    page = (site / "public/blog/a/index.html").read_text()
    widths = {width for source in re.findall(r'srcset="([^"]*)"', page) for _, width in srcset(source)}
    assert widths == {120}  # 480, 960 and 1600 would all enlarge the 120-pixel original
    assert 'alt="Red"' in page and 'width="120" height="80"' in page


def test_social_image_is_1200_by_630_and_announced(example_public: Path) -> None:
    page = (example_public / SEED_PAGE).read_text()
    url = re.search(r'<meta property="og:image" content="https://briefing\.example\.org(/_images/[^"]+-social-[^"]+\.jpg)">', page)
    assert url, "og:image should be the post's social crop"
    assert '<meta property="og:image:width" content="1200">' in page and '<meta property="og:image:height" content="630">' in page
    assert f'<meta name="twitter:image" content="https://briefing.example.org{url.group(1)}">' in page
    with Image.open(example_public / url.group(1).lstrip("/")) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page)
    assert script is not None
    ld = json.loads(script.group(1))
    assert ld["image"][0] == f"https://briefing.example.org{url.group(1)}"
    home = (example_public / "index.html").read_text()  # lists fall back to the site's default image
    default = re.search(r'<meta property="og:image" content="https://briefing\.example\.org(/_images/default-social-social-[^"]+)"', home)
    assert default is not None
    with Image.open(example_public / default.group(1).lstrip("/")) as image:
        assert image.size == (1200, 630)


def test_focus_point_moves_the_social_crop(make_site: MakeSite) -> None:
    from masthead.imageproc import focus_box

    text = post().replace("teaser: A teaser.", 'teaser: A teaser.\nfeaturedImage:\n  src: /img/tall.png\n  alt: A tall picture\n  focus: "0.5,0.0"')
    site = make_site({"content/blog/a.md": text})
    tall = Image.new("RGB", (600, 900), (0, 0, 255))
    tall.paste((255, 0, 0), (0, 0, 600, 300))  # red top third
    (site / "static/img").mkdir(parents=True)
    tall.save(site / "static/img/tall.png")
    build(site, BuildOptions(), now=BUILD_TIME)
    social = re.search(r'og:image" content="https://test\.example\.org/([^"]+)"', (site / "public/blog/a/index.html").read_text())
    assert social is not None
    with Image.open(site / "public" / social.group(1)) as image:
        assert image.size == (1200, 630)
        red = image.convert("RGB").getpixel((600, 100))
        assert isinstance(red, tuple) and red[0] > 200  # the red top is kept
    assert focus_box(600, 900, (0.5, 0.0))[1] == 0


def test_focus_must_be_two_numbers(make_site: MakeSite) -> None:
    text = post().replace("teaser: A teaser.", 'teaser: A teaser.\nfeaturedImage:\n  src: /img/a.png\n  focus: "middle"')
    site = make_site({"content/blog/a.md": text}, images=("/img/a.png",))
    with pytest.raises(MastheadError) as caught:
        build(site, BuildOptions(), now=BUILD_TIME)
    assert "content/blog/a.md:8: featuredImage: focus: 'middle'; expected two numbers from 0 to 1" in caught.value.report()


def test_body_images_become_lazy_pictures(make_site: MakeSite) -> None:
    text = post() + "\n![A map of the strait](/img/map.png)\n\n![remote](https://example.org/x.png)\n"
    site = make_site({"content/blog/a.md": text}, images=("/img/map.png",))
    build(site, BuildOptions(), now=BUILD_TIME)
    body = (site / "public/blog/a/index.html").read_text().split('<div class="post__body">')[1]
    assert re.search(
        r'<picture><source type="image/avif".*?<img src="/_images/map-120w-[0-9a-f]{12}\.png".*?alt="A map of the strait"'
        r' width="120" height="80" loading="lazy" decoding="async"',
        body,
    )
    assert '<img loading="lazy" decoding="async" src="https://example.org/x.png"' in body  # remote: left alone


def test_corrupt_image_names_the_post_and_the_file(make_site: MakeSite) -> None:
    text = post() + "\n![Broken](/img/broken.jpg)\n"
    site = make_site({"content/blog/a.md": text, "static/img/broken.jpg": b"\xff\xd8\xff\xe0 not really a JPEG"})
    with pytest.raises(MastheadError) as caught:
        build(site, BuildOptions(), now=BUILD_TIME)
    report = caught.value.report()
    assert "content/blog/a.md: image: '/img/broken.jpg' could not be read" in report
    assert not (site / "public").exists()


def test_check_warns_about_featured_images_without_alt(make_site: MakeSite) -> None:
    text = post().replace("teaser: A teaser.", "teaser: A teaser.\nfeaturedImage:\n  src: /img/a.png")
    site = make_site({"content/blog/a.md": text}, images=("/img/a.png",))
    report = build(site, BuildOptions(), now=BUILD_TIME, mode="check")
    assert [str(problem) for problem in report.warnings] == [
        "content/blog/a.md:8: warning: featuredImage.alt: no alt text for /img/a.png; expected a short description of the picture for screen readers (alt: ...)"
    ]


def test_rebuild_reuses_cached_images_and_gives_the_same_bytes(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.SHARED_CACHE)  # the site's own image cache
    text = post().replace("teaser: A teaser.", "teaser: A teaser.\nfeaturedImage:\n  src: /img/a.png\n  alt: Red")
    site = make_site({"content/blog/a.md": text}, images=("/img/a.png",))
    build(site, BuildOptions(), now=BUILD_TIME)
    first = {path.relative_to(site / "public"): path.read_bytes() for path in (site / "public").rglob("*") if path.is_file()}
    cached = sorted((site / ".masthead-cache/images").iterdir())
    build(site, BuildOptions(), now=BUILD_TIME)
    second = {path.relative_to(site / "public"): path.read_bytes() for path in (site / "public").rglob("*") if path.is_file()}
    assert first == second
    assert sorted((site / ".masthead-cache/images").iterdir()) == cached


def test_image_settings_are_checked(make_site: MakeSite) -> None:
    site = make_site(config=CONFIG + '\n[images]\nwidths = [480, "big"]\nformats = ["jxl"]\nquality = 0\n')
    with pytest.raises(MastheadError) as caught:
        load_config(site)
    report = caught.value.report()
    assert "masthead.toml:6: images.widths: expected a list of whole numbers" in report
    assert "masthead.toml:7: images.formats: ['jxl']: unknown format 'jxl'; expected any of avif, webp" in report
    assert "masthead.toml:8: images.quality: 0: expected a whole number from 1 to 100" in report
    site = make_site(config=CONFIG + '\n[images]\nwidths = [960, 320, 960]\nformats = ["webp"]\n')
    settings = load_config(site).images
    assert (settings.widths, settings.formats, settings.quality) == ((320, 960), ("webp",), 80)


@pytest.mark.slow
def test_pages_with_pictures_pass_the_w3c_checker(example_public: Path) -> None:
    pages = [example_public / name for name in ("index.html", SEED_PAGE, "about/index.html", "search/index.html")]
    assert all("<picture>" in page.read_text() for page in pages[:2])
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *map(str, pages)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_an_svg_featured_image_is_shown_and_the_card_is_shared(make_site: MakeSite) -> None:
    """A vector featured image (a Gatsby Lumen post's `socialImage: /media/logo.svg`) is served as it is;
    it has no pixels to crop into the 1200×630 social image, so the site's card stands in."""
    text = post().replace("teaser: A teaser.", "teaser: A teaser.\nfeaturedImage:\n  src: /img/logo.svg\n  alt: The project's logo")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" fill="#236"/></svg>'
    site = make_site({"content/blog/a.md": text, "static/img/logo.svg": svg})
    build(site, BuildOptions(), now=BUILD_TIME)
    page = (site / "public/blog/a/index.html").read_text(encoding="utf-8")
    assert any(tag.get("src") == "/img/logo.svg" and tag.get("alt") == "The project&#39;s logo" for tag in tags(page, "img")), tags(page, "img")
    social = re.search(r'og:image" content="https://test\.example\.org/([^"]+)"', page)
    assert social is not None and not social.group(1).endswith(".svg")
    with Image.open(site / "public" / social.group(1)) as image:
        assert image.size == (1200, 630)


def test_a_palette_image_with_a_transparent_colour_converts_without_library_warnings(make_site: MakeSite) -> None:
    """Pillow warns when a palette image whose transparency is given in bytes is converted to RGB; masthead
    converts it to RGBA first, so no library warning reaches the user."""
    site = make_site({"content/blog/a.md": post().replace("Body of", "![A badge](/img/badge.png)\n\nBody of")})
    badge = Image.new("P", (200, 100), 3)
    badge.putpalette([0, 0, 0, 255, 255, 255, 200, 30, 30, 10, 120, 200] + [0] * (256 * 3 - 12))
    (site / "static/img").mkdir(parents=True)
    badge.paste(1, (0, 0, 50, 100))
    badge.paste(2, (50, 0, 100, 100))
    badge.save(site / "static/img/badge.png", transparency=bytes([0, 96, 160, 255]))  # partly transparent colours: a tRNS of bytes
    done = subprocess.run(
        [sys.executable, "-W", "always", "-m", "masthead", "build", str(site), "--now", "2024-06-01T12:00:00"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert list((site / "public/_images").glob("badge-*.png")) or list((site / "public/_images").glob("badge-*.webp"))
