"""Benchmark `masthead serve` under load: concurrent requests while a full rebuild runs.

Usage: PYTHONPATH=src python bench/serve_concurrency.py --posts 10000 [--requests 200] [--waves 500] [--gap 1]

Generates a corpus (bench/corpus.py) and starts the real command, `python -m masthead serve SITE
--port 0` on 127.0.0.1, in its own process (its rebuilds run in a build process of their own).
It follows the server's event stream as an open page does. Once the first build is served it sends
one wave of `--requests` simultaneous GETs to the idle server (the baseline). Then it changes the
site title in masthead.toml, so every page renders again in a full rebuild, and sends waves until
the stream reports that build. Each GET is a random post page, the home page or the stylesheet,
on its own connection with a 10 s timeout, with `--gap` seconds between waves (back-to-back waves
would take the CPUs the rebuild needs on a small machine). It prints the answered count, statuses, latency
percentiles and the load average. The machine's load goes into the figures: report it with them
(docs/serve.md).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SOURCE = BENCH_DIR.parent / "src"
sys.path.insert(0, str(BENCH_DIR))

import corpus  # noqa: E402

TIMEOUT = 10.0
SERVER_LOG: list[str] = []  # what masthead serve prints after it starts ("built in … ms")
EVENTS_PATH = "/_masthead/events"


def fetch(port: int, path: str, results: list[tuple[int, float]], start: threading.Event) -> None:
    start.wait()
    began = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status = response.status
        connection.close()
    except OSError:
        status = 0  # no answer within the timeout, or the connection failed
    results.append((status, time.perf_counter() - began))


def wave(port: int, paths: list[str], count: int, rng: random.Random) -> list[tuple[int, float]]:
    """``count`` GETs released at once, each on its own connection."""
    results: list[tuple[int, float]] = []
    start = threading.Event()
    threads = [threading.Thread(target=fetch, args=(port, rng.choice(paths), results, start)) for _ in range(count)]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()
    return results


def follow_events(port: int, events: queue.Queue[dict[str, object]]) -> None:
    """Read the server-sent events (as a page's EventSource does) into ``events``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    connection.request("GET", EVENTS_PATH)
    response = connection.getresponse()
    kind = ""
    while True:
        line = response.fp.readline()
        if not line:
            return
        text = line.decode().rstrip("\n")
        if text.startswith("event: "):
            kind = text[7:]
        elif text.startswith("data: "):
            events.put({"kind": kind, **json.loads(text[6:])})


def start_server(site: Path) -> tuple[subprocess.Popen[str], int, float]:
    """`masthead serve SITE --port 0`; returns once it prints the URL it serves (after the first build)."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "masthead", "serve", str(site), "--host", "127.0.0.1", "--port", "0"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        found = re.search(r"serving .* at http://[^:]+:(\d+)/", line)
        if found:
            threading.Thread(target=lambda: SERVER_LOG.extend(process.stderr or ()), daemon=True).start()
            return process, int(found.group(1)), time.perf_counter() - started
    raise SystemExit(f"masthead serve exited with {process.wait()} before serving")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(results: list[tuple[int, float]]) -> dict[str, object]:
    latencies = [seconds for status, seconds in results if status]
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "requests": len(results),
        "answered": len(latencies),
        "statuses": statuses,  # "0": no answer within the timeout
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
        "max_ms": round(max(latencies) * 1000, 1) if latencies else None,
    }


def measure(site: Path, requests: int, waves: int, gap: float, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    posts = sorted((site / "content" / "blog").glob("*.md"))
    paths = ["/", "/assets/masthead.css", *(f"/blog/{post.stem}/" for post in posts)]
    load_before = os.getloadavg()
    process, port, first_build = start_server(site)
    print(f"serving after {first_build:.1f} s (first build)", file=sys.stderr, flush=True)
    try:
        events: queue.Queue[dict[str, object]] = queue.Queue()
        threading.Thread(target=follow_events, args=(port, events), daemon=True).start()
        state = events.get(timeout=60)  # the state the stream opens with
        idle = wave(port, paths, requests, rng)
        config = site / "masthead.toml"
        config.write_text(config.read_text().replace('title = "Bench Briefing"', 'title = "Bench Briefing, retitled"'))
        rebuild_started = time.perf_counter()
        during: list[tuple[int, float]] = []
        finished: dict[str, object] | None = None
        count = 0
        while count < waves and finished is None:
            results = wave(port, paths, requests, rng)
            during += results
            count += 1
            progress = summary(results)
            print(f"wave {count} at {time.perf_counter() - rebuild_started:.1f} s: {progress}", file=sys.stderr, flush=True)
            try:
                finished = events.get(timeout=gap)  # also the pause between waves, so the rebuild gets CPU
            except queue.Empty:
                finished = None
        rebuild_seconds = time.perf_counter() - rebuild_started  # to the end of the wave that saw it
        load_after = os.getloadavg()
        retitled = b"Bench Briefing, retitled" in _get(port, "/")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    return {
        "posts": len(posts),
        "first_build_s": round(first_build, 2),
        "idle": summary(idle),
        "during_rebuild": {**summary(during), "waves": count},
        "rebuild_s_at_most": round(rebuild_seconds, 2),
        "rebuild_finished_during_the_waves": finished is not None,
        "rebuild_event": finished and {"build": finished.get("build"), "was": state.get("build"), "error": bool(finished.get("error"))},
        "served_the_new_title_after": retitled,
        "server_log": [line.strip() for line in SERVER_LOG if line.startswith("built in")],
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in load_after],
        "cores": os.cpu_count(),
    }


def _get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request("GET", path)
        return connection.getresponse().read()
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200, help="simultaneous requests per wave")
    parser.add_argument("--waves", type=int, default=500, help="waves during the rebuild, at most")
    parser.add_argument("--gap", type=float, default=1.0, help="seconds between waves (the event ends the wait early)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the result here")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="masthead-serve-load-"))
    try:
        site = base / "site"
        corpus.generate(site, args.posts, args.seed)
        result = measure(site, args.requests, args.waves, args.gap, args.seed)
    finally:
        shutil.rmtree(base)
    print(json.dumps(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
