"""A run killed with SIGKILL at any point and started again ends with the data of an uninterrupted run."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from flows import snapshot
from tests.flows.test_ingest import HTML

RUN = textwrap.dedent("""
    import sys
    from pathlib import Path
    from flows import jobs
    from flows.settings import PipelineSettings, Settings
    def report(n):                      # one line per extracted chunk: the test's evidence that the run is going
        print(n, flush=True)
    jobs.ingest([Path(sys.argv[1])], db=Path(sys.argv[2]), settings=Settings(pipeline=PipelineSettings(workers=1, batch_size=4)),
                progress=report)
""")


def _run(pages, db):
    return subprocess.Popen([sys.executable, "-c", RUN, str(pages), str(db)], stdout=subprocess.PIPE, text=True)


def _after_loads(proc, chunks: int) -> None:
    """Wait until the run has reported `chunks` extracted chunks: a chunk is loaded before the next is reported,
    so at least `chunks - 1` are in the working database, however fast or loaded the machine is."""
    for _ in range(chunks):
        assert proc.stdout.readline(), "the run ended before it loaded anything"


def _state(db):
    con = snapshot.reading(db)
    state = {t: con.execute(q).fetchall() for t, q in {
        "articles": "SELECT url, content_hash, text, duplicate_of FROM articles ORDER BY url",
        "paragraphs": "SELECT article_id, position, hash, kind FROM paragraphs ORDER BY 1, 2",
        "facts": "SELECT (SELECT count(*) FROM date_mentions), (SELECT count(*) FROM official_mentions), "
                 "(SELECT count(*) FROM events), (SELECT count(*) FROM innovation_mentions)",
    }.items()}
    con.close()
    return state


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("pages")
    for i in range(400):        # several seconds of work: every kill below lands while the run is going
        (d / f"p{i:03d}.html").write_text(HTML.format(slug=f"p{i}"), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def reference(pages, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "w.duckdb"
    start = time.monotonic()
    assert _run(pages, db).wait(timeout=120) == 0
    return _state(db), time.monotonic() - start


def _kill_point(reference, share: float) -> float:
    """A moment `share` of the way through an uninterrupted run (measured, so it lands while the run goes)."""
    return reference[1] * share


@pytest.mark.parametrize("share", [0.05, 0.15, 0.25, 0.4])   # early enough for a run twice as fast
def test_killed_run_then_rerun_equals_uninterrupted(pages, reference, tmp_path, share):
    db = tmp_path / "w.duckdb"
    proc = _run(pages, db)
    time.sleep(_kill_point(reference, share))
    assert proc.poll() is None, "the run finished before the kill: make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    assert _run(pages, db).wait(timeout=120) == 0
    assert _state(db) == reference[0]
    con = snapshot.reading(db)
    statuses = {s for (s,) in con.execute("SELECT status FROM runs").fetchall()}
    con.close()
    assert "running" not in statuses and "ok" in statuses


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_input_loads_what_came_and_a_rerun_equals_uninterrupted(pages, reference, tmp_path, sig):
    db = tmp_path / "w.duckdb"
    proc = _run(pages, db)
    _after_loads(proc, 3)
    assert proc.poll() is None, "the run finished before the signal: make the input larger"
    os.kill(proc.pid, sig)
    assert proc.wait(timeout=30) == 0                   # the job returns: its run is recorded, not lost
    con = snapshot.reading(db)                          # what it loaded is published
    stopped = con.execute("SELECT status, pages, details->>'$.stopped_by' FROM runs").fetchall()
    con.close()
    assert stopped[0][0] == "cancelled" and 0 < stopped[0][1] < 400 and stopped[0][2] == signal.Signals(sig).name
    assert _run(pages, db).wait(timeout=120) == 0
    assert _state(db) == reference[0]
