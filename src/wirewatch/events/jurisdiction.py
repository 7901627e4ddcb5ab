"""Where an official's figure with no place happened: the area the official governs.

"Oleh Syniehubov, the regional governor, said about 4,000 people had been evacuated
from border communities since Friday": the sentence names no place, but the governor
speaks for one region, and an event coder places the figure there (decision 561). The
registry says which region or town a body or an office governs (``area``); the codebook
says which types fall back on their claimant's place (``place_fallback: claimant``).

"Mykolaiv mayor Oleksandr Senkevych said a drone had hit a facility in the city": a
mayor's "the city" is the town the mayor governs, not the town the article named last
(decision 575).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from wirewatch.events.actors import ActorRegistry
from wirewatch.events.codebook import Codebook
from wirewatch.events.models import EventMention
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.models import Place

# below a place the text names (resolved at 0.6-0.99), like the other fallbacks
AREA_CONFIDENCE = 0.55


def in_claimants_area(mentions: Sequence[EventMention], registry: ActorRegistry,
                      gazetteer: Gazetteer, book: Codebook, published: date | None
                      ) -> list[EventMention]:
    """Return the mentions, those of a claimant-placed type without a place (and without
    a place the gazetteer lacks) placed at the area their claimant governs."""
    out: list[EventMention] = []
    for m in mentions:
        spec = book.types.get(m.type)
        actor = m.claimant_actor
        if m.place is not None or m.unlisted_place or actor is None or spec is None or \
                spec.place_fallback != "claimant":
            out.append(m)
            continue
        place = _area_place(registry, gazetteer, actor.id, published, m.claimant or actor.name)
        if place is None:
            out.append(m)
            continue
        out.append(replace(m, place=place, signals=m.signals | {"place_fallback"}))
    return out


def at_officials_town(mentions: Sequence[EventMention], registry: ActorRegistry,
                      gazetteer: Gazetteer, published: date | None) -> list[EventMention]:
    """Return the mentions, those whose place is "the city" referred back to, said by an
    official of one town whom the text names with that town ("Acting Sumy mayor"), placed
    at that town."""
    out: list[EventMention] = []
    for m in mentions:
        actor = m.claimant_actor
        area = registry.area_of(actor.id, published) if actor is not None and \
            "town_referred" in m.signals else None
        entry = gazetteer.entry(area) if area is not None else None
        if entry is None or m.place is None or m.place.geonameid == entry.id or \
                entry.kind != "city" or not _names_town(m.claimant or "", entry.id, gazetteer):
            out.append(m)
            continue
        out.append(replace(m, place=Place.from_entry(
            entry, surface=m.place.surface, confidence=m.place.confidence, method="context",
            explanation=f"'the city' of {m.claimant}")))
    return out


def _names_town(text: str, town: int, gazetteer: Gazetteer) -> bool:
    """Whether a claimant's words name the town ("Mykolaiv mayor", "mayor of Sumy")."""
    return any(h.entry.id == town for word in _CAPITALISED.findall(text)
               for h in gazetteer.exact(word))


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


def _area_place(registry: ActorRegistry, gazetteer: Gazetteer, actor_id: str,
                day: date | None, surface: str) -> Place | None:
    area = registry.area_of(actor_id, day)
    entry = gazetteer.entry(area) if area is not None else None
    if entry is None:
        return None
    return Place.from_entry(entry, surface=surface, confidence=AREA_CONFIDENCE,
                            method="context",
                            explanation=f"no place in the text: the area {surface} governs")
