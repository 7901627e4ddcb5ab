"""The gazetteer at run time: name lookups over the local index, plus user additions.

The index (see :mod:`wirewatch.places.build`) lives in the user cache directory
(``WIREWATCH_CACHE_DIR`` overrides it) and is built on first use. Opening it
costs one SQLite connection; lookups are indexed queries, and the fuzzy buckets
are loaded lazily, one first letter at a time.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from rapidfuzz import process
from rapidfuzz.distance import OSA

from wirewatch.places.build import (
    alias_name_rows,
    build_index,
    load_places_yaml,
    source_fingerprint,
)
from wirewatch.places.morph import dictionary_forms, seat_names
from wirewatch.places.text import letters_key, normalize, translit_key

# How telling a source is, most first: a project alias is a deliberate choice and outranks a
# GeoNames alternate name of the same place ("Слов'янськ" is Sloviansk's alias, and also an
# old name of Nikopol among Nikopol's alternates).
NAME_SOURCES = ("name", "alias", "alt", "former", "user")
EXACT_CACHE_SIZE = 200_000  # normalised n-grams remembered, found or not
# "Новоивановка", "Нова Каховка", "Староконстантинов": a Cyrillic name that begins with
# one of these prefixes keeps it in its romanised name; a village whose own name lacks it
# ("Ivanovka", which GeoNames also lists as "Новоивановка") is a namesake by a variant
# only, dropped when another entry keeps the prefix. A town renamed (Novomoskovsk, now
# Samar) is no village and stays.
NAME_PREFIXES = (("ново", "nov"), ("нова", "nov"), ("нове", "nov"), ("нові", "nov"),
                 ("нови", "nov"), ("старо", "star"), ("стара", "star"),
                 ("велико", "vel"), ("велика", "vel"), ("мало", "mal"), ("мала", "mal"))
PREFIX_VILLAGE_POPULATION = 10_000


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: a GeoNames place, a subdivision, a country or a project region."""

    id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str
    admin1: str
    population: int
    kind: str
    members: tuple[int, ...] = ()
    # a raion of ``admin2_seat_countries``: the GeoNames id of its seat town (decision 100)
    seat: int = 0


@dataclass(frozen=True)
class NameHit:
    """One way a looked-up name leads to an entry: which list held it and any note."""

    entry: Entry
    source: str  # name | alt | alias | former | user
    note: str = ""
    distance: int = 0  # edit distance of the romanisation key (fuzzy hits only)


def _plural_of(form: str) -> str:
    """The nominative plural of a feminine noun's dictionary form ("крынка" -> "крынки",
    "лука" -> "луки", "вишня" -> "вишні"/"вишни"), else the form itself."""
    if form.endswith("а") and len(form) > 3:
        soft = form[-2] in "кгхжшчщ"
        ukrainian = bool(re.search(r"[іїєґ']", form))
        return form[:-1] + ("и" if soft or ukrainian else "ы")
    return form


def abbreviation_key(text: str) -> str:
    """Return the lookup key of an abbreviation: as written, spaces removed ("W. Va." and
    "W.Va." are one key; "TN" stays upper case, so the word "in" is never Indiana)."""
    return "".join(text.split())


def cache_dir() -> Path:
    """Return the directory holding the gazetteer index."""
    env = os.environ.get("WIREWATCH_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("wirewatch"))


def index_path() -> Path:
    """Return the path of the index for the current sources (it may not exist yet)."""
    return cache_dir() / f"gazetteer-{source_fingerprint()}.sqlite"


def ensure_index() -> Path:
    """Return the path of an up-to-date index, building it first when needed."""
    path = index_path()
    if not path.exists():
        build_index(path)
    return path


@dataclass
class _Overlay:
    """Names and places from user files, held in memory."""

    entries: dict[int, Entry] = field(default_factory=dict)
    by_norm: dict[str, list[tuple[int, str, str]]] = field(
        default_factory=lambda: defaultdict(list))
    by_tkey: dict[str, list[tuple[int, str, str]]] = field(
        default_factory=lambda: defaultdict(list))


class Gazetteer:
    """Look up place names in the local GeoNames index and in user place files."""

    def __init__(self, path: Path | None = None, extra_files: Sequence[Path] = (),
                 theatre: dict[str, float] | None = None) -> None:
        self.path = path or ensure_index()
        self.extra_files = tuple(Path(p) for p in extra_files)
        self._local = threading.local()
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._exact_cache: dict[str, list[NameHit]] = {}
        self._overlay = _Overlay()
        self._not_places: frozenset[str] = frozenset()
        self._region_words: frozenset[str] = frozenset()
        self._street_words: frozenset[str] = frozenset()
        self._theatre: dict[str, float] = {}
        self._front: set[tuple[str, str]] = set()
        self._abbreviations: dict[str, int] = {}
        self._demonyms: dict[str, str] = {}
        from wirewatch.places.build import project_places_file

        self._read_settings(load_places_yaml(project_places_file()))
        for f in self.extra_files:
            self.add_file(f)
        if theatre is not None:  # replaces the configured theatre (e.g. {} for none)
            self._theatre = dict(theatre)

    # -- construction -----------------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "extra_files": self.extra_files, "theatre": self._theatre}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["extra_files"], state["theatre"])  # type: ignore[misc]

    @property
    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                  check_same_thread=False)
            self._local.con = con
        return con

    def _read_settings(self, data: dict[str, Any]) -> None:
        self._not_places = self._not_places | {
            normalize(w) for w in data.get("not_places") or []}
        self._region_words = self._region_words | {
            normalize(w) for w in data.get("region_words") or []}
        self._street_words = self._street_words | {
            normalize(w) for w in data.get("street_words") or []}
        self._theatre.update({str(k): float(v) for k, v in (data.get("theatre") or {}).items()})
        for iso, codes in (data.get("front_regions") or {}).items():
            self._front |= {(str(iso), str(c)) for c in codes or []}
        for iso, words in (data.get("demonyms") or {}).items():
            for w in words or []:
                forms = [w, w + "s"] if str(w).endswith(("an", "i")) else [w]
                self._demonyms.update({normalize(str(f)): str(iso) for f in forms})
        for a in data.get("abbreviations") or []:
            for n in [*(a.get("names") or []), *([a["postal"]] if a.get("postal") else [])]:
                self._abbreviations[abbreviation_key(str(n))] = int(a["id"])

    def add_file(self, path: Path) -> None:
        """Add the places, aliases and settings of a user place file (YAML, same format)."""
        data = load_places_yaml(path)
        for p in data.get("places") or data.get("regions") or []:
            entry = Entry(
                id=int(p["id"]), name=str(p["name"]), lat=float(p["lat"]), lon=float(p["lon"]),
                country=str(p.get("country", "")), admin1_code=str(p.get("admin1_code", "")),
                admin1=str(p.get("admin1", "")), population=int(p.get("population", 0)),
                kind=str(p.get("kind", "region" if p.get("members") else "city")),
                members=tuple(int(m) for m in p.get("members") or ()),
            )
            self._overlay.entries[entry.id] = entry
            for n in p.get("names") or [entry.name]:
                self._add_overlay_name(n, entry.id, "user", "")
        for norm, _tkey, pid, source, note in alias_name_rows(data):
            self._add_overlay_name(norm, pid, "user" if source == "alias" else source, note)
        self._read_settings(data)
        self.entry.cache_clear()
        self.fuzzy.cache_clear()
        self.by_translit.cache_clear()
        self._exact_cache.clear()

    def _add_overlay_name(self, name: str, pid: int, source: str, note: str) -> None:
        self._overlay.by_norm[normalize(name)].append((pid, source, note))
        self._overlay.by_tkey[translit_key(name)].append((pid, source, note))

    # -- settings ---------------------------------------------------------------------
    def is_not_place(self, norm: str) -> bool:
        """Return True when a normalised word is listed as rarely a place in news text."""
        return norm in self._not_places

    def is_street_word(self, norm: str) -> bool:
        """Return True for words such as 'Street' or 'Avenue' that end a street's name."""
        return norm in self._street_words

    def is_region_word(self, norm: str) -> bool:
        """Return True for words such as 'region' or 'oblast'."""
        return norm in self._region_words

    def abbreviation(self, text: str) -> list[NameHit]:
        """Return the region that a written abbreviation names after a town and a comma
        ("Tenn.", "W. Va.", "TN", "B.C."; places.yaml ``abbreviations``), or []."""
        pid = self._abbreviations.get(abbreviation_key(text))
        e = self.entry(pid) if pid is not None else None
        return [NameHit(e, "alias", "abbreviation")] if e is not None else []

    def demonym(self, text: str) -> list[NameHit]:
        """Return the country that an adjective names ("Georgian": Georgia; places.yaml
        ``demonyms``), or []."""
        iso = self._demonyms.get(normalize(text))
        e = self.country_entry(iso) if iso else None
        return [NameHit(e, "alias", "demonym")] if e is not None else []

    def theatre_weight(self, country: str) -> float:
        """Return the prior weight of a country in the monitored theatre (0 when outside)."""
        return self._theatre.get(country, 0.0)

    def on_front(self, country: str, admin1_code: str) -> bool:
        """Return whether an admin-1 region of the theatre is on the front (place data's
        ``front_regions``)."""
        return (country, admin1_code) in self._front and self.theatre_weight(country) > 0

    # -- lookups ----------------------------------------------------------------------
    @lru_cache(maxsize=200_000)  # noqa: B019 - one gazetteer per process, lives as long
    def entry(self, pid: int) -> Entry | None:
        """Return the entry of a GeoNames (or project) id, or None when unknown."""
        if pid in self._overlay.entries:
            return self._overlay.entries[pid]
        row = self._con.execute(
            "SELECT id, name, lat, lon, country, admin1_code, admin1, population, kind, members,"
            " seat FROM place WHERE id = ?", (pid,)).fetchone()
        if row is None:
            return None
        members = tuple(int(m) for m in row[9].split(",") if m) if row[9] else ()
        return Entry(id=row[0], name=row[1], lat=row[2], lon=row[3], country=row[4],
                     admin1_code=row[5], admin1=row[6], population=row[7], kind=row[8],
                     members=members, seat=int(row[10] or 0))

    @lru_cache(maxsize=8192)  # noqa: B019
    def raions_of(self, seat: int) -> tuple[Entry, ...]:
        """Return the raions whose seat is the town ``seat`` (the Kupiansk Raion for
        Kupiansk; decision 100), or ()."""
        rows = self._con.execute(
            "SELECT id FROM place WHERE kind = 'admin2' AND seat = ?", (seat,)).fetchall()
        return tuple(e for (pid,) in rows if (e := self.entry(int(pid))) is not None)

    def admin1_of(self, entry: Entry) -> Entry | None:
        """Return the admin-1 entry that contains a place (itself for an admin-1)."""
        if entry.kind == "admin1":
            return entry
        return self._admin1(entry.country, entry.admin1_code)

    @lru_cache(maxsize=8192)  # noqa: B019
    def _admin1(self, country: str, code: str) -> Entry | None:
        row = self._con.execute(
            "SELECT id FROM place WHERE kind='admin1' AND country=? AND admin1_code=?",
            (country, code)).fetchone()
        return self.entry(int(row[0])) if row else None

    @lru_cache(maxsize=1024)  # noqa: B019
    def member_admins(self, region: Entry) -> frozenset[tuple[str, str]]:
        """Return the (country, admin-1 code) pairs that make up a composite region."""
        out = set()
        for m in region.members:
            e = self.entry(m)
            if e is not None:
                out.add((e.country, e.admin1_code))
        return frozenset(out)

    @lru_cache(maxsize=256)  # noqa: B019
    def largest_town(self, country: str, admin1_code: str | None = None) -> Entry | None:
        """Return the most populous town of a country, or of one of its admin-1 regions."""
        sql = "SELECT id FROM place WHERE kind = 'city' AND country = ?"
        args: tuple[str, ...] = (country,)
        if admin1_code is not None:
            sql += " AND admin1_code = ?"
            args = (country, admin1_code)
        row = self._con.execute(sql + " ORDER BY population DESC LIMIT 1", args).fetchone()
        return self.entry(int(row[0])) if row else None

    def country_entry(self, iso2: str) -> Entry | None:
        """Return the entry of a country by ISO code."""
        row = self._con.execute(
            "SELECT id FROM place WHERE kind='country' AND country=?", (iso2,)).fetchone()
        return self.entry(int(row[0])) if row else None

    def _hits(self, rows: Iterable[tuple[int, str, str]], distance: int = 0) -> list[NameHit]:
        out: dict[int, NameHit] = {}
        rank = {s: i for i, s in enumerate(NAME_SOURCES)}
        for pid, source, note in rows:
            e = self.entry(int(pid))
            if e is None:
                continue
            prev = out.get(e.id)
            # Keep the most telling source: a renaming note beats a bare alternate.
            if prev is None or (source == "former" and prev.source != "name") or (
                    rank.get(source, 9) < rank.get(prev.source, 9) and prev.source != "former"):
                out[e.id] = NameHit(e, source, note or "", distance)
        return list(out.values())

    def exact(self, name: str) -> list[NameHit]:
        """Return every entry one of whose names equals ``name`` once normalised."""
        return self.exact_many([normalize(name)]).get(normalize(name), [])

    def inflected(self, name: str) -> list[NameHit]:
        """Return the entries that a Russian or Ukrainian inflected form names ("под
        Покровском", "у Покровську" -> Pokrovsk), through its dictionary forms, best first;
        word by word for two-word names."""
        words = name.split()
        if len(words) == 1:
            forms: list[str] = list(dictionary_forms(words[0]))
        elif len(words) <= 3:
            # "Харьковской области", "Донецкой Народной Республике": each word in its forms
            # (an adjective also in the nominative of each gender)
            options = [(w, *dictionary_forms(w)) for w in words]
            # the words as written first: "Харківська область" is itself a name
            forms = [" ".join(c) for c in itertools.islice(itertools.product(*options), 400)]
        else:
            return []
        for k, form in enumerate(forms):
            hits = self.exact(form)
            if hits:
                return hits + self._big_cities_of(forms[k + 1:], hits)
        if len(words) == 1:
            # "из Крынок", "в Крынках": the dictionary reads a plural name (Крынки, Кринки)
            # as a form of the singular noun "крынка"; its nominative plural is the name
            # (decision 261)
            for form in forms:
                hits = [h for h in self.exact(_plural_of(form)) if h.entry.kind == "city"]
                if hits:
                    return hits
        parts = name.split("-")
        if len(words) == 1 and 2 <= len(parts) <= 3 and all(parts):
            # "Каменке-Днепровской", "Купянске-Узловом": a hyphenated name declined in each
            # part (pymorphy3's Russian dictionary does not read the compound whole)
            options = [(p, *dictionary_forms(p)) for p in parts]
            for combo in itertools.islice(itertools.product(*options), 200):
                hits = self.exact("-".join(combo))
                if hits:
                    return hits
        return []

    # A city this large that another dictionary form of a word names stays a candidate beside
    # the first form's hits (decision 250).
    INFLECTED_BIG_CITY = 100_000
    # ... and a town this large, when the first form names only places of no known size
    INFLECTED_TOWN = 10_000

    def _big_cities_of(self, forms: list[str], hits: list[NameHit]) -> list[NameHit]:
        """The large cities the other dictionary forms name: "Воронеже" reads first as the
        Ukrainian "Вороніж" (a village of Sumy Oblast) and then as "Воронеж", the city of a
        million that the resolver's famous-name rule then prefers."""
        known = {h.entry.id for h in hits}
        out: list[NameHit] = []
        # a first form that names only villages of no known size ("Гукове" read as the
        # Ukrainian Гуків) leaves a town of the other forms a candidate too ("Гуково", a
        # Russian town of 66,000; decision 326)
        least = self.INFLECTED_TOWN if all(h.entry.population == 0 for h in hits) else \
            self.INFLECTED_BIG_CITY
        for form in forms:
            for h in self.exact(form):
                if h.entry.id not in known and h.entry.kind == "city" and \
                        h.entry.population >= least:
                    known.add(h.entry.id)
                    out.append(h)
        return out

    # A seat's name rebuilt from an adjective is kept beside the best one when its largest
    # town has at least this share of the best one's people ("Климовский": Klimovsk, Moscow
    # Oblast, and Klimovo, Bryansk Oblast; the region named beside it decides).
    SEAT_POPULATION_SHARE = 0.1

    def seats(self, adjective: str) -> list[NameHit]:
        """Return the towns of the theatre that a district, community or direction adjective
        is named after ("Синельниківського" -> Synelnykove; "Климовском" -> Klimovo and
        Klimovsk), the most populous name's first; [] when none exists."""
        names = [normalize(n) for n in seat_names(adjective)]
        table = self.exact_many(names)
        found: list[tuple[int, list[NameHit]]] = []
        for n in dict.fromkeys(names):
            towns = [h for h in table.get(n, []) if h.entry.kind == "city"
                     and self.theatre_weight(h.entry.country) > 0]
            if towns:
                found.append((max(h.entry.population for h in towns), towns))
        if not found:
            return []
        top = max(p for p, _ in found)
        out: dict[int, NameHit] = {}
        for p, towns in sorted(found, key=lambda f: -f[0]):
            if p >= top * self.SEAT_POPULATION_SHARE:
                for h in towns:
                    out.setdefault(h.entry.id, h)
        return list(out.values())

    def exact_many(self, norms: Sequence[str]) -> dict[str, list[NameHit]]:
        """Return, for each normalised name that is in the gazetteer, its hits."""
        found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        wanted = list(dict.fromkeys(n for n in norms if n))
        out = {n: self._exact_cache[n] for n in wanted if n in self._exact_cache}
        uniq = [n for n in wanted if n not in self._exact_cache]
        for i in range(0, len(uniq), 500):
            chunk = uniq[i:i + 500]
            q = ",".join("?" * len(chunk))
            for norm, pid, source, note in self._con.execute(
                    f"SELECT norm, id, source, note FROM name WHERE norm IN ({q})", chunk):
                found[norm].append((pid, source, note))
        for n in uniq:
            if n in self._overlay.by_norm:
                found[n].extend(self._overlay.by_norm[n])
        if len(self._exact_cache) > EXACT_CACHE_SIZE:
            self._exact_cache.clear()
        for n in uniq:  # misses are cached too: most capitalised words are no place
            hits = _keep_prefix(n, self._hits(found[n])) if n in found else []
            self._exact_cache[n] = hits
            if hits:
                out[n] = hits
        return {n: h for n, h in out.items() if h}

    @lru_cache(maxsize=65536)  # noqa: B019
    def by_translit(self, name: str) -> list[NameHit]:
        """Return entries whose romanisation key equals that of ``name``."""
        key = translit_key(name)
        if len(key) < 4:
            return []
        rows: list[tuple[int, str, str]] = list(self._con.execute(
            "SELECT id, source, note FROM name WHERE tkey = ?", (key,)))
        rows.extend(self._overlay.by_tkey.get(key, []))
        return self._hits(rows)

    def _bucket(self, first: str, length: int) -> list[str]:
        got = self._buckets.get((first, length))
        if got is None:
            got = [r[0] for r in self._con.execute(
                "SELECT key FROM fkey WHERE first = ? AND len = ?", (first, length))]
            self._buckets[(first, length)] = got
        return got

    @lru_cache(maxsize=8192)  # noqa: B019
    def fuzzy(self, name: str, max_distance: int | None = None) -> list[NameHit]:
        """Return entries with a name within a small edit distance of ``name``.

        The distance counts a swap of two neighbouring letters as one edit ("Kramatrosk").
        It is measured on the romanisation key and, for keys one edit further off, on the
        plain letters ("Pokrvosk" / "Pokrovsk"), so that the key's folds do not hide a swap.
        The allowed distance grows with the key's length: 1 for 6-8 letters, 2 from 9.
        """
        key = translit_key(name)
        if max_distance is None:
            max_distance = 0 if len(key) < 6 else 1 if len(key) < 9 else 2
        if max_distance == 0:
            return []
        wide = max_distance + 1
        choices: list[str] = []
        for length in range(len(key) - wide, len(key) + wide + 1):
            choices.extend(self._bucket(key[0], length))
        matches = process.extract(key, choices, scorer=OSA.distance,
                                  score_cutoff=wide, limit=80)
        letters = letters_key(name)
        hits: list[NameHit] = []
        for other, dist, _ in matches:
            if dist == 0:
                continue
            rows = list(self._con.execute(
                "SELECT id, source, note, norm FROM name WHERE tkey = ?", (other,)))
            if dist <= max_distance:
                hits.extend(self._hits([r[:3] for r in rows], int(dist)))
                continue
            for pid, source, note, norm in rows:
                d = OSA.distance(letters, letters_key(norm), score_cutoff=max_distance)
                if 0 < d <= max_distance:
                    hits.extend(self._hits([(pid, source, note)], int(d)))
        best: dict[int, NameHit] = {}
        for h in hits:
            if h.entry.id not in best or h.distance < best[h.entry.id].distance:
                best[h.entry.id] = h
        return list(best.values())


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer of the bundled place data (no user places files;
    a configured one comes from ``wirewatch.resources.Resources``)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer()
        return _default


def _keep_prefix(norm: str, hits: list[NameHit]) -> list[NameHit]:
    """The hits of a Cyrillic name without the villages whose own name drops the name's
    prefix ("новоивановка": not Ivanovka), when another hit keeps it (NAME_PREFIXES)."""
    latin = next((lat for cyr, lat in NAME_PREFIXES if norm.startswith(cyr)), None)
    if latin is None or len(hits) < 2:
        return hits
    kept = [h for h in hits if h.entry.name.lower().startswith(latin)
            or h.entry.population >= PREFIX_VILLAGE_POPULATION]
    return kept if any(h.entry.name.lower().startswith(latin) for h in kept) else hits
