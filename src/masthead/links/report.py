"""The link report, per post and line: as a table for people, as JSON for CI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.table import Table

from .audit import Audit, AuditedLink
from .fix import FixResult


def findings(item: AuditedLink) -> list[str]:
    """What is worth saying about one link: "tracking", the answer's outcome, "redirect"."""
    found = []
    if item.tracking:
        found.append("tracking")
    answer = item.answer
    if answer is not None:
        if answer.broken or answer.outcome == "refused":
            found.append(answer.outcome)
        elif answer.unchecked:
            found.append("unchecked")
        elif answer.redirected:
            found.append("redirect")
    return found


def reported(audit: Audit) -> Iterator[tuple[AuditedLink, list[str]]]:
    for item in audit.links:
        found = findings(item)
        if found:
            yield item, found


def summary(audit: Audit) -> dict[str, int]:
    return {
        "links": len(audit.links),
        "tracking": len(audit.tracking),
        "broken": len(audit.broken),
        "unchecked": sum(1 for item in audit.links if item.answer is not None and item.answer.unchecked),
        "redirected": len(audit.redirected),
        "unresolved_tracking": sum(1 for item in audit.tracking if item.tracking and item.tracking.redirect and item.answer is None),
        "asked": audit.asked,
    }


def _detail(item: AuditedLink) -> str:
    parts = []
    if item.tracking:
        parts.append(f"{item.tracking.service} {item.tracking.kind}")
    answer = item.answer
    if answer is not None:
        if answer.error:
            parts.append(answer.error)
        if answer.redirected:
            hops = " → ".join(str(hop.status) for hop in answer.chain)
            parts.append(f"{hops}: {answer.final_url}")
    elif item.tracking and item.tracking.redirect:
        parts.append("not resolved yet")
    return "; ".join(parts)


def to_json(audit: Audit, fixed: FixResult | None = None) -> str:
    data: dict[str, Any] = {
        "summary": summary(audit),
        "links": [
            {
                "source": item.link.source,
                "line": item.link.line,
                "column": item.link.column,
                "url": item.link.url,
                "text": item.link.text,
                "citation": item.link.citation,
                "findings": found,
                "tracking": {"service": item.tracking.service, "kind": item.tracking.kind} if item.tracking else None,
                "answer": item.answer.to_json() if item.answer else None,
            }
            for item, found in reported(audit)
        ],
    }
    if fixed is not None:
        data["fix"] = {
            "files": list(fixed.files),
            "changes": [{"source": c.link.source, "line": c.link.line, "old": c.link.written, "new": c.new} for c in fixed.changes],
            "left": [
                {
                    "source": left.link.source,
                    "line": left.link.line,
                    "url": left.link.url,
                    "reason": left.reason,
                }
                for left in fixed.left
            ],
        }
    return json.dumps(data, indent=2, ensure_ascii=False)


def print_table(audit: Audit, console: Console) -> None:
    """A table on a terminal; elsewhere one ``path:line: finding: url: detail`` line per link."""
    if not console.is_terminal:
        for item, found in reported(audit):
            detail = _detail(item)
            console.print(
                f"{item.link.source}:{item.link.line}: {', '.join(found)}: {item.link.url}" + (f": {detail}" if detail else ""),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
    table = Table(title="Links", show_lines=False, expand=False)
    for column in ("where", "finding", "link", "detail"):
        table.add_column(column, overflow="fold")
    for item, found in reported(audit):
        label = f"[[{item.link.text}]]" if item.link.citation else item.link.text
        table.add_row(
            f"{item.link.source}:{item.link.line}",
            ", ".join(found),
            f"{label} {item.link.url}".strip(),
            _detail(item),
        )
    if table.row_count and console.is_terminal:
        console.print(table)
    counts = summary(audit)
    console.print(
        f"{counts['links']} links: {counts['tracking']} tracking "
        f"({counts['unresolved_tracking']} not resolved), {counts['broken']} broken, {counts['unchecked']} unchecked, "
        f"{counts['redirected']} redirected; {counts['asked']} asked over HTTP"
    )


def print_fix(fixed: FixResult, console: Console, dry_run: bool) -> None:
    if dry_run and fixed.diff:
        diff = fixed.diff if fixed.diff.endswith("\n") else fixed.diff + "\n"
        console.file.write(diff)  # as it is: never wrapped or styled
    verb = "would change" if dry_run else "changed"
    console.print(f"{verb} {len(fixed.changes)} link{'s' if len(fixed.changes) != 1 else ''} in {len(fixed.files)} file{'s' if len(fixed.files) != 1 else ''}")
    for left in fixed.left:
        console.print(
            f"left alone: {left.link.source}:{left.link.line}: {left.link.url}: {left.reason}",
            markup=False,
            highlight=False,
        )
