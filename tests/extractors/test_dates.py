from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import find_dates


@pytest.mark.parametrize(("text", "expected"), [
    ("katanya, Rabu (6/7/2022).", ["2022-07-06"]),
    ("Selasa, (9/10/2018).", ["2018-10-09"]),
    ("Kamis, 29 Oktober 2020", ["2020-10-29"]),
    ("pada bulan Juli 2022 lalu", ["2022-07"]),
    ("29 Agt 2020 dan 3 Des 2021", ["2020-08-29", "2021-12-03"]),
    ("06-07-2022", ["2022-07-06"]),
    ("Saturday, July 27, 2024", ["2024-07-27"]),
    ("selama dua hari 16-17 Oktober 2017", ["2017-10-16", "2017-10-17"]),
    ("mulai 30 – 31 Juli 2018", ["2018-07-30", "2018-07-31"]),
    ("(@bi, 25/9/19)", ["2019-09-25"]),
])
def test_explicit_dates_are_normalised(lex, text, expected):
    assert [d.value for d in find_dates(text, lex)] == expected


@pytest.mark.parametrize("text", ["tahun 2022", "RPJMD 2021-2026", "pada hari Senin", "skor 64.02 poin", "3/4 peserta"])
def test_years_ranges_and_weekdays_alone_are_not_dates(lex, text):
    assert find_dates(text, lex) == []


def test_weekday_contradicting_the_date_is_flagged(lex):
    (d,) = find_dates("Minggu (6/7/2022)", lex)
    assert d.weekday_mismatch


def test_yearless_date_resolves_against_reference_and_is_not_explicit(lex):
    (d,) = find_dates("Kamis (25/4) lalu", lex, ref_date=date(2024, 5, 1))
    assert (d.value, d.explicit) == ("2024-04-25", False)


def test_yearless_date_without_reference_is_ignored(lex):
    assert find_dates("Kamis (25/4) lalu", lex) == []


@given(st.text(max_size=300))
def test_any_text_gives_valid_iso_dates(lex, text):
    for d in find_dates(text, lex, ref_date=date(2024, 1, 1)):
        assert len(d.value) in (7, 10)
        assert d.precision in ("day", "month")


def test_a_list_of_days_and_a_range_of_months(lex):
    text = "Debat digelar pada tanggal 10 dan 17 November 2024, sedangkan kampanye berjalan Januari sampai dengan Juli 2025."
    assert [d.value for d in find_dates(text, lex)] == ["2024-11-10", "2024-11-17", "2025-01", "2025-07"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Penilaian lapangan pada 10, 11, dan 12 Oktober 2022.", ["2022-10-10", "2022-10-11", "2022-10-12"]),
    ("Rapat pada 3, 4 dan 5 Mei 2023.", ["2023-05-03", "2023-05-04", "2023-05-05"]),
    ("Inflasi naik 1,5 dan 12 Oktober 2022 menjadi batas.", ["2022-10-12"]),       # a decimal is no list
    ("Pameran digelar 5 s/d 6 September 2024.", ["2024-09-05", "2024-09-06"]),     # "s/d": sampai dengan
])
def test_a_comma_list_or_a_range_of_days_names_every_day(lex, text, expected):
    assert [d.value for d in find_dates(text, lex)] == expected


def test_a_yearless_day_takes_the_year_its_weekday_confirms_and_stays_resolved(lex):
    text = "Rapat paripurna Tahun 2023 digelar di Gedung DPRD, Selasa (10/10)."
    assert [(d.value, d.explicit) for d in find_dates(text, lex)] == [("2023-10-10", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("diumumkan pada bulan Juni tahun 2021 oleh kementerian", [("2021-06", "Juni tahun 2021")]),
    ("di Padang, Sumatera Barat ,10 Juni 2023 .Program itu", [("2023-06-10", "10 Juni 2023")]),
    ("harga naik 1,5 Juni 2023", [("2023-06", "Juni 2023")]),     # a decimal is no day
])
def test_a_month_and_its_year_across_tahun_and_a_day_glued_to_a_comma(lex, text, expected):
    assert [(d.value, d.surface) for d in find_dates(text, lex)] == expected
