"""Crawling one source: discover article URLs, fetch them politely (conditional GET), archive
raw responses as WARC, and hand HTML pages to extraction as PageInput.

Every outcome becomes a `pages` row: fetched, not modified, or skipped with its reason.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
import threading
import time
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from fastwarc.warc import WarcRecord, WarcRecordType

from flows.discover import (
    ARTICLE_PATH,
    LISTING_PATH,
    Found,
    clean_url,
    feed_links,
    page_links,
    parse_feed,
    parse_sitemap,
    parse_wp_posts,
    trap_reason,
)
from flows.errors import FetchError, NotHtml
from flows.http import Client, Response
from flows.page import PageInput, PageRow, page_row
from flows.settings import CrawlSettings, Source
from flows.sites import site_of
from flows.text import charset_of

log = logging.getLogger(__name__)

MAX_SITEMAPS = 50
MAX_LISTING_PAGES = 30        # listing/tag/pagination pages followed when a site has no sitemap or feed
PAUSE_AFTER_FAILURES = 5      # consecutive failed fetches after which a source is left alone for the run


@dataclass
class CrawlResult:
    records: list[PageRow] = field(default_factory=list)   # `pages` rows of fetches that yield no article
    fetched: int = 0                                              # HTML pages handed to extraction
    source: str = ""
    seconds: float = 0.0                                          # discovery and fetching of this source
    robots: str | None = None                                     # robots.txt outcome for its host (RFC 9309)
    paused_s: float | None = None                                 # Retry-After pause its host asked for
    discovery: dict[str, int] = field(default_factory=dict)       # article URLs found per method (sitemap, feed ...)
    not_fetched: int = 0                                          # due URLs left when the run was asked to stop


@dataclass(frozen=True, slots=True)
class Known:
    """What the database remembers of a URL: validators for a conditional GET, and when it was fetched."""

    etag: str | None
    last_modified: str | None
    last_fetch: str          # ISO timestamp of the latest successful fetch
    first_fetch: str         # ISO timestamp of the first one (the article's age, as far as we know)
    gone: bool = False       # the latest answer was 404/410: taken down
    source: str | None = None   # the source that fetched it last (--recheck asks all of a source's URLs)


Emit = Callable[[PageInput], Awaitable[None]]


def should_fetch(f: Found, known: Known | None, settings: CrawlSettings, now: datetime) -> bool:
    """The revisit policy: new URLs always, and every URL under `recheck`; a taken-down URL only when its
    sitemap/feed date moves; a URL fetched less than `refetch_after_hours` ago never (a restarted run does
    not fetch again what the killed one committed); articles first seen within `revisit_days` get a
    conditional GET every run; older ones only when their sitemap/feed date is newer than our last fetch."""
    if known is None or settings.recheck:
        return True
    if known.gone:           # taken down: asked again only when its sitemap/feed date moves (it may come back)
        return f.lastmod is not None and f.lastmod[:19] > known.last_fetch[:19]
    last = datetime.fromisoformat(known.last_fetch)
    if now - last < timedelta(hours=settings.refetch_after_hours):
        return False
    if now - datetime.fromisoformat(known.first_fetch) <= timedelta(days=settings.revisit_days):
        return True
    return f.lastmod is not None and f.lastmod[:19] > known.last_fetch[:19]


class WarcArchive:
    """Appends raw responses to one WARC file per run, so reextract needs no network.

    Records are built by FastWARC (Rust, digests included) and each is its own gzip member (the usual
    .warc.gz layout, so any record can be read from its offset, by warcio too), compressed at level 1:
    with warcio's writer and level 9 archiving cost three times the fetching (bench/bench_fetch.py).
    Writes are thread-safe so the crawler can archive off the event loop (zlib releases the GIL).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fh = path.open("ab")
        self._lock = threading.Lock()

    def write(self, r: Response) -> int:
        head = f"HTTP/1.1 {r.status} OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in r.headers.items()
                                                      if k not in ("content-encoding", "transfer-encoding"))
        record = WarcRecord()
        record.init_headers(record_type=WarcRecordType.response)
        record.headers["WARC-Target-URI"] = r.final_url
        record.set_bytes_content(head.encode("latin-1", "replace") + b"\r\n" + r.body)
        buf = io.BytesIO()
        record.write(buf, checksum_data=True)
        packer = zlib.compressobj(1, zlib.DEFLATED, 31)     # wbits 31: a gzip member
        member = packer.compress(buf.getvalue()) + packer.flush()
        with self._lock:
            offset = self._fh.tell()
            self._fh.write(member)
            self._fh.flush()     # in the OS before the page is extracted: the journal a resumed run reads
        return offset

    def close(self) -> None:
        self._fh.close()


def _unwanted(url: str, source: Source, settings: CrawlSettings, site: str, *, pattern: bool = True) -> str | None:
    """Why a discovered URL is not fetched (the reason recorded for it), None when it is wanted."""
    parts = urlsplit(url)
    if len(url) > settings.max_url_length:
        return f"too-long: URL longer than {settings.max_url_length} characters"
    if site_of(parts.hostname or "") != site:
        return f"offsite: {parts.hostname} is not {site}"
    if reason := trap_reason(url):
        return reason
    if pattern and source.url_pattern and not re.search(source.url_pattern, url):
        return "filtered: url_pattern"
    if source.topic and source.topic.lower() not in url.lower():
        return "filtered: topic"
    return None


#: reasons recorded as a `pages` row per URL; the others (a configured filter, --since, the page budget) are
#: counted per reason in the run's details, since they concern thousands of a site's URLs every run
RECORDED_DROPS = ("too-long", "offsite", "trap")


@dataclass
class Discovery:
    """What discovery found: the URLs to fetch (newest first, within the budget) and those it left, with why."""

    urls: list[Found] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)    # (url, reason) of RECORDED_DROPS
    counts: Counter[str] = field(default_factory=Counter)            # every drop, by reason


async def _try(client: Client, url: str, site: str) -> Response | None:
    try:
        r = await client.get(url, same_site=site)
    except FetchError as exc:
        log.info("discovery: %s: %s", url, exc)
        return None
    return r if r.status == 200 else None


async def discover(client: Client, source: Source, settings: CrawlSettings) -> Discovery:
    """Article URLs of a source, newest first, within its page budget, and the ones left out with a reason."""
    base, site = source.base_url, site_of(urlsplit(source.base_url).hostname or "")
    sitemaps: list[str] = list(source.sitemaps)
    feeds: list[str] = list(source.feeds)
    found: list[Found] = []
    if "robots" in source.discovery:
        robots = await client.robots(base)
        sitemaps += list(robots.sitemaps) if robots else []
    if "sitemap" in source.discovery and not sitemaps:
        sitemaps.append(clean_url("/sitemap.xml", base) or base)
    seen: set[str] = set()
    children: list[Found] = []          # of sitemap indexes: read newest first, so the cap drops the oldest
    while (sitemaps or children) and len(seen) < MAX_SITEMAPS:
        if not sitemaps:
            children.sort(key=lambda f: f.lastmod or "", reverse=True)
            sitemaps.append(children.pop(0).url)
        sm = sitemaps.pop(0)
        if sm in seen:
            continue
        seen.add(sm)
        r = await _try(client, sm, site)
        for f in parse_sitemap(r.body, sm) if r else []:
            (children.append(f) if f.kind == "sitemap" else found.append(replace(f, via="sitemap")))
    if "feed" in source.discovery:
        if not feeds:
            home = await _try(client, base, site)
            feeds = feed_links(home.body, base) if home else []
        for feed in feeds:
            r = await _try(client, feed, site)
            found += [replace(f, via="feed") for f in parse_feed(r.body, feed)] if r else []
    if "wp-json" in source.discovery and not found:
        query = "per_page=100" + (f"&after={settings.since.isoformat()}T00:00:00" if settings.since else "") + \
            (f"&search={source.topic}" if source.topic else "")
        api = clean_url(f"/wp-json/wp/v2/posts?{query}", base)
        r = await _try(client, api, site) if api else None
        found += [replace(f, via="wp-json") for f in parse_wp_posts(r.body, base)] if r else []
    out = Discovery()
    if not found:
        listed, out.dropped = await _listing_links(client, source, site, settings)
        found = [replace(f, via="listing") for f in listed]
        out.counts.update(reason.split(":", 1)[0] for _, reason in out.dropped)
    since = settings.since.isoformat() if settings.since else ""
    unique: dict[str, Found] = {}        # the first method that found a URL keeps it (sitemap before feed)
    for f in found:
        if f.url in unique:
            continue
        reason = _unwanted(f.url, source, settings, site) or (
            f"since: dated {f.lastmod[:10]}, before {since}" if since and f.lastmod and f.lastmod < since else None)
        if reason is None:
            unique[f.url] = f
            continue
        kind = reason.split(":", 1)[0]
        out.counts[kind] += 1
        if kind in RECORDED_DROPS:
            out.dropped.append((f.url, reason))
    ordered = sorted(unique.values(), key=lambda f: f.lastmod or "", reverse=True)
    out.urls = ordered[: settings.pages_per_source]
    if len(ordered) > len(out.urls):
        out.counts["deferred"] += len(ordered) - len(out.urls)     # the next runs fetch them, newest first
    return out


async def _listing_links(client: Client, source: Source, site: str,
                         settings: CrawlSettings) -> tuple[list[Found], list[tuple[str, str]]]:
    """Last resort for sites without sitemap or feed: follow listing pages (home, categories, tags,
    pagination) breadth first, at most MAX_LISTING_PAGES of them, collecting article-like links. The site's
    own links left out as traps or too long come back with their reason (off-site links are no article)."""
    queue, seen = [source.base_url], {source.base_url}
    found: dict[str, Found] = {}
    dropped: list[tuple[str, str]] = []
    pages = 0
    while queue and pages < MAX_LISTING_PAGES and len(found) < settings.pages_per_source:
        url = queue.pop(0)
        page = await _try(client, url, site)
        pages += 1
        if page is None:
            continue
        for link in page_links(page.body, url):
            if link in seen:
                continue
            seen.add(link)
            reason = _unwanted(link, source, settings, site, pattern=False)
            if reason:
                if reason.startswith(("trap", "too-long")):
                    dropped.append((link, reason))
                continue
            path = urlsplit(link).path + ("?" + urlsplit(link).query if urlsplit(link).query else "")
            if (source.url_pattern and re.search(source.url_pattern, link)) or \
                    (not source.url_pattern and ARTICLE_PATH.search(path) and not LISTING_PATH.search(path)):
                found[link] = Found(link)
            elif LISTING_PATH.search(path) or path.count("/") <= 2:
                queue.append(link)
    return list(found.values()), dropped


async def fetch_pages(client: Client, source: Source, urls: list[Found], known: dict[str, Known],
                      archive: WarcArchive | None, run_id: str, emit: Emit,
                      settings: CrawlSettings | None = None, stop: threading.Event | None = None) -> CrawlResult:
    """Fetch each URL due under the revisit policy, once (conditional GET when we have validators);
    HTML pages go to extraction through `emit` as they arrive. Once `stop` is set no new request starts (the
    URLs left are counted; the next run fetches them)."""
    out = CrawlResult()
    site = site_of(urlsplit(source.base_url).hostname or "")
    failures = 0
    now = datetime.now(UTC).replace(tzinfo=None)
    for i, f in enumerate(urls):
        if stop is not None and stop.is_set():
            out.not_fetched = len(urls) - i
            break
        seen = known.get(f.url)
        if settings is not None and not should_fetch(f, seen, settings, now):
            continue
        headers = {k: v for k, v in (("If-None-Match", seen and seen.etag),
                                     ("If-Modified-Since", seen and seen.last_modified)) if v}
        row = page_row(f.url, source.id, run_id)
        if failures >= PAUSE_AFTER_FAILURES:
            out.records.append(PageRow(**row, outcome="skipped", error="paused: source kept failing this run"))
            continue
        failures += 1       # reset below by any answer that is not a server or network failure
        try:
            r = await client.get(f.url, headers=headers, delay_s=source.delay_s, same_site=site)
            row.update({"final_url": r.final_url, "status": r.status, "etag": r.headers.get("etag"),
                        "last_modified": r.headers.get("last-modified"), "content_type": r.headers.get("content-type"),
                        "bytes": len(r.body)})
            if r.status < 500 and r.status != 429:
                failures = 0
            if r.status == 304:
                out.records.append(PageRow(**row, outcome="not-modified"))
                continue
            if r.status in (404, 410) and seen is not None:
                out.records.append(PageRow(**row, outcome="gone", error=f"gone: status {r.status}"))
                continue
            if r.status != 200:
                out.records.append(PageRow(**row, outcome="error", error=f"http: status {r.status}"))
                continue
            ctype = (r.headers.get("content-type") or "").lower()
            if ctype and "html" not in ctype:
                raise NotHtml(f"content-type {ctype}")
            if archive:
                row.update({"warc_file": archive.path.name, "warc_offset": await asyncio.to_thread(archive.write, r)})
            await emit(PageInput(r.final_url, r.body, source.id, row["fetched_at"], charset=charset_of(ctype),
                                 page_row=row))
            out.fetched += 1
        except FetchError as exc:
            if exc.reason != "fetch":
                failures = 0        # a policy skip (robots, size, redirect, type) says nothing about the server
            out.records.append(PageRow(**row, outcome="skipped" if exc.reason != "fetch" else "error",
                                       error=f"{exc.reason}: {exc}"))
    return out


def _known_elsewhere(source: Source, known: dict[str, Known], listed: list[Found]) -> list[Found]:
    """--recheck: every URL this source fetched before that discovery did not list now (a removed story has
    usually left the sitemap too), so a 404/410 can mark it gone."""
    listed_urls = {f.url for f in listed}
    return [Found(url, via="recheck") for url, k in sorted(known.items()) if k.source == source.id and url not in listed_urls]


def _source_error(source: Source, run_id: str, error: str) -> CrawlResult:
    return CrawlResult(records=[page_row(source.base_url, source.id, run_id, outcome="error", error=error)])


async def _crawl_one(client: Client, source: Source, settings: CrawlSettings, known: dict[str, Known],
                     archive: WarcArchive | None, run_id: str, emit: Emit, stop: threading.Event) -> CrawlResult:
    try:
        found = await discover(client, source, settings)
        if stop.is_set():
            return CrawlResult(not_fetched=len(found.urls))
        urls = found.urls + (_known_elsewhere(source, known, found.urls) if settings.recheck else [])
        skipped = [page_row(url, source.id, run_id, outcome="skipped", error=reason) for url, reason in found.dropped]
        if not urls:
            result = _source_error(source, run_id, "discovery: no article URLs found")
            result.records += skipped
            return result
        result = await fetch_pages(client, source, urls, known, archive, run_id, emit, settings, stop)
        result.records += skipped
        result.discovery = dict(Counter(f.via for f in urls)) | {f"dropped:{k}": n for k, n in sorted(found.counts.items())}
        return result
    except Exception as exc:  # one broken source must not stop the others: record it
        log.exception("source %s failed", source.id)
        return _source_error(source, run_id, f"source: {type(exc).__name__}: {exc}")


async def crawl_sources(sources: list[Source], settings: CrawlSettings, known: dict[str, Known],
                        archive: WarcArchive | None, run_id: str, emit: Emit,
                        stop: threading.Event | None = None) -> list[CrawlResult]:
    """All sources in parallel (one request at a time per host inside Client); pages are emitted as
    they arrive, so extraction and loading run while the crawl goes on and memory stays flat. Once `stop`
    is set, requests under way finish and no other starts."""
    stop = stop or threading.Event()
    async with Client(settings) as client:
        async def one(source: Source) -> CrawlResult:
            start = time.perf_counter()
            result = await _crawl_one(client, source, settings, known, archive, run_id, emit, stop)
            result.source, result.seconds = source.id, time.perf_counter() - start
            host = urlsplit(source.base_url).netloc
            result.robots, result.paused_s = client.robots_states.get(host), client.pauses.get(host)
            return result
        return list(await asyncio.gather(*(one(s) for s in sources)))


