"""What ``masthead init`` found about a site, and the commented ``masthead.toml`` it writes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..errors import Problem
from ..schema import commented_lines


@dataclass(frozen=True)
class Plan:
    """The mapping of one site: masthead.toml values and the notes that explain them."""

    kind: str  # "hugo", "jekyll", "pelican", "eleventy" or "gatsby"
    found: str  # the file that told the kind, such as "hugo.toml"
    values: Mapping[str, Any]  # top-level keys
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # [folders], [origin], [author]…
    notes: tuple[str, ...] = ()  # how things map, and what does not
    warnings: tuple[Problem, ...] = ()  # what the site asks for that masthead does not make, at its file:line: shown by `masthead init` too


def render(plan: Plan) -> str:
    """A masthead.toml: every key documented, the mapped ones set, the rest commented at defaults."""
    lines = [
        f"# masthead configuration for this {plan.kind.capitalize()} site, written by `masthead init` from {plan.found}.",
        "# Your content files are read as they are; nothing in them was changed. See docs/migrating.md.",
        "#",
    ]
    lines += [f"# {note}" for note in plan.notes]
    lines += [f"# warning: {warning.message}" for warning in plan.warnings]
    lines.append("")
    return "\n".join([*lines, *commented_lines(Config, {**plan.values, **plan.tables})]) + "\n"
