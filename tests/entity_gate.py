"""Pairwise scoring of entity resolution against ../shared/eval/entities.json (see that README's last section).

The dev articles are read by the recipe that loads DuckDB and resolved together, as one database. Scored over
the gold mentions the extractors found (a gold name read in its article): a pair of them is a true link when
entities.json puts both in one cluster (a mention in no cluster is its own entity); `doubtful` pairs are not
scored.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass

from extractors import Lexicon, read_article
from extractors.entities import (
    INNOVATION,
    PERSON,
    Curation,
    InnovationMention,
    PersonMention,
    Resolution,
    resolve_innovations,
    resolve_persons,
)
from tests.eval_gate import SHARED, gold_cases, scorer

ENTITIES = SHARED / "eval" / "entities.json"
GOLD_FIELD = {PERSON: "officials", INNOVATION: "innovations"}
CLUSTERS = {PERSON: "persons", INNOVATION: "innovations"}


@dataclass(frozen=True)
class PairScore:
    tp: int
    fp: int
    fn: int
    mentions: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def dev_mentions(lex: Lexicon) -> tuple[list[dict], list[PersonMention], list[InnovationMention]]:
    """The dev cases and every official and innovation the recipe reads in them (mention id: article#n)."""
    cases = gold_cases()
    persons, brands = [], []
    for c in cases:
        facts = read_article(c["text"], lex, published=c.get("published")).reading.facts
        region = facts.region_list[0].code if facts.region_list else None
        persons += [PersonMention(f"{c['id']}#{k}", c["id"], o.name, o.title, o.region.code if o.region else None)
                    for k, o in enumerate(facts.officials)]
        brands += [InnovationMention(f"{c['id']}#{k}", c["id"], i.name, i.expansion, region)
                   for k, i in enumerate(facts.innovations)]
    return cases, persons, brands


def pairwise(kind: str, cases: list[dict], mentions: list, resolution: Resolution) -> tuple[PairScore, list[str]]:
    """The score, and the wrong pairs (for reading dev errors only)."""
    norm = scorer().norm
    spec = json.loads(ENTITIES.read_text(encoding="utf-8"))
    truth: dict[tuple[str, str], int] = {}
    for k, cluster in enumerate(spec[CLUSTERS[kind]]):
        for m in cluster["mentions"]:
            truth[(m["article"], norm(m["name"]))] = k
    doubtful = {frozenset({(d["a"]["article"], norm(d["a"]["name"])), (d["b"]["article"], norm(d["b"]["name"]))})
                for d in spec["doubtful"] if d["kind"] == kind}
    found: dict[tuple[str, str], str] = {}
    for m in mentions:
        found.setdefault((m.article, norm(m.name)), resolution.entity_of[m.mention])
    gold = sorted({(c["id"], norm(g["name"])) for c in cases for g in c.get(GOLD_FIELD[kind]) or []} & set(found))
    tp = fp = fn = 0
    wrong = []
    for x, y in itertools.combinations(gold, 2):
        if frozenset({x, y}) in doubtful:
            continue
        same = x in truth and truth.get(x) == truth.get(y)
        joined = found[x] == found[y]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
        if same != joined:
            wrong.append(f"{'FP' if joined else 'FN'} {x[1]!r} ({x[0]}) ~ {y[1]!r} ({y[0]})")
    return PairScore(tp, fp, fn, len(gold)), wrong


def dev_scores(lex: Lexicon, curation: Curation | None = None) -> dict[str, tuple[PairScore, list[str]]]:
    cases, persons, brands = dev_mentions(lex)
    curation = curation or Curation()
    return {PERSON: pairwise(PERSON, cases, persons, resolve_persons(persons, lex, curation)),
            INNOVATION: pairwise(INNOVATION, cases, brands, resolve_innovations(brands, lex, curation))}
