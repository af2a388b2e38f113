"""Reading a newsletter issue: an ``.eml`` file, an ``.mbox`` of issues, or a saved ``.html`` or ``.mhtml``.

The standard library's parser (``policy.default``) undoes quoted-printable and base64 and decodes
each part's charset; the HTML alternative is preferred over the plain text. Inline images sent as
``cid:`` parts are kept by Content-ID so the importer can save them. A page saved with its pictures
("Web Page, complete": ``Issue_files/photo.jpg`` beside the ``.html``) keeps them the same way.
"""

from __future__ import annotations

import email
import hashlib
import html
import mailbox
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import formataddr, parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import MastheadError, Problem
from .forward import quoted_sender, unforward
from .mailclient import restore
from .plaintext import text_to_html, unflowed

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# A web page's own headline, without the " - by Author" or " • Site" its <title> adds
_OG_TITLE = re.compile(r"""<meta\s+property=["']og:title["']\s+content=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass(frozen=True)
class InlinePart:
    """An attachment the HTML refers to as ``cid:<content_id>``."""

    content_type: str
    data: bytes


@dataclass(frozen=True)
class Issue:
    """One newsletter issue, decoded."""

    source: str  # the file it came from, with "#n" for the n-th message of an mbox
    message_id: str  # the Message-ID without angle brackets (a content hash for saved HTML)
    subject: str
    date: datetime | None
    html: str
    inline: Mapping[str, InlinePart] = field(default_factory=dict)  # Content-ID -> part
    headers: tuple[tuple[str, str], ...] = ()  # the sender's headers (List-Unsubscribe, X-Mailer…): which service sent it
    forwarded: bool = False  # the issue came inside a forward; subject and headers are the original's where known
    plain: str = ""  # the text/plain alternative beside the HTML, as HTML: read when the HTML part holds no story text


def _problem(path: str, message: str) -> MastheadError:
    return MastheadError([Problem(path, None, None, message)])


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        moment.astimezone(UTC)  # a time at the calendar's end no zone can hold (9999-12-31 23:59 -2359) is no date
    except (TypeError, ValueError, OverflowError):
        return None
    return moment


def _fallback_id(*parts: str) -> str:
    return "sha256-" + hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:24]


def _attached_message(message: EmailMessage) -> EmailMessage | None:
    """A message forwarded as an attachment (message/rfc822), which is the issue itself."""
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            found = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(found, EmailMessage):
                return found
    return None


def _headers(message: EmailMessage) -> tuple[tuple[str, str], ...]:
    found = []
    for name, value in message.items():
        try:
            found.append((name, str(value)))
        except (TypeError, ValueError, LookupError):  # a malformed header: it proves nothing either way
            continue
    return tuple(found)


def from_message(message: EmailMessage, source: str) -> Issue:
    """One parsed message to an ``Issue``; raises ``MastheadError`` if it has no readable body."""
    attached = _attached_message(message)
    if attached is not None and attached.get_body(preferencelist=("html", "plain")) is not None:
        issue = from_message(attached, source)
        return Issue(
            issue.source,
            issue.message_id,
            issue.subject,
            issue.date or _date(message.get("Date")),
            issue.html,
            issue.inline or _inline(message),
            issue.headers,
            True,
            issue.plain,
        )
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        raise _problem(source, "no text/html or text/plain part; expected a newsletter issue saved from a mail client")
    page = _decoded(body) if body.get_content_type() == "text/html" else text_to_html(_plain_text(body))
    subject = _subject(message)
    date = _date(message.get("Date"))
    message_id = str(message.get("Message-ID", "")).strip().strip("<>")
    page = restore(page)  # before looking for a forward: Outlook on the web shows its own wrapper as x_divRplyFwdMsg
    headers = _headers(message)
    forward = unforward(page)
    if forward is not None:
        sender = quoted_sender(page)
        page, subject = forward[0], forward[1] or subject
        if any(sender):  # the issue's own sender, not the forwarder: its name set as a heading is the masthead
            headers = tuple(item for item in headers if item[0].lower() != "from") + (("From", formataddr(sender)),)
    alternative = message.get_body(preferencelist=("plain",)) if body.get_content_type() == "text/html" else None
    plain = text_to_html(_plain_text(alternative)) if alternative is not None and forward is None else ""
    return Issue(source, message_id or _fallback_id(subject, str(date), page), subject, date, page, _inline(message), headers, forward is not None, plain)


def _subject(message: EmailMessage) -> str:
    """The Subject; one sent as raw 8-bit bytes (no encoded words) is read as UTF-8, else windows-1252."""
    subject = str(message.get("Subject", "")).strip()
    if "\ufffd" not in subject:
        return subject
    raw = next((str(value) for name, value in message.raw_items() if name.lower() == "subject"), "")
    data = raw.encode("ascii", "surrogateescape")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("windows-1252", errors="replace")
    return " ".join(text.split()) if "=?" not in text else subject


def _plain_text(part: MIMEPart) -> str:
    """A text/plain part's text; one sent ``format=flowed`` unwrapped into its paragraphs (RFC 3676)."""
    text = _decoded(part)
    if str(part.get_param("format", "", header="content-type")).lower() != "flowed":
        return text
    return unflowed(text, str(part.get_param("delsp", "no", header="content-type")).lower() == "yes")


def _decoded(part: MIMEPart) -> str:
    """The part's text in its declared charset; a part whose bytes are not in it (a windows-1252 body
    labelled utf-8) or whose charset is unknown is read as UTF-8, else windows-1252, as mail clients do."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    for charset in dict.fromkeys((part.get_content_charset() or "utf-8", "utf-8")):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("windows-1252", errors="replace")


def _inline(message: EmailMessage) -> dict[str, InlinePart]:
    inline: dict[str, InlinePart] = {}
    for part in message.walk():
        content_id = part.get("Content-ID")
        if content_id and part.get_content_maintype() == "image":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                inline[content_id.strip().strip("<>")] = InlinePart(part.get_content_type(), payload)
    return inline


_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc=)(["'])([^"'<>]+)\2""", re.IGNORECASE)
_SAVED_PICTURE_BYTES = 20_000_000


def _saved_pictures(text: str, folder: Path) -> tuple[str, dict[str, InlinePart]]:
    """A saved page's pictures written beside it (relative ``src``, inside the page's folder) as
    inline parts, their ``src`` the ``cid:`` of their path; remote, data: and missing ones stay as they are."""
    inline: dict[str, InlinePart] = {}
    base = folder.resolve()

    def local(match: re.Match[str]) -> str:
        src = match.group(3).strip()
        if urlsplit(src).scheme or src.startswith(("//", "#")):
            return match.group(0)
        file = (folder / unquote(src.split("?", 1)[0])).resolve()
        if not file.is_relative_to(base) or not file.is_file() or file.stat().st_size > _SAVED_PICTURE_BYTES:
            return match.group(0)  # never a file outside the page's folder
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        inline[src] = InlinePart(kind, file.read_bytes())
        return f"{match.group(1)}{match.group(2)}cid:{src}{match.group(2)}"

    return _IMG_SRC.sub(local, text), inline


_CANONICAL = re.compile(
    r"""<link\s+rel=["']canonical["']\s+href=["'](https?://[^"']+)["']|<meta\s+property=["']og:url["']\s+content=["'](https?://[^"']+)["']""", re.IGNORECASE
)
_RELATIVE = re.compile(r"""(<(?:a|img)\b[^>]*?\b(?:href|src)=)(["'])([^"'<>]*)\2""", re.IGNORECASE)


def _absolute(text: str, saved_from: str = "") -> str:
    """A saved page's relative links and pictures (``/tag/news/``, ``/content/images/…``) made absolute
    from the page's own address (its canonical link, else ``og:url``, else the address it was saved
    from), as the browser read them; in-page anchors, ``cid:`` and other schemes stay as they are."""
    found = _CANONICAL.search(text)
    address = next((group for group in found.groups() if group), "") if found else saved_from
    if not address:
        return text

    def resolve(match: re.Match[str]) -> str:
        value = match.group(3).strip()
        if not value or value.startswith(("#", "//")) or urlsplit(value).scheme:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{urljoin(html.unescape(address), value)}{match.group(2)}"

    return _RELATIVE.sub(resolve, text)


def _web_address(value: object) -> str:
    address = str(value or "").strip()
    return address if urlsplit(address).scheme in ("http", "https") else ""


def _saved_mhtml(path: Path, shown: str) -> Issue:
    """A page saved as one file (Chrome's and Edge's "Webpage, Single File", ``.mhtml``): a
    multipart/related message whose root part is the page and whose other parts are its resources,
    each named by the address it came from (``Content-Location``) or a ``Content-ID``. The pictures
    among them are the issue's, as a page saved complete keeps its own; the date the file carries is
    when it was saved, not the issue's."""
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    parts = [part for part in message.walk() if not part.is_multipart()]
    pages = [part for part in parts if part.get_content_type() == "text/html"]
    if not pages:
        raise _problem(shown, "no text/html part; expected a web page saved as one file (.mhtml, “Webpage, Single File”)")
    saved_from = _web_address(message.get("Snapshot-Content-Location")) or _web_address(pages[0].get("Content-Location"))
    root = next((part for part in pages if _web_address(part.get("Content-Location")) == saved_from), pages[0])
    text = _decoded(root)
    resources: dict[str, InlinePart] = {}
    for part in parts:
        payload = part.get_payload(decode=True) if part.get_content_maintype() == "image" else None
        if not isinstance(payload, bytes) or len(payload) > _SAVED_PICTURE_BYTES:
            continue
        for name in (_web_address(part.get("Content-Location")), "cid:" + str(part.get("Content-ID") or "").strip().strip("<>")):
            if name and name != "cid:":
                resources.setdefault(name, InlinePart(part.get_content_type(), payload))
    inline: dict[str, InlinePart] = {}

    def resource(match: re.Match[str]) -> str:
        src = html.unescape(match.group(3).strip())
        name = src if src.startswith("cid:") else urljoin(saved_from, src) if saved_from else src
        if name not in resources:
            return match.group(0)
        key = name.removeprefix("cid:")
        inline[key] = resources[name]
        return f"{match.group(1)}{match.group(2)}cid:{html.escape(key)}{match.group(2)}"

    page = _absolute(_IMG_SRC.sub(resource, text), saved_from)
    found = _OG_TITLE.search(page) or _TITLE.search(page)
    title = next((group for group in found.groups() if group and group.strip()), "") if found else ""
    subject = " ".join(html.unescape(title).split()) or _subject(message) or path.stem
    return Issue(shown, _fallback_id(text), subject, None, restore(page), inline)


def _saved_html(path: Path, shown: str) -> Issue:
    data = path.read_bytes()
    match = _META_CHARSET.search(data[:4096])
    charset = match.group(1).decode("ascii") if match else "utf-8"
    try:
        text = data.decode(charset)
    except LookupError:
        raise _problem(shown, f"unknown charset {charset!r} in the page's <meta>; expected one such as utf-8") from None
    except UnicodeDecodeError:
        text = data.decode("windows-1252", errors="replace")  # what browsers assume for undeclared pages
    found = _OG_TITLE.search(text) or _TITLE.search(text)
    title = next((group for group in found.groups() if group and group.strip()), "") if found else ""
    subject = " ".join(html.unescape(title).split()) or path.stem
    page, inline = _saved_pictures(text, path.parent)  # pictures saved beside the page first, then the rest from its address
    page = _absolute(page)
    return Issue(shown, _fallback_id(text), subject, None, restore(page), inline)


def read_issues(path: Path) -> list[Issue]:
    """Every issue in ``path``: one for .eml, .html and .mhtml, one per message for .mbox."""
    shown = str(path)
    if not path.is_file():
        raise _problem(shown, "no such file; expected an .eml, .mbox, .html or .mhtml newsletter issue")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [_saved_html(path, shown)]
    if suffix in (".mhtml", ".mht"):
        return [_saved_mhtml(path, shown)]
    if suffix == ".mbox" or (suffix != ".eml" and path.read_bytes()[:5] == b"From "):
        box = mailbox.mbox(path, create=False)
        try:
            issues = [
                from_message(email.message_from_bytes(box.get_bytes(key), policy=policy.default), f"{shown}#{number}")
                for number, key in enumerate(box.keys(), 1)
            ]
        finally:
            box.close()
        if not issues:
            raise _problem(shown, "an empty mailbox; expected at least one message")
        return issues
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    if not message.keys():
        raise _problem(shown, "no mail headers; expected an .eml file (a message saved from a mail client), an .mbox or an .html page")
    return [from_message(message, shown)]
