"""The event of an ordinary news story that names no activity word: a classifier reads its first dated sentence.

`events.py` finds an event where a trigger word (sosialisasi, rapat, launching ...) and a day date share a
sentence. Ordinary regional news (an election count, a search at sea, a visit to a bridge) often has no such
word, and the rules then give no dated event although the story reports one (kind `other`, `visit`, `meeting`).
For those texts only, the first day date of the body (not the page's dateline) is described by the words of
its sentence and the sentences around it, the trigger kinds there, and the headline's words; a maximum-entropy
model (`learned.py`, fitted by flows/train.py on the dev folds, "none" among its labels) names the kind of
event it dates, or none. Above the model's threshold the event is added, with that probability as its
confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from extractors import events
from extractors.cleaning import is_dateline
from extractors.learned import Classifier
from extractors.lexicon import Lexicon
from extractors.model import DateMention, Event, Official, Span
from extractors.wordscan import Hits

MODEL = "events"
NONE = "none"
HEADLINE_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+")


def body_date(text: str, dates: list[DateMention], lex: Lexicon) -> DateMention | None:
    """The first day date of the story itself: not one standing alone on a dateline."""
    for d in sorted(dates, key=lambda d: d.span.start):
        if d.precision != "day":
            continue
        start = text.rfind("\n", 0, d.span.start) + 1
        end = text.find("\n", d.span.start)
        if not is_dateline(text[start:len(text) if end < 0 else end], lex):
            return d
    return None


def features(text: str, date: DateMention, dates: list[DateMention], sentences: list[Span],
             triggers: list[tuple[int, int, tuple[str, int]]]) -> list[str]:
    """The words and trigger kinds of the date's sentence (s=), the one before (p=) and after (n=), the headline's
    words (h=), and how many days the text names."""
    days = sorted({d.value for d in dates if d.precision == "day"})
    f = ["bias", f"explicit={date.explicit}", f"days={min(len(days), 5)}"]
    i = bisect_right([s.start for s in sentences], date.span.start) - 1
    for offset, prefix in ((0, "s"), (-1, "p"), (1, "n")):
        j = i + offset
        if 0 <= j < len(sentences):
            s = sentences[j]
            f += sorted({f"{prefix}={w.lower()}" for w in _WORD.findall(text, s.start, s.end)})
            f += sorted({f"{prefix}t={kind}" for a, _, (kind, _) in triggers if s.start <= a < s.end})
    headline = text.split("\n", 1)[0]
    f += sorted({f"h={w.lower()}" for w in _WORD.findall(headline)[:HEADLINE_WORDS]})
    return f


def describe(text: str, lex: Lexicon, hits: Hits | None, dates: list[DateMention]) -> tuple[DateMention, list[str]] | None:
    """The body date of a text and its features (None when the text names no day)."""
    date = body_date(text, dates, lex)
    if date is None:
        return None
    triggers = hits.of(events.SCAN_KIND) if hits else events.triggers(text, lex)
    return date, features(text, date, dates, events.sentences(text), triggers)


def choose(text: str, lex: Lexicon, model: Classifier, found: list[Event], dates: list[DateMention],
           officials: list[Official], hits: Hits | None) -> list[Event]:
    """The rules' events, and the body date's event when the rules dated none and the model names a kind."""
    if any(e.date for e in found):
        return found
    described = describe(text, lex, hits, dates)
    if described is None:
        return found
    date, feats = described
    kinds = {k: p for k, p in model.distribution(feats).items() if k != NONE}
    if not kinds:
        return found
    kind = max(kinds, key=lambda k: (kinds[k], k))
    if kinds[kind] < model.threshold:
        return found
    event = events.event_at(text, lex, kind, date, officials, confidence=round(kinds[kind], 3))
    return [e for e in found if e.kind != kind or e.date is not None] + [event]
