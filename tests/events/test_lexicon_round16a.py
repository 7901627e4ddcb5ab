"""Round 16a of the Russian and Ukrainian lexicons and rules (issue 16): a hit told as
"о поражении" and kept apart from a defeat; the town before its region before a strike.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type

PUB = date(2025, 10, 15)  # a Wednesday


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize("text", [
    "Минобороны России заявило о поражении склада горючего в районе Россоши.",
    "Генштаб ВСУ сообщил о «поражении нефтебазы в Лисках».",
])
def test_a_hit_told_after_o_is_a_strike(resources: Any, text: str) -> None:
    assert len(of_type(_events(resources, text, "ru"), "strike")) == 1


@pytest.mark.parametrize("text", [
    "Политолог в пятницу рассуждал о поражении России в войне.",
    "Блогер написал о поражении армии под Харьковом весной 2022 года.",
])
def test_a_defeat_told_after_o_is_no_strike(resources: Any, text: str) -> None:
    assert of_type(_events(resources, text, "ru"), "strike") == []


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("uk", "У Ромнах на Сумщині внаслідок атаки дронів пошкоджено склад.", "Romny"),
    ("ru", "В Грайвороне на Белгородчине в результате атаки дрона повреждён магазин.",
     "Grayvoron"),
])
def test_a_region_after_the_town_before_a_strike_only_locates_it(
        resources: Any, lang: str, text: str, town: str) -> None:
    hit = of_type(_events(resources, text, lang), "strike")
    assert [e["place"]["name"] for e in hit] == [town]
