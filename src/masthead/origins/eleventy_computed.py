"""Eleventy's computed data: ``eleventyComputed`` in front matter or a directory data file (``posts/posts.json``)
sets keys from templates over the page's other data, after every other data is merged, as Eleventy does::

    eleventyComputed:
      title: "{{ place }} notes"
      eleventyNavigation: {key: "{{ title }}", parent: Notes}
      permalink: "/notes/{{ page.fileSlug }}/"

Each string in it is rendered as a Nunjucks template over the page's data (``page.fileSlug`` and the rest
the body's templates see); a value is kept as written when it holds no template. A ``permalink`` masthead
cannot render is passed on as written, for the permalink rules to read or report; any other key that
names data masthead does not have is left out with a warning, so no template shows as text. JavaScript
functions (``eleventyComputed`` in a ``.11tydata.js`` file) are never run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import Problem

if TYPE_CHECKING:
    from ..config import Config

KEY = "eleventyComputed"


def _merged(inherited: Any, own: Any) -> dict[str, Any]:
    """Eleventy's deep data merge of two ``eleventyComputed`` objects: the page's own wins, key by key."""
    merged: dict[str, Any] = dict(inherited) if isinstance(inherited, Mapping) else {}
    for key, value in own.items() if isinstance(own, Mapping) else ():
        merged[str(key)] = _merged(merged[str(key)], value) if isinstance(value, Mapping) and isinstance(merged.get(str(key)), Mapping) else value
    return merged


class _Unrendered(Exception):
    """A template in the value names data masthead does not have."""


def _render(value: Any, source: str, data: Mapping[str, Any], config: Config) -> Any:
    from ..content.liquid import transform

    if isinstance(value, str):
        if "{{" not in value and "{%" not in value:
            return value
        rendered = transform(value, 1, source, data, config)
        text = rendered.markdown.strip()
        if rendered.problems or rendered.blocks or "{{" in text or "{%" in text:
            raise _Unrendered
        return text
    if isinstance(value, Mapping):
        return {str(key): _render(item, source, data, config) for key, item in value.items()}
    if isinstance(value, list):
        return [_render(item, source, data, config) for item in value]
    return value


def computed(source: str, data: Mapping[str, Any], inherited: Mapping[str, Any], config: Config, line: int | None) -> tuple[dict[str, Any], list[Problem]]:
    """``data`` with its ``eleventyComputed`` keys set (``inherited``: the directory data it merges over),
    and a warning for each key left out."""
    values = _merged(inherited.get(KEY), data.get(KEY))
    if not values:
        return dict(data), []
    scope, result = {**inherited, **data}, dict(data)
    unrendered: set[str] = set()
    for _ in range(len(values) + 1):  # Eleventy orders keys by what they use: here, passes until nothing changes
        before = {key: result.get(key) for key in values}
        unrendered = set()
        for key, value in values.items():
            try:
                result[key] = scope[key] = _render(value, source, scope, config)
            except _Unrendered:
                unrendered.add(key)  # kept as the other data has it; a permalink as written, for the permalink rules
                result[key] = scope[key] = value if key == "permalink" else data.get(key, inherited.get(key))
        if before == {key: result.get(key) for key in values}:
            break
    left_out = sorted(unrendered - {"permalink"})
    for key in left_out:
        if result.get(key) is None:
            del result[key]
    message = "{value!r} uses data masthead does not have (JavaScript data, a filter of the site's config); it is left out"
    return result, [Problem(source, line, f"{KEY}.{key}", message.format(value=values[key]), warning=True) for key in left_out]
