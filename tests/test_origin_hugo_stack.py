"""A Stack-theme site: config.yaml with Hugo's key case-insensitivity (DefaultContentLanguage, baseurl),
[permalinks] for its post and page sections, page bundles with `image`, a page in one language only."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Hugo: `permalinks: {post: /p/:slug/, page: /:slug/}` name sections, and apply to every page of them;
# :slug is the slug, else the title made a path (lower case, spaces as "-", emoji dropped, CJK kept).
# The zh-cn page lives under /zh-cn/, with its language's home and section list.
EXPECTED_URLS = {
    "/",
    "/en/",  # the default language's folder: a redirect to the root, as Hugo writes it
    "/p/first-light/",
    "/p/用go写一个kettle计时器/",
    "/p/你好/",
    "/post/",
    "/categories/",
    "/categories/随笔/",
    "/zh-cn/",
    "/zh-cn/关于/",
    "/zh-cn/page/",
    "/zh-cn/tags/",  # Hugo writes each taxonomy's list in each language, with no terms too
    "/zh-cn/categories/",
}


def test_section_permalinks_apply_to_pages(tmp_path: Path) -> None:
    site, _ = adopt("hugo-stack-permalinks", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_bundle_images_under_the_sub_path(tmp_path: Path) -> None:
    site, _ = adopt("hugo-stack-permalinks", tmp_path)
    public = output_folder(site)
    assert (public / "p/first-light/window.png").is_file()
    page = (public / "p/first-light/index.html").read_text(encoding="utf-8")
    assert 'property="og:image" content="https://lin.example.io/notes/_images/window-' in page
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'base_url = "https://lin.example.io/notes"' in config and 'language = "en"' in config
