"""`warta report`: a static, self-contained HTML report of the published snapshot.

One `index.html` with inline CSS and inline SVG charts drawn here at build time: it opens from file://
with no network at all (no script, font or image is fetched). Labels are Indonesian first, English in
the `title` tooltips. Why our own SVG instead of pygal or Vega-Lite: the charts are bars and a dot
timeline, a few dozen lines; a chart library would add a dependency (and vl-convert a 60 MB binary)
for no better picture.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from flows import report, snapshot, store
from flows.errors import ReportError

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#0b4f6c;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;opacity:.85}
nav{padding:8px 28px;background:#e4eef3}nav a{margin-right:14px;color:#0b4f6c;text-decoration:none;font-weight:600}
section{background:#fff;margin:18px 28px;padding:16px 22px;border-radius:8px;box-shadow:0 1px 3px #0002}
h2{margin-top:0;color:#0b4f6c}table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e3e7eb;vertical-align:top}th{background:#f0f4f7}
.bad{color:#b42318;font-weight:600}.ok{color:#067647;font-weight:600}.muted{color:#6b7785}
.charts{display:flex;flex-wrap:wrap;gap:24px}.chart h3{margin:6px 0;font-size:14px}
svg text{font:11px system-ui,sans-serif;fill:#1f2933}
"""
_KIND_COLOURS = {"socialization": "#0b84a5", "training": "#f6c85f", "workshop": "#6f4e7c", "innovation_lab": "#9dd866",
                 "competition": "#ca472f", "award": "#ffa056", "launch": "#8dddd0", "meeting": "#5b8ff9",
                 "visit": "#b37feb", "other": "#9aa5b1"}
_KINDS_ID = {"socialization": "sosialisasi", "training": "pelatihan/bimtek", "workshop": "lokakarya",
             "innovation_lab": "laboratorium inovasi", "competition": "kompetisi", "award": "penghargaan",
             "launch": "peluncuran", "meeting": "rapat", "visit": "kunjungan", "other": "lainnya"}


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def bar_chart(pairs: list[tuple[str, int]], *, title: str, width: int = 520, colour: str = "#0b84a5") -> str:
    """Horizontal bars, one per label, drawn as inline SVG."""
    if not pairs:
        return f'<div class="chart"><h3>{_e(title)}</h3><p class="muted">belum ada data</p></div>'
    top = max(v for _, v in pairs) or 1
    label_w, bar_h = 190, 20
    height = bar_h * len(pairs) + 10
    bars = []
    for i, (label, value) in enumerate(pairs):
        y = 5 + i * bar_h
        w = max(2, int((width - label_w - 40) * value / top))
        bars.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(label[:32])}</text>'
                    f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{bar_h - 6}" fill="{colour}">'
                    f'<title>{_e(label)}: {value}</title></rect>'
                    f'<text x="{label_w + w + 4}" y="{y + 14}">{value}</text>')
    return (f'<div class="chart"><h3>{_e(title)}</h3><svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" role="img" aria-label="{_e(title)}">{"".join(bars)}</svg></div>')


def timeline(events: list[dict[str, Any]], *, title: str, width: int = 900) -> str:
    """Events as dots on a date axis, one row per kind."""
    dated = [e for e in events if e["date"]]
    if not dated:
        return f'<div class="chart"><h3>{_e(title)}</h3><p class="muted">belum ada data</p></div>'
    kinds = sorted({e["kind"] for e in dated})
    first, last = min(e["date"] for e in dated), max(e["date"] for e in dated)
    span = max(1, (last - first).days)
    left, row_h = 150, 26
    height = row_h * len(kinds) + 30
    parts = [f'<text x="{left}" y="{height - 6}">{first}</text>',
             f'<text x="{width - 10}" y="{height - 6}" text-anchor="end">{last}</text>']
    for i, kind in enumerate(kinds):
        y = 12 + i * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end"><title>{_e(kind)}</title>'
                     f'{_e(_KINDS_ID.get(kind, kind))}</text>'
                     f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="#e3e7eb"/>')
        for e in (e for e in dated if e["kind"] == kind):
            x = left + (width - left - 20) * (e["date"] - first).days / span
            parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="6" fill="{_KIND_COLOURS.get(kind, "#9aa5b1")}">'
                         f'<title>{_e(e["date"])} · {_e(e["name"])} · {_e(e["location"] or "")}</title></circle>')
    return (f'<div class="chart"><h3>{_e(title)}</h3><svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" role="img" aria-label="{_e(title)}">{"".join(parts)}</svg></div>')


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str, str]], empty: str = "belum ada data") -> str:
    """columns: (key, Indonesian header, English tooltip)."""
    if not rows:
        return f'<p class="muted">{_e(empty)}</p>'
    head = "".join(f'<th title="{_e(en)}">{_e(idn)}</th>' for _, idn, en in columns)
    body = "".join("<tr>" + "".join(f"<td>{r[k] if k.endswith('_html') else _e(r[k])}</td>" for k, _, _ in columns)
                   + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _links(urls: list[str] | None) -> str:
    return " ".join(f'<a href="{_e(u)}">[{i + 1}]</a>' for i, u in enumerate(urls or []))


def _sources_health(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Per outlet: last successful run, pages, new articles, errors by reason, failing streak, discovery."""
    failing = set(report.failing_sources(con))
    out: dict[str, dict[str, Any]] = {}
    for run in _rows(con, "SELECT run_id, status, finished_at, details FROM runs WHERE details IS NOT NULL "
                          "ORDER BY started_at"):
        details = json.loads(run["details"])
        failed = set(details.get("failed_sources", []))
        for source, counts in (details.get("sources") or {}).items():
            row = out.setdefault(source, {"source": source, "last_ok": None, "pages": 0, "new": 0, "errors": {},
                                          "streak": 0, "discovery": {}})
            row["pages"] += counts.get("pages", 0)
            row["new"] += counts.get("articles_new", 0)
            for reason, n in (counts.get("errors") or {}).items():
                row["errors"][reason] = row["errors"].get(reason, 0) + n
            row["streak"] = row["streak"] + 1 if source in failed else 0
            if run["status"] == "ok" and source not in failed:
                row["last_ok"] = run["finished_at"]
            for method, n in ((details.get("discovery") or {}).get(source) or {}).items():
                row["discovery"][method] = row["discovery"].get(method, 0) + n
    names = dict(con.execute("SELECT source_id, name FROM sources").fetchall())
    for row in out.values():
        row["name"] = names.get(row["source"], row["source"])
        row["errors_text"] = ", ".join(f"{k} {v}" for k, v in sorted(row["errors"].items())) or "-"
        row["discovery_text"] = ", ".join(f"{k} {v}" for k, v in sorted(row["discovery"].items())) or "-"
        alarm = row["source"] in failing or row["streak"] > 0
        row["health_html"] = (f'<span class="bad" title="failing {row["streak"]} run(s) in a row">gagal '
                              f'{row["streak"]}×</span>' if alarm else '<span class="ok" title="healthy">sehat</span>')
    return sorted(out.values(), key=lambda r: r["source"])


def build(con: duckdb.DuckDBPyConnection) -> str:
    """The report page for an open (read-only) database."""
    innovations = _rows(con, """
        SELECT v.name, v.expansion, v.sector, v.region, v.first_seen, v.stories, v.agency,
               (SELECT list(DISTINCT a.url ORDER BY a.url) FROM innovation_entity_mentions m JOIN articles a USING (article_id)
                WHERE m.entity_id = v.innovation_id) AS urls
        FROM v_innovations v ORDER BY v.stories DESC, v.first_seen, v.name""")
    for r in innovations:
        r["links_html"] = _links(r.pop("urls"))
    per_month = [(str(m), n) for m, n in con.execute(
        "SELECT strftime(first_seen, '%Y-%m') AS m, count(*) FROM v_innovations WHERE first_seen IS NOT NULL "
        "GROUP BY 1 ORDER BY 1").fetchall()]
    per_region = con.execute("SELECT coalesce(region, '(tanpa wilayah)'), count(*) FROM v_innovations "
                             "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15").fetchall()
    officials = _rows(con, """SELECT p.name, t.title, t.region, p.stories, p.first_seen, p.last_seen
                              FROM v_persons p LEFT JOIN (SELECT person_id, arg_max(title, stories) AS title,
                                  arg_max(region, stories) AS region FROM v_tenures GROUP BY person_id) t USING (person_id)
                              ORDER BY p.stories DESC, p.name LIMIT 25""")
    events = _rows(con, "SELECT date, kind, name, location, region, url FROM v_event_timeline")
    for e in events:
        e["kind_id"] = _KINDS_ID.get(e["kind"], e["kind"])
        e["name_html"] = f'<a href="{_e(e["url"])}">{_e(e["name"])}</a>'
    regions = con.execute("SELECT region, sum(stories) FROM v_region_activity GROUP BY 1 ORDER BY 2 DESC, 1 "
                          "LIMIT 20").fetchall()
    syndication = _rows(con, "SELECT * FROM v_syndication ORDER BY stories_copied DESC, source")
    for r in syndication:
        r["copies_from_text"] = ", ".join(r["copies_from"] or []) or "-"
    copies = _rows(con, """SELECT story_title, count(*) AS copies, list(source ORDER BY published_at) AS outlets
                           FROM v_story_copies GROUP BY story_id, story_title ORDER BY copies DESC, story_title""")
    for r in copies:
        r["outlets_text"] = ", ".join(r["outlets"])
    runs = report.last_runs(con, 10)
    for r in runs:
        r["duration"], r["no_facts"] = report.duration(r), report.no_facts(r)
    totals = store.first_row(con, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE duplicate_of "
                         "IS NULL), (SELECT count(*) FROM innovation_entities), (SELECT count(*) FROM persons), "
                         "(SELECT count(*) FROM events)")
    sections = [
        ("inovasi", "Inovasi", "Innovations", _table(innovations, [
            ("name", "Nama", "name"), ("expansion", "Kepanjangan", "expansion"), ("sector", "Sektor", "sector"),
            ("region", "Wilayah", "region"), ("first_seen", "Pertama terlihat", "first seen"),
            ("stories", "Berita", "stories"), ("agency", "Instansi", "agency"), ("links_html", "Sumber", "source articles")])
         + '<div class="charts">' + bar_chart(per_month, title="Inovasi baru per bulan (new innovations per month)")
         + bar_chart(per_region, title="Inovasi per wilayah (innovations per region)", colour="#ca472f") + "</div>"),
        ("pejabat", "Pejabat", "Officials", _table(officials, [
            ("name", "Nama", "name"), ("title", "Jabatan", "position"), ("region", "Wilayah", "region"),
            ("stories", "Berita", "stories"), ("first_seen", "Pertama", "first seen"), ("last_seen", "Terakhir", "last seen")])),
        ("kegiatan", "Kegiatan", "Events", timeline(events, title="Linimasa kegiatan menurut jenis (events by kind)")
         + _table(events, [("date", "Tanggal", "date"), ("kind_id", "Jenis", "kind"), ("name_html", "Kegiatan", "event"),
                           ("location", "Tempat", "venue"), ("region", "Wilayah", "region")])),
        ("wilayah", "Wilayah", "Regions", bar_chart([(str(r), int(n)) for r, n in regions],
                                                    title="Berita per kabupaten/kota (stories per region)", colour="#6f4e7c")),
        ("sumber", "Sumber dan kesehatannya", "Sources and their health", _table(_sources_health(con), [
            ("name", "Media", "outlet"), ("health_html", "Status", "health"), ("last_ok", "Terakhir berhasil", "last success"),
            ("pages", "Halaman", "pages fetched"), ("new", "Artikel baru", "new articles"),
            ("errors_text", "Galat per alasan", "errors by reason"), ("discovery_text", "Ditemukan lewat", "discovery")])),
        ("salinan", "Salinan dan sindikasi", "Dedup and syndication", _table(syndication, [
            ("source", "Media", "outlet"), ("stories_originated", "Berita asli", "stories originated"),
            ("stories_copied", "Salinan", "copies carried"), ("copied_by_others", "Disalin media lain", "copied by others"),
            ("copies_from_text", "Menyalin dari", "copies from")])
         + "<h3>Berita dengan lebih dari satu salinan</h3>" + _table(copies, [
            ("story_title", "Berita", "story"), ("copies", "Salinan", "copies"), ("outlets_text", "Media", "outlets")],
            empty="tidak ada salinan")),
        ("proses", "Proses", "Runs", _table(runs, [
            ("run_id", "Proses", "run"), ("status", "Status", "status"), ("started_at", "Mulai", "started"),
            ("duration", "Lama", "duration"), ("pages", "Halaman", "pages"), ("articles_new", "Baru", "new"),
            ("articles_updated", "Diperbarui", "updated"), ("facts", "Fakta", "facts"), ("no_facts", "Tanpa fakta", "no facts"),
            ("errors", "Galat", "errors")])),
    ]
    nav = "".join(f'<a href="#{k}" title="{_e(en)}">{_e(idn)}</a>' for k, idn, en, _ in sections)
    body = "".join(f'<section id="{k}"><h2 title="{_e(en)}">{_e(idn)}</h2>{content}</section>'
                   for k, idn, en, content in sections)
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Laporan warta</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head><body>'
            f'<header><h1>Laporan warta</h1><p title="articles, stories, innovations, officials, events">'
            f'{totals[0]} artikel · {totals[1]} berita · {totals[2]} inovasi · {totals[3]} pejabat · {totals[4]} '
            f'kegiatan · dibuat {made}</p></header><nav>{nav}</nav>{body}</body></html>')


def write_report(db: Path, out: Path) -> Path:
    """Write DIR/index.html from the published snapshot; returns the file."""
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} is a file; --out names the directory the report's index.html goes into")
    con = snapshot.reading(db)
    try:
        page = build(con)
    finally:
        con.close()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create {out}: {exc.strerror}") from exc
    target = out / "index.html"
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(target)
    return target
