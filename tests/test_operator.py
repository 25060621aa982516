"""What an operator relies on when things go wrong: kill -9 leaves no orphan and no lock, Ctrl-C stops within
seconds and the next run goes on, the recorded state and the exit code agree, and expected failures are one
line with the right exit code. Every case runs `warta` as a process, the way a scheduler runs it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.flows.fault_site import StaticSite
from tests.flows.test_ingest import HTML

WARTA = [sys.executable, "-m", "flows.cli"]


def _warta(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*WARTA, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env={**os.environ, **(env or {})})


def _start(*args: str) -> subprocess.Popen:
    """A run in its own session, so every process it starts can be found (and none left behind)."""
    return subprocess.Popen([*WARTA, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _session(sid: int) -> list[int]:
    """Live processes of a session (zombies excluded)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def _status(db: Path) -> list[dict]:
    done = _warta("status", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["runs"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pages")
    for i in range(600):
        (d / f"p{i:03d}.html").write_text(HTML.format(slug=f"p{i}"), encoding="utf-8")
    return d


def _workers_started(proc: subprocess.Popen, deadline_s: float = 60) -> None:
    """Wait until the run has extraction workers beside its own process."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end and len(_session(proc.pid)) < 3:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    assert len(_session(proc.pid)) >= 3, "the run never started its workers"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_leaves_no_worker_and_no_lock_and_the_next_run_starts_at_once(pages, tmp_path):
    db = tmp_path / "w.duckdb"
    proc = _start("ingest", str(pages), "--db", str(db), "--workers", "2")
    _workers_started(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    end = time.monotonic() + 5
    while _session(proc.pid) and time.monotonic() < end:
        time.sleep(0.05)
    assert _session(proc.pid) == [], "extraction workers outlived the killed run"
    told = _warta("status", "--db", str(db))                 # before any run published: the killed one is named
    assert told.returncode == 0, told.stderr
    assert f"(pid {proc.pid}) ended without finishing" in " ".join(told.stdout.split())
    again = _warta("ingest", str(pages), "--db", str(db), "--workers", "2", "--format", "json")
    assert again.returncode == 0, again.stderr
    assert [r["status"] for r in _status(db)] == ["ok", "crashed"]


def _slow_site(n: int) -> dict[str, str]:
    urls = "".join(f"<url><loc>{{base}}/berita/{i}</loc></url>" for i in range(n))
    story = HTML.replace("https://berita.example.id/{slug}/", "{{base}}/berita/{slug}")
    return {"/robots.txt": "User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
            "/sitemap.xml": f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            **{f"/berita/{i}": story.format(slug=i) for i in range(n)}}


def test_ctrl_c_is_acknowledged_stops_within_seconds_and_the_next_run_goes_on(tmp_path):
    db = tmp_path / "w.duckdb"
    with StaticSite(_slow_site(400)) as site:
        proc = _start("crawl", site.base + "/", "--db", str(db), "--allow-private", "--delay", "0.3", "--budget", "400")
        time.sleep(3)
        assert proc.poll() is None
        fetched_before = sum(v for k, v in site.hits.items() if k.startswith("/berita/"))
        os.kill(proc.pid, signal.SIGINT)
        start = time.monotonic()
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - start
        fetched_after = sum(v for k, v in site.hits.items() if k.startswith("/berita/"))
        assert took < 10, f"the run took {took:.1f} s to stop"
        assert proc.returncode == 130
        assert "SIGINT: stopping" in stderr and "I/O operation on closed file" not in stderr
        assert fetched_after - fetched_before <= 5          # in-flight requests only
        (run,) = _status(db)
        assert run["status"] == "cancelled" and run["pages"] >= fetched_before - 2
        again = _warta("crawl", site.base + "/", "--db", str(db), "--allow-private", "--delay", "0", "--budget", "5")
        assert again.returncode == 0, again.stderr
        assert all(site.hits[f"/berita/{i}"] == 1 for i in range(400) if f"/berita/{i}" in site.hits)


def test_a_second_signal_exits_at_once(tmp_path):
    with StaticSite(_slow_site(100)) as site:
        proc = _start("crawl", site.base + "/", "--db", str(tmp_path / "w.duckdb"), "--allow-private", "--delay", "0.5")
        time.sleep(3)
        os.kill(proc.pid, signal.SIGINT)
        time.sleep(0.05)
        os.kill(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=5)
    assert proc.returncode == 130 and "again: exiting now" in stderr


@pytest.fixture(scope="module")
def site():
    with StaticSite(_slow_site(3)) as s:
        yield s


def _dead() -> str:
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("case,state,code", [
    ("good", "ok", 0), ("dead", "failed", 2), ("good+dead", "partial", 0), ("good+dead --strict", "partial", 3)])
def test_the_recorded_state_and_the_exit_code_agree(site, tmp_path, case, state, code):
    urls = {"good": [site.base + "/"], "dead": [_dead()], "good+dead": [site.base + "/", _dead()],
            "good+dead --strict": [site.base + "/", _dead()]}[case]
    done = _warta("crawl", *urls, "--db", str(tmp_path / "w.duckdb"), "--allow-private", "--delay", "0",
                  *(["--strict"] if "strict" in case else []))
    assert done.returncode == code, done.stderr
    assert _status(tmp_path / "w.duckdb")[0]["status"] == state


def test_an_ingest_that_loads_nothing_fails_and_says_why(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.html").write_bytes(b"<html>" + b"x" * 2000)
    done = _warta("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "w.duckdb"),
                  env={"WARTA_CRAWL__MAX_BYTES": "100"})
    assert done.returncode == 1 and "nothing was loaded" in done.stderr
    assert _status(tmp_path / "w.duckdb")[0]["status"] == "failed"


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _sources(tmp_path: Path, text: str) -> str:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


CASES = [
    ("crawl not-a-url", lambda t: ["crawl", "not-a-url", "--db", str(t / "w.duckdb")], {}, 1,
     "'not-a-url' is not a site address"),
    ("report --out FILE", lambda t: ["report", "--out", str(t / "file.txt"), "--db", str(t / "demo.duckdb")], {}, 1,
     "is a file"),
    ("--delay -1", lambda t: ["crawl", "https://a.id/", "--delay", "-1", "--db", str(t / "w.duckdb")], {}, 1,
     "'--delay'"),
    ("bad environment value", lambda t: ["status", "--db", str(t / "w.duckdb")],
     {"WARTA_CRAWL__DELAY_S": "abc"}, 1, "environment variable WARTA_CRAWL__DELAY_S='abc'"),
    ("unknown time zone", lambda t: ["status", "--db", str(t / "w.duckdb"), "--config",
                                     _config(t, '[schedule]\ntimezone = "Asia/Makasar"\n')], {}, 1,
     "'Asia/Makasar' is not a time zone"),
    ("unknown region", lambda t: ["run", "--sources", _sources(t, '[[source]]\nid = "a"\nname = "A"\n'
                                  'base_url = "https://a.id/"\nregion = "Kabupaten Atlantis"\n'), "--db", str(t / "w.duckdb")],
     {}, 1, "'Kabupaten Atlantis' is not a Kemendagri region"),
    ("no sources in a group", lambda t: ["run", "--sources", _sources(t, '[[source]]\nid = "a"\nname = "A"\n'
                                         'base_url = "https://a.id/"\n'), "--group", "timur", "--db", str(t / "w.duckdb")],
     {}, 1, "no sources to crawl in group 'timur'"),
    ("brackets in a path survive", lambda t: ["ingest", str(t / "[bad].csv"), "--db", str(t / "w.duckdb")], {}, 1,
     "[bad].csv"),
    ("brackets in SQL survive", lambda t: ["query", "SELECT [1,2][x]", "--db", str(t / "demo.duckdb")], {}, 1,
     "[1,2][x]"),
    ("ingest of an empty folder", lambda t: ["ingest", str(t / "empty"), "--db", str(t / "w.duckdb")], {}, 1,
     "nothing to read in"),
    ("extract of an empty folder", lambda t: ["extract", str(t / "empty")], {}, 1, "nothing to read in"),
    ("reextract without its WARC files", lambda t: ["reextract", "--db", str(t / "demo.duckdb")], {}, 1,
     "none of the WARC files"),
]


@pytest.mark.parametrize("name,argv,env,code,line", CASES, ids=[c[0] for c in CASES])
def test_an_expected_failure_is_one_line_with_its_exit_code(demo_db, tmp_path, name, argv, env, code, line):
    import shutil
    shutil.copyfile(demo_db, tmp_path / "demo.duckdb")            # its WARC files are elsewhere: not beside this copy
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    done = _warta(*argv(tmp_path), env=env, timeout=120)
    assert done.returncode == code, done.stdout + done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert line in lines[0], lines[0]


def test_the_lock_message_names_an_option_that_exists(tmp_path):
    from flows import snapshot
    db = tmp_path / "w.duckdb"
    (tmp_path / "a.html").write_text(HTML.format(slug="a"), encoding="utf-8")
    with snapshot.run_lock(db):
        done = _warta("ingest", str(tmp_path / "a.html"), "--db", str(db), "--wait", "0.5")
    assert done.returncode == 1 and "--wait SECONDS" in done.stderr
    assert "--wait" in _warta("ingest", "--help").stdout


def test_the_demo_hints_at_tools_the_user_has(tmp_path):
    done = _warta("demo", "--db", str(tmp_path / "d.duckdb"))
    assert done.returncode == 0, done.stderr
    assert "duckdb -readonly" not in done.stdout and "warta query" in done.stdout
    assert "{'" not in done.stdout                            # a readable summary, not a dict
