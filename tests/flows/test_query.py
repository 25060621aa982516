"""`warta query`, `tables`, `schema`: every output format, named parameters, NULL, wide cells, several statements,
and read-only as a fact (nothing written, no file read)."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

from flows import query
from flows.cli import app
from flows.errors import QueryError

runner = CliRunner()
SQL = "SELECT 'Kabupaten Gowa' AS region, 3 AS stories, NULL AS note, 'a|b' AS pipe UNION ALL " \
      "SELECT 'Kota Makassar', 5, 'x', 'c' ORDER BY stories"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (region VARCHAR, stories INTEGER, note VARCHAR)")
    con.execute("COMMENT ON TABLE t IS 'A test table.'")
    con.execute("COMMENT ON COLUMN t.region IS 'The region.'")
    con.execute("INSERT INTO t VALUES ('Kabupaten Gowa', 3, NULL), ('Kota Makassar', 5, 'x')")
    con.execute("CREATE VIEW v AS SELECT * FROM t")
    con.close()
    return path


def _run(db, *args):
    return runner.invoke(app, ["query", *args, "--db", str(db)])


def test_csv_and_tsv_print_a_header_and_null_as_empty_or_as_asked(db):
    rows = list(csv.reader(io.StringIO(_run(db, SQL, "--format", "csv").output)))
    assert rows == [["region", "stories", "note", "pipe"], ["Kabupaten Gowa", "3", "", "a|b"], ["Kota Makassar", "5", "x", "c"]]
    tsv = _run(db, SQL, "--format", "tsv", "--null", "NULL").output.splitlines()
    assert tsv[1].split("\t") == ["Kabupaten Gowa", "3", "NULL", "a|b"]


def test_json_and_jsonl_keep_types_and_null(db):
    assert json.loads(_run(db, SQL, "--format", "json").output)[0] == {"region": "Kabupaten Gowa", "stories": 3,
                                                                       "note": None, "pipe": "a|b"}
    lines = _run(db, SQL, "--format", "jsonl").output.splitlines()
    assert [json.loads(x)["stories"] for x in lines] == [3, 5]


def test_markdown_escapes_pipes_and_cuts_wide_cells(db):
    out = _run(db, SQL, "--format", "markdown", "--max-width", "6").output.splitlines()
    assert out[0] == "| region | stories | note | pipe |" and out[1] == "|---|---|---|---|"
    assert out[2] == "| Kabup… | 3 |  | a\\|b |"


def test_the_table_shows_every_row_and_wraps_wide_cells(db):
    result = _run(db, "SELECT repeat('kata ', 60) AS long")
    assert result.exit_code == 0 and result.output.count("kata") == 60 and "1 row" in result.output
    assert len(result.output.splitlines()) > 6          # folded onto several lines, none of it cut


def test_named_parameters_are_bound_as_text_or_numbers(db):
    out = _run(db, "SELECT region FROM t WHERE region = $region OR stories > $n", "-p", "region", "Kabupaten Gowa",
               "-p", "n", "4", "--format", "csv").output.splitlines()
    assert out == ["region", "Kabupaten Gowa", "Kota Makassar"]
    missing = _run(db, "SELECT $region")
    assert missing.exit_code == 1 and "-p region VALUE" in missing.output


def test_several_statements_are_each_answered_in_a_table_or_refused_in_a_machine_format(db):
    result = _run(db, "SELECT count(*) AS n FROM t; SELECT max(stories) AS top FROM v")
    assert result.exit_code == 0 and "-- SELECT count(*)" in result.output and "top" in result.output
    refused = _run(db, "SELECT 1; SELECT 2", "--format", "json")
    assert refused.exit_code == 1 and "2 statements return rows" in refused.output


@pytest.mark.parametrize("sql", ["COPY t TO '{out}'", "COPY (SELECT 1) TO '{out}' (FORMAT csv)", "EXPORT DATABASE '{out}'",
                                 "INSERT INTO t VALUES ('x', 1, NULL)", "DROP TABLE t", "ATTACH '{out}' AS other",
                                 "SELECT 1; DELETE FROM t"])
def test_a_statement_that_could_write_is_refused_before_anything_runs(db, tmp_path, sql):
    out = tmp_path / "written"
    result = _run(db, sql.format(out=out))
    assert result.exit_code == 1 and "only reads" in result.output
    assert not out.exists()
    assert _run(db, "SELECT count(*) FROM t", "--format", "csv").output.splitlines()[1] == "2"


def test_no_file_outside_the_database_is_read(db, tmp_path):
    (tmp_path / "secret.csv").write_text("a\n1\n", encoding="utf-8")
    for sql in (f"SELECT * FROM read_csv('{tmp_path / 'secret.csv'}')", f"SELECT * FROM '{tmp_path / 'secret.csv'}'"):
        result = _run(db, sql)
        assert result.exit_code == 1 and "disabled" in result.output


def test_tables_and_schema_list_what_the_database_holds_with_comments(db):
    tables = json.loads(runner.invoke(app, ["tables", "--db", str(db), "--format", "json"]).output)
    assert {"name": "t", "kind": "table", "comment": "A test table."} in tables and any(r["name"] == "v" for r in tables)
    cols = json.loads(runner.invoke(app, ["schema", "t", "--db", str(db), "--format", "json"]).output)
    assert cols[0] == {"table": "t", "column": "region", "type": "VARCHAR", "comment": "The region."}
    unknown = runner.invoke(app, ["schema", "nope", "--db", str(db)])
    assert unknown.exit_code == 1 and "warta tables" in unknown.output


def test_the_api_returns_every_result_and_render_refuses_an_unknown_format(db):
    results = query.run(db, "SELECT 1 AS a; SELECT 2 AS b")
    assert [(r.columns, r.rows) for r in results] == [(["a"], [(1,)]), (["b"], [(2,)])]
    with pytest.raises(QueryError, match="unknown format"):
        query.render(results[:1], "xml")
