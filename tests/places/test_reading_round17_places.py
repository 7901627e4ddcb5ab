"""Round 17 of place reading: a front direction named in English is the largest town of
its name, whatever other region the article names (decision 342), and a district named
after a village places it in the district's region (decision 343). The sentences are
written for these tests."""

from __future__ import annotations

from datetime import date

from wirewatch import Document, extract
from wirewatch.places.models import PlaceMention


def places_of(text: str) -> list[PlaceMention]:
    """The place mentions wirewatch finds in one text."""
    [result] = extract([Document(id="d", text=text, published=date(2025, 5, 2))])
    return list(result.places)


def geonameid_of(text: str, surface: str) -> int | None:
    """The GeoNames id the first mention starting with ``surface`` resolves to."""
    mention = next(p for p in places_of(text) if p.surface.startswith(surface))
    return mention.place.geonameid if mention.place is not None else None


def test_an_english_direction_is_the_largest_namesake() -> None:
    text = ("In the Kostiantynivka direction, Ukrainian units repelled nine assaults, the "
            "General Staff said. Earlier, drones struck a depot near Tokmak in occupied "
            "Zaporizhzhia region.")
    assert geonameid_of(text, "Kostiant") == 705104


def test_a_village_in_a_named_district_is_in_its_region() -> None:
    text = "Twelve FPV drones hit the village of Kamianske in Vasylivka district overnight."
    assert geonameid_of(text, "Kamianske") == 706967


def test_the_capital_of_the_theatre_is_its_largest_town() -> None:
    text = ("Russian drones attacked Ukraine overnight. Four people were injured in the "
            "capital, the city military administration said.")
    assert geonameid_of(text, "capital") == 703448


def test_a_us_capital_is_not_read_as_the_largest_town() -> None:
    text = "The governor of Ohio met farmers in the capital on Monday."
    assert all(p.surface != "capital" for p in places_of(text))


def test_the_capital_named_before_is_the_one_meant() -> None:
    text = ("Russia launched 40 missiles overnight. Kyiv mayor Vitali Klitschko says nine "
            "people have been injured in the capital.")
    assert geonameid_of(text, "capital") == 703448


def test_a_bearing_opening_a_sentence_is_no_province() -> None:
    # "South-west of X" is a bearing from X, not Cameroon's South-West Province (decision 544)
    text = ("Russian troops have taken most of Kurakhove, and the town will fall any day "
            "now.\nSouth-west of Kurakhove, near Uspenivka, a Ukrainian brigade was encircled "
            "on Friday. Our sources say so.")
    assert all(p.place is None or p.place.country in ("UA", "RU") for p in places_of(text))
