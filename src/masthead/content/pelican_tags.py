"""Pelican's liquid_tags that read the site's own files or show media: ``include_code``, ``notebook``,
``video`` and ``literal``, as Markdown in place of the tag.

- ``{% include_code fit.py lang:python lines:1-5 The helpers %}``: the file under CODE_DIR (default
  ``code``) as a code block, with its title, name and a link to the file, as the plugin shows it.
- ``{% notebook fit.ipynb cells[1:4] %}``: the notebook under NOTEBOOK_DIR (default ``notebooks``),
  its Markdown cells as Markdown, its code cells and their text output as code blocks.
- ``{% video https://x/a.mp4 640 360 poster.png %}``: a link to the video, so that nothing is
  fetched until the reader asks.
- ``{% literal img /x.png %}``: the tag itself, as code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

TAGS = frozenset({"include_code", "notebook", "video", "literal"})

# The plugin's own pattern: the path, then lang:, lines:, the three flags and a title, each optional
_INCLUDE_CODE = re.compile(
    r"^\s*(?P<src>\S+)\s*(?:lang:(?P<lang>\S+))?\s*(?:lines:(?P<lines>\d+-\d+))?\s*"
    r"(?P<hidefilename>:hidefilename:)?\s*(?P<hidelink>:hidelink:)?\s*(?P<hideall>:hideall:)?\s*(?P<title>.+)?$"
)
_CELLS = re.compile(r"cells\[(-?\d*):(-?\d*)\]")


def _fenced(code: str, language: str = "") -> str:
    """``code`` in a fence longer than any run of backticks inside it."""
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", code))])
    return f"\n\n{fence}{language}\n{code.rstrip()}\n{fence}\n\n"


def _read(content: Path, relative: str, warn: Callable[[str], None]) -> str | None:
    """The text of the file at ``relative`` in the content folder, never outside it."""
    path, what = (content / relative).resolve(), repr(relative)
    if not path.is_relative_to(content.resolve()):
        warn(f"{what} is outside the content folder; it was removed")
        return None
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        warn(f"{what} is not a file of the site; it was removed")
    except (OSError, UnicodeDecodeError):
        warn(f"{what} cannot be read as UTF-8 text; it was removed")
    return None


def _include_code(arguments: str, content: Path, settings: Mapping[str, Any], warn: Callable[[str], None]) -> str:
    found = _INCLUDE_CODE.match(arguments)
    if found is None:
        warn("expected {% include_code path [lang:x] [lines:1-9] [title] %}; it was removed")
        return ""
    folder = str(settings.get("CODE_DIR", "code")).strip("/")
    relative = PurePosixPath(folder, found["src"].lstrip("/")).as_posix()
    text = _read(content, relative, warn)
    if text is None:
        return ""
    if found["lines"]:
        first, last = (int(number) for number in found["lines"].split("-"))
        text = "".join(text.splitlines(keepends=True)[first - 1 : last])
    caption = ""
    if not found["hideall"]:
        name = "" if found["hidefilename"] else PurePosixPath(found["src"]).name
        title = " ".join(part for part in ((found["title"] or "").strip(), name) if part)
        link = "" if found["hidelink"] else f"[download](/{relative})"
        caption = f"\n\n{' '.join(part for part in (f'**{title}**' if title else '', link) if part)}" if title or link else ""
    return caption + _fenced(text, found["lang"] or "")


def _notebook(arguments: str, content: Path, settings: Mapping[str, Any], warn: Callable[[str], None]) -> str:
    words = arguments.split()
    if not words:
        warn("expected {% notebook file.ipynb [cells[1:4]] %}; it was removed")
        return ""
    folder = str(settings.get("NOTEBOOK_DIR", "notebooks")).strip("/")
    relative = PurePosixPath(folder, words[0].lstrip("/")).as_posix()
    text = _read(content, relative, warn)
    if text is None:
        return ""
    try:
        notebook = json.loads(text)
        cells = list(notebook["cells"])
    except (ValueError, KeyError, TypeError):
        warn(f"{relative!r} is not a Jupyter notebook (JSON with cells); it was removed")
        return ""
    metadata = notebook.get("metadata") if isinstance(notebook.get("metadata"), dict) else {}
    language = str((metadata.get("language_info") or {}).get("name") or (metadata.get("kernelspec") or {}).get("language") or "python")
    chosen = _CELLS.search(arguments)
    if chosen:
        cells = cells[slice(int(chosen[1]) if chosen[1] else None, int(chosen[2]) if chosen[2] else None)]
    parts, images = [], 0
    for cell in cells:
        source = "".join(cell.get("source", [])) if isinstance(cell.get("source"), list) else str(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            parts.append(f"\n\n{source}\n\n")
        elif cell.get("cell_type") == "code" and source.strip():
            parts.append(_fenced(source, language))
            for output in cell.get("outputs", []):
                data = output.get("data", {}) if isinstance(output.get("data"), dict) else {}
                shown = output.get("text") if output.get("output_type") == "stream" else data.get("text/plain")
                images += any(kind.startswith("image/") for kind in data)
                if shown:
                    parts.append(_fenced("".join(shown) if isinstance(shown, list) else str(shown)))
    if images:
        warn(f"{images} image output(s) of {relative!r} are not supported; they are not shown")
    return "".join(parts)


def _video(arguments: str) -> str:
    sources = [word for word in arguments.split() if "/" in word and not re.fullmatch(r"\d+", word)]
    videos = [source for source in sources if not re.search(r"\.(png|jpe?g|gif|webp)$", source, re.IGNORECASE)]
    links = [f"[Video: {PurePosixPath(source).name}]({source})" for source in videos]
    return f"\n\n{' · '.join(links)}\n\n" if links else ""


def render(name: str, arguments: str, content: Path, settings: Mapping[str, Any], warn: Callable[[str], None]) -> str | None:
    """The Markdown for a Pelican liquid tag of ``TAGS``; None for another tag."""
    if name == "include_code":
        return _include_code(arguments, content, settings, warn)
    if name == "notebook":
        return _notebook(arguments, content, settings, warn)
    if name == "video":
        shown = _video(arguments)
        if not shown:
            warn("names no video file; it was removed")
        return shown
    if name == "literal":
        return f"`{{% {arguments.strip()} %}}`"
    return None
