"""A Hugo site as `hugo new site` makes it, whose pages' paths take Hugo's less common turns: an alias written
relative to the page, a slug with a slash, a title with "#", a page with no date under a dated permalink,
a picture kept in assets/."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.content.entries import alias_urls
from masthead.content.markdown import hugo_token_slug

# Hugo 0.168's rules (docs "URL management" > Aliases, "Permalinks"; measured with that binary, test_real_generators):
# - an alias without a leading "/" is relative to the page: path.Join(the page's URL without its last "/", "..",
#   alias), so `pontoon` on /2024/05/new-pontoon/ is /2024/05/pontoon/.
# - slug = '2024-season/tide-tables': the "/" is a folder.
# - a title's "#" stays in the path (the folder c#-tools…/), escaped in links.
# - with the embedded image render hook (useEmbedded), a picture not beside the page is resources.Get from assets/.
# - the content files of a leaf bundle (index.md) other than its index, and its subfolders', are resources, not pages;
#   a headless bundle writes nothing.
# - a section's _index.md slug ('work') names the section in its pages' URLs: projects/new-slipway/ is /work/new-slipway/.
# - tags given as one string ('office, booking tools') are one term.
# - a page with no date has Hugo's zero date, 0001-01-01, and :year formats it as 1: /notes/1/mooring-rules/.
EXPECTED_URLS = {
    "/",
    "/posts/",
    "/notes/",
    "/categories/",
    "/2024/05/new-pontoon/",
    "/2024/05/2024-season/tide-tables/",
    "/2024/05/c#-tools-for-the-harbour-office/",
    "/notes/1/mooring-rules/",
    "/2024/05/pontoon/",  # the aliases' redirect pages
    "/old/pontoon/",
    "/work/",  # projects/_index.md's slug: the section and its pages are under /work/
    "/work/new-slipway/",
    "/2024/05/ferry-timetable/",  # its weekend.md and winter/sailings.md are the bundle's resources; homepage/ is headless
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-paths", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    for old in ("2024/05/pontoon", "old/pontoon"):  # both aliases: the relative one beside the page
        redirect = (public / old / "index.html").read_text(encoding="utf-8")
        assert 'href="https://harbour-log.example/2024/05/new-pontoon/"' in redirect and "noindex" in redirect
    assert not (public / "2024/05/new-pontoon/pontoon").exists() and not (public / "posts/pontoon").exists()
    listing = (public / "posts/index.html").read_text(encoding="utf-8")
    assert 'href="/2024/05/c%23-tools-for-the-harbour-office/"' in listing
    assert literal_syntax(site) == [] and broken_references(site) == []
    page = (public / "2024/05/new-pontoon/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="/_images/harbour-map-40w-[0-9a-f]+\.png"[^>]*alt="The harbour map"', page)  # from assets/
    assert (public / "images/harbour-map.png").is_file()  # published where Hugo's render hook puts it
    assert "missing-image" not in page
    assert (public / "tags/office-booking-tools/index.html").is_file()  # tags = 'office, booking tools': one term, as Hugo reads a string
    assert not (public / "tags/office").exists()


def test_relative_aliases_sit_beside_the_page() -> None:
    assert alias_urls(("old", "/kept/", "a/b/"), "/2024/05/new/") == ("/2024/05/old", "/kept/", "/2024/05/a/b/")
    assert alias_urls(("old",), "/") == ("/old",)


@given(st.text(max_size=30))
def test_a_slug_path_never_leaves_its_folder(slug: str) -> None:
    parts = hugo_token_slug(slug).split("/")
    assert parts and all(part.strip(".") for part in parts)


def test_other_static_folders_are_published_as_hugo_publishes_them(tmp_path: Path) -> None:
    """staticDir = ['static', 'media'] and a [[module.mounts]] of 'brand' to 'static/brand': their files are
    published at the root and under /brand/, and a post's picture from either is shown."""
    import shutil

    from origin_sites import SITES, adopt_folder
    from PIL import Image

    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo-paths", site)
    for name in ("media/img/quay.png", "brand/logo.png"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (24, 16), (200, 40, 40)).save(site / name)
    config = site / "hugo.toml"
    config.write_text(
        "staticDir = ['static', 'media']\n"
        + config.read_text(encoding="utf-8")
        + "\n[[module.mounts]]\n  source = 'content'\n  target = 'content'\n[[module.mounts]]\n  source = 'brand'\n  target = 'static/brand'\n",
        encoding="utf-8",
    )
    post = site / "content/posts/tide-tables.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n![The quay](/img/quay.png)\n", encoding="utf-8")
    adopt_folder(site)
    public = output_folder(site)
    assert (public / "img/quay.png").is_file() and (public / "brand/logo.png").is_file()
    page = (public / "2024/05/2024-season/tide-tables/index.html").read_text(encoding="utf-8")
    assert 'alt="The quay"' in page and "missing-image" not in page
    assert 'media = "/"' in (site / "masthead.toml").read_text(encoding="utf-8")
