"""Links that are chrome by where they go: share intents, the sender's social profiles, and
sponsors' links tagged as paid placements.

A "Share on X | Share on Facebook | Email a friend" row, or "Follow us on Instagram and
Facebook" under the stories, is furniture whatever words the template uses (and in whatever
language): its links open a network's share dialog, a blank mail to a friend, or the sender's
profile page. A link to one post (a status, a video, a photo) is a story's source, never chrome.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import Tag

# (host, path) of each network's share dialog; the host is matched at the end, so www./m./l. prefixes count.
_SHARE_INTENTS = (
    (r"(?:twitter|x)\.com", r"^/(?:intent/|share\b|home\?status=)"),
    (r"facebook\.com", r"^/(?:sharer|share\.php|dialog/(?:share|feed|send))"),
    (r"linkedin\.com", r"^/(?:shareArticle|sharing/|cws/share)"),
    (r"(?:wa\.me|api\.whatsapp\.com|whatsapp\.com)", r"^/(?:send|\?text=|$)"),
    (r"reddit\.com", r"^/submit\b"),
    (r"bsky\.app", r"^/intent/"),
    (r"threads\.(?:net|com)", r"^/intent/"),
    (r"(?:t|telegram)\.me", r"^/share\b"),
    (r"pinterest\.[a-z.]+", r"^/pin/create\b"),
    (r"tumblr\.com", r"^/(?:share|widgets/share)\b"),
    (r"news\.ycombinator\.com", r"^/submitlink\b"),
    (r"flipboard\.com", r"^/bookmarklet\b"),
    (r"getpocket\.com", r"^/(?:save|edit)\b"),
)
_NETWORKS = re.compile(
    r"(?:^|\.)(?:(?:facebook|instagram|twitter|x|linkedin|youtube|tiktok|threads|pinterest|snapchat|twitch)\.(?:com|net)|"
    r"mastodon\.social|bsky\.app|t\.me|whatsapp\.com)$"
)
# Profile pages: /name, /@name, /in/name, /company/name, /channel/ID…, never /name/status/123 or /watch?v=…
_PROFILE = re.compile(r"^/(?:@?[\w.-]+|(?:in|company|school|showcase|channel|c|user|profile|p|pg)/[\w.@-]+)/?$")


def share_intent(href: str) -> bool:
    """A network's share dialog, or a mail to no one yet that carries the issue ("Email a friend")."""
    href = href.strip()
    if href.lower().startswith("mailto:"):
        address, _, query = href[7:].partition("?")
        return not address.strip() and bool({"body", "subject"} & {key.lower() for key in parse_qs(query)})
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return any(re.search(rf"(?:^|\.){pattern}$", host) and re.search(path, target or "/") for pattern, path in _SHARE_INTENTS)


def social_profile(href: str) -> bool:
    """The sender's page on a social network (the target of "Follow us" links and icons)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return parts.scheme in ("http", "https") and bool(_NETWORKS.search(host)) and bool(_PROFILE.match(parts.path or "/")) and not parts.query


def social(href: str) -> bool:
    return share_intent(href) or social_profile(href)


def social_row(element: Tag, outside_words: int) -> bool:
    """Every link in ``element`` shares the issue or follows the sender, and little else is said.

    One profile link in a sentence ("the minister said on X") is a source; two or more with a few
    words around them ("Follow us on Instagram and Facebook"), or one with next to nothing, are a row.
    A share dialog only ever shares the issue, so one with a short label in any language is a row too
    ("Teile diesen Newsletter: Facebook").
    """
    anchors = [anchor for anchor in element.find_all("a", href=True) if str(anchor["href"]).strip()]
    if not anchors or not all(social(str(anchor["href"])) for anchor in anchors):
        return False
    shares = all(share_intent(str(anchor["href"])) for anchor in anchors)
    return outside_words <= (8 if len(anchors) >= 2 or shares else 2)


def linked_to_social(image: Tag) -> bool:
    """An icon that links to a share dialog or a social profile."""
    anchor = image.find_parent("a", href=True)
    return anchor is not None and social(str(anchor["href"]))


def linked_to_network_post(image: Tag) -> bool:
    """A picture that links to one post or video on a network (``youtube.com/watch?v=…``, ``x.com/name/status/…``):
    the thumbnail of a story's source, never the sender's icon."""
    anchor = image.find_parent("a", href=True)
    if anchor is None:
        return False
    href = str(anchor["href"]).strip()
    try:
        host = (urlsplit(href).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    except ValueError:
        return False
    return bool(_NETWORKS.search(host) or host == "youtu.be") and not social(href)


# A paid placement says so in its link: beehiiv's ad network (`_bhiiv=opp_…`), or utm_medium naming it.
_SPONSORED_LINK = re.compile(r"[?&](?:_bhiiv=opp_|utm_medium=(?:sponsor(?:ed|ship)?|paid(?:[_-]?\w+)?|ads?|advert(?:ising|orial)?)(?:&|$))", re.IGNORECASE)


def sponsored(element: Tag) -> bool:
    """Every link in ``element`` is tagged as a paid placement."""
    anchors = [str(anchor["href"]) for anchor in element.find_all("a", href=True) if str(anchor["href"]).strip()]
    return bool(anchors) and all(_SPONSORED_LINK.search(href.replace("&amp;", "&")) for href in anchors)
