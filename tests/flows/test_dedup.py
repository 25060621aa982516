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


def test_syndicated_copy_points_to_the_earliest_article(tmp_path):
    (tmp_path / "late.html").write_text(_page("https://b.id/x", "2022-07-08", [*STORY, "Editor: Budi"]))
    (tmp_path / "early.html").write_text(_page("https://a.id/x", "2022-07-06", STORY))
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path], db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    rows = dict(con.execute("SELECT url, duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT url, article_id FROM articles").fetchall())
    stories = con.execute("SELECT count(*) FROM v_stories").fetchone()[0]
    con.close()
    assert rows == {"https://a.id/x": None, "https://b.id/x": ids["https://a.id/x"]}
    assert stories == 1


def test_paragraph_in_three_stories_of_a_source_is_boilerplate(tmp_path):
    topics = ["pertanian di Kabupaten Bone", "perikanan di Kabupaten Barru", "pendidikan di Kota Makassar"]
    for i, topic in enumerate(topics):
        paras = [f"Berita {i} tentang {topic} yang disampaikan oleh pejabat setempat kepada wartawan hari ini "
                 f"dengan rincian program yang berbeda-beda sesuai kebutuhan daerah nomor {i}.", SLOGAN]
        (tmp_path / f"{i}.html").write_text(_page(f"https://a.id/{i}", "2022-07-06", paras))
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path], db=db, settings=_settings())
    con = store.connect(db, read_only=True)
    flagged = con.execute("SELECT count(*) FROM paragraphs WHERE is_boilerplate").fetchone()[0]
    leaked = con.execute("SELECT count(*) FROM articles WHERE text LIKE '%Portal berita terpercaya%'").fetchone()[0]
    con.close()
    assert (flagged, leaked) == (3, 0)
