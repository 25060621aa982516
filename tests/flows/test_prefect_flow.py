"""The Prefect flows, under one Prefect test harness: the scheduled run on the demo site, and an
ingest whose extraction runs on a 2-worker Dask LocalCluster through prefect-dask."""

import os

import pytest

from flows.settings import PipelineSettings, Settings
from tests.flows.test_ingest import HTML

pytestmark = pytest.mark.skipif(os.environ.get("WARTA_SKIP_PREFECT") == "1", reason="Prefect harness disabled")


@pytest.fixture(scope="module")
def harness():
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness():
        yield


def test_run_flow_crawls_demo_site(harness, tmp_path, demo_site):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "demo"\nname = "Demo"\nbase_url = "{demo_site}/"\n', encoding="utf-8")
    from flows.deployments import run_flow
    result = run_flow(str(sources), str(tmp_path / "w.duckdb"), crawl={"allow_private": True, "delay_s": 0.0})
    assert (result["status"], result["articles_new"]) == ("ok", 5)


def test_run_flow_fails_when_no_source_succeeds_and_says_so_everywhere(harness, tmp_path):
    from flows import jobs
    from flows.deployments import run_flow
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nid = "gone"\nname = "Gone"\nbase_url = "http://127.0.0.1:9/"\n', encoding="utf-8")
    state = run_flow(str(sources), str(tmp_path / "w.duckdb"), crawl={"allow_private": True, "delay_s": 0.0},
                     return_state=True)
    assert state.is_failed()
    assert state.result(raise_on_failure=False)["status"] == "failed"
    runs = jobs.status(tmp_path / "w.duckdb")["runs"]
    assert runs[0]["status"] == "failed"


def test_settings_given_to_the_flow_are_used_not_reset(harness, tmp_path, demo_site):
    """crawl.allow_private from the config reaches the crawl (the flow once passed False over it)."""
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "demo"\nname = "Demo"\nbase_url = "{demo_site}/"\n', encoding="utf-8")
    config = tmp_path / "warta.toml"
    config.write_text("[crawl]\nallow_private = true\ndelay_s = 0.0\n", encoding="utf-8")
    from flows.deployments import run_flow
    result = run_flow(str(sources), str(tmp_path / "w.duckdb"), config=str(config))
    assert result["articles_new"] == 5


def test_ingest_extraction_runs_on_a_dask_local_cluster(harness, tmp_path):
    from flows import snapshot
    from flows.deployments import ingest_on_dask
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(24):
        (pages / f"p{i}.html").write_text(HTML.format(slug=f"p{i}"), encoding="utf-8")
    settings = Settings(pipeline=PipelineSettings(workers=2, batch_size=8, dask_batch=6))
    result = ingest_on_dask([pages], db=tmp_path / "w.duckdb", settings=settings, workers=2)
    con = snapshot.reading(tmp_path / "w.duckdb")
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert result["articles_new"] + result["articles_updated"] == 24 and n == 24


def test_local_cluster_workers_keep_glibc_default_memory_trimming():
    """Dask's nanny default (MALLOC_TRIM_THRESHOLD_=65536) costs ~15 % CPU per page; local_cluster unsets it."""
    from distributed import Client

    from flows.deployments import local_cluster
    with local_cluster(1) as address, Client(address) as client:
        assert set(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == {None}


def test_task_arguments_are_opaque_to_dask_tokenizing():
    from dask.base import tokenize

    from flows.deployments import Opaque
    pages = [{"url": f"u{i}"} for i in range(1000)]
    a, b = Opaque(pages), Opaque(pages)
    assert tokenize(a) == tokenize(a) != tokenize(b)     # its own token, not a hash of the pages
