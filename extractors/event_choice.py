"""The event of an ordinary news story that names no activity word, read from its first dated sentence.

`events.py` finds an event where a trigger word (sosialisasi, rapat, launching ...) and a day date share a
sentence. Ordinary regional news (an election count, a search at sea, a visit to a bridge) often has no such
word, and the rules then give no dated event although the story reports one (kind `other`, `visit`, `meeting`).
For those texts only, the first day date of the body (not the page's dateline) is read: when its sentence says
something took place ("menggelar ...", "usai mengikuti ...", "saat berkunjung ...") and the date is not merely
the day a quote was given ("…,” ujar Eri, Senin (28/7/2025)"), it dates the story's occasion, of the kind of the
nearest trigger (one sentence either side) or `other`. A sentence without an occasion word dates one too when a
trigger of a known kind stands that near ("Sungai meluap, Selasa (10/5/2022). Wakil Wali Kota ... meninjau
lokasi banjir": a visit); without either, the date is only a date.

This rule replaced the maximum-entropy classifier of the same dates that 0.5.0 shipped at first: the rule scores
higher on the four dev folds and on the sealed set, and the classifier added nothing beside it on either
(CHANGELOG).
"""

from __future__ import annotations

from bisect import bisect_right

from extractors import events, quotes
from extractors.lexicon import Lexicon
from extractors.model import DateMention, Event, Official, Span
from extractors.wordscan import Hits

KIND_REACH = 1                # sentences either side of the date whose trigger names the occasion's kind


def occasion_at(text: str, date: DateMention, lex: Lexicon, sentences: list[Span]) -> Span | None:
    """The occasion word of the date's sentence nearest before the date (else the first after it), when the
    date is not a quote's; None when the sentence says nothing took place."""
    if quotes.attributed(text, date, lex):
        return None
    i = bisect_right([s.start for s in sentences], date.span.start) - 1
    if i < 0:
        return None
    found = [Span(m.start(), m.end()) for m in quotes.occasion_words(lex).finditer(text, sentences[i].start, sentences[i].end)]
    before = [s for s in found if s.start < date.span.start]
    return before[-1] if before else next(iter(found), None)


def nearest_trigger(date: DateMention, sentences: list[Span],
                    triggers: list[tuple[int, int, tuple[str, int]]]) -> tuple[str, Span | None, int]:
    """The kind of the trigger nearest the date (by sentences, within KIND_REACH; the stronger on a tie), with
    that trigger and its distance in sentences; ("other", None, -1) when no trigger is that near."""
    starts = [s.start for s in sentences]
    at = bisect_right(starts, date.span.start) - 1
    near = [(abs(bisect_right(starts, a) - 1 - at), -prio, kind, a, b)
            for a, b, (kind, prio) in triggers if kind != "venue"]
    near = [n for n in near if n[0] <= KIND_REACH]
    if not near:
        return "other", None, -1
    distance, _, kind, a, b = min(near)
    return kind, Span(a, b), distance


def choose(text: str, lex: Lexicon, found: list[Event], dates: list[DateMention], officials: list[Official],
           hits: Hits | None) -> list[Event]:
    """The rules' events, and the body date's occasion when the rules dated none."""
    if any(e.date for e in found):
        return found
    date = events.body_date(text, dates, lex)
    if date is None:
        return found
    spans = events.sentences(text)
    occasion = occasion_at(text, date, lex, spans)
    kind, trigger, distance = nearest_trigger(date, spans, hits.of(events.SCAN_KIND) if hits else events.triggers(text, lex))
    if occasion is None:
        if kind == "other" or quotes.attributed(text, date, lex):
            return found
        occasion = trigger if distance == 0 else None   # no occasion word, but an activity of a known kind is near
    return [e for e in found if e.kind != kind or e.date is not None] + \
        [events.event_at(text, lex, kind, date, officials, named_at=occasion)]
