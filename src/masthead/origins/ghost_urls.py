"""Ghost's tag and author pages kept at their URLs: ``/tag/<slug>/`` and ``/author/<slug>/``.

A post keeps its URL through its own ``permalink`` (``origins/ghost.py``); the tag and author pages
are the site's, so ``masthead import --from ghost`` sets ``[origin] tag_permalink`` and
``author_permalink`` in ``masthead.toml``. It changes only those lines: the scaffold's commented
``# tag_permalink = ""`` becomes the setting, or the key is added under ``[origin]`` (the table is
added at the end when there is none). A value the site already sets is its own choice and stays.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from ..cms.files import write_atomically

GHOST_TERM_URLS = {"tag_permalink": "/tag/{slug}/", "author_permalink": "/author/{slug}/"}
_NEXT_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def _with_key(text: str, key: str, value: str, name: str = "origin") -> str:
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"  # a JSON string is a TOML basic string
    table = re.compile(rf"^\[\s*{name}\s*\]\s*(?:#.*)?$", re.MULTILINE).search(text)
    if table is None:
        return text.rstrip("\n") + f"\n\n[{name}]\n{line}\n"
    following = _NEXT_TABLE.search(text, table.end())
    end = following.start() if following else len(text)
    commented = re.compile(rf"^#\s*{re.escape(key)}\s*=.*$", re.MULTILINE).search(text, table.end(), end)
    if commented is not None:
        return text[: commented.start()] + line + text[commented.end() :]
    last = table.end() + len(text[table.end() : end].rstrip())  # after the table's last line
    return text[:last] + "\n" + line + text[last:]


def keep_ghost_urls(config_file: Path, dry_run: bool = False) -> list[str]:
    """Set Ghost's term URLs in ``config_file`` where it sets none; the settings made, as TOML lines (none
    when the file already sets both, or when its ``origin`` is written in a way the edit cannot extend)."""
    if not config_file.is_file():
        return []
    text = config_file.read_text(encoding="utf-8")
    origin = tomllib.loads(text).get("origin", {})
    made = []
    for key, value in GHOST_TERM_URLS.items():
        if not origin.get(key):
            text = _with_key(text, key, value)
            made.append(f'{key} = "{value}"')
    if not made:
        return []
    try:
        after = tomllib.loads(text).get("origin", {})
    except tomllib.TOMLDecodeError:
        after = {}
    if not isinstance(after, dict) or any(not after.get(key) for key in GHOST_TERM_URLS):  # the edit must say what it meant
        return []
    if not dry_run:
        write_atomically(config_file, text.encode("utf-8"))
    return made


def keep_tag_names(config_file: Path, names: dict[str, str], dry_run: bool = False) -> list[str]:
    """Give the tags a post names by Ghost's slug (``novosti``) their Ghost names under ``[tags]``
    (``novosti = "Новости"``), where the file names none; the settings made, as TOML lines."""
    if not names or not config_file.is_file():
        return []
    text = config_file.read_text(encoding="utf-8")
    known = tomllib.loads(text).get("tags", {})
    made = []
    for slug, name in sorted(names.items()):
        if isinstance(known, dict) and slug not in known and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
            text = _with_key(text, slug, name, "tags")
            made.append(f"{slug} = {json.dumps(name, ensure_ascii=False)}")
    try:
        after = tomllib.loads(text).get("tags", {})
    except tomllib.TOMLDecodeError:
        return []
    if not made or not isinstance(after, dict) or any(after.get(slug) != name for slug, name in names.items() if slug not in known):
        return []
    if not dry_run:
        write_atomically(config_file, text.encode("utf-8"))
    return made
