"""The whole extraction pipeline over a batch of documents: text -> places -> events.

It runs the spaCy pipeline of a :class:`Resources` (the English model, then the
``wirewatch_places`` and ``wirewatch_events`` components) and collects what the
components left on each doc.
"""

from __future__ import annotations

import multiprocessing
import pickle
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
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


# Longer documents are read in parts of at most this many characters, cut at paragraph
# breaks: the parser's memory grows with a document's length (spaCy refuses 1,000,000).
CHUNK_CHARS = 100_000


# spaCy's tokenizer takes time quadratic in a run of punctuation ("=" * 8000: 13 s, found
# by tests/ingest/test_fuzz.py); such a run (a separator, an ornament) is read as spaces of
# the same length, so that offsets still count from the start of the document's text.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{64,}")


def _spacy_docs(nlp: Any, docs: Sequence[Document]) -> Iterator[Any]:
    for d in docs:
        text = _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), d.text)
        made = nlp.make_doc(text)
        made._.wirewatch_document = d
        yield made


def extract(docs: Sequence[Document], resources: Resources | None = None, *,
            batch_size: int = 16) -> list[Extraction]:
    """Return the place and event mentions of each document, in input order.

    ``resources`` carries the codebook, places files and model to use (default: the
    bundled ones). A document longer than ``CHUNK_CHARS`` is read in parts cut at
    paragraph breaks, its offsets still counted from the start of its text.
    """
    resources = resources or Resources.load()
    nlp = resources.nlp
    parts = [(i, start, part) for i, d in enumerate(docs) for start, part in _parts(d)]
    found: list[tuple[list[PlaceMention], list[EventMention]]] = [([], []) for _ in docs]
    parsed_docs = nlp.pipe(_spacy_docs(nlp, [p for _, _, p in parts]), batch_size=batch_size)
    for (i, start, _), parsed in zip(parts, parsed_docs, strict=True):
        places, events = found[i]
        places.extend(_shift_place(m, start) for m in places_of(parsed))
        events.extend(_shift_event(e, start) for e in parsed._.wirewatch_events)
    return [Extraction(d, places, events) for d, (places, events) in zip(docs, found,
                                                                         strict=True)]


def _parts(doc: Document) -> list[tuple[int, Document]]:
    """The document itself, or its parts of at most CHUNK_CHARS cut at paragraph breaks."""
    if len(doc.text) <= CHUNK_CHARS:
        return [(0, doc)]
    out: list[tuple[int, Document]] = []
    start = 0
    while start < len(doc.text):
        end = min(len(doc.text), start + CHUNK_CHARS)
        if end < len(doc.text):
            cut = max((m.end() for m in re.finditer(r"\n\s*\n|\n", doc.text[start:end])),
                      default=0)
            end = start + cut if cut > CHUNK_CHARS // 2 else end
        out.append((start, replace(doc, text=doc.text[start:end])))
        start = end
    return out


def _shift_place(m: PlaceMention, by: int) -> PlaceMention:
    return m if not by else replace(m, start=m.start + by, end=m.end + by)


def _shift_event(e: EventMention, by: int) -> EventMention:
    if not by:
        return e
    ev = replace(e.evidence, start=e.evidence.start + by, end=e.evidence.end + by)
    trigger = (e.trigger[0] + by, e.trigger[1] + by) if e.trigger else None
    return replace(e, evidence=ev, trigger=trigger)


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
