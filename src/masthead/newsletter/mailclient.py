"""What mail clients did to an issue on its way to the reader, undone before it is read.

- Gmail renames every class and id of a message it shows (and so of one it forwards) with an
  ``m_<number>`` prefix (``m_-7123…mcnTextContent``); Outlook on the web with ``x_``; Yahoo Mail
  with ``yiv<number>`` (``yiv0123456789mcnTextContent``). The
  services' class names are how profiles recognise their markup, so the prefixes are removed.
- Gmail shows images through its proxy (``https://ci3.googleusercontent.com/meips/…#<original>``);
  the original address follows the ``#``.
- Outlook's Safe Links (``….safelinks.protection.outlook.com/?url=…``) and Gmail's
  ``https://www.google.com/url?q=…`` wrap every link; the link the issue carried is inside, and
  that is the one whose tracking shape tells the service.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..links.rules import web_url
from .markup import parse

_MARKERS = re.compile(
    r"""(?:class|id)=["']?(?:[^"'>]*\s)?(?:m_-?\d|x_|yiv\d{6})|googleusercontent\.com/|safelinks\.protection\.outlook\.com|google\.com/url\?"""
)
_PREFIX = re.compile(r"^(?:m_-?\d+|x_|yiv\d{6,})(?=[A-Za-z_-])")
_PROXIED = re.compile(r"^https?://[a-z0-9-]+\.googleusercontent\.com/(?:meips|proxy)/[^#]*#(https?://\S+)$", re.IGNORECASE)
# (host, path, the query parameter that holds the wrapped link)
_WRAPPERS = (
    (re.compile(r"[a-z0-9]+\.safelinks\.protection\.outlook\.com"), re.compile(r"^/?$"), "url"),
    (re.compile(r"(?:www\.)?google\.[a-z.]+"), re.compile(r"^/url$"), "q"),
)


def unwrapped(href: str) -> str:
    """The link a mail filter's redirect wraps, or ``href`` itself."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return href
    host = (parts.hostname or "").lower()
    for wrapper_host, path, parameter in _WRAPPERS:
        if wrapper_host.fullmatch(host) and path.match(parts.path):
            inner = parse_qs(parts.query).get(parameter, [""])[0]
            if (absolute := web_url(inner)) is not None:
                return absolute
    return href


def restore(page: str) -> str:
    """``page`` with the clients' class and id prefixes removed, proxied images and wrapped links restored."""
    if not _MARKERS.search(page):
        return page
    soup = parse(page)
    for tag in soup.find_all(True):
        classes = tag.get("class")
        if classes:
            tag["class"] = " ".join(_PREFIX.sub("", name) for name in classes)
        if tag.get("id"):
            tag["id"] = _PREFIX.sub("", str(tag["id"]))
        if tag.name == "img" and (proxied := _PROXIED.match(str(tag.get("src", "")).strip())):
            tag["src"] = proxied.group(1)
        if tag.name == "a" and tag.get("href"):
            tag["href"] = unwrapped(str(tag["href"]))
    return str(soup)
