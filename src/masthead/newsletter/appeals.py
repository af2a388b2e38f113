"""Calls to action: the issue asking its reader to give, join, pay or sign up.

"Donate", "Support us", "Become a member", "Upgrade to paid", "Register now": as a heading or as a
link standing alone, such words are chrome wherever they are (chrome.py). A button after the last
story (layout.py) is one too when its label starts with such a verb or when it leads to a page of
that kind (a donation, membership, subscription or registration page, a payment link, a
patronage site), read through the destination a tracking link carries when it carries one.
A sentence that merely mentions donating is never one: only whole labels and buttons are read.

An issue also closes with a paragraph of such asking and thanking, without a button: "Thanks for
reading! If a friend would like this, forward it along.", "If you enjoyed this issue, consider
upgrading". ``closing_appeal`` reads it sentence by sentence: every sentence must thank the reader
for reading or ask them to pass the issue on or pay for it, so a story's last paragraph, which
says something of its own, is never one (closing.py decides where: only after the last story).
Only the issue's very last paragraph may end with one sentence of such asking after its own text;
``closing_sentence`` finds it, and closing.py leaves out that sentence alone.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..links.carried import carried_destination
from ..links.rules import classify

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
    r"keep reading with a (?:\d+-day )?free trial|start (?:your |a )?(?:\d+-day )?free trial|"  # a paid post's preview (Substack)
    r"(?:upgrade|subscribe)\s+to\s+(?:keep|continue)\s+reading|"  # its paywall's heading (Ghost's paywall.hbs)
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


# What a closing paragraph's sentences do. The issue is "this", "it", "us", "the newsletter"…; the asks are passing it
# on, subscribing and paying; a sentence naming anything else ("the council", "the fund") is the story's.
_ISSUE = (
    r"(?:this|it|us|me|these|them|today(?:'|’)s\s+\w+|what\s+you(?:(?:'|’)re|\s+are)?\s+(?:read(?:ing)?|see(?:ing)?)|"
    r"the\s+(?:newsletter|letter|issue|edition|email|briefing|post|digest|roundup|podcast|show))"
)
_ASK = (
    r"(?:forward|share|pass|send|tell|recommend|subscrib|sign(?:ing)?\s+up|upgrad|donat|support|pledg|chip\s+in|becom|join|"
    r"contribut|giv|tip|pay|buy\s+(?:me|us)\s+a)"
)
_CLOSING_SENTENCES = (
    # thanks for reading (and only that, perhaps "so much", "again", "as always", a name or "friends")
    re.compile(
        r"^(?:and\s+)?(?:thanks|thank\s+you|many\s+thanks)(?:\s+(?:so\s+much|again|as\s+always))?,?\s+(?:for\s+(?:reading|being\s+here|subscribing|"
        r"your\s+support|being\s+a\s+(?:reader|subscriber|member|supporter))|to\s+(?:all\s+)?(?:our|my)\s+(?:readers|subscribers|members|supporters))"
        r"(?:\s+(?:this\s+(?:week|issue|edition)|today|as\s+always))?(?:,?\s+[\w’'-]+){0,2}$"
    ),
    re.compile(
        r"^(?:danke|vielen\s+dank)\s+(?:fürs|für\s+das|für\s+ihr|für\s+dein)\s+(?:lesen|interesse)|^merci\s+(?:de|pour)\s+(?:votre\s+|ta\s+)?(?:lecture|nous\s+lire)|"
        r"^(?:muchas\s+)?gracias\s+por\s+(?:leer(?:nos)?|tu\s+lectura|su\s+lectura)|"
        r"^(?:muito\s+)?obrigad[oa]\s+por\s+(?:ler|nos\s+ler|acompanhar)|^grazie\s+(?:mille\s+)?per\s+(?:aver(?:ci)?\s+letto|la\s+lettura|leggere)|"
        r"^(?:hartelijk\s+)?bedankt\s+(?:voor\s+het\s+lezen|dat\s+je\s+(?:dit\s+)?(?:leest|hebt\s+gelezen))"
    ),
    # "Leite diesen Newsletter an Freunde weiter", "Transférez cette lettre à un ami", "Inoltra questa email a un amico"
    re.compile(
        r"^(?:bitte\s+)?(?:leite|transf[ée]r|transmet|reenv[ií]a|compart[ei]|encaminh|partilh|inoltra|condividi|stuur|deel)\w*\b.{0,60}?"
        r"\b(?:freund|ami[es]?\b|amig[oa]s?|amic[oi]|amica|vriend|weiter)"
    ),
    # "If you enjoyed this issue, consider upgrading", "If a friend would like this, forward it along"
    re.compile(r"^(?:and\s+)?if\s+(?:you|a\s+friend|someone|anyone|a\s+colleague)\b.{0,60}?\b" + _ISSUE + r"\b.{0,60}?\b" + _ASK),
    # "Forward this to a friend", "Share it with someone who would enjoy it", "Please consider supporting us", "Pass it on"
    re.compile(r"^(?:(?:so|and|please|do)\s+)*(?:consider\s+)?(?:forward(?:ing)?|shar(?:e|ing)|pass(?:ing)?|send(?:ing)?)\s+" + _ISSUE + r"\b"),
    re.compile(r"^(?:(?:so|and|please)\s+)*consider\s+" + _ASK + r"\w*\b(?:\s+(?:to\s+)?" + _ISSUE + r"\b|\s+(?:a|to|as|for|with)\b|$)"),
    # "Enjoyed this issue?", "Know someone who would like it?", "New here?"
    re.compile(r"^(?:enjoy(?:ed|ing)|lik(?:ed?|ing)|lov(?:ed?|ing))\s+" + _ISSUE + r"(?:\s+[\w’'-]+){0,2}\?$"),
    re.compile(r"^(?:do\s+you\s+)?know\s+(?:someone|anyone|a\s+friend)\s+who\b.{0,60}\?$"),
    re.compile(r"^(?:new\s+here|not\s+(?:yet\s+)?(?:a\s+)?subscribe[dr](?:\s+yet)?|was\s+this\s+forwarded\s+to\s+you)\?$"),
    # a paid post's preview: "Subscribe to The Tool Shed to keep reading this post…", "Already a paid subscriber? Sign in"
    re.compile(r"^(?:subscribe|upgrade)\s+(?:to\s+.{1,60}?\s+)?to\s+(?:keep|continue)\s+reading\b"),
    re.compile(r"^(?:already\s+a\s+paid\s+subscriber|this\s+post\s+is\s+for\s+paid\s+subscribers)\b"),
    re.compile(r"^sign\s+in$"),
    # "Have a tip? Just hit reply.", "Reply to this email with your questions"
    re.compile(r"^(?:have|got)\s+(?:a\s+|any\s+)?(?:tip|story|question|idea|feedback|thought|suggestion)s?(?:\s+for\s+(?:us|me))?\?$"),
    re.compile(r"^(?:(?:just|simply|please|or)\s+)*(?:hit\s+reply|reply\s+to\s+(?:this|the)\s+(?:e-?mail|newsletter|message))\b.{0,60}$"),
)
# A farewell that may close such a paragraph ("See you next week"), never one on its own.
_FAREWELL = re.compile(
    r"^(?:(?:and|until\s+then|so)\s*,?\s+)?(?:see\s+you|talk\s+(?:to\s+you\s+)?soon|until\s+next\s+(?:time|week)|"
    r"that(?:'|’)s\s+(?:all|it)\s+for\s+(?:this\s+week|today|now|this\s+(?:issue|edition)))\b.{0,30}$"
)
# A sign-off closing the same paragraph: a name or a team, in capitals ("The Quayside team", "— Ana", "Cheers, Ana").
_SIGNED = re.compile(
    r"^(?:[—–-]\s*)?(?:(?:best|cheers|thanks|warmly|yours|love),?\s+)?(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?:(?-i:[A-Z])[\w’'.-]*|team|and|&|crew|desk|staff)){0,3}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CLOSING_WORDS = 60  # a closing word is a line or two; a story's paragraph may be longer


def closing_appeal(text: str) -> bool:
    """Every sentence of ``text`` thanks the reader for reading or asks them to pass the issue on, subscribe or pay:
    "Thanks for reading! If a friend would like this, forward it along." (never "Thanks to everyone who came on Thursday")."""
    plain = " ".join(re.sub(r"[^\w\s.,!?…’'$€£%-]", " ", text).split())
    plain = re.sub(r"^p\.?\s?s\.?(?:\s*[:-])?\s+", "", plain, flags=re.IGNORECASE)  # "P.S. If you enjoyed this…"
    if not plain or len(plain.split()) > _CLOSING_WORDS:
        return False
    written = [sentence.strip(" ,-") for sentence in _SENTENCE_END.split(plain) if sentence.strip(" ,-")]
    if len(written) > 1 and _SIGNED.match(written[-1]):
        written = written[:-1]  # "Thanks for reading! The Quayside team": the sign-off goes with the words it signs
    sentences = [sentence.lower().rstrip(".!…") for sentence in written]
    sentences = [re.sub(r"\s+and\s+(?=see\s+you\b)", ". ", sentence) for sentence in sentences]  # "thanks for reading and see you soon"
    parts = [part for sentence in sentences for part in sentence.split(". ")]
    asking = [part for part in parts if not _FAREWELL.match(part)]
    return bool(asking) and all(appeal(part) or any(rule.match(part) for rule in _CLOSING_SENTENCES) for part in asking)


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


# Asking the reader to come to something, not to pay or subscribe: a story's own event sign-up when it leads to the event.
_EVENT_LABEL = re.compile(
    r"^\W*(?:please\s+)?(?:register|sign up|rsvp|enrol|enroll|get\s+(?:your\s+)?tickets?|book\s+(?:your\s+|a\s+)?(?:place|seat|ticket)s?)"
    r"(?:\s+(?:now|today|here|for\s+free|free|for\s+(?:the|this)\s+[\w\s-]{1,30}))?\W*$",
    re.IGNORECASE,
)
_EVENT_ONLY = re.compile(
    r"^\W*(?:please\s+)?(?:register|rsvp|enrol|enroll|get\s+(?:your\s+)?tickets?|book\s+(?:your\s+|a\s+)?(?:place|seat|ticket)s?)\b", re.IGNORECASE
)
_EVENT_HOSTS = re.compile(r"(?:^|\.)(?:eventbrite\.[a-z.]+|lu\.ma|tito\.io|meetup\.com|ti\.to)$")
_EVENT_PAGE = re.compile(r"/(?:events?|workshops?|meetups?|webinars?|conferences?|courses?|classes|talks?|walks?|tickets?)(?=/|$)", re.IGNORECASE)


def event_signup(label: str, href: str) -> bool:
    """A "Register" or "Sign up" link that leads to an event's own page (a ticketing site, a path
    under ``/events/``, ``/workshops/``…), read through the destination a tracking link carries:
    the story's invitation, not the newsletter asking for a subscriber. A link that leads to a subscribe, donate or
    membership page is an appeal as before. Behind a click redirect that carries no destination,
    "Register", "RSVP", "Get tickets" and "Book a place" are the story's (they ask the reader to come
    to something); "Sign up" there is still the newsletter's."""
    if not _EVENT_LABEL.match(" ".join(label.split())):
        return False
    carried = carried_destination(href)
    try:
        parts = urlsplit(carried or href.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if not carried and classify(href) is not None:
        # a click redirect: where it leads is not known offline, so its words say it: coming to something
        # (register, RSVP, tickets, a place) is the story's event; "Sign up" may be the newsletter's own
        return _EVENT_ONLY.match(" ".join(label.split())) is not None
    if re.search(
        r"/(?:subscribe|donate|donations?|membership|members?|join|support|upgrade|give|contribute|pledge|checkout)(?=/|$)", parts.path, re.IGNORECASE
    ):
        return False
    return bool(_EVENT_HOSTS.search(host) or _EVENT_PAGE.search(parts.path))


def closing_sentence(text: str) -> str:
    """The last sentence of a paragraph that says something of its own before it, when that sentence
    alone is a closing appeal ("The vote is on Monday. Forward this to a friend who cares about the
    ferry!" gives "Forward this to a friend who cares about the ferry!"), else ""."""
    written = [sentence for sentence in _SENTENCE_END.split(" ".join(text.split())) if sentence.strip()]
    if len(written) < 2 or not closing_appeal(written[-1]) or closing_appeal(" ".join(written[:-1])):
        return ""
    return written[-1]
