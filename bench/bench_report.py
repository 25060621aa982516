"""The HTML report at the size of a province's press: build time, page weight, and render time in headless Chromium.

    python bench/bench_report.py [--articles 10000] [--screenshot docs/report-10k.png]

The database is generated (tests/report_fixture.py: 10,000 articles, 2,000 innovations, 5,000 officials, 10,000
events). Render time is the page's own measure (body[data-render-ms]: scripts run, tables and charts drawn).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.report_html import write_report
from tests.report_fixture import fill


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--screenshot", type=Path)
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="warta-report-"))
    n = args.articles
    db = fill(tmp / "w.duckdb", articles=n, innovations=n // 5, persons=n // 2, events=n)
    started = time.perf_counter()
    index = write_report(db, tmp / "report")
    built = time.perf_counter() - started
    weight = {p.name: p.stat().st_size for p in [index, *sorted((index.parent / "assets").iterdir())]}
    print(f"{n:,} articles: report built in {built:.2f} s; " +
          ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in weight.items()) +
          f"; total {sum(weight.values()) / 1e6:.2f} MB")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=20000"]
        started = time.perf_counter()
        dom = subprocess.run([*cmd, "--dump-dom", index.as_uri()], capture_output=True, text=True, timeout=120).stdout
        wall = time.perf_counter() - started
        ms = re.search(r'data-render-ms="(\d+)"', dom)
        print(f"Chromium: page ready in {ms.group(1) if ms else '?'} ms (its own clock); browser start to DOM dump "
              f"{wall:.2f} s")
        if args.screenshot:
            subprocess.run([*cmd, f"--screenshot={args.screenshot.resolve()}", "--window-size=1400,2200", index.as_uri()],
                           capture_output=True, timeout=120)
            print(f"screenshot: {args.screenshot}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
