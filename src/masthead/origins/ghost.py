"""``masthead import --from ghost export.json``: a Ghost export as seed-shaped Markdown posts.

Ghost exports (Settings → Labs → Export) hold each post as HTML and as its editor's document:
Lexical (Ghost 5) or Mobiledoc (Ghost 1–4). HTML is converted with markdownify; a post without
HTML is rendered from its Lexical or Mobiledoc first. Tags (Ghost's internal ``#tags`` left out),
authors, feature images, status and dates are kept; pages become ``about-page`` pages. Images
live in Ghost's ``content/images/`` folder, not in the export: their ``__GHOST_URL__`` addresses
become ``/content/images/…`` site paths, and the report lists any missing from ``static/``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from markdownify import markdownify

from ..config import Config
from ..content.markdown import slugify
from ..errors import MastheadError, Problem
from ..images import inside
from ..newsletter.importer import front_matter

_LEXICAL_FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (8, "u"), (16, "code"))


@dataclass
class GhostReport:
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already there (use --force)
    missing_images: list[str] = field(default_factory=list)  # to copy from Ghost's content/images


def _data(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise MastheadError([Problem(str(path), exc.lineno, None, f"invalid JSON: {exc.msg}; expected a Ghost export (Settings → Labs → Export)")]) from exc
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem(str(path), None, None, "not UTF-8 text; expected a Ghost JSON export")]) from exc
    database = raw.get("db", [raw])[0] if isinstance(raw, dict) else None
    data = database.get("data") if isinstance(database, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
        raise MastheadError([Problem(str(path), None, "db[0].data.posts", "missing; expected a Ghost export with posts")])
    return data


def _lexical_children(nodes: list[Any]) -> str:
    return "".join(_lexical(node) for node in nodes if isinstance(node, dict))


def _lexical(node: dict[str, Any]) -> str:
    kind, children = node.get("type"), node.get("children") or []
    if kind in ("text", "extended-text"):
        text = escape(str(node.get("text", "")))
        for bit, tag in _LEXICAL_FORMATS:
            if int(node.get("format", 0) or 0) & bit:
                text = f"<{tag}>{text}</{tag}>"
        return text
    inner = _lexical_children(children)
    simple = {"paragraph": "p", "quote": "blockquote", "listitem": "li", "aside": "blockquote"}
    if kind in simple:
        return f"<{simple[kind]}>{inner}</{simple[kind]}>"
    if kind in ("heading", "extended-heading"):
        tag = str(node.get("tag", "h2"))
        return f"<{tag}>{inner}</{tag}>" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else f"<h2>{inner}</h2>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind in ("link", "autolink"):
        return f'<a href="{escape(str(node.get("url", "")))}">{inner}</a>'
    if kind == "linebreak":
        return "<br>"
    if kind == "horizontalrule":
        return "<hr>"
    if kind == "image":
        caption = f"<figcaption>{node['caption']}</figcaption>" if node.get("caption") else ""
        return f'<figure><img src="{escape(str(node.get("src", "")))}" alt="{escape(str(node.get("alt") or node.get("altText") or ""))}">{caption}</figure>'
    if kind == "codeblock":
        return f'<pre><code class="language-{escape(str(node.get("language", "")))}">{escape(str(node.get("code", "")))}</code></pre>'
    if kind in ("html", "markdown"):
        return str(node.get("html", "")) or f"<div data-markdown>{escape(str(node.get('markdown', '')))}</div>"
    return inner


def _mobiledoc(document: dict[str, Any]) -> str:
    markups = document.get("markups", [])
    cards = document.get("cards", [])
    out: list[str] = []
    for section in document.get("sections", []):
        if section[0] == 10:  # a card: [10, index]
            name, payload = cards[section[1]]
            if name == "image":
                out.append(f'<figure><img src="{escape(payload.get("src", ""))}" alt="{escape(payload.get("alt", ""))}"></figure>')
            elif name == "markdown":
                out.append(f"<div data-markdown>{escape(payload.get('markdown', ''))}</div>")
            elif name == "html":
                out.append(payload.get("html", ""))
            elif name == "code":
                out.append(f"<pre><code>{escape(payload.get('code', ''))}</code></pre>")
            elif name == "hr":
                out.append("<hr>")
            continue
        tag, markers = (section[1], section[2]) if section[0] == 1 else ("ul" if section[1] == "ul" else "ol", None)
        if section[0] == 3:  # a list: [3, "ul", [[markers], …]]
            items = "".join(f"<li>{_markers(item, markups)}</li>" for item in section[2])
            out.append(f"<{tag}>{items}</{tag}>")
        elif markers is not None:
            out.append(f"<{tag}>{_markers(markers, markups)}</{tag}>")
    return "".join(out)


def _markers(markers: list[Any], markups: list[Any]) -> str:
    text, open_tags = "", []
    for _, opened, closed, value in markers:
        for index in opened:
            name, attributes = markups[index][0], markups[index][1] if len(markups[index]) > 1 else []
            pairs = dict(zip(attributes[::2], attributes[1::2], strict=False))
            text += f"<{name}" + "".join(f' {key}="{escape(str(item))}"' for key, item in pairs.items()) + ">"
            open_tags.append(name)
        text += escape(str(value))
        for _ in range(closed):
            text += f"</{open_tags.pop()}>"
    return text


def body_html(post: dict[str, Any]) -> str:
    """A post's HTML: as exported, else rendered from its Lexical or Mobiledoc document."""
    if post.get("html"):
        return str(post["html"])
    for key, render in (("lexical", lambda doc: _lexical_children(doc.get("root", {}).get("children", []))), ("mobiledoc", _mobiledoc)):
        if post.get(key):
            try:
                return render(json.loads(post[key]))
            except (json.JSONDecodeError, KeyError, IndexError, TypeError, AttributeError):
                continue
    return ""


def _local(url: str) -> str:
    return url.replace("__GHOST_URL__", "") if url.startswith("__GHOST_URL__/") else url


def _markdown(html: str) -> str:
    html = html.replace("__GHOST_URL__/", "/")
    text = markdownify(html, heading_style="ATX", bullets="-", code_language_callback=lambda el: (el.get("class") or [""])[0].replace("language-", ""))
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def import_ghost(config: Config, export: Path, force: bool = False, dry_run: bool = False) -> GhostReport:
    data = _data(export)
    tags = {tag["id"]: tag for tag in data.get("tags", []) if isinstance(tag, dict)}
    users = {user["id"]: user for user in data.get("users", []) if isinstance(user, dict)}
    meta = {item.get("post_id"): item for item in data.get("posts_meta", []) if isinstance(item, dict)}
    post_tags: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for link in data.get("posts_tags", []):
        post_tags[link["post_id"]].append((link.get("sort_order", 0), link["tag_id"]))
    post_authors: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for link in data.get("posts_authors", []):
        post_authors[link["post_id"]].append((link.get("sort_order", 0), link["author_id"]))
    report = GhostReport()
    static = config.folder("static")
    for post in data["posts"]:
        if not isinstance(post, dict) or not post.get("title"):
            continue
        is_page = post.get("type") == "page" or post.get("page") in (1, True)
        folder = config.folder("content") / ("pages" if is_page else config.cms.posts_folder)
        slug = slugify(str(post.get("slug") or post["title"]))
        path = folder / f"{slug}.md"
        shown = path.relative_to(config.root).as_posix()
        if path.exists() and not force:
            report.skipped.append(shown)
            continue
        extra = meta.get(post.get("id"), {})
        moment = post.get("published_at") or post.get("created_at")
        values: dict[str, object] = {
            "templateKey": "about-page" if is_page else "blog-post",
            "schemaType": "WebPage" if is_page else "BlogPosting",
            "pageTitle": post["title"],
        }
        description = post.get("meta_description") or extra.get("meta_description") or post.get("custom_excerpt")
        if description:
            values["metaDescription"] = description
        values["published"] = post.get("status") == "published"
        if moment:
            values["date"] = datetime.fromisoformat(str(moment).replace("Z", "+00:00"))
        if post.get("updated_at"):
            values["updated"] = datetime.fromisoformat(str(post["updated_at"]).replace("Z", "+00:00"))
        if post.get("custom_excerpt"):
            values["teaser"] = post["custom_excerpt"]
        image = _local(str(post.get("feature_image") or ""))
        if image.startswith("/"):
            found = inside(static, image)
            if found is None or not found.is_file():
                report.missing_images.append(image)
            values["featuredImage"] = {"src": image, **({"alt": extra["feature_image_alt"]} if extra.get("feature_image_alt") else {})}
        names = [tags[tag_id]["name"] for _, tag_id in sorted(post_tags.get(post["id"], [])) if tag_id in tags]
        names = [name for name in names if not str(name).startswith("#")]  # Ghost's internal tags
        if names:
            values["tags"] = names
        authors = [users[user_id]["name"] for _, user_id in sorted(post_authors.get(post["id"], [])) if user_id in users]
        if authors:
            values["author"] = authors[0] if len(authors) == 1 else authors
        if post.get("featured"):
            values["featured"] = True
        text = front_matter(values) + _markdown(body_html(post))
        report.written.append(shown)
        if not dry_run:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return report
