"""Round 16a of the Russian and Ukrainian place rules (issue 16): a city's district named
a paragraph after the city, and "X-на-Y" names in a case form. Every sentence here was
written for these tests."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of

from wirewatch.places.gazetteer import Gazetteer

KHARKIV, ROSTOV, SLAVYANSK_NA_KUBANI = 706483, 501175, 492094


def test_a_district_a_paragraph_after_its_city_with_no_place_between(
        gaz: Gazetteer, nlp: Any) -> None:
    # "Слободской" leads first to Sloboda, a village
    text = ("Ночью Харьков снова атаковали дроны.\n\nМэр написал, что в Слободском районе "
            "повреждены два дома и школа.")
    assert ids_of(text, "Слободском районе", gaz, nlp) == [KHARKIV]


def test_two_districts_a_paragraph_after_their_city(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Ночью Харьков снова атаковали дроны.\n\nМэр написал, что в Слободском и "
            "Основянском районах повреждены дома.")
    assert ids_of(text, "Слободском", gaz, nlp) == [KHARKIV]


def test_a_district_after_another_place_stays_its_own(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Ночью Харьков снова атаковали дроны.\n\nВ Белгородской области в Шебекинском "
            "районе повреждены два дома.")
    assert KHARKIV not in ids_of(text, "Шебекинском районе", gaz, nlp)


def test_an_inflected_name_joined_by_na_is_one_name(gaz: Gazetteer, nlp: Any) -> None:
    text = "В Славянске-на-Кубани после налёта дронов загорелась установка завода."
    assert ids_of(text, "Славянске-на-Кубани", gaz, nlp) == [SLAVYANSK_NA_KUBANI]
    text = "Под Ростовом-на-Дону ночью работала ПВО."
    assert ids_of(text, "Ростовом-на-Дону", gaz, nlp) == [ROSTOV]
