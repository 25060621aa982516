"""Realistic 150–250 KB news pages for benchmarks, built from the seed and dev-set texts.

Real regional outlets ship pages of that size: inline CSS and JS, long menus, sidebars with dozens
of related links, ad slots, comment widgets, footers. Each generated page wraps one story (varied
per page so dedup does not skip the work) in one of the outlet layouts of tests/flows/outlet_layouts.py,
in turn (one in six is a layout no known body class fits). Deterministic for a given seed.
"""

from __future__ import annotations

import html
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tests.flows.outlet_layouts import LAYOUTS, filler  # noqa: E402

_ROTATION = sorted(LAYOUTS)


def stories() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for f in sorted((SHARED / "eval" / "dev").glob("*.json")):
        out.append(json.loads(f.read_text(encoding="utf-8"))["text"])
    if not out:
        out = [g["text"] for g in (json.loads(f.read_text(encoding="utf-8"))
                                   for f in sorted((ROOT / "tests" / "golden" / "eval").glob("*.json")))]
    return out


def page(i: int, story: str, rng: random.Random, target_kb: int) -> str:
    """One story in the i-th layout of the rotation, grown to target_kb with the furniture real pages carry
    in bulk (widget lists of links and inline script data), not with an inert comment."""
    lines = [f"{ln.strip()} (#{i})" for ln in story.splitlines() if ln.strip()]
    doc = LAYOUTS[_ROTATION[i % len(_ROTATION)]](lines[0], lines[1:], i, rng)
    pieces, size = [], len(doc.encode("utf-8"))
    while size < target_kb * 1024 - 400:
        block = (f'<div class="widget"><h3>{filler(rng, 3)}</h3><ul>'
                 + "".join(f'<li><a href="/berita/{i}-{j}-{size}/">{html.escape(filler(rng, 8))}</a></li>' for j in range(20))
                 + f'</ul></div><script>var w{size}={json.dumps([filler(rng, 12) for _ in range(20)])};</script>')
        pieces.append(block)
        size += len(block.encode("utf-8"))
    return doc.replace("</body>", f'<div class="footer-widgets">{"".join(pieces)}</div></body>')


def write_pages(directory: Path, n: int, seed: int = 7) -> list[Path]:
    """n pages of 150–250 KB each into `directory` (skipped when already there)."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = stories()
    out = []
    for i in range(n):
        path = directory / f"page-{i:06d}.html"
        if not path.exists():
            path.write_text(page(i, texts[i % len(texts)], rng, rng.randint(150, 250)), encoding="utf-8")
        out.append(path)
    return out
