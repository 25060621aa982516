"""Entity resolution in the database: one person across articles and spellings, tenures with their evidence, a
curator's veto obeyed by the next run, the same tables whatever order the articles arrive in."""

from __future__ import annotations

import pytest

from flows import jobs, store
from flows.errors import ConfigError
from flows.resolve import load_curation
from flows.settings import PipelineSettings, Settings

ARTICLES = {
    "a.txt": 'Wali Kota Makassar, Moh. Ramdhan "Danny" Pomanto meluncurkan inovasi Lorong Wisata di Kota Makassar, '
             "Senin (6 Maret 2023). Inovasi ini mengubah lorong warga menjadi tempat wisata yang bersih dan hijau.\n"
             "Menurut Danny, inovasi SIGAP (Sistem Informasi Gawat Darurat Terpadu) akan diperluas tahun ini.\n",
    "b.txt": "Wali Kota Makassar Danny Pomanto meninjau program Lorong Wisata di Kecamatan Tamalate, Kamis 14 September "
             "2023. Ia meminta camat memastikan setiap lorong terawat dengan baik.\n"
             "Inovasi Sigap kini melayani warga selama 24 jam, kata Danny kepada wartawan.\n",
    "c.txt": "Walikota Makassar, Mohammad Ramdhan Pomanto menerima kunjungan Bupati Gowa Adnan Purichta Ichsan di Balai "
             "Kota Makassar, Rabu 4 Oktober 2023. Keduanya membahas inovasi pelayanan publik di kedua daerah.\n",
}
SETTINGS = Settings(pipeline=PipelineSettings(workers=1, batch_size=2))


def _ingest(tmp_path, db, order):
    for name in order:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLES[name], encoding="utf-8")
        jobs.ingest([path], db=db, settings=SETTINGS)


def _query(db, sql):
    con = store.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_one_person_across_spellings_with_tenures_links_and_untouched_mentions(tmp_path):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, ["a.txt", "b.txt", "c.txt"])
    persons = _query(db, "SELECT name, variants, stories FROM v_persons ORDER BY name")
    assert persons == [("Adnan Purichta Ichsan", ["Adnan Purichta Ichsan"], 1),
                       ("Moh. Ramdhan Danny Pomanto", ["Danny Pomanto", "Moh. Ramdhan Danny Pomanto",
                                                       "Mohammad Ramdhan Pomanto"], 3)]
    tenures = _query(db, "SELECT name, post, region, first_seen::VARCHAR, last_seen::VARCHAR, len(articles) "
                         "FROM v_tenures ORDER BY name")
    assert tenures == [("Adnan Purichta Ichsan", "bupati", "Kabupaten Gowa", "2023-10-04", "2023-10-04", 1),
                       ("Moh. Ramdhan Danny Pomanto", "wali kota", "Kota Makassar", "2023-03-06", "2023-10-04", 3)]
    rules = {r[0] for r in _query(db, "SELECT rule FROM entity_links WHERE kind = 'person'")}
    assert rules <= {"short form", "folded", "nickname", "initials", "spelling"} and rules
    assert _query(db, "SELECT count(*) FROM official_mentions")[0][0] == 4      # mentions stay as written
    assert sorted(r[0] for r in _query(db, "SELECT name FROM official_mentions m JOIN officials USING (official_id)")) == [
        "Adnan Purichta Ichsan", "Danny Pomanto", "Moh. Ramdhan Danny Pomanto", "Mohammad Ramdhan Pomanto"]
    sigap = _query(db, "SELECT name, names, expansion FROM v_innovations WHERE list_contains(names, 'SIGAP')")
    assert sigap == [("SIGAP", ["SIGAP", "Sigap"], "Sistem Informasi Gawat Darurat Terpadu")]


def test_the_tables_are_the_same_whatever_order_the_articles_arrive_in(tmp_path):
    one, two = tmp_path / "one" / "w.duckdb", tmp_path / "two" / "w.duckdb"
    _ingest(tmp_path / "one", one, ["a.txt", "b.txt", "c.txt"])
    _ingest(tmp_path / "two", two, ["c.txt", "b.txt", "a.txt"])
    for sql in ("SELECT person_id, name FROM persons ORDER BY ALL",
                "SELECT name, person_id FROM official_persons JOIN officials USING (official_id) ORDER BY ALL",
                "SELECT entity_id, name FROM innovation_entities ORDER BY ALL",
                "SELECT kind, name_a, name_b, rule FROM entity_links ORDER BY ALL"):
        assert _query(one, sql) == _query(two, sql), sql


def test_a_curators_veto_is_obeyed_by_the_next_run(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    _ingest(tmp_path, db, ["a.txt", "b.txt"])
    assert _query(db, "SELECT count(*) FROM persons")[0][0] == 1
    curation = tmp_path / "home" / "data" / "curation"
    curation.mkdir(parents=True)
    (curation / "not_same.tsv").write_text("person\tDanny Pomanto\tMoh. Ramdhan Danny Pomanto\n", encoding="utf-8")
    monkeypatch.setenv("WARTA_HOME", str(tmp_path / "home"))
    _ingest(tmp_path, db, ["b.txt"])
    assert _query(db, "SELECT count(*) FROM persons")[0][0] == 2
    assert _query(db, "SELECT count(*) FROM entity_links WHERE kind = 'person'")[0][0] == 0


def test_a_garbled_curation_file_is_refused_with_its_row(tmp_path):
    (tmp_path / "same.tsv").write_text("persn\tA\tB\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="row 1"):
        load_curation(tmp_path)
