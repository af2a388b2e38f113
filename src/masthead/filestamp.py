"""When a file last changed, as far as its stat can tell: the quick check before its bytes are read.

An mtime alone can lie: ``cp -p``, ``rsync -t``, ``tar x`` and ``touch -d`` set it to any moment, so
a same-size replacement would look untouched. The inode's change time (ctime) moves on every such
write and no user can set it back; the later of the two is the stamp. Where the system keeps no
ctime (Windows reports the creation time there), the mtime still counts.
"""

from __future__ import annotations

import os


def stamp_ns(stat: os.stat_result) -> int:
    return max(stat.st_mtime_ns, stat.st_ctime_ns)


def file_stamp(path: str | os.PathLike[str]) -> tuple[int, int]:
    """What an in-memory cache of a file's parsed contents keys on: its stamp and its size."""
    stat = os.stat(path)
    return stamp_ns(stat), stat.st_size
