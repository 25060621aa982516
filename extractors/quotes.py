"""Quotes and their attribution: whether a date is merely the day somebody was quoted.

News dates a quote by the day it was given ("…,” ujar Eri, Senin (28/7/2025)"); that day dates no event,
neither the occasion `event_choice` reads from a body date nor an activity named inside the quote
(`events`). Attribution and occasion words are grammar.tsv roles.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.lexicon import Lexicon, words_of
from extractors.model import DateMention

ATTRIBUTION_WINDOW = 160      # characters before a date searched for "ujar X," (a speaker's name and post fit)
_QUOTE_END = re.compile(r"[”\"\n]")
_CLOSING_QUOTE = re.compile(r"[”\"]")


@cache
def attribution_words(lex: Lexicon) -> re.Pattern[str]:
    """"ujar", "katanya", "kepada wartawan": a quote's attribution (grammar.tsv)."""
    return re.compile(rf"\b(?:{words_of(lex, 'attribution')})\b", re.IGNORECASE)


@cache
def occasion_words(lex: Lexicon) -> re.Pattern[str]:
    """"digelar", "usai", "saat": something took place (grammar.tsv); after an attribution they make the date
    an occasion's, not a quote's."""
    return re.compile(rf"\b(?:{words_of(lex, 'occasion')})\b", re.IGNORECASE)


def attributed(text: str, date: DateMention, lex: Lexicon) -> bool:
    """Whether the date is the day a quote was given: an attribution word after the last closing quote (or line
    start) before it, with no occasion word between ("kata Ino saat berkunjung ke ..." is an occasion)."""
    window = text[max(0, date.span.start - ATTRIBUTION_WINDOW):date.span.start]
    ends = [m.end() for m in _QUOTE_END.finditer(window)]
    window = window[ends[-1]:] if ends else window
    said = [m.end() for m in attribution_words(lex).finditer(window)]
    return bool(said) and not occasion_words(lex).search(window, said[-1])


def quoted_before(text: str, at: int, date: DateMention, lex: Lexicon) -> bool:
    """Whether the words at `at` stand inside a quote that the date's attribution closes ("“… dapat
    penghargaan,” ucap Sekda, Senin (21/12)"): the date is the quote's day, not that activity's."""
    return _CLOSING_QUOTE.search(text, at, date.span.start) is not None and attributed(text, date, lex)
