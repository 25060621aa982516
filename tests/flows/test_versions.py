"""Corrections kept as versions, take-downs marked, rechecks answered 304: a loopback outlet whose story is
corrected between two crawls (a date and a venue), one story unchanged, one taken down (410)."""

from __future__ import annotations

from flows import jobs, store
from flows.settings import CrawlSettings, Settings, Source
from tests.flows.fault_site import Reply, StaticSite

STORIES = {
    "koreksi": "<p>Bupati Barru membuka Sosialisasi Inovasi Daerah di {venue}, Senin ({day}/3/2023). Kegiatan ini "
               "diikuti kepala perangkat daerah dan para camat se-Kabupaten Barru yang membahas inovasi layanan.</p>"
               "<p>Menurut bupati, setiap perangkat daerah wajib menyiapkan satu inovasi pelayanan publik tahun ini.</p>",
    "tetap": "<p>Nelayan di pesisir Kabupaten Takalar menerima bantuan mesin perahu dari dinas perikanan pada awal "
             "bulan ini, bantuan yang diharapkan menambah hasil tangkapan selama musim angin barat.</p>"
             "<p>Kepala dinas menyebut bantuan serupa akan diberikan lagi kepada kelompok nelayan lain tahun depan.</p>",
    "hapus": "<p>Sekolah dasar di Kota Parepare menambah jam membaca setiap pagi, program yang menurut kepala dinas "
             "pendidikan sudah menaikkan nilai literasi murid kelas tiga di banyak sekolah.</p>"
             "<p>Orang tua murid diminta ikut membacakan buku di rumah paling sedikit lima belas menit sehari.</p>",
}


def _page(slug: str, body: str) -> str:
    return (f'<html><head><title>{slug}</title><link rel="canonical" href="{{base}}/2023/03/06/{slug}/">'
            f'</head><body><article><h1>Berita {slug}</h1>{body}</article></body></html>')


def _site() -> dict[str, str | Reply]:
    urls = "".join(f"<url><loc>{{base}}/2023/03/06/{s}/</loc></url>" for s in STORIES)
    return {"/robots.txt": "User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
            "/sitemap.xml": f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            "/2023/03/06/koreksi/": _page("koreksi", STORIES["koreksi"].format(venue="Aula Kantor Bupati", day=5)),
            "/2023/03/06/tetap/": _page("tetap", STORIES["tetap"]),
            "/2023/03/06/hapus/": _page("hapus", STORIES["hapus"])}


def _correct(pages: dict) -> None:
    """The outlet corrects its story: another venue, and the day after."""
    pages["/2023/03/06/koreksi/"] = _page("koreksi", STORIES["koreksi"].format(venue="Gedung Serbaguna", day=6))


def _crawl(site: StaticSite, db, **kw) -> None:
    settings = Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0, refetch_after_hours=0, **kw))
    source = Source(id="outlet", name="Outlet", base_url=site.base + "/", discovery=("robots", "sitemap"))
    jobs.crawl_sources_into([source], db=db, settings=settings)


def _q(db, sql: str) -> list[tuple]:
    con = store.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_correction_takedown_and_recheck(tmp_path):
    db = tmp_path / "w.duckdb"
    pages = _site()
    with StaticSite(pages) as site:
        _crawl(site, db)
        _correct(pages)
        pages["/2023/03/06/hapus/"] = Reply(410)
        _crawl(site, db, recheck=True)
        after_recheck = dict(site.hits)
        _crawl(site, db)                                   # a routine run: the gone story is not asked again
        routine = dict(site.hits)
    text = _q(db, "SELECT text, version FROM articles WHERE url LIKE '%koreksi%'")[0]
    dates = {d for (d,) in _q(db, "SELECT value FROM date_mentions JOIN articles USING (article_id) WHERE url LIKE '%koreksi%'")}
    versions = _q(db, "SELECT version, text FROM article_versions")
    correction = _q(db, "SELECT from_version, to_version, dates_gained, dates_lost, summary FROM v_corrections")
    gone = _q(db, "SELECT gone_status, gone_at IS NOT NULL, length(text) > 0 FROM articles WHERE url LIKE '%hapus%'")
    unchanged = _q(db, "SELECT status, outcome FROM pages WHERE url LIKE '%tetap%' ORDER BY fetched_at")
    assert "Gedung Serbaguna" in text[0] and text[1] == 2
    assert "2023-03-06" in dates and "2023-03-05" not in dates
    assert len(versions) == 1 and versions[0][0] == 1 and "Aula Kantor Bupati" in versions[0][1]
    assert correction[0][:4] == (1, 2, ["2023-03-06"], ["2023-03-05"]) and "1 paragraph(s) edited" in correction[0][4]
    assert gone == [(410, True, True)]
    assert (304, "not-modified") in unchanged
    assert routine["/2023/03/06/hapus/"] == after_recheck["/2023/03/06/hapus/"]


def test_a_taken_down_story_that_comes_back_is_online_again(tmp_path):
    db = tmp_path / "w.duckdb"
    pages = _site()
    with StaticSite(pages) as site:
        _crawl(site, db)
        original = pages["/2023/03/06/hapus/"]
        pages["/2023/03/06/hapus/"] = Reply(404)
        _crawl(site, db, recheck=True)
        pages["/2023/03/06/hapus/"] = original
        _crawl(site, db, recheck=True)
    assert _q(db, "SELECT gone_at, gone_status FROM articles WHERE url LIKE '%hapus%'") == [(None, None)]


def test_reextract_rebuilds_the_current_version_and_keeps_the_versions(tmp_path):
    db = tmp_path / "w.duckdb"
    pages = _site()
    with StaticSite(pages) as site:
        _crawl(site, db)
        _correct(pages)
        _crawl(site, db, recheck=True)
    before = _q(db, "SELECT url, version, content_hash FROM articles ORDER BY url")
    jobs.reextract(db=db)
    assert _q(db, "SELECT url, version, content_hash FROM articles ORDER BY url") == before
    assert _q(db, "SELECT count(*) FROM article_versions") == [(1,)]
