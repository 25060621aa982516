"""HTML → article text and metadata (the fast pass of flows/main_text.py, else trafilatura); plus charset-safe
decoding of raw bytes.

trafilatura runs with include_comments=False and never deduplicate=True (its cache is process-global
and starts returning None after a few identical pages, ../shared/PLATFORM.md). Metadata comes from
flows/metadata.py on the same parsed tree.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import trafilatura
from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser
from trafilatura.utils import load_html

from flows.errors import ExtractError
from flows.main_text import main_text
from flows.metadata import page_metadata

_MIN_FAST_CHARS = 200
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


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=utf-8" -> "utf-8")."""
    m = re.search(r"charset=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return m.group(1) if m else None


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
    for declared in (_codec(header_charset), _codec(m.group(1).decode("ascii", "ignore")) if m else None):
        if declared:
            try:
                return body.decode(declared)
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body[:200_000]).best()
        return body.decode(best.encoding if best else "cp1252", errors="replace")


def html_to_article(html: str, url: str | None = None) -> ArticleText:
    """Main text and metadata of one page; ExtractError when the page holds no article text.

    The page is parsed once by Lexbor for metadata and the fast main-text pass (flows/main_text.py). Only
    when no known article container holds enough prose does trafilatura run: in fast, precision-first mode
    (no readability/jusText comparison, no baseline rescue), and its full cascade when that finds almost
    nothing (bench/bench_ingest.py, bench/bench_main_text.py).
    """
    tree = LexborHTMLParser(html)
    meta = page_metadata(tree, html)
    text = main_text(tree) or _trafilatura_text(html, url)
    return ArticleText(
        url=meta.canonical or url, title=meta.title, author=meta.author, sitename=meta.sitename,
        date=meta.date, language=meta.language, text=text,
    )


def _trafilatura_text(html: str, url: str | None) -> str:
    tree = load_html(html)
    if tree is None:
        raise ExtractError("not parseable as HTML")
    try:
        doc = trafilatura.bare_extraction(tree, url=url, fast=True, favor_precision=True, include_comments=False,
                                          include_tables=False, with_metadata=False, deduplicate=False)
        if not doc or len((getattr(doc, "text", None) or "").strip()) < _MIN_FAST_CHARS:
            doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                              with_metadata=False, deduplicate=False)
    except Exception as exc:  # trafilatura raises lxml/parser errors of many kinds on broken input
        raise ExtractError(f"trafilatura failed: {type(exc).__name__}: {exc}") from exc
    text = getattr(doc, "text", None) if doc else None      # a Document (with_metadata=False never gives a dict)
    if not text or not text.strip():
        raise ExtractError("no article text found")
    return text
