"""Analysts read a published snapshot; runs write beside it and never break an open session."""

import os
import subprocess
import sys
import textwrap
import time

import pytest

from flows import jobs, pipeline, snapshot
from flows.errors import StoreError
from flows.settings import PipelineSettings, Settings
from tests.flows.test_ingest import HTML

READER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    time.sleep(float(sys.argv[2]))
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
""")


def _ingest(tmp_path, db, *slugs):
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    for slug in slugs:
        (d / f"{slug}.html").write_text(HTML.format(slug=slug), encoding="utf-8")
    return jobs.ingest([d], db=db, settings=Settings(pipeline=PipelineSettings(workers=1)))


def test_run_publishes_while_another_process_holds_the_snapshot_open(tmp_path):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, "a")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), "4"], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "1"
    _ingest(tmp_path, db, "b")                              # publishes while the reader holds the old file
    assert reader.stdout.readline().strip() == "1"          # the open session still reads its generation
    reader.wait(timeout=30)
    con = snapshot.reading(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    con.close()
    assert snapshot.previous_path(db).exists()


def test_failed_run_leaves_the_snapshot_untouched(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, "a")
    before = db.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("killed mid-run")
    monkeypatch.setattr(pipeline, "extract_and_load", boom)
    with pytest.raises(RuntimeError):
        _ingest(tmp_path, db, "b")
    assert db.read_bytes() == before
    assert snapshot.writer(db) is None                      # it failed, but it ended: nothing to report


def test_second_writer_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = rf"another warta run \(pid {os.getpid()}, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{{4}}\) is writing"
    with snapshot.run_lock(db), pytest.raises(StoreError, match=holder):
        _ingest(tmp_path, db, "a")


def test_second_writer_can_wait_for_the_first(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from flows.snapshot import run_lock
        with run_lock(Path({str(db)!r})):
            print("locked", flush=True)
            time.sleep(1.5)
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    with snapshot.run_lock(db, wait_s=20):
        waited = time.monotonic() - start
    holder.wait(timeout=10)
    assert waited > 0.5


HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from flows import store
    from flows.snapshot import writing
    with writing(Path(sys.argv[1])) as con:
        print(store.start_run(con, "ingest"), flush=True)
        time.sleep(60)
""")


def test_status_tells_a_run_writing_now_from_one_killed_before_it_published(tmp_path):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, "a")
    assert jobs.status(db)["writer"] is None
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    killed = holder.stdout.readline().strip()
    writer = jobs.status(db)["writer"]
    assert (writer["state"], writer["pid"]) == ("writing", holder.pid)
    holder.kill()
    holder.wait(timeout=10)
    seen = jobs.status(db)
    assert seen["writer"]["state"] == "interrupted" and seen["writer"]["pid"] == holder.pid
    assert killed not in {r["run_id"] for r in seen["runs"]}        # the snapshot cannot show it yet
    _ingest(tmp_path, db, "b")                                      # the next run records it and goes on
    seen = jobs.status(db)
    assert seen["writer"] is None
    assert {r["run_id"]: r["status"] for r in seen["runs"]}[killed] == "crashed"


def test_rollback_restores_the_previous_generation(tmp_path):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, "a")
    _ingest(tmp_path, db, "b")
    snapshot.rollback(db)
    con = snapshot.reading(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    con.close()
