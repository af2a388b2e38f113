"""Compiled templates are reused across builds and sites, and never stand in for other source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import MakeSite, post

from masthead.build import build
from masthead.render import template_cache

THEME_TEMPLATES = Path(__file__).resolve().parent.parent / "src/masthead/themes/default/templates"


def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja2 compiles from source from now on."""
    names: list[str] = []
    original: Any = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: object, name: str | None = None, *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_site_built_in_the_same_process_compiles_no_theme_template(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_site({"content/blog/a.md": post("A")})
    build(first)
    names = compiled(monkeypatch)
    second = tmp_path / "second"
    second.mkdir()
    (second / "masthead.toml").write_text((first / "masthead.toml").read_text())
    (second / "content/blog").mkdir(parents=True)
    (second / "content/blog/b.md").write_text(post("B"))
    build(second)
    assert names == []
    assert "<h1" in (second / "public/blog/b/index.html").read_text()


def test_an_override_with_the_themes_name_is_compiled_from_its_own_source(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site({"content/blog/a.md": post("A")})
    build(site)
    names = compiled(monkeypatch)
    (site / "templates").mkdir()
    (site / "templates/_pagination.html").write_text((THEME_TEMPLATES / "_pagination.html").read_text() + "<!-- mine -->\n")
    build(site)
    assert names == ["_pagination.html"]
    assert "<!-- mine -->" in (site / "public/index.html").read_text()


def test_other_compile_settings_never_share_compiled_code(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text("{% if x %}\n  yes\n{% endif %}\n")
    rendered = []
    for trim in (True, False):
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), trim_blocks=trim, lstrip_blocks=trim)
        template_cache.install(environment, tmp_path / f"cache-{trim}")
        rendered.append(environment.get_template("t.html").render(x=True))
    assert rendered == ["  yes\n", "\n  yes\n"]


def test_a_shared_cache_folder_serves_a_new_process_building_another_site(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from masthead import cache

    shared = tmp_path / "shared"
    monkeypatch.setenv(cache.SHARED_CACHE, str(shared))
    first = make_site({"content/blog/a.md": post("A")})
    build(first)
    assert list(shared.glob("templates-*/*")) and not list((first / ".masthead-cache").glob("templates-*"))
    second = tmp_path / "second"
    (second / "content/blog").mkdir(parents=True)
    (second / "masthead.toml").write_text((first / "masthead.toml").read_text())
    (second / "content/blog/b.md").write_text(post("B"))
    script = (
        "import sys, jinja2\n"
        "compiled = []\n"
        "original = jinja2.Environment.compile\n"
        "jinja2.Environment.compile = lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)\n"
        "from masthead.build import build\n"
        "build(__import__('pathlib').Path(sys.argv[1]), jobs=1)\n"
        "print(len(compiled))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(second)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
    assert (second / "public/blog/b/index.html").is_file()
