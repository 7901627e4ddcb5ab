"""Round 7 of the Russian and Ukrainian lemma rules: the settlements a count of settlements
taken goes on to name, a period nearer the trigger than the sentence's first date, "last
night" in several words, a strike on "the town" named before, a verb of saying with no
speaker, facilities hit, and a cause that is no event. Every sentence here was written for
these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 3, 14)  # a Friday
POKROVSK, MYRNOHRAD, RODYNSKE = 704422, 710035, 695581
KHERSON, HORLIVKA, SHEBEKINO, NOVOROSSIYSK, BELGOROD = 706448, 707753, 495112, 518255, 578072


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


_of = of_type


_place = place_id


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Минобороны России сообщило об освобождении трёх населённых пунктов. Речь идёт о "
           "Покровске, Мирнограде и Родинском."),
    ("uk", "Міноборони РФ заявило про захоплення ще трьох населених пунктів. Йдеться про "
           "Покровськ, Мирноград та Родинське."),
])
def test_the_settlements_named_after_a_count_are_captures_of_their_own(
        resources: Any, lang: str, text: str) -> None:
    got = _of(_events(resources, text, lang), "territory.captured")
    assert {_place(e) for e in got} == {POKROVSK, MYRNOHRAD, RODYNSKE}
    # the three places are the three settlements counted: no tally left beside them
    assert not any(e["aggregate"] for e in got)
    assert all(e["claimant"] == "Ministry of Defence of Russia" for e in got)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Министр заявил во вторник, что с начала 2025 года российские войска освободили "
           "более 200 населённых пунктов."),
    ("uk", "Командувач заявив у вівторок, що з початку 2025 року Сили оборони звільнили "
           "понад 40 населених пунктів."),
])
def test_a_period_nearer_the_trigger_dates_the_event_not_the_day_it_was_said(
        resources: Any, lang: str, text: str) -> None:
    (e,) = _of(_events(resources, text, lang), "territory.captured")
    assert e["date"]["precision"] == "range"
    assert e["date"]["value"] == "2025-01-01/2025-03-14"
    # the day of saying stays when the period is further from the trigger
    text = ("Российские войска освободили более 200 населённых пунктов, заявил в четверг "
            "министр, добавив, что с начала 2025 года продвижение ускорилось.")
    (e,) = _of(_events(resources, text, "ru"), "territory.captured")
    assert e["date"]["value"] == "2025-03-13"


def test_last_night_in_two_words_is_a_relative_date(resources: Any) -> None:
    text = "Минулої ночі росіяни атакували Херсон дронами."
    (e,) = _of(_events(resources, text, "uk"), "strike")
    assert (e["date"]["value"], e["date"]["basis"]) == ("2025-03-14", "relative")


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("uk", "Про ситуацію в Херсоні розповів місцевий чиновник. Увечері окупанти вдарили по "
           "місту з артилерії.", KHERSON),
    ("uk", "Окупанти знову тероризують мешканців Херсона: ворог ударив по місту з мінометів.",
     KHERSON),
    ("ru", "Глава администрации рассказал о положении в Горловке. Вечером ВСУ ударили по "
           "городу из РСЗО.", HORLIVKA),
])
def test_a_strike_on_the_town_is_on_the_town_named_before(
        resources: Any, lang: str, text: str, town: int) -> None:
    assert {_place(e) for e in _of(_events(resources, text, lang), "strike")} == {town}


def test_an_evacuation_in_the_town_is_in_the_town_named_before(resources: Any) -> None:
    text = ("Губернатор Белгородской области Вячеслав Гладков сообщил об обстреле Шебекино. "
            "В городе объявили эвакуацию 200 жителей.")
    (e,) = _of(_events(resources, text, "ru"), "civilians.evacuated")
    assert _place(e) == SHEBEKINO


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("uk", "Голова Сумської ОВА Олег Григоров розповів про обстріл Краснопілля. В області "
           "оголосили евакуацію 40 людей.", "Oleh Hryhorov"),
    ("ru", "Губернатор Белгородской области Вячеслав Гладков сообщил об обстреле Шебекино. "
           "В регионе объявили эвакуацию 200 жителей.", "Vyacheslav Gladkov"),
])
def test_a_verb_of_saying_with_no_speaker_goes_on_with_the_speaker_before(
        resources: Any, lang: str, text: str, speaker: str) -> None:
    (e,) = _of(_events(resources, text, lang), "civilians.evacuated")
    assert (e["claimant"] or "").startswith(speaker)
    assert e["modality"] == "planned"
    # people who say it are no impersonal verb: the speaker before does not go on
    text = ("Голова Сумської ОВА Олег Григоров розповів про обстріл Краснопілля. Місцеві "
            "жителі повідомили, що ворог обстріляв Білопілля.")
    got = [e for e in _of(_events(resources, text, "uk"), "strike")
           if (e["place"] or {}).get("name") != "Krasnopillya"]
    assert got and all(e["claimant"] is None for e in got)


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("ru", "Украинские беспилотники поразили нефтебазу в Новороссийске.", NOVOROSSIYSK),
    ("uk", "Дрони уразили нафтобазу в Бєлгороді, повідомив губернатор.", BELGOROD),
    ("uk", "Сили оборони знищили склад боєприпасів у Бєлгороді.", BELGOROD),
])
def test_a_facility_hit_is_a_strike_not_equipment_lost(
        resources: Any, lang: str, text: str, place: int) -> None:
    got = _events(resources, text, lang)
    assert {_place(e) for e in _of(got, "strike")} == {place}
    assert not _of(got, "equipment.lost")
    # equipment named before the facility is still lost
    text = "Сили оборони знищили два танки біля складу в Бєлгороді."
    got = _events(resources, text, "uk")
    assert [e["equipment"] for e in _of(got, "equipment.lost")] == ["tank"]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У зв'язку з посиленням обстрілів у Сумській області оголосили евакуацію дітей."),
    ("ru", "В связи с усилением обстрелов в Белгородской области объявили эвакуацию детей."),
])
def test_shelling_given_as_a_cause_is_no_strike(resources: Any, lang: str, text: str) -> None:
    got = _events(resources, text, lang)
    assert not _of(got, "strike")
    assert _of(got, "civilians.evacuated")


@pytest.mark.parametrize(("lang", "text", "month"), [
    ("ru", "В феврале российские паспорта получили более 6 тысяч жителей Мелитополя.",
     "2025-02"),
    ("uk", "У грудні 2023 року окупанти вивезли з Мелітополя понад 300 експонатів.",
     "2023-12"),
    ("ru", "Командование планирует в апреле начать наступление на Запорожье.", "2025-04"),
])
def test_a_month_named_alone_dates_the_event_to_that_month(
        resources: Any, lang: str, text: str, month: str) -> None:
    (e,) = _events(resources, text, lang)
    assert (e["date"]["value"], e["date"]["precision"]) == (month, "month")


@pytest.mark.parametrize(("text", "etype", "count"), [
    ("Ворог утратив біля Покровська два танки.", "equipment.lost", 2),
    # one howitzer counts one (decision 111)
    ("Сили оборони вразили біля Покровська ворожу гаубицю.", "equipment.lost", 1),
])
def test_a_ukrainian_word_is_read_with_either_initial_u_or_v(
        resources: Any, text: str, etype: str, count: int | None) -> None:
    (e,) = _of(_events(resources, text, "uk"), etype)
    assert _place(e) == POKROVSK
    assert (e["count"] or {}).get("value") == count


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("uk", "Біля Покровська в полон узято ще 20 російських військових.", 20),
    ("uk", "За тиждень у полон потрапили 43 російські військовослужбовці біля Покровська.", 43),
    ("ru", "Под Покровском в плен взяты 12 военнослужащих ВСУ.", 12),
])
def test_taken_prisoner_with_the_words_reversed_is_a_casualty(
        resources: Any, lang: str, text: str, count: int) -> None:
    got = _events(resources, text, lang)
    (e,) = _of(got, "casualties")
    assert (_place(e), e["count"]["value"], e["subtype"]) == (POKROVSK, count, "captured")
    assert not _of(got, "territory.captured")


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("uk", "Ворог розпочав наступ у бік Покровська. Відбито вже чотири штурми, противник "
           "утратив три танки.", POKROVSK),
    ("ru", "Российские войска начали наступление в направлении Мирнограда. Отражены пять "
           "атак, противник потерял два танка.", MYRNOHRAD),
])
def test_losses_in_the_fighting_just_told_of_are_at_its_place(
        resources: Any, lang: str, text: str, town: int) -> None:
    (e,) = _of(_events(resources, text, lang), "equipment.lost")
    assert (_place(e), e["count"]["value"]) == (town, 3 if lang == "uk" else 2)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Генштаб ВСУ обнародовал данные о потерях противника за сутки. Общие потери "
           "составили:\nтанков — 10 900 (+4);\nартиллерийских систем — 31 200 (+25)."),
    ("uk", "Генштаб ЗСУ оприлюднив дані про втрати ворога за добу. Загальні втрати "
           "становлять:\nтанків — 10 900 (+4);\nартилерійських систем — 31 200 (+25)."),
])
def test_a_body_that_makes_figures_public_is_their_claimant(
        resources: Any, lang: str, text: str) -> None:
    got = _of(_events(resources, text, lang), "equipment.lost")
    assert got and all(e["claimant"] == "General Staff of the Armed Forces of Ukraine"
                       for e in got), got
