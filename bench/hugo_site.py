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
locale = "en"
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
archive = "archive"

[permalinks.page]
blog = "/blog/:contentbasename/"

[markup.goldmark.renderer]
unsafe = false
"""

BASEOF = """\
<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ partial "head.html" . }}
</head>
<body>
<header><a href="{{ "/" | absURL }}">{{ site.Title }}</a>
· <a href="{{ "/archive/" | absURL }}">Archive</a> · <a href="{{ "/tags/" | absURL }}">Tags</a></header>
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
{{ $ld := dict "@context" "https://schema.org" "@type" "BlogPosting" "headline" .Title "description" $description
  "datePublished" (.Date.Format "2006-01-02T15:04:05Z07:00") "image" (absURL .Params.image) "mainEntityOfPage" .Permalink
  "publisher" (dict "@type" "Organization" "name" site.Title "url" site.BaseURL) }}
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
<article data-pagefind-body data-pagefind-sort="published[data-published]" data-published="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
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

# Year and month archives are an "archive" taxonomy with terms "YYYY" and "YYYY/MM",
# so Hugo groups the pages once instead of filtering every page per archive page.
ARCHIVE_TERM = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time>
<a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
"""

ARCHIVE_INDEX = """\
{{ define "main" }}
<h1>Archive</h1>
<ul>{{ range .Pages }}{{ if not (strings.Contains .Title "/") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}{{ end }}</ul>
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
    "archive/term.html": ARCHIVE_TERM,
    "archive/taxonomy.html": ARCHIVE_INDEX,
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
    lines.append(f'archive: ["{post.date:%Y}", "{post.date:%Y/%m}"]')
    lines += ["params:", f"  image: {json_string(post.image)}", f"  teaser: {json_string(post.teaser)}", "---"]
    return "\n".join(lines) + "\n"


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
    for post in read_posts(site):
        (blog / f"{post.slug}.md").write_text(front_matter(post) + post.body, encoding="utf-8")
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
