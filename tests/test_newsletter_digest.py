"""``masthead digest``: the HTML parsed by lxml, the .eml parsed back by ``email``, overrides."""

from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE
from newsletter_helpers import body_text

from masthead.cli import main

NOW = "2025-06-05T12:00:00"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("digest") / "briefing"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    result = CliRunner().invoke(main, ["digest", str(copy), "--since", "2025-04-01", "--until", "2025-06-05", "--now", NOW])
    assert result.exit_code == 0, result.output
    return copy


def _files(site: Path) -> dict[str, Path]:
    return {path.suffix: path for path in (site / "digests").iterdir()}


def test_digest_html_is_a_table_layout_with_inlined_css_and_absolute_urls(site: Path) -> None:
    files = _files(site)
    assert set(files) == {".html", ".txt", ".eml"} and files[".html"].stem == "2025-04-01--2025-06-05"
    document = lxml.html.fromstring(files[".html"].read_bytes())
    titles = [a.text_content() for a in document.xpath("//td[@class='title']/a")]
    assert titles == ["Lee Jae-myung wins South Korea’s snap presidential election", "Trump announces sweeping ‘reciprocal’ tariffs"]
    for element in document.iter("a", "img"):
        url = element.get("href") or element.get("src")
        assert url.startswith("https://briefing.example.org/"), url
    assert all(img.get("alt") is not None for img in document.iter("img"))
    assert document.xpath("//table[@role='presentation']") and not document.xpath("//link")
    assert "font-family: Georgia" in document.xpath("//td[@class='title']")[0].get("style")  # inlined by css-inline
    style = document.xpath("//style")[0].text
    assert "prefers-color-scheme: dark" in style and ".title {" not in style  # only @media rules are left
    assert document.xpath("//meta[@name='color-scheme']")[0].get("content") == "light dark"


def test_digest_eml_parses_back_with_text_and_html_alternatives(site: Path) -> None:
    files = _files(site)
    message = email.message_from_bytes(files[".eml"].read_bytes(), policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"].startswith("The Briefing Room: ") and "briefings, 1 April 2025 to 4 June 2025" in message["Subject"]
    assert message["From"] == "The Briefing Room <newsletter@briefing.example.org>"
    assert message["Message-ID"].startswith("<digest.2025-04-01--2025-06-05.")
    text = body_text(message, "plain")
    html = body_text(message, "html")
    assert text == files[".txt"].read_text("utf-8") and html.rstrip("\n") == files[".html"].read_text("utf-8").rstrip("\n")
    assert "Read the briefing: https://briefing.example.org/blog/south-korea-snap-presidential-election/" in text
    assert "Yonhap" in text  # the outlets a post cites


def test_empty_range_and_reversed_range_are_errors(site: Path) -> None:
    empty = CliRunner().invoke(main, ["digest", str(site), "--since", "2031-01-01", "--until", "2031-01-02", "--now", NOW])
    assert empty.exit_code == 1 and "no published posts dated" in empty.output
    reversed_range = CliRunner().invoke(main, ["digest", str(site), "--since", "2025-06-01", "--until", "2025-05-01", "--now", NOW])
    assert reversed_range.exit_code == 1 and "is not before --until" in reversed_range.output


def test_site_template_overrides_and_escapes(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("digests"))
    override = copy / "templates" / "newsletter" / "digest.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        "<html><body><h1>{{ site.title }} &amp; co</h1><p>{{ '<b>' }}</p>"
        "{% for post in digest.posts %}<p class=x>{{ post.title }}</p>{% endfor %}</body></html>",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["digest", str(copy), "--since", "2025-06-01", "--until", "2025-06-05", "--now", NOW])
    assert result.exit_code == 0, result.output
    html = (copy / "digests" / "2025-06-01--2025-06-05.html").read_text("utf-8")
    assert "The Briefing Room &amp; co" in html and "&lt;b&gt;" in html and '<p class="x">' in html


def test_out_writes_the_three_files_where_asked(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "outbox" / "june"
    result = CliRunner().invoke(main, ["digest", str(site), "--since", "2025-04-01", "--until", "2025-06-05", "--now", NOW, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == [f"2025-04-01--2025-06-05{suffix}" for suffix in (".eml", ".html", ".txt")]
    assert f"wrote {out / '2025-04-01--2025-06-05.eml'}" in result.output
    assert (out / "2025-04-01--2025-06-05.html").read_bytes() == _files(site)[".html"].read_bytes()  # same bytes, another folder
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    failed = CliRunner().invoke(main, ["digest", str(site), "--since", "2025-04-01", "--until", "2025-06-05", "--now", NOW, "--out", str(blocked / "sub")])
    assert failed.exit_code == 1 and "--out:" in failed.output and "expected a folder you can write to" in failed.output
    assert "Traceback" not in failed.output
