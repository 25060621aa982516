import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import extract_facts, find_innovations


def test_long_form_before_acronym(lex):
    text = "melalui program inovasi Pembuangan Limbah Sederhana dan Bermanfaat (BUAH SABAR) dan kesehatan"
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
    """The field the text states ("bidang pendidikan") is the sector, though the name's words speak of waste."""
    (i,) = find_innovations("bidang pendidikan melalui inovasi Pembuangan Limbah Sederhana (BUAH SABAR)", lex)
    assert i.sector == "pendidikan"


@given(st.text(max_size=300))
def test_any_text_never_raises(lex, text):
    for i in find_innovations(text, lex):
        assert i.name


def test_ordinary_news_names_no_innovation(lex):
    text = ("Ketua DPRD dari Fraksi Gerindra dan PKS meminta program Makan Bergizi Gratis (MBG) berjalan, "
            "sementara siswa SD dan SMP mengikuti sistem zonasi PPDB.")
    assert find_innovations(text, lex) == []


def test_enumeration_cut_at_each_agency(lex):
    text = ("Yakni inovasi Ruko Konde Kecamatan Amali, Bang Sayur Dinas Ketahanan Pangan, Deng Siba BPBD, "
            "dan My Like Bone oleh BKPSDM.")
    assert [i.name for i in find_innovations(text, lex)] == ["Ruko Konde", "Bang Sayur", "Deng Siba", "My Like Bone"]


def test_lower_case_long_form_starting_a_list_item(lex):
    text = "Inovasi pendukung lainnya meliputi olahan limbah, investasi sampah untuk kesehatan (ISUK), dan lainnya."
    assert [(i.name, i.expansion) for i in find_innovations(text, lex)] == [("ISUK", "investasi sampah untuk kesehatan")]


def test_a_person_beside_a_post_is_no_short_form(lex):
    text = "Tim inovasi diantaranya Taufiq Hidayanto (Analis Kebijakan Madya) dan Sri Susanti (Analis Keuangan)."
    assert find_innovations(text, lex) == []


def test_listed_names_keep_their_long_forms_even_when_the_letters_differ(lex):
    text = ("Tiga inovasi unggulan daerah itu yakni Rara Lontar (Rawat Warga Lanjut Usia), "
            "Sipetani (Sistem Informasi Pertanian Terpadu) dan Kunci Emas (Kunjungan Ibu Hamil Setiap Bulan).")
    found = [(i.name, i.expansion) for i in find_innovations(text, lex)]
    assert found == [("Rara Lontar", "Rawat Warga Lanjut Usia"),
                     ("Sipetani", "Sistem Informasi Pertanian Terpadu"),
                     ("Kunci Emas", "Kunjungan Ibu Hamil Setiap Bulan")]


def test_people_listed_with_their_posts_are_not_innovations(lex):
    text = ("Tim penilai inovasi daerah diantaranya Wahyu Lestari (Analis Kebijakan Madya), "
            "Dedi Prasetyo (Pengelola Keuangan Daerah), dan Yanti (Rumah Gizi).")
    assert find_innovations(text, lex) == []


def test_a_long_paragraph_of_posts_is_no_headline(lex):
    text = ("Kepala Dinas Perumahan Dan Kawasan Permukiman Kabupaten Lembah Hijau, Rudi Santoso, Dengan Proper "
            "Satu Atap 2.500 Rumah, Kemudian Kepala Dinas Tenaga Kerja Dan Transmigrasi Kabupaten Lembah Hijau, "
            "Yohanes Wenda, dengan proper Kerja Bisa. Kedua inovasi itu diluncurkan bupati.")
    assert [i.name for i in find_innovations(text, lex)] == ["Satu Atap 2.500 Rumah", "Kerja Bisa"]


def test_two_names_joined_by_dan_are_two_innovations(lex):
    text = "Dinas Kesehatan meluncurkan inovasi Rawat Ceria dan Jendela Sehat untuk warga desa."
    assert [i.name for i in find_innovations(text, lex)] == ["Rawat Ceria", "Jendela Sehat"]


def test_one_word_after_dan_ends_the_same_name(lex):
    text = "Puskesmas itu menjalankan inovasi Pos Lansia dan Disabilitas sejak tahun lalu."
    assert [i.name for i in find_innovations(text, lex)] == ["Pos Lansia dan Disabilitas"]


def test_a_list_of_judges_names_people_not_innovations(lex):
    text = ("Lomba inovasi daerah dinilai dewan juri, diantaranya Rahmat Hidayat dari Universitas Lembah Hijau, "
            "Sinta Dewi pihak Politeknik Negeri dan Joko Susilo dari BRIDA.")
    assert find_innovations(text, lex) == []


def test_a_list_goes_on_in_the_next_sentence(lex):
    text = ("Sepuluh finalis inovasi daerah yakni Rawat Ceria Puskesmas Lembang, Jendela Sehat Dinas Kesehatan.\n"
            "Lalu, Kopi Pagi Kecamatan Utara, Sapa Warga BPBD, dan Kartu Tani Online oleh Dinas Pertanian.")
    assert [i.name for i in find_innovations(text, lex)] == [
        "Rawat Ceria", "Jendela Sehat", "Kopi Pagi", "Sapa Warga", "Kartu Tani Online"]


def test_ordinal_openers_and_ordinal_lists_over_two_lines(lex):
    text = ("Tiga inovasi kabupaten masuk Top 30 tahun ini.\n"
            "Pertama, Rawat Ceria, sebuah layanan kunjungan rumah bagi warga lanjut usia.\n"
            "Yang kedua Kopi Pagi di Kecamatan Utara dan yang ketiga, Sapa Warga (Sistem Pelaporan Warga Desa) "
            "di Desa Lembang.")
    assert [(i.name, i.expansion) for i in find_innovations(text, lex)] == [
        ("Rawat Ceria", None), ("Kopi Pagi", None), ("Sapa Warga", "Sistem Pelaporan Warga Desa")]


def test_awards_indexes_companies_and_decrees_are_not_innovations(lex):
    text = ("Kabupaten itu terdaftar di Indeks Inovasi Daerah (IID) dan meraih Lembah Hijau Innovation Award (LHIA) "
            "bersama PT Sinar Jaya Tbk, melalui Keputusan Kepala Dinas Kesehatan tentang inovasi.")
    assert find_innovations(text, lex) == []


def test_a_person_in_parentheses_after_an_innovation_is_its_innovator(lex):
    text = ("Dari dua belas inovasi yang diseleksi oleh tim penilai daerah, tiga masuk tahap berikutnya, yaitu "
            "(1) Rawat Ceria (Ani Lestari); (2) Kopi Pagi Desa (Sumarni); dan (3) Sapa Warga (Hasan Basri).")
    assert [(i.name, i.expansion) for i in find_innovations(text, lex)] == [
        ("Rawat Ceria", None), ("Kopi Pagi Desa", None), ("Sapa Warga", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Inovasi Rawat Ceria merupakan singkatan dari “Rawat Warga Cepat dan Ramah” yang digagas puskesmas.",
     ("Rawat Ceria", "Rawat Warga Cepat dan Ramah")),
    ("aplikasi ‘Lapordes’—akronim dari “Laporan Desa”—merupakan inovasi berbasis digital.", ("Lapordes", "Laporan Desa")),
    ("inovasi SIGAP singkatan Sistem Informasi Gawat Darurat Puskesmas yang baru.",
     ("SIGAP", "Sistem Informasi Gawat Darurat Puskesmas")),
])
def test_a_long_form_spelled_out_after_the_name_is_its_expansion(lex, text, expected):
    assert [(i.name, i.expansion) for i in find_innovations(text, lex)] == [expected]


def test_a_bracketed_list_item_is_a_name_when_the_lists_other_items_spell_their_long_forms(lex):
    text = ("Pemkab memaparkan tiga inovasi daerah, yakni Sipaten (Sistem Pelayanan Terpadu Kecamatan), "
            "Gerai Sehat (Gerakan Rakyat Sehat), dan Taman Baca (Pelayanan Dokumen Kependudukan Keliling).")
    assert [(i.name, i.expansion) for i in find_innovations(text, lex)] == [
        ("Sipaten", "Sistem Pelayanan Terpadu Kecamatan"), ("Gerai Sehat", "Gerakan Rakyat Sehat"),
        ("Taman Baca", "Pelayanan Dokumen Kependudukan Keliling")]


def test_a_lone_bracketed_item_must_spell_its_long_form(lex):
    text = ("Inovasi daerah itu dipaparkan oleh tim, yakni Rina Wati (Analis Pengelolaan Keuangan) "
            "dan Budi Santoso (Pengelola Data Kependudukan).")
    assert find_innovations(text, lex) == []


def test_bulleted_names_under_a_colon_line_about_innovations_each_count(lex):
    text = ("Pemkot mengembangkan 20 inovasi pelayanan. Beberapa di antaranya adalah:\n\n"
            "  • SIGAP untuk layanan ambulans cepat,\n  • SIPANTAS BERKAH membantu warga belajar,\n"
            "  • Lapor Cepat mempercepat pengaduan warga.\n\nWarga menyambut baik program itu.")
    assert [i.name for i in find_innovations(text, lex)] == ["SIGAP", "SIPANTAS BERKAH", "Lapor Cepat"]


def test_bullets_under_a_line_that_speaks_of_no_innovation_are_not_read(lex):
    text = ("Inovasi daerah dibahas di rapat itu.\n\nAgenda rapat hari ini:\n\n"
            "  • Laporan Keuangan dibacakan sekretaris,\n  • Rencana Kerja disusun bersama.")
    assert find_innovations(text, lex) == []


def test_roman_numbered_lines_under_a_cue_line_are_names(lex):
    text = "Daftar inovasi yang masuk Top 30:\nI. SIPANTAS BERKAH\nII. GERAI PINTAR\nIII. LAPOR CEPAT"
    assert [i.name for i in find_innovations(text, lex)] == ["SIPANTAS BERKAH", "GERAI PINTAR", "LAPOR CEPAT"]


def test_the_classifier_keeps_what_the_lexicons_exclude_out_and_drops_a_glued_particle(lex):
    from extractors import extract_facts
    text = ("Inovasi daerah Kabupaten Bulungan, yakni SIPANTAS dan GERAI PINTAR, masuk Top 45 nasional. "
            "Inovasi SIPANTAS-lah yang paling banyak dipakai warga, selain program Smart City dan Smart Village. "
            "Tim juga memaparkan inovasi itu di Tomohon International Flower Festival.")
    names = [i.name for i in extract_facts(text, lex).innovations]
    assert "SIPANTAS" in names and "GERAI PINTAR" in names
    assert not any(n.endswith("-lah") or n in ("Smart City", "Tomohon International Flower Festival") for n in names)


def test_a_name_given_by_a_naming_phrase_after_a_cue_in_the_sentence(lex):
    text = ("Gubernur meluncurkan aplikasi layanan aduan masyarakat yang diberi nama Lapor Gubernur. "
            "Warga menyambut baik langkah itu.")
    assert [i.name for i in find_innovations(text, lex)] == ["Lapor Gubernur"]


@pytest.mark.parametrize("text, names", [
    ("Pemerintah Kota Makassar mengumumkan pemenang Kompetisi Inovasi Daerah 2023.\n"
     "Juara I: SIGAP BERSAMA dari Dinas Kesehatan\nJuara II: KAMPUNG TANGGUH dari Kecamatan Tallo\n"
     "Juara III: E-PAJAK 2.0 dari Bapenda", ["SIGAP BERSAMA", "KAMPUNG TANGGUH", "E-PAJAK 2.0"]),
    ("Pada lomba inovasi tahun ini, juara pertama diraih inovasi Si Gesit dari Puskesmas Kassi, dan juara "
     "ketiga Lapor Cepat 112 dari BPBD.", ["Si Gesit", "Lapor Cepat 112"]),
])
def test_ranked_winners_of_an_innovation_contest_are_names(lex, text, names):
    assert [i.name for i in find_innovations(text, lex)] == names


def test_ranked_regions_are_no_innovations(lex):
    text = "Dalam lomba inovasi daerah itu, peringkat pertama diraih Kabupaten Gowa, disusul Kota Makassar di peringkat kedua."
    assert find_innovations(text, lex) == []


@pytest.mark.parametrize("text, name", [
    ("Aplikasi inovasi SAKTI 2.0 diluncurkan Pemkab Gowa pekan lalu.", "SAKTI 2.0"),
    ("Inovasi daerah yang dinilai antara lain SIMPEL dan GEMAR MEMBACA 4.0.", "GEMAR MEMBACA 4.0"),
    ("Inovasi Si Pintar v2 diperkenalkan dalam pameran inovasi.", "Si Pintar v2"),
])
def test_a_brand_keeps_its_version(lex, text, name):
    assert name in [i.name for i in find_innovations(text, lex)]


def test_an_inline_numbered_enumeration_is_read_without_its_numbers(lex):
    text = "Tiga inovasi yakni 1. SIDAMAN, 2. PAKET HEMAT, dan 3. Lapor Cepat dipresentasikan di depan tim penilai."
    assert [i.name for i in find_innovations(text, lex)] == ["SIDAMAN", "PAKET HEMAT", "Lapor Cepat"]


def test_a_leadership_course_is_no_innovation(lex):
    text = "Peserta Pelatihan Kepemimpinan Administrator (PKA) menyusun proyek perubahan inovasi di unit kerjanya."
    assert [i.name for i in extract_facts(text, lex).innovations] == []


def test_an_officials_initials_are_that_person_not_an_innovation(lex):
    text = ("Kabupaten Wajo kembali meraih penghargaan inovasi daerah. Bupati Wajo, Andi Rahman Syah (ARS), mengatakan "
            "inovasi SIPAKATAU menjadi andalan pelayanan. \"Inovasi harus berdampak bagi warga,\" ujar ARS. "
            "ARS menegaskan setiap inovasi Pemkab Wajo harus berlanjut.")
    facts = extract_facts(text, lex)
    assert [o.name for o in facts.officials] == ["Andi Rahman Syah"]
    assert [i.name for i in facts.innovations] == ["SIPAKATAU"]


def test_a_lower_case_dan_between_brands_in_capitals_parts_them(lex):
    text = "Kabupaten Wajo memperkenalkan inovasi LAKIPADADA 3.0 dan SI PEKA 2 kepada warga."
    assert [i.name for i in find_innovations(text, lex)] == ["LAKIPADADA 3.0", "SI PEKA 2"]
    text = "Inovasi SIMPEG dan e-Kinerja milik BKPSDM membantu ASN mengurus kenaikan pangkat."
    assert [i.name for i in find_innovations(text, lex)] == ["SIMPEG", "e-Kinerja"]
    text = "Puskesmas itu menjalankan inovasi BERSIH DAN SEHAT sejak tahun lalu."
    assert [i.name for i in find_innovations(text, lex)] == ["BERSIH DAN SEHAT"]


def test_national_programmes_are_not_a_regions_innovations(lex):
    text = ("Pemkab Wajo terus berinovasi melalui Gerakan Menuju Smart City, dan inovasi SIPAKATAU "
            "sejalan dengan program nasional Kartu Indonesia Sehat (KIS) serta Program Keluarga Harapan (PKH).")
    assert [i.name for i in extract_facts(text, lex).innovations] == ["SIPAKATAU"]


def test_bullets_after_a_list_word_and_a_house_that_is_a_brand(lex):
    text = "Inovasi unggulan Pemkab Bone tahun ini yaitu\n- Si Jago Tani\n- Bank Sampah Digital\n- Posyandu Lansia Keliling"
    assert [i.name for i in find_innovations(text, lex)] == ["Si Jago Tani", "Bank Sampah Digital", "Posyandu Lansia Keliling"]
    text = "Lima inovasi Maros masuk Top 45, di antaranya Sipakainga, Rumah Baca Lorong dan Mobil Curhat."
    assert [i.name for i in find_innovations(text, lex)] == ["Sipakainga", "Rumah Baca Lorong", "Mobil Curhat"]
    text = "Inovasi itu diperkenalkan di Rumah Sakit Umum Daerah Salewangang dan Rumah Jabatan Bupati."
    assert find_innovations(text, lex) == []


def test_a_quoted_name_before_its_long_form(lex):
    (i,) = find_innovations('Inovasi Lamongan berupa pengelolaan sampah "Samtaku" (Sampahku Tanggung Jawabku) berhasil.', lex)
    assert (i.name, i.expansion) == ("Samtaku", "Sampahku Tanggung Jawabku")


def test_a_clause_opener_ends_a_name_where_a_full_stop_was_lost(lex):
    text = ("Pemkot Yogyakarta memiliki inovasi berupa Jogja Smart Service (JSS). Warga bisa mendaftar vaksin "
            "melalui JSS Selain itu dengan adanya JSS kinerja pemerintah lebih efektif.")
    assert [i.name for i in find_innovations(text, lex)] == ["JSS"]


def test_a_name_after_a_naming_phrase_keeps_its_english_links_and_drops_a_trailing_small_word(lex):
    text = "Inovasi layanan kependudukan itu dikenal dengan sebutan Dukcapil Goes to District yang menyasar distrik."
    assert [i.name for i in find_innovations(text, lex)] == ["Dukcapil Goes to District"]
    text = "Pemkab meluncurkan inovasi bernama Sapa Warga untuk menampung aduan."
    assert [i.name for i in find_innovations(text, lex)] == ["Sapa Warga"]
