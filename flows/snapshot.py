"""The analysts' database is a published snapshot; runs write a working copy beside it.

DuckDB lets no other process open a file while a writer holds it (PLATFORM.md). So:

    data/warta.duckdb         the snapshot analysts open (read-only); `--db` names this file
    data/warta.duckdb.work    the working database a run writes
    data/warta.duckdb.prev    the previous snapshot, for rollback
    data/warta.duckdb.lock    held by the one run that writes (flock)

A run that finishes publishes: the working file is checkpointed, copied next to the snapshot and
renamed over it (atomic on POSIX; a session with the old snapshot open keeps reading the old file).
A failed run publishes nothing, so the last snapshot stays as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from flows import store
from flows.errors import StoreError

MIN_FREE_BYTES = 200_000_000      # refuse to start a run with less free disk than this (plus the db size)


def working_path(db: Path) -> Path:
    return db.with_name(db.name + ".work")


def previous_path(db: Path) -> Path:
    return db.with_name(db.name + ".prev")


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@contextlib.contextmanager
def run_lock(db: Path, *, wait_s: float = 0.0) -> Iterator[None]:
    """Only one run writes at a time; a second waits up to `wait_s`, then stops with a clear message."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(db).open("a+") as fh:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"another warta run is writing {db} (lock {lock_path(db)}); "
                                     "wait for it to finish or pass --wait SECONDS") from None
                time.sleep(0.2)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n")
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def check_disk(db: Path) -> None:
    """A run needs room for the working copy and a new snapshot; refuse early rather than fail midway."""
    need = MIN_FREE_BYTES + 2 * (db.stat().st_size if db.exists() else 0)
    free = shutil.disk_usage(db.parent).free
    if free < need:
        raise StoreError(f"only {free // 1_000_000} MB free on {db.parent}; a run needs {need // 1_000_000} MB")


def _prepare_working(db: Path) -> Path:
    """The working database, seeded from the snapshot when it is missing (fresh checkout, or after a rollback)."""
    work = working_path(db)
    if not work.exists() and db.exists():
        shutil.copyfile(db, work)
    return work


def publish(db: Path) -> None:
    """Copy the (checkpointed, closed) working database over the snapshot atomically; keep the old one."""
    work = working_path(db)
    tmp = db.with_name(db.name + ".publishing")
    shutil.copyfile(work, tmp)
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    if db.exists():
        with contextlib.suppress(FileNotFoundError):
            previous_path(db).unlink()
        os.link(db, previous_path(db))
    os.replace(tmp, db)


def rollback(db: Path) -> None:
    """Put the previous snapshot back (and drop the working copy, which is re-seeded from it)."""
    prev = previous_path(db)
    if not prev.exists():
        raise StoreError(f"no previous snapshot {prev} to roll back to")
    os.replace(prev, db)
    working_path(db).unlink(missing_ok=True)


@contextlib.contextmanager
def writing(db: Path, *, wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """The connection a run writes through: lock, disk check, migrations, then publish on success."""
    with run_lock(db, wait_s=wait_s):
        check_disk(db)
        con = store.connect(_prepare_working(db))
        try:
            store.migrate(con)
            yield con
            con.execute("CHECKPOINT")
        except BaseException:
            con.close()
            raise
        con.close()
        publish(db)


def reading(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the snapshot (never blocks a run, never blocked by one)."""
    if not db.exists():
        raise StoreError(f"{db} does not exist yet; run `warta demo` or `warta run` first")
    return store.connect(db, read_only=True)
