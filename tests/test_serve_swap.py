"""The atomic swap and the overlay race, proved step by step: the build's own stage hook stops the
rebuild after each stage (its files already written into the preview's output folder) and the test
asks the real server what it shows at that moment. No sleeps, no timing: every interleaving that
matters is visited."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import server_fixture
from preview_helpers import seed_post

from masthead.serve.preview import Preview
from masthead.serve.server import PreviewServer, bind

PAGES = ("/", "/blog/first-briefing/", "/about/", "/assets/masthead.css", "/img/photo.jpg")


class Running:
    def __init__(self, preview: Preview, server: PreviewServer) -> None:
        self.preview = preview
        self.server = server
        self.seen: list[tuple[str, dict[str, tuple[int, bytes]]]] = []  # (stage, path -> (status, body))

    def get(self, path: str) -> tuple[int, bytes]:
        host, port = self.server.server_address[:2]
        connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def look(self, stage: str, seconds: float) -> None:
        self.seen.append((stage, {path: self.get(path) for path in PAGES}))


@server_fixture()
def running(preview_site: Path) -> Iterator[Running]:
    holder: list[Running] = []
    preview = Preview(preview_site, hook=lambda stage, seconds: holder[0].look(stage, seconds) if holder else None)
    preview.update()
    server = bind("127.0.0.1", 0, preview)
    server.start()
    holder.append(Running(preview, server))
    yield holder[0]
    preview.close()
    server.stop()


def overlaid(body: bytes) -> bool:
    return b'id="masthead-overlay"' in body


def test_a_fixed_error_never_shows_the_new_page_under_the_old_overlay(running: Running, preview_site: Path) -> None:
    post = preview_site / "content/blog/first-briefing.md"
    post.write_text(seed_post().replace("pageTitle: First briefing", "pageTitle: [unclosed"))
    assert running.preview.update().error
    status, body = running.get("/blog/first-briefing/")
    assert status == 200 and b"The opening paragraph." in body and overlaid(body)

    post.write_text(seed_post(body="Version three."))
    running.seen.clear()
    event = running.preview.update()
    assert not event.error
    stages = [stage for stage, _ in running.seen]
    assert "render" in stages and "write" in stages  # the hook saw the build after it wrote its files
    for stage, pages in running.seen:  # until update() returns: the old page, with the overlay
        status, body = pages["/blog/first-briefing/"]
        assert status == 200 and b"The opening paragraph." in body and b"Version three." not in body, stage
        assert overlaid(body), stage
    status, body = running.get("/blog/first-briefing/")
    assert status == 200 and b"Version three." in body and not overlaid(body)


def test_a_new_error_never_shows_the_old_page_without_its_overlay_after_the_event(running: Running, preview_site: Path) -> None:
    post = preview_site / "content/blog/first-briefing.md"
    post.write_text(seed_post().replace("pageTitle: First briefing", "pageTitle: [unclosed"))
    event = running.preview.update()
    served = running.preview.served
    assert served.event is event and event.error  # the state requests read is the event just announced
    assert overlaid(running.get("/blog/first-briefing/")[1])


@pytest.mark.parametrize("clean", [False, True], ids=["incremental", "whole-folder-swap"])
def test_every_page_answers_200_at_every_stage_of_a_rebuild(running: Running, preview_site: Path, clean: bool) -> None:
    if clean:  # no trustworthy manifest: the build swaps the whole output folder
        for cache in (preview_site / ".masthead-cache").glob("*.sqlite*"):
            cache.unlink()
    (preview_site / "content/blog/first-briefing.md").write_text(seed_post(body="Rebuilt."))
    (preview_site / "content/blog/second.md").write_text(seed_post("Second briefing"))
    running.seen.clear()
    assert not running.preview.update().error
    assert len(running.seen) >= 5
    for stage, pages in running.seen:
        for path, (status, _) in pages.items():
            assert status == 200, (stage, path)
    assert running.get("/blog/second/")[0] == 200


def test_a_published_generation_never_changes_under_a_reader(running: Running, preview_site: Path) -> None:
    before = running.preview.served.folder
    assert before is not None
    page = before / "blog/first-briefing/index.html"
    old = page.read_bytes()
    (preview_site / "content/blog/first-briefing.md").write_text(seed_post(body="Changed."))
    running.preview.update()
    after = running.preview.served.folder
    assert after is not None and after != before
    assert page.read_bytes() == old and b"Changed." in (after / "blog/first-briefing/index.html").read_bytes()
