"""`warta extract`, `warta ingest` and the quality gate read the same facts from the same article."""

import json

import duckdb

from extractors import load_lexicon
from flows import jobs
from flows.local import extract
from tests.eval_gate import predict

GOLD = {"id": "gowa-sosialisasi", "published": "2024-03-12",
        "text": "Dinas Kesehatan Kabupaten Gowa menggelar sosialisasi inovasi SIPAKAR (Sistem Pelayanan Kesehatan Rakyat) "
                "pada Senin (18/3) di Aula Kantor Bupati.\nKegiatan itu dibuka Bupati Gowa Adnan Purichta Ichsan."}
FIELDS = ("dates", "officials", "innovations", "events", "regions")


def test_extract_of_a_gold_file_is_what_the_gate_scores(tmp_path):
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    row = next(extract([tmp_path / "gold.json"]))
    gate = predict([GOLD], load_lexicon())[0]
    assert row["id"] == gate["id"] == GOLD["id"]
    assert {f: row[f] for f in FIELDS} == {f: gate[f] for f in FIELDS}
    assert [(e["kind"], e["date"]) for e in row["events"]] == [("socialization", "2024-03-18")]


def test_extract_takes_the_publication_date_as_an_option(tmp_path):
    (tmp_path / "story.txt").write_text(GOLD["text"], encoding="utf-8")
    assert next(extract([tmp_path / "story.txt"]))["events"] == []        # no year anywhere: no dated event
    row = next(extract([tmp_path / "story.txt"], published="2024-03-12"))
    assert [e["date"] for e in row["events"]] == ["2024-03-18"]


def test_ingest_loads_what_extract_prints(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(f"""<html lang="id"><head><title>Sosialisasi SIPAKAR</title>
<meta property="article:published_time" content="{GOLD['published']}T09:00:00+08:00"></head>
<body><article><h1>Sosialisasi SIPAKAR</h1>{''.join(f'<p>{p}</p>' for p in GOLD['text'].splitlines())}</article></body></html>""",
                    encoding="utf-8")
    row = next(extract([page]))
    db = tmp_path / "w.duckdb"
    jobs.ingest([page], db=db)
    con = duckdb.connect(str(db), read_only=True)
    events = con.execute("SELECT kind, date::VARCHAR FROM events").fetchall()
    innovations = con.execute("SELECT name, expansion FROM innovation_mentions").fetchall()
    con.close()
    assert events == [(e["kind"], e["date"]) for e in row["events"]] == [("socialization", "2024-03-18")]
    assert innovations == [(i["name"], i["expansion"]) for i in row["innovations"]]
