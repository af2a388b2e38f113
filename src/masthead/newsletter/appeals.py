"""Calls to action: the issue asking its reader to give, join, pay or sign up.

"Donate", "Support us", "Become a member", "Upgrade to paid", "Register now": as a heading or as a
link standing alone, such words are chrome wherever they are (chrome.py). A button after the last
story (layout.py) is one too when its label starts with such a verb or when it leads to a page of
that kind (a donation, membership, subscription or registration page, a payment link, a
patronage site), read through the destination a tracking link carries when it carries one.
A sentence that merely mentions donating is never one: only whole labels and buttons are read.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..links.carried import carried_destination

_AMOUNT = r"(?:\s+(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?[$€£]|\d[\d.,]*\s?(?:usd|eur|gbp)))?"
_WHEN = r"(?:\s+(?:now|today|here|monthly|once|what you can|on patreon|for free|free|jetzt|maintenant|ahora))?"
# The whole of a heading's or a link's label (then only punctuation, arrows, emoji).
_APPEAL = re.compile(
    r"^\W*(?:please\s+)?(?:"
    r"(?:donate|give|contribute|pledge|chip in|tip|(?:jetzt\s+)?spenden|donar|faire un don)" + _AMOUNT + _WHEN + "|"
    r"make an?\s+(?:[\w-]+\s+)?(?:donation|gift|contribution|pledge)" + _WHEN + "|"
    r"support\s+(?:us|our\s+(?:work|journalism|reporting|newsroom|mission|writers)|independent\s+(?:journalism|media|news)|"
    r"(?:this|the)\s+(?:newsletter|letter|podcast|show))" + _WHEN + "|"
    r"become\s+an?\s+(?:member|supporter|patron|sustaining member|founding member|paid subscriber|subscriber|sponsor)" + _WHEN + "|"
    r"join\s+(?:us|now|today|as a member|our members|the (?:club|membership))|renew\s+(?:your\s+|my\s+)?membership|"
    r"upgrade(?:\s+(?:to\s+(?:a\s+)?paid(?:\s+subscription)?|now|today|your subscription|(?:to\s+)?premium))?|go\s+(?:paid|premium)|"
    r"(?:register|sign up|subscribe|rsvp|enrol|enroll)" + _WHEN + r"|get\s+(?:your\s+)?tickets?|book\s+(?:your\s+|a\s+)?(?:place|seat|ticket)s?|"
    r"unterstützen sie uns|mitglied werden|soutenez-nous|devenez membre|apóyanos|hazte (?:socio|miembro)"
    r")\W*$",
    re.IGNORECASE,
)
# A button's label that starts with such a verb ("Give to the spring appeal").
_APPEAL_VERB = re.compile(
    r"^\W*(?:donate|give|contribute|pledge|support|become|join|renew|upgrade|register|sign up|subscribe|rsvp|enrol|enroll|fund|"
    r"chip in|spenden|donar|faire un don|soutenez|unterstützen|make an?\s+(?:[\w-]+\s+)?(?:donation|gift))\b",
    re.IGNORECASE,
)
# A whole path segment naming such a page (``/donate``, ``/support-us/``, ``/membership.html``), never an
# article's slug that starts with the word (``/support-for-the-bridge-grows``).
_APPEAL_PAGE = re.compile(
    r"/(?:(?:donate|support|join|give|subscribe|register|contribute|pledge|upgrade)(?:-(?:us|now|today|here))?|donations?|giving|"
    r"membership|members?|become-an?-(?:member|supporter|patron)|registration|patrons?|checkout|rsvp|spenden|faire-un-don|don|donar)"
    r"(?=/|$|\.(?:html?|php|aspx?)$)",
    re.IGNORECASE,
)
_APPEAL_HOSTS = re.compile(
    r"(?:^|\.)(?:buy\.stripe\.com|checkout\.stripe\.com|patreon\.com|ko-fi\.com|buymeacoffee\.com|donorbox\.org|givebutter\.com|"
    r"gofundme\.com|opencollective\.com|liberapay\.com|eventbrite\.[a-z.]+|lu\.ma|tito\.io)$"
)


def appeal(text: str) -> bool:
    """The whole of ``text`` asks the reader to give, join, pay or sign up ("Donate", "Support us", "Upgrade to paid")."""
    return len(text.split()) <= 8 and bool(_APPEAL.match(" ".join(text.split())))


def appeal_link(label: str, href: str) -> bool:
    """A button asking for money, membership or a sign-up: by its label's verb, or by where it goes
    (the destination a tracking link carries, when it carries one)."""
    if appeal(label) or _APPEAL_VERB.match(label):
        return True
    try:
        parts = urlsplit(carried_destination(href) or href.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    return bool(_APPEAL_HOSTS.search(host) or _APPEAL_PAGE.search(parts.path) or re.search(r"(?:^|&)action=(?:upgrade|donate|subscribe)\b", parts.query))
