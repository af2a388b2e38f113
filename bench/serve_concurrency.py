"""Benchmark `masthead serve` under load: concurrent requests while a full rebuild runs.

Usage: PYTHONPATH=src python bench/serve_concurrency.py --posts 2000 [--requests 200] [--waves 5]

Generates a corpus (bench/corpus.py), starts the preview in-process on 127.0.0.1, then changes
the site title in masthead.toml (every page re-renders: a full rebuild) and, while that rebuild
runs, fires waves of `--requests` simultaneous GETs of random pages, each on its own connection
(a thread per request, http.client, 10 s timeout), from a separate process so the load generator
does not share the server's interpreter lock. Reports how many were answered, with which
statuses, and latency percentiles. Run it on a quiet machine; figures go in docs/serve.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import corpus  # noqa: E402

from masthead.serve.session import Session  # noqa: E402


def fetch(port: int, path: str, results: list[tuple[int, float]], start: threading.Event) -> None:
    start.wait()
    began = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status = response.status
        connection.close()
    except OSError:
        status = 0  # no answer within 10 s, or the connection failed
    results.append((status, time.perf_counter() - began))


def wave(port: int, paths: list[str], count: int, rng: random.Random) -> list[tuple[int, float]]:
    results: list[tuple[int, float]] = []
    start = threading.Event()
    threads = [threading.Thread(target=fetch, args=(port, rng.choice(paths), results, start)) for _ in range(count)]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()
    return results


def load(port: int, paths: list[str], count: int, waves: int, seed: int, done: object, go: object, out: object) -> None:
    """The child process: one wave on the idle server (the baseline), then waves until the rebuild
    is done (at least one, at most ``waves``)."""
    rng = random.Random(seed)
    out.put(wave(port, paths, count, rng))  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]  # the parent has started the rebuild
    results: list[tuple[int, float]] = []
    during = 0
    while during < waves:
        finished_before = done.is_set()  # type: ignore[attr-defined]
        results += wave(port, paths, count, rng)
        if finished_before:
            break
        during += 1
    out.put((during, results))  # type: ignore[attr-defined]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(site: Path, requests: int, waves: int, seed: int) -> dict[str, object]:
    session = Session(site, "127.0.0.1", 0)
    started = time.perf_counter()
    session.start()
    first_build = time.perf_counter() - started
    port = int(session.server.server_address[1])
    posts = sorted((site / "content" / "blog").glob("*.md"))
    paths = ["/", "/assets/masthead.css", *(f"/blog/{post.stem}/" for post in posts)]
    context = multiprocessing.get_context("spawn")
    done, go, out = context.Event(), context.Event(), context.Queue()
    try:
        before = session.preview.current.number
        session.preview.listen(lambda event: done.set())
        worker = context.Process(target=load, args=(port, paths, requests, waves, seed, done, go, out))
        worker.start()
        idle = out.get(timeout=600)
        config = site / "masthead.toml"
        config.write_text(config.read_text().replace('title = "Bench Briefing"', 'title = "Bench Briefing, retitled"'))
        rebuild_started = time.perf_counter()
        go.set()
        during, results = out.get(timeout=1800)
        worker.join()
        if session.preview.current.number == before:
            raise SystemExit("the rebuild outlasted the waves: use more --waves")
        rebuild_seconds = session.preview.current.seconds
        waited = time.perf_counter() - rebuild_started
    finally:
        session.stop()
    latencies = [seconds for status, seconds in results if status]
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    idle_latencies = [seconds for status, seconds in idle if status]
    return {
        "posts": len(posts),
        "idle_wave_ms": {
            "answered": len(idle_latencies),
            "p50": round(statistics.median(idle_latencies) * 1000, 1),
            "p99": round(percentile(idle_latencies, 0.99) * 1000, 1),
        },
        "first_build_s": round(first_build, 2),
        "rebuild_s": round(rebuild_seconds, 2),
        "waves_during_rebuild": during,
        "requests": len(results),
        "statuses": statuses,  # "0": no answer within 10 s
        "latency_ms": {
            "p50": round(statistics.median(latencies) * 1000, 1),
            "p99": round(percentile(latencies, 0.99) * 1000, 1),
            "max": round(max(latencies) * 1000, 1),
        },
        "measured_s": round(waited, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200, help="simultaneous requests per wave")
    parser.add_argument("--waves", type=int, default=50, help="waves during the rebuild, at most")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the result here")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="masthead-serve-load-"))
    try:
        site = base / "site"
        corpus.generate(site, args.posts, args.seed)
        result = measure(site, args.requests, args.waves, args.seed)
    finally:
        shutil.rmtree(base)
    print(json.dumps(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
