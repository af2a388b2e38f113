"""The newsroom's JSON-LD, built as data: ``Person`` bylines with ``url`` and ``sameAs``,
``correction`` (``CorrectionComment``), ``wordCount``/``timeRequired`` and ``LiveBlogPosting``."""

from __future__ import annotations

from typing import Any

from ..config import AuthorProfile, Config
from ..content.entries import Entry
from ..content.markdown import trim
from ..timestamps import iso
from .story import iso_duration, reading_minutes


def person(config: Config, author_id: str, profile: AuthorProfile) -> dict[str, Any]:
    """An [authors] byline: its page here as ``url``, its own site and profiles as ``sameAs``."""
    data: dict[str, Any] = {"@type": "Person", "name": profile.name, "url": config.absolute_url(f"/authors/{author_id}/")}
    same = list(dict.fromkeys(link for link in (profile.url, *profile.sameAs) if link))
    if same:
        data["sameAs"] = same
    if profile.image:
        data["image"] = config.absolute_url(profile.image)
    if profile.bio:
        data["description"] = profile.bio
    return data


def authors(config: Config, entry: Entry) -> list[dict[str, Any]]:
    """One ``Person`` per author (Google: never merged into one name)."""
    people = entry.placement.authors or (((entry.author, ""),) if entry.author else ())
    ids = entry.story.author_ids
    found: list[dict[str, Any]] = []
    for number, (name, link) in enumerate(people):
        author_id = ids[number] if number < len(ids) else ""
        if author_id and author_id in config.authors:
            found.append(person(config, author_id, config.authors[author_id]))
            continue
        author: dict[str, Any] = {"@type": "Person", "name": name}
        link = link if link.startswith(("https://", "http://", "/")) else ""  # a guest's own page: web links only
        if link or (name == config.author.name and config.author.url):
            author["url"] = config.absolute_url(link or config.author.url)
        found.append(author)
    return found


def extend(data: dict[str, Any], config: Config, entry: Entry, url: str) -> None:
    """Add the story facts of ``entry`` to its article's JSON-LD ``data``."""
    story = entry.story
    data["wordCount"] = story.words
    data["timeRequired"] = iso_duration(reading_minutes(story.words, config.reading.words_per_minute))
    if story.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": note.text, "datePublished": iso(note.date)} for note in story.corrections]
    if story.live:
        data["@type"] = "LiveBlogPosting"
        data["coverageStartTime"] = iso(entry.date)
        if story.live_end is not None:
            data["coverageEndTime"] = iso(story.live_end)
        data["liveBlogUpdate"] = [
            {
                "@type": "BlogPosting",
                "headline": note.title or trim(note.text, 110),
                "datePublished": iso(note.date),
                "articleBody": note.text,
                "url": f"{url}#{note.anchor}",
            }
            for note in story.live_updates
        ]


def profile_page(config: Config, author_id: str, profile: AuthorProfile) -> dict[str, Any]:
    """An author page: a ``ProfilePage`` about the ``Person``."""
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": config.absolute_url(f"/authors/{author_id}/"),
        "mainEntity": person(config, author_id, profile),
    }
