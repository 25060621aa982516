"""The scheduled flow, run once on the demo site under one Prefect test harness."""

import os

import pytest


@pytest.mark.skipif(os.environ.get("WARTA_SKIP_PREFECT") == "1", reason="Prefect harness disabled")
def test_run_flow_crawls_demo_site(tmp_path, demo_site):
    from prefect.testing.utilities import prefect_test_harness

    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "demo"\nname = "Demo"\nbase_url = "{demo_site}/"\n', encoding="utf-8")
    from flows.deployments import run_flow
    with prefect_test_harness():
        result = run_flow(str(sources), str(tmp_path / "w.duckdb"), allow_private=True, delay_s=0.0)
    assert result["articles_new"] == 5
