"""Old URLs kept alive: redirect pages, _redirects and _headers parsed back, Cloudflare's limits, moved posts."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import BUILD_TIME, CONFIG, MakeSite, post
from serving import chromium, serve

from masthead.build import build
from masthead.cli import main
from masthead.config import load_config
from masthead.deploy.matchers import headers_for
from masthead.errors import MastheadError
from masthead.moved import add_alias
from masthead.render.redirects import MAX_DYNAMIC, MAX_HEADER_LINE, MAX_HEADER_RULES, MAX_RULE, MAX_STATIC, redirect_html, redirect_target

HOST_FILES = CONFIG + "\n[deploy]\nhost_files = true\n"


def with_front_matter(text: str, lines: str) -> str:
    return text.replace("teaser: A teaser.\n", f"teaser: A teaser.\n{lines}")


def parse_redirects(data: str) -> list[tuple[str, str, int]]:
    """Netlify's and Cloudflare's shared syntax: `from to [status]` a line, # comments."""
    rules = []
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split()
            assert len(parts) in (2, 3) and len(line) <= MAX_RULE
            rules.append((parts[0], parts[1], int(parts[2]) if len(parts) == 3 else 301))
    return rules


def parse_headers(data: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = ""
    for line in data.splitlines():
        if line and not line[0].isspace():
            current = line
            rules[current] = {}
        elif line.strip():
            name, _, value = line.strip().partition(": ")
            rules[current][name] = value
    return rules


def test_aliases_become_redirect_rules_and_pages(make_site: MakeSite) -> None:
    hugo = with_front_matter(post("Hugo Post"), "aliases:\n  - /2019/05/hugo-post/\n  - old-hugo\n")
    jekyll = with_front_matter(post("Jekyll Post"), "redirect_from: /jekyll.html\n")
    config = HOST_FILES + 'redirects = ["/feeds/* /feed.xml 301", "/r/:code /sources/ 302"]\n'
    site = make_site({"content/blog/hugo-post.md": hugo, "content/blog/jekyll-post.md": jekyll}, config=config)
    build(site, now=BUILD_TIME)
    public = site / "public"
    rules = parse_redirects((public / "_redirects").read_text(encoding="utf-8"))
    assert rules == [
        ("/2019/05/hugo-post/", "/blog/hugo-post/", 301),
        ("/blog/old-hugo", "/blog/hugo-post/", 301),
        ("/jekyll.html", "/blog/jekyll-post/", 301),
        ("/feeds/*", "/feed.xml", 301),
        ("/r/:code", "/sources/", 302),
    ]
    page = (public / "2019/05/hugo-post/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://test.example.org/blog/hugo-post/">' in page
    assert '<meta http-equiv="refresh" content="0; url=https://test.example.org/blog/hugo-post/">' in page
    assert (public / "blog/old-hugo/index.html").is_file() and (public / "jekyll.html").is_file()
    headers = parse_headers((public / "_headers").read_text(encoding="utf-8"))
    assert headers["/_images/*"] == {"Cache-Control": "public, max-age=31536000, immutable"}
    assert all(rule.endswith("/*") for rule in headers)  # no two rules match one path: hosts would merge them


def served_at(path: str) -> str:
    """The URL a host serves an output file at: pages at their folder."""
    return "/" + path.removesuffix("index.html") if path == "index.html" or path.endswith("/index.html") else "/" + path


def host_matches(rule: str, url: str) -> bool:
    """Cloudflare Pages' and Netlify's matching: a * (one a rule) matches any characters, "/" too."""
    return re.fullmatch(re.escape(rule).replace(r"\*", ".*"), url) is not None


def test_headers_carry_file_rules_as_the_hosts_apply_them(make_site: MakeSite) -> None:
    matchers = (
        'matchers = [{ pattern = "feed.xml", cache_control = "public, max-age=600" },'
        ' { pattern = "*.json", cache_control = "public, max-age=120", content_type = "application/json" },'
        ' { pattern = "blog/a/index.html", cache_control = "no-cache" }, { pattern = "*.html", cache_control = "no-store" }]\n'
    )
    image = "featuredImage:\n  src: /img/a.jpg\n  alt: A picture\n"
    files = {"content/blog/a.md": with_front_matter(post("A"), image), "content/blog/b.md": post("B")}
    site = make_site(files, config=HOST_FILES + matchers, images=("/img/a.jpg",))
    report = build(site, now=BUILD_TIME)
    public = site / "public"
    text = (public / "_headers").read_text(encoding="utf-8")
    assert all(len(line) <= MAX_HEADER_LINE for line in text.splitlines())
    headers = parse_headers(text)
    assert len(headers) <= MAX_HEADER_RULES
    assert headers == {
        "/feed.xml": {"Cache-Control": "public, max-age=600"},
        "/*.json": {"Cache-Control": "public, max-age=120", "Content-Type": "application/json"},
        "/blog/a/": {"Cache-Control": "no-cache"},
    }
    warned = {(problem.field, problem.message.split(";")[0]) for problem in report.warnings if problem.path == "masthead.toml"}
    assert warned == {
        ("deploy.matchers[4]", "'*.html' has no _headers rule: Netlify and Cloudflare Pages take one * a rule and serve pages at their folder URL"),
        (
            "deploy.matchers[2]",
            "'*.json' and '_images/*' can match the same file, and Netlify and Cloudflare Pages would join both headers, so _headers leaves out '_images/*'",
        ),
    }
    config = load_config(site)
    outputs = [path.relative_to(public).as_posix() for path in public.rglob("*") if path.is_file()]
    assert any(path.startswith("_images/") for path in outputs) and "feed.json" in outputs
    for path in outputs:  # every output gets at most one rule, and the one masthead's first matching matcher means
        matching = [rule for rule in headers if host_matches(rule, served_at(path))]
        assert len(matching) <= 1, (path, matching)
        if matching:
            assert headers[matching[0]]["Cache-Control"] == headers_for(path, config.deploy.all_matchers).cache_control, path
    # Narrower patterns: the default rule for the hashed images is kept.
    (site / "masthead.toml").write_text(HOST_FILES + 'matchers = [{ pattern = "data/*.json", cache_control = "public, max-age=120" }]\n', encoding="utf-8")
    build(site, now=BUILD_TIME)
    assert list(parse_headers((public / "_headers").read_text(encoding="utf-8"))) == ["/data/*.json", "/_images/*"]


def test_past_the_header_limits_is_a_clear_error(make_site: MakeSite) -> None:
    many = ", ".join(f'{{ pattern = "f{n}.txt", cache_control = "no-cache" }}' for n in range(MAX_HEADER_RULES))
    long = "x" * MAX_HEADER_LINE
    site = make_site({"content/blog/a.md": post("A")}, config=HOST_FILES + f'matchers = [{many}, {{ pattern = "long.txt", cache_control = "{long}" }}]\n')
    with pytest.raises(MastheadError) as error:
        build(site, now=BUILD_TIME)
    report = str(error.value)
    assert f"deploy.matchers: {MAX_HEADER_RULES + 2} _headers rules; expected at most {MAX_HEADER_RULES} (Cloudflare Pages' limit)" in report
    assert f"is {MAX_HEADER_LINE + len('  Cache-Control: ')} characters; expected at most {MAX_HEADER_LINE}" in report


def test_a_redirect_page_says_where_it_sends_byte_for_byte() -> None:
    page = redirect_html("https://example.org/blog/a?x=1&y=2", "en")
    assert b'href="https://example.org/blog/a?x=1&amp;y=2"' in page
    assert redirect_target(page) == "https://example.org/blog/a?x=1&y=2"
    assert redirect_target(page.replace(b"has moved", b"moved")) is None  # a page of the same shape, written by someone else
    assert redirect_target(b"<!DOCTYPE html>\n<html>") is None


def test_no_host_files_unless_asked(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": with_front_matter(post("A"), "aliases: [/old-a/]\n")})
    build(site, now=BUILD_TIME)
    assert not (site / "public/_redirects").exists() and not (site / "public/_headers").exists()
    assert (site / "public/old-a/index.html").is_file()  # pages work on every host


def test_past_cloudflares_limits_is_a_clear_error(make_site: MakeSite) -> None:
    many = "aliases:\n" + "".join(f"  - /old/{n}/\n" for n in range(MAX_STATIC + 1))
    config = HOST_FILES + "redirects = [" + ", ".join(f'"/d{n}/* /blog/:splat 301"' for n in range(MAX_DYNAMIC + 1)) + "]\n"
    long_alias = "/" + "x" * MAX_RULE + "/"
    site = make_site(
        {"content/blog/a.md": with_front_matter(post("A"), many), "content/blog/b.md": with_front_matter(post("B"), f"aliases: [{long_alias}]\n")},
        config=config,
    )
    with pytest.raises(MastheadError) as error:
        build(site, now=BUILD_TIME)
    report = str(error.value)
    assert f"{MAX_STATIC + 2} static redirects; expected at most {MAX_STATIC} (Cloudflare Pages' limit)" in report
    assert f"{MAX_DYNAMIC + 1} dynamic redirects; expected at most {MAX_DYNAMIC}" in report
    assert "content/blog/b.md:8: aliases: the _redirects rule for /xxxx" in report and f"expected at most {MAX_RULE}" in report
    assert not (site / "public").exists()


def test_an_alias_that_is_another_page_is_an_error(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A"), "content/blog/b.md": with_front_matter(post("B"), "aliases: [/blog/a/]\n")})
    with pytest.raises(MastheadError, match=r"content/blog/b.md:8: aliases: /blog/a/ is already the URL or an alias of content/blog/a.md"):
        build(site, now=BUILD_TIME)


@pytest.mark.browser
def test_redirect_pages_are_followed_in_chromium(make_site: MakeSite) -> None:
    site = make_site({"content/blog/new-home.md": with_front_matter(post("New Home"), "aliases: [/2019/old-home/, /old.html]\n")})
    (site / "public").mkdir()
    with serve(site / "public") as url, chromium() as browser:
        # The pages send readers to absolute URLs on base_url: make it this server.
        (site / "masthead.toml").write_text(CONFIG.replace("https://test.example.org", url), encoding="utf-8")
        build(site, now=BUILD_TIME)
        page = browser.new_page()
        for old in ("/2019/old-home/", "/old.html"):
            page.goto(url + old)
            page.wait_for_url(url + "/blog/new-home/")
            assert page.title().startswith("New Home")


SOURCE = b"---\r\ntemplateKey: blog-post\r\npageTitle: Moving\r\nslug: second-slug\r\ndate: 2024-05-01T10:00:00Z\r\n---\r\nBody.\r\n"


def test_add_alias_edits_only_the_front_matter() -> None:
    assert add_alias(SOURCE, "aliases", "/blog/first/", "x.md") == SOURCE.replace(b"---\r\nBody", b"aliases:\r\n  - /blog/first/\r\n---\r\nBody")
    block = b"---\naliases:\n    - /a/   # the first\ntitle: x\n---\n"
    assert add_alias(block, "aliases", "/b/", "x.md") == b"---\naliases:\n    - /a/   # the first\n    - /b/\ntitle: x\n---\n"
    flow = b"---\naliases: [/a/]\n---\n"
    assert add_alias(flow, "aliases", "/b/", "x.md") == b"---\naliases: [/a/, /b/]\n---\n"
    single = b"---\nredirect_from: /a.html\n---\n"
    assert add_alias(single, "redirect_from", "/b/", "x.md") == b"---\nredirect_from: [/a.html, /b/]\n---\n"


def test_a_moved_post_is_warned_about_and_recorded(make_site: MakeSite) -> None:
    original = post("Moving").replace("teaser: A teaser.\n", "teaser: A teaser.\nslug: first-slug\n")
    site = make_site({"content/blog/moving.md": original})
    build(site, now=BUILD_TIME)
    path = site / "content/blog/moving.md"
    path.write_text(original.replace("slug: first-slug", "slug: second-slug"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-05T12:00:00+0000"])
    assert result.exit_code == 0, result.output
    assert (
        f"{site}/content/blog/moving.md:8: warning: url: moved from /blog/first-slug/ to /blog/second-slug/; "
        "links to the old URL will break — run `masthead redirects --record`"
    ) in result.stderr
    before = path.read_bytes()
    recorded = CliRunner().invoke(main, ["redirects", str(site), "--record"])
    assert recorded.exit_code == 0, recorded.output
    assert "content/blog/moving.md: added /blog/first-slug/ to aliases" in recorded.output
    assert path.read_bytes() == before.replace(b"---\nBody", b"aliases:\n  - /blog/first-slug/\n---\nBody")
    again = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-05T12:00:00+0000"])
    assert "moved from" not in again.stderr
    assert "/blog/second-slug/" in (site / "public/blog/first-slug/index.html").read_text(encoding="utf-8")


def test_forget_drops_moves_that_were_meant(make_site: MakeSite) -> None:
    original = post("Moving").replace("teaser: A teaser.\n", "teaser: A teaser.\nslug: first-slug\n")
    site = make_site({"content/blog/moving.md": original})
    build(site, now=BUILD_TIME)
    (site / "content/blog/moving.md").write_text(original.replace("first-slug", "second-slug"), encoding="utf-8")
    assert "moved  /blog/first-slug/ -> /blog/second-slug/" in CliRunner().invoke(main, ["redirects", str(site)]).output
    CliRunner().invoke(main, ["redirects", str(site), "--forget"])
    assert "moved" not in CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-05T12:00:00+0000"]).stderr


def test_a_redirect_page_script_links_as_the_site_pages_do(make_site: MakeSite) -> None:
    """The script that leaves the page while it loads goes where the site's own links go: root-relative
    at a host's root, relative under a path (so it lands on the folder or preview it was served from);
    the canonical link and the meta refresh stay absolute, and the page is still read back byte for byte."""
    moved = with_front_matter(post("Moved"), "aliases: [/2019/05/moved/, /old.html]\n")
    at_root = make_site({"content/blog/moved.md": moved})
    build(at_root, now=BUILD_TIME)
    page = (at_root / "public/2019/05/moved/index.html").read_bytes()
    assert b'<script>location.replace("/blog/moved/")</script>' in page
    assert redirect_target(page) == "https://test.example.org/blog/moved/"
    under_path = make_site({"content/blog/moved.md": moved}, config=CONFIG.replace("test.example.org", "test.example.org/project"))
    build(under_path, now=BUILD_TIME)
    nested, flat = (under_path / "public/2019/05/moved/index.html").read_bytes(), (under_path / "public/old.html").read_bytes()
    assert b'<script>location.replace("../../../blog/moved/")</script>' in nested
    assert b'<script>location.replace("blog/moved/")</script>' in flat
    assert b'content="0; url=https://test.example.org/project/blog/moved/"' in nested
    assert redirect_target(nested) == redirect_target(flat) == "https://test.example.org/project/blog/moved/"
    elsewhere = redirect_html("https://elsewhere.example/</script>", "en")
    assert b'location.replace("https://elsewhere.example/\\u003c/script>")' in elsewhere and redirect_target(elsewhere) == "https://elsewhere.example/</script>"
