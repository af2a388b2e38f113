"""Live reload over server-sent events: edits become events naming the pages that changed."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

from preview_helpers import seed_post

from masthead.serve.reload import script
from masthead.serve.session import Session


def events(session: Session) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    host, port = session.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=15)
    connection.request("GET", "/_masthead/events")
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
    return connection, response


def next_event(response: http.client.HTTPResponse) -> tuple[str, dict[str, object]]:
    kind, data = "", ""
    while True:
        line = response.fp.readline().decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif not line and kind:
            return kind, json.loads(data)


def test_an_edit_becomes_an_event_naming_its_page(running: Session, preview_site: Path) -> None:
    connection, response = events(running)
    try:
        assert next_event(response) == ("state", {"build": 1, "error": ""})
        (preview_site / "content/blog/first-briefing.md").write_text(seed_post(body="Edited."))
        kind, data = next_event(response)
        assert kind == "build" and data["build"] == 2 and data["error"] == "" and data["all"] is False
        assert "blog/first-briefing/index.html" in data["files"]  # type: ignore[operator]
        assert "about/index.html" not in data["files"]  # type: ignore[operator]
        (preview_site / "content/blog/first-briefing.md").write_text("---\npageTitle: [\n---\n")
        kind, data = next_event(response)
        assert data["build"] == 2 and data["error"] != "" and data["files"] == []
    finally:
        connection.close()


def test_a_changed_stylesheet_reloads_every_page(running: Session, preview_site: Path) -> None:
    connection, response = events(running)
    try:
        next_event(response)
        (preview_site / "static/site.css").write_text("body { color: red }")
        kind, data = next_event(response)
        assert data["all"] is True and "site.css" in data["files"]  # type: ignore[operator]
    finally:
        connection.close()


def test_the_script_is_inline_and_escapes_its_data(running: Session) -> None:
    html = script("</script><script>alert(1)</script>", running.preview.current)
    assert "<script>alert(1)" not in html and "\\u003c/script\\u003e" in html
    assert "src=" not in html  # inline: no CDN, nothing to fetch
