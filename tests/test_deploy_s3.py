"""masthead deploy against a real S3-compatible server (moto) on 127.0.0.1, which also answers CloudFront."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from click.testing import CliRunner
from conftest import BUILD_TIME, MakeSite, post
from deploy_helpers import Aws, Gate, deploy_config

from masthead.build import build
from masthead.cache import BuildCache
from masthead.cli import main
from masthead.config import DEFAULT_MATCHERS, load_config
from masthead.deploy import plan as planning
from masthead.deploy.matchers import headers_for
from masthead.deploy.run import DeployResult, choose_target, deploy
from masthead.deploy.s3 import Bucket
from masthead.errors import MastheadError
from masthead.render.redirects import redirect_html

ROOT = Path(__file__).resolve().parent.parent


def featured(title: str, image: str, date: str = "2024-05-01T10:00:00Z") -> str:
    return post(title, date).replace("teaser: A teaser.", f"teaser: A teaser.\nfeaturedImage:\n  src: {image}\n  alt: A picture")


MATCHERS = 'matchers = [{ pattern = "css/*", content_encoding = "gzip" }, { pattern = "js/*", content_encoding = "br", cache_control = "public, max-age=60" }]'
PLACEHOLDER = Aws("http://127.0.0.1:1", "placeholder", "placeholder")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three posts with images, built once; each test deploys a copy to its own bucket."""
    from PIL import Image

    path = tmp_path_factory.mktemp("deploy") / "site"
    files: dict[str, str] = {f"content/blog/post-{n}.md": featured(f"Post {n}", f"/img/p{n}.jpg", f"2024-05-0{n}T10:00:00Z") for n in range(1, 4)}
    files["static/css/extra.css"] = "body { color: #222 }\n" * 50
    files["static/js/extra.js"] = "console.log('masthead');\n" * 50
    files["masthead.toml"] = deploy_config(PLACEHOLDER, MATCHERS)
    for relative, text in files.items():
        (path / relative).parent.mkdir(parents=True, exist_ok=True)
        (path / relative).write_text(text, encoding="utf-8")
    (path / "static/img").mkdir()
    for n in range(1, 4):
        Image.new("RGB", (640, 400), (60 * n, 30, 90)).save(path / f"static/img/p{n}.jpg")
    build(path, now=BUILD_TIME)
    return path


@pytest.fixture
def site(built_site: Path, tmp_path: Path, aws: Aws) -> Path:
    path = tmp_path / "site"
    shutil.copytree(built_site, path)
    (path / "masthead.toml").write_text(deploy_config(aws, MATCHERS), encoding="utf-8")  # the output does not depend on it
    return path


def built(site: Path) -> dict[str, bytes]:
    public = site / "public"
    return {path.relative_to(public).as_posix(): path.read_bytes() for path in public.rglob("*") if path.is_file()}


def decoded(remote: dict[str, bytes]) -> dict[str, bytes]:
    """The bucket's bodies as the site has them (MATCHERS precompress css/ and js/)."""
    return {
        path: gzip.decompress(data) if path.startswith("css/") else brotli.decompress(data) if path.startswith("js/") else data for path, data in remote.items()
    }


def uploads_as_built(site: Path, aws: Aws) -> bool:
    """Every object's metadata digest is that of the built file's upload: body and headers as a clean deploy sets them."""
    matchers = load_config(site).deploy.all_matchers
    client = aws.s3()
    for path in built(site):
        headers = headers_for(path, matchers)
        expected = planning.upload_digest(planning.md5(planning.payload(site / "public", path, headers)), headers)
        answer = client.head_object(Bucket=aws.bucket, Key=path)
        if answer["Metadata"].get("digest") != expected or answer["ContentType"] != headers.content_type:
            return False
    return True


def run(site: Path, **options: object) -> DeployResult:
    config = load_config(site)
    return deploy(config, choose_target(config, None), **options)  # type: ignore[arg-type]


def test_first_deploy_uploads_everything_with_types_and_headers(site: Path, aws: Aws) -> None:
    result = run(site)
    local = built(site)
    assert decoded(aws.objects()) == local
    client = aws.s3()

    def head(key: str) -> dict[str, object]:
        return client.head_object(Bucket=aws.bucket, Key=key)  # type: ignore[no-any-return]

    page = head("blog/post-1/index.html")
    assert page["ContentType"] == "text/html; charset=utf-8"
    assert page["CacheControl"] == "public, max-age=300, must-revalidate"
    body = hashlib.md5(local["blog/post-1/index.html"]).hexdigest()
    assert page["Metadata"] == {"md5": body, "digest": planning.upload_digest(body, headers_for("blog/post-1/index.html", DEFAULT_MATCHERS))}
    variant = next(path for path in local if path.startswith("_images/") and path.endswith(".avif"))
    assert head(variant)["ContentType"] == "image/avif"
    assert head(variant)["CacheControl"] == "public, max-age=31536000, immutable"
    assert head("feed.xml")["ContentType"] == "application/rss+xml; charset=utf-8"
    assert head("atom.xml")["ContentType"] == "application/atom+xml; charset=utf-8"
    assert head("feed.json")["ContentType"] == "application/feed+json; charset=utf-8"
    assert head("sitemap.xml")["ContentType"] == "application/xml; charset=utf-8"
    assert head("img/p1.jpg")["ContentType"] == "image/jpeg"
    assert head("css/extra.css")["ContentEncoding"] == "gzip"
    assert head("css/extra.css")["ContentType"] == "text/css; charset=utf-8"
    assert head("js/extra.js")["ContentEncoding"] == "br"
    assert head("js/extra.js")["CacheControl"] == "public, max-age=60"
    assert head("robots.txt")["CacheControl"] == "public, max-age=3600"
    assert len(result.plan.uploads) == len(local) and not result.plan.deletes
    assert aws.invalidations() == [sorted({"/" + p for p in local} | {"/" + p.removesuffix("index.html") for p in local if p.endswith("index.html")})]


def test_progress_is_reported_and_host_files_stay_out_of_the_bucket(site: Path, aws: Aws) -> None:
    config = site / "masthead.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("[deploy]\n", "[deploy]\nhost_files = true\n"), encoding="utf-8")
    build(site, now=BUILD_TIME)
    assert (site / "public/_headers").is_file()
    reported: list[tuple[str, int, int]] = []
    run(site, progress=lambda stage, done, total: reported.append((stage, done, total)))
    total = len(built(site)) - 2
    assert reported == [("upload", done, total) for done in range(1, total + 1)]
    assert "_headers" not in aws.objects() and "_redirects" not in aws.objects()


def test_second_deploy_uploads_nothing(site: Path, aws: Aws) -> None:
    run(site)
    again = run(site)
    assert again.plan.actions == () and again.plan.unchanged == len(built(site))
    assert len(aws.invalidations()) == 1  # nothing changed: no second invalidation


def test_after_one_edit_only_the_changed_files_go_up(site: Path, aws: Aws) -> None:
    run(site)
    before = built(site)
    source = site / "content/blog/post-2.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Body of Post 2.", "Body of Post 2, corrected."), encoding="utf-8")
    build(site, now=BUILD_TIME)
    after = built(site)
    changed = sorted(path for path in after if before.get(path) != after[path])
    gone = sorted(path for path in before if path not in after)  # Pagefind renames the fragments it rewrote
    assert "blog/post-2/index.html" in changed and "blog/post-1/index.html" not in changed
    result = run(site)
    assert sorted(action.path for action in result.plan.uploads) == changed
    assert [action.path for action in result.plan.deletes] == gone
    assert {action.reason for action in result.plan.uploads if action.path in before} == {"changed"}
    assert aws.objects().keys() == after.keys()
    touched = [*changed, *gone]
    assert aws.invalidations()[-1] == sorted({"/" + p for p in touched} | {"/" + p.removesuffix("index.html") for p in touched if p.endswith("index.html")})


def heads(aws: Aws) -> dict[str, dict[str, object]]:
    client = aws.s3()
    shown = ("ContentType", "CacheControl", "ContentEncoding", "ETag", "LastModified", "Metadata")
    return {key: {name: answer.get(name) for name in shown} for key in aws.objects() for answer in [client.head_object(Bucket=aws.bucket, Key=key)]}


def requests_of(bucket: Bucket) -> list[tuple[str, str, dict[str, str], int]]:
    """Every request the bucket's client sends from now on: method, key, headers, body size."""
    sent: list[tuple[str, str, dict[str, str], int]] = []

    def record(request: object, **_: object) -> None:
        body = request.body or b""  # type: ignore[attr-defined]
        size = len(body) if isinstance(body, bytes | str) else -1
        key = request.url.split(bucket.target.bucket, 1)[-1].removeprefix("/").split("?")[0]  # type: ignore[attr-defined]
        sent.append((request.method, key, dict(request.headers), size))  # type: ignore[attr-defined]

    bucket.client.meta.events.register("before-send.s3", record)
    return sent


def test_a_changed_header_rule_gives_exactly_the_affected_objects_new_headers(site: Path, aws: Aws) -> None:
    run(site)
    before = heads(aws)
    bodies = aws.objects()
    config = site / "masthead.toml"
    css = '{ pattern = "css/*", content_encoding = "gzip"'
    rules = MATCHERS.replace(css + " }", css + ', cache_control = "public, max-age=86400" }')
    rules = rules.replace("matchers = [", 'matchers = [{ pattern = "feed.xml", cache_control = "public, max-age=600" }, ')
    config.write_text(deploy_config(aws, rules), encoding="utf-8")
    listed = CliRunner().invoke(main, ["deploy", str(site), "--dry-run"])
    assert listed.exit_code == 0, listed.output
    assert [line for line in listed.output.splitlines() if not line.startswith(("#", "invalidate"))] == [
        "copy    css/extra.css  (headers) text/css; charset=utf-8 | public, max-age=86400 | gzip",
        "copy    feed.xml  (headers) application/rss+xml; charset=utf-8 | public, max-age=600",
        f"production: would upload 0, would delete 0, would give 2 new headers, {len(bodies) - 2} unchanged in s3://{aws.bucket}",
    ]
    loaded = load_config(site)
    target = choose_target(loaded, None)
    bucket = Bucket(target)
    sent = requests_of(bucket)
    result = deploy(loaded, target, bucket=bucket)
    assert result.plan.uploads == () and result.plan.deletes == ()
    assert [(a.kind, a.path, a.reason) for a in result.plan.copies] == [("copy", "css/extra.css", "headers"), ("copy", "feed.xml", "headers")]
    writes = [(method, key, headers, size) for method, key, headers, size in sent if method in ("PUT", "POST", "DELETE")]
    assert [(method, key) for method, key, _, _ in writes] == [("PUT", "css/extra.css"), ("PUT", "feed.xml")]
    assert all(headers.get("x-amz-copy-source") and size == 0 for _, _, headers, size in writes)  # copied in place: no bytes sent
    after = heads(aws)
    assert after["css/extra.css"]["CacheControl"] == "public, max-age=86400" and after["css/extra.css"]["ContentEncoding"] == "gzip"
    assert after["feed.xml"]["CacheControl"] == "public, max-age=600"
    assert after["feed.xml"]["ContentType"] == "application/rss+xml; charset=utf-8"
    assert {key for key in after if after[key] != before[key]} == {"css/extra.css", "feed.xml"}
    assert aws.objects() == bodies
    assert aws.invalidations()[-1] == ["/css/extra.css", "/feed.xml"]
    # Nothing more to do; the two objects just written are read again once, then nothing is.
    for expected in (["css/extra.css", "feed.xml"], []):
        bucket = Bucket(target)
        sent = requests_of(bucket)
        assert deploy(loaded, target, bucket=bucket).plan.actions == ()
        assert sorted(key for method, key, _, _ in sent if method == "HEAD") == expected


def test_redirect_pages_also_redirect_on_s3_website_endpoints(make_site: MakeSite, aws: Aws) -> None:
    moved = post("A").replace("teaser: A teaser.\n", "teaser: A teaser.\naliases: [/2019/old-a/, /old-a.html]\n")
    site = make_site({"content/blog/a.md": moved, "static/moved.html": redirect_html("https://elsewhere.example/", "de")[:-1]}, config=deploy_config(aws))
    build(site, now=BUILD_TIME)
    run(site)
    client = aws.s3()
    for key in ("2019/old-a/index.html", "old-a.html"):
        answer = client.head_object(Bucket=aws.bucket, Key=key)
        assert answer["WebsiteRedirectLocation"] == "https://test.example.org/blog/a/"
        assert answer["CacheControl"] == "public, max-age=300, must-revalidate"
    for key in ("blog/a/index.html", "moved.html"):  # a page, and a file only shaped like a redirect page
        assert "WebsiteRedirectLocation" not in client.head_object(Bucket=aws.bucket, Key=key)
    assert run(site).plan.actions == ()  # the redirect is part of the compared upload


def test_deletes_are_capped_by_the_guard(site: Path, aws: Aws) -> None:
    run(site)
    client = aws.s3()
    for n in range(3):
        client.put_object(Bucket=aws.bucket, Key=f"old/{n}.html", Body=b"old")
    before = aws.objects()
    config = site / "masthead.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("[deploy]\n", "[deploy]\nmax_deletes = 2\n"), encoding="utf-8")
    with pytest.raises(MastheadError) as error:
        run(site)
    assert "would delete 3 files" in str(error.value) and "max_deletes = 2" in str(error.value)
    assert aws.objects() == before  # nothing was changed
    config.write_text(config.read_text(encoding="utf-8").replace("max_deletes = 2", "max_deletes = 3"), encoding="utf-8")
    result = run(site)
    assert [action.path for action in result.plan.deletes] == ["old/0.html", "old/1.html", "old/2.html"]
    assert not any(key.startswith("old/") for key in aws.objects())


def test_uploads_go_in_waves_and_deletes_last(site: Path, aws: Aws) -> None:
    aws.s3().put_object(Bucket=aws.bucket, Key="gone.html", Body=b"x")
    config = load_config(site)
    target = choose_target(config, None)
    bucket = Bucket(target)
    sent: list[tuple[str, str]] = []

    def record(request: object, **_: object) -> None:
        method, url = request.method, request.url  # type: ignore[attr-defined]
        if method in ("PUT", "POST"):
            sent.append((method, url.split(aws.bucket, 1)[-1].removeprefix("/")))

    bucket.client.meta.events.register("before-send.s3", record)
    deploy(config, target, bucket=bucket)
    uploads = [key for method, key in sent if method == "PUT"]
    waves = [planning.wave(key) for key in uploads]
    assert waves == sorted(waves) and set(waves) == {planning.ASSETS, planning.PAGES, planning.INDEXES}
    assert uploads.index("index.html") > max(uploads.index(key) for key in uploads if key.startswith("_images/"))
    assert uploads.index("sitemap.xml") > uploads.index("blog/post-1/index.html")
    assert sent[-1] == ("POST", "?delete")  # DeleteObjects comes after every upload
    assert "gone.html" not in aws.objects()


def test_multipart_upload_is_compared_by_its_md5_metadata(site: Path, aws: Aws) -> None:
    (site / "static/big.bin").write_bytes(os.urandom(6 * 1024 * 1024))
    build(site, now=BUILD_TIME)
    config = load_config(site)
    target = choose_target(config, None)
    deploy(config, target, multipart_threshold=5 * 1024 * 1024)
    etag = aws.s3().head_object(Bucket=aws.bucket, Key="big.bin")["ETag"].strip('"')
    assert etag.endswith("-2")  # a multipart ETag is no MD5
    again = deploy(config, target, multipart_threshold=5 * 1024 * 1024)
    assert again.plan.actions == ()


def test_force_uploads_all_and_dry_run_changes_nothing(site: Path, aws: Aws) -> None:
    result = CliRunner().invoke(main, ["deploy", str(site), "--dry-run"])
    assert result.exit_code == 0, result.output
    uploads = [line for line in result.output.splitlines() if line.startswith("upload  ")]
    assert len(uploads) == len(built(site))
    assert "upload  index.html  (new) text/html; charset=utf-8 | public, max-age=300, must-revalidate" in result.output
    assert "invalidate  /blog/post-1/" in result.output
    assert aws.objects() == {} and aws.invalidations() == []
    run(site)
    forced = run(site, force=True)
    assert len(forced.plan.uploads) == len(built(site)) and {a.reason for a in forced.plan.uploads} == {"forced"}


def test_a_prefix_keeps_the_site_in_a_folder_of_the_bucket(make_site: MakeSite, aws: Aws) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=deploy_config(aws, prefix="www/"))
    build(site, now=BUILD_TIME)
    aws.s3().put_object(Bucket=aws.bucket, Key="other/keep.txt", Body=b"not ours")
    run(site)
    assert aws.objects("www/") == built(site)
    assert "other/keep.txt" in aws.objects()  # outside the prefix: never deleted


@pytest.mark.slow
def test_a_deploy_killed_midway_is_finished_by_the_next(site: Path, aws: Aws) -> None:
    total = len(built(site))
    gate = Gate(aws.endpoint, hold_at=total // 2)
    config = site / "masthead.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(f'endpoint = "{aws.endpoint}"', f'endpoint = "{gate.url}"'), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        with subprocess.Popen(
            [sys.executable, "-m", "masthead", "deploy", str(site), "-q"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ) as process:
            reached = gate.reached.wait(120)
            process.send_signal(signal.SIGKILL)
            assert reached and process.wait(30) == -signal.SIGKILL
    finally:
        gate.close()
    partial = aws.objects()
    assert 0 < len(partial) < total
    assert aws.invalidations() == []  # killed before the invalidation
    config.write_text(config.read_text(encoding="utf-8").replace(f'endpoint = "{gate.url}"', f'endpoint = "{aws.endpoint}"'), encoding="utf-8")
    result = run(site)
    assert len(result.plan.uploads) == total - len(partial)
    assert decoded(aws.objects()) == built(site)  # ends identical to the site, bodies and headers
    assert uploads_as_built(site, aws)
    # The interrupted run's uploads are invalidated too: the journal kept them.
    assert {"/" + path for path in built(site)} <= set(aws.invalidations()[-1])
    assert not (site / ".masthead-cache/deploy-production.json").exists()


def test_deploy_needs_a_build_and_a_target(make_site: MakeSite, aws: Aws) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=deploy_config(aws))
    result = CliRunner().invoke(main, ["deploy", str(site)])
    assert result.exit_code == 1 and "run masthead build first" in result.output
    build(site, now=BUILD_TIME)
    result = CliRunner().invoke(main, ["deploy", str(site), "--target", "prodution"])
    assert result.exit_code == 1 and "no target named 'prodution' (did you mean \"production\"?)" in result.output
    assert BuildCache.open(site / ".masthead-cache").output_count() > 0


def test_a_missing_bucket_is_a_problem_not_a_traceback(make_site: MakeSite, aws: Aws) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=deploy_config(aws).replace(f'bucket = "{aws.bucket}"', 'bucket = "no-such-bucket"'))
    build(site, now=BUILD_TIME)
    result = CliRunner().invoke(main, ["deploy", str(site)])
    assert result.exit_code == 1
    assert "deploy.targets.production: bucket 'no-such-bucket': NoSuchBucket" in result.output


def test_the_command_says_what_it_did(site: Path, aws: Aws) -> None:
    result = CliRunner().invoke(main, ["deploy", str(site), "-t", "production"])
    assert result.exit_code == 0, result.output
    total = len(built(site))
    [invalidation] = aws.cloudfront().list_invalidations(DistributionId=aws.distribution)["InvalidationList"]["Items"]
    assert result.stdout.startswith(f"production: uploaded {total}, deleted 0, 0 unchanged in s3://{aws.bucket}; invalidated ")
    assert f"CloudFront paths ({invalidation['Id']})" in result.stdout
    again = CliRunner().invoke(main, ["deploy", str(site)])
    assert again.stdout == f"production: uploaded 0, deleted 0, {total} unchanged in s3://{aws.bucket}\n"
    assert CliRunner().invoke(main, ["deploy", str(site), "-q"]).stdout == ""
