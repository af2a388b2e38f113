"""Reading a Gatsby site's program (never run): its own modules only, createPage's term and page paths."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from masthead.config import _page_path
from masthead.origins.gatsby_program import index_pages, later_pages, number, program_text, term_permalinks
from masthead.render.pages import paginate


def test_program_text_follows_the_sites_own_modules_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "gatsby" / "pagination").mkdir(parents=True)
    (tmp_path / "outside.js").write_text("const secret = 'outside';", encoding="utf-8")
    (site / "gatsby-node.js").write_text(
        "const a = require('./gatsby/create-pages');\nconst b = require('../outside');\nconst c = require('lodash');", encoding="utf-8"
    )
    (site / "gatsby" / "pagination" / "index.js").write_text("const tags = `/tags/${_.kebabCase(tag)}/`;", encoding="utf-8")
    (site / "gatsby" / "link.js").symlink_to(tmp_path / "outside.js")
    (site / "gatsby" / "create-pages.js").write_text(
        "import x from './pagination';\nconst again = require('../gatsby-node.js');\nrequire('./link');", encoding="utf-8"
    )
    text = program_text(site, "gatsby-node.js")
    assert "kebabCase" in text and "secret" not in text  # neither a module beside the site nor a link out of it is read
    assert text.count("require('./gatsby/create-pages')") == 1  # each module once, whatever the cycles


def test_term_and_page_paths() -> None:
    assert term_permalinks("path: `/tag/${_.kebabCase(tag.fieldValue)}/`,\nconst c = `/category/${kebabCase(category)}`") == {
        "tag": "/tag/{slug}/",
        "category": "/category/{slug}/",
    }
    assert term_permalinks("`/topics/${slugify(tag)}/`") == {"tag": "/topics/{slug}/"}
    assert term_permalinks("`/blog/${_.kebabCase(title)}/`") == {}  # not a term's page
    assert later_pages("path: i === 0 ? '/' : `/page/${i}`,") == "page/{index}/"
    assert later_pages("path: index === 0 ? `/` : `/blog/page/${index + 1}`") == "blog/page/{number}/"
    assert later_pages("path: `/page/${i}`") == ""
    assert index_pages("createPage({\n    path: '/categories',\n    component: x });") == {"categories": "/categories/"}
    assert number("postsPerPage: 4,", "postsPerPage") == 4 and number("postsPerPage: 0", "postsPerPage") is None


def test_index_counts_the_later_pages_from_zero() -> None:
    assert _page_path("page/{index}/") is None and _page_path("page/{index}/{number}/") is not None and _page_path("page/{other}/") is not None
    urls = [url for url, _, _ in paginate(tuple(range(9)), "/", 4, "page/{index}/")]  # type: ignore[arg-type]
    assert urls == ["/", "/page/1/", "/page/2/"]


@given(st.text(max_size=300))
def test_readers_take_any_text(text: str) -> None:
    term_permalinks(text)
    later_pages(text)
    index_pages(text)
    number(text, "postsPerPage")


LUMEN_V3_ON_CREATE_NODE = """
const onCreateNode = ({ node, actions, getNode }) => {
  const { createNodeField } = actions;
  if (node.internal.type === 'MarkdownRemark') {
    if (typeof node.frontmatter.slug !== 'undefined') {
      const dirname = getNode(node.parent).relativeDirectory;
      createNodeField({ node, name: 'slug', value: `/${dirname}/${node.frontmatter.slug}` });
    } else {
      const value = createFilePath({ node, getNode });
      createNodeField({ node, name: 'slug', value });
    }
  }
};
"""


def test_slug_patterns_of_the_starters() -> None:
    from masthead.origins.gatsby_program import name_prefix, slug_pattern

    assert slug_pattern(LUMEN_V3_ON_CREATE_NODE) == "/{sections}/{slug}/"  # Lumen before v4: the folder, then the slug
    assert slug_pattern("slug = `/${_.kebabCase(node.frontmatter.title)}`;") == "/{slug_or_title}/"  # gatsby-advanced-starter
    assert slug_pattern("const value = createFilePath({ node, getNode });") == ""
    assert name_prefix('const i = ~slug.indexOf("--") ? slug.indexOf("--") : 0;\nvalue: `/${slug.substring(i + 2)}`') == "--"
    assert name_prefix("const value = createFilePath({ node, getNode });") == ""
