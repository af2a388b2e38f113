"""A Docsy documentation site: contentDir = "content/en" with one [languages] entry, section folders
with capitals (docs/Setup/), nested sections with their own _index.md, an _index.html home made of
Docsy's block shortcodes, images by "../../../images/…" and by absolute path, and disableKinds with
Hugo's pre-0.73 names (no tag or category pages).

Hugo's URLs (its docs: paths are lower-cased unless disablePathToLower; a folder with _index.md is a
section with its own list and RSS): /docs/setup/first-run/, /docs/reference/lamp-fields/."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/docs/",
    "/docs/setup/",
    "/docs/setup/first-run/",
    "/docs/reference/",
    "/docs/reference/lamp-fields/",
    "/guides/",
    "/guides/night-shift/",
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, build = adopt("hugo-docsy-nested", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert 'shortcode "blocks/lead"' in build.output  # a theme's shortcode is named, its inner content kept
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_nested_sections_have_feeds(tmp_path: Path) -> None:
    site, _ = adopt("hugo-docsy-nested", tmp_path)
    public = output_folder(site)
    feeds = {path.relative_to(public).as_posix() for path in public.rglob("index.xml")}
    assert feeds == {"index.xml", "docs/index.xml", "docs/setup/index.xml", "docs/reference/index.xml", "guides/index.xml"}
    assert not (public / "tags/index.html").exists() and not (public / "categories").exists()


def test_relative_images_resolve(tmp_path: Path) -> None:
    site, _ = adopt("hugo-docsy-nested", tmp_path)
    page = (output_folder(site) / "docs/setup/first-run/index.html").read_text(encoding="utf-8")
    assert 'src="/_images/welcome-' in page  # ../../../images/ from /docs/setup/first-run/ is the static image, resized
    assert "<code>{light_name}</code>" in page


def test_a_link_around_links_and_blocks_stays_one_link_each(tmp_path: Path) -> None:
    """HTML allows no link inside a link: a shortcode's url around text that holds a link becomes the
    link of its title, and an <a> around a card's heading puts the link inside the heading."""
    site, _ = adopt("hugo-docsy-nested", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert '<p class="shortcode-label"><a href="/docs/reference/"><strong>Help wanted</strong></a></p>' in home
    assert '<p>Read the <a href="/docs/reference/">reference</a> first.</p>' in home
    assert '<h3 id="set-up"><a href="/docs/setup/">Set up</a></h3>' in home
    assert "[#" not in home and "](/docs" not in home  # no Markdown shown as text
