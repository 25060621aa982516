"""The work of a run as plain functions over batches; Prefect only wraps them (deployments.py).

page bytes ──(worker processes: text, cleaning, facts, MinHash)──▶ Arrow tables ──(one writer)──▶ DuckDB

`process_batch` is pure CPU and runs in a process pool; `Loader` is the only writer and assigns
near-duplicates, boilerplate and run counts.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import groupby
from multiprocessing import get_context
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from extractors import EXTRACTOR_VERSION, Facts, load_lexicon, read_article, read_facts
from extractors.near_duplicates import NearDupIndex, Sketch, sketch
from extractors.paragraphs import Paragraph, boilerplate_positions
from flows import store
from flows.batch import ExtractedBatch, Rows
from flows.errors import ExtractError, WartaError
from flows.page import PageInput, PageRow, article_id, article_text, now_iso, stable_id
from flows.resolve import resolve_entities
from flows.tables import FACT_MENTIONS, FACTS

log = logging.getLogger(__name__)

BOILERPLATE_MIN_STORIES = 3   # a paragraph in 3+ distinct stories of one source is that source's boilerplate


def _paragraph_at(starts: list[int], positions: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return positions[i] if i >= 0 else None


def _fact_rows(aid: str, kept: list[Paragraph], facts: Facts) -> Rows:
    """The fact rows of one article, each with the kept paragraph its span starts in."""
    starts, positions, pos = [], [], 0
    for p in kept:
        starts.append(pos)
        positions.append(p.position)
        pos += len(p.text) + 1
    para = lambda s: _paragraph_at(starts, positions, s.start)  # noqa: E731
    subject = {r.code for r in facts.region_list}
    scores = {r.code: p for r, p in facts.region_scores}
    main = facts.region_list[0] if facts.region_list else None
    v = {"extractor_version": EXTRACTOR_VERSION}
    rows: Rows = {
        "date_mentions": [{"article_id": aid, "value": d.value, "precision": d.precision,
                           "date": d.value if d.precision == "day" else d.value + "-01", "explicit": d.explicit,
                           "weekday_mismatch": d.weekday_mismatch, "surface": d.surface, "paragraph": para(d.span),
                           "span_start": d.span.start, "span_end": d.span.end, **v} for d in facts.dates],
        "region_mentions": [{"article_id": aid, "region_code": m.region.code, "surface": m.surface, "strong": m.strong,
                             "is_subject": m.region.code in subject, "subject_confidence": scores.get(m.region.code),
                             "paragraph": para(m.span),
                             "span_start": m.span.start, "span_end": m.span.end} for m in facts.regions],
        "officials": [], "official_mentions": [], "innovations": [], "innovation_mentions": [],
        "events": [{"article_id": aid, "event_no": i, "kind": e.kind, "name": e.name, "date": e.date,
                    "location": e.location, "region": main.name if main else None,
                    "region_code": main.code if main else None, "organiser": e.organiser,
                    "opened_by": e.opened_by, "participants": e.participants, "confidence": e.confidence,
                    "paragraph": para(e.span),
                    "span_start": e.span.start, "span_end": e.span.end, **v} for i, e in enumerate(facts.events)],
    }
    for o in facts.officials:
        oid = stable_id(o.name.casefold())
        rows["officials"].append({"official_id": oid, "name": o.name})
        rows["official_mentions"].append({
            "article_id": aid, "official_id": oid, "name_as_written": o.name_as_written, "title": o.title,
            "region": o.region.name if o.region else None, "region_code": o.region.code if o.region else None,
            "paragraph": para(o.span), "span_start": o.span.start, "span_end": o.span.end, **v})
    for inv in facts.innovations:
        iid = stable_id(inv.name.casefold())
        rows["innovations"].append({"innovation_id": iid, "name": inv.name, "expansion": inv.expansion,
                                    "sector": inv.sector})
        rows["innovation_mentions"].append({
            "article_id": aid, "innovation_id": iid, "name": inv.name, "expansion": inv.expansion,
            "sector": inv.sector, "agency": inv.agency, "region": main.name if main else None,
            "region_code": main.code if main else None, "confidence": inv.confidence,
            "paragraph": para(inv.span), "span_start": inv.span.start, "span_end": inv.span.end, **v})
    return rows


def process_page(page: PageInput, boilerplate: frozenset[str] = frozenset()) -> Rows:
    """All rows one page yields; an unusable page yields only its `pages` row, with the reason."""
    row = page.row()
    try:
        art = article_text(page)
    except WartaError as exc:
        return {"pages": [dict(page.row(outcome="skipped", error=f"{exc.reason}: {exc}"))]}
    article = read_article(art.text, load_lexicon(), published=art.date, declared_language=art.language,
                           boilerplate=boilerplate)
    text, reading = article.text, article.reading
    if not text.strip():
        return {"pages": [dict(page.row(outcome="skipped", error="extract: only furniture"))]}
    url = art.url if art.url and art.url.startswith("http") else page.url
    aid = article_id(url)
    content_hash = stable_id(article.cleaned_text)   # before boilerplate removal: stable whatever the corpus has taught us
    rows = _fact_rows(aid, article.kept, reading.facts)
    rows["articles"] = [{
        "article_id": aid, "url": url, "source": page.source, "title": art.title,
        "author": art.author or (article.bylines[0] if article.bylines else None), "sitename": art.sitename,
        "published_at": reading.published, "language": reading.language.code, "language_declared": art.language,
        "facts_skipped": reading.facts_skipped, "text": text, "content_hash": content_hash,
        "duplicate_of": None, "extractor_version": EXTRACTOR_VERSION, "first_seen": page.fetched_at,
        "fetched_at": page.fetched_at, "run_id": row.get("run_id"), "page_url": page.url,
        "warc_file": row.get("warc_file"), "warc_offset": row.get("warc_offset"),
    }]
    rows["paragraphs"] = [{"article_id": aid, "position": p.position, "text": p.text, "hash": p.hash,
                           "is_furniture": p.is_furniture, "is_repeat": p.is_repeat,
                           "is_boilerplate": p.is_boilerplate, "kind": p.kind} for p in article.paragraphs]
    sk = sketch(text)
    rows["article_minhash"] = [{"article_id": aid, "signature": sk.signature, "shingles": sk.shingles}]
    rows["pages"] = [dict(page.row(outcome="article", content_hash=content_hash))]
    return rows


def process_batch(pages: list[PageInput], boilerplate: dict[str, frozenset[str]] | None = None) -> ExtractedBatch:
    """A batch of pages → their rows as Arrow tables. Runs in a worker; never raises for one bad page."""
    out: list[Rows] = []
    for page in pages:
        try:
            out.append(process_page(page, (boilerplate or {}).get(page.source, frozenset())))
        except Exception as exc:  # a bug on one page must not lose the batch: record it and go on
            log.exception("extraction failed on %s", page.url)
            out.append({"pages": [dict(page.row(outcome="error", error=f"extract: {type(exc).__name__}: {exc}"))]})
    return ExtractedBatch.from_rows(out)


def batched(items: Iterable[PageInput], size: int) -> Iterator[list[PageInput]]:
    batch: list[PageInput] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


PR_SET_PDEATHSIG = 1     # prctl(2): the signal a process gets when its parent dies


def _worker_start() -> None:
    """Extraction workers leave SIGINT/SIGTERM to the run's main process, which stops the input and loads what
    it has (Ctrl-C reaches the whole process group; a worker dying mid-batch would only lose that batch's work).
    And a worker dies with its parent, however the parent ends: Linux sends it SIGKILL (prctl PR_SET_PDEATHSIG),
    so a killed run leaves no orphan extracting pages."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = os.getppid()
    if parent == 1:          # the parent died before the line above ran
        os._exit(1)


def make_pool(workers: int) -> Executor | None:
    """Extraction processes, or None to work inline (one worker).

    'fork' starts workers at once with everything imported, but is only safe while this process runs
    no other threads; beside Prefect's threads 'forkserver' is used (one clean process forks the workers).
    """
    if workers <= 1:
        return None
    method = "fork" if threading.active_count() == 1 else "forkserver"
    ctx = get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["flows.pipeline"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_start)
    pool.submit(int).result()    # fork every worker now, before a crawl thread starts
    return pool


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
        for aid, sig, n, pub, dup in con.execute(
                "SELECT m.article_id, m.signature, m.shingles, a.published_at::VARCHAR, a.duplicate_of "
                "FROM article_minhash m JOIN articles a USING (article_id) "
                "ORDER BY a.duplicate_of IS NOT NULL, a.published_at, a.first_seen").fetchall():
            self.index.add(aid, Sketch(bytes(sig), n or 0), pub, dup)

    def boilerplate(self) -> dict[str, frozenset[str]]:
        """Per source, the paragraph hashes known to be boilerplate (passed to the workers)."""
        out: dict[str, set[str]] = {}
        for source, h in self.con.execute(
                "SELECT DISTINCT a.source, p.hash FROM paragraphs p JOIN articles a USING (article_id) "
                "WHERE p.is_boilerplate").fetchall():
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
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _bp AS
            SELECT a.source, p.hash FROM paragraphs p JOIN stg_articles a USING (article_id)
            WHERE NOT p.is_furniture AND NOT p.is_repeat
            GROUP BY a.source, p.hash
            HAVING count(DISTINCT a.story_id) >= {BOILERPLATE_MIN_STORIES}""")
        rows = self.con.execute("""
            WITH flagged AS (
                SELECT p.article_id, p.position, p.text, p.is_boilerplate, b.hash IS NOT NULL AS shared
                FROM paragraphs p JOIN articles a USING (article_id) LEFT JOIN _bp b ON b.source = a.source AND b.hash = p.hash
                WHERE NOT p.is_furniture AND NOT p.is_repeat)
            SELECT article_id, position, text, shared, is_boilerplate FROM flagged
            WHERE article_id IN (SELECT article_id FROM flagged WHERE shared OR is_boilerplate)
            ORDER BY article_id, position""").fetchall()
        changes: list[tuple[str, int, bool]] = []
        for aid, group in groupby(rows, key=lambda r: r[0]):
            body = [r[1:] for r in group]
            want = boilerplate_positions([(pos, text, shared) for pos, text, shared, _ in body])
            changes += [(aid, pos, pos in want) for pos, _, _, was in body if (pos in want) != was]
        if changes:
            self.con.register("_marks", pa.table({"article_id": [c[0] for c in changes], "position": [c[1] for c in changes],
                                                  "mark": [c[2] for c in changes]}))
            self.con.execute("""
                UPDATE paragraphs SET is_boilerplate = m.mark, kind = CASE WHEN m.mark THEN 'boilerplate' ELSE 'body' END
                FROM _marks m WHERE paragraphs.article_id = m.article_id AND paragraphs.position = m.position""")
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
            facts = _fact_rows(art["article_id"], kept, reading.facts)
            for table, items in facts.items():
                tables.setdefault(table, []).extend(items)
            tables["articles"].append(art)
        keep = {"articles", *FACTS}
        store.load_batch(self.con, {t: r for t, r in tables.items() if t in keep}, self.columns, replaced=ids,
                         tables_replaced=FACT_MENTIONS)


def extract_and_load(pages: Iterable[PageInput], loader: Loader, *, batch_size: int, pool: Executor | None,
                     workers: int = 2, progress: Any = None, chunk: int | None = None) -> RunCounts:
    """Stream pages through the workers and load the results; memory stays flat.

    Workers get small chunks (a quarter batch: no worker idles long at the end of a run) unless
    `chunk` says otherwise (Dask tasks are larger, to keep orchestration overhead small), and the
    writer loads a whole batch at a time (fewer, larger transactions). At most a few chunks per
    worker are in flight.
    """
    boilerplate = loader.boilerplate()
    if pool is None:
        for batch in batched(pages, batch_size):
            loader.load(process_batch(batch, boilerplate))
            if progress:
                progress(len(batch))
        loader.finish()
        return loader.counts
    chunk = chunk or max(8, batch_size // 4)
    pending: list[Future[ExtractedBatch]] = []
    buffer: list[ExtractedBatch] = []

    def drain(keep: int) -> None:
        while len(pending) > keep:
            done = pending.pop(0).result()
            buffer.append(done)
            if progress:
                progress(done.pages)
            if sum(b.pages for b in buffer) >= batch_size:
                loader.load(ExtractedBatch.concat(buffer))
                buffer.clear()

    for part in batched(pages, chunk):
        pending.append(pool.submit(process_batch, part, boilerplate))
        drain(keep=3 * workers)
    drain(keep=0)
    if buffer:
        loader.load(ExtractedBatch.concat(buffer))
    loader.finish()
    return loader.counts


__all__ = ["ExtractError", "Loader", "PageInput", "RunCounts", "extract_and_load", "make_pool", "process_batch",
           "process_page"]
