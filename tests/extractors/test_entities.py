"""Entity resolution rules, one behaviour each; the dev-set score against entities.json; order independence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import load_lexicon
from extractors.entities import (
    INNOVATION,
    PERSON,
    Curation,
    InnovationMention,
    PersonMention,
    fold_person,
    one_letter_apart,
    post_kind,
    resolve_innovations,
    resolve_persons,
)
from tests.entity_gate import ENTITIES, dev_scores

LEX = load_lexicon()


def _p(k: int, name: str, title: str | None = "Wali Kota Makassar", region: str | None = "73.71",
       article: str | None = None) -> PersonMention:
    return PersonMention(f"m{k}", article or f"a{k}", name, title, region)


def _groups(resolution, mentions) -> list[set[str]]:
    by: dict[str, set[str]] = {}
    for m in mentions:
        by.setdefault(resolution.entity_of[m.mention], set()).add(m.name)
    return sorted(by.values(), key=lambda g: sorted(g))


def _persons(*mentions: PersonMention, curation: Curation | None = None) -> list[set[str]]:
    return _groups(resolve_persons(mentions, LEX, curation or Curation()), mentions)


def test_names_fold_case_dots_quotes_and_spellings_of_one_name_part():
    assert fold_person("Moh. Ramdhan 'Danny' Pomanto", LEX) == (("muhammad", "ramdhan", "pomanto"), (), "danny")
    assert fold_person("A.Fahsar M.Padjalangi", LEX) == fold_person("A. Fahsar M Padjalangi", LEX)
    assert fold_person("AS Chaidir Syam", LEX) == (("chaidir", "syam"), ("as",), None)


def test_one_letter_apart():
    assert one_letter_apart("sulaeman", "sulaiman") and one_letter_apart("hapuss", "happuss")
    assert one_letter_apart("ab", "ba") and not one_letter_apart("heriani", "herayati")
    assert not one_letter_apart("same", "same")


def test_spellings_of_one_name_are_one_person_without_further_evidence():
    assert _persons(_p(1, "Moh. Ramdhan Pomanto"), _p(2, "Mohammad Ramdhan Pomanto", None, None)) == [
        {"Moh. Ramdhan Pomanto", "Mohammad Ramdhan Pomanto"}]


def test_a_nickname_and_surname_is_the_person_whose_name_quotes_it():
    assert _persons(_p(1, 'Moh Ramdhan "Danny" Pomanto'), _p(2, "Danny Pomanto", "Ketua DPD", "73")) == [
        {'Moh Ramdhan "Danny" Pomanto', "Danny Pomanto"}]


def test_a_short_form_joins_with_a_shared_post_region_and_not_without():
    assert _persons(_p(1, "Abdullah Azwar Anas", "Bupati Banyuwangi", "35.10"),
                    _p(2, "Azwar Anas", "Bupati Banyuwangi", "35.10")) == [{"Abdullah Azwar Anas", "Azwar Anas"}]
    assert len(_persons(_p(1, "Abdullah Azwar Anas", "Bupati Banyuwangi", "35.10"),
                        _p(2, "Azwar Anas", "Ketua Koperasi", "73.71"))) == 2


def test_a_one_word_short_form_needs_the_same_kind_of_post_however_it_is_written():
    assert _persons(_p(1, "Abustan AB", "Sekretaris Daerah (Sekda) Barru", "73.11"),
                    _p(2, "Abustan", "Sekda Barru", "73.11")) == [{"Abustan AB", "Abustan"}]
    assert len(_persons(_p(1, "Irmayanti Pettalolo", "Sekda Kota Palu", "72.71"),
                        _p(2, "Irmayanti", "Kepala Dinas Sosial", "72.71"))) == 2


def test_a_short_form_joins_the_one_person_it_fits_and_neither_of_two():
    groups = _persons(_p(1, "Andi Irwan Hamid", "Bupati Pinrang", "73.15"), _p(2, "Andi Rahman Hamid", "Camat", "73.15"),
                      _p(3, "Hamid", "Bupati Pinrang", "73.15"))
    assert groups == [{"Andi Irwan Hamid", "Hamid"}, {"Andi Rahman Hamid"}]
    assert len(_persons(_p(1, "Irwan Hamid", "Bupati Pinrang", "73.15"), _p(2, "Arman Hamid", "Bupati Pinrang", "73.15"),
                        _p(3, "Hamid", "Bupati Pinrang", "73.15"))) == 3


def test_names_made_only_of_common_parts_never_identify_anyone():
    assert len(_persons(_p(1, "Andi Muhammad Syam", "Bupati Maros", "73.09"),
                        _p(2, "Andi Muhammad", "Bupati Maros", "73.09"))) == 2


def test_one_letter_misspelling_joins_with_context():
    assert _persons(_p(1, "Andi Sudirman Sulaiman", "Gubernur Sulsel", "73"),
                    _p(2, "Andi Sudirman Sulaeman", "Plt Gubernur Sulawesi Selatan", "73")) == [
        {"Andi Sudirman Sulaiman", "Andi Sudirman Sulaeman"}]


def test_two_posts_in_one_article_are_two_people():
    assert len(_persons(_p(1, "Fauzan Fuad", "Kadis Kominfo", "52.03", "x"),
                        _p(2, "Fauzan", "Sekretaris Bappeda", "52.03", "x"))) == 2


def test_successive_holders_of_one_post_stay_apart():
    assert len(_persons(_p(1, "Danny Pomanto", "Wali Kota Makassar"), _p(2, "Munafri Arifuddin", "Wali Kota Makassar"),
                        _p(3, "Ilham Arief Sirajuddin", "Wali Kota Makassar"))) == 3


def test_a_curator_joins_and_vetoes_and_a_veto_holds_through_a_third_name():
    same = Curation(same=frozenset({Curation.pair(PERSON, "Isti Heriani", "Isti Herayati")}))
    assert _persons(_p(1, "Isti Heriani", "Kapus LAN", None), _p(2, "Isti Herayati", "Kapus LAN", None),
                    curation=same) == [{"Isti Heriani", "Isti Herayati"}]
    veto = Curation(distinct=frozenset({Curation.pair(PERSON, "Azwar Anas", "Abdullah Azwar Anas")}))
    assert len(_persons(_p(1, "Abdullah Azwar Anas", "Bupati Banyuwangi", "35.10"),
                        _p(2, "Azwar Anas", "Bupati Banyuwangi", "35.10"), curation=veto)) == 2


def test_every_join_is_a_link_with_its_rule_and_evidence():
    r = resolve_persons([_p(1, "Abdullah Azwar Anas", "Bupati Banyuwangi", "35.10"),
                         _p(2, "Azwar Anas", "Bupati Banyuwangi", "35.10")], LEX)
    assert [(x.kind, x.rule) for x in r.links] == [(PERSON, "short form")]
    assert "35.10" in r.links[0].evidence
    assert list(r.names.values()) == ["Abdullah Azwar Anas"]


def test_post_kinds_fold_the_ways_a_post_is_written():
    assert post_kind("Plt Sekretaris Daerah Barru", LEX) == post_kind("Sekda Barru", LEX) == "sekda"
    assert post_kind("Wakil Bupati Gowa", LEX) != post_kind("Bupati Gowa", LEX)


def _b(k: int, name: str, region: str | None = "35.10", expansion: str | None = None, article: str | None = None):
    return InnovationMention(f"i{k}", article or f"a{k}", name, expansion, region)


def _brands(*mentions: InnovationMention) -> list[set[str]]:
    return _groups(resolve_innovations(mentions, LEX), mentions)


def test_an_acronym_joins_its_long_form():
    assert _brands(_b(1, "EVB", expansion="E-Village Budgeting"), _b(2, "e-village budgeting")) == [
        {"EVB", "e-village budgeting"}]
    assert _brands(_b(1, "POL", "35.24", article="x"), _b(2, "Pasar Online Lamongan", "35.24", article="x")) == [
        {"POL", "Pasar Online Lamongan"}]


def test_spacing_case_cue_words_and_one_letter_join():
    assert _brands(_b(1, "Si Gesit"), _b(2, "Si-Gesit"), _b(3, "SI GESIT")) == [{"Si Gesit", "Si-Gesit", "SI GESIT"}]
    assert _brands(_b(1, "Aplikasi Sobo Aksi"), _b(2, "Sobo Aksi")) == [{"Aplikasi Sobo Aksi", "Sobo Aksi"}]
    assert _brands(_b(1, "HAPPUSS", article="x"), _b(2, "HAPUSS", article="x")) == [{"HAPPUSS", "HAPUSS"}]


def test_one_brand_in_two_regencies_is_two_innovations_and_a_province_mention_joins_its_regency():
    groups = _brands(_b(1, "SIP PEKA", "73.22"), _b(2, "SIP PEKA", "32.04"), _b(3, "SIP PEKA", "73"))
    assert len(groups) == 2
    r = resolve_innovations([_b(1, "SIP PEKA", "73.22"), _b(2, "SIP PEKA", "32.04"), _b(3, "SIP PEKA", "73")], LEX)
    assert r.entity_of["i3"] == r.entity_of["i1"] != r.entity_of["i2"]


def test_a_part_of_a_name_in_the_same_article_joins_it_but_not_a_common_word():
    assert _brands(_b(1, "Web Gis Kepong Bakol", article="x"), _b(2, "Kepong Bakol", article="x")) == [
        {"Web Gis Kepong Bakol", "Kepong Bakol"}]
    assert len(_brands(_b(1, "Kepong Bakol", article="x"), _b(2, "Kepong Bakol Lain", article="y"))) == 2


_NAMES = ["Abdullah Azwar Anas", "Azwar Anas", "Andi Sudirman Sulaiman", "Andi Sudirman Sulaeman", "Danny Pomanto",
          'Moh. Ramdhan "Danny" Pomanto', "Irwan Hamid", "A. Irwan Hamid", "Hamid", "Munafri Arifuddin"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(["73.71", "73.15", None]), st.integers(0, 3)),
                min_size=1, max_size=14), st.randoms(use_true_random=False))
def test_the_resolution_does_not_depend_on_the_order_of_the_mentions(items, rnd):
    mentions = [PersonMention(f"m{k}", f"a{art}", name, "Bupati X", region) for k, (name, region, art) in enumerate(items)]
    shuffled = mentions[:]
    rnd.shuffle(shuffled)
    a, b = resolve_persons(mentions, LEX), resolve_persons(shuffled, LEX)
    assert a.entity_of == b.entity_of and a.names == b.names and a.links == b.links


FLOORS = {PERSON: (0.97, 0.95), INNOVATION: (0.96, 0.95)}     # (precision, F1) on the dev set, entities.json


@pytest.mark.skipif(not ENTITIES.exists(), reason="../shared/eval/entities.json is not beside the checkout")
@pytest.mark.parametrize("kind", [PERSON, INNOVATION])
def test_dev_set_pairwise_scores_hold_their_floors(kind):
    score, _ = dev_scores(LEX)[kind]
    precision, f1 = FLOORS[kind]
    assert score.mentions > 250
    assert score.precision >= precision and score.f1 >= f1, score
