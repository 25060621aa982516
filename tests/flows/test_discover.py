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
    from flows.page import article_id
    assert len({article_id(clean_url(u)) for u in urls}) == 1


def test_a_query_without_a_value_is_its_own_page():
    urls = [clean_url(u) for u in ("https://a.id/index.php?berita-123", "https://a.id/index.php?berita-124")]
    assert urls == ["https://a.id/index.php?berita-123", "https://a.id/index.php?berita-124"]


def test_cleaning_keeps_the_query_as_written_but_its_trackers():
    assert clean_url("HTTPS://A.id:443/cari?q=a%20b&z=1&a=&utm_medium=x&fbclid=y#top") == "https://a.id/cari?q=a%20b&z=1&a="


def test_a_feed_date_in_another_language_is_read():
    body = (b"<rss><channel><item><link>https://a.id/b</link><pubDate>mer, 16 nov 2022 10:00:00 +0100</pubDate>"
            b"</item></channel></rss>")
    assert [f.lastmod for f in parse_feed(body, "https://a.id/")] == ["2022-11-16T09:00:00"]


def test_a_text_sitemap_lists_one_url_a_line():
    body = "\ufeffhttps://a.id/berita/1\r\nhttps://a.id/berita/2?utm_source=x\n\n".encode()
    assert [f.url for f in parse_sitemap(body, "https://a.id/sitemap.txt")] == ["https://a.id/berita/1", "https://a.id/berita/2"]


def test_a_feed_in_place_of_a_sitemap_gives_its_entries():
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title>'
            b'<link rel="alternate" href="https://a.id/berita/3"/><updated>2024-01-02T03:04:05Z</updated></entry></feed>')
    found = [(f.url, f.lastmod) for f in parse_sitemap(atom, "https://a.id/")]
    assert found == [("https://a.id/berita/3", "2024-01-02T03:04:05")]


def test_an_error_page_served_as_a_sitemap_gives_nothing():
    assert parse_sitemap(b"<html><body><h1>404 Not Found</h1>https://a.id/x</body></html>", "https://a.id/") == []
