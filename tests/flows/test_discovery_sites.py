"""Discovery on loopback sites built like real regional outlets: WordPress date paths, Atom feeds with
comment-feed links, RSS with RFC 822 dates and guid permalinks, robots.txt behind a redirect, robots
failures (RFC 9309), long Retry-After pauses, sitemap indexes read newest first."""

from __future__ import annotations

import io
from datetime import date

import pytest
from warcio.warcwriter import WARCWriter

from flows import crawl, jobs, store
from flows.discover import parse_feed, parse_sitemap, trap_reason
from flows.settings import CrawlSettings, Settings, Source
from flows.sites import site_of
from tests.flows.fault_site import Reply, StaticSite


def _settings(**kw) -> Settings:
    return Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0, read_timeout_s=1, connect_timeout_s=1,
                                        total_timeout_s=3, **kw))


def _article(title: str, day: str) -> str:
    return (f"<html><head><title>{title}</title><meta property='article:published_time' content='{day}'></head><body>"
            f"<article><h1>{title}</h1><p>Pemerintah daerah menyampaikan kabar tentang {title} kepada warga pada hari "
            f"itu, dengan penjelasan panjang dari kepala dinas tentang jadwal dan tempat kegiatan.</p>"
            f"<p>Berita {title} ini ditulis cukup panjang supaya dikenali sebagai isi utama halaman.</p></article>"
            "</body></html>")


ATOM = """<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"
 xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Outlet</title>
<entry><title>Tahun baru</title><link rel="alternate" type="text/html" href="{base}/2023/01/01/tahun-baru/"/>
 <link rel="replies" type="application/atom+xml" href="{base}/2023/01/01/tahun-baru/feed/atom/" thr:count="2"/>
 <id>{base}/?p=11</id><published>2023-01-01T10:00:00+08:00</published><updated>2023-01-01T10:00:00+08:00</updated></entry>
<entry><title>Lima lima</title><link rel="alternate" type="text/html" href="{base}/2023/05/05/lima-lima/"/>
 <link rel="replies" type="text/html" href="{base}/2023/05/05/lima-lima/#comments"/>
 <link rel="replies" type="application/atom+xml" href="{base}/2023/05/05/lima-lima/feed/atom/"/>
 <id>{base}/?p=15</id><published>2023-05-05T09:00:00+08:00</published></entry>
<entry><title>Rahasia</title><link rel="alternate" href="{base}/rahasia/2023/03/03/x/"/>
 <published>2023-03-03T09:00:00+08:00</published></entry>
</feed>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
<item><title>Dua dua</title><guid isPermaLink="true">{base}/2023/02/02/dua-dua/</guid>
 <pubDate>Thu, 02 Feb 2023 10:00:00 +0800</pubDate></item>
<item><title>Akhir tahun</title><link>{base}/2022/12/31/akhir-tahun/</link>
 <pubDate>Sat, 31 Dec 2022 20:00:00 +0800</pubDate></item>
<item><title>Lama</title><link>{base}/2022/06/06/lama/</link><pubDate>Mon, 06 Jun 2022 10:00:00 +0700</pubDate></item>
</channel></rss>"""

HOME = ('<html><head><link rel="alternate" type="application/atom+xml" href="/feed/atom/">'
        '<link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>Outlet</body></html>')

OUTLET = {
    "/": HOME,
    "/robots.txt": Reply(301, "", {"Location": "{base}/robots-baru.txt"}),
    "/robots-baru.txt": "User-agent: *\nDisallow: /rahasia/\n",
    "/feed/atom/": ATOM,
    "/feed/": RSS,
    "/2023/01/01/tahun-baru/": _article("Tahun baru", "2023-01-01"),
    "/2023/02/02/dua-dua/": _article("Dua dua", "2023-02-02"),
    "/2023/05/05/lima-lima/": _article("Lima lima", "2023-05-05"),
    "/2022/12/31/akhir-tahun/": _article("Akhir tahun", "2022-12-31"),
    "/2022/06/06/lama/": _article("Lama", "2022-06-06"),
    "/rahasia/2023/03/03/x/": _article("Rahasia", "2023-03-03"),
}


def _source(base: str, **kw) -> Source:
    return Source(id="outlet", name="Outlet", base_url=base + "/", discovery=kw.pop("discovery", ("robots", "feed")), **kw)


def test_feed_only_outlet_since_a_day_yields_exactly_its_articles(tmp_path):
    db = tmp_path / "w.duckdb"
    with StaticSite(OUTLET) as site:
        jobs.crawl_sources_into([_source(site.base)], db=db, settings=_settings(since=date(2023, 1, 1)))
        hits = dict(site.hits)
    con = store.connect(db, read_only=True)
    urls = {u.split("/", 3)[3] for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    con.close()
    assert urls == {"2023/01/01/tahun-baru/", "2023/02/02/dua-dua/", "2023/05/05/lima-lima/"}
    assert not [p for p in hits if p.endswith("/feed/atom/") and p != "/feed/atom/"]     # no comment feed
    assert not [p for p in hits if p.startswith(("/rahasia/", "/2022/"))]
    assert hits["/robots-baru.txt"] == 1


@pytest.mark.parametrize("status,fetched", [(503, 0), (404, 3)])
def test_robots_failure_disallows_all_and_a_missing_robots_allows_all(tmp_path, status, fetched):
    pages = {**OUTLET, "/robots.txt": Reply(status, "")}
    pages.pop("/rahasia/2023/03/03/x/")
    db = tmp_path / "w.duckdb"
    with StaticSite(pages) as site:
        counts = jobs.crawl_sources_into([_source(site.base)], db=db, settings=_settings(since=date(2023, 1, 1)))
    con = store.connect(db, read_only=True)
    details = con.execute("SELECT details FROM runs").fetchone()[0]
    con.close()
    assert counts.articles_new == fetched
    assert ("unavailable: status 503" if status == 503 else "missing: status 404") in details


def test_long_retry_after_pauses_that_host_and_the_others_go_on(tmp_path):
    slow = {**OUTLET, "/2023/05/05/lima-lima/": Reply(503, "", {"Retry-After": "120"})}
    db = tmp_path / "w.duckdb"
    with StaticSite(slow) as a, StaticSite(OUTLET) as b:
        sources = [_source(a.base), Source(id="other", name="Other", base_url=b.base + "/", discovery=("robots", "feed"))]
        jobs.crawl_sources_into(sources, db=db, settings=_settings(since=date(2023, 1, 1)))
        a_hits = dict(a.hits)
    con = store.connect(db, read_only=True)
    per_source = dict(con.execute("SELECT source, count(*) FROM articles GROUP BY 1").fetchall())
    paused = con.execute("SELECT count(*) FROM pages WHERE error LIKE 'paused:%'").fetchone()[0]
    details = con.execute("SELECT details FROM runs").fetchone()[0]
    con.close()
    assert a_hits["/2023/05/05/lima-lima/"] == 1           # asked once, not retried within the run
    assert per_source["other"] == 3 and paused >= 1
    assert '"paused_s": {"outlet": 120.0}' in details


def test_sitemap_index_children_are_read_newest_first(tmp_path, monkeypatch):
    monkeypatch.setattr(crawl, "MAX_SITEMAPS", 2)
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             + "".join(f"<sitemap><loc>{{base}}/sm-{m}.xml</loc><lastmod>2023-{m:02d}-28</lastmod></sitemap>"
                       for m in (1, 5, 3)) + "</sitemapindex>")
    pages = {"/robots.txt": "Sitemap: {base}/sitemap_index.xml\n", "/sitemap_index.xml": index,
             **{f"/sm-{m}.xml": f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{base}}'
                                f'/2023/{m:02d}/0{m}/berita-{m}/</loc></url></urlset>' for m in (1, 5, 3)}}
    with StaticSite(pages) as site:
        jobs.crawl_sources_into([_source(site.base, discovery=("robots", "sitemap"))], db=tmp_path / "w.duckdb",
                                settings=_settings())
        hits = dict(site.hits)
    assert "/sm-5.xml" in hits and "/sm-1.xml" not in hits and "/sm-3.xml" not in hits


def test_warc_backfill_keeps_each_records_outlet(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url in ("https://sulselekspres.com/2023/01/01/berita-a/", "https://www.kabar-desa.desa.id/2023/02/02/b/"):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _article(url[-12:], "2023-01-01").encode()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(http),
                                                      length=len(http)))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "backfill.warc.gz").write_bytes(buf.getvalue())
    jobs.ingest([tmp_path / "in"], db=tmp_path / "w.duckdb", settings=_settings())
    con = store.connect(tmp_path / "w.duckdb", read_only=True)
    sources = dict(con.execute("SELECT url, source FROM articles").fetchall())
    con.close()
    assert sorted(sources.values()) == ["kabar-desa.desa.id", "sulselekspres"]


@pytest.mark.parametrize("url,trap", [
    ("https://a.id/2023/01/01/tahun-baru/", False),
    ("https://a.id/2024/05/05/slug/", False),
    ("https://a.id/2012/12/12/slug/", False),
    ("https://a.id/berita/daerah/berita/daerah/berita/", True),
    ("https://a.id/tag/a/tag/a/", True),
    ("https://a.id/x/x/x/", True),
    ("https://a.id/cari?a=1&b=2&c=3&d=4&e=5&f=6&g=7", True),
    ("https://a.id/kalender/2999/01/", True),
    ("https://a.id/kategori/daerah/page/5000/", True),
    ("https://a.id/" + "/".join(f"s{i}" for i in range(14)), True),
    ("https://a.id/berita/8812/judul-berita", False),          # an id, not a year
    ("https://a.id/log/0042/", False),
    ("https://a.id/arsip/2999-01-05/judul", True),
    ("https://a.id/1890/07/judul", True),
])
def test_traps_are_told_from_date_paths(url, trap):
    assert (trap_reason(url) is not None) is trap


@pytest.mark.parametrize("host,site", [
    ("desa-a.desa.id", "desa-a.desa.id"), ("sman1-makassar.sch.id", "sman1-makassar.sch.id"),
    ("bapelitbangda.bonekab.go.id", "bonekab.go.id"), ("inovasi.blogspot.com", "inovasi.blogspot.com"),
    ("makassar.tribunnews.com", "tribunnews.com"), ("127.0.0.1", "127.0.0.1"),
])
def test_site_is_the_registrable_domain_by_the_public_suffix_list(host, site):
    assert site_of(host) == site


def test_atom_entry_link_is_the_article_not_its_comment_feed():
    found = parse_feed(ATOM.replace("{base}", "https://a.id").encode(), "https://a.id/feed/atom/")
    assert [f.url for f in found][:2] == ["https://a.id/2023/01/01/tahun-baru/", "https://a.id/2023/05/05/lima-lima/"]
    assert found[0].lastmod == "2023-01-01T02:00:00"


def test_rss_guid_permalink_and_rfc822_dates_in_utc():
    found = parse_feed(RSS.replace("{base}", "https://a.id").encode(), "https://a.id/feed/")
    assert [(f.url, f.lastmod) for f in found][:1] == [("https://a.id/2023/02/02/dua-dua/", "2023-02-02T02:00:00")]
    assert found[2].lastmod == "2022-06-06T03:00:00"


def test_news_sitemap_publication_date_wins_over_lastmod():
    body = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.id/x/</loc>'
            b"<lastmod>2024-03-01T00:00:00Z</lastmod><news:news><news:publication_date>2023-01-05T08:00:00+08:00"
            b"</news:publication_date></news:news></url></urlset>")
    assert parse_sitemap(body, "https://a.id/")[0].lastmod == "2023-01-05T00:00:00"
