"""Which mentions name the same person, or the same innovation, across every article: entity resolution.

Pure and order-free: the answer depends on the set of mentions and the curator's pairs, never on the order
the articles arrived in, so running it over the whole database after every run is incremental in effect (a
new mention joins a person or starts one; a better-evidenced name can later join two). Every join is a
`Link` naming its rule and evidence; the mention rows themselves are never rewritten.

Persons. Names fold to tokens (case, dots, quotes; "Moh."/"Muhammad" and other spellings of one name part,
data/lexicons/name_variants.tsv); one folded name is one node. Two nodes join:
- `nickname`: "Danny Pomanto" is the quoted nickname and surname of "Moh. Ramdhan 'Danny' Pomanto";
- `initials`, `short form`, `spelling`: the same name without its initials, with a first or last name dropped
  ("Azwar Anas" / "Abdullah Azwar Anas"), or one letter apart ("Sulaeman" / "Sulaiman") — only with context:
  a shared post region, the same national post, or the same article with posts that do not conflict; and only
  when exactly one person fits (a short form two people share joins neither).
Parts shared by very many people ("Andi", "Muhammad": common_name_parts.tsv) never identify anyone alone.

Innovations. Names fold to their letters and digits without a leading "Aplikasi"/"Inovasi"; one brand in two
regencies is two innovations (a province's mention joins the one regency of that province that has it). Two
nodes join by `expansion` (one is the other's long form), `acronym` (its letters spell the other), `spelling`
(one letter apart), `word order`, or `part` (one is part of the other's name, or a "/"-separated name, in
one article) — all within compatible regions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import Any

from extractors.lexicon import Lexicon

PERSON, INNOVATION = "person", "innovation"
MIN_SHORT_TOKEN = 5         # a one-word short form ("Irmayanti") must be at least this long
MIN_SPELLING = 5            # a name part one letter off another must be at least this long
MIN_BRAND_SPELLING = 6      # likewise for a whole brand ("HAPPUSS" / "HAPUSS")
MAX_BLOCK = 400             # a name part shared by more nodes than this is no evidence (and would cost n²)
_NICKNAME = re.compile(r"[\"“”'‘’(]\s*([^\W\d_]{2,})\s*[\"“”'‘’)]")
_WORD = re.compile(r"[^\W_]+")
_ACTING = {"plt", "pj", "plh", "pjs", "penjabat", "pejabat", "pelaksana", "tugas", "harian", "sementara"}


@dataclass(frozen=True, slots=True)
class PersonMention:
    mention: str                  # the mention row's id (opaque here)
    article: str
    name: str                     # as the extractor read it (honorifics and degrees already off)
    title: str | None = None
    region: str | None = None     # region code of the post; None for a national post


@dataclass(frozen=True, slots=True)
class InnovationMention:
    mention: str
    article: str
    name: str
    expansion: str | None = None
    region: str | None = None     # region code of the article's subject


@dataclass(frozen=True, slots=True, order=True)
class Link:
    kind: str                     # person | innovation
    a: str                        # a name as written
    b: str
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Curation:
    """A curator's word: names that are one entity, and pairs that are not (data/curation/*.tsv), folded."""

    same: frozenset[tuple[str, str, str]] = frozenset()       # (kind, name, name), the names in order
    distinct: frozenset[tuple[str, str, str]] = frozenset()

    @staticmethod
    def pair(kind: str, a: str, b: str) -> tuple[str, str, str]:
        x, y = sorted((_plain(a), _plain(b)))
        return kind, x, y


@dataclass(frozen=True)
class Resolution:
    entity_of: dict[str, str]     # mention -> entity id
    names: dict[str, str]         # entity id -> canonical name
    links: tuple[Link, ...]


def _plain(name: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def entity_id(kind: str, key: str) -> str:
    return blake2b(f"{kind}\x00{key}".encode(), digest_size=8).hexdigest()


def one_letter_apart(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns a into b (a != b)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
                                          and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


class _Union:
    """Union-find over node indices whose joins respect vetoes (pairs of nodes that must stay apart)."""

    def __init__(self, n: int, vetoes: dict[int, set[int]]) -> None:
        self.parent = list(range(n))
        self.members: dict[int, set[int]] = {i: {i} for i in range(n)}
        self.vetoes = vetoes

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        if any(v in self.members[big] for m in self.members[small] for v in self.vetoes.get(m, ())):
            return False
        self.parent[small] = big
        self.members[big] |= self.members.pop(small)
        return True


_Node = Any      # _Person or _Brand: both carry key, written and mentions


def _curated(kind: str, nodes: Sequence[_Node], curation: Curation) -> tuple[dict[str, list[int]], dict[int, set[int]]]:
    """The nodes of each written name (folded as the curator's files are), and the pairs of nodes the curator's
    not_same.tsv keeps apart."""
    plain_of: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        for w in n.written:
            plain_of[_plain(w)].append(i)
    vetoes: dict[int, set[int]] = defaultdict(set)
    for k, one, other in curation.distinct:
        if k == kind:
            for i in plain_of.get(one, ()):
                for j in plain_of.get(other, ()):
                    vetoes[i].add(j)
                    vetoes[j].add(i)
    return plain_of, vetoes


# --- persons ---------------------------------------------------------------------------------------------------

@dataclass
class _Person:
    key: str
    full: tuple[str, ...]            # folded name parts that are not initials
    initials: tuple[str, ...]
    nickname: str | None
    written: Counter[str] = field(default_factory=Counter)
    mentions: list[PersonMention] = field(default_factory=list)
    regions: set[str] = field(default_factory=set)
    national: set[str] = field(default_factory=set)       # heads of the national posts held ("menteri")
    posts: dict[str, set[str]] = field(default_factory=dict)   # article -> post heads named there


def fold_person(name: str, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """(name parts, initials, nickname) of a name: "Moh. Ramdhan 'Danny' Pomanto" ->
    (("muhammad", "ramdhan", "pomanto"), (), "danny"); "A. Irwan Hamid" -> (("irwan", "hamid"), ("a",), None)."""
    text = unicodedata.normalize("NFKC", name)
    nick = _NICKNAME.search(text)
    if nick:
        text = text[:nick.start()] + " " + text[nick.end():]
    words = _WORD.findall(text)
    all_upper = all(w.isupper() for w in words)
    full, initials = [], []
    for w in words:
        low = w.casefold()
        if len(w) == 1 or (not all_upper and w.isupper() and len(w) <= 3 and low not in lex.name_variants):
            initials.append(low)
        else:
            full.append(lex.name_variants.get(low, low))
    return tuple(full), tuple(initials), nick.group(1).casefold() if nick else None


def post_kind(title: str | None, lex: Lexicon) -> str | None:
    """The kind of post, for telling two posts apart: "Plt Sekretaris Daerah Barru" and "Sekda Barru" -> "sekda";
    a post not in post_kinds.tsv is its first word."""
    words = [w for w in _WORD.findall((title or "").casefold()) if w not in _ACTING]
    for n in (3, 2, 1):
        kind = lex.post_kinds.get(" ".join(words[:n]))
        if kind:
            return kind
    return words[0] if words else None


def _person_nodes(mentions: Iterable[PersonMention], lex: Lexicon) -> list[_Person]:
    nodes: dict[str, _Person] = {}
    for m in mentions:
        full, initials, nick = fold_person(m.name, lex)
        if not full:
            full, initials = initials, ()
        key = " ".join((*initials, *full))
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _Person(key, full, initials, nick)
        node.nickname = node.nickname or nick
        node.written[m.name] += 1
        node.mentions.append(m)
        head = post_kind(m.title, lex)
        if m.region:
            node.regions.add(m.region)
        elif head:
            node.national.add(head)
        if head:
            node.posts.setdefault(m.article, set()).add(head)
        else:
            node.posts.setdefault(m.article, set())
    return [nodes[k] for k in sorted(nodes)]


def _person_context(a: _Person, b: _Person, *, strong: bool) -> str | None:
    """Why two compatible names may be one person here, or None. `strong`: a one-word short form needs the post
    region and kind of post both, or the same article."""
    shared = sorted(set(a.posts) & set(b.posts))
    for art in shared:
        pa, pb = a.posts[art], b.posts[art]
        if pa and pb and not pa & pb:
            return None                        # two posts in one article: two people
    if shared:
        return f"named together in article {shared[0]}"
    regions = sorted(a.regions & b.regions)
    heads = {h for ps in a.posts.values() for h in ps} & {h for ps in b.posts.values() for h in ps}
    if regions and (heads or not strong):
        return f"both hold a post in region {regions[0]}" + (f" ({sorted(heads)[0]})" if heads else "")
    national = sorted(a.national & b.national)
    if national and not strong:
        return f"both hold the national post '{national[0]}'"
    return None


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> tuple[bool, bool]:
    """(short's parts appear in long in order, possibly one part one letter off): "Danny Pomanto" within "Moh
    Ramdhan Danny Pomanto", "Moh Ramdhan Pomanto" too (a middle name dropped)."""
    k, near = 0, False
    for w in long:
        if k < len(short) and short[k] == w:
            k += 1
        elif k < len(short) and not near and min(len(w), len(short[k])) >= MIN_SPELLING and one_letter_apart(short[k], w):
            k, near = k + 1, True
    return k == len(short), near


def _compare_persons(a: _Person, b: _Person, lex: Lexicon) -> tuple[str, bool] | None:
    """(rule, needs a single-word-strength context) when b's name can be a form of a's, else None."""
    if a.full == b.full:
        return ("initials", len(a.full) < 2) if a.full else None
    short, long = (a, b) if len(a.full) <= len(b.full) else (b, a)
    if not set(short.full) - lex.common_name_parts:
        return None
    found, near = _within(short.full, long.full)
    if not found:
        return None
    if len(short.full) == len(long.full):
        return "spelling", len(short.full) < 2
    if len(short.full) == 1 and len(short.full[0]) < MIN_SHORT_TOKEN:
        return None
    return ("short form" + (" and spelling" if near else "")), len(short.full) < 2


def resolve_persons(mentions: Iterable[PersonMention], lex: Lexicon, curation: Curation = Curation()) -> Resolution:
    nodes = _person_nodes(mentions, lex)
    index = {n.key: i for i, n in enumerate(nodes)}
    plain_of, vetoes = _curated(PERSON, nodes, curation)
    union, links = _Union(len(nodes), vetoes), []

    def link(i: int, j: int, rule: str, evidence: str) -> None:
        if union.join(i, j):
            links.append(Link(PERSON, _written(nodes[i]), _written(nodes[j]), rule, evidence))

    for kind, one, other in sorted(curation.same):
        if kind == PERSON:
            for i in plain_of.get(one, ())[:1]:
                for j in plain_of.get(other, ())[:1]:
                    link(i, j, "curated", "data/curation/same.tsv")
    by_part: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        for w in set(n.full):
            by_part[w].append(i)
        if n.nickname and n.full:
            hit = index.get(f"{n.nickname} {n.full[-1]}")
            if hit is not None:
                link(i, hit, "nickname", f"'{n.nickname.title()}' is the nickname written in '{_written(n)}'")
    candidates: dict[int, dict[int, tuple[str, str]]] = defaultdict(dict)
    for block in by_part.values():
        if len(block) > MAX_BLOCK:
            continue
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                i, k = block[x], block[y]
                if k in candidates[i] or i in candidates[k]:
                    continue
                found = _compare_persons(nodes[i], nodes[k], lex)
                if not found:
                    continue
                rule, strong = found
                evidence = _person_context(nodes[i], nodes[k], strong=strong)
                if evidence:
                    shorter = i if (len(nodes[i].full), nodes[i].key) <= (len(nodes[k].full), nodes[k].key) else k
                    candidates[shorter][k if shorter == i else i] = (rule, evidence)
    for _ in range(2):          # a short form whose candidates become one person on the first pass joins on the second
        for i in sorted(candidates):
            roots = {union.find(j) for j in candidates[i]} - {union.find(i)}
            if len(roots) == 1:
                j = min(candidates[i])
                link(i, j, *candidates[i][j])
    return _resolution(PERSON, nodes, union, links, _person_name)


def _written(node: _Person | _Brand) -> str:
    return max(node.written.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def _person_name(nodes: list[_Person]) -> str:
    best = max(nodes, key=lambda n: (len(n.full), bool(n.nickname), sum(n.written.values()), n.key))
    return _written(best)


# --- innovations ------------------------------------------------------------------------------------------------

@dataclass
class _Brand:
    key: str                        # folded letters and digits
    region: str | None
    words: tuple[str, ...]          # folded words, leading cue words dropped
    written: Counter[str] = field(default_factory=Counter)
    explained: Counter[str] = field(default_factory=Counter)     # written forms given with their long form
    expansions: Counter[str] = field(default_factory=Counter)
    mentions: list[InnovationMention] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def fold_brand(name: str, lex: Lexicon) -> tuple[str, ...]:
    """A brand's words, case folded, without leading cue words: "Aplikasi Sobo Aksi" -> ("sobo", "aksi");
    "InovasiMy Perizinan" -> ("my", "perizinan")."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFKC", name).casefold())]
    while len(words) > 1 and words[0] in lex.innovation_prefixes:
        words.pop(0)
    if words:
        for p in sorted(lex.innovation_prefixes, key=len, reverse=True):
            if words[0].startswith(p) and len(words[0]) - len(p) >= 2 and len(words) > 1:
                words[0] = words[0][len(p):]
                break
    return tuple(words)


def _compatible(a: str | None, b: str | None) -> bool:
    """Regions that can hold one innovation: equal, unknown, or a province and one of its regencies."""
    return a is None or b is None or a == b or (a.split(".")[0] == b and "." not in b) or b.split(".")[0] == a


def _brand_nodes(mentions: Iterable[InnovationMention], lex: Lexicon) -> list[_Brand]:
    by_key: dict[str, list[InnovationMention]] = defaultdict(list)
    for m in mentions:
        by_key["".join(fold_brand(m.name, lex)) or m.name.casefold()].append(m)
    nodes: list[_Brand] = []
    for key in sorted(by_key):
        group = by_key[key]
        regencies = sorted({m.region for m in group if m.region and "." in m.region})
        own: dict[str | None, _Brand] = {}
        for m in sorted(group, key=lambda m: m.mention):
            region = m.region if m.region in regencies else None
            if region is None:
                fits = [r for r in regencies if _compatible(r, m.region)]
                region = fits[0] if len(fits) == 1 else m.region
            node = own.get(region)
            if node is None:
                node = own[region] = _Brand(key, region, fold_brand(m.name, lex))
            node.written[m.name] += 1
            if m.expansion:
                node.expansions[m.expansion] += 1
                node.explained[m.name] += 1
            node.mentions.append(m)
            node.articles.add(m.article)
        nodes += [own[r] for r in sorted(own, key=lambda r: r or "")]
    return nodes


def _initials(words: tuple[str, ...], lex: Lexicon) -> str:
    return "".join(w[0] for w in words if w not in lex.function_words)


def _brand_pairs(nodes: list[_Brand], lex: Lexicon) -> Iterable[tuple[int, int, str, str]]:
    """(i, j, rule, evidence) for every pair of brand nodes that name one innovation (regions unchecked)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_deletion: dict[str, list[int]] = defaultdict(list)
    by_bag: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        by_key[n.key].append(i)
        if len(n.key) >= MIN_BRAND_SPELLING:
            for k in {n.key[:p] + n.key[p + 1:] for p in range(len(n.key))} | {n.key}:
                by_deletion[k].append(i)
        bag = tuple(sorted(set(n.words) - lex.function_words))
        if len(bag) >= 2:
            by_bag[bag].append(i)
        for art in n.articles:
            by_article[art].append(i)
    for i, n in enumerate(nodes):
        for e in n.expansions:
            for j in by_key.get("".join(fold_brand(e, lex)), ()):
                yield i, j, "expansion", f"'{e}' is the long form given for '{_written(n)}'"
        if len(n.words) >= 2:
            for j in by_key.get(_initials(n.words, lex), ()):
                if len(nodes[j].key) >= 2 and nodes[j].articles & n.articles | ({n.region} & {nodes[j].region} - {None}):
                    yield i, j, "acronym", f"the letters of '{_written(nodes[j])}' spell '{_written(n)}'"
        if "/" in "".join(n.written):
            for part in _written(n).split("/"):
                for j in by_key.get("".join(fold_brand(part, lex)), ()):
                    yield i, j, "part", f"'{part.strip()}' is one of the names in '{_written(n)}'"
    for block in by_deletion.values():
        for x, i in enumerate(block):
            for j in block[x + 1:]:
                a, b = nodes[i], nodes[j]
                if a.key != b.key and one_letter_apart(a.key, b.key) and (a.articles & b.articles or (
                        a.region and a.region == b.region)):
                    yield i, j, "spelling", f"'{_written(a)}' and '{_written(b)}' are one letter apart"
    for block in by_bag.values():
        for x, i in enumerate(block):
            for j in block[x + 1:]:
                if nodes[i].key != nodes[j].key:
                    yield i, j, "word order", "the same words in another order"
    for art, block in sorted(by_article.items()):
        if len(block) > MAX_BLOCK:
            continue
        for i in block:
            for j in block:
                a, b = nodes[i], nodes[j]
                if i != j and 1 <= len(a.words) < len(b.words) and len(a.key) >= MIN_SHORT_TOKEN and _run_of(
                        a.words, b.words) and not (len(a.words) == 1 and a.words[0] in lex.common_words):
                    yield i, j, "part", f"'{_written(a)}' is part of '{_written(b)}' in article {art}"


def _run_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[k:k + n] == short for k in range(len(long) - n + 1))


def resolve_innovations(mentions: Iterable[InnovationMention], lex: Lexicon,
                        curation: Curation = Curation()) -> Resolution:
    nodes = _brand_nodes(mentions, lex)
    plain_of, vetoes = _curated(INNOVATION, nodes, curation)
    union, links = _Union(len(nodes), vetoes), []
    pairs = [(i, j, "curated", "data/curation/same.tsv") for kind, x, y in sorted(curation.same) if kind == INNOVATION
             for i in plain_of.get(x, ()) for j in plain_of.get(y, ())]
    pairs += sorted(_brand_pairs(nodes, lex), key=lambda p: (min(p[0], p[1]), max(p[0], p[1]), p[2]))
    for i, j, rule, evidence in pairs:
        if _compatible(nodes[i].region, nodes[j].region) and union.join(i, j):
            links.append(Link(INNOVATION, _written(nodes[i]), _written(nodes[j]), rule, evidence))
    return _resolution(INNOVATION, nodes, union, links, _brand_name)


def _brand_name(nodes: list[_Brand]) -> str:
    """The form given with its long form ("SIGAP (Sistem ...)"), else the most frequent; upper case on a tie."""
    score = {w: (n.explained[w], c, w.isupper()) for n in nodes for w, c in n.written.items()}
    return max(score, key=lambda w: (*score[w], w))


def _resolution(kind: str, nodes: Sequence[_Node], union: _Union, links: list[Link],
                name_of: Callable[[list[_Node]], str]) -> Resolution:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[union.find(i)].append(i)
    entity_of: dict[str, str] = {}
    names: dict[str, str] = {}
    for members in groups.values():
        members.sort()
        first = nodes[members[0]]
        eid = entity_id(kind, f"{first.key}\x00{getattr(first, 'region', '') or ''}")
        names[eid] = name_of([nodes[i] for i in members])
        for i in members:
            for m in nodes[i].mentions:
                entity_of[m.mention] = eid
    return Resolution(entity_of, names, tuple(links))
