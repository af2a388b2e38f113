"""Eleventy's tag pages (a template paginating ``collections``, size 1): masthead's tag pages at its
permalink, for every collection its filter keeps, directory data files' tags included."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from origin_sites import SITES, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

from masthead.build import build
from masthead.origins.eleventy_tags import _pattern, tag_pages, tag_pagination

# What Eleventy 3 writes for tests/sites/eleventy-tag-topics (topic.njk: /topics/{{ topic | slugify }}/,
# filter [all]; notes/notes.json gives every note the tag "notes"), checked against the real tool by
# test_real_generators.py; masthead's own /tags/ list, archive, feeds and search pages come on top.
NOTES = {"/notes/harbour-wall-repairs/", "/notes/tide-table-corrections/", "/notes/a-quiet-week/"}
TOPICS = {"/topics/notes/", "/topics/harbour/", "/topics/spring-tides/", "/topics/tides/"}


def _site(tmp_path: Path, topic: str | None = None) -> Path:
    site = tmp_path / "eleventy-tag-topics"
    shutil.copytree(SITES / "eleventy-tag-topics", site)
    if topic is not None:
        (site / "src" / "topic.njk").write_text(topic, encoding="utf-8")
    return site


def _listed(site: Path, url: str) -> set[str]:
    page = (output_folder(site) / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    main = page[page.index("<main") :]
    return {href for href in re.findall(r'href="(/notes/[^"]+/)"', main)}


def test_a_page_per_collection_at_the_templates_permalink(tmp_path: Path) -> None:
    site, _ = adopt_folder(_site(tmp_path))
    assert 'tag_permalink = "/topics/{slug}/"' in (site / "masthead.toml").read_text(encoding="utf-8")
    urls = page_urls(site)
    assert urls >= NOTES | TOPICS and not any(url.startswith("/tags/") and url != "/tags/" for url in urls)
    assert "/topics/all/" not in urls  # filter: [all]
    assert _listed(site, "/topics/notes/") == NOTES  # the directory data file's tag, merged with each note's own
    assert _listed(site, "/topics/spring-tides/") == {"/notes/harbour-wall-repairs/"}
    note = (output_folder(site) / "notes/harbour-wall-repairs/index.html").read_text(encoding="utf-8")
    assert {"/topics/notes/", "/topics/harbour/", "/topics/spring-tides/"} <= set(re.findall(r'href="(/topics/[^"]+/)"', note))
    assert literal_syntax(site) == [] and broken_references(site) == []
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")  # site.json has no description: the home still has one
    assert '<meta name="description" content="Latest briefings from Estuary Notes.">' in home


def test_the_filter_leaves_collections_out_of_every_posts_tags(tmp_path: Path) -> None:
    template = (SITES / "eleventy-tag-topics" / "src" / "topic.njk").read_text(encoding="utf-8")
    site, _ = adopt_folder(_site(tmp_path, template.replace("    - all\n", "    - all\n    - notes\n")))
    urls = page_urls(site)
    assert "/topics/notes/" not in urls and {"/topics/harbour/", "/topics/tides/"} <= urls
    note = (output_folder(site) / "notes/a-quiet-week/index.html").read_text(encoding="utf-8")
    assert "/topics/" not in note  # its only tag was the collection
    assert 'not_tags = ["all", "notes"]' in (site / "masthead.toml").read_text(encoding="utf-8")


def test_without_a_filter_collections_all_has_its_page(tmp_path: Path) -> None:
    template = (SITES / "eleventy-tag-topics" / "src" / "topic.njk").read_text(encoding="utf-8")
    site, _ = adopt_folder(_site(tmp_path, template.replace("  filter:\n    - all\n", "")))
    assert _listed(site, "/topics/all/") == NOTES
    assert "/topics/notes/" in page_urls(site)


def test_a_permalink_from_eleventy_computed_is_read(tmp_path: Path) -> None:
    topic = "---\npagination: {data: collections, size: 1, alias: t}\neleventyComputed:\n  permalink: /subjects/{{ t | slug }}/\n---\n{{ t }}\n"
    site, _ = adopt_folder(_site(tmp_path, topic))
    assert {"/subjects/harbour/", "/subjects/notes/", "/subjects/all/"} <= page_urls(site)


def test_a_site_without_a_tag_template_keeps_the_posts_own_tags(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "src" / "topic.njk").unlink()
    assert tag_pages(site / "src") == {}
    adopted, _ = adopt_folder(site)
    written = {path.parent.name for path in (output_folder(adopted) / "tags").glob("*/index.html")}
    assert written == {"harbour", "spring-tides", "tides"}  # masthead's own tag pages, for the notes' own tags


@pytest.mark.parametrize(
    ("permalink", "alias", "expected"),
    [
        ("/tags/{{ tag | slugify }}/", "tag", "/tags/{slug}/"),
        ("tags/{{ tag | slug }}/index.html", "tag", "/tags/{slug}/"),
        ("/topic/{{- tag -}}.html", "tag", "/topic/{slug}.html"),
        ("/t/{{ tag | slugify }}", "tag", "/t/{slug}/"),
        ("/tags/{{ tag | slugify }}/{{ tag | slugify }}/", "tag", ""),  # the tag twice
        ("/{{ lang }}/tags/{{ tag | slugify }}/", "tag", ""),  # more than the tag
        ("/tags/{% if tag %}{{ tag }}{% endif %}/", "tag", ""),
        ("/tags/{{ other | slugify }}/", "tag", ""),
        ("/tags/{{ tag | slugify }}/", None, ""),
        (False, "tag", ""),
    ],
)
def test_permalink_patterns(permalink: object, alias: object, expected: str) -> None:
    assert _pattern(permalink, alias) == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(data=st.dictionaries(st.sampled_from(["pagination", "permalink", "eleventyComputed", "tags"]), JSON, max_size=4), alias=JSON, permalink=JSON)
def test_any_front_matter_is_read_without_failing(data: dict[str, object], alias: object, permalink: object) -> None:
    found = tag_pagination(data)
    assert found is None or found.get("data") == "collections"
    made = _pattern(permalink, alias)
    assert made == "" or (made.startswith("/") and made.count("{slug}") == 1 and "{{" not in made)


def test_excluded_from_some_collections_is_out_of_those_only(tmp_path: Path) -> None:
    """Eleventy 3's eleventyExcludeFromCollections as a list: out of its folder's collection, a note is
    written and listed nowhere; out of a tag of its own, it loses that tag and stays a listed post."""
    site = _site(tmp_path)
    notes = site / "src" / "notes"
    (notes / "buoy-moved.md").write_text(
        "---\ntitle: The fairway buoy has moved\ndate: 2024-04-10\ntags: [harbour, tides]\neleventyExcludeFromCollections: [harbour]\n---\nIt is 40 m east.\n"
    )
    (notes / "draft-of-a-chart.md").write_text(
        "---\ntitle: A chart of the channel\ndate: 2024-04-12\ntags: [harbour]\neleventyExcludeFromCollections: [notes]\n---\nNot for the lists.\n"
    )
    adopted, _ = adopt_folder(site)
    public = output_folder(adopted)
    assert _listed(adopted, "/topics/tides/") == {"/notes/tide-table-corrections/", "/notes/buoy-moved/"}
    assert _listed(adopted, "/topics/harbour/") == {"/notes/harbour-wall-repairs/"}
    assert "/notes/buoy-moved/" in _listed(adopted, "/topics/notes/")
    chart = (public / "notes/draft-of-a-chart/index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex' in chart
    assert "draft-of-a-chart" not in (public / "feed.xml").read_text(encoding="utf-8")
    assert "draft-of-a-chart" not in (public / "sitemap.xml").read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_rebuild_after_editing_the_directory_data_equals_a_clean_build(tmp_path: Path) -> None:
    """The tags a directory data file gives are inputs of every page below it: an edit to notes.json is
    a new tag page and new tag links on the next build, byte for byte as a clean build writes them."""
    site, _ = adopt_folder(_site(tmp_path))
    now = datetime(2025, 1, 1, tzinfo=UTC)
    build(site, None, now=now)
    (site / "src" / "notes" / "notes.json").write_text('{"tags": ["notes", "estuary"], "layout": "note.njk"}\n', encoding="utf-8")
    build(site, None, now=now)
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("_site", ".masthead-cache", "._site.*"))
    build(clean, None, now=now)
    assert _listed(site, "/topics/estuary/") == NOTES
    assert _files(output_folder(site)) == _files(output_folder(clean))


def test_node_modules_is_never_read(tmp_path: Path) -> None:
    """An Eleventy site whose input is its top folder keeps node_modules beside its pages: a package's
    template or its pkg/pkg.json there is neither a tag template nor an input of the build."""
    from masthead.config import load_config
    from masthead.origins.data import template_inputs

    site = _site(tmp_path)
    package = site / "src" / "node_modules" / "pkg"
    package.mkdir(parents=True)
    (package / "pkg.json").write_text('{"tags": ["vendored"]}\n')
    (package / "tags.njk").write_text("---\npagination: {data: collections, size: 1, alias: t}\npermalink: /vendored/{{ t | slug }}/\n---\n")
    (site / "src" / "topic.njk").unlink()
    assert tag_pages(site / "src") == {}
    adopted, _ = adopt_folder(site)
    inputs = {path.relative_to(adopted).as_posix() for path in template_inputs(load_config(adopted))}
    assert "src/notes/notes.json" in inputs and not any("node_modules" in path for path in inputs)
