"""Decap's preview pane: the entry being edited, rendered by the real server with the site's templates."""

from __future__ import annotations

import json
from html import escape

import yaml
from preview_helpers import own_origin, request, seed_post

from masthead.serve.pane import as_file, preview_script
from masthead.serve.session import Session


def fields_of(text: str) -> dict[str, object]:
    """The entry as Decap holds it in the editor: the front matter's fields plus ``body``."""
    _, front, body = text.split("---\n", 2)
    data: dict[str, object] = yaml.safe_load(front)
    data["date"] = "2024-12-23T20:53:09.844Z"  # Decap's datetime widget holds the formatted string
    data["body"] = body
    return data


def pane(session: Session, data: object, path: str = "content/blog/first-briefing.md", origin: bool = True) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if origin:
        headers["Origin"] = own_origin(session)
    status, _, body = request(session, "POST", "/_masthead/preview", json.dumps({"path": path, "data": data}).encode(), headers)
    return status, body.decode()


def test_the_pane_shows_the_page_as_masthead_renders_it(running: Session) -> None:
    data = fields_of(seed_post(title="Edited in the CMS", body="A paragraph typed a moment ago."))
    status, html = pane(running, data)
    assert status == 200
    assert "<h1" in html and "Edited in the CMS" in html and "A paragraph typed a moment ago." in html
    assert '<base href="/" target="_blank">' in html and "/assets/masthead.css" in html  # the site's own CSS
    built = request(running, "GET", "/blog/first-briefing/")[2].decode()
    assert built.split("<main", 1)[1].split(">", 1)[0] == html.split("<main", 1)[1].split(">", 1)[0]  # same template
    assert "First briefing" in built  # nothing was saved: the built page is unchanged


def test_a_new_entry_without_a_file_yet_is_rendered_too(running: Session) -> None:
    status, html = pane(running, fields_of(seed_post(title="Not saved yet")), path="")
    assert status == 200 and "Not saved yet" in html


def test_a_broken_entry_shows_the_file_line_field_message_overlay(running: Session) -> None:
    data = fields_of(seed_post())
    data["schemaType"] = "NewsArtcle"
    status, html = pane(running, data)
    assert status == 422 and 'id="masthead-overlay"' in html
    line = next(line for line in html.splitlines() if "content/blog/first-briefing.md:" in line)
    assert "schemaType" in line and escape('"NewsArticle"') in html  # did you mean
    assert html.count("content/blog/first-briefing.md:3: schemaType:") == 1


def test_the_pane_needs_the_servers_origin(running: Session) -> None:
    assert pane(running, fields_of(seed_post()), origin=False)[0] == 403


def test_malformed_pane_requests_get_json_400(running: Session) -> None:
    status, _, body = request(running, "POST", "/_masthead/preview", b"{", {"Origin": own_origin(running)})
    assert status == 400 and json.loads(body)["error"].startswith("malformed JSON")
    assert pane(running, "not an object")[0] == 400


def test_fields_become_the_file_decap_saves() -> None:
    text = as_file({"templateKey": "blog-post", "pageTitle": "T", "date": "2024-12-23T20:53:09.844Z", "tags": [], "body": "Text."})
    assert text == b"---\ntemplateKey: blog-post\npageTitle: T\ndate: '2024-12-23T20:53:09.844Z'\n---\nText.\n"


def test_the_registration_script_is_safe_in_html() -> None:
    script = preview_script(["blog", "</script><script>alert(1)"])
    assert 'CMS.registerPreviewTemplate("blog", MastheadPreview);' in script
    assert script.count("</script>") == 1
