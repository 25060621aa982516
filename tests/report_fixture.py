"""A database the size of a province's press, generated in SQL for the report test and benchmark: 10,000 articles
over 12 outlets and 24 regencies from 2018 to 2026 (gaps of whole months included), 2,000 innovations, 5,000
officials, 10,000 events, copies and runs. Made-up names and titles: no real article is copied."""

from __future__ import annotations

from pathlib import Path

import duckdb

from extractors import load_lexicon
from flows import store


def fill(db: Path, articles: int = 10_000, innovations: int = 2_000, persons: int = 5_000, events: int = 10_000) -> Path:
    con = duckdb.connect(str(db))
    store.migrate(con)
    store.load_regions(con, load_lexicon().regions.values())
    p = {"a": articles, "i": innovations, "p": persons, "e": events}
    con.execute("""
        INSERT INTO sources SELECT 'outlet-' || k, 'Media Contoh ' || k, 'https://outlet' || k || '.example.id/', NULL, NULL,
               '{}' FROM range(12) t(k)""")
    con.execute("""
        CREATE TEMP TABLE reg AS SELECT row_number() OVER (ORDER BY region_code) - 1 AS rk, region_code, name
        FROM regions WHERE region_code LIKE '73.%' ORDER BY region_code LIMIT 24""")
    con.execute(f"""
        INSERT INTO articles (article_id, url, source, title, published_at, duplicate_of, first_seen, fetched_at, run_id)
        SELECT 'a' || k, 'https://outlet' || (k % 12) || '.example.id/berita/' || k, 'outlet-' || (k % 12),
               'Berita contoh nomor ' || k || ' tentang pelayanan publik dan inovasi daerah yang cukup panjang judulnya',
               DATE '2018-01-01' + INTERVAL (((k * 37) % 3200) // 1) DAY
                 + INTERVAL (CASE WHEN ((k * 37) % 3200) BETWEEN 1200 AND 1290 THEN 120 ELSE 0 END) DAY,
               CASE WHEN k % 50 = 49 THEN 'a' || (k - 1) END,
               TIMESTAMP '2026-12-01 02:00:00', TIMESTAMP '2026-12-01 02:00:00', 'r1'
        FROM range({p['a']}) t(k)""")
    con.execute(f"""
        INSERT INTO region_mentions (article_id, region_code, surface, strong, is_subject, span_start)
        SELECT 'a' || k, r.region_code, r.name, true, true, 0 FROM range({p['a']}) t(k) JOIN reg r ON r.rk = k % 24""")
    con.execute(f"""
        INSERT INTO innovation_entities SELECT 'i' || k, 'INOVASI-' || k FROM range({p['i']}) t(k);
        INSERT INTO innovations SELECT 'i' || k, 'INOVASI-' || k, 'Layanan Contoh Nomor ' || k, 'kesehatan'
        FROM range({p['i']}) t(k);
        INSERT INTO innovation_mentions
            (article_id, innovation_id, name, expansion, sector, region, region_code, agency, span_start)
        SELECT 'a' || ((k * 7) % {p['a']}), 'i' || (k % {p['i']}), 'INOVASI-' || (k % {p['i']}),
               'Layanan Contoh Nomor ' || (k % {p['i']}),
               'kesehatan', r.name, r.region_code, 'Dinas Kesehatan', k
        FROM range({p['i'] * 3}) t(k) JOIN reg r ON r.rk = (k % {p['i']}) % 24;
        INSERT INTO innovation_entity_mentions
        SELECT article_id, innovation_id, span_start, innovation_id FROM innovation_mentions""")
    con.execute(f"""
        INSERT INTO persons SELECT 'p' || k, 'Pejabat Contoh ' || k FROM range({p['p']}) t(k);
        INSERT INTO officials SELECT 'p' || k, 'Pejabat Contoh ' || k FROM range({p['p']}) t(k);
        INSERT INTO official_mentions (article_id, official_id, name_as_written, title, region, region_code, span_start)
        SELECT 'a' || ((k * 13) % {p['a']}), 'p' || (k % {p['p']}), 'Pejabat Contoh ' || (k % {p['p']}),
               CASE WHEN k < {p['p']} THEN 'Kepala Dinas ' ELSE 'Sekretaris Daerah ' END || r.name, r.name, r.region_code, k
        FROM range({p['p'] * 2}) t(k) JOIN reg r ON r.rk = (k % {p['p']}) % 24;
        INSERT INTO official_persons SELECT article_id, official_id, span_start, official_id,
               CASE WHEN title LIKE 'Kepala%' THEN 'kepala dinas' ELSE 'sekda' END FROM official_mentions""")
    con.execute(f"""
        INSERT INTO events (article_id, event_no, kind, name, date, location, region, region_code)
        SELECT a.article_id, 0,
               (['socialization','training','workshop','competition','award','launch','meeting','visit','other'])[1 + k % 9],
               'Kegiatan contoh ' || k, a.published_at, 'Aula Kantor ' || (k % 40), r.name, r.region_code
        FROM range({p['e']}) t(k) JOIN articles a ON a.article_id = 'a' || k JOIN reg r ON r.rk = k % 24""")
    con.execute("""
        INSERT INTO runs (run_id, kind, started_at, finished_at, status, pages, articles_new, details)
        SELECT 'r' || k, 'run', TIMESTAMP '2026-12-01 02:00:00' + INTERVAL (k * 6) HOUR,
               TIMESTAMP '2026-12-01 02:05:00' + INTERVAL (k * 6) HOUR, 'ok', 800, 700,
               '{"sources": {"outlet-1": {"pages": 60, "articles_new": 55}}}' FROM range(1, 30) t(k)""")
    con.close()
    return db
