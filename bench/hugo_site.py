"""Convert a masthead corpus into an equivalent Hugo project with a small built-in theme.

Usage: python bench/hugo_site.py MASTHEAD_SITE HUGO_DIR
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from source_posts import SourcePost, copy_images, json_string, read_posts

HUGO_TOML = """\
baseURL = "https://bench.example.org/"
languageCode = "en"
title = "Bench Briefing"
timeZone = "UTC"
enableRobotsTXT = false

[params]
description = "Benchmark corpus"

[pagination]
pagerSize = 10
path = "page"

[outputs]
home = ["html", "rss"]
section = ["html"]
page = ["html"]
taxonomy = ["html"]
term = ["html"]

[services.rss]
limit = 20

[sitemap]
filename = "sitemap.xml"

[taxonomies]
tag = "tags"

[permalinks.page]
blog = "/blog/:contentbasename/"

[markup.goldmark.renderer]
unsafe = false
"""

BASEOF = """\
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ partial "head.html" . }}
</head>
<body>
<header><a href="{{ "/" | absURL }}">{{ site.Title }}</a> · <a href="{{ "/archive/" | absURL }}">Archive</a> · <a href="{{ "/tags/" | absURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
"""

HEAD = """\
{{ $title := cond .IsHome site.Title (printf "%s · %s" .Title site.Title) }}
{{ $description := .Description | default site.Params.description }}
<title>{{ $title }}</title>
<meta name="description" content="{{ $description }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title | default site.Title }}">
<meta property="og:description" content="{{ $description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
{{ if .IsPage }}
<meta property="og:type" content="article">
{{ with .Params.image }}<meta property="og:image" content="{{ . | absURL }}">{{ end }}
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{ $ld := dict "@context" "https://schema.org" "@type" "BlogPosting" "headline" .Title "description" $description "datePublished" (.Date.Format "2006-01-02T15:04:05Z07:00") "image" (absURL .Params.image) "mainEntityOfPage" .Permalink "publisher" (dict "@type" "Organization" "name" site.Title "url" site.BaseURL) }}
<script type="application/ld+json">{{ $ld | jsonify | safeJS }}</script>
{{ else }}
<meta property="og:type" content="website">
{{ end }}
"""

CARD = """\
<article class="card">
{{ with .Params.image }}<img src="{{ . | relURL }}" alt="" width="1200" height="675" loading="lazy">{{ end }}
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
<p>{{ .Params.teaser }}</p>
</article>
"""

PAGER = """\
{{ with .Paginator }}<nav class="pager">
{{ with .Prev }}<a rel="prev" href="{{ .URL }}">Newer</a>{{ end }}
<span>Page {{ .PageNumber }} of {{ .TotalPages }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">Older</a>{{ end }}
</nav>{{ end }}
"""

HOME = """\
{{ define "main" }}
{{ $p := .Paginate site.RegularPages }}
{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ partial "pager.html" . }}
{{ end }}
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.image }}<img src="{{ . | relURL }}" alt="" width="1200" height="675">{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<p>Tags: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""

TERM = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages }}
{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ partial "pager.html" . }}
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
{{ end }}
"""

# Archive pages are generated _index.md files carrying params.year / params.month;
# the template filters the regular pages once per archive page.
ARCHIVE = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.year }}
{{ $year := . }}
{{ $month := $.Params.month }}
<ul>
{{ range where site.RegularPages "Date.Year" $year }}
{{ if or (not $month) (eq (int (.Date.Format "1")) $month) }}
<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
{{ end }}
</ul>
{{ else }}
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
"""

LAYOUTS = {
    "baseof.html": BASEOF,
    "_partials/head.html": HEAD,
    "_partials/card.html": CARD,
    "_partials/pager.html": PAGER,
    "home.html": HOME,
    "single.html": SINGLE,
    "list.html": LIST,
    "term.html": TERM,
    "taxonomy.html": TAXONOMY,
    "archive/list.html": ARCHIVE,
}


def front_matter(post: SourcePost) -> str:
    """Hugo YAML front matter for one post."""
    lines = [
        "---",
        f"title: {json_string(post.title)}",
        f"description: {json_string(post.description)}",
        f"date: {post.date.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z",
        f"draft: {'false' if post.published else 'true'}",
    ]
    if post.tags:
        lines.append("tags: [" + ", ".join(json_string(tag) for tag in post.tags) + "]")
    lines += ["params:", f"  image: {json_string(post.image)}", f"  teaser: {json_string(post.teaser)}", "---"]
    return "\n".join(lines) + "\n"


def write_archive_pages(content: Path, posts: list[SourcePost]) -> None:
    """One _index.md per year and per month that has published posts."""
    months = {(post.date.year, post.date.month) for post in posts if post.published}
    section = content / "archive"
    section.mkdir(parents=True, exist_ok=True)
    (section / "_index.md").write_text('---\ntitle: "Archive"\n---\n', encoding="utf-8")
    for year in {year for year, _ in months}:
        (section / str(year)).mkdir(exist_ok=True)
        text = f'---\ntitle: "{year}"\nparams:\n  year: {year}\n---\n'
        (section / str(year) / "_index.md").write_text(text, encoding="utf-8")
    for year, month in months:
        folder = section / str(year) / f"{month:02d}"
        folder.mkdir(exist_ok=True)
        text = f'---\ntitle: "{year}-{month:02d}"\nparams:\n  year: {year}\n  month: {month}\n---\n'
        (folder / "_index.md").write_text(text, encoding="utf-8")


def write_layouts(layouts: Path) -> None:
    """Write the theme templates into the project's own layouts/ folder."""
    for name, text in LAYOUTS.items():
        path = layouts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def convert(site: Path, dest: Path) -> None:
    """Write a Hugo project at dest from the masthead corpus at site."""
    if dest.exists():
        shutil.rmtree(dest)
    blog = dest / "content" / "blog"
    blog.mkdir(parents=True)
    (dest / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
    # /blog/ itself is not rendered: the home page already paginates every post.
    (blog / "_index.md").write_text("---\ntitle: Blog\nbuild:\n  render: never\n---\n", encoding="utf-8")
    posts = read_posts(site)
    for post in posts:
        (blog / f"{post.slug}.md").write_text(front_matter(post) + post.body, encoding="utf-8")
    write_archive_pages(dest / "content", posts)
    write_layouts(dest / "layouts")
    copy_images(site, dest / "static" / "img")


def main() -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args()
    convert(args.site, args.dest)


if __name__ == "__main__":
    main()
