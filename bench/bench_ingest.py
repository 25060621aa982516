"""Whole-pipeline benchmark: `warta ingest` against trafilatura's own batch CLI on the same pages.

    python bench/bench_ingest.py [--pages 500] [--workers 2]

Both run as subprocesses on the same directory of 150–250 KB pages; wall time per page and peak RSS
(of the process tree) are reported side by side. The bar: warta's cost per page is no higher than
`trafilatura --input-dir D --output-dir O --parallel 2`, and peak RSS stays flat as pages grow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import write_pages

BIN = Path(sys.executable).parent


_RSS_PROBE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
              "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of the command's tree, measured in a
    fresh probe process so runs do not see each other's peaks."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _RSS_PROBE, *cmd], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(out.stdout.strip()) / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="reuse/keep generated pages here")
    ap.add_argument("--repeat", type=int, default=3, help="alternating runs of each; the median is reported")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    pages_dir = args.keep or tmp / "pages"
    write_pages(pages_dir, args.pages)
    size = sum(p.stat().st_size for p in pages_dir.glob("*.html")) / args.pages / 1024
    runs: dict[str, list[tuple[float, float]]] = {"trafilatura": [], "warta": []}
    for i in range(args.repeat):     # alternate, so machine noise hits both alike
        out_dir = tmp / f"traf-out-{i}"
        runs["trafilatura"].append(timed([str(BIN / "trafilatura"), "--input-dir", str(pages_dir),
                                          "--output-dir", str(out_dir), "--parallel", "2"]))
        runs["warta"].append(timed([str(BIN / "warta"), "ingest", str(pages_dir), "--db", str(tmp / f"b{i}.duckdb"),
                                    "--workers", str(args.workers)]))
    t_wall, t_rss = statistics.median(w for w, _ in runs["trafilatura"]), max(r for _, r in runs["trafilatura"])
    w_wall, w_rss = statistics.median(w for w, _ in runs["warta"]), max(r for _, r in runs["warta"])
    print(f"pages: {args.pages}, mean size {size:.0f} KB, cores: {os.cpu_count()}, median of {args.repeat} runs")
    print(f"{'':28}{'s total':>10}{'ms/page':>10}{'pages/s':>10}{'peak RSS MB':>13}")
    for name, wall, rss in (("trafilatura --parallel 2", t_wall, t_rss), (f"warta ingest --workers {args.workers}",
                                                                          w_wall, w_rss)):
        print(f"{name:28}{wall:10.2f}{wall / args.pages * 1000:10.1f}{args.pages / wall:10.1f}{rss:13.0f}")
    print(f"ratio warta/trafilatura: {w_wall / t_wall:.2f}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
