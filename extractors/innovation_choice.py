"""Which name-like spans of a text about innovations are innovations: the rules propose, a classifier decides.

The rules of `innovations.py` read the genre's patterns and are precise where a pattern holds; on news they
were not written from they miss list items and keep agency acronyms and generic phrases (sealed set: P 0.75,
R 0.52). Here every capitalised run of a line that names innovations (a cue word in it or next to it, or a
bulleted list below one) becomes a candidate, with its variants cut at an agency, a region or a linking
word, beside the rules' own names. A maximum-entropy classifier (`learned.py`, fitted on the dev folds by
`flows/train.py`) scores each candidate from its words, its neighbours, the cue and list words before
it, and whether the rules found it; candidates above the model's threshold are kept, the most probable
first, without overlaps. Each kept name carries that probability as its confidence.

Only the lines that can name an innovation are tokenised, each word is described once per process
(`_describe`), and all candidates of a text go to the classifier in one call: the whole step costs a
fraction of the rules' time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from extractors import innovations
from extractors.learned import Classifier
from extractors.lexicon import Lexicon, words_of
from extractors.model import Innovation, Official, Span
from extractors.tokens import TOKEN, capitalised
from extractors.wordscan import Hits

MODEL = "innovations"
NEIGHBOUR_LINES = 0        # lines either side of a cue's line that are read too (0 scored best on the folds)
WORDS_KEPT = 50_000         # word descriptions kept per process (a few MB)
MAX_RUN = 9                # tokens of one capitalised run (a headline is longer, and no name)
CUE_STEP, CUE_STEPS = 20, 10     # the distance to the last cue word, in steps of characters, capped
LIST_STEP, LIST_STEPS = 40, 6    # the same for the last list marker ("yaitu", "antara lain")
_BULLET = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)]|[IVX]{1,4}\.)[ \t]")
_LINE = re.compile(r"[^\n]+")
_GLUE = frozenset("-&")   # inside a name ("Kartu - Sehat", "P & G"); a quote ends it


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    first: int                 # index of its first and last token in the text's tokens
    last: int
    sources: tuple[str, ...]   # src=rule | run | cut | lead: how it was proposed (as features)


@dataclass(frozen=True, slots=True)
class _Word:
    """What a word is, whatever text it stands in, with its feature strings ready (made once per word)."""

    low: str
    capitalised: bool
    word: str                 # "w=<lower case>"
    common: bool
    generic: bool
    institution: bool
    title: bool
    award: bool
    upper: bool               # all capitals, or not a word of letters at all


def _describe(word: str, lex: Lexicon) -> _Word:
    low = word.lower()
    return _Word(low, capitalised(word), "w=" + low, low in lex.common_words, low in lex.generic_words,
                 word in lex.institutions or word.upper() in lex.institutions, word in lex.title_words,
                 low in lex.non_innovation_words, word.isupper() or not word.isalpha())


def _flag(name: str) -> tuple[str, str]:
    return f"{name}=False", f"{name}=True"


_ALLUP, _GENERIC, _INSTITUTION, _TITLEWORD, _AWARD, _PERSON = (
    _flag(n) for n in ("allup", "generic", "institution", "titleword", "award", "person"))
_NW = tuple(f"nw={i}" for i in range(8))
_CUE = tuple(f"cue={i}" for i in range(CUE_STEPS + 2))
_LIST = tuple(f"list={i}" for i in range(LIST_STEPS + 2))


@dataclass(frozen=True)
class _Context:
    """The tokens of the lines read, as parallel lists (no object per token: this runs on every text)."""

    text: str
    texts: list[str]
    starts: list[int]
    ends: list[int]
    words: list[_Word]         # per token, what it is
    line_of: list[int]         # per token, the start of its line
    in_person: list[bool]      # per token, inside an official's name
    cues: list[int]            # starts of cue words
    lists: list[int]           # starts of list markers
    named: list[tuple[int, int]]   # where the rules' names stand (every mention)


def _lines_to_read(text: str, words: list[int], named: list[int]) -> list[tuple[int, int]]:
    """Lines near a cue word, the bulleted lines that follow one of them, and the lines the rules read a name in."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    has = [bisect_left(words, a) < len(words) and words[bisect_left(words, a)] < b for a, b in lines]
    keep = [any(has[max(0, i - NEIGHBOUR_LINES):i + NEIGHBOUR_LINES + 1]) for i in range(len(lines))]
    for i in range(1, len(lines)):
        if not keep[i] and keep[i - 1] and _BULLET.match(text, lines[i][0]):
            keep[i] = True
    for i, (a, b) in enumerate(lines):
        if not keep[i] and bisect_left(named, a) < len(named) and named[bisect_left(named, a)] < b:
            keep[i] = True
    return [line for line, k in zip(lines, keep, strict=True) if k]


def _context(text: str, lex: Lexicon, rules: list[Innovation], officials: list[Official],
             hits: Hits | None) -> _Context:
    cues, vias, markers = innovations.cue_spans(text, lex, hits)
    named = sorted({m.span() for inv in rules for m in re.finditer(re.escape(inv.name), text)})
    texts: list[str] = []
    starts: list[int] = []
    line_of: list[int] = []
    for a, b in _lines_to_read(text, sorted({s for s, _ in (*cues, *vias, *markers)}), [a for a, _ in named]):
        words = TOKEN.findall(text, a, b)
        texts += words
        starts += [m.start() for m in TOKEN.finditer(text, a, b)]
        line_of += [a] * len(words)
    ends = [s + len(w) for s, w in zip(starts, texts, strict=True)]
    people = sorted((o.span.start, o.span.end) for o in officials)
    in_person = [False] * len(texts)
    for a, b in people:
        for k in range(bisect_left(starts, a), bisect_left(starts, b)):
            in_person[k] = True
    known = _word_cache(lex)
    if len(known) > WORDS_KEPT:
        known.clear()
    words = [known.get(w) or known.setdefault(w, _describe(w, lex)) for w in texts]
    return _Context(text, texts, starts, ends, words, line_of, in_person,
                    sorted(s for s, _ in cues), sorted(s for s, _ in markers), named)


@cache
def _word_cache(lex: Lexicon) -> dict[str, _Word]:
    """Each word's description, kept per lexicon up to WORDS_KEPT words (a dict lookup is the cheapest per-token
    step; a description depends only on the word and the lexicon, so the cache never changes an answer)."""
    return {}


def candidates(ctx: _Context, lex: Lexicon) -> list[Candidate]:
    """The rules' names and every capitalised run (with its cut variants) of the lines read."""
    found: dict[tuple[int, int], set[str]] = {}
    texts, starts = ctx.texts, ctx.starts

    def add(i: int, j: int, source: str) -> None:
        found.setdefault((i, j), set()).add(source)

    for a, b in ctx.named:
        i, j = bisect_left(starts, a), bisect_left(starts, b) - 1
        if i <= j and starts[i] == a:
            add(i, j, "rule")
    links = set(lex.grammar["name_link"])
    stops = set(lex.agency_heads) | {m for m in lex.region_markers if " " not in m}
    n, i, cap, line_of = len(texts), 0, [w.capitalised for w in ctx.words], ctx.line_of
    while i < n:
        if not cap[i]:
            i += 1
            continue
        j, line = i, line_of[i]
        while j + 1 < n and line_of[j + 1] == line and j - i < MAX_RUN and (
                cap[j + 1] or texts[j + 1] in _GLUE
                or (texts[j + 1] in links and j + 2 < n and line_of[j + 2] == line and cap[j + 2])):
            j += 1
        _variants(ctx, i, j, lex, links, stops, add)
        i = j + 1
    return [Candidate(starts[i], ctx.ends[j], i, j, tuple("src=" + x for x in sorted(s)))
            for (i, j), s in sorted(found.items()) if "rule" in s or j > i or not ctx.words[i].common]
    # one common word the rules did not read is a sentence's first word ("Namun", "Kegiatan"): 1 in 1,400 such
    # candidates of the dev set is an innovation, so the classifier is not asked


def _variants(ctx: _Context, i: int, j: int, lex: Lexicon, links: set[str], stops: set[str],
              add: Callable[[int, int, str], None]) -> None:
    """A run, the run cut before each agency, region or linking word, and the same after leading cue words."""
    first = i
    while True:
        add(first, j, "run" if first == i else "lead")
        for k in range(first + 1, j + 1):
            if ctx.texts[k] in stops or ctx.texts[k] in links:
                add(first, k - 1, "cut" if first == i else "lead")
        word = ctx.words[first].low
        if first >= j or not (word in lex.innovation_prefixes or word in lex.function_words or word in lex.list_markers):
            return
        first += 1


def _distance(positions: list[int], at: int, step: int, steps: int) -> int:
    k = bisect_right(positions, at) - 1
    return min((at - positions[k]) // step, steps) if k >= 0 else steps + 1


def features(c: Candidate, ctx: _Context) -> list[str]:
    """What the classifier knows of a candidate: its words, the two words either side of it in its line, how
    far the last cue word and list marker are, what the lexicons say of its words, and how it was proposed.
    (Word shapes, quotes, brackets, headlines and common-word counts were tried and weigh nothing once these
    are known: the 4-fold score is the same or better without them.)"""
    first, last, line_of, words = c.first, c.last, ctx.line_of, ctx.words
    ws = words[first:last + 1]
    line = line_of[first]
    n = len(words)
    f = ["bias", _NW[min(len(ws), 7)], "first=" + ws[0].low, "last=" + ws[-1].low, *c.sources, *[w.word for w in ws],
         _ALLUP[all(w.upper for w in ws)], _GENERIC[any(w.generic for w in ws)],
         _INSTITUTION[any(w.institution for w in ws)], _TITLEWORD[any(w.title for w in ws)],
         _AWARD[any(w.award for w in ws)], _PERSON[any(ctx.in_person[first:last + 1])],
         _CUE[_distance(ctx.cues, c.start, CUE_STEP, CUE_STEPS)], _LIST[_distance(ctx.lists, c.start, LIST_STEP, LIST_STEPS)],
         "b1=" + (words[first - 1].low if first >= 1 and line_of[first - 1] == line else "^"),
         "b2=" + (words[first - 2].low if first >= 2 and line_of[first - 2] == line else "^"),
         "a1=" + (words[last + 1].low if last + 1 < n and line_of[last + 1] == line else "$"),
         "a2=" + (words[last + 2].low if last + 2 < n and line_of[last + 2] == line else "$")]
    return f


def described_candidates(text: str, lex: Lexicon, rules: list[Innovation], officials: list[Official],
                         hits: Hits | None) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of a kept text with its features (none when the text names no innovation)."""
    if not innovations.about_innovations(text, lex):
        return []
    ctx = _context(text, lex, rules, officials, hits)
    return [(c, features(c, ctx)) for c in candidates(ctx, lex)]


@cache
def _clitic(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"-(?:{words_of(lex, 'clitic')})$", re.IGNORECASE)


def choose(text: str, lex: Lexicon, model: Classifier, rules: list[Innovation], officials: list[Official],
           hits: Hits | None) -> list[Innovation]:
    """The innovations of a text as the classifier reads them, in order of first mention, each once."""
    described = described_candidates(text, lex, rules, officials, hits)
    scores = model.probabilities([f for _, f in described], "Y")
    chosen: list[tuple[float, Candidate]] = []
    for p, cand in sorted(zip(scores, (c for c, _ in described), strict=True), key=lambda x: (-x[0], x[1].start)):
        if p < model.threshold:
            break
        if not any(cand.start < o.end and o.start < cand.end for _, o in chosen):
            chosen.append((p, cand))
    by_rule = {inv.name.lower(): inv for inv in rules}
    out: dict[str, Innovation] = {}
    clitic = _clitic(lex)
    for p, cand in sorted(chosen, key=lambda x: x[1].start):
        if glued := clitic.search(text, cand.start, cand.end):
            cand = replace(cand, end=glued.start())
        name = text[cand.start:cand.end]
        if name.lower() not in by_rule and innovations.excluded(name, lex):
            continue        # what the lexicons say is no innovation (a national programme, an office) stays out
        if name.lower() not in out:
            found = by_rule.get(name.lower()) or Innovation(name, None, Span(cand.start, cand.end))
            out[name.lower()] = innovations.described(text, lex, found, confidence=round(p, 3))
    return list(out.values())


def training_items(text: str, lex: Lexicon, officials: list[Official]) -> list[tuple[str, list[str]]]:
    """Every candidate of a kept text as (its text, its features), as `choose` sees them: what flows/train.py
    labels with the gold names."""
    return [(text[c.start:c.end], f)
            for c, f in described_candidates(text, lex, innovations.find_innovations(text, lex), officials, None)]
