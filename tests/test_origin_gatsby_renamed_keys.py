"""A gatsby-starter-netlify-cms site whose template keys were renamed (BlogPost, PodCast, MusicAlbum),
with Japanese file names and siteMetadata.lang: built with `masthead init && masthead build`."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# createFilePath keeps a file's name as it is (Japanese, a full-width colon); the `slug` front matter
# key is not read by it. Tag pages are /tags/<kebab-case>/ of every page's tags; blog/index.tsx and
# podcasts/index.tsx list their folders (albums/ has no such page: no /albums/).
EXPECTED_URLS = {
    "/",
    "/blog/",
    "/blog/2021-04-02-harbour-notes/",
    "/podcasts/",
    "/podcasts/朝の市場/",
    "/podcasts/ux-ノート-2：原則/",
    "/albums/field-recordings/",
}


def test_urls_are_create_file_paths(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-renamed-keys", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []


def test_dated_files_with_renamed_keys_are_posts_with_tag_pages(tmp_path: Path) -> None:
    site, build = adopt("gatsby-renamed-keys", tmp_path)
    public = output_folder(site)
    assert (public / "tags/memo/index.html").is_file()
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "朝の市場" in home and "港のノート" in home  # listed as posts, newest first
    assert home.index("朝の市場") < home.index("港のノート")
    assert "no template 'podcast'" not in build.output and "no template 'blogpost'" not in build.output
    assert "src/pages/albums/field-recordings.md:2: warning: templateKey: no template 'musicalbum'" in build.output


def test_site_metadata_lang_is_the_language(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-renamed-keys", tmp_path)
    assert 'language = "ja"' in (site / "masthead.toml").read_text(encoding="utf-8")
    assert '<html lang="ja"' in (output_folder(site) / "podcasts/朝の市場/index.html").read_text(encoding="utf-8")
