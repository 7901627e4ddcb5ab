"""Round 14a of the Russian and Ukrainian rules: tallies, places of strikes, evacuations and
casualties, and drones brought down over towns (decisions 200-206). Every sentence here was
written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

SHEBEKINO, VALUYKI, KURSK, KYIV, ALEKSIN, BRYANSK_OBLAST, RYLSK = (
    495112, 477192, 538560, 703448, 582750, 571473, 695019)


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


def _counts(events: list[dict[str, Any]], etype: str) -> list[tuple[int, bool]]:
    return sorted((m["count"]["value"], m["aggregate"]) for m in of_type(events, etype))


def test_a_tally_opened_by_a_verb_of_losing_with_bulleted_items(resources: Any) -> None:
    text = ("По данным Генштаба ВСУ, с начала полномасштабного вторжения армия РФ потеряла:\n\n"
            "— личного состава — около 500 100 (+800) человек;\n"
            "— танков — 9 100 (+4);\n"
            "— артиллерийских систем — 20 300 (+25).\n")
    got = _events(resources, text, "ru")
    assert _counts(got, "casualties") == [(800, False), (500100, True)]
    assert _counts(got, "equipment.lost") == [(4, False), (25, False), (9100, True),
                                              (20300, True)]


def test_tally_items_after_a_figure_dash_without_an_increase(resources: Any) -> None:
    text = ("Загальні бойові втрати противника з 24.02.22 по 10.03.24 склали:\n\n"
            "танків \u2012 6 500 (+10) од.\n"
            "літаків \u2012 340 од.\n"
            "гелікоптерів \u2012 320 од.\n")
    got = _events(resources, text, "uk")
    assert (340, True) in _counts(got, "equipment.lost")
    assert (320, True) in _counts(got, "equipment.lost")


def test_thousands_written_as_a_decimal_are_one_figure(resources: Any) -> None:
    got = of_type(_events(resources, "За неделю на Купянском направлении армия потеряла около "
                                     "2,3 тысячи военных убитыми и ранеными.", "ru"),
                  "casualties")
    assert [m["count"]["value"] for m in got] == [2300]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "За сутки Украина потеряла 410 военных."),
    ("uk", "За добу Росія втратила 1 020 військових."),
])
def test_a_country_losing_soldiers_is_not_where_they_fell(
        resources: Any, lang: str, text: str) -> None:
    (lost,) = of_type(_events(resources, text, lang), "casualties")
    assert lost["place"] is None


def test_the_hospital_the_wounded_are_taken_to_is_not_the_place(resources: Any) -> None:
    got = _events(resources, "В Шебекино дрон атаковал грузовик. Водитель получил ранения, "
                             "его доставили в Белгород.", "ru")
    assert [place_id(m) for m in of_type(got, "casualties")] == [SHEBEKINO]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Валуйках дрон врезался в жилой дом. Жильцов подъезда временно отселили."),
    ("ru", "В Валуйках беспилотник попал в жилой дом. Из подъезда временно отселили 30 "
           "жителей."),
])
def test_people_moved_out_after_a_strike_are_moved_out_of_its_town(
        resources: Any, lang: str, text: str) -> None:
    got = _events(resources, text, lang)
    assert [place_id(m) for m in of_type(got, "strike")] == [VALUYKI]
    assert [place_id(m) for m in of_type(got, "civilians.evacuated")] == [VALUYKI]


def test_a_town_named_alone_heads_its_paragraph(resources: Any) -> None:
    text = ("Оперативный штаб информирует.\n\nРыльск. Днём вражеский дрон атаковал грузовик. "
            "Ранен водитель.\n\nВ Курске всё спокойно.")
    got = _events(resources, text, "ru")
    assert [place_id(m) for m in of_type(got, "strike")] == [RYLSK]
    assert [place_id(m) for m in of_type(got, "casualties")] == [RYLSK]


def test_a_quarter_of_the_city_named_in_the_paragraph_before(resources: Any) -> None:
    text = "Уночі росіяни атакували Київ.\n\nУ Дарницькому районі уламки впали на склад."
    got = _events(resources, text, "uk")
    assert [place_id(m) for m in of_type(got, "strike")] == [KYIV]


def test_a_drone_suppressed_over_a_town_is_a_strike_there(resources: Any) -> None:
    got = _events(resources, "Ещё один дрон был подавлен средствами РЭБ над Алексином.", "ru")
    assert [place_id(m) for m in of_type(got, "equipment.lost")] == [ALEKSIN]
    assert [place_id(m) for m in of_type(got, "strike")] == [ALEKSIN]


def test_drones_shot_down_over_a_region_are_no_strike(resources: Any) -> None:
    got = _events(resources, "Над Брянской областью сбиты 12 беспилотников.", "ru")
    assert [place_id(m) for m in of_type(got, "equipment.lost")] == [BRYANSK_OBLAST]
    assert of_type(got, "strike") == []


KURAKHOVE, MARIUPOL, BERDYANSK, VELYKA_NOVOSILKA, KHERSON_OBLAST = (
    695357, 701822, 712451, 690237, 706442)


def test_a_retreat_toward_a_town_leaves_the_place_fought_over(resources: Any) -> None:
    got = _events(resources, "Штурмовые группы освободили Курахово. Противник откатывается "
                             "к Покровску.", "ru")
    assert [place_id(m) for m in of_type(got, "territory.withdrawn")] == [KURAKHOVE]


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("ru", "В Мариуполе ещё 500 квартир признаны «бесхозяйными».", MARIUPOL),
    ("ru", "В Бердянске оккупанты передали в собственность «города» 200 квартир.", BERDYANSK),
    ("uk", "У Бердянську окупанти відібрали 300 квартир.", BERDYANSK),
])
def test_homes_taken_from_their_owners_are_looting(
        resources: Any, lang: str, text: str, where: int) -> None:
    got = _events(resources, text, lang)
    assert [place_id(m) for m in of_type(got, "property.looted")] == [where]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Под обстрелом в Шебекино ранен учитель."),
    ("uk", "Під час обстрілу Шебекіного поранено вчительку."),
])
def test_a_person_named_by_their_trade_is_a_casualty(
        resources: Any, lang: str, text: str) -> None:
    (hurt,) = of_type(_events(resources, text, lang), "casualties")
    assert hurt["count"]["value"] == 1


def test_citizenship_taken_out_is_a_passport_claim(resources: Any) -> None:
    (issued,) = of_type(_events(resources, "С начала года российское гражданство оформили "
                                           "2 тысячи жителей Херсонской области.", "ru"),
                        "passport.issued")
    assert (place_id(issued), issued["count"]["value"]) == (KHERSON_OBLAST, 2000)


@pytest.mark.parametrize("text", [
    "Минобороны сообщило о взятии Великой Новосёлки.",
    "Минобороны сообщило, что посёлок Великая Новосёлка освобождён.",
])
def test_a_two_word_name_known_only_in_latin(resources: Any, text: str) -> None:
    got = _events(resources, text, "ru")
    assert [place_id(m) for m in of_type(got, "territory.captured")] == [VELYKA_NOVOSILKA]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "На Покровському напрямку наші захисники зупинили 14 штурмів біля Мирнограда. "
           "За попередніми даними, тут окупанти втратили 40 осіб убитими та пораненими."),
    ("ru", "На Покровском направлении наши бойцы остановили 14 штурмов у Мирнограда. По "
           "предварительным данным, здесь противник потерял 40 человек убитыми и ранеными."),
])
def test_here_is_the_place_named_before(resources: Any, lang: str, text: str) -> None:
    (lost,) = of_type(_events(resources, text, lang), "casualties")
    assert place_id(lost) == 710035  # Myrnohrad


def test_the_community_named_before(resources: Any) -> None:
    text = ("За добу з Великописарівської громади вивезли 20 людей. Загалом з громади з "
            "початку року евакуювали понад 900 мешканців.")
    got = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert sorted((place_id(m), m["count"]["value"]) for m in got) == [
        (690230, 20), (690230, 900)]  # Velyka Pysarivka


def test_losses_told_after_a_direction_are_the_directions(resources: Any) -> None:
    text = ("На Новопавлівському напрямку наші захисники зупинили 19 штурмів. Сили оборони "
            "знешкодили 87 окупантів, а також знищили танк.")
    got = _events(resources, text, "uk")
    assert {place_id(m) for m in of_type(got, "casualties")} == {699373}  # Novopavlivka
    assert {place_id(m) for m in of_type(got, "equipment.lost")} == {699373}


def test_residents_of_several_towns_get_one_mention_each(resources: Any) -> None:
    got = of_type(_events(resources, "С начала года паспорта получили более 1,2 тысячи "
                                     "жителей Селидова и Украинска.", "ru"), "passport.issued")
    assert sorted(place_id(m) for m in got) == sorted([694677, 690771])


def test_missiles_intercepted_are_lost(resources: Any) -> None:
    (lost,) = of_type(_events(resources, "Над Одещиною перехоплено вісім ракет.", "uk"),
                      "equipment.lost")
    assert lost["count"]["value"] == 8


def test_homes_appropriated_in_two_towns(resources: Any) -> None:
    got = _events(resources, "Прокуратура розслідує привласнення окупантами житла у Пологах "
                             "і Молочанську.", "uk")
    assert sorted(place_id(m) for m in of_type(got, "property.looted")) == sorted(
        [696677, 700848])  # Polohy, Molochansk


def test_a_total_after_a_direction_is_no_loss_there(resources: Any) -> None:
    text = ("За добу відбулося 150 боїв, найбільше — на Покровському напрямку. Загалом втрати "
            "противника склали 1 020 осіб. Також Сили оборони знищили три танки.")
    got = _events(resources, text, "uk")
    assert {place_id(m) for m in of_type(got, "casualties")} == {None}
    assert {place_id(m) for m in of_type(got, "equipment.lost")} == {None}
