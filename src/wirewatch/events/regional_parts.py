"""A figure told region by region: "Air defences shot down 64 Ukrainian drones overnight
over Russian regions, including 21 over the Kursk region and 12 over the Bryansk region";
"47 drones were shot down over four regions, 18 of them over the Belgorod region". The
figure over several regions keeps no one place (decisions 554, 559); each region's part is a
mention of its own, at the region, with its own figure, told by the same speaker on the same
day (decision 562).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.numbers import Count, words_to_number
from wirewatch.places.models import PlaceMention


def with_regional_parts(mentions: list[EventMention], places: Sequence[PlaceMention],
                        text: str, sentences: Sequence[tuple[int, int]], lexicon: Lexicon
                        ) -> list[EventMention]:
    """The mentions, with one for each region a loss figure's parts name after it."""
    out = list(mentions)
    for start, end in sentences:
        totals = [m for m in out if start <= m.evidence.start < end and m.count is not None
                  and m.count.value and m.modality != "denied" and m.type == "equipment.lost"]
        if not totals:
            continue
        total = max(totals, key=lambda m: m.count.value if m.count and m.count.value else 0)
        told = {m.place.geonameid for m in out if m.type == total.type and m.place is not None
                and start <= m.evidence.start < end}
        whole = total.count.value if total.count is not None else None
        for pm, value, lo in _parts(total, places, text, end, lexicon):
            if pm.place is None or pm.place.geonameid in told or not whole or value >= whole:
                continue
            told.add(pm.place.geonameid)
            out.append(replace(total, place=pm.place, count=Count(value, False, None),
                               evidence=Evidence(text[lo:pm.end], lo, pm.end), trigger=None,
                               reference=False))
    return out


def _parts(total: EventMention, places: Sequence[PlaceMention], text: str, end: int,
           lexicon: Lexicon) -> list[tuple[PlaceMention, int, int]]:
    """The regions after a figure written as its parts, each with its figure and where its
    part starts."""
    parts: list[tuple[PlaceMention, int, int]] = []
    at = total.evidence.start
    for pm in sorted((p for p in places if at < p.start < end and p.place is not None and
                      p.place.kind in ("admin1", "city")), key=lambda p: p.start):
        gap = text[at:pm.start]
        found = lexicon.part_over.search(gap)
        value = words_to_number([found.group("n")]) if found else None
        if found is not None and value is not None:
            lo = at + found.start()
            while text[lo] in ",; ":  # ("including 21 over X", "and 12 over Y")
                lo += 1
            parts.append((pm, value, lo))
        at = pm.end
    return parts
