"""Round 14a of the Russian and Ukrainian rules: tallies, places of strikes, evacuations and
casualties, and drones brought down over towns (decisions 200-213). Every sentence here was
written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

KYIV, VELYKA_NOVOSILKA = 703448, 690237


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


def test_a_quarter_of_the_city_named_in_the_paragraph_before(resources: Any) -> None:
    text = "Уночі росіяни атакували Київ.\n\nУ Дарницькому районі уламки впали на склад."
    got = _events(resources, text, "uk")
    assert [place_id(m) for m in of_type(got, "strike")] == [KYIV]


@pytest.mark.parametrize("text", [
    "Минобороны сообщило о взятии Великой Новосёлки.",
    "Минобороны сообщило, что посёлок Великая Новосёлка освобождён.",
])
def test_a_two_word_name_known_only_in_latin(resources: Any, text: str) -> None:
    got = _events(resources, text, "ru")
    assert [place_id(m) for m in of_type(got, "territory.captured")] == [VELYKA_NOVOSILKA]
