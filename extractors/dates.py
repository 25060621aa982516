"""Calendar dates in Indonesian and English news text, normalised to ISO with their precision.

Day-first is the Indonesian order ("Rabu (6/7/2022)" is 6 July). A year alone, a year range
("2021-2026") or a bare weekday is not a date. "Kamis (25/4)" has no year: it is resolved
against the reference date (the publication date) and marked explicit=False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from extractors.lexicon import Lexicon, alt
from extractors.model import DateMention, Span

_SEP_RANGE = r"\s*(?:[-–—]|s\.?\s?d\.?|sampai|hingga)\s*"


@dataclass(frozen=True)
class _Patterns:
    cross_month: re.Pattern[str]
    text_dmy: re.Pattern[str]
    english: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    yearless: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday_before: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    month = alt(list(lex.months))
    full_month = alt([m for m in lex.months if len(m) >= 4 or m in ("mei", "may")])
    weekday = alt(list(lex.weekdays))
    flags = re.IGNORECASE
    return _Patterns(
        cross_month=re.compile(
            rf"(?<![\d.,])(?P<d1>\d{{1,2}})\s+(?P<m1>{month})\.?{_SEP_RANGE}(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\.?,?\s+"
            rf"(?P<y>\d{{4}})(?!\d)", flags),
        text_dmy=re.compile(
            rf"(?<![\d.,])(?P<d1>\d{{1,2}})(?:{_SEP_RANGE}(?P<d2>\d{{1,2}}))?\s+(?P<mon>{month})\.?,?\s+"
            rf"(?P<y>\d{{4}})(?!\d)", flags),
        english=re.compile(
            rf"\b(?P<mon>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", flags),
        numeric=re.compile(
            r"(?<![\d./-])(?P<d1>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])"
            r"|(?<![\d./-])(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?![\d.])"),
        iso=re.compile(r"(?<![\d/-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
        yearless=re.compile(
            rf"\b{weekday}\b[\s,]*(?:(?:pagi|siang|sore|malam|tadi|ini|lalu)\s*)*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)",
            flags),
        month_year=re.compile(rf"\b(?P<mon>{full_month})\s+(?P<y>\d{{4}})(?!\d)", flags),
        weekday_before=re.compile(
            rf"\b(?P<wd>{weekday})\b[\s,]*(?:(?:pagi|siang|sore|malam|tadi|ini|lalu)\s*)*\(?\s*$", flags),
    )


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _make(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _weekday_mismatch(text: str, start: int, value: date, lex: Lexicon, pats: _Patterns) -> bool:
    m = pats.weekday_before.search(text[max(0, start - 30):start])
    return bool(m) and lex.weekdays[m.group("wd").lower()] != value.isoweekday()


class _Collector:
    """Keeps found dates and the character ranges already claimed, so patterns do not overlap."""

    def __init__(self, text: str, lex: Lexicon, pats: _Patterns) -> None:
        self.text, self.lex, self.pats = text, lex, pats
        self.taken: list[tuple[int, int]] = []
        self.found: list[DateMention] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add_day(self, start: int, end: int, value: date | None, *, explicit: bool = True) -> None:
        if value is None:
            return
        mismatch = _weekday_mismatch(self.text, start, value, self.lex, self.pats)
        self.found.append(DateMention(value.isoformat(), "day", Span(start, end), self.text[start:end],
                                      explicit=explicit, weekday_mismatch=mismatch))

    def claim(self, start: int, end: int) -> None:
        self.taken.append((start, end))


def _scan_day_patterns(c: _Collector) -> None:
    lex, pats, text = c.lex, c.pats, c.text
    for m in pats.iso.finditer(text):
        c.add_day(m.start(), m.end(), _make(int(m["y"]), int(m["m"]), int(m["d"])))
        c.claim(m.start(), m.end())
    for m in pats.cross_month.finditer(text):   # "20 Januari hingga 2 Februari 2024"
        y, m1, m2 = int(m["y"]), lex.months[m["m1"].lower()], lex.months[m["m2"].lower()]
        c.add_day(m.start(), m.end(), _make(y - 1 if m1 > m2 else y, m1, int(m["d1"])))
        c.add_day(m.start(), m.end(), _make(y, m2, int(m["d2"])))
        c.claim(m.start(), m.end())
    for m in pats.text_dmy.finditer(text):
        if not c.free(m.start(), m.end()):
            continue
        y, mon = int(m["y"]), lex.months[m["mon"].lower()]
        c.add_day(m.start(), m.end(), _make(y, mon, int(m["d1"])))
        if m["d2"]:
            c.add_day(m.start(), m.end(), _make(y, mon, int(m["d2"])))
        c.claim(m.start(), m.end())
    for m in pats.english.finditer(text):
        if c.free(m.start(), m.end()):
            c.add_day(m.start(), m.end(), _make(int(m["y"]), lex.months[m["mon"].lower()], int(m["d1"])))
            c.claim(m.start(), m.end())
    for m in pats.numeric.finditer(text):
        if not c.free(m.start(), m.end()):
            continue
        if m["d1"]:
            c.add_day(m.start(), m.end(), _make(_year(m["y"]), int(m["m"]), int(m["d1"])))
        else:
            c.add_day(m.start(), m.end(), _make(int(m["y2"]), int(m["m2"]), int(m["d2"])))
        c.claim(m.start(), m.end())


def _scan_partial_patterns(c: _Collector, ref_date: date | None) -> None:
    lex, pats, text = c.lex, c.pats, c.text
    for m in pats.month_year.finditer(text):
        if c.free(m.start(), m.end()) and 1900 <= int(m["y"]) <= 2100:
            value = f"{int(m['y']):04d}-{lex.months[m['mon'].lower()]:02d}"
            c.found.append(DateMention(value, "month", Span(m.start(), m.end()), m.group(0)))
            c.claim(m.start(), m.end())
    if ref_date is None:
        return
    for m in pats.yearless.finditer(text):
        start = m.start("d") - 1
        if not c.free(start, m.end()):
            continue
        value = _resolve_yearless(int(m["d"]), int(m["m"]), ref_date)
        c.add_day(start, m.end(), value, explicit=False)
        c.claim(start, m.end())


def _resolve_yearless(day: int, month: int, ref_date: date) -> date | None:
    """The latest such day on or before a week after the reference date (news reports the past)."""
    for year in (ref_date.year, ref_date.year - 1):
        value = _make(year, month, day)
        if value is not None and value <= ref_date + timedelta(days=7):
            return value
    return None


def find_dates(text: str, lex: Lexicon, *, ref_date: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in text order."""
    c = _Collector(text, lex, _patterns(lex))
    _scan_day_patterns(c)
    _scan_partial_patterns(c, ref_date)
    return sorted(c.found, key=lambda d: (d.span.start, d.value))
