"""The link store: a real SQLite file in the cache folder, WAL, answers with their time."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
        assert store.get("https://t.example/1") == _answer("https://t.example/1", NOW - timedelta(days=3))
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


def test_an_unchecked_answer_is_never_fresh_and_never_replaces_a_real_one(tmp_path: Path) -> None:
    store = LinkStore(tmp_path / "links.sqlite")
    try:
        ok = Answer("https://a.example/", "ok", 200, "https://a.example/", (Hop("https://a.example/", 200),), "", NOW)
        offline = Answer("https://a.example/", "unchecked", None, "https://a.example/", (), "ConnectError", NOW)
        new = Answer("https://b.example/", "unchecked", None, "https://b.example/", (), "ConnectError", NOW)
        store.put([ok])
        store.put([offline, new])
        assert store.get("https://a.example/") == ok  # the network failing says nothing new about the link
        stored = store.get("https://b.example/")
        assert stored is not None and stored.unchecked and not stored.broken
        assert store.fresh("https://b.example/", NOW, 30) is None  # asked again next time
        assert store.fresh("https://a.example/", NOW, 30) == ok
    finally:
        store.close()
