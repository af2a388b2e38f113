"""Asking links over HTTP: follow redirects hop by hop and record how each link ends.

HEAD first, GET (headers only) when HEAD is refused or fails; at most ``max_hops`` redirects;
``concurrency`` links at a time and one request at a time per host, ``host_delay`` apart;
timeouts and retries with exponential back-off; no cookies kept or sent. A hop to a private,
loopback or link-local address is refused unless ``allow_private`` is set (tests only, where
servers run on 127.0.0.1). ``host_map`` routes host names to a local address, so tests can play
a tracking service without touching the real one; it is not a user feature.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .. import __version__
from .store import Answer, Hop

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REFUSED = frozenset({401, 403, 429})  # the server would not tell us; no evidence the page is gone


@dataclass(frozen=True)
class ResolverSettings:
    concurrency: int = 8
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    host_delay: float = 0.5  # least time between two requests to one host
    max_hops: int = 10
    allow_private: bool = False
    host_map: Mapping[str, str] = field(default_factory=dict)  # host or "*" -> "127.0.0.1:port"
    user_agent: str = f"masthead/{__version__} (link check; +https://github.com/masthead)"


class _Blocked(Exception):
    pass


class _Unreachable(Exception):
    """The question could not be asked (DNS, refused connection): no evidence about the link."""


# Where registrars and parking services send a domain nobody owns any more: a link that ends
# there answered, and the answer is "this page is gone".
PARKING_HOSTS = re.compile(
    r"(?:[a-z0-9-]+\.)*(?:sedoparking\.com|sedo\.com|parkingcrew\.net|bodis\.com|hugedomains\.com|dan\.com|afternic\.com|"
    r"undeveloped\.com|domainmarket\.com|parklogic\.com|above\.com|parked\.com|domainnamesales\.com|buydomains\.com)"
)


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _literal_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


class Resolver:
    def __init__(self, settings: ResolverSettings, client: httpx.AsyncClient) -> None:
        self.settings = settings
        self.client = client
        self._limit = asyncio.Semaphore(settings.concurrency)
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_last: dict[str, float] = {}

    def _route(self, url: str) -> tuple[str, dict[str, str]]:
        """The URL to connect to and extra headers: mapped hosts go to their local address."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        target = None if _literal_ip(host) else self.settings.host_map.get(host, self.settings.host_map.get("*"))
        if target is None:
            return url, {}
        return urlunsplit(("http", target, parts.path or "/", parts.query, "")), {"Host": parts.netloc}

    async def _check_address(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        if self.settings.allow_private:
            return
        if not _literal_ip(host) and ({host, "*"} & set(self.settings.host_map)):
            return  # routed by a test to its local server
        if _literal_ip(host):
            addresses = [host.strip("[]")]
        else:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise _Unreachable(f"{host}: the name could not be resolved ({exc.strerror or exc})") from exc
            addresses = [str(info[4][0]) for info in infos]
        private = [address for address in addresses if _is_private(address)]
        if private:
            raise _Blocked(f"{host} is a private, loopback or link-local address ({private[0]}); not followed")

    async def _request(self, method: str, url: str) -> httpx.Response:
        target, headers = self._route(url)
        host = (urlsplit(url).hostname or "").lower()
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._host_last.get(host, 0.0) + self.settings.host_delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                request = self.client.build_request(method, target, headers=headers)
                response = await self.client.send(request, stream=True)
                await response.aclose()  # headers are all we need
                return response
            finally:
                self._host_last[host] = time.monotonic()

    async def _ask(self, url: str) -> httpx.Response:
        """One hop: HEAD, then GET if HEAD is refused or fails; retried with back-off."""
        delay = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            last_try = attempt == self.settings.retries
            try:
                response = await self._request("HEAD", url)
                if response.status_code >= 400:
                    response = await self._request("GET", url)
                if response.status_code not in RETRY_STATUSES or last_try:
                    return response
            except (httpx.TimeoutException, httpx.NetworkError):
                if last_try:
                    raise
            await asyncio.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    async def resolve(self, url: str) -> Answer:
        chain: list[Hop] = []
        current = url
        seen = {url}

        def answer(outcome: str, status: int | None, error: str = "") -> Answer:
            return Answer(url, outcome, status, current, tuple(chain), error, datetime.now(UTC))

        async with self._limit:
            while True:
                try:
                    await self._check_address(current)
                    response = await self._ask(current)
                except _Blocked as exc:
                    return answer("private", None, str(exc))
                except _Unreachable as exc:
                    return answer("unchecked", None, str(exc))
                except httpx.TimeoutException:
                    return answer("unchecked", None, f"no answer within {self.settings.timeout:g} s")
                except httpx.TransportError as exc:  # refused, reset, no route: the network, not the link
                    return answer("unchecked", None, _describe(exc))
                except (httpx.HTTPError, ValueError) as exc:
                    return answer("error", None, _describe(exc))
                status = response.status_code
                chain.append(Hop(current, status))
                if status not in REDIRECTS:
                    if PARKING_HOSTS.fullmatch((urlsplit(current).hostname or "").lower()):
                        return answer("dead", status, f"a parked domain ({urlsplit(current).hostname})")
                    if status < 400:
                        return answer("ok", status)
                    if status >= 500:  # the server failed (after the retries): no word on whether the page exists
                        return answer("unchecked", status, f"HTTP {status}: the server failed to answer")
                    return answer("refused" if status in REFUSED else "dead", status, f"HTTP {status}")
                location = response.headers.get("location")
                if not location:
                    return answer("error", status, f"HTTP {status} without a Location header")
                following = urljoin(current, location.strip())
                if urlsplit(following).scheme not in ("http", "https"):
                    return answer("error", status, f"redirect to a non-web address {following!r}")
                if following in seen:
                    current = following
                    return answer("loop", status, f"redirect loop back to {following}")
                if len(chain) > self.settings.max_hops:  # chain holds the redirects followed so far, plus this one
                    return answer(
                        "too-many-redirects",
                        status,
                        f"more than {self.settings.max_hops} redirects",
                    )
                seen.add(following)
                current = following


def _describe(exc: Exception) -> str:
    return f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__


def _client(settings: ResolverSettings) -> httpx.AsyncClient:
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))  # accepts none, so sends none
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(settings.timeout),
        cookies=no_cookies,
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,*/*;q=0.8"},
        limits=httpx.Limits(max_connections=settings.concurrency * 2),
        trust_env=False,
    )


async def _resolve_all(urls: list[str], settings: ResolverSettings, done: Callable[[Answer], None] | None) -> dict[str, Answer]:
    async with _client(settings) as client:
        resolver = Resolver(settings, client)

        async def one(url: str) -> Answer:
            found = await resolver.resolve(url)
            if done:
                done(found)
            return found

        answers = await asyncio.gather(*(one(url) for url in urls))
    return {answer.url: answer for answer in answers}


def resolve_all(
    urls: Iterable[str],
    settings: ResolverSettings = ResolverSettings(),
    done: Callable[[Answer], None] | None = None,
) -> dict[str, Answer]:
    """Ask every distinct URL; ``done`` is called after each one (for a progress bar)."""
    return asyncio.run(_resolve_all(list(dict.fromkeys(urls)), settings, done))


@dataclass(frozen=True)
class Fetched:
    """A file downloaded (the remote images of an imported issue): its bytes, or why there are none."""

    url: str
    data: bytes
    content_type: str
    error: str  # "" when ``data`` is the whole file


async def _fetch(resolver: Resolver, url: str, max_bytes: int) -> Fetched:
    """GET ``url``, redirect by redirect, each hop's address checked like a link check's."""
    current, seen = url, {url}
    async with resolver._limit:
        for _ in range(resolver.settings.max_hops + 1):
            try:
                await resolver._check_address(current)
                target, headers = resolver._route(current)
                async with resolver.client.stream("GET", target, headers=headers) as response:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECTS and location:
                        current = urljoin(current, location.strip())
                        if current in seen or urlsplit(current).scheme not in ("http", "https"):
                            return Fetched(url, b"", "", f"a redirect loop or a non-web redirect to {current}")
                        seen.add(current)
                        continue
                    if response.status_code != 200:
                        return Fetched(url, b"", "", f"HTTP {response.status_code}")
                    data = bytearray()
                    async for chunk in response.aiter_bytes():
                        data += chunk
                        if len(data) > max_bytes:
                            return Fetched(url, b"", "", f"larger than {max_bytes // 1_000_000} MB")
                    return Fetched(url, bytes(data), response.headers.get("content-type", ""), "")
            except (_Blocked, _Unreachable) as exc:
                return Fetched(url, b"", "", str(exc))
            except (httpx.HTTPError, ValueError) as exc:
                return Fetched(url, b"", "", _describe(exc))
    return Fetched(url, b"", "", f"more than {resolver.settings.max_hops} redirects")


async def _fetch_all(urls: list[str], settings: ResolverSettings, max_bytes: int) -> dict[str, Fetched]:
    async with _client(settings) as client:
        resolver = Resolver(settings, client)
        found = await asyncio.gather(*(_fetch(resolver, url, max_bytes) for url in urls))
    return {item.url: item for item in found}


def fetch_all(urls: Iterable[str], settings: ResolverSettings = ResolverSettings(), max_bytes: int = 20_000_000) -> dict[str, Fetched]:
    """Download every distinct URL with the link checker's client: no cookies, no private addresses."""
    return asyncio.run(_fetch_all(list(dict.fromkeys(urls)), settings, max_bytes))
