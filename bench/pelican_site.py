"""Convert a masthead corpus into an equivalent Pelican project (built-in "simple" theme).

No sitemap: Pelican needs the pelican-sitemap plugin for that, which is not installed.

Usage: python bench/pelican_site.py MASTHEAD_SITE PELICAN_DIR
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from source_posts import SourcePost, copy_images, read_posts

PELICANCONF = """\
AUTHOR = "Bench Briefing"
SITENAME = "Bench Briefing"
SITEURL = "https://bench.example.org"
RELATIVE_URLS = False
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PATH = "content"
# "simple" tolerates articles without a category; "notmyidea" does not.
THEME = "simple"
STATIC_PATHS = ["img"]
USE_FOLDER_AS_CATEGORY = False

ARTICLE_URL = "blog/{slug}/"
ARTICLE_SAVE_AS = "blog/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
YEAR_ARCHIVE_URL = "archive/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archive/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "archive/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archive/{date:%Y}/{date:%m}/index.html"
ARCHIVES_SAVE_AS = "archive/index.html"
# Hugo and masthead have no category or author pages; keep the outputs comparable.
# (Posts still carry an explicit "Category: blog": Pelican's draft writer needs one.)
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives"]

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
FEED_MAX_ITEMS = 20
FEED_ALL_RSS = "feeds/all.rss.xml"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Pelican's own incremental mechanism (pickled reader cache, mtime check).
CACHE_PATH = "cache"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""


def metadata(post: SourcePost) -> str:
    """Pelican Markdown metadata block (single-line values) for one post."""
    lines = [
        f"Title: {post.title}",
        f"Date: {post.date.strftime('%Y-%m-%d %H:%M:%S')}",
        f"Slug: {post.slug}",
        "Category: blog",
        f"Summary: {post.teaser}",
        f"Description: {post.description}",
        f"Image: {post.image}",
    ]
    if post.tags:
        lines.append(f"Tags: {', '.join(post.tags)}")
    if not post.published:
        lines.append("Status: draft")
    return "\n".join(lines) + "\n\n"


def convert(site: Path, dest: Path) -> None:
    """Write a Pelican project at dest from the masthead corpus at site."""
    if dest.exists():
        shutil.rmtree(dest)
    blog = dest / "content" / "blog"
    blog.mkdir(parents=True)
    (dest / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    for post in read_posts(site):
        (blog / f"{post.slug}.md").write_text(metadata(post) + post.body, encoding="utf-8")
    copy_images(site, dest / "content" / "img")


def main() -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args()
    convert(args.site, args.dest)


if __name__ == "__main__":
    main()
