"""The learned parts of extraction: small classifiers fitted on ../shared/eval/dev, shipped under data/models.

Rules propose, a model decides where the rules plateau (`innovation_choice`, `region_choice`). Each model is
a maximum-entropy classifier stored as a CRFsuite model of one-item sequences (python-crfsuite: a C library,
8 ms to import, microseconds per decision, a model file of tens or hundreds of kilobytes), so the product carries one
learning library and no scikit-learn at run time. `flows/train.py` fits them (`warta train`); `models.json`
beside them holds each model's decision threshold and how it was trained and measured.

A model is read-only data, loaded once per process like the lexicon: the same features always give the same
probabilities. When the model files are missing (a lexicon directory without models, the training of the
models themselves) the rules' own decisions stand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

MODELS_FILE = "models.json"      # {name: {"file": ..., "threshold": ..., ...}}


class Classifier:
    """Probabilities of the labels of one item described by string features (unknown features weigh nothing)."""

    def __init__(self, path: Path, threshold: float) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.labels = tuple(self._tagger.labels())
        self.threshold = threshold

    def probability(self, features: Sequence[str], label: str) -> float:
        """P(label | features); 0.0 for a label the model never saw."""
        if label not in self.labels:
            return 0.0
        self._tagger.set([list(features)])
        return float(self._tagger.marginal(label, 0))

    def probabilities(self, items: Sequence[Sequence[str]], label: str) -> list[float]:
        """P(label | features) of many items at once. The models are fitted on one-item sequences, so they hold
        no transition weights and each item of a longer sequence is classified on its own: one call, not many."""
        if label not in self.labels or not items:
            return [0.0] * len(items)
        self._tagger.set([list(f) for f in items])
        return [float(self._tagger.marginal(label, i)) for i in range(len(items))]

    def distribution(self, features: Sequence[str]) -> dict[str, float]:
        self._tagger.set([list(features)])
        return {label: float(self._tagger.marginal(label, 0)) for label in self.labels}


@dataclass(frozen=True)
class ModelSet:
    """The models of one directory, by name; `get` is None for a model the directory does not hold."""

    directory: Path | None

    def get(self, name: str) -> Classifier | None:
        return _load(self.directory, name) if self.directory is not None else None


@cache
def _card(directory: Path) -> dict[str, dict[str, object]]:
    path = directory / MODELS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@cache
def _load(directory: Path, name: str) -> Classifier | None:
    entry = _card(directory).get(name)
    if not entry:
        return None
    path = directory / str(entry["file"])
    return Classifier(path, float(str(entry["threshold"]))) if path.is_file() else None
