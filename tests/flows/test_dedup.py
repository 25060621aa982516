"""Near-duplicate articles and cross-article boilerplate, through ingest into DuckDB."""

from flows import jobs, store
from flows.settings import PipelineSettings, Settings

STORY = [
    "Wali Kota Parepare, Taufan Pawe membuka resmi kegiatan Laboratorium Inovasi Pemerintah Kota Parepare 2022, "
    "yang berlangsung di Puslatbang Kajian Manajemen Pemerintahan LAN RI, Makassar, Rabu (6/7/2022).",
    "Di hadapan para ASN peserta Lab Inovasi, Taufan Pawe menitip beberapa pesan yang memotivasi para peserta "
    "untuk terus berinovasi dalam pelayanan publik yang prima bagi masyarakat Kota Parepare.",
    "Taufan menekankan, dalam upaya membangun inovasi, maka diperlukan percepatan reformasi birokrasi melalui "
    "perubahan mindset aparatur yang transformatif dan seleksi jabatan secara terbuka.",
]
SLOGAN = "Portal berita terpercaya dari Sulawesi Selatan untuk Indonesia, hadir setiap hari untuk pembaca setia."


def _page(url: str, date: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html><head><link rel="canonical" href="{url}"><meta property="article:published_time" '
            f'content="{date}"></head><body><article><h1>Judul</h1>{body}</article></body></html>')


def _settings() -> Settings:
    return Settings(pipeline=PipelineSettings(workers=1))


def _copies_ingested(tmp_path):
    """A story and its syndicated copy (published two days later, read first) ingested; a read-only connection."""
    (tmp_path / "late.html").write_text(_page("https://b.id/x", "2022-07-08", [*STORY, "Editor: Budi"]))
    (tmp_path / "early.html").write_text(_page("https://a.id/x", "2022-07-06", STORY))
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path], db=db, settings=_settings())
    return store.connect(db, read_only=True)


def test_syndicated_copy_points_to_the_earliest_article(tmp_path):
    con = _copies_ingested(tmp_path)
    rows = dict(con.execute("SELECT url, duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT url, article_id FROM articles").fetchall())
    stories = con.execute("SELECT count(*) FROM v_stories").fetchone()[0]
    con.close()
    assert rows == {"https://a.id/x": None, "https://b.id/x": ids["https://a.id/x"]}
    assert stories == 1


def test_paragraph_in_three_stories_of_a_source_is_boilerplate(tmp_path):
    bodies = ["Petani di Kabupaten Bone mulai menanam padi varietas baru setelah hujan turun merata sejak awal "
              "bulan, dan dinas pertanian membagikan benih serta pupuk kepada kelompok tani di sebelas kecamatan.",
              "Nelayan Kabupaten Barru menerima bantuan mesin perahu dari dinas perikanan; bantuan itu diharapkan "
              "menambah hasil tangkapan yang turun selama musim angin barat tahun lalu.",
              "Sekolah dasar di Kota Makassar menambah jam membaca setiap pagi, program yang menurut kepala dinas "
              "pendidikan sudah menaikkan nilai literasi murid kelas tiga."]
    for i, body in enumerate(bodies):
        paras = [body, SLOGAN]
        (tmp_path / f"{i}.html").write_text(_page(f"https://a.id/{i}", "2022-07-06", paras))
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path], db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    flagged = con.execute("SELECT count(*) FROM paragraphs WHERE is_boilerplate").fetchone()[0]
    leaked = con.execute("SELECT count(*) FROM articles WHERE text LIKE '%Portal berita terpercaya%'").fetchone()[0]
    con.close()
    assert (flagged, leaked) == (3, 0)


def test_pages_name_their_article_and_the_article_names_its_page(tmp_path):
    con = _copies_ingested(tmp_path)
    pages = dict(con.execute("SELECT url, article_id FROM pages").fetchall())
    articles = dict(con.execute("SELECT article_id, page_url FROM articles").fetchall())
    con.close()
    assert {articles[aid] for aid in pages.values()} == set(pages)
    assert all(articles[aid] == url for url, aid in pages.items())


def test_syndication_views_list_copies_and_who_copies_whom(tmp_path):
    con = _copies_ingested(tmp_path)
    copies = con.execute("SELECT url, is_original, copy_similarity IS NOT NULL FROM v_story_copies ORDER BY url").fetchall()
    synd = con.execute("SELECT stories_originated, stories_copied, copies_from FROM v_syndication").fetchall()
    con.close()
    assert copies == [("https://a.id/x", True, False), ("https://b.id/x", False, True)]
    assert synd == [(1, 1, ["local"])]
