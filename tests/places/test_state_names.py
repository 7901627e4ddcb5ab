"""A US state's bare name is the state, not a far town that GeoNames files it under as an
alternate name, and "Washington" is the capital unless the story is in the state
(issue 11; decision 39)."""

from __future__ import annotations

from typing import Any

from wirewatch.places import places_in_text
from wirewatch.places.gazetteer import Gazetteer

MISSOURI, MAINE = 4398678, 4971068
WASHINGTON_STATE, WASHINGTON_DC = 5815135, 4140963


def _place_of(text: str, surface: str, gaz: Gazetteer, nlp: Any) -> int | None:
    found = [m for m in places_in_text("t", text, nlp(text), gaz) if m.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    place = found[0].place
    return place.geonameid if place is not None else None


def test_missouri_is_the_state_not_a_montana_town(gaz: Gazetteer, nlp: Any) -> None:
    text = "Farmers across Missouri lost most of their corn to the spring floods."
    assert _place_of(text, "Missouri", gaz, nlp) == MISSOURI


def test_maine_is_the_state_not_an_illinois_suburb(gaz: Gazetteer, nlp: Any) -> None:
    text = "Lobster boats stayed in harbour along the coast of Maine for a third day."
    assert _place_of(text, "Maine", gaz, nlp) == MAINE


def test_washington_is_the_capital_unless_the_story_is_in_the_state(gaz: Gazetteer,
                                                                    nlp: Any) -> None:
    summit = "European leaders will meet the president at a summit in Washington next week."
    assert _place_of(summit, "Washington", gaz, nlp) == WASHINGTON_DC
    fires = ("Wildfires forced evacuations east of Seattle and near Spokane, and Washington "
             "has asked for federal help.")
    assert _place_of(fires, "Washington", gaz, nlp) == WASHINGTON_STATE
