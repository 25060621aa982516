"""The streaming between the workers and the writer: pages in, batches through a process pool, loads out.

page bytes ──(flows/worker.py, in processes)──▶ Arrow tables ──(flows/writer.py, one writer)──▶ DuckDB

Memory stays flat: pages are read lazily, at most a few chunks per worker are in flight. Prefect only wraps
these plain functions (deployments.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import Any

from flows.batch import ExtractedBatch
from flows.page import PageInput
from flows.worker import process_batch
from flows.writer import Loader, RunCounts


def batched(items: Iterable[PageInput], size: int) -> Iterator[list[PageInput]]:
    batch: list[PageInput] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_and_load(pages: Iterable[PageInput], loader: Loader, *, batch_size: int, pool: Executor | None,
                     workers: int = 2, progress: Any = None, chunk: int | None = None) -> RunCounts:
    """Stream pages through the workers and load the results; memory stays flat.

    Workers get small chunks (a quarter batch: no worker idles long at the end of a run) unless
    `chunk` says otherwise (Dask tasks are larger, to keep orchestration overhead small), and the
    writer loads a whole batch at a time (fewer, larger transactions). At most a few chunks per
    worker are in flight.
    """
    boilerplate = loader.boilerplate()
    if pool is None:
        for batch in batched(pages, batch_size):
            loader.load(process_batch(batch, boilerplate))
            if progress:
                progress(len(batch))
        loader.finish()
        return loader.counts
    chunk = chunk or max(8, batch_size // 4)
    pending: list[Future[ExtractedBatch]] = []
    buffer: list[ExtractedBatch] = []

    def drain(keep: int) -> None:
        while len(pending) > keep:
            done = pending.pop(0).result()
            buffer.append(done)
            if progress:
                progress(done.pages)
            if sum(b.pages for b in buffer) >= batch_size:
                loader.load(ExtractedBatch.concat(buffer))
                buffer.clear()

    for part in batched(pages, chunk):
        pending.append(pool.submit(process_batch, part, boilerplate))
        drain(keep=3 * workers)
    drain(keep=0)
    if buffer:
        loader.load(ExtractedBatch.concat(buffer))
    loader.finish()
    return loader.counts
