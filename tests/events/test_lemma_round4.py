"""Round 4 of the Russian and Ukrainian lemma rules: front directions in lower case, ages
and single persons in casualty counts, periods of dates ("с 3 по 9 ноября", "з 11
листопада"), thousands written as a word."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in

PUB = date(2024, 11, 29)
KHERSON, POKROVSK, KUPIANSK, IZIUM = 706448, 704422, 703656, 707292


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("ru", "За сутки на херсонском направлении противник потерял до 40 военнослужащих, "
           "сообщили в Минобороны.", KHERSON),
    ("uk", "На покровському напрямку ворог за добу втратив 230 військовослужбовців, "
           "повідомили в Генштабі ЗСУ.", POKROVSK),
])
def test_a_front_direction_in_lower_case_is_its_town(
        resources: Any, lang: str, text: str, town: int) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == "casualties"]
    assert e["place"]["geonameid"] == town


@pytest.mark.parametrize(("lang", "text", "counts"), [
    ("uk", "У Куп'янську внаслідок обстрілу загинула 58-річна жінка.", [1]),
    ("uk", "У Куп'янську загинув чоловік, ще двоє людей дістали поранення.", [1, 2]),
    ("ru", "В Купянске погиб 71-летний мужчина, сообщили местные власти.", [1]),
    ("ru", "После обстрела Купянска водитель погиб на месте.", [1]),
])
def test_an_age_is_no_count_and_one_person_is_one(
        resources: Any, lang: str, text: str, counts: list[int]) -> None:
    got = sorted(e["count"]["value"] for e in _events(resources, text, lang)
                 if e["type"] == "casualties")
    assert got == counts


def test_plural_victims_without_a_figure_have_no_count(resources: Any) -> None:
    text = "В Купянске погибли мирные жители, сообщили местные власти."
    for e in _events(resources, text, "ru"):
        if e["type"] == "casualties":
            assert e["count"] is None


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ru", "С 3 по 9 ноября из Купянска эвакуировали 450 жителей.", "2024-11-03/2024-11-09"),
    ("ru", "С 2 ноября из Купянска вывезли 120 мирных жителей.", "2024-11-02/2024-11-29"),
    ("uk", "З 11 листопада з Ізюма евакуювали 95 людей.", "2024-11-11/2024-11-29"),
    ("uk", "З початку року з Ізюма евакуювали понад дві тисячі людей.",
     "2024-01-01/2024-11-29"),
])
def test_a_period_is_a_range_and_its_figure_a_tally(
        resources: Any, lang: str, text: str, value: str) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == "civilians.evacuated"]
    assert e["date"]["value"] == value and e["date"]["precision"] == "range"
    assert e["aggregate"] is True


def test_a_period_is_not_the_date_of_the_next_sentence(resources: Any) -> None:
    text = ("З 11 листопада з Ізюма евакуювали 95 людей. Росіяни також обстріляли Ізюм, "
            "повідомив Олег Синєгубов.")
    (s,) = [e for e in _events(resources, text, "uk") if e["type"] == "strike"]
    assert s["date"]["value"] == "2024-11-29"


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ru", "Из Купянского района эвакуированы более 12 тысяч человек.", 12000),
    ("uk", "З Ізюма евакуювали 3 тисячі людей.", 3000),
])
def test_thousands_written_as_a_word(resources: Any, lang: str, text: str, value: int) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == "civilians.evacuated"]
    assert e["count"]["value"] == value


KHERSON_OBLAST, LUHANSK_OBLAST, SKADOVSK = 706442, 702657, 693709


def test_passports_the_home_of_the_people_is_the_place_the_town_the_venue(
        resources: Any) -> None:
    text = ("Власти Херсонской области отчитались о паспортизации. В Скадовске 85 жителей "
            "Херсонской области получили паспорта гражданина России. С начала года "
            "российские паспорта в регионе получили более 14 тысяч человек.")
    got = [(e["place"]["geonameid"], (e["venue"] or {}).get("geonameid"), e["count"]["value"])
           for e in _events(resources, text, "ru") if e["type"] == "passport.issued"]
    assert got == [(KHERSON_OBLAST, SKADOVSK, 85), (KHERSON_OBLAST, None, 14000)]


def test_passports_to_residents_of_a_republic_and_the_country_of_the_passport(
        resources: Any) -> None:
    text = ("С 2020 года жителям Луганской Народной Республики выдано более 500 тысяч "
            "российских паспортов, сообщили в МВД. Только в октябре паспорта получили около "
            "7 тысяч жителей республики.")
    got = [(e["place"]["geonameid"], e["count"]["value"]) for e in _events(resources, text, "ru")
           if e["type"] == "passport.issued"]
    assert got == [(LUHANSK_OBLAST, 500000), (LUHANSK_OBLAST, 7000)]
    text = "У Скадовську окупанти вручили паспорти РФ ще 35 мешканцям Херсонщини."
    (e,) = _events(resources, text, "uk")
    assert e["place"]["geonameid"] == KHERSON_OBLAST and e["venue"]["geonameid"] == SKADOVSK


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Украинские подразделения отошли из Курахово, чтобы избежать окружения, сообщили "
           "в группировке «Таврия»."),
    ("uk", "Українські військові відійшли з Курахового, щоб уникнути оточення, повідомили в "
           "угрупованні «Таврія»."),
])
def test_a_withdrawal_to_avoid_encirclement_is_no_encirclement(
        resources: Any, lang: str, text: str) -> None:
    types = {e["type"] for e in _events(resources, text, lang)}
    assert "territory.encircled" not in types
