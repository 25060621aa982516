"""Events: the activities an article reports (a socialisation, a bimtek, an award ceremony ...).

A sentence that holds both a trigger word (event_triggers.tsv) and an explicit date is an event;
per date the strongest trigger wins. A strong trigger (an award handed over, a launch) in an
undated sentence joins the article's main date. Venue ("bertempat di ..."), organiser, opener and
participant count come from the same sentence. The day a quote was given (`quotes.py`) dates neither an activity
named inside the quote nor, when no sentence has both, an ordinary activity of the lead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from extractors import quotes
from extractors.cleaning import is_dateline
from extractors.lexicon import Lexicon, alt, cased, words_of
from extractors.model import DateMention, Event, Official, Span
from extractors.tokens import SENTENCE_BOUNDARY
from extractors.wordscan import Hits, WordScan

_STRONG_UNDATED = 80
SECOND_EVENT_PRIORITY = 80      # a trigger this strong (a launch, an award ceremony) dates a second event on another day


@dataclass(frozen=True)
class _Patterns:
    trigger: WordScan                       # phrase as written -> (kind, priority)
    location: re.Pattern[str]
    participants: re.Pattern[str]
    organiser: re.Pattern[str]
    name_tail: re.Pattern[str]
    object_tail: re.Pattern[str]
    opens: re.Pattern[str]


SCAN_KIND = "event_triggers"


def scan_phrases(lex: Lexicon) -> tuple[dict[str, tuple[str, int]], str]:
    """The triggers as they may be written -> (kind, priority), and what glues a word (for `WordScan`)."""
    return {form: lex.event_triggers[phrase] for phrase in lex.event_triggers for form in cased([phrase])}, "_"


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    weekday = alt(list(lex.weekdays))
    month = alt(list(lex.months))
    venue = alt(list(lex.venue_words))
    stop = rf"(?=\s*,?\s*(?:(?i:{weekday})\b|{words_of(lex, 'venue_stop')}\b|\(|\d{{1,2}}\s+(?i:{month}))|[.;]\s|[.;]?$|\s+[a-z])"
    return _Patterns(
        trigger=WordScan({SCAN_KIND: scan_phrases(lex)}),
        location=re.compile(
            rf"\bdi\s+(?P<loc>(?:[A-Z]|(?i:{venue})\b)[^;()\n]*?(?:,\s*(?!(?i:{weekday})\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?){stop}"),
        participants=re.compile(rf"{words_of(lex, 'participants_verb')}\s+(?:{words_of(lex, 'agent')}\s+)?"
                                rf"(?:{words_of(lex, 'about')}\s+)?(?P<n>\d[\d.]*)\s+(?:{words_of(lex, 'people_unit')}\s+)?"
                                rf"{words_of(lex, 'participant')}", re.IGNORECASE),
        organiser=re.compile(rf"\b{words_of(lex, 'organise')}\s+(?:{words_of(lex, 'agent')}\s+)?(?P<org>(?:[A-Z][\w()-]*\s*){{2,10}})"),
        name_tail=re.compile(rf"(?:\s+(?:[A-Z][\w’'./-]*|\d{{4}}|{words_of(lex, 'event_name_link')}\b|&"
                             rf"|{words_of(lex, 'edition')}-?\d+)){{0,12}}"),
        object_tail=re.compile(rf"(?:\s+(?!{words_of(lex, 'object_stop')}\b)[^\s,.;:()“”\"]+){{0,8}}"),
        opens=re.compile(rf"\b{words_of(lex, 'open')}\b", re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Candidate:
    kind: str
    priority: int
    start: int
    end: int
    sentence: Span
    date: str | None
    date_at: int | None = None      # where the date was read, when outside the trigger's sentence




def _after_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at `dot` the end of an abbreviation ("Kab.", "Dr.", "S.", "Lt.", "M.Si.")?"""
    lo = max(0, dot - 12)
    word = text[max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot),
                    text.rfind("\xa0", lo, dot)) + 1:dot]
    return (0 < len(word) <= 3 and word.isalpha()) or ("." in word and len(word) <= 6)


_NON_SPACE = re.compile(r"\S")


def _sentences(text: str) -> list[Span]:
    """Sentence spans; a dot after an abbreviation ("Kab. Takalar", "Dr. Abustan", "S. Sos") does not end one."""
    out, start = [], 0
    for m in SENTENCE_BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == "." and _after_abbreviation(text, m.start()):
            continue
        if _NON_SPACE.search(text, start, end):
            out.append(Span(start, end))
        start = end
    if _NON_SPACE.search(text, start):
        out.append(Span(start, len(text)))
    return out


def _candidates(text: str, sentences: list[Span], lex: Lexicon, dates: list[DateMention],
                pats: _Patterns, hits: Hits | None = None) -> tuple[list[_Candidate], int]:
    """The strongest trigger of each sentence that has one, with the sentence's first day-precision date;
    and how often the text names an innovation lab."""
    starts = [s.start for s in sentences]
    best: dict[int, tuple[str, int, int, int]] = {}
    labs = 0
    found = hits.of(SCAN_KIND) if hits else pats.trigger.find(text)
    for start, end, (kind, prio) in found:       # one scan of the whole text, bucketed by sentence
        labs += kind == "innovation_lab"
        i = bisect_right(starts, start) - 1
        if kind != "venue" and i >= 0 and (i not in best or prio > best[i][1]):
            best[i] = (kind, prio, start, end)
    day_dates = [d for d in dates if d.precision == "day"]
    out = []
    for i, (kind, prio, start, end) in sorted(best.items()):
        s = sentences[i]
        inside = [d for d in day_dates if s.start <= d.span.start < s.end]
        if inside and quotes.quoted_before(text, end, inside[0], lex):
            inside = []           # an activity named inside a quote is not dated by the day of the quote
        out.append(_Candidate(kind, prio, start, end, s, inside[0].value if inside else None))
    return out, labs


def _choose(cands: list[_Candidate], text: str, dates: list[DateMention], lex: Lexicon) -> list[_Candidate]:
    by_date: dict[str, _Candidate] = {}
    for c in cands:
        if c.date and (c.date not in by_date or c.priority > by_date[c.date].priority):
            by_date[c.date] = c
    chosen = sorted(by_date.values(), key=lambda c: c.start)
    if chosen:      # one occasion per story: another day's event only for a strong trigger of another kind (the main
        #             activity named again on another day is that occasion's other day or an earlier edition)
        chosen = chosen[:1] + [c for c in chosen[1:] if c.kind != chosen[0].kind and c.priority >= SECOND_EVENT_PRIORITY]
    main_date = chosen[0].date if chosen else None
    if main_date is None:     # no dated sentence: the first trigger of the lead (not of a short headline line)
        lead = [c for c in cands if c.start < len(text) // 3]
        first = next((c for c in lead if re.search(r"[.!?]\s*$", text[c.sentence.start:c.sentence.end])), None) or \
            next(iter(lead), None)
        day = body_date(text, dates, lex) or next((d for d in dates if d.precision == "day"), None)
        if day and first and first.priority < _STRONG_UNDATED and quotes.attributed(text, day, lex):
            day = None        # the day somebody was quoted dates no ordinary activity of the lead (a strong one,
            #                   a lab or a launch, is the story's occasion: the quote was given at it)
        return [_Candidate(first.kind, first.priority, first.start, first.end, first.sentence,
                           day.value if day else None, day.span.start if day else None)] if first else []
    kinds = {c.kind for c in chosen if c.date == main_date}
    for c in cands:
        if c.date is None and c.priority >= _STRONG_UNDATED and c.kind not in kinds:
            chosen.append(_Candidate(c.kind, c.priority, c.start, c.end, c.sentence, main_date))
            kinds.add(c.kind)
    return chosen


def body_date(text: str, dates: Sequence[DateMention], lex: Lexicon) -> DateMention | None:
    """The first day date of the story itself, not one alone on a dateline ("Saturday, July 27, 2024" is the
    page's date, maybe the day it was crawled). A dateline is what cleaning keeps as one (`is_dateline`)."""
    for d in sorted(dates, key=lambda d: d.span.start):
        if d.precision == "day":
            start = text.rfind("\n", 0, d.span.start) + 1
            end = text.find("\n", d.span.end)
            if not is_dateline(text[start:len(text) if end < 0 else end], lex):
                return d
    return None


def _upgrade(kind: str, lab_mentions: int) -> str:
    """A workshop or training inside an innovation lab programme (named twice or more) is a stage of that lab."""
    return "innovation_lab" if kind in ("workshop", "training") and lab_mentions >= 2 else kind


def _location(text: str, c: _Candidate, sentences: list[Span], pats: _Patterns, lex: Lexicon) -> str | None:
    """The venue: in the event's sentence, else in the rest of its paragraph or the next one, else in
    the sentence that gave its date ("Kegiatan ... digelar di Aula X, Selasa 26 Agustus 2025") or the
    one before it in the paragraph ("Bertempat di aula X. Bupati ... mempresentasikan ...").
    A phrase that starts with a venue word (aula, ruang, hotel ...) beats any other "di X"."""
    para_end = text.find("\n", text.find("\n", c.end) + 1)
    windows = [(c.sentence.start, c.sentence.end), (c.sentence.end, para_end if para_end > 0 else len(text))]
    if c.date_at is not None and not windows[0][0] <= c.date_at < windows[1][1]:
        windows.append(next((s.start, s.end) for s in sentences if s.start <= c.date_at < s.end))
    i = bisect_right([s.start for s in sentences], c.sentence.start) - 2
    if i >= 0 and "\n" not in text[sentences[i].end - 1:c.sentence.start]:
        windows.append((sentences[i].start, sentences[i].end))
    for n, (start, end) in enumerate(windows):
        found = [_venue_named(text, m) for m in pats.location.finditer(text, start, end)]
        venues = [f for f in found if f.split()[0].lower() in lex.venue_words]
        if venues or (found and n != 1):
            return (venues or found)[0]
    return None


_VENUE_OWNER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}(?:\s+[A-Z][\w’'.-]*)+")


def _venue_named(text: str, m: re.Match[str]) -> str:
    """A venue in lower case goes on to whose it is ("di ruang rapat Bappeda", "di aula kantor Camat Palu
    Selatan"): the location pattern stops at the first lower-case word, which leaves "ruang" alone."""
    loc = m.group("loc").strip(" ,")
    if " " not in loc and loc.islower() and (more := _VENUE_OWNER.match(text, m.end("loc"))):
        return loc + more.group(0)
    return loc


_OPENER_REACH = 400    # "... Bimtek ..., Kamis (15/8). Kegiatan dibuka oleh Penjabat Wali Kota X."


def _opener(text: str, c: _Candidate, officials: list[Official], pats: _Patterns) -> str | None:
    """The official who opened the event: named close to "membuka"/"dibuka oleh", in the event's
    sentence or shortly after it."""
    for o in sorted(officials, key=lambda o: o.span.start):
        if c.sentence.start <= o.span.start < c.sentence.end + _OPENER_REACH and \
                pats.opens.search(text, max(0, o.span.start - 80), min(len(text), o.span.end + 60)):
            return o.name
    return None


def _describe(c: _Candidate, text: str, sentences: list[Span], officials: list[Official], pats: _Patterns,
              lex: Lexicon, lab_mentions: int) -> Event:
    sentence = text[c.sentence.start:c.sentence.end]
    if text[c.start].isupper():
        tail = pats.name_tail.match(text, c.end)
        name = text[c.start:tail.end() if tail else c.end]
    else:   # a verb or common noun: the activity is what follows it ("meluncurkan aplikasi SIPAKAR")
        tail = pats.object_tail.match(text, c.end)
        name = text[c.start:tail.end() if tail else c.end]
    name = name.strip(" ,.")
    loc = _location(text, c, sentences, pats, lex)
    part = pats.participants.search(sentence) or pats.participants.search(text, c.start)
    org = pats.organiser.search(sentence)
    opener = _opener(text, c, officials, pats)
    return Event(
        kind=_upgrade(c.kind, lab_mentions), name=name, date=c.date, span=Span(c.start, c.end),
        location=loc,
        organiser=org.group("org").strip() if org else None, opened_by=opener,
        participants=int(part.group("n").replace(".", "")) if part else None,
    )


def _merged(events: list[Event]) -> list[Event]:
    """One event per (date, kind): a second trigger of the same kind on the same day is the same event
    ("Workshop ..., Senin 16 Oktober" and "Workshop ini telah memasuki tahap Design"); what the first
    lacks comes from the others. An event with no venue of its own takes that of another event the
    same day ("Sebagai rangkaian acara, ... menyerahkan penghargaan")."""
    out: dict[tuple[str | None, str], Event] = {}
    for e in events:
        key = (e.date, e.kind)
        first = out.get(key)
        out[key] = e if first is None else replace(first, **{
            f: getattr(e, f) for f in ("location", "organiser", "opened_by", "participants")
            if getattr(first, f) is None and getattr(e, f) is not None})
    venue = {e.date: e.location for e in reversed(out.values()) if e.date and e.location}
    return [e if e.location or e.date not in venue else replace(e, location=venue[e.date]) for e in out.values()]


def sentences(text: str) -> list[Span]:
    """The sentence spans events are read in."""
    return _sentences(text)


def triggers(text: str, lex: Lexicon) -> list[tuple[int, int, tuple[str, int]]]:
    """Every trigger word of the text: (start, end, (kind, priority))."""
    return _patterns(lex).trigger.find(text)


_WORD_AT = re.compile(r"\S+")


def event_at(text: str, lex: Lexicon, kind: str, date: DateMention, officials: Sequence[Official] = (),
             *, named_at: Span | None = None) -> Event:
    """An event of `kind` on `date`, described from the sentence the date stands in (named from the word at
    `named_at`, else the sentence's opening words; the venue and opener read as for a trigger's event)."""
    spans = _sentences(text)
    sentence = next((s for s in spans if s.start <= date.span.start < s.end), Span(date.span.start, date.span.end))
    first = _WORD_AT.search(text, sentence.start, sentence.end)
    start, end = (named_at.start, named_at.end) if named_at else \
        (first.start(), first.end()) if first else (date.span.start, date.span.end)
    cand = _Candidate(kind, 0, start, end, sentence, date.value, date.span.start)
    return _describe(cand, text, spans, list(officials), _patterns(lex), lex, 0)


def find_events(text: str, lex: Lexicon, *, dates: list[DateMention],
                officials: Sequence[Official] = (), hits: Hits | None = None) -> list[Event]:
    """The events of an article, main event first."""
    pats = _patterns(lex)
    sentences = _sentences(text)
    candidates, labs = _candidates(text, sentences, lex, dates, pats, hits)
    return _merged([_describe(c, text, sentences, list(officials), pats, lex, labs)
                    for c in _choose(candidates, text, dates, lex)])
