"""One parametrised golden test: every tests/golden/cases/<case>.txt gives exactly its reviewed <case>.json."""

import json

import pytest

from tests.regen_golden import CASES, expected

TEXTS = sorted(CASES.glob("*.txt"))


@pytest.mark.parametrize("txt", TEXTS, ids=[t.stem for t in TEXTS])
def test_case_matches_reviewed_facts(txt):
    reviewed = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    result = json.loads(json.dumps(expected(txt.read_text(encoding="utf-8")), sort_keys=True))
    assert result == reviewed


def test_every_case_has_reviewed_facts():
    assert TEXTS and all(t.with_suffix(".json").exists() for t in TEXTS)
