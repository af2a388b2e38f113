"""``masthead init [FOLDER]``: adopt an existing Hugo, Jekyll, Pelican, Eleventy or Gatsby/Decap site.

It reads the site's own config, writes one file, ``masthead.toml``, mapping folders, fields and
permalinks so that every URL stays what it was, and touches nothing else.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ..config import CONFIG_FILE
from ..errors import MastheadError, Problem
from . import hugo, jekyll, jsconfig, pelican
from .detect import MARKERS, detect, nested
from .not_found import not_found_urls
from .plan import Plan, render

KINDS = {"hugo": "Hugo", "jekyll": "Jekyll", "pelican": "Pelican", "eleventy": "Eleventy", "gatsby": "Gatsby/Decap"}
PLANNERS = {"hugo": hugo.plan, "jekyll": jekyll.plan, "pelican": pelican.plan, "eleventy": jsconfig.eleventy, "gatsby": jsconfig.gatsby}


def plan_for(site: Path) -> Plan:
    """The mapping of the site in ``site``; a problem if no known generator made it."""
    found = detect(site)
    if found is None:
        inside = nested(site)
        if inside:
            named = "; ".join(f"{folder}/ is a {KINDS[kind]} site ({folder}/{name})" for folder, kind, name in inside)
            folder = site / inside[0][0]
            message = f"no site at the top of this folder, but {named}; run `masthead init {folder}`, then `masthead build {folder}`"
            raise MastheadError([Problem(str(site), None, None, message)])
        names = ", ".join(dict.fromkeys(name for _, name in MARKERS))
        raise MastheadError(
            [
                Problem(
                    str(site),
                    None,
                    None,
                    f"no Hugo, Jekyll, Pelican, Eleventy or Gatsby/Decap site here; expected one of {names} (start a new site with `masthead new`)",
                )
            ]
        )
    kind, name = found
    plan = PLANNERS[kind](site, name)
    elsewhere = not_found_urls(site, kind, dict(plan.tables), dict(plan.values))
    if not elsewhere:
        return plan
    origin = {**plan.tables.get("origin", {}), "not_found_urls": elsewhere}
    note = f"Its generator wrote the 404 page at {', '.join(elsewhere)}: masthead's is written there too, beside /404.html (not_found_urls)."
    return replace(plan, tables={**plan.tables, "origin": origin}, notes=(*plan.notes, note))


def init(site: Path, force: bool = False) -> tuple[Plan, Path]:
    """Write ``site/masthead.toml`` for the site there; refuse to replace one unless ``force``. A
    repository that keeps its one site in a folder (one-click-hugo-cms's ``site/``) gets the site's
    ``masthead.toml`` in that folder and, at the top, ``site = "site"`` pointing to it
    (``config.site_folder``), so that ``masthead build`` at the top builds it."""
    inside = nested(site) if detect(site) is None else []
    folder = site / inside[0][0] if len(inside) == 1 else site
    targets = [folder / CONFIG_FILE, *([site / CONFIG_FILE] if folder != site else [])]
    for target in targets:
        if target.exists() and not force:
            shown = target.relative_to(site).as_posix()
            raise MastheadError([Problem(shown, None, None, "exists already; expected a site without masthead.toml (use --force to write it again)")])
    plan = plan_for(folder)
    targets[0].write_text(render(plan), encoding="utf-8")
    if folder != site:
        name = folder.name
        pointer = f"# The {KINDS[plan.kind]} site of this repository is in {name}/; its settings are {name}/{CONFIG_FILE}.\n"
        pointer += f"# Every masthead command given this folder works on {name}/.\nsite = {json.dumps(name)}\n"
        targets[1].write_text(pointer, encoding="utf-8")
        plan = replace(plan, found=f"{name}/{plan.found}")
    return plan, targets[0]
