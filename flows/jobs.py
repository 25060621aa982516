"""The public jobs of warta, one function per CLI command (the CLI only parses arguments).

Each job opens the database once, applies migrations under that single writer, runs, records the
run in `runs` and ends with a CHECKPOINT.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import queue
import re
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urlsplit

import duckdb

from extractors import load_lexicon
from flows import report as run_reports
from flows import snapshot, store
from flows.errors import ConfigError, CrawlFailed, StoreError, WartaError
from flows.local import check_inputs, iter_pages, source_namer, warc_pages
from flows.page import PageInput, PageRow
from flows.settings import Settings, Source, load_settings, load_sources
from flows.stopping import Stop, stop_on_signals, until_stopped

if TYPE_CHECKING:
    from flows.crawl import CrawlResult
    from flows.resume import Journal
    from flows.writer import RunCounts  # the pipeline (pyarrow) loads only for a job that loads pages

log = logging.getLogger(__name__)
T = TypeVar("T")


def prepare(con: duckdb.DuckDBPyConnection, sources: Sequence[Source] = ()) -> None:
    """Static reference data a run needs: the regions gazetteer and the configured sources."""
    store.load_regions(con, load_lexicon().regions.values())
    if sources:
        store.insert_rows(con, "sources", [{"source_id": s.id, "name": s.name, "base_url": s.base_url,
                                            "region": s.region, "config": json.dumps(s.model_dump(mode="json"))}
                                           for s in sources], replace=True)


RunState = Callable[["RunCounts"], str]


def _loaded(counts: RunCounts) -> int:
    return counts.articles_new + counts.articles_updated + counts.unchanged + counts.not_modified


def input_state(counts: RunCounts) -> str:
    """ingest / reextract: failed when errors left nothing loaded, partial when some inputs failed."""
    errors = sum(counts.errors.values())
    return "failed" if errors and not _loaded(counts) else "partial" if errors else "ok"


def crawl_state(sources: int) -> RunState:
    """A crawl of `sources`: failed when none succeeded, partial when some failed (RunCounts.failed_sources)."""
    def state(counts: RunCounts) -> str:
        failed = len(counts.failed_sources())
        return "failed" if sources and failed >= sources else "partial" if failed else "ok"
    return state


def _run_extraction(con: duckdb.DuckDBPyConnection, run_id: str, pages: Any, settings: Settings, stop: Stop, *,
                    state: RunState = input_state,
                    progress: Any = None, executor: Executor | None = None, force: bool = False, parallel: bool = True,
                    details: Callable[[], dict[str, Any]] = dict) -> RunCounts:
    """Extract `pages` (in worker processes, or on `executor`; the fetch records that yielded no page come
    beside them and are recorded), close the run with its state (cancelled when `stop` was set: its input
    stopped early and what came is loaded). `details()` is called after extraction, when the input has told
    what it knows (a crawl's per-source results)."""
    from flows.pipeline import extract_and_load
    from flows.worker import make_pool
    from flows.writer import Loader
    loader = Loader(con, run_id, force=force)
    pool = executor or (make_pool(settings.pipeline.workers) if parallel else None)
    try:
        counts = extract_and_load(pages, loader, batch_size=settings.pipeline.batch_size, pool=pool,
                                  workers=settings.pipeline.workers, progress=progress,
                                  chunk=settings.pipeline.dask_batch if executor else None)
        counts.status = "cancelled" if stop.is_set() else state(counts)
        extra = {"stopped_by": stop.signal} if stop.is_set() else {}
        store.finish_run(con, run_id, counts.as_dict(), status=counts.status,
                         details={**details(), **extra, "failed_sources": counts.failed_sources()})
        return counts
    except BaseException as exc:
        try:
            store.finish_run(con, run_id, loader.counts.as_dict(), status="failed",
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
    check_inputs(paths)
    with stop_on_signals() as stop, snapshot.writing(db, wait_s=wait_s) as con:
        prepare(con)
        pages = until_stopped(iter_pages(paths, max_bytes=settings.crawl.max_bytes,
                                         warc_source=source_namer(load_sources())), stop)
        return _run_extraction(con, store.start_run(con, "ingest"), pages, settings, stop, progress=progress,
                               executor=executor)


def reextract(*, db: Path, settings: Settings | None = None, progress: Any = None, wait_s: float = 0.0) -> RunCounts:
    """Rebuild every article from the archived raw responses (WARC), without touching the network:
    after an extractor or cleaning change, `warta reextract` brings the whole database up to date."""
    settings = settings or load_settings()
    warc_dir = settings.warc_dir(db)
    with stop_on_signals() as stop, snapshot.writing(db, wait_s=wait_s) as con:
        prepare(con)
        rows = con.execute(store.statement("archived_pages")).fetchall()
        records = [(warc_dir / f, int(o), s) for f, o, s in rows if (warc_dir / f).exists()]
        if rows and not records:
            raise StoreError(f"none of the WARC files of {len(rows)} archived pages is in {warc_dir}; "
                             "set store.warc_dir to where they are")
        missing = len(rows) - len(records)
        return _run_extraction(con, store.start_run(con, "reextract"),
                               until_stopped(warc_pages(records, settings.crawl.max_bytes), stop), settings, stop,
                               state=lambda c: "partial" if missing else input_state(c), progress=progress,
                               force=True, parallel=len(records) > 50, details=lambda: {"missing_warc": missing})


def known_by_url(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the revisit policy knows of each fetched URL (flows.crawl.Known)."""
    from flows.crawl import Known
    return {u: Known(e, m, str(last), str(first), bool(gone), source)
            for u, e, m, last, first, gone, source in store.known_url_rows(con)}


@dataclass(frozen=True)
class _CrawlEnd:
    """What the crawl thread hands over last, through the page queue: its results, or the error that ended it."""

    results: list[CrawlResult]
    error: BaseException | None = None


def _crawl_in_background(sources: list[Source], settings: Settings, known: dict[str, Any], archive: Any,
                         run_id: str, stop: Stop, on_fetch: Callable[[str], None] | None = None
                         ) -> Generator[PageInput | PageRow, None, list[CrawlResult]]:
    """Run the async crawl in a thread and yield its pages as they arrive (a bounded queue: the
    crawl waits when extraction falls behind, so a large crawl never holds all pages in memory), then the
    fetch records that yielded no page; return each source's result. Nothing is shared with the thread
    but the queue."""
    from flows.crawl import crawl_sources
    pages: queue.Queue[PageInput | _CrawlEnd] = queue.Queue(maxsize=2 * settings.pipeline.batch_size)

    async def emit(page: PageInput) -> None:
        await asyncio.to_thread(pages.put, page)
        if on_fetch:
            on_fetch(page.source)

    def work() -> None:
        try:
            end = _CrawlEnd(asyncio.run(crawl_sources(sources, settings.crawl, known, archive, run_id, emit, stop)))
        except BaseException as exc:   # re-raised in the consuming thread below
            end = _CrawlEnd([], exc)
        pages.put(end)

    thread = threading.Thread(target=work, name="warta-crawl", daemon=True)
    thread.start()
    while not isinstance(item := pages.get(), _CrawlEnd):
        yield item
    thread.join()
    if item.error:
        raise item.error
    for result in item.results:
        yield from result.records
    return item.results


class _Returning(Generic[T]):
    """Iterate a generator and keep what it returns (`value`, once it is exhausted)."""

    def __init__(self, gen: Generator[Any, None, T]) -> None:
        self.gen = gen
        self.value: T | None = None

    def __iter__(self) -> Iterator[Any]:
        self.value = yield from self.gen


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
                       progress: Any = None, wait_s: float = 0.0, on_fetch: Callable[[str], None] | None = None) -> RunCounts:
    """Discover, fetch and load the given sources in one run (pages are extracted while the crawl
    goes on), then publish the snapshot. Pages a killed run fetched but did not commit are loaded
    from its archive first (flows/resume.py), not fetched again."""
    from flows import resume
    from flows.crawl import WarcArchive  # httpx & co. only when crawling

    if not sources:
        raise ConfigError("no sources to crawl (none configured, or none in the group asked for)")
    with stop_on_signals() as stop, snapshot.writing(db, wait_s=wait_s) as con:
        prepare(con, sources)
        run_id = store.start_run(con, kind)
        warc_dir = settings.warc_dir(db)
        journal = resume.unloaded(con, warc_dir, sources)
        known = known_by_url(con)
        archive = WarcArchive(warc_dir / f"{run_id}.warc.gz")
        crawl = _Returning(_crawl_in_background(sources, settings, known, archive, run_id, stop, on_fetch))
        try:
            pages = itertools.chain(until_stopped(_recovered(journal, known, settings.crawl.max_bytes), stop), crawl)
            counts = _run_extraction(con, run_id, pages, settings, stop, state=crawl_state(len(sources)),
                                     progress=progress, details=lambda: _crawl_details(journal, crawl.value or []))
        finally:
            archive.close()
        resume.mark_recovered(con, journal.runs)
        return counts


def _crawl_details(journal: Journal, results: list[CrawlResult]) -> dict[str, Any]:
    """What a crawl run records of each source beside its counts (runs.details)."""
    return {"recovered_pages": len(journal.records), "recovered_runs": journal.runs,
            "crawl_seconds": {r.source: round(r.seconds, 2) for r in results},
            "robots": {r.source: r.robots for r in results if r.robots},
            "paused_s": {r.source: r.paused_s for r in results if r.paused_s},
            "discovery": {r.source: r.discovery for r in results},
            "not_fetched": {r.source: r.not_fetched for r in results if r.not_fetched}}


def sources_from_urls(urls: list[str]) -> list[Source]:
    """Ad-hoc sources for `warta crawl URL...`: discovery by robots, sitemaps and feeds."""
    out = []
    for url in urls:
        if not re.match(r"^https?://[^/\s]+", url.strip()):
            raise ConfigError(f"{url!r} is not a site address: give http(s)://host/ (e.g. https://sulselekspres.com/)")
        host = urlsplit(url).netloc
        sid = "".join(c if c.isalnum() else "-" for c in host.lower()).strip("-") or "site"
        out.append(Source(id=sid, name=host, base_url=url, discovery=("robots", "sitemap", "feed", "wp-json")))
    return out


def select_sources(path: Path | None, group: str | None) -> list[Source]:
    """The configured sources (of one group when given); refused when there are none to crawl."""
    sources = load_sources(path)
    chosen = [s for s in sources if group in (None, s.group)]
    if not chosen:
        where = f"group {group!r} (groups: {', '.join(sorted({s.group for s in sources})) or 'none'})" if group else "it"
        raise ConfigError(f"no sources to crawl in {where}; see data/sources.toml")
    return chosen


def crawl(urls: list[str], *, db: Path, settings: Settings, progress: Any = None,
          on_fetch: Callable[[str], None] | None = None, wait_s: float = 0.0) -> RunCounts:
    """`warta crawl URL...`: the named sites, discovered by robots.txt, sitemaps, feeds and WP REST."""
    return crawl_sources_into(sources_from_urls(urls), db=db, settings=settings, progress=progress,
                              on_fetch=on_fetch, wait_s=wait_s)


@dataclass(frozen=True)
class DemoResult:
    counts: RunCounts
    summary: dict[str, Any]
    db: Path
    report: Path


def demo(*, db: Path, settings: Settings, progress: Any = None, on_fetch: Callable[[str], None] | None = None,
         wait_s: float = 0.0) -> DemoResult:
    """`warta demo`: serve the bundled outlets on 127.0.0.1, crawl them into `db` (loopback allowed, no delay) and
    write the HTML report beside it."""
    from flows.demo import serve_outlets
    from flows.report_html import write_report
    demo_crawl = settings.crawl.model_copy(update={"allow_private": True, "delay_s": 0.0, "refetch_after_hours": 0.0})
    with serve_outlets() as sources:
        counts = crawl_sources_into(sources, db=db, settings=settings.model_copy(update={"crawl": demo_crawl}),
                                    kind="demo", progress=progress, on_fetch=on_fetch, wait_s=wait_s)
    return DemoResult(counts, summary(db), db, write_report(db, db.parent / "report", settings.schedule.timezone))


def run_line(counts: dict[str, Any]) -> str:
    """One line for logs and Prefect: the state, pages, articles, facts and errors of a run."""
    errors = sum((counts.get("errors") or {}).values())
    return (f"{counts.get('status', '?')}: {counts.get('pages', 0)} pages, {counts.get('articles_new', 0)} new and "
            f"{counts.get('articles_updated', 0)} updated articles, {counts.get('facts', 0)} facts, {errors} errors"
            + (f", failed sources: {', '.join(counts['failed_sources'])}" if counts.get("failed_sources") else ""))


def check_sources(counts: RunCounts) -> list[str]:
    """The sources that failed in this run; CrawlFailed when the run failed (no source succeeded)."""
    failed = counts.failed_sources()
    if counts.status == "failed":
        raise CrawlFailed(f"no source succeeded ({', '.join(sorted(failed))}); see `warta status` and the pages table")
    return failed


def summary(db: Path) -> dict[str, Any]:
    """Counts an operator wants after a run."""
    con = snapshot.reading(db)
    try:
        return store.summary(con)
    finally:
        con.close()


def status(db: Path, limit: int = 10) -> dict[str, Any]:
    """The last runs, newest first (with their duration, skipped-fact reasons and details decoded), and the
    sources failing several runs in a row: what `warta status --format json` prints. `writer` says whether a
    run is writing now, or was interrupted (kill -9) before the snapshot could show it (`snapshot.writer`)."""
    writer = snapshot.writer(db)
    if writer and not db.exists():          # the very first run is writing, or was killed
        return {"runs": [], "failing_sources": [], "writer": writer}
    con = snapshot.reading(db)
    try:
        rows, failing = run_reports.last_runs(con, limit), run_reports.failing_sources(con)
    finally:
        con.close()
    runs = [{**{k: v for k, v in r.items() if k != "details"}, "duration": run_reports.duration(r),
             "no_facts": run_reports.no_facts(r), "details": json.loads(r["details"]) if r.get("details") else None}
            for r in rows]
    return {"runs": runs, "failing_sources": failing, "writer": writer}


def run(sources: Path | None, db: Path, group: str | None = None, *, config: Path | None = None,
        recheck: bool = False, wait_s: float = 600.0) -> dict[str, Any]:
    """The scheduled job as a Prefect flow run (`warta run`): the run's counts; a WartaError when it failed before
    counting, a StoreError naming the Prefect state when it ended otherwise."""
    select_sources(sources, group)                # refused before Prefect starts: a bad file or an empty group
    from flows.deployments import run_flow
    state: Any = run_flow(str(sources) if sources else None, str(db), group, config=str(config) if config else None,
                          crawl={"recheck": True} if recheck else None, wait_s=wait_s, return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, WartaError):
        raise result
    if not isinstance(result, dict):
        raise StoreError(f"the Prefect run ended {state.name}: {state.message or result}")
    return result


def serve(sources: Path | None, db: Path, *, config: Path | None = None, crawl: dict[str, Any] | None = None,
          interval_s: float | None = None) -> None:
    """Serve the scheduled runs (one Prefect deployment per source group) until stopped (`warta serve`)."""
    select_sources(sources, None)
    from flows.deployments import serve_schedules
    serve_schedules(sources, db, config=config, crawl=crawl, interval_s=interval_s)


def extract(paths: list[Path], *, lang: str | None = None, published: str | None = None) -> Iterator[dict[str, Any]]:
    """The eval contract of each text, HTML or gold file (`warta extract`); no database."""
    from flows.local import extract as extract_files
    return extract_files(paths, lang=lang, published=published)


def train(gold: Path | None = None, out: Path | None = None) -> dict[str, Any]:
    """Fit the learned classifiers on gold articles (`warta train`); the model card written."""
    from flows import train as training
    return training.train(gold or training.DEFAULT_GOLD, out or training.MODEL_DIR)


def report(db: Path, out: Path, settings: Settings | None = None) -> Path:
    """Write the static HTML report of the snapshot (`warta report`), times in the settings' time zone."""
    from flows.report_html import write_report
    return write_report(db, out, (settings or load_settings()).schedule.timezone)


def query(db: Path, sql: str, params: dict[str, str] | None = None) -> list[Any]:
    """Every statement's result of a read-only query (`warta query`; see flows/query.py)."""
    from flows import query as queries
    return queries.run(db, sql, params)


def tables(db: Path) -> list[Any]:
    """The tables and views with their comments (`warta tables`)."""
    from flows import query as queries
    return queries.tables(db)


def schema(db: Path, name: str | None = None) -> list[Any]:
    """The columns of a table or view, or of all (`warta schema`)."""
    from flows import query as queries
    return queries.schema(db, name)


def export(db: Path, out: Path, fmt: str, filters: Any) -> dict[str, Any]:
    """Write a Data Package of the selected articles and their facts (`warta export`)."""
    from flows.export import export as run_export
    return run_export(db, out, fmt, filters)


def run_report(db: Path) -> str:
    """Markdown report of the latest run (for the Prefect artifact and the logs)."""
    con = snapshot.reading(db)
    try:
        runs = run_reports.last_runs(con, 1)
        return run_reports.markdown(runs[0], run_reports.failing_sources(con)) if runs else "no runs yet\n"
    finally:
        con.close()


