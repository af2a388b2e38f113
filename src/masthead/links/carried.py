"""Tracking links that carry their destination: read offline, without asking the service.

Substack's ``/redirect/2/<payload>.<signature>`` links (on substack.com and on a publication's own
domain) hold base64url JSON, ``{"e": "<destination>", "p": …, "sub": "link-redirect", …}``; the
signature only guards the payload, so the destination is the ``e`` field as written.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from urllib.parse import urlsplit

_SUBSTACK = re.compile(r"^/redirect/2/(eyJ[A-Za-z0-9_-]+={0,2})(?:\.[A-Za-z0-9_-]+)?/?$")


def carried_destination(url: str) -> str | None:
    """The http(s) destination a tracking link carries in itself, or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    match = _SUBSTACK.match(parts.path)
    if match is None:
        return None
    payload = match.group(1)
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (binascii.Error, ValueError):
        return None
    target = data.get("e") if isinstance(data, dict) else None
    if isinstance(target, str) and target.lower().startswith(("http://", "https://")):
        return target
    return None
