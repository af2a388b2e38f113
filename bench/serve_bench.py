"""Benchmark `masthead serve`: from saving a post to the reload event that names its page.

Usage: PYTHONPATH=src python bench/serve_bench.py --posts 1000 [--edits 10]
       [--keep DIR] [--json out.json]

Generates a corpus (bench/corpus.py), starts the preview server in-process on an ephemeral port,
listens to its event stream like a browser tab, then edits one post at a time and measures the
wall time from the write to the `build` event listing that post's page. The target (issue 5) is
under 150 ms at 10,000 posts; until incremental builds land, every save is a full rebuild.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import corpus  # noqa: E402

from masthead.serve.session import Session  # noqa: E402


def read_event(response: http.client.HTTPResponse) -> tuple[str, dict[str, object]]:
    kind, data = "", ""
    while True:
        line = response.fp.readline().decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif not line and kind:
            return kind, json.loads(data)


def measure(site: Path, edits: int, seed: int) -> dict[str, object]:
    start = time.perf_counter()
    session = Session(site, "127.0.0.1", 0)
    session.start()
    first_build = time.perf_counter() - start
    host, port = session.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=600)
    connection.request("GET", "/_masthead/events")
    response = connection.getresponse()
    read_event(response)  # the state on connecting
    posts = sorted((site / "content" / "blog").glob("*.md"))
    rng = random.Random(seed)
    latencies: list[float] = []
    builds: list[float] = []
    try:
        for index in range(edits):
            post = rng.choice(posts)
            page = f"blog/{post.stem}/index.html"
            text = post.read_text(encoding="utf-8")
            saved = time.perf_counter()
            post.write_text(text.rstrip("\n") + f" Edit {index}.\n", encoding="utf-8")
            while True:
                kind, data = read_event(response)
                if kind == "build" and (page in data["files"] or data["all"] or data["error"]):  # type: ignore[operator]
                    break
            latencies.append(time.perf_counter() - saved)
            builds.append(session.preview.current.seconds)
            if data["error"]:
                raise SystemExit(f"the build failed:\n{session.preview.current.error}")
            time.sleep(0.2)
    finally:
        connection.close()
        session.stop()
    return {
        "posts": len(posts),
        "first_build_s": round(first_build, 3),
        "edits": edits,
        "save_to_event_ms": {
            "median": round(statistics.median(latencies) * 1000, 1),
            "min": round(min(latencies) * 1000, 1),
            "max": round(max(latencies) * 1000, 1),
        },
        "rebuild_ms_median": round(statistics.median(builds) * 1000, 1),
        "watch_and_event_overhead_ms_median": round((statistics.median(latencies) - statistics.median(builds)) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, action="append", help="corpus size (repeatable); default 1000")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate corpora here and keep them")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    results = []
    for posts in args.posts or [1000]:
        base = args.keep or Path(tempfile.mkdtemp(prefix="masthead-serve-bench-"))
        site = base / f"site-{posts}"
        if not site.exists():
            corpus.generate(site, posts, args.seed)
        try:
            result = measure(site, args.edits, args.seed)
        finally:
            if not args.keep:
                shutil.rmtree(base)
        results.append(result)
        print(json.dumps(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
