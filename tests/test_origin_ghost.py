"""`masthead import --from ghost export.json`: posts in HTML, Lexical and Mobiledoc become seed-shaped posts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from origin_sites import json_ld
from PIL import Image

from masthead.cli import main

EXPORT = Path(__file__).parent / "fixtures" / "ghost" / "export.json"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["new", str(site)]).exit_code == 0
    return site


def _front_matter(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return data


def test_import_and_build(tmp_path: Path) -> None:
    site = _site(tmp_path)
    for image in ("2024/03/pier.jpg",):  # Ghost's content/images, copied before the import (ferry.jpg is not)
        (site / "static/content/images" / image).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (800, 500), (10, 20, 30)).save(site / "static/content/images" / image)
    result = CliRunner().invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert "warning: /content/images/2024/02/ferry.jpg is not in static/: the post has no featured image" in result.output
    assert "featuredImage" not in _front_matter(site / "content/blog/ferry-strike-called-off.md")
    (site / "static/content/images/2024/02").mkdir(parents=True)
    Image.new("RGB", (800, 500), (10, 20, 30)).save(site / "static/content/images/2024/02/ferry.jpg")
    again = CliRunner().invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site), "--force"])
    assert again.exit_code == 0 and "ferry.jpg" not in again.output, again.output
    strike = _front_matter(site / "content/blog/ferry-strike-called-off.md")
    assert strike["templateKey"] == "blog-post" and strike["pageTitle"] == "Ferry strike called off"
    assert strike["metaDescription"] == "Ferry unions called off Monday's strike." and strike["published"] is True
    assert strike["featuredImage"] == {"src": "/content/images/2024/02/ferry.jpg", "alt": "A ferry at the quay"}
    assert strike["tags"] == ["Ferries"]  # the internal #newsletter tag left out
    # each byline with the page Ghost lists it on: the user's slug (users[].slug), not the name's
    assert strike["author"] == [{"name": "Ines Okafor", "url": "/author/ines/"}, {"name": "Tom Brandt", "url": "/author/tom/"}]
    assert strike["featured"] is True
    assert strike["permalink"] == "/ferry-strike-called-off/"  # Ghost's URL, /{slug}/
    assert (site / "content/blog/ferry-strike-called-off.md").read_text().split("---\n", 2)[2] == (
        "The ferry unions called off [the strike](https://news.example/strike).\n\n## Timetable\n\nBoats run as usual.\n"
    )
    lexical = (site / "content/blog/north-pier-reopens.md").read_text()
    assert "The **north pier** reopens on Monday." in lexical and "## What changes" in lexical
    assert "- [lighting](https://harbour.example/lighting)" in lexical and "![The north pier](/content/images/2024/03/pier.jpg)" in lexical
    mobiledoc = (site / "content/blog/reading-the-tide-tables.md").read_text()
    assert "Tides are published [on the tide site](https://tides.example/) every *morning*." in mobiledoc
    assert "print('high water')" in mobiledoc and "- Neap" in mobiledoc
    assert _front_matter(site / "content/blog/summer-plans.md")["published"] is False
    assert _front_matter(site / "content/pages/contact.md")["templateKey"] == "about-page"

    build = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    public = site / "public"
    page = (public / "ferry-strike-called-off/index.html").read_text(encoding="utf-8")
    data = json_ld(page)
    assert [a["name"] for a in data["author"]] == ["Ines Okafor", "Tom Brandt"] and data["datePublished"] == "2024-02-01T09:30:00Z"
    assert (public / "contact/index.html").is_file() and not (public / "summer-plans").exists()


def test_reimport_keeps_existing_posts(tmp_path: Path) -> None:
    site = _site(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site)]).exit_code == 0
    post = site / "content/blog/ferry-strike-called-off.md"
    post.write_text(post.read_text().replace("Boats run as usual.", "Edited."))
    again = runner.invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site)])
    assert "kept content/blog/ferry-strike-called-off.md (it exists; --force replaces it)" in again.output
    assert "Edited." in post.read_text()


def test_not_a_ghost_export(tmp_path: Path) -> None:
    site = _site(tmp_path)
    bad = tmp_path / "export.json"
    bad.write_text('{"db": [{"data": {}}]}')
    result = CliRunner().invoke(main, ["import", "--from", "ghost", str(bad), "--site", str(site)])
    assert result.exit_code == 1 and "db[0].data.posts: missing; expected a Ghost export with posts" in result.output


def test_tag_and_author_pages_keep_ghosts_urls(tmp_path: Path) -> None:
    """Ghost lists a tag at /tag/<slug>/ and an author at /author/<slug>/: the import sets both in
    masthead.toml, changing only those lines, and keeps a value the site sets itself."""
    site = _site(tmp_path)
    config = site / "masthead.toml"
    before = config.read_text(encoding="utf-8").splitlines()
    dry = CliRunner().invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site), "--dry-run"])
    assert 'would set masthead.toml [origin] tag_permalink = "/tag/{slug}/"' in dry.output
    assert config.read_text(encoding="utf-8").splitlines() == before
    result = CliRunner().invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert 'set masthead.toml [origin] author_permalink = "/author/{slug}/" (Ghost\'s URL)' in result.output
    after = config.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [('# tag_permalink = ""', 'tag_permalink = "/tag/{slug}/"'), ('# author_permalink = ""', 'author_permalink = "/author/{slug}/"')]
    again = CliRunner().invoke(main, ["import", "--from", "ghost", str(EXPORT), "--site", str(site), "--force"])
    assert "set masthead.toml" not in again.output and config.read_text(encoding="utf-8").splitlines() == after
    build = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    public = site / "public"
    tag_page = (public / "tag/ferries/index.html").read_text(encoding="utf-8")
    assert 'href="/ferry-strike-called-off/"' in tag_page
    assert 'href="/ferry-strike-called-off/"' in (public / "author/ines/index.html").read_text(encoding="utf-8")  # Ghost's /author/<user slug>/
    assert 'href="/ferry-strike-called-off/"' in (public / "author/tom/index.html").read_text(encoding="utf-8")
    assert not (public / "author/ines-okafor").exists() and not (public / "author/tom-brandt").exists()
    strike = (public / "ferry-strike-called-off/index.html").read_text(encoding="utf-8")
    assert 'href="/tag/ferries/"' in strike and 'href="/author/ines/"' in strike  # the byline links to the author's page
    assert [person["url"].rsplit("/", 2)[1] for person in json_ld(strike)["author"]] == ["ines", "tom"]


def test_a_sites_own_term_urls_stay(tmp_path: Path) -> None:
    from masthead.origins.ghost_urls import keep_ghost_urls

    config = tmp_path / "masthead.toml"
    config.write_text('title = "T"\n\n[origin]\ntag_permalink = "/topics/{slug}/"\n\n[tags]\n', encoding="utf-8")
    assert keep_ghost_urls(config) == ['author_permalink = "/author/{slug}/"']
    assert config.read_text(encoding="utf-8") == 'title = "T"\n\n[origin]\ntag_permalink = "/topics/{slug}/"\nauthor_permalink = "/author/{slug}/"\n\n[tags]\n'
    bare = tmp_path / "bare.toml"
    bare.write_text('title = "T"\n', encoding="utf-8")
    assert len(keep_ghost_urls(bare)) == 2
    assert bare.read_text(encoding="utf-8") == 'title = "T"\n\n[origin]\ntag_permalink = "/tag/{slug}/"\nauthor_permalink = "/author/{slug}/"\n'


def test_tags_keep_ghosts_own_slugs_and_names(tmp_path: Path) -> None:
    """Ghost slugs "Editor's picks" as editors-picks and "Новости" as novosti, not as masthead would
    (editor-s-picks, новости): the posts name those tags by Ghost's slug, so their pages stay at Ghost's
    URLs, and [tags] in masthead.toml gives them their names back."""
    import json

    data = json.loads(EXPORT.read_text(encoding="utf-8"))
    tables = data["db"][0]["data"]
    tables["tags"] = [tag for tag in tables["tags"] if tag["id"] != "t3"] + [
        {"id": "t3", "name": "Editor's picks", "slug": "editors-picks"},
        {"id": "t4", "name": "Новости", "slug": "novosti"},
    ]
    tables["posts_tags"].append({"id": "x9", "post_id": "p1", "tag_id": "t4", "sort_order": 2})
    export = tmp_path / "export.json"
    export.write_text(json.dumps(data), encoding="utf-8")
    site = _site(tmp_path)
    result = CliRunner().invoke(main, ["import", "--from", "ghost", str(export), "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert 'set masthead.toml [tags] novosti = "Новости" (the tag\'s Ghost slug is its URL)' in result.output
    strike = _front_matter(site / "content/blog/ferry-strike-called-off.md")
    assert strike["tags"] == ["Ferries", "novosti"]  # a name whose slug is Ghost's stays a name
    build = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    public = site / "public"
    assert (public / "tag/editors-picks/index.html").is_file() and (public / "tag/novosti/index.html").is_file()
    assert not (public / "tag/editor-s-picks").exists()
    novosti = (public / "tag/novosti/index.html").read_text(encoding="utf-8")
    assert "<title>Новости" in novosti
    assert "Editor&#39;s picks" in (public / "tag/editors-picks/index.html").read_text(encoding="utf-8")
    again = CliRunner().invoke(main, ["import", "--from", "ghost", str(export), "--site", str(site), "--force"])
    assert "[tags]" not in again.output  # set once
