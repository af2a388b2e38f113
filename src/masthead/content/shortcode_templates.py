"""What a site's own Hugo shortcode prints, read from its template (never run).

A shortcode masthead has no rendering of may still have its template in the site (``layouts/shortcodes/
alert.html``) or its theme (``themes/doks/layouts/shortcodes/``). Go templates are not run here, but
which arguments the template prints as text can be read from it: ``{{ .Get "text" }}``, or ``{{ . }}``
inside ``{{ with .Get "text" }}``, outside any tag and any script (an argument in an attribute,
``class="alert-{{ .Get "context" }}"``, is presentation). Those values, in the template's order, are the text a standalone
shortcode such as ``{{< alert icon="👉" text="Read this first." />}}`` shows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..filestamp import file_stamp

_ACTION = re.compile(r"{{-?\s*(.*?)\s*-?}}", re.DOTALL)
_GET = re.compile(r"""\.Get\s+(?:"([\w-]+)"|`([\w-]+)`|(\d+))""")
_OPENS_BLOCK = ("if ", "range ", "with ", "block ", "define ", "if(", "with(")


def template_folders(config: Config) -> list[Path]:
    """Where Hugo looks for shortcode templates: the site's layouts, then each theme's (Hugo 0.146's
    ``_shortcodes`` and the older ``shortcodes``)."""
    roots = [config.root / "layouts"]
    themes = config.root / "themes"
    if themes.is_dir():
        roots += [theme / "layouts" for theme in sorted(themes.iterdir()) if theme.is_dir()]
    return [root / name for root in roots for name in ("_shortcodes", "shortcodes")]


def printed_arguments(name: str, config: Config) -> tuple[str, ...]:
    """The arguments (names, or positions as digits) the shortcode's template prints as text, in order;
    () when the site has no template for it."""
    for folder in template_folders(config):
        path = (folder / f"{name}.html").resolve()
        if path.is_relative_to(folder.resolve()) and path.is_file():
            return _printed(str(path), file_stamp(path))
    return ()


@lru_cache(maxsize=256)
def _printed(path: str, stamp: tuple[int, int]) -> tuple[str, ...]:
    try:
        template = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    printed: list[str] = []
    scopes: list[str | None] = []  # the argument each open `with` block binds to `.`, None for other blocks
    for action in _ACTION.finditer(template):
        body = action.group(1).strip()
        get = _GET.search(body)
        argument = next((group for group in get.groups() if group), None) if get else None
        if body.startswith("with ") and argument is not None:
            scopes.append(argument)
            continue
        if body.startswith(_OPENS_BLOCK):
            scopes.append(None)
            continue
        if body == "end":
            if scopes:
                scopes.pop()
            continue
        if body.startswith("else"):
            if scopes:
                scopes[-1] = None  # `{{ else }}` of `with .Get "text"`: the argument is not there
            continue
        before = template[: action.start()].lower()
        if before.rfind("<") > before.rfind(">"):  # inside a tag: an attribute's value
            continue
        if before.count("<script") > before.count("</script") or before.count("<style") > before.count("</style"):
            continue  # a script's or a style sheet's own text
        if body.startswith(".Get") and argument is not None:
            printed.append(argument)
        elif re.match(r"\.\s*(?:\||$)", body) and scopes and scopes[-1] is not None:
            printed.append(scopes[-1])
    return tuple(dict.fromkeys(printed))
