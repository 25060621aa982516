"""The analysts' database is a published snapshot; runs write a working copy beside it.

DuckDB lets no other process open a file while a writer holds it (measured in ../shared/PLATFORM.md, beside the checkout). So:

    data/warta.duckdb         the snapshot analysts open (read-only); `--db` names this file
    data/warta.duckdb.work    the working database a run writes
    data/warta.duckdb.prev    the previous snapshot, for rollback
    data/warta.duckdb.lock    held by the one run that writes (flock; never by its worker processes)

A run that finishes publishes: the working file is checkpointed, copied next to the snapshot and
renamed over it (atomic on POSIX; a session with the old snapshot open keeps reading the old file).
A failed run publishes nothing, so the last snapshot stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb

from flows import store
from flows.errors import StoreError

log = logging.getLogger(__name__)

MIN_FREE_BYTES = 200_000_000      # refuse to start a run with less free disk than this (plus the db size)


def working_path(db: Path) -> Path:
    return db.with_name(db.name + ".work")


def previous_path(db: Path) -> Path:
    return db.with_name(db.name + ".prev")


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


_HELD: set[int] = set()       # descriptors of the run locks this process holds


def _drop_inherited_locks() -> None:
    """In a forked child (an extraction worker): close the inherited lock descriptors. A flock belongs to the
    open file, shared by every descriptor of it, so a worker that kept its copy held the lock after its parent
    was killed and refused every later run; closed here, the lock lives and dies with the run's own process."""
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


_HOLDER = re.compile(r"pid (\d+), started (.+)")     # the lock file's one line while a run holds it (`writer`)


def _holder_line(pid: int, started: datetime) -> str:
    return f"pid {pid}, started {started:%Y-%m-%d %H:%M:%S %z}\n"


@contextlib.contextmanager
def run_lock(db: Path, *, wait_s: float = 0.0) -> Iterator[None]:
    """Only one run writes at a time; a second waits up to `wait_s` (`--wait SECONDS`), then stops with one line
    naming the holder (pid and start time, written into the lock file by the holder). The lock is the run's
    process's alone (never a worker's), so it ends with that process, however it ends (kill -9 included)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(db).open("a+") as fh:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "unknown"
                    raise StoreError(f"another warta run ({holder}) is writing {db}; wait for it to finish "
                                     "or give --wait SECONDS") from None
                time.sleep(0.2)
        _HELD.add(fh.fileno())
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(_holder_line(os.getpid(), datetime.now().astimezone()))
            fh.flush()
            yield
        finally:
            fh.seek(0)
            fh.truncate()        # an empty lock file: the last run ended, however it failed (see `writer`)
            fh.flush()
            _HELD.discard(fh.fileno())
            fcntl.flock(fh, fcntl.LOCK_UN)


def writer(db: Path) -> dict[str, str | int] | None:
    """What the lock file says of the last run that wrote `db`: None when it ended (the file is emptied however
    the run ends, failures included), {"state": "writing", ...} while its process lives, and {"state":
    "interrupted", ...} when its process is gone without emptying the file (kill -9, out of memory, power
    loss): the snapshot does not yet show that run, which the next run records as crashed. The lock itself is
    tried (shared, for an instant) only when the named process lives, to tell a reused pid from the writer."""
    try:
        held = lock_path(db).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):       # no lock file, or one this user may not read: nothing to say
        return None
    m = _HOLDER.fullmatch(held)
    if not m:
        return None
    pid = int(m[1])
    alive = _alive(pid) and not _lock_free(db)     # a live pid not holding the lock is a reused pid
    return {"state": "writing" if alive else "interrupted", "pid": pid, "started": m[2]}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:          # another user's live process
        return True
    return True


def _lock_free(db: Path) -> bool:
    """Whether nobody holds the run lock (tried shared and non-blocking, for an instant)."""
    try:
        with lock_path(db).open("rb") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            fcntl.flock(fh, fcntl.LOCK_UN)
            return True
    except OSError:           # the file went away meanwhile: nobody holds it
        return True


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


def _open_working(db: Path) -> duckdb.DuckDBPyConnection:
    """The working copy, or, when a failed run left it unreadable (a write cut short by a full disk), a
    fresh copy of the snapshot: the broken file is kept beside it for inspection, never silently lost."""
    work = _prepare_working(db)
    try:
        return store.connect(work)
    except (StoreError, duckdb.Error) as exc:
        if "lock" in str(exc).lower():
            raise
        broken = work.with_name(f"{work.name}.broken-{datetime.now():%Y%m%dT%H%M%S}")
        os.replace(work, broken)
        for wal in (work.with_name(work.name + ".wal"),):
            if wal.exists():
                os.replace(wal, broken.with_name(broken.name + ".wal"))
        log.warning("working copy %s was unreadable (%s); kept as %s, starting again from the snapshot", work, exc, broken)
        return store.connect(_prepare_working(db))


def _disk_full(exc: BaseException) -> bool:
    return (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space left on device" in str(exc)


def _disk_full_error(db: Path, exc: BaseException) -> StoreError:
    free = shutil.disk_usage(db.parent).free if db.parent.exists() else 0
    return StoreError(f"disk full while writing {db} ({free // 1_000_000} MB free on {db.parent}); the published "
                      "snapshot is unchanged and the next run with space goes on from the working copy")


def publish(db: Path) -> None:
    """Copy the (checkpointed, closed) working database over the snapshot atomically; keep the old one."""
    work = working_path(db)
    tmp = db.with_name(db.name + ".publishing")
    try:
        shutil.copyfile(work, tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
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
        try:
            con = _open_working(db)
            try:
                store.migrate(con)
                yield con
                con.execute("CHECKPOINT")
            finally:
                con.close()
            publish(db)
        except (OSError, duckdb.Error, StoreError) as exc:
            if _disk_full(exc):
                raise _disk_full_error(db, exc) from exc
            raise


def reading(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the snapshot (never blocks a run, never blocked by one)."""
    if not db.exists():
        raise StoreError(f"{db} does not exist yet; run `warta demo` or `warta run` first")
    return store.connect(db, read_only=True)
