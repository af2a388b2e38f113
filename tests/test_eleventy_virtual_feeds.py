"""eleventy-plugin-rss v2's virtual feeds (``addPlugin(feedPlugin, {type, outputPath})``, the base blog's
since v9) are kept at their paths, as its feed templates are: readers subscribed to /feed/feed.xml keep
getting posts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from origin_sites import adopt, output_folder

from masthead.content.js_front_matter import literal_calls
from masthead.origins.eleventy_feeds import virtual_feeds


def test_the_base_blogs_feed_is_at_its_output_path(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)  # outputPath: "/feed/feed.xml", type: "atom"
    feed = (output_folder(site) / "feed/feed.xml").read_text(encoding="utf-8")
    assert feed.startswith("<?xml") and '<feed xmlns="http://www.w3.org/2005/Atom"' in feed
    assert feed.count("<entry>") == 3
    assert '[origin.feeds]\nFEED_ALL_ATOM = "feed/feed.xml"' in (site / "masthead.toml").read_text(encoding="utf-8")


ESM = """import { feedPlugin as feed, IdAttributePlugin } from "@11ty/eleventy-plugin-rss";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(feed, { type: "rss", outputPath: "/rss.xml", collection: { name: "posts", limit: 0 } });
  eleventyConfig.addPlugin(feed, { type: "json", outputPath: "/feed/feed.json", collection: { name: "posts" } });
  eleventyConfig.addPlugin(IdAttributePlugin);
}
"""


def test_each_type_at_its_path_under_an_imported_name() -> None:
    assert virtual_feeds(ESM) == {"FEED_ALL_RSS": "rss.xml", "FEED_ALL_JSON": "feed/feed.json"}


def test_commonjs_and_the_plugins_defaults() -> None:
    text = """const pluginRss = require("@11ty/eleventy-plugin-rss");
    module.exports = function (eleventyConfig) {
      eleventyConfig.addPlugin(pluginRss);  // the filters only: no feed
      eleventyConfig.addPlugin(pluginRss.feedPlugin, { collection: { name: "posts", limit: 10 } });
    };"""
    assert virtual_feeds(text) == {}  # type atom at /feed.xml, Eleventy's defaults: masthead's own /feed.xml stands there
    moved = text.replace("{ collection", '{ outputPath: "/blog/atom.xml", collection')
    assert virtual_feeds(moved) == {"FEED_ALL_ATOM": "blog/atom.xml"}
    destructured = 'const { feedPlugin: rss } = require("@11ty/eleventy-plugin-rss");\nconfig.addPlugin(rss, {outputPath: "/news.xml"});'
    assert virtual_feeds(destructured) == {"FEED_ALL_ATOM": "news.xml"}


def test_options_that_are_programs_are_not_guessed() -> None:
    text = 'eleventyConfig.addPlugin(feedPlugin, { type: kind, outputPath: `/${lang}/feed.xml` });\neleventyConfig.addPlugin(other, {outputPath: "/x.xml"});'
    assert virtual_feeds(text) == {}  # a program for a path is not read (the defaults are masthead's own /feed.xml); `other` is not the feed plugin
    assert literal_calls(text, "addPlugin") == [("feedPlugin", [None, {}]), ("other", [None, {"outputPath": "/x.xml"}])]


@given(st.text(max_size=300))
def test_any_config_text_reads_without_error(text: str) -> None:
    feeds = virtual_feeds(text)
    assert all(kind.startswith("FEED_ALL_") and not path.startswith("/") for kind, path in feeds.items())
