"""The corrections policy: a published post whose body changed since the last build, without a new
correction or update, is warned about when ``[corrections] require_note = true``.

Each build that writes the site remembers, per published post, the digest of its body and how many
notes it has (``bodies.json`` in the cache folder, beside moved.py's ``urls.json``); ``check`` and
the next build compare against it. A post's first build, a draft and a scheduled post are never
warned about: only what readers have seen can be silently changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from ..config import Config
    from ..site import Site

FILE_NAME = "bodies.json"
Remembered = dict[str, tuple[str, int]]  # source -> (body digest, notes)


def _path(config: Config) -> Path:
    return config.folder("cache") / FILE_NAME


def history(config: Config) -> Remembered:
    try:
        data = json.loads(_path(config).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(source): (str(row[0]), int(row[1])) for source, row in data.items() if isinstance(row, list) and len(row) == 2}


def _published(site: Site) -> Remembered:
    return {post.entry.source: (post.entry.story.body_digest, post.entry.story.notes) for post in site.posts if not post.noindex}


def warnings(site: Site, known: Remembered) -> list[Problem]:
    if not site.config.corrections.require_note:
        return []
    found = []
    for post in site.posts:
        entry = post.entry
        before = known.get(entry.source)
        if post.noindex or before is None or before[0] == entry.story.body_digest or entry.story.notes > before[1]:
            continue
        key = next((name for name in ("corrections", "updates", "liveUpdates") if name in entry.key_lines), "corrections")
        found.append(
            Problem(
                entry.source,
                entry.key_lines.get(key),
                key,
                "the published text changed since the last build with no new note; expected a correction or an update saying what changed "
                f"(add one under {key}: with its date and text — [corrections] require_note is on)",
                warning=True,
            )
        )
    return found


def remember(site: Site, known: Remembered) -> None:
    """Store this build's published bodies (a post taken down keeps its last record)."""
    updated = {**known, **_published(site)}
    if updated == known:
        return
    path = _path(site.config)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({source: list(row) for source, row in sorted(updated.items())}, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)
