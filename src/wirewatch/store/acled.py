"""wirewatch's event types in ACLED's vocabulary, as data (``data/acled.yaml``).

Loaded and validated like the codebook: :func:`load_acled` returns a frozen
:class:`AcledMapping` or raises :class:`AcledMappingError` naming the file and the key.
The exports (:mod:`wirewatch.store.export`) take one; those given none use the bundled
file, parsed once per process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.datafile import load_data_file

KEYS = {"types", "default", "air_strike", "government_regains", "modalities",
        "disorder_types", "sides", "regions"}
SIDE_KEYS = {"actor", "country"}
AIR_KEYS = {"type", "sub_event_type", "weapon_words"}
REGAINS_KEYS = {"type", "sub_event_type", "government_side", "other_side"}


class AcledMappingError(ValueError):
    """An ACLED mapping file that cannot be used, with the file, the key and the reason."""


@dataclass(frozen=True)
class AcledMapping:
    """The ACLED (event_type, sub_event_type) of each wirewatch type, and the two
    refinements: air or drone strikes by weapon, territory regained by the government."""

    types: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    default: tuple[str, str] = ("Strategic developments", "Other")
    air_type: str = "strike"
    air_sub_event_type: str = "Air/drone strike"
    air_words: tuple[str, ...] = ()
    regains_type: str = "territory.captured"
    regains_sub_event_type: str = "Government regains territory"
    government_side: str = "UA"
    other_side: str = "RU"
    modalities: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    disorder_types: Mapping[str, str] = field(default_factory=dict)
    sides: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # side: (actor, country)
    regions: Mapping[str, str] = field(default_factory=dict)

    def classify(self, event: Mapping[str, Any], weapons: Iterable[str] = ()
                 ) -> tuple[str, str]:
        """Return (event_type, sub_event_type) in ACLED's vocabulary for a canonical event;
        an event only denied or only planned gets the pair its modality names instead."""
        if event.get("modality") in self.modalities:
            return self.modalities[str(event["modality"])]
        etype, sub = self.types.get(event["type"], self.default)
        if event["type"] == self.air_type and any(
                w in " ".join(weapons).lower() for w in self.air_words):
            sub = self.air_sub_event_type
        if event["type"] == self.regains_type:
            sides = {m.get("actor_side") for m in event.get("mentions", [])}
            if self.government_side in sides and self.other_side not in sides:
                sub = self.regains_sub_event_type
        return etype, sub

    def disorder_type(self, event_type: str) -> str:
        """Return ACLED's disorder_type of an ACLED event_type ('' if unknown)."""
        return self.disorder_types.get(event_type, "")

    def actor(self, side: str | None, country: str | None) -> tuple[str, int | None]:
        """Return (ACLED actor name, inter code) of a side in a country: 1 for state forces
        at home, 8 (external/other forces) elsewhere; ('', None) for an unknown side."""
        if not side or side not in self.sides:
            return "", None
        name, home = self.sides[side]
        return name, 1 if country == home else 8


def default_acled_file() -> Path:
    """Return the bundled ACLED mapping file."""
    return Path(str(resources.files("wirewatch") / "data" / "acled.yaml"))


def _pair(value: Any, key: str) -> tuple[str, str]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, str) and v for v in value)):
        raise AcledMappingError(f"{key}: expected [event_type, sub_event_type], got {value!r}")
    return value[0], value[1]


def _section(data: Any, key: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise AcledMappingError(f"{key}: expected a mapping")
    unknown = sorted(set(data) - keys)
    if unknown:
        raise AcledMappingError(f"{key}.{unknown[0]}: unknown key (known: "
                                f"{', '.join(sorted(keys))})")
    missing = sorted(keys - set(data))
    if missing:
        raise AcledMappingError(f"{key}.{missing[0]}: missing")
    for k, v in data.items():
        if k != "weapon_words" and not (isinstance(v, str) and v):
            raise AcledMappingError(f"{key}.{k}: expected a non-empty string, got {v!r}")
    return data


def _mapping(data: Any, key: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise AcledMappingError(f"{key}: expected a mapping")
    return data


def _strings(data: Any, key: str) -> dict[str, str]:
    for k, v in _mapping(data, key).items():
        if not (isinstance(v, str) and v):
            raise AcledMappingError(f"{key}.{k}: expected a non-empty string, got {v!r}")
    return {str(k): str(v) for k, v in data.items()}


def parse_acled(data: Any) -> AcledMapping:
    """Return the mapping of a parsed file; raise AcledMappingError naming the key."""
    if not isinstance(data, dict):
        raise AcledMappingError("the file must be a mapping")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise AcledMappingError(f"{unknown[0]}: unknown key (known: {', '.join(sorted(KEYS))})")
    types = data.get("types")
    if not isinstance(types, dict):
        raise AcledMappingError("types: expected a mapping of event type to "
                                "[event_type, sub_event_type]")
    air = _section(data.get("air_strike"), "air_strike", AIR_KEYS)
    words = air["weapon_words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise AcledMappingError("air_strike.weapon_words: expected a list of words")
    regains = _section(data.get("government_regains"), "government_regains", REGAINS_KEYS)
    modalities = _mapping(data.get("modalities", {}), "modalities")
    sides = _mapping(data.get("sides", {}), "sides")
    for k, v in sides.items():
        _section(v, f"sides.{k}", SIDE_KEYS)
    return AcledMapping(
        modalities={str(k): _pair(v, f"modalities.{k}") for k, v in modalities.items()},
        disorder_types=_strings(data.get("disorder_types", {}), "disorder_types"),
        sides={str(k): (v["actor"], v["country"]) for k, v in sides.items()},
        regions=_strings(data.get("regions", {}), "regions"),
        types={str(k): _pair(v, f"types.{k}") for k, v in types.items()},
        default=_pair(data.get("default"), "default"),
        air_type=air["type"], air_sub_event_type=air["sub_event_type"],
        air_words=tuple(w.lower() for w in words),
        regains_type=regains["type"], regains_sub_event_type=regains["sub_event_type"],
        government_side=regains["government_side"], other_side=regains["other_side"])


def load_acled(path: str | os.PathLike[str] | None = None) -> AcledMapping:
    """Return the ACLED mapping at ``path`` (default: the bundled one).

    Raises AcledMappingError naming the file when it cannot be read or is malformed.
    """
    return load_data_file(path or default_acled_file(), parse_acled, AcledMappingError,
                          "ACLED mapping")


def default_acled() -> AcledMapping:
    """Return the bundled ACLED mapping (parsed once per file version)."""
    return load_acled()
