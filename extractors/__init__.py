"""Pure text → facts. No I/O, no clock, no mutable globals: the same text and lexicon give the same facts.

    from extractors import read_article, load_lexicon
    article = read_article(text, load_lexicon(), published="2024-03-12")
    article.reading.facts.officials
"""

from __future__ import annotations

from extractors.article import FACT_LANGUAGES, Article, Reading, facts_skipped, publication_date, read_article, read_facts
from extractors.cleaning import Cleaned, clean
from extractors.dates import find_dates
from extractors.events import find_events
from extractors.facts import extract_facts, facts_to_contract, main_region
from extractors.innovations import find_innovations
from extractors.lexicon import Lexicon, load_lexicon
from extractors.model import (
    DateMention,
    Event,
    Facts,
    Innovation,
    Official,
    Region,
    RegionMention,
    Span,
)
from extractors.officials import find_officials
from extractors.regions import find_regions

__all__ = [
    "EXTRACTOR_VERSION", "FACT_LANGUAGES", "Article", "Cleaned", "DateMention", "Event", "Facts", "Innovation",
    "Lexicon", "Official", "Reading", "Region", "RegionMention", "Span", "clean", "extract_facts", "facts_skipped",
    "facts_to_contract", "find_dates", "find_events", "find_innovations", "find_officials", "find_regions",
    "load_lexicon", "main_region", "publication_date", "read_article", "read_facts",
]

#: bump when a rule change alters output; stored with every fact row
EXTRACTOR_VERSION = "0.5.3"
