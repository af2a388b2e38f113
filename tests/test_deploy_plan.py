"""The pure parts of a deploy: headers by path, waves, CloudFront paths and their grouping, [deploy] checks."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace
from pathlib import Path

import pytest

from masthead.config import DEFAULT_MATCHERS, Matcher, load_config
from masthead.deploy import cloudfront
from masthead.deploy.matchers import Headers, content_type, encode, headers_for
from masthead.deploy.plan import ASSETS, INDEXES, PAGES, Remote, Stored, make_plan, md5, object_arguments, upload_digest, wave
from masthead.errors import MastheadError


def test_content_types_by_extension_and_name() -> None:
    assert content_type("blog/x/index.html") == "text/html; charset=utf-8"
    assert content_type("feed.xml") == "application/rss+xml; charset=utf-8"
    assert content_type("sitemap.xml") == "application/xml; charset=utf-8"
    assert content_type("_images/a-480w-0123.avif") == "image/avif"
    assert content_type("pagefind/wasm.en.pagefind") == "application/octet-stream"
    assert content_type("assets/search.js") == "text/javascript; charset=utf-8"
    assert content_type("NOEXTENSION") == "application/octet-stream"


def test_first_matching_matcher_wins_and_defaults_follow() -> None:
    matchers = (Matcher("blog/*", "no-store", "gzip"), *DEFAULT_MATCHERS)
    assert headers_for("blog/x/index.html", matchers).cache_control == "no-store"
    assert headers_for("blog/x/index.html", matchers).content_encoding == "gzip"
    assert headers_for("about/index.html", matchers).cache_control == "public, max-age=300, must-revalidate"
    assert headers_for("_images/a.webp", matchers).cache_control == "public, max-age=31536000, immutable"
    assert headers_for("pagefind/pagefind-entry.json", matchers).cache_control == "public, max-age=3600"  # not hashed
    assert encode(b"x" * 100, "gzip") == encode(b"x" * 100, "gzip")  # no timestamp: same bytes, same MD5


def test_waves() -> None:
    assert [
        wave(p)
        for p in (
            "_images/a.jpg",
            "assets/masthead.css",
            "index.html",
            "blog/a/index.html",
            "feed.json",
            "sitemap.xml",
            "sitemap-2.xml",
            "news-sitemap.xml",
            "robots.txt",
        )
    ] == [ASSETS, ASSETS, PAGES, PAGES, INDEXES, INDEXES, INDEXES, INDEXES, INDEXES]


def test_plan_compares_the_whole_upload_body_and_headers(tmp_path: Path) -> None:
    for name, data in (("a.html", b"a"), ("b.css", b"b"), ("c.jpg", b"c"), ("d.js", b"d"), ("e.txt", b"e"), ("feed.xml", b"f")):
        (tmp_path / name).write_bytes(data)

    def kept(path: str, data: bytes) -> Stored:
        return Stored(md5(data), upload_digest(md5(data), headers_for(path, DEFAULT_MATCHERS)))

    remote = {
        "a.html": Remote("a.html", md5(b"a"), 1),
        "b.css": Remote("b.css", "0" * 32 + "-2", 1),  # multipart: no MD5 ETag
        "c.jpg": Remote("c.jpg", md5(b"old"), 3),
        "d.js": Remote("d.js", md5(b"d"), 1),
        "e.txt": Remote("e.txt", md5(b"e"), 1),
        "gone.html": Remote("gone.html", "x", 1),
    }
    stored = {
        "a.html": kept("a.html", b"a"),
        "b.css": kept("b.css", b"b"),
        "c.jpg": kept("c.jpg", b"old"),
        "d.js": Stored(md5(b"d"), upload_digest(md5(b"d"), Headers("text/javascript; charset=utf-8", "no-store", ""))),  # other headers
        "e.txt": Stored(),  # not uploaded by masthead: no digest to trust
    }
    plan = make_plan(tmp_path, ["feed.xml", "e.txt", "d.js", "c.jpg", "b.css", "a.html"], remote, stored, DEFAULT_MATCHERS)
    assert [(a.kind, a.path, a.reason) for a in plan.actions] == [
        ("upload", "c.jpg", "changed"),
        ("copy", "d.js", "headers"),
        ("copy", "e.txt", "headers"),
        ("upload", "feed.xml", "new"),
        ("delete", "gone.html", "gone"),
    ]
    assert plan.unchanged == 2


def test_the_digest_covers_every_header_the_upload_sets() -> None:
    base = Headers("text/css; charset=utf-8", "public, max-age=60", "gzip")
    assert object_arguments(base) == {"ContentType": "text/css; charset=utf-8", "CacheControl": "public, max-age=60", "ContentEncoding": "gzip"}
    digests = {upload_digest(md5(b"x"), base), upload_digest(md5(b"y"), base)}
    for field in dataclass_fields(Headers):  # derived: a header added to Headers is compared too
        digests.add(upload_digest(md5(b"x"), replace(base, **{field.name: "other"})))
    assert len(digests) == 2 + len(dataclass_fields(Headers))


def test_cloudfront_paths_and_grouping() -> None:
    assert cloudfront.paths_for(["index.html", "blog/a b/index.html", "feed.xml"]) == [
        "/",
        "/blog/a%20b/",
        "/blog/a%20b/index.html",
        "/feed.xml",
        "/index.html",
    ]
    paths = [f"/blog/{n}/index.html" for n in range(5)] + [f"/tags/{n}/index.html" for n in range(5)] + ["/feed.xml"]
    assert cloudfront.grouped(paths, 11) == paths
    assert cloudfront.grouped(paths, 10) == ["/blog/*", "/feed.xml", "/tags/*"]
    assert cloudfront.grouped(paths, 2) == ["/*"]


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "masthead.toml").write_text('base_url = "https://example.org"\n' + text, encoding="utf-8")
    return tmp_path


def test_deploy_config_problems_name_the_key(tmp_path: Path) -> None:
    text = """
[deploy]
max_deletes = 0
indexnow_key = "short"
websub_hub = "hub.example.org"
targets = [{ name = "a", bucket = "b", regoin = "x" }, { name = "c" }]
matchers = [{ pattern = "*.css", content_encoding = "zstd" }]
"""
    with pytest.raises(MastheadError) as error:
        load_config(write(tmp_path, text))
    report = str(error.value)
    assert "masthead.toml:4: deploy.max_deletes: 0: expected a whole number of at least 1" in report
    assert "deploy.indexnow_key: 'short': expected 8 to 128 letters" in report
    assert "deploy.websub_hub: 'hub.example.org': expected an absolute http(s) URL" in report
    assert "deploy.targets: " in report and "entry 1: unknown key 'regoin' (did you mean \"region\"?)" in report
    assert "deploy.matchers: " in report and 'content_encoding \'zstd\': expected "gzip", "br" or nothing' in report


def test_a_header_value_cannot_carry_another_header(tmp_path: Path) -> None:
    text = '[deploy]\nmatchers = [{ pattern = "*.css", cache_control = "max-age=60\\nX-Injected: 1" }]\n'
    with pytest.raises(MastheadError, match=r"deploy.matchers: .*entry 1: cache_control: expected one line"):
        load_config(write(tmp_path, text))


def test_deploy_config_loads_targets_and_matchers(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[[deploy.targets]]\nname = "prod"\nbucket = "www"\nprefix = "site/"\n[[deploy.matchers]]\npattern = "*.css"\ncache_control = "max-age=60"\n',
        )
    )
    assert config.deploy.targets[0].bucket == "www" and config.deploy.targets[0].prefix == "site/"
    assert config.deploy.matchers == (Matcher("*.css", "max-age=60"),) and config.deploy.all_matchers[1:] == DEFAULT_MATCHERS
