"""CLI == API: every command has help with an example, and `extract` prints the eval contract."""

import json

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()
COMMANDS = ["demo", "run", "serve", "crawl", "ingest", "reextract", "extract", "status", "query", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_extract_prints_contract_jsonl(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Wali Kota Parepare, Taufan Pawe membuka Laboratorium Inovasi, Rabu (6/7/2022).", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--format", "jsonl"])
    row = json.loads(result.output.splitlines()[0])
    assert row["source"] == "a.txt" and row["dates"] == ["2022-07-06"]
    assert row["officials"][0]["name"] == "Taufan Pawe"


def test_query_that_writes_is_refused(tmp_path):
    db = tmp_path / "w.duckdb"
    from flows.snapshot import writing
    with writing(db):
        pass
    result = runner.invoke(app, ["query", "DROP TABLE articles", "--db", str(db)])
    assert result.exit_code == 1 and "query failed" in result.output
