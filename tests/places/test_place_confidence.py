"""A place's confidence means what it says (issue 11): at 0.9 or more it is almost always
right, and a right name of the war's theatre keeps that confidence."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch.places import places_in_text, resolve_place
from wirewatch.places.gazetteer import Gazetteer

ZAPORIZHZHIA_FRONT = (
    "Russian forces shelled Orikhiv and Huliaipole in the Zaporizhzhia region on Monday, "
    "the regional governor said. Troops also tried to advance near Zheleznodorozhnoye, "
    "and fighting around Zheleznodorozhnoye went on into the night.")


def _mentions(text: str, gaz: Gazetteer, nlp: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for m in places_in_text("t", text, nlp(text), gaz):
        out.setdefault(m.surface, []).append(m)
    return out


def test_lone_far_namesake_is_not_confident(gaz: Gazetteer, nlp: Any) -> None:
    # the gazetteer's only Zheleznodorozhnoye is a village in Crimea, 350 km from the
    # front the article reports: drawn there, it must not look certain
    found = _mentions(ZAPORIZHZHIA_FRONT, gaz, nlp)
    for m in found["Zheleznodorozhnoye"]:
        if m.place is not None:
            assert m.place.confidence < 0.5, m.place
            assert "nothing in the article places it" in m.place.explanation


def test_the_front_towns_beside_it_stay_confident(gaz: Gazetteer, nlp: Any) -> None:
    found = _mentions(ZAPORIZHZHIA_FRONT, gaz, nlp)
    for name in ("Orikhiv", "Huliaipole"):
        place = found[name][0].place
        assert place is not None and place.admin1 == "Zaporizhzhia Oblast"
        assert place.confidence >= 0.9


KHERSON = "Drones struck Kherson overnight, officials said."


@pytest.mark.parametrize(("name", "context", "gid"), [
    ("Kupiansk", KHERSON, 703656), ("Kramatorsk", KHERSON, 704508),
    ("Artemovsk", "Fighting continued across the Donetsk region of Ukraine.", 713174)])
def test_right_theatre_names_keep_high_confidence(name: str, context: str, gid: int,
                                                  gaz: Gazetteer, nlp: Any) -> None:
    # Kupiansk and Kramatorsk lie far from Kherson, the other town the article names, but
    # they are towns of the war every reader of the story knows, and the ones the name means
    m = resolve_place(name, context, gaz, nlp)
    assert m.place is not None and m.place.geonameid == gid
    assert m.place.confidence >= 0.9, m.place


def test_village_placed_by_its_region_stays_confident(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Shelling hit Kherson on Tuesday. In the Luhansk region, Russian troops attacked "
            "Bilohorivka, the governor said.")
    place = _mentions(text, gaz, nlp)["Bilohorivka"][0].place
    assert place is not None and place.admin1 == "Luhansk Oblast"
    assert place.confidence >= 0.9


def test_lone_village_abroad_is_not_confident(gaz: Gazetteer, nlp: Any) -> None:
    # the article names no other town; the only gazetteer entry is a hamlet far from the
    # theatre: the name may be anything else called so
    text = "Talks on the Middle East resumed on Thursday, diplomats said."
    for m in places_in_text("t", text, nlp(text), gaz):
        if m.place is not None and m.place.kind == "city":
            assert m.place.confidence < 0.5, m.place
