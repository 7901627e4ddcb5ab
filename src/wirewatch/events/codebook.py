"""The codebook as data: event types, trigger phrases and attribution words (codebook.yaml)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class EventType:
    """One event type: its trigger phrases and what it needs to be an event."""

    name: str
    triggers: tuple[tuple[str, ...], ...]
    place_required: bool
    count: bool = False
    extent: bool = False
    needs_equipment: bool = False
    needs_object: frozenset[str] = frozenset()
    subtypes: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Codebook:
    """Everything the event stage reads from the codebook file."""

    types: dict[str, EventType]
    equipment_words: tuple[tuple[str, ...], ...]
    modality: dict[str, tuple[tuple[str, ...], ...]]
    party_words: tuple[str, ...]
    media_words: tuple[str, ...]
    speech_verbs: frozenset[str]
    not_event_contexts: tuple[str, ...]
    sides: dict[str, tuple[str, ...]]

    @cached_property
    def phrases(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Return trigger phrases indexed by their first word: word -> [(type, phrase)]."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for t in self.types.values():
            for phrase in t.triggers:
                index.setdefault(phrase[0], []).append((t.name, phrase))
        return index


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def default_codebook_file() -> Path:
    """Return the path of the codebook bundled with wirewatch."""
    return Path(str(resources.files("wirewatch") / "data" / "codebook.yaml"))


def parse_codebook(data: dict[str, Any]) -> Codebook:
    """Return the codebook described by a parsed YAML mapping."""
    types = {}
    for name, spec in (data.get("types") or {}).items():
        types[name] = EventType(
            name=name,
            triggers=tuple(_words(p) for p in spec.get("triggers") or []),
            place_required=spec.get("place") == "required",
            count=bool(spec.get("count")), extent=bool(spec.get("extent")),
            needs_equipment=bool(spec.get("needs_equipment")),
            needs_object=frozenset(w.lower() for w in spec.get("single_word_needs_object") or []),
            subtypes={k: frozenset(_words(p) for p in v)
                      for k, v in (spec.get("subtypes") or {}).items()},
        )
    return Codebook(
        types=types,
        equipment_words=tuple(_words(w) for w in data.get("equipment_words") or []),
        modality={k: tuple(_words(w) for w in v)
                  for k, v in (data.get("modality") or {}).items()},
        party_words=tuple(w.lower() for w in data.get("party_words") or []),
        media_words=tuple(w.lower() for w in data.get("media_words") or []),
        speech_verbs=frozenset(w.lower() for w in data.get("speech_verbs") or []),
        not_event_contexts=tuple(w.lower() for w in data.get("not_event_contexts") or []),
        sides={k: tuple(w.lower() for w in v) for k, v in (data.get("sides") or {}).items()},
    )


@lru_cache(maxsize=8)
def load_codebook(path: str | None = None) -> Codebook:
    """Return the codebook at ``path`` (default: WIREWATCH_CODEBOOK, else the bundled one)."""
    chosen = Path(path or os.environ.get("WIREWATCH_CODEBOOK") or default_codebook_file())
    data = yaml.safe_load(chosen.read_text(encoding="utf-8")) or {}
    return parse_codebook(data)
