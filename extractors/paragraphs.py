"""Paragraphs of an article and the removal of repeated ones.

Scrapes often carry the body twice, or the lead again at the end. A paragraph whose normalised
form (case, whitespace, quotes, dashes) was already seen in the article is a repeat: the first
occurrence is kept. Nothing is deleted: each Paragraph keeps its flags so `paragraphs` in DuckDB
can show and undo every removal.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Paragraph:
    position: int
    text: str
    hash: str
    is_furniture: bool = False
    is_repeat: bool = False
    is_boilerplate: bool = False
    kind: str = "body"           # body | furniture kind (line, tail, byline, header) | repeat

    @property
    def kept(self) -> bool:
        return not (self.is_furniture or self.is_repeat or self.is_boilerplate)


def normalise(text: str) -> str:
    """The form paragraphs are compared in: NFKC, case-folded, unified quotes/dashes, single spaces."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", t).strip(" .,\"'")


def paragraph_hash(text: str) -> str:
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=8).hexdigest()


def split_paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-empty line (extracted text and the seed files both put one per line)."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [Paragraph(i, ln, paragraph_hash(ln)) for i, ln in enumerate(ln for ln in lines if ln)]


def mark_repeats(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Flag every paragraph whose normalised text already appeared earlier in the article."""
    seen: set[str] = set()
    out = []
    for p in paragraphs:
        if p.is_furniture:
            out.append(p)
        elif p.hash in seen:
            out.append(replace(p, is_repeat=True, kind="repeat"))
        else:
            seen.add(p.hash)
            out.append(p)
    return out


#: a shared paragraph longer than this is story text, never a source's template
BOILERPLATE_MAX_CHARS = 400


def boilerplate_positions(body: list[tuple[int, str, bool]]) -> set[int]:
    """Which body paragraphs (position, text, shared across stories) to drop as the source's boilerplate.

    Template text sits at the start or the end of an article, so only a shared paragraph in the
    leading or trailing run of shared paragraphs counts; and an article never loses half of its body
    to it (an article that shares most of its text with others is a copy, not a template)."""
    def template(t: str, shared: bool) -> bool:
        return shared and len(t) <= BOILERPLATE_MAX_CHARS

    marks = [template(t, s) for _, t, s in body]
    lead = next((i for i, m in enumerate(marks) if not m), len(marks))
    tail = next((i for i, m in enumerate(reversed(marks)) if not m), len(marks))
    chosen = set(range(lead)) | set(range(len(marks) - tail, len(marks)))
    cut = sum(len(body[i][1]) for i in chosen)
    if not chosen or cut * 2 >= sum(len(t) for _, t, _ in body):
        return set()
    return {body[i][0] for i in chosen}
