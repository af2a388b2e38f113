"""Tracking links that carry their destination: read offline, without asking the service.

Each carrier is a path shape and how to read its payload (base64, URL-safe or standard, padding
optional, ``=`` perhaps written ``%3D``); the payload must give an http(s) or protocol-relative URL (made https by
``web_url``), else the link carries nothing and is asked as any other.

- Substack's ``/redirect/2/<payload>.<signature>`` (on substack.com and on a publication's own
  domain): base64url JSON, ``{"e": "<destination>", "p": …, "sub": "link-redirect", …}``; the
  signature only guards the payload, so the destination is the ``e`` field as written.
- beehiiv's ``flight.beehiiv.net/v2/clicks/<header>.<payload>.<signature>``: a JSON Web Token whose
  payload is ``{"url": "<destination>", "post_id": …, "publication_id": …, "visit_token": …}``.
- Kit (ConvertKit) ``click.kit-mail3.com/<id>/<id>/<base64 of the URL>`` (and a branded host
  of the same shape): the last part is the destination itself.
- Buttondown ``buttondown.com/c/<base64 of "<email id>|<subscriber id>|<URL>">``: the URL is
  what follows the second ``|``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .rules import web_url


@dataclass(frozen=True)
class _Carrier:
    service: str
    host: re.Pattern[str]  # full match against the lower-case host
    path: re.Pattern[str]  # its "payload" group is the base64 text
    read: Callable[[str], str | None]  # the decoded payload to the destination as written, or None


def _json_field(name: str) -> Callable[[str], str | None]:
    """The reader of a JSON payload's ``name`` field."""

    def read(text: str) -> str | None:
        try:
            data = json.loads(text)
        except ValueError:
            return None
        target = data.get(name) if isinstance(data, dict) else None
        return target if isinstance(target, str) else None

    return read


def _buttondown(text: str) -> str | None:
    fields = text.split("|", 2)
    return fields[2] if len(fields) == 3 else None


_ANY_HOST = re.compile(r"[^/]+")
_BEEHIIV_HOSTS = re.compile(r"(?:[a-z0-9-]+\.)*beehiiv\.(?:com|net)")
_BUTTONDOWN_HOSTS = re.compile(r"(?:[a-z0-9-]+\.)*buttondown\.(?:com|email)")
_CARRIERS = (
    _Carrier("beehiiv", _BEEHIIV_HOSTS, re.compile(r"^/v2/clicks/eyJ[\w-]+\.(?P<payload>eyJ[\w-]+={0,2})\.[\w-]*/?$", re.ASCII), _json_field("url")),
    _Carrier("Substack", _ANY_HOST, re.compile(r"^/redirect/2/(?P<payload>eyJ[A-Za-z0-9_-]+={0,2})(?:\.[A-Za-z0-9_-]+)?/?$"), _json_field("e")),
    _Carrier("Kit", _ANY_HOST, re.compile(r"^/[a-z0-9]{12,24}/[a-z0-9]{12,24}/(?P<payload>aHR0c[A-Za-z0-9+/_-]*(?:=|%3D){0,2})$"), lambda text: text),
    _Carrier("Buttondown", _BUTTONDOWN_HOSTS, re.compile(r"^/c/(?P<payload>[A-Za-z0-9+/_-]{16,}(?:=|%3D){0,2})/?$"), _buttondown),
)


def _decoded(payload: str) -> str | None:
    payload = payload.replace("%3D", "=").rstrip("=")  # padding, as written or percent-encoded, is optional
    try:
        return base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8")
    except (binascii.Error, ValueError):  # not base64, or not UTF-8 text (UnicodeDecodeError is a ValueError)
        return None


def carried_destination(url: str) -> str | None:
    """The http(s) destination a tracking link carries in itself, or None."""
    absolute = web_url(url)
    if absolute is None:
        return None
    try:
        parts = urlsplit(absolute)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    for carrier in _CARRIERS:
        match = carrier.path.match(parts.path) if carrier.host.fullmatch(host) else None
        text = _decoded(match.group("payload")) if match else None
        target = carrier.read(text) if text is not None else None
        if target is not None:
            return web_url(target)
    return None
