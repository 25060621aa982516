"""Run reports: the same summary for `warta status`, the Prefect artifact and the logs."""

from __future__ import annotations

import json
from typing import Any

import duckdb

FAILING_STREAK = 3      # a source failing this many runs in a row is flagged
#: the states of runs that crawled to their end (a cancelled or crashed run says nothing about its sources)
COMPLETED = ("ok", "partial", "failed")


def last_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    cur = con.execute("SELECT run_id, kind, started_at, finished_at, status, pages, articles_new, articles_updated, "
                      "not_modified, facts, errors, details FROM runs ORDER BY started_at DESC LIMIT ?", [limit])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def failure_streaks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Per source, how many of the latest completed runs that crawled it failed it in a row (0: the last one
    succeeded). The one definition of a failing source: `failing_sources`, `status` and the report use it."""
    streaks: dict[str, int] = {}
    ended: set[str] = set()
    for (details,) in con.execute("SELECT details FROM runs WHERE status IN (SELECT unnest(?)) AND details IS NOT NULL "
                                  "ORDER BY started_at DESC", [list(COMPLETED)]).fetchall():
        d = json.loads(details)
        failed = set(d.get("failed_sources", []))
        for source in d.get("sources", {}):
            streaks.setdefault(source, 0)
            if source in ended:
                continue
            if source in failed:
                streaks[source] += 1
            else:
                ended.add(source)
    return streaks


def failing_sources(con: duckdb.DuckDBPyConnection, streak: int = FAILING_STREAK) -> list[str]:
    """Sources that failed in each of the last `streak` completed runs that crawled them."""
    return sorted(s for s, n in failure_streaks(con).items() if n >= streak)


def duration(run: dict[str, Any]) -> str:
    """How long a run took, as '12.3 s' ('-' while it runs or when it crashed)."""
    start, end = run.get("started_at"), run.get("finished_at")
    return f"{(end - start).total_seconds():.1f} s" if start and end else "-"


def _details(run: dict[str, Any]) -> dict[str, Any]:
    return json.loads(run["details"]) if isinstance(run.get("details"), str) else (run.get("details") or {})


def no_facts(run: dict[str, Any]) -> str:
    """Articles stored without facts, by reason ("language: en 3"), or "0"."""
    reasons = _details(run).get("no_facts") or {}
    return ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "0"


def markdown(run: dict[str, Any], failing: list[str]) -> str:
    """A short markdown report of one run, per source."""
    details = _details(run)
    crawl_s = details.get("crawl_seconds") or {}
    lines = [f"# warta run {run['run_id']}", "",
             f"status **{run['status']}**, {run['started_at']} → {run['finished_at']} ({duration(run)})", "",
             "| source | pages | new | updated | unchanged | not modified | facts | errors | crawl s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for source, c in (details.get("sources") or {"all": details}).items():
        errors = ", ".join(f"{k} {v}" for k, v in (c.get("errors") or {}).items()) or "-"
        lines.append(f"| {source} | {c.get('pages', 0)} | {c.get('articles_new', 0)} | {c.get('articles_updated', 0)} "
                     f"| {c.get('unchanged', 0)} | {c.get('not_modified', 0)} | {c.get('facts', 0)} | {errors} "
                     f"| {crawl_s.get(source, '-')} |")
    if details.get("no_facts"):
        lines += ["", f"**Stored without facts:** {no_facts(run)}"]
    robots = {k: v for k, v in (details.get("robots") or {}).items() if v != "ok"}
    if robots:
        lines += ["", "**robots.txt:** " + ", ".join(f"{k} {v}" for k, v in sorted(robots.items()))]
    if details.get("paused_s"):
        lines += ["", "**Paused (Retry-After):** " + ", ".join(f"{k} {v:.0f} s" for k, v in sorted(details["paused_s"].items()))]
    if failing:
        lines += ["", f"**Failing {FAILING_STREAK} runs in a row:** {', '.join(failing)}"]
    return "\n".join(lines) + "\n"
