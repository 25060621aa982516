"""Extraction scale-out: pages/s for one process, two processes, and a 2-worker Dask LocalCluster
(through prefect-dask) on the same realistic pages, in one run. The bar: the two-core runs reach
≥ 1.8× the single process.

    python bench/bench_scaleout.py [--pages 1000] [--repeat 3] [--dask-batch 500]

Each configuration runs `--repeat` times, interleaved (this machine's speed drifts by ±15 % over
a minute), and the median is compared. Timed in this process after a warm-up (imports, Prefect's
temporary API server, the Dask workers' imports), so the figures are the pipeline's, not start-up
costs: the Dask run uses a LocalCluster that is already up, as `--dask-address` uses a running
cluster. Every run is a whole `warta ingest` into a new database: read, extract, load, publish.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import write_pages

from flows import jobs
from flows.settings import PipelineSettings, Settings


def _call(packed: Any) -> Any:
    fn, *args = packed.args
    return fn(*args)


class PlainDask:
    """The same batches on the same cluster through distributed alone: the difference to the
    Prefect run is Prefect's orchestration overhead."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Any, *args: Any) -> Any:
        from flows.deployments import Opaque
        return self.client.submit(_call, Opaque(fn, *args), pure=False)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dask-batch", type=int, default=PipelineSettings().dask_batch, help="pages per Dask task")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="warta-scale-"))
    pages = tmp / "pages"
    write_pages(pages, args.pages)
    warm = tmp / "warm"
    write_pages(warm, 8)

    from distributed import Client

    from flows.deployments import ingest_on_dask, local_cluster
    start = time.perf_counter()
    with local_cluster(2) as address, Client(address) as client:
        started = time.perf_counter() - start
        # warm-up: Prefect's temporary API server, and a first task on each worker (Prefect's task
        # engine costs ~0.4 s the first time it runs in a process)
        ingest_on_dask([warm], db=tmp / "warm.duckdb", settings=Settings(pipeline=PipelineSettings(dask_batch=2)),
                       address=address)
        runs: dict[str, Callable[[Path], object]] = {
            "1 process": lambda db: jobs.ingest([pages], db=db, settings=Settings(pipeline=PipelineSettings(workers=1))),
            "2 processes": lambda db: jobs.ingest([pages], db=db, settings=Settings(pipeline=PipelineSettings(workers=2))),
            "2-worker Dask LocalCluster": lambda db: ingest_on_dask(
                [pages], db=db, address=address, settings=Settings(pipeline=PipelineSettings(dask_batch=args.dask_batch))),
            "same, without Prefect": lambda db: jobs.ingest(
                [pages], db=db, executor=PlainDask(client),  # type: ignore[arg-type]
                settings=Settings(pipeline=PipelineSettings(dask_batch=args.dask_batch))),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for i in range(args.repeat):
            for name, run in runs.items():
                db = tmp / f"{name.split()[0]}-{i}.duckdb"
                t = time.perf_counter()
                run(db)
                times[name].append(time.perf_counter() - t)
    print(f"(LocalCluster start-up, not counted: {started:.1f} s)")
    base = statistics.median(times["1 process"])
    print(f"{args.pages} pages of 150-250 KB, median of {args.repeat} interleaved runs; Dask tasks of {args.dask_batch} pages")
    for name, secs in times.items():
        med = statistics.median(secs)
        runs_s = " ".join(f"{s:.2f}" for s in secs)
        print(f"{name:28} {med:7.2f} s {args.pages / med:8.1f} pages/s {base / med:6.2f}x   ({runs_s})")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
