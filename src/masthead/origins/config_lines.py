"""Where a setting of a generator's config is written, so ``masthead init``'s warnings say ``path:line:``
as every other problem does.

A Hugo config is TOML, YAML or JSON, one file or a config folder whose files are tables
(``config/_default/outputs.toml`` is ``[outputs]``): the table and key are looked for in each, TOML
through ``schema.line_of``; a table written without the key (``[outputFormats.SearchIndex]``) gives
its header's line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from ..schema import line_of


def _toml_line(text: str, table: str, key: str | None) -> int | None:
    if table and key:
        found = line_of(text, key, table)
        if found is None:  # [outputs.home]? no: [outputFormats.SearchIndex], a table of its own
            found = _toml_header(text, f"{table}.{key}")
        return found
    return _toml_header(text, table) if table else line_of(text, key or "")


def _toml_header(text: str, name: str) -> int | None:
    header = re.search(rf"^[ \t]*\[{re.escape(name)}(?:\.[^\]]*)?\][ \t]*(?:#.*)?$", text, re.MULTILINE | re.IGNORECASE)
    return text.count("\n", 0, header.start()) + 1 if header else None


def _indented_line(text: str, table: str, key: str | None, suffix: str) -> int | None:
    """YAML (``outputs:`` then ``  home: [...]``) and JSON (``"outputs": {`` then ``"home": [...]``): the
    key's line after its table's, or the table's (or, with no table, the key's at the top)."""
    quote = '"?' if suffix == "json" else "[\"']?"
    names = [*table.split("."), key] if table else [key]
    start, line = 0, None
    for depth, name in enumerate(name for name in names if name):
        indent = "" if depth == 0 and suffix != "json" else r"[ \t]+" if suffix != "json" else r"[ \t]*"
        found = re.compile(rf"^{indent}{quote}{re.escape(name)}{quote}[ \t]*:", re.MULTILINE | re.IGNORECASE).search(text, start)
        if found is None:
            return line
        start, line = found.end(), text.count("\n", 0, found.start()) + 1
    return line


def setting_line(text: str, suffix: str, table: str, key: str | None = None) -> int | None:
    """The line of ``table``'s ``key`` (or of ``table`` itself) in a config file's text, None if not found."""
    if suffix == ".toml":
        return _toml_line(text, table, key)
    return _indented_line(text, table, key, "json" if suffix == ".json" else "yaml")


def config_problem(site: Path, files: list[Path], table: str, key: str | None, message: str) -> Problem:
    """A warning about ``table`` (``key`` in it) at the file and line that set it: the first of ``files``
    (a config file, then a config folder's) that writes it; the first file, without a line, if none does."""
    for path in files:
        own = path.stem.split(".")[0] == table  # config/_default/outputs.toml: its keys are [outputs]'s
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        line = 1 if own and not key else setting_line(text, path.suffix, "" if own else table, key)
        if line is not None:
            return Problem(path.relative_to(site).as_posix(), line, None, message, warning=True)
    shown = files[0].relative_to(site).as_posix() if files else str(site)
    return Problem(shown, None, None, message, warning=True)
