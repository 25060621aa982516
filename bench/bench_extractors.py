"""Cost of all extractors together per article, on clean text (the bar: ≤ 1 ms per typical article).

    python bench/bench_extractors.py [--rounds 20]
    python bench/bench_extractors.py --baseline v0.2.0     # and an earlier version, alternately, in one run

The texts are the shared dev set's articles when ../shared is beside the checkout (2 KB excerpts of real
news), else the bench's own stories. Each measurement runs in a fresh process on the code of one tree;
with --baseline the named git revision is checked out in a temporary worktree and both trees are
measured in turn, so machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"

# runs inside the measured tree: only the public API every version has (clean, extract_facts, load_lexicon(dir))
_MEASURE = """
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from extractors import clean, extract_facts, load_lexicon
lex = load_lexicon(Path(sys.argv[1]) / "data" / "lexicons")   # the tree's own lexicons, not an installed copy
texts = [clean(t, lex).text for t in json.load(open(sys.argv[2], encoding="utf-8"))]
for t in texts:
    extract_facts(t, lex)                     # compile patterns, warm caches
per_round = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    for t in texts:
        extract_facts(t, lex)
    per_round.append((time.perf_counter() - start) / len(texts) * 1000)
print(json.dumps({"median": statistics.median(per_round), "min": min(per_round),
                  "chars": statistics.mean(len(t) for t in texts), "n": len(texts)}))
"""


def texts() -> list[str]:
    if DEV.is_dir() and any(DEV.glob("*.json")):
        return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(DEV.glob("*.json"))]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pages import stories
    return list(stories())


def measure(tree: Path, corpus: Path, rounds: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(tree), str(corpus), str(rounds)],
                         check=True, capture_output=True, text=True, cwd=tree)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--baseline", help="a git revision to measure alongside this tree")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each tree with --baseline (the median is kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(texts(), ensure_ascii=False), encoding="utf-8")
        trees = {"this tree": ROOT}
        if args.baseline:
            trees[args.baseline] = Path(tmp) / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(trees[args.baseline]),
                            args.baseline], check=True)
        try:
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for _ in range(args.repeat if args.baseline else 1):
                for name, tree in trees.items():
                    runs[name].append(measure(tree, corpus, args.rounds))
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(trees[args.baseline])],
                               check=False)
    first = runs["this tree"][0]
    print(f"{first['n']:.0f} articles, mean {first['chars']:.0f} chars of clean text")
    for name, results in runs.items():
        med = statistics.median(r["median"] for r in results)
        print(f"{name:>16}: all extractors median {med:.3f} ms/article (min {min(r['min'] for r in results):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
