"""Rewrite tests/golden/cases/*.json from the current extractors, for a human to review in the diff.

    python -m tests.regen_golden            # all cases
    python -m tests.regen_golden seed-000   # some

CI never runs this: the golden test compares against the reviewed JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractors import facts_to_contract, load_lexicon, read_article

CASES = Path(__file__).parent / "golden" / "cases"


def expected(text: str) -> dict:
    """The facts `warta extract` gives for the case (the recipe of extractors.read_article)."""
    return facts_to_contract(read_article(text, load_lexicon()).reading.facts)


def main(names: list[str]) -> int:
    for txt in sorted(CASES.glob("*.txt")):
        if names and txt.stem not in names:
            continue
        out = json.dumps(expected(txt.read_text(encoding="utf-8")), ensure_ascii=False, indent=2, sort_keys=True)
        txt.with_suffix(".json").write_text(out + "\n", encoding="utf-8")
        print("wrote", txt.with_suffix(".json").name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
