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
    kind: str  # "click", "unsubscribe", "web version", "share", "open", "redirect", "parameters"

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
# l link, u unsubscribe, pe preferences, e web version, o the open pixel (…/o.gif), fb/tw/li the Like/Tweet/Share links
_CAMPAIGN_MONITOR_KINDS = {
    "l": "click",
    "u": "unsubscribe",
    "pe": "unsubscribe",
    "e": "web version",
    "o": "open",
    "fb": "share",
    "tw": "share",
    "li": "share",
}
# /t/<x>-<kind>-<id>(-<id>)…/ : lower-case id groups; /t/<x>-<32 hex>: a redirect; /t/ViewEmail/…
_CAMPAIGN_MONITOR_PATH = re.compile(r"^/t/(?:[a-z]-(?P<kind>[a-z]{1,2})-[a-z0-9]+(?:-[a-z0-9]+)+/?(?:o\.gif)?|[a-z]-[0-9A-F]{32}/?|(?P<view>ViewEmail)/.*)$")

_SUBDOMAINS = r"(?:[a-z0-9-]+\.)*"
_TOKEN = r"[A-Za-z0-9_.=-]{20,}"
_ULID = r"[0-9A-HJKMNP-TV-Z]{26}"  # Klaviyo's ids: Crockford base32, upper case

# Each service's click redirects, by host where the host is the service's own, and *by shape on any
# host* where services let senders brand the tracking domain (HubSpot, SendGrid, Brevo, Klaviyo…).
# The more specific kinds (open, unsubscribe, web version) come before a host's click rule.
BUILT_IN: tuple[_Rule, ...] = (
    _rule("Mailchimp", _SUBDOMAINS + r"list-manage\d*\.com", r"^/track/open\b", "open"),
    _rule("Mailchimp", _SUBDOMAINS + r"list-manage\d*\.com", r"^/vcard\b", "share"),  # "add us to your address book"
    _rule("Mailchimp", _SUBDOMAINS + r"list-manage\d*\.com", r"^/(?:unsubscribe|profile|about)\b", "unsubscribe"),
    _rule("Mailchimp", _SUBDOMAINS + r"list-manage\d*\.com", r"^/track/click\b"),
    _rule("Mailchimp", _ANY_HOST, r"^/track/click\?(?:.*&)?u=[0-9a-f]{16,}&(?:amp;)?id=[0-9a-f]{6,}"),
    _rule("Mailchimp", r"click\.mailchimp\.com"),
    _rule("Mailchimp", r"mailchi\.mp", "", "web version"),
    _rule("Mailchimp", _SUBDOMAINS + r"forward-to-friend\d*\.com", "", "share"),
    _rule("Mailchimp", _SUBDOMAINS + r"campaign-archive\d*\.com", "", "web version"),
    _rule("Mailchimp", r"eepurl\.com", "", "share"),  # Mailchimp's short links to a sign-up form or campaign
    _rule("Campaign Monitor", _SUBDOMAINS + r"forwardtomyfriend\.com", "", "share"),
    _rule("Mandrill", _SUBDOMAINS + r"mandrillapp\.com", r"^/track/open\b", "open"),
    _rule("Mandrill", _SUBDOMAINS + r"mandrillapp\.com", r"^/track/click\b"),
    _rule("Substack", _SUBDOMAINS + r"substack\.com", r"^/(?:action/disable_email|account/unsubscribe)\b", "unsubscribe"),
    _rule("Substack", _SUBDOMAINS + r"substack\.com", r"^/app-link/", "web version"),
    _rule("Substack", _SUBDOMAINS + r"substack\.com", r"^/redirect/"),
    _rule("Substack", _SUBDOMAINS + r"substack\.com", r"^/api/v1/email/open\b", "open"),  # mailgun.substack.com's pixel
    _rule("Substack", _ANY_HOST, r"^/redirect/(?:\d+/)?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|eyJ)"),
    _rule("Substack", r"eotrx\.substackcdn\.com", r"^/open\b", "open"),
    _rule("Substack", r"email\.mg\d*\.substack\.com", r"^/o/", "open"),
    _rule("Substack", r"email\.mg\d*\.substack\.com", r"^/c/"),
    _rule("HubSpot", _ANY_HOST, r"^/hs/(?:manage-preferences|preferences-center|email-subscriptions|subscription-preferences)/", "unsubscribe"),
    _rule("HubSpot", _ANY_HOST, r"^/e[1-3]t/(?:Cto|Bto|To)/", "open"),
    _rule("HubSpot", _ANY_HOST, r"^/e[1-3]t/[A-Za-z]{1,3}/"),  # /e3t/Ctc/…, /e3t/Btc/…, /e2t/c/…, on branded domains too
    _rule("HubSpot", _SUBDOMAINS + r"(?:hubspotlinks(?:free)?\.com|hubspotstarter\.net|hubspotemail\.net)", r"^/(?:Cto|Bto|To)/", "open"),
    # hubspotemail.net also serves the template's static icons (/hs/hsstatic/…): those are pictures, not redirects
    _rule("HubSpot", _SUBDOMAINS + r"(?:hubspotlinks(?:free)?\.com|hubspotstarter\.net|hs-sales-engage\.com|hubspotemail\.net)", r"^/(?!hs/hsstatic/|hubfs/)"),
    _rule("beehiiv", _SUBDOMAINS + r"beehiiv\.(?:com|net)", r"^/v2/opens?/", "open"),
    _rule("beehiiv", _SUBDOMAINS + r"beehiiv\.(?:com|net)", r"^/v2/clicks/"),  # flight.beehiiv.net, the newer sends
    _rule("beehiiv", _SUBDOMAINS + r"beehiiv\.com", r"^/(?:ss/o|v1/o|o)/", "open"),
    _rule("beehiiv", _SUBDOMAINS + r"beehiiv\.com", r"^/subscribe/manage\b", "unsubscribe"),
    _rule("beehiiv", _SUBDOMAINS + r"beehiiv\.com", r"^/(?:ss/c|v1/c|c)/"),
    # Klaviyo's own hosts before SendGrid's shapes: its older trk.klclick.com links are SendGrid's /ls/click and /wf/open
    _rule("Klaviyo", r"manage\.kmail-lists\.com", r"^/subscriptions/web-view\b", "web version"),
    _rule("Klaviyo", r"manage\.kmail-lists\.com", "", "unsubscribe"),
    _rule("Klaviyo", _SUBDOMAINS + r"klclick\d*\.com", r"^/(?:o|wf/open)\b", "open"),
    _rule("Klaviyo", _SUBDOMAINS + r"klclick\d*\.com"),
    _rule("Klaviyo", _ANY_HOST, rf"^/o/{_ULID}/?$", "open"),  # ctrk.klclick.com/o/01K…, the pixel on a branded domain too
    _rule("Klaviyo", _ANY_HOST, rf"^/l/{_ULID}(?:_\d+)?/?$"),  # ctrk.klclick3.com/l/01K…_0, and branded domains
    _rule("SendGrid", _ANY_HOST, r"^/(?:asm/unsubscribe/?\?(?:.*&)?data=|wf/unsubscribe\?(?:.*&)?upn=)", "unsubscribe"),
    _rule("SendGrid", _ANY_HOST, r"^/wf/open\?(?:.*&)?upn=", "open"),
    _rule("SendGrid", _ANY_HOST, r"(?:^|/)ss/o/" + _TOKEN, "open"),
    _rule("SendGrid", _SUBDOMAINS + r"sendgrid\.net", r"^/(?:ls|wf)/click\b|(?:^|/)ss/c/"),
    _rule("SendGrid", _ANY_HOST, r"^/(?:ls|wf)/click\?(?:.*&)?upn="),  # branded link domains (url1234.example.com)
    _rule("SendGrid", _ANY_HOST, r"(?:^|/)ss/c/" + _TOKEN),  # /ss/c/u001.…/…/h0/h001.…, also what beehiiv sends on brands
    _rule("ConvertKit", _SUBDOMAINS + r"(?:convertkit-mail|kit-mail)\d*\.com", r"^/(?:unsubscribe|[a-z0-9]+/unsubscribe)\b", "unsubscribe"),
    _rule("ConvertKit", r"(?:unsubscribe|preferences)\.(?:convertkit-mail|kit-mail)\d*\.com", "", "unsubscribe"),
    _rule("ConvertKit", _SUBDOMAINS + r"(?:convertkit-mail|kit-mail)\d*\.com", r"^/(?:o|open)/", "open"),
    _rule("ConvertKit", r"open\.(?:convertkit-mail|kit-mail)\d*\.com", "", "open"),  # the open pixel's own host
    _rule("ConvertKit", _SUBDOMAINS + r"(?:convertkit-mail|kit-mail)\d*\.com"),
    _rule("ConvertKit", _ANY_HOST, r"^/[a-z0-9]{12,24}/[a-z0-9]{12,24}/aHR0c[A-Za-z0-9+/=_-]*(?:%3D){0,2}$"),  # …/<base64 of https://…>
    _rule("Brevo", _ANY_HOST, r"^/(?:tr|mk)/op/", "open"),
    _rule("Brevo", _ANY_HOST, r"^/(?:tr|mk)/un/", "unsubscribe"),
    _rule("Brevo", _ANY_HOST, r"^/(?:tr|mk)/mr/(?:sh/)?[A-Za-z0-9_=-]{16,}", "web version"),  # "View in browser", /mk/mr/sh/<token>/<token>
    # x.r.af.d.sendibt2.com/tr/cl/<token>, /mk/cl/f/<token>, and the current /mk/cl/f/sh/<token>/<token> (on
    # <x>.r.sp1-brevo.net and branded r.<domain>): a one-letter segment and the "sh" segment may come before the token
    _rule("Brevo", _ANY_HOST, r"^/(?:tr|mk)/(?:cl|mo)/(?:[a-z]/)?(?:sh/)?[A-Za-z0-9_=-]{16,}"),
    _rule("Brevo", _SUBDOMAINS + r"(?:sendibt\d*|sendibm\d*|sendib[a-z]\d*)\.com", r"^/(?!im/)"),
    _rule("MailerLite", _ANY_HOST, r"^/link/o/", "open"),
    _rule("MailerLite", _SUBDOMAINS + r"(?:mailerlite|mlsend|mailerlite-mail)\d*\.com", r"^/tj/o/", "open"),
    _rule("MailerLite", _SUBDOMAINS + r"mailerlite\.(?:io|com)", r"^/unsubscribe\b", "unsubscribe"),
    _rule("MailerLite", r"preview\.mailerlite\.(?:io|com)", r"^/emails/webview/", "web version"),
    _rule("MailerLite", _SUBDOMAINS + r"(?:mailerlite|mlsend|mailerlite-mail)\d*\.com", r"^/(?:link|tj)/c/"),
    _rule("MailerLite", _ANY_HOST, r"^/link/c/YT[A-Za-z0-9+/=_-]{10,}"),  # base64 of "a=<id>&c=…"
    # the 2023+ builder: <id>.clicks.mlsend.com/tf/c/<base64 of {"v":"{\"a\":…}","s":…}>, /tf/o/ the pixel, /ty/… too
    _rule("MailerLite", _ANY_HOST, r"^/t[a-z]/o[a-z]?/eyJ", "open"),
    _rule("MailerLite", _SUBDOMAINS + r"clicks\.mlsend\.com", r"^/t[a-z]/o[a-z]?/", "open"),  # /td/op/ with or without the account
    _rule("MailerLite", r"[a-z0-9]+\.clicks\.mlsend\.com"),
    _rule("MailerLite", _ANY_HOST, r"^/t[a-z]/c[a-z]?/eyJ2Ijoi"),  # branded domains: the payload is the same JSON
    _rule("Mailgun", _SUBDOMAINS + r"mailgun\.(?:org|net)", r"^/c/"),
    _rule("Mailgun", r"email\.[a-z0-9.-]+", r"^/o/[A-Za-z0-9_=-]{20,}", "open"),
    _rule("Mailgun", r"email\.[a-z0-9.-]+", r"^/c/[A-Za-z0-9_=-]{20,}"),
    # any tracking host the sender named (eulink.smartrecruiters.com): the payload is base64 of zlib data, "eJ…"
    _rule("Mailgun", _ANY_HOST, r"^/o/eJ[A-Za-z0-9_=-]{30,}$", "open"),
    _rule("Mailgun", _ANY_HOST, r"^/c/eJ[A-Za-z0-9_=-]{30,}$"),
    _rule("Constant Contact", _SUBDOMAINS + r"rs6\.net", r"^/on\.jsp\b", "open"),
    _rule("Constant Contact", _SUBDOMAINS + r"rs6\.net", r"^/tn\.jsp\b"),
    _rule("Constant Contact", _ANY_HOST, r"^/tn\.jsp\?(?:.*&)?f=[0-9A-Za-z_-]{10,}"),
    _rule("Constant Contact", r"visitor\.constantcontact\.com", r"^/do\?(?:.*&)?p=(?:un|oo)\b", "unsubscribe"),
    _rule("Constant Contact", _SUBDOMAINS + r"(?:ctctcdn|constantcontact)\.com", r"^/(?:tn\.jsp|click)\b"),
    _rule("Buttondown", _SUBDOMAINS + r"buttondown\.(?:com|email)", r"^/(?:unsubscribe|[\w-]+/unsubscribe)\b", "unsubscribe"),
    _rule("Buttondown", _SUBDOMAINS + r"buttondown\.(?:com|email)", r"^/refer/", "share"),  # "Forward to a friend"
    _rule("Buttondown", _SUBDOMAINS + r"buttondown\.(?:com|email)", r"^/[\w-]+/archive/", "web version"),
    _rule("Buttondown", _SUBDOMAINS + r"buttondown\.(?:com|email)", r"^/c/[A-Za-z0-9_=-]{16,}"),  # base64 of "<email id>|<subscriber>|<URL>"
    _rule("Ghost", _ANY_HOST, r"^/r/[0-9a-f]{8}\?(?:.*&)?m=[0-9a-f]{8}-[0-9a-f-]{27}"),  # {site}/r/{hash}?m={member uuid}
    _rule("Ghost", _ANY_HOST, r"^/unsubscribe/?\?(?:.*&)?uuid=", "unsubscribe"),
    # Other senders met in forwarded and publishers' issues; bound to the senders' own hosts.
    _rule("Mailjet", _SUBDOMAINS + r"mjt\.lu", r"^/oo/", "open"),
    _rule("Mailjet", _SUBDOMAINS + r"mjt\.lu", r"^/unsub", "unsubscribe"),
    _rule("Mailjet", _SUBDOMAINS + r"mjt\.lu", r"^/lnk/"),
    _rule("Postmark", r"click\.pstmrk\.it"),
    _rule("Amazon SES", _SUBDOMAINS + r"awstrack\.me", r"^/I0/", "open"),
    _rule("Amazon SES", _SUBDOMAINS + r"awstrack\.me", r"^/L0/"),
    _rule("Customer.io", _SUBDOMAINS + r"customeriomail\.com", r"^/e/o/", "open"),
    _rule("Customer.io", _SUBDOMAINS + r"customeriomail\.com", r"^/(?:e/c|unsubscribe)/"),
    _rule("Salesforce Marketing Cloud", _SUBDOMAINS + r"exct\.net", r"^/\?qs="),
    _rule("Salesforce Marketing Cloud", r"click\.[a-z0-9.-]+", r"^/\?qs=[0-9a-f]{40,}"),
    _rule("AWeber", r"clicks\.aweber\.com", r"^/y/ct/"),
    _rule("SparkPost", _SUBDOMAINS + r"sparkpostmail\.com", r"^/f/"),
    _rule("ActiveCampaign", r"[a-z0-9-]+\.lt\.acemln[a-z]\.com", r"^/Prod/link-tracker"),
    # Mail filters that wrap every link of a forwarded issue (the issue's own link is inside).
    _rule("Microsoft Safe Links", r"[a-z0-9]+\.safelinks\.protection\.outlook\.com", r"^/\?(?:.*&)?url=", "redirect"),
    _rule("Mimecast", r"(?:[a-z0-9-]+\.)*mimecastprotect\.com", r"^/s/", "redirect"),
    _rule("Proofpoint", r"urldefense(?:\.proofpoint)?\.com", r"^/v\d/", "redirect"),
)

# Query parameters that only say where a click came from; removing them never changes the page.
TRACKING_PARAMETERS = re.compile(
    r"^(?:utm_[a-z_]+|mc_cid|mc_eid|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|fbclid|gclid|dclid|"
    r"msclkid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|ck_subscriber_id|sc_cid|rb_clickid|"
    r"s_cid|wt_mc|cmpid|ncid|ito|mbid|_bhlid|_kx|__s|trk|trkCampaign|ss_source|ss_campaign_id|"
    r"_bhiiv|bhcl_id|yclid|twclid|ttclid|li_fat_id|igshid|wbraid|gbraid|gclsrc|_gl|mc_tc|elqTrackId|elqTrack|vgo_ee|hsa_[a-z_]+)$",
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


_WEB_ADDRESS = re.compile(r"^(?:https?:)?//[^/\s?#]", re.IGNORECASE)  # a scheme (or none) and a host


def web_url(url: str) -> str | None:
    """``url`` as a web address: http(s) as written, protocol-relative (``//host/…``, as some
    senders write their tracking links) as https, which is what a mail client opens; None for
    anything else (mailto:, cid:, #anchors, relative paths, a scheme with no host)."""
    url = url.strip()
    if not _WEB_ADDRESS.match(url):
        return None
    return "https:" + url if url.startswith("//") else url


def classify(url: str, extra: Sequence[LinkRule] = ()) -> Tracking | None:
    """The tracking service behind ``url`` (an http(s) or protocol-relative link), or None for an ordinary link."""
    absolute = web_url(url)
    if absolute is None:
        return None
    try:
        host, path, query = _host(absolute)
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
    if tracking_parameters(absolute):
        return Tracking("tracking parameters", "parameters")
    return None


# Ghost's outbound link tagging: ``ref=<the site's host>`` on every link out of a post or newsletter.
# A ``ref`` naming a branch or a tag (``?ref=main``, ``?ref=v1.2.3``) is the page's own and stays.
_REF_SITE = re.compile(r"^ref=(?:[a-z0-9-]+(?:\.|%2e))+[a-z]{2,}$", re.IGNORECASE)


def _tracking_item(item: str) -> bool:
    return bool(TRACKING_PARAMETERS.match(item.split("=", 1)[0]) or _REF_SITE.match(item))


def _query_items(query: str) -> list[str]:
    return [item for item in re.split(r"(?:&amp;|&|;)", query) if item] if query else []


def tracking_parameters(url: str) -> tuple[str, ...]:
    """Names of the tracking parameters in ``url``'s query, in order."""
    query = urlsplit(url).query
    return tuple(item.split("=", 1)[0] for item in _query_items(query) if _tracking_item(item))


def strip_tracking_parameters(url: str) -> str:
    """``url`` without tracking parameters; every other character is kept as written."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    items = _query_items(parts.query)
    kept = [item for item in items if not _tracking_item(item)]
    if len(kept) == len(items):
        return url
    return urlunsplit(parts._replace(query="&".join(kept)))
