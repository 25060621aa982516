"""Page metadata (title, author, date, site name, canonical URL, language) read from the parsed tree.

trafilatura's own metadata pass costs more than its text extraction on real pages (author and
licence heuristics, ~13 ms); news pages state what we need in a few well-known places, so a handful
of CSS lookups on the Lexbor tree the fast main-text pass parses anyway is enough. htmldate (without the extensive
search that picks sidebar dates) is asked only when the page states no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
from selectolax.lexbor import LexborHTMLParser

_DATE_META = ", ".join(f'head meta[{a}="{v}"]' for a, v in (
    ("property", "article:published_time"), ("property", "og:published_time"), ("name", "pubdate"),
    ("name", "publishdate"), ("name", "date"), ("name", "DC.date.issued"), ("name", "parsely-pub-date"),
    ("itemprop", "datePublished"), ("name", "article:published_time")))
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\[\s*)?\{[^{}]*?"name"\s*:\s*"([^"]+)"')
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TITLE_SUFFIX = re.compile(r"\s+[-|–—•:]\s+[^-|–—•:]{2,60}$")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    author: str | None
    date: str | None            # ISO date
    sitename: str | None
    canonical: str | None
    language: str | None


def _first(tree: LexborHTMLParser, *lookups: tuple[str, str | None]) -> str | None:
    """The first non-empty value of (selector, attribute) lookups, in order; attribute None is the element's text."""
    for selector, attribute in lookups:
        for node in tree.css(selector):
            value = (node.attributes.get(attribute) if attribute else node.text()) or ""
            if value.strip():
                return value.strip()
    return None


def _iso(value: str | None) -> str | None:
    m = _ISO.match(value or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def page_metadata(tree: LexborHTMLParser, html: str | None = None) -> PageMeta:
    """Metadata from a parsed page; `html` lets htmldate look when the tree states no date."""
    ld = " ".join(n.text() for n in tree.css('head script[type="application/ld+json"]'))
    date = (_iso(_first(tree, (_DATE_META, "content"), ("[itemprop=datePublished]", "datetime"),
                        ("article time", "datetime")))
            or _iso((_LD_DATE.search(ld) or [None, None])[1]))
    if date is None and html is not None:
        date = _iso(htmldate.find_date(html, extensive_search=False, original_date=True))
    head_title = _first(tree, ("head title", None))
    title = _first(tree, ('head meta[property="og:title"]', "content"), ("h1", None)) or head_title
    if title and title == head_title:
        title = _TITLE_SUFFIX.sub("", title)
    author = _first(tree, ('head meta[name="author"]', "content"), ('head meta[property="article:author"]', "content"),
                    ('[rel="author"]', None)) or (_LD_AUTHOR.search(ld) or [None, None])[1]
    html_node = tree.css_first("html")
    return PageMeta(
        title=title,
        author=author if author and not author.startswith("http") else None,
        date=date,
        sitename=_first(tree, ('head meta[property="og:site_name"]', "content")),
        canonical=_first(tree, ('head link[rel="canonical"]', "href"), ('head meta[property="og:url"]', "content")),
        language=((html_node.attributes.get("lang") if html_node else None) or "").split("-")[0].lower() or None,
    )
