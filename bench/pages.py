"""Realistic 150–250 KB news pages for benchmarks, built from the seed and dev-set texts.

Real regional outlets ship pages of that size: inline CSS and JS, long menus, sidebars with dozens
of related links, ad slots, comment widgets, footers. Each generated page wraps one story (varied
per page so dedup does not skip the work) in such a layout. Deterministic for a given seed.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def stories() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for f in sorted((SHARED / "eval" / "dev").glob("*.json")):
        out.append(json.loads(f.read_text(encoding="utf-8"))["text"])
    if not out:
        out = [g["text"] for g in (json.loads(f.read_text(encoding="utf-8"))
                                   for f in sorted((ROOT / "tests" / "golden" / "eval").glob("*.json")))]
    return out


def _filler(rng: random.Random, words: int) -> str:
    vocab = ["berita", "daerah", "pemerintah", "kabupaten", "kota", "inovasi", "pelayanan", "publik", "warga", "program", "kegiatan"]
    return " ".join(rng.choice(vocab) for _ in range(words))


def page(i: int, story: str, rng: random.Random, target_kb: int) -> str:
    paras = "".join(f"<p>{html.escape(ln.strip())} (#{i})</p>\n" for ln in story.splitlines() if ln.strip())
    menu = "".join(f'<li><a href="/kategori/{k}-{j}/">Kategori {k} {j}</a></li>' for k in range(12) for j in range(8))
    related = "".join(f'<li><a href="/berita/{i}-{j}/">{_filler(rng, 9).title()}</a><span>{_filler(rng, 25)}</span></li>'
                      for j in range(60))
    css = "".join(f".c{j}{{margin:{j}px;padding:{j % 7}px;color:#{j:06x}}}" for j in range(900))
    js = "var d=" + json.dumps([{"id": j, "t": _filler(rng, 6)} for j in range(400)]) + ";"
    doc = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Berita {i}</title>
<link rel="canonical" href="https://bench.warta.test/berita/{i}/">
<meta property="article:published_time" content="2024-0{1 + i % 9}-1{i % 9}T08:00:00+08:00">
<style>{css}</style><script>{js}</script></head><body>
<header><div class="top">30 C Makassar | Senin, 1 Juli 2024</div><nav><ul>{menu}</ul></nav></header>
<main><article><h1>Berita nomor {i}</h1><div class="byline">Penulis: Redaksi</div>
<div class="entry-content">{paras}<div class="ads">- Advertisement -</div></div></article>
<aside><h3>Berita Terkait</h3><ul>{related}</ul></aside></main>
<section class="comments"><h3>Komentar</h3>{''.join(f'<div class="c"><b>Pembaca {j}</b><p>{_filler(rng, 30)}</p></div>' for j in range(20))}</section>
<footer>{''.join(f'<a href="/p/{j}">Halaman {j}</a> ' for j in range(200))}<p>© 2024 Bench</p></footer>
"""
    pad = max(0, target_kb * 1024 - len(doc.encode("utf-8")) - 20)
    return doc + f"<!-- {'x' * pad} --></body></html>"


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
