"""Round 7 of Cyrillic places: a city's district named by an adjective after the city, and
names that keep their «Ново-/Старо-» prefix. Every sentence here was written for these
tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.pipeline import extract

ODESA, DONETSK, MYKOLAIV, KHERSON, IZIUM_RAION = 698740, 709717, 700569, 706448, 9197254
IVANOVKA_CRIMEA = 699844


def _places(resources: Any, text: str, lang: str) -> dict[str, int | None]:
    (x,) = extract([Document("d", text, published=date(2025, 3, 14), lang=lang)], resources)
    return {m.surface: (m.place.geonameid if m.place else None) for m in x.places}


@pytest.mark.parametrize(("lang", "text", "surface", "city"), [
    ("ru", "Дроны атаковали Одессу. В Приморском районе повреждены жилые дома.",
     "Приморском районе", ODESA),
    ("ru", "В Донецке обстреляли Киевский район, сообщил мэр.", "Киевский район", DONETSK),
    ("uk", "Вночі росіяни атакували Миколаїв. Уламки впали на приватний сектор Центрального "
           "району.", "Центрального району", MYKOLAIV),
])
def test_a_district_named_after_a_city_is_the_citys(
        resources: Any, lang: str, text: str, surface: str, city: int) -> None:
    assert _places(resources, text, lang)[surface] == city
    # a district of the city's region is the raion its seat names (decision 100)
    got = _places(resources, "Окупанти обстріляли Херсон і Бериславський район.", "uk")
    assert got["Бериславський район"] != KHERSON
    got = _places(resources, "Окупанти обстріляли Харків та Ізюмський район.", "uk")
    assert got["Ізюмський район"] == IZIUM_RAION


@pytest.mark.parametrize(("lang", "text", "surface"), [
    ("ru", "ВСУ обстреляли Новоивановку.", "Новоивановку"),
    ("ru", "Армия освободила Новоивановку.", "Новоивановку"),
])
def test_a_name_keeps_its_novo_prefix(resources: Any, lang: str, text: str,
                                      surface: str) -> None:
    assert _places(resources, text, lang)[surface] != IVANOVKA_CRIMEA


@pytest.mark.parametrize(("lang", "text", "surface"), [
    ("ru", "Российские войска освободили Новоивановку в Курской области.", "Новоивановку"),
    ("uk", "Росіяни обстріляли Андріївку на Сумщині.", "Андріївку"),
])
def test_a_region_named_after_in_or_on_holds_the_town(
        resources: Any, lang: str, text: str, surface: str) -> None:
    # the gazetteer holds no town of that name in the region: no namesake elsewhere
    assert _places(resources, text, lang)[surface] is None
    # a region a thing is taken to ("в Крым") holds no town named before it
    got = _places(resources, "Военные вывезли из Энергодара в Крым оборудование.", "ru")
    assert got["Энергодара"] is not None
