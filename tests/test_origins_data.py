"""origins/data.py: what an adopted site's template tags read, and the files a build must watch for them."""

from __future__ import annotations

import shutil
from pathlib import Path

from origin_sites import SITES

from masthead.config import load_config
from masthead.origins.data import data_files, inherited, scopes_for, template_inputs
from masthead.origins.init import init


def _adopted(name: str, tmp_path: Path) -> Path:
    site = tmp_path / name
    shutil.copytree(SITES / name, site)
    init(site)
    return site


def test_jekyll_data_files_nested_and_in_every_format(tmp_path: Path) -> None:
    config = load_config(_adopted("jekyll-collections", tmp_path))
    files, scripts = data_files(config)
    assert files["tides"][0] == {"day": "Monday", "high": "06:12"}  # YAML
    assert files["crew"]["officers"][1]["role"] == "Pilot"  # JSON in a folder
    assert files["berths"] == [{"berth": "A1", "boat": "Skiff"}, {"berth": "A2", "boat": "Ferry One"}]  # CSV
    assert scripts == ()
    scopes, _, _ = scopes_for("_posts/en/2024-04-02-spring-schedule.md", {"title": "T"}, config)
    assert scopes["site"]["title"] == "Harbour Board" and scopes["jekyll"] == {"environment": "production"}
    assert scopes["site"]["url"] + scopes["site"]["baseurl"] == "https://harbour-board.example/board"  # url + baseurl, as base_url


def test_jekyll_collections_and_defaults(tmp_path: Path) -> None:
    config = load_config(_adopted("jekyll-collections", tmp_path))
    assert inherited("_boats/skiff.md", config) == {"permalink": "/fleet/skiff/"}
    assert inherited("_crew/captains/ines-okafor.md", config) == {"permalink": "/crew/captains/ines-okafor/"}
    assert inherited("_logbook/2024-04-01.md", config) == {}  # output: false
    assert inherited("about.md", config) == {}


def test_eleventy_directory_data_and_unread_scripts(tmp_path: Path) -> None:
    config = load_config(_adopted("eleventy-data", tmp_path))
    assert inherited("src/dispatches/swell-warning.md", config) == {
        "tags": ["dispatches"],
        "layout": "layouts/dispatch.njk",
        "permalink": "/bulletin/{{ page.fileSlug }}/",
    }
    files, scripts = data_files(config)
    assert files["site"]["title"] == "Buoy Bulletin" and "build" not in files and scripts == ("build",)


def test_template_inputs_name_every_file_bodies_read(tmp_path: Path) -> None:
    site = _adopted("jekyll-collections", tmp_path)
    found = {path.relative_to(site).as_posix() for path in template_inputs(load_config(site))}
    assert found == {"_config.yml", "_data/tides.yml", "_data/crew/officers.json", "_data/berths.csv", "_includes/notice.html"}
    eleventy = _adopted("eleventy-data", tmp_path)
    found = {path.relative_to(eleventy).as_posix() for path in template_inputs(load_config(eleventy))}
    includes = {"src/_includes/layouts/base.njk", "src/_includes/layouts/dispatch.njk"}  # an include may name any of them
    assert found == {"src/_data/site.json", "src/_data/build.js", "src/dispatches/dispatches.json", "src/guides/guides.json", *includes}


def test_an_edit_to_a_data_file_alone_rebuilds_the_pages_that_show_it(tmp_path: Path) -> None:
    from conftest import BUILD_TIME

    from masthead.build import build
    from masthead.options import BuildOptions

    site = _adopted("jekyll-collections", tmp_path)
    build(site, BuildOptions(), now=BUILD_TIME)
    output = load_config(site).folder("output")  # _site, as Jekyll's
    pages = [path for path in output.rglob("*.html") if "06:12" in path.read_text(encoding="utf-8")]
    assert pages, "the fixture shows the first tide somewhere"
    data = site / "_data" / "tides.yml"
    data.write_text(data.read_text(encoding="utf-8").replace('"06:12"', '"07:45"'), encoding="utf-8")
    report = build(site, BuildOptions(), now=BUILD_TIME)
    assert not report.up_to_date
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "07:45" in text and "06:12" not in text


def test_a_data_file_that_cannot_be_read_is_a_warning_with_its_line(tmp_path: Path) -> None:
    """Jekyll and Eleventy refuse to build with a broken data file; masthead builds and says which."""
    from masthead.build import build
    from masthead.origins.data import data_problems

    site = _adopted("jekyll-collections", tmp_path)
    (site / "_data" / "tides.yml").write_text("- day: Monday\n  high: [06:12\n", encoding="utf-8")
    (site / "_data" / "broken.json").write_text('{\n  "title": "x",\n}\n', encoding="utf-8")
    found = {(p.path, p.line): p for p in data_problems(load_config(site))}
    assert set(found) == {("_data/broken.json", 3), ("_data/tides.yml", 3)}
    assert all(p.warning and "expected valid" in p.message for p in found.values())
    warnings = build(site).warnings
    assert {(p.path, p.line) for p in warnings if "expected valid" in p.message} == set(found)
