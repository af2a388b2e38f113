"""``masthead links --fix``: replace tracking URLs in the sources by their destinations.

Only the bytes of each URL change: front matter, line endings, spacing and every other byte stay
as they were. Each file is written to a temporary file beside it and swapped in with
``os.replace``, so a reader never sees half a file. A link that could not be resolved is left
alone and reported with the reason.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MastheadError, Problem
from .carried import carried_destination
from .rules import Tracking, classify, strip_tracking_parameters
from .scan import FoundLink
from .store import Answer

if TYPE_CHECKING:  # importing the audit would import the HTTP client, which a build never needs
    from .audit import Audit

# Characters that would end or confuse a Markdown link destination; written percent-encoded.
_ENCODE = {
    " ": "%20",
    "(": "%28",
    ")": "%29",
    "<": "%3C",
    ">": "%3E",
    "`": "%60",
    "\n": "",
    "\r": "",
}


@dataclass(frozen=True)
class Change:
    link: FoundLink
    new: str  # the text written in place of ``link.written``


@dataclass(frozen=True)
class LeftAlone:
    link: FoundLink
    reason: str


@dataclass(frozen=True)
class FixResult:
    changes: tuple[Change, ...]
    left: tuple[LeftAlone, ...]
    files: tuple[str, ...]  # sources changed (or that would change, in a dry run)
    diff: str


def markdown_destination(url: str) -> str:
    return "".join(_ENCODE.get(character, character) for character in url)


def offline_destination(url: str) -> str | None:
    """The clean destination a tracking link carries in itself (carried.py), when that is not another
    tracking redirect: then nobody needs to be asked. None otherwise."""
    carried = carried_destination(url)
    if carried is None or ((final := classify(carried)) is not None and final.redirect):
        return None
    return strip_tracking_parameters(carried)


def clean_destination(url: str, tracking: Tracking | None, answer: Answer | None) -> tuple[str | None, str]:
    """The clean URL for a tracking link (from its stored answer), or None and why not."""
    if tracking is None:
        return None, "not a tracking link"
    if not tracking.redirect:
        return strip_tracking_parameters(url), ""
    if (carried := offline_destination(url)) is not None:
        return carried, ""  # the link says where it goes: nobody is asked
    if answer is None:
        return None, "not resolved yet (run masthead links --resolve)"
    if answer.outcome != "ok":
        return None, f"did not resolve: {answer.error or answer.outcome}"
    if answer.final_url == url:
        return None, "the tracking service answered without redirecting"
    final = classify(answer.final_url)
    if final is not None and final.redirect:
        return None, f"ends at another tracking link ({final.service}): {answer.final_url}"
    return strip_tracking_parameters(answer.final_url), ""


def plan(found: Audit) -> tuple[list[Change], list[LeftAlone]]:
    changes: list[Change] = []
    left: list[LeftAlone] = []
    for item in found.tracking:
        url, reason = clean_destination(item.link.url, item.tracking, item.answer)
        if url is None:
            left.append(LeftAlone(item.link, reason))
        elif url != item.link.url:
            changes.append(Change(item.link, markdown_destination(url)))
    return changes, left


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rewrite(data: bytes, changes: list[Change], source: str) -> bytes:
    """``data`` with each change's URL bytes replaced; refuses if the file moved under us."""
    for change in sorted(changes, key=lambda c: c.link.start, reverse=True):
        link = change.link
        if data[link.start : link.end] != link.written.encode("utf-8"):
            raise MastheadError(
                [
                    Problem(
                        source,
                        link.line,
                        None,
                        "changed since it was scanned; nothing was rewritten — run masthead links --fix again",
                    )
                ]
            )
        data = data[: link.start] + change.new.encode("utf-8") + data[link.end :]
    return data


def fix(root: Path, found: Audit, dry_run: bool = False) -> FixResult:
    """Rewrite the sources of ``root`` (or, with ``dry_run``, only say how)."""
    changes, left = plan(found)
    by_file: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_file[change.link.source].append(change)
    rewritten: dict[str, tuple[bytes, bytes]] = {}
    for source, file_changes in sorted(by_file.items()):
        path = root / source
        before = path.read_bytes()
        rewritten[source] = before, rewrite(before, file_changes, source)  # check every file first
    diff: list[str] = []
    for source, (before, after) in rewritten.items():
        diff.extend(
            difflib.unified_diff(
                before.decode("utf-8").splitlines(keepends=True),
                after.decode("utf-8").splitlines(keepends=True),
                f"a/{source}",
                f"b/{source}",
                n=0,
            )
        )
        if not dry_run:
            _write_atomically(root / source, after)
    return FixResult(tuple(changes), tuple(left), tuple(rewritten), "".join(diff))
