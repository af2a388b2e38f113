"""``masthead links --fix`` on a copy of the example site, against a local server playing the
tracking services: only the URL bytes change."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, MakeSite, post
from link_server import SEED_DESTINATIONS, Played, Route, serve, tracking_routes

from masthead.cli import main
from masthead.config import load_config
from masthead.links.rules import classify
from masthead.links.scan import scan_site

SEED = "content/blog/russia-north-korea-ties.md"


def _copy_example(tmp_path: Path) -> Path:
    site = tmp_path / "briefing"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    return site


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".masthead-cache" not in p.parts}


def _links(site: Path, *args: str, address: str) -> Any:
    result = CliRunner().invoke(
        main,
        ["links", str(site), *args, "--json", "--map-host", f"*={address}", "--host-delay", "0"],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # warnings go to stderr


@pytest.mark.slow
def test_fix_replaces_every_tracking_link_of_the_example_and_only_those_bytes(
    tmp_path: Path,
) -> None:
    site = _copy_example(tmp_path)
    before = _files(site)
    spans: dict[str, list[tuple[int, int]]] = {}
    tracking = []
    for link in scan_site(load_config(site)):
        found = classify(link.url)
        if found:
            spans.setdefault(link.source, []).append((link.start, link.end))
            if found.redirect:
                tracking.append(link.url)
    with serve(Played(tracking_routes(tracking))) as played:
        report = _links(site, "--fix", address=played.address)
    after = _files(site)

    assert report["fix"]["left"] == []
    assert len(report["fix"]["changes"]) == sum(len(s) for s in spans.values()) > 150
    assert set(after) == set(before)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == set(spans)  # files without tracking links are untouched, byte for byte
    for name in changed:  # the byte diff: every difference lies inside a tracking URL
        matcher = difflib.SequenceMatcher(None, before[name], after[name], autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag != "equal":
                assert any(start <= i1 and i2 <= end for start, end in spans[name]), (
                    name,
                    tag,
                    i1,
                    i2,
                )

    seed = after[SEED].decode()
    nbc = SEED_DESTINATIONS["/t/d-l-vdhduiy-l-njk/"].split("?")[0]  # tracking parameters stripped
    assert f"[[NBC]({nbc})]" in seed
    assert f"[[Washington Times]({SEED_DESTINATIONS['/t/d-l-vdhduiy-l-nju/']})]" in seed
    assert f"[Read More]({SEED_DESTINATIONS['/t/d-269DB52ECB4B84A62540EF23F30FEDED']})" in seed
    assert not any(b"cpg-online" in data or b"list-manage" in data for name, data in after.items() if name.startswith("content"))
    remaining = [link for link in scan_site(load_config(site)) if classify(link.url)]
    assert remaining == []
    assert not list(site.rglob(".*.tmp"))  # no temporary files left behind


def test_resolve_then_fix_asks_each_link_once_per_period(tmp_path: Path) -> None:
    site = _copy_example(tmp_path)
    urls = [link.url for link in scan_site(load_config(site)) if link.source == SEED]
    with serve(Played(tracking_routes(urls))) as played:
        first = _links(site, "--resolve", address=played.address)
        asked = len(played.requests)
        second = _links(site, "--resolve", address=played.address)
        assert len(played.requests) == asked  # fresh answers come from the store
    assert first["summary"]["asked"] > 200 and second["summary"]["asked"] == 0
    seed = [item for item in first["links"] if item["source"] == SEED]
    assert [(item["line"], item["findings"]) for item in seed] == [
        (20, ["tracking", "redirect"]),
        (20, ["tracking", "redirect"]),
        (24, ["tracking", "redirect"]),
        (28, ["tracking", "redirect"]),
    ]
    assert seed[0]["answer"]["final_url"] == SEED_DESTINATIONS["/t/d-l-vdhduiy-l-njk/"]
    assert [hop["status"] for hop in seed[0]["answer"]["chain"]] == [302, 301, 200]
    assert (site / ".masthead-cache" / "links.sqlite").is_file()


def test_dry_run_shows_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    site = _copy_example(tmp_path)
    before = _files(site)
    urls = [link.url for link in scan_site(load_config(site))]
    with serve(Played(tracking_routes(urls))) as played:
        result = CliRunner().invoke(
            main,
            [
                "links",
                str(site),
                "--fix",
                "--dry-run",
                "--map-host",
                f"*={played.address}",
                "--host-delay",
                "0",
            ],
        )
    assert result.exit_code == 0, result.output
    assert "-Lavrov also declared" in result.output and "[[NBC](https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/)]" in result.output
    assert "--- a/content/blog/russia-north-korea-ties.md" in result.output
    assert "+Lavrov also declared" in result.output and "www.nbcnews.com/news/world/russia-lavrov" in result.output
    assert "would change" in result.output
    assert _files(site) == before


def test_unresolvable_links_are_left_alone_and_reported(make_site: MakeSite) -> None:
    text = (
        "---\r\ntemplateKey: blog-post\r\npageTitle: T\r\ndate: 2024-05-01\r\n---\r\n"
        "Dead [[AP](https://email.t.example/t/d-l-aaa-l-b/)] and live [[BBC](https://email.t.example/t/d-l-aaa-l-c/)].\r\n"
        "Clean https://www.bbc.com/news/1?utm_source=x&b=2 too.\r\n"
    )
    site = make_site({"content/blog/a.md": text})
    with serve(
        Played(
            {
                "email.t.example/t/d-l-aaa-l-b/": Route(404),
                "email.t.example/t/d-l-aaa-l-c/": Route(302, "https://www.bbc.com/news/2?mc_cid=1"),
            }
        )
    ) as played:
        report = _links(site, "--fix", address=played.address)
    after = (site / "content/blog/a.md").read_bytes()
    assert after == text.replace("https://email.t.example/t/d-l-aaa-l-c/", "https://www.bbc.com/news/2").replace("?utm_source=x&b=2", "?b=2").encode()
    assert b"\r\n" in after and after.count(b"\r\n") == text.count("\r\n")
    (left,) = report["fix"]["left"]
    assert left["line"] == 6 and "HTTP 404" in left["reason"]
    assert report["fix"]["files"] == ["content/blog/a.md"]


def test_tracking_parameters_are_cleaned_without_asking(make_site: MakeSite) -> None:
    site = make_site(
        {
            "content/blog/a.md": post().replace(
                "https://apnews.com/article/x",
                "<https://apnews.com/article/x?utm_medium=email&utm_source=a>",
            )
        }
    )
    with serve(Played({})) as played:
        _links(site, "--fix", address=played.address)
        assert played.requests == []
    assert "[[AP](<https://apnews.com/article/x>)]" in (site / "content/blog/a.md").read_text()


@pytest.mark.parametrize("unsafe", ["https://x.example/a b(c)<d>"])
def test_destinations_are_written_safely_for_markdown(unsafe: str) -> None:
    from masthead.links.fix import markdown_destination

    assert markdown_destination(unsafe) == "https://x.example/a%20b%28c%29%3Cd%3E"
