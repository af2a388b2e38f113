"""The bucketed search page answers as one unsplit Pagefind index over the same pages would."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pagefind_bin
import pytest
from playwright.sync_api import Browser, Page
from serving import serve

from masthead.render import search_pagefind

# Common and rare words, a misspelling, and two-word queries where a bucket lacks one of the words
# (it would answer with pages that have only the other: near misses one index never returns).
QUERIES = [
    "Pyongyang",
    "sanctions",
    "Brussels",
    "Lavrov",
    "election",
    "Seoul",
    "negotiations",
    "Kyiv",
    "farmers",
    "opposition parties",
    "security pact",
    "naval exercise",
    "Geneva Warsaw",
    "negotiatons",
]

ORACLE = """async ([query, sort]) => {
  const pagefind = await import('/_oracle/pagefind.js');
  const engine = pagefind.createInstance({ basePath: '/_oracle/' });
  await engine.init();
  const search = await engine.search(query, { sort: sort === 'newest' ? { published: 'desc' } : undefined });
  const top = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  return { count: search.results.length, urls: top.map((data) => data.url) };
}"""


@pytest.fixture(scope="module")
def served(example_public: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site plus, at /_oracle/, one Pagefind index over all its post pages."""
    root = tmp_path_factory.mktemp("oracle") / "site"
    shutil.copytree(example_public, root)
    pages = sorted(path.relative_to(root).as_posix() for path in root.glob("blog/*/index.html"))
    work = root.parent / "oracle"
    search_pagefind.index_bucket(str(pagefind_bin.get_executable()), work, [(page, root / page) for page in pages], "en")
    shutil.copytree(work / "bundle", root / "_oracle")
    with serve(root) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def site_answer(page: Page, base: str, query: str, sort: str) -> tuple[int, list[str]]:
    page.goto(f"{base}/search/?{urlencode({'q': query, **({'sort': sort} if sort != 'newest' else {})})}")
    page.wait_for_selector("#search-status[data-state]")
    links = [link.get_attribute("href") or "" for link in page.locator(".search-result__title a").all()][:10]
    status = page.inner_text("#search-status")
    return (int(status.split()[0]) if status[0].isdigit() else 0), links


@pytest.mark.parametrize("sort", ["newest", "relevance"])
def test_results_equal_the_unsplit_oracle(page: Page, served: str, sort: str) -> None:
    page.goto(f"{served}/404.html")
    truth = {query: page.evaluate(ORACLE, [query, sort]) for query in QUERIES}
    assert truth["security pact"]["count"] == 0 and truth["Pyongyang"]["count"] > 1  # the oracle is a real index
    for query in QUERIES:
        count, links = site_answer(page, served, query, sort)
        assert count == truth[query]["count"], query  # no near misses, nothing lost
        if sort == "newest":
            assert links == truth[query]["urls"], query
        else:
            assert len(set(links) & set(truth[query]["urls"])) >= 0.9 * len(truth[query]["urls"]), query
