"""Named public-service innovations: brand names, with their long form when the text gives one.

Patterns of the genre: "Pembuangan Limbah Sederhana dan Bermanfaat (BUAH SABAR)", "PAPA SEHAT
(Papan Kontrol Kesehatan)", "SI INDAH atau Sistem Informasi ...", quoted names near "inovasi",
"Inovasi Wisata Posyandu dari UPTD ...", lists after "inovasi ... yaitu/adalah", numbered lists,
ordinal enumerations ("yang pertama ..., yang kedua adalah ...").
Institutions, competitions, plans and slogans are excluded through data (institutions.tsv,
non_innovations.tsv, non_innovation_heads.tsv), never by name in code.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.brand_shape import (
    _BRANDISH,
    _CLAUSE_END,
    _TOKEN,
    _is_alias,
    _letters,
    _opener,
    _words,
    abbreviates,
    align,
    brand_after,
    brand_before,
    joins_two_brands,
    named_like_a_brand,
)
from extractors.lexicon import Lexicon, alt, cased, words_of
from extractors.model import Innovation, Span
from extractors.regions import longest_region_at
from extractors.tokens import SENTENCE_BOUNDARY, headline_line, line_at
from extractors.wordscan import Hits, WordScan

# How far the rules look, in characters unless named otherwise (set by hand while reading dev articles).
CUE_WINDOW = 160            # a cue word this far before a name (or in its sentence) announces it
CUE_AFTER = 40              # ... or this far after its start ("SI PINTAR, inovasi ...")
QUOTED_CUE_WINDOW = 120     # a quoted name needs its cue closer
NUMBERED_CUE_WINDOW = 600   # a "(1) Name" list may run long after its cue
PARAGRAPH_CUE_REACH = 300   # a cue this far before a paragraph still heads it (a list split over lines)
CLAUSE_REACH = 200          # a long form before "(SHORT)" starts within this many characters
LONG_FORM_TOKENS = 15       # ... and within this many words
LIST_SPELLED = 2            # "Name (Long Form)" items whose letters agree that make the list's other such items names
PEOPLE_LIST_REACH = 80      # "tim penilai ... yakni": a list of people, not of innovations, announced this far back
STANDS_FOR_REACH = 24       # "singkatan dari" this far before a quoted phrase makes it a long form
LOWER_BEFORE = 30           # the word before a parenthesised brand is read within this many characters
MAX_NAME_WORDS = 8          # a name longer than this is a clause ...
MAX_EXPANSION_WORDS = 16    # ... and a long form longer than this


_CAP = r"[A-Z][\w’'-]*"


_PAREN = re.compile(r"\(([^()/\n]{2,160})\)")
_PAREN_AFTER = re.compile(r"[ \t]*\(([^()/\n]{2,160})\)")
_COLON_AFTER = re.compile(r"\s*:?")
_LINE = re.compile(r"[^\n]+")
_BULLET_LINE = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]*([^:\n]{2,90}):", re.M)   # "- Name: ...", "2) Name: ..."
# bulleted lines each opening with a name, after a line that opens a list (_Patterns.list_opener_end)
_BULLETED = re.compile(r"(\n)(?:[ \t]*\n)*(?:[ \t]*(?:[-–•*]|\d{1,2}[.)]|[IVX]{1,4}\.)[ \t]+[^\n]+(?:\n[ \t]*)*)+")
_BULLET_ITEM = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)]|[IVX]{1,4}\.)[ \t]+(\S)", re.M)   # "• X", "2) X", "II. X"
_VERSION = re.compile(r"[ \t]+(?:[vV]\.?[ \t]?\d{1,2}(?:\.\d{1,2})*|\d{1,2}(?:\.\d{1,2})+)(?!\w|[.,]\d)")   # 2.0, v2, not 5.000
_ITEM_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+")
_ORDINAL_PUNCT = re.compile(r"[ \t]*[:,][ \t]*")


@dataclass(frozen=True)
class _Patterns:
    list_opener_end: re.Pattern[str]   # a line that opens a bulleted list ends so: "... di antaranya:", "... yaitu"
    join_inside: re.Pattern[str]       # a joining word between two words of a phrase
    phrase_at: re.Pattern[str]
    quoted: re.Pattern[str]
    after_cue_name: re.Pattern[str]
    naming: re.Pattern[str]
    after_naming: re.Pattern[str]
    after_cue_brand: re.Pattern[str]
    numbered: re.Pattern[str]
    ordinal_item: re.Pattern[str]
    words: WordScan                     # via words, cue words and list markers: the one full scan of a text
    cue_set: frozenset[str]
    where_from: re.Pattern[str]         # " di Desa X", " dari Dinas Y": where a listed name ends
    post_heads: frozenset[str]          # first words of public posts ("Kepala", "Bupati", "Analis")
    sector: re.Pattern[str]
    event_head: re.Pattern[str]         # starts like an event ("sosialisasi ...")
    excluded_head: re.Pattern[str]      # starts like an institution, plan or category ("badan ...")
    agency: re.Pattern[str]
    topic: re.Pattern[str]
    cue_tail: re.Pattern[str]
    list_part: re.Pattern[str]
    after_paren_join: re.Pattern[str]
    join_next: re.Pattern[str]
    people_list: re.Pattern[str]
    more_items: re.Pattern[str]         # a comma or "dan": the list holds another item
    next_item: re.Pattern[str]          # ";" or ", dan yang": where the list item before ends
    list_goes_on: re.Pattern[str]
    stands_for: re.Pattern[str]
    spelled_out: re.Pattern[str]
    ranked: re.Pattern[str]             # "juara kedua diraih X", "Peringkat I: X": a ranked winner's name


SCAN_KIND = "innovation_words"


def scan_phrases(lex: Lexicon) -> tuple[dict[str, str], str]:
    """List markers, cue words and via words as written -> which of the three (a via phrase wins a tie)."""
    return {**dict.fromkeys(cased(lex.list_markers), "list"), **dict.fromkeys(cased(lex.innovation_cues), "cue"),
            **dict.fromkeys(cased(lex.via_words), "via")}, "_"


def _phrase(lex: Lexicon) -> str:
    """A capitalised phrase with its small linking words and numbers ("Gerakan Bersama dalam 1000 Hari")."""
    return rf"{_CAP}(?:\s+(?:{_CAP}|{words_of(lex, 'phrase_link')}|\d+(?:\.\d+)*))*"


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    phrase = _phrase(lex)
    ordinal, copula = alt(list(lex.ordinals)), words_of(lex, "copula")
    return _Patterns(
        join_inside=re.compile(rf"\s+(?:{words_of(lex, 'join')})\s+"),
        list_opener_end=re.compile(rf"(?::|\b(?i:{alt(list(lex.list_markers))}))[ \t]*$"),
        phrase_at=re.compile(phrase),
        quoted=re.compile(r"[“\"‘'](?P<name>[A-Z][^“”\"‘’'\n]{1,60}?)[”\"’']"),   # a quote char first: scans fast
        after_cue_name=re.compile(rf"\s+(?:{words_of(lex, 'naming')}\s+)?(?P<name>{phrase})\s+(?=(?:{words_of(lex, 'after_name')})\b|[,.])"),
        naming=re.compile(rf"\b(?:{words_of(lex, 'naming')})\b", re.IGNORECASE),
        after_naming=re.compile(rf"\s+(?P<name>{phrase})"),
        after_cue_brand=re.compile(rf"\s+(?:{words_of(lex, 'naming')}\s+)?(?P<name>[A-Z][a-z]+[A-Z]\w*|[A-Z]{{3,}}(?:[\s-][A-Z]{{3,}})?)\b"),
        numbered=re.compile(rf"\(\d{{1,2}}\)\s*(?P<name>{phrase})"),
        ordinal_item=re.compile(
            rf"(?i:\b{words_of(lex, 'relative')}\s+{ordinal}\b\s*(?:,\s*)?(?:{copula}\b\s*)?"
            rf"|\b{ordinal}\s+{copula}\b\s*)"
            rf"(?P<name>(?:[^,;:\n.]|\.(?=\S))+?)"
            rf"(?=\s+[-–]\s|\s*(?:[,;:\n]|\.(?:\s|$))|\s+{words_of(lex, 'join')}\s+(?:{words_of(lex, 'relative')}\s+)?(?i:{ordinal})\b|$)"),
        cue_set=frozenset(c.lower() for c in lex.innovation_cues),
        where_from=re.compile(rf"\s+(?:{alt(list(lex.locative))}|{words_of(lex, 'agency_link')})\s+(?=[A-Z])"),
        post_heads=frozenset(t.split()[0] for t in lex.titles),
        words=WordScan({SCAN_KIND: scan_phrases(lex)}),
        sector=re.compile(rf"\b{alt(list(lex.sectors))}\b"),
        agency=re.compile(
            rf"[”\"’')]?\s*,?\s+(?:{words_of(lex, 'also')}\s+)?{words_of(lex, 'agency_link')}\s+"
            rf"(?P<agency>{alt(set(lex.agency_heads) | {h.upper() for h in lex.agency_heads})}"
            rf"(?:\s+(?:{words_of(lex, 'agency_abbreviation')}|{_CAP}|{words_of(lex, 'join')}|&|\d+))*)"),
        topic=re.compile(alt(cased(lex.innovation_topic))),
        cue_tail=re.compile(rf"[ \t]*(?:{words_of(lex, 'naming')})?[ \t]*:?[ \t]*"),
        stands_for=re.compile(rf"\b(?i:{words_of(lex, 'stands_for')})\s*[:,]?\s*[—–-]?\s*$"),
        spelled_out=re.compile(rf"[”’'\"]?\s*(?:[—–-]\s*|,?\s+(?:\w+\s+){{0,2}}?)(?i:{words_of(lex, 'stands_for')})\s*:?\s*"
                               rf"(?:[“\"‘'](?P<quoted>[^“”\"‘’'\n]{{4,120}})[”\"’']|(?P<bare>{phrase}))"),
        list_goes_on=re.compile(rf"\s*(?i:{words_of(lex, 'list_goes_on')})\b(?:\s+(?i:ada)\b)?\s*,?\s*"),
        more_items=re.compile(rf",|\s{words_of(lex, 'join')}\s"),
        next_item=re.compile(rf";|,\s+(?:{words_of(lex, 'join')}\s+)?{words_of(lex, 'relative')}\s"),
        people_list=re.compile(rf"\b{words_of(lex, 'people_list')}\b", re.IGNORECASE),
        join_next=re.compile(rf"[ \t]+{words_of(lex, 'join')}[ \t]+"),
        after_paren_join=re.compile(rf"\)\s+{words_of(lex, 'join')}\s+"),
        list_part=re.compile(rf"(?:^|\s+{words_of(lex, 'join')}\s+)(\S[^\n]*?)(?=\s+{words_of(lex, 'join')}\s|$)"),
        event_head=re.compile(alt(list(lex.event_triggers))),
        excluded_head=re.compile(rf"{alt([h.lower() for h in lex.non_innovation_heads])}(?:\s|$)"),
        ranked=re.compile(rf"\b(?i:{words_of(lex, 'rank')})\s+(?i:harapan\s+)?(?:ke-?\s*)?(?:(?i:{ordinal})|[IVX]{{1,4}}|\d{{1,2}})\b"
                          rf"[ \t]*[:.,–-]?[ \t]*(?:(?i:{words_of(lex, 'rank_link')})[ \t]+)*(?P<name>{phrase})"),
    )


_LEAD_WORD = re.compile(r"(\w+)\s+")
_SENTENCE_END = re.compile(r"(?<![\s(]\d)(?<![\s(]\d\d)\.(?:\s|$)|\n")   # not "1. " of an inline list



def _long_before(text: str, at: int, short: str, lex: Lexicon) -> tuple[int, str] | None:
    """The long form that ends right before a parenthesised short form: the capitalised phrase when it
    abbreviates well, else the shortest lower-case run that does and that starts a clause or list item
    ("..., investasi sampah untuk kesehatan (ISUK)"; not "ibu hamil dengan kekurangan energi kronis (KEK)")."""
    reach = max(0, at - CLAUSE_REACH)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, reach, at)), default=reach)
    tokens = list(_TOKEN.finditer(text, clause_start, at))[-LONG_FORM_TOKENS:]
    words = [t.group(0) for t in tokens]
    i = len(words)
    while i > 0 and (words[i - 1][0].isupper() or words[i - 1] in lex.grammar["name_link"]):
        i -= 1
    while i < len(words) and (not words[i][0].isupper() or _opener(words[i], lex)):
        i += 1
    if len(words) - i >= 2 and align(short, " ".join(words[i:])) >= 0.5:
        return tokens[i].start(), text[tokens[i].start():at].strip()
    for k in range(2, min(12, len(words)) + 1):
        j = len(words) - k
        cand = " ".join(words[j:])
        opens = j == 0 or words[j - 1].lower() in lex.function_words or words[j - 1].lower() in lex.innovation_prefixes \
            or words[j - 1].lower() in lex.grammar["join"] or words[j - 1].lower() in lex.list_markers
        if opens and cand[0].lower() == _letters(short)[:1] and align(short, cand) >= 0.8:
            return tokens[j].start(), text[tokens[j].start():at].strip()
    return None


@lru_cache(maxsize=4096)          # pure: the rules ask about the same few names many times per text
def _excluded(name: str, lex: Lexicon, *, expansion: bool = False, listed: bool = False) -> bool:
    """Institutions, competitions, plans, slogans, regions and generic phrases are not innovations; an
    expansion may be longer (up to 16 words) but is held to the same heads. A long form given to a listed
    name may start like an event or a body ("Kurma Lastri (Kunjungan Rumah Untuk Lansia ...)", "Pos Pintar
    (Pusat Inovasi Terpadu)"); elsewhere such a phrase is the training or the office itself ("Pelatihan
    Kepemimpinan Nasional (PKN)")."""
    clean = name.strip(" .,;:")
    low = clean.lower()
    if not clean or low in lex.non_innovations or clean in lex.institutions or clean.upper() in lex.institutions:
        return True
    first = low.split()[0]
    if first.strip("()") in lex.honorifics or first in lex.months or first in lex.weekdays:
        return True
    if not listed and (_patterns(lex).excluded_head.match(low) or _patterns(lex).event_head.match(low)):
        return True
    words = _words(clean)
    if not words or len(words) > (MAX_EXPANSION_WORDS if expansion else MAX_NAME_WORDS):
        return True
    if any(w.lower() in lex.non_innovation_words or w in lex.private_bodies for w in words):
        return True         # an award, a competition, an index, a company: "Government Award For Innovation"
    if expansion:
        return False
    if words[0] in lex.agency_heads:
        return True
    if longest_region_at(words, lex) == len(words) or _is_alias(clean, lex):
        return True
    if all(w in lex.title_words for w in words):
        return True
    meaningful = [w for w in words if w.lower() not in lex.generic_words and w not in lex.institutions
                  and longest_region_at([w], lex) == 0 and not w.isdigit()]
    return not meaningful


def _strip_cue(phrase: str, lex: Lexicon) -> str:
    words = phrase.split()
    while words and words[0].lower() in lex.innovation_prefixes:
        words = words[1:]
    return " ".join(words)


def _near_cue(text: str, start: int, cues: list[int], window: int = CUE_WINDOW) -> bool:
    """A cue word (at one of the sorted `cues` offsets) in the same sentence or shortly before."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    i = bisect_left(cues, min(sentence_start, max(0, start - window)))
    return i < len(cues) and cues[i] <= start + CUE_AFTER


def _paragraph_has_cue(text: str, at: int, cues: list[int]) -> bool:
    """A cue word in the paragraph (line) around `at`, or within PARAGRAPH_CUE_REACH characters before it."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    i = bisect_left(cues, min(line_start, max(0, at - PARAGRAPH_CUE_REACH)))
    return i < len(cues) and cues[i] < line_end


def _pairs(text: str, lex: Lexicon, pats: _Patterns, cues: list[int]) -> list[Innovation]:
    """Short and long forms in a paragraph that names innovations: 'Long Form (SHORT)', 'SHORT (Long Form)',
    'SHORT atau Long Form', and a brand in parentheses after its description ('asuransi sapi (Ombak Si Petra)').
    Which side abbreviates which is read from the letters (`align`), not from the order."""
    out = []
    for paren in _PAREN.finditer(text):
        start, inner = paren.start(), paren.group(1).strip()
        if not _paragraph_has_cue(text, start, cues) or (_excluded(inner, lex) and len(_words(inner)) <= 4):
            continue
        n_inner = len(_words(inner))
        if n_inner <= 4 and re.search(r"[A-Z]", inner) and inner.split()[0] not in lex.title_words:
            long = _long_before(text, start, inner, lex)
            # the same first letter, and a name in capitals or one that spells part of the long form: not a
            # person after a title ("Mata Pintar Menjawab (Misbah)")
            initials = long and ((long[1][:1].lower() == inner[:1].lower() and (inner.isupper() or align(inner, long[1]) >= 0.6))
                                 or (inner.isupper() and align(inner, long[1]) >= 0.7))
            if long and initials and not _excluded(long[1], lex, expansion=True):
                out.append(Innovation(inner, _strip_cue(long[1], lex), Span(long[0], paren.end())))
                continue
        brand = None if pats.people_list.search(text, max(0, start - 120), start) else brand_before(text, start, lex)
        if brand and n_inner >= 2 and not _excluded(brand[1], lex) and inner.split()[0] not in lex.title_words \
                and abbreviates(brand[1], inner) and not _excluded(inner, lex, expansion=True):
            out.append(Innovation(brand[1], inner, Span(brand[0], paren.end())))
            continue
        before = text[max(0, start - LOWER_BEFORE):start].split()
        if n_inner <= 4 and before and before[-1][:1].islower() and all(_BRANDISH.fullmatch(w) for w in inner.split()) \
                and (n_inner >= 2 or len(_letters(inner)) >= 4) and not _excluded(inner, lex):
            out.append(Innovation(inner, None, Span(paren.start(1), paren.end(1))))
    for a_start, a_end in (gap for word in lex.grammar["alternative"] for gap in _word_between_spaces(text, word)):
        if not _paragraph_has_cue(text, a_start, cues):
            continue
        brand = brand_before(text, a_start, lex)
        phrase = pats.phrase_at.match(text, a_end)
        if brand and phrase and len(_words(phrase.group(0))) >= 2 and abbreviates(brand[1], phrase.group(0)) \
                and not _excluded(brand[1], lex) and not _excluded(phrase.group(0), lex, expansion=True):
            out.append(Innovation(brand[1], phrase.group(0).strip(), Span(brand[0], phrase.end())))
            continue
        after = brand_after(text, a_end, lex, limit=4)
        long_before = _long_before(text, a_start, after[1], lex) if after else None
        if after and long_before and not _excluded(after[1], lex):
            out.append(Innovation(after[1], _strip_cue(long_before[1], lex), Span(long_before[0], after[0] + len(after[1]))))
    return out


def _word_between_spaces(text: str, word: str) -> list[tuple[int, int]]:
    """Where `word` stands alone between white space, the spaces included (a plain find: no regex scan)."""
    out, i = [], text.find(word)
    while i >= 0:
        j = i + len(word)
        if i > 0 and j < len(text) and text[i - 1].isspace() and text[j].isspace():
            start, end = i - 1, j + 1
            while start > 0 and text[start - 1].isspace():
                start -= 1
            while end < len(text) and text[end].isspace():
                end += 1
            out.append((start, end))
        i = text.find(word, j)
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    """A straight or single quote glued to letters on its outer side is an apostrophe."""
    before = text[start - 1:start]
    after = text[end:end + 1]
    return (text[start] in "'‘" and (before.isalnum() or before in "’'")) or \
        (text[end - 1] in "'’" and (after.isalnum() or after in "’'"))


def _named(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Quoted names near a cue, names right after a cue ("inovasi Wisata Posyandu dari ..."), numbered lists."""
    starts = [s for s, _ in cues]
    out = []
    if any(q in text for q in "“\"‘'"):
        for m in pats.quoted.finditer(text):
            if _inside_word(text, m.start(), m.end()):
                continue      # an apostrophe in a word ("Jum'at"), not a quotation
            name = m["name"].strip(" ,.")
            words = _words(name)
            title_case = sum(w[0].isupper() or w[0].isdigit() for w in words) * 2 >= len(words)   # a name, not speech
            if pats.stands_for.search(text, max(0, m.start() - STANDS_FOR_REACH), m.start()):
                continue      # "... merupakan singkatan dari “Mari Rangkul ...”": a long form (`_spelled_out`)
            if len(words) <= 6 and title_case and not re.search(r"[.!?,]\s", name) \
                    and _near_cue(text, m.start(), starts, QUOTED_CUE_WINDOW) and not _excluded(name, lex):
                out.append(_mention(m.start("name"), name))
    found = [hit for _, end in cues for pat in (pats.after_cue_name, pats.after_cue_brand)
             if (hit := pat.match(text, end))]
    found += [hit for m in pats.naming.finditer(text) if _cue_in_sentence_before(text, m.start(), starts)
              and (hit := pats.after_naming.match(text, m.end()))]     # "aplikasi layanan aduan yang diberi nama X"
    if "(" in text:
        found += [m for m in pats.numbered.finditer(text) if _near_cue(text, m.start(), starts, NUMBERED_CUE_WINDOW)]
    for m in found:
        name = _strip_cue(m["name"], lex).strip(" ,.")
        if name and name.split()[-1].lower() in lex.grammar["join"]:
            continue          # "BERSIH DAN" of "BERSIH DAN SEHAT": a joining word ends no name
        while len(words := name.split()) > 1 and words[-1] in lex.grammar["phrase_link"]:
            name = name[:name.rindex(words[-1])].rstrip()     # "bernama Sapa Warga untuk ...": no small word ends it
        at = m.start("name") + m["name"].find(name) if name else 0
        for part, start in _capitals_apart(name, at, lex):
            if not _excluded(part, lex) and named_like_a_brand(part, lex) and not _in_headline(text, m.start()):
                out.append(Innovation(part, None, Span(start, start + len(part))))
    return out


def _capitals_apart(name: str, at: int, lex: Lexicon) -> list[tuple[str, int]]:
    """A phrase split where `joins_two_brands` ("LAKIPADADA 3.0 dan SI PEKA", "SIMPEG dan e-Kinerja"), each part
    with its offset; a phrase in title case stays whole ("Gerakan Bersama dan Peduli")."""
    if not name:
        return []
    parts, start = [], 0
    for m in _patterns(lex).join_inside.finditer(name):
        left = [w for w in name[start:m.start()].split() if any(c.isalpha() for c in w)]
        if left and m.end() < len(name) and joins_two_brands(left[-1], m.group(0).strip()):
            parts.append((name[start:m.start()], at + start))
            start = m.end()
    return [*parts, (name[start:], at + start)]


def _cue_in_sentence_before(text: str, at: int, cues: list[int]) -> bool:
    """A cue word earlier in the sentence that `at` stands in (within CUE_WINDOW characters)."""
    reach = max(0, at - CUE_WINDOW)
    start = max((m.end() for m in SENTENCE_BOUNDARY.finditer(text, reach, at)), default=reach)
    i = bisect_left(cues, start)
    return i < len(cues) and cues[i] < at


def _in_headline(text: str, at: int) -> bool:
    """A line in title case: every word is capitalised there, so capitals say nothing about where a name ends."""
    return headline_line(line_at(text, at)[0])


def _person_follows(text: str, end: int, lex: Lexicon) -> bool:
    """", S.IP, M.Si" after a name: a person with academic degrees."""
    m = re.match(r"\s*,\s*([A-Za-z.\s]{1,8}?)(?:,|$|\s)", text[end:end + 14])
    return m is not None and re.sub(r"[.\s]", "", m.group(1).lower()) in lex.degrees


def _items(segment: str, lex: Lexicon) -> list[tuple[int, str, str | None]]:
    """Names of one enumeration ("Ruko Konde Kecamatan Amali, Bang Sayur Dinas Ketahanan Pangan, dan My Like
    Bone oleh BKPSDM"): each item is cut at its agency, then split at "dan"; an item must start as a name.
    An item "Name (Long Form)" gives the long form too: the list says it is a name, so its letters need not
    spell the long form ("Kawi Smara (Pemberian Langsung Akta Perkawinan)")."""
    out: list[tuple[int, str, str | None]] = []
    paired: list[tuple[int, str, str, bool]] = []
    for item in re.finditer(r"[^,;\s][^,;]*", segment):
        if "(" in item.group(0):      # "A (Long Form) dan B (Long Form)": split after a parenthesis only
            starts = [item.start(), *(item.start() + m.end() for m in _patterns(lex).after_paren_join.finditer(item.group(0)))]
            paired += [p for at in starts if (p := _paired_item(segment, at, lex, spelled=False))]
            continue                  # "Long Form dan More (SHORT)" is read by _pairs
        for part in _patterns(lex).list_part.finditer(item.group(0)):
            found = _item_name(segment, item.start() + part.start(1), lex)
            if not found or _person_follows(segment, found[0] + len(found[1]), lex):
                break       # "Ranperda tentang ... dan Belanja Daerah": the rest of an item that is no name
            out.append((*found, None))
    spelled = sum(p[3] for p in paired)
    out += [(at, name, long) for at, name, long, ok in paired if ok or spelled >= LIST_SPELLED]
    return sorted(out)


def _item_name(segment: str, at: int, lex: Lexicon, limit: int = 6) -> tuple[int, str] | None:
    """The brand-like name an enumeration item opens with, after "inovasi", "dan" or an item number."""
    while True:
        lead = _LEAD_WORD.match(segment, at, at + 20)
        if lead and (lead.group(1).lower() in lex.innovation_prefixes or lead.group(1) in lex.grammar["join"]):
            at = lead.end()      # "inovasi Ruko Konde ...", "dan My Like Bone": not part of the name
        elif number := _ITEM_NUMBER.match(segment, at):
            at = number.end()    # "yakni 1. SIDAMAN, 2. PAKET HEMAT, dan 3. ..."
        else:
            return _brand_at(segment, at, lex, limit)


def _brand_at(text: str, at: int, lex: Lexicon, limit: int = 7) -> tuple[int, str] | None:
    """The name at `at` when it reads as a brand: not an institution or a generic phrase, coined if one word."""
    found = brand_after(text, at, lex, limit=limit)
    return found if found and not _excluded(found[1], lex) and named_like_a_brand(found[1], lex) else None


def _mention(start: int, name: str, long: str | None = None) -> Innovation:
    """A name read at `start` (and its long form, when the text gives one)."""
    return Innovation(name, long, Span(start, start + len(name)))


def _paired_item(segment: str, at: int, lex: Lexicon, *, spelled: bool = True) -> tuple[int, str, str, bool] | None:
    """'Name (Long Form)' as one enumeration item: the name right before the parenthesis, a long form of three
    or more capitalised words inside it, and whether it starts with the name's letter or spells it in part
    (required unless `spelled` is False: the caller then decides from the rest of the list)."""
    found = _item_name(segment, at, lex, limit=5)
    paren = _PAREN_AFTER.match(segment, found[0] + len(found[1])) if found else None
    if not (found and paren):
        return None
    inner = paren.group(1).strip()
    head = inner.split()[0]
    if len(_words(inner)) < 3 or not inner[0].isupper() or head in _patterns(lex).post_heads or head in lex.agency_heads \
            or _excluded(inner, lex, expansion=True, listed=True):
        return None     # "Suharto (Rompi KPK)", "Kadir (Kepala ...)", "X (Dinas ...)": an innovator, a post, an agency
    ok = inner[0].lower() == found[1][0].lower() or align(found[1], inner) >= 0.5
    if spelled and not ok:
        return None     # "Sri Susanti (Analis Pengelolaan Keuangan)": a person and a post
    return found[0], found[1], inner, ok


def _listed(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]],
            markers: list[tuple[int, int]]) -> list[Innovation]:
    """Names listed after a cue and a list marker, in the same sentence or the next ones of the paragraph:
    "inovasi ... yakni A (..) dari Dinas X, B Kecamatan Y, C BPBD, dan D oleh BKPSDM"."""
    out = []
    starts = [s for s, _ in cues]
    for start, end in markers:
        if not _paragraph_has_cue(text, start, starts) or pats.people_list.search(text, max(0, start - PEOPLE_LIST_REACH), start):
            continue      # "tim penilai inovasi yang terdiri dari ...", "dewan juri ... diantaranya": people
        colon = _COLON_AFTER.match(text, end)          # "yakni:" — the list starts after the colon
        at = colon.end() if colon else end
        while at >= 0:
            stop = _SENTENCE_END.search(text, at)
            segment = text[at: stop.start() if stop else len(text)]
            items = _items(segment, lex)
            if not (len(items) >= 2 or (items and pats.more_items.search(segment, items[0][0]))):
                break
            out += [_mention(at + i, name, long) for i, name, long in items]
            goes_on = pats.list_goes_on.match(text, stop.end()) if stop else None
            at = goes_on.end() if goes_on else -1      # "Lalu, A ..., B ...": the next sentence goes on
    return out


def _bullets(text: str, lex: Lexicon, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Lists of a text about innovations, one or more names then a colon and a description per line
    ("- Si Pendekar Berkumis: Aplikasi ...", "Kedua: Speech English in Five Minutes (...) dari Dinas ...")."""
    if not cues:
        return []
    out = []
    for line in _BULLET_LINE.finditer(text):
        out += [_mention(line.start(1) + at, name, long) for at, name, long in _items(line.group(1), lex)]
    for at in _ordinal_openers(text, lex):     # "Kedua: Speech English ...", "Pertama, MyRetribusi, sebuah ..."
        if found := _brand_at(text, at, lex):
            out.append(_mention(*found))
    starts = [s for s, _ in cues]
    opener_end = _patterns(lex).list_opener_end
    for block in _BULLETED.finditer(text):    # "... inovasi ... di antaranya adalah:\n• FLASH ...", "... yaitu\n- X"
        opener = text.rfind("\n", 0, block.start()) + 1
        if not opener_end.search(text, opener, block.start()):
            continue                           # the line before the bullets must open a list
        first = bisect_left(starts, opener)
        if first < len(starts) and starts[first] < block.end(1):      # the line that opens the list names a cue
            for item in _BULLET_ITEM.finditer(text, block.end(1), block.end()):
                if found := _brand_at(text, item.start(1), lex):
                    out.append(_mention(*found))
    return out


def _ordinal_openers(text: str, lex: Lexicon) -> list[int]:
    """Where a sentence or line opens with an ordinal and a colon or comma ("Kedua:", "Pertama,"): the offset
    after the punctuation. Found with plain string search for each ordinal, not a regex scan of the text."""
    out = []
    for ordinal in lex.ordinals:
        for form in (ordinal.capitalize(), ordinal.upper()):
            i = text.find(form)
            while i >= 0:
                end = i + len(form)
                before = text[max(0, i - 3):i].rstrip(" \t")
                opens = i == 0 or before[-1:] in (".", "\n") or not (before or text[:i].strip())
                punct = _ORDINAL_PUNCT.match(text, end)
                if punct and opens:
                    out.append(punct.end())
                i = text.find(form, end)
    return sorted(out)


def _cued(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]],
          vias: list[tuple[int, int]]) -> list[Innovation]:
    """A name right after a cue ("inovasi Posyantek Karya Mandiri", "aplikasi e-Pengendalian", "dengan inovasi:
    “Gerobak PTM”"), or after its agency in a paragraph about innovations ("Dinas Sosial melalui Rumah
    Berdaya for Better Life menempati ...", "dengan Propernya Zona Tuntas")."""
    starts = [s for s, _ in cues]
    anchors = [end for start, end in cues if text[start:end].lower() in lex.innovation_prefixes
               and not text[max(0, start - 12):start].lower().rstrip().endswith(lex.grammar["category"])]
    anchors += [end for start, end in vias if _paragraph_has_cue(text, start, starts)]
    out = []
    headline: dict[int, bool] = {}          # per line start: is the line a title-case headline?
    for end in sorted(set(anchors)):
        line = text.rfind("\n", 0, end) + 1
        if line not in headline:
            headline[line] = _in_headline(text, end)
        if headline[line]:
            continue
        m = pats.cue_tail.match(text, end)
        found = _brand_at(text, m.end() if m else end, lex)
        while found:
            out.append(_mention(*found))
            after = found[0] + len(found[1])
            version = _VERSION.match(text, after)                            # "LAKIPADADA 3.0 dan SI PEKA"
            join = pats.join_next.match(text, version.end() if version else after)   # "Rawat Ceria dan Jendela Sehat"
            found = _brand_at(text, join.end(), lex) if join else None
    return out


def _enumerated(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Ordinal enumerations in a paragraph about innovations: "Lima inovasi ... adalah yang pertama smart
    rescue Madani v 2.0 - urusan wajib ..., yang kedua adalah smart PETAKU, ... yang keempat adalah bus
    vaksin keliling". Each item is a name, lower case included, once two or more items follow a cue."""
    out: list[Innovation] = []
    starts = [s for s, _ in cues]
    for line in _LINE.finditer(text):
        if not _paragraph_has_cue(text, line.start(), starts):
            continue      # a cue in the line or shortly before it ("... Top 30 inovasi ...\nYang kedua ...")
        items = list(pats.ordinal_item.finditer(text, line.start(), line.end()))
        if len(items) < 2:
            continue
        for m in items:
            name = pats.where_from.split(m["name"].strip(), 1)[0]    # "Kopi Pagi di Kecamatan Utara"
            words = _words(name)
            paired = _paired_item(text, m.start("name"), lex) if "(" in name else None
            if paired:           # "yang ketiga, Pos Pintar (Pusat Inovasi Terpadu) Desa ..."
                out.append(_mention(*paired[:3]))
                continue
            if "(" in name or not words or len(words) > 6 or any(w.lower() in lex.function_words for w in words):
                continue     # "Long Form (SHORT)" is read by _pairs; a clause is not a name
            end = m.start("name") + len(m["name"]) - len(m["name"].lstrip()) + len(name)
            name = _strip_cue(name, lex)
            if not _excluded(name, lex):
                out.append(Innovation(name, None, Span(end - len(name), end)))
    return out


def _ranked(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Winners named by their rank in a paragraph about innovations: "juara pertama diraih inovasi Si Gesit dari
    Puskesmas Kassi, dan juara ketiga Lapor Cepat 112 ...", "Peringkat I: SIGAP BERSAMA". The name ends at its
    agency ("dari ...", "milik ..."); a region, an agency or any other excluded phrase ranked is no innovation."""
    low = text.lower()
    if not any(word in low for word in lex.grammar["rank"]):
        return []                 # one pass of plain substring tests spares most texts the regex scan
    out: list[Innovation] = []
    starts = [s for s, _ in cues]
    for m in pats.ranked.finditer(text):
        if not _paragraph_has_cue(text, m.start(), starts):
            continue
        name = _strip_cue(pats.where_from.split(m["name"], 1)[0].strip(), lex)
        if name and len(_words(name)) <= 6 and not _excluded(name, lex):
            end = m.start("name") + m["name"].index(name) + len(name) if name in m["name"] else m.end("name")
            out.append(Innovation(name, None, Span(end - len(name), end)))
    return out


def _sector(text: str, inv: Innovation, lex: Lexicon) -> str | None:
    """The sector stated just before the name ("bidang pendidikan melalui program X"), else one its words give."""
    # within the same list item: "..., yang kedua adalah X" does not take the sector of the item before
    before = _patterns(lex).next_item.split(text[max(0, inv.span.start - 60):inv.span.start])[-1].lower()
    hits = [(m.start(), lex.sectors[m.group(0)]) for m in _patterns(lex).sector.finditer(before)]
    if hits:
        return max(hits)[1]
    inside = _patterns(lex).sector.search(text[inv.span.start:inv.span.end].lower())
    return lex.sectors[inside.group(0)] if inside else None


def _agency(text: str, inv: Innovation, lex: Lexicon, pats: _Patterns) -> str | None:
    """The body named right after the innovation: "... dari/milik/besutan Dinas Perikanan Kab. Barru"."""
    m = pats.agency.match(text, inv.span.end)
    if not m:
        return None
    words = m.group("agency").split()
    for i, w in enumerate(words):   # "Puskesmas Lampa dan CDR Jempol": a 'dan' not inside a unit name ends it
        if (w in lex.grammar["join"] or w == "&") and (i + 1 == len(words) or words[i + 1] not in lex.title_words
                                  or words[i + 1].lower() in lex.innovation_prefixes):
            words = words[:i]
            break
    return " ".join(words).strip(" ,.") or None


def _merge(found: list[Innovation]) -> list[Innovation]:
    """One per name; a name that is another's long form joins it; the long form is kept when known."""
    by_key: dict[str, Innovation] = {}
    for inv in sorted(found, key=lambda i: i.span.start):
        key = inv.name.lower()
        long_of = next((k for k, v in by_key.items() if v.expansion and v.expansion.lower() == key), None)
        if long_of:
            continue
        twin = next((k for k, v in by_key.items() if inv.expansion and inv.expansion.lower() == k), None)
        if twin:
            by_key.pop(twin)
        old = by_key.get(key)
        if old is None or (old.expansion is None and inv.expansion):
            by_key[key] = inv if old is None else Innovation(old.name, inv.expansion, old.span, old.sector)
    return sorted(by_key.values(), key=lambda i: i.span.start)


def _acronym_only(inv: Innovation) -> bool:
    """Two or three capitals alone, with no long form: an abbreviation of ordinary news (ANC, KKN, TIA)."""
    return inv.expansion is None and re.fullmatch(r"[A-Z]{2,3}", inv.name) is not None


Spans = list[tuple[int, int]]


def _scan(text: str, lex: Lexicon, pats: _Patterns, hits: Hits | None) -> tuple[Spans, Spans, Spans]:
    """Cue words, via words and list markers, in one pass over the text. A via phrase that ends in a cue word
    ("dengan inovasi", "propernya") counts as that cue too."""
    cues: Spans = []
    vias: Spans = []
    markers: Spans = []
    for start, end, kind in hits.of(SCAN_KIND) if hits else pats.words.find(text):
        span = (start, end)
        if kind == "via":
            vias.append(span)
            last = text.rfind(" ", *span) + 1 or span[0]
            if text[last:span[1]].lower() in pats.cue_set:
                cues.append((last, span[1]))
        else:
            (cues if kind == "cue" else markers).append(span)
    return cues, vias, markers


def about_innovations(text: str, lex: Lexicon) -> bool:
    """A text without any innovation topic word names no innovation (ordinary news)."""
    return _patterns(lex).topic.search(text) is not None


def cue_spans(text: str, lex: Lexicon, hits: Hits | None = None) -> tuple[Spans, Spans, Spans]:
    """Cue words, via words and list markers of a text (see `_scan`)."""
    return _scan(text, lex, _patterns(lex), hits)


def find_innovations(text: str, lex: Lexicon, *, hits: Hits | None = None) -> list[Innovation]:
    """Each innovation once, in order of first mention."""
    pats = _patterns(lex)
    if not pats.topic.search(text):
        return []        # ordinary news: a capitalised phrase after "program" is no innovation here
    cues, vias, markers = _scan(text, lex, pats, hits)
    found = (_pairs(text, lex, pats, [s for s, _ in cues]) + _named(text, lex, pats, cues)
             + _listed(text, lex, pats, cues, markers) + _enumerated(text, lex, pats, cues)
             + _cued(text, lex, pats, cues, vias) + _bullets(text, lex, cues) + _ranked(text, lex, pats, cues))
    merged = [i for i in _merge([_versioned(text, i) for i in found]) if not _acronym_only(i)]
    spelled = {i.name: m for i in merged if (m := pats.spelled_out.match(text, i.span.end))}
    inside = [m.span("quoted") if m["quoted"] else m.span("bare") for m in spelled.values()]
    return [Innovation(i.name, i.expansion or (_long_form(spelled[i.name]) if i.name in spelled else None), i.span,
                       _sector(text, i, lex), _agency(text, i, lex, pats))
            for i in merged if not any(a <= i.span.start < b for a, b in inside)]


def _versioned(text: str, inv: Innovation) -> Innovation:
    """A name with the version that follows it ("SAKTI 2.0", "Madani v 2.0"): brands carry their digits."""
    m = _VERSION.match(text, inv.span.end)
    if m is None or text[inv.span.start:inv.span.end] != inv.name:
        return inv
    return Innovation(text[inv.span.start:m.end()], inv.expansion, Span(inv.span.start, m.end()), inv.sector, inv.agency)


def excluded(name: str, lex: Lexicon) -> bool:
    """Whether the lexicons say a name is no innovation (an institution, a programme, a generic phrase ...)."""
    return _excluded(name, lex)


def described(text: str, lex: Lexicon, inv: Innovation, *, confidence: float | None = None) -> Innovation:
    """An innovation with its long form, sector and agency read around it (those it has are kept)."""
    pats = _patterns(lex)
    expansion = inv.expansion or _expansion_around(text, inv, lex, pats)
    return Innovation(inv.name, expansion, inv.span, inv.sector or _sector(text, inv, lex),
                      inv.agency or _agency(text, inv, lex, pats), confidence)


def _expansion_around(text: str, inv: Innovation, lex: Lexicon, pats: _Patterns) -> str | None:
    """"NAME (Long Form)", "Long Form (NAME)" or "NAME, singkatan dari ...": the long form the letters spell."""
    after = _PAREN_AFTER.match(text, inv.span.end)
    if after and len(_words(after.group(1))) >= 2 and abbreviates(inv.name, after.group(1)) \
            and not _excluded(after.group(1), lex, expansion=True):
        return after.group(1).strip()
    if text[inv.span.start - 1:inv.span.start] == "(" and text[inv.span.end:inv.span.end + 1] == ")":
        long = _long_before(text, inv.span.start - 1, inv.name, lex)
        if long and not _excluded(long[1], lex, expansion=True):
            return _strip_cue(long[1], lex)
    spelled = pats.spelled_out.match(text, inv.span.end)
    return _long_form(spelled) if spelled else None


def _long_form(m: re.Match[str]) -> str:
    """The long form a sentence gives after the name: "Martabak Berdasi merupakan singkatan dari “Mari
    Rangkul Penderita Diabetes dan Hipertensi”", "‘Benglapor’—akronim dari “Bengkel Laporan”"; the names read
    inside it are words of the long form, not innovations."""
    return (m["quoted"] or m["bare"]).strip()
