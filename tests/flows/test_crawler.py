"""The crawler against a loopback site full of traps: every fault is recorded, nothing crashes the run."""

import pytest

from flows import jobs, store
from flows.settings import CrawlSettings, Settings
from tests.flows.fault_site import FaultSite, StaticSite


def _settings(refetch_after_hours: float = 0.0) -> Settings:
    return Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0, read_timeout_s=0.5, connect_timeout_s=1,
                                        total_timeout_s=2, max_bytes=1_000_000, refetch_after_hours=refetch_after_hours))


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "w.duckdb"
    with FaultSite(articles=5) as site:
        first = jobs.crawl_sources_into(jobs.sources_from_urls([site.base + "/"]), db=db, settings=_settings())
        site.add_article()
        second = jobs.crawl_sources_into(jobs.sources_from_urls([site.base + "/"]), db=db, settings=_settings())
        hits = dict(site.hits)
    con = store.connect(db, read_only=True)
    pages = con.execute("SELECT regexp_replace(url, '^https?://[^/]+', ''), outcome, error FROM pages").fetchall()
    articles = con.execute("SELECT url, text FROM articles").fetchall()
    con.close()
    return {"first": first, "second": second, "hits": hits, "articles": articles,
            "outcomes": {p: (o, e or "") for p, o, e in pages}}


def _outcome(crawled, path):
    return crawled["outcomes"][path]


def test_each_article_lands_exactly_once_across_two_runs(crawled):
    urls = [u for u, _ in crawled["articles"]]
    assert len(urls) == len(set(urls))
    assert sum("/berita/" in u for u in urls) == 6


def test_second_run_adds_only_the_new_article_and_sends_conditional_gets(crawled):
    assert crawled["second"].articles_new == 1
    assert crawled["second"].not_modified >= 5


@pytest.mark.parametrize(("path", "outcome", "reason"), [
    ("/private/secret", "skipped", "robots"),
    ("/file.pdf", "skipped", "not-html"),
    ("/bomb", "skipped", "too-large"),
    ("/loop", "skipped", "redirect"),
    ("/away", "skipped", "redirect"),
    ("/hang", "error", "fetch"),
    ("/drop", "error", "fetch"),
    ("/503", "error", "http: status 503"),
    ("/missing", "error", "http: status 404"),
])
def test_fault_is_recorded_with_its_reason(crawled, path, outcome, reason):
    got_outcome, got_reason = _outcome(crawled, path)
    assert got_outcome == outcome and got_reason.startswith(reason)


def test_503_storm_is_retried_three_times_then_given_up(crawled):
    assert crawled["hits"]["/503"] == 3 * 2     # three attempts in each of the two runs


def test_429_honours_retry_after_and_succeeds(crawled):
    assert _outcome(crawled, "/429-once")[0] in ("article", "unchanged")


def test_tracking_parameters_and_amp_twin_resolve_to_the_canonical_url(crawled):
    urls = [u for u, _ in crawled["articles"]]
    assert not any("utm_" in u or "/amp" in u for u in urls)


def test_lying_charset_header_gives_no_mojibake(crawled):
    text = next(t for u, t in crawled["articles"] if u.endswith("/latin1"))
    assert "Ketenagakerjaan – dihadiri" in text and "â€" not in text


def test_robots_disallowed_page_is_never_requested(crawled):
    assert "/private/secret" not in crawled["hits"]


def _article(slug: str, amp: bool = False) -> str:
    body = (f"<p>Bupati Takalar membuka Sosialisasi Inovasi {slug} di Aula Kantor Bupati, Selasa (9/10/2018). "
            "Kegiatan ini diikuti perangkat daerah dan unit kerja lingkup Pemkab Takalar yang berjumlah banyak.</p>"
            f"<p>Berita {slug} ditulis panjang supaya trafilatura mengenalinya sebagai isi artikel utama halaman.</p>")
    return f"<html><head><title>{slug}</title></head><body><article><h1>{slug}</h1>{body}</article></body></html>"


def test_site_without_sitemap_or_feed_is_crawled_through_listing_pages(tmp_path):
    slugs = [f"inovasi-pelayanan-publik-takalar-nomor-{i}" for i in range(4)]
    pages = {
        "/": '<a href="/kategori/daerah/">Daerah</a> <a href="/tentang/">Tentang</a>',
        "/kategori/daerah/": f'<a href="/2018/10/{slugs[0]}/">a</a> <a href="/2018/10/{slugs[1]}/amp/">b</a>'
                             '<a href="/kategori/daerah/page/2/">2</a>',
        "/kategori/daerah/page/2/": f'<a href="/2018/10/{slugs[2]}/?utm_source=x">c</a>'
                                    f'<a href="/2018/10/{slugs[3]}/">d</a><a href="/2018/10/{slugs[1]}/">b</a>',
        "/tentang/": "<p>Tentang kami</p>",
        **{f"/2018/10/{s}/": _article(s) for s in slugs},
        **{f"/2018/10/{s}": _article(s) for s in slugs},
    }
    db = tmp_path / "w.duckdb"
    with StaticSite(pages) as site:
        counts = jobs.crawl_sources_into(jobs.sources_from_urls([site.base + "/"]), db=db, settings=_settings())
    assert counts.articles_new == 4


def test_restarted_run_does_not_request_recently_fetched_pages_again(tmp_path):
    db = tmp_path / "w.duckdb"
    with FaultSite(articles=3) as site:
        sources = jobs.sources_from_urls([site.base + "/"])
        jobs.crawl_sources_into(sources, db=db, settings=_settings(refetch_after_hours=1))
        before = site.hits.get("/berita/2/", 0)
        again = jobs.crawl_sources_into(sources, db=db, settings=_settings(refetch_after_hours=1))
        after = site.hits.get("/berita/2/", 0)
    assert (before, after, again.articles_new) == (1, 1, 0)
