"""The site model: URLs from permalinks, drafts and schedule, ordering, archives and tags."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import MakeSite, post

from masthead.build import load
from masthead.errors import MastheadError
from masthead.options import BuildOptions

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def test_permalink_tokens(make_site: MakeSite) -> None:
    site = make_site(
        {"content/blog/a.md": post("A", "2024-03-05T23:30:00Z")},
        config='base_url = "https://x.org"\ntimezone = "Asia/Seoul"\npermalink = "/{year}/{month}/{day}/{slug}/"\n',
    )
    model, *_ = load(site, BuildOptions(), now=NOW)
    assert model.posts[0].url == "/2024/03/06/a/"  # local date in Seoul
    assert list(model.years) == [2024] and list(model.years[2024]) == [3]


def test_drafts_and_scheduled(make_site: MakeSite) -> None:
    site = make_site(
        {
            "content/blog/old.md": post("Old", "2024-01-01T00:00:00Z"),
            "content/blog/future.md": post("Future", "2026-01-01T00:00:00Z"),
            "content/blog/draft.md": post("Draft").replace("published: true", "published: false"),
        }
    )

    def titles(options: BuildOptions) -> list[str]:
        return [d.entry.title for d in load(site, options, now=NOW)[0].posts]

    assert titles(BuildOptions()) == ["Old"]
    assert titles(BuildOptions(future=True)) == ["Future", "Old"]
    everything, *_ = load(site, BuildOptions(drafts=True, future=True), now=NOW)
    assert {d.entry.title: d.noindex for d in everything.posts} == {"Future": True, "Draft": True, "Old": False}


def test_newest_first_and_tags(make_site: MakeSite) -> None:
    site = make_site(
        {
            "content/blog/a.md": post("A", "2024-01-01T00:00:00Z").replace("teaser:", "tags: [Foreign Policy, Asia]\nteaser:"),
            "content/blog/b.md": post("B", "2024-02-01T00:00:00Z").replace("teaser:", "tags: [foreign policy]\nteaser:"),
        }
    )
    model, *_ = load(site, BuildOptions(), now=NOW)
    assert [d.entry.title for d in model.posts] == ["B", "A"]
    assert [(t.slug, len(t.posts)) for t in model.tags] == [("asia", 1), ("foreign-policy", 2)]


def test_page_on_a_reserved_url_is_an_error(make_site: MakeSite) -> None:
    site = make_site({"content/pages/tags.md": "---\ntemplateKey: about-page\npageTitle: Tags\n---\nx\n"})
    with pytest.raises(MastheadError, match="URL /tags/ is used by masthead itself"):
        load(site, BuildOptions(), now=NOW)
