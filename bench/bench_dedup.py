"""Cleaning and deduplication costs.

    python bench/bench_dedup.py [--pages 200] [--indexed 100000]

1. Furniture removal + repeated-paragraph marking + MinHash signature per page, against
   trafilatura's own extraction time on the same pages (the bar: ≤ 10 %).
2. Near-duplicate assignment (LSH query + insert) per article with 1,000, 10,000 and 100,000 articles
   already indexed: the cost must stay flat (no pairwise comparison). The synthetic articles are 12
   sentences drawn from one pool of ~1,600, so at 100,000 every sentence recurs in hundreds of them: a
   worst case for band collisions, which the crowded-bucket cap (near_duplicates.CROWDED) bounds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import stories, write_pages

from extractors import clean, load_lexicon
from extractors.near_duplicates import NearDupIndex, sketch
from flows.text import decode_html, html_to_article


def per_page(fn, items) -> float:
    start = time.perf_counter()
    for x in items:
        fn(x)
    return (time.perf_counter() - start) / len(items) * 1000


def synthetic_articles(n: int, rng: random.Random) -> list[str]:
    sentences = [s.strip() for t in stories() for s in t.replace("\n", " ").split(". ") if len(s.split()) > 6]
    return [". ".join(rng.sample(sentences, 12)) + f" Nomor {i}." for i in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--indexed", type=int, default=100_000)
    args = ap.parse_args()
    lex = load_lexicon()
    pages = [p.read_bytes() for p in write_pages(Path("/tmp/warta-bench-pages"), args.pages)]
    texts = [html_to_article(decode_html(b)).text for b in pages]
    extract_ms = per_page(lambda b: html_to_article(decode_html(b)), pages)
    clean_ms = per_page(lambda t: clean(t, lex), texts)
    sig_ms = per_page(lambda t: sketch(clean(t, lex).text), texts) - clean_ms
    print(f"trafilatura extraction (as warta runs it): {extract_ms:6.2f} ms/page")
    print(f"furniture + repeated paragraphs:          {clean_ms:6.2f} ms/page")
    print(f"MinHash signature:                        {sig_ms:6.2f} ms/page")
    print(f"cleaning + dedup / extraction:            {(clean_ms + sig_ms) / extract_ms:6.1%}")
    rng = random.Random(3)
    corpus = synthetic_articles(args.indexed + 500, rng)
    sigs = [sketch(t) for t in corpus]
    for size in (1_000, 10_000, args.indexed):
        index = NearDupIndex()
        for i in range(size):
            index.add(f"a{i}", sigs[i], None)
        probe = range(args.indexed, args.indexed + 500)
        ms = per_page(lambda i, ix=index: ix.assign(f"p{i}", sigs[i], None), list(probe))
        print(f"near-duplicate assignment with {size:>6} indexed: {ms:6.3f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
