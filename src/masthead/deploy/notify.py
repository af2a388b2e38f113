"""Telling others after a deploy: IndexNow (Bing, Yandex, Seznam…) and a WebSub hub.

Both fail open: a search engine or hub that is down never fails a deploy that already happened;
the caller gets a warning to print instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import httpx

from ..config import Config

INDEXNOW_BATCH = 10_000  # IndexNow accepts up to 10,000 URLs a request
FEEDS = ("feed.xml", "atom.xml", "feed.json")
TIMEOUT = 10.0


def page_urls(config: Config, paths: Iterable[str]) -> list[str]:
    """Public URLs of the HTML pages among output paths (the 404 page is no URL of its own)."""
    urls = []
    for path in sorted(paths):
        if not path.endswith(".html") or path == "404.html":
            continue
        url = "/" + (path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path)
        urls.append(config.absolute_url(url))
    return urls


def indexnow(config: Config, urls: list[str], client: httpx.Client) -> list[str]:
    """POST the changed URLs to IndexNow; returns warnings."""
    key = config.deploy.indexnow_key
    host = urlsplit(config.base_url).hostname or ""
    warnings = []
    for start in range(0, len(urls), INDEXNOW_BATCH):
        body = {"host": host, "key": key, "keyLocation": config.absolute_url(f"/{key}.txt"), "urlList": urls[start : start + INDEXNOW_BATCH]}
        try:
            answer = client.post(config.deploy.indexnow_endpoint, json=body, timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            warnings.append(f"IndexNow: {config.deploy.indexnow_endpoint}: {exc.__class__.__name__}: {exc}; the URLs were not submitted")
            continue
        if answer.status_code not in (200, 202):
            warnings.append(
                f"IndexNow: {config.deploy.indexnow_endpoint} answered {answer.status_code} {answer.reason_phrase}; "
                f"expected 200 or 202 (is {key}.txt deployed at {body['keyLocation']}?)"
            )
    return warnings


def websub(config: Config, changed_feeds: list[str], client: httpx.Client) -> list[str]:
    """Tell the hub each changed feed has new content (hub.mode=publish); returns warnings."""
    warnings = []
    for name in changed_feeds:
        feed = config.absolute_url(f"/{name}")
        try:
            answer = client.post(config.deploy.websub_hub, data={"hub.mode": "publish", "hub.url": feed}, timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            warnings.append(f"WebSub: {config.deploy.websub_hub}: {exc.__class__.__name__}: {exc}; {feed} was not announced")
            continue
        if not 200 <= answer.status_code < 300:
            warnings.append(f"WebSub: {config.deploy.websub_hub} answered {answer.status_code} for {feed}; expected 2xx")
    return warnings


def changed_feeds(paths: Iterable[str]) -> list[str]:
    return sorted(set(paths) & set(FEEDS))
