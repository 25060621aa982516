"""Innovations found in ordinary news, where there should be none: a precision check without gold.

    python bench/spurious_innovations.py          # counts, and every name found, to read

Reads ../shared/corpus/texts.jsonl (topic other than innovation; the lines the sealed gold annotates are left
out, since its names are printed to be read) and the ../shared/eval/dev articles whose gold lists no innovation.
The bar (issue 12): fewer than one per 20 such articles.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import clean, extract_facts, load_lexicon
from flows.build_lexicon import corpus_records
from tests.eval_gate import SEALED, SHARED, gold_cases

CORPUS = SHARED / "corpus" / "texts.jsonl"


def found(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    lex = load_lexicon()
    return [(key, i.name) for key, text in texts for i in extract_facts(clean(text, lex).text, lex).innovations]


def main() -> int:
    corpus, _ = corpus_records(CORPUS, [SEALED])
    sets = {"corpus, topic not innovation, sealed lines left out":
            [(d["url"], d["text"]) for d in corpus if d.get("topic") != "innovation"],
            "dev, no innovation in gold": [(c["id"], c["text"]) for c in gold_cases() if not c["innovations"]]}
    for label, texts in sets.items():
        names = found(texts)
        print(f"{label}: {len(names)} innovations in {len(texts)} articles ({len(names) / max(1, len(texts)) * 20:.2f} per 20)")
        for key, name in names:
            print(f"    {name!r:40} {key[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
