#!/usr/bin/env python3
"""Long fuzz run: mutations of the seed post through `masthead check`, counting internal errors.

    PYTHONPATH=src python scripts/fuzz.py --cases 11000 --seed 1 [--save crashes/] [--command build]

Each case runs in a forked child (warm imports, so a case costs milliseconds) with a time and
memory limit; a case crashes when the child exits with anything but 0 or 1, prints a traceback or
"internal error", is killed, or runs out of time. Python warnings are errors, as in the tests.
The mutations are those of the Hypothesis test (tests/fuzzing.py). Prints the crash count and the
crash classes (last line of each traceback); ``--save`` keeps each crashing input.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import resource
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import POST, SEED, make_fuzz_site, mutate  # noqa: E402

MEMORY = 1 << 30  # bytes a case may allocate
NOW = "2025-06-05T12:00:00+0000"


def run_case(site: Path, data: bytes, timeout: float, command: str = "check") -> tuple[str, str]:
    """(verdict, output) for one input: verdict is "ok", "problems" or a crash description."""
    (site / POST).write_bytes(data)
    log = site.parent / "log.txt"
    pid = os.fork()
    if pid == 0:  # the child: run the CLI as a user would, output to the log
        try:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
            descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(descriptor, 1)
            os.dup2(descriptor, 2)
            warnings.simplefilter("error")
            from masthead.cli import main

            main([command, str(site), "--now", NOW, "-j", "1"], prog_name="masthead")
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
            os._exit(code)
        except BaseException:  # noqa: BLE001 - reported by the parent as a crash
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)
        os._exit(0)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return f"timeout after {timeout:.0f} s", ""
        time.sleep(0.002)
    output = log.read_text(encoding="utf-8", errors="replace")
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}", output
    code = os.WEXITSTATUS(status)
    if code in (0, 1) and "Traceback" not in output and "internal error" not in output:
        return ("ok" if code == 0 else "problems"), output
    lines = [line for line in output.splitlines() if line.strip()]
    last = next((line for line in reversed(lines) if "Error" in line or "error" in line), lines[-1] if lines else "")
    return f"exit {code}: {last[:160]}", output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a case may take")
    parser.add_argument("--save", type=Path, help="folder to keep crashing inputs in")
    parser.add_argument("--command", choices=["check", "build"], default="check", help="what to run on each case (build also writes)")
    arguments = parser.parse_args()

    import masthead.build  # noqa: F401 - warm imports before forking
    import masthead.cli  # noqa: F401
    import masthead.content.entries  # noqa: F401
    import masthead.render.pages  # noqa: F401

    seed_text = SEED.read_text(encoding="utf-8")
    rng = random.Random(arguments.seed)
    verdicts: collections.Counter[str] = collections.Counter()
    crashes: collections.Counter[str] = collections.Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        site = make_fuzz_site(Path(folder))
        for number in range(arguments.cases):
            data = mutate(seed_text, rng)
            verdict, _ = run_case(site, data, arguments.timeout, arguments.command)
            verdicts["ok" if verdict == "ok" else "problems" if verdict == "problems" else "crash"] += 1
            if verdict not in ("ok", "problems"):
                crashes[verdict] += 1
                if arguments.save:
                    arguments.save.mkdir(parents=True, exist_ok=True)
                    (arguments.save / f"case-{arguments.seed}-{number}.md").write_bytes(data)
    elapsed = time.monotonic() - started
    total = arguments.cases
    print(
        f"{total} cases in {elapsed:.0f} s: {verdicts['ok']} clean, {verdicts['problems']} with problems, "
        f"{verdicts['crash']} crashes ({100 * verdicts['crash'] / max(total, 1):.2f} %)"
    )
    for verdict, count in crashes.most_common():
        print(f"{count:6}  {verdict}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
