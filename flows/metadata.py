"""Page metadata (title, author, date, site name, canonical URL, language) read from the parsed tree.

trafilatura's own metadata pass costs more than its text extraction on real pages (author and
licence heuristics, ~13 ms); news pages state what we need in a few well-known places, so a handful
of XPath lookups on the tree trafilatura parses anyway is enough. htmldate (without the extensive
search that picks sidebar dates) is asked only when the page states no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
from lxml.html import HtmlElement

_DATE_XPATHS = (
    '/html/head/meta[@property="article:published_time" or @property="og:published_time" or @name="pubdate" or '
    '@name="publishdate" or @name="date" or @name="DC.date.issued" or @name="parsely-pub-date" or '
    '@itemprop="datePublished" or @name="article:published_time"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    "//article//time/@datetime",
)
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


def _first(tree: HtmlElement, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = (value if isinstance(value, str) else value.text_content()).strip()
            if text:
                return text
    return None


def _iso(value: str | None) -> str | None:
    m = _ISO.match(value or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def page_metadata(tree: HtmlElement, html: str | None = None) -> PageMeta:
    """Metadata from a parsed page; `html` lets htmldate look when the tree states no date."""
    ld = " ".join(tree.xpath('/html/head/script[@type="application/ld+json"]/text()'))
    date = _iso(_first(tree, *_DATE_XPATHS)) or _iso((_LD_DATE.search(ld) or [None, None])[1])
    if date is None and html is not None:
        date = _iso(htmldate.find_date(html, extensive_search=False, original_date=True))
    title = _first(tree, '/html/head/meta[@property="og:title"]/@content', "//h1", "/html/head/title")
    if title and title == _first(tree, "/html/head/title"):
        title = _TITLE_SUFFIX.sub("", title)
    author = _first(tree, '/html/head/meta[@name="author"]/@content', '/html/head/meta[@property="article:author"]/@content',
                    '//*[@rel="author"]') or (_LD_AUTHOR.search(ld) or [None, None])[1]
    return PageMeta(
        title=title,
        author=author if author and not author.startswith("http") else None,
        date=date,
        sitename=_first(tree, '/html/head/meta[@property="og:site_name"]/@content'),
        canonical=_first(tree, '/html/head/link[@rel="canonical"]/@href', '/html/head/meta[@property="og:url"]/@content'),
        language=(_first(tree, "/html/@lang") or "").split("-")[0].lower() or None,
    )
