"""An issue saved from its web archive: the page around the issue is not the issue.

A campaign archive, a Substack, beehiiv, Ghost or Kit post page, a Buttondown archive page wraps
the issue in what a web page has and an email never does, so it is known by structure, whatever
the service or the language:

- controls: buttons, inputs and forms (Subscribe, Sign in, Like, Restack, a poll's choices); a
  form takes the box it sits in with it, while that box says little else (a heading and a line
  over the form: "Keep reading The Estuary Desk");
- navigation (``<nav>``);
- when the page is a web page (it has scripts, navigation or controls) and one ``<article>`` (else
  one ``<main>``) holds most of its words (or a fifth of them and an ``<h1>``: a post under a long
  discussion), everything outside it: the site's header, "Read more" cards, comments, the site's footer;
- a dateline: a ``<time>`` (or Buttondown's ``<date>``) standing alone in its line ("June 2, 2025",
  "Jun 2, 2025 — 4 min read").

What the service's own page adds inside the article (Substack's paywall, Ghost's byline) is its
profile's chrome (profiles.py).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .chrome import words
from .sections import Dropped, snippet
from .stories import text_of

_CONTROLS = ("button", "input", "select", "textarea", "label")
_MOST = 0.6  # the share of the page's words the issue's article holds
_HEADLINED = 0.2  # ... when it holds the page's headline
_BOX_WORDS = 40  # what a form's box says besides the form: a heading and a line
_DATELINE_WORDS = 6  # "— 4 min read" beside a date


def _count(element: Tag) -> int:
    return len(words(text_of(element)))


def _web_page(soup: BeautifulSoup) -> bool:
    return soup.find(["script", "nav", "form", "button"]) is not None


def _outside(keep: Tag, root: Tag, dropped: list[Dropped]) -> None:
    """Remove everything in ``root`` that is neither ``keep``, nor holds it."""
    node = keep
    while node.parent is not None and node is not root:
        parent = node.parent
        for sibling in list(parent.children):
            if sibling is node or (isinstance(sibling, Tag) and sibling.name in ("head", "script", "style")):
                continue
            if not isinstance(sibling, Tag):
                sibling.extract()  # loose text beside the article is the page's too
                continue
            text = text_of(sibling)
            if text or sibling.find("img"):
                dropped.append(Dropped("page", snippet(text) or "(image)"))
            sibling.decompose()
        node = parent


def _issue_container(soup: BeautifulSoup, root: Tag) -> Tag | None:
    """The one article (else main) holding most of the page's words, or, with its headline (an h1),
    a good part of them (a post under a long discussion)."""
    total = _count(root)
    for name in ("article", "main"):
        found = sorted(soup.find_all(name), key=_count, reverse=True)
        share = _count(found[0]) / total if found and total else 0.0
        if share >= _MOST or (share >= _HEADLINED and found[0].find("h1") is not None):
            return found[0]
    return None


def _form_box(form: Tag, stop: Tag) -> Tag:
    """The form, or the box around it that says little besides it."""
    box = form
    inside = _count(form)
    while box.parent is not None and box.parent is not stop and box.parent.name not in ("body", "html", "article", "main"):
        if _count(box.parent) - inside > _BOX_WORDS:
            break
        box = box.parent
    return box


def strip_page(soup: BeautifulSoup, dropped: list[Dropped]) -> None:
    """Leave out of ``soup`` what belongs to the web page around the issue, each with its reason."""
    if not _web_page(soup):
        return
    root = soup.body or soup
    container = _issue_container(soup, root)
    if container is not None:
        _outside(container, root, dropped)
    for form in soup.find_all("form"):
        if form.parent is None:
            continue  # inside a box removed already
        box = _form_box(form, container or root)
        dropped.append(Dropped("subscribe form", snippet(text_of(box)) or "(form)"))
        box.decompose()
    for element in soup.find_all(["nav", *_CONTROLS]):
        if element.parent is not None:
            if text_of(element):
                dropped.append(Dropped("page", snippet(text_of(element))))
            element.decompose()
    for time in soup.find_all(["time", "date"]):  # Buttondown's archive writes its date as <date>
        line = time.parent
        if line is None:
            continue
        if line.name not in ("body", "article", "main", "header") and _count(line) - _count(time) <= _DATELINE_WORDS:
            dropped.append(Dropped("byline", snippet(text_of(line))))
            line.decompose()
        else:
            time.decompose()
