"""Every URL a site lists is fetched or left with a recorded reason; distinct query URLs stay distinct; --recheck
asks every known URL of a source, listed or not."""

import duckdb

from flows import jobs
from flows.settings import CrawlSettings, Settings, Source
from tests.flows.fault_site import Reply, StaticSite

STORY = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Wali Kota Parepare membuka sosialisasi "
         "inovasi pelayanan publik nomor {t} di aula balai kota, Senin (6/3/2023), yang diikuti para camat dan lurah "
         "se-Kota Parepare.</p><p>Kegiatan itu berlangsung sampai sore dengan diskusi panjang tentang inovasi {t}."
         "</p></article></body></html>")


def _sitemap(paths: list[str]) -> str:
    locs = "".join(f"<url><loc>{{base}}{p.replace('&', '&amp;')}</loc></url>" for p in paths)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def _crawl(site: StaticSite, db, **kw) -> None:
    settings = Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0, refetch_after_hours=0, **kw))
    jobs.crawl_sources_into([Source(id="portal", name="Portal", base_url=site.base + "/", discovery=("robots", "sitemap"))],
                            db=db, settings=settings)


def _rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_query_urls_stay_two_articles_and_dropped_urls_say_why(tmp_path):
    listed = ["/index.php?berita-123", "/index.php?berita-124", "/berita/8812/judul", "/a/b/a/b/a/b/x",
              "/kalender/2999/01/acara"]
    pages = {"/robots.txt": "User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n", "/sitemap.xml": _sitemap(listed),
             "/index.php?berita-123": STORY.format(t="123"), "/index.php?berita-124": STORY.format(t="124"),
             "/berita/8812/judul": STORY.format(t="8812")}
    db = tmp_path / "w.duckdb"
    with StaticSite(pages) as site:
        _crawl(site, db)
    articles = {u.rsplit("/", 1)[1] for (u,) in _rows(db, "SELECT url FROM articles")}
    assert articles == {"index.php?berita-123", "index.php?berita-124", "judul"}
    dropped = dict(_rows(db, "SELECT regexp_replace(url, '^http://[^/]+', ''), error FROM pages WHERE outcome = 'skipped'"))
    assert set(dropped) == {"/a/b/a/b/a/b/x", "/kalender/2999/01/acara"}
    assert all(reason.startswith("trap: ") for reason in dropped.values())
    details = _rows(db, "SELECT details->'$.discovery.portal' FROM runs")[0][0]
    assert '"dropped:trap":2' in details.replace(" ", "")


def test_recheck_asks_a_story_that_left_the_sitemap_and_marks_it_gone(tmp_path):
    pages = {"/robots.txt": "User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
             "/sitemap.xml": _sitemap(["/berita/1", "/berita/2"]),
             "/berita/1": STORY.format(t="1"), "/berita/2": STORY.format(t="2")}
    db = tmp_path / "w.duckdb"
    with StaticSite(pages) as site:
        _crawl(site, db)
        pages["/sitemap.xml"] = _sitemap(["/berita/1"])          # the outlet removes story 2, from its sitemap too
        pages["/berita/2"] = Reply(410, "dihapus")
        _crawl(site, db)                                         # a routine run does not ask an unlisted URL
        routine = site.hits["/berita/2"]
        _crawl(site, db, recheck=True)
        assert site.hits["/berita/2"] == routine + 1
    assert _rows(db, "SELECT gone_status FROM articles WHERE url LIKE '%/berita/2'") == [(410,)]
    assert _rows(db, "SELECT gone_status FROM articles WHERE url LIKE '%/berita/1'") == [(None,)]
