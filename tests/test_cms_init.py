"""``masthead cms init``: Decap's admin files generated from masthead.toml, or fitted to a site's own."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLE, SEED, MakeSite
from preview_helpers import PAGE, seed_post

from masthead.cli import main
from masthead.cms import decap
from masthead.cms.init import DATE_FORMAT, admin_config, init
from masthead.config import load_config
from masthead.errors import MastheadError

REPOSITORY = Path(__file__).resolve().parents[1]
NPM_DIST = REPOSITORY / "node_modules/decap-cms/dist"
SEED_KEYS = ["templateKey", "schemaType", "pageTitle", "metaDescription", "published", "date", "teaser", "featuredImage"]
# A starter's config.yml, in the shape of decap's gatsby starter (static/admin/config.yml there).
STARTER_CONFIG = """\
backend:
  name: git-gateway
  branch: master
media_folder: static/img
public_folder: /img
collections:
  - name: "blog"
    label: "Blog"
    folder: "src/pages/blog"
    create: true
    slug: "{{year}}-{{month}}-{{day}}-{{slug}}"
    fields:
      - {label: "Template Key", name: "templateKey", widget: "hidden", default: "blog-post"}
      - {label: "Title", name: "title", widget: "string"}
      - {label: "Publish Date", name: "date", widget: "datetime"}
      - {label: "Description", name: "description", widget: "text"}
      - {label: "Featured Post", name: "featuredpost", widget: "boolean"}
      - {label: "Featured Image", name: "featuredimage", widget: image}
      - {label: "Body", name: "body", widget: "markdown"}
      - {label: "Tags", name: "tags", widget: "list"}
  - name: "pages"
    label: "Pages"
    files:
      - file: "src/pages/about/index.md"
        label: "About"
        name: "about"
        fields:
          - {label: "Template Key", name: "templateKey", widget: "hidden", default: "about-page"}
          - {label: "Title", name: "title", widget: "string"}
          - {label: "Body", name: "body", widget: "markdown"}
  - name: "products"
    label: "Products"
    folder: "src/pages/products"
    fields:
      - {label: "Heading", name: "heading", widget: "string"}
      - {label: "Intro", name: "intro", widget: "text"}
"""


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({"content/blog/one.md": seed_post(), "content/pages/about.md": PAGE}, images=("/img/photo.jpg",))


def blog_fields(site: Path) -> dict[str, dict[str, object]]:
    config = admin_config(load_config(site), "git-gateway")
    return {str(field["name"]): field for field in config["collections"][0]["fields"]}


def test_blog_fields_are_the_seed_posts_then_tags_and_author(site: Path) -> None:
    assert list(yaml.safe_load(SEED.read_text(encoding="utf-8").split("---")[1])) == SEED_KEYS
    config = admin_config(load_config(site), "git-gateway")
    blog = config["collections"][0]
    assert blog["name"] == "blog" and blog["folder"] == "content/blog" and blog["create"] is True
    fields = blog_fields(site)
    assert list(fields) == [*SEED_KEYS, "tags", "author", "body"]
    assert fields["templateKey"] == {"label": "Template key", "name": "templateKey", "widget": "hidden", "default": "blog-post"}
    assert fields["schemaType"]["widget"] == "select" and "NewsArticle" in fields["schemaType"]["options"]  # type: ignore[operator]
    assert fields["tags"]["widget"] == "list" and fields["author"]["widget"] == "string"
    image = fields["featuredImage"]
    assert image["widget"] == "object"
    assert [(sub["name"], sub["widget"]) for sub in image["fields"]] == [("src", "image"), ("alt", "string")]  # type: ignore[attr-defined]
    assert config["local_backend"] is True
    assert (config["media_folder"], config["public_folder"]) == ("static/img", "/img")


def test_the_datetime_widget_writes_the_seeds_utc_format(site: Path) -> None:
    date = blog_fields(site)["date"]
    assert date == {"label": "Date", "name": "date", "widget": "datetime", "format": "YYYY-MM-DD[T]HH:mm:ss.SSS[Z]", "picker_utc": True, "default": "{{now}}"}
    # Day.js tokens: the seed's 2024-12-23T20:53:09.844Z is YYYY-MM-DD T HH:mm:ss.SSS Z, literal T and Z.
    assert DATE_FORMAT.replace("[T]", "T").replace("[Z]", "Z") == "YYYY-MM-DDTHH:mm:ss.SSSZ"


def test_pages_are_a_files_collection(site: Path) -> None:
    pages = admin_config(load_config(site), "git-gateway")["collections"][1]
    assert pages["name"] == "pages"
    assert pages["files"][0]["file"] == "content/pages/about.md" and pages["files"][0]["label"] == "About us"
    assert pages["files"][0]["fields"][0]["default"] == "about-page"


def test_names_follow_the_field_mapping_and_cms_folders(make_site: MakeSite) -> None:
    config = (
        'title = "T"\nbase_url = "https://t.org"\n[fields]\ntitle = "title"\ndescription = "summary"\n'
        'image = "cover"\ndate = "publishDate"\n[cms]\nposts_folder = "posts"\nmedia_folder = "uploads"\n'
    )
    site = make_site({}, config=config)
    data = admin_config(load_config(site), "github", repo="me/site")
    names = [field["name"] for field in data["collections"][0]["fields"]]
    assert {"title", "summary", "cover", "publishDate"} <= set(names) and "pageTitle" not in names
    assert data["collections"][0]["identifier_field"] == "title" and data["collections"][0]["summary"] == "{{title}}"
    assert data["collections"][0]["folder"] == "content/posts"
    assert (data["media_folder"], data["public_folder"]) == ("static/uploads", "/uploads")
    assert data["backend"] == {"name": "github", "repo": "me/site", "branch": "main"}


def test_the_admin_pins_decap_with_an_integrity_hash(site: Path) -> None:
    result = CliRunner().invoke(main, ["cms", "init", str(site), "--backend", "git-gateway"])
    assert result.exit_code == 0, result.output
    index = (site / "static/admin/index.html").read_text()
    assert (
        f'<script src="https://unpkg.com/decap-cms@{decap.DECAP_VERSION}/dist/decap-cms.js" integrity="{decap.DECAP_SRI}" crossorigin="anonymous"></script>'
    ) in index
    assert "^" not in index and "%5E" not in index
    assert 'location.origin + "/api/v1"' in index and "CMS_MANUAL_INIT" in index
    assert '<link rel="icon" href="../favicon.svg"' in index  # the site's icon: no request for a /favicon.ico nobody wrote


def test_the_pinned_hash_is_the_npm_bundles() -> None:
    """The constants match the decap-cms the test suite installs from npm (package.json pins it)."""
    import json

    assert json.loads((REPOSITORY / "package.json").read_text())["devDependencies"]["decap-cms"] == decap.DECAP_VERSION
    assert decap.dist_version(NPM_DIST) == decap.DECAP_VERSION
    digest = base64.b64encode(hashlib.sha384((NPM_DIST / "decap-cms.js").read_bytes()).digest()).decode()
    assert decap.DECAP_SRI == f"sha384-{digest}" == decap.sri_of((NPM_DIST / "decap-cms.js").read_bytes())


def test_self_host_copies_the_minified_bundle_without_source_maps(site: Path) -> None:
    done = init(site, "git-gateway", self_host=True, dist=NPM_DIST)
    copied = {path.name for path in (site / "static/admin/decap").iterdir()}
    assert "decap-cms.js" in copied and not any(name.endswith(".map") for name in copied)
    assert "cms.js" not in copied and all(name == "decap-cms.js" or name.endswith((".decap-cms.js", ".wasm", ".LICENSE.txt")) for name in copied)
    chunks = {path.name for path in NPM_DIST.glob("*.decap-cms.js")}
    assert chunks <= copied  # every chunk the bundle may load
    size = sum(path.stat().st_size for path in (site / "static/admin/decap").iterdir())
    assert size < 0.2 * sum(path.stat().st_size for path in NPM_DIST.iterdir())
    index = (site / "static/admin/index.html").read_text()
    assert f'<script src="decap/decap-cms.js" integrity="{decap.DECAP_SRI}" crossorigin="anonymous">' in index
    assert site / "static/admin/decap" in done.written


def test_self_host_refuses_another_decap_release(site: Path, tmp_path: Path) -> None:
    dist = tmp_path / "decap-cms/dist"
    dist.mkdir(parents=True)
    (dist / "decap-cms.js").write_text("console.log('3.0.0')")
    (dist.parent / "package.json").write_text('{"version": "3.0.0"}')
    with pytest.raises(MastheadError) as caught:
        init(site, "git-gateway", self_host=True, dist=dist)
    assert f"holds decap-cms 3.0.0, whose bundle does not match the pinned {decap.DECAP_VERSION}" in caught.value.report()
    assert not (site / "static/admin").exists()


def test_local_only_writes_an_admin_that_is_served_but_never_built(site: Path) -> None:
    from masthead.build import build

    init(site, "git-gateway", self_host=True, dist=NPM_DIST, local_only=True)
    assert (site / "admin/index.html").is_file() and (site / "admin/decap/decap-cms.js").is_file()
    assert not (site / "static/admin").exists()
    build(site)
    assert not (site / "public/admin").exists()


def test_problems_are_explained(site: Path, tmp_path: Path) -> None:
    with pytest.raises(MastheadError) as caught:
        init(site, "github", self_host=True, dist=tmp_path)
    report = caught.value.report()
    assert "--repo: the github backend needs the repository; expected --repo owner/name" in report
    assert "--self-host: no copy of Decap CMS found" in report
    assert not (site / "static/admin").exists()


def test_an_existing_config_is_kept_the_admin_page_written_and_its_fields_reported(site: Path) -> None:
    admin = site / "static/admin"
    admin.mkdir(parents=True)
    (admin / "config.yml").write_text(STARTER_CONFIG)
    result = CliRunner().invoke(main, ["cms", "init", str(site)])
    assert result.exit_code == 0, result.output
    assert (admin / "config.yml").read_text() == STARTER_CONFIG
    assert (admin / "index.html").is_file() and decap.DECAP_SRI in (admin / "index.html").read_text()
    lines = result.output.splitlines()
    assert f"wrote {admin / 'index.html'}" in lines and f"kept {admin / 'config.yml'} (--force replaces it)" in lines
    blog = next(line for line in lines if line.startswith("collection blog"))
    assert blog.startswith(
        "collection blog (src/pages/blog): masthead reads templateKey → template, title, date, "
        "description, featuredpost → featured, featuredimage → image, body → the text, tags"
    )
    assert "not masthead fields" not in blog and "missing" not in blog
    pages = next(line for line in lines if line.startswith("collection pages"))
    assert pages == "collection pages (files): masthead reads templateKey → template, title, body → the text"
    products = next(line for line in lines if line.startswith("collection products"))
    assert "not masthead fields (kept as extra for templates): heading, intro" in products
    assert "missing title: expected one of pageTitle, title" in products and "date: expected one of date" in products


def test_force_replaces_an_existing_config(site: Path) -> None:
    admin = site / "static/admin"
    admin.mkdir(parents=True)
    (admin / "config.yml").write_text(STARTER_CONFIG)
    (admin / "index.html").write_text("<p>mine</p>")
    again = CliRunner().invoke(main, ["cms", "init", str(site)])
    assert again.exit_code == 0 and (admin / "index.html").read_text() == "<p>mine</p>"
    assert CliRunner().invoke(main, ["cms", "init", str(site), "--force"]).exit_code == 0
    assert yaml.safe_load((admin / "config.yml").read_text())["collections"][0]["folder"] == "content/blog"
    assert decap.DECAP_SRI in (admin / "index.html").read_text()


def test_a_broken_existing_config_is_reported_with_its_line(site: Path) -> None:
    admin = site / "static/admin"
    admin.mkdir(parents=True)
    (admin / "config.yml").write_text("backend:\n  name: [git-gateway\n")
    result = CliRunner().invoke(main, ["cms", "init", str(site)])
    assert result.exit_code == 1 and "static/admin/config.yml:" in result.output and "invalid YAML" in result.output
    assert "Traceback" not in result.output


def test_the_example_admin_is_what_cms_init_writes(tmp_path: Path) -> None:
    """examples/briefing/static/admin/ is kept in step with the generator (no hand edits, no drift)."""
    site = tmp_path / "briefing"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("public", ".masthead-cache", "admin"))
    result = CliRunner().invoke(main, ["cms", "init", str(site), "--backend", "git-gateway"])
    assert result.exit_code == 0, result.output
    for name in ("config.yml", "index.html"):
        assert (site / "static/admin" / name).read_bytes() == (EXAMPLE / "static/admin" / name).read_bytes()
