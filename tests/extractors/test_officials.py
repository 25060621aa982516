import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import find_officials


@pytest.mark.parametrize(("text", "name", "title", "region"), [
    ("Wali Kota Parepare, Taufan Pawe membuka resmi kegiatan", "Taufan Pawe", "Wali Kota Parepare", "Kota Parepare"),
    ("oleh Sekretaris Daerah (Sekda) Barru Dr. Ir. Abustan AB, M.Si. diselenggarakan", "Abustan AB",
     "Sekretaris Daerah (Sekda) Barru", "Kabupaten Barru"),
    ("Kepala Bagian Organisasi Setda Barru, Safaruddin Tajuddin, SH, MM, menyampaikan", "Safaruddin Tajuddin",
     "Kepala Bagian Organisasi Setda Barru", "Kabupaten Barru"),
    ("Bupati Bone Dr.H.A.Fahsar M.Padjalangi,M.Si. membuka", "A.Fahsar M.Padjalangi", "Bupati Bone", "Kabupaten Bone"),
    ("Pjs Bupati Luwu Timur, Jayadi Nas mengatakan", "Jayadi Nas", "Pjs Bupati Luwu Timur", "Kabupaten Luwu Timur"),
    ("Tim terdiri atas Fince Desima Hasibuan, Direktur Penyerasian Kementerian Desa dan PDT bersama staf",
     "Fince Desima Hasibuan", "Direktur Penyerasian Kementerian Desa dan PDT", None),
])
def test_official_is_read_in_press_orders(lex, text, name, title, region):
    (o,) = find_officials(text, lex)
    assert (o.name, o.title, o.region.name if o.region else None) == (name, title, region)


def test_partial_mention_joins_the_full_name(lex):
    text = "Sekretaris Daerah (Sekda) Barru Dr. Abustan AB membuka acara. Kata Sekda Abustan dihadapan peserta."
    assert [o.name for o in find_officials(text, lex)] == ["Abustan AB"]


def test_journalists_and_editors_are_not_officials(lex):
    assert find_officials("Penulis: Ivan Ismar | Editor: Hasriyani Latif", lex) == []


def test_position_without_a_name_gives_nothing(lex):
    assert find_officials("Bupati Banggai menerima penghargaan dalam ajang IGA 2025.", lex) == []


@given(st.text(max_size=300))
def test_any_text_never_raises(lex, text):
    for o in find_officials(text, lex):
        assert o.name and o.title


def test_ranks_and_corps_are_not_part_of_a_name_or_a_title(lex):
    text = ("Didampingi Kapolsek Lembang Ipda Rudi Hartono, Kasat Reskrim Polres Lembang AKP Sinta Dewi, "
            "dan Dandim 1401 Letkol Inf. Joko Susilo.")
    found = {o.name: o.title for o in find_officials(text, lex)}
    assert found == {"Rudi Hartono": "Kapolsek Lembang", "Sinta Dewi": "Kasat Reskrim Polres Lembang",
                     "Joko Susilo": "Dandim 1401"}


def test_a_position_written_in_lower_case_is_read_forward(lex):
    text = "Hal itu diungkap anggota KPU Lembang, Rahmat Hidayat. Acara dihadiri Wakil bupati H. Andi Baso."
    assert {o.name: o.title for o in find_officials(text, lex)} == {
        "Rahmat Hidayat": "anggota KPU Lembang", "Andi Baso": "Wakil bupati"}


@pytest.mark.parametrize("text", ["Sekretaris Dinas Tanaman Pangan menyerahkan bibit kepada petani.",
                                  "Wabup Jeneponto Terpilih menghadiri rapat pleno KPU."])
def test_ordinary_words_after_a_title_are_not_a_person(lex, text):
    assert [o.name for o in find_officials(text, lex)] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Bupati Luwu Utara (Lutra) Indah Putri Indriani mengatakan layanan makin cepat.",
     [("Indah Putri Indriani", "Bupati Luwu Utara (Lutra)")]),
    ("kata Bupati Kupang Korinus Masneno ( 28/5).", [("Korinus Masneno", "Bupati Kupang")]),
    ("di bawah kepemimpinan Wali Kota Batam Muhammad Rudi dan Wakil Wali Kota Batam Amsakar Achmad.",
     [("Muhammad Rudi", "Wali Kota Batam"), ("Amsakar Achmad", "Wakil Wali Kota Batam")]),
    ("Sementara itu, Sekdakot Banjarmasin Ikhsan Budiman mengatakan aplikasi ini siap.",
     [("Ikhsan Budiman", "Sekdakot Banjarmasin")]),
])
def test_a_name_between_a_title_and_a_bracket_or_a_second_title(lex, text, expected):
    assert [(o.name, o.title) for o in find_officials(text, lex)] == expected


@pytest.mark.parametrize(("text", "name"), [("Kapolda Riau Irjen Pol Herry Heryawan menggelar rapat.", "Herry Heryawan"),
                                            ("Kapolresta Palu, Kombes Polisi Hari Rosena memberi apresiasi.", "Hari Rosena")])
def test_the_force_after_a_police_rank_is_not_part_of_the_name(lex, text, name):
    assert [o.name for o in find_officials(text, lex)] == [name]


@pytest.mark.parametrize(("text", "expected"), [
    ("ungkap Penjabat Bupati DR. Hi. Sherman Moridu, S.Pd., M.Pd. di kantornya.", ("Sherman Moridu", "Penjabat Bupati")),
    ("Kepala Bappelitbangda Basok Lewa mengatakan inovasi penting.", ("Basok Lewa", "Kepala Bappelitbangda")),
])
def test_haji_written_hi_and_the_planning_and_research_agency_acronym(lex, text, expected):
    assert [(o.name, o.title) for o in find_officials(text, lex)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("didampingi Kepala Dinas Koperasi, Usaha Mikro, Perindustrian, dan Perdagangan (DKUPP), Rina Wati dan Kabid "
     "Industri, Budi Santoso.", [("Rina Wati", "Kepala Dinas Koperasi, Usaha Mikro, Perindustrian, dan Perdagangan (DKUPP)"),
                                 ("Budi Santoso", "Kabid Industri")]),
    ("Sekretaris Dinas Tanaman Pangan, Hortikultura, Perkebunan dan Ketahanan Pangan Andi Baso mengatakan hal itu.",
     [("Andi Baso", "Sekretaris Dinas Tanaman Pangan, Hortikultura, Perkebunan dan Ketahanan Pangan")]),
    ("Kepala Dinas Kesehatan, Andi Baso, hadir.", [("Andi Baso", "Kepala Dinas Kesehatan")]),
    ("Turut hadir Sekda Kota Maros Andi Baso, Ketua Tim Penggerak PKK Kota Maros Rina Wati.",   # a name ends the unit
     [("Andi Baso", "Sekda Kota Maros"), ("Rina Wati", "Ketua Tim Penggerak PKK Kota Maros")]),
])
def test_a_unit_named_by_an_enumeration_is_read_whole_and_the_name_after_it(lex, text, expected):
    assert [(o.name, o.title) for o in find_officials(text, lex)] == expected


def test_a_coordinating_ministers_short_title(lex):
    text = "Deputi menyampaikan permohonan maaf atas ketidakhadiran Menko PMK Pratikno, dan menegaskan komitmen."
    assert [(o.name, o.title) for o in find_officials(text, lex)] == [("Pratikno", "Menko PMK")]


def test_an_office_acronym_ending_a_title_is_no_name(lex):
    text = "“Kami bangga,” tambah Wajiran, Kepala Seksi Teknik Komunikasi Jaringan Dinas Kominfo."
    assert "Kominfo" not in [o.name for o in find_officials(text, lex)]


def test_a_headline_glues_verbs_to_names_and_is_not_read_for_officials(lex):
    text = ("Wali Kota Danny Beberkan Konsep Lorong Wisata di Depan Panelis\n"
            "Wali Kota Makassar Danny Pomanto memaparkan konsep lorong wisata, Senin (6/2/2023).")
    assert [(o.name, o.title) for o in find_officials(text, lex)] == [("Danny Pomanto", "Wali Kota Makassar")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Wakil Wali Kota Palu dr.Reny Lamadjido didampingi camat.", ("Reny Lamadjido", "Wakil Wali Kota Palu")),
    ("Piagam diterima dari Ketua Ombudsman RI, Andi Baso, di Jakarta.", ("Andi Baso", "Ketua Ombudsman RI")),
    ("Inovasi itu digagas Kepala Dinas Perhubungan Dr. Andi Baso S. STP. tahun lalu.",
     ("Andi Baso", "Kepala Dinas Perhubungan")),
])
def test_a_glued_lower_case_doctor_the_ombudsmans_chair_and_a_split_degree(lex, text, expected):
    assert [(o.name, o.title) for o in find_officials(text, lex)] == [expected]


def test_a_nickname_or_an_initial_for_the_same_post_is_the_same_person(lex):
    text = ("Wali Kota Palopo, Muhammad Judas Amir, membuka festival budaya di Lapangan Pancasila. "
            "Wali Kota Palopo Acil Amir mengatakan festival digelar setiap tahun. "
            "Wakil Bupati Luwu, Andi Syukur Bintang, hadir bersama Wakil Bupati Luwu A Syukur Bintang.")
    assert [(o.name, o.title) for o in find_officials(text, lex)] == [
        ("Muhammad Judas Amir", "Wali Kota Palopo"), ("Andi Syukur Bintang", "Wakil Bupati Luwu")]


@pytest.mark.parametrize("text", [
    "Anggota DPRD Toba, Rudi Simanjuntak, dan Anggota DPRD Toba, Marlina Simanjuntak, meninjau jalan yang rusak.",
    "Kepala Dinas Rudi Simanjuntak hadir bersama Kepala Dinas Kesehatan Toba Marlina Simanjuntak.",
])
def test_holders_of_a_post_many_hold_stay_apart_whatever_their_family_name(lex, text):
    assert [o.name for o in find_officials(text, lex)] == ["Rudi Simanjuntak", "Marlina Simanjuntak"]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Asisten Deputi Pelayanan Publik Kemenpan RB Hasanuddin Rauf memaparkan hasil evaluasi.", "Hasanuddin Rauf",
     "Asisten Deputi Pelayanan Publik Kemenpan RB"),
    ("Plt Direktur e-Government Kementerian Kominfo Rudi Santoso Lubis mengatakan layanan itu terhubung.",
     "Rudi Santoso Lubis", "Plt Direktur e-Government Kementerian Kominfo"),
    ("Kepala Pusat Pelatihan Badan Kepegawaian Negara (BKN) RI Sri Wulandari Putri membuka kelas.",
     "Sri Wulandari Putri", "Kepala Pusat Pelatihan Badan Kepegawaian Negara (BKN) RI"),
    ("GUBERNUR Sulawesi Barat Arifin Nur meluncurkan layanan aduan warga di Mamuju.", "Arifin Nur",
     "GUBERNUR Sulawesi Barat"),
    ("Gubernur Sulbar Ahmad Rahman Sulaiman (ARS) memberikan apresiasi.", "Ahmad Rahman Sulaiman", "Gubernur Sulbar"),
])
def test_long_positions_of_national_offices_and_leads_in_capitals(lex, text, name, title):
    (o,) = find_officials(text, lex)
    assert (o.name, o.title) == (name, title)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Kegiatan ini rutin digelar, ungkap Andi Rahmat Wakil Bupati Kepulauan Selayar saat membuka acara.",
     "Andi Rahmat", "Wakil Bupati Kepulauan Selayar"),
    ("Sebelumnya Wakil Bupati Tapin, Kalimantan Selatan, Habib Umar bin Yahya, berkunjung ke Maros.",
     "Umar bin Yahya", "Wakil Bupati Tapin, Kalimantan Selatan"),
    ("Peresmian itu didampingi dr Hendra Gunawan Direktur RSUD Andi Makkasau Parepare, Senin (4/3).",
     "Hendra Gunawan", "Direktur RSUD Andi Makkasau Parepare"),
    ("Rombongan dipimpin Drs. Basri Amin SE MSi Staf Ahli Bupati Soppeng.", "Basri Amin", "Staf Ahli Bupati Soppeng"),
    ("Warga antusias,” tambah Ridwan Saleh, kepala Seksi Persandian Dinas Kominfo.", "Ridwan Saleh",
     "kepala Seksi Persandian Dinas Kominfo"),
])
def test_a_speaker_or_an_honoured_name_before_the_post_and_a_name_with_its_particles(lex, text, name, title):
    (o,) = find_officials(text, lex)
    assert (o.name, o.title) == (name, title)


def test_a_post_inside_an_innovations_long_form_names_nobody(lex):
    text = "Inovasi Kabupaten Wajo antara lain KOPI DESA (Bupati Ngopi Di Desa), TEMU WARGA (Temu Warga Sepekan)."
    assert find_officials(text, lex) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kegiatan dihadiri Kepala Dinas Kesehatan, Camat Tanete dan Lurah Bontoa.", []),
    ("Kapolsek Mallawa, dan sejumlah tokoh masyarakat hadir.", []),
    ("Kepala Puskesmas Bontoa mengatakan layanan berjalan baik.", []),
    ("Turut hadir Camat Tanete Riaja Muh Rusdi.", [("Muh Rusdi", "Camat Tanete Riaja")]),
    ("Camat Bontoa, Andi Baso, mengatakan warga antusias.", [("Andi Baso", "Camat Bontoa")]),
])
def test_the_words_after_a_place_named_post_name_its_place(lex, text, expected):
    assert [(o.name, o.title) for o in find_officials(text, lex)] == expected


def test_a_capitalised_verb_after_a_name_is_no_part_of_it(lex):
    text = "Kepala Dinas Kesehatan Sulsel Rahmat Hidayat Berharap inovasi ini direplikasi daerah lain."
    assert [o.name for o in find_officials(text, lex)] == ["Rahmat Hidayat"]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Kepala SMPN 2 Maros, Hasniah, menerima penghargaan.", "Hasniah", "Kepala SMPN 2 Maros"),
    ("Danramil 1422-01 Kapten Inf Ahmad Yani hadir dalam apel.", "Ahmad Yani", "Danramil 1422-01"),
])
def test_a_schools_head_and_a_units_number(lex, text, name, title):
    (o,) = find_officials(text, lex)
    assert (o.name, o.title) == (name, title)
