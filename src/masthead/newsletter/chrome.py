"""What in an issue is not a story: the services' chrome, recognised by its words and its links.

Every mailing service wraps an issue in the same kinds of furniture: a "view in browser" line, a
footer with the unsubscribe link and the postal address, rows of share/like/listen buttons, sponsor
blocks, referral programmes, polls. Profiles (profiles.py) name the containers a service uses;
these patterns catch the same furniture in any template, by what it says. Each answer is a reason
shown in ``masthead import --dry-run``: footer, header, chrome, sponsor, referral, feedback,
contents, call to action, tracking pixel. The links the message's ``List-Unsubscribe`` header names
mark its footer whatever language it is written in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from urllib.parse import urlsplit

from bs4 import Tag

from ..links.rules import classify
from .appeals import appeal, closing_appeal, event_signup
from .social import linked_to_network_post, linked_to_social, social_row, sponsored

HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]

# Mailchimp's, MailerLite's and Brevo's footers as they translate them (de, fr, es, pt, it, nl) beside English
_UNSUBSCRIBE = re.compile(
    r"\b(?:unsubscribe|se d[ée]sinscrire|d[ée]sinscription|se d[ée]sabonner|d[ée]sabonnement|abmelden|abbestellen|austragen|"
    r"darse de baja|dar(?:te|se)? de baja|cancelar (?:a )?(?:inscri[çc][ãa]o|subscri[çc][ãa]o|assinatura|suscripci[óo]n)|descadastr\w*|"
    r"annulla(?:re)? (?:l['’]|la )?iscrizione|disiscri(?:viti|versi|zione)|cancella(?:ti|rti)|uitschrijven|afmelden)\b",
    re.IGNORECASE,
)
# A link that says only this is a footer's ("Opt out"); in a sentence it is news ("Households can opt out before March").
_OPT_OUT = re.compile(r"\bopt[ -]?out\b", re.IGNORECASE)
_FOOTER = re.compile(
    r"update (?:your )?(?:subscription |email )?preferences|manage (?:your )?(?:subscription|preferences|email settings)|"
    r"you (?:are receiving|received|got) this (?:e-?mail|message|newsletter)|no longer (?:wish|want) to receive|"
    r"this (?:e-?mail|message|newsletter) (?:was|is being|has been) sent to|you (?:are|were) (?:receiving|getting|sent) this\b|"
    r"all rights reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|copyright \d{4}|"
    r"has recibido este correo|vous recevez (?:cet|ce) (?:e-?mail|courriel|message)|sie erhalten diese (?:e-?mail|nachricht)|"
    r"our mailing address|mailing address:|add us to your address book|"
    r"(?:einstellungen|präferenzen) (?:ändern|aktualisieren|verwalten)|(?:gérer|modifier|mettre à jour) (?:vos|tes|mes) préférences|"
    r"(?:actualizar|gestionar|administrar|atualizar|gerenciar) (?:(?:tus|sus|suas|as) )?preferencias|(?:atualizar|gerenciar) (?:(?:suas|as) )?preferências|"
    r"aggiorna(?:re)? (?:le )?(?:tue )?preferenze|gestisci (?:le )?(?:tue )?preferenze|voorkeuren (?:wijzigen|bijwerken|beheren)|"
    r"você (?:está recebendo|recebeu) este e-?mail|ricevi questa e-?mail|hai ricevuto questa e-?mail|je ontvangt deze e-?mail|"
    r"todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|"
    r"why did i get this|you(?:'|’)re (?:receiving|getting) this|powered by (?:beehiiv|substack|ghost|mailchimp|convertkit|kit|"
    r"buttondown|mailerlite|brevo|klaviyo|hubspot)|\byou(?:'|’)?(?:re| are| were)? subscribed (?:to|as)\b|\bsubscribed as \S+@",
    re.IGNORECASE,
)
_WEB_VERSION = re.compile(
    r"view (?:this |the )?(?:e-?mail |newsletter |issue |post |it )?(?:in|on) (?:your |a |the )?(?:web ?)?browser|view (?:it |this )?online|"
    r"read (?:it |this |the post )?online|web version|having trouble (?:viewing|reading|seeing)|not displaying (?:correctly|properly)|"
    r"trouble (?:viewing|reading|seeing)(?: (?:this|the|our) (?:e-?mail|newsletter|message|images))?\s*\?|"
    r"can(?:'|’|no)?t see (?:this e-?mail|(?:the |any )?(?:images|pictures))|"
    r"read (?:it |this (?:e-?mail |issue |post )?)?(?:in (?:your |a |the )?browser|on the web)|"
    r"(?:open|read) in (?:the )?(?:substack )?app|no images\?|images not (?:showing|displaying)|view (?:this (?:e-?mail|newsletter) )?as a? ?web ?page|"
    r"(?:im browser|online) (?:ansehen|anzeigen|lesen)|version en ligne|(?:voir|afficher) dans (?:le|votre) navigateur|"
    r"ver (?:en el|en tu|no|em) navegador|visualizar (?:no|em|en el) navegador|visualizza (?:questa e-?mail )?nel (?:tuo )?browser|versione (?:online|web)|"
    r"bekijk (?:deze e-?mail |de nieuwsbrief )?(?:in (?:je|uw) browser|online)|webversie",
    re.IGNORECASE,
)
_SPONSOR = re.compile(
    r"^\W*(?:sponsor(?:ed)? (?:content|post|message)|sponsored(?: by)?|(?:our )?sponsors?|(?:today|this (?:week|month|issue))(?:'|’)s (?:sponsor|partner)s?|"
    r"this (?:issue|email|newsletter) is sponsored|thanks to (?:our |today(?:'|’)s )?sponsors?|"
    r"(?:today(?:'|’)s |this (?:week(?:'|’)s )?)(?:issue|email|newsletter|edition|episode)(?: is)? (?:brought to you|sponsored|presented) by|"
    r"presented by|together with|brought to you by|in partnership with|"
    r"(?:an? )?(?:message|word|note) from (?:our |today(?:'|’)s |this week(?:'|’)s )?(?:sponsor|partner)s?|"
    r"from our (?:sponsor|partner)s?|advertisement|\(?ad\)?|paid (?:post|partnership)|partner(?:ed)? content|promoted)\b",
    re.IGNORECASE,
)
# "Add hello@… to your contacts", "Whitelist us": the issue asking not to be filtered, set above or below the stories
_SAFE_SENDER = re.compile(
    r"\badd\s+(?:us|me|[\w.+-]+@[\w.-]+)\s+to\s+your\s+(?:contacts|address book|safe senders?(?: list)?|primary inbox)|"
    r"\b(?:whitelist|safelist)\s+(?:us|me|our)\b|"
    r"move (?:this|us|it) to your primary (?:inbox|tab)",
    re.IGNORECASE,
)
# A footer's legal lines standing alone: "© 2025 Ropewalk Bakery Ltd", "Privacy policy | Terms"
_LEGAL = r"(?:privacy(?: policy| notice)?|terms(?: of (?:service|use)| (?:and|&) conditions)?|cookie policy|imprint|impressum|legal|contact us)"
_LEGAL_LINE = re.compile(rf"^\W*(?:(?:copyright\s*)?©\s*\d{{4}}\b|{_LEGAL}(?:\s*[|·•/,-]\s*{_LEGAL})*\W*$)", re.IGNORECASE)
_ADVERTISE = re.compile(
    r"^\W*(?:advertise (?:with|in)\b|sponsor (?:this|our) newsletter|sponsor us\b|(?:become|be) (?:a|our) sponsor|want to (?:advertise|sponsor)|"
    r"interested in (?:sponsoring|advertising)|want to reach [\d,.]+k?\+? (?:readers|subscribers|people)|"
    r"reach [\d,.]+k?\+? (?:readers|subscribers)\b.{0,40}\b(?:advertis|sponsor))",
    re.IGNORECASE,
)
_REFERRAL = re.compile(
    r"share (?:this|the|our) (?:newsletter|issue|post|email|edition)|refer (?:a friend|your friends|friends)|share and earn|"
    r"\b(?:\d+|your) referrals?\b|\breferral (?:link|program(?:me)?|rewards?|code)\b|"
    r"invite (?:your )?friends|forward (?:this |it )?to a friend|know someone who (?:would|might)|earn (?:rewards|free)|"
    r"an (?:einen|eine) (?:freund|freundin)(?:\w*)? weiterleiten|(?:transférer|transmettre|envoyer) à un(?:e)? ami|"
    r"reenv[ií]a(?:r|lo)? a un(?:a)? amig|encaminh(?:ar|e) (?:para|a) um(?:a)? amig|inoltra(?:re|la)? a un(?:a|\')? amic|"
    r"(?:stuur|doorsturen)(?: \w+)? (?:door )?naar een vriend|"
    r"was this (?:e-?mail )?forwarded to you|forwarded this (?:e-?mail|newsletter|post)\?|(?:sign up|subscribe) here|"
    r"forwarded (?:by|from) a friend|got this from a friend|did (?:a|someone) (?:friend )?forward (?:you )?(?:this|it)|"
    r"copy and paste (?:this|the|your) (?:link|url)|"
    r"get (?:it|this) in your inbox|enjoying (?:this|the) newsletter|"
    r"give a gift subscription|subscribe for free|become a (?:paid |free )?subscriber|upgrade to (?:a )?paid|(?:^|(?<=[.!?:]\s))get \d+% off",
    re.IGNORECASE,
)
# "Share Grid Notes": an invitation to share the newsletter, named in Title Case (not "Share prices fall").
_SHARE_PROMPT = re.compile(r"^\W*share\s+((?:[\w’'&.-]+\s*){1,4})\W*$", re.IGNORECASE)


def _share_prompt(text: str) -> bool:
    """ "Share" and a name of one to four words, each capitalised or a digit or in a script without
    case ("Share Slow Chinese 每周漫闻"): the newsletter asking to be shared, not "Share prices fall"."""
    found = _SHARE_PROMPT.match(text)
    names = found.group(1).split() if found else []
    return bool(names) and all(word[0].isupper() or word[0].isdigit() or (word[0].isalpha() and word[0].lower() == word[0].upper()) for word in names)


_FEEDBACK = re.compile(
    r"how (?:would you rate|did we do|was today(?:'|’)s|did you (?:like|enjoy|find) (?:today|this))|"
    r"what(?: did|(?:'|’)d) you think (?:of|about) (?:today|this)|rate (?:this|today(?:'|’)s) (?:issue|newsletter|edition)|"
    r"take (?:our|the) (?:quick )?(?:poll|survey)",
    re.IGNORECASE,
)
_CONTENTS = re.compile(
    r"^\W*(?:in (?:this|today(?:'|’)s) (?:issue|edition|email|newsletter)|today(?:'|’)s (?:issue|edition)|"
    r"table of contents|what(?:'|’)s inside|inside this issue)\W*$",
    re.IGNORECASE,
)
# "By Marta Duarte – 14 Jan 2025": a byline line (names in capitals, then perhaps a date or role), not "By Tuesday the…"
_BYLINE = re.compile(r"^(?:by|von|par|por|door)\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?:(?-i:[A-Z])[\w.'’-]+|and|und|et|y|en|&))*\s*(?:$|[,|–—·•-])", re.IGNORECASE)
# "Read time: 4 minutes", "⏱ 5 min read": the reading time, set under its title like a byline.
_READ_TIME = re.compile(r"^\W*(?:(?:estimated\s+)?read(?:ing)?\s+time\W*\d+\s*(?:min(?:ute)?s?|m)\b|\d+[\s-]?min(?:ute)?s?\s+read)\W*$", re.IGNORECASE)
_RECOMMENDATIONS = re.compile(r"^\W*(?:recommended (?:newsletters|reads|for you)|newsletters? (?:we|i) recommend|recommendations)\W*$", re.IGNORECASE)
# Button labels: a block made only of these (and separators, counts) is a row of buttons.
_BUTTON_WORDS = frozenset(
    {
        "share",
        "like",
        "comment",
        "comments",
        "restack",
        "listen",
        "save",
        "forward",
        "tweet",
        "post",
        "reply",
        "subscribe",
        "upgrade",
        "donate",
        "follow",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "instagram",
        "threads",
        "bluesky",
        "mastodon",
        "whatsapp",
        "email",
        "e-mail",
        "copy",
        "link",
        "leave",
        "a",
        "give",
        "gift",
        "pledge",
        "in",
        "app",
        "open",
        "the",
        "now",
        "paid",
        "to",
        "view",
        "browser",
        "online",
        "podcast",
        "play",
        "audio",
        "this",
        "shop",
        "buy",
        "order",
        "book",
        "register",
        "rsvp",
        "download",
        "get",
        "started",
        "issue",  # "Listen to this issue", "Share this issue"
        "episode",
        "article",
        "min",  # "Listen (12 min)"
        "mins",
        "minutes",
        "us",  # "Follow us on Instagram", behind a click redirect
        "on",
    }
)
_LETTERS = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _text(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


UNSUBSCRIBE_MARK = "data-list-unsubscribe"  # set by layout.py on the links the message's List-Unsubscribe names


def mark_list_unsubscribe(soup: Tag, headers: Iterable[tuple[str, str]]) -> None:
    """Mark the links the message's ``List-Unsubscribe`` header names: the same address, or the same
    host and path (another subscriber's query), so the footer that holds them is known in any
    language and on any sender's host. A click redirect's path is every link's, so only its exact
    address counts."""
    named = [
        url.replace("&amp;", "&")
        for name, value in headers
        if name.lower() == "list-unsubscribe"
        for url in re.findall(r"<(https?://[^>\s]+)>", value)
        if urlsplit(url).path.strip("/")  # a page of its own, never a site's home page
    ]
    places = set()
    for url in named:
        with suppress(ValueError):
            parts = urlsplit(url)
            if (found := classify(url)) is None or found.kind == "unsubscribe":
                places.add(((parts.hostname or "").lower(), parts.path.rstrip("/")))
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip().replace("&amp;", "&")
        with suppress(ValueError):
            parts = urlsplit(href)
            if href in named or ((parts.hostname or "").lower(), parts.path.rstrip("/")) in places:
                anchor[UNSUBSCRIBE_MARK] = ""


def link_kinds(element: Tag) -> set[str]:
    """The tracking kinds (unsubscribe, web version, open…) of the links in ``element``."""
    kinds = set()
    for anchor in element.find_all("a", href=True):
        if anchor.has_attr(UNSUBSCRIBE_MARK):
            kinds.add("unsubscribe")
        found = classify(str(anchor["href"]))
        if found is not None:
            kinds.add(found.kind)
    return kinds


def _buttons(element: Tag, text: str) -> bool:
    """Only button words, in links (counts, separators and emoji between them do not matter)."""
    if not text or not element.find("a", href=True):
        return False
    remaining = _LETTERS.findall(text.lower().replace("e-mail", "email"))
    return bool(remaining) and len(remaining) <= 12 and all(word in _BUTTON_WORDS for word in remaining)


# What may follow a label: nothing, a separator and anything ("Sponsored: …", "Today's sponsor — Acme"),
# or, after a label that names its sponsor ("Together with", "Sponsored by"), that name and perhaps a separator.
_LABEL_SEPARATOR = re.compile(r"^\s*(?:$|[:|–—·•]|-\s)")
_NAME_CONNECTORS = frozenset({"the", "&", "and", "+", "of"})


def _sponsor_name(rest: str) -> bool:
    """One to five words of a name before the end or a separator, each capitalised (or a digit, or in a
    script without case): "Acme Coffee", "the RNLI", "NORTHWIND"; not "the RNLI, pupils learn to swim"."""
    name = re.split(r"\s*(?:[:|–—·•]|\s-\s)", rest, maxsplit=1)[0].strip().rstrip(".!")
    names = name.split()
    if not 1 <= len(names) <= 5 or re.search(r"[,;.!?]\s", name):
        return False
    return all(word.lower() in _NAME_CONNECTORS or not word[0].islower() for word in names)


def sponsor_label(text: str) -> bool:
    """A sponsor's label: the label alone, or with a separator and what it says ("Sponsored: Try Acme"), or a
    label that names its sponsor and the name ("Together with Acme"), never a news sentence that merely
    contains such a word ("Promoted Harbour FC sign two strikers", "Together with the RNLI, pupils learn to swim")."""
    if re.search(r"\((?:sponsored|ad|partner)\)", text, re.IGNORECASE):
        return True
    found = _SPONSOR.search(text)
    if found is None:
        return False
    rest = text[found.end() :]
    if _LABEL_SEPARATOR.match(rest):
        return True
    return bool(re.search(r"\b(?:by|with|from)$", found.group(0), re.IGNORECASE)) and _sponsor_name(rest)


def _referral_label(text: str) -> bool:
    """A referral programme's heading: the invitation begins the heading or one of its sentences ("Refer a
    friend", "Loved this issue? Refer a friend"), never words inside a news headline ("GP referrals
    for hearing tests double", "Shoppers get 20% off at the Saturday market")."""
    if _share_prompt(text):
        return True
    return any(_REFERRAL.match(sentence.lstrip("\"'“‘([ ").lower()) for sentence in re.split(r"(?<=[.!?:])\s+", text) if sentence.strip())


def heading_reason(text: str) -> str | None:
    """Why a heading starts a section that is not a story, or None for a story's heading."""
    if appeal(text):
        return "call to action"
    if sponsor_label(text):
        return "sponsor"
    if _ADVERTISE.search(text):
        return "sponsor"
    if _referral_label(text):
        return "referral"
    if _FEEDBACK.search(text):
        return "feedback"
    if _CONTENTS.search(text):
        return "contents"
    if _RECOMMENDATIONS.search(text):
        return "chrome"
    return None


def _says_more(text: str) -> bool:
    """A sentence of the paragraph's own before its referral line ("The vote is on Monday. Forward this to
    a friend…"): story text, which keeps the paragraph (closing.py leaves out such a line at the issue's end)."""
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence.strip()]
    return len(sentences) > 1 and any(
        not _REFERRAL.search(sentence) and not closing_appeal(sentence) and len(words(sentence)) >= 4 for sentence in sentences[:-1]
    )


def block_reason(element: Tag) -> str | None:
    """Why a block of text is chrome, or None for content. "footer" (an unsubscribe link, or one the
    message's List-Unsubscribe names) ends the stories; "footer words" (a footer's wording with no such
    link: "To unsubscribe, reply with STOP.") ends them only where nothing of a story follows it
    (``settle_footers``), since a short news paragraph may hold the same words."""
    text = _text(element)
    count = len(words(text))
    kinds = link_kinds(element)
    unsubscribe = any(_UNSUBSCRIBE.search(label) or _OPT_OUT.fullmatch(label.strip(" .!→»")) for anchor in element.find_all("a") if (label := _text(anchor)))
    if "unsubscribe" in kinds or unsubscribe:
        return "footer"
    if (count <= 25 and _UNSUBSCRIBE.search(text)) or (count <= 60 and _FOOTER.search(text)):
        return "footer words"  # a long paragraph that mentions unsubscribing is prose
    if count <= 8 and _LEGAL_LINE.match(text):
        return "footer words"  # waits for the end of the stories, as footer words do (settle_footers)
    if count <= 25 and (_WEB_VERSION.search(text) or "web version" in kinds):
        return "header"
    if count <= 30 and _SAFE_SENDER.search(text):
        return "header"
    anchors = element.find_all("a", href=True)
    if len(anchors) == 1 and _text(anchors[0]) == text and event_signup(text, str(anchors[0]["href"])):
        return None  # "Register" leading to the event's own page: the story's invitation
    if len(anchors) == 1 and _text(anchors[0]) == text and appeal(text):
        return "call to action"  # "Donate", "Become a member": a link that is only the appeal, whatever it is drawn as
    outside = count - sum(len(words(_text(anchor))) for anchor in anchors)
    if _buttons(element, text) or (count <= 12 and "share" in kinds) or social_row(element, outside):
        return "chrome"
    if count <= 12 and sponsor_label(text):
        return "sponsor label"
    if sponsored(element):
        return "sponsor"  # its links say it is a paid placement, whatever it is titled
    if count <= 30 and _ADVERTISE.search(text):
        return "sponsor"
    if count <= 40 and _REFERRAL.search(text) and not _says_more(text):
        return "referral"
    if count <= 40 and _FEEDBACK.search(text):
        return "feedback"
    if (count <= 14 and _BYLINE.match(text)) or _READ_TIME.match(text):
        return "byline"
    if _jump_links(element, outside):
        return "contents"
    return None


def _jump_links(element: Tag, outside: int) -> bool:
    """A list of links that only jump within the issue (``href="#scope"``): its table of contents."""
    anchors = element.find_all("a", href=True)
    return len(anchors) >= 2 and all(str(a["href"]).strip().startswith("#") for a in anchors) and outside <= 2 * len(anchors)


def is_pixel(image: Tag) -> bool:
    """A tracking pixel: sized 0 or 1, or served by a mailing service's tracker (an open pixel may have no size at all)."""
    sizes = [str(image.get(key, "")).strip().removesuffix("px") for key in ("width", "height")]
    if any(size in ("0", "1") for size in sizes):
        return True
    style = str(image.get("style", "")).replace(" ", "").lower()
    if re.search(r"(?:^|;)(?:width|height):[01]px", style):
        return True
    found = classify(str(image.get("src", "")))
    return found is not None and found.redirect  # a picture is never behind a click or open redirect


# The names templates give their decorations, as whole words of a file name, id or class ("ht-logo.png",
# "icons/", "powered-by-beehiiv.svg"), never inside another word ("solar-powered-ferry.jpg", "social-housing.jpg").
_LOGO_NAMES = re.compile(
    r"(?<![^\W\d_])(?:logos?|masthead|badges?|icons?|avatars?|profile[_-]?pic|powered[_ -]?by|divider|spacer|separator)(?![^\W\d_])",
    re.IGNORECASE,
)
_NETWORK_NAMES = re.compile(r"(?<![^\W\d_])(?:facebook|twitter|linkedin|instagram|youtube|tiktok|pinterest|whatsapp)(?![^\W\d_])", re.IGNORECASE)
_LABEL_WORDS = 4  # an alt text this short is a label ("Harbour Times logo"); a longer one describes a picture
_NARROW = 120  # px: a picture narrower than this is an icon, unless it sits beside its story's text
_ICON = 32  # px: a picture this narrow is an icon even beside text; the smallest thumbnails beside a story are wider
_BESIDE_DEPTH = 5  # how far up a thumbnail's cell may sit from the text beside it (Mailchimp's caption block: 4)


def _beside_story_text(image: Tag) -> bool:
    """The picture sits in a cell (or column) beside a heading or a sentence of text: a story's thumbnail
    (Mailchimp's mcnCaptionBlock, a two-column row), not a logo in a row of its own."""
    node: Tag = image
    for _ in range(_BESIDE_DEPTH):
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            return False
        siblings = [sibling for sibling in parent.children if isinstance(sibling, Tag) and sibling is not node]
        if siblings:
            return any(sibling.find(HEADING_TAGS) is not None or len(words(_text(sibling))) >= 8 for sibling in siblings)
        node = parent
    return False


def _links_home(image: Tag) -> bool:
    """Linked to a site's home page: the publication's masthead."""
    anchor = image.find_parent("a", href=True)
    if anchor is None:
        return False
    with suppress(ValueError):
        parts = urlsplit(str(anchor["href"]).strip())
        return bool(parts.hostname) and parts.path.strip("/") == "" and not parts.query and classify(str(anchor["href"])) is None
    return False


def is_logo(image: Tag) -> bool:
    """The publication's masthead, a service's badge or a decoration, not a story's picture.

    ``role="presentation"`` (or ``none``, or ``aria-hidden``) is the template saying so itself.
    """
    if str(image.get("role", "")).lower() in ("presentation", "none") or str(image.get("aria-hidden", "")).lower() == "true":
        return True
    if linked_to_social(image) or _links_home(image):
        return True  # a share or follow icon, whatever its file is called; the masthead linked to the home page
    alt = " ".join(str(image.get("alt", "")).split())
    path = str(image.get("src", "")).split("?", 1)[0].split("#", 1)[0]
    names = " ".join([alt if len(alt.split()) <= _LABEL_WORDS else "", path, str(image.get("id", "")), *(image.get("class") or [])])
    if _LOGO_NAMES.search(names):
        return True
    if _NETWORK_NAMES.search(names) and not linked_to_network_post(image):
        return True  # a network's icon; a thumbnail linked to one video or post there (Substack's YouTube embed) is the story's
    width = str(image.get("width", "")).strip().removesuffix("px")
    if width.isdigit() and int(width) <= _ICON:
        return True  # an icon's size (a product card's rating stars, a bullet), wherever it sits
    return width.isdigit() and int(width) < _NARROW and not _beside_story_text(image)
