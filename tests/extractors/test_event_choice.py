"""The occasion rule of extractors/event_choice.py: a dated sentence saying something took place dates the story's
event even without a trigger word; the day a quote was given does not. Texts written for these tests."""

import pytest

from extractors import extract_facts, find_dates
from extractors.events import body_date
from extractors.quotes import attributed


def dated(text, lex):
    return [(e.date, e.kind) for e in extract_facts(text, lex).events if e.date]


def test_a_held_occasion_without_a_trigger_word_is_an_event_of_kind_other(lex):
    text = ("Pemerintah Kabupaten Maros menggelar pasar murah di Lapangan Pallantikang, Jumat (5/4/2024).\n"
            "Warga memadati lokasi sejak pagi untuk membeli beras dan minyak goreng.")
    facts = extract_facts(text, lex)
    (event,) = [e for e in facts.events if e.date]
    assert (event.date, event.kind) == ("2024-04-05", "other")
    assert event.name.startswith("menggelar pasar murah")
    assert event.location and event.location.startswith("Lapangan Pallantikang")


@pytest.mark.parametrize("attribution", ["ujar Kepala Dinas Andi Baso", "katanya kepada wartawan di kantornya",
                                         "jelas Andi Baso seperti dalam keterangan tertulisnya"])
def test_the_day_a_quote_was_given_dates_no_event(lex, attribution):
    text = ("Pemerintah kota terus memperbaiki jalan lingkungan di tiga kecamatan tahun ini.\n"
            f"“Kami berharap warga ikut menjaga saluran air,” {attribution}, Senin (28/7/2025).")
    assert dated(text, lex) == []
    date = body_date(text, find_dates(text, lex), lex)
    assert date and attributed(text, date, lex)


def test_an_occasion_word_after_the_attribution_makes_the_quote_date_an_occasion(lex):
    text = ("Pemerintah kota menambah dua loket pelayanan tahun ini.\n"
            "“Pelayanan harus cepat,” kata Andi Baso usai mengikuti forum pelayanan publik, Kamis (22/10/2020).")
    date = body_date(text, find_dates(text, lex), lex)
    assert date and not attributed(text, date, lex)
    assert dated(text, lex) == [("2020-10-22", "other")]


def test_a_dateline_with_the_outlets_name_is_not_the_occasions_date(lex):
    text = ("Pemprov Gelar Pasar Murah\n\nKabarKita.com - 07/04/2024, 21:50 WIB\n\n"
            "Pemerintah provinsi menggelar pasar murah di halaman kantor gubernur, Sabtu (6/4/2024).")
    assert dated(text, lex) == [("2024-04-06", "other")]


def test_the_main_activity_named_again_on_another_day_is_not_a_second_event(lex):
    text = ("Rapat koordinasi pengamanan hari raya digelar di aula kantor bupati, Senin (3/3/2025).\n"
            "Rapat lanjutan akan membahas jalur mudik pada Rabu (5/3/2025).\n"
            "Peluncuran pos pengamanan terpadu digelar pada Rabu (5/3/2025).")
    assert dated(text, lex) == [("2025-03-03", "meeting"), ("2025-03-05", "launch")]


def test_a_weak_trigger_on_another_day_is_no_second_event(lex):
    text = ("Rapat koordinasi pengamanan hari raya digelar di aula kantor bupati, Senin (3/3/2025).\n"
            "Sebelumnya tim melakukan pemantauan jalur mudik pada Sabtu (1/3/2025).")
    assert dated(text, lex) == [("2025-03-03", "meeting")]


def test_the_press_verb_melaunching_names_a_launch(lex):
    text = "Pemkab Manokwari melaunching enam proyek perubahan di aula kantor bupati, Rabu (1/10/2025)."
    assert dated(text, lex) == [("2025-10-01", "launch")]


def test_what_happened_in_ordinary_news_dates_its_event(lex):
    text = ("Polisi masih menyelidiki laporan kehilangan di museum itu.\n"
            "Petugas menemukan benda-benda pusaka tersebut di sebuah rumah warga pada Rabu (19/1/2022).")
    assert dated(text, lex) == [("2022-01-19", "other")]


def test_a_trigger_beside_a_date_without_an_occasion_word_dates_its_kind(lex):
    text = ("Air Sungai Tallo meluap dan menggenangi rumah warga di Kelurahan Lakkang, Selasa (10/5/2022).\n"
            "Wakil Wali Kota Makassar langsung meninjau lokasi banjir bersama camat dan lurah setempat.")
    assert dated(text, lex) == [("2022-05-10", "visit")]


def test_a_date_with_neither_an_occasion_word_nor_a_trigger_near_dates_no_event(lex):
    text = ("Air Sungai Tallo meluap dan menggenangi rumah warga di Kelurahan Lakkang, Selasa (10/5/2022).\n"
            "Sebagian warga memilih bertahan di lantai dua rumah mereka.")
    assert dated(text, lex) == []
