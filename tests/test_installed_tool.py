"""warta as an installed tool: a wheel that runs the demo from an empty directory, exit codes a scheduler
can trust, checked options, JSON output, configuration by file and environment, light start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _warta(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd, env={**os.environ, **(env or {})})


def test_wheel_runs_the_demo_from_an_empty_directory(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path / "dist"), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("warta-*.whl")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("WARTA_HOME", None)
    where = subprocess.run([sys.executable, "-c", "import flows, extractors.lexicon as l; print(flows.__file__, l.LEXICON_DIR)"],
                           capture_output=True, text=True, cwd=empty, env=env)
    assert where.stdout.startswith(str(site)) and str(site) in where.stdout.split()[1]
    demo = subprocess.run([sys.executable, "-m", "flows.cli", "demo"], capture_output=True, text=True, cwd=empty,
                          env=env, timeout=300)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert (empty / "data" / "warta.duckdb").exists() and not list(site.rglob("*.duckdb"))


def test_version_and_checked_option_values():
    assert _warta("--version").stdout.startswith("warta ")
    bad = _warta("query", "SELECT 1", "--format", "xml")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "'table', 'csv', 'tsv', 'json', 'jsonl', 'markdown'" in bad.stderr
    assert "Exit codes: 0 done" in " ".join(_warta("--help").stdout.split())


def test_a_crawl_where_no_source_answers_exits_2_and_a_partial_failure_warns_or_exits_3(tmp_path):
    from tests.flows.fault_site import StaticSite
    from tests.flows.test_ingest import HTML
    db = str(tmp_path / "w.duckdb")
    none = _warta("crawl", "http://127.0.0.1:9/", "--allow-private", "--delay", "0", "--db", db)
    assert none.returncode == 2 and "no source succeeded" in none.stderr
    pages = {"/robots.txt": "Sitemap: {base}/sitemap.xml\n",
             "/sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/a/</loc></url></urlset>',
             "/a/": HTML.format(slug="a")}
    with StaticSite(pages) as site:
        args = ["crawl", site.base + "/", "http://127.0.0.1:9/", "--allow-private", "--delay", "0", "--db", db]
        partial = _warta(*args, "--format", "json")
        strict = _warta(*args, "--strict", "--recheck")
    assert partial.returncode == 0 and "1 source(s) failed" in partial.stderr
    assert json.loads(partial.stdout)["articles_new"] == 1
    assert strict.returncode == 3


def test_status_as_json(demo_db):
    out = _warta("status", "--format", "json", "--db", str(demo_db))
    runs = json.loads(out.stdout)["runs"]
    assert out.returncode == 0 and runs[0]["status"] == "ok" and runs[0]["details"]["pages"] >= 5


def test_config_file_and_environment_overrides(tmp_path, monkeypatch):
    from flows.settings import load_settings
    config = tmp_path / "mine.toml"
    config.write_text("[crawl]\ndelay_s = 4.0\n[pipeline]\nworkers = 3\n")
    monkeypatch.setenv("WARTA_CRAWL__DELAY_S", "2.5")
    settings = load_settings(config)
    assert (settings.crawl.delay_s, settings.pipeline.workers) == (2.5, 3)
    monkeypatch.setenv("WARTA_PIPELINE__WORKERS", "many")
    bad = _warta("status", "--config", str(config), "--db", str(tmp_path / "none.duckdb"))
    assert bad.returncode == 1 and "WARTA_PIPELINE__WORKERS='many'" in bad.stderr and "mine.toml" not in bad.stderr


@pytest.mark.parametrize("args", [["extract", "{file}"], ["query", "SELECT 1", "--db", "{db}"]])
def test_extract_and_query_start_without_pyarrow_or_prefect(tmp_path, demo_db, args):
    (tmp_path / "a.txt").write_text("Bupati Gowa membuka kegiatan di Aula Kantor Bupati, Senin (4/3/2024).")
    argv = [a.format(file=tmp_path / "a.txt", db=demo_db) for a in args]
    code = ("import runpy, sys; sys.argv = ['warta', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('flows.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in ('pyarrow', 'prefect') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in done.stdout, done.stdout[-500:] + done.stderr[-500:]
