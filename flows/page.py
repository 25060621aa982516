"""One page on its way to extraction, and what it takes to read its text: small and light to import.

The crawler and the local readers build PageInputs; the extraction workers read them. Nothing here
imports the database or Arrow, so `warta extract` starts without them.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Required, TypedDict
from urllib.parse import urlsplit

from flows.errors import ExtractError
from flows.text import ArticleText, decode_html, html_to_article


class PageRow(TypedDict, total=False):
    """One row of `pages` (sql/001_core.sql, sql/006): what became of one URL or file in one run. Every
    writer builds it with `page_row`; tests/flows/test_tables.py checks the keys against the DDL."""

    url: Required[str]
    final_url: str | None
    run_id: str | None
    source: str | None
    status: int | None
    fetched_at: Required[str]              # ISO timestamp
    etag: str | None
    last_modified: str | None
    content_type: str | None
    bytes: int | None
    content_hash: str | None
    outcome: str                           # article | unchanged | not-modified | gone | skipped | error
    error: str | None                      # the recorded reason of a skip or an error
    warc_file: str | None
    warc_offset: int | None
    article_id: str | None


def page_row(url: str, source: str | None, run_id: str | None = None, *, fetched_at: str | None = None,
             **fields: Any) -> PageRow:
    """A `pages` row: the URL, its source and run, when (now unless given), and any other columns."""
    unknown = set(fields) - PageRow.__annotations__.keys()
    if unknown:
        raise TypeError(f"pages has no column {sorted(unknown)}")
    return PageRow(url=url, source=source, run_id=run_id, fetched_at=fetched_at or now_iso(), **fields)  # type: ignore[typeddict-item]


@dataclass(frozen=True, slots=True)
class PageInput:
    """One fetched page (or local file) waiting for extraction."""

    url: str
    body: bytes
    source: str
    fetched_at: str                      # ISO timestamp
    charset: str | None = None
    is_text: bool = False                # plain text, not HTML
    page_row: PageRow | None = None      # the `pages` row to record with it (None: one is made from the fields)
    path: str | None = None              # read the body from this file in the worker (Dask: ship paths, not bytes)
    max_bytes: int = 10_000_000

    def read(self) -> bytes:
        """The page's bytes: given, or read (and gunzipped) from `path` under the size cap."""
        if self.path is None:
            return self.body
        try:
            data = Path(self.path).read_bytes()
            return gzip.decompress(data)[: self.max_bytes + 1] if self.path.lower().endswith(".gz") else data
        except (OSError, EOFError, zlib.error) as exc:
            raise ExtractError(f"cannot read {self.path}: {exc}") from exc

    def row(self, **fields: Any) -> PageRow:
        """Its `pages` row with these columns set (outcome, error ...)."""
        base = self.page_row or page_row(self.url, self.source, fetched_at=self.fetched_at)
        return PageRow(**{**base, **fields})  # type: ignore[typeddict-item]


def stable_id(*parts: str) -> str:
    """A short, stable hash id (articles, officials, innovations, content hashes)."""
    return hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def article_id(url: str) -> str:
    """One id per article URL, whatever the scheme, host case or trailing slash."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return stable_id(f"{parts.netloc.lower()}{path}{'?' + parts.query if parts.query else ''}")


def iso_utc(value: str | None) -> str | None:
    """A feed or sitemap date as UTC ISO 8601 ("2022-06-06T03:00:00"; a bare date stays a date), None when
    unreadable. RFC 822 ("Mon, 06 Jun 2022 10:00:00 +0700") and W3C/ISO forms are read, and dates with month
    and weekday names of other languages (a feed's Italian or Indonesian RFC 822) through dateparser."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text).isoformat()
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            found = _any_language_date(text)
            if found is None:
                return None
            when = found
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat(timespec="seconds")


def _any_language_date(text: str) -> datetime | None:
    """A date written with month or weekday names of another language ("mer, 16 nov 2022 10:00 +0100",
    "Rabu, 16 Nov 2022"): dateparser knows them; imported only for such a date (it costs 0.3 s)."""
    import dateparser
    try:
        return dateparser.parse(text, settings={"DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False,
                                                "TO_TIMEZONE": "UTC", "PREFER_DAY_OF_MONTH": "first",
                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, TypeError, OverflowError):
        return None


def now_iso() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds")


def article_text(page: PageInput) -> ArticleText:
    """The page's main text and metadata (a text file is its own text, its first line the title)."""
    decoded = decode_html(page.read(), page.charset)
    if page.is_text:
        first = next((ln.strip() for ln in decoded.splitlines() if ln.strip()), None)
        return ArticleText(None, first, None, None, None, None, decoded)
    return html_to_article(decoded, page.url)
