import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.lexicon import alt
from extractors.wordscan import WordScan

PHRASES = ["rapat", "rapat kerja", "kerja", "sosialisasi", "Sosialisasi", "inovasi", "inovasinya", "dengan inovasi",
           "dengan", "lab inovasi"]
REGEX = re.compile(rf"\b{alt(PHRASES)}\b")
SCAN = WordScan({"words": ({p: p for p in PHRASES}, "_")})


@given(st.lists(st.sampled_from([*PHRASES, "x", "rapatkan", "inovasi_", "ke-2", "  ", ",", ".", "\n", "é"]), max_size=30)
       .map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts)))
def test_finds_what_the_regex_alternation_finds(text):
    assert [(s, e) for s, e, _ in SCAN.find(text)] == [m.span() for m in REGEX.finditer(text)]


def test_longest_whole_word_first_and_its_value():
    text = "Rapat kerja dan rapatkan barisan, lalu rapat kerja."
    assert [(text[s:e], v) for s, e, v in SCAN.find(text)] == [("kerja", "kerja"), ("rapat kerja", "rapat kerja")]


def test_refuses_an_empty_lexicon():
    with pytest.raises(ValueError):
        WordScan({"words": ({}, "_")})


def test_kinds_share_one_pass_and_keep_their_own_word_rules():
    titles, places = {"Bupati": "post", "Wakil Bupati": "post"}, {"Bupati": "place?", "Bone": "place", "Bone-Bone": "place"}
    both = WordScan({"titles": (titles, "_-"), "places": (places, "_'-")})
    alone = {"titles": WordScan({"titles": (titles, "_-")}), "places": WordScan({"places": (places, "_'-")})}
    text = "Wakil Bupati Bone, ex-Bupati, Bone-Bone dan Bone’s; Bupati."
    hits = both.scan(text)
    for kind, scan in alone.items():
        assert hits.of(kind) == scan.find(text)
    assert [text[s:e] for s, e, _ in hits.of("titles")] == ["Wakil Bupati", "Bupati"]
