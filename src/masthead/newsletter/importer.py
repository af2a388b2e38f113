"""``masthead import``: a newsletter issue to one draft post per story, in the seed's shape.

Front matter keys come in the seed's order (templateKey, schemaType, pageTitle, metaDescription,
published, date, teaser, featuredImage), then ``newsletterId``: a stable id from the issue's
Message-ID and the story's position, so importing the same issue again finds the posts it wrote.
Posts are created with exclusive ``open(..., "x")``: an existing file is only replaced with
``force``. Tracking links are resolved with the links package (resolver and store) first.
Where the stories are is layout.py's plan; images become files through issue_images.py.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import yaml
from bs4 import Tag

from ..config import Config
from ..content.markdown import plain_text, render, slugify
from ..errors import MastheadError, Problem
from ..links.fix import clean_destination, offline_destination
from ..links.outlets import Outlets
from ..links.resolve import ResolverSettings, resolve_all
from ..links.rules import classify
from ..links.store import Answer, open_store
from .chrome import words
from .emailparse import Issue, read_issues
from .issue_images import IssueImages, download, remote, write_new
from .layout import Layout, plan
from .markdown_out import known_outlets, to_markdown
from .markup import parse
from .roundup import outlet_of
from .sections import Dropped
from .stories import Story

ID_KEY = "newsletterId"
_ID_LINE = re.compile(rf"^{ID_KEY}:\s*['\"]?([\w.-]+)", re.MULTILINE)
_CITATION_SPAN = re.compile(r'\s*<span class="citation">.*?</span>', re.DOTALL)
_PARAGRAPHS = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    force: bool = False
    keep_tracking: bool = False
    settings: ResolverSettings = field(default_factory=ResolverSettings)
    now: datetime | None = None  # the date of saved .html issues, which carry no Date header
    split: str = "stories"  # "items": a roundup becomes one draft per item


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
    words: int = 0  # words in the post's body
    citations: int = 0  # [[Outlet](url)] citations in the body
    tracking: tuple[str, ...] = ()  # the story's links that are tracking links, as in the email


@dataclass(frozen=True)
class IssuePlan:
    """How one issue was read: the service, the kind of issue, and what was left out."""

    source: str
    subject: str
    profile: str  # the service's name
    kind: str  # stories, single, roundup, items
    dropped: tuple[Dropped, ...]


@dataclass(frozen=True)
class ImportReport:
    posts: tuple[ImportedPost, ...]
    images: tuple[str, ...]  # image files written (or that would be), relative to the site folder
    notes: tuple[str, ...]  # images left out and similar, for the summary
    issues: tuple[IssuePlan, ...] = ()


def newsletter_id(message_id: str, position: int, kind: str = "stories") -> str:
    """Stable per story of an issue; the items of a split roundup are numbered apart from its stories."""
    return f"{hashlib.sha256(message_id.encode('utf-8')).hexdigest()[:12]}-{'i' if kind == 'items' else ''}{position}"


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


def _urls(stories: Iterable[tuple[Issue, Story]]) -> list[str]:
    urls: list[str] = []
    for _, story in stories:
        urls += [str(a["href"]).strip() for a in parse(story.html).find_all("a", href=True)]
        if story.link:
            urls.append(story.link)
    return list(dict.fromkeys(urls))


def clean_links(config: Config, urls: list[str], options: ImportOptions) -> tuple[dict[str, str], dict[str, str]]:
    """(url -> destination for tracking links cleaned, url -> why for tracking links left)."""
    rules = config.links.rules
    tracking = {url: found for url in urls if (found := classify(url, rules)) is not None}
    if options.keep_tracking or not tracking:
        return {}, {}
    asking = [url for url, found in tracking.items() if found.redirect and offline_destination(url) is None]
    answers: dict[str, Answer] = {}
    if asking:
        moment = datetime.now(UTC)
        with open_store(config) as store:
            answers = {
                url: answer
                for url in asking  # a failed answer is asked again: it may have been the network
                if (answer := store.fresh(url, moment, config.links.recheck_days)) and answer.outcome == "ok"
            }
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


def _story_words(layout: Layout) -> int:
    return sum(len(words(parse(story.html).get_text(" "))) for story in layout.stories)


def read_plans(config: Config, paths: Iterable[Path], split: str = "stories") -> list[tuple[Issue, Layout]]:
    """Every issue in ``paths`` with the plan of its stories; fails (naming each) if one has nothing to import."""
    problems: list[Problem] = []
    found: list[tuple[Issue, Layout]] = []
    settings = config.newsletter
    for path in paths:
        try:
            issues = read_issues(path)
        except MastheadError as exc:  # one unreadable file among many: its problems, then the next file's
            problems += exc.problems
            continue
        for issue in issues:
            try:
                layout = plan(issue.html, issue.subject, issue.headers, settings.profile, settings.story_selector, split, config.outlets)
                if issue.plain and not _story_words(layout):  # a stub HTML part ("view it in your browser") beside the issue in text
                    issue = replace(issue, html=issue.plain, plain="")
                    layout = plan(issue.html, issue.subject, issue.headers, settings.profile, settings.story_selector, split, config.outlets)
            except RecursionError:  # thousands of nested tags: no mailing service sends that
                deep = "its HTML is nested too deeply to read; expected a newsletter issue as a mailing service sends it"
                problems.append(Problem(issue.source, None, None, deep))
                continue
            if not layout.stories:
                how = (
                    "the CSS selector newsletter.story_selector matched nothing with a heading"
                    if settings.story_selector
                    else "no text and no subject found; expected a newsletter issue"
                )
                problems.append(Problem(issue.source, None, None, f"no stories: {how}"))
            found.append((issue, layout))
    if problems:
        raise MastheadError(problems)
    return found


def _text_beside_caption(figure: Tag) -> str:
    caption = figure.find("figcaption")
    return " ".join(figure.get_text(" ").split()).replace(" ".join(caption.get_text(" ").split()) if caption else "\0", "").strip()


def _featured_alt(story: Story) -> str:
    return (story.image.alt or story.image.caption) if story.image else ""


def import_issues(config: Config, paths: Iterable[Path], options: ImportOptions = ImportOptions()) -> ImportReport:
    """Import every story of every issue in ``paths``; read and check everything before writing."""
    plans = read_plans(config, paths, options.split)
    found = [(issue, story, layout.kind) for issue, layout in plans for story in layout.stories]
    pairs = [(issue, story) for issue, story, _ in found]
    cleaned, left = clean_links(config, _urls(pairs), options)
    rules = config.links.rules
    outlets = known_outlets(config.outlets)
    names = Outlets(config.outlets)
    ids = existing_ids(config)
    sources = [story.image.src for _, story in pairs if story.image] + [
        str(image.get("src", "")).strip() for _, story in pairs for image in parse(story.html).find_all("img")
    ]
    fetched = download(sources, options.settings) if not options.dry_run else {}
    images = IssueImages(config, options.dry_run, fetched)
    taken = set(ids.values())
    posts: list[ImportedPost] = []
    template = config.default_template if config.default_template in config.post_templates else config.post_templates[0]
    for issue, story, kind in found:
        identifier = newsletter_id(issue.message_id, story.position, kind)
        story_urls = _urls([(issue, story)])
        tracking = tuple(url for url in story_urls if classify(url, rules) is not None)
        if identifier in ids and not options.force:  # imported before: never touched without force
            posts.append(
                ImportedPost(issue.source, story.position, story.title, ids[identifier], "exists", identifier, "", len(story_urls), 0, (), tracking=tracking)
            )
            continue
        soup = parse(story.html)
        for image in soup.find_all("img"):
            src = str(image.get("src", "")).strip()
            saved = images.save(src, issue, story.title)
            if saved is None or remote(saved):
                figure = image.find_parent("figure")
                picture_only = figure is not None and len(figure.find_all("img")) == 1 and not _text_beside_caption(figure)
                (figure if figure is not None and picture_only else image).decompose()  # and its caption; a card's own text stays
            else:
                image["src"] = saved
        for anchor in soup.select("a[data-outlet-from]"):  # a roundup item's outlet: from where the link really goes
            href = str(anchor["href"]).strip()
            anchor.string = outlet_of("", cleaned.get(href, href), names)
            del anchor["data-outlet-from"]
        body_html = "".join(str(child) for child in (soup.body.children if soup.body else []))
        read_more = cleaned.get(story.link, story.link)
        markdown = to_markdown(body_html, cleaned, outlets, read_more)
        rendered = render(markdown)
        teaser = story.subtitle or _first_paragraph(markdown) or story.title
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
            alt = _featured_alt(story) if featured else ""
            values["featuredImage"] = {"src": image_src, "alt": alt} if alt else {"src": image_src}
        values[ID_KEY] = identifier
        text = front_matter(values) + markdown
        replacing = identifier in ids
        path = config.root / ids[identifier] if replacing else _post_path(config, story.title, taken)
        action = ("would overwrite" if replacing else "would create") if options.dry_run else ("overwritten" if replacing else "created")
        if not options.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_new(path, text.encode("utf-8"), replace=replacing)
        relative = path.relative_to(config.root).as_posix()
        taken.add(relative)
        ids[identifier] = relative  # the same issue twice in one run (an .eml and an .mbox) is one post
        posts.append(
            ImportedPost(
                issue.source,
                story.position,
                story.title,
                relative,
                action,
                identifier,
                image_src or "",
                len(story_urls),
                len(set(story_urls) & set(cleaned)),
                tuple(f"{url}: {left[url]}" for url in sorted(set(story_urls) & set(left))),
                len(words(plain_text(rendered.html))),
                len(rendered.citations),
                tracking,
            )
        )
    issues = tuple(IssuePlan(issue.source, issue.subject, layout.profile.label, layout.kind, layout.dropped) for issue, layout in plans)
    return ImportReport(tuple(posts), tuple(images.written), tuple(dict.fromkeys(images.notes)), issues)
