"""Finding article URLs: robots.txt Sitemap lines, sitemap indexes (gzipped too), Google News
sitemaps, RSS/Atom feeds (also via <link rel="alternate">), and the WordPress REST API.

Parsers take bytes and return URLs; they never fetch, so they are tested on any input
(hypothesis) without a network. XML is parsed without entity resolution or network access.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
# query parameters that never change the article: trackers, sessions, and the AMP/print switches
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|_ga|igshid|s_cid|amp|outputtype|"
                       r"output|print|share|sid|sessionid|session_id|phpsessid|jsessionid)$", re.IGNORECASE)
# path suffixes of AMP and print twins: /berita/x/amp/, /berita/x/print, /berita/x.amp.html
_TWIN_SUFFIX = re.compile(r"(?:/(?:amp|print|cetak))+/?$", re.IGNORECASE)
_TWIN_EXT = re.compile(r"\.amp(?=\.html?$)", re.IGNORECASE)
# article-like paths, for sites that announce no sitemap or feed: a date, a long slug, or a long id
ARTICLE_PATH = re.compile(r"/\d{4}/\d{1,2}/|/[\w]+(?:-[\w]+){3,}|\d{5,}|\.html?$", re.IGNORECASE)
LISTING_PATH = re.compile(r"/(?:page|halaman|kategori|category|tag|topik|indeks|index|berita)(?:/|$)|[?&]page=\d",
                          re.IGNORECASE)
MAX_GZIP_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class Found:
    url: str
    lastmod: str | None = None      # ISO date/time when the sitemap or feed gives one
    kind: str = "page"              # page | sitemap


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
    """URLs of a sitemap or sitemap index (children come back with kind='sitemap')."""
    root = _xml_root(body)
    if root is None:
        return []
    is_index = _local(root.tag) == "sitemapindex"
    out = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = lastmod = None
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc" and child.text:
                loc = child.text
            elif name in ("lastmod", "publication_date") and child.text and not lastmod:
                lastmod = child.text.strip()
        url = clean_url(loc, base) if loc else None
        if url:
            out.append(Found(url, lastmod, "sitemap" if is_index else "page"))
    return out


def parse_feed(body: bytes, base: str) -> list[Found]:
    """Item links of an RSS 2.0 / RSS 1.0 / Atom feed."""
    root = _xml_root(body)
    if root is None:
        return []
    out = []
    for item in root.iter():
        if _local(item.tag) not in ("item", "entry"):
            continue
        link = date = None
        for child in item:
            name = _local(child.tag)
            if name == "link":
                link = child.get("href") or child.text or link
            elif name in ("pubdate", "published", "updated", "date") and child.text and not date:
                date = child.text.strip()
        url = clean_url(link, base) if link else None
        if url:
            out.append(Found(url, date))
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
            out.append(Found(url, str(p.get("date_gmt") or p.get("date") or "") or None))
    return out


def feed_links(html: bytes, base: str) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml|atom+xml">."""
    try:
        tree = LexborHTMLParser(html.decode("utf-8", "replace"))
    except Exception:
        return []
    out = []
    for node in tree.css('link[rel="alternate"]'):
        kind = (node.attributes.get("type") or "").lower()
        href = node.attributes.get("href")
        if href and ("rss" in kind or "atom" in kind):
            url = clean_url(href, base)
            if url:
                out.append(url)
    return out
