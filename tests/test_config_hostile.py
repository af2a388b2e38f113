"""Hostile text in every string key of masthead.toml (the keys found from the schema, not listed):
`check` refuses it with a problem or accepts it, and a build with every accepted value shows each one
inert: no script, no `javascript:` URL in an attribute that is a URL, JSON-LD, feeds and sitemaps intact."""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterator
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_site
from hostile import assert_handled
from lxml import etree
from lxml import html as lxml_html

from masthead.cli import main
from masthead.config import Config
from masthead.schema import _is_mapping, keys, toml_value

MARKUP = "</script><script>alert(1)</script>\"'<b>x</b>&amp;]]>--></style>"
SCRIPT_URL = "javascript:alert(1)"
# Keys that name files and folders of the site: hostile text there is a path (tests/test_guarantees.py), not text shown.
PLACES = ("folders.", "origin.", "cms.", "newsletter.digest_folder")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "cite", "data"}


def string_keys(section: Any = Config, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """(dotted key, holds a list) for every key of the schema that holds text; ``k`` stands for a table's entry."""
    for key in keys(section):
        name = prefix + key.name
        if is_dataclass(key.kind):
            yield from string_keys(key.kind, name + ".")
        elif _is_mapping(key.kind):
            item = typing.get_args(key.kind)[1]
            yield from string_keys(item, name + ".k.") if is_dataclass(item) else [(name + ".k", item is not str)]
        elif key.kind is str or typing.get_args(key.kind)[:1] == (str,):
            yield name, key.kind is not str


def toml(values: dict[str, Any]) -> str:
    lines = [f"{name} = {toml_value(value)}" for name, value in values.items() if "." not in name]
    tables: dict[str, list[str]] = {}
    for name, value in values.items():
        if "." in name:
            table, _, leaf = name.rpartition(".")
            tables.setdefault(table, []).append(f"{leaf} = {toml_value(value)}")
    return "\n".join(lines + [line for table, rows in tables.items() for line in [f"[{table}]", *rows]]) + "\n"


POST = f"""---
templateKey: blog-post
pageTitle: {json.dumps(MARKUP)}
author: k
tags: [{json.dumps(MARKUP)}]
published: true
date: 2025-06-04T10:00:00Z
featuredImage:
  src: /img/a.png
  alt: A red square
---
A body [[AP](https://apnews.com/x)] and [[{MARKUP.replace("]", "")}](https://evil.example/)].
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A site whose config holds hostile text in every string key that accepts it."""
    site = write_site(
        tmp_path_factory.mktemp("config"),
        {"content/blog/hostile.md": POST, "content/pages/about.md": POST.replace("blog-post", "about-page")},
        images=("/img/a.png",),
    )
    accepted: dict[str, Any] = {"base_url": "https://t.example.org", "authors.k.name": "Kim " + MARKUP}
    for name, is_list in string_keys():
        if name in accepted or name.startswith(PLACES):
            continue
        for value in (SCRIPT_URL, MARKUP, "https://x.example/" + MARKUP, "/img/a.png"):
            (site / "masthead.toml").write_text(toml({**accepted, name: [value] if is_list else value}), encoding="utf-8")
            result = CliRunner().invoke(main, ["check", str(site), "-j", "1"])
            assert_handled(result)
            if result.exit_code == 0:
                accepted[name] = [value] if is_list else value
                break
    (site / "masthead.toml").write_text(toml(accepted), encoding="utf-8")
    return site, accepted


def test_link_keys_refuse_a_script_url(hostile_site: tuple[Path, dict[str, Any]]) -> None:
    _, accepted = hostile_site
    for name in ("author.url", "publisher.url", "authors.k.url", "deploy.websub_hub"):
        assert accepted[name] != SCRIPT_URL, name
    assert "language" not in accepted  # a language tag, not text: it is <html lang>


def test_every_accepted_value_is_inert_in_the_output(hostile_site: tuple[Path, dict[str, Any]]) -> None:
    site, accepted = hostile_site
    assert len(accepted) > 15  # the titles, descriptions, names, bios, outlets… really hold the hostile text
    result = CliRunner().invoke(main, ["build", str(site), "-j", "1"])
    assert_handled(result)
    assert result.exit_code == 0, result.stderr
    public = site / "public"
    pages = sorted(public.rglob("*.html"))
    assert pages
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, path
        document = lxml_html.fromstring(raw)
        assert document.xpath("//b") == [], path
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                if attribute in URL_ATTRIBUTES or (element.tag == "meta" and re.search(r"(url|image)$", element.get("property", ""))):
                    assert not re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"), (path, element.tag, attribute)
                assert not attribute.startswith("on"), (path, element.tag, attribute)
        for script in document.xpath("//script[not(@src)]"):
            if script.get("type") == "application/ld+json":
                json.loads(script.text)
            else:
                assert "alert" not in (script.text or ""), path
    for path in [*public.rglob("*.xml")]:
        etree.parse(str(path))  # well-formed, whatever the titles hold
    for path in public.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        assert not re.search(r'"(url|home_page_url|feed_url|external_url|image|icon|sameAs)":\s*\[?"javascript:', text), path
