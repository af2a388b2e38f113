"""The later pages of an Eleventy list that paginates posts (``pagination: {data: collections.post, size: 10}``).

Eleventy writes one page per ``size`` posts: the first at the template's permalink, the others where
the permalink puts them for ``pagination.pageNumber`` 1, 2… (``/blog/page/1/`` with
``blog/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber }}/{% endif %}``), or by
default under the first page's URL (``/blog/1/``, its docs' ``paged/1/index.html``). Each later page is
the same page with its list starting ``size`` posts further on.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..content.placement import FIRST_PAGE_ONLY, page_size, post_list_pagination
from ..errors import Problem
from .references import listed_posts

if TYPE_CHECKING:
    from ..config import Config
    from ..site import Document


_PAGE_NUMBER = re.compile(r"{{-?\s*pagination\.pageNumber\s*(\+\s*1\s*)?-?}}")


def later_pages_pattern(value: Any) -> str:
    """Where an Eleventy list paginating posts writes its pages after the first (``pageNumber`` 1, 2…), with
    {number}: the permalink's ``{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber }}/{% endif %}``
    with that block kept (``pageNumber + 1`` is {page}), else Eleventy's default, {first} (the first page's URL)
    and the number (``/blog/1/``)."""
    if not isinstance(value, str) or not value.strip():
        return "{first}{number}/"
    text = FIRST_PAGE_ONLY.sub(lambda match: re.sub(r"^{%.*?%}|{%[^%]*%}$", "", match.group(0), flags=re.DOTALL), value.strip())
    text = _PAGE_NUMBER.sub(lambda match: "{page}" if match.group(1) else "{number}", text)  # pageNumber + 1: the page's own number
    if ("{number}" not in text and "{page}" not in text) or "{%" in text or "{{" in text:
        return ""  # a permalink masthead cannot read for its later pages: the first page alone
    text = "/" + text.lstrip("/").removesuffix("index.html")
    return text if text.endswith(("/", ".html")) else text + "/"


def later_pages(pages: list[Document], posts: list[Document], taken: set[str], config: Config) -> tuple[list[Document], list[Problem]]:
    """The pages after the first of every paginated list among ``pages``; a URL another page has is a warning."""
    made: list[Document] = []
    problems: list[Problem] = []
    for page in pages:
        pattern, options = page.entry.placement.later_pages, page.entry.extra.get("pagination")
        if not pattern or not isinstance(options, dict):
            continue
        name, size = post_list_pagination({"pagination": options}), page_size(options)
        total = len(listed_posts(posts, name, "tags", page.entry.placement.lang, config))
        marker = f'data-tags="{html.escape(name)}" data-count="{size}" data-offset="0"'
        for number in range(1, math.ceil(total / size)):
            url = (
                pattern.replace("{first}", page.url.removesuffix("index.html"))
                .replace("{number}", str(number))
                .replace("{page}", str(number + 1))
                .replace("//", "/")
            )
            if url in taken:
                taken_message = f"page {number + 1} would be at {url}, the URL of another page; it is left out"
                problems.append(Problem(page.entry.source, page.entry.key_lines.get("pagination"), "pagination", taken_message, warning=True))
                continue
            taken.add(url)
            body = page.entry.body.replace(html=page.entry.body.html.replace(marker, marker.replace('data-offset="0"', f'data-offset="{number * size}"')))
            made.append(replace(page, url=url, entry=replace(page.entry, body=body)))
    return made, problems
