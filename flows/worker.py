"""What runs in an extraction worker: one page's bytes → its rows (text, cleaning, facts, MinHash), as Arrow.

Pure CPU and no database: `process_batch` runs in a process pool (or on Dask workers); the single writer
(flows/writer.py) loads what it returns. Workers leave signals to the run's main process and die with it.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
from bisect import bisect_right
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import get_context

from extractors import EXTRACTOR_VERSION, Facts, load_lexicon, read_article
from extractors.near_duplicates import sketch
from extractors.paragraphs import Paragraph
from flows.batch import ExtractedBatch, Rows
from flows.errors import WartaError
from flows.page import PageInput, article_id, article_text, stable_id

log = logging.getLogger(__name__)


def _paragraph_at(starts: list[int], positions: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return positions[i] if i >= 0 else None


def fact_rows(aid: str, kept: list[Paragraph], facts: Facts) -> Rows:
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
                    "opened_by": e.opened_by, "participants": e.participants,
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
    rows = fact_rows(aid, article.kept, reading.facts)
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


def _warm() -> None:
    """Load once, in the parent, what every worker's first page would load again: the lexicon and models (a
    first reading) and pandas, which pyarrow imports on its first array (~0.2 s). Forked workers inherit it."""
    import pyarrow as pa
    read_article("Bupati membuka kegiatan, Senin (3/6/2024).", load_lexicon())
    pa.array([0])


def make_pool(workers: int) -> Executor | None:
    """Extraction processes, or None to work inline (one worker).

    'fork' starts workers at once with everything imported, but is only safe while this process runs
    no other threads; beside Prefect's threads 'forkserver' is used (one clean process forks the workers).
    """
    if workers <= 1:
        return None
    method = "fork" if threading.active_count() == 1 else "forkserver"
    if method == "fork":
        _warm()
    ctx = get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["flows.worker"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_start)
    pool.submit(int).result()    # fork every worker now, before a crawl thread starts
    return pool
