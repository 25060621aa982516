"""Entity resolution at size: 10,000 → 100,000 official mentions and as many innovation mentions.

    python bench/bench_entities.py [--sizes 10000 30000 100000]

Mentions are generated like a province's press: a pool of people (given names, Bugis-Makassar and Javanese
parts, nicknames, initials, dropped names and one-letter misspellings) holding posts in 24 regions in turn,
and a pool of brands (acronyms with long forms, spacing and case variants) across the same regions; one
article names 3 to 6 of them. Reported: seconds for persons and innovations, and the growth per 10×.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import load_lexicon
from extractors.entities import InnovationMention, PersonMention, resolve_innovations, resolve_persons

GIVEN = ["Andi", "Muhammad", "Abdul", "Ahmad", "Nur", "Siti", "Sri", "Budi", "Agus", "Rahmat", "Syahrul", "Ilham",
         "Taufik", "Irwan", "Adnan", "Chaidir", "Indah", "Rusdi", "Hasan", "Yusran", "Fatmawati", "Suardi", "Amran"]
SURNAME = ["Pomanto", "Sulaiman", "Hamid", "Syam", "Limpo", "Masdar", "Padjalangi", "Arief", "Purichta", "Rauf",
           "Makkasau", "Baso", "Tahir", "Latief", "Mappiasse", "Sappewali", "Razak", "Kadir", "Daeng", "Bakri"]
POSTS = ["Bupati", "Wakil Bupati", "Sekda", "Kepala Dinas Kesehatan", "Camat", "Wali Kota", "Kepala Bappeda"]
REGIONS = [f"73.{k:02d}" for k in range(1, 25)]
WORDS = ["layanan", "sehat", "cepat", "desa", "digital", "pintar", "warga", "sampah", "air", "bersih", "anak",
         "sekolah", "pasar", "online", "terpadu", "keliling", "mandiri", "peduli", "gizi", "ibu"]


def people(n: int, rng: random.Random) -> list[PersonMention]:
    pool = []
    for k in range(max(50, n // 8)):
        full = [rng.choice(GIVEN), rng.choice(GIVEN + SURNAME), rng.choice(SURNAME) + ("" if k < 1000 else str(k // 1000))]
        pool.append((full, rng.choice(POSTS), rng.choice(REGIONS)))
    out = []
    for i in range(n):
        full, post, region = rng.choice(pool)
        form = rng.random()
        name = (" ".join(full[1:]) if form < 0.2 else f"{full[0][0]}. {' '.join(full[1:])}" if form < 0.3
                else " ".join([*full[:-1], full[-1][:-1] + "e" + full[-1][-1:]]) if form < 0.33 else " ".join(full))
        out.append(PersonMention(f"p{i}", f"a{i // 4}", name, f"{post} X", region, 2015 + i % 10))
    return out


def brands(n: int, rng: random.Random) -> list[InnovationMention]:
    pool = []
    for _ in range(max(50, n // 6)):
        words = rng.sample(WORDS, rng.randint(2, 4))
        pool.append((words, "".join(w[0] for w in words).upper(), rng.choice(REGIONS)))
    out = []
    for i in range(n):
        words, acronym, region = rng.choice(pool)
        form = rng.random()
        name = acronym if form < 0.4 else " ".join(w.title() for w in words) if form < 0.7 else " ".join(words)
        out.append(InnovationMention(f"i{i}", f"a{i // 4}", name, " ".join(words) if form < 0.2 else None, region))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = ap.parse_args(argv)
    lex = load_lexicon()
    print(f"{'mentions':>9} {'persons s':>10} {'innovations s':>14} {'persons':>8} {'innovations':>12}")
    first = None
    for n in args.sizes:
        rng = random.Random(n)
        ps, bs = people(n, rng), brands(n, rng)
        t0 = time.perf_counter()
        rp = resolve_persons(ps, lex)
        t1 = time.perf_counter()
        ri = resolve_innovations(bs, lex)
        t2 = time.perf_counter()
        print(f"{n:>9,} {t1 - t0:>10.2f} {t2 - t1:>14.2f} {len(rp.names):>8,} {len(ri.names):>12,}")
        first = first or (n, t2 - t0)
    if first and len(args.sizes) > 1:
        print(f"growth {args.sizes[-1] / first[0]:.0f}× mentions: {(t2 - t0) / first[1]:.1f}× time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
