"""A real `prefect server` on loopback fires a scheduled run of `warta serve` (../shared/PLATFORM.md: schedules
never fire on the temporary server). Slow (~30-60 s): one test, started in a scratch PREFECT_HOME."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(1)
    return False


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.mark.skipif(os.environ.get("WARTA_SKIP_PREFECT") == "1", reason="Prefect server test disabled")
def test_scheduled_run_fires_on_a_real_prefect_server(tmp_path, demo_site):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "PREFECT_UI_ENABLED": "false",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2", "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "demo"\nname = "Demo"\nbase_url = "{demo_site}/"\ngroup = "test"\n')
    db = tmp_path / "w.duckdb"
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    served = None
    try:
        assert _wait(lambda: _healthy(api), 90), "prefect server did not start"
        served = subprocess.Popen([str(BIN / "warta"), "serve", "--sources", str(sources), "--db", str(db),
                                   "--interval", "5", "--allow-private", "--delay", "0"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert _wait(db.exists, 120), "no scheduled run published a snapshot"
    finally:
        for proc in (served, server):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert {k for (k,) in con.execute("SELECT kind FROM runs").fetchall()} == {"run"}
