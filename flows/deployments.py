"""Prefect wrappers: a task per batch-level step and a flow for the scheduled `warta run`.

The work itself is the plain functions of jobs.py / pipeline.py; this module only adds retries on
I/O, logging through Prefect, and the flow that schedules can start. Prefect is imported here only,
so `warta extract` and `warta ingest` never pay its start-up cost.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from prefect import flow, get_run_logger, task

from flows import jobs
from flows.settings import Settings, Source, load_settings, load_sources


@task(retries=1, retry_delay_seconds=30, name="crawl-and-load")
def crawl_group(sources: list[Source], db: str, settings: Settings) -> dict[str, Any]:
    """One task per group of sources (never per page): discover, fetch, extract in processes, load."""
    counts = jobs.crawl_sources_into(sources, db=Path(db), settings=settings, kind="run")
    return counts.as_dict()


@flow(name="warta-run", log_prints=False)
def run_flow(sources_path: str | None = None, db: str | None = None, group: str | None = None,
             allow_private: bool = False, delay_s: float | None = None) -> dict[str, Any]:
    """The scheduled job: every (or one group of) source(s) in data/sources.toml."""
    logger = get_run_logger()
    settings = load_settings()
    crawl = {"allow_private": allow_private, **({"delay_s": delay_s} if delay_s is not None else {})}
    settings = settings.model_copy(update={"crawl": settings.crawl.model_copy(update=crawl)})
    sources = [s for s in load_sources(Path(sources_path) if sources_path else None) if group in (None, s.group)]
    target = db or str(settings.resolve(settings.store.db))
    logger.info("crawling %d sources into %s", len(sources), target)
    result = crawl_group(sources, target, settings)
    logger.info("run finished: %s", result)
    return result
