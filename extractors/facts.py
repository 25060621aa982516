"""All facts of one kept article text, in one pass of the lexicons' automaton over it."""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from typing import Any

from extractors import event_choice, events, innovation_choice, innovations, officials, region_choice, regions
from extractors.dates import find_dates
from extractors.events import find_events
from extractors.innovations import find_innovations
from extractors.lexicon import Lexicon
from extractors.model import Facts, Official, Region, RegionMention
from extractors.officials import find_officials
from extractors.regions import article_regions, find_regions
from extractors.wordscan import WordScan


def main_region(mentions: list[RegionMention]) -> Region | None:
    """The kabupaten/kota whose government acts most, else the most-mentioned province."""
    strong = Counter(m.region for m in mentions if m.strong)
    for levels in (("regency", "city"), ("province",)):
        fitting = [r for r in strong if r.level in levels]
        if fitting:
            return max(fitting, key=lambda r: (strong[r], -_first(r, mentions)))
    weak = Counter(m.region for m in mentions)
    return max(weak, key=lambda r: (weak[r], -_first(r, mentions))) if weak else None


def _first(region: Region, mentions: list[RegionMention]) -> int:
    return min(m.span.start for m in mentions if m.region == region)


def _names_a_person(name: str, officials: list[Official]) -> bool:
    """An 'innovation' that is the name of an official of the same text is that person, and so are the
    official's initials, which the press uses for heads of region ("Muhammad Yusran Lalogau (MYL)")."""
    words = set(name.casefold().split())
    return any(words <= set(o.name.casefold().split()) or (name.isupper() and name == _initials(o.name))
               for o in officials)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isalpha()).upper()


@cache
def _scanner(lex: Lexicon) -> WordScan:
    """Region names, titles, event triggers and innovation cues in one automaton: a text is read once."""
    return WordScan({m.SCAN_KIND: m.scan_phrases(lex) for m in (regions, officials, events, innovations)})


def extract_facts(text: str, lex: Lexicon, *, ref_date: date | None = None) -> Facts:
    """All facts of one cleaned article text."""
    hits = _scanner(lex).scan(text)
    mentions = find_regions(text, lex, hits=hits)
    people = find_officials(text, lex, default_region=main_region(mentions), hits=hits)
    dates = find_dates(text, lex, ref_date=ref_date)
    found = find_innovations(text, lex, hits=hits)
    if model := lex.models.get(innovation_choice.MODEL):
        found = innovation_choice.choose(text, lex, model, found, people, hits)
    happened = find_events(text, lex, dates=dates, officials=people, hits=hits)
    happened = event_choice.choose(text, lex, happened, dates, people, hits)
    about = article_regions(mentions, people)
    scores: dict[Region, float] = {}
    if model := lex.models.get(region_choice.MODEL):
        about, scores = region_choice.choose(text, mentions, people, about, main_region(mentions), model)
    return Facts(
        dates=tuple(dates),
        officials=tuple(people),
        innovations=tuple(i for i in found if not _names_a_person(i.name, people)),
        events=tuple(happened),
        regions=tuple(mentions),
        region_list=tuple(about),
        region_scores=tuple(scores.items()),
    )


def facts_to_contract(facts: Facts) -> dict[str, list[Any]]:
    """The JSON shape of ../shared/eval/README.md (without id/source)."""
    return {
        "dates": facts.explicit_dates(),
        "officials": [{"name": o.name, "title": o.title, "region": o.region.name if o.region else None}
                      for o in facts.officials],
        "innovations": [{"name": i.name, "expansion": i.expansion, "sector": i.sector, "agency": i.agency,
                         **({"confidence": i.confidence} if i.confidence is not None else {})} for i in facts.innovations],
        "events": [{"date": e.date, "kind": e.kind, "name": e.name, "location": e.location,
                    "participants": e.participants, "opened_by": e.opened_by}
                   for e in facts.events if e.date],
        "regions": [r.name for r in facts.region_list],
    }
