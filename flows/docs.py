"""Generated documentation: the data dictionary (from DuckDB comments) and the outlet table (from
data/sources.toml). `python -m flows.docs` rewrites them; tests fail when they are out of date."""

from __future__ import annotations

import sys

import duckdb

from flows import store
from flows.settings import load_sources, project_root

DICTIONARY = project_root() / "docs" / "data-dictionary.md"
README = project_root() / "README.md"
OUTLETS_BEGIN, OUTLETS_END = "<!-- outlets:begin -->", "<!-- outlets:end -->"


def data_dictionary() -> str:
    con = duckdb.connect()
    store.migrate(con)
    rels = con.execute("""
        SELECT table_name, 'table' AS kind, comment FROM duckdb_tables()
        WHERE NOT internal AND table_name NOT LIKE '\\_%' ESCAPE '\\'
        UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal
        ORDER BY kind, table_name""").fetchall()
    lines = ["# Data dictionary", "", "Generated from the DuckDB comments in `sql/` by `python -m flows.docs`; do not edit.", ""]
    for name, kind, comment in rels:
        lines += [f"## {name} ({kind})", "", comment or "", "", "| column | type | description |", "|---|---|---|"]
        for col, typ, desc in con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() "
                                          "WHERE table_name = ? ORDER BY column_index", [name]).fetchall():
            lines.append(f"| {col} | {typ} | {(desc or '').replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)


def outlet_table() -> str:
    rows = ["| id | outlet | region | discovery | delay |", "|---|---|---|---|---|"]
    for s in load_sources():
        rows.append(f"| {s.id} | [{s.name}]({s.base_url}) | {s.region or ''} | {', '.join(s.discovery)} | "
                    f"{s.delay_s if s.delay_s is not None else 'default'} |")
    return "\n".join(rows)


def readme_with_outlets(readme: str) -> str:
    head, rest = readme.split(OUTLETS_BEGIN, 1)
    _, tail = rest.split(OUTLETS_END, 1)
    return f"{head}{OUTLETS_BEGIN}\n{outlet_table()}\n{OUTLETS_END}{tail}"


def main() -> int:
    DICTIONARY.write_text(data_dictionary(), encoding="utf-8")
    README.write_text(readme_with_outlets(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DICTIONARY} and the outlet table of {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
