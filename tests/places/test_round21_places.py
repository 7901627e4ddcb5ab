"""Round 21 of the English place rules (decisions 500-501): a street or a square named
after a town is no town; a place in a compound adjective ("Moscow-installed") holds no
village before it; a front direction is named after the town of its name, not a larger
town a romanisation also fits. Every sentence here was written for these tests.
Guards, passing on the code before this round: ``test_a_town_before_a_region_is_still_held``,
``test_a_kramatorsk_direction_is_kramatorsks``."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of, mentions_in

from wirewatch.places.gazetteer import Gazetteer

SLOVIANSK, KRAMATORSK, VASYLIVKA_ZAPORIZHZHIA = 693468, 704508, 686729


def test_a_street_named_after_a_town_is_no_place(gaz: Gazetteer, nlp: Any) -> None:
    text = "An FPV drone struck a minibus at a bus stop on Korolyov Street in Belgorod."
    surfaces = [m.surface for m in mentions_in(text, gaz, nlp)]
    assert "Korolyov" not in surfaces and "Street" not in surfaces, surfaces
    assert "Belgorod" in surfaces


def test_a_square_named_after_a_town_is_no_place(gaz: Gazetteer, nlp: Any) -> None:
    text = "A glide bomb hit a building on Poltava Avenue in Kharkiv on Monday."
    surfaces = [m.surface for m in mentions_in(text, gaz, nlp)]
    assert "Poltava" not in surfaces and "Kharkiv" in surfaces, surfaces


def test_a_moscow_installed_official_holds_no_village(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Russian forces shelled 14 settlements of the Zaporizhzhia region. Ukrainian "
            "drones struck a fuel depot near Vasylivka, Moscow-installed governor Yevgeny "
            "Balitsky said.")
    assert ids_of(text, "Vasylivka", gaz, nlp) == [VASYLIVKA_ZAPORIZHZHIA]


def test_a_town_before_a_region_is_still_held(gaz: Gazetteer, nlp: Any) -> None:
    text = "Drones struck a fuel depot near Vasylivka, Zaporizhzhia region, on Monday."
    assert ids_of(text, "Vasylivka", gaz, nlp) == [VASYLIVKA_ZAPORIZHZHIA]


def test_the_sloviansk_direction_is_sloviansks(gaz: Gazetteer, nlp: Any) -> None:
    text = "Ukrainian defenders destroyed three tanks in the Sloviansk direction."
    assert ids_of(text, "Sloviansk", gaz, nlp) == [SLOVIANSK]


def test_a_kramatorsk_direction_is_kramatorsks(gaz: Gazetteer, nlp: Any) -> None:
    text = "Ukrainian defenders destroyed three tanks in the Kramatorsk direction."
    assert ids_of(text, "Kramatorsk", gaz, nlp) == [KRAMATORSK]
