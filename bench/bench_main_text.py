"""Main-text quality and cost: warta's page reader (fast pass, trafilatura when it steps aside) against trafilatura.

    python bench/bench_main_text.py [--stories 60]

Every layout of tests/flows/outlet_layouts.py wraps the same stories (the seeds and dev-set texts, read from
../shared); each extractor's text is scored against the story by word 3-gram precision/recall, and timed.
trafilatura runs as its batch CLI would (`extract`, comments excluded so it is not charged for them) and in the
precision-first fast mode warta used before the fast pass. warta's page text is scored before cleaning (the
stories themselves carry crawl residue, which cleaning would rightly remove).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import trafilatura  # noqa: E402
from pages import stories  # noqa: E402

from flows.text import html_to_article  # noqa: E402
from tests.flows.outlet_layouts import LAYOUTS, text_scores  # noqa: E402

EXTRACTORS = {
    "warta": lambda h: html_to_article(h).text,
    "trafilatura": lambda h: trafilatura.extract(h, include_comments=False, deduplicate=False),
    "trafilatura fast+precision": lambda h: trafilatura.extract(h, fast=True, favor_precision=True, include_comments=False,
                                                                include_tables=False, deduplicate=False),
}


def _print_row(label: str, rows: dict[str, list[tuple[float, float, float, float]]]) -> None:
    """Mean precision, recall, F1 and milliseconds of each extractor, one cell each."""
    cells = []
    for values in rows.values():
        p, r, f, ms = (statistics.mean(v[k] for v in values) for k in range(4))
        cells.append(f"{p:.3f} {r:.3f} {f:.3f} {ms:5.2f}ms")
    print(f"{label:22}" + "".join(f"{c:>31}" for c in cells))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(3)
    texts = [t for t in stories() if t.strip()][: args.stories]
    print(f"{len(texts)} stories x {len(LAYOUTS)} layouts; word 3-gram P / R / F1, ms per page")
    print(f"{'layout':22}" + "".join(f"{name:>31}" for name in EXTRACTORS))
    totals: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in EXTRACTORS}
    for layout_name, layout in LAYOUTS.items():
        rows: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in EXTRACTORS}
        for i, text in enumerate(texts):
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            page = layout(lines[0], lines[1:], i, rng)
            truth = "\n".join(lines[1:])
            for name, extract in EXTRACTORS.items():
                start = time.perf_counter()
                got = extract(page)
                ms = (time.perf_counter() - start) * 1000
                rows[name].append((*text_scores(got, truth), ms))
        for name, values in rows.items():
            totals[name] += values
        _print_row(layout_name, rows)
    _print_row("all", totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
