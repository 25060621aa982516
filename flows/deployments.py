"""Prefect wrappers: a task per batch-level step, the flow that schedules start, and `serve`.

The work itself is the plain functions of jobs.py, pipeline.py, worker.py and writer.py; this module only adds retries on
I/O, logging through Prefect, a markdown artifact per run, and deployments with cron schedules.
Prefect is imported here only, so `warta extract` and `warta ingest` never pay its start-up cost.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager, nullcontext
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "flows,extractors")   # warta's log lines reach the Prefect UI

from prefect import flow, get_run_logger, serve, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
from prefect.states import Cancelled, Completed, Failed, State

from flows import jobs
from flows.batch import ExtractedBatch
from flows.errors import ConfigError
from flows.page import PageInput
from flows.report_html import write_report
from flows.settings import Settings, Source, load_settings, load_sources
from flows.worker import process_batch

#: a run that takes longer than this is stuck (a site that trickles bytes, a lock never released): Prefect fails it
FLOW_TIMEOUT_S = 6 * 3600
TASK_TIMEOUT_S = 5 * 3600
START_SERVER = "prefect server start   # then: prefect config set PREFECT_API_URL=http://127.0.0.1:4200/api"


@task(retries=0, name="crawl-and-load", timeout_seconds=TASK_TIMEOUT_S)
def crawl_group(sources: list[Source], db: str, settings: Settings, wait_s: float) -> dict[str, Any]:
    """One task per group of sources (never per page): discover, fetch, extract in processes, load. Not retried:
    a failed run is recorded as failed and the next scheduled run goes on from where it stopped."""
    counts = jobs.crawl_sources_into(sources, db=Path(db), settings=settings, kind="run", wait_s=wait_s)
    return {**counts.as_dict(), "failed_sources": counts.failed_sources()}


def _state(result: dict[str, Any]) -> State:
    """The Prefect state of a run, as `runs.status` and the exit code say: ok and partial complete (partial
    named so), failed fails, cancelled is cancelled."""
    status = result.get("status", "ok")
    message = f"warta run {status}: {jobs.run_line(result)}"
    if status == "failed":
        return Failed(message=message, data=result)
    if status == "cancelled":
        return Cancelled(message=message, data=result)
    return Completed(message=message, data=result, name="Partial" if status == "partial" else "Completed")


@flow(name="warta-run", log_prints=False, timeout_seconds=FLOW_TIMEOUT_S)
def run_flow(sources_path: str | None = None, db: str | None = None, group: str | None = None,
             config: str | None = None, crawl: dict[str, Any] | None = None, wait_s: float = 600.0) -> Any:
    """The scheduled job: every (or one group of) source(s) in data/sources.toml, with the settings of `config`
    (data/warta.toml by default) and any crawl settings given (`crawl`, a deployment's or the CLI's: used as
    given, never reset)."""
    logger = get_run_logger()
    settings = load_settings(Path(config) if config else None)
    if crawl:
        settings = settings.model_copy(update={"crawl": settings.crawl.model_validate(
            {**settings.crawl.model_dump(), **crawl})})
    sources = jobs.select_sources(Path(sources_path) if sources_path else None, group)
    target = db or str(settings.resolve(settings.store.db))
    logger.info("crawling %d sources into %s", len(sources), target)
    result: dict[str, Any] = {"status": "failed"}
    try:
        result = crawl_group(sources, target, settings, wait_s)
    finally:
        page = write_report(Path(target), Path(target).parent / "report") if Path(target).exists() else None
        summary = jobs.run_report(Path(target)) if Path(target).exists() else "no snapshot yet\n"
        link = f"\n[HTML report]({page.resolve().as_uri()})\n" if page else ""
        create_markdown_artifact(markdown=summary + link, key="warta-run-report", description="warta run summary")
    logger.info("run finished: %s", jobs.run_line(result))
    return _state(result)


class Opaque:
    """Task arguments packed as one value that schedulers do not look into.

    Prefect walks every argument of a task for futures and Dask tokenizes it; over hundreds of
    pages that costs about half a second per task in the submitting process, more than the 2 %
    of a task's work that orchestration may take. The token is random: no two batches are "the same".
    """

    __slots__ = ("args", "token")

    def __init__(self, *args: Any) -> None:
        self.args, self.token = args, uuid.uuid4().hex

    def __dask_tokenize__(self) -> str:
        return self.token


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False, timeout_seconds=TASK_TIMEOUT_S)
def extract_batch(packed: Opaque) -> ExtractedBatch:
    """One Dask task: a batch of pages (hundreds) through text, cleaning and facts, returned as Arrow
    tables; never one page."""
    return process_batch(*packed.args)


_WARM_PAGE = (b"<html><head><title>Pemanasan</title></head><body><article><p>Bupati Gowa meresmikan inovasi "
              b"BUAH SABAR (Pembuangan Limbah Sederhana dan Bermanfaat) pada Senin, 3 Juni 2024.</p></article>"
              b"</body></html>")


def warm_up() -> None:
    """Run on every Dask worker before the first task: Prefect's task engine, the extraction
    modules and the lexicons are loaded, and one small page goes through the whole pipeline."""
    import prefect.task_engine  # noqa: F401
    process_batch([PageInput("http://warm.up/a", _WARM_PAGE, "warm-up", "2024-06-03T00:00:00")])


class TaskExecutor(Executor):
    """A concurrent.futures face on Prefect task submission, so the plain pipeline (extract_and_load)
    runs its extraction on whatever task runner the enclosing flow has (a Dask cluster here)."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        """`fn` is always process_batch (all extract_and_load submits); the task calls it."""
        return extract_batch.submit(Opaque(*args))


@contextmanager
def _ingest_settings() -> Iterator[None]:
    """Prefect settings for an ingest on Dask, whose run the calling command watches.

    - The API every task reports to: PREFECT_API_URL, else this process's temporary server. The
      flow's settings travel with each task to the workers; left to itself, every worker process
      would start a temporary server of its own (seconds each, and a UI nobody sees). The server is
      Prefect's per-process one, stopped at exit, so a cluster that outlives this call keeps a
      live address.
    - No flow-run heartbeats: they let a Prefect server notice a run that died unattended (the
      scheduled `warta-run` keeps them); here the caller is waiting, and stopping the heartbeat
      thread costs up to a second at the end of every run.
    """
    updates: dict[Any, Any] = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    if not PREFECT_API_URL.value():
        from prefect.server.api.server import SubprocessASGIServer
        server = SubprocessASGIServer()
        server.start()
        updates[PREFECT_API_URL] = server.api_url
    with temporary_settings(updates):
        yield


#: Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536 (give memory back to the OS at
#: once). Parsing HTML allocates and frees all the time; with that setting a worker spent 12-25 %
#: more CPU per page than a plain process (same batches, thread CPU time). None unsets it.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


@contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """A LocalCluster of `workers` single-threaded processes, configured for extraction; yields its address."""
    import dask
    from distributed import LocalCluster
    with dask.config.set(WORKER_CONFIG), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@flow(name="warta-ingest-dask", timeout_seconds=FLOW_TIMEOUT_S)
def _ingest_flow(paths: list[str], db: str, settings: Settings) -> dict[str, Any]:
    counts = jobs.ingest([Path(p) for p in paths], db=Path(db), settings=settings, executor=TaskExecutor())
    return counts.as_dict()


def ingest_on_dask(paths: list[Path], *, db: Path, settings: Settings, address: str | None = None,
                   workers: int = 2) -> dict[str, Any]:
    """`warta ingest` with the extraction on a Dask cluster: an existing one (`tcp://host:8786`) or a
    LocalCluster of `workers` processes. One process (this one) still writes DuckDB.

    Every worker imports the pipeline and loads the lexicons first, all at once (`warm_up`), so no
    task pays for it while the others wait.
    """
    from distributed import Client
    from prefect_dask import DaskTaskRunner
    with _ingest_settings(), (nullcontext(address) if address else local_cluster(workers)) as scheduler:
        with Client(scheduler) as client:
            client.run(warm_up)
        runner = DaskTaskRunner(address=scheduler)
        flow = _ingest_flow.with_options(task_runner=runner)  # type: ignore[arg-type]  # prefect_dask's runner is one
        return flow([str(p) for p in paths], str(db), settings)


def serve_schedules(sources_path: Path | None, db: Path, *, config: Path | None = None,
                    crawl: dict[str, Any] | None = None, interval_s: float | None = None) -> None:
    """Serve one deployment per source group with its cron schedule, against the Prefect API of the
    environment or of Prefect's active profile (`prefect config set PREFECT_API_URL=...`)."""
    if not PREFECT_API_URL.value():
        raise ConfigError("schedules need a Prefect server (they never fire on the temporary one). Start one with:\n"
                          f"  {START_SERVER}")
    settings = load_settings(config)
    groups = sorted({s.group for s in load_sources(sources_path)})
    deployments = []
    for group in groups:
        schedule: dict[str, Any] = ({"interval": timedelta(seconds=interval_s)} if interval_s else
                                    {"cron": settings.schedule.groups.get(group, settings.schedule.default_cron)})
        deployments.append(run_flow.to_deployment(
            name=f"warta-{group}", parameters={"sources_path": str(sources_path) if sources_path else None,
                                               "db": str(db), "group": group, "config": str(config) if config else None,
                                               "crawl": crawl or None},
            **schedule))
    serve(*deployments)  # type: ignore[arg-type]  # to_deployment is sync here (Prefect's sync_compatible)
