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
from functools import cache

from extractors.lexicon import Lexicon, alt, cased
from extractors.model import Innovation, Span
from extractors.regions import longest_region_at

_CAP = r"[A-Z][\w’'-]*"
_LINK = r"(?:dan|di|untuk|oleh|Oleh|dalam|&|v|ke)"
_PHRASE = rf"{_CAP}(?:\s+(?:{_CAP}|{_LINK}|\d+(?:\.\d+)*))*"
_BRAND = r"[A-Z][A-Za-z]*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|[A-Z][a-z]+(?:-[A-Z][\w]*)+|[A-Z]{2,}\w*(?:\s+[A-Z]{2,}\w*){0,3}"


_LIST_HEAD = re.compile(rf"\s*(?:(?i:inovasi)\s+)?(?P<name>{_PHRASE})")
_PHRASE_TOKEN = re.compile(rf"{_CAP}|{_LINK}|\d+(?:\.\d+)*")
_TOKEN = re.compile(r"\S+")
_BRAND_WINDOW = 60     # a brand name is at most four short words


def _phrase_before(text: str, end: int) -> tuple[int, str] | None:
    """The capitalised phrase that ends right before `end` ("Papan Kontrol Kesehatan" before "(PAPA"),
    found by walking back over whole words (a backwards regex search would retry every position)."""
    base = max(0, end - _WINDOW)
    tokens = list(_TOKEN.finditer(text, base, end))
    i = len(tokens)
    while i > 0 and _PHRASE_TOKEN.fullmatch(tokens[i - 1].group(0)):
        i -= 1
    while i < len(tokens) and not tokens[i].group(0)[0].isupper():
        i += 1
    if i == len(tokens) or (tokens[i].start() > 0 and text[tokens[i].start() - 1] in ".") :
        return None
    start = tokens[i].start()
    return start, text[start:end].rstrip()


_PAREN = re.compile(r"\(([^()/\n]{2,60})\)")
_ATAU = re.compile(r"\s+atau\s+")
_WINDOW = 150


@dataclass(frozen=True)
class _Patterns:
    brand_before: re.Pattern[str]
    phrase_only: re.Pattern[str]
    phrase_at: re.Pattern[str]
    quoted: re.Pattern[str]
    after_cue_name: re.Pattern[str]
    after_cue_brand: re.Pattern[str]
    after_cue_list: re.Pattern[str]
    numbered: re.Pattern[str]
    ordinal_item: re.Pattern[str]
    cue_word: re.Pattern[str]
    sector: re.Pattern[str]
    excluded_head: re.Pattern[str]      # starts like an event ("sosialisasi ...") or an institution ("badan ...")
    agency: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    return _Patterns(
        brand_before=re.compile(rf"(?<![\w.-])(?P<short>{_BRAND})\s*$"),
        phrase_only=re.compile(_PHRASE),
        phrase_at=re.compile(_PHRASE),
        quoted=re.compile(r"[“\"‘'](?P<name>[A-Z][^“”\"‘’'\n]{1,60}?)[”\"’']"),   # a quote char first: scans fast
        after_cue_name=re.compile(rf"\s+(?:bernama\s+)?(?P<name>{_PHRASE})\s+(?=(?:dari|milik|karya|yang|besutan|pada|ini|tersebut)\b|[,.])"),
        after_cue_brand=re.compile(r"\s+(?:bernama\s+)?(?P<name>[A-Z][a-z]+[A-Z]\w*|[A-Z]{3,}(?:[\s-][A-Z]{3,})?)\b"),
        after_cue_list=re.compile(r"[^.\n]{0,80}?\b(?:adalah|yaitu|yakni|antara lain|diantaranya|di antaranya)\s*:?\s*(?P<items>[^.\n]+)"),
        numbered=re.compile(rf"\(\d{{1,2}}\)\s*(?P<name>{_PHRASE})"),
        ordinal_item=re.compile(
            rf"(?i:\byang\s+{alt(list(lex.ordinals))}\b\s*(?:,\s*)?(?:(?:adalah|yaitu|ialah|yakni)\b\s*)?"
            rf"|\b{alt(list(lex.ordinals))}\s+(?:adalah|yaitu|ialah|yakni)\b\s*)"
            rf"(?P<name>(?:[^,;:\n.]|\.(?=\S))+?)"
            rf"(?=\s+[-–]\s|\s*(?:[,;:\n]|\.(?:\s|$))|\s+(?:dan|serta)\s+(?:yang\s+)?(?i:{alt(list(lex.ordinals))})\b|$)"),
        cue_word=re.compile(rf"\b{alt(cased(lex.innovation_cues))}\b"),
        sector=re.compile(rf"\b{alt(list(lex.sectors))}\b"),
        agency=re.compile(
            rf"[”\"’')]?\s*,?\s+(?:juga\s+)?(?:dari|milik|besutan|karya|inisiasi|garapan)\s+"
            rf"(?P<agency>{alt(set(lex.agency_heads) | {h.upper() for h in lex.agency_heads})}"
            rf"(?:\s+(?:Kab\.|Prov\.|{_CAP}|dan|&|\d+))*)"),
        excluded_head=re.compile(rf"{alt(list(lex.event_triggers))}|{alt([h.lower() for h in lex.non_innovation_heads])}(?:\s|$)"),
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
    if _patterns(lex).excluded_head.match(low):
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


def _near_cue(text: str, start: int, cues: list[int], window: int = 160) -> bool:
    """A cue word (at one of the sorted `cues` offsets) in the same sentence or shortly before."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    i = bisect_left(cues, min(sentence_start, max(0, start - window)))
    return i < len(cues) and cues[i] <= start + 40


def _pairs(text: str, lex: Lexicon, pats: _Patterns, cues: list[int]) -> list[Innovation]:
    """'Long Form (SHORT)', 'SHORT (Long Form)' and 'SHORT atau Long Form', found from each '(' and 'atau'
    (anchoring on them keeps the phrase patterns from re-scanning every capitalised run)."""
    out = []
    for paren in _PAREN.finditer(text):
        start, inner = paren.start(), paren.group(1).strip()
        before = _phrase_before(text, start)
        if before and len(_words(inner)) <= 4 and re.search(r"[A-Z]", inner):
            at, phrase = before
            long, short = _strip_cue(phrase, lex), inner
            if len(short) > len(long):
                long, short = short, long
            person = re.search(r"\(\d{1,2}\)\s*$", text[max(0, at - 6):at])
            if not person and not _excluded(short, lex) and not _excluded(long, lex) and _near_cue(text, at, cues):
                out.append(Innovation(short, long if len(_words(long)) >= 2 else None, Span(at, paren.end())))
                continue
        brand = pats.brand_before.search(text, max(0, start - _BRAND_WINDOW), start)
        if brand and pats.phrase_only.fullmatch(inner) and len(_words(inner)) >= 2 \
                and not _excluded(brand["short"], lex) and not _excluded(inner, lex):
            out.append(Innovation(brand["short"].strip(), inner, Span(brand.start("short"), paren.end())))
    for atau in _ATAU.finditer(text):
        brand = pats.brand_before.search(text, max(0, atau.start() - _BRAND_WINDOW), atau.start())
        long = pats.phrase_at.match(text, atau.end())
        if brand and long and len(_words(long.group(0))) >= 2 and not _excluded(brand["short"], lex) \
                and not _excluded(long.group(0), lex):
            out.append(Innovation(brand["short"].strip(), long.group(0).strip(), Span(brand.start("short"), long.end())))
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
            if len(words) <= 6 and title_case and not re.search(r"[.!?,]\s", name) \
                    and _near_cue(text, m.start(), starts, 120) and not _excluded(name, lex):
                out.append(Innovation(name, None, Span(m.start("name"), m.start("name") + len(name))))
    found = [m for _, end in cues for pat in (pats.after_cue_name, pats.after_cue_brand)
             if (m := pat.match(text, end))]
    if "(" in text:
        found += [m for m in pats.numbered.finditer(text) if _near_cue(text, m.start(), starts, 600)]
    for m in found:
        name = _strip_cue(m["name"], lex).strip(" ,.")
        if name and not _excluded(name, lex):
            out.append(Innovation(name, None, Span(m.start("name"), m.start("name") + len(m["name"]))))
    return out


def _listed(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Names listed after "inovasi ... yaitu/adalah": "Rantang Kasih, Banyuwangi Mall, CHIPS, hingga ..."."""
    out = []
    for m in (m for _, end in cues if (m := pats.after_cue_list.match(text, end))):
        base = m.start("items")
        for item in re.finditer(r"[^,;]+", m["items"]):
            if "(" in item.group(0):
                continue  # "Long Form (SHORT)" is read by _pairs
            for part in re.split(r"\s+(?:dan|hingga|serta)\s+", item.group(0)):
                head = _LIST_HEAD.match(part)
                if not head or re.match(r"\s*[a-z]", part):
                    continue
                name = head["name"].strip()
                if not _excluded(name, lex) and len(_words(name)) <= 6:
                    start = base + item.start() + part.find(name)
                    out.append(Innovation(name, None, Span(start, start + len(name))))
    return out


def _enumerated(text: str, lex: Lexicon, pats: _Patterns, cues: list[tuple[int, int]]) -> list[Innovation]:
    """Ordinal enumerations in a paragraph about innovations: "Lima inovasi ... adalah yang pertama smart
    rescue Madani v 2.0 - urusan wajib ..., yang kedua adalah smart PETAKU, ... yang keempat adalah bus
    vaksin keliling". Each item is a name, lower case included, once two or more items follow a cue."""
    out: list[Innovation] = []
    done = -1
    for cue, _ in cues:
        if cue < done:
            continue
        end = text.find("\n", cue)
        done = end = len(text) if end < 0 else end
        items = list(pats.ordinal_item.finditer(text, cue, end))
        if len(items) < 2:
            continue
        for m in items:
            name, words = m["name"].strip(), _words(m["name"])
            if "(" in name or not words or len(words) > 6 or any(w.lower() in lex.function_words for w in words):
                continue     # "Long Form (SHORT)" is read by _pairs; a clause is not a name
            if not _excluded(_strip_cue(name, lex), lex):
                name = _strip_cue(name, lex)
                start = m.end("name") - len(name)
                out.append(Innovation(name, None, Span(start, m.end("name"))))
    return out


def _sector(text: str, inv: Innovation, lex: Lexicon) -> str | None:
    """The sector stated just before the name ("bidang pendidikan melalui program X"), else one its words give."""
    # within the same list item: "..., yang kedua adalah X" does not take the sector of the item before
    before = re.split(r";|,\s+(?:dan\s+)?yang\s", text[max(0, inv.span.start - 60):inv.span.start])[-1].lower()
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
        if w in ("dan", "&") and (i + 1 == len(words) or words[i + 1] not in lex.title_words
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


def find_innovations(text: str, lex: Lexicon) -> list[Innovation]:
    """Each innovation once, in order of first mention."""
    pats = _patterns(lex)
    cues = [(m.start(), m.end()) for m in pats.cue_word.finditer(text)]    # the one full scan for cue words
    found = (_pairs(text, lex, pats, [s for s, _ in cues]) + _named(text, lex, pats, cues) + _listed(text, lex, pats, cues)
             + _enumerated(text, lex, pats, cues))
    return [Innovation(i.name, i.expansion, i.span, _sector(text, i, lex), _agency(text, i, lex, pats)) for i in _merge(found)]
