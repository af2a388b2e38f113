"""A Jekyll site with its own Ruby plugins (`_plugins/*.rb` registering a tag, a block and a filter,
as jekyllrb.com/docs/plugins/tags/ and /filters/ show) builds with `masthead init && masthead build`:
no plugin markup is left as text, and each use is a warning naming its line and the plugin's file."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {"/", "/about/", "/station/2024/09/14/new-aerial/"}  # permalink: pretty


def test_plugin_tags_are_warnings_with_their_file(tmp_path: Path) -> None:
    site, build = adopt("jekyll-plugins", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    note = "the site's plugin {} defines it; masthead does not run Ruby plugins"
    assert f'about.md:8: warning: Liquid tag "on_air": not supported ({note.format("_plugins/on_air.rb")}); it was removed' in build.output
    post = "_posts/2024-09-14-new-aerial.md"
    assert f'{post}:11: warning: Liquid tag "pullquote": not supported ({note.format("_plugins/on_air.rb")}); its inner content was kept' in build.output
    assert f'{post}:15: warning: Liquid filter "shout": not supported ({note.format("_plugins/shout.rb")}); its input was kept' in build.output
    aerial = (output_folder(site) / "station/2024/09/14/new-aerial/index.html").read_text(encoding="utf-8")
    assert "<p>We can be heard across the whole bay now.</p>" in aerial and "<p>Listeners in Fennick wrote in: loud and clear</p>" in aerial
    assert "On air" not in (output_folder(site) / "about/index.html").read_text(encoding="utf-8")
    assert not (output_folder(site) / "_plugins").exists()
