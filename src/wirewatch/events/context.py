"""What the event steps share: one document's context, one sentence's, one trigger's draft.

:class:`DocContext` lives for a document (codebook, lexicon, places, the
attributor, the mentions found so far, the last full date read);
:class:`SentenceContext` for a sentence (its triggers, the places left
unresolved, what it produced, the figures already taken); :class:`Draft` for
one trigger on its way through the steps (its tokens, attribution, places,
dates, modality, count). A step reads and fills a draft and returns False to
drop it; nothing else is passed between steps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from wirewatch.document import Document
from wirewatch.events.attribution import Attribution, Attributor, Source
from wirewatch.events.codebook import Codebook, EventType
from wirewatch.events.dates import UNKNOWN, DateMention, EventDate
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention
from wirewatch.events.numbers import Count
from wirewatch.events.triggers import Trigger
from wirewatch.events.where import Candidate
from wirewatch.places.models import Place, PlaceMention

if TYPE_CHECKING:
    from wirewatch.events.types import Behaviour

PlaceChoice = tuple[Place | None, PlaceMention | None]


@dataclass
class Found:
    """A mention in the making, with what later sentences need to know about it."""

    mention: EventMention
    source: Source | None
    sentence: int
    place_mention: PlaceMention | None = None
    count_key: int | None = None
    subtypes: set[str] = field(default_factory=set)


def same_source(a: Source | None, b: Source | None) -> bool:
    """Return whether two sources are the same speaker."""
    return a is not None and b is not None and a.name == b.name


@dataclass
class DocContext:
    """One document on its way through the event stage."""

    document: Document
    parsed: Any
    places: Sequence[PlaceMention]
    book: Codebook
    lexicon: Lexicon
    attributor: Attributor
    outlet_speaks: bool = False
    found: list[Found] = field(default_factory=list)
    last_date: date | None = None
    # the sentence each speaker last spoke in (by name), for the sentences going on with it
    spoke_at: dict[str, int] = field(default_factory=dict)
    headline_end: int = 0  # where the headline ends (0: none)
    # the day a report's title says it covers ("Summary for May 26 from the governor"):
    # its undated events' day, in place of the publication's (decision 402)
    report_day: date | None = None
    types_seen: set[str] = field(default_factory=set)

    @cached_property
    def cued_villages(self) -> frozenset[str]:
        """The names the gazetteer lacks that the text calls a village somewhere ("the
        village of Tonenke"): a place wherever they recur, even where the tagger took the
        bare name for a person ("had withdrawn from Tonenke")."""
        words = "|".join(re.escape(w) for w in sorted(self.lexicon.village_words))
        if not words:
            return frozenset()
        cue = re.compile(rf"\b(?:{words})s?(?:\s+of)?\s+$", re.IGNORECASE)
        text = self.document.text
        return frozenset(p.surface for p in self.places if p.place is None and
                         cue.search(text[max(0, p.start - 30):p.start]))

    def behaviour(self, type_name: str) -> Behaviour:
        """Return the behaviour of an event type of the codebook (the default if unknown)."""
        from wirewatch.events.types import behaviour_of
        return behaviour_of(self.book.types.get(type_name), type_name)


@dataclass
class SentenceContext:
    """One sentence: its triggers and what its drafts share."""

    doc: DocContext
    sent: Any
    index: int
    triggers: list[Trigger]
    trigger_tokens: set[int]
    unresolved: list[Any]
    produced: list[Found] = field(default_factory=list)
    used_counts: set[int] = field(default_factory=set)
    casualty_groups: dict[int, Found] = field(default_factory=dict)
    # (a period's figure, the total it is part of): "including 1,100 over the past day"
    period_parts: list[tuple[Found, Found]] = field(default_factory=list)

    def found_so_far(self) -> list[Found]:
        """Return the mentions of earlier sentences, then this sentence's."""
        return [*self.doc.found, *self.produced]


@dataclass
class Draft:
    """One trigger on its way through the steps."""

    trigger: Trigger
    type: EventType
    behaviour: Behaviour
    tokens: list[Any]
    head: Any
    att: Attribution = field(default_factory=Attribution)
    candidates: list[Candidate] = field(default_factory=list)
    chosen: list[Candidate] = field(default_factory=list)
    ref_tok: Any = None
    ref_place: PlaceMention | None = None
    places: list[PlaceChoice] = field(default_factory=list)
    fell_back: bool = False
    carried_place: bool = False  # the place came from earlier sentences, not its own
    # a place the text ties to the trigger that the gazetteer cannot resolve (a village it
    # lacks): the event is written with place null rather than dropped
    unresolved_place: Any = None
    # villages the gazetteer lacks that a region, country or district right after locates
    # ("Kotlyne in the DPR"), by token index (decision 306)
    located_villages: frozenset[int] = frozenset()
    date_tokens: list[tuple[Any, DateMention]] = field(default_factory=list)
    other_events: set[int] = field(default_factory=set)
    own: DateMention | None = None
    claim: DateMention | None = None
    future: bool = False
    modality: str = "asserted"
    claimant: Source | None = None
    count: Count | None = None
    count_key: int | None = None
    when: EventDate = UNKNOWN
    linked: EventDate | None = None
    subtype: str | None = None
    extent: str | None = None
    base: EventMention | None = None

    @property
    def type_name(self) -> str:
        """Return the name of the trigger's event type."""
        return self.trigger.type
