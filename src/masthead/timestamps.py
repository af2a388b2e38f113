"""Moments as text: the one ISO 8601 form used in pages, feeds, JSON-LD and ``--json`` output."""

from __future__ import annotations

from datetime import datetime


def iso(moment: datetime) -> str:
    """ISO 8601 with zone and, when present, milliseconds (2024-12-23T20:53:09.844Z)."""
    text = moment.isoformat(timespec="milliseconds" if moment.microsecond else "seconds")
    return text.replace("+00:00", "Z")
