"""The language of an article's text: facts are read only from Indonesian.

Two stages, so Indonesian news (nearly every page warta sees) costs a few microseconds:
1. Function words (data/lexicons/language_markers.tsv): when enough of the words are ones Indonesian
   and Malay share (8 % or more), the text is Indonesian unless Malaysian spellings (bahawa, kerana, iaitu),
   two at least, outnumber Indonesian ones (bahwa, karena, yaitu). Both languages share this vocabulary, so the choice between
   them is made by spelling, never by a model's close call: Indonesian news does not flip to Malay.
2. Anything else goes to py3langid (the identifier trafilatura uses; its model ships in the wheel and
   runs offline) on the first 600 characters.
A page's declared language (<html lang>) is only a hint: it decides nothing the text contradicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.lexicon import Lexicon

SAMPLE_CHARS = 600
SHARE = 0.08         # share of shared function words from which a text is Indonesian or Malay (news: 0.06-0.30; English: <0.01)
MIN_WORDS = 8        # shorter texts say too little: their declared language (or "und") stands
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Language:
    code: str            # ISO 639-1 ("id", "en", "ms" ...), "und" when undetermined
    method: str          # markers | model | declared | override | short


@cache
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process (about 0.6 s) and only when a text needs it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _declared(hint: str | None) -> str | None:
    return hint.split("-")[0].split("_")[0].lower() if hint and hint.strip() else None


def detect_language(text: str, lex: Lexicon, *, declared: str | None = None) -> Language:
    """The language of `text`; `declared` (<html lang>) only decides for texts too short to tell."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS * 2])]
    if len(words) < MIN_WORDS:
        return Language(_declared(declared) or "und", "short")
    marks = lex.language_markers
    shared = sum(1 for w in words if w in marks)
    if shared >= SHARE * len(words):
        ms = sum(1 for w in words if marks.get(w) == "ms")
        ind = sum(1 for w in words if marks.get(w) == "id")
        return Language("ms" if ms >= 2 and ms > ind else "id", "markers")
    code, _ = _identifier().classify(text[:SAMPLE_CHARS])
    return Language(str(code), "model")
