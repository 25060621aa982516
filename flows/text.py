"""HTML → article text and metadata, with trafilatura; plus charset-safe decoding of raw bytes.

trafilatura runs with include_comments=False and never deduplicate=True (its cache is process-global
and starts returning None after a few identical pages, see PLATFORM.md). htmldate is asked for the
page's own date without the extensive search that picks dates from sidebars.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import trafilatura
from charset_normalizer import from_bytes
from trafilatura.settings import set_date_params

from flows.errors import ExtractError

_DATE_PARAMS = {**set_date_params(extensive=False), "extensive_search": False}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True, slots=True)
class ArticleText:
    url: str | None            # canonical URL when the page declares one
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None           # ISO date from metadata
    language: str | None
    text: str


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """BOM, then the HTTP header, then <meta charset>, then detection; never silently drops bytes."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace")
    m = _META_CHARSET.search(body[:4096])
    for enc in (_codec(header_charset), _codec(m.group(1).decode("ascii", "ignore")) if m else None):
        if enc:
            try:
                return body.decode(enc)
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body[:200_000]).best()
        return body.decode(best.encoding if best else "cp1252", errors="replace")


def html_to_article(html: str, url: str | None = None) -> ArticleText:
    """Main text and metadata of one page; ExtractError when the page holds no article text."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, with_metadata=True,
            date_extraction_params=_DATE_PARAMS, deduplicate=False, as_dict=True,
        )
    except Exception as exc:  # trafilatura raises lxml/parser errors of many kinds on broken input
        raise ExtractError(f"trafilatura failed: {type(exc).__name__}: {exc}") from exc
    if not doc or not (doc.get("text") or "").strip():
        raise ExtractError("no article text found")
    return ArticleText(
        url=doc.get("url") or url, title=doc.get("title"), author=doc.get("author"),
        sitename=doc.get("sitename"), date=doc.get("date"), language=doc.get("language"),
        text=doc["text"],
    )
