"""Round 9 of Cyrillic places: the regional centre and the capital named by a common noun.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.pipeline import extract

KHARKIV, KYIV, MOSCOW, KHERSON, BELGOROD = 706483, 703448, 524901, 706448, 578072


def _places(resources: Any, text: str, lang: str) -> list[tuple[str, int | None]]:
    (x,) = extract([Document("d", text, published=date(2025, 3, 14), lang=lang)], resources)
    return [(m.surface, m.place.geonameid if m.place else None) for m in x.places]


def _events(resources: Any, text: str, lang: str) -> list[tuple[str, int | None]]:
    (x,) = extract([Document("d", text, published=date(2025, 3, 14), lang=lang)], resources)
    return [(e.type, e.place.geonameid if e.place else None) for e in x.events]


@pytest.mark.parametrize(("lang", "text", "surface", "city"), [
    ("uk", "Росіяни обстріляли 12 громад Херсонської області. В обласному центрі поранено "
           "двох людей.", "обласному центрі", KHERSON),
    ("ru", "За сутки в Белгородской области сбиты 14 беспилотников. В областном центре "
           "ранены три человека.", "областном центре", BELGOROD),
    ("ru", "Минувшей ночью Харьковскую область атаковали дроны. В областном центре ранены "
           "двое.", "областном центре", KHARKIV),
    ("uk", "Уночі ворог атакував Україну дронами. У столиці загинула жінка.", "столиці", KYIV),
    ("ru", "Ночью Россию атаковали 40 беспилотников. В столице ранен мужчина.",
     "столице", MOSCOW),
])
def test_the_regional_centre_and_the_capital_are_their_towns(
        resources: Any, lang: str, text: str, surface: str, city: int) -> None:
    assert (surface, city) in _places(resources, text, lang)
    # and the event told there takes the town
    assert any(p == city for _, p in _events(resources, text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В областном центре повреждены три дома."),  # no region named before
    ("ru", "Мэр столицы Сергей Собянин сообщил о сбитом дроне."),  # an office, no place
])
def test_no_capital_without_a_region_named_before_or_a_preposition(
        resources: Any, lang: str, text: str) -> None:
    assert all(s not in ("областном центре", "столицы") for s, _ in _places(resources, text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Командування повідомило, що в Чорному морі знищено катер."),
    ("uk", "Флот заявив, що в Азовському морі знищено катер."),
    ("ru", "Флот сообщил, что в Черном море уничтожен катер."),
])
def test_a_sea_named_by_its_adjective_is_no_village(resources: Any, lang: str,
                                                    text: str) -> None:
    assert _places(resources, text, lang) == []


NOVHOROD_SIVERSKYI, SNOVSK, SEMENIVKA, KHOTIN = 699753, 694273, 694590, 706253


@pytest.mark.parametrize(("text", "seats"), [
    ("Обстріляли Новгород-Сіверську громаду.", [NOVHOROD_SIVERSKYI]),
    ("Евакуацію оголошено в Хотінській громаді.", [KHOTIN]),
])
def test_a_hyphenated_adjective_and_a_soft_sign_stem_name_their_seats(
        resources: Any, text: str, seats: list[int]) -> None:
    assert [g for _, g in _places(resources, text, "uk")] == seats


def test_a_list_of_communities_goes_on_past_a_hyphenated_name(resources: Any) -> None:
    text = "Під ударами дронів опинилися Семенівська, Новгород-Сіверська та Сновська громади."
    got = sorted(p for _, p in _events(resources, text, "uk"))
    assert got == sorted([SEMENIVKA, NOVHOROD_SIVERSKYI, SNOVSK])


KAMIANSKE_CITY, KAMIANSKE_ZAPORIZHZHIA = 709932, 706967


def test_a_noun_of_a_village_before_a_name_drops_the_city_of_that_name(
        resources: Any) -> None:
    got = _places(resources, "Ворог захопив село Кам'янське.", "uk")
    assert len(got) == 1 and got[0][1] not in (KAMIANSKE_CITY, None)
    got = _places(resources, "Ворог захопив село Кам'янське на Запорізькому напрямку.", "uk")
    assert ("Кам'янське", KAMIANSKE_ZAPORIZHZHIA) in got
    # no noun of a village: the city
    assert _places(resources, "Дрони атакували Кам'янське.", "uk") == [
        ("Кам'янське", KAMIANSKE_CITY)]


KOSTIANTYNIVKA, POKROVSK = 705104, 704422


@pytest.mark.parametrize(("lang", "text", "surface", "town"), [
    ("ru", "На константиновском участке сдались двое военнослужащих.",
     "константиновском участке", KOSTIANTYNIVKA),
    ("uk", "На Покровській ділянці ворог втратив 40 військових.", "Покровській ділянці",
     POKROVSK),
])
def test_a_sector_of_the_front_named_by_a_towns_adjective_is_the_town(
        resources: Any, lang: str, text: str, surface: str, town: int) -> None:
    assert (surface, town) in _places(resources, text, lang)


def test_a_plot_of_land_is_no_sector(resources: Any) -> None:
    assert _places(resources, "На земельній ділянці впав дрон.", "uk") == []
