"""Place names in Russian and Ukrainian text: inflected forms, both languages' names of one
town, resolved with the same method, confidence and explanation as any other name."""

from __future__ import annotations

import pytest

from wirewatch.places import resolve_place
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.pipeline import places_in_text

POKROVSK, BAKHMUT, CHASIV_YAR, MYRNOHRAD = 704422, 713174, 710915, 710035


@pytest.mark.parametrize("name", ["Покровська", "у Покровську", "под Покровском",
                                  "Красноармійська", "Красноармейск"])
def test_inflected_and_former_names_of_pokrovsk_are_pokrovsk_not_engels(
        name: str, gaz: Gazetteer) -> None:
    m = resolve_place(name, "", gaz)
    assert m.place is not None and m.place.geonameid == POKROVSK, m.explanation
    assert m.place.explanation and m.place.confidence > 0.8


@pytest.mark.parametrize("name", ["Артемовска", "Бахмута", "Артемівськ"])
def test_russian_and_ukrainian_names_of_bakhmut(name: str, gaz: Gazetteer) -> None:
    m = resolve_place(name, "", gaz)
    assert m.place is not None and m.place.geonameid == BAKHMUT


@pytest.mark.parametrize("name", ["Часового Яру", "Часовом Яре"])
def test_two_word_names_declined_as_adjectives(name: str, gaz: Gazetteer) -> None:
    m = resolve_place(name, "", gaz)
    assert m.place is not None and m.place.geonameid == CHASIV_YAR


def test_running_ukrainian_text_resolves_genitives(gaz: Gazetteer) -> None:
    found = places_in_text("d", "Бої тривають біля Покровська та Мирнограда.", gaz=gaz)
    assert [(m.surface, m.place.geonameid if m.place else None) for m in found] == [
        ("Покровська", POKROVSK), ("Мирнограда", MYRNOHRAD)]
