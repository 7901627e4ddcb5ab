"""An event in a raion of Ukraine or Russia is placed at the raion's seat town (decision 11f),
while the place stage resolves the district to its admin-2 unit (decision 100; the
sentences here are written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

from wirewatch import Document, extract

KUPIANSK, KUPIANSK_RAION = 703656, 9194084
SHEBEKINO, SHEBEKINO_RAION = 495112, 495111
SYNELNYKOVE, SYNELNYKOVE_RAION = 693796, 693793


def _read(resources: Any, text: str, lang: str = "en") -> tuple[set[int], list[int | None]]:
    """Return the ids of a text's place mentions and the place ids of its strikes."""
    (result,) = extract([Document("d", text, published=date(2025, 9, 2), lang=lang)],
                        resources)
    places = {m.place.geonameid for m in result.places if m.place is not None}
    strikes = [e.place.geonameid if e.place else None for e in result.events
               if e.type == "strike"]
    return places, strikes


def test_an_event_in_an_english_district_is_at_its_seat(resources: Any) -> None:
    places, strikes = _read(resources, "Russian artillery shelled the Kupiansk district "
                            "overnight, the regional governor said.")
    assert KUPIANSK_RAION in places
    assert strikes == [KUPIANSK]


def test_an_event_in_a_russian_rayon_is_at_its_seat(resources: Any) -> None:
    places, strikes = _read(resources, "Ukrainian drones struck the Shebekinsky district on "
                            "Monday, the Belgorod governor said.")
    assert SHEBEKINO_RAION in places
    assert strikes == [SHEBEKINO]


def test_an_event_in_a_ukrainian_raion_is_at_its_seat(resources: Any) -> None:
    places, strikes = _read(resources, "Російські війська обстріляли Синельниківський район, "
                            "повідомила ОВА.", "uk")
    assert SYNELNYKOVE_RAION in places
    assert strikes == [SYNELNYKOVE]
