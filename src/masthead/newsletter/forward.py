"""An issue someone forwarded: the original's HTML and subject, out of the forwarding mail.

Mail clients quote a forwarded message in their own way: Gmail in ``div.gmail_quote`` after a
``div.gmail_attr`` header block ("---------- Forwarded message ---------", From, Date, Subject,
To); Apple Mail after "Begin forwarded message:" in ``blockquote type="cite"`` that starts with
one ``<div>`` per header; Outlook on the web after ``div#divRplyFwdMsg`` (From, Sent, To, Subject);
Outlook for Windows after a bordered block of those lines in ``p.MsoNormal`` with no marker at
all; Thunderbird in ``div.moz-forward-container`` after a ``table.moz-email-headers-table``; Yahoo
Mail in ``div.yahoo_quoted`` after one div per header line;
plain-text clients after the same marker lines. The forwarder's note and the header block are left out.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .markup import parse

_MARKER = re.compile(
    r"-{2,}\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}|"
    r"Begin forwarded message\s*:",
    re.IGNORECASE,
)
# The header lines mail clients quote above a forwarded message, in the languages they are set in:
# English, German, French, Italian, Dutch, Spanish, Portuguese (Outlook: "Da:/Inviato:/A:/Oggetto:",
# "Van:/Verzonden:/Aan:/Onderwerp:", "De:/Enviado el:/Para:/Asunto:", "De:/Enviado:/Para:/Assunto:").
_FROM_NAMES = ("From", "Von", "De", "Da", "Van")
_SENT_NAMES = ("Sent", "Date", "Gesendet", "Datum", "Envoyé", "Inviato", "Data", "Verzonden", "Enviado el", "Enviado", "Fecha")
_TO_NAMES = ("To", "Cc", "Reply-To", "An", "À", "A", "Aan", "Para")
_SUBJECT_NAMES = ("Subject", "Betreff", "Objet", "Oggetto", "Onderwerp", "Asunto", "Assunto")


def _names(*groups: tuple[str, ...]) -> str:
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for group in groups for name in group)


_HEADER = re.compile(rf"^\s*(?:{_names(_FROM_NAMES, _SENT_NAMES, _TO_NAMES, _SUBJECT_NAMES)})\s*:", re.IGNORECASE)
_QUOTED_FROM = re.compile(
    rf">\s*(?:<[^>]+>\s*)*(?:{_names(_FROM_NAMES)})\s*:\s*(?:<[^>]+>\s*)*[^<]{{1,200}}(?:<[^>]+>\s*)*(?:{_names(_SENT_NAMES)})\s*:", re.IGNORECASE
)
_SUBJECT = re.compile(rf"^\s*(?:{_names(_SUBJECT_NAMES)})\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_SUBJECT_NAME = re.compile(rf"^\s*(?:{_names(_SUBJECT_NAMES)})\s*:", re.IGNORECASE)
_FROM_LINE = re.compile(rf"^\s*(?:{_names(_FROM_NAMES)})\s*:", re.IGNORECASE)


def _lines(element: Tag) -> str:
    for line_break in element.find_all("br"):
        line_break.replace_with("\n")
    return "\n".join(" ".join(line.split()) for line in element.get_text("").split("\n"))


def _subject(text: str) -> str:
    found = _SUBJECT.search(text)
    return found.group(1) if found else ""


def _inner(element: Tag) -> str:
    """The element's content as markup: comments stay comments (``str`` of a Comment is its bare text,
    which would turn a template's ``<!--*|IF:MC_PREVIEW_TEXT|*-->`` into a paragraph of the story)."""
    return element.decode_contents()


def _gmail(soup: BeautifulSoup) -> tuple[str, str] | None:
    quote = soup.select_one("div.gmail_quote")
    if quote is None:
        return None
    attribution = quote.select_one(".gmail_attr")
    subject = _subject(_lines(attribution)) if attribution is not None else ""
    if attribution is not None:
        attribution.decompose()
    return _inner(quote), subject


def _thunderbird(soup: BeautifulSoup) -> tuple[str, str] | None:
    """Thunderbird: ``div.moz-forward-container``, the marker line, then a ``table.moz-email-headers-table``
    of Subject/Date/From/To rows (th: name, td: value), then the message."""
    container = soup.select_one("div.moz-forward-container")
    if container is None:
        return None
    subject = ""
    for table in container.select("table.moz-email-headers-table"):
        for row in table.find_all("tr"):
            name, value = row.find("th"), row.find("td")
            if name is not None and value is not None and _SUBJECT_NAME.match(name.get_text()):
                subject = subject or " ".join(value.get_text(" ").split())
        table.decompose()
    for node in list(container.children):  # the marker line and the breaks around it
        text = node.get_text(" ") if isinstance(node, Tag) else str(node)
        if (isinstance(node, Tag) and node.name != "br") and not (_MARKER.search(text) and len(text.split()) <= 6):
            break
        if not isinstance(node, Tag) and text.strip() and not _MARKER.search(text):
            break
        node.extract()
    return _inner(container), subject


def _outlook(soup: BeautifulSoup) -> tuple[str, str] | None:
    block = soup.select_one("#divRplyFwdMsg")
    if block is None:
        return None
    subject = _subject(_lines(block))
    after = [str(sibling) for sibling in block.find_next_siblings()]
    return "".join(after), subject


def _apple(soup: BeautifulSoup) -> tuple[str, str] | None:
    quote = soup.select_one('blockquote[type="cite"]')
    if quote is None:
        return None
    subject = _strip_header_lines(quote)
    return _inner(quote), subject


def _yahoo(soup: BeautifulSoup) -> tuple[str, str] | None:
    """Yahoo Mail: ``div.yahoo_quoted``, in it (inside one styled wrapper) a div per line: the marker, From, To, Sent, Subject."""
    quote = soup.select_one("div.yahoo_quoted")
    if quote is None:
        return None
    children = [child for child in quote.children if isinstance(child, Tag)]
    inner = children[0] if len(children) == 1 else quote
    subject = _strip_header_lines(inner)
    return _inner(inner), subject


def _strip_header_lines(quote: Tag) -> str:
    """Take the marker and header lines (and blank lines) off the top of ``quote``; the quoted Subject."""
    subject = ""
    for child in list(quote.children):
        if not isinstance(child, Tag):
            continue
        text = " ".join(child.get_text(" ").split())
        if (_HEADER.match(text) or _MARKER.search(text)) and len(text.split()) <= 40:  # a header line, not the issue
            subject = subject or _subject(text)
            child.decompose()
        elif child.name == "br" or not text and not child.find("img"):
            child.decompose()
        else:
            break
    return subject


def _following(element: Tag) -> str:
    """Everything after ``element`` in reading order: its later siblings and those of its ancestors."""
    parts: list[str] = []
    node: Tag | None = element
    while node is not None and node.name not in ("body", "[document]"):
        parts += [str(sibling) for sibling in node.next_siblings]
        node = node.parent
    return "".join(parts)


def _header_block(soup: BeautifulSoup) -> tuple[str, str] | None:
    """Outlook for Windows and others quote no marker line: a block of From/Sent/To/Subject lines, then the message."""
    for element in soup.find_all(["div", "p", "table"]):
        lines = [line for line in _lines(parse(str(element))).split("\n") if line.strip()]
        if not lines or len(lines) > 8 or not _FROM_LINE.match(lines[0]):
            continue
        if all(_HEADER.match(line) for line in lines) and any(_SUBJECT.match(line) for line in lines):
            return _following(element), _subject("\n".join(lines))
    return None


def _plain(soup: BeautifulSoup) -> tuple[str, str] | None:
    for paragraph in soup.find_all("p"):
        text = _lines(paragraph)
        if _MARKER.search(text):
            after = [str(sibling) for sibling in paragraph.find_next_siblings()]
            return "".join(after), _subject(text)
    return None


_QUOTED_SENDER = re.compile(rf"^\s*(?:{_names(_FROM_NAMES)})\s*:\s*(\S[^\n]*)", re.IGNORECASE | re.MULTILINE)
_AFTER_SENDER = re.compile(rf"\n\s*(?:{_names(_SENT_NAMES, _TO_NAMES, _SUBJECT_NAMES)})\s*:", re.IGNORECASE)
_ADDRESS = re.compile(r"<?\s*(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*>?")


def quoted_sender(page: str) -> tuple[str, str]:
    """(name, address) of the forwarded issue's sender as the quoted header block names it
    ("From: Riverside Rowing Club <news@…>", a name and an address on lines of their own in some clients), or ("", "")."""
    text = parse(page).get_text("\n")
    marker = _MARKER.search(text)
    found = _QUOTED_SENDER.search(text, marker.end() if marker else 0)
    if found is None:
        return "", ""
    rest = _AFTER_SENDER.split(text[found.start(1) : found.start(1) + 300], maxsplit=1)[0]
    address = _ADDRESS.search(rest)
    name = found.group(1).split("<")[0].split("[mailto:")[0].strip(" \"'")
    return ("" if address and name == address.group(1) else name), (address.group(1) if address else "")


def unforward(page: str) -> tuple[str, str] | None:
    """(the forwarded issue's HTML, its subject or "") when ``page`` is a forward, else None."""
    if not _MARKER.search(page) and "divRplyFwdMsg" not in page and not _QUOTED_FROM.search(page):
        return None
    soup = parse(page)
    for reader in (_gmail, _thunderbird, _yahoo, _outlook, _apple, _plain, _header_block):
        found = reader(soup)
        if found is not None and found[0].strip():
            return found
    return None
