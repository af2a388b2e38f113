"""Hugo's output formats that masthead does not make, named (never silently left out).

masthead writes each page as HTML, the RSS ``index.xml`` of the list kinds Hugo gives one
(``hugo_lists.py``) and the home page's JSON (``/index.json``). Any other format, in the config's
``[outputs]`` (``home = ["HTML", "RSS", "JSON", "AMP"]``), as a custom ``[outputFormats]`` entry, or in
a page's own ``outputs:``, is a warning naming it.
"""

from __future__ import annotations

from typing import Any

# the formats masthead makes, by Hugo's page kind (before Hugo 0.73 "taxonomy" was a term, "taxonomyterm" a taxonomy)
MADE = {"home": ("html", "rss", "json"), "section": ("html", "rss"), "taxonomy": ("html", "rss"), "term": ("html", "rss"), "page": ("html",)}


def _formats(value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(format) for format in values if isinstance(format, str) and format.strip()]


def unmade(kind: str, value: Any) -> list[str]:
    """The formats of ``value`` (a list as ``[outputs]`` or ``outputs:`` writes it) masthead does not make for ``kind``."""
    made = MADE.get({"taxonomyterm": "taxonomy"}.get(kind.lower(), kind.lower()), ("html",))
    return [format for format in _formats(value) if format.lower() not in made]


def config_warnings(outputs: Any, output_formats: Any) -> list[tuple[str, str | None, str]]:
    """What the config asks of Hugo that masthead does not write: formats of ``[outputs]``, ``[outputFormats]``;
    each as (table, key, message), for ``config_lines.config_problem`` to place."""
    warnings: list[tuple[str, str | None, str]] = []
    for kind, value in outputs.items() if isinstance(outputs, dict) else ():
        missing = unmade(str(kind), value)
        if missing:
            warnings.append(("outputs", str(kind), f"[outputs] {kind}: {', '.join(missing)}: {_formats_named(missing)} not made by masthead"))
    if isinstance(output_formats, dict) and output_formats:
        names = sorted(str(name) for name in output_formats)
        warnings.append(("outputFormats", names[0], f"[outputFormats] {', '.join(names)}: custom output formats are not made by masthead"))
    return warnings


def page_warning(value: Any) -> str | None:
    """A page's ``outputs: [html, amp]``: the formats that are not written, or None when every one is."""
    missing = unmade("page", value)
    if not missing:
        return None
    return f"{', '.join(missing)}: Hugo's {_formats_named(missing)} not made by masthead; the page is written as HTML only"


def _formats_named(missing: list[str]) -> str:
    return "output formats are" if len(missing) > 1 else "output format is"
