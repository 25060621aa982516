"""`warta report` on the demo: a self-contained page naming its innovations, officials, events and sources
with their health, with charts, that loads offline and renders in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows import jobs
from flows.demo import OUTLETS_DIR, build_outlets, serve_outlets
from flows.discover import parse_sitemap
from flows.report_html import write_report
from flows.settings import CrawlSettings, Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo3") / "w.duckdb"
    with serve_outlets(ports=(0, 0, 0)) as sources:
        jobs.crawl_sources_into(sources, db=db, settings=Settings(crawl=CrawlSettings(allow_private=True, delay_s=0)),
                                kind="demo")
    return write_report(db, db.parent / "report")


def test_demo_has_thirty_articles_over_three_outlets_with_copies_and_a_broken_sitemap(report):
    from flows import snapshot
    con = snapshot.reading(report.parent.parent / "w.duckdb")
    per_source = dict(con.execute("SELECT source, count(*) FROM articles GROUP BY 1").fetchall())
    copies = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    found_by = con.execute("SELECT details->>'$.discovery.\"suara-desa\"' FROM runs").fetchone()[0]
    con.close()
    assert sum(per_source.values()) >= 30 and len(per_source) == 3
    assert copies == 2 and '"listing"' in found_by


def test_report_names_what_the_demo_holds_and_loads_nothing_from_the_network(report):
    page = report.read_text(encoding="utf-8")
    for expected in ("BUAH SABAR", "SI PINTAR", "Pembuangan Limbah Sederhana dan Bermanfaat", "Andi Mappasulle",
                     "Warta Timur", "Suara Desa", "listing", "sosialisasi", "Kabupaten Takalar", "WITA"):
        assert expected in page, expected
    assert sorted(p.name for p in (report.parent / "assets").iterdir()) == ["datatables.css", "datatables.js", "report.js"]
    for text in (page, *(f.read_text(encoding="utf-8") for f in (report.parent / "assets").iterdir())):
        assert not re.search(r'<(?:script|img|link|iframe)[^>]+(?:src|href)="(?:https?:)?//', text)
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", text)


def test_times_are_shown_in_the_configured_zone():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from flows.report_html import local_time
    assert local_time(datetime(2026, 12, 7, 2, 55, 54, 352000), ZoneInfo("Asia/Makassar")) == "2026-12-07 10:55 WITA"
    assert local_time(None, ZoneInfo("Asia/Makassar")) == "-"


def _chromium(url: str, tmp_path: Path, *extra: str) -> str:
    """The DOM after the page's scripts ran, with every host unresolvable (a fetch from the network would fail)."""
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
                           "--virtual-time-budget=20000", *extra, url], capture_output=True, text=True, timeout=120)
    return done.stdout


def _state(dom: str) -> dict:
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    attrs = dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))
    assert attrs.get("ready") == "1", attrs.get("error", dom[-800:])
    attrs["shown"] = [int(n) for n in re.findall(r'class="dt-container[^"]*"[^>]*data-shown="(\d+)"', dom)]
    attrs["totals"] = dict(re.findall(r'class="chart" id="([\w-]+)"[^>]*data-total="(\d+)"', dom))
    return attrs


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(report, tmp_path):
    shot = tmp_path / "report.png"
    _chromium(report.resolve().as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    state = _state(_chromium(report.resolve().as_uri(), tmp_path, "--dump-dom"))
    assert state["clipped"] == "0", state.get("clipped-labels")
    assert state["shown"][0] > 0


@pytest.fixture(scope="module")
def big_report(tmp_path_factory) -> Path:
    from tests.report_fixture import fill
    db = fill(tmp_path_factory.mktemp("big") / "w.duckdb")
    return write_report(db, db.parent / "report")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_at_ten_thousand_articles_it_renders_fast_and_search_and_filters_narrow(big_report, tmp_path):
    import time
    url = big_report.resolve().as_uri()
    started = time.perf_counter()
    whole = _state(_chromium(url, tmp_path, "--dump-dom"))
    wall = time.perf_counter() - started
    assert int(whole["render-ms"]) < 3000 and wall < 20, (whole["render-ms"], wall)
    assert whole["shown"][:4] == [2000, 5000, 9800, 10000]          # innovations, officials, events, articles
    assert whole["clipped"] == "0", whole.get("clipped-labels")
    searched = _state(_chromium(url + "#q=INOVASI-12", tmp_path, "--dump-dom"))
    assert 0 < searched["shown"][0] < whole["shown"][0]
    region = _state(_chromium(url + "#region=Kabupaten%20Gowa", tmp_path, "--dump-dom"))
    for chart in ("c-innovations-month", "c-events-month"):
        assert 0 < int(region["totals"][chart]) < int(whole["totals"][chart]), chart
    assert 0 < region["shown"][2] < whole["shown"][2]
    dated = _state(_chromium(url + "#from=2020-01-01&to=2020-06-30", tmp_path, "--dump-dom"))
    assert 0 < dated["shown"][3] < whole["shown"][3]
    person = _chromium(url + "#pejabat=p7", tmp_path, "--dump-dom")
    assert re.search(r'<dialog id="detail"[^>]*open', person) and "Jabatan dari waktu ke waktu" in person
    shot = tmp_path / "big.png"
    _chromium(url, tmp_path, f"--screenshot={shot}", "--window-size=1400,2400")
    assert shot.stat().st_size > 100_000


def test_demo_outlets_are_rendered_from_their_stories(tmp_path):
    import tomllib
    stories = {o: len(tomllib.loads((OUTLETS_DIR / o / "stories.toml").read_text(encoding="utf-8"))["story"])
               for o in ("warta-timur", "suara-desa")}
    build_outlets(tmp_path)
    timur = list((tmp_path / "warta-timur").glob("20*/*/*/*/index.html"))
    desa = list((tmp_path / "suara-desa" / "berita").glob("*.html"))
    assert (len(timur), len(desa)) == (stories["warta-timur"] + 1, stories["suara-desa"] + 1)   # a re-post, a copy
    assert parse_sitemap((tmp_path / "suara-desa" / "sitemap.xml").read_bytes(), "http://x/") == []
    assert not list(OUTLETS_DIR.rglob("*.html")) or {p.name for p in OUTLETS_DIR.rglob("*.html")} == {"layout.html"}


def test_the_report_shows_times_in_the_zone_it_is_given(report, tmp_path):
    page = write_report(report.parent.parent / "w.duckdb", tmp_path / "wib", "Asia/Jakarta").read_text(encoding="utf-8")
    assert " WIB" in page and " WITA" not in page


def test_every_event_kind_has_one_name_and_colour_and_a_wrong_registry_is_refused(tmp_path, monkeypatch):
    from extractors.model import EVENT_KINDS
    from flows import report_html
    from flows.errors import ReportError
    kinds = report_html.event_kinds()
    assert list(kinds) == list(EVENT_KINDS)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", k["colour"]) and k["name"] for k in kinds.values())
    short = tmp_path / "event_kinds.tsv"
    short.write_text("award\tpenghargaan\t#ffa056\n", encoding="utf-8")
    monkeypatch.setattr(report_html, "EVENT_KINDS_FILE", short)
    report_html.event_kinds.cache_clear()
    try:
        with pytest.raises(ReportError, match="exactly the event kinds"):
            report_html.event_kinds()
    finally:
        report_html.event_kinds.cache_clear()
