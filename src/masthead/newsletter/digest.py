"""``masthead digest``: the posts of a date range as an email issue, HTML and plain text.

The HTML is a table layout (what Outlook and Gmail render alike) from a Jinja2 template the site
can override (``templates/newsletter/digest.html`` and ``digest.txt``), with its CSS inlined by
``css-inline``; ``@media`` rules for dark mode and small screens stay in ``<style>``. Every link
and image URL is absolute. The issue is written as ``.html``, ``.txt`` and a complete ``.eml``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

import css_inline
import jinja2

from ..config import Config
from ..errors import MastheadError, Problem
from ..links.outlets import Outlets
from ..site import Site

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class DigestPost:
    title: str
    url: str  # absolute
    teaser: str
    date: datetime
    date_text: str
    image_url: str  # absolute, "" when the post has none and the site no default image
    image_alt: str
    sources: tuple[str, ...]  # outlets cited, normalised, in order of first citation


@dataclass(frozen=True)
class Digest:
    name: str  # "2025-05-29--2025-06-05": file names and the send record's key
    subject: str
    since: datetime
    until: datetime
    posts: tuple[DigestPost, ...]
    html: str
    text: str

    @property
    def since_text(self) -> str:
        return _day(self.since)

    @property
    def until_text(self) -> str:
        return _day(self.until - timedelta(microseconds=1) if self.until > self.since else self.until)

    @property
    def preheader(self) -> str:
        return " · ".join(post.title for post in self.posts)[:140]


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def date_range(config: Config, since: datetime | None, until: datetime | None, now: datetime, last_sent: datetime | None) -> tuple[datetime, datetime]:
    """[since, until): given, else since the last digest sent to the list, else ``digest_days`` back."""
    end = _aware(until, config) if until else now
    if since is None and last_sent is not None and last_sent >= end:
        raise MastheadError(
            [
                Problem(
                    "masthead digest",
                    None,
                    "--since",
                    f"the last digest sent to the list ran until {last_sent.isoformat()}; "
                    "nothing newer to send (pass --since and --until to pick a range, with --resend to send it again)",
                )
            ]
        )
    start = _aware(since, config) if since else (last_sent or end - timedelta(days=config.newsletter.digest_days))
    if start >= end:
        raise MastheadError(
            [
                Problem(
                    "masthead digest",
                    None,
                    "--since",
                    f"{start.isoformat()} is not before --until {end.isoformat()}; expected a range such as --since 2025-05-29 --until 2025-06-05",
                )
            ]
        )
    return start, end


def _aware(moment: datetime, config: Config) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=config.tz)


def posts_between(site: Site, since: datetime, until: datetime) -> tuple[DigestPost, ...]:
    config = site.config
    outlets = Outlets(config.outlets)
    found = []
    for document in site.posts:  # newest first, drafts and scheduled posts already left out
        entry = document.entry
        if not since <= entry.date < until:
            continue
        image = document.image or site.default_image
        found.append(
            DigestPost(
                title=entry.title,
                url=config.absolute_url(document.url),
                teaser=entry.teaser,
                date=entry.date,
                date_text=_day(entry.date.astimezone(config.tz)),
                image_url=config.absolute_url(image.src) if image else "",
                image_alt=image.alt if image else "",
                sources=tuple(dict.fromkeys(outlets.name(outlet) for outlet, _ in entry.body.sources)),
            )
        )
    return tuple(found)


def environment(config: Config) -> jinja2.Environment:
    """Templates from the site's ``templates/newsletter/`` first, then masthead's own."""
    site_templates = config.folder("templates") / "newsletter"
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(site_templates), str(TEMPLATES)]),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def make_digest(site: Site, since: datetime, until: datetime) -> Digest:
    """Render the digest of the posts dated in [since, until); fails if there are none."""
    config = site.config
    posts = posts_between(site, since, until)
    if not posts:
        raise MastheadError(
            [
                Problem(
                    config.folders.content,
                    None,
                    None,
                    f"no published posts dated from {since.isoformat()} to {until.isoformat()}; expected at least one (widen the range with --since)",
                )
            ]
        )
    tz = config.tz
    name = f"{since.astimezone(tz):%Y-%m-%d}--{until.astimezone(tz):%Y-%m-%d}"
    draft = Digest(name, "", since.astimezone(tz), until.astimezone(tz), posts, "", "")
    briefings = f"{len(posts)} briefing{'s' if len(posts) != 1 else ''}"
    subject = config.newsletter.subject.format(title=config.title, count=len(posts), briefings=briefings, since=draft.since_text, until=draft.until_text)
    draft = Digest(name, subject, draft.since, draft.until, posts, "", "")
    view = {
        "title": config.title,
        "description": config.description,
        "base_url": config.base_url,
        "language": config.language,
        "logo_url": config.absolute_url(site.logo.src) if site.logo else "",
    }
    env = environment(config)
    try:
        page = env.get_template("digest.html").render(site=view, digest=draft)
        text = env.get_template("digest.txt").render(site=view, digest=draft)
    except jinja2.TemplateError as exc:
        where = getattr(exc, "filename", None) or "templates/newsletter"
        raise MastheadError([Problem(str(where), getattr(exc, "lineno", None), None, f"template error: {exc}")]) from exc
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem("templates/newsletter", None, None, f"a template is not UTF-8 text ({exc.reason}); expected UTF-8 templates")]) from exc
    except Exception as exc:  # noqa: BLE001 - the site's own templates: `{{ 1 / 0 }}` is a problem on its line, not a crash
        from ..build import template_problem

        problem = template_problem(exc, "the digest")
        if problem is None:
            raise
        raise MastheadError([problem]) from exc
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    return Digest(name, subject, draft.since, draft.until, posts, inliner.inline(page), text)


def sender_of(config: Config) -> str:
    return config.newsletter.sender or f"{config.title} <newsletter@{urlsplit(config.base_url).hostname}>"


def to_message(config: Config, digest: Digest, recipients: tuple[str, ...], now: datetime) -> EmailMessage:
    """The complete email: multipart/alternative, plain text first, then the HTML."""
    message = EmailMessage()
    message["From"] = sender_of(config)
    # One recipient is named; several (a few people, not a list address) are not shown to each other.
    message["To"] = recipients[0] if len(recipients) == 1 else "undisclosed-recipients:;"
    message["Subject"] = digest.subject
    message["Date"] = format_datetime(now)
    content = hashlib.sha256(digest.html.encode("utf-8")).hexdigest()[:12]
    message["Message-ID"] = f"<digest.{digest.name}.{content}@{urlsplit(config.base_url).hostname}>"
    message.set_content(digest.text)
    message.add_alternative(digest.html, subtype="html")
    return message


def write_digest(config: Config, digest: Digest, message: EmailMessage, folder: Path | None = None) -> list[Path]:
    """Write NAME.html, NAME.txt and NAME.eml into ``folder`` (default: the digest folder); returns their paths."""
    folder = folder if folder is not None else config.root / config.newsletter.digest_folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MastheadError(
            [Problem("masthead digest", None, "--out", f"{folder}: cannot be created ({exc.strerror or exc}); expected a folder you can write to")]
        ) from exc
    written = []
    for suffix, data in ((".html", digest.html.encode("utf-8")), (".txt", digest.text.encode("utf-8")), (".eml", bytes(message))):
        path = folder / f"{digest.name}{suffix}"
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        written.append(path)
    return written
