"""Round 9 of the Russian and Ukrainian lemma rules. Every sentence here was written for
these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 3, 14)  # a Friday
KHARKIV_OBL, ZAPORIZHZHIA_OBL, SUMY_OBL = 706482, 687699, 692196


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


_of = of_type


_place = place_id


@pytest.mark.parametrize(("lang", "text", "region"), [
    ("uk", "Начальник Харківської ОВА повідомив про обстріли. За тиждень із прикордонних "
           "громад вивезли 212 людей.", KHARKIV_OBL),
    ("ru", "Глава Запорожской областной военной администрации сообщил об ударах. За сутки из "
           "прифронтовых громад эвакуированы 64 человека.", ZAPORIZHZHIA_OBL),
    ("uk", "Сумщину обстріляли 40 разів. З прифронтових громад евакуйовано 31 особу.", SUMY_OBL),
])
def test_communities_in_the_plural_with_no_name_are_the_region_named_before(
        resources: Any, lang: str, text: str, region: int) -> None:
    (evac,) = _of(_events(resources, text, lang), "civilians.evacuated")
    assert _place(evac) == region


@pytest.mark.parametrize(("lang", "text", "claimants"), [
    ("uk", "Російські війська захопили Торське, повідомили аналітики DeepState. Також, за "
           "даними проєкту, ворог просунувся біля Лимана. Аналітики зазначають, що бої "
           "тривають.", ["DeepState"]),
    ("uk", "За підрахунками DeepState, окупанти захопили Торське.", ["DeepState"]),
    ("ru", "По подсчётам ISW, российские войска заняли Торское.",
     ["Institute for the Study of War"]),
    ("ru", "По оценке DeepState, российские войска заняли Торское.", ["DeepState"]),
])
def test_analysts_named_in_latin_or_by_their_estimate_are_the_claimants(
        resources: Any, lang: str, text: str, claimants: list[str]) -> None:
    got = _of(_events(resources, text, lang), "territory.captured")
    assert got and sorted({e["claimant"] for e in got}) == claimants
    assert all(e["modality"] == "reported" for e in got)


UKRAINE, DONETSK_OBL, LUHANSK_OBL = 690791, 709716, 702657


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("uk", "За місяць росіяни окупували 215 квадратних кілометрів української території.",
     UKRAINE),
    ("ru", "С начала года Россия заняла около 900 квадратных километров украинской "
           "территории.", UKRAINE),
])
def test_area_taken_of_a_countrys_territory_is_a_capture_in_that_country(
        resources: Any, lang: str, text: str, place: int) -> None:
    got = _of(_events(resources, text, lang), "territory.captured")
    assert [_place(e) for e in got] == [place]


@pytest.mark.parametrize(("lang", "text", "region"), [
    ("uk", "Сили оборони звільнили три населені пункти і понад 40 квадратних кілометрів "
           "території Луганської області.", LUHANSK_OBL),
    ("ru", "Войска освободили пять населённых пунктов и более 70 квадратных километров "
           "территории Донецкой области.", DONETSK_OBL),
])
def test_settlements_counted_with_an_area_take_the_region_named_after_the_area(
        resources: Any, lang: str, text: str, region: int) -> None:
    got = _of(_events(resources, text, lang), "territory.captured")
    assert [_place(e) for e in got] == [region]


UA_GS = "General Staff of the Armed Forces of Ukraine"


def test_a_short_name_after_the_full_one_names_the_same_body(resources: Any) -> None:
    text = ("Генштаб ВСУ сообщил об обстрелах Харьковской области. Минобороны РФ заявило о "
            "взятии Лимана. По данным Генштаба, за сутки под Купянском противник потерял 80 "
            "военнослужащих.")
    (loss,) = _of(_events(resources, text, "ru"), "casualties")
    assert loss["claimant"] == UA_GS


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Минобороны РФ заявило о взятии Лимана. В Генштабе ВСУ назвали это ложью. «Лиман "
           "остаётся под контролем Сил обороны Украины», — говорится в сообщении."),
    ("uk", "Міноборони РФ заявило про взяття Лимана. У Генштабі ЗСУ назвали це брехнею. "
           "«Лиман залишається під контролем Сил оборони України», — йдеться в повідомленні."),
])
def test_a_denial_by_naming_it_a_lie_and_its_quoted_statement_are_the_deniers(
        resources: Any, lang: str, text: str) -> None:
    held = [e for e in _of(_events(resources, text, lang), "territory.captured")
            if e["modality"] == "denied"]
    assert held and all(e["claimant"] == UA_GS for e in held)


ANDRIIVKA_KHARKIV, IZIUM = 713428, 707292


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Окупанти скинули авіабомбу на село Андріївка Ізюмського району, поранено трьох "
           "людей."),
    ("ru", "Оккупанты сбросили авиабомбу на село Андреевка Изюмского района, ранены три "
           "человека."),
])
def test_a_district_named_after_a_village_holds_it_and_is_no_place_of_its_own(
        resources: Any, lang: str, text: str) -> None:
    got = _events(resources, text, lang)
    assert got and all(_place(e) != IZIUM for e in got)
    assert {_place(e) for e in _of(got, "casualties")} == {_place(_of(got, "strike")[0])}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Генштаб ЗСУ повідомив про 120 бойових зіткнень. За попередніми даними, ворог "
           "втратив 70 військових."),
    ("ru", "Генштаб ВСУ сообщил о 120 боестолкновениях. По предварительным данным, противник "
           "потерял 70 военнослужащих."),
])
def test_preliminary_data_of_the_speaker_are_claimed_not_hedged(
        resources: Any, lang: str, text: str) -> None:
    (c,) = _of(_events(resources, text, lang), "casualties")
    assert c["modality"] == "claimed"
    assert c["claimant"] == UA_GS


YEVPATORIIA = 688105


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У ГУР заявили, що поблизу Євпаторії в окупованому Криму знищено радар."),
    ("ru", "В ГУР заявили, что под Евпаторией в оккупированном Крыму уничтожен радар."),
])
def test_a_region_written_after_the_town_it_holds_leaves_the_town_the_place(
        resources: Any, lang: str, text: str) -> None:
    (lost,) = _of(_events(resources, text, lang), "equipment.lost")
    assert _place(lost) == YEVPATORIIA
