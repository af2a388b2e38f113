"""Is what the last build wrote still right? Stats as a quick pre-check, never as the last word.

- ``input_fingerprint``: a digest of every input's stamp (``filestamp``) and size, masthead's
  version, the options and the config. When it matches the last build's, nothing changed and the
  build can stop early — but only after ``damaged_outputs`` found every owned output file still as
  it was written.
- ``racy``: a file changed within one timestamp tick before the build may change again unseen
  ("racy git"); such files are never trusted by their stat alone.
- ``valid_until``: when time alone changes the output (a scheduled post falls due, a post leaves
  the news sitemap, an expiry date passes: ``schedule.changes``).
- ``damaged_outputs``: owned files that are missing, or whose size or mtime is not what was
  recorded when masthead wrote them (someone edited or deleted them): they are written again.

The keys of the outputs themselves (what each one depends on) are derived in ``render/keys.py``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from . import __version__
from .cache import Output, digest
from .content.discover import SourceFile

if TYPE_CHECKING:
    from pathlib import Path

    from .config import Config
    from .content.entries import Entry
    from .options import BuildOptions
    from .site import Site

# Whole-second timestamps mean a coarse file system (ext3, HFS+, FAT: up to 2 s), fine ones a tick.
RACY_NS = 100_000_000
RACY_COARSE_NS = 2_000_000_000


def racy(stamp_ns: int, started_ns: int) -> bool:
    window = RACY_COARSE_NS if stamp_ns % 1_000_000_000 == 0 else RACY_NS
    return stamp_ns >= started_ns - window


def trusted_stat(source: SourceFile, started_ns: int) -> int:
    """The stamp (``filestamp``) to remember for a source: -1 (check the content next time) if it is too recent."""
    return -1 if racy(source.stamp_ns, started_ns) else source.stamp_ns


def input_fingerprint(config: Config, options: BuildOptions, inputs: Iterable[SourceFile]) -> str:
    """Digest of every input's stat; empty (never matches) while any input is too recent to trust."""
    started_ns = time.time_ns()
    listed = list(inputs)
    if any(racy(source.stamp_ns, started_ns) for source in listed):
        return ""
    stats = "\n".join(f"{s.location} {s.stamp_ns} {s.size}" for s in listed)
    return digest(f"{__version__}\n{options}\n{config.source_text}\n{stats}".encode())


def still_valid(meta: Mapping[str, str], fingerprint: str, now: datetime) -> bool:
    if not fingerprint or meta.get("fingerprint") != fingerprint:
        return False
    until = meta.get("valid_until", "")
    return not until or now < datetime.fromisoformat(until)


def valid_until(site: Site, entries: Iterable[Entry], options: BuildOptions) -> str:
    """The next moment time alone changes the output (see ``schedule``): the no-change check holds until then."""
    from .schedule import changes

    upcoming = changes(site, list(entries), options)
    return upcoming[0].moment.isoformat() if upcoming else ""


def damaged_outputs(output_folder: Path, manifest: Mapping[str, Output]) -> set[str]:
    """Owned files not as masthead wrote them: missing, or another size or mtime."""
    damaged: set[str] = set()
    folder = str(output_folder)
    for relative, row in manifest.items():
        try:
            stat = os.lstat(os.path.join(folder, relative))
        except OSError:
            damaged.add(relative)
            continue
        if stat.st_size != row.size or stat.st_mtime_ns != row.mtime_ns:
            damaged.add(relative)
    return damaged
