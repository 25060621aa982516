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
from flows.page import PageInput, PageRow
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


def extract_and_load(pages: Iterable[PageInput | PageRow], loader: Loader, *, batch_size: int, pool: Executor | None,
                     workers: int = 2, progress: Any = None, chunk: int | None = None) -> RunCounts:
    """Stream pages through the workers and load the results; memory stays flat.

    Workers get small chunks (a quarter batch: no worker idles long at the end of a run) unless
    `chunk` says otherwise (Dask tasks are larger, to keep orchestration overhead small), and the
    writer loads a whole batch at a time (fewer, larger transactions). At most a few chunks per
    worker are in flight.
    """
    boilerplate = loader.boilerplate()
    records: list[PageRow] = []

    def inputs() -> Iterator[PageInput]:
        """The pages to extract; an input's own `pages` row (why it yields no page) is recorded beside them."""
        for item in pages:
            if isinstance(item, PageInput):
                yield item
                continue
            records.append(item)
            if len(records) >= batch_size:
                loader.record(records[:])
                records.clear()

    if pool is None:
        for batch in batched(inputs(), batch_size):
            loader.load(process_batch(batch, boilerplate))
            if progress:
                progress(len(batch))
        loader.record(records)
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

    for part in batched(inputs(), chunk):
        pending.append(pool.submit(process_batch, part, boilerplate))
        drain(keep=3 * workers)
    drain(keep=0)
    if buffer:
        loader.load(ExtractedBatch.concat(buffer))
    loader.record(records)
    loader.finish()
    return loader.counts
