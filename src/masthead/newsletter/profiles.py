"""What each mailing service's issues look like: one frozen record per service, read by one engine.

A profile says how to recognise the service from the message itself (header patterns, CSS
selectors of its markup, the hosts of its links and images) and where things are: the title, the
subtitle, the content, one story's container, and the chrome to leave out, each with the reason
``--dry-run`` shows. Nothing here is code: add a service by adding a record. ``[newsletter]
profile`` names one to skip detection. docs/newsletter.md lists what each one recognises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # config.py checks [newsletter] profile against NAMES without loading a parser
    from bs4 import BeautifulSoup


@dataclass(frozen=True)
class Profile:
    name: str  # the value of [newsletter] profile
    label: str  # the service's name, for people
    headers: tuple[tuple[str, str], ...] = ()  # (header, regex searched in its value): evidence
    markup: tuple[str, ...] = ()  # CSS selectors; each that matches is evidence
    hosts: tuple[str, ...] = ()  # regexes matched against the end of link and image hosts
    title: tuple[str, ...] = ()  # the headline, first match wins
    subtitle: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()  # one story's container, when the service has story blocks
    chrome: tuple[tuple[str, str], ...] = ()  # (selector, why): removed before the stories are read
    single: bool = False  # one article per issue: its headings are sections, not stories


_SHARED_CHROME = (
    ('[class*="preheader"], [id*="preheader"], [class*="preview-text"], [class*="previewText"]', "header"),
    ('[class~="footer"], [id="footer"], [class*="footer-"], [class*="-footer"], [class*="Footer"]', "footer"),
)

PROFILES: tuple[Profile, ...] = (
    Profile(
        "mailchimp",
        "Mailchimp (classic builder)",
        headers=(("X-Mailer", r"^MailChimp Mailer"), ("X-MC-User", r"\w"), ("List-Unsubscribe", r"list-manage\d*\.com"), ("X-Campaign", r"^mailchimp")),
        markup=("table.mcnTextBlock", "td.mcnTextContent", "#templatePreheader", "#templateBody", "table.mcnImageBlock"),
        hosts=(r"list-manage\d*\.com", r"mcusercontent\.com", r"gallery\.mailchimp\.com", r"campaign-archive\d*\.com"),
        stories=("table.mcnCaptionBlock", "table.mcnImageCardBlock"),
        chrome=(
            ("#templatePreheader, .mcnPreviewText", "header"),
            ("#templateFooter, .footerContainer", "footer"),
            ("table.mcnFollowBlock, table.mcnShareBlock", "chrome"),
            ("#templateHeader", "header"),
            ("#awesomewrap", "header"),  # the campaign archive's bar: Share, Subscribe, Past Issues, RSS, Translate
        ),
    ),
    Profile(
        "mailchimp-new",
        "Mailchimp (new builder)",
        headers=(("X-Mailer", r"^MailChimp Mailer"), ("X-MC-User", r"\w"), ("List-Unsubscribe", r"list-manage\d*\.com"), ("X-Campaign", r"^mailchimp")),
        markup=(".mceText", ".mceSectionHeader", ".mceSectionBody", ".mceSectionFooter", '[id^="dataBlockId"]'),
        hosts=(r"list-manage\d*\.com", r"mcusercontent\.com", r"campaign-archive\d*\.com"),
        chrome=(
            (".mceSectionHeader", "header"),
            (".mceSectionFooter, .mceFooterSection", "footer"),
            (".mceSocialFollowBlock, .mceShareBlock, .mceSocialFollowIcon", "chrome"),
            ("#awesomewrap", "header"),  # the campaign archive's bar, as on the classic builder's archive pages
        ),
    ),
    Profile(
        "campaign-monitor",
        "Campaign Monitor",
        headers=(
            ("X-Mailer", r"createsend|Campaign Monitor"),
            ("List-Unsubscribe", r"createsend\d*\.com|cmail\d+\.com"),
            ("Feedback-ID", r"createsend|cmail"),
            ("X-Complaints-To", r"createsend|cmail"),
            ("Message-ID", r"createsend|cmail\d"),
        ),
        markup=("table.emb-editor-canvas", "div.layout__inner", "td.webversion", "div.webversion", "#emb-email-header-container"),
        hosts=(r"createsend\d*\.com", r"cmail\d+\.com"),
        chrome=((".preheader, .webversion, .header", "header"), (".footer, .footer__inner", "footer")),
    ),
    Profile(
        "substack",
        "Substack",
        headers=(("List-Id", r"substack\.com"), ("List-Unsubscribe", r"substack\.com"), ("List-Post", r"substack\.com"), ("X-Mailgun-Tag", r"substack")),
        markup=("h1.post-title", ".post-ufi", "div.body.markup", ".email-body-container", "table.email-ufi-2-top"),
        hosts=(r"substack\.com", r"substackcdn\.com", r"substack-post-media\.s3\.amazonaws\.com"),
        title=("h1.post-title", ".post-title", ".post-header h1"),  # the 2021-22 template's header has no title class
        subtitle=("h3.subtitle", ".subtitle", ".post-header h3"),
        chrome=(
            (".post-ufi, .email-ufi-2-top, .email-ufi-2-bottom, .post-ufi-button, .email-button-outline", "chrome"),
            (".meta-author-wrap, .post-meta, .byline-wrapper", "byline"),
            (".preamble, .header-anchor-parent", "header"),
            (".subscription-widget-wrap, .subscription-widget, .subscribe-widget, .button-wrapper, p > a.button.primary", "chrome"),
            (".footer, .footer-wrap, .email-footer", "footer"),
            (".paywall", "call to action"),  # a paid post's web page: "Keep reading with a 7-day free trial"
        ),
        single=True,
    ),
    Profile(
        "beehiiv",
        "beehiiv",
        headers=(("List-Unsubscribe", r"beehiiv\.com"), ("Feedback-ID", r"beehiiv"), ("X-Beehiiv-Publication", r"\w")),
        markup=("#content-blocks", "table.bh__table", '[class*="bh__"]'),
        hosts=(r"beehiiv\.com", r"beehiiv\.net", r"beehiiv-images-production\.s3\.amazonaws\.com"),  # media.beehiiv.net in older sends
        title=("#web-header h1",),  # a post's web page: its title and subtitle head the page
        subtitle=("#web-header h2",),
        chrome=(
            ("#web-header, .web-header", "header"),
            (".bh__byline_wrapper", "byline"),
            ("#footer, .footer", "footer"),
            ('[class*="recommendation"], [class*="referral"]', "referral"),
        ),
    ),
    Profile(
        "hubspot",
        "HubSpot",
        headers=(
            ("X-HS-Cid", r"\w"),
            ("X-HubSpot-MessageType", r"\w"),
            ("List-Unsubscribe", r"hubspot|hs-sites|hsforms|/hs/"),
            ("X-Report-Abuse-To", r"hubspot"),
            ("X-Mailer", r"HubSpot"),
        ),
        markup=(".hse-body-wrapper-table", ".hse-section", ".hse-column", '[id^="hs_cos_wrapper"]'),
        hosts=(r"hubspotlinks(?:free)?\.com", r"hubspotemail\.net", r"hubspotusercontent[\w-]*\.net", r"hs-sites\.com"),
        chrome=(
            ("#hs_cos_wrapper_preview_text, .hse-preview-text", "header"),
            (".hs-rss-byline, .hs-rss-date, .hs-rss-author", "byline"),  # blog digests (hs_rss_email_entries_table)
            (".hse-footer, #footer, .hse-footer-wrapper", "footer"),
        ),
    ),
    Profile(
        "convertkit",
        "Kit (ConvertKit)",
        headers=(("List-Unsubscribe", r"convertkit|kit-mail"), ("Feedback-ID", r"convertkit|kit"), ("X-Mailer", r"ConvertKit|Kit")),
        # a class of its own, not "stack-padding"; a creator profile's page has Kit's subscribe form (formkit-)
        markup=(".ck-section", ".ck-inner-section", '[class^="ck-"], [class*=" ck-"]', ".formkit-form"),
        hosts=(r"convertkit-mail\d*\.com", r"kit-mail\d*\.com", r"convertkit\.com", r"filekitcdn\.com", r"ck\.page", r"kit\.com"),
        chrome=((".ck-footer, .footer", "footer"),),
    ),
    Profile(
        "buttondown",
        "Buttondown",
        headers=(("List-Unsubscribe", r"buttondown\.(?:email|com)"), ("X-Mailer", r"Buttondown"), ("List-Id", r"buttondown")),
        markup=(".email-body-content", '[class*="buttondown"]', "article.email-body"),
        hosts=(r"buttondown\.(?:email|com)", r"assets\.buttondown\.email"),
        chrome=(
            (".email-footer, .footer", "footer"),
            # an archive page (buttondown/themes): inside the email's own article, after the letter
            (".card-container, .related-emails-widget, .archive__social-share-link-container, .announcement-bar", "chrome"),
        ),
        single=True,  # one Markdown document per issue: its headings are sections (a link list is still a roundup)
    ),
    Profile(
        "ghost",
        "Ghost",
        headers=(("List-Unsubscribe", r"/unsubscribe/\?uuid="), ("X-Mailgun-Tag", r"ghost"), ("X-Ghost-Newsletter", r"\w")),
        markup=("td.post-title", ".post-title-link", '[class^="post-content"]', ".kg-card", '[class^="site-info"]', ".gh-content", "[data-portal]"),
        hosts=(r"ghost\.io", r"ghost\.org"),
        # the email's title, then a post's web page in the default themes (Source: gh-article-…, Casper: article-…)
        title=(".post-title a", ".post-title", ".gh-article-title", ".article-title"),
        subtitle=(".post-excerpt", ".post-subtitle", ".gh-article-excerpt", ".article-excerpt"),
        chrome=(
            (".gh-article-tag, .gh-article-meta, .article-tag, .article-byline", "byline"),
            ('[data-portal], .kg-button-card:has(a[href^="#/portal"])', "call to action"),  # opens the members' sign-up dialog
            (".gh-post-upgrade-cta", "call to action"),  # a members' post on the web: "This post is for paying subscribers only"
            ('.header-image, [class^="site-info"], .site-icon, .site-url, .site-title, .site-header, .header, .view-online', "header"),
            (".post-meta, .post-meta-wrapper", "byline"),
            (".feedback-buttons, .feedback-buttons-mobile, .latest-posts-section, .latest-post, .comment-button, .feedback-buttons-wrapper", "chrome"),
            (".subscription-box, .footer, .footer-powered", "footer"),
            # the call-to-action card (2025): with its "sponsor label" a sponsor's, without one the writer's own appeal
            (".kg-cta-card:has(.kg-cta-sponsor-label)", "sponsor"),
            (".kg-cta-card", "call to action"),
            # the players Ghost's email renderer draws in place of a video or audio file: links to the post to play it
            # there ("10:42 • Click to play audio", a play button over the video's thumbnail); titles and captions stay
            ("a.kg-video-preview, a.kg-video-preview + table, .kg-audio-card .kg-audio-play-button, .kg-audio-card .kg-audio-duration", "chrome"),
        ),
        single=True,
    ),
    Profile(
        "mailerlite",
        "MailerLite",
        headers=(("X-Mailer", r"MailerLite"), ("List-Unsubscribe", r"mailerlite|mlsend"), ("Feedback-ID", r"mailerlite|mlsend")),
        markup=(".mlContentTable", ".mlBodyBackground", ".mlContentButton", ".mlContentOuter"),
        hosts=(r"mailerlite\.com", r"mlsend\.com", r"mlcdn\.com", r"mailerlite\.io"),
        chrome=((".mlFooterContainer, .mlContentFooter", "footer"),),
    ),
    Profile(
        "brevo",
        "Brevo (Sendinblue)",
        headers=(
            ("X-Mailer", r"Sendinblue|Brevo"),
            ("X-sib-id", r"\w"),
            ("X-Mailin-Campaign", r"\w"),
            ("Feedback-ID", r"sendinblue|brevo"),
            ("List-Unsubscribe", r"sendibt\d*\.com|sendibm\d*\.com|brevo"),
        ),
        # the rnb- template, and the current editor (Newsletter2Go's: nl2go- classes, rN-o/rN-i cells, default-heading1…)
        markup=(".rnb-del-min-width", ".rnb-container", '[class^="rnb-"]', ".nl2go-body-table", ".nl2go-default-textstyle", ".nl2go_preheader"),
        hosts=(r"sendibt\d*\.com", r"sendibm\d*\.com", r"sendinblue\.com", r"brevo\.com", r"t?sp\d+-brevo\.net", r"mailinblue\.com"),
        chrome=((".rnb-footer, .footer", "footer"), ('[class*="rnb-social"]', "chrome")),  # the follow-us text and icons beside it
    ),
    Profile(
        "klaviyo",
        "Klaviyo",
        headers=(("List-Unsubscribe", r"kmail-lists\.com|klaviyo"), ("Feedback-ID", r"klaviyo"), ("X-Mailer", r"Klaviyo"), ("X-Kmail-Relay", r"\w")),
        markup=(".kl-text", ".kl-image", ".kl-button", ".kl-row"),
        hosts=(r"klclick\d*\.com", r"kmail-lists\.com", r"klaviyo\.com", r"d3k81ch9hvuctc\.cloudfront\.net"),
        chrome=((".kl-footer, .footer", "footer"),),
    ),
    Profile(
        "constant-contact",
        "Constant Contact",
        headers=(
            ("X-Roving-Id", r"\w"),
            ("X-CTCT-ID", r"\w"),
            ("X-Feedback-ID", r":CTCT$"),
            ("List-Unsubscribe", r"constantcontact\.com"),
            ("Message-ID", r"ccsend\.com"),
        ),
        markup=("body[data-canonical-name]", ".shell_panel-row", ".text_content-cell", ".layout--heading"),
        hosts=(r"rs6\.net", r"constantcontact\.com", r"ctctcdn\.com", r"ccsend\.com"),
        chrome=(("#tracking-image", "tracking pixel"), (".shell_panel-cell--systemFooter, .footer-container", "footer"), (".socialFollow", "chrome")),
    ),
)

GENERIC = Profile("generic", "any service")
NAMES = ("auto", GENERIC.name, *(profile.name for profile in PROFILES))


def chrome_of(profile: Profile) -> tuple[tuple[str, str], ...]:
    """The profile's own chrome, then what every template shares (preheaders, footer containers)."""
    return profile.chrome + _SHARED_CHROME


def by_name(name: str) -> Profile:
    return next((profile for profile in (GENERIC, *PROFILES) if profile.name == name), GENERIC)


def _hosts(soup: BeautifulSoup) -> set[str]:
    found = set()
    for element in soup.find_all(["a", "img"]):
        value = str(element.get("href") or element.get("src") or "")
        if value.startswith(("http://", "https://")):
            try:
                found.add((urlsplit(value).hostname or "").lower())
            except ValueError:
                continue
    return found


def evidence(profile: Profile, headers: Iterable[tuple[str, str]], soup: BeautifulSoup, hosts: set[str]) -> int:
    """How strongly the message says it came from ``profile``: headers count twice."""
    wanted = [(name.lower(), re.compile(pattern, re.IGNORECASE)) for name, pattern in profile.headers]
    score = 2 * sum(1 for header, pattern in wanted if any(name.lower() == header and pattern.search(value) for name, value in headers))
    score += sum(1 for selector in profile.markup if soup.select_one(selector) is not None)
    score += sum(1 for pattern in profile.hosts if any(re.search(rf"(?:^|\.){pattern}$", host) for host in hosts))
    return score


def detect(headers: Iterable[tuple[str, str]], soup: BeautifulSoup, name: str = "auto") -> Profile:
    """The profile ``name`` names, or (for "auto") the one with the most evidence; GENERIC if none has any."""
    if name != "auto":
        return by_name(name)
    headers = list(headers)
    hosts = _hosts(soup)
    scored = [(evidence(profile, headers, soup, hosts), -number, profile) for number, profile in enumerate(PROFILES)]
    best = max(scored, key=lambda item: (item[0], item[1]))
    return best[2] if best[0] > 0 else GENERIC
