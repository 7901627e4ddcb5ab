"""The whole extraction pipeline over a batch of documents: text -> places -> events.

It runs the spaCy pipeline of a :class:`Resources` (the English model, then the
``wirewatch_places`` and ``wirewatch_events`` components) and collects what the
components left on each doc.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from wirewatch.document import Document
from wirewatch.events.models import EventMention
from wirewatch.places.component import places_of
from wirewatch.places.models import PlaceMention
from wirewatch.resources import Resources


@dataclass(frozen=True)
class Extraction:
    """What wirewatch found in one document."""

    doc: Document
    places: list[PlaceMention]
    events: list[EventMention]


def _spacy_docs(nlp: Any, docs: Sequence[Document]) -> Iterator[Any]:
    for d in docs:
        made = nlp.make_doc(d.text)
        made._.wirewatch_document = d
        yield made


def extract(docs: Sequence[Document], resources: Resources | None = None, *,
            batch_size: int = 16) -> list[Extraction]:
    """Return the place and event mentions of each document, in input order.

    ``resources`` carries the codebook, places files and model to use (default: the
    bundled ones).
    """
    resources = resources or Resources.load()
    nlp = resources.nlp
    return [Extraction(d, places_of(parsed), list(parsed._.wirewatch_events))
            for d, parsed in zip(docs, nlp.pipe(_spacy_docs(nlp, docs), batch_size=batch_size),
                                 strict=True)]


_worker: dict[str, Any] = {}


def _init_worker(resources: Resources, batch_size: int) -> None:
    # a fresh copy: its own SQLite connection and pipeline, not the parent's
    _worker["resources"] = pickle.loads(pickle.dumps(resources))
    _worker["batch_size"] = batch_size


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    return extract(docs, _worker["resources"], batch_size=_worker["batch_size"])


def extract_parallel(docs: Sequence[Document], processes: int = 2,
                     resources: Resources | None = None, *, batch_size: int = 16,
                     chunk_size: int | None = None) -> list[Extraction]:
    """Return what ``extract`` returns, computed in ``processes`` worker processes.

    Documents go to the workers in chunks of ``chunk_size`` (default: small enough
    that each worker gets several); the result keeps the input order. With one
    process this is ``extract`` itself.
    """
    resources = resources or Resources.load()
    if processes <= 1 or len(docs) <= 1:
        return extract(docs, resources, batch_size=batch_size)
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = chunk_size or max(1, min(batch_size, -(-len(docs) // (processes * 4))))
    chunks = [list(docs[i:i + size]) for i in range(0, len(docs), size)]
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init_worker,
                             initargs=(resources, batch_size)) as pool:
        return [r for part in pool.map(_extract_chunk, chunks) for r in part]
