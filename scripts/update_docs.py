"""Regenerate the generated parts of the docs (the config key table in docs/config.md)."""

from __future__ import annotations

import re
from pathlib import Path

from masthead.config import options_reference

DOCS = Path(__file__).resolve().parent.parent / "docs" / "config.md"


def main() -> None:
    text = DOCS.read_text(encoding="utf-8")
    table = f"<!-- options:start -->\n{options_reference()}\n<!-- options:end -->"
    text = re.sub(r"<!-- options:start -->.*?<!-- options:end -->", lambda _: table, text, flags=re.S)
    DOCS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
