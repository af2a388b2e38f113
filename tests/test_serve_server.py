"""The preview server: pages with the reload script, the overlay, last good output, port errors."""

from __future__ import annotations

import socket
from html import escape as html_escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MakeSite
from preview_helpers import request, seed_post, wait_for

from masthead.cli import main
from masthead.serve.server import ServeError, bind, is_loopback
from masthead.serve.session import Session


def page(session: Session, path: str) -> tuple[int, str]:
    status, _, data = request(session, "GET", path)
    return status, data.decode()


def test_serves_drafts_and_scheduled_posts_marked_as_such(make_site: MakeSite, tmp_path: Path) -> None:
    draft = seed_post("A draft").replace("published: true", "published: false").replace("  src: /img/photo.jpg\n", "").replace("featuredImage:\n", "")
    future = seed_post("Next year").replace("2024-12-23", "2999-01-01").replace("  src: /img/photo.jpg\n", "").replace("featuredImage:\n", "")
    site = make_site({"content/blog/a-draft.md": draft, "content/blog/next-year.md": future})
    session = Session(site, "127.0.0.1", 0)
    session.start()
    try:
        assert 'badge--draft">Draft' in page(session, "/blog/a-draft/")[1]
        assert 'badge--scheduled">Scheduled' in page(session, "/blog/next-year/")[1]
        assert not (site / "public").exists()  # the preview builds into the cache, never the output
        assert (site / ".masthead-cache/serve/blog/a-draft/index.html").is_file()
    finally:
        session.stop()


def test_pages_carry_the_reload_script_but_admin_does_not(running: Session, preview_site: Path) -> None:
    status, html = page(running, "/blog/first-briefing/")
    assert status == 200
    assert "data-masthead-reload" in html and '"file":"blog/first-briefing/index.html"' in html
    assert html.index("data-masthead-reload") < html.index("</body>")
    admin = preview_site / "static/admin"
    admin.mkdir(parents=True)
    (admin / "index.html").write_text("<!doctype html><body>admin</body>")
    (admin / "config.yml").write_text("backend: {name: proxy}\n")
    status, html = page(running, "/admin/")  # served from static/ before the rebuild copies it
    assert status == 200 and "data-masthead-reload" not in html
    status, headers, _ = request(running, "GET", "/admin/config.yml")
    assert status == 200 and headers["content-type"].startswith("text/yaml")  # Decap insists on "yaml"


def test_missing_pages_folders_and_traversal(running: Session) -> None:
    status, html = page(running, "/no/such/page/")
    assert status == 404 and '"file":"no/such/page/index.html"' in html  # reloads once the page exists
    status, headers, _ = request(running, "GET", "/blog/first-briefing?x=1")
    assert status == 301 and headers["location"] == "/blog/first-briefing/?x=1"
    assert request(running, "GET", "/../masthead.toml")[0] == 404
    assert request(running, "GET", "/%2e%2e/masthead.toml")[0] == 404
    status, headers, body = request(running, "HEAD", "/assets/masthead.css")
    assert status == 200 and headers["content-type"].startswith("text/css") and body == b""


def test_a_failed_build_keeps_the_last_good_site_and_shows_the_overlay(running: Session, preview_site: Path) -> None:
    post = preview_site / "content/blog/first-briefing.md"
    post.write_text(seed_post(body="Version two."))
    wait_for(lambda: "Version two." in page(running, "/blog/first-briefing/")[1])
    post.write_text(post.read_text().replace("pageTitle: First briefing", "pageTitle: [unclosed"))
    wait_for(lambda: running.preview.current.error)
    status, html = page(running, "/blog/first-briefing/")
    assert status == 200
    assert "Version two." in html  # the last good build, underneath
    assert 'id="masthead-overlay"' in html
    cli = CliRunner().invoke(main, ["check", str(preview_site), "--drafts", "--future"])
    problems = [line for line in cli.output.splitlines() if line[:1].isdigit()]
    assert problems and "content/blog/first-briefing.md:" in problems[0]
    for line in problems:  # the same path:line: field: message lines the CLI prints
        assert html_escape(line) in html
    assert running.preview.current.error.endswith("nothing was written.")
    post.write_text(seed_post(body="Version three."))
    wait_for(lambda: "Version three." in page(running, "/blog/first-briefing/")[1])
    assert 'id="masthead-overlay"' not in page(running, "/blog/first-briefing/")[1]


def test_a_site_that_never_built_shows_the_error_page(make_site: MakeSite) -> None:
    site = make_site({"content/blog/broken.md": "---\npageTitle: [oops\n---\n"})
    session = Session(site, "127.0.0.1", 0)
    session.start()
    try:
        status, _, data = request(session, "GET", "/")
        html = data.decode()
        assert status == 404 and 'id="masthead-overlay"' in html and "content/blog/broken.md:2:12: front matter: invalid YAML" in html
        assert "data-masthead-reload" in html
    finally:
        session.stop()


def test_a_taken_port_gives_a_clear_error_and_a_suggestion(running: Session) -> None:
    port = running.server.server_address[1]
    with pytest.raises(ServeError, match=rf"port {port} on 127.0.0.1 is already in use.*try `--port \d+`"):
        bind("127.0.0.1", port, running.preview)


def test_cli_reports_a_taken_port_without_a_traceback(running: Session) -> None:
    port = running.server.server_address[1]
    result = CliRunner().invoke(main, ["serve", str(running.site), "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "Traceback" not in result.output


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback(socket.gethostname() + ".example")


def test_a_local_only_admin_is_served_and_its_config_rules_the_api(running: Session, preview_site: Path) -> None:
    from preview_helpers import api

    from masthead.cms.init import init

    init(preview_site, "git-gateway", local_only=True)
    status, html = page(running, "/admin/")
    assert status == 200 and "decap-cms@" in html and "data-masthead-reload" not in html
    status, headers, body = request(running, "GET", "/admin/config.yml")
    assert status == 200 and headers["content-type"].startswith("text/yaml") and b"content/blog" in body
    (preview_site / "admin/config.yml").write_text("media_folder: static/img\ncollections: [{name: notes, folder: content/notes, fields: []}]\n")
    assert api(running, "getEntry", {"path": "content/blog/first-briefing.md"})[0] == 422
    assert api(running, "getEntry", {"path": "content/notes/x.md"})[0] == 200
    assert api(running, "getEntry", {"path": "admin/config.yml"})[0] == 422
    assert request(running, "GET", "/admin/.hidden")[0] == 404
