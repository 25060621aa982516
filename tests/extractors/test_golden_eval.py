"""Golden test over the gold-annotated articles: per-field F1 must stay at or above the pinned floors."""

import json
from pathlib import Path

import pytest

from extractors import clean, extract_facts, facts_to_contract
from tests.conftest import gold_cases

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
CASES = gold_cases()


def _norm(s):
    return " ".join((s or "").casefold().split())


def _f1(gold, pred):
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.skipif(not CASES, reason="no gold files")
def test_dev_set_meets_floors(lex):
    totals = {k: [0, 0, 0] for k in ("dates", "innovations", "regions")}
    for case in CASES:
        got = facts_to_contract(extract_facts(clean(case["text"], lex).text, lex))
        pairs = {
            "dates": (set(case["dates"]), set(got["dates"]) - set(case.get("dates_optional", []))),
            "innovations": ({_norm(i["name"]) for i in case["innovations"] if not i.get("optional")},
                            {_norm(i["name"]) for i in got["innovations"]}
                            - {_norm(i["name"]) for i in case["innovations"] if i.get("optional")}),
            "regions": ({_norm(r) for r in case["regions"]}, {_norm(r) for r in got["regions"]}),
        }
        for k, (g, p) in pairs.items():
            totals[k][0] += len(g & p)
            totals[k][1] += len(p - g)
            totals[k][2] += len(g - p)
    for k, (tp, fp, fn) in totals.items():
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        assert f1 >= FLOORS[k], f"{k} F1 {f1:.3f} below floor {FLOORS[k]}"
