"""An old Hugo site on the Mainroad theme: config.toml with lower-case `baseurl = "/"`, `paginate` as a
string, `[Author]` and `[Params]` capitalised, YAML front matter, numeric tags, a dated page at the root.

Hugo's output for this shape (read from Hugo's docs: sections, taxonomies, default outputs, pagination):
every list page has an RSS index.xml beside it, and the paginator writes each paginated list's page 1
(/post/page/1/, /tags/x/page/1/) as a redirect to the list."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

EXPECTED_URLS = {
    "/",
    "/post/",
    "/post/grand-union-locks/",
    "/post/first-walk/",
    "/post/ice-on-the-cut/",
    "/winter-moorings/",
    "/about/",
    "/categories/",
    "/categories/locks/",
    "/categories/boats/",
    "/post/page/2/",  # paginate = "2": Hugo casts the string
}
TERMS = ("tea", "locks", "1", "2", "winter")


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-mainroad-old", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert all((public / f"tags/{term}/index.html").is_file() for term in TERMS)
    assert (public / "page/2/index.html").is_file()
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_every_list_has_its_feed(tmp_path: Path) -> None:
    site, _ = adopt("hugo-mainroad-old", tmp_path)
    public = output_folder(site)
    feeds = {path.relative_to(public).as_posix() for path in public.rglob("index.xml")}
    expected = {"index.xml", "post/index.xml", "categories/index.xml", "categories/locks/index.xml", "categories/boats/index.xml", "tags/index.xml"}
    assert feeds == expected | {f"tags/{term}/index.xml" for term in TERMS}


def test_first_pages_send_on_to_their_list(tmp_path: Path) -> None:
    site, _ = adopt("hugo-mainroad-old", tmp_path)
    public = output_folder(site)
    lists = ["/", "/post/", "/categories/locks/", "/categories/boats/", *(f"/tags/{term}/" for term in TERMS)]
    for url in lists:
        assert redirect_target(site, f"{url}page/1/") == f"https://example.org{url}"
    assert not (public / "tags/page/1").exists()  # the taxonomy's own list is not paginated by themes
