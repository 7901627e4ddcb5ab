"""The committed offline basemap: where points fall, and that it stays small."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from wirewatch.web import static_dir

# (lat, lon) of a few places; the shapes' coordinates are [lon, lat].
SIMFEROPOL = (44.95, 34.10)
SEVASTOPOL = (44.60, 33.52)
KERCH = (45.36, 36.47)
KYIV = (50.45, 30.52)
MOSCOW = (55.75, 37.62)
DONETSK = (48.02, 37.80)
BELGOROD = (50.60, 36.59)
LVIV = (49.84, 24.03)


@cache
def layer(name: str) -> list[dict[str, Any]]:
    path = static_dir() / "basemap" / f"{name}.geojson"
    features: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return features


def _in_ring(ring: list[list[float]], x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _contains(geometry: dict[str, Any], lat: float, lon: float) -> bool:
    polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                else geometry["coordinates"])
    return any(_in_ring(p[0], lon, lat) and not any(_in_ring(h, lon, lat) for h in p[1:])
               for p in polygons)


def containing(name: str, key: str, point: tuple[float, float]) -> list[str]:
    """Return the ``key`` property of every feature of a layer that contains the point."""
    return [f["properties"][key] for f in layer(name) if _contains(f["geometry"], *point)]


@pytest.mark.parametrize("point", [SIMFEROPOL, SEVASTOPOL, KERCH])
def test_crimea_is_drawn_as_part_of_ukraine(point: tuple[float, float]) -> None:
    assert containing("countries", "a3", point) == ["UKR"]
    assert containing("admin1", "country", point) == ["UA"]


def test_simferopol_is_in_crimea_and_sevastopol_in_its_own_subdivision() -> None:
    assert containing("admin1", "name", SIMFEROPOL) == ["Crimea"]
    assert containing("admin1", "name", SEVASTOPOL) == ["Sevastopol"]


def test_capitals_fall_in_their_countries() -> None:
    assert containing("countries", "a3", KYIV) == ["UKR"]
    assert containing("countries", "a3", MOSCOW) == ["RUS"]
    assert containing("countries", "a3", LVIV) == ["UKR"]


def test_oblasts_carry_the_gazetteer_names_and_geonames_ids() -> None:
    assert containing("admin1", "name", DONETSK) == ["Donetsk Oblast"]
    assert containing("admin1", "geonameid", DONETSK) == [709716]
    assert containing("admin1", "name", KYIV) == ["Kyiv"]
    assert containing("admin1", "name", BELGOROD) == ["Belgorod Oblast"]
    assert containing("admin1", "country", BELGOROD) == ["RU"]


def test_every_ukrainian_subdivision_is_drawn() -> None:
    ukrainian = {f["properties"]["iso"] for f in layer("admin1")
                 if f["properties"]["country"] == "UA"}
    # 24 oblasts, Crimea, and the cities of Kyiv and Sevastopol.
    assert len(ukrainian) == 27
    assert all(code.startswith("UA-") for code in ukrainian)


def test_basemap_stays_small() -> None:
    total = sum(p.stat().st_size for p in (static_dir() / "basemap").glob("*.geojson"))
    assert total < 1_000_000
