"""Round 9 of issue 11 (places on real reporting): US states read as towns, regions named as
another town's container, and villages listed among their neighbours (decisions 90-92)."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of, mentions_in

from wirewatch.places.gazetteer import Gazetteer

OKLAHOMA, OKLAHOMA_CITY, CALIFORNIA = 4544379, 4544349, 5332921
HULIAIPOLE, HULIAIPOLE_DNIPRO = 707898, 707897
KAMIANSKE_ZAP, KAMIANSKE_CITY = 706967, 709932


_mentions = mentions_in


_ids = ids_of


def test_oklahoma_is_the_state_and_oklahoma_city_the_city(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Some of the families later moved on to Oklahoma. A church in Oklahoma City "
            "found them flats.")
    assert _ids(text, "Oklahoma", gaz, nlp) == [OKLAHOMA]
    assert _ids(text, "Oklahoma City", gaz, nlp) == [OKLAHOMA_CITY]


def test_a_state_among_the_countrys_towns_is_not_a_far_town_of_its_name(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Resettlement agencies in Houston say more than 900 Ukrainians have arrived "
            "since last year. Some went on to Dallas.\n\nA few families settled in Anchorage. "
            "Others have moved on to California.")
    assert _ids(text, "California", gaz, nlp) == [CALIFORNIA]


def test_a_region_named_as_another_towns_container_does_not_claim_the_paragraph(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Near Novopavlovka in the Dnepropetrovsk region, the enemy lost up to 200 "
            "servicemen, the ministry said. In the area of Gulyaypole, units took up more "
            "advantageous lines.\n\nIn the Zaporozhye region, two drones were shot down.")
    assert _ids(text, "Gulyaypole", gaz, nlp) == [HULIAIPOLE]


def test_a_region_named_sentences_away_counts_as_named_in_the_article(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Glide bombs hit Huliaipole, Orikhiv and Polohy on Saturday, the governor said. "
            "Power lines were cut overnight. Repairs will take a week. In neighbouring "
            "Dnipropetrovsk region, a drone hit a grain elevator.")
    assert _ids(text, "Huliaipole", gaz, nlp) == [HULIAIPOLE]


def test_a_village_listed_among_its_neighbours_is_theirs(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Over the past day Russian forces carried out 500 strikes on settlements of the "
            "Zaporizhzhia region.\n\nGuided bombs hit Huliaipole and Ternuvate. Drones attacked "
            "Orikhiv, Mala Tokmachka, Kamianske and Stepnohirsk.\n\nIn Zaporizhzhia itself, a "
            "drone damaged several cars.")
    assert _ids(text, "Kamianske", gaz, nlp) == [KAMIANSKE_ZAP]


POKROVSKE_MEZHOVA = 696720


def test_neighbours_of_its_own_sentence_outweigh_those_of_the_sentence_before(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Shelling hit Nikopol, Marhanets and Pokrov in the Dnipropetrovsk region on "
            "Tuesday. Russian units pushed toward Mezhova and Velykomykhailivka, and drones "
            "struck a farm in nearby Pokrovske.")
    assert _ids(text, "Pokrovske", gaz, nlp) == [POKROVSKE_MEZHOVA]


MARHANETS = 701855


def test_a_known_town_of_the_theatre_opening_a_sentence_is_a_place(
        gaz: Gazetteer, nlp: Any) -> None:
    text = "Shelling hit Nikopol overnight. Marhanets came under attack in the afternoon."
    assert _ids(text, "Marhanets", gaz, nlp) == [MARHANETS]
