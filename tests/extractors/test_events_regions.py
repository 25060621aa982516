import pytest

from extractors import extract_facts, find_dates, find_events, find_regions


def test_event_with_trigger_date_and_venue(lex):
    text = ("Staf Ahli Dirham membuka Sosialisasi Inovasi Pelayanan Publik, bertempat di Ruang Galery Lt.1 "
            "Kantor Bupati Takalar, Selasa, (9/10/2018).")
    (e,) = find_events(text, lex, dates=find_dates(text, lex))
    assert (e.date, e.kind, e.location) == ("2018-10-09", "socialization", "Ruang Galery Lt.1 Kantor Bupati Takalar")


@pytest.mark.parametrize(("text", "kind"), [
    ("Wali Kota Palopo menggelar video conference bersama para camat membahas pelayanan KTP, Senin (12/4/2021).", "meeting"),
    ("Sidang pleno penetapan bupati terpilih digelar KPU Wajo di aula kantornya, Rabu (26/2/2025).", "meeting"),
    ("Bupati menghadiri penyerahan sertifikat tanah kepada 150 warga Desa Bonto, Kamis (5/10/2023).", "other"),
    ("Polres Maros memusnahkan barang bukti sabu seberat 2 kilogram di Mapolres, Selasa (12/3/2024).", "other"),
    ("Penghargaan diserahkan Menteri PANRB dalam seminar inovasi di Jakarta, Kamis (1/12/2022).", "award"),
])
def test_meetings_by_their_other_names_and_a_handover_are_events(lex, text, kind):
    (e,) = find_events(text, lex, dates=find_dates(text, lex))
    assert e.kind == kind and e.date is not None


def test_participant_count(lex):
    text = "Bimbingan Teknis dibuka Selasa (29/3/2022). Kegiatan ini diikuti sebanyak 40 peserta dari OPD."
    events = find_events(text, lex, dates=find_dates(text, lex))
    assert (events[0].kind, events[0].participants) == ("training", 40)


def test_region_aliases_resolve_to_kemendagri_codes(lex):
    codes = {m.region.code for m in find_regions("Pemkab Lutim dan Pemprov Sulsel serta Kota Pare-Pare", lex)}
    assert codes == {"73.24", "73", "73.72"}


def test_venue_city_is_not_an_article_region(lex):
    text = "Wali Kota Parepare, Taufan Pawe membuka kegiatan Pemerintah Kota Parepare di LAN RI, Makassar."
    assert [r.name for r in extract_facts(text, lex).region_list] == ["Kota Parepare"]


@pytest.mark.parametrize("space", [" ", "  ", "\u00a0", "\t"])
def test_a_region_is_found_whatever_space_stands_between_its_words(lex, space):
    (m,) = find_regions(f"Pemkab Luwu{space}Utara meluncurkan layanan baru.", lex)
    assert m.region.name == "Kabupaten Luwu Utara" and m.strong


def test_a_region_name_does_not_run_across_a_line_end(lex):
    names = [m.region.name for m in find_regions("Bupati Luwu\nUtara adalah kata pertama paragraf ini.", lex)]
    assert names == ["Kabupaten Luwu"]


def test_jakartas_administrative_cities_go_by_the_names_the_press_uses(lex):
    names = {m.region.name for m in find_regions("Pemkot Jakarta Barat dan Pemkab Kepulauan Seribu bekerja sama.", lex)}
    assert names == {"Kota Jakarta Barat", "Kabupaten Kepulauan Seribu"}


@pytest.mark.parametrize("written", ["Pangkalpinang", "Pangkal Pinang"])
def test_a_region_carries_the_name_its_government_uses_however_the_text_spells_it(lex, written):
    (m,) = find_regions(f"Pemkot {written} meluncurkan aplikasi layanan.", lex)
    assert (m.region.code, m.region.name) == ("19.71", "Kota Pangkalpinang")


def test_a_short_form_the_text_defines_in_brackets_names_that_region_throughout(lex):
    text = "Pemkab Murung Raya (Mura) menggelar paparan aplikasi. Bupati Mura membuka acara itu."
    assert {m.region.code for m in find_regions(text, lex)} == {"62.12"}       # not Musi Rawas, the press's Mura
    assert {m.region.code for m in find_regions("Bupati Mura membuka acara itu.", lex)} == {"16.05"}


@pytest.mark.parametrize(("text", "province"), [
    ("Pemkab Gowa meraih Top 30 kompetisi inovasi tingkat Provinsi Sulawesi Selatan tahun ini. Bupati Gowa "
     "menyerahkan piagam kepada kepala dinas.", False),            # named once, as the contest's level
    ("Pemprov Sulsel menggelar kompetisi inovasi. Pemkab Gowa meraih Top 30 di kompetisi Pemprov Sulsel itu.", True),
    ("Gubernur Sulawesi Selatan Andi Baso menyerahkan piagam kepada Pemkab Gowa, juara kompetisi inovasi "
     "tingkat Provinsi Sulawesi Selatan.", True),                  # its official acts
])
def test_a_province_is_an_articles_region_when_it_acts_in_it(lex, text, province):
    regions = [r.name for r in extract_facts(text, lex).region_list]
    assert "Kabupaten Gowa" in regions
    assert ("Provinsi Sulawesi Selatan" in regions) is province


@pytest.mark.parametrize(("written", "name"), [("Pemkab Rohil", "Kabupaten Rokan Hilir"),
                                               ("Pemkab Kotim", "Kabupaten Kotawaringin Timur"),
                                               ("Pemkab Lotim", "Kabupaten Lombok Timur"),
                                               ("Pemkot Jaksel", "Kota Jakarta Selatan")])
def test_press_short_forms_of_kabupaten_and_kota(lex, written, name):
    assert [m.region.name for m in find_regions(f"{written} menggelar rapat.", lex)] == [name]


def test_a_venue_in_lower_case_goes_on_to_whose_it_is(lex):
    text = "Kelurahan Allepolea mengikuti presentasi lomba inovasi di ruang rapat Bappeda, Selasa (13/8/2024)."
    (e,) = find_events(text, lex, dates=find_dates(text, lex))
    assert e.location == "ruang rapat Bappeda"
