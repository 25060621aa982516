from hypothesis import given
from hypothesis import strategies as st

from extractors import find_innovations


def test_long_form_before_acronym(lex):
    text = "melalui program Pembuangan Limbah Sederhana dan Bermanfaat (BUAH SABAR) dan kesehatan"
    (i,) = find_innovations(text, lex)
    assert (i.name, i.expansion) == ("BUAH SABAR", "Pembuangan Limbah Sederhana dan Bermanfaat")


def test_brand_before_long_form(lex):
    (i,) = find_innovations("inovasi andalan: PAPA SEHAT (Papan Kontrol Kesehatan) di puskesmas", lex)
    assert (i.name, i.expansion) == ("PAPA SEHAT", "Papan Kontrol Kesehatan")


def test_x_atau_y(lex):
    (i,) = find_innovations("peluncuran aplikasi inovatif bernama SI INDAH atau Sistem Informasi Inovasi Daerah.", lex)
    assert (i.name, i.expansion) == ("SI INDAH", "Sistem Informasi Inovasi Daerah")


def test_institutions_competitions_and_slogans_are_not_innovations(lex):
    text = ("Kompetisi Inovasi Pelayanan Publik (KIPP) dan Badan Strategi Kebijakan Dalam Negeri (BSKDN) "
            "mendorong gerakan satu instansi satu inovasi dan Smart ASN sesuai RPJMD.")
    assert find_innovations(text, lex) == []


def test_sector_is_read_from_context(lex):
    (i,) = find_innovations("bidang pendidikan melalui program Pembuangan Limbah Sederhana (BUAH SABAR)", lex)
    assert i.sector in ("pendidikan", "lingkungan")


@given(st.text(max_size=300))
def test_any_text_never_raises(lex, text):
    for i in find_innovations(text, lex):
        assert i.name
