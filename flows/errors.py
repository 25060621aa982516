"""One exception tree for warta, so callers catch what they can handle and nothing else.

    WartaError
    ├── ConfigError          bad or missing configuration (names the file, source and field, or the variable)
    ├── InputError           the files given to ingest/extract are missing or hold nothing to read
    ├── FetchError           a page could not be fetched; the reason is recorded in `pages`
    │   ├── RobotsDisallowed     robots.txt forbids the URL
    │   ├── BlockedAddress       the host resolves to a non-public address (SSRF guard)
    │   ├── OffsiteRedirect      a redirect leaves the source's site, or loops, or is too long
    │   ├── BodyTooLarge         the (decompressed) body passed the byte cap
    │   ├── NotHtml              the response is not an HTML document
    │   └── HostPaused           the host asked us to come back later (Retry-After beyond our wait)
    ├── ExtractError         a page could not be turned into text
    ├── StoreError           the database cannot be opened, migrated or written (a full disk included)
    │   ├── ReportError          the report or an export cannot be written where asked
    │   └── QueryError           `warta query` refused a statement (it writes, names a file, lacks a parameter) or it failed
    ├── ExportError          an export names what the database does not hold, or cannot be written where asked
    ├── CrawlFailed          no source of a crawl succeeded (the run is recorded `failed`; exit code 2)
    └── Cancelled            SIGINT/SIGTERM stopped the run; what it fetched is loaded (recorded `cancelled`; exit 130)
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose."""

    #: short machine-readable reason stored in `pages.error`
    reason = "error"


class ConfigError(WartaError):
    reason = "config"


class FetchError(WartaError):
    reason = "fetch"


class RobotsDisallowed(FetchError):
    reason = "robots"


class BlockedAddress(FetchError):
    reason = "blocked-address"


class OffsiteRedirect(FetchError):
    reason = "redirect"


class BodyTooLarge(FetchError):
    reason = "too-large"


class NotHtml(FetchError):
    reason = "not-html"


class HostPaused(FetchError):
    reason = "paused"


class InputError(WartaError):
    reason = "input"


class ExtractError(WartaError):
    reason = "extract"


class StoreError(WartaError):
    reason = "store"


class ReportError(StoreError):
    reason = "report"


class QueryError(StoreError):
    reason = "query"


class ExportError(WartaError):
    reason = "export"


class CrawlFailed(WartaError):
    reason = "crawl-failed"


class Cancelled(WartaError):
    reason = "cancelled"
