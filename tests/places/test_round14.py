"""Round 14 of the places work: a spelling-only match that nothing in the article places is a
village the gazetteer lacks (decision 230); English city districts named by their adjective
after the city (decision 231)."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of

from wirewatch.places.gazetteer import Gazetteer

KYIV, KHARKIV, POKROVSK_RAION_SEAT, POKROVSK_RAION = 703448, 706483, 704422, 704417


def test_a_one_letter_garble_of_a_far_village_stays_unresolved(gaz: Gazetteer, nlp: Any) -> None:
    # "Zarichchia" (Ivano-Frankivsk Oblast) is one letter off a village name written here;
    # the story is 900 km away, north of Kharkiv
    text = ("Russian troops said they had entered Lukiantsi and Starytsia, two villages north "
            "of Kharkiv, after a week of assaults.")
    assert ids_of(text, "Starytsia", gaz, nlp) == [None]


def test_a_garble_of_a_known_town_far_from_the_story_stays_unresolved(
        gaz: Gazetteer, nlp: Any) -> None:
    # Berdychiv (Zhytomyr Oblast, 80,000 people) is one letter off; the story is near Avdiivka
    text = ("West of Avdiivka, Ukrainian units pulled back from Berdychi and Orlivka to new "
            "positions, the army said.")
    assert ids_of(text, "Berdychi", gaz, nlp) == [None]


def test_a_garble_near_the_story_still_resolves(gaz: Gazetteer, nlp: Any) -> None:
    text = "Russian forces shelled Kramatorsk and Slovyansk, and a drone hit Pokrvosk at noon."
    assert ids_of(text, "Pokrvosk", gaz, nlp) == [POKROVSK_RAION_SEAT]


def test_city_districts_named_by_adjective_after_the_city_are_the_city(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Russia fired drones at Kyiv overnight. Falling wreckage set cars on fire in the "
            "Obolonskyi and Darnytskyi districts, the city's mayor said.")
    assert ids_of(text, "Obolonskyi", gaz, nlp) == [KYIV]
    text = ("A glide bomb hit Kharkiv in the afternoon. Windows were blown out in the "
            "Saltivskyi district, the regional governor said.")
    assert ids_of(text, "Saltivskyi", gaz, nlp) == [KHARKIV]


def test_a_raion_named_by_adjective_keeps_its_own_place(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Shelling hit Donetsk on Monday. In the Pokrovskyi district, two villages lost "
            "power, the regional administration said.")
    assert ids_of(text, "Pokrovskyi district", gaz, nlp) == [POKROVSK_RAION]
