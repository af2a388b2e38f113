"""gatsby-starter-blog's shape (Markdown in content/blog/, read by gatsby-source-filesystem, images
beside each post) builds with `masthead init && masthead build`, URLs as createFilePath makes them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# createFilePath gives a file's path under the filesystem source it was found in: content/blog/hello-world/index.md
# is /hello-world/. src/pages holds only React pages (index.js, 404.js): masthead's theme renders those,
# its 404 page at /404/ too, where Gatsby writes src/pages/404.js (besides its copy at /404.html).
EXPECTED_URLS = {"/", "/404/", "/hello-world/", "/my-second-post/"}


def test_urls_posts_and_images(tmp_path: Path) -> None:
    site, build = adopt("gatsby-starter-blog", tmp_path)
    assert 'content = "content/blog"' in (site / "masthead.toml").read_text(encoding="utf-8")  # gatsby-source-filesystem's path
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == [] and literal_syntax(site) == []
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in feed["items"]] == ["My Second Post!", "Hello World"]  # dated files are posts
    rss = (public / "rss.xml").read_text(encoding="utf-8")  # gatsby-plugin-feed's output: "/rss.xml", kept at its path
    assert rss.index("<title>My Second Post!</title>") < rss.index("<title>Hello World</title>")
    hello = (public / "hello-world/index.html").read_text(encoding="utf-8")
    assert (public / "hello-world/salty_egg.png").is_file()  # beside the post, as gatsby-remark-images finds it
    assert re.search(r'<img src="/_images/salty_egg-\d+w-\w+\.png"[^>]*alt="Chinese Salty Egg"', hello)
    assert '<a href="https://www.youtube-nocookie.com/embed/abc" rel="noopener">Watch on YouTube</a>' in hello and "<iframe" not in hello
    assert "warning" not in build.output
