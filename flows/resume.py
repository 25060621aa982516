"""Resuming a crawl after a crash: the WARC archive is the fetch journal.

Every HTML response is appended to the run's WARC file before it goes to extraction, so a run
killed with pages in flight (fetched, not yet committed) left them on disk. The next run of the
same sources loads them from there instead of asking the site again, then marks the dead run
`recovered`. A record cut short by the kill is where the journal ends; a response not yet
archived when the process died is simply fetched again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
from warcio.archiveiterator import ArchiveIterator

from flows.settings import Source
from flows.sites import site_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Journal:
    """What crashed (or cancelled, or failed) runs archived and no run has loaded: (WARC path, offset, source id) per response."""

    runs: list[str]
    records: list[tuple[Path, int, str]]


def _responses(path: Path) -> Iterator[tuple[int, str]]:
    """(offset, URL) of each response record, up to the first damaged one."""
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for rec in records:
                if rec.rec_type == "response":
                    yield records.get_record_offset(), rec.rec_headers.get_header("WARC-Target-URI") or ""
        except Exception as exc:  # the member being written when the process died: the journal ends here
            log.warning("%s: archive ends in a damaged record (%s); what follows is fetched again", path.name, exc)


def unloaded(con: duckdb.DuckDBPyConnection, warc_dir: Path, sources: list[Source]) -> Journal:
    """Responses that crashed runs archived for these sources and that are not in `pages`.

    A crashed run counts as recovered (listed in `runs`) only when all its responses belong to
    these sources; one that also crawled other sources waits for a run that includes them."""
    sites = {site_of(urlsplit(s.base_url).hostname or ""): s.id for s in sources}
    runs: list[str] = []
    records: list[tuple[Path, int, str]] = []
    for (run_id,) in con.execute("SELECT run_id FROM runs WHERE status IN ('crashed', 'cancelled', 'failed') "
                                 "ORDER BY started_at").fetchall():
        path = warc_dir / f"{run_id}.warc.gz"
        if not path.exists():
            continue
        loaded = {o for (o,) in con.execute("SELECT warc_offset FROM pages WHERE warc_file = ?", [path.name]).fetchall()}
        complete = True
        for offset, url in _responses(path):
            source = sites.get(site_of(urlsplit(url).hostname or ""))
            if source is None:
                complete = False
            elif offset not in loaded:
                records.append((path, offset, source))
        if complete:
            runs.append(run_id)
    return Journal(runs, records)


def mark_recovered(con: duckdb.DuckDBPyConnection, runs: list[str]) -> None:
    """Called once the run that loaded their journal has committed."""
    if runs:
        con.execute("UPDATE runs SET status = 'recovered' WHERE run_id IN (SELECT unnest(?))", [runs])
