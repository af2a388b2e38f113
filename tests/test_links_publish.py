"""The build's side: /sources/ pages, normalised JSON-LD citations, links.rewrite = "resolved",
and ``masthead check --links`` / ``masthead sources``."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import BUILD_TIME, CONFIG, MakeSite, post
from link_server import Played, Route, serve

from masthead.build import build
from masthead.cli import main
from masthead.config import load_config
from masthead.errors import MastheadError
from masthead.links.store import Answer, Hop, open_store
from masthead.options import BuildOptions


def _json_ld(page: Path) -> Any:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text())
    assert match
    return json.loads(match.group(1))


def test_sources_pages_of_the_example_site(example_public: Path) -> None:
    index = (example_public / "sources/index.html").read_text()
    assert '<a href="/sources/">Sources</a>' in (example_public / "index.html").read_text()  # nav link
    rows = re.findall(
        r'<h2 class="outlet__name"><a href="(/sources/[^"]+/)">([^<]+)</a></h2>\s*'
        r'<p class="outlet__count">(\d+) citations?',
        index,
    )
    assert rows[0][1] == "Reuters" and int(rows[0][2]) >= int(rows[1][2])
    names = [name for _, name, _ in rows]
    assert "Associated Press" in names and "AP" not in names and "NBC News" in names and "NBC" not in names
    ap = (example_public / "sources/associated-press/index.html").read_text()
    assert 'href="/blog/russia-north-korea-ties/"' in ap and '<h1 class="list-title">Associated Press</h1>' in ap
    assert (example_public / "sources/washington-times/index.html").is_file()


def test_post_json_ld_cites_normalised_outlets(example_public: Path) -> None:
    data = _json_ld(example_public / "blog/russia-north-korea-ties/index.html")
    assert [c["name"] for c in data["citation"]] == [
        "NBC News",
        "The Washington Times",
        "Associated Press",
    ]
    assert data["citation"][0]["url"] == "https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"  # rewrite = "none"


RESOLVED_CONFIG = CONFIG + '[links]\nrewrite = "resolved"\n[outlets]\n"Agence France-Presse" = ["AFP", "Agence"]\n'
TRACKED = """\
---
templateKey: blog-post
pageTitle: Tracked
date: 2024-05-01T10:00:00Z
---
One [[AP](https://email.t.example/t/d-l-aaa-l-b/)] two [[Agence](https://email.t.example/t/d-l-aaa-l-c/)].

[Read More](https://email.t.example/t/d-l-aaa-l-b/)
"""


def _tracked_site(make_site: MakeSite, text: str, destination: str) -> Path:
    """A site with ``text`` as its post and the answer for its first tracking link in the store."""
    site = make_site({"content/blog/tracked.md": text}, config=RESOLVED_CONFIG)
    url = "https://email.t.example/t/d-l-aaa-l-b/"
    answer = Answer(url, "ok", 200, destination, (Hop(url, 302), Hop(destination, 200)), "", datetime(2025, 6, 1, tzinfo=UTC))
    with open_store(load_config(site)) as store:
        store.put([answer])
    return site


def test_rewrite_resolved_publishes_destinations_from_the_store(make_site: MakeSite) -> None:
    site = _tracked_site(make_site, TRACKED, "https://apnews.com/article/a?utm_source=x")
    source = (site / "content/blog/tracked.md").read_bytes()
    url = "https://email.t.example/t/d-l-aaa-l-b/"
    report = build(site, BuildOptions(), now=BUILD_TIME)
    html = (site / "public/blog/tracked/index.html").read_text()
    assert 'href="https://apnews.com/article/a"' in html and url not in html.replace("d-l-aaa-l-c", "")
    assert '<a rel="nofollow noopener" href="https://email.t.example/t/d-l-aaa-l-c/"' in html
    (warning,) = [w for w in report.warnings if "tracking link" in w.message]
    assert warning.warning and warning.line == 6 and "d-l-aaa-l-c" in warning.message
    citations = _json_ld(site / "public/blog/tracked/index.html")["citation"]
    assert [(c["name"], c["url"]) for c in citations] == [
        ("Associated Press", "https://apnews.com/article/a"),
        ("Agence France-Presse", "https://email.t.example/t/d-l-aaa-l-c/"),
    ]
    feed = (site / "public/feed.xml").read_text()
    assert "https://apnews.com/article/a" in feed
    assert (site / "content/blog/tracked.md").read_bytes() == source  # sources untouched
    assert (site / "public/sources/agence-france-presse/index.html").is_file()


def test_a_tracking_link_written_without_a_scheme_is_published_as_the_destination_stored_for_its_https_address(make_site: MakeSite) -> None:
    text = TRACKED.replace("https://email.t.example/t/d-l-aaa-l-b/", "//email.t.example/t/d-l-aaa-l-b/")
    site = _tracked_site(make_site, text, "https://apnews.com/article/b")  # stored for the https address masthead links asked
    report = build(site, BuildOptions(), now=BUILD_TIME)
    html = (site / "public/blog/tracked/index.html").read_text()
    assert 'href="https://apnews.com/article/b"' in html and "d-l-aaa-l-b" not in html
    assert not [w for w in report.warnings if "d-l-aaa-l-b" in w.message]


def test_check_links_fails_on_dead_links_and_optionally_on_tracking(make_site: MakeSite) -> None:
    body = post().replace("https://apnews.com/article/x", "https://apnews.com/article/gone") + "\nSee [[BBC](https://email.t.example/t/d-l-aaa-l-b/)].\n"
    site = make_site({"content/blog/a.md": body})
    routes = {
        "apnews.com/article/gone": Route(410),
        "email.t.example/t/d-l-aaa-l-b/": Route(302, "https://www.bbc.com/news/1"),
    }
    with serve(Played(routes)) as played:
        args = [
            "check",
            str(site),
            "--links",
            "--map-host",
            f"*={played.address}",
            "--host-delay",
            "0",
            "--now",
            "2025-06-05",
        ]
        failed = CliRunner().invoke(main, args)
        assert failed.exit_code == 1
        assert "content/blog/a.md:9: link: https://apnews.com/article/gone: dead: HTTP 410" in failed.output
        routes["apnews.com/article/gone"] = Route(200)
        (site / ".masthead-cache/links.sqlite").unlink()
        passed = CliRunner().invoke(main, args)
        assert passed.exit_code == 0, passed.output
        assert "links ok: 2 links, 1 tracking" in passed.output
        (site / "masthead.toml").write_text(CONFIG + "[links]\nfail_on_tracking = true\n")
        strict = CliRunner().invoke(main, args)
    assert strict.exit_code == 1 and "content/blog/a.md:11: link:" in strict.output and "Campaign Monitor tracking link" in strict.output


def test_check_links_passes_when_the_network_is_down(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post()})
    with serve(Played({})) as played:
        address = played.address  # closed when the block ends: every connection is refused
    result = CliRunner().invoke(main, ["check", str(site), "--links", "--map-host", f"*={address}", "--host-delay", "0", "--now", "2025-06-05"])
    assert result.exit_code == 0, result.output
    assert "warning: link: https://apnews.com/article/x: unchecked: ConnectError" in result.output
    assert "links ok: 1 links, 0 tracking, 1 unchecked" in result.output
    links = CliRunner().invoke(main, ["links", str(site), "--json"])
    data = json.loads(links.stdout)
    assert data["summary"]["unchecked"] == 1 and data["summary"]["broken"] == 0
    assert data["links"][0]["findings"] == ["unchecked"]


def test_sources_command_json(example_site: Path) -> None:
    result = CliRunner().invoke(main, ["sources", str(example_site), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    outlets = {o["name"]: o for o in data["outlets"]}
    assert data["outlets"][0]["citations"] >= data["outlets"][-1]["citations"]
    assert outlets["Associated Press"]["url"] == "https://briefing.example.org/sources/associated-press/"
    seed = [c for c in data["citations"] if c["post"].endswith("russia-north-korea-ties.md")]
    assert [(c["outlet"], c["written"], c["position"]) for c in seed] == [
        ("NBC News", "NBC", 1),
        ("The Washington Times", "Washington Times", 2),
        ("Associated Press", "AP", 3),
    ]
    assert outlets["NBC News"]["first"] <= outlets["NBC News"]["last"]
    table = CliRunner().invoke(main, ["sources", str(example_site)])
    assert table.exit_code == 0 and "Associated Press" in table.output and "without any citation" in table.output


def test_links_config_errors_teach(make_site: MakeSite) -> None:
    site = make_site(config=CONFIG + '[links]\nrewrite = "yes"\nrules = [{ hots = "x" }]\n[outlets]\nAP = 3\n')
    try:
        load_config(site)
    except MastheadError as exc:
        report = exc.report()
    else:
        raise AssertionError("expected an error")
    assert 'links.rewrite: \'yes\': expected "none" or "resolved"' in report
    assert "entry 1: unknown key 'hots' (did you mean \"host\"?)" in report
    assert "masthead.toml:8: outlets.AP: expected a list of names and domains" in report
