"""The reStructuredText directives Pelican and its plugins add to docutils, so that their posts render:

- ``code-block`` and ``sourcecode`` with Pelican's Pygments options (``:linenos:``, ``:hl_lines:``…),
  which docutils' own ``code`` refuses, dropping the whole block: read as ``code``, the options left out;
- ``youtube`` and ``vimeo`` (pelican_youtube, pelican_vimeo) and ``gist``: a link to the video or the
  gist, as masthead shows every embed, so that nothing is fetched until the reader asks.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any, ClassVar

# Pelican's Pygments directive options (pelican/rstdirectives.py), accepted and left out
_PYGMENTS_OPTIONS = (
    "anchorlinenos",
    "classprefix",
    "hl_lines",
    "lineanchors",
    "linenos",
    "linenospecial",
    "linenostart",
    "linenostep",
    "lineseparator",
    "linespans",
    "nobackground",
    "nowrap",
    "tagsfile",
    "tagurlformat",
)
_EMBEDS = {
    "youtube": ("Watch on YouTube", "https://www.youtube-nocookie.com/embed/{id}"),
    "vimeo": ("Watch on Vimeo", "https://vimeo.com/{id}"),
    "gist": ("View the gist on GitHub", "https://gist.github.com/{id}"),
}


@cache
def register() -> None:
    """Add the directives to docutils (once per process, as Pelican does)."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives
    from docutils.parsers.rst.directives.body import CodeBlock

    class PelicanCode(CodeBlock):  # type: ignore[misc]  # docutils has no type hints
        option_spec: ClassVar[dict[str, Any]] = {**CodeBlock.option_spec, **dict.fromkeys(_PYGMENTS_OPTIONS, directives.unchanged)}

        def run(self) -> list[Any]:
            given: dict[str, Any] = getattr(self, "options", {})
            self.options = {key: value for key, value in given.items() if key not in _PYGMENTS_OPTIONS}
            return list(super().run())

    class Embed(Directive):  # type: ignore[misc]
        required_arguments = 1
        optional_arguments = 2
        has_content = True  # a caption under the directive (pelican_youtube allows one): shown as text
        option_spec: ClassVar[dict[str, Any]] = dict.fromkeys(("width", "height", "align", "css", "class", "file"), directives.unchanged)

        def run(self) -> list[Any]:
            label, pattern = _EMBEDS[self.name]
            url = pattern.format(id=self.arguments[0])
            link = f'<p><a class="embed embed--{self.name}" href="{escape(url)}" rel="noopener">{escape(label)}</a></p>'
            shown: list[Any] = [nodes.raw("", link, format="html")]
            if self.content:
                shown.append(nodes.paragraph("", " ".join(line.strip() for line in self.content)))
            return shown

    for name in ("code-block", "sourcecode"):
        directives.register_directive(name, PelicanCode)
    for name in _EMBEDS:
        directives.register_directive(name, Embed)
