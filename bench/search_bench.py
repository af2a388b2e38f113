"""Pagefind index time and size at 1,000 and 10,000 posts (figures in docs/benchmarks.md).

Usage: PYTHONPATH=src python bench/search_bench.py [--posts 1000 10000] [--work DIR]

Each corpus comes from bench/corpus.py (deterministic, shaped like the seed post). The site is
built once to render every page (and fill the image cache); then the search stage is timed on
its own, first cold (empty index cache, Pagefind runs) and then warm (nothing changed: the
cached index is reused).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

from masthead.build import load, render_site  # noqa: E402
from masthead.render import search  # noqa: E402
from masthead.site import BuildOptions  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def measure(posts: int, work: Path) -> dict[str, float]:
    site_root = work / f"posts-{posts}"
    if site_root.exists():
        shutil.rmtree(site_root)
    generate(site_root, posts, 1)
    site, environment, _, stages = load(site_root, BuildOptions(), NOW)
    start = time.perf_counter()
    outputs = [output for output in render_site(site, environment, stages) if output[0].endswith(".html")]
    render_seconds = time.perf_counter() - start
    shutil.rmtree(site.config.folder("cache") / "search", ignore_errors=True)
    start = time.perf_counter()
    bundle = search.index(site, outputs)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    search.index(site, outputs)
    warm = time.perf_counter() - start
    indexed = sum(1 for _, data in outputs if search.MARKER in data)
    return {
        "posts": posts,
        "indexed pages": indexed,
        "render s": render_seconds,
        "index cold s": cold,
        "index warm s": warm,
        "files": len(bundle),
        "size MB": sum(len(data) for _, data in bundle) / 1e6,
        "size per post KB": sum(len(data) for _, data in bundle) / 1e3 / max(indexed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpora (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="masthead-search-bench-"))
    rows = [measure(posts, work) for posts in args.posts]
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(f"{value:.2f}" if isinstance(value, float) else str(value) for value in row.values()) + " |")


if __name__ == "__main__":
    main()
