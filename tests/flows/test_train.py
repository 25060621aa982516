"""`warta train` fits the shipped models, and the models behave as the extractors rely on."""

import json

import pytest
from typer.testing import CliRunner

from extractors import load_lexicon, read_article
from extractors.learned import MODELS_FILE
from flows.cli import app
from flows.train import MODEL_DIR, SPECS, fit, gold_digest, read_gold, rules_only
from tests.eval_gate import DEV

CASES = read_gold(DEV) if DEV.is_dir() else []
needs_dev = pytest.mark.skipif(not CASES, reason=f"the shared dev set is not beside the checkout ({DEV})")
STORY = ("Pemerintah Kabupaten Gowa meluncurkan inovasi SIPAKAR (Sistem Pelayanan Kesehatan Rakyat) dan "
         "BUAH SABAR, di Aula Kantor Bupati Gowa.\nInovasi lain antara lain Kampung Sehat (Dinas Kesehatan), "
         "Rumah Baca (Kecamatan Somba Opu) dan Sipena (BPBD).")


@needs_dev
def test_the_train_command_rebuilds_the_shipped_models_byte_for_byte(tmp_path):
    result = CliRunner().invoke(app, ["train", "--gold", str(DEV), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in (MODELS_FILE, *(f"{s.name}.crfsuite" for s in SPECS)):
        assert (tmp_path / name).read_bytes() == (MODEL_DIR / name).read_bytes(), f"{name}: run `warta train`"


@needs_dev
def test_the_shipped_models_were_fitted_on_the_current_dev_set():
    card = json.loads((MODEL_DIR / MODELS_FILE).read_text(encoding="utf-8"))
    assert {entry["gold_sha256"] for entry in card.values()} == {gold_digest(CASES)}, "the dev set changed: warta train"


def test_train_without_gold_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["train", "--gold", str(tmp_path / "none"), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "no gold articles" in result.output


def test_models_fitted_on_a_few_articles_decide_with_confidences(tmp_path):
    gold = [{"id": "a", "text": STORY, "innovations": [{"name": n} for n in ("SIPAKAR", "BUAH SABAR", "Kampung Sehat",
                                                                           "Rumah Baca", "Sipena")],
             "regions": ["Kabupaten Gowa"]},
            {"id": "b", "text": "Bupati Gowa Adnan Purichta Ichsan membuka rapat koordinasi di Kabupaten Gowa.",
             "innovations": [], "regions": ["Kabupaten Gowa"]}]
    card = fit(gold, tmp_path)
    assert set(card) == {s.name for s in SPECS} and all(e["articles"] == 2 for e in card.values())
    lex = load_lexicon(models=tmp_path)
    facts = read_article(STORY, lex).reading.facts
    assert facts.innovations and all(0.0 <= i.confidence <= 1.0 for i in facts.innovations)
    assert all(0.0 <= p <= 1.0 for _, p in facts.region_scores)


def test_without_models_the_rules_decide_and_say_so():
    facts = read_article(STORY, rules_only(load_lexicon())).reading.facts
    assert facts.innovations and all(i.confidence is None for i in facts.innovations)
    assert facts.region_scores == ()


def test_the_package_ships_its_models():
    lex = load_lexicon()
    assert all(lex.models.get(s.name) is not None for s in SPECS)


def test_many_items_are_classified_as_one_at_a_time():
    model = load_lexicon().models.get("innovations")
    items = [["bias", "src=rule", "w=sipakar"], ["bias", "w=bupati", "titleword=True"], ["bias", "nw=3"]]
    assert model.probabilities(items, "Y") == pytest.approx([model.probability(i, "Y") for i in items], abs=1e-12)
