"""Calendar dates in Indonesian and English news text, normalised to ISO with their precision.

Day-first is the Indonesian order ("Rabu (6/7/2022)" is 6 July). A year alone, a year range
("2021-2026") or a bare weekday is not a date. "Kamis (25/4)" has no year: it takes the nearest year
the text names whose calendar agrees with the weekday, else it is resolved against the reference date (the
publication date). Either way it is marked explicit=False: a fact in `date_mentions` that may date an event,
but not a date the text states (the guidelines' dates name their month and year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from extractors.lexicon import Lexicon, alt, words_of
from extractors.model import DateMention, Span


@dataclass(frozen=True)
class _Patterns:
    dates: re.Pattern[str]          # every explicit form in one alternation: one pass over the text
    yearless: re.Pattern[str]
    weekday_before: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    month = alt(list(lex.months))
    full_month = alt([m for m in lex.months if len(m) >= 4 or m in ("mei", "may")])
    weekday = alt(list(lex.weekdays))
    sep_range = rf"\s*(?:[-–—]|s\.?\s?d\.?|s/d|{words_of(lex, 'range')})\s*"
    forms = [
        r"(?P<iso>(?<![\d/-])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-]))",
        rf"(?P<cross>(?<![\d.])(?<!\d,)(?P<c_d1>\d{{1,2}})\s+(?P<c_m1>{month})\.?{sep_range}(?P<c_d2>\d{{1,2}})\s+"
        rf"(?P<c_m2>{month})\.?,?\s+(?P<c_y>\d{{4}})(?!\d))",
        rf"(?P<dmy>(?<![\d.])(?<!\d,)(?P<t_list>(?:\d{{1,2}}\s*,\s+){{1,5}})?(?P<t_d1>\d{{1,2}})"
        rf"(?:(?:{sep_range}|,?\s+{words_of(lex, 'day_list')}\s+)(?P<t_d2>\d{{1,2}}))?"
        rf"\s+(?P<t_m>{month})\.?,?\s+"
        rf"(?P<t_y>\d{{4}})(?!\d))",
        rf"(?P<eng>\b(?P<e_m>{month})\.?\s+(?P<e_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<e_y>\d{{4}})(?!\d))",
        r"(?P<num>(?<![\d./-])(?P<n_d>\d{1,2})(?P<n_sep>[/-])(?P<n_m>\d{1,2})(?P=n_sep)(?P<n_y>\d{4}|\d{2})(?![\d/]))",
        r"(?P<dot>(?<![\d./-])(?P<p_d>\d{1,2})\.(?P<p_m>\d{1,2})\.(?P<p_y>\d{4})(?![\d.]))",
        rf"(?P<mrange>\b(?P<mr_m1>{full_month}){sep_range}(?:{words_of(lex, 'range_tail')}\s+)?(?P<mr_m2>{full_month})"
        rf"\s+(?P<mr_y>\d{{4}})(?!\d))",
        rf"(?P<my>\b(?P<my_m>{full_month})\s+(?:{words_of(lex, 'year_word')}\s+)?(?P<my_y>\d{{4}})(?!\d))",
    ]
    flags = re.IGNORECASE
    return _Patterns(
        dates=re.compile("|".join(forms), flags),
        yearless=re.compile(r"\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})\s*\)"),    # a literal "(" first: scans fast
        weekday_before=re.compile(
            rf"\b(?P<wd>{weekday})\b[\s,]*(?:{words_of(lex, 'time_of_day')}\s*)*\(?\s*$", flags),
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
    return m is not None and lex.weekdays[m.group("wd").lower()] != value.isoweekday()


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

    def add_month(self, start: int, end: int, year: int, month: int) -> None:
        self.found.append(DateMention(f"{year:04d}-{month:02d}", "month", Span(start, end), self.text[start:end]))

    def claim(self, start: int, end: int) -> None:
        self.taken.append((start, end))


# every explicit date holds a year: a 4-digit 19xx/20xx, or the 2-digit year of "25/9/19".
# Patterns that start with a literal scan fast; boundaries are checked in Python.
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR = re.compile(r"/\d\d")
_WINDOW = 48     # characters before a year in which a date can start ("Selasa, 30 – 31 Agustus 2022")


def _anchors(text: str) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in _YEAR.finditer(text)
           if not text[m.start() - 1:m.start()].isdigit() and not text[m.end():m.end() + 1].isdigit()]
    if "/" in text:
        out += [(m.start(), m.end()) for m in _SHORT_YEAR.finditer(text) if not text[m.end():m.end() + 1].isdigit()]
    return sorted(out)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged text windows around year anchors: the full date patterns only run there."""
    out: list[tuple[int, int]] = []
    for a_start, a_end in _anchors(text):
        start = max(0, a_start - _WINDOW)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], a_end))
        else:
            out.append((start, a_end))
    return out


def _scan_explicit(c: _Collector) -> None:
    """All explicit dates, left to right; earlier and longer forms win."""
    months = c.lex.months
    matches = (m for ws, we in _windows(c.text) for m in c.pats.dates.finditer(c.text, ws, we))
    for m in matches:
        if not c.free(m.start(), m.end()):
            continue
        s, e = m.start(), m.end()
        if m["iso"]:
            c.add_day(s, e, _make(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])))
        elif m["cross"]:        # "20 Januari hingga 2 Februari 2024"
            y, m1, m2 = int(m["c_y"]), months[m["c_m1"].lower()], months[m["c_m2"].lower()]
            c.add_day(s, e, _make(y - 1 if m1 > m2 else y, m1, int(m["c_d1"])))
            c.add_day(s, e, _make(y, m2, int(m["c_d2"])))
        elif m["dmy"]:          # "6 Juli 2022", "16-17 Oktober 2017", "10, 11 dan 12 Oktober 2022"
            y, mon = int(m["t_y"]), months[m["t_m"].lower()]
            for listed in re.findall(r"\d+", m["t_list"] or ""):
                c.add_day(s, e, _make(y, mon, int(listed)))
            c.add_day(s, e, _make(y, mon, int(m["t_d1"])))
            if m["t_d2"]:
                c.add_day(s, e, _make(y, mon, int(m["t_d2"])))
        elif m["eng"]:          # "July 27, 2024"
            c.add_day(s, e, _make(int(m["e_y"]), months[m["e_m"].lower()], int(m["e_d"])))
        elif m["num"]:          # "6/7/2022", "06-07-2022", "25/9/19" (day first)
            c.add_day(s, e, _make(_year(m["n_y"]), int(m["n_m"]), int(m["n_d"])))
        elif m["dot"]:
            c.add_day(s, e, _make(int(m["p_y"]), int(m["p_m"]), int(m["p_d"])))
        elif m["mrange"] and 1900 <= int(m["mr_y"]) <= 2100:   # "Januari sampai dengan Juli 2025": both months
            y, m1, m2 = int(m["mr_y"]), months[m["mr_m1"].lower()], months[m["mr_m2"].lower()]
            c.add_month(s, e, y - 1 if m1 > m2 else y, m1)
            c.add_month(s, e, y, m2)
        elif m["my"] and 1900 <= int(m["my_y"]) <= 2100:   # "Juli 2022"
            c.add_month(s, e, int(m["my_y"]), months[m["my_m"].lower()])
        c.claim(s, e)


def _scan_yearless(c: _Collector, ref_date: date | None) -> None:
    """"Senin (5/1)": the year is the nearest year the text names whose calendar puts that day on that
    weekday, else the reference date's; resolved, never explicit."""
    if "(" not in c.text:
        return
    years: list[tuple[int, int]] | None = None       # read only when the text has a yearless date
    for m in c.pats.yearless.finditer(c.text):
        wd = c.pats.weekday_before.search(c.text, max(0, m.start() - 40), m.start())
        if wd is None:
            continue          # "(5/1)" without a weekday before it is no date (a score, a ratio)
        if years is None:
            years = [(y.start(), int(y.group(0))) for y in _YEAR.finditer(c.text)
                     if not c.text[y.start() - 1:y.start()].isdigit() and not c.text[y.end():y.end() + 1].isdigit()]
        start = m.start()
        if not c.free(start, m.end()):
            continue
        day, month, weekday = int(m["d"]), int(m["m"]), c.lex.weekdays[wd["wd"].lower()]
        by_distance = sorted(years, key=lambda py: abs(py[0] - start))
        stated = next((v for _, y in by_distance if (v := _make(y, month, day)) and v.isoweekday() == weekday), None)
        if stated is not None:
            c.add_day(start, m.end(), stated, explicit=False)
        elif ref_date is not None:
            c.add_day(start, m.end(), _resolve_yearless(day, month, ref_date), explicit=False)
        else:
            continue
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
    _scan_explicit(c)
    _scan_yearless(c, ref_date)
    return sorted(c.found, key=lambda d: (d.span.start, d.value))
