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


def test_report_names_what_the_demo_holds_and_needs_no_network(report):
    page = report.read_text(encoding="utf-8")
    for expected in ("BUAH SABAR", "SI PINTAR", "Pembuangan Limbah Sederhana dan Bermanfaat", "Andi Mappasulle",
                     "Warta Timur", "Suara Desa", "listing", "sosialisasi", "Kabupaten Takalar", "<svg"):
        assert expected in page, expected
    assert not re.search(r'<(?:script|img|link|iframe)[^>]+(?:src|href)="(?:https?:)?//', page)
    assert "@import" not in page and "url(" not in page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(report, tmp_path):
    shot = tmp_path / "report.png"
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
                           report.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.exists(), done.stderr[-1000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000     # a rendered page, not a blank one
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", report.resolve().as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert "Laporan warta" in dom.stdout and "BUAH SABAR" in dom.stdout


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
