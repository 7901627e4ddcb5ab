"""Typed results of place recognition and resolution, serialised as docs/contract.md section 3/7."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.places.gazetteer import Entry, NameHit


@dataclass(frozen=True)
class Place:
    """A resolved place: the gazetteer entry and how the words led to it."""

    name: str
    geonameid: int
    lat: float
    lon: float
    country: str
    admin1: str | None
    surface: str
    confidence: float
    method: str  # exact | alias | renamed | transliteration | fuzzy | appositive | context
    explanation: str
    kind: str = "city"
    admin1_code: str = ""
    # a raion of Ukraine, Russia or Belarus: its seat town, where an event "in the X
    # district" is placed (decision 100; the event stage reads it, the contract's place
    # object does not carry it)
    seat: Place | None = field(default=None, compare=False)
    # how many gazetteer entries of the name the resolver chose among (1: no namesake);
    # the event stage reads it (decision 412), the contract's place object does not
    # carry it
    candidates: int = field(default=1, compare=False)
    # a town's admin-1 region, where "the region" of a text that names no region points
    # (the event stage reads it, the contract's place object does not carry it)
    region: Place | None = field(default=None, compare=False)
    # an admin-1 region's capital, its most populous town, where "the regional capital"
    # points (decision 626; the event stage reads it, the contract's place object does not
    # carry it)
    capital: Place | None = field(default=None, compare=False)

    @classmethod
    def from_entry(cls, e: Entry, surface: str, confidence: float, method: str,
                   explanation: str) -> Place:
        """Return the place of a gazetteer entry with the given resolution details."""
        return cls(name=e.name, geonameid=e.id, lat=round(e.lat, 5), lon=round(e.lon, 5),
                   country=e.country, admin1=e.admin1 or None, surface=surface,
                   confidence=round(confidence, 3), method=method, explanation=explanation,
                   kind=e.kind, admin1_code=e.admin1_code)

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's place object."""
        return {
            "name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
            "country": self.country, "admin1": self.admin1, "surface": self.surface,
            "confidence": self.confidence, "method": self.method,
            "explanation": self.explanation,
        }


@dataclass
class Span:
    """A stretch of text that may name a place, with what recognition learnt about it."""

    start: int
    end: int
    surface: str
    hits: list[NameHit] = field(default_factory=list)
    how: str = "exact"  # exact | translit | fuzzy | none: how ``hits`` were found
    fuzzy_hits: list[NameHit] = field(default_factory=list)  # near misses of unknown names
    # Places whose romanisation key equals the name's, beside its exact hits ("Vasilyevka"
    # is the exact name of a Crimean village and the Russian form of Zaporizhzhia's Vasylivka).
    translit_hits: list[NameHit] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)  # ner, pattern, prep, region, called ...
    sentence: int = 0
    paragraph: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """One place mention in one document; ``place`` is None when it stayed unresolved."""

    doc: str
    surface: str
    start: int
    end: int
    place: Place | None
    explanation: str = ""
    # the place the article was filed from ("KYIV, Nov 3 (Reuters) -"): a place of the
    # text, never by itself the place of an event
    dateline: bool = field(default=False, compare=False)
    # for a name the gazetteer lacks, the region the text puts it in ("the village of X in
    # Zaporizhzhia region"): where an event at X can honestly be placed, at region level
    container: Place | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's ``extract --what places`` object."""
        p = self.place
        return {
            "doc": self.doc, "surface": self.surface, "start": self.start, "end": self.end,
            "name": p.name if p else None, "geonameid": p.geonameid if p else None,
            "lat": p.lat if p else None, "lon": p.lon if p else None,
            "country": p.country if p else None, "admin1": p.admin1 if p else None,
            "confidence": p.confidence if p else 0.0, "method": p.method if p else None,
            "explanation": p.explanation if p else self.explanation,
        }
