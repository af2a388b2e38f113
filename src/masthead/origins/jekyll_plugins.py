"""The Liquid tags and filters a Jekyll site defines itself, in ``_plugins/*.rb``: Ruby that masthead does
not run. A warning about such a tag or filter names the file that defines it, so the reader knows where
the markup came from and what to port (``Liquid::Template.register_tag("on_air", OnAirTag)``; a filter
is a method of a module given to ``Liquid::Template.register_filter``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import Config

_TAG = re.compile(r"""register_tag\(\s*(?:["']|:)(\w+)""")
_METHOD = re.compile(r"^\s*def\s+(\w+)", re.MULTILINE)


@lru_cache(maxsize=8)
def _definitions(plugins: Path) -> dict[tuple[str, str], str]:
    """("tag" or "filter", name) -> the plugin file, relative to the site, that defines it."""
    found: dict[tuple[str, str], str] = {}
    if not plugins.is_dir():
        return found
    for path in sorted(plugins.rglob("*.rb")):
        try:
            code = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        shown = f"{plugins.name}/{path.relative_to(plugins).as_posix()}"
        for name in _TAG.findall(code):
            found.setdefault(("tag", name), shown)
        if "register_filter" in code:
            for name in _METHOD.findall(code):
                found.setdefault(("filter", name), shown)
    return found


def plugin_note(config: Config, kind: str, name: str) -> str:
    """`` (defined in _plugins/x.rb, …)`` for a tag or filter of the site's own plugins, else nothing."""
    if config.origin.kind != "jekyll":
        return ""
    defined = _definitions((config.root / "_plugins").resolve()).get((kind, name))
    return f" (the site's plugin {defined} defines it; masthead does not run Ruby plugins)" if defined else ""
