"""Small helpers shared by the place tests."""

from __future__ import annotations

from typing import Any

from wirewatch.places import PlaceMention, places_in_text
from wirewatch.places.gazetteer import Gazetteer


def mentions_in(text: str, gaz: Gazetteer, nlp: Any) -> list[PlaceMention]:
    """Return the place mentions of one text."""
    return places_in_text("t", text, nlp(text), gaz)


def ids_of(text: str, surface: str, gaz: Gazetteer, nlp: Any) -> list[int | None]:
    """Return the GeoNames ids given to every mention of ``surface`` (None: unresolved)."""
    found = [m for m in mentions_in(text, gaz, nlp) if m.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return [m.place.geonameid if m.place is not None else None for m in found]
