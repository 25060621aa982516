"""One recipe from an article's text to its facts, used by every path that reads facts.

`warta ingest`/`crawl` (flows/worker.py), `warta extract` (flows/local.py), the quality gate
(tests/eval_gate.py) and the golden files (tests/regen_golden.py) all call `read_article`, so the
gate measures exactly what loads DuckDB:

    raw text ─▶ furniture, repeats, known boilerplate (clean) ─▶ kept text
             ─▶ publication date (the page's, else the dateline) ─▶ language (facts only from Indonesian)
             ─▶ facts, with the publication date as reference for yearless dates

`read_facts` is the second half alone, for text whose paragraphs are already decided (`warta
reextract` and the writer's boilerplate pass rebuild facts from stored paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extractors.cleaning import clean
from extractors.dates import find_dates
from extractors.facts import extract_facts
from extractors.language import Language, detect_language
from extractors.lexicon import Lexicon
from extractors.model import Facts
from extractors.paragraphs import Paragraph, boilerplate_positions

FACT_LANGUAGES = ("id",)       # the extractors read Indonesian; other languages are stored without facts
DATELINE_LINES = 6             # the dateline of a page without a stated date sits in its first lines
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Reading:
    """The facts of a text and the two decisions taken before reading them."""

    published: str | None          # ISO day: the reference date of yearless dates
    language: Language
    facts_skipped: str | None      # why no facts were read ("language: en"), None when they were
    facts: Facts


@dataclass(frozen=True, slots=True)
class Article:
    """A whole article: every paragraph with its flags (nothing dropped), the kept text and its reading."""

    paragraphs: tuple[Paragraph, ...]
    bylines: tuple[str, ...]
    text: str                      # the kept paragraphs, one per line: what facts' spans point into
    reading: Reading

    @property
    def cleaned_text(self) -> str:
        """The text before boilerplate removal: stable whatever the corpus has taught about the source."""
        return "\n".join(p.text for p in self.paragraphs if not (p.is_furniture or p.is_repeat))

    @property
    def kept(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kept]


def facts_skipped(language: str) -> str | None:
    """The recorded reason an article gets no facts, None when it does."""
    return None if language in FACT_LANGUAGES else f"language: {language}"


def publication_date(stated: str | None, text: str, lex: Lexicon) -> str | None:
    """The date the page states (metadata, a gold file's `published`), else the dateline: the first
    explicit day date in the opening lines of the text."""
    if stated and _ISO_DAY.match(stated):
        return stated[:10]
    lead = "\n".join(text.split("\n")[:DATELINE_LINES])
    days = [d for d in find_dates(lead, lex) if d.precision == "day" and d.explicit]
    return days[0].value if days else None


def read_facts(text: str, lex: Lexicon, *, published: str | None = None, declared_language: str | None = None,
               language: str | None = None) -> Reading:
    """Publication date, language and facts of a kept text. `language` overrides detection (`--lang`, a stored
    decision); `declared_language` (<html lang>) is only a hint for texts too short to tell."""
    when = publication_date(published, text, lex)
    lang = Language(language, "override") if language else detect_language(text, lex, declared=declared_language)
    skipped = facts_skipped(lang.code)
    facts = Facts() if skipped else extract_facts(text, lex, ref_date=date.fromisoformat(when) if when else None)
    return Reading(when, lang, skipped, facts)


def read_article(text: str, lex: Lexicon, *, published: str | None = None, declared_language: str | None = None,
                 language: str | None = None, boilerplate: frozenset[str] = frozenset()) -> Article:
    """Clean a raw article text (furniture, repeats, and the paragraphs `boilerplate` names as the source's
    template) and read the facts of what is kept."""
    cleaned = clean(text, lex)
    dropped = boilerplate_positions([(p.position, p.text, p.hash in boilerplate) for p in cleaned.paragraphs if p.kept])
    paragraphs = tuple(replace(p, is_boilerplate=True, kind="boilerplate") if p.position in dropped else p
                       for p in cleaned.paragraphs)
    kept = "\n".join(p.text for p in paragraphs if p.kept)
    return Article(paragraphs, tuple(cleaned.bylines), kept,
                   read_facts(kept, lex, published=published, declared_language=declared_language, language=language))
