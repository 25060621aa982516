"""Local inputs for `warta ingest`/`extract`: HTML or text files, directories of them, WARC files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from flows.pipeline import PageInput, now_iso
from flows.text import charset_of

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the HTML/text/WARC files inside the directories named (sorted)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and _kind(f))
        else:
            yield p        # a missing file is reported by iter_pages, not skipped silently


def _record(path: Path, source: str, run_id: str | None, **extra: Any) -> dict[str, Any]:
    return {"url": path.resolve().as_uri(), "source": source, "run_id": run_id, "fetched_at": now_iso(), **extra}


def iter_pages(paths: list[Path], *, source: str = "local", run_id: str | None = None,
               max_bytes: int = 10_000_000, skipped: list[dict[str, Any]] | None = None) -> Iterator[PageInput]:
    """PageInputs for every file; missing, oversized or unknown files land in `skipped` with a reason.

    HTML and text files are not read here: the worker that extracts a page reads it (PageInput.read),
    so only paths travel to worker processes or Dask workers, and the writer keeps its CPU for loading."""
    for path in iter_files(paths):
        kind = _kind(path)
        try:
            if kind == "warc":
                yield from _warc_pages(path, source, run_id, max_bytes, skipped)
                continue
            if kind is None:
                raise ValueError("not an HTML, text or WARC file")
            size = path.stat().st_size
            if size > max_bytes:
                raise ValueError(f"larger than {max_bytes} bytes")
        except (OSError, ValueError) as exc:
            if skipped is not None:
                skipped.append({**_record(path, source, run_id), "outcome": "skipped", "error": f"input: {exc}"})
            continue
        row = _record(path, source, run_id, bytes=size)
        yield PageInput(row["url"], b"", source, row["fetched_at"], is_text=kind == "text", page_row=row,
                        path=str(path.resolve()), max_bytes=max_bytes)


def _iso(value: str | None) -> str | None:
    """A WARC-Date as a naive UTC ISO timestamp, or None when it is not a date."""
    try:
        when = datetime.fromisoformat((value or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat(timespec="seconds")


def _warc_page(rec: Any, path: Path, source: str, run_id: str | None, max_bytes: int,
               offset: int | None = None) -> tuple[PageInput | None, dict[str, Any]]:
    """A WARC response record as a PageInput, or None and its `pages` row when it is too large or not HTML.

    The row says what the archive says: when it was fetched (WARC-Date), the HTTP status and the
    validators, so a page loaded from an archive counts as fetched for the revisit policy."""
    url = rec.rec_headers.get_header("WARC-Target-URI") or path.as_uri()
    http = rec.http_headers
    ctype = (http.get_header("Content-Type") or "") if http else ""
    status = http.get_statuscode() if http else None
    when = _iso(rec.rec_headers.get_header("WARC-Date")) or now_iso()
    body = rec.content_stream().read(max_bytes + 1)
    row = {"url": url, "final_url": url, "source": source, "run_id": run_id, "fetched_at": when, "bytes": len(body),
           "status": int(status) if status and status.isdigit() else None, "content_type": ctype,
           "etag": http.get_header("ETag") if http else None,
           "last_modified": http.get_header("Last-Modified") if http else None,
           "warc_file": path.name, "warc_offset": offset}
    if len(body) > max_bytes or (ctype and "html" not in ctype.lower()):
        reason = "too-large" if len(body) > max_bytes else "not-html"
        return None, {**row, "outcome": "skipped", "error": f"{reason}: {url}"}
    return PageInput(url, body, source, row["fetched_at"], charset=charset_of(ctype), page_row=row), row


def _warc_pages(path: Path, source: str, run_id: str | None, max_bytes: int,
                skipped: list[dict[str, Any]] | None) -> Iterator[PageInput]:
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            page, row = _warc_page(rec, path, source, run_id, max_bytes)
            if page is not None:
                yield page
            elif skipped is not None:
                skipped.append(row)


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
