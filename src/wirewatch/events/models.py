"""Typed event mentions, serialised exactly as the contract (docs/contract.md section 7)
writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.events.dates import EventDate
from wirewatch.events.numbers import Count
from wirewatch.places.models import Place

# The keys of an event object: the contract's section 7 (v2: claimant_actor,
# conduit_actors, lang; claimant_text: the claimant in the article's own words where the
# claimant string is the registry's English name, as for Russian and Ukrainian), plus the
# key fields section 2 names for some types (venue,
# equipment, weapon, object), null where they do not apply.
CONTRACT_KEYS = ("doc", "type", "subtype", "place", "date", "actor", "target", "count",
                 "claimant", "conduit", "claimant_actor", "conduit_actors", "claimant_text",
                 "lang",
                 "modality", "extent", "aggregate", "venue", "equipment", "weapon", "object",
                 "evidence", "confidence")


@dataclass(frozen=True)
class ActorRef:
    """A claimant or conduit found in the actor registry, with the role it spoke in."""

    id: str
    name: str
    role: str | None
    side: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's claimant_actor object."""
        return {"id": self.id, "name": self.name, "role": self.role, "side": self.side,
                "kind": self.kind}


@dataclass(frozen=True)
class Party:
    """An actor or target: the words of the text and the side they make clear."""

    text: str
    side: str | None  # RU | UA | other | None

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's actor/target object."""
        return {"text": self.text, "side": self.side}


@dataclass(frozen=True)
class Evidence:
    """The sentence that carries the claim, with offsets into the document's body text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's evidence object."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class EventMention:
    """One claim of one event in one article."""

    doc: str
    type: str
    place: Place | None
    date: EventDate
    evidence: Evidence
    modality: str
    subtype: str | None = None
    actor: Party | None = None
    target: Party | None = None
    count: Count | None = None
    claimant: str | None = None
    conduit: tuple[str, ...] = ()
    extent: str | None = None
    aggregate: bool = False
    venue: Place | None = None
    equipment: str | None = None
    weapon: str | None = None
    object: str | None = None
    claimant_actor: ActorRef | None = None
    conduit_actors: tuple[ActorRef | None, ...] = ()
    # the claimant in the article's own words when ``claimant`` is the registry's English
    # name of what the article names in another language ("Минобороны России"); else None
    claimant_text: str | None = None
    lang: str = "en"  # the language of the article the mention was read from (ISO 639-1)
    # a definite noun ("the capture of X") that may only refer back to an event already
    # reported in the article; not part of the output
    reference: bool = field(default=False, compare=False)
    # character offsets of the trigger words, for highlighting; not part of the contract
    trigger: tuple[int, int] | None = field(default=None, compare=False)
    # how sure the extractor is that this is a real event at the right place: the
    # probability that it matches a gold mention (events/confidence.py); None until scored
    confidence: float | None = field(default=None, compare=False)
    # what the steps learnt about the trigger, the confidence model's ``signal:``
    # features (events/confidence.py: draft_signals); not part of the output
    signals: frozenset[str] = field(default=frozenset(), compare=False)
    # the text names where it happened, a place the gazetteer lacks (place null, decision
    # 306): not a later sentence's elaboration of another mention; not part of the output
    unlisted_place: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's event object (fields that do not apply are null)."""
        return {
            "doc": self.doc, "type": self.type, "subtype": self.subtype,
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict(),
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "count": self.count.to_dict() if self.count else None,
            "claimant": self.claimant, "conduit": list(self.conduit),
            "claimant_actor": self.claimant_actor.to_dict() if self.claimant_actor else None,
            "conduit_actors": [a.to_dict() if a else None for a in self.conduit_actors],
            "claimant_text": self.claimant_text, "lang": self.lang,
            "modality": self.modality, "extent": self.extent, "aggregate": self.aggregate,
            "venue": self.venue.to_dict() if self.venue else None,
            "equipment": self.equipment, "weapon": self.weapon, "object": self.object,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }

    def to_record(self) -> dict[str, Any]:
        """Return the contract's object plus the trigger's offsets, as the store keeps it."""
        out = self.to_dict()
        if self.trigger is not None:
            out["trigger"] = {"start": self.trigger[0], "end": self.trigger[1]}
        return out
