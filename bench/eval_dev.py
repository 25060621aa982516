"""Score the extractors on ../shared/eval/dev with ../shared/eval/score.py, in-sample and by k-fold cross-validation.

    python bench/eval_dev.py              # both tables
    python bench/eval_dev.py --details    # plus score.py's per-article misses (in-sample)
    python bench/eval_dev.py --folds 10
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import load_lexicon
from tests.eval_gate import cross_validated, gold_cases, predict, score


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    cases = gold_cases()
    print(f"in-sample, {len(cases)} articles")
    print(score(cases, predict(cases, load_lexicon()), *(["--details"] if args.details else []))[1])
    print(f"{args.folds}-fold cross-validated (each fold predicted by components fitted on the others)")
    print(score(cases, cross_validated(cases, args.folds))[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
