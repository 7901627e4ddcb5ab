"""The whole extraction pipeline over a batch of documents: text -> places -> events."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from wirewatch.document import Document
from wirewatch.events.codebook import Codebook, load_codebook
from wirewatch.events.extract import events_in_document
from wirewatch.events.models import EventMention
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


_worker: dict[str, Any] = {}


def _init_worker(gaz: Gazetteer, codebook: Codebook, batch_size: int) -> None:
    # a fresh copy: its own SQLite connection, not the parent's
    _worker["gaz"] = pickle.loads(pickle.dumps(gaz))
    _worker["codebook"] = codebook
    _worker["batch_size"] = batch_size


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    return extract(docs, gaz=_worker["gaz"], codebook=_worker["codebook"],
                   batch_size=_worker["batch_size"])


def extract_parallel(docs: Sequence[Document], processes: int = 2, gaz: Gazetteer | None = None,
                     codebook: Codebook | None = None, batch_size: int = 16,
                     chunk_size: int | None = None) -> list[Extraction]:
    """Return what ``extract`` returns, computed in ``processes`` worker processes.

    Documents go to the workers in chunks of ``chunk_size`` (default: small enough
    that each worker gets several); the result keeps the input order. With one
    process this is ``extract`` itself.
    """
    gaz = gaz or default_gazetteer()
    codebook = codebook or load_codebook()
    if processes <= 1 or len(docs) <= 1:
        return extract(docs, gaz=gaz, codebook=codebook, batch_size=batch_size)
    from wirewatch.nlp import get_nlp

    get_nlp()  # loaded once here, shared by the forked workers
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = chunk_size or max(1, min(batch_size, -(-len(docs) // (processes * 4))))
    chunks = [list(docs[i:i + size]) for i in range(0, len(docs), size)]
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init_worker,
                             initargs=(gaz, codebook, batch_size)) as pool:
        return [r for part in pool.map(_extract_chunk, chunks) for r in part]
