"""Finding article URLs: robots.txt Sitemap lines, sitemap indexes (gzipped too), Google News
sitemaps, RSS/Atom feeds (also via <link rel="alternate">), and the WordPress REST API.

Parsers take bytes and return URLs; they never fetch, so they are tested on any input
(hypothesis) without a network. XML is parsed without entity resolution or network access.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import re
import zlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser
from courlan import normalize_url
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from flows.page import iso_utc

_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
# query parameters that never change the article: trackers, sessions, and the AMP/print switches
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|_ga|igshid|s_cid|amp|outputtype|"
                       r"output|print|share|sid|sessionid|session_id|phpsessid|jsessionid)$", re.IGNORECASE)
# path suffixes of AMP and print twins: /berita/x/amp/, /berita/x/print, /berita/x.amp.html
_TWIN_SUFFIX = re.compile(r"(?:/(?:amp|print|cetak))+/?$", re.IGNORECASE)
_TWIN_EXT = re.compile(r"\.amp(?=\.html?$)", re.IGNORECASE)
# article-like paths, for sites that announce no sitemap or feed: a date, a long slug, or a long id
ARTICLE_PATH = re.compile(r"/\d{4}/\d{1,2}/|/[\w]+(?:-[\w]+){3,}|\d{5,}|\.html?$", re.IGNORECASE)
# listing pages: /kategori/x/, /tag/x/, /page/2/, /berita/ alone (but /berita/<slug>.html is an article)
LISTING_PATH = re.compile(r"/(?:page|halaman|kategori|category|tag|topik|indeks|index)(?:/|$)|/berita/?$|[?&]page=\d",
                          re.IGNORECASE)
MAX_GZIP_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class Found:
    url: str
    lastmod: str | None = None      # UTC ISO date/time when the sitemap or feed gives one
    kind: str = "page"              # page | sitemap
    via: str = ""                   # how it was found: sitemap | feed | wp-json | listing (the source health report)


def clean_url(url: str, base: str | None = None) -> str | None:
    """Absolute, normalised, without tracking/session parameters, fragment or AMP/print suffix;
    None when not http(s)."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
        path = _TWIN_EXT.sub("", _TWIN_SUFFIX.sub("", parts.path)) or "/"
        path = re.sub(r";jsessionid=[^/?]*", "", path, flags=re.IGNORECASE)
        return normalize_url(urlunsplit((parts.scheme, parts.netloc, path, query, "")))
    except (ValueError, TypeError):
        return None


def maybe_gunzip(body: bytes) -> bytes:
    """Gunzip a gzipped sitemap or feed, at most MAX_GZIP_BYTES (a bomb stops there); b"" if corrupt."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            return fh.read(MAX_GZIP_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _xml_root(body: bytes) -> etree._Element | None:
    """The root of an (optionally gzipped) XML document, or None for anything unparseable."""
    try:
        return etree.fromstring(maybe_gunzip(body), _XML)
    except (etree.XMLSyntaxError, ValueError, OSError):
        return None


def parse_sitemap(body: bytes, base: str) -> list[Found]:
    """URLs of a sitemap or sitemap index (children come back with kind='sitemap'). A news sitemap's
    <news:publication_date> is the date when present, else <lastmod>; dates are UTC ISO."""
    root = _xml_root(body)
    if root is None:
        return []
    is_index = _local(root.tag) == "sitemapindex"
    out = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = None
        dates: dict[str, str] = {}
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc" and child.text and loc is None:
                loc = child.text
            elif name in ("lastmod", "publication_date") and child.text:
                dates.setdefault(name, child.text)
        url = clean_url(loc, base) if loc else None
        if url:
            when = iso_utc(dates.get("publication_date")) or iso_utc(dates.get("lastmod"))
            out.append(Found(url, when, "sitemap" if is_index else "page"))
    return out


def parse_feed(body: bytes, base: str) -> list[Found]:
    """Entry links of an RSS 0.9x/1.0/2.0 or Atom feed, read by feedparser: the entry's alternate link
    (never a rel="replies" comment feed), else its guid when that is a permalink; dates as UTC ISO."""
    try:
        parsed = feedparser.parse(maybe_gunzip(body), response_headers={"content-location": base})
    except Exception:        # feedparser is lenient, but this is untrusted input: no entry, never a crash
        return []
    out = []
    for entry in parsed.get("entries", []):
        link = entry.get("link") or (entry.get("id") if entry.get("guidislink") else None)
        url = clean_url(str(link), base) if link else None
        if url:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            out.append(Found(url, datetime(*stamp[:6]).isoformat() if stamp else None))
    return out


def parse_wp_posts(body: bytes, base: str) -> list[Found]:
    """Links of a WordPress REST API /wp-json/wp/v2/posts response."""
    try:
        posts = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    out = []
    for p in posts if isinstance(posts, list) else []:
        url = clean_url(str(p.get("link", "")), base) if isinstance(p, dict) else None
        if url:
            out.append(Found(url, iso_utc(str(p.get("date_gmt") or p.get("date") or ""))))
    return out


def _html_tree(html: bytes) -> LexborHTMLParser | None:
    try:
        return LexborHTMLParser(html.decode("utf-8", "replace"))
    except Exception:       # a parser failure on hostile bytes yields no link, never a crash
        return None


def feed_links(html: bytes, base: str) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml|atom+xml">."""
    tree = _html_tree(html)
    out = []
    for node in tree.css('link[rel="alternate"]') if tree else []:
        kind = (node.attributes.get("type") or "").lower()
        href = node.attributes.get("href")
        if href and ("rss" in kind or "atom" in kind):
            url = clean_url(href, base)
            if url:
                out.append(url)
    return out


def page_links(html: bytes, base: str) -> list[str]:
    """Every <a href> of a listing page, absolute and cleaned (honouring <base href>), in page order."""
    tree = _html_tree(html)
    if tree is None:
        return []
    base_node = tree.css_first("base[href]")
    base = urljoin(base, base_node.attributes.get("href") or "") if base_node else base
    links = (clean_url(a.attributes.get("href") or "", base) for a in tree.css("a[href]"))
    return list(dict.fromkeys(u for u in links if u))


MAX_QUERY_PARAMS = 6
MAX_DEPTH = 12


def looks_like_trap(url: str) -> bool:
    """A crawler trap: a run of path segments that repeats (/a/b/a/b/), one word segment three times,
    a query with many parameters, a very deep path, or a calendar/pagination far outside real archives.
    Numeric parts never count as repeats: /2023/01/01/slug/ and /2024/05/05/slug/ are ordinary dates."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_DEPTH or len(parse_qsl(parts.query, keep_blank_values=True)) > MAX_QUERY_PARAMS:
        return True
    words = [s.lower() for s in segments if not s.isdigit()]
    if any(words.count(w) >= 3 for w in set(words)):
        return True
    for k in range(2, len(segments) // 2 + 1):
        for i in range(len(segments) - 2 * k + 1):
            run = segments[i:i + k]
            if run == segments[i + k:i + 2 * k] and not all(x.isdigit() for x in run):
                return True
    years = [int(s) for s in segments if len(s) == 4 and s.isdigit()]
    pages = [int(v) for k, v in parse_qsl(parts.query) if k.lower() in ("page", "paged") and v.isdigit()]
    pages += [int(b) for a, b in itertools.pairwise(segments) if a.lower() in ("page", "halaman") and b.isdigit()]
    return any(y < 1990 or y > 2100 for y in years) or any(p > 1000 for p in pages)
