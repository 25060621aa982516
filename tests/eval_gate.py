"""The quality gate over ../shared/eval/dev, scored by the shared ../shared/eval/score.py itself.

Used by tests/extractors/test_golden_eval.py (floors) and bench/eval_dev.py (in-sample and k-fold tables).
The gold files are read at run time from ../shared and never copied into the repository.

Cross-validation: the four shared folds (../shared/eval/folds.json); for each fold the learned components
are fitted on the other folds only (`fit`, flows/train.py), then the fold is predicted and scored. The
folds' predictions are pooled and scored once, so the table reads like the in-sample one. The sealed set
(../shared/eval/sealed) is only ever scored as a whole: its aggregate table, never its items.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from extractors import Lexicon, facts_to_contract, load_lexicon, read_article
from flows.train import fitted_lexicon, read_folds, rules_only

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
SCORE = SHARED / "eval" / "score.py"
SEALED = SHARED / "eval" / "sealed"
FOLDS = SHARED / "eval" / "folds.json"
FIELDS = ("dates", "officials", "innovations", "events", "regions")


def gold_cases(directory: Path = DEV) -> list[dict]:
    """The gold articles (empty when ../shared is not beside the checkout)."""
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(directory.glob("*.json"))]


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("warta_shared_score", SCORE)
    assert spec and spec.loader, f"no scorer at {SCORE}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(cases: list[dict], lex: Lexicon) -> list[dict]:
    """The eval contract for each case, as `warta extract --format jsonl` prints it for the gold file: the recipe
    that loads DuckDB (extractors.read_article), with the gold's publication date as the page's own date."""
    out = []
    for c in cases:
        reading = read_article(c["text"], lex, published=c.get("published")).reading
        out.append({"id": c["id"], **facts_to_contract(reading.facts)})
    return out


def score(cases: list[dict], predictions: list[dict], *args: str) -> tuple[int, str]:
    """Run score.py on these cases and predictions; (exit code, printed table)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred = Path(tmp) / "gold", Path(tmp) / "pred.jsonl"
        gold_dir.mkdir()
        for c in cases:
            (gold_dir / f"{c['id']}.json").write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
        pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = scorer().main([str(gold_dir), str(pred), *args])
        return code, out.getvalue()


def f1_table(text: str) -> dict[str, float]:
    """{field: F1} from score.py's printed table."""
    rows = (line.split() for line in text.splitlines())
    return {r[0]: float(r[3]) for r in rows if r and r[0] in FIELDS}


def folds() -> dict[str, int]:
    """The shared four folds (../shared/eval/folds.json): every dev article's fold."""
    return read_folds(FOLDS) if FOLDS.exists() else {}


def cross_validated(cases: list[dict], fold_of: dict[str, int] | None = None,
                    fit: Callable[[list[dict]], Lexicon] = fitted_lexicon) -> list[dict]:
    """Predictions for every case made by models fitted on the other folds only (`fit`: the cases -> a lexicon
    with their models; `rules_lexicon` gives the rules alone)."""
    fold_of = fold_of if fold_of is not None else folds()
    out: list[dict] = []
    for fold in sorted(set(fold_of[c["id"]] for c in cases)):
        train = [c for c in cases if fold_of[c["id"]] != fold]
        test = [c for c in cases if fold_of[c["id"]] == fold]
        out += predict(test, fit(train))
    return out


def rules_lexicon(_train: list[dict]) -> Lexicon:
    """The rules alone, whatever the training cases (the baseline of every table)."""
    return rules_only(load_lexicon())
