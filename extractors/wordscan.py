"""Whole-word search for many phrases at once: one pass over a text finds every cue, trigger, title or name.

A regex alternation of a few hundred phrases (`\\b(?:sosialisasi|rapat|...)\\b`) makes the regex engine try
the whole alternation at every character of the text. An Aho–Corasick automaton (pyahocorasick, a C
library) reads the text once and reports every phrase that ends at each character. `WordScan` holds the
phrases of several lexicons (region names, titles, event triggers, innovation cues), each under its own
kind, so `extract_facts` reads a text once for all of them (`scan`), and each extractor keeps the regex's
meaning for its own kind (`Hits.of`): whole words only, leftmost match first, the longest phrase at a
position, no overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

Match = tuple[int, int, Any]          # start, end, the phrase's value


def _select(text: str, found: Iterable[tuple[int, int, Any]], joiners: str) -> list[Match]:
    """Whole-word matches among (last index, length, value), left to right, the longest at each start."""
    longest: dict[int, tuple[int, Any]] = {}
    n = len(text)
    for last, length, value in found:
        start, end = last - length + 1, last + 1
        if start and (text[start - 1].isalnum() or text[start - 1] in joiners):
            continue
        if end < n and (text[end].isalnum() or text[end] in joiners):
            continue
        if start not in longest or end > longest[start][0]:
            longest[start] = (end, value)
    out: list[Match] = []
    reached = -1
    for start in sorted(longest):
        if start >= reached:
            end, value = longest[start]
            out.append((start, end, value))
            reached = end
    return out


@dataclass(frozen=True)
class Hits:
    """One text's raw matches, by kind; `of(kind)` applies that kind's word rules."""

    text: str
    raw: Mapping[str, list[tuple[int, int, Any]]]
    joiners: Mapping[str, str]
    _selected: dict[str, list[Match]] = field(default_factory=dict, compare=False, repr=False)

    def of(self, kind: str) -> list[Match]:
        """The kind's whole-word matches (selected once per text and kind; callers must not change the list)."""
        if kind not in self._selected:
            self._selected[kind] = _select(self.text, self.raw.get(kind, ()), self.joiners[kind])
        return self._selected[kind]


class WordScan:
    """Phrases (as written; case matters) of one or more kinds, each with a value, in one automaton."""

    def __init__(self, kinds: Mapping[str, tuple[Mapping[str, Any], str]]) -> None:
        """`kinds`: kind -> (phrase -> value, joiners). Joiners are the characters besides letters and digits
        that glue a word: "_" as in the regex `\\w`; add "-" where "ex-Bupati" must not count as "Bupati"."""
        if not any(phrases for phrases, _ in kinds.values()):
            raise ValueError("refusing to build a scanner with no phrases")
        self.joiners = {kind: joiners for kind, (_, joiners) in kinds.items()}
        entries: dict[str, list[tuple[str, int, Any]]] = {}
        for kind, (phrases, _) in kinds.items():
            for phrase, value in phrases.items():
                entries.setdefault(phrase, []).append((kind, len(phrase), value))
        self._automaton = ahocorasick.Automaton()
        for phrase, values in entries.items():
            self._automaton.add_word(phrase, tuple(values))
        self._automaton.make_automaton()

    def scan(self, text: str) -> Hits:
        """Every phrase of every kind that occurs in the text, in one pass."""
        raw: dict[str, list[tuple[int, int, Any]]] = {}
        for last, values in self._automaton.iter(text):
            for kind, length, value in values:
                raw.setdefault(kind, []).append((last, length, value))
        return Hits(text, raw, self.joiners)

    def find(self, text: str, kind: str | None = None) -> list[Match]:
        """The whole-word matches of one kind (the only kind when there is one)."""
        return self.scan(text).of(kind or next(iter(self.joiners)))
