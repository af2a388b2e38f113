"""A Ghost post's body from its editor document, for exports without HTML.

Ghost keeps each post in its editor's format: Lexical (Ghost 5), Mobiledoc (Ghost 1–4, whose
Markdown card is ``markdown`` from 2.0 and ``card-markdown`` in 1.x), or plain Markdown (the
``markdown`` column of Ghost 0.x). The body is a list of parts, each HTML or Markdown, so that a
Markdown card or column stays the Markdown its author wrote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

_LEXICAL_FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (8, "u"), (16, "code"))
_MARKDOWN_CARDS = ("markdown", "card-markdown")


@dataclass(frozen=True)
class Part:
    text: str
    markdown: bool = False  # Markdown as written, else HTML


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
    if kind == "html":
        return str(node.get("html", ""))
    return inner


def _lexical_parts(document: dict[str, Any]) -> list[Part]:
    parts: list[Part] = []
    for node in document.get("root", {}).get("children", []):
        if isinstance(node, dict) and node.get("type") == "markdown":
            parts.append(Part(str(node.get("markdown", "")), markdown=True))
        elif isinstance(node, dict):
            parts.append(Part(_lexical(node)))
    return parts


def _mobiledoc_parts(document: dict[str, Any]) -> list[Part]:
    markups, atoms, cards = document.get("markups", []), document.get("atoms", []), document.get("cards", [])
    parts: list[Part] = []
    for section in document.get("sections", []):
        if section[0] == 10:  # a card: [10, index]
            name, payload = cards[section[1]]
            if name in _MARKDOWN_CARDS:
                parts.append(Part(str(payload.get("markdown", "")), markdown=True))
            elif name == "image":
                caption = f"<figcaption>{payload['caption']}</figcaption>" if payload.get("caption") else ""
                parts.append(Part(f'<figure><img src="{escape(str(payload.get("src", "")))}" alt="{escape(str(payload.get("alt", "")))}">{caption}</figure>'))
            elif name == "html":
                parts.append(Part(str(payload.get("html", ""))))
            elif name == "code":
                language = escape(str(payload.get("language") or ""))
                parts.append(Part(f'<pre><code class="language-{language}">{escape(str(payload.get("code", "")))}</code></pre>'))
            elif name == "hr":
                parts.append(Part("<hr>"))
            continue
        if section[0] == 3:  # a list: [3, "ul", [[markers], …]]
            tag = "ol" if section[1] == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            parts.append(Part(f"<{tag}>{items}</{tag}>"))
        elif section[0] == 1:  # a markup section: [1, "p", [markers]]
            tag = str(section[1]).lower()
            tag = tag if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside") else "p"
            parts.append(Part(f"<{tag}>{_markers(section[2], markups, atoms)}</{tag}>"))
    return parts


def _markers(markers: list[Any], markups: list[Any], atoms: list[Any]) -> str:
    """A section's markers as HTML: [0, opened, closed, text] is text, [1, opened, closed, atom] an atom."""
    text, open_tags = "", []
    for kind, opened, closed, value in markers:
        for index in opened:
            name, attributes = markups[index][0], markups[index][1] if len(markups[index]) > 1 else []
            pairs = dict(zip(attributes[::2], attributes[1::2], strict=False))
            text += f"<{name}" + "".join(f' {key}="{escape(str(item))}"' for key, item in pairs.items()) + ">"
            open_tags.append(name)
        if kind == 1:  # an atom: Ghost's soft-return is a line break; others show their text
            atom = atoms[value] if isinstance(value, int) and 0 <= value < len(atoms) else ["", "", {}]
            text += "<br>" if atom[0] == "soft-return" else escape(str(atom[1]))
        else:
            text += escape(str(value))
        for _ in range(closed):
            text += f"</{open_tags.pop()}>"
    return text


def body_parts(post: dict[str, Any]) -> list[Part]:
    """A post's body: its HTML as exported, else its Lexical, Mobiledoc or Markdown source."""
    if post.get("html"):
        return [Part(str(post["html"]))]
    for key, render in (("lexical", _lexical_parts), ("mobiledoc", _mobiledoc_parts)):
        if post.get(key):
            try:
                return render(json.loads(post[key]))
            except (json.JSONDecodeError, KeyError, IndexError, TypeError, AttributeError, ValueError):
                continue
    if isinstance(post.get("markdown"), str):  # Ghost 0.x
        return [Part(post["markdown"], markdown=True)]
    return []
