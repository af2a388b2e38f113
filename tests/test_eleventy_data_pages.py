"""An Eleventy template paginating global data one item a page (``pagination: {data: projects, size: 1,
alias: project}``, ``permalink: "projects/{{ project.slug }}/"``): a page per item of _data/projects.json,
the template rendered over that item, as Eleventy writes them."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, literal_syntax, output_folder, page_urls

from masthead.origins.eleventy_pages import data_page_templates

FIXTURE = Path(__file__).parent / "sites" / "eleventy-data-pages"


def test_init_names_the_template() -> None:
    assert data_page_templates(FIXTURE) == ["projects/project.njk"]


def test_a_page_per_item_rendered_over_it(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-data-pages", tmp_path)
    assert {"/projects/rain-gauge/", "/projects/seed-index/", "/posts/tools-of-the-allotment/"} <= page_urls(site)
    assert literal_syntax(site) == []
    gauge = (output_folder(site) / "projects/rain-gauge/index.html").read_text(encoding="utf-8")
    seeds = (output_folder(site) / "projects/seed-index/index.html").read_text(encoding="utf-8")
    # the template's <h1> is the page's title, its body the item's summary
    assert ">Rain gauge</h1>" in gauge and "<p>A funnel, a jar and a ruler taped to the fence.</p>" in gauge
    assert ">Seed index</h1>" in seeds and "<p>Every packet in the tin, by sowing month.</p>" in seeds
    assert "A funnel" not in seeds
