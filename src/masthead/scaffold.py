"""``masthead new``: a working site with example posts (the seed post among them)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .config import CONFIG_FILE, commented_config
from .errors import MastheadError, Problem

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"


def create(site: Path) -> int:
    """Copy the scaffold into ``site``, which must not exist or be empty; return the file count."""
    if site.exists() and (not site.is_dir() or any(site.iterdir())):
        raise MastheadError([Problem(str(site), None, None, "already exists and is not empty; expected a new folder name (nothing was changed)")])
    shutil.copytree(SCAFFOLD, site, dirs_exist_ok=True)
    settings = {
        "title": "My Briefing",
        "base_url": "https://example.org",
        "timezone": "UTC",
        "description": "Short, sourced news briefings.",
        "default_image": "/img/default-social.jpg",
        "logo": "/img/logo.png",
    }
    (site / CONFIG_FILE).write_text(commented_config(settings), encoding="utf-8")
    return sum(1 for path in site.rglob("*") if path.is_file())
