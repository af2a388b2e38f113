"""Which preview output files changed between two builds: a fingerprint of every file, reused for
files whose mtime and size did not change."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

Digests = dict[str, tuple[int, int, bytes]]  # relative path -> (mtime_ns, size, digest)


def digest_tree(folder: Path, previous: Digests) -> Digests:
    """Fingerprint every file under ``folder``; files with unchanged mtime and size keep theirs."""
    found: Digests = {}
    base = len(str(folder)) + 1
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                continue
            relative = path[base:].replace(os.sep, "/")
            known = previous.get(relative)
            if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
                found[relative] = known
                continue
            with open(path, "rb") as file:
                digest = hashlib.blake2b(file.read(), digest_size=16).digest()
            found[relative] = (stat.st_mtime_ns, stat.st_size, digest)
    return found


def digest_files(folder: Path, files: list[str], previous: Digests) -> Digests:
    """``previous`` with the given files fingerprinted again (after a quick update wrote them)."""
    found = dict(previous)
    for relative in files:
        path = folder / relative
        stat = path.stat()
        found[relative] = (stat.st_mtime_ns, stat.st_size, hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return found


def changed_files(before: Digests, after: Digests) -> list[str]:
    changed = [path for path, value in after.items() if before.get(path, (0, 0, b""))[2] != value[2]]
    changed += [path for path in before if path not in after]
    return sorted(changed)
