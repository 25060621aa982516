"""Near-duplicate articles (syndicated copies, AMP/print twins, re-posts) with MinHash + LSH.

Signatures are computed per article (pure, in worker processes); the index is an explicit object
the loader keeps for a run, so the cost per article stays flat as the corpus grows (LSH buckets,
no pairwise comparison).
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8          # Jaccard of 5-word shingles; syndicated copies score > 0.9, same-topic stories < 0.3
_SHINGLE = 5
SCHEME = "affine32"
#: the permutations depend only on (NUM_PERM, seed, scheme): computed once, never changed
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """MinHash of the text's 5-word shingles, as bytes for storage."""
    words = re.findall(r"\w+", text.casefold())
    shingles = {" ".join(words[i:i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32,   # C-speed 32-bit hash
                permutations=_PERMUTATIONS)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes) -> LeanMinHash:
    """A stored signature as a MinHash for LSH (lean: no permutations to rebuild)."""
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint64), scheme=SCHEME)


class NearDupIndex:
    """Originals seen so far; `assign` returns the original an article duplicates, or None."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._order: dict[str, tuple[str, int]] = {}   # article_id -> (published or '', insertion no)

    def __len__(self) -> int:
        return len(self._order)

    def add(self, article_id: str, sig: bytes, published: str | None) -> None:
        if article_id not in self._order:
            self._lsh.insert(article_id, _minhash(sig))
            self._order[article_id] = (published or "9999", len(self._order))

    def assign(self, article_id: str, sig: bytes, published: str | None) -> str | None:
        """The earliest original this article near-duplicates; otherwise it becomes an original."""
        if article_id in self._order:
            return None
        hits = [h for h in self._lsh.query(_minhash(sig)) if h != article_id]
        if hits:
            return min(hits, key=lambda h: self._order[h])
        self.add(article_id, sig, published)
        return None
