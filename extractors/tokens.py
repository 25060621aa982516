"""Word tokens with their offsets, and the word shapes the learned parts describe words by."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# words keep inner hyphens, apostrophes, dots and ampersands ("e-KTP", "Jum'at", "5.000", "P&G"); every
# other non-space character is a token of its own, so "TOSS/Gema" is three tokens
TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets into `text`."""
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


@lru_cache(maxsize=8192)
def shape(word: str) -> str:
    """"BUAH" -> "XX", "Sabar" -> "Xxx", "e-KTP" -> "x-XX", "2022" -> "dd": case and kind, runs collapsed to two."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)


_COINED = re.compile(r"[a-z]{1,2}-[A-Za-z0-9]|[a-z]{1,2}[A-Z]")


def capitalised(word: str) -> bool:
    """Starts like a name: a capital or a digit, or a coined prefix ("e-Village", "iAmbon", "my-Like")."""
    first = word[:1]
    return first.isupper() or first.isdigit() or _COINED.match(word) is not None


SENTENCE_BOUNDARY = re.compile(r"[.!?](?=\s)|\n")     # where a sentence (or a line) ends
HEADLINE_MAX_SPACES = 48    # a line with more spaces is a paragraph, not a headline
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'-]*")


def line_at(text: str, at: int) -> tuple[str, bool]:
    """The line `at` stands in, and whether another line follows it."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:len(text) if end < 0 else end], end >= 0


@lru_cache(maxsize=512)
def headline_line(line: str) -> bool:
    """A line in title case ("Inovasi Kampung Harus Tepat Sasaran"): 4-24 words, nearly all capitalised. A long
    paragraph full of capitals is a list of officials and their posts, not a headline."""
    if line.count(" ") > HEADLINE_MAX_SPACES:
        return False           # a paragraph, not a headline: no need to read its words
    words = _HEADLINE_WORD.findall(line)
    return 4 <= len(words) <= 24 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
