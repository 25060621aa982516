"""Cost of all extractors together per article, on clean text (the bar: ≤ 1 ms per typical article).

    python bench/bench_extractors.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import stories

from extractors import clean, extract_facts, load_lexicon


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    lex = load_lexicon()
    texts = [clean(t, lex).text for t in stories()]
    extract_facts(texts[0], lex)                       # compile patterns once
    per_round = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for t in texts:
            extract_facts(t, lex)
        per_round.append((time.perf_counter() - start) / len(texts) * 1000)
    chars = statistics.mean(len(t) for t in texts)
    print(f"{len(texts)} articles, mean {chars:.0f} chars of clean text")
    print(f"all extractors: median {statistics.median(per_round):.3f} ms/article (min {min(per_round):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
