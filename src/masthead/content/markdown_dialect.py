"""Which Markdown extensions a body is read with: those its site's generator turns on.

masthead's own posts are GitHub-flavoured Markdown, footnotes included (GitHub renders them; Hugo and
Ghost writers expect them); definition lists are not GFM and stay off. An adopted site's bodies are
read as its generator reads them:

- Jekyll's kramdown: footnotes and definition lists, always (another ``markdown:`` processor, such as
  jekyll-commonmark, has no definition lists, and footnotes only with its ``FOOTNOTES`` option);
- Hugo's Goldmark: both unless ``markup.goldmark.extensions.footnote`` / ``definitionList`` is false;
- Pelican's Python-Markdown: footnotes with the ``extra`` or ``footnotes`` extension, definition lists
  with ``extra`` or ``def_list`` (Pelican's default ``MARKDOWN`` has ``extra``; a site's own replaces it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .footnotes import FootnoteIds

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True)
class Dialect:
    footnotes: FootnoteIds | None = None  # None: `[^1]` is text
    definition_lists: bool = False


GFM = Dialect()
MASTHEAD = Dialect(footnotes="masthead")


def dialect(config: Config) -> Dialect:
    """The extensions the bodies of ``config``'s site are read with."""
    kind = config.origin.kind
    if not kind:
        return MASTHEAD
    if kind == "jekyll":
        from ..origins.data import origin_config

        return _jekyll(origin_config(config))
    if kind == "hugo":
        return _hugo(config.root / config.origin.config_file) if config.origin.config_file else Dialect("goldmark", True)
    if kind == "pelican":
        from ..origins.data import pelican_settings

        return _pelican(pelican_settings(config))
    return GFM


def _jekyll(settings: Mapping[str, Any]) -> Dialect:
    processor = settings.get("markdown")
    if not isinstance(processor, str) or processor.strip().lower() == "kramdown":
        return Dialect("kramdown", True)
    commonmark = settings.get("commonmark")
    options = commonmark.get("options") if isinstance(commonmark, dict) else None
    footnotes = isinstance(options, list) and any(str(option).upper() == "FOOTNOTES" for option in options)
    return Dialect("masthead" if footnotes else None, False)


def _lower_keys(value: Any) -> dict[str, Any]:
    """A table of a Hugo config, its keys as Hugo reads them (case does not matter)."""
    return {str(key).lower(): item for key, item in value.items()} if isinstance(value, dict) else {}


def _hugo(path: Path) -> Dialect:
    from ..filestamp import file_stamp
    from ..origins.hugo import config_parts, environment_files

    try:
        stamps = tuple((str(part), file_stamp(part)) for part in [path, *config_parts(path), *environment_files(path)])
    except OSError:
        return Dialect("goldmark", True)
    return _hugo_extensions(stamps)


@lru_cache(maxsize=8)
def _hugo_extensions(stamps: tuple[tuple[str, tuple[int, int]], ...]) -> Dialect:
    from ..errors import MastheadError
    from ..origins.hugo import read_config_folder

    try:
        data = read_config_folder(Path(stamps[0][0]))
    except (MastheadError, OSError):  # `masthead init` reported it; here Hugo's defaults
        data = {}
    extensions = _lower_keys(_lower_keys(_lower_keys(_lower_keys(data).get("markup")).get("goldmark")).get("extensions"))
    return Dialect("goldmark" if extensions.get("footnote") is not False else None, extensions.get("definitionlist") is not False)


def _pelican(settings: Mapping[str, Any]) -> Dialect:
    markdown = settings.get("MARKDOWN")
    if not isinstance(markdown, dict) or "MD_EXTENSIONS" in settings:  # Pelican's default (MD_EXTENSIONS: Pelican falls back to it)
        return Dialect("python-markdown", True)
    configured = markdown.get("extension_configs")
    listed = markdown.get("extensions")
    names = [*(configured if isinstance(configured, dict) else {}), *(listed if isinstance(listed, list) else [])]
    # "markdown.extensions.extra", "extra", "markdown.extensions.footnotes:FootnoteExtension"
    short = {str(name).split(":")[0].rsplit(".", 1)[-1] for name in names}
    return Dialect("python-markdown" if short & {"extra", "footnotes"} else None, bool(short & {"extra", "def_list"}))
