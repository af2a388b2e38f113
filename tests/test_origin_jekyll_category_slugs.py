"""A Jekyll blog as `jekyll new` makes it (minima), whose posts name one category with spaces, a slug
with spaces and capitals, and a permalink of slugified categories, at Jekyll's URLs."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Jekyll's rules (docs "Permalinks", "Posts"; Utils.pluralized_array_from_hash):
# - the singular `category:` is one category ("Web Development"), the plural `categories:` a string split at
#   spaces; the default permalink `date` is /:categories/:year/:month/:day/:title:output_ext, each category as
#   written and lower-cased: /web development/2024/02/10/setting-up-ci.html (a space in the path).
# - :title is the front matter's slug through Utils.slugify in its pretty mode, case kept: "Lathe Notes For
#   Beginners" is Lathe-Notes-For-Beginners.
# - :slugified_categories is each category through Utils.slugify, lower case: github-pages-and-jekyll.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/web development/2024/02/10/setting-up-ci.html",
    "/notes/Lathe-Notes-For-Beginners/",
    "/github-pages-and-jekyll/permalinks/",
}


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, build = adopt("jekyll-category-slugs", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert "warning" not in build.output and "error" not in build.output, build.output
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert (output_folder(site) / "web development/2024/02/10/setting-up-ci.html").is_file()  # the file a server looks for
