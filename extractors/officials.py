"""Officials: a person named together with a public position, in the orders the press uses.

"Wali Kota Parepare, Taufan Pawe" · "Sekda Barru Dr. Ir. Abustan AB, M.Si." · "Kepala Bagian Ortala
Hj. Andi Herni" · "Fince Desima Hasibuan, Direktur ...". A position trigger (titles.tsv) opens a
run of title words (unit names, regions, acronyms); an honorific, a comma or the first word that
cannot belong to a title marks where the name starts. Honorifics and degrees are kept apart from
the name; a later mention by part of the name ("Sekda Abustan") joins the full one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from extractors.entities import post_kind
from extractors.lexicon import Lexicon, alt, words_of
from extractors.model import Official, Region, Span
from extractors.regions import longest_region_at, region_of_title
from extractors.tokens import headline_line, line_at
from extractors.wordscan import Hits, WordScan

_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[,;:]|[^\s,;:()“”\"‘’]+")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$|^[A-Z]{1,3}$")
_NAME_WORD = re.compile(r"^(?:[A-Z]\.)*[A-Z][\w'’-]*\.?$")
_MAX_RUN = 20
_UNIT_NUMBER = re.compile(r"\d{1,4}(?:[/-][\w-]+)?/?")
_NO_DOTS = str.maketrans("", "", ". \t")
_WINDOW = 150        # characters after a position's first word that its title and name fit in
_MAX_NAME = 5


class _Tok(NamedTuple):           # a tuple: built tens of times per position, a frozen dataclass costs 3x
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Compiled:
    trigger: re.Pattern[str]
    titles: WordScan                    # finds where `trigger` can match, in one pass
    acting_before: re.Pattern[str]      # "Plt " right before a title
    glued_honorific: re.Pattern[str]
    reverse_name: re.Pattern[str]
    said_name: re.Pattern[str]          # "ungkap Saiful Arif Wakil Bupati ...": a quote's speaker, then the post
    verbal: re.Pattern[str]             # a capitalised word with a verb's prefix ("Berharap")
    venue_before: re.Pattern[str]


SCAN_KIND = "titles"


@cache
def title_forms(lex: Lexicon) -> dict[str, str]:
    """Each position as the lexicon writes it and as running text often does, in lower case after the first
    word or throughout ("Wakil bupati", "anggota KPU Jeneponto"), or opening a lead in capitals ("GUBERNUR
    Sulawesi Selatan Nurdin Abdullah meluncurkan ...") -> its level."""
    out: dict[str, str] = {}
    for title, level in lex.titles.items():
        first, *rest = title.split(" ")
        for form in (title, " ".join([first, *(w if w.isupper() else w.lower() for w in rest)]),
                     " ".join([first.lower(), *(w if w.isupper() else w.lower() for w in rest)]),
                     " ".join([first.upper(), *rest])):
            out.setdefault(form, level)
    return out


def scan_phrases(lex: Lexicon) -> tuple[dict[str, bool], str]:
    """The positions as written; a hyphen glues a word ("ex-Bupati" is no Bupati)."""
    return dict.fromkeys(title_forms(lex), True), "_-"


@cache
def _compiled(lex: Lexicon) -> _Compiled:
    acting = alt(list(lex.acting))
    titles = alt(list(title_forms(lex)))
    hons = alt([h for h in lex.honorifics if h.isalpha()])
    return _Compiled(
        trigger=re.compile(rf"(?<![\w-])(?:(?P<acting>{acting})\s+)?(?P<title>{titles})(?![\w-])"),
        titles=WordScan({SCAN_KIND: scan_phrases(lex)}),
        acting_before=re.compile(rf"(?<![\w-])(?:{acting})\s+$"),
        glued_honorific=re.compile(rf"^(?:(?:{hons})\.)+(?=\S)", re.IGNORECASE),
        venue_before=re.compile(rf"\b(?i:{alt(list(lex.venue_words))})\s+(?:[A-Z]\w*\s+)?$"),
        reverse_name=re.compile(
            rf"(?:^|[a-z,;:.]\s+)(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,3}}[A-Z][\w'’.-]*)"
            rf"(?:\s*,\s*|\s+{words_of(lex, 'as_post')}\s+)$"),
        verbal=re.compile(rf"(?:{alt([w.capitalize() for w in lex.grammar['verb_prefix']])})[a-z]{{3,}}$"),
        said_name=re.compile(rf"(?<![\w-])(?:{words_of(lex, 'attribution')})\s+"
                             rf"(?P<name>(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*)(?:\s*,)?\s+$"),
    )


def _is_honorific(tok: str, lex: Lexicon, comp: _Compiled) -> bool:
    low = tok.lower()
    return low.strip(".") in lex.honorifics or low in lex.honorifics or bool(comp.glued_honorific.match(tok))


def _is_degree(tok: str, lex: Lexicon) -> bool:
    return tok.lower().translate(_NO_DOTS) in lex.degrees


def _is_unit(tok: str, lex: Lexicon) -> bool:
    bare = tok.rstrip(".")
    return (tok in lex.title_words or bare in lex.title_words or bare in lex.institutions
            or (len(bare) >= 2 and bare.replace("-", "").isupper() and not _is_degree(bare, lex)))


_WORD_RUN = re.compile(r"\S+")
_PREFIXED = re.compile(r"[a-z]-[A-Z][\w-]*")


def _classify(toks: list[_Tok], i: int, lex: Lexicon, comp: _Compiled) -> tuple[str, int]:
    """Kind of token i inside a title run and how many tokens it covers."""
    t = toks[i].text
    if t == ",":
        return "comma", 1
    if t in ";:" or (t.startswith("(") and t.lower() != "(purn)"):
        return ("paren", 1) if t.startswith("(") else ("end", 1)
    if _is_honorific(t, lex, comp) and (t[0].isupper() or t.lower().split(".", 1)[0] in ("dr", "drs", "ir")):   # "dr.Reny" too
        return "hon", 1
    if t.lower() in lex.grammar["title_join"]:
        return "conn", 1
    n = longest_region_at([x.text for x in toks[i:i + 4]], lex)
    if n:
        return "unit", n
    if _is_unit(t, lex):
        return "unit", 1
    if t in lex.office_words:
        return "unit", 1            # "Asisten Deputi Pelayanan Publik Kemenpan RB Imanuddin"
    if t in lex.not_names or t.rstrip(".") in lex.not_names:
        return "end", 1
    if t[0].isupper():
        return "unknown", 1
    if _PREFIXED.fullmatch(t):
        return "unit", 1            # "Direktur e-Government Kementerian Kominfo ..."
    if _UNIT_NUMBER.fullmatch(t):
        return "unit", 1            # "Dandim 0309", "Korem 042/Gapu", "Yonif 721": a unit's number
    return "end", 1


def _unit_goes_on(toks: list[_Tok], i: int, lex: Lexicon, comp: _Compiled) -> bool:
    """After a comma inside a title, whether the unit's own list goes on ("Dinas Koperasi, Usaha Mikro, dan
    Perdagangan"): a unit word, or a capitalised ordinary word of the language (a name is no such word), maybe
    after "dan"."""
    if toks[i].text.lower() in lex.grammar["title_join"] and i + 1 < len(toks):
        return toks[i + 1].text[:1].isupper() and not _is_honorific(toks[i + 1].text, lex, comp)   # ", dan KB ..."
    t = toks[i].text
    if _classify(toks, i, lex, comp)[0] == "unit" and (t in lex.title_words or longest_region_at(
            [x.text for x in toks[i:i + 4]], lex)):
        return True             # "Wakil Bupati Banjar, Kalimantan Selatan, Habib Said ...": the unit's province
    return t[:1].isupper() and t.lower() in lex.common_words and not _is_honorific(t, lex, comp)


def _run(toks: list[_Tok], i: int, lex: Lexicon, comp: _Compiled) -> list[tuple[str, int]]:
    """(kind, token index) of the title run that starts at token i, up to a comma or honorific."""
    out: list[tuple[str, int]] = []
    while i < len(toks) and len(out) < _MAX_RUN:
        kind, n = _classify(toks, i, lex, comp)
        if kind == "end":
            break
        if kind == "comma" and out and out[-1][0] == "unit" and i + 1 < len(toks) and _unit_goes_on(toks, i + 1, lex, comp):
            i += 1      # "Dinas Komunikasi, Informatika, Statistik ...": a list inside the unit name
            continue
        out.extend((kind, i + k) for k in range(n))
        last = toks[i + n - 1].text
        sentence_end = last.endswith(".") and not _INITIALS.match(last) and last not in lex.title_words \
            and last not in lex.acting and kind in ("unit", "unknown")
        if kind in ("comma", "hon") or sentence_end:
            break
        i += n
    return out


def _parse_name(toks: list[_Tok], i: int, lex: Lexicon, comp: _Compiled) -> tuple[list[_Tok], list[str], int]:
    """Name tokens from token i (honorifics skipped), the honorifics seen, and the index after the name."""
    hons: list[str] = []
    while i < len(toks) and (toks[i].text in ".," or toks[i].text.lower().strip(".") in lex.honorifics
                             or toks[i].text.lower() == "(purn)"):
        if toks[i].text not in ".,":
            hons.append(toks[i].text)
        i += 1
    name: list[_Tok] = []
    while i < len(toks) and len(name) < _MAX_NAME:
        t = toks[i].text
        glued = comp.glued_honorific.match(t) if name == [] else None
        if glued:
            hons.append(glued.group(0))
            stripped = t[glued.end():]
            toks = [*toks[:i], _Tok(stripped, toks[i].end - len(stripped), toks[i].end), *toks[i + 1:]]
            t = stripped
        if _is_degree(t, lex) and not (name == [] and _INITIALS.match(t)):
            break
        if not (_NAME_WORD.match(t) or _INITIALS.match(t) or (name and t in lex.grammar["name_particle"]
                                                              and i + 1 < len(toks) and _NAME_WORD.match(toks[i + 1].text))) \
                or t in lex.not_names:
            break
        if name and (t.rstrip(".") in lex.institutions or t in lex.titles):
            break
        if name and comp.verbal.match(t) and t.lower() in lex.common_words:
            break         # "Ishaq Iskandar Berharap ...": a verb capitalised after the name, no part of it
        name.append(toks[i])
        if t.endswith(".") and not _INITIALS.match(t) and not re.search(r"\.\w", t) \
                and t[:-1] not in lex.name_abbreviations:
            i += 1
            break
        i += 1
    if len(name) > 1 and re.fullmatch(r"[A-Z]\.", name[-1].text) and i < len(toks) and _is_degree(toks[i].text, lex):
        name = name[:-1]       # "Aspamuji S. STP.": the letter is the degree's first part (S.STP), not an initial
    return name, hons, i


def _clean_name(name: list[_Tok]) -> str:
    words = [t.text for t in name]
    if words and words[-1].endswith(".") and not _INITIALS.match(words[-1]) and len(words[-1]) > 4:
        words[-1] = words[-1].rstrip(".")
    return " ".join(words)


def _valid_name(name: list[_Tok], lex: Lexicon) -> bool:
    if not name:
        return False
    first = name[0].text.rstrip(".")
    if first in lex.title_words or first in lex.institutions or first in lex.titles:
        return False
    if first.lower() in lex.months or first.lower() in lex.weekdays:
        return False
    if longest_region_at([t.text for t in name], lex) == len(name):
        return False
    if all(t.text.lower() in lex.common_words for t in name):   # "Persen", "Tanaman Pangan": words, not a person
        return False
    if any(t.text.lower() in lex.function_words for t in name[1:]):
        return False        # "(Bupati Ngantor Di Desa)": a phrase (an innovation's long form), not a person
    return any(re.search(r"[a-z]{2}", t.text) for t in name)


@dataclass(frozen=True)
class _Mention:
    name: str
    title: str
    level: str
    start: int
    end: int
    written: str
    honorifics: tuple[str, ...]


def _after_the_place(toks: list[_Tok], run: list[tuple[str, int]], lex: Lexicon, comp: _Compiled) -> int | None:
    """Where the person starts after a place-named post ("Camat Tanete Riaja Muh Rusdi"): at the first word
    that opens names (a common first name, an honorific, "Muh"); none when one or two words follow alone
    ("Lurah Bontoa dan ...": the place); all of them when three or more follow and none opens a name."""
    words = [toks[i].text for _, i in itertools.takewhile(lambda r: r[0] == "unknown", run)]
    for p, w in enumerate(words[1:-1], 1):         # a name of two words at least
        if w.lower() in lex.common_name_parts or w.rstrip(".") in lex.name_abbreviations or _is_honorific(w, lex, comp):
            return p
    return None if len(words) <= 2 else 0


def _spelled_units(kinds: list[str], words: list[str]) -> list[str]:
    """An acronym in brackets that spells the words before it names that office, and so do they: "Lembaga
    Administrasi Negara (LAN) RI Tri Widodo" (a bracket after a name ends it: "X (28/5)"). A person's initials
    spell a name of unknown words only ("Andi Sudirman Sulaiman (ASS)"): an office has a unit word in it."""
    out = kinds[:]
    for i, (k, w) in enumerate(zip(kinds, words, strict=True)):
        inner = w.strip("()")
        if k != "paren" or not inner.isupper() or not 2 <= len(inner) <= 8 or i < len(inner):
            continue
        before = words[i - len(inner):i]
        if "".join(x[0] for x in before).upper() == inner and "unit" in kinds[i - len(inner):i]:
            out[i - len(inner):i + 1] = ["unit"] * (len(inner) + 1)
    return out


def _trailing_unknowns(kinds: list[str]) -> int | None:
    """Where the name starts in a run without comma or honorific: the unknown words after the last unit
    ("Kepala Bidang Bina Marga Dinas PUPR Kabupaten Bangka Barat Heriyandi"), at most _MAX_NAME of them."""
    kinds = ["unit" if k == "paren" and i and kinds[i - 1] == "unit" else k    # "Bupati Luwu Utara (Lutra) X"
             for i, k in enumerate(kinds)]
    # the name ends where a bracket or a joined second title follows it ("X ( 28/5)", "X dan Wakil Bupati Y")
    stop = next((i for i, k in enumerate(kinds) if k in ("paren", "conn") and i and kinds[i - 1] == "unknown"), None)
    kinds = kinds[:stop]
    last_unit = max((i for i, k in enumerate(kinds) if k == "unit"), default=-1)
    tail = kinds[last_unit + 1:]
    if not tail or any(k != "unknown" for k in tail) or len(tail) > _MAX_NAME:
        return None
    return last_unit + 1


def _forward(text: str, toks: list[_Tok], ti: int, m: re.Match[str], lex: Lexicon,
             comp: _Compiled) -> _Mention | None:
    run = _run(toks, ti, lex, comp)
    kinds = [k for k, _ in run]
    place = m.group("title").lower() in lex.place_posts
    name_at: int | None = None
    fallback: tuple[int, int] | None = None
    title_end = m.end()
    if "hon" in kinds:
        h = kinds.index("hon")
        name_at = run[h][1]
        title_end = toks[run[h - 1][1]].end if h else m.end()
    elif "comma" in kinds:
        c = kinds.index("comma")
        unknown = kinds.index("unknown") if "unknown" in kinds[:c] else None
        after = run[c][1] + 1
        nxt = toks[after].text if after < len(toks) else ""
        nxt2 = nxt + (toks[after + 1].text if after + 1 < len(toks) else "")
        starts_title = bool(comp.trigger.match(text, toks[after].start)) if after < len(toks) else False
        not_a_name = starts_title or _is_degree(nxt, lex) or _is_degree(nxt2, lex) or (
            not nxt[:1].isupper() and not _is_honorific(nxt, lex, comp))
        before_comma = (run[unknown][1], toks[run[unknown - 1][1]].end if unknown else m.end()) if unknown is not None else None
        after_comma = (after, toks[run[c - 1][1]].end if c else m.end())
        if before_comma and not_a_name:
            if unknown == 0 and place:
                return None     # "Kapolsek Batangmata, dan ...": the post's place, and nobody named
            name_at, title_end = before_comma
            fallback = None
        else:
            (name_at, title_end), fallback = after_comma, before_comma   # "Wali Kota X Nama, Senin": not "Senin"
    elif "unknown" in kinds:
        u = _trailing_unknowns(_spelled_units(kinds, [toks[i].text for _, i in run]))
        if u == 0 and place:
            u = _after_the_place(toks, run, lex, comp)
        if u is None:
            return None
        name_at = run[u][1]
        title_end = toks[run[u - 1][1]].end if u else m.end()
    if name_at is None:
        return None
    name, hons, _ = _parse_name(toks, name_at, lex, comp)
    if not _valid_name(name, lex) and "comma" in kinds and "hon" not in kinds and fallback:
        name_at, title_end = fallback
        name, hons, _ = _parse_name(toks, name_at, lex, comp)
    if not _valid_name(name, lex):
        return None
    title = text[m.start():title_end].strip(" ,")
    return _Mention(_clean_name(name), title, title_forms(lex)[m.group("title")], m.start(), name[-1].end,
                    text[name[0].start:name[-1].end], tuple(hons))


def _reverse(text: str, toks_after: list[_Tok], m: re.Match[str], lex: Lexicon, comp: _Compiled, *,
             said_only: bool = False) -> _Mention | None:
    """'Fince Desima Hasibuan, Direktur ...' / 'X selaku Gubernur Sulsel' / 'ungkap X Wakil Bupati ...' (a quote's
    speaker): the name stands before the position."""
    window = text[max(0, m.start() - 60):m.start()]
    before = (None if said_only else comp.reverse_name.search(window)) or comp.said_name.search(window)
    if before is None:
        return None
    words = before.group("name").split()
    while words and _is_honorific(words[0], lex, comp):
        words = words[1:]
    if not _name_before_post([_Tok(w, 0, 0) for w in words], lex):
        return None
    start = m.start() - len(before.group(0)) + before.start("name")
    return _Mention(" ".join(words), _title_after(text, toks_after, m, lex, comp), title_forms(lex)[m.group("title")],
                    start, start + len(before.group("name")), " ".join(words), ())


def _name_before_post(toks: list[_Tok], lex: Lexicon) -> bool:
    """Words read backwards from a position make a name: a valid one, with no unit or not-name word in it."""
    return _valid_name(toks, lex) and not any(_is_unit(t.text, lex) or t.text in lex.not_names for t in toks)


def _title_after(text: str, toks_after: list[_Tok], m: re.Match[str], lex: Lexicon, comp: _Compiled) -> str:
    """The position whose holder stands before it: the title word and its unit run, up to a comma."""
    unit = [i for k, i in _run(toks_after, 0, lex, comp) if k != "comma"]
    return text[m.start():toks_after[unit[-1]].end if unit else m.end()].strip(" ,.;")


def _honoured(text: str, toks_after: list[_Tok], m: re.Match[str], lex: Lexicon, comp: _Compiled) -> _Mention | None:
    """A name led by an honorific right before the position ("oleh inovator DR. Suhaedir Bahtiar Kepala UPT
    SMPN 2 Rumbia"): that person holds it, whatever capitalised words follow it (the unit's own name)."""
    if m.group("title")[0].islower():
        return None
    start = max(0, m.start() - 60)
    if not any(w.lower().rstrip(".,") in lex.honorifics for w in text[start:m.start()].split()):
        return None           # the common case: no honorific before the position, nothing to tokenise
    words = [_Tok(w.group(0), w.start(), w.end()) for w in _WORD_RUN.finditer(text, start, m.start())]
    while words and _is_degree(words[-1].text.rstrip(".,"), lex):
        words.pop()           # "Ahmad Yani Biku SE MSi Staf Ahli ...": degrees after the name
    toks: list[_Tok] = []
    while words and len(toks) < 4 and _NAME_WORD.match(words[-1].text) and not words[-1].text.endswith("."):
        toks.insert(0, words.pop())
    if not (toks and words and _is_honorific(words[-1].text, lex, comp)):
        return None           # read backwards from the position: degrees, a name, and an honorific before it
    if not _name_before_post(toks, lex):
        return None
    written = text[toks[0].start:toks[-1].end]
    return _Mention(" ".join(written.split()), _title_after(text, toks_after, m, lex, comp),
                    title_forms(lex)[m.group("title")], toks[0].start, toks[-1].end, written, ())


def _tokens(text: str, pos: int, limit: int = _WINDOW) -> list[_Tok]:
    """Tokens after `pos`, within the same line (a position never runs into the next paragraph)."""
    window = text[pos:pos + limit].split("\n", 1)[0]
    return [_Tok(t.group(0), pos + t.start(), pos + t.end()) for t in _TOKEN.finditer(window)]


def _triggers(text: str, comp: _Compiled, hits: Hits | None) -> list[re.Match[str]]:
    """The positions in the text ("Plt Kepala Dinas", "Bupati"), as `comp.trigger` finds them, but located by
    one Aho-Corasick pass over the titles and matched by the regex only where a title stands."""
    out: list[re.Match[str]] = []
    reached = 0
    for start, _, _ in hits.of(SCAN_KIND) if hits else comp.titles.find(text):
        acting = comp.acting_before.search(text, max(0, start - 30), start)
        at = acting.start() if acting else start
        if at < reached:
            continue
        m = comp.trigger.match(text, at) or comp.trigger.match(text, start)
        if m:
            out.append(m)
            reached = m.end()
    return out


def _mentions(text: str, lex: Lexicon, hits: Hits | None) -> list[_Mention]:
    comp = _compiled(lex)
    out: list[_Mention] = []
    for m in _triggers(text, comp, hits):
        if comp.venue_before.search(text, max(0, m.start() - 25), m.start()):
            continue    # "kantor Gubernur", "rumah jabatan Bupati": a place, not a person's position
        toks = _tokens(text, m.end())
        mention = _honoured(text, toks, m, lex, comp) or _forward(text, toks, 0, m, lex, comp) or _reverse(
            text, toks, m, lex, comp, said_only=m.group("title")[0].islower())   # "X sebagai kepala ...": X is often
        # who appointed the subject, so a position in lower case is read backwards only from a quote's speaker
        if mention and not lex.private_bodies.intersection(mention.title.split()):
            out.append(mention)
    return out


def _region_for(mention: _Mention, lex: Lexicon, default: Region | None,
                titles: dict[str, Region | None]) -> Region | None:
    if mention.title not in titles:
        titles[mention.title] = region_of_title(mention.title, lex)
    explicit = titles[mention.title]
    if explicit:
        return explicit
    national = mention.level == "national" or any(
        lex.institutions.get(w.strip("()"), ("", ""))[1] == "national" for w in mention.title.split())
    if national or default is None:
        return None
    if mention.level == "province" and default.level != "province":
        return lex.regions.get(default.code.split(".")[0])
    return default


def _same_person(a: str, b: str) -> bool:
    ta, tb = set(_name_key(a).split()), set(_name_key(b).split())
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _name_key(name: str) -> str:
    return re.sub(r"[^\w\s]", " ", name.lower()).strip()


def _in_headline_line(text: str, at: int) -> bool:
    """Whether `at` stands in a headline (tokens.headline_line) that is a line of its own, with no sentence in
    it or ending it: the last line, or one that ends a sentence, is body text."""
    line, more = line_at(text, at)
    line = line.strip()
    return more and not re.search(r"[.!?]\s|[.!?\"”]$", line) and headline_line(line)


def find_officials(text: str, lex: Lexicon, *, default_region: Region | None = None,
                   hits: Hits | None = None) -> list[Official]:
    """One Official per person, with the fullest name and the longest title the text gives them."""
    people: list[list[_Mention]] = []
    for mention in _mentions(text, lex, hits):
        if _in_headline_line(text, mention.start):
            continue      # "Wali Kota Danny Beberkan Konsep 5.000 Lorong": every word capitalised, verbs glued on
        for group in people:
            if any(_same_person(mention.name, other.name) for other in group):
                group.append(mention)
                break
        else:
            people.append([mention])
    out = []
    titles: dict[str, Region | None] = {}     # region of each distinct title, looked up once
    for group in people:
        full = max(group, key=lambda x: (len(x.name.split()), -x.start))
        titled = max(group, key=lambda x: (len(x.title), -x.start))
        region = _region_for(titled, lex, default_region, titles) or next(
            (r for r in (_region_for(x, lex, None, titles) for x in group) if r), None)
        out.append(Official(full.name, titled.title, region, Span(full.start, full.end),
                            name_as_written=full.written, honorifics=full.honorifics))
    return _one_per_post(out, lex)


def _one_per_post(officials: list[Official], lex: Lexicon) -> list[Official]:
    """Two names of one family name holding the same post of the same region are one person, named by a
    nickname or an initial once and in full once ("Danny Pomanto" and "Moh. Ramdhan Pomanto", Wali Kota
    Makassar; "A Kartini Ottong" and "Andi Kartini Ottong"): the fuller name stays, in the first one's place.
    Posts several people hold (members of a body, heads of offices) stay apart, family names repeat."""
    kept: list[Official] = []
    for o in officials:
        same = next((k for k, other in enumerate(kept) if _one_post(o, other, lex)), None)
        if same is None:
            kept.append(o)
        elif _fullness(o.name) > _fullness(kept[same].name):
            kept[same] = o
    return kept


def _one_post(a: Official, b: Official, lex: Lexicon) -> bool:
    """One post that one person holds per region (grammar.tsv `sole_post`: a Bupati, not a Kepala Dinas), one
    title the start of the other, one region, and one family name."""
    ta, tb = a.title.casefold(), b.title.casefold()
    return (bool(ta) and a.region == b.region and (ta.startswith(tb) or tb.startswith(ta))
            and post_kind(min(ta, tb, key=len), lex) in lex.grammar["sole_post"]
            and a.name.split()[-1].casefold() == b.name.split()[-1].casefold())


def _fullness(name: str) -> tuple[int, int]:
    words = name.split()
    return len(words), sum(len(w) for w in words)
