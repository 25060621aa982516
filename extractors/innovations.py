"""Named public-service innovations: brand names, with their long form when the text gives one.

Patterns of the genre: "Pembuangan Limbah Sederhana dan Bermanfaat (BUAH SABAR)", "PAPA SEHAT
(Papan Kontrol Kesehatan)", "SI INDAH atau Sistem Informasi ...", quoted names near "inovasi",
"Inovasi Wisata Posyandu dari UPTD ...", lists after "inovasi ... yaitu/adalah", numbered lists.
Institutions, competitions, plans and slogans are excluded through data (institutions.tsv,
non_innovations.tsv, non_innovation_heads.tsv), never by name in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.lexicon import Lexicon, alt
from extractors.model import Innovation, Span
from extractors.regions import longest_region_at

_CAP = r"[A-Z][\w’'-]*"
_LINK = r"(?:dan|di|untuk|oleh|Oleh|dalam|&|v|ke)"
_PHRASE = rf"{_CAP}(?:\s+(?:{_CAP}|{_LINK}|\d+(?:\.\d+)*))*"
_BRAND = r"[A-Z][A-Za-z]*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|[A-Z][a-z]+(?:-[A-Z][\w]*)+|[A-Z]{2,}\w*(?:\s+[A-Z]{2,}\w*){0,3}"


@dataclass(frozen=True)
class _Patterns:
    long_short: re.Pattern[str]
    short_long: re.Pattern[str]
    atau: re.Pattern[str]
    quoted: re.Pattern[str]
    cue_name: re.Pattern[str]
    cue_brand: re.Pattern[str]
    cue_list: re.Pattern[str]
    numbered: re.Pattern[str]
    cue_word: re.Pattern[str]
    sector: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    cue = alt(list(lex.innovation_cues))
    return _Patterns(
        long_short=re.compile(rf"(?<![\w.])(?P<long>{_PHRASE})\s*\((?P<short>[^()/\n]{{2,40}})\)"),
        short_long=re.compile(rf"(?P<short>{_BRAND})\s*\((?P<long>{_PHRASE})\)"),
        atau=re.compile(rf"(?P<short>{_BRAND})\s+atau\s+(?P<long>{_PHRASE})"),
        quoted=re.compile(r"[“\"](?P<name>[A-Z][^“”\"\n]{1,60}?)[”\"]|(?<![\w’'])[‘'](?P<single>[A-Z][^‘’'\n]{1,60}?)[’'](?![\w’'])"),
        cue_name=re.compile(rf"\b(?i:{cue})\s+(?:bernama\s+)?(?P<name>{_PHRASE})\s+(?=(?:dari|milik|karya|yang|besutan|pada|ini|tersebut)\b|[,.])"),
        cue_brand=re.compile(rf"\b(?i:{cue})\s+(?:bernama\s+)?(?P<name>[A-Z][a-z]+[A-Z]\w*|[A-Z]{{3,}}(?:[\s-][A-Z]{{3,}})?)\b"),
        cue_list=re.compile(rf"\b(?i:{cue})\b[^.\n]{{0,80}}?\b(?:adalah|yaitu|yakni|antara lain|diantaranya|di antaranya)\s*:?\s*(?P<items>[^.\n]+)"),
        numbered=re.compile(rf"\(\d{{1,2}}\)\s*(?P<name>{_PHRASE})"),
        cue_word=re.compile(rf"\b(?i:{cue})\b"),
        sector=re.compile(rf"\b{alt(list(lex.sectors))}\b"),
    )


def _words(s: str) -> list[str]:
    return re.findall(r"[\w’'-]+", s)


def _excluded(name: str, lex: Lexicon) -> bool:
    """Institutions, competitions, plans, slogans, regions and generic phrases are not innovations."""
    clean = name.strip(" .,;:")
    low = clean.lower()
    if not clean or low in lex.non_innovations or clean in lex.institutions or clean.upper() in lex.institutions:
        return True
    first = low.split()[0]
    if first.strip("()") in lex.honorifics or first in lex.months or first in lex.weekdays:
        return True
    if any(low.startswith(t) for t in lex.event_triggers):
        return True
    if any(low.startswith(h.lower() + " ") or low == h.lower() for h in lex.non_innovation_heads):
        return True
    words = _words(clean)
    if not words or len(words) > 8:
        return True
    if longest_region_at(words, lex) == len(words) or clean in lex.region_aliases:
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


def _near_cue(text: str, start: int, pats: _Patterns, window: int = 160) -> bool:
    """A cue word in the same sentence or shortly before."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(pats.cue_word.search(text[min(sentence_start, max(0, start - window)):start + 40]))


def _pairs(text: str, lex: Lexicon, pats: _Patterns) -> list[Innovation]:
    out = []
    for m in pats.long_short.finditer(text):
        long, short = _strip_cue(m["long"], lex), m["short"].strip()
        if len(_words(short)) > 4 or not re.search(r"[A-Z]", short):
            continue
        if len(short) > len(long):
            long, short = short, long
        if re.search(r"\(\d{1,2}\)\s*$", text[max(0, m.start() - 6):m.start()]):
            continue  # "(2) Name of innovation (Innovator Name)": the parentheses hold a person
        if _excluded(short, lex) or _excluded(long, lex) or not _near_cue(text, m.start(), pats):
            continue
        out.append(Innovation(short, long if len(_words(long)) >= 2 else None, Span(m.start(), m.end())))
    for m in list(pats.short_long.finditer(text)) + list(pats.atau.finditer(text)):
        short, long = m["short"].strip(), m["long"].strip()
        if len(_words(long)) < 2 or _excluded(short, lex) or _excluded(long, lex):
            continue
        out.append(Innovation(short, long, Span(m.start(), m.end())))
    return out


def _named(text: str, lex: Lexicon, pats: _Patterns) -> list[Innovation]:
    out = []
    for m in pats.quoted.finditer(text):
        name = (m["name"] or m["single"]).strip(" ,.")
        words = _words(name)
        title_case = sum(w[0].isupper() or w[0].isdigit() for w in words) * 2 >= len(words)   # a name, not speech
        if len(words) <= 6 and title_case and not re.search(r"[.!?,]\s", name) \
                and _near_cue(text, m.start(), pats, 120) and not _excluded(name, lex):
            start = m.start("name") if m["name"] else m.start("single")
            out.append(Innovation(name, None, Span(start, start + len(name))))
    for pat in (pats.cue_name, pats.cue_brand, pats.numbered):
        for m in pat.finditer(text):
            name = _strip_cue(m["name"], lex).strip(" ,.")
            if pat is pats.numbered and not _near_cue(text, m.start(), pats, 600):
                continue
            if name and not _excluded(name, lex):
                out.append(Innovation(name, None, Span(m.start("name"), m.start("name") + len(m["name"]))))
    return out


def _listed(text: str, lex: Lexicon, pats: _Patterns) -> list[Innovation]:
    out = []
    for m in pats.cue_list.finditer(text):
        base = m.start("items")
        for item in re.finditer(r"[^,;]+", m["items"]):
            if "(" in item.group(0):
                continue  # "Long Form (SHORT)" is read by _pairs
            for part in re.split(r"\s+(?:dan|hingga|serta)\s+", item.group(0)):
                head = re.match(rf"\s*(?:(?i:inovasi)\s+)?(?P<name>{_PHRASE})", part)
                if not head or re.match(r"\s*[a-z]", part):
                    continue
                name = head["name"].strip()
                if not _excluded(name, lex) and len(_words(name)) <= 6:
                    start = base + item.start() + part.find(name)
                    out.append(Innovation(name, None, Span(start, start + len(name))))
    return out


def _sector(text: str, inv: Innovation, lex: Lexicon) -> str | None:
    """The sector stated just before the name ("bidang pendidikan melalui program X"), else one its words give."""
    before = text[max(0, inv.span.start - 60):inv.span.start].lower()
    hits = [(m.start(), lex.sectors[m.group(0)]) for m in _patterns(lex).sector.finditer(before)]
    if hits:
        return max(hits)[1]
    inside = _patterns(lex).sector.search(text[inv.span.start:inv.span.end].lower())
    return lex.sectors[inside.group(0)] if inside else None


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


def find_innovations(text: str, lex: Lexicon) -> list[Innovation]:
    """Each innovation once, in order of first mention."""
    pats = _patterns(lex)
    found = _pairs(text, lex, pats) + _named(text, lex, pats) + _listed(text, lex, pats)
    return [Innovation(i.name, i.expansion, i.span, _sector(text, i, lex)) for i in _merge(found)]
