import gzip

import pytest

from flows import jobs, store
from flows.settings import PipelineSettings, Settings

HTML = """<html><head><link rel="canonical" href="https://berita.example.id/{slug}/">
<meta property="article:published_time" content="2022-07-06"></head><body><article><h1>Judul {slug}</h1>
<p>Wali Kota Parepare, Taufan Pawe membuka resmi kegiatan Laboratorium Inovasi Pemerintah Kota Parepare 2022,
yang berlangsung di Puslatbang LAN RI, Makassar, Rabu (6/7/2022).</p>
<p>Berita ke {slug} memuat paragraf yang cukup panjang supaya ekstraksi trafilatura menganggapnya sebagai isi
artikel utama dan bukan sekadar menu navigasi atau iklan.</p></article></body></html>"""


def _settings() -> Settings:
    return Settings(pipeline=PipelineSettings(workers=1, batch_size=2))


def test_ingest_reads_html_gz_text_and_records_bad_files(tmp_path):
    (tmp_path / "a.html").write_text(HTML.format(slug="a"), encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.format(slug="b").encode("utf-8")))
    (tmp_path / "c.txt").write_text("Bupati Bone Andi Fahsar membuka workshop, Senin 16 Oktober 2017.\n" * 2,
                                    encoding="utf-8")
    (tmp_path / "broken.html").write_bytes(b"\x00\xff<html><body><p>")
    db = tmp_path / "w.duckdb"
    counts = jobs.ingest([tmp_path], db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    urls = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
    skipped = con.execute("SELECT count(*) FROM pages WHERE outcome = 'skipped'").fetchone()[0]
    con.close()
    assert counts.articles_new == 3
    assert urls[1:] == ["https://berita.example.id/a/", "https://berita.example.id/b/"]
    assert urls[0].startswith("file://") and urls[0].endswith("c.txt")
    assert skipped == 1


def test_ingest_twice_does_not_double(tmp_path):
    (tmp_path / "a.html").write_text(HTML.format(slug="a"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path], db=db, settings=_settings())
    again = jobs.ingest([tmp_path], db=db, settings=_settings())
    assert (again.articles_new, again.unchanged) == (0, 1)


def test_ingest_in_worker_processes(tmp_path):
    for i in range(6):
        (tmp_path / f"p{i}.html").write_text(HTML.format(slug=f"p{i}"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    counts = jobs.ingest([tmp_path], db=db, settings=Settings(pipeline=PipelineSettings(workers=2, batch_size=2)))
    assert counts.articles_new + counts.articles_updated == 6


def _warc(path, records) -> None:
    """A WARC file as other crawlers write them: response records with the body as the server sent it."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, payload, encoding in records:
            headers = [("Content-Type", "text/html; charset=utf-8")] + ([("Content-Encoding", encoding)] if encoding else [])
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))


def test_a_brotli_record_is_read_and_a_broken_one_is_one_error(tmp_path):
    import brotli
    page = lambda slug: HTML.format(slug=slug).replace("berita.example.id", "warc.example.id").encode()  # noqa: E731
    _warc(tmp_path / "crawl.warc.gz", [("https://warc.example.id/a/", page("a"), None),
                                        ("https://warc.example.id/b/", brotli.compress(page("b")), "br"),
                                        ("https://warc.example.id/c/", b"\x8b\x00 not brotli at all", "br"),
                                        ("https://warc.example.id/d/", page("d"), None)])
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path / "crawl.warc.gz"], db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    urls = sorted(r[0].rsplit("/", 2)[1] for r in con.execute("SELECT url FROM articles").fetchall())
    errors = con.execute("SELECT url, error FROM pages WHERE outcome = 'error'").fetchall()
    con.close()
    assert urls == ["a", "b", "d"]
    assert [(u, e.split(":")[0]) for u, e in errors] == [("https://warc.example.id/c/", "input")]


def test_an_ingested_database_exports_a_valid_data_package(tmp_path):
    from frictionless import Package

    from flows.export import export
    (tmp_path / "in").mkdir()
    for slug in ("a", "b"):
        (tmp_path / "in" / f"{slug}.html").write_text(HTML.format(slug=slug), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path / "in"], db=db, settings=_settings())
    for fmt in ("csv", "jsonl"):
        export(db, tmp_path / fmt, fmt)
        report = Package(str(tmp_path / fmt / "datapackage.json")).validate()
        assert report.valid, report.flatten(["title", "message"])[:5]


@pytest.mark.parametrize("order", [0, 1, 2])
def test_every_input_leaves_a_pages_row_whatever_the_order(tmp_path, order):
    """A page, an unreadable WARC, a WARC without responses, an unknown file and a good one: each is a pages row
    with its outcome (none dropped unrecorded), and the same rows in any order of the inputs."""
    (tmp_path / "a.html").write_text(HTML.format(slug="a"), encoding="utf-8")
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b not really gzip")
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.html").write_text(HTML.format(slug="b"), encoding="utf-8")
    names = ["a.html", "broken.warc.gz", "empty.warc", "notes.pdf", "b.html"]
    paths = [tmp_path / n for n in (names, names[::-1], names[2:] + names[:2])[order]]
    db = tmp_path / "w.duckdb"
    jobs.ingest(paths, db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    rows = sorted(con.execute("SELECT regexp_extract(url, '[^/]+$'), outcome, error IS NOT NULL FROM pages").fetchall())
    con.close()
    assert [r[0] for r in rows] == sorted(names)
    assert {r[0]: r[1] for r in rows}["a.html"] == "article" and all(r[2] for r in rows if r[1] != "article")
