"""Local inputs for `warta ingest`/`extract`: HTML or text files, directories of them, WARC files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader

from extractors import Lexicon, facts_to_contract, load_lexicon, read_article
from flows.errors import InputError, WartaError
from flows.page import PageInput, PageRow, article_text, iso_utc, now_iso, page_row
from flows.settings import Source
from flows.sites import site_of
from flows.text import charset_of

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")
GOLD_SUFFIXES = (".json",)      # `warta extract` only: an eval gold file (its `text`, `published` and `id`)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES),
                           ("gold", GOLD_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def iter_files(paths: list[Path], *, gold: bool = False) -> Iterator[Path]:
    """The files named, and the HTML/text/WARC files (and gold JSON files, when asked) inside the directories
    named (sorted)."""
    def wanted(f: Path) -> bool:
        kind = _kind(f)
        return kind is not None and (gold or kind != "gold")
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and wanted(f))
        else:
            yield p        # a missing file is reported by iter_pages, not skipped silently


def check_inputs(paths: list[Path], *, gold: bool = False, all_present: bool = True) -> None:
    """Refuse, before any run starts, paths that do not exist (any of them; or all, when not `all_present`) and
    inputs that hold no file warta reads."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing and (all_present or len(missing) == len(paths)):
        raise InputError(f"no such file or directory: {', '.join(missing)}")
    if not any(True for _ in iter_files(paths, gold=gold)):
        suffixes = HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES + (GOLD_SUFFIXES if gold else ())
        raise InputError(f"nothing to read in {', '.join(map(str, paths))}: no {', '.join(suffixes)} files")


def _record(path: Path, source: str, run_id: str | None, **extra: Any) -> PageRow:
    return page_row(path.resolve().as_uri(), source, run_id, **extra)


def iter_pages(paths: list[Path], *, source: str = "local", run_id: str | None = None,
               max_bytes: int = 10_000_000, warc_source: SourceNamer | None = None) -> Iterator[PageInput | PageRow]:
    """A PageInput for every file or WARC record, in input order; in its place, a missing, oversized, unknown or
    corrupt input yields its `pages` row (a PageRow) with the reason, so nothing is dropped unrecorded.
    WARC records are labelled `warc_source(url)` when given (see source_namer), else `source`.

    HTML and text files are not read here: the worker that extracts a page reads it (PageInput.read),
    so only paths travel to worker processes or Dask workers, and the writer keeps its CPU for loading."""
    for path in iter_files(paths):
        kind = _kind(path)
        try:
            if kind == "warc":
                yield from _warc_pages(path, warc_source or source, run_id, max_bytes)
                continue
            if kind is None or kind == "gold":
                raise ValueError("not an HTML, text or WARC file")
            size = path.stat().st_size
            if size > max_bytes:
                raise ValueError(f"larger than {max_bytes} bytes")
        except (OSError, ValueError) as exc:
            yield _record(path, source, run_id, outcome="skipped", error=f"input: {exc}")
            continue
        row = _record(path, source, run_id, bytes=size)
        yield PageInput(row["url"], b"", source, row["fetched_at"], is_text=kind == "text", page_row=row,
                        path=str(path.resolve()), max_bytes=max_bytes)


def _warc_page(rec: Any, path: Path, source: str, run_id: str | None, max_bytes: int,
               offset: int | None = None) -> tuple[PageInput | None, PageRow]:
    """A WARC response record as a PageInput, or None and its `pages` row when it is too large or not HTML.

    The row says what the archive says: when it was fetched (WARC-Date), the HTTP status and the
    validators, so a page loaded from an archive counts as fetched for the revisit policy."""
    url = rec.rec_headers.get_header("WARC-Target-URI") or path.as_uri()
    http = rec.http_headers
    ctype = (http.get_header("Content-Type") or "") if http else ""
    status = http.get_statuscode() if http else None
    when = iso_utc(rec.rec_headers.get_header("WARC-Date")) or now_iso()
    body = _payload(rec, max_bytes)
    row = page_row(url, source, run_id, fetched_at=when, final_url=url, bytes=len(body),
                   status=int(status) if status and status.isdigit() else None, content_type=ctype,
                   etag=http.get_header("ETag") if http else None,
                   last_modified=http.get_header("Last-Modified") if http else None,
                   warc_file=path.name, warc_offset=offset)
    if len(body) > max_bytes or (ctype and "html" not in ctype.lower()):
        reason = "too-large" if len(body) > max_bytes else "not-html"
        return None, PageRow(**row, outcome="skipped", error=f"{reason}: {url}")
    return PageInput(url, body, source, row["fetched_at"], charset=charset_of(ctype), page_row=row), row


BROTLI_CHUNK = 65_536


def _payload(rec: Any, max_bytes: int) -> bytes:
    """A response record's body, decoded (chunked transfer, gzip, deflate, brotli), at most max_bytes + 1 bytes.
    warcio decodes gzip and deflate itself; its brotli decoder fails on the brotli package in use here
    ("'brotli.Decompressor' object has no attribute 'unused_data'"), so brotli is decoded here, capped while it
    inflates (a brotli bomb stops at the cap)."""
    http = rec.http_headers
    encoding = (http.get_header("Content-Encoding") or "").strip().lower() if http else ""
    if encoding != "br":
        return rec.content_stream().read(max_bytes + 1)
    stream = rec.raw_stream
    if "chunked" in (http.get_header("Transfer-Encoding") or "").lower():
        stream = ChunkedDataReader(stream)
    decoder, out = brotli.Decompressor(), bytearray()
    while len(out) <= max_bytes:
        chunk = stream.read(BROTLI_CHUNK) if decoder.can_accept_more_data() else b""
        if not chunk and decoder.can_accept_more_data():
            break
        out += decoder.process(chunk, output_buffer_limit=max_bytes + 1 - len(out))
    return bytes(out[:max_bytes + 1])


def _warc_pages(path: Path, source: str | SourceNamer, run_id: str | None,
                max_bytes: int) -> Iterator[PageInput | PageRow]:
    """Every response record of one WARC file. A record whose body cannot be decoded is one recorded error and
    the records after it still load; a file whose framing breaks (truncated, not gzip, not WARC: warcio raises
    many kinds of error on hostile bytes) ends with a recorded reason, and the records before it, and every
    other file, are still loaded."""
    records = responses = 0
    try:
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                records += 1
                if rec.rec_type != "response":
                    continue       # requests, metadata, warcinfo: no page to load, by design
                responses += 1
                target = rec.rec_headers.get_header("WARC-Target-URI")
                name = source(target) if callable(source) and target else source if isinstance(source, str) else "local"
                try:
                    if not target:
                        raise ValueError("no WARC-Target-URI")
                    page, row = _warc_page(rec, path, name, run_id, max_bytes)
                except Exception as exc:  # one undecodable record: its reason, and on to the next
                    yield page_row(target or f"{path.resolve().as_uri()}#record-{records}", name, run_id,
                                   outcome="error", warc_file=path.name,
                                   error=f"input: WARC record {records}: {type(exc).__name__}: {exc}")
                    continue
                yield page if page is not None else row
        if not responses:
            yield _record(path, source if isinstance(source, str) else "local", run_id, outcome="skipped",
                          error=f"input: no response record among {records} WARC record(s)")
    except Exception as exc:  # untrusted bytes: record the reason, keep the rest of the run
        where = f"after {records} record(s)" if records else "at its start"
        yield _record(path, source if isinstance(source, str) else "local", run_id, outcome="error",
                      error=f"input: unreadable WARC {where}: {type(exc).__name__}: {exc}")


SourceNamer = Callable[[str], str]


def source_namer(sources: Iterable[Source]) -> SourceNamer:
    """Names the outlet of a WARC record's URL, so a backfill (Common Crawl News, another crawler's
    archive) keeps its provenance: the configured source of the record's host (exact host first, then
    its registrable site when only one source has it), else the host itself."""
    def host_of(url: str) -> str:
        host = (urlsplit(url).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host
    sources = list(sources)
    by_host = {host_of(s.base_url): s.id for s in sources}

    @cache
    def by_site() -> dict[str, set[str]]:
        # built on first need: the public suffix list costs ~90 ms to load, and an HTML-only ingest never asks
        out: dict[str, set[str]] = {}
        for s in sources:
            out.setdefault(site_of(host_of(s.base_url)), set()).add(s.id)
        return out

    def name(url: str) -> str:
        host = host_of(url)
        if host in by_host:
            return by_host[host]
        ids = by_site().get(site_of(host), set()) if host else set()
        return next(iter(ids)) if len(ids) == 1 else (host or "local")
    return name


def warc_pages(records: list[tuple[Path, int, str]], max_bytes: int = 10_000_000) -> Iterator[PageInput]:
    """PageInputs from archived responses: (WARC path, record offset, source) as stored in `pages`."""
    for path, offset, source in records:
        with path.open("rb") as fh:
            fh.seek(offset)
            rec = next(iter(ArchiveIterator(fh)), None)
            if rec is not None and rec.rec_type == "response":
                page, _ = _warc_page(rec, path, source, None, max_bytes, offset)
                if page is not None:
                    yield page


def extract(paths: list[Path], *, lang: str | None = None, published: str | None = None) -> Iterator[dict[str, Any]]:
    """Facts of text, HTML or gold JSON files in the eval contract shape, with each input's language; no database,
    no Prefect. The recipe is the one ingest uses (extractors.read_article): facts only from Indonesian (`lang`
    overrides the detected language), yearless dates resolved against the publication date (`published`, else
    the page's or gold file's own, else the dateline). A file that cannot be read or holds no article gives a
    row with an `error` and empty facts, in input order."""
    check_inputs(paths, gold=True, all_present=False)     # a missing file among others is an error row
    lex = load_lexicon()
    for path in iter_files(paths, gold=True):
        if _kind(path) == "gold":
            yield _extract_gold(path, lex, lang=lang, published=published)
            continue
        for page in iter_pages([path]):
            if not isinstance(page, PageInput):         # the input's own reason it yields no page
                yield {"source": Path(urlsplit(page["url"]).path).name, "error": page["error"], **_EMPTY}
                continue
            source = Path(urlsplit(page.url).path).name
            try:
                art = article_text(page)
            except Exception as exc:  # one hostile input is one error row, never the end of the others
                reason = exc.reason if isinstance(exc, WartaError) else f"extract: {type(exc).__name__}"
                yield {"source": source, "error": f"{reason}: {exc}", **_EMPTY}
                continue
            yield {"source": source, **_contract(art.text, lex, lang=lang, published=published or art.date,
                                                 declared=art.language)}


_EMPTY: dict[str, list[Any]] = {"dates": [], "officials": [], "innovations": [], "events": [], "regions": []}


def _contract(text: str, lex: Lexicon, *, lang: str | None, published: str | None,
              declared: str | None = None) -> dict[str, Any]:
    reading = read_article(text, lex, published=published, declared_language=declared, language=lang).reading
    row: dict[str, Any] = {"language": reading.language.code, "published": reading.published}
    if reading.facts_skipped:
        return {**row, "facts_skipped": reading.facts_skipped, **_EMPTY}
    return {**row, **facts_to_contract(reading.facts)}


def _extract_gold(path: Path, lex: Lexicon, *, lang: str | None, published: str | None) -> dict[str, Any]:
    """A gold file of ../shared/eval: its text, read with its own `published` date unless one is given."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or not isinstance(gold.get("text"), str):
            raise ValueError("no 'text' field")
    except (OSError, ValueError) as exc:
        return {"source": path.name, "error": f"input: not a gold file: {exc}", **_EMPTY}
    ident = {"id": gold["id"]} if isinstance(gold.get("id"), str) else {}
    return {**ident, "source": path.name,
            **_contract(gold["text"], lex, lang=lang, published=published or gold.get("published"))}
