"""The quality gate: cross-validated F1 on ../shared/eval/dev, scored by the shared score.py, stays at or above
the floors in floors.json for all five fields. Floors only go up (raise them when extraction improves)."""

import json
from pathlib import Path

import pytest

from tests.eval_gate import DEV, SCORE, cross_validated, f1_table, gold_cases, score

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
CASES = gold_cases()


@pytest.mark.skipif(not (CASES and SCORE.exists()), reason=f"the shared dev set is not beside the checkout ({DEV})")
def test_dev_set_meets_floors():
    bars = [a for field, floor in FLOORS.items() for a in ("--min-f1", f"{field}={floor}")]
    code, table = score(CASES, cross_validated(CASES), *bars)
    assert code == 0, table


def test_every_field_is_guarded():
    assert set(FLOORS) == {"dates", "officials", "innovations", "events", "regions"}


@pytest.mark.skipif(not (CASES and SCORE.exists()), reason="the shared dev set is not beside the checkout")
def test_table_is_read_from_the_shared_scorer():
    table = f1_table(score(CASES[:3], [{"id": c["id"]} for c in CASES[:3]])[1])
    assert set(table) == set(FLOORS)
