"""Round 29 of the English place rules: "Kamenskoye, a village on the reservoir" is a
village, though only the Russian romanisation names it and the city of Kamianske is its
namesake (decision 626a); an admin-1 region carries its capital, where "the regional
capital" points (decision 626). Every sentence here was written for these tests."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of

from wirewatch import Document, extract
from wirewatch.places.gazetteer import Gazetteer

KAMIANSKE_CITY = 709932  # Dnipropetrovsk region, 226,000 people


def test_a_village_named_by_its_russian_romanisation_is_no_city(gaz: Gazetteer,
                                                                  nlp: Any) -> None:
    text = ("Moscow said its troops had entered Kamenskoye, a village on the southern bank "
            "of the former reservoir.")
    [found] = ids_of(text, "Kamenskoye", gaz, nlp)
    assert found != KAMIANSKE_CITY


def test_a_city_so_spelt_without_the_village_word_is_still_the_city(gaz: Gazetteer,
                                                                      nlp: Any) -> None:
    text = "A drone hit a factory in Kamenskoye in the Dnipropetrovsk region overnight."
    assert ids_of(text, "Kamenskoye", gaz, nlp) == [KAMIANSKE_CITY]


def test_a_region_carries_its_capital() -> None:
    [result] = extract([Document(id="r", text="Shelling was reported across Kharkiv region.")])
    region = next(p.place for p in result.places if p.place and p.place.kind == "admin1")
    assert region.capital is not None and region.capital.geonameid == 706483  # Kharkiv
