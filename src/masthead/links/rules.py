"""Which URLs are tracking links: built-in rules per mailing service, plus the site's own.

Pure functions. A *redirect* rule matches links whose destination is only known by asking the
service (Campaign Monitor, Mailchimp…); the *parameters* rule matches ordinary URLs carrying
``utm_*``/``mc_*``-style parameters, which can be cleaned without asking anyone.
Shapes are documented in docs/links.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ..config import LinkRule


@dataclass(frozen=True)
class Tracking:
    service: str  # "Campaign Monitor", "Mailchimp", …, "tracking parameters"
    kind: str  # "click", "unsubscribe", "web version", "open", "redirect", "parameters"

    @property
    def redirect(self) -> bool:
        """True when the destination is only known by asking the service."""
        return self.kind != "parameters"


@dataclass(frozen=True)
class _Rule:
    service: str
    host: re.Pattern[str]  # full match against the lower-case host
    path: re.Pattern[str]  # searched in path, plus "?" and the query when there is one
    kind: str = "click"


def _rule(service: str, host: str, path: str = "", kind: str = "click") -> _Rule:
    return _Rule(service, re.compile(host), re.compile(path), kind)


_ANY_HOST = r"[^/]+"
_CAMPAIGN_MONITOR_HOSTS = r"(?:[a-z0-9-]+\.)*(?:createsend\d*\.com|cmail\d+\.com)"
_CAMPAIGN_MONITOR_KINDS = {"l": "click", "u": "unsubscribe", "e": "web version"}
# /t/<x>-<kind>-<id>(-<id>)…/ : lower-case id groups; /t/<x>-<32 hex>: a redirect; /t/ViewEmail/…
_CAMPAIGN_MONITOR_PATH = re.compile(
    r"^/t/(?:[a-z]-(?P<kind>[a-z])-[a-z0-9]+(?:-[a-z0-9]+)+/?|[a-z]-[0-9A-F]{32}/?|(?P<view>ViewEmail)/.*)$"
)

BUILT_IN: tuple[_Rule, ...] = (
    _rule("Mailchimp", r"(?:[a-z0-9-]+\.)*list-manage\d*\.com", r"^/track/click\b"),
    _rule("Mailchimp", r"(?:[a-z0-9-]+\.)*list-manage\d*\.com", r"^/track/open\b", "open"),
    _rule("Mailchimp", r"(?:[a-z0-9-]+\.)*list-manage\d*\.com", r"^/unsubscribe\b", "unsubscribe"),
    _rule("Mailchimp", r"click\.mailchimp\.com"),
    _rule("Mandrill", r"(?:[a-z0-9-]+\.)*mandrillapp\.com", r"^/track/click\b"),
    _rule("Substack", r"(?:[a-z0-9-]+\.)*substack\.com", r"^/redirect/"),
    _rule("Substack", r"email\.mg\d*\.substack\.com", r"^/c/"),
    _rule(
        "HubSpot",
        r"(?:[a-z0-9-]+\.)*(?:hubspotlinks(?:free)?\.com|hubspotstarter\.net|hs-sales-engage\.com)",
    ),
    _rule("SendGrid", r"(?:[a-z0-9-]+\.)*sendgrid\.net", r"^/(?:ls|wf)/click\b"),
    _rule(
        "SendGrid", _ANY_HOST, r"^/ls/click\?(?:.*&)?upn="
    ),  # branded link domains (url1234.example.com)
    _rule("Mailgun", r"(?:[a-z0-9-]+\.)*mailgun\.(?:org|net)", r"^/c/"),
    _rule("Mailgun", r"email\.[a-z0-9.-]+", r"^/c/[A-Za-z0-9_=-]{20,}"),
    _rule("Constant Contact", r"(?:[a-z0-9-]+\.)*rs6\.net", r"^/tn\.jsp\b"),
    _rule(
        "Constant Contact",
        r"(?:[a-z0-9-]+\.)*(?:ctctcdn|constantcontact)\.com",
        r"^/(?:tn\.jsp|click)\b",
    ),
    _rule("beehiiv", r"(?:[a-z0-9-]+\.)*beehiiv\.com", r"^/(?:ss/c|v1|ss/o)/"),
    _rule("beehiiv", r"link\.[a-z0-9.-]+", r"^/ss/c/[A-Za-z0-9_-]{20,}"),
)

# Query parameters that only say where a click came from; removing them never changes the page.
TRACKING_PARAMETERS = re.compile(
    r"^(?:utm_[a-z_]+|mc_cid|mc_eid|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|fbclid|gclid|dclid|"
    r"msclkid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|ck_subscriber_id|sc_cid|rb_clickid|"
    r"s_cid|wt_mc|cmpid|ncid|ito|mbid|_bhlid|trk|trkCampaign|ss_source|ss_campaign_id)$",
    re.IGNORECASE,
)


def _host(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    path = parts.path or "/"
    return host, path, parts.query


def _campaign_monitor(host: str, path: str) -> Tracking | None:
    match = _CAMPAIGN_MONITOR_PATH.match(path)
    if match is None:
        return None
    if match.group("view"):
        return Tracking("Campaign Monitor", "web version")
    letter = match.group("kind")
    if letter is None:
        return Tracking("Campaign Monitor", "redirect")
    return Tracking("Campaign Monitor", _CAMPAIGN_MONITOR_KINDS.get(letter, "redirect"))


def classify(url: str, extra: Sequence[LinkRule] = ()) -> Tracking | None:
    """The tracking service behind ``url``, or None for an ordinary link."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        host, path, query = _host(url)
    except ValueError:  # malformed (e.g. a bad IPv6 literal): not a link anyone can follow
        return None
    target = f"{path}?{query}" if query else path
    for rule in extra:
        if re.fullmatch(rule.host, host) and re.search(rule.path, target):
            return Tracking(rule.name, "redirect")
    if re.fullmatch(_CAMPAIGN_MONITOR_HOSTS, host) and path.startswith("/t/"):
        return _campaign_monitor(host, path) or Tracking("Campaign Monitor", "redirect")
    found = _campaign_monitor(host, path)  # custom tracking domains such as email.cpg-online.de
    if found:
        return found
    for built_in in BUILT_IN:
        if built_in.host.fullmatch(host) and built_in.path.search(target):
            return Tracking(built_in.service, built_in.kind)
    if tracking_parameters(url):
        return Tracking("tracking parameters", "parameters")
    return None


def _query_items(query: str) -> list[str]:
    return [item for item in re.split(r"(?:&amp;|&|;)", query) if item] if query else []


def tracking_parameters(url: str) -> tuple[str, ...]:
    """Names of the tracking parameters in ``url``'s query, in order."""
    query = urlsplit(url).query
    names = [item.split("=", 1)[0] for item in _query_items(query)]
    return tuple(name for name in names if TRACKING_PARAMETERS.match(name))


def strip_tracking_parameters(url: str) -> str:
    """``url`` without tracking parameters; every other character is kept as written."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    items = _query_items(parts.query)
    kept = [item for item in items if not TRACKING_PARAMETERS.match(item.split("=", 1)[0])]
    if len(kept) == len(items):
        return url
    return urlunsplit(parts._replace(query="&".join(kept)))
