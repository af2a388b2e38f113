"""The error overlay: the build's problems as the CLI prints them, over the last good page."""

from __future__ import annotations

import html

_STYLE = (
    "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
    "background:rgba(20,20,24,.94);color:#f5f5f5;font:15px/1.5 system-ui,sans-serif"
)
_PRE = (
    "white-space:pre-wrap;word-break:break-word;background:#2a1215;color:#ffd7d7;"
    "border-left:4px solid #e5484d;padding:1rem;font:14px/1.6 ui-monospace,monospace"
)


def overlay(report: str) -> str:
    """An HTML fragment showing ``report`` (``MastheadError.report()``) over the page."""
    return (
        f'<div id="masthead-overlay" role="alert" style="{_STYLE}">'
        '<h2 style="margin:0 0 .5rem;font-size:1.3rem;color:#ff9b9b">'
        "masthead could not build the site</h2>"
        '<p style="margin:0 0 1rem">The last good build is shown underneath. '
        "Fix the file and save: this page reloads by itself.</p>"
        f'<pre style="{_PRE}">{html.escape(report)}</pre>'
        "</div>"
    )


def error_page(report: str, extra: str = "") -> str:
    """A whole page for when there is no good build to show yet."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>masthead: build failed</title></head><body>{overlay(report)}{extra}</body></html>'
    )
