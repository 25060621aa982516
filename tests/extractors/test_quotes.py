"""extractors/quotes.py: the day a quote was given dates no activity named inside it. Texts written for these tests."""

from extractors import extract_facts, find_dates
from extractors.quotes import quoted_before


def test_an_activity_inside_a_quote_is_not_dated_by_the_quotes_day(lex):
    text = ("Pemerintah Kota Batam kembali mendapat perhatian nasional tahun ini.\n"
            "“Kami bersyukur, Batam terus meraih penghargaan,” ucap Sekretaris Daerah Kota Batam, Senin (21/12/2020).")
    said = text.index("meraih")
    (date,) = [d for d in find_dates(text, lex) if d.precision == "day"]
    assert quoted_before(text, said, date, lex)
    assert [e.date for e in extract_facts(text, lex).events if e.date] == []


def test_an_activity_after_the_quote_keeps_its_date(lex):
    text = ("“Kami bersyukur,” ucap Sekretaris Daerah Kota Batam saat menerima penghargaan di Jakarta, "
            "Senin (21/12/2020).")
    (date,) = [d for d in find_dates(text, lex) if d.precision == "day"]
    assert not quoted_before(text, text.index("menerima"), date, lex)
    assert [(e.date, e.kind) for e in extract_facts(text, lex).events if e.date] == [("2020-12-21", "award")]


def test_the_leads_activity_is_not_dated_by_a_later_quotes_day(lex):
    text = ("Pemerintah Kabupaten Gowa menggelar sosialisasi pencegahan stunting bagi kader posyandu.\n"
            "“Kami ingin angka stunting terus turun,” ujar Kepala Dinas Kesehatan Gowa, Senin (3/6/2024).")
    events = extract_facts(text, lex).events
    assert [(e.kind, e.date) for e in events] == [("socialization", None)]


def test_the_leads_activity_takes_a_later_day_that_is_no_quotes(lex):
    text = ("Pemerintah Kabupaten Gowa menggelar sosialisasi pencegahan stunting bagi kader posyandu.\n"
            "Kader dari 18 kecamatan hadir di Baruga Karaeng Galesong, Senin (3/6/2024).")
    assert [(e.kind, e.date) for e in extract_facts(text, lex).events if e.date] == [("socialization", "2024-06-03")]


def test_a_strong_activity_of_the_lead_is_dated_by_the_quote_given_at_it(lex):
    text = ("Wali Kota membuka Laboratorium Inovasi Pemerintah Kota Parepare di Makassar.\n"
            "“ASN harus terus berkarya,” katanya, Rabu (6/7/2022).")
    assert [(e.kind, e.date) for e in extract_facts(text, lex).events if e.date] == [("innovation_lab", "2022-07-06")]
