"""The whole extraction pipeline over a batch of documents: text -> places -> events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch.events.codebook import Codebook, load_codebook
from wirewatch.events.extract import events_in_document
from wirewatch.events.models import EventMention
from wirewatch.ingest.document import Document
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.places.models import PlaceMention
from wirewatch.places.pipeline import places_in_text


@dataclass(frozen=True)
class Extraction:
    """What wirewatch found in one document."""

    doc: Document
    places: list[PlaceMention]
    events: list[EventMention]


def extract(docs: Sequence[Document], gaz: Gazetteer | None = None, nlp: Any | None = None,
            codebook: Codebook | None = None, batch_size: int = 16) -> list[Extraction]:
    """Return the place and event mentions of each document, in input order."""
    gaz = gaz or default_gazetteer()
    codebook = codebook or load_codebook()
    if nlp is None:
        from wirewatch.nlp import get_nlp

        nlp = get_nlp()
    out = []
    for d, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size),
                         strict=True):
        places = places_in_text(d.id, d.text, parsed, gaz)
        events = events_in_document(d, parsed, places, codebook)
        out.append(Extraction(d, places, events))
    return out
