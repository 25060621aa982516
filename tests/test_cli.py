"""CLI == API: every command has help with an example and is one call of the jobs function of its name; `extract`
prints the eval contract."""

import inspect
import json

import pytest
from typer.testing import CliRunner

from flows import jobs
from flows.cli import app

runner = CliRunner()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]    # from the app, never a hand-kept list


def test_the_command_list_is_the_apps_and_holds_every_documented_command():
    assert {"demo", "run", "serve", "crawl", "ingest", "reextract", "extract", "train", "status", "report", "query",
            "tables", "schema", "export"} == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_a_call_of_the_jobs_function_of_its_name(command):
    callback = next(c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command)
    assert callable(getattr(jobs, command, None)), f"flows.jobs has no {command}()"
    assert f"jobs.{command}(" in inspect.getsource(inspect.unwrap(callback))


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
    assert result.exit_code == 1 and "only reads" in result.output


def test_extract_reports_unreadable_and_empty_inputs(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(tmp_path / "empty.html")])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 0 and {r["source"] for r in rows} == {"missing.txt", "empty.html"}
    assert all(r["error"] and r["officials"] == [] for r in rows)


def test_garbled_settings_file_is_one_line_error(tmp_path, monkeypatch):
    import shutil

    from flows.settings import project_root
    home = tmp_path / "home"
    shutil.copytree(project_root() / "sql", home / "sql")
    shutil.copytree(project_root() / "data" / "lexicons", home / "data" / "lexicons")
    (home / "data" / "warta.toml").write_text("[crawl]\ndelay_s = 'soon'\n", encoding="utf-8")
    monkeypatch.setenv("WARTA_HOME", str(home))
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 1 and "warta.toml" in result.output and "delay_s" in result.output


def test_status_lists_each_run_on_one_whole_row(tmp_path):
    from tests.flows.test_ingest import HTML
    (tmp_path / "p.html").write_text(HTML.format(slug="p"), encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "p.html"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["status", "--db", db])
    row = next(line for line in result.output.splitlines() if "ingest-" in line)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert result.exit_code == 0 and cells[0].startswith("ingest-") and cells[2].endswith(" s") and cells[3] == "ok"
