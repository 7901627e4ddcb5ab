"""Round 17 of place reading: a front direction named in English is the largest town of
its name, whatever other region the article names (decision 342), and a district named
after a village places it in the district's region (decision 343). The sentences are
written for these tests."""

from __future__ import annotations

from datetime import date

from wirewatch import Document, extract


def test_an_english_direction_is_the_largest_namesake() -> None:
    text = ("In the Kostiantynivka direction, Ukrainian units repelled nine assaults, the "
            "General Staff said. Earlier, drones struck a depot near Tokmak in occupied "
            "Zaporizhzhia region.")
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    kost = next(p for p in result.places if p.surface.startswith("Kostiant"))
    assert kost.place is not None and kost.place.geonameid == 705104, kost.place


def test_a_village_in_a_named_district_is_in_its_region() -> None:
    text = "Twelve FPV drones hit the village of Kamianske in Vasylivka district overnight."
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    village = next(p for p in result.places if p.surface == "Kamianske")
    assert village.place is not None and village.place.geonameid == 706967, village.place


def test_the_capital_of_the_theatre_is_its_largest_town() -> None:
    text = ("Russian drones attacked Ukraine overnight. Four people were injured in the "
            "capital, the city military administration said.")
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    capital = next(p for p in result.places if p.surface == "capital")
    assert capital.place is not None and capital.place.geonameid == 703448, capital.place


def test_a_us_capital_is_not_read_as_the_largest_town() -> None:
    text = "The governor of Ohio met farmers in the capital on Monday."
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    assert all(p.surface != "capital" for p in result.places), result.places


def test_the_capital_named_before_is_the_one_meant() -> None:
    text = ("Russia launched 40 missiles overnight. Kyiv mayor Vitali Klitschko says nine "
            "people have been injured in the capital.")
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    capital = next(p for p in result.places if p.surface == "capital")
    assert capital.place is not None and capital.place.geonameid == 703448, capital.place
