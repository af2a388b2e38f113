"""Every fixture site of another generator: built with `masthead init && masthead build`, no template
syntax (`{{<`, `{{%`, `{%`, `{{ `, `{#`) reaches a reader outside code, in any page, feed or JSON file,
and every local link, image and srcset candidate of every page names a file of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from origin_sites import FIXTURE_SITES, adopt, broken_references, literal_syntax, output_folder


def test_every_origin_has_a_fixture_site() -> None:
    kinds = {name.split("-")[0] for name in FIXTURE_SITES}
    assert {"hugo", "jekyll", "pelican", "eleventy", "gatsby"} <= kinds


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_no_literal_template_syntax(name: str, tmp_path: Path) -> None:
    site, _ = adopt(name, tmp_path)
    written = [path for path in output_folder(site).rglob("*") if path.suffix in (".html", ".xml", ".json")]
    assert len(written) > 5  # the check looked at a real site
    assert literal_syntax(site) == []


@pytest.mark.parametrize("name", FIXTURE_SITES)
def test_no_broken_links_or_images(name: str, tmp_path: Path) -> None:
    site, _ = adopt(name, tmp_path)
    assert broken_references(site) == []
