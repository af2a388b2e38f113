"""``masthead cms init``: Decap's admin files generated from masthead.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import SEED, MakeSite
from preview_helpers import PAGE, seed_post

from masthead.cli import main
from masthead.cms.init import CDN_SCRIPT, admin_config, init
from masthead.config import load_config
from masthead.errors import MastheadError

SEED_KEYS = [
    "templateKey",
    "schemaType",
    "pageTitle",
    "metaDescription",
    "published",
    "date",
    "teaser",
    "featuredImage",
]


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site(
        {"content/blog/one.md": seed_post(), "content/pages/about.md": PAGE},
        images=("/img/photo.jpg",),
    )


def test_blog_fields_are_exactly_the_seed_posts(site: Path) -> None:
    assert list(yaml.safe_load(SEED.read_text(encoding="utf-8").split("---")[1])) == SEED_KEYS
    config = admin_config(load_config(site), "git-gateway")
    blog = config["collections"][0]
    assert blog["name"] == "blog" and blog["folder"] == "content/blog" and blog["create"] is True
    fields = {field["name"]: field for field in blog["fields"]}
    assert list(fields) == [*SEED_KEYS, "body"]
    assert fields["templateKey"] == {
        "label": "Template key",
        "name": "templateKey",
        "widget": "hidden",
        "default": "blog-post",
    }
    assert (
        fields["schemaType"]["widget"] == "select"
        and "NewsArticle" in fields["schemaType"]["options"]
    )
    assert fields["published"]["widget"] == "boolean" and fields["date"]["widget"] == "datetime"
    assert fields["featuredImage"]["widget"] == "object"
    assert (
        fields["featuredImage"]["fields"][0]["name"] == "src"
        and fields["featuredImage"]["fields"][0]["widget"] == "image"
    )
    assert fields["body"]["widget"] == "markdown"
    assert config["local_backend"] is True
    assert (config["media_folder"], config["public_folder"]) == ("static/img", "/img")
    assert config["backend"] == {"name": "git-gateway", "branch": "main"}


def test_pages_are_a_files_collection(site: Path) -> None:
    pages = admin_config(load_config(site), "git-gateway")["collections"][1]
    assert pages["name"] == "pages"
    assert (
        pages["files"][0]["file"] == "content/pages/about.md"
        and pages["files"][0]["label"] == "About us"
    )
    assert pages["files"][0]["fields"][0]["default"] == "about-page"


def test_names_follow_the_field_mapping_and_cms_folders(make_site: MakeSite) -> None:
    config = (
        'title = "T"\nbase_url = "https://t.org"\n[fields]\ntitle = "title"\n'
        '[cms]\nposts_folder = "posts"\nmedia_folder = "uploads"\n'
    )
    site = make_site({}, config=config)
    data = admin_config(load_config(site), "github", repo="me/site")
    assert "title" in [field["name"] for field in data["collections"][0]["fields"]]
    assert data["collections"][0]["folder"] == "content/posts"
    assert (data["media_folder"], data["public_folder"]) == ("static/uploads", "/uploads")
    assert data["backend"] == {"name": "github", "repo": "me/site", "branch": "main"}


def test_cli_writes_the_admin_files(site: Path) -> None:
    result = CliRunner().invoke(main, ["cms", "init", str(site), "--backend", "git-gateway"])
    assert result.exit_code == 0, result.output
    index = (site / "static/admin/index.html").read_text()
    assert (
        CDN_SCRIPT in index
        and 'location.origin + "/api/v1"' in index
        and "CMS_MANUAL_INIT" in index
    )
    assert (
        yaml.safe_load((site / "static/admin/config.yml").read_text())["collections"][0]["name"]
        == "blog"
    )
    again = CliRunner().invoke(main, ["cms", "init", str(site)])
    assert again.exit_code == 1 and "already exists; expected --force" in again.output
    assert CliRunner().invoke(main, ["cms", "init", str(site), "--force"]).exit_code == 0


def test_problems_are_explained(site: Path, tmp_path: Path) -> None:
    with pytest.raises(MastheadError) as caught:
        init(site, "github", self_host=True, dist=tmp_path)
    report = caught.value.report()
    assert "--repo: the github backend needs the repository; expected --repo owner/name" in report
    assert "--self-host: no copy of Decap CMS found" in report
    assert not (site / "static/admin").exists()


def test_self_host_copies_decap_next_to_the_admin(site: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    for name in ("decap-cms.js", "103.decap-cms.js", "103.decap-cms.js.map", "cms.js", "a1.wasm"):
        (dist / name).write_text(name)
    init(site, "git-gateway", self_host=True, dist=dist)
    copied = sorted(path.name for path in (site / "static/admin/decap").iterdir())
    assert copied == ["103.decap-cms.js", "a1.wasm", "decap-cms.js"]
    assert '<script src="decap/decap-cms.js">' in (site / "static/admin/index.html").read_text()


def test_the_example_admin_is_what_cms_init_writes(tmp_path: Path) -> None:
    """examples/briefing/static/admin/ is kept in step with the generator (no hand edits, no drift)."""
    import shutil

    from click.testing import CliRunner
    from conftest import EXAMPLE

    from masthead.cli import main

    site = tmp_path / "briefing"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("public", ".masthead-cache", "admin"))
    result = CliRunner().invoke(main, ["cms", "init", str(site), "--backend", "git-gateway"])
    assert result.exit_code == 0, result.output
    for name in ("config.yml", "index.html"):
        assert (site / "static/admin" / name).read_bytes() == (EXAMPLE / "static/admin" / name).read_bytes()
