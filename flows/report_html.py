"""`warta report`: a static HTML report of the published snapshot, usable at the size of a province's press.

One folder that opens from disk with no network and no server: `index.html` (from the Jinja2 template
flows/templates/report.html.j2) carries the data as one JSON block; `assets/report.js` (ours) draws the charts
and the detail views and wires the filters; `assets/datatables.js` is the DataTables bundle that the itables wheel
ships (search, sort, pagination; MIT), wrapped so a page opened from file:// can load it (browsers refuse ES
modules from file://, so the bundle travels as text and is imported from a blob URL).

Every table is searchable, sortable and paginated and rendered from data (10,000 rows cost no DOM until
shown); one filter bar (region, outlet, date range) narrows every table and chart. Charts are SVG drawn by
report.js on real month axes (empty months drawn empty). Deep links set the filters and open a detail view:
`index.html#region=Kabupaten%20Gowa&q=sampah`, `#inovasi=<id>`, `#pejabat=<id>`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import jinja2

from extractors import load_lexicon
from extractors.lexicon import read_tsv
from extractors.model import EVENT_KINDS
from flows import report, snapshot, store
from flows.errors import ReportError
from flows.settings import load_settings

TEMPLATES = Path(__file__).resolve().parent / "templates"
EVENT_KINDS_FILE = TEMPLATES / "event_kinds.tsv"


@functools.cache
def event_kinds() -> dict[str, dict[str, str]]:
    """Each event kind's name and colour in the report (templates/event_kinds.tsv), exactly the extractors' kinds."""
    rows = {r[0]: {"name": r[1], "colour": r[2]} for r in read_tsv(EVENT_KINDS_FILE)}
    if set(rows) != set(EVENT_KINDS):
        raise ReportError(f"{EVENT_KINDS_FILE} must name exactly the event kinds {', '.join(EVENT_KINDS)}")
    return rows


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _day(value: Any) -> str | None:
    return value.isoformat()[:10] if isinstance(value, date | datetime) else value


def local_time(value: datetime | None, zone: ZoneInfo) -> str:
    """A stored UTC timestamp as people read it where the report is read: "2026-12-07 10:55 WITA"."""
    if value is None:
        return "-"
    local = value.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone) if value.tzinfo is None else value.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def _sources_health(con: duckdb.DuckDBPyConnection, zone: ZoneInfo) -> list[dict[str, Any]]:
    """Per outlet: last successful run, pages, new articles, errors by reason, failing streak, discovery."""
    streaks = report.failure_streaks(con)
    out: dict[str, dict[str, Any]] = {}
    for run in _rows(con, "SELECT run_id, status, finished_at, details FROM runs WHERE details IS NOT NULL "
                          "ORDER BY started_at"):
        details = json.loads(run["details"])
        failed = set(details.get("failed_sources", []))
        for source, counts in (details.get("sources") or {}).items():
            row = out.setdefault(source, {"source": source, "last_ok": None, "pages": 0, "new": 0, "errors": {},
                                          "discovery": {}})
            row["pages"] += counts.get("pages", 0)
            row["new"] += counts.get("articles_new", 0)
            for reason, n in (counts.get("errors") or {}).items():
                row["errors"][reason] = row["errors"].get(reason, 0) + n
            if run["status"] == "ok" and source not in failed:
                row["last_ok"] = run["finished_at"]
            for method, n in ((details.get("discovery") or {}).get(source) or {}).items():
                row["discovery"][method] = row["discovery"].get(method, 0) + n
    names = dict(con.execute("SELECT source_id, name FROM sources").fetchall())
    return [{"name": names.get(r["source"], r["source"]), "streak": streaks.get(r["source"], 0),
             "failing": streaks.get(r["source"], 0) >= report.FAILING_STREAK,
             "last_ok": local_time(r["last_ok"], zone), "pages": r["pages"], "new": r["new"],
             "errors": ", ".join(f"{k} {v}" for k, v in sorted(r["errors"].items())) or "-",
             "discovery": ", ".join(f"{k} {v}" for k, v in sorted(r["discovery"].items())) or "-"}
            for r in sorted(out.values(), key=lambda r: r["source"])]


def report_data(con: duckdb.DuckDBPyConnection, zone: ZoneInfo) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready values. Articles are listed once ([id, title, url, outlet, date,
    region]) and referred to by position, so a story named by many facts costs one entry."""
    articles = con.execute("""
        SELECT a.article_id, coalesce(a.title, a.url), a.url, a.source, a.published_at::VARCHAR,
               (SELECT r.name FROM region_mentions m JOIN regions r USING (region_code)
                WHERE m.article_id = a.article_id AND m.is_subject
                ORDER BY m.subject_confidence DESC NULLS LAST, r.name LIMIT 1), a.is_original
        FROM stg_articles a ORDER BY a.published_at DESC NULLS LAST, a.article_id""").fetchall()
    index = {row[0]: k for k, row in enumerate(articles)}

    def refs(ids: list[str] | None) -> list[int]:
        return sorted({index[i] for i in ids or [] if i in index})

    innovations = [{**r, "first_seen": _day(r["first_seen"]), "last_seen": _day(r["last_seen"]), "articles": refs(r["ids"]),
                    "ids": None} for r in _rows(con, """
        SELECT v.innovation_id AS id, v.name, v.names, v.expansion, v.sector, v.region, v.agency, v.first_seen,
               v.last_seen, v.stories, list(DISTINCT m.article_id) AS ids
        FROM v_innovations v JOIN innovation_entity_mentions m ON m.entity_id = v.innovation_id
        GROUP BY ALL ORDER BY v.stories DESC, v.first_seen, v.name""")]
    tenures: dict[str, list[dict[str, Any]]] = {}
    for t in _rows(con, "SELECT person_id, post, title, region, first_seen, last_seen, articles FROM v_tenures "
                        "ORDER BY person_id, first_seen NULLS LAST"):
        tenures.setdefault(t["person_id"], []).append({
            "title": t["title"], "region": t["region"], "first_seen": _day(t["first_seen"]),
            "last_seen": _day(t["last_seen"]), "articles": refs(t["articles"])})
    persons = []
    for p in _rows(con, "SELECT person_id AS id, name, variants, first_seen, last_seen, stories FROM v_persons "
                        "ORDER BY stories DESC, name"):
        posts = tenures.get(p["id"], [])
        latest = max(posts, key=lambda t: t["last_seen"] or "", default={})
        persons.append({**p, "first_seen": _day(p["first_seen"]), "last_seen": _day(p["last_seen"]),
                        "title": latest.get("title"), "region": latest.get("region"),
                        "regions": sorted({t["region"] for t in posts if t["region"]}), "tenures": posts,
                        "articles": sorted({a for t in posts for a in t["articles"]})})
    events = [[_day(d), kind, name, location, region, index.get(aid)] for d, kind, name, location, region, aid in
              con.execute("""SELECT e.date, e.kind, e.name, e.location, e.region, e.article_id
                             FROM events e JOIN stg_articles a USING (article_id) WHERE a.is_original
                             ORDER BY e.date NULLS LAST, e.kind""").fetchall()]
    runs = report.last_runs(con, 25)
    totals = store.first_row(con, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE "
                                  "duplicate_of IS NULL), (SELECT count(*) FROM innovation_entities), "
                                  "(SELECT count(*) FROM persons), (SELECT count(*) FROM events)")
    return {
        "made": local_time(datetime.now(ZoneInfo("UTC")), zone),
        "totals": dict(zip(("articles", "stories", "innovations", "persons", "events"), totals, strict=True)),
        "outlets": dict(con.execute("SELECT source_id, name FROM sources").fetchall()),
        "kinds": event_kinds(), "months": [m[:3] for m in load_lexicon().month_names],
        "articles": [list(a) for a in articles],
        "innovations": innovations, "persons": persons, "events": events,
        "sources": _sources_health(con, zone),
        "syndication": [{**r, "copies_from": ", ".join(r["copies_from"] or []) or "-"}
                        for r in _rows(con, "SELECT * FROM v_syndication ORDER BY stories_copied DESC, source")],
        "copies": _rows(con, """SELECT story_title, count(*) AS copies, string_agg(source, ', ' ORDER BY published_at) AS outlets
                                FROM v_story_copies GROUP BY story_id, story_title ORDER BY copies DESC, story_title"""),
        "runs": [{"run": r["run_id"], "status": r["status"], "started": local_time(r["started_at"], zone),
                  "took": report.duration(r), "pages": r["pages"], "new": r["articles_new"],
                  "updated": r["articles_updated"], "facts": r["facts"], "no_facts": report.no_facts(r),
                  "errors": r["errors"]} for r in runs],
    }


def _datatables_bundle() -> tuple[str, str]:
    """The DataTables JS and CSS bundled in the itables wheel (read as files: importing itables is not needed)."""
    spec = importlib.util.find_spec("itables")
    if spec is None or not spec.submodule_search_locations:
        raise ReportError("the itables package (the report's DataTables bundle) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "html"
    return (folder / "dt_bundle.js").read_text(encoding="utf-8"), (folder / "dt_bundle.css").read_text(encoding="utf-8")


def build(con: duckdb.DuckDBPyConnection, zone: ZoneInfo) -> str:
    """The report's index.html for an open (read-only) database."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    data = report_data(con, zone)
    blob = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")).replace("</", "<\\/")
    return env.get_template("report.html.j2").render(data=data, data_json=blob)


def write_report(db: Path, out: Path, timezone: str | None = None) -> Path:
    """Write DIR/index.html and DIR/assets/ from the published snapshot, times in `timezone` (default: the
    configured `schedule.timezone`); returns index.html."""
    zone = ZoneInfo(timezone or load_settings().schedule.timezone)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} is a file; --out names the directory the report's index.html goes into")
    con = snapshot.reading(db)
    try:
        page = build(con, zone)
    finally:
        con.close()
    js, css = _datatables_bundle()
    try:
        (out / "assets").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create {out}: {exc.strerror}") from exc
    files = {
        "assets/datatables.js": "window.WARTA_DATATABLES = " + json.dumps(js) + ";\n",   # a classic script: file:// allows it
        "assets/datatables.css": css,
        "assets/report.js": (TEMPLATES / "report.js").read_text(encoding="utf-8"),
        "index.html": page,
    }
    for name, text in files.items():
        target = out / name
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return out / "index.html"
