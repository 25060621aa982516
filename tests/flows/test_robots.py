"""robots.txt as RFC 9309 and Google's reference parser read it (flows/robots.py over protego)."""

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows import jobs
from flows.robots import Robots, product_token
from flows.settings import CrawlSettings, Settings, Source
from tests.flows.fault_site import StaticSite

UA = "warta/0.5 (+https://github.com/warta-id/warta; news research crawler)"


@pytest.mark.parametrize("robots,path,allowed", [
    ("\ufeffUser-agent: *\nDisallow: /private\n", "/private/x", False),                    # a byte-order mark
    ("User-agent: other\nNoindex: /x\nUser-agent: warta\nDisallow: /b\n", "/b", False),   # §2.2.4: ignored line
    ("User-agent: *\nSomething-else: 1\nDisallow: /b\n", "/b", False),
    ("User-agent: crawler\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/berita/1", True),  # product token only
    ("User-agent: research\nDisallow: /\n", "/berita/1", True),
    ("User-agent: WARTA\nDisallow: /berita/\n", "/berita/1", False),                       # case-insensitive
    ("User-agent: warta/2.0\nDisallow: /berita/\n", "/berita/1", False),                   # the value's token
    ("User-agent: wart\nDisallow: /\n", "/berita/1", True),                                # a prefix is not it
    ("User-agent: *\nDisallow: /index.php\nAllow: /index.php?berita-\n", "/index.php?berita-123", True),
    ("User-agent: *\nDisallow: /index.php\nAllow: /index.php?berita-\n", "/index.php?galeri-9", False),
    ("User-agent: *\nDisallow: /cari?q=a%20b\n", "/cari?q=a%20b", False),                 # as written
    ("User-agent: warta\nAllow: /\n\nUser-agent: *\nDisallow: /\n", "/berita/1", True),    # own group wins
    ("User-agent: *\nDisallow: /\n", "/robots.txt", True),                                 # §2.2.2
])
def test_rules_follow_rfc9309(robots, path, allowed):
    assert Robots.parse(robots, UA).can_fetch("https://a.id" + path) is allowed


def test_a_group_foo_is_not_the_group_of_foobot():
    rules = "User-agent: Foo\nDisallow: /\n"
    assert Robots.parse(rules, "FooBot/1.0").can_fetch("https://a.id/x")
    assert not Robots.parse(rules, "Foo/1.0 (FooBot compatible)").can_fetch("https://a.id/x")


def test_the_product_token_is_the_user_agent_name():
    assert product_token(UA) == "warta"


def test_crawl_delay_and_sitemaps_survive_the_rewrite():
    r = Robots.parse("\ufeffUser-agent: warta\nCrawl-delay: 3\nSitemap: https://a.id/s.xml\n", UA)
    assert (r.crawl_delay(), r.sitemaps) == (3.0, ["https://a.id/s.xml"])


@given(st.text(max_size=400))
def test_any_text_parses(text):
    Robots.parse(text, UA).can_fetch("https://a.id/x")


def test_a_crawl_never_fetches_what_a_bom_robots_txt_forbids(tmp_path):
    page = "<html><body><article><h1>Judul</h1><p>{text}</p></article></body></html>"
    body = ("Bupati Barru membuka rapat koordinasi inovasi daerah di aula kantor bupati, Senin (6/3/2023), "
            "yang diikuti para kepala perangkat daerah dan camat se-Kabupaten Barru.")
    site_pages = {"/robots.txt": "\ufeffUser-agent: *\nDisallow: /rahasia/\nSitemap: {base}/sitemap.xml\n",
                  "/sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  "<url><loc>{base}/rahasia/1</loc></url><url><loc>{base}/berita/1</loc></url></urlset>",
                  "/rahasia/1": page.format(text=body), "/berita/1": page.format(text=body)}
    db = tmp_path / "w.duckdb"
    with StaticSite(site_pages) as site:
        jobs.crawl_sources_into([Source(id="s", name="S", base_url=site.base + "/", discovery=("robots",))], db=db,
                                settings=Settings(crawl=CrawlSettings(allow_private=True, delay_s=0)))
        hits = dict(site.hits)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT url, error FROM pages WHERE url LIKE '%/1'").fetchall())
    con.close()
    assert "/rahasia/1" not in hits and hits["/berita/1"] == 1
    assert rows[site.base + "/rahasia/1"].startswith("robots: ")
