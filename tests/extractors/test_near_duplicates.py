import random

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.near_duplicates import NearDupIndex, signature, similarity

WORDS = ["pemerintah", "kabupaten", "inovasi", "pelayanan", "publik", "bupati", "kegiatan", "masyarakat",
         "desa", "program", "daerah", "kota"]


def _text(rng: random.Random, n: int = 300) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def _exact(a: str, b: str) -> float:
    def shingles(t):
        w = t.casefold().split()
        return {" ".join(w[i:i + 5]) for i in range(len(w) - 4)}
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_estimate_tracks_exact_jaccard():
    rng = random.Random(4)
    base = _text(rng)
    for keep in (1.0, 0.9, 0.6, 0.3):
        words = base.split()
        cut = int(len(words) * keep)
        other = " ".join(words[:cut] + _text(rng, len(words) - cut).split())
        assert abs(similarity(signature(base), signature(other)) - _exact(base, other)) < 0.15


def test_copy_with_small_edits_points_to_the_first_article():
    rng = random.Random(5)
    original = _text(rng)
    index = NearDupIndex()
    assert index.assign("a", signature(original), "2024-01-01") is None
    assert index.assign("b", signature(original + " Editor: Budi"), "2024-01-02") == "a"
    assert index.assign("c", signature(_text(rng)), "2024-01-03") is None


@settings(max_examples=30)
@given(st.text(max_size=400))
def test_signature_of_any_text_is_64_values(text):
    assert len(signature(text)) == 64 * 8
