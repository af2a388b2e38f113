"""Which generator made a site, told by the files it keeps at the top of the site."""

from __future__ import annotations

from pathlib import Path

# The names Hugo reads its config from, in its order: hugo.* before the older config.*, each in any format
_HUGO_FORMATS = ("toml", "yaml", "yml", "json")
HUGO_CONFIGS = tuple(f"{folder}{name}.{suffix}" for name in ("hugo", "config") for folder in ("", "config/_default/") for suffix in _HUGO_FORMATS)

# First match wins: a Hugo or Jekyll site may carry Decap's admin/config.yml too.
MARKERS: tuple[tuple[str, str], ...] = (
    *(("hugo", name) for name in HUGO_CONFIGS if not name.startswith("config.")),
    ("jekyll", "_config.yml"),
    ("jekyll", "_config.yaml"),
    ("pelican", "pelicanconf.py"),
    ("pelican", "pelican*conf*.py"),  # `pelican -s` takes any settings file: Pelican's own samples/pelican.conf.py
    ("eleventy", ".eleventy.js"),
    ("eleventy", "eleventy.config.js"),
    ("eleventy", "eleventy.config.mjs"),
    ("eleventy", "eleventy.config.cjs"),
    ("gatsby", "gatsby-config.js"),
    ("gatsby", "gatsby-config.ts"),
    ("gatsby", "gatsby-config.mjs"),
    *(("hugo", name) for name in HUGO_CONFIGS if name.startswith("config.")),  # Hugo's names before 0.110, checked after the others
    ("gatsby", "static/admin/config.yml"),
    ("gatsby", "admin/config.yml"),  # Decap CMS alone: its collections say where
)


def detect(site: Path) -> tuple[str, str] | None:
    """(kind, the file that told it), or None when no known generator's file is there."""
    for kind, marker in MARKERS:
        name = _first_match(site, marker) if "*" in marker else marker
        if name and (site / name).is_file():
            if name.startswith("config.") and not (site / "content").is_dir() and not (site / "archetypes").is_dir():
                continue  # a config.toml of something else
            return kind, name
    return None


def _first_match(site: Path, pattern: str) -> str:
    """The shortest name (then the first in order) of the files at the top of ``site`` matching
    ``pattern``: ``pelican.conf.py`` before its translation ``pelican_FR.conf.py``; "" when none does."""
    names = sorted((path.name for path in site.glob(pattern) if path.is_file()), key=lambda name: (len(name), name))
    return names[0] if names else ""


def nested(site: Path) -> list[tuple[str, str, str]]:
    """(folder, kind, file) of each site one level down, when the repository keeps it in a folder of its
    own (one-click-hugo-cms's ``site/``, a GitHub Pages ``docs/``): hidden folders and node_modules aside."""
    try:
        folders = sorted(path for path in site.iterdir() if path.is_dir() and not path.name.startswith((".", "_")) and path.name != "node_modules")
    except OSError:
        return []
    return [(folder.name, *found) for folder in folders if (found := detect(folder))]
