"""Run reports per source, flagged failing sources, and sources paused after repeated failures."""

import asyncio
import socket

from flows import jobs, report
from flows.crawl import PAUSE_AFTER_FAILURES, fetch_pages
from flows.discover import Found
from flows.http import Client
from flows.settings import CrawlSettings, Settings
from tests.flows.fault_site import FaultSite


def _settings() -> Settings:
    return Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0, read_timeout_s=0.5, connect_timeout_s=0.5,
                                        total_timeout_s=2, refetch_after_hours=0))


def _dead_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/"


def test_source_failing_three_runs_in_a_row_is_flagged_and_reported(tmp_path, demo_site):
    db = tmp_path / "w.duckdb"
    sources = jobs.sources_from_urls([demo_site + "/", _dead_url()])
    for _ in range(report.FAILING_STREAK):
        jobs.crawl_sources_into(sources, db=db, settings=_settings())
    result = jobs.status(db)
    runs, failing = result["runs"], result["failing_sources"]
    text = jobs.run_report(db)
    assert failing == [sources[1].id]
    assert len(runs) == report.FAILING_STREAK
    assert f"| {sources[0].id} |" in text and "Failing 3 runs in a row" in text
    assert report.duration(runs[0]).endswith(" s")
    crawl_seconds = runs[0]["details"]["crawl_seconds"]
    assert set(crawl_seconds) == {s.id for s in sources} and all(v >= 0 for v in crawl_seconds.values())
    row = next(line for line in text.splitlines() if line.startswith(f"| {sources[0].id} |"))
    assert row.rstrip(" |").split("| ")[-1] == str(crawl_seconds[sources[0].id])


def test_source_that_keeps_failing_is_paused_for_the_run():
    with FaultSite(articles=1) as site:
        urls = [f"{site.base}/503?n={i}" for i in range(PAUSE_AFTER_FAILURES + 4)]
        source = jobs.sources_from_urls([site.base + "/"])[0]

        async def go():
            async with Client(_settings().crawl) as c:
                return await fetch_pages(c, source, [Found(u) for u in urls], {}, None, "r1", emit)

        async def emit(page):
            raise AssertionError("a failing source yields no page")
        result = asyncio.run(go())
        hits = site.hits.get("/503", 0)
    paused = [r for r in result.records if r["error"].startswith("paused")]
    assert len(paused) == 4 and hits == PAUSE_AFTER_FAILURES * 3
