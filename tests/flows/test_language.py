"""Facts only from Indonesian text, through ingest and extract; a page's declared language is a hint."""

import json

from flows import jobs, store
from flows.local import extract
from flows.settings import PipelineSettings, Settings

ID_BODY = ("<p>Bupati Ende Djafar Achmad meluncurkan inovasi Layanan Antar Dokumen (LANTAN) di Aula Kantor Bupati "
           "Ende, Senin (6/3/2023). Kegiatan peluncuran ini diikuti oleh perangkat daerah dan para camat.</p>"
           "<p>Menurut bupati, inovasi tersebut memudahkan warga yang tinggal jauh dari pusat kota untuk mengurus "
           "dokumen kependudukan tanpa harus datang ke kantor dinas.</p>")
EN_BODY = ("<p>The Metro Festival in Ende drew thousands of visitors on Monday, March 6, 2023, organisers said. "
           "The Launching of the new Oxy Pure program by Governor Smith was attended by the Minister.</p>"
           "<p>Visitors praised the FHIR based service and the IoT stands, while the city council discussed "
           "the budget for next year's edition of the event.</p>")


def _page(lang: str, body: str) -> str:
    return f'<html lang="{lang}"><head><title>t</title></head><body><article><h1>Judul</h1>{body}</article></body></html>'


def test_mislabelled_pages_get_facts_by_their_text_not_their_label(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "id-labelled-en.html").write_text(_page("en", ID_BODY))
    (tmp_path / "in" / "en-labelled-id.html").write_text(_page("id", EN_BODY))
    (tmp_path / "in" / "en-unlabelled.html").write_text(_page("", EN_BODY.replace("Metro", "Metropolitan")))
    db = tmp_path / "w.duckdb"
    jobs.ingest([tmp_path / "in"], db=db, settings=Settings(pipeline=PipelineSettings(workers=1)))
    con = store.connect(db, read_only=True)
    arts = {p.rsplit("/", 1)[1]: (lang, declared, skipped) for p, lang, declared, skipped in con.execute(
        "SELECT page_url, language, language_declared, facts_skipped FROM articles").fetchall()}
    facts = dict(con.execute("""SELECT a.page_url, count(*) FROM articles a JOIN (
        SELECT article_id FROM innovation_mentions UNION ALL SELECT article_id FROM events
        UNION ALL SELECT article_id FROM region_mentions UNION ALL SELECT article_id FROM date_mentions) f
        USING (article_id) GROUP BY 1""").fetchall())
    details = json.loads(con.execute("SELECT details FROM runs").fetchone()[0])
    con.close()
    assert arts["id-labelled-en.html"] == ("id", "en", None)
    assert arts["en-labelled-id.html"] == ("en", "id", "language: en")
    assert arts["en-unlabelled.html"][0] == "en"
    assert [p.rsplit("/", 1)[1] for p in facts] == ["id-labelled-en.html"]
    assert details["no_facts"] == {"language: en": 2}


def test_extract_says_the_language_and_lang_overrides_it(tmp_path):
    (tmp_path / "en.html").write_text(_page("id", EN_BODY))
    (tmp_path / "id.txt").write_text(ID_BODY.replace("<p>", "").replace("</p>", "\n"))
    rows = {r["source"]: r for r in extract([tmp_path / "en.html", tmp_path / "id.txt"])}
    en = rows["en.html"]
    assert (en["language"], en["facts_skipped"], en["events"]) == ("en", "language: en", [])
    assert rows["id.txt"]["language"] == "id" and rows["id.txt"]["innovations"]
    forced = next(extract([tmp_path / "en.html"], lang="id"))
    assert forced["language"] == "id" and "facts_skipped" not in forced
