import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.near_duplicates import NUM_PERM, NearDupIndex, containment, jaccard, sketch

WORDS = ["pemerintah", "kabupaten", "inovasi", "pelayanan", "publik", "bupati", "kegiatan", "masyarakat",
         "desa", "program", "daerah", "kota"]


def _text(rng: random.Random, n: int = 300) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def _shingles(t: str) -> set[str]:
    w = t.casefold().split()
    return {" ".join(w[i:i + 5]) for i in range(len(w) - 4)}


def _exact(a: str, b: str) -> tuple[float, float]:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb), len(sa & sb) / min(len(sa), len(sb))


def test_estimates_track_exact_jaccard_and_containment():
    rng = random.Random(4)
    base = _text(rng)
    for keep in (1.0, 0.9, 0.6, 0.3):
        words = base.split()
        cut = int(len(words) * keep)
        other = " ".join(words[:cut] + _text(rng, len(words) - cut).split())
        a, b = sketch(base), sketch(other)
        j = jaccard(a.signature, b.signature)
        exact_j, exact_c = _exact(base, other)
        assert abs(j - exact_j) < 0.12
        assert abs(containment(j, a.shingles, b.shingles) - exact_c) < 0.15


def test_copy_with_small_edits_points_to_the_first_article():
    rng = random.Random(5)
    original = _text(rng)
    index = NearDupIndex()
    assert index.assign("a", sketch(original), "2024-01-01").root is None
    assert index.assign("b", sketch(original + " Editor: Budi"), "2024-01-02").root == "a"
    assert index.assign("c", sketch(_text(rng)), "2024-01-03").root is None


def test_reordered_paragraphs_with_a_line_added_are_a_copy():
    rng = random.Random(6)
    paras = [_text(rng, 40) for _ in range(6)]
    repost = [*paras[3:], "Baca juga berita lainnya di halaman kami.", *paras[:3]]
    index = NearDupIndex()
    index.assign("a", sketch("\n".join(paras)), "2024-01-01")
    assert index.assign("b", sketch("\n".join(repost)), "2024-01-05").root == "a"


def test_trimmed_copy_inside_a_longer_one_is_a_copy():
    rng = random.Random(7)
    long = _text(rng, 400)
    short = " ".join(long.split()[:180])
    index = NearDupIndex()
    index.assign("long", sketch(long), "2024-01-02")
    assert index.assign("short", sketch(short), "2024-01-03").root == "long"


def test_separate_texts_sharing_a_few_sentences_stay_apart():
    rng = random.Random(8)
    shared = _text(rng, 40)
    index = NearDupIndex()
    index.assign("a", sketch(shared + " " + _text(rng, 300)), "2024-01-01")
    assert index.assign("b", sketch(shared + " " + _text(rng, 300)), "2024-01-01").root is None


def test_root_is_the_earliest_published_copy_in_every_arrival_order():
    rng = random.Random(9)
    base = _text(rng)
    copies = {"orig": (base, "2023-01-02"), "synd": (base + " Sumber: kantor berita", "2023-03-01"),
              "repost": ("Judul ulang. " + base, "2023-02-10")}
    for order in itertools.permutations(copies):
        index = NearDupIndex()
        for aid in order:
            index.assign(aid, sketch(copies[aid][0]), copies[aid][1])
        assert {aid: index.root(aid) for aid in copies} == dict.fromkeys(copies, "orig"), order


def test_an_earlier_copy_arriving_later_reports_the_root_it_replaces():
    rng = random.Random(10)
    base = _text(rng)
    index = NearDupIndex()
    index.assign("late", sketch(base), "2023-03-01")
    placed = index.assign("early", sketch(base + " Editor: Ani"), "2023-01-02")
    assert (placed.root, placed.replaced) == (None, ("late",))


@settings(max_examples=30)
@given(st.text(max_size=400))
def test_sketch_of_any_text_has_every_value(text):
    s = sketch(text)
    assert len(s.signature) == NUM_PERM * 8 and s.shingles >= 1


def test_common_material_shared_by_many_articles_neither_merges_them_nor_hides_a_real_copy():
    rng = random.Random(11)
    stock = _text(rng, 120)          # a paragraph every article of the outlet carries
    bodies = [_text(rng, 200) for _ in range(300)]
    index = NearDupIndex()
    roots = [index.assign(f"a{i}", sketch(stock + " " + body), f"2024-01-{1 + i % 28:02d}").root
             for i, body in enumerate(bodies)]
    assert roots.count(None) == 300, "articles that share only the stock paragraph are separate stories"
    copy = index.assign("copy", sketch(bodies[7] + " " + stock), "2024-02-01")
    assert copy.root == "a7"
