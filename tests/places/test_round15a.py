"""Round 15a of the Russian and Ukrainian place rules (issue 16): a big city's inflected name
beside a village's (decision 250), city districts (decision 251), a city's administration
(decision 252), compass adjectives and ships' flags (decision 253). Every sentence here was
written for these tests."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of, mentions_in

from wirewatch.places.gazetteer import Gazetteer

VORONEZH, KHARKIV, KHERSON, KYIV, DONETSK = 472045, 706483, 706448, 703448, 709717
POKROVSK, MARHANETS = 704422, 701855
SEVERNYY, PALAU_PALA, KRYNKY = 496348, 2426240, 703861
SYRSKOYE, MARIUPOL, KHERSON_OBLAST = 485153, 701822, 706442


def test_an_inflected_name_of_a_big_russian_city_is_not_a_ukrainian_village(
        gaz: Gazetteer, nlp: Any) -> None:
    # "Воронеже" reads first as the Ukrainian "Вороніж", a village of Sumy Oblast
    text = "Ночью в Воронеже беспилотник повредил склад, сообщили в мэрии."
    assert ids_of(text, "Воронеже", gaz, nlp) == [VORONEZH]
    text = "Из Воронежа вылетели два самолёта с гуманитарным грузом."
    assert ids_of(text, "Воронежа", gaz, nlp) == [VORONEZH]


def test_two_districts_sharing_one_noun_after_the_city(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Утром дроны атаковали Харьков. Повреждены дома в Слободском и Основянском "
            "районах.")
    assert ids_of(text, "Слободском", gaz, nlp) == [KHARKIV]


def test_a_district_of_a_regional_capital_the_gazetteer_counts_small(
        gaz: Gazetteer, nlp: Any) -> None:
    # GeoNames gives Kherson 66,000 people; "Днепровский" leads to Dniprovka, a village
    text = "Армия РФ снова обстреляла Херсон, в Днепровском районе повреждена школа."
    assert ids_of(text, "Днепровском районе", gaz, nlp) == [KHERSON]


def test_a_district_named_like_a_village_abroad_past_a_paragraph(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Ракеты и дроны снова летели на Киев.\n\nОбломки упали в Соломенском районе, "
            "там горит склад.")
    assert ids_of(text, "Соломенском районе", gaz, nlp) == [KYIV]
    text = ("Украинская армия снова обстреляла Донецк.\n\nВечером снаряды попали в "
            "Калининский район, там повреждена школа.")
    assert ids_of(text, "Калининский район", gaz, nlp) == [DONETSK]


def test_a_raion_abroad_whose_region_the_article_names_keeps_its_place(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Дроны атаковали Киев.\n\nВ Тверской области, в Калининском районе, сбиты "
            "два беспилотника.")
    assert ids_of(text, "Калининском районе", gaz, nlp) != [KYIV]


def test_a_city_administration_names_the_city(gaz: Gazetteer, nlp: Any) -> None:
    text = "По данным Харьковской городской военной администрации, ранены двое."
    assert ids_of(text, "Харьковской городской", gaz, nlp) == [KHARKIV]
    text = "У Покровській міській військовій адміністрації повідомили про евакуацію."
    assert ids_of(text, "Покровській міській", gaz, nlp) == [POKROVSK]


def test_a_compass_adjective_with_its_noun_is_no_village(gaz: Gazetteer, nlp: Any) -> None:
    text = "В Севастополе на Северной стороне обломки повредили два дома."
    ids = [m.place.geonameid for m in mentions_in(text, gaz, nlp) if m.place is not None]
    assert SEVERNYY not in ids


def test_a_ships_flag_is_no_place(gaz: Gazetteer, nlp: Any) -> None:
    text = "Ракета попала в сухогруз под флагом Палау в порту Измаила."
    ids = [m.place.geonameid for m in mentions_in(text, gaz, nlp) if m.place is not None]
    assert PALAU_PALA not in ids


def test_a_front_direction_is_the_town_not_a_village_of_the_articles_region(
        gaz: Gazetteer, nlp: Any) -> None:
    # the article is about Sumy Oblast, where a village Pokrovka lies
    text = ("На Сумщині бійці взяли в полон трьох росіян біля Юнаківки. Ще двоє здалися на "
            "Покровському напрямку.")
    assert ids_of(text, "Покровському напрямку", gaz, nlp) == [POKROVSK]


def test_a_plural_name_the_dictionary_reads_as_a_singular_noun(gaz: Gazetteer, nlp: Any) -> None:
    # pymorphy3 reads "Крынок", "Крынках" as forms of "крынка" (a jug); the name is Крынки
    text = "Морпехи выбили противника из Крынок, но бои в Крынках ещё идут."
    assert ids_of(text, "Крынок", gaz, nlp) == [KRYNKY]
    assert ids_of(text, "Крынках", gaz, nlp) == [KRYNKY]


def test_a_surname_that_is_a_villages_name_before_a_verb_of_saying(
        gaz: Gazetteer, nlp: Any) -> None:
    # Syrskoye (Lipetsk Oblast) has "Сырский" among its names; Zhdanov was Mariupol's name
    for text in ("Сырский опроверг сообщения о прорыве под Купянском.",
                 "Главком Олександр Сирський заявив про бої під Покровськом.",
                 "Жданов заявил, что переговоров не будет."):
        places = [m.place.geonameid for m in mentions_in(text, gaz, nlp) if m.place]
        assert SYRSKOYE not in places and MARIUPOL not in places, text


def test_a_city_that_says_something_stays_a_place(gaz: Gazetteer, nlp: Any) -> None:
    assert ids_of("Киев заявил о провокации на границе.", "Киев", gaz, nlp) == [KYIV]


def test_an_oblasts_adjective_that_geonames_gives_the_city_before_the_regions_noun(
        gaz: Gazetteer, nlp: Any) -> None:
    # GeoNames lists "Херсонскую" among Kherson's alternate names
    text = "За ночь российская армия 60 раз обстреляла Херсонскую область."
    assert ids_of(text, "Херсонскую область", gaz, nlp) == [KHERSON_OBLAST]
    assert ids_of("Дроны атаковали Херсон.", "Херсон", gaz, nlp) == [KHERSON]


def test_a_community_named_after_a_town_in_ets(gaz: Gazetteer, nlp: Any) -> None:
    # Марганець / Марганец: the adjective "марганецкий" drops the town's soft ending
    text = "В Марганецкой громаде повреждена линия электропередачи."
    assert ids_of(text, "Марганецкой громаде", gaz, nlp) == [MARHANETS]
    text = "У Марганецькій громаді загорівся склад."
    assert ids_of(text, "Марганецькій громаді", gaz, nlp) == [MARHANETS]
