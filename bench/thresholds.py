"""Precision and recall of the learned parts at several thresholds, by the shared four dev folds (each fold
predicted by models fitted on the other three), so an analyst can choose a `confidence` cut.

    python bench/thresholds.py [--thresholds 0.2 0.3 0.4 0.5 0.6 0.7 0.8]

The shipped thresholds (data/models/models.json) were chosen the same way; the sealed set is never used here.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import load_lexicon
from extractors.learned import MODELS_FILE, ModelSet
from flows.train import fit
from tests.eval_gate import folds, gold_cases, predict, score

MODELS = {"innovations": "innovations", "regions": "regions"}     # model -> the field of score.py it decides


def _with_threshold(directory: Path, model: str, threshold: float) -> Path:
    out = Path(tempfile.mkdtemp(prefix="warta-t-"))
    shutil.copytree(directory, out, dirs_exist_ok=True)
    card = json.loads((out / MODELS_FILE).read_text(encoding="utf-8"))
    card[model]["threshold"] = threshold
    (out / MODELS_FILE).write_text(json.dumps(card), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
    args = ap.parse_args(argv)
    cases, fold_of, lex = gold_cases(), folds(), load_lexicon()
    fitted = {}
    for fold in sorted(set(fold_of.values())):
        out = Path(tempfile.mkdtemp(prefix="warta-fold-"))
        fit([c for c in cases if fold_of[c["id"]] != fold], out, lex)
        fitted[fold] = out
    for model, field in MODELS.items():
        print(f"{model}: 4-fold precision / recall / F1 by threshold")
        for t in args.thresholds:
            predictions = []
            for fold, directory in fitted.items():
                test = [c for c in cases if fold_of[c["id"]] == fold]
                predictions += predict(test, replace(lex, models=ModelSet(_with_threshold(directory, model, t))))
            line = next(x for x in score(cases, predictions)[1].splitlines() if x.startswith(field + " "))
            p, r, f = re.split(r"\s+", line.strip())[1:4]
            print(f"  {t:.1f}  P {p}  R {r}  F1 {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
