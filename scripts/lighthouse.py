"""Lighthouse scores of every page type of the example site, mobile and desktop, as a Markdown table.

    PYTHONPATH=src python scripts/lighthouse.py [--only home,post] [--table docs/lighthouse-table.md]

Builds the example (as published, and with --drafts --future) into a temporary folder, serves
each on 127.0.0.1, and runs npm Lighthouse 12 in Debian's Chromium through the shared wrapper
(/work/shared/validators/lighthouse.sh, which installs it under /tmp/validators; set LIGHTHOUSE_SH
to use another copy). Prints one row per page type with the four category scores for each form
factor, and the audits that cost points. A measurement, not a test: scores vary with machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from page_types import build_example, drafts_page_types, page_types  # noqa: E402
from serving import serve  # noqa: E402

WRAPPER = Path(os.environ.get("LIGHTHOUSE_SH", "/work/shared/validators/lighthouse.sh"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = {"mobile": [], "desktop": ["--desktop"]}


def report_name(path: str) -> str:
    """The report file the wrapper writes for a URL path (its own naming rule)."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_")
    return f"lh_{name or 'root'}.json"


def measure(public: Path, pages: dict[str, str], out: Path) -> dict[str, dict[str, dict[str, object]]]:
    """page type -> preset -> {category: score, "lost": [audit ids that cost points]}."""
    results: dict[str, dict[str, dict[str, object]]] = {name: {} for name in pages}
    with serve(public) as base:
        for preset, flags in PRESETS.items():
            folder = out / preset
            folder.mkdir(parents=True, exist_ok=True)
            urls = [base + path for path in pages.values()]
            subprocess.run(["bash", str(WRAPPER), "--min", "1", *flags, "--out", str(folder), *urls], check=False)
            for name, path in pages.items():
                report = folder / report_name(path)
                if not report.is_file():
                    results[name][preset] = {"error": "no report"}
                    continue
                data = json.loads(report.read_text(encoding="utf-8"))
                row: dict[str, object] = {key: data["categories"][key]["score"] for key in CATEGORIES}
                row["lost"] = sorted(
                    {
                        ref["id"]
                        for key in CATEGORIES
                        for ref in data["categories"][key]["auditRefs"]
                        if ref.get("weight", 0) > 0 and (data["audits"][ref["id"]].get("score") is not None) and data["audits"][ref["id"]]["score"] < 1
                    }
                )
                results[name][preset] = row
    return results


def median_of(runs: list[dict[str, dict[str, dict[str, object]]]]) -> dict[str, dict[str, dict[str, object]]]:
    """Lighthouse's advice for noisy machines: the median of several runs, per category."""
    from statistics import median

    merged: dict[str, dict[str, dict[str, object]]] = {}
    for name in runs[0]:
        merged[name] = {}
        for preset in PRESETS:
            rows = [run[name][preset] for run in runs if "error" not in run[name].get(preset, {"error": 1})]
            if not rows:
                merged[name][preset] = {"error": "no report"}
                continue
            row: dict[str, object] = {key: median(float(r[key]) for r in rows if r[key] is not None) for key in CATEGORIES}  # type: ignore[arg-type]
            row["lost"] = sorted({audit for r in rows for audit in r["lost"]})  # type: ignore[attr-defined]
            merged[name][preset] = row
    return merged


def table(results: dict[str, dict[str, dict[str, object]]]) -> str:
    head = "| page type | mobile: performance / accessibility / best practices / SEO | desktop: the same | audits below 1 in some run |"
    lines = [head, "|---|---|---|---|"]
    for name, presets in results.items():
        cells = []
        lost: set[str] = set()
        for preset in PRESETS:
            row = presets.get(preset, {"error": "not run"})
            if "error" in row:
                cells.append(str(row["error"]))
                continue
            cells.append(" / ".join(f"{round(float(row[key]) * 100)}" if row[key] is not None else "–" for key in CATEGORIES))  # type: ignore[arg-type]
            lost.update(row["lost"])  # type: ignore[arg-type]
        lines.append(f"| {name} | {cells[0]} | {cells[1]} | {', '.join(sorted(lost)) or '–'} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated page types (default: all)")
    parser.add_argument("--table", type=Path, help="also write the Markdown table to this file")
    parser.add_argument("--reports", type=Path, help="keep the full Lighthouse reports here")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the table shows the median (default 1)")
    args = parser.parse_args()
    wanted = set(filter(None, args.only.split(",")))
    with tempfile.TemporaryDirectory(prefix="masthead-lighthouse-") as temporary:
        work = Path(temporary)
        reports = args.reports or work / "reports"
        public = build_example(work / "site")
        pages = {k: v for k, v in page_types(public).items() if not wanted or k in wanted}
        drafts = build_example(work / "drafts", "--drafts", "--future")
        extra = {k: v for k, v in drafts_page_types(drafts).items() if not wanted or k in wanted}
        runs = []
        for run in range(args.runs):
            results = measure(public, pages, reports / f"site-{run}") if pages else {}
            results.update(measure(drafts, extra, reports / f"drafts-{run}") if extra else {})
            runs.append(results)
        results = median_of(runs)
    text = table(results)
    print(text)
    if args.table:
        args.table.write_text(text + "\n", encoding="utf-8")
    perfect = all(all(row.get(key) == 1 for key in CATEGORIES) for presets in results.values() for row in presets.values())
    return 0 if perfect else 1


if __name__ == "__main__":
    raise SystemExit(main())
