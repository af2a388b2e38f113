"""Date buckets of the search index: years, packed months, split days, and stable boundaries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from masthead.render.search_buckets import buckets


def dated(start: datetime, count: int, step: timedelta) -> list[tuple[datetime, str]]:
    return [(start + step * index, f"blog/{start:%Y%m%d}-{index}/index.html") for index in range(count)]


def test_a_small_year_is_one_bucket_and_the_list_is_newest_first() -> None:
    posts = dated(datetime(2023, 3, 1, tzinfo=UTC), 5, timedelta(days=30)) + dated(datetime(2025, 1, 1, tzinfo=UTC), 3, timedelta(days=1))
    found = buckets(posts, limit=10)
    assert [bucket.name for bucket in found] == ["2025", "2023"]
    assert sorted(path for bucket in found for path in bucket.pages) == sorted(path for _, path in posts)


def test_a_large_year_packs_consecutive_months_up_to_the_limit() -> None:
    posts = dated(datetime(2024, 1, 1, tzinfo=UTC), 120, timedelta(days=3))  # ~10 a month, all of 2024
    found = buckets(posts, limit=25)
    assert all(len(bucket.pages) <= 25 for bucket in found)
    assert [bucket.name for bucket in found][-1] == "2024-01" and all(len(bucket.name) == 7 for bucket in found)
    assert sum(len(bucket.pages) for bucket in found) == 120


def test_a_month_over_the_limit_is_split_into_day_runs_and_a_day_is_never_split() -> None:
    busy = dated(datetime(2024, 5, 1, tzinfo=UTC), 40, timedelta(hours=12))  # 20 days of May, two a day
    crowded_day = dated(datetime(2024, 6, 3, tzinfo=UTC), 9, timedelta(minutes=5))
    found = {bucket.name: bucket for bucket in buckets(busy + crowded_day, limit=8)}
    assert "2024-05-01" in found and all(len(found[name].pages) <= 8 for name in found if name.startswith("2024-05-"))
    assert len(found["2024-06-03"].pages) == 9  # one day: kept whole although over the limit


def test_a_new_post_changes_only_the_buckets_of_its_own_year() -> None:
    posts = dated(datetime(2022, 1, 1, tzinfo=UTC), 60, timedelta(days=6)) + dated(datetime(2023, 1, 1, tzinfo=UTC), 60, timedelta(days=6))
    before = {bucket.name: bucket.pages for bucket in buckets(posts, limit=12)}
    after = {bucket.name: bucket.pages for bucket in buckets([*posts, (datetime(2023, 2, 2, tzinfo=UTC), "blog/new/index.html")], limit=12)}
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed and all(name.startswith("2023") for name in changed)
