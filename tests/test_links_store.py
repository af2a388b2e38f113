"""The link store: a real SQLite file in the cache folder, WAL, answers with their time."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import MakeSite

from masthead.config import load_config
from masthead.links.store import Answer, Hop, LinkStore, open_store, store_path, stored_answers

NOW = datetime(2025, 6, 5, 12, 0, tzinfo=UTC)


def _answer(url: str, when: datetime) -> Answer:
    return Answer(
        url,
        "ok",
        200,
        "https://dest.example/a",
        (Hop(url, 302), Hop("https://dest.example/a", 200)),
        "",
        when,
    )


def test_answers_round_trip_and_go_stale(make_site: MakeSite) -> None:
    config = load_config(make_site())
    assert stored_answers(config) == {}  # no store yet, and reading does not create one
    assert not store_path(config).exists()
    with open_store(config) as store:
        store.put([_answer("https://t.example/1", NOW - timedelta(days=3))])
        assert store.get("https://t.example/1") == _answer(
            "https://t.example/1", NOW - timedelta(days=3)
        )
        assert store.fresh("https://t.example/1", NOW, days=30) is not None
        assert store.fresh("https://t.example/1", NOW, days=3) is None
        assert store.get("https://t.example/2") is None
    assert store_path(config) == config.root / ".masthead-cache" / "links.sqlite"
    with sqlite3.connect(store_path(config)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert list(stored_answers(config)) == ["https://t.example/1"]


def test_a_new_answer_replaces_the_old(make_site: MakeSite) -> None:
    store = LinkStore(make_site() / ".masthead-cache" / "links.sqlite")
    store.put([_answer("https://t.example/1", NOW - timedelta(days=40))])
    store.put(
        [
            Answer(
                "https://t.example/1",
                "dead",
                404,
                "https://t.example/1",
                (Hop("https://t.example/1", 404),),
                "HTTP 404",
                NOW,
            )
        ]
    )
    answer = store.get("https://t.example/1")
    store.close()
    assert answer is not None and answer.broken and answer.checked_at == NOW
