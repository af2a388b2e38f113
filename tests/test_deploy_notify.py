"""IndexNow and WebSub after a deploy, against local HTTP servers; the key file and the feeds' hub links."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs

import httpx
from conftest import BUILD_TIME, MakeSite, post
from deploy_helpers import Aws, Recorder, deploy_config
from lxml import etree

from masthead.build import build
from masthead.config import load_config
from masthead.deploy import notify
from masthead.deploy.run import DeployResult, choose_target, deploy

KEY = "5e3b9d0c7a1f4e2b8c6d"


def make(make_site: MakeSite, aws: Aws, recorder: Recorder, count: int = 3) -> Path:
    extra = f'indexnow_key = "{KEY}"\nindexnow_endpoint = "{recorder.url}/indexnow"\nwebsub_hub = "{recorder.url}/hub"'
    site = make_site({f"content/blog/p{n}.md": post(f"Post {n}", f"2024-05-0{n}T10:00:00Z") for n in range(1, count + 1)}, config=deploy_config(aws, extra))
    build(site, now=BUILD_TIME)
    return site


def run(site: Path) -> DeployResult:
    config = load_config(site)
    return deploy(config, choose_target(config, None))


def indexnow_posts(recorder: Recorder) -> list[dict[str, object]]:
    return [json.loads(request.body) for request in recorder.requests if request.path == "/indexnow"]


def hub_posts(recorder: Recorder) -> list[dict[str, list[str]]]:
    return [parse_qs(request.body.decode()) for request in recorder.requests if request.path == "/hub"]


def test_key_file_and_hub_links(make_site: MakeSite, aws: Aws, recorder: Recorder) -> None:
    public = make(make_site, aws, recorder) / "public"
    assert (public / f"{KEY}.txt").read_text(encoding="ascii") == KEY
    hub = f"{recorder.url}/hub"
    rss = etree.parse(str(public / "feed.xml"))
    assert rss.xpath("//atom:link[@rel='hub']/@href", namespaces={"atom": "http://www.w3.org/2005/Atom"}) == [hub]
    atom = etree.parse(str(public / "atom.xml"))
    assert atom.xpath("/atom:feed/atom:link[@rel='hub']/@href", namespaces={"atom": "http://www.w3.org/2005/Atom"}) == [hub]
    assert json.loads((public / "feed.json").read_text(encoding="utf-8"))["hubs"] == [{"type": "WebSub", "url": hub}]


def test_one_post_of_exactly_the_changed_urls_and_a_ping_per_changed_feed(make_site: MakeSite, aws: Aws, recorder: Recorder) -> None:
    site = make(make_site, aws, recorder)
    first = run(site)
    pages = sorted(action.path for action in first.plan.uploads if action.path.endswith(".html") and action.path != "404.html")
    expected = [("https://test.example.org/" + path).removesuffix("index.html") for path in pages]
    [body] = indexnow_posts(recorder)
    assert body == {"host": "test.example.org", "key": KEY, "keyLocation": f"https://test.example.org/{KEY}.txt", "urlList": expected}
    assert "https://test.example.org/blog/p1/" in expected and "https://test.example.org/" in expected
    assert sorted(ping["hub.url"][0] for ping in hub_posts(recorder)) == [
        "https://test.example.org/atom.xml",
        "https://test.example.org/feed.json",
        "https://test.example.org/feed.xml",
    ]
    assert all(ping["hub.mode"] == ["publish"] for ping in hub_posts(recorder))

    recorder.requests.clear()
    assert run(site).plan.actions == () and recorder.requests == []  # nothing changed: nobody is told

    source = site / "content/blog/p3.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Body of Post 3.", "Body of Post 3, updated."), encoding="utf-8")
    build(site, now=BUILD_TIME)
    third = run(site)
    changed = sorted(a.path for a in third.plan.actions if a.path.endswith(".html") and a.path != "404.html")
    [body] = indexnow_posts(recorder)
    assert body["urlList"] == [("https://test.example.org/" + path).removesuffix("index.html") for path in changed]
    assert "https://test.example.org/blog/p3/" in body["urlList"] and "https://test.example.org/blog/p1/" not in body["urlList"]


def test_new_headers_alone_are_invalidated_but_not_announced(make_site: MakeSite, aws: Aws, recorder: Recorder) -> None:
    site = make(make_site, aws, recorder)
    run(site)
    recorder.requests.clear()
    config = site / "masthead.toml"
    rules = '\nmatchers = [{ pattern = "feed.xml", cache_control = "public, max-age=600" }, { pattern = "blog/*", cache_control = "no-cache" }]\n'
    config.write_text(config.read_text(encoding="utf-8").replace("[deploy]\n", "[deploy]" + rules, 1), encoding="utf-8")
    result = run(site)
    assert result.plan.uploads == () and {a.path for a in result.plan.copies} == {"feed.xml", "blog/p1/index.html", "blog/p2/index.html", "blog/p3/index.html"}
    assert recorder.requests == []  # the pages and the feed say the same: no IndexNow, no WebSub
    assert "/feed.xml" in result.invalidated and "/blog/p1/" in result.invalidated


def test_failures_warn_and_never_fail_the_deploy(make_site: MakeSite, aws: Aws, recorder: Recorder) -> None:
    site = make(make_site, aws, recorder)
    recorder.status = 500
    result = run(site)
    assert aws.objects().keys() >= {"index.html", f"{KEY}.txt"}
    assert any(w.startswith(f"IndexNow: {recorder.url}/indexnow answered 500") for w in result.warnings)
    assert any(w.startswith(f"WebSub: {recorder.url}/hub answered 500") for w in result.warnings)
    config = load_config(site)
    with httpx.Client() as client:
        unreachable = replace(config, deploy=replace(config.deploy, indexnow_endpoint="http://127.0.0.1:9/indexnow"))
        closed = notify.indexnow(unreachable, ["https://test.example.org/"], client)
    assert len(closed) == 1 and closed[0].startswith("IndexNow: http://127.0.0.1:9/indexnow: ConnectError")


def test_more_than_ten_thousand_urls_go_in_batches(make_site: MakeSite, aws: Aws, recorder: Recorder) -> None:
    config = load_config(make(make_site, aws, recorder, count=1))
    urls = [f"https://test.example.org/blog/p{n}/" for n in range(10_001)]
    with httpx.Client() as client:
        assert notify.indexnow(config, urls, client) == []
    batches = [list(body["urlList"]) for body in indexnow_posts(recorder)]  # type: ignore[call-overload]
    assert [len(batch) for batch in batches] == [10_000, 1] and batches[0] + batches[1] == urls
