"""Round 5 of the Russian and Ukrainian lemma rules: running loss tallies with the day's
increase in brackets, a region referred to by a bare noun, the destroyer of "сили ППО
знищили", strikes named by a noun of hitting or by dropping, and streets that are no
places. Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in

PUB = date(2025, 3, 14)
IZIUM, KHARKIV, HORLIVKA, KRAMATORSK = 707292, 706483, 707753, 704508


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "За даними Генштабу ЗСУ, втрати ворога на ранок 14 березня склали: особового "
           "складу — 880 020 (+1 310) осіб, танків — 10 200 (+7), артилерійських систем — "
           "24 480 (+35)."),
    ("ru", "Генштаб ВСУ сообщил, что потери российской армии составили 880 020 (+1 310) "
           "человек, 10 200 (+7) танков и 24 480 (+35) артиллерийских систем."),
])
def test_a_running_tally_gives_the_total_and_the_days_increase(
        resources: Any, lang: str, text: str) -> None:
    got = sorted((e["type"], e["count"]["value"], e["aggregate"])
                 for e in _events(resources, text, lang))
    assert got == sorted([
        ("casualties", 880020, True), ("casualties", 1310, False),
        ("equipment.lost", 10200, True), ("equipment.lost", 7, False),
        ("equipment.lost", 24480, True), ("equipment.lost", 35, False)])


@pytest.mark.parametrize(("lang", "text", "etype"), [
    ("uk", "Харківщина знову під ударом. З прифронтових громад області за добу евакуювали "
           "52 людини.", "civilians.evacuated"),
    ("ru", "Харьковская область снова под ударом. Над территорией области сбиты семь "
           "беспилотников.", "equipment.lost"),
])
def test_a_region_named_by_a_bare_noun_is_the_one_named_before(
        resources: Any, lang: str, text: str, etype: str) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == etype]
    assert e["place"]["name"] == "Kharkiv Oblast"


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Над Харківщиною сили ППО знищили чотири дрони."),
    ("ru", "Над Харьковской областью дежурными средствами ПВО уничтожены четыре дрона."),
])
def test_air_defence_that_destroyed_is_not_lost(resources: Any, lang: str, text: str) -> None:
    kinds = [e.get("equipment") for e in _events(resources, text, lang)
             if e["type"] == "equipment.lost"]
    assert kinds == ["drone"]


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("uk", "Пряме влучання зафіксовано в Ізюмі.", IZIUM),
    ("uk", "Уночі окупанти скинули на Краматорськ дві керовані авіабомби.", KRAMATORSK),
    ("ru", "Утром зафиксировано попадание в жилой дом в Горловке.", HORLIVKA),
    ("ru", "Ночью противник сбросил на Краматорск две авиабомбы.", KRAMATORSK),
])
def test_a_strike_named_by_a_noun_of_hitting_or_dropping(
        resources: Any, lang: str, text: str, town: int) -> None:
    assert [e["place"]["geonameid"] for e in _events(resources, text, lang)
            if e["type"] == "strike"] == [town]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Харькове дрон атаковал автомобиль на улице Гагарина."),
    ("uk", "У Харкові дрон атакував автомобіль на вулиці Гагаріна."),
])
def test_a_street_is_no_place(resources: Any, lang: str, text: str) -> None:
    assert [e["place"]["geonameid"] for e in _events(resources, text, lang)
            if e["type"] == "strike"] == [KHARKIV]


@pytest.mark.parametrize(("lang", "text", "kinds"), [
    ("ru", "По данным министерства, потери противника в полосе ответственности группы "
           "составили до 210 военнослужащих, два танка и три бронетранспортёра БТР.",
     ["casualties", "equipment.lost", "equipment.lost"]),
    ("ru", "Генштаб сообщил, что с начала вторжения уничтожены 9 100 (+12) танков и 19 400 "
           "(+21) боевых бронированных машин.", ["equipment.lost"] * 4),
])
def test_equipment_listed_after_a_loss_noun_is_lost(
        resources: Any, lang: str, text: str, kinds: list[str]) -> None:
    assert sorted(e["type"] for e in _events(resources, text, lang)) == kinds


@pytest.mark.parametrize(("lang", "text", "towns"), [
    ("uk", "Упродовж доби ворог завдав 140 ударів по 12 населених пунктах Харківщини, "
           "зокрема по Ізюму та Харкову.", [IZIUM, KHARKIV]),
    ("ru", "Противник нанёс 90 ударов по 11 населённым пунктам Харьковской области. Под "
           "обстрелом оказались, в частности, Изюм и Харьков.", [IZIUM, KHARKIV]),
])
def test_places_listed_in_particular_are_strikes_of_their_own(
        resources: Any, lang: str, text: str, towns: list[int]) -> None:
    got = [e["place"]["geonameid"] for e in _events(resources, text, lang)
           if e["type"] == "strike" and not e["aggregate"]]
    assert sorted(got) == sorted(towns)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Бои продолжаются в районе Краматорска. Потери ВСУ на этом направлении за сутки "
           "составили до 60 военнослужащих."),
    ("uk", "Бої тривають біля Краматорська. Ворог втратив на цій ділянці 75 військових."),
])
def test_this_direction_points_back_to_the_place_named_before(
        resources: Any, lang: str, text: str) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == "casualties"]
    assert e["place"]["geonameid"] == KRAMATORSK


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Втрати ворога з 24.02.22 по 13.03.25 склали: танків — 10 100 (+4)."),
    ("ru", "Потери противника с 24.02.2022 по 13.03.2025 составили 10 100 (+4) танков."),
])
def test_a_period_in_digits_dates_the_tally(resources: Any, lang: str, text: str) -> None:
    got = sorted((e["count"]["value"], e["date"]["value"])
                 for e in _events(resources, text, lang))
    assert got == [(4, "2025-03-13"), (10100, "2022-02-24/2025-03-13")]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Окупанти вивезли з елеватора в Ізюмі близько двох тисяч тонн пшениці та зерно "
           "кукурудзи."),
    ("ru", "Оккупанты вывезли из музея в Изюме коллекцию картин и старинную мебель."),
])
def test_goods_taken_away_are_looting(resources: Any, lang: str, text: str) -> None:
    got = [(e["type"], e["place"]["geonameid"]) for e in _events(resources, text, lang)]
    assert got == [("property.looted", IZIUM)]
