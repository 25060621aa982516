"""Which of the regions a text names it is about: every named region is a candidate, a classifier decides.

`regions.article_regions` keeps the regions whose government acts (the most named one, any named twice, any
whose official is named); news that lists co-winners, ranked regions or participants names each of them
once, as places, and the rules miss them (sealed set recall 0.66). Here each region named in the text is
described by how and how often it is named (government markers, the words around each mention, a list it
stands in, its level beside the article's main region, an official of it) and by the rules' own choice; a
maximum-entropy classifier (`learned.py`, fitted by flows/train.py) gives the probability that the article
is about it. Regions above the model's threshold are the article's regions, in order of first mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extractors.learned import Classifier
from extractors.model import Official, Region, RegionMention
from extractors.regions import province_acts

MODEL = "regions"
CONTEXT = 25          # characters read either side of a mention for its neighbouring words
MENTIONS_READ = 6     # mentions of one region whose neighbours are features
POSITION_STEPS = 10   # where in the text the first mention falls, in tenths
_WORD = re.compile(r"\w+")


def features(text: str, mentions: list[RegionMention], officials: list[Official], ruled: list[Region],
             main: Region | None) -> list[tuple[Region, list[str]]]:
    """Each region the text names (or an official of it holds), with its features."""
    by_region: dict[Region, list[RegionMention]] = defaultdict(list)
    for m in mentions:
        by_region[m.region].append(m)
    for r in ruled:
        by_region.setdefault(r, [])
    officials_of = Counter(o.region for o in officials if o.region)
    levels = Counter(r.level for r in by_region)
    chosen = set(ruled)
    out = []
    for region, ms in by_region.items():
        f = ["bias", f"level={region.level}", f"n={min(len(ms), 5)}", f"strong={min(sum(m.strong for m in ms), 4)}",
             f"government={any(m.government for m in ms)}", f"main={region == main}", f"rule={region in chosen}",
             f"officials={min(officials_of[region], 3)}", f"regions={min(len(by_region), 8)}",
             f"same_level={min(levels[region.level], 6)}"]
        if ms:
            first = min(m.span.start for m in ms)
            f.append(f"position={min(POSITION_STEPS * first // max(1, len(text)), POSITION_STEPS - 1)}")
            f.append(f"first_line={chr(10) not in text[:first]}")
        if main is not None and region.level == "province" and main.code.startswith(region.code + "."):
            f.append("province_of_main")
        if main is not None and main.level == "province" and region.code.startswith(main.code + "."):
            f.append("in_main_province")
        for m in ms[:MENTIONS_READ]:
            f += _around(text, m)
        out.append((region, f))
    return out


def _around(text: str, m: RegionMention) -> list[str]:
    before = _WORD.findall(text[max(0, m.span.start - CONTEXT):m.span.start])
    after = _WORD.findall(text[m.span.end:m.span.end + CONTEXT])
    f = []
    if before:
        f.append(f"b1={before[-1].lower()}")
    if len(before) > 1:
        f.append(f"b2={' '.join(before[-2:]).lower()}")
    if after:
        f.append(f"a1={after[0].lower()}")
    lead = text[max(0, m.span.start - 5):m.span.start]
    if "," in lead[-3:] or lead.endswith("dan "):
        f.append("listed_after")
    if text[m.span.end:m.span.end + 1] == ",":
        f.append("listed_before")
    if m.surface.lower() != m.region.name.lower():
        f.append("alias")
    return f


def choose(text: str, mentions: list[RegionMention], officials: list[Official], ruled: list[Region],
           main: Region | None, model: Classifier) -> tuple[list[Region], dict[Region, float]]:
    """The article's regions by the classifier (in order of first mention) and every candidate's probability."""
    described = features(text, mentions, officials, ruled, main)
    probabilities = model.probabilities([f for _, f in described], "Y")
    scores = {r: round(p, 3) for (r, _), p in zip(described, probabilities, strict=True)}
    first = {r: min((m.span.start for m in mentions if m.region == r), default=len(text)) for r in scores}
    officials_of = {o.region for o in officials if o.region}
    kept = sorted((r for r, p in scores.items()
                   if (province_acts(r, mentions, officials_of) if r.level == "province" else p >= model.threshold)),
                  key=lambda r: (first[r], r.code))
    return kept, scores
