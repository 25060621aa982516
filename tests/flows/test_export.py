"""Exports: round trip, determinism, filters, and clear errors that leave nothing behind."""

import hashlib
import json

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.errors import ExportError
from flows.export import Filters, export


def _digest(d):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())}


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_round_trip_gives_the_same_counts(demo_db, tmp_path, fmt):
    package = export(demo_db, tmp_path / "out", fmt)
    con = duckdb.connect(str(demo_db), read_only=True)
    expected = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "paragraphs", "events", "official_mentions", "innovation_mentions")}
    con.close()
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    got = {t: duckdb.connect().execute(f"SELECT count(*) FROM {reader}('{tmp_path / 'out' / f'{t}.{fmt}'}')").fetchone()[0]
           for t in expected}
    assert got == expected
    assert {r["name"] for r in package["resources"]} >= set(expected)


def test_same_database_and_arguments_give_identical_files(demo_db, tmp_path):
    export(demo_db, tmp_path / "a", "parquet")
    export(demo_db, tmp_path / "b", "parquet")
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_datapackage_describes_every_field(demo_db, tmp_path):
    package = json.loads((export(demo_db, tmp_path / "o", "csv") and (tmp_path / "o" / "datapackage.json")).read_text())
    fields = [f for r in package["resources"] for f in r["schema"]["fields"]]
    assert fields and all(f["description"] and f["type"] for f in fields)
    assert package["warta"]["extractor_version"] and package["sources"]


def test_region_filter_and_no_text(demo_db, tmp_path):
    export(demo_db, tmp_path / "o", "jsonl", Filters(region="Kabupaten Takalar", with_text=False))
    rows = [json.loads(line) for line in (tmp_path / "o" / "articles.jsonl").read_text().splitlines()]
    assert len(rows) == 1 and "text" not in rows[0]


@pytest.mark.parametrize(("filters", "message"), [
    (Filters(region="Atlantis"), "unknown region"),
    (Filters(source="nope"), "unknown source"),
])
def test_bad_filters_are_clear_errors_and_write_nothing(demo_db, tmp_path, filters, message):
    with pytest.raises(ExportError, match=message):
        export(demo_db, tmp_path / "o", "parquet", filters)
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_existing_directory_and_bad_dates(demo_db, tmp_path):
    runner = CliRunner()
    (tmp_path / "exists").mkdir()
    r1 = runner.invoke(app, ["export", "--out", str(tmp_path / "exists"), "--db", str(demo_db)])
    r2 = runner.invoke(app, ["export", "--out", str(tmp_path / "x"), "--since", "2022-13-01", "--db", str(demo_db)])
    r3 = runner.invoke(app, ["export", "--out", str(tmp_path / "y"), "--since", "2023-01-01", "--until", "2022-01-01",
                             "--db", str(demo_db)])
    assert (r1.exit_code, r2.exit_code, r3.exit_code) == (1, 1, 1)
    assert "already exists" in r1.output and "YYYY-MM-DD" in r2.output and "after" in r3.output


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_exports_validate_as_frictionless_data_packages(demo_db, tmp_path, fmt):
    from frictionless import Package
    out = tmp_path / fmt
    export(demo_db, out, fmt)
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["title", "message"])[:5]
    (out / f"officials.{fmt}").write_bytes((out / f"officials.{fmt}").read_bytes().replace(b"a", b"o", 1))
    assert not Package(str(out / "datapackage.json")).validate().valid      # the hash is checked


def test_export_creates_missing_parent_directories(demo_db, tmp_path):
    export(demo_db, tmp_path / "a" / "b" / "out", "csv")
    assert (tmp_path / "a" / "b" / "out" / "datapackage.json").exists()
