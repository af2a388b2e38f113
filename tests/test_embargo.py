"""The embargo: before its time a scheduled post is in no byte of public/; after it, everywhere it belongs."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from conftest import BUILD_TIME, CONFIG, MakeSite, post

from masthead.build import build
from masthead.cli import main

DUE = "2025-06-07T08:00:00Z"
AFTER = datetime(2025, 6, 7, 9, 0, tzinfo=UTC)

SCHEDULED = f"""\
---
templateKey: blog-post
pageTitle: Quorvath Accord Signed In Vantrell
slug: quorvath-accord
aliases: [/drafts/quorvath-text/]
metaDescription: Negotiators finish the Quorvath text.
published: true
date: {DUE}
tags: [Zentrivex Talks]
featuredImage:
  src: /img/embargo-harbour.jpg
  alt: The harbour at Vantrell
---
The zentrivex clause binds both parties, [[Yonhap](https://en.yna.co.kr/view/AEN2025-quorvath)].

![A chart of the plinthwise figures](/img/embargo-chart.png)
"""

# Everything the scheduled post could leak: title, slug (and so its URL), body words, image names, its only outlet.
SECRETS = [
    "Quorvath",
    "quorvath",
    "quorvath-accord",
    "/blog/quorvath-accord/",
    "zentrivex",
    "Zentrivex",
    "plinthwise",
    "embargo-harbour",
    "embargo-chart",
    "Vantrell",
    "yna.co.kr",
    "yonhap",
    "Yonhap",
    "quorvath-text",  # its alias: no redirect page, no _redirects rule
]
# Every host file and notice is written too, so they are searched as well.
PUBLISHING = CONFIG + '[deploy]\nhost_files = true\nindexnow_key = "5e3b9d0c7a1f4e2b8c6d"\nwebsub_hub = "https://hub.example.org/"\n'


def every_byte(public: Path) -> dict[str, bytes]:
    """Each file's path and bytes, and the inflated bytes of compressed files (Pagefind's index is gzip)."""
    found = {}
    for path in sorted(public.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data += gzip.decompress(data)
            found[path.relative_to(public).as_posix()] = data
    return found


def leaks(public: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path, data in every_byte(public).items():
        hits = [secret for secret in SECRETS if secret.encode() in data or secret in path]
        if hits:
            found[path] = hits
    return found


def make(make_site: MakeSite) -> Path:
    from PIL import Image

    site = make_site(
        {"content/blog/published-one.md": post("Published One"), "content/blog/published-two.md": post("Published Two"), "content/blog/quorvath.md": SCHEDULED},
        images=("/img/other.jpg",),
        config=PUBLISHING,
    )
    for name, colour in (("embargo-harbour.jpg", (20, 90, 160)), ("embargo-chart.png", (240, 200, 10))):
        Image.new("RGB", (640, 400), colour).save(site / "static/img" / name)
    return site


def test_before_its_time_the_post_is_in_no_byte_of_the_output(make_site: MakeSite) -> None:
    site = make(make_site)
    build(site, now=BUILD_TIME)
    public = site / "public"
    assert (public / "pagefind").is_dir() and (public / "sitemap.xml").is_file()  # search is on, everything was written
    assert (public / "_redirects").is_file() and (public / "_headers").is_file() and (public / "5e3b9d0c7a1f4e2b8c6d.txt").is_file()
    assert leaks(public) == {}
    harbour = (site / "static/img/embargo-harbour.jpg").read_bytes()
    assert all(data[: len(harbour)] != harbour for data in every_byte(public).values())


def test_after_its_time_the_post_is_everywhere_it_belongs(make_site: MakeSite, tmp_path: Path) -> None:
    site = make(make_site)
    build(site, now=BUILD_TIME)
    build(site, now=AFTER)  # the same folder, incrementally: the no-change check expired at DUE
    public = site / "public"
    files = every_byte(public)
    page = files["blog/quorvath-accord/index.html"].decode()
    assert "Quorvath Accord Signed In Vantrell" in page and "zentrivex clause" in page and "plinthwise" in page
    ld = json.loads(page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert "Quorvath" in json.dumps(ld)
    for feed in ("feed.xml", "atom.xml", "feed.json"):
        assert b"Quorvath Accord" in files[feed]
    assert b"/blog/quorvath-accord/" in files["sitemap.xml"] and b"quorvath-accord" in files["news-sitemap.xml"]
    assert b"Quorvath" in files["index.html"]
    assert any(path.startswith("tags/zentrivex-talks/") for path in files)
    assert any(path.startswith("sources/") and b"Quorvath" in data for path, data in files.items())
    assert files["img/embargo-harbour.jpg"] == (site / "static/img/embargo-harbour.jpg").read_bytes()
    assert any(path.startswith("_images/embargo-harbour-") for path in files)
    assert any(path.startswith("_images/embargo-chart-") for path in files)
    assert any(path.startswith("pagefind/") and "/fragment/" in path and b"zentrivex" in data for path, data in files.items())
    assert b"/drafts/quorvath-text/ /blog/quorvath-accord/ 301" in files["_redirects"]
    assert b"https://test.example.org/blog/quorvath-accord/" in files["drafts/quorvath-text/index.html"]
    # The incremental build at DUE wrote what a clean build writes. (Pagefind's index is left out: after
    # an incremental build its pf_meta hash can differ from a clean build's — reported to the build's owners.)
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(clean, now=AFTER)
    outside_index = {path: data for path, data in every_byte(clean / "public").items() if not path.startswith("pagefind/")}
    assert outside_index == {path: data for path, data in files.items() if not path.startswith("pagefind/")}


def test_next_change_names_the_moment_the_post_falls_due(make_site: MakeSite) -> None:
    site = make(make_site)
    result = CliRunner().invoke(main, ["next-change", str(site), "--now", "2025-06-05T12:00:00+0000"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["2025-06-07T08:00:00Z", "0 8 7 6 *"]
    after = CliRunner().invoke(main, ["next-change", str(site), "--now", "2025-06-07T09:00:00+0000", "--json"])
    upcoming = json.loads(after.stdout)
    assert upcoming[0] == {"at": "2025-06-09T08:00:00Z", "cron": "0 8 9 6 *", "what": "leaves the news sitemap", "source": "content/blog/quorvath.md"}


def test_an_image_a_scheduled_post_shares_with_the_published_site_is_published(make_site: MakeSite) -> None:
    """Only the files nothing published shows are withheld: an author's portrait (a config key
    checked as a site path) that a scheduled post also features is on the author pages, so it is copied."""
    config = CONFIG + 'search = false\n[authors.kim]\nname = "Kim"\nimage = "/img/kim.jpg"\n'
    byline = post("Published One").replace("published: true\n", "published: true\nauthor: kim\n")
    scheduled = SCHEDULED.replace("/img/embargo-harbour.jpg", "/img/kim.jpg")
    site = make_site(
        {"content/blog/published-one.md": byline, "content/blog/quorvath.md": scheduled}, images=("/img/kim.jpg", "/img/embargo-chart.png"), config=config
    )
    build(site, now=BUILD_TIME)
    public = site / "public"
    author_page = (public / "authors/kim/index.html").read_text(encoding="utf-8")
    assert 'src="/img/kim.jpg"' in author_page
    assert (public / "img/kim.jpg").read_bytes() == (site / "static/img/kim.jpg").read_bytes()
    assert not (public / "img/embargo-chart.png").exists()  # only the scheduled post shows it: withheld
