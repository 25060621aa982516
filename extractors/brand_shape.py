"""The shape of a brand name beside its long form: how well a short form abbreviates a long one, and where a
brand-like run of words starts and ends next to a given offset. Used by extractors/innovations.py; pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import Lexicon

ALIGN_UPPER = 0.5           # an all-caps short form must find this share of its letters in order in the long form
ALIGN_MIXED = 0.75          # ... a mixed-case one this share
SHORT_SHARE = 0.6           # and has at most this share of the long form's letters
MIN_SHORT_LETTERS = 3       # and at least this many letters
_TOKEN = re.compile(r"\S+")
_WORDS = re.compile(r"[\w’'-]+")
_NOT_LETTER = re.compile(r"[^a-z0-9]")


def _words(s: str) -> list[str]:
    return _WORDS.findall(s)


def _letters(s: str) -> str:
    return _NOT_LETTER.sub("", s.lower())


def align(short: str, long: str) -> float:
    """How well a short form abbreviates a long one: the share of its letters found in order in the long
    form (Indonesian acronyms take syllables, not only initials: BUAH SABAR, Pembuangan Limbah ...), 0 when
    its first letter is not in the long form's first word."""
    s, words = _letters(short), long.split()
    if not s or not words or s[0] not in _letters(words[0]):
        return 0.0
    rest, found = _letters(long), 0
    at = rest.find(s[0])
    for ch in s:
        nxt = rest.find(ch, at)
        if nxt >= 0:
            found, at = found + 1, nxt + 1
    return found / len(s)


def abbreviates(brand: str, long: str) -> bool:
    """The brand, or its last words ("Rompi KPK" -> "KPK"), abbreviates the long form: most of its letters
    in order, and far fewer letters than the long form has (a person's name beside a post does not)."""
    words, n = brand.split(), len(_letters(long))
    return any(align(tail, long) >= (ALIGN_UPPER if tail.isupper() else ALIGN_MIXED)
               and MIN_SHORT_LETTERS <= len(_letters(tail)) <= SHORT_SHARE * n
               for tail in (" ".join(words[i:]) for i in range(len(words))))


_BRANDISH = re.compile(r"(?:[A-Z0-9][\w’'&-]*|\d{1,3}(?:[.,]\d{3})+|[a-z]{1,2}-[A-Za-z0-9][\w-]*|[a-z]{1,2}[A-Z][\w-]*)")
_CLAUSE_END = re.compile(r"[.;:!?()\n,“”\"]")


def _is_alias(word: str, lex: Lexicon) -> bool:
    return word in lex.region_aliases or word.title() in lex.region_aliases or word.upper() in lex.region_aliases


@lru_cache(maxsize=4096)
def named_like_a_brand(name: str, lex: Lexicon) -> bool:
    """A name read from running text (after a cue, in a list) must look made up: not opened by a generic or
    agency word ("Daerah Sanga Belida", "Puskesmas Kalianda"), no year in it, and a single word must be
    coined (capitals inside, a hyphen or digit, or not a common word of the language)."""
    words = name.split()
    first = words[0].lower()
    if first in lex.generic_words or words[0] in lex.agency_heads or first in lex.title_words \
            or re.search(r"\b(19|20)\d\d\b", name):
        return False
    if len(words) > 1:
        return True
    w = words[0]
    return bool(re.search(r"[A-Z].*[A-Z]|[-\d]", w[1:] if w[:1].isupper() else w)) or \
        (len(w) >= 4 and w.lower() not in lex.common_words)


def _opener(word: str, lex: Lexicon) -> bool:
    """A capitalised word that opens a sentence or a list, not a name: "Diantaranya", "Kemudian", "Inovasi"."""
    low = word.lower()
    return (low in lex.function_words or low in lex.ordinals or low in lex.innovation_prefixes
            or low in lex.list_markers or low in lex.months or low in lex.weekdays)


def _stop_word(word: str, lex: Lexicon) -> bool:
    """Where a name ends and its agency or another clause begins: "Bang Sayur | Dinas Ketahanan Pangan", "Deng
    Siba | BPBD", "JSS | Selain itu"."""
    return word in lex.agency_heads or word.upper() in lex.institutions or word in lex.institutions \
        or word.lower() in lex.grammar["clause_opener"]


_TRAIL = "”\"’.,;:)!?"
_NAME_START = re.compile(r"[ \t]*[“”\"‘’']*(?:[A-Z0-9]|[a-z]{1,2}-|[a-z]{1,2}[A-Z])")
_QUOTES_OPEN = "“\"‘'"


def _core(raw: str) -> str:
    return raw.strip(_QUOTES_OPEN + _TRAIL + "(")


def _second_name(tokens: list[re.Match[str]], i: int, lex: Lexicon) -> bool:
    """A joining word followed by two or more name words starts another name: "Martabak Berdasi dan Jendela
    Kita", "Simponie dan Lebak Smart"; one word after it ends the same name ("Pariri Lansia dan Disabilitas")."""
    return tokens[i].group(0) in lex.grammar["join"] and i + 2 < len(tokens) \
        and tokens[i + 1].group(0) == _core(tokens[i + 1].group(0)) and not tokens[i + 2].group(0).startswith("(") \
        and _BRANDISH.fullmatch(_core(tokens[i + 2].group(0))) is not None


def joins_two_brands(before: str, join: str) -> bool:
    """A lower-case joining word after a word in capitals joins two brands ("LAKIPADADA dan SIPEKA", "SIMPEG dan
    e-Kinerja"): a brand in capitals writes its own joining word in capitals too ("BERSIH DAN SEHAT")."""
    return join.islower() and len(before) >= 2 and before.isupper()


def _after_capitals(names: list[re.Match[str]], raw: str) -> bool:
    """`joins_two_brands` for the last word with letters read so far (a version number may follow a brand)."""
    before = next((_core(t.group(0)) for t in reversed(names) if any(c.isalpha() for c in t.group(0))), "")
    return joins_two_brands(before, raw)


def brand_after(text: str, pos: int, lex: Lexicon, limit: int = 7) -> tuple[int, str] | None:
    """The name that starts at `pos` (after spaces and an opening quote): capitalised, upper-case or
    e-/i-prefixed words with linking words inside, up to an agency, a clause end or a lower-case word."""
    start = _NAME_START.match(text, pos)
    if start is None:
        return None          # the common case, a lower-case word after "inovasi": no tokenising
    line_end = text.find("\n", pos)
    tokens = list(_TOKEN.finditer(text, pos, min(len(text) if line_end < 0 else line_end, pos + 100)))
    if not tokens or text[pos:tokens[0].start()].strip() or tokens[0].group(0).startswith("("):
        return None
    names: list[re.Match[str]] = []
    for i, t in enumerate(tokens):
        raw, core = t.group(0), _core(t.group(0))
        nxt = _core(tokens[i + 1].group(0)) if i + 1 < len(tokens) else ""
        if names and core.lower() in lex.innovation_prefixes and _core(names[-1].group(0)) not in lex.grammar["name_link"]:
            return None     # "Laboratorium Inovasi", "Kategori Inovasi": a phrase about innovation, not a name
        if _BRANDISH.fullmatch(core) and not (names and (_stop_word(core, lex) or core.lower() in lex.innovation_prefixes)) \
                and not raw.startswith("("):
            names.append(t)
        elif names and core in lex.grammar["name_link"] and raw == core and _BRANDISH.fullmatch(nxt) \
                and not _stop_word(nxt, lex) and nxt.lower() not in lex.innovation_prefixes \
                and not _second_name(tokens, i, lex) and not _after_capitals(names, raw):
            names.append(t)
            continue
        else:
            break
        if raw.rstrip(_TRAIL) != raw or len(names) >= limit:
            break
    if not names:
        return None
    words = [_core(t.group(0)) for t in names]
    skip = 0
    while skip < len(words) and _opener(words[skip], lex):
        skip += 1
    if skip == len(words):
        return None
    first = names[skip].start() + len(names[skip].group(0)) - len(names[skip].group(0).lstrip(_QUOTES_OPEN))
    return first, " ".join(words[skip:])


def brand_before(text: str, end: int, lex: Lexicon, limit: int = 4) -> tuple[int, str] | None:
    """The name that ends right before `end` ("SITANGKAS (" , "Kurma Lastri ("), at most `limit` words,
    without a sentence or list opener in front ("Diantaranya Gema Arca" -> "Gema Arca")."""
    tokens = list(_TOKEN.finditer(text, max(0, end - 80, text.rfind("\n", 0, end) + 1), end))
    picked: list[re.Match[str]] = []
    for t in reversed(tokens):
        raw = t.group(0)
        if not picked:
            raw = raw.rstrip("”\"’'")        # '"Samtaku" (Sampahku ...)': a quoted name before its long form
        if not _BRANDISH.fullmatch(_core(raw)) or raw.rstrip(_TRAIL) != raw or raw.startswith("("):
            break
        picked.insert(0, t)
        if len(picked) >= limit:
            break
    while picked and (_opener(_core(picked[0].group(0)), lex) or _stop_word(_core(picked[0].group(0)), lex)):
        picked.pop(0)
    if not picked:
        return None
    start = picked[0].start() + len(picked[0].group(0)) - len(picked[0].group(0).lstrip(_QUOTES_OPEN))
    return start, text[start:end].strip(_QUOTES_OPEN + _TRAIL + " ")
