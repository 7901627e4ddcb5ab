"""Round 11 of the Russian and Ukrainian lexicons and rules (issue 16). Every sentence here
was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

KHARKIV, SUMY, SHEBEKINO, GRAYVORON = 706483, 692194, 495112, 559034
KUPIANSK, SARATOV, ZAPORIZHZHIA = 703656, 498677, 687700
ORYOL_OBLAST, KURSK_OBLAST, BRYANSK_OBLAST = 514801, 538555, 571473
MELITOPOL, ENERHODAR, LUTSK = 701404, 709276, 702569


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


def _at(events: list[dict[str, Any]]) -> list[int | None]:
    return sorted((place_id(e) for e in events), key=lambda p: p or 0)


def test_a_tally_whose_verb_has_no_figure_after_it_goes_on_in_the_next_paragraph(
        resources: Any) -> None:
    text = ("Бойові втрати ворога з 24.02.22 по 15.10.25 приблизно склали, інформує Генштаб "
            "ЗСУ.\n\nОсобового складу — близько 1 120 000 (+950) осіб, танків — 11 200 (+4) "
            "од., літаків — 430 од.\n\nДані уточнюються.")
    got = _events(resources, text, "uk")
    lost = sorted((e["equipment"], e["count"]["value"], e["date"]["value"])
                  for e in of_type(got, "equipment.lost"))
    period = "2022-02-24/2025-10-15"
    assert lost == [("aircraft", 430, period), ("tank", 4, "2025-10-15"),
                    ("tank", 11200, period)]
    assert sorted(e["count"]["value"] for e in of_type(got, "casualties")) == [950, 1120000]
    assert {e["claimant"] for e in got} == {"General Staff of the Armed Forces of Ukraine"}


def test_a_figure_a_dash_and_a_place_go_on_with_the_counted_item_before_them(
        resources: Any) -> None:
    text = ("Минобороны России сообщило, что 40 беспилотников уничтожены над Брянской "
            "областью, 12 — над Орловской областью, 9 — над Курской областью.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert sorted((place_id(e), e["count"]["value"], e["equipment"]) for e in lost) == [
        (ORYOL_OBLAST, 12, "drone"), (KURSK_OBLAST, 9, "drone"), (BRYANSK_OBLAST, 40, "drone")]


def test_passports_counted_after_a_dash_for_a_second_town(resources: Any) -> None:
    text = ("С начала года российские паспорта получили 900 жителей Мелитополя, ещё около "
            "300 — в Энергодаре, сообщил Евгений Балицкий.")
    got = of_type(_events(resources, text, "ru"), "passport.issued")
    assert sorted((place_id(e), e["count"]["value"]) for e in got) == [
        (MELITOPOL, 900), (ENERHODAR, 300)]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "Минобороны России в среду сообщило о взятии Купянска.", KUPIANSK),
    ("uk", "Міноборони Росії у середу заявило про взяття Куп'янська.", KUPIANSK),
])
def test_the_noun_of_taking_a_town_is_a_capture_claim(resources: Any, lang: str, text: str,
                                                       where: int) -> None:
    (cap,) = of_type(_events(resources, text, lang), "territory.captured")
    assert place_id(cap) == where
    assert cap["claimant"] == "Ministry of Defence of Russia"


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "Украинские подразделения вышли из Купянска, сообщил DeepState.", KUPIANSK),
    ("uk", "Підрозділи ЗСУ вийшли з Куп'янська, повідомили в угрупованні.", KUPIANSK),
])
def test_units_that_left_a_town_withdrew_from_it(resources: Any, lang: str, text: str,
                                                 where: int) -> None:
    (out,) = of_type(_events(resources, text, lang), "territory.withdrawn")
    assert place_id(out) == where


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "Ночью атаке подверглись Шебекино и Грайворон, сообщил Вячеслав Гладков.",
     [SHEBEKINO, GRAYVORON]),
    ("ru", "Основная атака пришлась на Сумы, сообщили в ОВА.", [SUMY]),
    ("uk", "Увечері під атакою був також Луцьк.", [LUTSK]),
])
def test_towns_that_came_under_attack_were_struck(resources: Any, lang: str, text: str,
                                                  where: list[int]) -> None:
    assert _at(of_type(_events(resources, text, lang), "strike")) == sorted(where)


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "В Шебекино в понедельник повреждены школа и три частных дома.", SHEBEKINO),
    ("uk", "У Харкові пошкоджено адмінбудівлю та два автомобілі.", KHARKIV),
])
def test_damage_told_alone_is_a_strike_where_it_was(resources: Any, lang: str, text: str,
                                                    where: int) -> None:
    (hit,) = of_type(_events(resources, text, lang), "strike")
    assert place_id(hit) == where


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("uk", "Уламки дрона пошкодили будинок у Ленінському районі Саратова.", SARATOV),
    ("ru", "Российская авиабомба попала в Шевченковский район Запорожья.", ZAPORIZHZHIA),
])
def test_a_district_followed_by_its_city_is_in_that_city(resources: Any, lang: str,
                                                         text: str, where: int) -> None:
    assert _at(of_type(_events(resources, text, lang), "strike")) == [where]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("uk", "У ніч на 9 жовтня дрони атакували Суми, пошкоджено гуртожиток.", SUMY),
    ("ru", "В ночь на 9 октября беспилотники атаковали Харьков.", KHARKIV),
])
def test_the_day_of_a_night_attack_is_no_count_of_drones(resources: Any, lang: str, text: str,
                                                         where: int) -> None:
    (hit,) = of_type(_events(resources, text, lang), "strike")
    assert place_id(hit) == where and hit["count"] is None


KYIV, DARNYTSIA = 703448, 13580095


def test_a_district_named_after_a_quarter_of_the_capital_is_no_place_of_its_own(
        resources: Any) -> None:
    text = ("Уночі російські дрони атакували Київ, повідомив Віталій Кличко. У Дарницькому "
            "районі уламки впали на територію школи.")
    got = _events(resources, text, "uk")
    assert DARNYTSIA not in _at(got)
    assert KYIV in _at(of_type(got, "strike"))


def test_documents_received_after_passports_were_named_are_passports(resources: Any) -> None:
    text = ("Оккупационные власти заставляют работников станции брать паспорта РФ. В "
            "сентябре в Энергодаре документы получили около 700 человек.")
    got = of_type(_events(resources, text, "ru"), "passport.issued")
    assert [(place_id(e), e["count"]["value"]) for e in got] == [(ENERHODAR, 700)]
    # with no passport named, documents are no passports
    other = "Слідчі Харкова отримали документи про 300 зруйнованих будинків."
    assert of_type(_events(resources, other, "uk"), "passport.issued") == []
