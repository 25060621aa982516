"""Copies of one story (syndication, re-posts, AMP/print twins) with MinHash, banded LSH and containment.

Real copies are not only near-identical texts. A re-post reorders paragraphs and adds a line, a
syndicated copy trims the end or adds a lead, a short copy sits inside a longer one: their Jaccard
similarity of 5-word shingles is 0.5-0.8 while their containment |A∩B| / min(|A|, |B|) stays above
0.8 (measured in ../shared/corpus: the press-release copies among its 29 same-story pairs have
containment 0.78-0.98; separate write-ups of one event 0.59 and below, unrelated news 0.32 and below).
So two articles are copies when their estimated containment reaches CONTAINMENT; Jaccard is
estimated from the MinHash signatures and turned into containment with the shingle counts
(|A∩B| = J (|A| + |B|) / (1 + J)).

Candidates come from 42 bands of 3 rows, which find pairs of Jaccard 0.5 (a copy wholly inside one twice
as long) with probability 0.996 and of Jaccard 0.4 with 0.93, while unrelated pairs (Jaccard 0.05)
collide with probability 0.005; candidates are verified in one vectorised comparison, so the cost per
article stays flat as the index grows (bench/bench_dedup.py).

A cluster's root is its earliest published member, whatever the order copies arrive in: when an
earlier copy arrives later, `assign` makes it the root and reports the old roots it replaces, so the
caller can re-point them (chains always resolve to one root).

Why not datasketch: its package import pulls in scipy (0.5 s on every `warta` start), and the pieces
needed here are a few lines of numpy. Tests check the estimates against exact similarities.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 42, 3           # the first 126 values in 42 bands of 3
CONTAINMENT = 0.7             # estimated containment of 5-word shingles to call two articles copies
MIN_SHINGLES = 20             # shorter texts (a caption, a headline) are never called copies
CROWDED = 64                  # a band value shared by more articles than this is common material, not a copy
_SHINGLE = 5
_SHIFT = np.uint64(32)        # multiply-shift hashing (Dietzfelbinger): (a * x + b) mod 2**64, top 32 bits
_WORD = re.compile(r"\w+")
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD], dtype=np.uint64)
_rng = np.random.default_rng(1)
#: the hash family depends only on the seed: computed once, never changed
_A = _rng.integers(1, 1 << 63, NUM_PERM, dtype=np.uint64) | np.uint64(1)     # odd multipliers
_B = _rng.integers(0, 1 << 63, NUM_PERM, dtype=np.uint64)
del _rng


@dataclass(frozen=True, slots=True)
class Sketch:
    """What the index needs of an article: its MinHash signature and its number of distinct shingles."""

    signature: bytes
    shingles: int


def _shingle_hashes(text: str) -> np.ndarray:
    """Distinct 31-bit hashes of the text's 5-word shingles: each window of word hashes times fixed odd
    constants, top bits kept (numpy does the windows; no string is built per shingle)."""
    words = _WORD.findall(text.casefold()) or [""]
    crc = {w: zlib.crc32(w.encode("utf-8")) for w in words}
    wh = np.fromiter((crc[w] for w in words), dtype=np.uint64, count=len(words))
    if len(wh) < _SHINGLE:
        wh = np.concatenate([wh, np.zeros(_SHINGLE - len(wh), np.uint64)])
    windows = np.lib.stride_tricks.sliding_window_view(wh, _SHINGLE)
    return np.unique((windows @ _MIX) >> np.uint64(33))      # 31-bit shingle hashes


def sketch(text: str) -> Sketch:
    """MinHash of the text's 5-word shingles (NUM_PERM values) and their count."""
    hashes = _shingle_hashes(text)
    values = np.multiply.outer(_A, hashes)     # in place from here: temporaries cost more than the arithmetic
    values += _B[:, None]
    values >>= _SHIFT
    return Sketch(values.min(axis=1).tobytes(), len(hashes))


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minimum values."""
    return float(np.mean(np.frombuffer(a, np.uint64) == np.frombuffer(b, np.uint64)))


def containment(j: np.ndarray | float, n_a: np.ndarray | int, n_b: np.ndarray | int) -> np.ndarray | float:
    """|A∩B| / min(|A|, |B|) from the Jaccard similarity and the two set sizes."""
    inter = j * (n_a + n_b) / (1 + j)
    return np.minimum(1.0, inter / np.maximum(1, np.minimum(n_a, n_b)))


def _bands(sig: bytes) -> list[bytes]:
    step = ROWS * 8
    return [sig[i * step:(i + 1) * step] for i in range(BANDS)]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where a new article goes: the root of its story (None: it is the root) and the roots it replaced."""

    root: str | None
    similarity: float | None = None          # containment with the closest copy found
    replaced: tuple[str, ...] = ()           # earlier roots that now point to this article's root


@dataclass
class NearDupIndex:
    """Every article seen so far, with the story root of each (union by earliest publication)."""

    _buckets: list[dict[bytes, list[int]]] = field(default_factory=lambda: [defaultdict(list) for _ in range(BANDS)])
    _ids: list[str] = field(default_factory=list)
    _rows: dict[str, int] = field(default_factory=dict)
    _order: list[tuple[str, int]] = field(default_factory=list)     # (published or '9999', arrival) per row
    _parent: dict[int, int] = field(default_factory=dict)
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((1024, NUM_PERM), dtype=np.uint64))
    _sizes: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.float64))

    def __len__(self) -> int:
        return len(self._ids)

    def root(self, article_id: str) -> str | None:
        """The story root of an indexed article (itself when it is one), None when unknown."""
        row = self._rows.get(article_id)
        return None if row is None else self._ids[self._find(row)]

    def _find(self, row: int) -> int:
        while (up := self._parent.get(row, row)) != row:
            self._parent[row] = self._parent.get(up, up)
            row = up
        return row

    def add(self, article_id: str, item: Sketch, published: str | None, duplicate_of: str | None = None,
            bands: list[bytes] | None = None) -> None:
        """Index a stored article (and its known root) without looking for copies (`bands`: its band values,
        when the caller has them already)."""
        if article_id in self._rows or len(item.signature) != NUM_PERM * 8:
            return
        row = len(self._ids)
        if row == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
            self._sizes = np.concatenate([self._sizes, np.zeros_like(self._sizes)])
        self._matrix[row] = np.frombuffer(item.signature, np.uint64)
        self._sizes[row] = item.shingles
        for bucket, key in zip(self._buckets, bands or _bands(item.signature), strict=True):
            bucket[key].append(row)
        self._ids.append(article_id)
        self._rows[article_id] = row
        self._order.append((published or "9999", row))
        if duplicate_of in self._rows:
            self._parent[row] = self._rows[duplicate_of]

    def _copies(self, item: Sketch, bands: list[bytes]) -> dict[int, float]:
        """Indexed rows this sketch is a copy of, with their containment."""
        if item.shingles < MIN_SHINGLES or len(item.signature) != NUM_PERM * 8:
            return {}
        lists = [hit for bucket, key in zip(self._buckets, bands, strict=True) if (hit := bucket.get(key))]
        if not lists:
            return {}
        # A band value that many articles share comes from common sentences (a stock closing line, a
        # press-release paragraph quoted everywhere), the stop words of LSH: a real copy also shares
        # many rarer bands, so crowded buckets are left out and the cost stays flat as the index grows.
        # When every band is crowded, the most recent CROWDED members of the smallest are still compared.
        lists = [hit for hit in lists if len(hit) <= CROWDED] or [min(lists, key=len)[-CROWDED:]]
        rows = np.unique(np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64))
        j = (self._matrix[rows] == np.frombuffer(item.signature, np.uint64)).mean(axis=1)
        c = np.asarray(containment(j, self._sizes[rows], item.shingles))
        ok = (c >= CONTAINMENT) & (self._sizes[rows] >= MIN_SHINGLES)
        return {int(r): float(s) for r, s in zip(rows[ok], c[ok], strict=True)}

    def assign(self, article_id: str, item: Sketch, published: str | None) -> Assignment:
        """Index the article and say which story it belongs to.

        The story's root is the earliest published member (arrival order breaks ties); when this
        article is earlier than the roots of the copies it matches, it becomes the root and those
        roots are returned in `replaced` (the caller re-points them and their copies)."""
        if article_id in self._rows:
            return Assignment(self.root(article_id) if self.root(article_id) != article_id else None)
        bands = _bands(item.signature) if len(item.signature) == NUM_PERM * 8 else []
        hits = self._copies(item, bands)
        self.add(article_id, item, published, bands=bands)
        row = self._rows.get(article_id)
        if not hits or row is None:
            return Assignment(None)
        roots = {self._find(r) for r in hits}
        best = min([*roots, row], key=lambda r: self._order[r])
        for r in (*roots, row):
            if r != best:
                self._parent[r] = best
        replaced = tuple(self._ids[r] for r in sorted(roots) if r != best)
        return Assignment(None if best == row else self._ids[best], max(hits.values()), replaced)
