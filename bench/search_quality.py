"""Search quality of the bucketed index against one unsplit Pagefind index (the oracle).

Usage: PYTHONPATH=src python bench/search_quality.py [--posts 10000] [--work DIR] [--json out.json]

Builds a seed-shaped corpus (bench/corpus.py) with the default config (search on), then indexes
every post page of that build once more with Pagefind into one unsplit index, the oracle. Both
are served on 127.0.0.1 and queried in Chromium (Playwright, Debian's /usr/bin/chromium): the
site through its real search page (/search/?q=…, the links it draws and the count it
announces), the oracle through Pagefind's own JS API. For every fixed query (common, rare and
misspelled words, outlet and year filters) and both orders it reports whether newest-first top
10 is identical, the best-match top-10 overlap, and the count difference (a result the oracle
does not have would be a near miss: a page without the query's words).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

from corpus import generate  # noqa: E402

from masthead.render import search_pagefind  # noqa: E402

# (words, filters): common words, rare words (numbers and phrases few posts have), misspellings
# (absent from every post: each index falls back to a prefix), and outlet and year filters.
QUERIES: list[tuple[str, dict[str, str]]] = [
    *(
        (word, {})
        for word in (
            "sanctions",
            "minister",
            "Pyongyang",
            "Brussels",
            "trade",
            "security pact",
            "tariff",
            "grain exports",
            "naval exercise",
            "semiconductor",
            "emergency aid",
            "Lavrov",
            "Kyiv",
            "negotiations",
            "debt restructuring",
            "opposition parties",
            "satellite images",
            "containers shipped",
            "demonstrations",
            "customs data",
            "economist",
        )
    ),
    *(
        (word, {})
        for word in (
            "qualitatively",
            "televised address",
            "farmers behind",
            "independent review",
            "2007",
            "2016",
            "Canberra Jakarta",
            "Brasília",
            "Geneva Warsaw",
            "closed-door",
            "slowdown",
            "funding stalled",
            "Tuesday statement",
            "patience weakness",
        )
    ),
    *(
        (word, {})
        for word in (
            "pyongyanq",
            "sanctons",
            "brussles",
            "semiconducter",
            "lavrow",
            "negotiatons",
            "geneve",
            "tarriff",
            "diplomatc",
            "exprts",
        )
    ),
    *(
        (word, {"outlet": outlet})
        for word, outlet in (
            ("sanctions", "Reuters"),
            ("Pyongyang", "BBC"),
            ("trade", "Bloomberg"),
            ("minister", "Al Jazeera"),
            ("security", "Financial Times"),
            ("export controls", "Politico"),
            ("aid", "The Guardian"),
            ("Seoul", "Nikkei Asia"),
        )
    ),
    *((word, {"year": year}) for word, year in (("sanctions", "2021"), ("Tokyo", "2019"), ("grain", "2025"))),
]
LIMIT = 10


def build(site: Path, posts: int) -> None:
    if not (site / "masthead.toml").is_file():
        generate(site, posts)
        config = site / "masthead.toml"
        config.write_text(re.sub(r"^search = false.*$", "search = true", config.read_text(), flags=re.M))
    env = {"PYTHONPATH": str(BENCH.parent / "src")}
    subprocess.run([sys.executable, "-m", "masthead", "build", str(site), "--quiet"], check=True, env={**__import__("os").environ, **env})


def oracle(public: Path, folder: Path) -> Path:
    """One Pagefind index over every indexed post page of the build."""
    import pagefind_bin

    pages = sorted(path.relative_to(public).as_posix() for path in public.glob("blog/*/index.html"))
    pages = [page for page in pages if b"data-pagefind-body" in (public / page).read_bytes()]
    bundle = folder / "bundle"
    search_pagefind.index_bucket(str(pagefind_bin.get_executable()), folder, [(page, public / page) for page in pages], "en")
    return bundle


@contextmanager
def serve(public: Path, bundle: Path) -> Iterator[str]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            if path.startswith("/_oracle/"):
                return str(bundle / path.split("?")[0].removeprefix("/_oracle/"))
            return super().translate_path(path)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(public)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join()


ORACLE_JS = """async ([query, filters, sort]) => {
  window.oracle ??= await (async () => {
    const pagefind = await import('/_oracle/pagefind.js');
    const engine = pagefind.createInstance({ basePath: '/_oracle/' });
    await engine.options({ excerptLength: 24 });
    await engine.init();
    return engine;
  })();
  const any = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, { any: [v] }]));
  const search = await window.oracle.search(query, { filters: any, sort: sort === 'newest' ? { published: 'desc' } : undefined });
  const top = await Promise.all(search.results.slice(0, LIMIT).map((r) => r.data()));
  return { count: search.results.length, urls: top.map((d) => d.url) };
}""".replace("LIMIT", str(LIMIT))


def site_answer(page: object, base: str, query: str, filters: dict[str, str], sort: str) -> dict[str, object]:
    params = {"q": query, **({"sort": sort} if sort != "newest" else {}), **filters}
    start = time.perf_counter()
    page.goto(f"{base}/search/?{urlencode(params)}")  # type: ignore[attr-defined]
    page.wait_for_selector("#search-status[data-state]", timeout=120_000)  # type: ignore[attr-defined]
    seconds = time.perf_counter() - start
    links = page.locator(".search-result__title a").all()  # type: ignore[attr-defined]
    urls = [link.get_attribute("href") for link in links[:LIMIT]]
    status = page.inner_text("#search-status")  # type: ignore[attr-defined]
    found = re.match(r"([\d,]+) briefings? found", status)
    return {"count": int(found.group(1).replace(",", "")) if found else 0, "urls": urls, "seconds": seconds}


def compare(base: str, only: set[str] | None = None) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, object]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        oracle_page = browser.new_page()
        oracle_page.goto(f"{base}/404.html")
        for query, filters in QUERIES:
            if only and query not in only:
                continue
            for sort in ("newest", "relevance"):
                mine = site_answer(page, base, query, filters, sort)
                truth = oracle_page.evaluate(ORACLE_JS, [query, filters, sort])
                overlap = len(set(mine["urls"]) & set(truth["urls"])) / max(len(truth["urls"]), 1)  # type: ignore[arg-type]
                rows.append(
                    {
                        "query": query,
                        "filters": filters,
                        "sort": sort,
                        "count": mine["count"],
                        "oracle count": truth["count"],
                        "identical": mine["urls"] == truth["urls"],
                        "overlap": overlap if truth["urls"] else (1.0 if not mine["urls"] else 0.0),
                        "seconds": mine["seconds"],
                    }
                )
                print(f"{sort:9} {query!r:24} {filters} count {mine['count']}/{truth['count']} overlap {rows[-1]['overlap']:.1f}", file=sys.stderr)
        browser.close()
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| query | filter | newest top 10 identical | best-match top 10 overlap | count (site / oracle) | s to results (newest, best) |",
        "|---|---|---|---|---|---|",
    ]
    for newest, best in zip(rows[::2], rows[1::2], strict=True):
        shown = ", ".join(f"{k}={v}" for k, v in newest["filters"].items())  # type: ignore[attr-defined]
        lines.append(
            f"| {newest['query']} | {shown} | {'yes' if newest['identical'] else '**no**'} | {best['overlap']:.0%} | "
            f"{newest['count']:,} / {newest['oracle count']:,} | {newest['seconds']:.2f}, {best['seconds']:.2f} |"
        )
    newest_rows, best_rows = rows[::2], rows[1::2]
    identical = sum(1 for row in newest_rows if row["identical"])
    mean = sum(float(row["overlap"]) for row in best_rows) / len(best_rows)  # type: ignore[arg-type]
    extra = sum(max(0, int(row["count"]) - int(row["oracle count"])) for row in rows)  # type: ignore[call-overload]
    missing = sum(max(0, int(row["oracle count"]) - int(row["count"])) for row in rows)  # type: ignore[call-overload]
    lines.append("")
    lines.append(
        f"{len(newest_rows)} queries: newest-first top 10 identical for {identical}; best-match top-10 overlap "
        f"{mean:.1%} on average (lowest {min(float(r['overlap']) for r in best_rows):.0%}); results the oracle does not "  # type: ignore[arg-type]
        f"have (near misses): {extra}; oracle results missing: {missing}."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--work", type=Path, required=True, help="folder for the corpus (kept, reused when present)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--served-as-built", action="store_true", help="skip the build (the site is already built)")
    parser.add_argument("--only", nargs="+", help="run only these queries (to re-check a few)")
    args = parser.parse_args()
    site = args.work / f"posts-{args.posts}"
    if not args.served_as_built:
        build(site, args.posts)
    bundle = oracle(site / "public", args.work / f"oracle-{args.posts}")
    with serve(site / "public", bundle) as base:
        rows = compare(base, set(args.only or ()))
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
