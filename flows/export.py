"""Dataset exports for researchers: tables as Parquet, CSV or JSON Lines, plus a Frictionless
`datapackage.json` (every field with type and description, sources, time range, runs, versions)
and a README data card. Deterministic: the same database and arguments give byte-identical files.
Written to a temporary directory and renamed, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import duckdb

from extractors import EXTRACTOR_VERSION
from flows import snapshot, store
from flows.errors import ExportError

FORMATS = {"parquet": ("parquet", "application/vnd.apache.parquet", "(FORMAT parquet)"),
           "csv": ("csv", "text/csv", "(FORMAT csv, HEADER true)"),
           "jsonl": ("jsonl", "application/x-ndjson", "(FORMAT json)")}
_TYPES = {"VARCHAR": "string", "INTEGER": "integer", "BIGINT": "integer", "BOOLEAN": "boolean", "DATE": "date",
          "TIMESTAMP": "datetime", "JSON": "object", "DOUBLE": "number"}

#: table -> (query over the selected articles `_sel`, order, primary key)
TABLES: dict[str, tuple[str, str, list[str]]] = {
    "articles": ("SELECT {article_cols} FROM articles WHERE article_id IN (SELECT article_id FROM _sel)",
                 "article_id", ["article_id"]),
    "paragraphs": ("SELECT * FROM paragraphs WHERE article_id IN (SELECT article_id FROM _sel)",
                   "article_id, position", ["article_id", "position"]),
    "date_mentions": ("SELECT * FROM date_mentions WHERE article_id IN (SELECT article_id FROM _sel)",
                      "article_id, span_start, value", []),
    "officials": ("SELECT * FROM officials WHERE official_id IN (SELECT official_id FROM official_mentions "
                  "WHERE article_id IN (SELECT article_id FROM _sel))", "official_id", ["official_id"]),
    "official_mentions": ("SELECT * FROM official_mentions WHERE article_id IN (SELECT article_id FROM _sel)",
                          "article_id, span_start, official_id", []),
    "innovations": ("SELECT * FROM innovations WHERE innovation_id IN (SELECT innovation_id FROM innovation_mentions "
                    "WHERE article_id IN (SELECT article_id FROM _sel))", "innovation_id", ["innovation_id"]),
    "innovation_mentions": ("SELECT * FROM innovation_mentions WHERE article_id IN (SELECT article_id FROM _sel)",
                            "article_id, span_start, innovation_id", []),
    "events": ("SELECT * FROM events WHERE article_id IN (SELECT article_id FROM _sel)", "article_id, event_no",
               ["article_id", "event_no"]),
    "region_mentions": ("SELECT * FROM region_mentions WHERE article_id IN (SELECT article_id FROM _sel)",
                        "article_id, span_start, region_code", []),
    "regions": ("SELECT * FROM regions", "region_code", ["region_code"]),
    "sources": ("SELECT source_id, name, base_url, region, region_code FROM sources WHERE source_id IN "
                "(SELECT source FROM articles WHERE article_id IN (SELECT article_id FROM _sel))", "source_id",
                ["source_id"]),
    # entity resolution (sql/010_entities.sql): who each mention names, across the exported articles
    "official_persons": ("SELECT * FROM official_persons WHERE article_id IN (SELECT article_id FROM _sel)",
                         "article_id, span_start, official_id", []),
    "persons": ("SELECT * FROM persons WHERE person_id IN (SELECT person_id FROM official_persons "
                "WHERE article_id IN (SELECT article_id FROM _sel))", "person_id", ["person_id"]),
    "innovation_entity_mentions": ("SELECT * FROM innovation_entity_mentions WHERE article_id IN "
                                   "(SELECT article_id FROM _sel)", "article_id, span_start, innovation_id", []),
    "innovation_entities": ("SELECT * FROM innovation_entities WHERE entity_id IN (SELECT entity_id FROM "
                            "innovation_entity_mentions WHERE article_id IN (SELECT article_id FROM _sel))",
                            "entity_id", ["entity_id"]),
}


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    region: str | None = None
    source: str | None = None
    with_text: bool = True


def _warta_version() -> str:
    try:
        return version("warta")
    except PackageNotFoundError:
        return "0+unknown"


def _resolve_region(con: duckdb.DuckDBPyConnection, region: str) -> str:
    row = con.execute("SELECT region_code FROM regions WHERE lower(name) = lower(?) OR region_code = ? OR "
                      "lower(name) IN (lower('Kabupaten ' || ?), lower('Kota ' || ?), lower('Provinsi ' || ?))",
                      [region, region, region, region, region]).fetchall()
    if len(row) != 1:
        raise ExportError(f"unknown region {region!r}; use a name like 'Kabupaten Gowa' or a code like 73.06")
    return row[0][0]


def _select(con: duckdb.DuckDBPyConnection, f: Filters) -> None:
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if f.since:
        where.append("published_at >= ?")
        params.append(f.since)
    if f.until:
        where.append("published_at <= ?")
        params.append(f.until)
    if f.source:
        if not con.execute("SELECT 1 FROM articles WHERE source = ? LIMIT 1", [f.source]).fetchone():
            raise ExportError(f"unknown source {f.source!r}; see `warta query \"SELECT source_id FROM sources\"`")
        where.append("source = ?")
        params.append(f.source)
    if f.region:
        where.append("article_id IN (SELECT article_id FROM region_mentions WHERE is_subject AND region_code = ?)")
        params.append(_resolve_region(con, f.region))
    con.execute(f"CREATE OR REPLACE TEMP TABLE _sel AS SELECT article_id FROM articles WHERE {' AND '.join(where)}",
                params)


def _fields(con: duckdb.DuckDBPyConnection, table: str, names: list[str]) -> list[dict[str, str]]:
    info = {c: (t, d) for c, t, d in con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()}
    out = []
    for n in names:
        kind = _TYPES.get(info[n][0], "string")
        # DuckDB writes "2026-12-01 16:04:49.123": a datetime Frictionless reads with format "any"
        out.append({"name": n, "type": kind, **({"format": "any"} if kind == "datetime" else {}),
                    "description": info[n][1] or ""})
    return out


#: table -> (column, referenced table, referenced column): the joins a researcher makes, checked by validators
FOREIGN_KEYS = {
    "articles": [("source", "sources", "source_id")],
    "paragraphs": [("article_id", "articles", "article_id")],
    "date_mentions": [("article_id", "articles", "article_id")],
    "official_mentions": [("article_id", "articles", "article_id"), ("official_id", "officials", "official_id")],
    "innovation_mentions": [("article_id", "articles", "article_id"), ("innovation_id", "innovations", "innovation_id")],
    "events": [("article_id", "articles", "article_id")],
    "region_mentions": [("article_id", "articles", "article_id"), ("region_code", "regions", "region_code")],
    "official_persons": [("article_id", "articles", "article_id"), ("official_id", "officials", "official_id"),
                         ("person_id", "persons", "person_id")],
    "innovation_entity_mentions": [("article_id", "articles", "article_id"),
                                   ("innovation_id", "innovations", "innovation_id"),
                                   ("entity_id", "innovation_entities", "entity_id")],
}


def _foreign_keys(table: str, names: list[str]) -> list[dict[str, Any]]:
    return [{"fields": col, "reference": {"resource": ref, "fields": ref_col}}
            for col, ref, ref_col in FOREIGN_KEYS.get(table, []) if col in names]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export(db: Path, out: Path, fmt: str, filters: Filters = Filters()) -> dict[str, Any]:
    """Write the selected articles and their facts to `out`; returns the datapackage descriptor."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use parquet, csv or jsonl")
    if filters.since and filters.until and filters.since > filters.until:
        raise ExportError(f"--since {filters.since} is after --until {filters.until}")
    if out.exists():
        raise ExportError(f"{out} already exists; choose a new directory (exports never overwrite)")
    ext, media, options = FORMATS[fmt]
    con = snapshot.reading(db)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        con.close()
        raise ExportError(f"cannot create {out.parent}: {exc.strerror}") from exc
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        _select(con, filters)
        resources = []
        article_cols = [c for c in store.table_columns(con)["articles"] if filters.with_text or c != "text"]
        for table, (query, order, key) in TABLES.items():
            sql = query.format(article_cols=", ".join(article_cols))
            path = tmp / f"{table}.{ext}"
            con.execute(f"COPY ({sql} ORDER BY {order}) TO '{path}' {options}")
            names = [d[0] for d in con.execute(f"SELECT * FROM ({sql}) LIMIT 0").description]
            rows = store.scalar(con, f"SELECT count(*) FROM ({sql})")
            schema = {"fields": _fields(con, table, names), **({"primaryKey": key} if key else {}),
                      **({"foreignKeys": fks} if (fks := _foreign_keys(table, names)) else {})}
            resource = {"name": table, "type": "table", "profile": "tabular-data-resource", "rows": rows, "schema": schema}
            if rows == 0 and fmt == "jsonl":
                # an empty JSON Lines file has no line to name its columns, and readers (frictionless) refuse it: an
                # empty table is described inline by its header, its file still written for tools that glob *.jsonl
                resources.append({**resource, "data": [names]})
                continue
            if fmt == "parquet":
                # frictionless reads Parquet through pandas: a NULL integer comes back as the float NaN, and its byte
                # count is of the decoded stream, not of the file. So NaN is declared a missing value and the
                # file's size left out; its sha256 still pins the bytes.
                schema["missingValues"] = ["", "nan"]
                resources.append({**resource, "path": path.name, "format": ext, "mediatype": media,
                                  "hash": "sha256:" + _sha256(path)})
                continue
            resources.append({**resource, "path": path.name, "format": ext, "mediatype": media, "encoding": "utf-8",
                              "bytes": path.stat().st_size, "hash": "sha256:" + _sha256(path)})
        package = _package(con, filters, resources)
        (tmp / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False, default=str) + "\n",
                                              encoding="utf-8")
        (tmp / "README.md").write_text(_data_card(package), encoding="utf-8")
        os.rename(tmp, out)
        return package
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        con.close()


def _package(con: duckdb.DuckDBPyConnection, f: Filters, resources: list[dict[str, Any]]) -> dict[str, Any]:
    first, last = store.first_row(con, "SELECT min(published_at), max(published_at) FROM articles "
                                       "WHERE article_id IN (SELECT article_id FROM _sel)")
    runs = [r[0] for r in con.execute("SELECT DISTINCT run_id FROM articles WHERE article_id IN "
                                      "(SELECT article_id FROM _sel) AND run_id IS NOT NULL ORDER BY 1").fetchall()]
    built = store.scalar(con, "SELECT max(finished_at) FROM runs WHERE status = 'ok'")
    sources = [{"title": n, "path": u} for n, u in con.execute(
        "SELECT name, base_url FROM sources WHERE source_id IN (SELECT source FROM articles WHERE article_id IN "
        "(SELECT article_id FROM _sel)) ORDER BY source_id").fetchall()]
    return {
        "profile": "tabular-data-package",
        "name": "warta-export",
        "title": "Indonesian regional news: articles, officials, innovations, events, dates",
        "licenses": [{"name": "other-at", "title": "Article texts remain the publishers' copyright; facts CC-BY-4.0"}],
        "created": built.strftime("%Y-%m-%dT%H:%M:%SZ") if built else None,     # RFC 3339 (runs store UTC)
        "sources": sources,
        "temporal": {"start": str(first) if first else None, "end": str(last) if last else None},
        "filters": {"since": str(f.since) if f.since else None, "until": str(f.until) if f.until else None,
                    "region": f.region, "source": f.source, "with_text": f.with_text},
        "warta": {"version": _warta_version(), "extractor_version": EXTRACTOR_VERSION,
                  "schema_version": store.schema_version(con), "runs": runs},
        "resources": resources,
    }


def _data_card(p: dict[str, Any]) -> str:
    counts = "\n".join(f"| {r['name']} | {r['rows']} | {r.get('path', '(empty)')} |" for r in p["resources"])
    return f"""# warta export

{p['title']}.

## What is in it
| table | rows | file |
|---|---|---|
{counts}

Articles published from {p['temporal']['start']} to {p['temporal']['end']}; filters: {json.dumps(p['filters'])}.
Every field is described in `datapackage.json` (Frictionless Data Package); load it with
`frictionless`, pandas (`pd.read_parquet`), polars, R (`arrow::read_parquet`) or DuckDB
(`SELECT * FROM 'articles.parquet'`) — warta is not needed.

## How it was made
Crawled or ingested by warta {p['warta']['version']} (extractors {p['warta']['extractor_version']},
schema {p['warta']['schema_version']}), runs: {', '.join(p['warta']['runs']) or 'n/a'}. Text is extracted with
trafilatura, page furniture and repeated paragraphs are removed (`paragraphs` keeps every removal with its
reason), near-duplicate articles point to the earliest copy (`duplicate_of`). Facts are found by rules and
lexicons; innovation names, the regions an article is about and the events of stories without an activity
word are then decided by small classifiers fitted on gold-annotated articles, whose probability is kept
(`confidence`, `subject_confidence`). Each fact row carries its article, paragraph and character span in
`articles.text`.

## Known limits
- Extraction is measured on gold articles nobody tuned it on (README of warta: F1 about 0.8 overall): names
  or positions written in unusual orders, innovations named only in lower case, and undated events are
  missed more often than found.
- `published_at` comes from page metadata or the dateline and is missing when neither states it.
- Regions are the 2025 Kemendagri list; older names are matched through press aliases only.

## How to cite
warta export ({p['created'] or 'undated'}), {len(p['sources'])} source(s), produced with warta
{p['warta']['version']}. Cite the original articles by their `url` when quoting text.
"""
