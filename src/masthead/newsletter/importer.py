"""``masthead import``: a newsletter issue to one draft post per story, in the seed's shape.

Front matter keys come in the seed's order (templateKey, schemaType, pageTitle, metaDescription,
published, date, teaser, featuredImage), then ``newsletterId``: a stable id from the issue's
Message-ID and the story's position, so importing the same issue again finds the posts it wrote.
Posts are created with exclusive ``open(..., "x")``: an existing file is only replaced with
``force``. Tracking links are resolved with the links package (resolver and store) first.
Inline images (``cid:`` parts and ``data:`` URIs) are saved under the static folder; remote
images are never fetched (fetching them tells the mailing service who opened the issue).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from PIL import Image, UnidentifiedImageError

from ..config import Config
from ..content.markdown import plain_text, render, slugify
from ..errors import MastheadError, Problem
from ..links.fix import clean_destination
from ..links.resolve import ResolverSettings, resolve_all
from ..links.rules import classify
from ..links.store import Answer, open_store
from .emailparse import Issue, read_issues
from .markdown_out import known_outlets, to_markdown
from .stories import Story, split_stories

ID_KEY = "newsletterId"
_ID_LINE = re.compile(rf"^{ID_KEY}:\s*['\"]?([\w.-]+)", re.MULTILINE)
_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
_DATA_URI = re.compile(r"^data:image/[\w.+-]+;base64,(.*)$", re.DOTALL | re.IGNORECASE)
_CITATION_SPAN = re.compile(r'\s*<span class="citation">.*?</span>', re.DOTALL)
_PARAGRAPHS = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    force: bool = False
    keep_tracking: bool = False
    settings: ResolverSettings = field(default_factory=ResolverSettings)
    now: datetime | None = None  # the date of saved .html issues, which carry no Date header


@dataclass(frozen=True)
class ImportedPost:
    issue: str
    position: int
    title: str
    path: str  # relative to the site folder
    action: str  # created, overwritten, exists, would create, would overwrite
    newsletter_id: str
    image: str  # the featured image's site path, "" when none
    links: int  # links in the post
    cleaned: int  # tracking links replaced by their destination
    left: tuple[str, ...]  # tracking links kept, each "url: why"


@dataclass(frozen=True)
class ImportReport:
    posts: tuple[ImportedPost, ...]
    images: tuple[str, ...]  # image files written (or that would be), relative to the site folder
    notes: tuple[str, ...]  # images left out and similar, for the summary


def newsletter_id(message_id: str, position: int) -> str:
    return f"{hashlib.sha256(message_id.encode('utf-8')).hexdigest()[:12]}-{position}"


def _timestamp(moment: datetime) -> str:
    """The seed's date shape: 2024-12-23T20:53:09.844Z."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _yaml(key: str, value: object) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, width=80, sort_keys=False, default_flow_style=False)


def front_matter(values: Mapping[str, object]) -> str:
    """``---``-fenced YAML in the given key order; dates written as the seed writes them."""
    lines = ["---\n"]
    for key, value in values.items():
        lines.append(f"{key}: {_timestamp(value)}\n" if isinstance(value, datetime) else _yaml(key, value))
    return "".join(lines) + "---\n"


def existing_ids(config: Config) -> dict[str, str]:
    """newsletterId -> the post (relative path) that carries it, for every post in the content folder."""
    found: dict[str, str] = {}
    for path in sorted(config.folder("content").rglob("*.md")):
        head = path.read_bytes()[:8192].decode("utf-8", errors="replace")
        end = head.find("\n---", 3)
        match = _ID_LINE.search(head, 0, end if end > 0 else len(head))
        if match:
            found.setdefault(match.group(1), path.relative_to(config.root).as_posix())
    return found


def _first_paragraph(markdown: str) -> str:
    for paragraph in _PARAGRAPHS.findall(render(markdown).html):
        text = plain_text(_CITATION_SPAN.sub("", paragraph)).strip()
        if text and not text.lower().startswith("read more"):
            return text
    return ""


class _Images:
    """Saves inline images under static/<media folder>/newsletter/, named by content hash."""

    def __init__(self, config: Config, dry_run: bool) -> None:
        self.config = config
        self.dry_run = dry_run
        self.written: list[str] = []
        self.notes: list[str] = []

    def save(self, src: str, issue: Issue, title: str) -> str | None:
        """The site path of the saved image, or None (with a note) when it cannot be kept."""
        data: bytes | None = None
        if src.lower().startswith("cid:"):
            part = issue.inline.get(src[4:].strip("<>"))
            data = part.data if part else None
            if data is None:
                self.notes.append(f"{title}: image {src} is not attached to the email; left out")
                return None
        elif match := _DATA_URI.match(src):
            try:
                data = base64.b64decode(match.group(1), validate=False)
            except (binascii.Error, ValueError):
                data = b""
        else:
            self.notes.append(f"{title}: remote image {src[:80]} not fetched (privacy: it would report the open); left out")
            return None
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            kind = ""
        if kind not in _FORMATS:
            self.notes.append(f"{title}: image {src[:40]} is not a JPEG, PNG, GIF or WebP image; left out")
            return None
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.{_FORMATS[kind]}"
        relative = Path(self.config.folders.static, self.config.cms.media_folder, "newsletter", name)
        site_path = "/" + Path(self.config.cms.media_folder, "newsletter", name).as_posix()
        target = self.config.root / relative
        if relative.as_posix() not in self.written:
            self.written.append(relative.as_posix())
            if not self.dry_run and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_new(target, data, replace=False)
        return site_path


def _write_new(path: Path, data: bytes, replace: bool) -> None:
    """Write ``path`` whole: exclusively when not ``replace``, else through a temporary file."""
    if not replace:
        with path.open("xb") as stream:
            stream.write(data)
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _urls(stories: Iterable[tuple[Issue, Story]]) -> list[str]:
    urls: list[str] = []
    for _, story in stories:
        urls += [str(a["href"]).strip() for a in BeautifulSoup(story.html, "lxml").find_all("a", href=True)]
        if story.link:
            urls.append(story.link)
    return list(dict.fromkeys(urls))


def clean_links(config: Config, urls: list[str], options: ImportOptions) -> tuple[dict[str, str], dict[str, str]]:
    """(url -> destination for tracking links cleaned, url -> why for tracking links left)."""
    rules = config.links.rules
    tracking = {url: found for url in urls if (found := classify(url, rules)) is not None}
    if options.keep_tracking or not tracking:
        return {}, {}
    asking = [url for url, found in tracking.items() if found.redirect]
    answers: dict[str, Answer] = {}
    if asking:
        moment = datetime.now(UTC)
        with open_store(config) as store:
            answers = {url: answer for url in asking  # a failed answer is asked again: it may have been the network
                       if (answer := store.fresh(url, moment, config.links.recheck_days)) and answer.outcome == "ok"}
            missing = [url for url in asking if url not in answers]
            fresh = resolve_all(missing, options.settings) if missing else {}
            store.put(fresh.values())
            answers.update(fresh)
    cleaned: dict[str, str] = {}
    left: dict[str, str] = {}
    for url, found in tracking.items():
        destination, why = clean_destination(url, found, answers.get(url))
        if destination is None:
            left[url] = why
        else:
            cleaned[url] = destination
    return cleaned, left


def _topic_image(config: Config, story: Story, teaser: str) -> str:
    words = f"{story.title} {teaser}".casefold()
    for rule in config.newsletter.topic_images:
        if re.search(rf"\b{re.escape(rule.topic.casefold())}\b", words):
            return rule.image
    return config.default_image


def _post_path(config: Config, title: str, taken: set[str]) -> Path:
    folder = config.folder("content") / config.cms.posts_folder
    base = slugify(title)[:80].strip("-") or "story"
    for number in range(1, 1000):
        name = f"{base}.md" if number == 1 else f"{base}-{number}.md"
        path = folder / name
        if path.relative_to(config.root).as_posix() not in taken and not path.exists():
            return path
    raise MastheadError([Problem(str(folder), None, None, f"too many posts named {base}-N.md; rename some")])


def import_issues(config: Config, paths: Iterable[Path], options: ImportOptions = ImportOptions()) -> ImportReport:
    """Import every story of every issue in ``paths``; read and check everything before writing."""
    problems: list[Problem] = []
    found: list[tuple[Issue, Story]] = []
    for path in paths:
        for issue in read_issues(path):
            stories = split_stories(issue.html, config.newsletter.story_selector)
            if not stories:
                how = "the CSS selector newsletter.story_selector matched nothing with a heading" if config.newsletter.story_selector \
                    else "no headings (h1–h6) found; set [newsletter] story_selector to the CSS selector of one story"
                problems.append(Problem(issue.source, None, None, f"no stories: {how}"))
            found += [(issue, story) for story in stories]
    if problems:
        raise MastheadError(problems)
    cleaned, left = clean_links(config, _urls(found), options)
    outlets = known_outlets(config.outlets)
    ids = existing_ids(config)
    images = _Images(config, options.dry_run)
    taken = set(ids.values())
    posts: list[ImportedPost] = []
    template = config.default_template if config.default_template in config.post_templates else config.post_templates[0]
    for issue, story in found:
        identifier = newsletter_id(issue.message_id, story.position)
        story_urls = set(_urls([(issue, story)]))
        if identifier in ids and not options.force:  # imported before: never touched without force
            posts.append(ImportedPost(issue.source, story.position, story.title, ids[identifier], "exists", identifier, "",
                                      len(story_urls), 0, ()))
            continue
        soup = BeautifulSoup(story.html, "lxml")
        for image in soup.find_all("img"):
            saved = images.save(str(image.get("src", "")).strip(), issue, story.title)
            if saved is None:
                image.decompose()
            else:
                image["src"] = saved
        body_html = "".join(str(child) for child in (soup.body.children if soup.body else []))
        read_more = cleaned.get(story.link, story.link)
        markdown = to_markdown(body_html, cleaned, outlets, read_more)
        teaser = _first_paragraph(markdown) or story.title
        featured = images.save(story.image.src, issue, story.title) if story.image else None
        values: dict[str, object] = {
            "templateKey": template,
            "schemaType": config.default_schema_type,
            "pageTitle": story.title,
            "metaDescription": teaser,
            "published": False,
            "date": issue.date or options.now or datetime.now(UTC),
            "teaser": teaser,
        }
        image_src = featured or _topic_image(config, story, teaser)
        if image_src:
            alt = story.image.alt if featured and story.image else ""
            values["featuredImage"] = {"src": image_src, "alt": alt} if alt else {"src": image_src}
        values[ID_KEY] = identifier
        text = front_matter(values) + markdown
        replacing = identifier in ids
        path = config.root / ids[identifier] if replacing else _post_path(config, story.title, taken)
        action = ("would overwrite" if replacing else "would create") if options.dry_run else ("overwritten" if replacing else "created")
        if not options.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_new(path, text.encode("utf-8"), replace=replacing)
        relative = path.relative_to(config.root).as_posix()
        taken.add(relative)
        ids[identifier] = relative  # the same issue twice in one run (an .eml and an .mbox) is one post
        posts.append(ImportedPost(issue.source, story.position, story.title, relative, action, identifier, image_src,
                                  len(story_urls), len(story_urls & set(cleaned)),
                                  tuple(f"{url}: {left[url]}" for url in sorted(story_urls & set(left)))))
    return ImportReport(tuple(posts), tuple(images.written), tuple(dict.fromkeys(images.notes)))
