"""An Eleventy list paginating ``collections.posts`` one post a page (``size: 1``, a permalink of
``pagination.pageNumber``): Eleventy writes /journal/, /journal/page-2/, /journal/page-3/, newest first."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, literal_syntax, output_folder, page_urls

from masthead.content.placement import post_list_pagination

POSTS = {"/posts/first-frost/", "/posts/leaf-mould/", "/posts/garlic-in/"}


def test_every_page_of_the_list_is_written(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-one-post-pages", tmp_path)
    assert {"/journal/", "/journal/page-2/", "/journal/page-3/"} | POSTS <= page_urls(site)
    assert literal_syntax(site) == []
    titles = []
    for path in ("journal", "journal/page-2", "journal/page-3"):
        text = (output_folder(site) / path / "index.html").read_text(encoding="utf-8")
        titles.append([title for title in ("Garlic in", "Leaf mould", "First frost") if f">{title}</a>" in text])
    assert titles == [["Garlic in"], ["Leaf mould"], ["First frost"]]  # reverse: true, one a page


def test_a_size_one_pagination_named_by_its_item_is_a_page_per_post() -> None:
    listed = {"data": "collections.posts", "size": 1}
    assert post_list_pagination({"pagination": listed, "permalink": "/p/{% if pagination.pageNumber > 0 %}{{ pagination.pageNumber }}/{% endif %}"}) == "posts"
    assert post_list_pagination({"pagination": listed}) == "posts"
    assert post_list_pagination({"pagination": {**listed, "alias": "post"}, "permalink": "/amp/{{ post.fileSlug }}/"}) == ""
    assert post_list_pagination({"pagination": listed, "permalink": "/amp/{{ pagination.items[0].fileSlug }}/"}) == ""
