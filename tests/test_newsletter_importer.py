"""``masthead import``: fixture issues to draft posts that validate and build; no duplicates;
tracking links resolved against a local server playing the tracking services."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BUILD_TIME, MakeSite
from link_server import SEED_DESTINATIONS, Played, serve, tracking_routes
from newsletter_helpers import ALL_ISSUES, CAMPAIGN_MONITOR, CONFIG, FIXTURES, MAILCHIMP, SAVED_HTML

from masthead.build import build
from masthead.cli import main
from masthead.config import load_config
from masthead.content.entries import parse_entry
from masthead.links.audit import settings_for
from masthead.links.store import open_store
from masthead.newsletter.importer import ImportOptions, import_issues
from masthead.options import BuildOptions

SEED_POST = "content/blog/russian-foreign-minister-praises-ties-with-north-korea.md"
EXPECTED = FIXTURES / "expected" / "russian-foreign-minister-praises-ties-with-north-korea.md"
KEYS = ["templateKey", "schemaType", "pageTitle", "metaDescription", "published", "date", "teaser", "featuredImage", "newsletterId"]


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


def _posts(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted((site / "content").rglob("*.md"))}


def test_every_fixture_imports_into_drafts_that_validate_and_build(site: Path) -> None:
    config = load_config(site)
    report = import_issues(config, ALL_ISSUES, ImportOptions(keep_tracking=True, now=BUILD_TIME))
    assert [post.action for post in report.posts].count("created") == 7
    assert [post.action for post in report.posts].count("exists") == 2  # the mbox repeats mailchimp.eml
    posts = _posts(site)
    assert len(posts) == 7
    for source, text in posts.items():
        result = parse_entry(source, text.encode("utf-8"), config)
        assert result.entry is not None, result.problems
        assert [p for p in result.problems if not p.warning and "alt" not in p.message] == []
        assert result.entry.draft and result.entry.is_post
        keys = re.findall(r"^(\w+):", text.split("\n---\n", 1)[0], re.MULTILINE)
        assert keys == [key for key in KEYS if key in keys] and keys[:7] == KEYS[:7]  # the seed's order
    built = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert built.site is not None and len(built.site.posts) == 7
    page = (site / "public/blog/eu-readies-a-16th-sanctions-package/index.html").read_text("utf-8")
    assert "<blockquote>" in page and 'class="citation"' in page
    tariffs = posts["content/blog/washington-s-tariffs-reach-its-partners.md"]
    assert "src: /img/port.jpg" in tariffs  # its remote image is not fetched: the topic image stands in
    assert "utm_source" in tariffs  # --keep-tracking: as in the email
    assert "date: 2024-12-23T20:53:09.000Z" in posts[SEED_POST]
    image = re.search(r"src: (/img/newsletter/\w+\.png)", posts[SEED_POST])
    assert image and (site / "static" / image.group(1).lstrip("/")).read_bytes().startswith(b"\x89PNG")


def test_reimport_never_duplicates_and_force_overwrites_in_place(site: Path) -> None:
    config = load_config(site)
    import_issues(config, [CAMPAIGN_MONITOR], ImportOptions(keep_tracking=True))
    path = site / SEED_POST
    path.write_text(path.read_text("utf-8").replace("published: false", "published: true"), "utf-8")  # an editor's change
    again = import_issues(config, [CAMPAIGN_MONITOR], ImportOptions(keep_tracking=True))
    assert [post.action for post in again.posts] == ["exists", "exists"]
    assert "published: true" in path.read_text("utf-8") and len(_posts(site)) == 2
    forced = import_issues(config, [CAMPAIGN_MONITOR], ImportOptions(keep_tracking=True, force=True))
    assert [post.action for post in forced.posts] == ["overwritten", "overwritten"]
    assert "published: false" in path.read_text("utf-8") and len(_posts(site)) == 2


def test_a_different_post_with_the_same_title_is_never_overwritten(site: Path) -> None:
    other = site / SEED_POST
    other.parent.mkdir(parents=True)
    other.write_text("---\npageTitle: mine\n---\nmine\n", "utf-8")
    report = import_issues(load_config(site), [CAMPAIGN_MONITOR], ImportOptions(keep_tracking=True))
    assert report.posts[0].path == SEED_POST.replace(".md", "-2.md")
    assert other.read_text("utf-8") == "---\npageTitle: mine\n---\nmine\n"


def test_dry_run_writes_nothing(site: Path) -> None:
    report = import_issues(load_config(site), [CAMPAIGN_MONITOR, MAILCHIMP], ImportOptions(dry_run=True, keep_tracking=True))
    assert {post.action for post in report.posts} == {"would create"}
    assert len(report.images) == 2
    assert _posts(site) == {} and not (site / "static/img/newsletter").exists()


def test_seed_shaped_issue_resolves_its_links_against_local_servers_into_the_expected_post(site: Path) -> None:
    urls = [f"https://email.cpg-online.de{path}" for path in SEED_DESTINATIONS]
    urls += ["https://email.cpg-online.de/t/d-l-vdhduiy-l-nyd/", "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDEE"]
    with serve(Played(tracking_routes(urls))) as played:
        config = load_config(site)
        settings = settings_for(config, False, {"*": played.address}, host_delay=0)
        report = import_issues(config, [CAMPAIGN_MONITOR], ImportOptions(settings=settings))
    assert report.posts[0].cleaned == 4 and report.posts[0].left == ()
    text = (site / SEED_POST).read_text("utf-8")
    assert text == EXPECTED.read_text("utf-8")
    assert "email.cpg-online.de" not in text and "utm_" not in text
    with open_store(config) as store:  # the answers are kept in the links issue's store
        assert store.get("https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/").outcome == "ok"  # type: ignore[union-attr]


def test_cli_import_prints_the_summary_and_routes_hosts_for_tests(site: Path) -> None:
    urls = ["https://cpg.us12.list-manage.com/track/click?u=3f1b2c&id=" + name + "&e=9a8b7c" for name in ("a1", "a2", "a3", "b1")]
    with serve(Played(tracking_routes(urls))) as played:
        result = CliRunner().invoke(
            main,
            ["import", "--site", str(site), str(MAILCHIMP), str(SAVED_HTML), "--map-host", f"*={played.address}", "--host-delay", "0"],
            env={"COLUMNS": "250"},
        )
    assert result.exit_code == 0, result.output
    assert "South Korea sets a date for its snap presidential election" in result.output and "created" in result.output
    assert "image https://mcusercontent.com/3f1b2c/images/ is not a JPEG" in result.output  # downloaded; the test server sends HTML
    assert "4 new draft posts" in result.output
    korea = (site / "content/blog/south-korea-sets-a-date-for-its-snap-presidential-election.md").read_text("utf-8")
    assert "[[Yonhap](https://news.example/story/0?id=0)]" in korea  # resolved, tracking parameters stripped
    assert "[Read More](https://news.example/story/2?id=2)" in korea
    tariffs = (site / "content/blog/washington-s-tariffs-reach-its-partners.md").read_text("utf-8")
    assert "[[Reuters](https://www.reuters.com/markets/tariffs)]" in tariffs  # parameters stripped without asking
    again = CliRunner().invoke(main, ["import", "--site", str(site), str(MAILCHIMP), "--keep-tracking"], env={"COLUMNS": "250"})
    assert again.exit_code == 0 and "exists" in again.output and "0 new draft posts" in again.output


def test_an_issue_without_headings_is_one_post_titled_by_its_subject(site: Path, tmp_path: Path) -> None:
    issue = tmp_path / "flat.html"
    issue.write_text("<html><head><title>A letter from the editor</title></head><body><p>No headings at all.</p></body></html>", "utf-8")
    result = CliRunner().invoke(main, ["import", "--site", str(site), str(issue)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    text = _posts(site)["content/blog/a-letter-from-the-editor.md"]
    assert "pageTitle: A letter from the editor" in text and text.endswith("---\nNo headings at all.\n")


def test_an_issue_with_nothing_in_it_is_an_error(site: Path, tmp_path: Path) -> None:
    issue = tmp_path / "empty.eml"
    issue.write_bytes(b"From: a@example.org\r\nContent-Type: text/html\r\n\r\n<html><body></body></html>\r\n")
    result = CliRunner().invoke(main, ["import", "--site", str(site), str(issue)])
    assert result.exit_code == 1
    assert "empty.eml: no stories: no text and no subject found" in result.output and _posts(site) == {}
