"""Extraction scale-out: pages/s for one process, two processes, and a 2-worker Dask LocalCluster
(through prefect-dask) on the same realistic pages, in one run. The bar: the two-core runs reach
≥ 1.8× the single process.

    python bench/bench_scaleout.py [--pages 1000] [--repeat 3] [--dask-batch 500]

Each configuration runs `--repeat` times, interleaved (this machine's speed drifts by ±15 % over
a minute), and the median is compared. Timed in this process after a warm-up (imports, Prefect's
temporary API server, the Dask workers' imports), so the figures are the pipeline's, not start-up
costs: the Dask runs use a LocalCluster that is already up, as `--dask-address` uses a running
cluster (it is started before and closed after them, so it idles beside no other run). "Same,
without Prefect" submits the same batches to the same cluster through distributed alone: the
difference is Prefect's share. Every run is a whole `warta ingest` into a new database.
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

    names = ["1 process", "2 processes", "2-worker Dask LocalCluster", "same, without Prefect"]
    times: dict[str, list[float]] = {name: [] for name in names}
    started: list[float] = []

    def timed(name: str, run: Callable[[Path], object], i: int) -> None:
        t = time.perf_counter()
        run(tmp / f"{name.split()[0]}-{i}.duckdb")
        times[name].append(time.perf_counter() - t)

    dask_settings = Settings(pipeline=PipelineSettings(dask_batch=args.dask_batch))
    for i in range(args.repeat):
        for workers, name in ((1, names[0]), (2, names[1])):
            timed(name, lambda db, w=workers: jobs.ingest([pages], db=db, settings=Settings(
                pipeline=PipelineSettings(workers=w))), i)
        t = time.perf_counter()
        with local_cluster(2) as address, Client(address) as client:   # up only for the Dask runs
            started.append(time.perf_counter() - t)
            # warm-up: Prefect's temporary API server, and a first task on each worker (Prefect's
            # task engine costs ~0.4 s the first time it runs in a process)
            ingest_on_dask([warm], db=tmp / f"warm-{i}.duckdb", address=address,
                           settings=Settings(pipeline=PipelineSettings(dask_batch=2)))
            timed(names[2], lambda db: ingest_on_dask([pages], db=db, address=address, settings=dask_settings), i)
            timed(names[3], lambda db: jobs.ingest([pages], db=db, executor=PlainDask(client),  # type: ignore[arg-type]
                                                   settings=dask_settings), i)
    print(f"(LocalCluster start-up, not counted: {statistics.median(started):.1f} s)")
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
