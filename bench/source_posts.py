"""Read the posts of a masthead corpus so converters can re-emit them for other tools."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

try:  # libyaml's loader is much faster on 10,000-post corpora
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader


@dataclass(frozen=True)
class SourcePost:
    """The fields the converters need from one masthead post."""

    slug: str
    title: str
    description: str
    teaser: str
    date: datetime
    published: bool
    image: str
    tags: tuple[str, ...]
    body: str


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (YAML front matter, body) of a '---'-delimited Markdown file."""
    _, front, body = text.split("---\n", 2)
    return front, body


def read_post(path: Path) -> SourcePost:
    """Parse one masthead post file."""
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    meta = yaml.load(front, Loader=SafeLoader)
    date = meta["date"]
    if isinstance(date, str):
        date = datetime.fromisoformat(date.replace("Z", "+00:00"))
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    return SourcePost(
        slug=path.stem,
        title=meta["pageTitle"],
        description=meta.get("metaDescription", ""),
        teaser=meta.get("teaser", ""),
        date=date,
        published=bool(meta.get("published", True)),
        image=meta.get("featuredImage", {}).get("src", ""),
        tags=tuple(meta.get("tags") or ()),
        body=body,
    )


def read_posts(site: Path) -> list[SourcePost]:
    """All posts under site/content/blog, in file-name order."""
    return [read_post(path) for path in sorted((site / "content" / "blog").glob("*.md"))]


def copy_images(site: Path, dest: Path) -> None:
    """Copy site/static/img to dest (replacing it)."""
    shutil.copytree(site / "static" / "img", dest, dirs_exist_ok=True)


def json_string(value: str) -> str:
    """A double-quoted string valid in both JSON and YAML (flow style)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'
