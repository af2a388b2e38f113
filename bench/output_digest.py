"""A clean build's output folder as one digest: the check that an optimisation changed no byte.

Usage: PYTHONPATH=src python bench/output_digest.py SITE [SITE...] [--posts 1000 --corpus DIR]

Each SITE is copied to a temporary folder, built from scratch (output and cache deleted) with a
fixed SOURCE_DATE_EPOCH, and its output tree hashed: every file's relative path and bytes, in
sorted order. ``--corpus DIR --posts N`` first generates the benchmark corpus (bench/corpus.py)
into DIR when it is not there yet. Compare the printed digests before and after a change.

Pagefind 1.5.2 writes its filter files in a different order from run to run (two clean builds
of one site differ only there), so the search index (``pagefind/``) is left out of the digest.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
EPOCH = "1767225600"  # 2026-01-01: a fixed "now", so scheduled posts and dates stay put


def tree_digest(folder: Path) -> tuple[str, int]:
    """The digest of every file under ``folder`` but the search index (path and bytes), and how many there are."""
    total = hashlib.sha256()
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.relative_to(folder).parts[0] != "pagefind")
    for path in files:
        total.update(path.relative_to(folder).as_posix().encode() + b"\0")
        total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest(), len(files)


def clean_build(site: Path) -> tuple[str, int]:
    with tempfile.TemporaryDirectory(prefix="masthead-digest-") as temporary:
        copy = Path(temporary) / "site"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public", ".masthead", "node_modules"))
        environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
        subprocess.run([sys.executable, "-m", "masthead", "build", str(copy), "--quiet"], check=True, env=environment)
        return tree_digest(copy / "public")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", type=Path, nargs="*")
    parser.add_argument("--corpus", type=Path, help="generate the benchmark corpus here (once) and digest it too")
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    sites = list(args.sites)
    if args.corpus is not None:
        if not (args.corpus / "masthead.toml").exists():
            sys.path.insert(0, str(BENCH_DIR))
            import corpus

            corpus.generate(args.corpus, args.posts)
        sites.append(args.corpus)
    for site in sites:
        value, count = clean_build(site)
        print(f"{value}  {count} files  {site}")


if __name__ == "__main__":
    main()
