"""Round 8 of Cyrillic places: a city's districts listed before one plural noun, and the
same district named again with its noun left out; the Ukrainian spelling of Novorossiysk.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.pipeline import extract

KHARKIV, KYIV, ZAPORIZHZHIA, NOVOROSSIYSK, SUMY = 706483, 703448, 687700, 518255, 692194


def _places(resources: Any, text: str, lang: str) -> list[tuple[str, int | None]]:
    (x,) = extract([Document("d", text, published=date(2025, 3, 14), lang=lang)], resources)
    return [(m.surface, m.place.geonameid if m.place else None) for m in x.places]


@pytest.mark.parametrize(("lang", "text", "city"), [
    ("ru", "Утром дроны атаковали Харьков. Удары пришлись по Слободскому и Киевскому районам "
           "города, в Киевском выбиты окна.", KHARKIV),
    ("uk", "Вранці ворог атакував Запоріжжя. Постраждали Шевченківський та Київський райони "
           "міста, у Київському пошкоджено школу.", ZAPORIZHZHIA),
])
def test_districts_listed_before_a_plural_noun_and_named_again_are_the_citys(
        resources: Any, lang: str, text: str, city: int) -> None:
    got = _places(resources, text, lang)
    kyiv_words = [(s, g) for s, g in got if s.startswith("Киев") or s.startswith("Київ")]
    assert kyiv_words and all(g == city for _, g in kyiv_words)
    # the capital named by its own name stays the capital
    later = _places(resources, text + " Мэр Киева сообщил, что в Киеве тихо.", lang)
    assert ("Киеве", KYIV) in later


@pytest.mark.parametrize("text", [
    "Дрони атакували Новоросійськ.",
    "У порту Новоросійська сталася пожежа.",
    "Вибухи лунали в Новоросійську.",
])
def test_the_ukrainian_spelling_of_novorossiysk_is_novorossiysk(
        resources: Any, text: str) -> None:
    got = _places(resources, text, "uk")
    assert [g for _, g in got] == [NOVOROSSIYSK]


@pytest.mark.parametrize(("text", "region"), [
    ("Над Краснодарським краєм збито дрони.", 542415),
    ("Вибухи лунали у Воронезькій області.", 472039),
    ("Губернатор Ростовської області заявив про атаку.", 501165),
])
def test_ukrainian_names_of_russian_regions_in_any_case(
        resources: Any, text: str, region: int) -> None:
    assert [g for _, g in _places(resources, text, "uk")] == [region]


def test_a_district_whose_namesake_lies_inside_the_city_is_the_citys(resources: Any) -> None:
    text = "Росіяни атакували Суми дроном: уламки впали у дворі в Зарічному районі."
    assert ("Зарічному районі", SUMY) in _places(resources, text, "uk")
