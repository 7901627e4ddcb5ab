"""The codebook as data: event types, trigger phrases and attribution words (codebook.yaml).

docs/codebook.md describes the file format. A user extends the codebook by
copying the bundled file and pointing wirewatch at the copy (``--codebook`` or
``WIREWATCH_CODEBOOK``); nothing here needs to change for a new type, trigger
or marker word.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.datafile import load_data_file

Phrase = tuple[str, ...]

TYPE_KEYS = {"triggers", "followup_triggers", "place", "count", "extent", "needs_equipment",
             "needs_object", "partial_only", "needs_military_subject", "needs_military_agent",
             "stative", "avoid_preps",
             "country_place", "place_nationwide", "place_fallback", "needs_count", "subtypes",
             "object_is_equipment", "object_nouns", "not_as_modifier", "quoted_terms",
             "modifier_of_subject",
             "needs_people", "needs_civilian_subject", "needs_military_object",
             "followup_verbs", "noun_reaches_verb", "behaviour", "subject_is_target",
             "object_only", "verb_only", "counted_only", "plans", "denial_answers_claim",
             "count_is_tally"}
TOP_KEYS = {"conflict_start_year", "types", "count_nouns", "equipment_words", "modality",
            "claim_nouns", "claim_head_nouns", "other_claim_words", "party_words",
            "media_words", "speech_verbs",
            "not_event_before", "not_event_marks", "military_nouns", "actor_nouns",
            "place_anaphora", "direction_words", "claimant_names", "conduit_names", "sides",
            "not_event_heads", "continuation_words", "loss_nouns", "national_bodies"}


class CodebookError(ValueError):
    """A codebook file that cannot be used, with the file and the reason."""


@dataclass(frozen=True)
class EventType:
    """One event type: its trigger phrases and what it needs to be an event."""

    name: str
    triggers: tuple[Phrase, ...]
    place_required: bool
    followup_triggers: tuple[Phrase, ...] = ()
    count: str | None = None  # which count nouns apply: people | passport | strike | any ...
    extent: bool = False
    needs_equipment: bool = False
    needs_count: bool = False
    needs_object: frozenset[str] = frozenset()
    partial_only: frozenset[str] = frozenset()
    needs_military_subject: frozenset[str] = frozenset()
    # "300 people have left the community": words that are this type only with civilians
    # as their subject (codebook ``loss_nouns.civilians``; decision 558)
    needs_civilian_subject: frozenset[str] = frozenset()
    # verbs whose object must be soldiers ("detained two saboteurs", not "detained a man
    # suspected of spying"; decision 564)
    needs_military_object: frozenset[str] = frozenset()
    # triggers whose agent, when one is written ("cut off by ..."), must be an armed actor
    needs_military_agent: frozenset[str] = frozenset()
    stative: frozenset[Phrase] = frozenset()
    avoid_preps: frozenset[str] = frozenset()
    country_place: bool = False
    place_nationwide: bool = False
    place_fallback: str | None = None
    object_is_equipment: frozenset[Phrase] = frozenset()
    object_nouns: frozenset[str] = frozenset()
    not_as_modifier: bool = False
    quoted_terms: frozenset[str] = frozenset()
    # a trigger used as a noun modifier is an event only on the clause's subject ("an
    # evacuation bus will leave"; not "a drone struck an evacuation vehicle")
    modifier_of_subject: bool = False
    needs_people: bool = False
    followup_verbs: frozenset[str] = frozenset()
    noun_reaches_verb: bool = False
    # trigger phrases whose subject is the place hit ("Marhanets came under fire")
    subject_is_target: frozenset[Phrase] = frozenset()
    # events of this type are announced before they happen (an evacuation ordered, an
    # offensive declared): a future one is `planned`; others foretold are predictions
    plans: bool = False
    # "no mandatory evacuation has been ordered", "no hits were recorded": a statement that
    # none happened is a denial only where it answers a claim told before (decision 520)
    denial_answers_claim: bool = False
    # "shelled 38 settlements", "carried out 94 attacks": a counted event is a tally of
    # many (aggregate) whatever its date
    count_is_tally: bool = False
    # verbs that are events only with a named place or "the town" as their direct object
    # ("Moscow claimed the town"; not "claimed that ...", "rejected both claims")
    object_only: frozenset[Phrase] = frozenset()
    # trigger words that are events only as verbs ("a drone damaged a depot"; not "the
    # damage to the grid")
    verb_only: frozenset[Phrase] = frozenset()
    # trigger phrases that are events only with a figure ("deported 19,546 children"; not
    # "threatened with deportation", "called the transfer a deportation")
    counted_only: frozenset[Phrase] = frozenset()
    behaviour: str | None = None  # the registered behaviour (events/types/) it uses
    subtypes: dict[str, frozenset[Phrase]] = field(default_factory=dict)

    @cached_property
    def subtype_words(self) -> frozenset[str]:
        """Every word of the subtypes' phrases ("kill", "wound", "take prisoner" …)."""
        return frozenset(w for phrases in self.subtypes.values() for p in phrases for w in p)


@dataclass(frozen=True)
class NamePattern:
    """A canonical name for claimants or conduits matching a regular expression."""

    pattern: re.Pattern[str]
    name: str
    side: str | None = None


@dataclass(frozen=True)
class Codebook:
    """Everything the event stage reads from the codebook file."""

    types: dict[str, EventType]
    conflict_start_year: int = 0
    count_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    equipment_words: tuple[Phrase, ...] = ()
    modality: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    claim_nouns: frozenset[str] = frozenset()
    claim_head_nouns: frozenset[str] = frozenset()
    other_claim_words: frozenset[str] = frozenset()
    party_words: tuple[str, ...] = ()
    # bodies that speak from a capital ("the General Staff in Kyiv"): the city only seats
    # them, no place of the story (decision 593)
    national_bodies: frozenset[str] = frozenset()
    media_words: tuple[str, ...] = ()
    speech_verbs: frozenset[str] = frozenset()
    not_event_before: tuple[Phrase, ...] = ()
    not_event_marks: frozenset[str] = frozenset()
    not_event_heads: frozenset[str] = frozenset()
    continuation_words: frozenset[str] = frozenset()
    military_nouns: frozenset[str] = frozenset()
    # who a casualty figure counts: an army's losses or civilians (decision 130)
    soldier_nouns: frozenset[str] = frozenset()
    civilian_nouns: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    place_anaphora: dict[str, frozenset[str]] = field(default_factory=dict)
    direction_words: frozenset[str] = frozenset()
    claimant_names: tuple[NamePattern, ...] = ()
    conduit_names: tuple[NamePattern, ...] = ()
    sides: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def phrases(self) -> dict[str, list[tuple[str, Phrase]]]:
        """Return trigger phrases indexed by their first word: word -> [(type, phrase)]."""
        return self._index(lambda t: t.triggers)

    @cached_property
    def followup_phrases(self) -> dict[str, list[tuple[str, Phrase]]]:
        """Return follow-up trigger phrases indexed by their first word."""
        return self._index(lambda t: t.followup_triggers)

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """Return the first words of the trigger phrases (the keys of ``phrases``)."""
        return frozenset(self.phrases)

    @cached_property
    def anaphora_words(self) -> frozenset[str]:
        """Return every word of ``place_anaphora`` ("town", "village" ...), of any kind."""
        return frozenset(w for words in self.place_anaphora.values() for w in words)

    def _index(self, get: Any) -> dict[str, list[tuple[str, Phrase]]]:
        index: dict[str, list[tuple[str, Phrase]]] = {}
        for t in self.types.values():
            for phrase in get(t):
                index.setdefault(phrase[0], []).append((t.name, phrase))
        return index

    @cached_property
    def equipment_index(self) -> dict[str, list[Phrase]]:
        """Return equipment phrases indexed by their last word (the head noun)."""
        index: dict[str, list[Phrase]] = {}
        for phrase in self.equipment_words:
            index.setdefault(phrase[-1], []).append(phrase)
        return index


def _words(phrase: Any) -> Phrase:
    return tuple(str(phrase).lower().split())


def _lower_set(items: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items or [])


def default_codebook_file() -> Path:
    """Return the path of the codebook bundled with wirewatch."""
    return Path(str(resources.files("wirewatch") / "data" / "codebook.yaml"))


def _names(entries: Any, where: str) -> tuple[NamePattern, ...]:
    out = []
    for i, e in enumerate(entries or []):
        if not isinstance(e, dict) or "match" not in e or "name" not in e:
            raise CodebookError(f"{where}[{i}]: needs 'match' and 'name'")
        try:
            pattern = re.compile(str(e["match"]), re.I)
        except re.error as exc:
            raise CodebookError(f"{where}[{i}]: bad regular expression: {exc}") from exc
        out.append(NamePattern(pattern, str(e["name"]), e.get("side")))
    return tuple(out)


def _behaviour(name: str, value: Any) -> str | None:
    """Return a type's ``behaviour:`` name, refused unless a behaviour is registered by it."""
    if value is None:
        return None
    from wirewatch.events.types import known_behaviours  # the behaviours import this module
    known = known_behaviours()
    if not isinstance(value, str) or value not in known:
        raise CodebookError(f"type {name}: unknown behaviour {value!r}; known: {sorted(known)}")
    return value


def parse_codebook(data: dict[str, Any]) -> Codebook:
    """Return the codebook described by a parsed YAML mapping (CodebookError if malformed)."""
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise CodebookError("the file must be a mapping with a 'types' mapping")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise CodebookError(f"unknown keys {sorted(unknown)}; known: {sorted(TOP_KEYS)}")
    types = {}
    for name, spec in data["types"].items():
        spec = spec or {}
        bad = set(spec) - TYPE_KEYS
        if bad:
            raise CodebookError(f"type {name}: unknown keys {sorted(bad)}; "
                                f"known: {sorted(TYPE_KEYS)}")
        if not spec.get("triggers"):
            raise CodebookError(f"type {name}: needs a non-empty 'triggers' list")
        count = spec.get("count")
        types[name] = EventType(
            name=name,
            triggers=tuple(_words(p) for p in spec["triggers"]),
            followup_triggers=tuple(_words(p) for p in spec.get("followup_triggers") or []),
            place_required=spec.get("place") == "required",
            count=str(count) if count not in (None, False) else None,
            extent=bool(spec.get("extent")),
            needs_equipment=bool(spec.get("needs_equipment")),
            needs_count=bool(spec.get("needs_count")),
            needs_object=_lower_set(spec.get("needs_object")),
            partial_only=_lower_set(spec.get("partial_only")),
            needs_military_subject=_lower_set(spec.get("needs_military_subject")),
            needs_civilian_subject=_lower_set(spec.get("needs_civilian_subject")),
            needs_military_object=_lower_set(spec.get("needs_military_object")),
            needs_military_agent=_lower_set(spec.get("needs_military_agent")),
            stative=frozenset(_words(p) for p in spec.get("stative") or []),
            avoid_preps=_lower_set(spec.get("avoid_preps")),
            country_place=bool(spec.get("country_place")),
            place_nationwide=bool(spec.get("place_nationwide")),
            place_fallback=spec.get("place_fallback"),
            object_is_equipment=frozenset(_words(p) for p in
                                          spec.get("object_is_equipment") or []),
            object_nouns=_lower_set(spec.get("object_nouns")),
            not_as_modifier=bool(spec.get("not_as_modifier")),
            quoted_terms=_lower_set(spec.get("quoted_terms")),
            modifier_of_subject=bool(spec.get("modifier_of_subject")),
            needs_people=bool(spec.get("needs_people")),
            followup_verbs=_lower_set(spec.get("followup_verbs")),
            noun_reaches_verb=bool(spec.get("noun_reaches_verb")),
            subject_is_target=frozenset(_words(p) for p in
                                        spec.get("subject_is_target") or []),
            object_only=frozenset(_words(p) for p in spec.get("object_only") or []),
            verb_only=frozenset(_words(p) for p in spec.get("verb_only") or []),
            counted_only=frozenset(_words(p) for p in spec.get("counted_only") or []),
            plans=bool(spec.get("plans")),
            denial_answers_claim=bool(spec.get("denial_answers_claim")),
            count_is_tally=bool(spec.get("count_is_tally")),
            behaviour=_behaviour(name, spec.get("behaviour")),
            subtypes={k: frozenset(_words(p) for p in v)
                      for k, v in (spec.get("subtypes") or {}).items()},
        )
    return Codebook(
        types=types,
        conflict_start_year=int(data.get("conflict_start_year") or 0),
        count_nouns={k: _lower_set(v) for k, v in (data.get("count_nouns") or {}).items()},
        equipment_words=tuple(_words(w) for w in data.get("equipment_words") or []),
        modality={k: tuple(_words(w) for w in v)
                  for k, v in (data.get("modality") or {}).items()},
        claim_nouns=_lower_set(data.get("claim_nouns")),
        claim_head_nouns=_lower_set(data.get("claim_head_nouns")),
        other_claim_words=_lower_set(data.get("other_claim_words")),
        party_words=tuple(str(w).lower() for w in data.get("party_words") or []),
        media_words=tuple(str(w).lower() for w in data.get("media_words") or []),
        national_bodies=_lower_set(data.get("national_bodies")),
        speech_verbs=_lower_set(data.get("speech_verbs")),
        not_event_before=tuple(_words(w) for w in data.get("not_event_before") or []),
        not_event_marks=_lower_set(data.get("not_event_marks")),
        not_event_heads=_lower_set(data.get("not_event_heads")),
        continuation_words=_lower_set(data.get("continuation_words")),
        military_nouns=_lower_set(data.get("military_nouns")),
        soldier_nouns=_lower_set((data.get("loss_nouns") or {}).get("soldiers")),
        civilian_nouns=_lower_set((data.get("loss_nouns") or {}).get("civilians")),
        actor_nouns=_lower_set(data.get("actor_nouns")),
        place_anaphora={k: _lower_set(v)
                        for k, v in (data.get("place_anaphora") or {}).items()},
        direction_words=_lower_set(data.get("direction_words")),
        claimant_names=_names(data.get("claimant_names"), "claimant_names"),
        conduit_names=_names(data.get("conduit_names"), "conduit_names"),
        sides={k: tuple(str(w).lower() for w in v)
               for k, v in (data.get("sides") or {}).items()},
    )


def codebook_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the codebook file in use: ``path``, else the bundled one."""
    return Path(path or default_codebook_file())


def load_codebook(path: str | os.PathLike[str] | None = None) -> Codebook:
    """Return the codebook at ``path`` (default: the bundled one).

    Raises CodebookError naming the file when it cannot be read or is malformed.
    """
    return load_data_file(codebook_path(path), parse_codebook, CodebookError, "codebook")
