"""Asking links over HTTP, against real servers on 127.0.0.1 that play every case."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from link_server import Played, Route, serve

from masthead.links.resolve import ResolverSettings, fetch_all, resolve_all

ROUTES = {
    "email.cpg-online.de/t/d-l-vdhduiy-l-njk/": Route(301, "https://hop.example/2"),
    "hop.example/2": Route(302, "https://hop.example/3"),
    "hop.example/3": Route(303, "https://hop.example/4"),
    "hop.example/4": Route(307, "https://hop.example/5"),
    "hop.example/5": Route(308, "https://www.nbcnews.com/news/world/lavrov-north-korea-rcna185300"),
    "*/a/b/relative": Route(302, "../article/final?id=7"),
    "*/loop-a": Route(302, "/loop-b"),
    "*/loop-b": Route(301, "/loop-a"),
    "*/to-private": Route(302, "http://10.20.30.40/admin"),
    "*/to-link-local": Route(302, "http://169.254.169.254/latest/meta-data/"),
    "*/to-localhost": Route(302, "http://localhost:9/x"),
    "*/slow": Route(200, delay=1.0),
    "*/gone": Route(410),
    "*/missing": Route(404),
    "*/broken": Route(500),
    "*/forbidden": Route(403),
    "*/no-head": Route(200, refuse_head=True),
    "*/redirect-no-location": Route(302),
    "*/cookie": Route(302, "/cookie-2", set_cookie=True),
    "*/cookie-2": Route(302, "/cookie-3", set_cookie=True),
    **{f"*/chain-{n}": Route(302, f"/chain-{n + 1}") for n in range(12)},
}


@pytest.fixture
def played() -> Iterator[Played]:
    with serve(Played(dict(ROUTES))) as server:
        yield server


def settings(played: Played, **changes: object) -> ResolverSettings:
    options: dict[str, object] = {
        "host_map": {"*": played.address},
        "timeout": 0.3,
        "retries": 1,
        "backoff": 0.01,
        "host_delay": 0.0,
    }
    options.update(changes)
    return ResolverSettings(**options)  # type: ignore[arg-type]


def test_a_chain_of_every_redirect_status_is_followed_to_the_destination(played: Played) -> None:
    url = "https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"
    answer = resolve_all([url], settings(played))[url]
    assert answer.outcome == "ok" and answer.status == 200
    assert answer.final_url == "https://www.nbcnews.com/news/world/lavrov-north-korea-rcna185300"
    assert [hop.status for hop in answer.chain] == [301, 302, 303, 307, 308, 200]
    assert all(method == "HEAD" for method, _, _ in played.requests)


def test_relative_locations_are_resolved_against_the_current_url(played: Played) -> None:
    url = "https://news.example/a/b/relative"
    answer = resolve_all([url], settings(played))[url]
    assert answer.final_url == "https://news.example/a/article/final?id=7" and answer.outcome == "ok"


def test_loops_stop(played: Played) -> None:
    answer = resolve_all(["https://x.example/loop-a"], settings(played))["https://x.example/loop-a"]
    assert answer.outcome == "loop" and len(answer.chain) == 2 and answer.broken


def test_at_most_ten_hops(played: Played) -> None:
    answer = resolve_all(["https://x.example/chain-1"], settings(played))["https://x.example/chain-1"]
    assert answer.outcome == "too-many-redirects" and len(answer.chain) == 11  # the 11th is not followed
    assert answer.final_url == "https://x.example/chain-11"
    ten = resolve_all(["https://x.example/chain-2"], settings(played))["https://x.example/chain-2"]
    assert ten.outcome == "ok" and [hop.status for hop in ten.chain] == [302] * 10 + [200]


@pytest.mark.parametrize(
    "path, address",
    [
        ("/to-private", "10.20.30.40"),
        ("/to-link-local", "169.254.169.254"),
        ("/to-localhost", "127.0.0.1"),
    ],
)
def test_redirects_to_private_addresses_are_not_followed(played: Played, path: str, address: str) -> None:
    url = f"https://x.example{path}"
    answer = resolve_all([url], settings(played, host_map={"x.example": played.address}))[url]
    assert answer.outcome == "private" and address in answer.error
    assert [key for _, key, _ in played.requests] == [f"x.example{path}"]  # nothing asked beyond


def test_private_addresses_need_the_test_switch(played: Played) -> None:
    url = played.url("/gone")
    assert resolve_all([url], settings(played, host_map={}))[url].outcome == "private"
    assert played.requests == []
    assert resolve_all([url], settings(played, host_map={}, allow_private=True))[url].status == 410


def test_timeouts_are_retried_with_back_off_then_reported(played: Played) -> None:
    start = time.perf_counter()
    answer = resolve_all(["https://x.example/slow"], settings(played, timeout=0.2, retries=1))["https://x.example/slow"]
    assert answer.outcome == "unchecked" and answer.unchecked and not answer.broken and answer.status is None
    assert "no answer within 0.2 s" in answer.error
    assert [key for _, key, _ in played.requests] == ["x.example/slow", "x.example/slow"]
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "path, status, outcome",
    [
        ("/gone", 410, "dead"),
        ("/missing", 404, "dead"),
        ("/broken", 500, "unchecked"),  # a failing server says nothing about the page
        ("/forbidden", 403, "refused"),
    ],
)
def test_error_statuses(played: Played, path: str, status: int, outcome: str) -> None:
    url = f"https://x.example{path}"
    answer = resolve_all([url], settings(played))[url]
    assert (answer.status, answer.outcome) == (status, outcome)
    methods = [method for method, _, _ in played.requests]
    assert methods[:2] == ["HEAD", "GET"]  # an error to HEAD is checked with GET
    assert len(methods) == (4 if status == 500 else 2)  # 500 is retried once


def test_servers_that_refuse_head_are_asked_with_get(played: Played) -> None:
    answer = resolve_all(["https://x.example/no-head"], settings(played))["https://x.example/no-head"]
    assert answer.outcome == "ok" and answer.status == 200
    assert [method for method, _, _ in played.requests] == ["HEAD", "GET"]


def test_redirect_without_location_is_an_error(played: Played) -> None:
    answer = resolve_all(["https://x.example/redirect-no-location"], settings(played))["https://x.example/redirect-no-location"]
    assert answer.outcome == "error" and "Location" in answer.error


def test_cookies_are_never_sent(played: Played) -> None:
    answer = resolve_all(["https://x.example/cookie"], settings(played))["https://x.example/cookie"]
    assert answer.outcome == "ok" and len(played.requests) == 3
    assert [cookie for _, _, cookie in played.requests] == ["", "", ""]


def test_one_request_at_a_time_per_host_with_a_delay(played: Played) -> None:
    urls = [f"https://polite.example/page-{n}" for n in range(4)]
    start = time.perf_counter()
    answers = resolve_all(urls, settings(played, host_delay=0.1, concurrency=4))
    assert all(answer.outcome == "ok" for answer in answers.values())
    assert time.perf_counter() - start >= 0.3  # 4 requests to one host, 0.1 s apart


def test_a_refused_connection_is_unchecked_not_dead() -> None:
    with serve(Played({})) as server:
        address = server.address  # the server is gone once the block ends: nothing listens there
    answer = resolve_all(["https://gone.example/"], ResolverSettings(host_map={"*": address}, timeout=0.5, retries=0))["https://gone.example/"]
    assert answer.outcome == "unchecked" and not answer.broken and answer.status is None
    assert "ConnectError" in answer.error


def test_a_name_that_does_not_resolve_is_unchecked() -> None:
    # ".invalid" never resolves (RFC 6761), so this asks the system resolver and fails without a network.
    answer = resolve_all(["https://no-such-host.invalid/a"], ResolverSettings(timeout=0.5, retries=0))["https://no-such-host.invalid/a"]
    assert answer.outcome == "unchecked" and not answer.broken and "could not be resolved" in answer.error


def test_a_redirect_to_a_parking_service_is_dead(played: Played) -> None:
    played.routes["expired.example/story"] = Route(302, "https://www.hugedomains.com/domain_profile.cfm?d=expired.example")
    answer = resolve_all(["https://expired.example/story"], settings(played))["https://expired.example/story"]
    assert answer.outcome == "dead" and answer.broken and answer.error == "a parked domain (www.hugedomains.com)"


def test_fetch_downloads_with_the_same_refusals(played: Played) -> None:
    played.routes["img.example/photo.png"] = Route(302, "/photo-2.png")
    fetched = fetch_all(
        ["https://img.example/photo.png", "https://img.example/gone", played.url("/x")], settings(played, host_map={"img.example": played.address})
    )
    assert fetched["https://img.example/photo.png"].data == b"<!doctype html><title>page</title>"
    assert fetched["https://img.example/photo.png"].error == ""
    assert fetched["https://img.example/gone"].error == "HTTP 410" and fetched["https://img.example/gone"].data == b""
    assert "private" in fetched[played.url("/x")].error  # 127.0.0.1 itself, not routed by the test
    assert sorted(key for _, key, _ in played.requests) == ["img.example/gone", "img.example/photo-2.png", "img.example/photo.png"]
