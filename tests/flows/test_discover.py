from hypothesis import given
from hypothesis import strategies as st

from flows.discover import clean_url, parse_feed, parse_sitemap


def test_sitemap_urls_lose_tracking_parameters():
    body = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.id/x/?utm_source=y&amp;p=2</loc><lastmod>2024-01-02</lastmod></url></urlset>'
    (f,) = parse_sitemap(body, "https://a.id/")
    assert (f.url, f.lastmod) == ("https://a.id/x/?p=2", "2024-01-02")


def test_sitemap_index_children_are_sitemaps():
    body = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.id/s1.xml.gz</loc></sitemap></sitemapindex>'
    assert [f.kind for f in parse_sitemap(body, "https://a.id/")] == ["sitemap"]


def test_feed_items_are_links():
    body = b"<rss><channel><item><link>https://a.id/b</link></item></channel></rss>"
    assert [f.url for f in parse_feed(body, "https://a.id/")] == ["https://a.id/b"]


def test_non_http_urls_are_dropped():
    assert clean_url("javascript:alert(1)") is None


@given(st.binary(max_size=500))
def test_parsers_never_raise_on_any_bytes(body):
    parse_sitemap(body, "https://a.id/")
    parse_feed(body, "https://a.id/")


def test_amp_print_and_session_twins_share_one_url():
    urls = ["https://a.id/berita/x/amp/", "https://a.id/berita/x/print", "https://a.id/berita/x/?amp=1",
            "https://A.id/berita/x/?utm_source=fb&PHPSESSID=1"]
    from flows.pipeline import article_id
    assert len({article_id(clean_url(u)) for u in urls}) == 1
