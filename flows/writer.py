"""The single writer of a run: rows from the workers → DuckDB. Near-duplicate assignment, unchanged-article
skips, atomic batch loads, cross-article boilerplate, run counts, and entity resolution at the end.
SQL lives in sql/queries/.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from extractors import load_lexicon, read_facts
from extractors.near_duplicates import NearDupIndex, Sketch
from extractors.paragraphs import Paragraph, boilerplate_positions
from flows import store
from flows.batch import ExtractedBatch, Rows
from flows.page import PageRow, now_iso
from flows.resolve import resolve_entities
from flows.tables import FACT_MENTIONS, FACTS
from flows.worker import fact_rows

BOILERPLATE_MIN_STORIES = 3   # a paragraph in 3+ distinct stories of one source is that source's boilerplate


@dataclass
class RunCounts:
    pages: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    unchanged: int = 0
    not_modified: int = 0
    facts: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    no_facts: Counter[str] = field(default_factory=Counter)     # articles stored without facts, by reason
    status: str = "running"          # ok | partial | failed | cancelled, once the run is recorded (flows.jobs)
    entities: dict[str, int] = field(default_factory=dict)     # persons, innovations, links after resolution

    by_source: dict[str, RunCounts] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out = {**({"status": self.status} if self.status != "running" else {}), "pages": self.pages,
               "articles_new": self.articles_new, "articles_updated": self.articles_updated,
               "unchanged": self.unchanged, "not_modified": self.not_modified, "facts": self.facts,
               "errors": dict(self.errors), "no_facts": dict(self.no_facts),
               **({"entities": self.entities} if self.entities else {})}
        if self.by_source:
            out["sources"] = {k: v.as_dict() for k, v in sorted(self.by_source.items())}
        return out

    def add(self, source: str | None, name: str, n: int = 1, reason: str | None = None) -> None:
        """Count in the total and in the source's own counts (`reason`: under errors or no_facts, by `name`)."""
        for c in (self, self.by_source.setdefault(source or "?", RunCounts())):
            if reason:
                getattr(c, name if name == "no_facts" else "errors")[reason] += n
            else:
                setattr(c, name, getattr(c, name) + n)

    def failed_sources(self) -> list[str]:
        """Sources that yielded no page at all and at least one error in this run."""
        return [s for s, c in self.by_source.items()
                if sum(c.errors.values()) and not (c.articles_new + c.articles_updated + c.unchanged + c.not_modified)]


def _column(table: pa.Table, name: str) -> list[Any]:
    """A column as Python values, or Nones when the table lacks it (a local file has no status)."""
    return table[name].to_pylist() if name in table.column_names else [None] * len(table)


def _settled(pages: pa.Table, unchanged: pa.Array, run_id: str) -> pa.Table:
    """The pages rows as stored: 'unchanged' where the text was already stored, the run filled in, the
    batch's own columns (page_no, n_facts) dropped."""
    for name, kind in (("outcome", pa.string()), ("run_id", pa.string()), ("error", pa.string()),
                       ("status", pa.int64()), ("url", pa.string()), ("fetched_at", pa.string())):
        if name not in pages.column_names:
            pages = pages.append_column(name, pa.nulls(len(pages), kind))
    outcome = pc.if_else(unchanged, pa.scalar("unchanged"), pages["outcome"].cast(pa.string()))
    run = pc.fill_null(pages["run_id"].cast(pa.string()), pa.scalar(run_id))
    pages = pages.set_column(pages.schema.get_field_index("outcome"), "outcome", outcome)
    pages = pages.set_column(pages.schema.get_field_index("run_id"), "run_id", run)
    return pages.drop_columns([c for c in ("page_no", "n_facts") if c in pages.column_names])


def _per_source(pages: pa.Table, mask: pa.Array | None, *keys: str) -> list[tuple[tuple[Any, ...], int]]:
    """((source, *keys), count) of the rows where `mask` holds (all rows when None)."""
    rows = pages if mask is None else pages.filter(mask)
    if not len(rows):
        return []
    if "source" not in rows.column_names:
        rows = rows.append_column("source", pa.nulls(len(rows), pa.string()))
    grouped = rows.group_by(["source", *keys]).aggregate([([], "count_all")]).to_pydict()
    names = ["source", *keys]
    return [(tuple(grouped[k][i] for k in names), grouped["count_all"][i]) for i in range(len(grouped["count_all"]))]


class Loader:
    """The single writer of a run: near-duplicates, unchanged-article skips, atomic batch loads."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, *, force: bool = False) -> None:
        self.con, self.run_id, self.force = con, run_id, force
        self.counts = RunCounts()
        self.columns = store.table_columns(con)
        self.index = NearDupIndex()
        # articles currently taken down: while there are none, a 200 answer has nobody to bring back
        self.gone = store.scalar(con, "SELECT count(*) FROM articles WHERE gone_at IS NOT NULL")
        for aid, sig, n, pub, dup in con.execute(store.statement("minhash_index")).fetchall():
            self.index.add(aid, Sketch(bytes(sig), n or 0), pub, dup)

    def boilerplate(self) -> dict[str, frozenset[str]]:
        """Per source, the paragraph hashes known to be boilerplate (passed to the workers)."""
        out: dict[str, set[str]] = {}
        for source, h in self.con.execute(store.statement("known_boilerplate")).fetchall():
            out.setdefault(source, set()).add(h)
        return {k: frozenset(v) for k, v in out.items()}

    def load(self, batch: ExtractedBatch) -> None:
        """Load one batch: the first copy of each changed article with its rows, every page record.

        The pages table stays Arrow: the loop reads plain column lists (it must, since copies are
        assigned in page order), and the outcomes it changes and the counts are computed on the table."""
        pages = batch.tables.get("pages")
        if pages is None:
            pages = pa.table({"page_no": pa.array([], pa.int64())})
        ids = [a for a in _column(pages, "article_id") if a]
        existing = dict(self.con.execute(
            "SELECT article_id, content_hash FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall())
        published = dict(zip(batch.column("articles", "page_no"), batch.column("articles", "published_at"), strict=True))
        sketches = {n: Sketch(sig, k) for n, sig, k in zip(
            batch.column("article_minhash", "page_no"), batch.column("article_minhash", "signature"),
            batch.column("article_minhash", "shingles"), strict=True)}
        skipped_facts = dict(zip(batch.column("articles", "page_no"), batch.column("articles", "facts_skipped"), strict=True))
        keep: dict[int, str] = {}                 # page_no of each article written → its article_id
        similarity: dict[str, float | None] = {}
        replaced: dict[str, float | None] = {}    # story roots that an earlier copy displaced → its similarity
        seen: set[str] = set()
        unchanged: list[bool] = []
        for page_no, aid, n_facts, source, content_hash in zip(
                *(_column(pages, c) for c in ("page_no", "article_id", "n_facts", "source", "content_hash")), strict=True):
            same = aid is not None and (aid in seen or (not self.force and existing.get(aid) == content_hash))
            unchanged.append(same)
            if aid is None or same:
                continue
            seen.add(aid)
            placed = self.index.assign(aid, sketches[page_no], published.get(page_no))
            keep[page_no], similarity[aid] = aid, placed.similarity
            replaced.update(dict.fromkeys(placed.replaced, placed.similarity))
            self.counts.add(source, "articles_updated" if aid in existing else "articles_new")
            self.counts.add(source, "facts", n_facts)
            if skipped_facts.get(page_no):
                self.counts.add(source, "no_facts", reason=skipped_facts[page_no])
        pages = _settled(pages, pa.array(unchanged, pa.bool_()), self.run_id)
        self._count(pages)
        tables: dict[str, Any] = batch.keep_pages(keep)
        if "articles" in tables:
            arts = tables["articles"]
            ids = [keep[n] for n in arts["page_no"].to_pylist()]
            roots = [self.index.root(a) for a in ids]
            arts = arts.set_column(arts.schema.get_field_index("duplicate_of"), "duplicate_of",
                                   pa.array([r if r != a else None for a, r in zip(ids, roots, strict=True)], pa.string()))
            tables["articles"] = arts.append_column(
                "copy_similarity", pa.array([similarity[a] if r != a else None for a, r in zip(ids, roots, strict=True)],
                                            pa.float64()))
        tables["pages"] = pages
        changed = [a for a in seen if a in existing]
        store.load_batch(self.con, tables, self.columns, replaced=changed,
                         versioned=[] if self.force else changed, now=now_iso())
        if replaced:
            self._repoint(replaced)
        self._mark_gone(pages)

    def _count(self, pages: pa.Table) -> None:
        """Pages, not-modified answers and errors (by reason) per source, counted on the settled table (which
        always has outcome, status and error)."""
        for key, n in _per_source(pages, None):
            self.counts.add(key[0], "pages", n)
        for key, n in _per_source(pages, pc.equal(pages["outcome"], "not-modified")):
            self.counts.add(key[0], "not_modified", n)
        for key, n in _per_source(pages, pc.equal(pages["outcome"], "unchanged")):
            self.counts.add(key[0], "unchanged", n)
        reasons = pc.list_element(pc.split_pattern(pages["error"], ":", max_splits=1), 0)
        for (source, reason), n in _per_source(pages.append_column("reason", reasons), pc.is_valid(pages["error"]),
                                               "reason"):
            self.counts.add(source, "errors", n, reason=reason)

    def _mark_gone(self, pages: pa.Table) -> None:
        """A known article answered 404/410: keep it, mark when it was first seen gone and by which status;
        one that answers again (200, 304) is back online."""
        gone = pages.filter(pc.equal(pages["outcome"], "gone"))
        back = pages.filter(pc.is_in(pages["status"], pa.array([200, 304]))) if self.gone else pages.slice(0, 0)
        if not len(gone) and not len(back):
            return
        self.con.register("_answers", pa.table({
            "url": pa.concat_arrays([gone["url"].combine_chunks(), back["url"].combine_chunks()]),
            "status": pa.concat_arrays([gone["status"].combine_chunks().cast(pa.int64()),
                                        pa.array([200] * len(back), pa.int64())]),
            "at": pa.concat_arrays([gone["fetched_at"].combine_chunks().cast(pa.string()),
                                    pa.nulls(len(back), pa.string())])}))
        self.con.execute(store.statement("mark_gone"))
        self.con.unregister("_answers")
        self.gone = store.scalar(self.con, "SELECT count(*) FROM articles WHERE gone_at IS NOT NULL")

    def _repoint(self, old_roots: dict[str, float | None]) -> None:
        """Stories whose root an earlier copy displaced: the old root and its copies point to the new root."""
        moves = pa.table({"old": list(old_roots), "root": [self.index.root(a) for a in old_roots],
                          "sim": pa.array(list(old_roots.values()), pa.float64())})
        self.con.register("_moves", moves)
        self.con.execute("""
            UPDATE articles SET duplicate_of = m.root,
                copy_similarity = CASE WHEN articles.article_id = m.old THEN m.sim ELSE articles.copy_similarity END
            FROM _moves m WHERE (articles.article_id = m.old OR articles.duplicate_of = m.old)
              AND articles.article_id <> m.root""")
        self.con.unregister("_moves")

    def record(self, pages: list[PageRow]) -> None:
        """Record fetches that yield no page to extract (skips, errors, not-modified)."""
        self.load(ExtractedBatch.from_rows([{"pages": [dict(p)]} for p in pages]))

    def finish(self) -> None:
        """Mark cross-article boilerplate; rebuild the text and facts of the articles whose marks changed.

        A paragraph shared by BOILERPLATE_MIN_STORIES distinct stories of one source (copies of one
        story count once) is a candidate; `boilerplate_positions` keeps only template-like ones (short,
        at the start or end, never half a body). Marks are recomputed both ways, since a later copy can
        merge stories that were counted apart; articles whose marks change are re-extracted, so the
        result depends neither on page order nor on a run having been interrupted. Sources the articles name but
        the configuration does not (local files, other hosts' WARC records) are registered (sql/queries).
        """
        self.con.execute(store.statement("register_sources"))
        self.con.execute(store.statement("boilerplate_candidates"), {"min_stories": BOILERPLATE_MIN_STORIES})
        rows = self.con.execute(store.statement("boilerplate_marks")).fetchall()
        changes: list[tuple[str, int, bool]] = []
        for aid, group in groupby(rows, key=lambda r: r[0]):
            body = [r[1:] for r in group]
            want = boilerplate_positions([(pos, text, shared) for pos, text, shared, _ in body])
            changes += [(aid, pos, pos in want) for pos, _, _, was in body if (pos in want) != was]
        if changes:
            self.con.register("_marks", pa.table({"article_id": [c[0] for c in changes], "position": [c[1] for c in changes],
                                                  "mark": [c[2] for c in changes]}))
            self.con.execute(store.statement("apply_boilerplate_marks"))
            self.con.unregister("_marks")
            self._reextract(sorted({c[0] for c in changes}))
        self.counts.entities = resolve_entities(self.con, load_lexicon())

    def _reextract(self, ids: list[str]) -> None:
        cur = self.con.execute("SELECT * FROM articles WHERE article_id IN (SELECT unnest(?))", [ids])
        cols = [d[0] for d in cur.description]
        articles = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        paras: dict[str, list[Paragraph]] = {}
        for aid, pos, text, h in self.con.execute(
                "SELECT article_id, position, text, hash FROM paragraphs WHERE article_id IN (SELECT unnest(?)) "
                "AND NOT (is_furniture OR is_repeat OR is_boilerplate) ORDER BY article_id, position", [ids]).fetchall():
            paras.setdefault(aid, []).append(Paragraph(pos, text, h))
        tables: Rows = {"articles": []}
        lex = load_lexicon()
        for art in articles:
            kept = paras.get(art["article_id"], [])
            art["text"] = "\n".join(p.text for p in kept)
            published = art["published_at"].isoformat() if art["published_at"] else None
            reading = read_facts(art["text"], lex, published=published, language=art["language"])
            facts = fact_rows(art["article_id"], kept, reading.facts)
            for table, items in facts.items():
                tables.setdefault(table, []).extend(items)
            tables["articles"].append(art)
        keep = {"articles", *FACTS}
        store.load_batch(self.con, {t: r for t, r in tables.items() if t in keep}, self.columns, replaced=ids,
                         tables_replaced=FACT_MENTIONS)
