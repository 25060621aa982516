"""The fast main-text pass: on every outlet layout at least as good as trafilatura, and out of the way where unsure."""

from __future__ import annotations

import random

import pytest
import trafilatura
from selectolax.lexbor import LexborHTMLParser

from flows.main_text import main_text
from flows.text import html_to_article
from tests.flows.outlet_layouts import LAYOUTS, listing_page, text_scores

TITLE = "Pemkab Uji Luncurkan Layanan Antar Dokumen Kependudukan"
STORY = [
    "Pemerintah Kabupaten Uji meluncurkan layanan antar dokumen kependudukan bagi warga lanjut usia, Senin (3/6/2024).",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil, Andi Contoh, mengatakan petugas akan datang ke rumah warga "
    "yang tidak bisa hadir ke kantor dinas.",
    "Layanan ini diberi nama SI ANTAR, singkatan dari Sistem Antar Dokumen Rumah, dan dapat dipesan melalui "
    "aplikasi maupun telepon kantor kecamatan.",
    "Ia berharap layanan tersebut mempercepat kepemilikan KTP elektronik dan kartu keluarga di desa terpencil.",
]


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_reads_the_story_at_least_as_well_as_trafilatura(name: str) -> None:
    page = LAYOUTS[name](TITLE, STORY, 7, random.Random(7))
    truth = "\n".join(STORY)
    ours = text_scores(html_to_article(page).text, truth)
    theirs = text_scores(trafilatura.extract(page, include_comments=False, deduplicate=False), truth)
    assert ours[1] == 1.0, "every story paragraph is in the text"
    assert ours[2] >= theirs[2] - 1e-9
    assert ours[0] >= 0.9, "menus, share bars, related lists and comments stay out"


def test_a_layout_without_a_known_body_is_left_to_trafilatura() -> None:
    page = LAYOUTS["unknown_container"](TITLE, STORY, 1, random.Random(1))
    assert main_text(LexborHTMLParser(page)) is None
    assert STORY[2] in html_to_article(page).text


def test_a_listing_page_of_teasers_yields_no_fast_text() -> None:
    assert main_text(LexborHTMLParser(listing_page(1, random.Random(1)))) is None


def test_hidden_blocks_share_bars_and_scripts_inside_the_body_stay_out() -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    page = (f"<html><body><div class='entry-content'>{body}<div style='display: none'>teks tersembunyi</div>"
            "<div class='td-share-box'>Bagikan ke WhatsApp</div><script>var x = 'skrip';</script>"
            "<p hidden>juga tersembunyi</p></div></body></html>")
    text = main_text(LexborHTMLParser(page))
    assert text is not None and text.splitlines() == STORY


def test_source_line_breaks_do_not_split_a_paragraph_and_br_does() -> None:
    page = ("<html><body><div class='isi-berita'>" + STORY[0].replace(" warga", "\n warga") + "<br><br>"
            + "<br>".join(STORY[1:]) + "</div></body></html>")
    text = main_text(LexborHTMLParser(page))
    assert text is not None and text.splitlines() == STORY


def test_metadata_comes_from_the_same_tree() -> None:
    page = LAYOUTS["schema_article_body"](TITLE, STORY, 3, random.Random(3))
    art = html_to_article(page)
    assert art.title == TITLE
    assert art.author == "Andi Redaksi"        # from the JSON-LD block in the head
    assert art.date == "2024-04-13"
    assert art.url == "https://bench.warta.test/berita/3/"
    assert art.language == "id"
