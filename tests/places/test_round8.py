"""Round 8 of issue 11 (places on real reporting): wire datelines with a state's
abbreviation, "a different X", and the other rules of decisions 70 onwards."""

from __future__ import annotations

from typing import Any

from wirewatch.places import PlaceMention, places_in_text
from wirewatch.places.gazetteer import Gazetteer

WARSAW_IN, WARSAW_PL, INDIANA = 4927854, 756135, 4921868
VIENNA_VA, VIENNA_AT, VIRGINIA = 4791160, 2761369, 6254928
WASHINGTON_DC = 4140963


def _mentions(text: str, gaz: Gazetteer, nlp: Any) -> list[PlaceMention]:
    return places_in_text("t", text, nlp(text), gaz)


def _ids(text: str, surface: str, gaz: Gazetteer, nlp: Any) -> list[int | None]:
    found = [m for m in _mentions(text, gaz, nlp) if m.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return [m.place.geonameid if m.place is not None else None for m in found]


def test_a_dateline_with_a_state_abbreviation_is_the_town_in_that_state(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("WARSAW, Ind. (AP) — The orthopedic-device makers of this northern city are now "
            "shipping artificial knees to hospitals in Poland.")
    assert _ids(text, "WARSAW", gaz, nlp) == [WARSAW_IN]
    assert _ids(text, "Ind.", gaz, nlp) == [INDIANA]
    dateline = [m for m in _mentions(text, gaz, nlp) if m.surface == "Ind."]
    assert dateline[0].dateline  # part of the dateline: never an event's place


def test_the_datelines_state_does_not_pull_the_storys_places_into_it(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("VIENNA, Va. (AP) — Delegates from Kyiv and Moscow have not met face-to-face in "
            "Vienna, and Washington has sent only observers.")
    assert _ids(text, "VIENNA", gaz, nlp) == [VIENNA_VA]
    assert _ids(text, "Washington", gaz, nlp) == [WASHINGTON_DC]


def test_a_different_x_is_not_the_x_just_named(gaz: Gazetteer, nlp: Any) -> None:
    text = ("The orthopedic-device makers of Warsaw, Indiana, are now shipping artificial "
            "knees to a very different Warsaw.")
    assert _ids(text, "Warsaw", gaz, nlp) == [WARSAW_IN, WARSAW_PL]
