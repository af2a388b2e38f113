"""Screenshots of every page type of the example site at 375 and 1280 px, light and dark.

    PYTHONPATH=src python scripts/screenshots.py [--out DIR] [--full-page] [--sheets docs/screenshots]

Builds the example twice (as published, and with --drafts --future) into a temporary folder,
serves each on 127.0.0.1 and photographs every page type (tests/page_types.py) with Debian's
Chromium through Playwright. Without --full-page each PNG is the first screen, which is what a
reader sees first; with it, the whole page. A page that logs a console error or a failed request
is reported and the script exits 1. ``--sheets`` also writes one labelled contact sheet (JPEG) per
width and scheme, the small files docs/theme.md shows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from playwright.sync_api import ConsoleMessage, Request

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from page_types import build_example, drafts_page_types, page_types  # noqa: E402
from serving import chromium, serve  # noqa: E402

WIDTHS = {375: 812, 1280: 900}
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")


def _console(problems: list[str], path: str) -> Callable[[ConsoleMessage], None]:
    def record(message: ConsoleMessage) -> None:
        if message.type == "error" and "404.html" not in path:  # the 404 page is fetched as itself, fine
            problems.append(f"{path}: console {message.type}: {message.text}")

    return record


def _failed(problems: list[str], path: str) -> Callable[[Request], None]:
    return lambda request: problems.append(f"{path}: failed {request.url}")


def shoot(public: Path, pages: dict[str, str], out: Path, full_page: bool) -> list[str]:
    problems: list[str] = []
    with serve(public) as base, chromium() as browser:
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                for name, path in pages.items():
                    page = context.new_page()
                    page.on("console", _console(problems, path))
                    page.on("requestfailed", _failed(problems, path))
                    page.goto(base + path, wait_until="networkidle")
                    if name == "search":
                        page.wait_for_selector("#search-status[data-state]")
                    page.screenshot(path=str(out / f"{name}-{width}-{scheme}.png"), full_page=full_page)
                    page.close()
                context.close()
    return problems


def contact_sheets(out: Path, names: list[str], target: Path) -> list[Path]:
    """One JPEG per width and scheme: every page type's first screen, scaled, labelled, in a grid."""
    from PIL import Image, ImageDraw

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for width, height in WIDTHS.items():
        scale = 0.5 if width < 1000 else 0.3
        cell_w, cell_h, label = round(width * scale), round(height * scale), 22
        columns = 6 if width < 1000 else 4
        rows = -(-len(names) // columns)
        for scheme in SCHEMES:
            sheet = Image.new("RGB", (columns * (cell_w + 10) + 10, rows * (cell_h + label + 10) + 10), "#ffffff")
            draw = ImageDraw.Draw(sheet)
            for index, name in enumerate(names):
                x = 10 + (index % columns) * (cell_w + 10)
                y = 10 + (index // columns) * (cell_h + label + 10)
                with Image.open(out / f"{name}-{width}-{scheme}.png") as shot:
                    thumb = shot.convert("RGB").crop((0, 0, width, height)).resize((cell_w, cell_h), Image.Resampling.LANCZOS)
                draw.text((x, y + 4), name, fill="#111111")
                sheet.paste(thumb, (x, y + label))
                draw.rectangle((x - 1, y + label - 1, x + cell_w, y + label + cell_h), outline="#999999")
            path = target / f"sheet-{width}-{scheme}.jpg"
            sheet.save(path, quality=82, optimize=True)
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "masthead-screenshots")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--sheets", type=Path, help="also write contact sheets (JPEG) to this folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="masthead-shots-") as temporary:
        public = build_example(Path(temporary) / "site")
        drafts = build_example(Path(temporary) / "drafts", "--drafts", "--future")
        types, draft_types = page_types(public), drafts_page_types(drafts)
        problems = shoot(public, types, args.out, args.full_page)
        problems += shoot(drafts, draft_types, args.out, args.full_page)
    if args.sheets:
        for path in contact_sheets(args.out, [*types, *draft_types], args.sheets):
            print(f"contact sheet {path}")
    for problem in problems:
        print(problem)
    print(f"screenshots in {args.out}: {len(list(args.out.glob('*.png')))} files" + (f", {len(problems)} problems" if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
