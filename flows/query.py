"""`warta query`, `warta tables`, `warta schema`: read-only SQL on the published snapshot, printed the way
sqlite-utils and DuckDB's own CLI print it.

Read-only is enforced, not promised: every statement must be a SELECT (DESCRIBE, SHOW, SUMMARIZE and FROM-first
queries are SELECTs) or an EXPLAIN, and the connection is opened read-only with external access off, so neither
the database nor any file can be written (`COPY ... TO`, `EXPORT DATABASE`, `ATTACH`, `INSTALL` are refused
before they run) and no file outside the database is read. Write files with `warta export`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from flows.errors import QueryError

READ_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Result:
    statement: str
    columns: list[str]
    rows: list[tuple[Any, ...]]


def _connect(db: Path) -> duckdb.DuckDBPyConnection:
    if not Path(db).exists():
        raise QueryError(f"no database at {db}; run `warta demo` or `warta crawl` first")
    try:
        return duckdb.connect(str(db), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as exc:
        raise QueryError(f"cannot open {db} read-only: {exc}") from exc


def parameter(value: str) -> Any:
    """A -p value as DuckDB should compare it: numbers as numbers ("3", "0.5"), anything else as text."""
    if _NUMBER.fullmatch(value):
        return float(value) if "." in value else int(value)
    return value


def run(db: Path, sql: str, params: dict[str, str] | None = None) -> list[Result]:
    """Every statement of `sql`, in order, with its columns and rows; a statement that could write, or names a
    parameter not given, is refused before any runs."""
    params = params or {}
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"cannot parse the SQL: {exc}") from exc
    if not statements:
        raise QueryError("no SQL statement given")
    for k, st in enumerate(statements, 1):
        if st.type not in READ_TYPES:
            raise QueryError(f"statement {k} is {st.type.name}: `warta query` only reads (SELECT, DESCRIBE, SHOW, "
                             "EXPLAIN); files are written by `warta export`")
        missing = sorted(st.named_parameters - set(params))
        if missing:
            raise QueryError(f"statement {k} needs " + ", ".join(f"-p {m} VALUE" for m in missing))
    con = _connect(db)
    try:
        out = []
        for st in statements:
            values = {n: parameter(params[n]) for n in st.named_parameters}
            cur = con.execute(st.query, values) if values else con.execute(st.query)
            out.append(Result(st.query.strip(), [d[0] for d in cur.description or []], cur.fetchall()))
        return out
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {exc}") from exc
    finally:
        con.close()


def tables(db: Path) -> list[Result]:
    """The tables and views of the database with their comments (the data dictionary in one query)."""
    return run(db, """SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
                      WHERE schema_name = 'main' AND NOT internal AND NOT starts_with(table_name, '_')
                      UNION ALL
                      SELECT view_name, 'view', comment FROM duckdb_views()
                      WHERE schema_name = 'main' AND NOT internal
                      ORDER BY kind DESC, name""")


def schema(db: Path, name: str | None = None) -> list[Result]:
    """The columns of one table or view (or of all), with their types and comments."""
    sql = """SELECT table_name AS "table", column_name AS "column", data_type AS type, comment FROM duckdb_columns()
             WHERE schema_name = 'main' AND NOT internal AND NOT starts_with(table_name, '_')"""
    if name is None:
        return run(db, sql + " ORDER BY table_name, column_index")
    found = run(db, sql + " AND table_name = $name ORDER BY column_index", {"name": name})
    if not found[0].rows:
        raise QueryError(f"no table or view named {name!r}; `warta tables` lists them")
    return found


def _cell(value: Any, null: str, max_width: int | None) -> str:
    text = null if value is None else str(value)
    text = text.replace("\n", " ")
    return text if max_width is None or len(text) <= max_width else text[:max(1, max_width - 1)] + "…"


def _json_value(value: Any) -> Any:
    return value if value is None or isinstance(value, (bool, int, float, str, list, dict)) else str(value)


def render(results: list[Result], fmt: str, *, null: str = "", max_width: int | None = None) -> str:
    """Text for csv, tsv, json, jsonl and markdown (a table is drawn by the CLI). Machine formats take one result:
    several would make one file of two shapes."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    with_rows = [r for r in results if r.columns]
    if fmt in {"csv", "tsv", "json", "jsonl"} and len(with_rows) > 1:
        raise QueryError(f"{len(with_rows)} statements return rows; --format {fmt} prints one (use table or markdown, "
                         "or run them one by one)")
    parts = []
    for r in with_rows:
        if fmt in {"csv", "tsv"}:
            buf = io.StringIO()
            w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow(r.columns)
            w.writerows([null if v is None else v for v in row] for row in r.rows)
            parts.append(buf.getvalue())
        elif fmt in {"json", "jsonl"}:
            objs = [{c: _json_value(v) for c, v in zip(r.columns, row, strict=True)} for row in r.rows]
            parts.append(json.dumps(objs, ensure_ascii=False, default=str) + "\n" if fmt == "json" else
                         "".join(json.dumps(o, ensure_ascii=False, default=str) + "\n" for o in objs))
        else:
            esc = lambda s: s.replace("|", "\\|")  # noqa: E731
            lines = ["| " + " | ".join(esc(c) for c in r.columns) + " |", "|" + "---|" * len(r.columns)]
            lines += ["| " + " | ".join(esc(_cell(v, null, max_width)) for v in row) + " |" for row in r.rows]
            parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def cells(result: Result, *, null: str = "", max_width: int | None = None) -> list[list[str]]:
    """The rows of a result as the table format shows them."""
    return [[_cell(v, null, max_width) for v in row] for row in result.rows]
