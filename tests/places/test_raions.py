"""Raions of Ukraine, Russia and Belarus are admin-2 places found by their seat's name with a
designator (decision 100, round 10 of issue 11; the sentences are written for these tests)."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of, mentions_in

from wirewatch.places.gazetteer import Gazetteer

KUPIANSK_RAION, KUPIANSK = 9194084, 703656
POLOHY_RAION, SAMAR_RAION = 696670, 699442
SHEBEKINO_RAION, BELGOROD_RAION, GLUSHKOVO_RAION = 495111, 578070, 560992
PAVLOHRAD_RAION, KAMIANSKE_RAION = 697888, 12189532
SYNELNYKOVE_RAION, GRAYVORON_RAION = 693793, 824990
SEVSK_RAION, KLIMOVO_RAION = 496244, 547551
LAUREL_COUNTY = 4297480


def test_an_english_district_is_the_raion_not_its_seat(gaz: Gazetteer, nlp: Any) -> None:
    text = ("In the Kupiansk district, Velykyi Burluk came under artillery fire. In the Pologi "
            "district, the town of Tokmak was hit. In the Samar district, a strike left part of "
            "the town without water.")
    assert ids_of(text, "Kupiansk district", gaz, nlp) == [KUPIANSK_RAION]
    assert ids_of(text, "Pologi district", gaz, nlp) == [POLOHY_RAION]
    assert ids_of(text, "Samar district", gaz, nlp) == [SAMAR_RAION]


def test_a_russian_rayon_by_its_adjective_in_english(gaz: Gazetteer, nlp: Any) -> None:
    text = ("In the Shebekinsky district, three villages came under fire. About 300 residents "
            "of the Belgorodsky district were moved to Valuyki. Drones were downed over the "
            "Glushkovsky district.")
    assert ids_of(text, "Shebekinsky district", gaz, nlp) == [SHEBEKINO_RAION]
    assert ids_of(text, "Belgorodsky district", gaz, nlp) == [BELGOROD_RAION]
    assert ids_of(text, "Glushkovsky district", gaz, nlp) == [GLUSHKOVO_RAION]


def test_a_raion_carries_its_seat_town(gaz: Gazetteer, nlp: Any) -> None:
    (m,) = [m for m in mentions_in("Shelling was reported in the Kupiansk district.", gaz, nlp)
            if m.surface == "Kupiansk district"]
    assert m.place is not None and m.place.kind == "admin2"
    assert m.place.seat is not None and m.place.seat.geonameid == KUPIANSK
    assert "seat" not in m.to_dict()  # the contract's place object is unchanged


def test_a_coordinated_district_list_gives_the_raions(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Air defence destroyed 18 drones over the Pavlohrad and Kamianske districts, and "
            "debris fell in Ternivka.")
    found = {m.place.geonameid for m in mentions_in(text, gaz, nlp) if m.place is not None}
    assert {PAVLOHRAD_RAION, KAMIANSKE_RAION} <= found


def test_the_bare_town_name_stays_the_town(gaz: Gazetteer, nlp: Any) -> None:
    text = "In the Kupiansk district, shelling continued. Kupiansk itself lost power."
    assert ids_of(text, "Kupiansk", gaz, nlp) == [KUPIANSK]
    assert ids_of(text, "Kupiansk district", gaz, nlp) == [KUPIANSK_RAION]


def test_a_ukrainian_raion_in_the_locative_and_genitive(gaz: Gazetteer, nlp: Any) -> None:
    text = ("У Куп’янському районі евакуація триває: з Куп'янська вивезли ще 30 людей. "
            "Удару зазнали громади Синельниківського району.")
    assert ids_of(text, "Куп’янському районі", gaz, nlp) == [KUPIANSK_RAION]
    assert ids_of(text, "Куп'янська", gaz, nlp) == [KUPIANSK]
    assert ids_of(text, "Синельниківського району", gaz, nlp) == [SYNELNYKOVE_RAION]


def test_a_russian_raion_and_a_listed_pair(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Беспилотник атаковал село в Грайворонском районе Белгородской области. "
            "В Брянской области, в Севском и Климовском районах, сбиты дроны.")
    assert ids_of(text, "Грайворонском районе", gaz, nlp) == [GRAYVORON_RAION]
    assert ids_of(text, "Севском", gaz, nlp) == [SEVSK_RAION]
    assert ids_of(text, "Климовском районах", gaz, nlp) == [KLIMOVO_RAION]


def test_a_community_and_an_urban_okrug_stay_their_centre(gaz: Gazetteer, nlp: Any) -> None:
    text = "В Шебекинском городском округе повреждены дома."
    (m,) = mentions_in(text, gaz, nlp)
    assert m.place is not None and (m.place.kind, m.place.seat) == ("city", None)


def test_a_us_county_is_still_admin2(gaz: Gazetteer, nlp: Any) -> None:
    text = "A tornado damaged homes in Laurel County, Kentucky, on Sunday."
    (m,) = [m for m in mentions_in(text, gaz, nlp) if m.surface == "Laurel County"]
    assert m.place is not None and (m.place.geonameid, m.place.kind) == (LAUREL_COUNTY, "admin2")
    assert m.place.seat is None
