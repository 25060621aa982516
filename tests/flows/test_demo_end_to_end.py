"""The demo site crawled through the real code path into a temporary database."""

from flows import jobs, store
from flows.settings import CrawlSettings, Settings


def _settings() -> Settings:
    return Settings(crawl=CrawlSettings(allow_private=True, delay_s=0.0))


def test_demo_crawl_loads_articles_and_facts(tmp_path, demo_site):
    db = tmp_path / "w.duckdb"
    counts = jobs.crawl_sources_into(jobs.sources_from_urls([demo_site + "/"]), db=db, settings=_settings())
    assert counts.articles_new == 5
    con = store.connect(db, read_only=True)
    innovations = dict(con.execute("SELECT name, expansion FROM innovations").fetchall())
    officials = {r[0] for r in con.execute("SELECT name FROM officials").fetchall()}
    texts = " ".join(r[0] for r in con.execute("SELECT text FROM articles").fetchall())
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    con.close()
    assert innovations["BUAH SABAR"] == "Pembuangan Limbah Sederhana dan Bermanfaat"
    assert "PAPA SEHAT" in innovations
    assert "Taufan Pawe" in officials
    assert "Advertisement" not in texts and "Baca juga" not in texts
    assert not any("utm_" in u for u in urls)


def test_second_crawl_stores_each_article_once(tmp_path, demo_site):
    db = tmp_path / "w.duckdb"
    sources = jobs.sources_from_urls([demo_site + "/"])
    jobs.crawl_sources_into(sources, db=db, settings=_settings())
    again = jobs.crawl_sources_into(sources, db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
    con.close()
    assert (n, again.articles_new) == (5, 0)


def test_reextract_rebuilds_articles_from_warc_without_network(tmp_path):
    from flows.demo import serve_directory
    db = tmp_path / "w.duckdb"
    settings = _settings().model_copy(update={"store": _settings().store.model_copy(update={"warc_dir": tmp_path / "warc"})})
    with serve_directory() as base:
        jobs.crawl_sources_into(jobs.sources_from_urls([base + "/"]), db=db, settings=settings)
    con = store.connect(db, read_only=True)
    before = con.execute("SELECT url, text FROM articles ORDER BY url").fetchall()
    con.close()
    counts = jobs.reextract(db=db, settings=settings)      # the site is gone: everything comes from the WARC
    con = store.connect(db, read_only=True)
    after = con.execute("SELECT url, text FROM articles ORDER BY url").fetchall()
    con.close()
    assert counts.articles_updated == 5 and after == before
