"""Extraction scale-out: pages/s for one process, two processes, and a 2-worker Dask LocalCluster
(through prefect-dask) on the same realistic pages. The bar: the two-core runs reach ≥ 1.8× the
single process.

    python bench/bench_scaleout.py [--pages 1000]

Timed in this process after a warm-up (imports, Prefect's temporary API server, the Dask workers'
imports), so the figures are the pipeline's, not start-up costs: the Dask run uses a LocalCluster
that is already up, as `--dask-address` uses a running cluster.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import write_pages

from flows import jobs
from flows.settings import PipelineSettings, Settings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="warta-scale-"))
    pages = tmp / "pages"
    write_pages(pages, args.pages)
    results = {}
    for workers in (1, 2):
        start = time.perf_counter()
        jobs.ingest([pages], db=tmp / f"p{workers}.duckdb", settings=Settings(pipeline=PipelineSettings(workers=workers)))
        results[f"{workers} process{'es' if workers > 1 else ''}"] = time.perf_counter() - start
    from distributed import LocalCluster

    from flows.deployments import ingest_on_dask
    warm = tmp / "warm"
    write_pages(warm, 4)
    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        started = time.perf_counter() - start
        # warm-up: Prefect's temporary API server and the workers' imports
        ingest_on_dask([warm], db=tmp / "warm.duckdb", settings=Settings(), address=cluster.scheduler_address)
        start = time.perf_counter()
        ingest_on_dask([pages], db=tmp / "dask.duckdb", address=cluster.scheduler_address,
                       settings=Settings(pipeline=PipelineSettings(dask_batch=250)))
        results["2-worker Dask LocalCluster"] = time.perf_counter() - start
    print(f"(LocalCluster start-up, not counted: {started:.1f} s)")
    base = results["1 process"]
    print(f"{args.pages} pages of 150-250 KB")
    for name, secs in results.items():
        print(f"{name:28} {secs:7.2f} s {args.pages / secs:8.1f} pages/s {base / secs:6.2f}x")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
