"""The public jobs of warta, one function per CLI command (the CLI only parses arguments).

Each job opens the database once, applies migrations under that single writer, runs, records the
run in `runs` and ends with a CHECKPOINT.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import duckdb

from extractors import load_lexicon
from flows import report, snapshot, store
from flows.errors import Cancelled, CrawlFailed
from flows.local import iter_pages, source_namer, warc_pages
from flows.page import PageInput, PageRow
from flows.pipeline import (
    STOP,
    Loader,
    RunCounts,
    extract_and_load,
    make_pool,
)
from flows.settings import Settings, Source, load_settings, load_sources

if TYPE_CHECKING:
    from flows.resume import Journal

log = logging.getLogger(__name__)


def prepare(con: duckdb.DuckDBPyConnection, sources: list[Source] = ()) -> None:  # type: ignore[assignment]
    """Static reference data a run needs: the regions gazetteer and the configured sources."""
    store.load_regions(con, load_lexicon().regions.values())
    if sources:
        store.insert_rows(con, "sources", [{"source_id": s.id, "name": s.name, "base_url": s.base_url,
                                            "region": s.region, "config": json.dumps(s.model_dump(mode="json"))}
                                           for s in sources], replace=True)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM (systemd stop, Prefect cancellation) and SIGINT (Ctrl-C) end a run at its next batch
    boundary, marked `cancelled`, instead of killing it mid-write. Only the main thread can take signals;
    elsewhere (a Prefect worker thread) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    STOP.clear()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    for sig in previous:
        signal.signal(sig, lambda *_: STOP.set())
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        STOP.clear()


def _run_extraction(con: duckdb.DuckDBPyConnection, run_id: str, pages: Any, settings: Settings, *,
                    records: Callable[[], list[dict[str, Any]]] = list, progress: Any = None,
                    executor: Executor | None = None, force: bool = False, parallel: bool = True,
                    details: Callable[[], dict[str, Any]] = dict) -> RunCounts:
    """Extract `pages` (in worker processes, or on `executor`), record the fetch records that yielded
    no page, close the run. `records()` and `details()` are called after extraction: ingest and
    crawl fill them while pages stream."""
    loader = Loader(con, run_id, force=force)
    pool = executor or (make_pool(settings.pipeline.workers) if parallel else None)
    try:
        counts = extract_and_load(pages, loader, batch_size=settings.pipeline.batch_size, pool=pool,
                                  workers=settings.pipeline.workers, progress=progress,
                                  chunk=settings.pipeline.dask_batch if executor else None)
        loader.record(records())
        store.finish_run(con, run_id, counts.as_dict(), details={**details(), "failed_sources": counts.failed_sources()})
        return counts
    except BaseException as exc:
        try:
            store.finish_run(con, run_id, loader.counts.as_dict(),
                             status="cancelled" if isinstance(exc, Cancelled) else "failed",
                       details={"error": f"{type(exc).__name__}: {exc}"[:500]})
        except Exception as inner:   # a full disk may refuse even this; the next run marks the run crashed
            log.warning("could not record the end of run %s: %s", run_id, inner)
        raise
    finally:
        if pool and pool is not executor:
            pool.shutdown(cancel_futures=True)


def ingest(paths: list[Path], *, db: Path, settings: Settings | None = None, progress: Any = None,
           wait_s: float = 0.0, executor: Executor | None = None) -> RunCounts:
    """Load local HTML/text files, directories or WARC files; no network. `executor` runs the
    extraction elsewhere (a Dask cluster through Prefect, see deployments.ingest_on_dask)."""
    settings = settings or load_settings()
    with stop_on_signals(), snapshot.writing(db, wait_s=wait_s) as con:
        prepare(con)
        skipped: list[PageRow] = []
        pages = iter_pages(paths, max_bytes=settings.crawl.max_bytes, skipped=skipped,
                           warc_source=source_namer(load_sources()))
        return _run_extraction(con, store.start_run(con, "ingest"), pages, settings, records=lambda: skipped,
                               progress=progress, executor=executor)


def reextract(*, db: Path, settings: Settings | None = None, progress: Any = None) -> RunCounts:
    """Rebuild every article from the archived raw responses (WARC), without touching the network:
    after an extractor or cleaning change, `warta reextract` brings the whole database up to date."""
    settings = settings or load_settings()
    warc_dir = settings.resolve(settings.store.warc_dir)
    with stop_on_signals(), snapshot.writing(db) as con:
        prepare(con)
        rows = con.execute("""
            SELECT arg_max(warc_file, fetched_at), arg_max(warc_offset, fetched_at), arg_max(source, fetched_at)
            FROM pages WHERE warc_file IS NOT NULL AND warc_offset IS NOT NULL AND status = 200
            GROUP BY coalesce(final_url, url) ORDER BY 1, 2""").fetchall()
        records = [(warc_dir / f, int(o), s) for f, o, s in rows if (warc_dir / f).exists()]
        return _run_extraction(con, store.start_run(con, "reextract"), warc_pages(records, settings.crawl.max_bytes),
                               settings, progress=progress, force=True, parallel=len(records) > 50,
                               details=lambda: {"missing_warc": len(rows) - len(records)})


def known_urls(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the revisit policy knows of each fetched URL (flows.crawl.Known)."""
    from flows.crawl import Known
    return {u: Known(e, m, str(last), str(first), bool(gone), source)
            for u, e, m, last, first, gone, source in store.known_urls(con)}


_DONE = object()


def _crawl_in_background(sources: list[Source], settings: Settings, known: dict[str, Any], archive: Any,
                         run_id: str, results: list[Any]) -> Iterator[PageInput]:
    """Run the async crawl in a thread and yield its pages as they arrive (a bounded queue: the
    crawl waits when extraction falls behind, so a large crawl never holds all pages in memory)."""
    from flows.crawl import crawl_sources
    pages: queue.Queue[Any] = queue.Queue(maxsize=2 * settings.pipeline.batch_size)
    errors: list[BaseException] = []

    async def emit(page: PageInput) -> None:
        await asyncio.to_thread(pages.put, page)

    def work() -> None:
        try:
            results.extend(asyncio.run(crawl_sources(sources, settings.crawl, known, archive, run_id, emit)))
        except BaseException as exc:   # re-raised in the consuming thread below
            errors.append(exc)
        finally:
            pages.put(_DONE)

    thread = threading.Thread(target=work, name="warta-crawl", daemon=True)
    thread.start()
    while (item := pages.get()) is not _DONE:
        yield item
    thread.join()
    if errors:
        raise errors[0]


def _recovered(journal: Journal, known: dict[str, Any], max_bytes: int) -> Iterator[PageInput]:
    """Pages a crashed run archived but never committed, read back from its WARC file; each is
    entered in `known` so the crawl that follows does not fetch it again."""
    from flows.crawl import Known
    for page in warc_pages(journal.records, max_bytes):
        row, before = page.row(), known.get(page.url)
        known[page.url] = Known(row.get("etag"), row.get("last_modified"), row["fetched_at"],
                                before.first_fetch if before else row["fetched_at"], source=page.source)
        yield page


def crawl_sources_into(sources: list[Source], *, db: Path, settings: Settings, kind: str = "crawl",
                       progress: Any = None, wait_s: float = 0.0) -> RunCounts:
    """Discover, fetch and load the given sources in one run (pages are extracted while the crawl
    goes on), then publish the snapshot. Pages a killed run fetched but did not commit are loaded
    from its archive first (flows/resume.py), not fetched again."""
    from flows import resume
    from flows.crawl import WarcArchive  # httpx & co. only when crawling

    with stop_on_signals(), snapshot.writing(db, wait_s=wait_s) as con:
        prepare(con, sources)
        run_id = store.start_run(con, kind)
        warc_dir = settings.resolve(settings.store.warc_dir)
        journal = resume.unloaded(con, warc_dir, sources)
        known = known_urls(con)
        archive = WarcArchive(warc_dir / f"{run_id}.warc.gz")
        results: list[Any] = []
        try:
            pages = itertools.chain(_recovered(journal, known, settings.crawl.max_bytes),
                                    _crawl_in_background(sources, settings, known, archive, run_id, results))
            counts = _run_extraction(con, run_id, pages, settings, progress=progress,
                                     records=lambda: [rec for r in results for rec in r.records],
                                     details=lambda: {"recovered_pages": len(journal.records),
                                                      "recovered_runs": journal.runs,
                                                      "crawl_seconds": {r.source: round(r.seconds, 2) for r in results},
                                                      "robots": {r.source: r.robots for r in results if r.robots},
                                                      "paused_s": {r.source: r.paused_s for r in results if r.paused_s},
                                                      "discovery": {r.source: r.discovery for r in results}})
        finally:
            archive.close()
        resume.mark_recovered(con, journal.runs)
        return counts


def sources_from_urls(urls: list[str]) -> list[Source]:
    """Ad-hoc sources for `warta crawl URL...`: discovery by robots, sitemaps and feeds."""
    out = []
    for url in urls:
        host = urlsplit(url).netloc
        sid = "".join(c if c.isalnum() else "-" for c in host.lower()).strip("-") or "site"
        out.append(Source(id=sid, name=host, base_url=url, discovery=("robots", "sitemap", "feed", "wp-json")))
    return out


def check_sources(counts: RunCounts, sources: int) -> list[str]:
    """The sources that failed in this run; CrawlFailed when none of `sources` succeeded."""
    failed = counts.failed_sources()
    if sources and len(failed) >= sources:
        raise CrawlFailed(f"no source succeeded ({', '.join(sorted(failed))}); see `warta status` and the pages table")
    return failed


def summary(db: Path) -> dict[str, Any]:
    """Counts an operator wants after a run."""
    con = snapshot.reading(db)
    try:
        return store.summary(con)
    finally:
        con.close()


def status(db: Path, limit: int = 10) -> tuple[list[dict[str, Any]], list[str]]:
    """The last runs, newest first, and the sources failing several runs in a row."""
    con = snapshot.reading(db)
    try:
        return report.last_runs(con, limit), report.failing_sources(con)
    finally:
        con.close()


def run_report(db: Path) -> str:
    """Markdown report of the latest run (for the Prefect artifact and the logs)."""
    con = snapshot.reading(db)
    try:
        runs = report.last_runs(con, 1)
        return report.markdown(runs[0], report.failing_sources(con)) if runs else "no runs yet\n"
    finally:
        con.close()


