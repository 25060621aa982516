"""Prefect wrappers: a task per batch-level step, the flow that schedules start, and `serve`.

The work itself is the plain functions of jobs.py / pipeline.py; this module only adds retries on
I/O, logging through Prefect, a markdown artifact per run, and deployments with cron schedules.
Prefect is imported here only, so `warta extract` and `warta ingest` never pay its start-up cost.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from prefect import flow, get_run_logger, serve, task
from prefect.artifacts import create_markdown_artifact

from flows import jobs
from flows.errors import ConfigError
from flows.pipeline import PageInput, Rows, process_batch
from flows.settings import Settings, Source, load_settings, load_sources

START_SERVER = "prefect server start   # then: export PREFECT_API_URL=http://127.0.0.1:4200/api"


@task(retries=1, retry_delay_seconds=30, name="crawl-and-load")
def crawl_group(sources: list[Source], db: str, settings: Settings) -> dict[str, Any]:
    """One task per group of sources (never per page): discover, fetch, extract in processes, load."""
    counts = jobs.crawl_sources_into(sources, db=Path(db), settings=settings, kind="run", wait_s=600)
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
    summary = jobs.run_report(Path(target))
    create_markdown_artifact(markdown=summary, key="warta-run-report", description="warta run summary")
    logger.info("run finished: %s", result)
    return result


@task(name="extract-batch")
def extract_batch(pages: list[PageInput], boilerplate: dict[str, frozenset[str]]) -> list[Rows]:
    """One Dask task: a batch of pages (hundreds) through text, cleaning and facts; never one page."""
    return process_batch(pages, boilerplate)


class TaskExecutor(Executor):
    """A concurrent.futures face on Prefect task submission, so the plain pipeline (extract_and_load)
    runs its extraction on whatever task runner the enclosing flow has (a Dask cluster here)."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        return extract_batch.submit(*args, **kwargs)


def _dask_runner(address: str | None, workers: int) -> Any:
    from prefect_dask import DaskTaskRunner
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


@flow(name="warta-ingest-dask")
def _ingest_flow(paths: list[str], db: str, settings: Settings) -> dict[str, Any]:
    counts = jobs.ingest([Path(p) for p in paths], db=Path(db), settings=settings, executor=TaskExecutor())
    return counts.as_dict()


def ingest_on_dask(paths: list[Path], *, db: Path, settings: Settings, address: str | None = None,
                   workers: int = 2) -> dict[str, Any]:
    """`warta ingest` with the extraction on a Dask cluster: an existing one (`tcp://host:8786`) or a
    LocalCluster of `workers` processes. One process (this one) still writes DuckDB."""
    runner = _dask_runner(address, workers)
    return _ingest_flow.with_options(task_runner=runner)([str(p) for p in paths], str(db), settings)


def serve_schedules(sources_path: Path | None, db: Path, *, interval_s: float | None = None,
                    allow_private: bool = False, delay_s: float | None = None) -> None:
    """Serve one deployment per source group with its cron schedule, against PREFECT_API_URL."""
    if not os.environ.get("PREFECT_API_URL"):
        raise ConfigError("schedules need a Prefect server (they never fire on the temporary one). Start one with:\n"
                          f"  {START_SERVER}")
    settings = load_settings()
    groups = sorted({s.group for s in load_sources(sources_path)})
    deployments = []
    for group in groups:
        schedule: dict[str, Any] = ({"interval": timedelta(seconds=interval_s)} if interval_s else
                                    {"cron": settings.schedule.groups.get(group, settings.schedule.default_cron)})
        deployments.append(run_flow.to_deployment(
            name=f"warta-{group}", parameters={"sources_path": str(sources_path) if sources_path else None,
                                               "db": str(db), "group": group, "allow_private": allow_private,
                                               "delay_s": delay_s},
            **schedule))
    serve(*deployments)
