"""A strict checker for the schema.org types masthead emits: every property must be one the type
allows (schema.org's own domains, narrowed to what masthead writes), of the expected value type,
and the properties masthead promises must be present. Stricter than schema.org on purpose: an
unknown or misspelt property, a date without a zone, a relative URL or a string where a Person
belongs is an error."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
_DURATION = re.compile(r"^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")

Check = Callable[[Any, str], list[str]]


def text(value: Any, where: str) -> list[str]:
    return [] if isinstance(value, str) and value.strip() else [f"{where}: expected Text, got {value!r}"]


def url(value: Any, where: str) -> list[str]:
    return [] if isinstance(value, str) and _URL.match(value) else [f"{where}: expected an absolute URL, got {value!r}"]


def date_time(value: Any, where: str) -> list[str]:
    return [] if isinstance(value, str) and _DATE_TIME.match(value) else [f"{where}: expected an ISO 8601 DateTime with a zone, got {value!r}"]


def integer(value: Any, where: str) -> list[str]:
    return [] if type(value) is int and value >= 0 else [f"{where}: expected a non-negative Integer, got {value!r}"]


def duration(value: Any, where: str) -> list[str]:
    return [] if isinstance(value, str) and _DURATION.match(value) else [f"{where}: expected an ISO 8601 Duration, got {value!r}"]


def node(*types: str) -> Check:
    """A nested object of one of ``types``, itself checked."""

    def check(value: Any, where: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{where}: expected a {' or '.join(types)} object, got {value!r}"]
        if value.get("@type") not in types:
            return [f"{where}: expected @type {' or '.join(types)}, got {value.get('@type')!r}"]
        return validate(value, where)

    return check


def many(check: Check) -> Check:
    """One value, or a non-empty list of them."""

    def each(value: Any, where: str) -> list[str]:
        if isinstance(value, list):
            return [problem for number, item in enumerate(value) for problem in check(item, f"{where}[{number}]")] if value else [f"{where}: empty list"]
        return check(value, where)

    return each


def listed(check: Check) -> Check:
    def each(value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not value:
            return [f"{where}: expected a non-empty list"]
        return [problem for number, item in enumerate(value) for problem in check(item, f"{where}[{number}]")]

    return each


# type -> (required, allowed: property -> check)
_PERSON = {"name": text, "url": url, "sameAs": listed(url), "image": url, "description": text}
_ORGANIZATION = {"name": text, "url": url, "logo": node("ImageObject")}
_ARTICLE: dict[str, Check] = {
    "@context": lambda value, where: [] if value == "https://schema.org" else [f"{where}: expected https://schema.org"],
    "headline": text,
    "description": text,
    "datePublished": date_time,
    "dateModified": date_time,
    "mainEntityOfPage": node("WebPage"),
    "url": url,
    "image": many(url),
    "author": many(node("Person", "Organization")),
    "publisher": node("Organization"),
    "keywords": text,
    "citation": listed(node("CreativeWork")),
    "isBasedOn": url,
    "inLanguage": text,
    "wordCount": integer,
    "timeRequired": duration,
    "correction": listed(node("CorrectionComment")),
}
_ARTICLE_REQUIRED = ("@context", "headline", "datePublished", "dateModified", "author", "publisher", "url", "mainEntityOfPage", "wordCount", "timeRequired")
_LIVE = {
    **_ARTICLE,
    "coverageStartTime": date_time,
    "coverageEndTime": date_time,
    "liveBlogUpdate": listed(node("BlogPosting")),
}
_UPDATE = {"headline": text, "datePublished": date_time, "articleBody": text, "url": url}
SCHEMAS: dict[str, tuple[tuple[str, ...], dict[str, Check]]] = {
    "NewsArticle": (_ARTICLE_REQUIRED, _ARTICLE),
    "BlogPosting": (_ARTICLE_REQUIRED, _ARTICLE),
    "LiveBlogPosting": ((*_ARTICLE_REQUIRED, "coverageStartTime", "liveBlogUpdate"), _LIVE),
    "Person": (("name",), _PERSON),
    "Organization": (("name",), _ORGANIZATION),
    "ImageObject": (("url",), {"url": url, "width": integer, "height": integer}),
    "WebPage": (("@id",), {"@id": url}),
    "CreativeWork": (("name", "url"), {"name": text, "url": url, "publisher": node("Organization")}),
    "CorrectionComment": (("text", "datePublished"), {"text": text, "datePublished": date_time}),
    "ProfilePage": (("@context", "url", "mainEntity"), {"@context": _ARTICLE["@context"], "url": url, "mainEntity": node("Person")}),
}
# A live entry is a BlogPosting of its own shape: the four properties Google's live blog guide names.
_UPDATE_SCHEMA = (("headline", "datePublished", "articleBody", "url"), _UPDATE)


def validate(data: dict[str, Any], where: str = "$") -> list[str]:
    """Every problem with ``data`` (an object with ``@type``), as "path: what is wrong"."""
    kind = data.get("@type")
    schema = _UPDATE_SCHEMA if kind == "BlogPosting" and ".liveBlogUpdate[" in where else SCHEMAS.get(kind)  # type: ignore[arg-type]
    if schema is None:
        return [f"{where}: @type {kind!r} is not one masthead emits"]
    required, allowed = schema
    problems = [f"{where}.{name}: required property missing" for name in required if name not in data]
    for name, value in data.items():
        if name == "@type":
            continue
        check = allowed.get(name)
        if check is None:
            problems.append(f"{where}.{name}: not a property of {kind} here")
            continue
        problems += check(value, f"{where}.{name}")
    return problems
