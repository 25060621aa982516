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
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import feedparser
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
    """Absolute, without fragment, tracking/session parameters or AMP/print suffix; None when not http(s).

    Everything else stays as the site wrote it: the query's order, its parameters without "=" or without a
    value ("index.php?berita-123" is one article, "index.php?berita-124" another) and its percent-encoding,
    so robots.txt rules match the URL the site published and two pages never become one. Only the scheme and
    host are lower-cased and a default port dropped, which never changes the page."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        scheme = parts.scheme.lower()
        host = parts.hostname.lower() if ":" not in parts.hostname else f"[{parts.hostname.lower()}]"
        port = parts.port
        netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
        if parts.username or parts.password:
            netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
        query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
        path = _TWIN_EXT.sub("", _TWIN_SUFFIX.sub("", parts.path)) or "/"
        path = re.sub(r";jsessionid=[^/?]*", "", path, flags=re.IGNORECASE)
        return urlunsplit((scheme, netloc, path, query, ""))
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


MAX_TEXT_SITEMAP_URLS = 50_000      # sitemaps.org: a text sitemap holds at most 50,000 URLs


def parse_sitemap(body: bytes, base: str) -> list[Found]:
    """URLs of a sitemap in any form sitemaps.org allows: the XML protocol (a sitemap index's children come back
    with kind='sitemap'; a news sitemap's <news:publication_date> is the date when present, else <lastmod>; dates
    are UTC ISO), an RSS 2.0 or Atom feed, or a plain text file of one URL a line."""
    root = _xml_root(body)
    if root is None or _local(root.tag) in ("html", ""):
        return _text_sitemap(maybe_gunzip(body), base)
    if _local(root.tag) in ("rss", "feed", "rdf"):
        return parse_feed(body, base)
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


def _text_sitemap(body: bytes, base: str) -> list[Found]:
    """A text sitemap: UTF-8, one absolute http(s) URL a line; any other line (an HTML error page) gives nothing."""
    text = body.decode("utf-8", "replace").lstrip("\ufeff")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:MAX_TEXT_SITEMAP_URLS]
    if not lines or not all(re.match(r"https?://\S+$", ln, re.IGNORECASE) for ln in lines):
        return []
    return [Found(u) for u in (clean_url(ln, base) for ln in lines) if u]


def parse_feed(body: bytes, base: str) -> list[Found]:
    """Entry links of an RSS 0.9x/1.0/2.0 or Atom feed, read by feedparser: the entry's alternate link
    (never a rel="replies" comment feed), else its guid when that is a permalink; dates as UTC ISO (a date
    feedparser cannot read, in another language's names, through flows.page.iso_utc)."""
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
            raw = entry.get("published") or entry.get("updated")
            out.append(Found(url, datetime(*stamp[:6]).isoformat() if stamp else iso_utc(str(raw)) if raw else None))
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


def trap_reason(url: str) -> str | None:
    """Why a URL is a crawler trap, None when it is not: a run of path segments that repeats (/a/b/a/b/), one
    word segment three times, a query with many parameters, a very deep path, or a calendar or pagination far
    outside real archives. Numeric parts never count as repeats (/2023/01/01/slug/ is an ordinary date), and a
    number is a year only where the path is a date path (/2023/01/, /2023-01-05/): /berita/8812/judul is an id."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_DEPTH:
        return f"trap: path deeper than {MAX_DEPTH} segments"
    if len(parse_qsl(parts.query, keep_blank_values=True)) > MAX_QUERY_PARAMS:
        return f"trap: more than {MAX_QUERY_PARAMS} query parameters"
    words = [s.lower() for s in segments if not s.isdigit()]
    if any(words.count(w) >= 3 for w in set(words)):
        return "trap: a path segment repeated three times"
    for k in range(2, len(segments) // 2 + 1):
        for i in range(len(segments) - 2 * k + 1):
            run = segments[i:i + k]
            if run == segments[i + k:i + 2 * k] and not all(x.isdigit() for x in run):
                return "trap: a repeating run of path segments"
    years = _date_path_years(segments)
    if any(y < 1990 or y > 2100 for y in years):
        return f"trap: calendar year {next(y for y in years if y < 1990 or y > 2100)} outside 1990-2100"
    pages = [int(v) for k, v in parse_qsl(parts.query) if k.lower() in ("page", "paged") and v.isdigit()]
    pages += [int(b) for a, b in itertools.pairwise(segments) if a.lower() in ("page", "halaman") and b.isdigit()]
    return "trap: pagination beyond page 1000" if any(p > 1000 for p in pages) else None


_DATE_SEGMENT = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")


def _date_path_years(segments: list[str]) -> list[int]:
    """The years of a date path: a 4-digit segment followed by a month segment (1-12), or a YYYY-MM(-DD) one."""
    out = [int(a) for a, b in itertools.pairwise(segments)
           if len(a) == 4 and a.isdigit() and b.isdigit() and 1 <= int(b) <= 12]
    out += [int(m.group(1)) for s in segments if (m := _DATE_SEGMENT.fullmatch(s)) and 1 <= int(m.group(2)) <= 12]
    return out
