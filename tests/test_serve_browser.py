"""Browser tests: Debian's Chromium driven by Playwright, against the real preview server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from decap_helpers import WORKFLOW_LINE, commit_site, git
from playwright.sync_api import Browser, Dialog, Page, Response, expect, sync_playwright
from preview_helpers import PAGE, request, seed_post, wait_for

from masthead.cms.init import init
from masthead.serve.session import Session

ROOT = Path(__file__).resolve().parent.parent
DECAP = ROOT / "node_modules" / "decap-cms" / "dist"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def url(session: Session, path: str) -> str:
    return f"http://localhost:{session.server.server_address[1]}{path}"


def test_a_page_reloads_when_its_own_file_changes(running: Session, preview_site: Path, page: Page) -> None:
    other = page.context.new_page()
    other.goto(url(running, "/about/"))
    page.goto(url(running, "/blog/first-briefing/"))
    page.wait_for_load_state("networkidle")
    other.evaluate("window.stayed = true")
    page.evaluate("window.stayed = true")
    (preview_site / "content/blog/first-briefing.md").write_text(seed_post(body="Edited while you watched."))
    page.wait_for_selector("text=Edited while you watched.")
    assert page.evaluate("window.stayed") is None  # the page reloaded itself
    wait_for(lambda: running.preview.current.build >= 2)
    page.wait_for_timeout(300)
    assert other.evaluate("window.stayed") is True  # the about page did not change, so it stayed


def test_a_yaml_error_shows_the_overlay_until_it_is_fixed(running: Session, preview_site: Path, page: Page) -> None:
    page.goto(url(running, "/blog/first-briefing/"))
    page.wait_for_load_state("networkidle")
    post = preview_site / "content/blog/first-briefing.md"
    post.write_text(seed_post().replace("pageTitle: First briefing", "pageTitle: [unclosed"))
    overlay = page.locator("#masthead-overlay")
    overlay.wait_for(state="visible")
    assert "content/blog/first-briefing.md:4:12: front matter: invalid YAML" in overlay.inner_text()
    assert "The opening paragraph." in page.inner_text("main")  # the last good page, underneath
    post.write_text(seed_post(body="Fixed and reloaded."))
    page.wait_for_selector("text=Fixed and reloaded.")
    assert page.locator("#masthead-overlay").count() == 0


def test_decap_writes_a_post_through_the_local_backend(make_site, page: Page) -> None:  # type: ignore[no-untyped-def]
    site = make_site(
        {"content/blog/first-briefing.md": seed_post(), "content/pages/about.md": PAGE},
        images=("/img/photo.jpg",),
    )
    init(site, "git-gateway", self_host=True, dist=DECAP)
    session = Session(site, "127.0.0.1", 0)
    session.start()
    try:
        page.goto(url(session, "/admin/"))
        page.get_by_role("button", name="Login").click()  # Decap found masthead as its local backend
        page.get_by_text("First briefing").wait_for()
        page.goto(url(session, "/admin/#/collections/blog/new"))
        page.fill("[id^=pageTitle-field]", "Browser-made briefing")
        page.fill("[id^=metaDescription-field]", "Written in Decap, saved by masthead.")
        page.fill("[id^=teaser-field]", "A teaser from the browser.")
        page.get_by_role("button", name="Now").click()
        page.get_by_role("button", name="Choose an image").click()
        page.get_by_text("photo.jpg").click()  # listed through getMedia
        page.get_by_role("button", name="Choose selected").click()
        page.click("[contenteditable=true]")
        page.keyboard.type("Body typed in the rich text editor.")
        # The preview pane shows masthead's rendering of the entry, with the site's templates and CSS.
        preview = page.frame_locator("#preview-pane").frame_locator("iframe[data-masthead-preview]")
        preview.locator("h1", has_text="Browser-made briefing").wait_for()
        preview.get_by_text("Body typed in the rich text editor.").wait_for()
        assert preview.locator("link[href*='masthead.css'], link[href*='assets/']").count() >= 1
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        page.get_by_text("Entry saved").wait_for()

        written = site / "content/blog/browser-made-briefing.md"
        wait_for(written.is_file)
        text = written.read_text()
        front, body = text.split("---\n")[1:]
        data = yaml.safe_load(front)
        date_line = next(line for line in front.splitlines() if line.startswith("date:"))
        assert re.fullmatch(r"date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", date_line), date_line  # the seed's shape
        assert list(data) == [
            "templateKey",
            "schemaType",
            "pageTitle",
            "metaDescription",
            "published",
            "date",
            "teaser",
            "featuredImage",
        ]  # the seed's shape
        assert data["templateKey"] == "blog-post" and data["schemaType"] == "BlogPosting" and data["published"] is True
        assert data["featuredImage"] == {"src": "/img/photo.jpg"}
        assert body.strip() == "Body typed in the rich text editor."

        def published() -> bool:
            status, _, html = request(session, "GET", "/blog/browser-made-briefing/")
            return status == 200 and b"Browser-made briefing" in html

        wait_for(published)
    finally:
        session.stop()


def test_decap_editorial_workflow_from_draft_to_published(make_site, page: Page) -> None:  # type: ignore[no-untyped-def]
    site = make_site({"content/blog/first-briefing.md": seed_post(), "content/pages/about.md": PAGE}, images=("/img/photo.jpg",))
    init(site, "git-gateway", self_host=True, dist=DECAP)
    config = site / "static/admin/config.yml"
    config.write_text(config.read_text().replace("local_backend: true\n", "local_backend: true\n" + WORKFLOW_LINE))
    commit_site(site)
    session = Session(site, "127.0.0.1", 0)
    session.start()
    try:
        page.goto(url(session, "/admin/"))
        page.get_by_role("button", name="Login").click()
        page.get_by_text("First briefing").wait_for()
        page.goto(url(session, "/admin/#/collections/blog/new"))
        page.fill("[id^=pageTitle-field]", "Reviewed briefing")
        page.fill("[id^=metaDescription-field]", "Written, reviewed, then published.")
        page.fill("[id^=teaser-field]", "A teaser under review.")
        page.click("[contenteditable=true]")
        page.keyboard.type("A body under review.")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("Entry saved").wait_for()
        branch = "cms/blog/reviewed-briefing"

        wait_for(lambda: git(site, "branch", "--list", branch).strip() == branch)
        assert not (site / "content/blog/reviewed-briefing.md").exists()  # a draft lives on its branch only
        assert git(site, "config", f"branch.{branch}.description").strip() == "decap-cms/draft"
        status, _, html = request(session, "GET", "/_masthead/unpublished/blog/reviewed-briefing/")
        assert status == 200 and b"Reviewed briefing" in html

        page.get_by_role("button", name="Status: Draft").click()
        page.get_by_text("Ready", exact=True).click()
        wait_for(lambda: git(site, "config", f"branch.{branch}.description").strip() == "decap-cms/pending_publish")
        page.get_by_role("button", name="Publish", exact=True).click()
        page.once("dialog", lambda dialog: dialog.accept())  # Decap asks "Are you sure you want to publish this entry?"
        page.get_by_text("Publish now").click()
        written = site / "content/blog/reviewed-briefing.md"
        wait_for(lambda: git(site, "branch", "--list", branch) == "")  # merged (the file is in the working tree), then dropped
        assert written.is_file()
        data = yaml.safe_load(written.read_text().split("---\n")[1])
        assert data["pageTitle"] == "Reviewed briefing" and data["templateKey"] == "blog-post"

        def published() -> bool:
            status, _, html = request(session, "GET", "/blog/reviewed-briefing/")
            return status == 200 and b"Reviewed briefing" in html

        wait_for(published)
    finally:
        session.stop()


def test_decap_edits_uploads_and_deletes(make_site, page: Page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    site = make_site(
        {"content/blog/first-briefing.md": seed_post(), "content/blog/second.md": seed_post("Second"), "content/pages/about.md": PAGE},
        images=("/img/photo.jpg",),
    )
    init(site, "git-gateway", self_host=True, dist=DECAP)
    upload = tmp_path / "uploaded-photo.png"
    Image.new("RGB", (64, 48), (20, 120, 200)).save(upload)
    session = Session(site, "127.0.0.1", 0)
    session.start()
    try:
        page.goto(url(session, "/admin/"))
        page.get_by_role("button", name="Login").click()
        page.get_by_text("First briefing").wait_for()
        # Edit: change the title of an existing post, keeping its other keys and its date as they were.
        page.goto(url(session, "/admin/#/collections/blog/entries/first-briefing"))
        title = page.locator("[id^=pageTitle-field]")
        title.wait_for()
        assert title.input_value() == "First briefing"  # the [fields] mapping: existing posts open with their titles
        title.fill("First briefing, revised")
        page.get_by_role("button", name="Choose different image").or_(page.get_by_role("button", name="Choose an image")).first.click()
        page.locator("input[type=file]").set_input_files(str(upload))  # saved with the entry, as one of its assets
        page.get_by_text("uploaded-photo.png").first.wait_for()
        page.get_by_role("button", name="Choose selected").click()
        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Publish now").click()
        # Decap shows "Entry saved" before it reloads the media library (the entry carried an asset)
        # and only then marks the entry unchanged; leaving earlier asks "leave this page?". The
        # toolbar's "Published" replaces "Publish" exactly when the entry is unchanged.
        page.get_by_role("button", name="Published").wait_for()
        post = site / "content/blog/first-briefing.md"
        wait_for(lambda: "First briefing, revised" in post.read_text())
        text = post.read_text()
        assert "date: 2024-12-23T20:53:09.844Z\n" in text  # untouched, in the seed's format
        assert yaml.safe_load(text.split("---\n")[1])["featuredImage"]["src"] == "/img/uploaded-photo.png"
        assert (site / "static/img/uploaded-photo.png").read_bytes() == upload.read_bytes()
        # Delete: the other post goes, through deleteFiles.
        asked: list[str] = []

        def answer(dialog: Dialog) -> None:
            asked.append(dialog.message)
            dialog.accept() if dialog.message == "Are you sure you want to delete this published entry?" else dialog.dismiss()

        page.on("dialog", answer)
        # As a person does: back to the list, then the entry. (A hash change from one entry straight
        # to another keeps Decap's mounted editor, and the draft of the previous entry, on screen.)
        page.goto(url(session, "/admin/#/collections/blog"))
        page.get_by_role("link", name=re.compile("^Second")).click()
        expect(title).to_have_value("Second")  # the editor of the post to delete

        def deletes(response: Response) -> bool:
            return response.url.endswith("/api/v1") and b'"deleteFiles"' in (response.request.post_data_buffer or b"")

        with page.expect_response(deletes) as deleted:
            page.get_by_role("button", name="Delete entry").click()
        assert asked == ["Are you sure you want to delete this published entry?"]  # no "leave this page?"
        assert deleted.value.status == 200 and deleted.value.json() == {"message": "deleted files content/blog/second.md"}
        assert not (site / "content/blog/second.md").exists()  # removed before the reply was sent
        page.wait_for_url("**/#/collections/blog")  # Decap returns to the list once deleteFiles answered
        assert (site / "content/blog/first-briefing.md").is_file()
    finally:
        session.stop()
