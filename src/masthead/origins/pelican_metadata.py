"""What Pelican reads about an article from outside its header: FILENAME_METADATA from its file's name,
PATH_METADATA from its path inside the content folder, and DEFAULT_DATE when neither dates it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any


def file_metadata(filename: str, settings: Mapping[str, Any]) -> dict[str, str]:
    """What FILENAME_METADATA (default ``(?P<date>\\d{4}-\\d{2}-\\d{2}).*``) takes from a file's name
    without its extension, such as its date, or its slug with ``(?P<slug>.*)``."""
    return _groups(settings.get("FILENAME_METADATA", r"(?P<date>\d{4}-\d{2}-\d{2}).*"), filename)


def path_metadata(relative: str, settings: Mapping[str, Any]) -> dict[str, str]:
    """What PATH_METADATA (none by default; ``posts/(?P<category>[^/]+)/.*``) takes from a file's path
    inside the content folder: its category, slug or date, over the folder's and DEFAULT_CATEGORY."""
    return _groups(settings.get("PATH_METADATA"), relative)


def _groups(pattern: Any, text: str) -> dict[str, str]:
    """The named groups a setting's regular expression matches at the start of ``text``; none when the
    setting is unset or not a pattern Python reads."""
    if not isinstance(pattern, str) or not pattern:
        return {}
    try:
        match = re.match(pattern, text)
    except re.error:
        return {}
    return {key: value for key, value in match.groupdict().items() if value} if match else {}


def committed(path: Path) -> int | None:
    """When the last commit that changed ``path`` was made (Unix seconds), if the site is a git repository.

    DEFAULT_DATE = 'fs' is the file's time to Pelican; a fresh clone gives every file the clone's time, so
    the same site would get new dates on every checkout. The commit's time is what that file time stood
    for, and stays the same from build to build; a file git does not know keeps its modification time.
    """
    import subprocess

    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path.name], cwd=path.parent, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    found = result.stdout.strip()
    return int(found) if result.returncode == 0 and found.isdigit() else None


def default_date(path: Path, settings: Mapping[str, Any], zone: tzinfo) -> datetime | None:
    """The date of an article whose header and file name give none: DEFAULT_DATE, ``'fs'`` for the
    file's modification time or a tuple such as ``(2024, 1, 5)``; None when unset (the article needs one)."""
    value = settings.get("DEFAULT_DATE")
    if value == "fs":
        try:
            return datetime.fromtimestamp(committed(path) or int(path.stat().st_mtime), zone)
        except OSError:
            return None
    if isinstance(value, (tuple, list)) and 3 <= len(value) <= 6 and all(isinstance(part, int) for part in value):
        try:
            return datetime(*value).replace(tzinfo=zone)
        except ValueError:
            return None
    return None
