"""Score extraction on ../shared/eval with its score.py: the dev set in-sample and by the shared four folds, and
the sealed set as a whole, each with the rules alone and with the learned models.

    python bench/eval_dev.py              # every table
    python bench/eval_dev.py --details    # plus score.py's per-article misses of the 4-fold dev predictions

In-sample figures of the models are fitted on the very articles they score: read the 4-fold table (each fold
predicted by models fitted on the other three) and the sealed one (nobody's fitting or reading reached it).
The sealed set is printed in aggregate only; its per-item errors are never shown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import load_lexicon
from flows.train import rules_only
from tests.eval_gate import SEALED, cross_validated, gold_cases, predict, rules_lexicon, score


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    cases, sealed, lex = gold_cases(), gold_cases(SEALED), load_lexicon()
    tables = [
        (f"dev in-sample, rules alone ({len(cases)} articles)", cases, predict(cases, rules_only(lex)), ()),
        ("dev in-sample, with the shipped models (fitted on these very articles)", cases, predict(cases, lex), ()),
        ("dev 4-fold, rules alone", cases, cross_validated(cases, fit=rules_lexicon), ()),
        ("dev 4-fold, with models fitted on the other three folds", cases, cross_validated(cases),
         ("--details",) if args.details else ()),
    ]
    if sealed:
        tables += [(f"sealed ({len(sealed)} articles), rules alone", sealed, predict(sealed, rules_only(lex)), ()),
                   ("sealed, with the shipped models", sealed, predict(sealed, lex), ())]
    for title, gold, predictions, extra in tables:
        print(title)
        print(score(gold, predictions, *extra)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
