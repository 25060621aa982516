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
