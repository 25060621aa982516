"""Page furniture removal: ads, share bars, "Baca juga", related lists, bylines, site headers.

The rules are data (data/lexicons/furniture.tsv) and work the same on HTML-extracted text and on
plain text. Author and editor lines are removed from the text and returned as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from extractors.lexicon import Lexicon, words_of
from extractors.paragraphs import Paragraph, mark_repeats, split_paragraphs

_STORY_WORDS = 25        # a paragraph this long after a tail marker means the story goes on
_SENTENCE_WORDS = 12     # ... and so does a shorter one that ends as a sentence (related headlines do not)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")
_HEADER_WORDS = 4        # short lines before the first story paragraph are site header


@dataclass(frozen=True)
class _Rules:
    line: re.Pattern[str]
    byline: re.Pattern[str]
    tail: re.Pattern[str]
    dateline: re.Pattern[str]
    byline_label: re.Pattern[str]       # "Penulis:", "Editor :" before a byline's name
    dated: re.Pattern[str]              # a dateline's date anywhere in a line ("Penulis: X Pada: Kamis, 18 Okt 2018")


@dataclass(frozen=True)
class Cleaned:
    paragraphs: list[Paragraph]
    bylines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if p.kept)


@cache
def _rules(lex: Lexicon) -> _Rules:
    def group(kind: str, end: str = r"\Z") -> re.Pattern[str]:
        pats = [p for k, p in lex.furniture if k == kind]
        return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")" + end, re.IGNORECASE)
    label = re.compile(rf"^{words_of(lex, 'byline_label')}\s*:?\s*", re.IGNORECASE)
    return _Rules(group("line"), group("byline"), group("tail"), group("dateline"), label, group("dateline", r"\b"))


def is_dateline(line: str, lex: Lexicon) -> bool:
    """A line that is only the page's date (and time, and the wire's code): furniture.tsv's `dateline` rows."""
    return _rules(lex).dateline.match(line.strip()) is not None


def _words(text: str) -> int:
    return len(text.split())


def _is_story(text: str) -> bool:
    """Story text, not a tail's related headline or link: long, or a whole sentence of some length."""
    n = _words(text)
    return n >= _STORY_WORDS or (n >= _SENTENCE_WORDS and _SENTENCE_END.search(text) is not None)


def _flag(p: Paragraph, kind: str) -> Paragraph:
    return replace(p, is_furniture=True, kind=kind)


def _mark_furniture(paragraphs: list[Paragraph], rules: _Rules) -> tuple[list[Paragraph], list[str]]:
    out: list[Paragraph] = []
    bylines: list[str] = []
    in_tail = False
    for i, p in enumerate(paragraphs):
        if rules.tail.match(p.text):
            in_tail = not any(_is_story(q.text) for q in paragraphs[i + 1:])
        if rules.byline.match(p.text) and _words(p.text) <= 12:
            bylines.append(rules.byline_label.sub("", p.text).split("|")[0].strip())
            # a byline that carries the page's date stays in the text, where the date is read ("Penulis: X Pada:
            # Kamis, 18 Okt 2018"): page furniture's dates are dates of the text
            out.append(p if rules.dated.search(p.text) else _flag(p, "byline"))
        elif in_tail or rules.tail.match(p.text):
            out.append(_flag(p, "tail"))
        elif rules.line.match(p.text) and not rules.dateline.match(p.text):
            out.append(_flag(p, "line"))
        else:
            out.append(p)
    return out, bylines


def _mark_edges(paragraphs: list[Paragraph], rules: _Rules) -> list[Paragraph]:
    """Short unpunctuated lines before the first story paragraph (weather, breadcrumbs, tags) and between
    the last story paragraph and the tail are header/footer furniture; a dateline is the article's date and
    stays."""
    story = [i for i, p in enumerate(paragraphs) if p.kept and _words(p.text) >= 12]
    if not story:
        return paragraphs
    first, last = story[0], story[-1]
    out = []
    for i, p in enumerate(paragraphs):
        short = _words(p.text) <= _HEADER_WORDS and not re.search(r"[.!?\"”–-]$", p.text)
        edge = p.kept and short and (i < first or i > last) and not rules.dateline.match(p.text)
        out.append(_flag(p, "header") if edge else p)
    return out


def clean(text: str, lex: Lexicon) -> Cleaned:
    """Paragraphs with furniture and repeats flagged (nothing dropped), plus the byline values."""
    rules = _rules(lex)
    paragraphs, bylines = _mark_furniture(split_paragraphs(text), rules)
    return Cleaned(mark_repeats(_mark_edges(paragraphs, rules)), bylines)
