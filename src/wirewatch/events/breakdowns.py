"""A toll broken down by town in the sentence after it: "Russian shelling killed four
civilians in the Donetsk region on Tuesday, the governor said. Two of the dead were in
Kostiantynivka, one in Druzhkivka and one in Siversk", "…; one of the dead was a woman in
Bilozerka", "three of the dead were in Toretsk … and one each in Myrnohrad and Niu-York".
Each town's part is a casualties mention of its own, told by the toll's speaker on the toll's
date; when the parts add up to a toll told for a whole region, the region's figure is only
their sum and gives way to them (decision 551).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.numbers import Count, words_to_number
from wirewatch.places.models import PlaceMention

# how close before the breakdown its toll must be told (characters)
_TOLL_REACH = 600
_ARTICLE = r"(?:(?:the\s+)?(?:town|city|village|settlement)\s+of\s+)?"
# the first part: "were in X", "were injured in X", "was a woman in X"
_FIRST_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,5}?in\s+" + _ARTICLE + r"$", re.I)
# a later part: ", one in X", "and two in X", "and one each in X"
_NEXT_GAP = re.compile(r"(?:^|[,;]|\band)\s*(?P<n>[\w-]+)(?P<each>\s+each)?\s+"
                       r"(?:(?:was|were|people|person|more)\s+)*in\s+" + _ARTICLE + r"$", re.I)
# "… one each in X and Y": the next name of the same "each"
_EACH_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?(?:in\s+)?" + _ARTICLE + r"$", re.I)


def with_breakdowns(mentions: list[EventMention], places: Sequence[PlaceMention], text: str,
                    sentences: Sequence[tuple[int, int]], lexicon: Lexicon
                    ) -> list[EventMention]:
    """The mentions, with a casualties mention for each town a toll's breakdown names."""
    out = list(mentions)
    for start, end in sentences:
        found = lexicon.breakdown_opening.search(text, start, end)
        if found is None:
            continue
        n = words_to_number([found.group("n")])
        subtype = lexicon.breakdown_nouns.get((found.group("noun") or "").lower())
        toll = _toll(out, found.start(), subtype)
        if n is None or toll is None:
            continue
        parts = _parts(n, found.end(), end, places, text)
        told = {m.place.geonameid for m in out if m.type == "casualties" and m.place and
                m.subtype == toll.subtype and start <= m.evidence.start < end}
        for pm, count, lo in parts:
            if pm.place is None or pm.place.geonameid in told:
                continue
            out.append(replace(toll, place=pm.place, count=Count(count, False, None),
                               aggregate=False, evidence=Evidence(text[lo:pm.end], lo, pm.end),
                               trigger=None, reference=False))
        if parts and toll.count is not None and toll.count.value == sum(c for _, c, _ in parts) \
                and (toll.place is None or toll.place.kind != "city"):
            out.remove(toll)
    return out


def _toll(mentions: list[EventMention], at: int, subtype: str | None) -> EventMention | None:
    """The latest casualty toll told shortly before a breakdown, of its kind."""
    before = [m for m in mentions if m.type == "casualties" and m.modality != "denied" and
              at - _TOLL_REACH <= m.evidence.start < at and m.count is not None and
              m.count.value and (subtype is None or m.subtype in (subtype, "mixed"))]
    return max(before, key=lambda m: m.evidence.start) if before else None


def _parts(first: int, at: int, end: int, places: Sequence[PlaceMention], text: str
           ) -> list[tuple[PlaceMention, int, int]]:
    """The towns of a breakdown with their figures and where each part starts."""
    parts: list[tuple[PlaceMention, int, int]] = []
    each = False
    for pm in sorted((p for p in places if at <= p.start < end and p.place is not None and
                      p.place.kind == "city"), key=lambda p: p.start):
        gap = text[at:pm.start]
        if not parts and _FIRST_GAP.match(gap):
            parts.append((pm, first, at))
        elif parts and each and _EACH_GAP.match(gap):
            parts.append((pm, 1, at))
        elif parts and (m := _NEXT_GAP.search(gap)) and \
                (n := words_to_number([m.group("n")])) is not None:
            each = bool(m.group("each"))
            parts.append((pm, 1 if each else n, at + m.start("n")))
        else:
            break
        at = pm.end
    return parts
