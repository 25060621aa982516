"""A polite, safe HTTP client for crawling news sites (httpx, async).

- robots.txt obeyed as RFC 9309 says (flows/robots.py: protego, its departures from the RFC mended):
  up to five redirects followed; 4xx = no restrictions;
  5xx or unreachable = nothing may be fetched from that host this run; the outcome per host is kept in
  `robots_states`. Crawl-delay honoured up to 30 s; one request at a time per host with a per-host
  delay; many hosts in parallel.
- http/https only; hosts that resolve to non-public addresses are refused on every hop unless
  allow_private; redirects are followed by hand (at most max_redirects, same site only).
- the body is streamed and capped on *decompressed* bytes; connect/read/total timeouts.
- 429/503 honour Retry-After; 5xx, timeouts and connection errors retry with backoff and jitter. A
  Retry-After longer than 30 s pauses that host (other hosts go on): its URLs are skipped with reason
  `paused` until the time has passed, and the pause is kept in `pauses` for the run report.
"""

from __future__ import annotations

import asyncio
import ipaddress
import random
import socket
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from flows.errors import BlockedAddress, BodyTooLarge, FetchError, HostPaused, OffsiteRedirect, RobotsDisallowed
from flows.robots import Robots, disallow_all
from flows.settings import CrawlSettings
from flows.sites import site_of

MAX_CRAWL_DELAY_S = 30.0
MAX_RETRY_AFTER_S = 30.0
ROBOTS_REDIRECTS = 5          # RFC 9309: follow at least five
ATTEMPTS = 3
ADDRESS_RECHECK_S = 60.0      # a host's resolved addresses are checked again after this long


@dataclass(frozen=True, slots=True)
class Response:
    url: str                  # asked for
    final_url: str            # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_s: float


def check_address(host: str, *, allow_private: bool) -> None:
    """Refuse hosts that resolve to loopback, private, link-local, reserved or metadata addresses."""
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        mapped = getattr(ip, "ipv4_mapped", None)
        ip = mapped or ip
        if not ip.is_global or ip.is_multicast:
            raise BlockedAddress(f"{host} resolves to non-public address {ip}")


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float = 0.0
    robots: Robots | None = None
    robots_loaded: bool = False
    address_checked_at: float = -1e9
    paused_until: float = 0.0


class Client:
    """One per run; use as `async with Client(settings) as c: await c.get(url)`."""

    def __init__(self, settings: CrawlSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self._hosts: dict[str, _Host] = {}
        self.robots_states: dict[str, str] = {}    # host -> ok | missing (4xx: allow all) | unavailable (disallow all)
        self.pauses: dict[str, float] = {}         # host -> seconds it asked us to stay away
        timeout = httpx.Timeout(settings.read_timeout_s, connect=settings.connect_timeout_s)
        self._http = httpx.AsyncClient(timeout=timeout, follow_redirects=False, transport=transport,
                                       headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"})

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._http.aclose()

    def _host(self, host: str) -> _Host:
        return self._hosts.setdefault(host, _Host())

    async def robots(self, url: str) -> Robots | None:
        """The host's robots rules, loaded once per run (None: no restrictions)."""
        parts = urlsplit(url)
        h = self._host(parts.netloc)
        if not h.robots_loaded:
            h.robots_loaded = True
            h.robots, self.robots_states[parts.netloc] = await self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        return h.robots

    async def _load_robots(self, url: str) -> tuple[Robots | None, str]:
        """RFC 9309: follow up to five redirects (wherever they go; every hop is address-checked);
        200 = the rules; 4xx (or too many redirects) = allow all; 5xx or unreachable = disallow all."""
        first = url
        try:
            for _ in range(ROBOTS_REDIRECTS + 1):
                r = await asyncio.wait_for(self._request(url), timeout=self.settings.total_timeout_s)
                if r.status in (301, 302, 303, 307, 308) and "location" in r.headers:
                    url = urljoin(url, r.headers["location"])
                    if urlsplit(url).scheme not in ("http", "https"):
                        return None, f"missing: redirect to {url}"
                    continue
                if r.status == 200:
                    return Robots.parse(r.body, self.settings.user_agent), "ok"
                if 400 <= r.status < 500:
                    return None, f"missing: status {r.status}"
                return disallow_all(self.settings.user_agent), f"unavailable: status {r.status}"
            return None, f"missing: more than {ROBOTS_REDIRECTS} redirects"
        except BlockedAddress:
            if url == first:         # the host itself is refused: its pages will say so, with that reason
                return None, "blocked-address"
            return disallow_all(self.settings.user_agent), "unavailable: redirect to a refused address"
        except (FetchError, httpx.HTTPError, TimeoutError) as exc:
            return disallow_all(self.settings.user_agent), f"unavailable: {type(exc).__name__}"

    async def _polite_wait(self, host: str, delay_s: float) -> None:
        h = self._host(host)
        robots_delay = h.robots.crawl_delay() if h.robots else None
        wait = max(delay_s, min(float(robots_delay or 0), MAX_CRAWL_DELAY_S))
        gap = time.monotonic() - h.last
        if gap < wait:
            await asyncio.sleep(wait - gap)

    async def get(self, url: str, *, headers: dict[str, str] | None = None, delay_s: float | None = None,
                  same_site: str | None = None) -> Response:
        """GET with robots, politeness, retries and manual same-site redirects."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}")
        robots = await self.robots(url)
        if robots is not None and not robots.can_fetch(url):
            state = self.robots_states.get(parts.netloc, "ok")
            raise RobotsDisallowed(f"robots.txt disallows {url}" if state == "ok" else
                                   f"robots.txt {state}: nothing is fetched from {parts.netloc} this run")
        h = self._host(parts.netloc)
        if h.paused_until > time.monotonic():
            raise HostPaused(f"{parts.netloc} asked to wait {self.pauses[parts.netloc]:.0f} s (Retry-After)")
        async with h.lock:
            await self._polite_wait(parts.netloc, self.settings.delay_s if delay_s is None else delay_s)
            try:
                return await self._with_retries(url, headers or {}, same_site or site_of(parts.hostname))
            finally:
                h.last = time.monotonic()

    async def _with_retries(self, url: str, headers: dict[str, str], site: str) -> Response:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                r = await self._follow(url, headers, site)
            except (TimeoutError, httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt == ATTEMPTS:
                    raise FetchError(f"{type(exc).__name__} after {ATTEMPTS} attempts") from exc
                await asyncio.sleep(_backoff(attempt))
                continue
            if r.status in (429, 503) or r.status >= 500:
                wait = _retry_after(r.headers.get("retry-after"))
                if wait is not None and wait > MAX_RETRY_AFTER_S:
                    host = urlsplit(url).netloc
                    self._host(host).paused_until = time.monotonic() + wait
                    self.pauses[host] = wait
                    raise HostPaused(f"{host} asked to wait {wait:.0f} s (Retry-After): paused")
                if attempt == ATTEMPTS:
                    return r
                await asyncio.sleep(wait if wait is not None else _backoff(attempt))
                continue
            return r
        raise AssertionError("unreachable")

    async def _follow(self, url: str, headers: dict[str, str], site: str) -> Response:
        start, current, seen = time.monotonic(), url, {url}
        for _ in range(self.settings.max_redirects + 1):
            r = await asyncio.wait_for(self._request(current, headers=headers),
                                       timeout=self.settings.total_timeout_s)
            if r.status not in (301, 302, 303, 307, 308) or "location" not in r.headers:
                return Response(url, current, r.status, r.headers, r.body, time.monotonic() - start)
            nxt = urljoin(current, r.headers["location"])
            host = urlsplit(nxt).hostname or ""
            if urlsplit(nxt).scheme not in ("http", "https") or site_of(host) != site:
                raise OffsiteRedirect(f"redirect from {current} leaves the site: {nxt}")
            if nxt in seen:
                raise OffsiteRedirect(f"redirect loop at {nxt}")
            seen.add(nxt)
            current = nxt
        raise OffsiteRedirect(f"more than {self.settings.max_redirects} redirects from {url}")

    async def _request(self, url: str, *, headers: dict[str, str] | None = None) -> Response:
        host = urlsplit(url).hostname or ""
        h = self._host(urlsplit(url).netloc)
        if time.monotonic() - h.address_checked_at > ADDRESS_RECHECK_S:   # every hop's host, re-resolved each minute
            await asyncio.to_thread(check_address, host, allow_private=self.settings.allow_private)
            h.address_checked_at = time.monotonic()
        start = time.monotonic()
        async with self._http.stream("GET", url, headers=headers) as resp:
            chunks, size = [], 0
            async for chunk in resp.aiter_bytes():   # decoded bytes: a gzip bomb is stopped at the cap
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise BodyTooLarge(f"body of {url} exceeds {self.settings.max_bytes} bytes")
                chunks.append(chunk)
            return Response(url, url, resp.status_code, {k.lower(): v for k, v in resp.headers.items()},
                            b"".join(chunks), time.monotonic() - start)


def _backoff(attempt: int) -> float:
    return min(8.0, 0.5 * 2 ** (attempt - 1)) * (0.5 + random.random())


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None
