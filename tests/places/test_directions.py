"""A front direction named after its town ("the Krasnarmeysk direction") names the town,
however the small model tags the word (a person, an adjective)."""

from __future__ import annotations

from typing import Any

from wirewatch.places import places_in_text
from wirewatch.places.gazetteer import Gazetteer

POKROVSK = 704422


def test_a_town_a_front_direction_is_named_after_is_a_place(gaz: Gazetteer, nlp: Any) -> None:
    text = ("In the Krasnarmeysk direction alone, the army lost over 350 soldiers in one "
            "day, the ministry said.")
    found = {m.surface: m.place.geonameid for m in places_in_text("t", text, nlp(text), gaz)
             if m.place is not None}
    assert found.get("Krasnarmeysk") == POKROVSK, found
