"""Round 15a of the Russian and Ukrainian lexicons and rules (issue 16): shares of a whole,
townspeople and crews, "на данном участке", what was destroyed or set on fire, an item of
equipment listed once, and the places round 15a's place rules give events. Every sentence
here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

VORONEZH, KHARKIV, KHERSON, KYIV = 472045, 706483, 706448, 703448
BILOPILLIA, KOZACHA_LOPAN, FEODOSIYA, NIKOPOL = 712559, 706587, 709161, 700051
VELYKA_NOVOSILKA, BELGOROD = 690237, 578072
ORYOL_OBLAST, KURSK_OBLAST, BRYANSK_OBLAST = 514801, 538555, 571473


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("ru", "Силы ПВО ночью уничтожили 23 из 30 беспилотников, сообщили в Воздушных силах.", 23),
    ("uk", "Повітряні сили повідомили, що з 16 крилатих ракет збито 12.", 12),
])
def test_the_figure_after_iz_is_the_whole_of_a_share(
        resources: Any, lang: str, text: str, count: int) -> None:
    lost = of_type(_events(resources, text, lang), "equipment.lost")
    assert [e["count"]["value"] for e in lost] == [count]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У Херсоні поранено киянина, який приїхав до родичів."),
    ("ru", "В Измаиле ранен моряк, сообщил Кипер."),
    ("ru", "В Херсоне погиб член экипажа буксира."),
])
def test_a_townsman_a_sailor_and_a_crew_member_count_as_people(
        resources: Any, lang: str, text: str) -> None:
    hurt = of_type(_events(resources, text, lang), "casualties")
    assert [e["count"]["value"] for e in hurt] == [1]


def test_losses_on_this_sector_are_at_the_place_before(resources: Any) -> None:
    text = ("Российские войска сообщили о взятии Великой Новосёлки. Потери противника на "
            "данном участке за сутки составили до 70 военнослужащих.")
    hurt = of_type(_events(resources, text, "ru"), "casualties")
    assert [(place_id(e), e["count"]["value"]) for e in hurt] == [(VELYKA_NOVOSILKA, 70)]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "В Белополье управляемая авиабомба разрушила здание почты.", BILOPILLIA),
    ("uk", "У Козачій Лопані вночі зруйновано магазин, повідомили в громаді.", KOZACHA_LOPAN),
    ("ru", "В Феодосии после атаки загорелся склад на окраине, сообщили власти.", FEODOSIYA),
    ("uk", "У Нікополі вночі загорівся склад пального, повідомила громада.", NIKOPOL),
])
def test_what_was_destroyed_or_set_on_fire_is_a_strike(
        resources: Any, lang: str, text: str, where: int) -> None:
    strikes = of_type(_events(resources, text, lang), "strike")
    assert [place_id(e) for e in strikes] == [where]


def test_a_ruined_building_told_in_passing_is_no_strike(resources: Any) -> None:
    text = "Бійці знайшли в підвалі зруйнованого будинку двох поранених окупантів."
    assert of_type(_events(resources, text, "uk"), "strike") == []


def test_an_item_of_equipment_listed_after_a_tally_and_a_verb_is_one_mention(
        resources: Any) -> None:
    text = ("Общие потери противника за неделю превысили 700 военнослужащих, кроме того, "
            "уничтожены девять танков и 14 боевых бронированных машин.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert sorted((e["equipment"], e["count"]["value"]) for e in lost) == [
        ("armoured vehicle", 14), ("tank", 9)]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "Ночью в Воронеже обломки дрона повредили крышу дома, ранен мужчина.", VORONEZH),
    ("ru", "Дроны атаковали Харьков, в Слободском и Основянском районах ранены трое.", KHARKIV),
    ("ru", "Армия РФ обстреляла Херсон, в Днепровском районе ранена женщина.", KHERSON),
    ("ru", "По данным Киевской городской военной администрации, ранены два человека.", KYIV),
])
def test_casualties_at_the_city_round_15a_places(
        resources: Any, lang: str, text: str, where: int) -> None:
    hurt = of_type(_events(resources, text, lang), "casualties")
    assert [place_id(e) for e in hurt] == [where]


def test_a_share_of_them_over_regions_after_spaced_hyphens(resources: Any) -> None:
    text = ("Минобороны РФ заявило, что за ночь ПВО сбила 60 беспилотников. По данным "
            "ведомства, 25 из них сбиты над Курской областью, 20 - над Брянской, 15 - над "
            "Орловской.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert sorted((place_id(e) or 0, e["count"]["value"], e["equipment"]) for e in lost) == [
        (0, 60, "drone"), (ORYOL_OBLAST, 15, "drone"), (KURSK_OBLAST, 25, "drone"),
        (BRYANSK_OBLAST, 20, "drone")]


def test_a_share_of_the_drones_an_attack_was_made_with(resources: Any) -> None:
    text = ("Уночі ворог атакував область 48 ударними дронами. Збито 40 з них, повідомили "
            "Повітряні сили.")
    lost = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert [(e["count"]["value"], e["equipment"]) for e in lost] == [(40, "drone")]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "Вечером дроны снова атаковали Херсон, есть раненые.", KHERSON),
    ("uk", "Увечері окупанти вдарили по Харкову, є поранені.", KHARKIV),
])
def test_wounded_said_to_exist_are_a_casualty_with_no_figure(
        resources: Any, lang: str, text: str, where: int) -> None:
    hurt = of_type(_events(resources, text, lang), "casualties")
    assert [(place_id(e), e["count"]) for e in hurt] == [(where, None)]


def test_no_wounded_is_no_casualty(resources: Any) -> None:
    text = "Вечером дроны снова атаковали Херсон, раненых нет."
    assert of_type(_events(resources, text, "ru"), "casualties") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У Херсоні поліцейські затримали чоловіка, який виносив речі з пошкодженої "
           "обстрілом крамниці."),
    ("ru", "В Купянске задержали мужчину, который разбирал на металл повреждённые "
           "обстрелами гаражи."),
])
def test_a_shelling_told_as_the_cause_of_a_damage_in_passing_is_no_strike(
        resources: Any, lang: str, text: str) -> None:
    assert of_type(_events(resources, text, lang), "strike") == []


def test_houses_damaged_by_shelling_told_as_news_are_a_strike(resources: Any) -> None:
    text = "Вечером в Белгороде обстрелом повреждены три дома."
    assert [place_id(e) for e in of_type(_events(resources, text, "ru"), "strike")] == [
        BELGOROD]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Біля Покровська троє окупантів вийшли з підвалу з піднятими руками."),
    ("ru", "Под Купянском двое солдат вышли из блиндажа с поднятыми руками."),
])
def test_hands_raised_out_of_a_shelter_is_a_surrender_not_a_withdrawal(
        resources: Any, lang: str, text: str) -> None:
    got = _events(resources, text, lang)
    assert len(of_type(got, "personnel.surrendered")) == 1
    assert of_type(got, "territory.withdrawn") == []


def test_troops_leaving_a_town_still_withdraw(resources: Any) -> None:
    text = "Сили оборони вийшли з міста Вугледар, повідомили в угрупованні."
    assert len(of_type(_events(resources, text, "uk"), "territory.withdrawn")) == 1
