"""What extraction workers send back to the writer: one Arrow table per target table.

Workers (processes or Dask workers) build the tables, so the single writer only filters them and
hands them to DuckDB; no row dicts cross the process boundary. Every row carries `page_no`, its
page's position in the batch, so the writer can keep or drop a page's rows (an unchanged article,
a second copy of one in the same batch) with one Arrow filter per table. The `pages` table also
carries each page's `article_id` and `n_facts`. Columns the database does not have are dropped at
insert time (store.insert_rows), so these helpers never reach a table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from flows.tables import COUNTED

Rows = dict[str, list[dict[str, Any]]]     # one page's rows, by table



def _column(values: list[Any]) -> pa.Array:
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):   # mixed types: text, which DuckDB casts on insert
        return pa.array([None if v is None else str(v) for v in values], pa.string())


def rows_to_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows with possibly different keys → one table with the union of the columns (types inferred
    over every value, so a column that is None in the first row keeps its real type). A column whose
    values disagree on a type becomes text rather than failing the batch in a worker."""
    names = list(dict.fromkeys(k for r in rows for k in r))
    return pa.table({n: _column([r.get(n) for r in rows]) for n in names})


@dataclass(slots=True)
class ExtractedBatch:
    """The extraction of consecutive pages: `tables[name]` holds the rows of all of them."""

    tables: dict[str, pa.Table] = field(default_factory=dict)
    pages: int = 0

    @classmethod
    def from_rows(cls, per_page: Sequence[Rows]) -> ExtractedBatch:
        """Number each page's rows and turn every table into Arrow (done in the worker)."""
        collected: dict[str, list[dict[str, Any]]] = {}
        for page_no, rows in enumerate(per_page):
            arts = rows.get("articles") or [{}]
            n_facts = sum(len(rows.get(t, ())) for t in COUNTED)
            for name, items in rows.items():
                extra: dict[str, Any] = {"page_no": page_no}
                if name == "pages":
                    extra |= {"article_id": arts[0].get("article_id"), "n_facts": n_facts}
                collected.setdefault(name, []).extend({**r, **extra} for r in items)
        return cls({name: rows_to_table(items) for name, items in collected.items() if items}, len(per_page))

    @classmethod
    def concat(cls, parts: Iterable[ExtractedBatch]) -> ExtractedBatch:
        """Several batches as one, page numbers running on; columns unified by name."""
        pieces: dict[str, list[pa.Table]] = {}
        offset = 0
        for part in parts:
            for name, table in part.tables.items():
                i = table.schema.get_field_index("page_no")
                pieces.setdefault(name, []).append(
                    table.set_column(i, "page_no", pc.add(table["page_no"], offset)) if offset else table)
            offset += part.pages
        return cls({n: pa.concat_tables(ts, promote_options="permissive") for n, ts in pieces.items()}, offset)

    def column(self, table: str, name: str) -> list[Any]:
        """One column as Python values ([] when the batch has no such table)."""
        t = self.tables.get(table)
        return t.column(name).to_pylist() if t is not None and name in t.column_names else []

    def keep_pages(self, keep: Iterable[int]) -> dict[str, pa.Table]:
        """Every table but `pages`, restricted to the rows of the pages numbered in `keep`."""
        wanted = pa.array(sorted(set(keep)), pa.int64())
        return {name: t.filter(pc.is_in(t["page_no"], value_set=wanted))
                for name, t in self.tables.items() if name != "pages"}
