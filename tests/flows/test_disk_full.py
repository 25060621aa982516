"""A full disk during a load: the run fails with one line naming the database and the free space, the
published snapshot is untouched, and the next run with space ends as an uninterrupted run would.

Tested for real on a small tmpfs (the tests run as root in CI); skipped with the reason where mounting
is not allowed."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from flows import jobs, snapshot, store
from flows.errors import StoreError
from flows.settings import PipelineSettings, Settings
from tests.flows.test_ingest import HTML

SETTINGS = Settings(pipeline=PipelineSettings(workers=1, batch_size=16))


@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _pages(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(exist_ok=True)
    filler = " ".join(f"Paragraf panjang nomor {i} tentang pelayanan publik di kabupaten." for i in range(40))
    for i in range(start, start + n):
        (folder / f"p{i:04d}.html").write_text(HTML.format(slug=f"p{i}").replace("</article>", f"<p>{filler} {i}</p></article>"))
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_full_disk_fails_cleanly_and_the_next_run_recovers(small_disk, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "check_disk", lambda _db: None)   # the disk fills during the run, not before
    db = small_disk / "w.duckdb"
    jobs.ingest([_pages(tmp_path / "first", 3, start=1000)], db=db, settings=SETTINGS)
    before = _digest(db)
    many = _pages(tmp_path / "many", 400)
    ballast = small_disk / "ballast"          # another process fills the disk once the run has started
    ballast.write_bytes(b"\0" * (os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize - 1_500_000))

    with pytest.raises(StoreError) as failed:
        jobs.ingest([many], db=db, settings=SETTINGS)
    message = str(failed.value)
    assert "disk full" in message and str(db) in message and "MB free" in message and "\n" not in message
    assert _digest(db) == before
    ballast.unlink()
    jobs.ingest([tmp_path / "first", many], db=db, settings=SETTINGS)
    con = store.connect(db, read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    statuses = [s for (s,) in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    con.close()
    assert articles == 403
    assert statuses[-1] == "ok"
