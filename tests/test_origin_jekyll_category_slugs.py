"""A Jekyll blog as `jekyll new` makes it (minima), whose posts name one category with spaces, a slug
with spaces and capitals, and a permalink of slugified categories, at Jekyll's URLs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls
from PIL import Image

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
    "/2024/04/03/bandsaw-blades.html",
    "/google5b2d4c6e8f0a1b3c.html",  # HTML with no front matter: copied, as Jekyll copies it
    "/demo/",  # date: "Apr 2, 2024 22:30 -0700", read as Ruby's Time.parse reads it, in UTC
}


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, build = adopt("jekyll-category-slugs", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert "warning" not in build.output and "error" not in build.output, build.output
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert (output_folder(site) / "web development/2024/02/10/setting-up-ci.html").is_file()  # the file a server looks for


def test_html_files_without_front_matter_are_copied_as_they_are(tmp_path: Path) -> None:
    """Google's verification file and a hand-written demo page: Jekyll copies HTML with no front matter."""
    site, _ = adopt("jekyll-category-slugs", tmp_path)
    public = output_folder(site)
    for name in ("google5b2d4c6e8f0a1b3c.html", "demo/index.html"):
        assert (public / name).read_bytes() == (site / name).read_bytes(), name


def test_an_include_that_wraps_a_frame_keeps_it_as_a_link(tmp_path: Path) -> None:
    """The site's own _includes/youtube.html (an <iframe> in a <div>, the usual shape): the frame is the
    privacy-friendly link to the video, in its place, as a frame written in the post becomes; it was lost."""
    site, _ = adopt("jekyll-category-slugs", tmp_path)
    page = (output_folder(site) / "notes/Lathe-Notes-For-Beginners/index.html").read_text(encoding="utf-8")
    link = '<p class="embed"><a href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" rel="noopener">Watch “Facing a brass bar” on YouTube</a></p>'
    assert link in page
    assert page.index("filmed from the tail stock") < page.index(link) < page.index("the finishing pass")
    assert "<iframe" not in page


def test_link_to_a_static_file_is_its_path(tmp_path: Path) -> None:
    """Jekyll's {% link %} names static files too (site.static_files): a PDF, a picture."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll-category-slugs", site)
    (site / "assets/files").mkdir(parents=True)
    (site / "assets/files/cv.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    Image.new("RGB", (30, 20), (0, 128, 0)).save(site / "assets/files/lathe.png")
    post = site / "_posts/2024-03-01-lathe-notes.md"
    post.write_text(
        post.read_text(encoding="utf-8") + "\n[The handout]({% link assets/files/cv.pdf %})\n\n![The lathe]({% link /assets/files/lathe.png %})\n"
        "\n[Nothing]({% link assets/files/../../_config.yml %})\n",
        encoding="utf-8",
    )
    _, build = adopt_folder(site)
    page = (output_folder(site) / "notes/Lathe-Notes-For-Beginners/index.html").read_text(encoding="utf-8")
    assert '<a href="/assets/files/cv.pdf">The handout</a>' in page
    assert re.search(r'<img src="/_images/lathe-30w-[0-9a-f]+\.png"[^>]*alt="The lathe"', page)
    assert "link 'assets/files/../../_config.yml': no page has this path or name" in build.output  # never outside the static folder
    assert broken_references(site) == []
