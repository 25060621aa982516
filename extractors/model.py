"""The facts extractors return: small frozen dataclasses that carry a Span into their input.

Spans make provenance free: a fact row in DuckDB keeps (article, paragraph, start, end), so an
analyst can always show the sentence a fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Precision = Literal["day", "month"]
EventKind = Literal[
    "socialization", "training", "workshop", "innovation_lab", "competition",
    "award", "launch", "meeting", "visit", "other",
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str                       # ISO: YYYY-MM-DD or YYYY-MM
    precision: Precision
    span: Span
    surface: str
    explicit: bool = True            # False: no year in the text, resolved against the reference date
    weekday_mismatch: bool = False   # a stated weekday contradicts the date


@dataclass(frozen=True, slots=True)
class Region:
    code: str                        # Kemendagri code ("73.72", "73")
    name: str                        # "Kota Parepare", "Provinsi Sulawesi Selatan"
    level: Literal["province", "regency", "city"]


@dataclass(frozen=True, slots=True)
class RegionMention:
    region: Region
    span: Span
    surface: str
    strong: bool                     # a government of it acts (Pemkab X, Bupati X, Kabupaten X), not a bare place
    government: bool = False         # named as a government itself ("Pemerintah Provinsi X", "Pemprov X")


@dataclass(frozen=True, slots=True)
class Official:
    name: str                        # without honorifics and degrees
    title: str                       # the position as written, with its unit and region words
    region: Region | None            # None for national posts
    span: Span
    name_as_written: str = ""
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Innovation:
    name: str
    expansion: str | None
    span: Span
    sector: str | None = None
    agency: str | None = None        # the public body that runs it, when the text says ("dari Dinas Kesehatan")
    confidence: float | None = None  # the classifier's probability that it is an innovation (None: rules only)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    name: str
    date: str | None
    span: Span
    location: str | None = None
    organiser: str | None = None
    opened_by: str | None = None
    participants: int | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything extracted from one text."""

    dates: tuple[DateMention, ...] = ()
    officials: tuple[Official, ...] = ()
    innovations: tuple[Innovation, ...] = ()
    events: tuple[Event, ...] = ()
    regions: tuple[RegionMention, ...] = ()
    region_list: tuple[Region, ...] = field(default=())   # the regions the article is about, in order
    region_scores: tuple[tuple[Region, float], ...] = ()   # each named region's probability of being one of them

    def explicit_dates(self) -> list[str]:
        seen: dict[str, None] = {}
        for d in self.dates:
            if d.explicit:
                seen.setdefault(d.value, None)
        return list(seen)
