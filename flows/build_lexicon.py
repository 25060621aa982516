"""Builds data/lexicons/common_words.tsv: ordinary Indonesian words, as news writes them in lower case.

    python -m flows.build_lexicon ../shared/corpus/texts.jsonl [--held-out ../shared/eval/sealed]

A single capitalised word after "inovasi" is a brand only when it is coined ("Simonik", "Sahate"), not
an ordinary word capitalised ("Kampung", "Hidroponik"). The list holds words (never sentences) seen in
lower case in at least MIN_TEXTS texts of an unannotated news corpus; it is built from the shared
corpus, never from the gold dev set, so cross-validated scores stay honest. Corpus lines that a held-out
gold set annotates (its files are named `corpus-NNN-…` after the line) are left out: nothing derived from
the sealed set's texts may shape the extractors that set measures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

MIN_TEXTS = 2
OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "common_words.tsv"


def common_words(texts: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", text)})
    return sorted(w for w, n in seen.items() if n >= MIN_TEXTS)


def held_out_lines(directory: Path) -> set[int]:
    """The corpus line numbers a gold directory annotates, read from its file names only."""
    return {int(p.name.split("-")[1]) for p in directory.glob("corpus-[0-9]*-*.json")}


def corpus_records(corpus: Path, held_out: list[Path]) -> tuple[list[dict[str, Any]], int]:
    """The corpus's records (one JSON object per non-empty line) without the lines the held-out gold
    directories annotate, and how many lines were left out."""
    skip = set().union(*(held_out_lines(d) for d in held_out))
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [json.loads(line) for n, line in enumerate(lines) if n not in skip]
    return kept, len(lines) - len(kept)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="JSON Lines with a 'text' field per line")
    ap.add_argument("--held-out", type=Path, action="append",
                    help="a gold directory whose corpus lines are left out (default: ../eval/sealed beside the corpus)")
    args = ap.parse_args(argv)
    records, left_out = corpus_records(args.corpus, args.held_out or [args.corpus.resolve().parent.parent / "eval" / "sealed"])
    texts = [r["text"] for r in records]
    words = common_words(texts)
    OUT.write_text("# ordinary words seen in lower case in 2+ texts of a news corpus, held-out gold texts left out"
                   " (python -m flows.build_lexicon)\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words from {len(texts)} texts ({left_out} held out) to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
