from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import clean
from extractors.paragraphs import normalise

SEEDS = sorted((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("*.txt"))
FURNITURE = ["- Advertisement -", "Click Here", "Berita Terkait", "Rekomendasi berita", "Eksplorasi konten lain",
             "Langganan sekarang", "Laporan Wartawan", "Penulis:", "PenulisLuki", "loading...", "spot_img", "© 2025"]


@pytest.mark.skipif(not SEEDS, reason="shared seeds not present")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_keeps_every_story_paragraph_once_and_drops_furniture(lex, seed):
    raw = seed.read_text(encoding="utf-8")
    text = clean(raw, lex).text
    story = {normalise(ln) for ln in raw.splitlines() if len(ln.split()) >= 15}
    kept = [normalise(ln) for ln in text.splitlines()]
    assert story <= set(kept)
    assert len(kept) == len(set(kept))
    assert not any(f.lower() in text.lower() for f in FURNITURE)


def test_repeated_paragraph_keeps_first_occurrence(lex):
    first = "Paragraf pertama yang cukup panjang untuk cerita."
    text = f"{first}\nParagraf kedua.\n“{first.replace(' ', '  ', 1)}”"
    cleaned = clean(text, lex)
    assert [p.kind for p in cleaned.paragraphs] == ["body", "body", "repeat"]


def test_byline_becomes_metadata(lex):
    cleaned = clean("Penulis: Ivan Ismar | Editor: Hasriyani Latif\nIsi berita yang panjang sekali di sini ya.", lex)
    assert cleaned.bylines == ["Ivan Ismar"]


@given(st.text(max_size=500))
def test_cleaning_is_idempotent_and_never_raises(lex, text):
    once = clean(text, lex).text
    assert clean(once, lex).text == once


@pytest.mark.parametrize("dateline", ["Jumat, 16 November 2018", "Saturday, July 27, 2024",
                                      "(ANT/K011/B) 30-10-2016 21:47:23", "Senin, 5 Januari 2024 | 10:15 WIB"])
def test_a_dateline_is_the_articles_date_not_furniture(lex, dateline):
    story = "Pemerintah kabupaten meluncurkan layanan baru bagi warga desa yang jauh dari kantor camat hari ini."
    for text in (f"{dateline}\n{story}", f"{story}\n{dateline}\nPewarta: Rudi"):
        assert dateline in clean(text, lex).text.splitlines()


def test_a_story_paragraph_after_a_tail_marker_is_kept_when_the_story_goes_on(lex):
    text = "\n".join([
        "Bupati Gowa membuka sosialisasi inovasi pelayanan publik di aula kantor bupati, dihadiri para kepala dinas "
        "dan camat se-Kabupaten Gowa yang datang sejak pagi hari.",
        "Komentar",
        "Acara itu berlangsung hingga sore hari.",
        "Dalam sambutannya bupati meminta seluruh perangkat daerah terus berinovasi agar pelayanan makin cepat.",
        "Berita Terkait", "Bupati Gowa Tinjau Pasar Sentral", "Camat Somba Opu Lantik Ketua RT"])
    kinds = [p.kind for p in clean(text, lex).paragraphs]
    assert kinds == ["body", "tail", "body", "body", "tail", "tail", "tail"]


def test_a_byline_that_carries_the_pages_date_stays_in_the_text_and_is_kept_as_metadata(lex):
    from extractors import read_article
    text = ("Bupati Meluncurkan Aplikasi Aduan\nPenulis: redaksi Pada: Kamis, 18 Okt 2018, 18:50 WIB\n"
            "Bupati Gowa meluncurkan aplikasi aduan warga di kantor bupati, Kamis (18/10/2018).\n"
            "Penulis: Rina Wati")
    article = read_article(text, lex)
    assert "2018-10-18" in [d.value for d in article.reading.facts.dates if d.surface.startswith("18 Okt")]
    assert "Penulis: Rina Wati" not in article.text
    assert article.bylines[0].startswith("redaksi")
