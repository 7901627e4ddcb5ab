"""Round 12 of the Russian and Ukrainian lexicons and rules (issue 16). Every sentence here
was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

KUPIANSK, MELITOPOL, BERDYANSK, KHERSON, IZYUM = 703656, 701404, 712451, 706448, 707292
KAKHOVKA, BROVARY, OBUKHIV, NIKOPOL = 707244, 711390, 698782, 700051
KURSK_OBLAST, BRYANSK_OBLAST, ORYOL_OBLAST = 538555, 571473, 514801
SUMY_OBLAST, POLTAVA_OBLAST = 692196, 696634


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize(("lang", "text", "where", "people"), [
    ("uk", "Окупанти забрали з агрофірми у Мелітополі 20 тракторів.", MELITOPOL,
     "У Мелітополі окупанти забрали двох чоловіків на допит."),
    ("uk", "Двоє чоловіків винесли з покинутої школи в Ізюмі будівельні матеріали.", IZYUM,
     "Рятувальники винесли з-під завалів в Ізюмі трьох людей."),
    ("ru", "Военные забрали из агрофирмы в Мелитополе 20 тракторов.", MELITOPOL,
     "В Мелитополе военные забрали двоих мужчин на допрос."),
])
def test_goods_taken_away_are_looting_and_people_are_not(
        resources: Any, lang: str, text: str, where: int, people: str) -> None:
    (looted,) = of_type(_events(resources, text, lang), "property.looted")
    assert place_id(looted) == where
    assert not of_type(_events(resources, people, lang), "property.looted")


@pytest.mark.parametrize(("lang", "text", "where"), [
    ("uk", "Окупанти вивезли з міської бібліотеки Херсона понад дві тисячі рідкісних видань.",
     KHERSON),
    ("uk", "Військові організували вивезення з музею в Херсоні музичних інструментів.",
     KHERSON),
    ("ru", "Из краеведческого музея в Херсоне военные вывезли часть экспозиции.", KHERSON),
])
def test_books_instruments_and_exhibits_carried_off_are_looting(
        resources: Any, lang: str, text: str, where: int) -> None:
    got = _events(resources, text, lang)
    (looted,) = of_type(got, "property.looted")
    assert place_id(looted) == where
    assert not of_type(got, "civilians.evacuated")


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Вивозити родини з дітьми з Куп'янська почнуть у понеділок."),
    ("ru", "Вывоз семей с детьми из Купянска начнётся в понедельник."),
])
def test_taking_people_out_is_an_evacuation(resources: Any, lang: str, text: str) -> None:
    (out,) = of_type(_events(resources, text, lang), "civilians.evacuated")
    assert place_id(out) == KUPIANSK


@pytest.mark.parametrize(("lang", "text", "count", "subtype"), [
    ("ru", "В Каховке ранена местная жительница.", 1, "wounded"),
    ("ru", "В Каховке водитель получил ранения.", 1, "wounded"),
    ("ru", "В Каховке погиб охранник.", 1, "killed"),
    ("uk", "У Каховці троє працівників отримали травми.", 3, "wounded"),
    ("uk", "У Каховці загинув охоронець.", 1, "killed"),
])
def test_one_by_one_people_and_injuries_received(resources: Any, lang: str, text: str,
                                                 count: int, subtype: str) -> None:
    (hurt,) = of_type(_events(resources, text, lang), "casualties")
    assert place_id(hurt) == KAKHOVKA
    assert hurt["count"]["value"] == count
    assert hurt["subtype"] == subtype


def test_passports_handed_out_with_the_figure_between(resources: Any) -> None:
    text = "З початку року мешканцям окупованих територій видали понад 600 тисяч паспортів."
    (got,) = of_type(_events(resources, text, "uk"), "passport.issued")
    assert got["count"]["value"] == 600000


def test_passports_handed_out_in_a_second_town_with_the_noun_left_out(resources: Any) -> None:
    text = ("Паспорти РФ отримали 2 тисячі мешканців Мелітополя. У Бердянську від початку "
            "місяця видали понад 3 тисячі. Найбільше документів видали в Херсоні.")
    got = of_type(_events(resources, text, "uk"), "passport.issued")
    # the last sentence counts nothing: no more passports than the two told
    assert sorted((place_id(e), e["count"]["value"]) for e in got) == [
        (MELITOPOL, 2000), (BERDYANSK, 3000)]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Над Брянской областью уничтожены 23 беспилотника, над Курской — 19, над Орловской "
     "— 11.", [(BRYANSK_OBLAST, 23), (KURSK_OBLAST, 19), (ORYOL_OBLAST, 11)]),
    ("uk", "Над Сумською областю збито 12 дронів, над Полтавською — 5.",
     [(SUMY_OBLAST, 12), (POLTAVA_OBLAST, 5)]),
])
def test_a_region_with_its_noun_left_out_after_a_region_named_in_full(
        resources: Any, lang: str, text: str, want: list[tuple[int, int]]) -> None:
    lost = of_type(_events(resources, text, lang), "equipment.lost")
    assert sorted((place_id(e), e["count"]["value"]) for e in lost) == sorted(want)


@pytest.mark.parametrize(("text", "where"), [
    ("На Броварщині уламки дрона пошкодили два будинки.", BROVARY),
    ("На Обухівщині через падіння уламків зайнялися два приватні будинки.", OBUKHIV),
    ("Ворог атакував Нікопольщину дронами.", NIKOPOL),
])
def test_the_land_around_a_district_seat_is_the_seat(resources: Any, text: str,
                                                    where: int) -> None:
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(hit) == where


@pytest.mark.parametrize(("text", "where"), [
    ("У Кривому Розі ракета влучила в промислове підприємство.", 703845),
    ("Уночі в Новому Бузі дрон влучив у склад.", 698953),
])
def test_a_town_whose_last_consonant_alternates_in_the_locative(resources: Any, text: str,
                                                               where: int) -> None:
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(hit) == where


@pytest.mark.parametrize("text", [
    "Ворог ударив по Дніпровському району Запоріжжя двома ракетами.",
    "Ворог ударив по Заводському району Запоріжжя.",
])
def test_a_district_of_a_city_whose_genitive_reads_as_its_nominative(resources: Any,
                                                                     text: str) -> None:
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(hit) == 687700  # Zaporizhzhia, not Dnipro or Zavodske


def test_the_other_items_of_a_bulletin_after_a_colon_are_its_tally(resources: Any) -> None:
    text = ("Генштаб ВСУ сообщил, что за сутки российские войска потеряли 900 военнослужащих. "
            "Общие потери армии России с начала вторжения достигли 1 000 000 человек.\n\n"
            "Среди других позиций сводки:\nтанков — 10 900 (+3);\n"
            "артиллерийских систем — 28 900 (+40);\nкрылатых ракет — 3 200.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert sorted((e["equipment"], e["count"]["value"]) for e in lost) == [
        ("artillery system", 40), ("artillery system", 28900), ("missile", 3200),
        ("tank", 3), ("tank", 10900)]
