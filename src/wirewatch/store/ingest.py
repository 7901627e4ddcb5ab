"""Ingest: read inputs, skip what is stored, extract the rest, write batch by batch."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from wirewatch.batches import batched
from wirewatch.document import Document, ReadError
from wirewatch.fuse.text import content_hash
from wirewatch.ingest.readers import read_sources
from wirewatch.resources import Resources
from wirewatch.store.store import Store
from wirewatch.store.write import Extracted
from wirewatch.workers import DaskWorkers, Workers

Extractor = Callable[[Sequence[Document]], list[Extracted]]


def spacy_extractor(resources: Resources | None = None) -> Extractor:
    """Return the extractor of the full pipeline (spaCy, places, events) as contract dicts,
    with the codebook and places of ``resources`` (default: the bundled ones, loaded on the
    first batch and kept). Each result says why its document was not read (``unread``: a
    language wirewatch cannot read), so that the reason travels back from worker
    processes."""
    from wirewatch.pipeline import extract

    def run(docs: Sequence[Document]) -> list[Extracted]:
        # the bundled resources are loaded on the first batch and kept: loading them per
        # batch built a new spaCy pipeline for every batch (decision 120)
        nonlocal resources
        if resources is None:
            resources = Resources.load()
        return [Extracted(x.doc, [p.to_dict() for p in x.places],
                          [e.to_record() for e in x.events], unread=x.unread)
                for x in extract(docs, resources)]

    return run


@dataclass
class IngestSummary:
    """Counts of one ingest run: read = documents read; stored, skipped (already stored or
    repeated in the input) and failed (inputs that could not be read) add up to it plus
    the failures."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    batches: int = 0
    errors: list[ReadError] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as a dict."""
        return {"read": self.read, "stored": self.stored, "skipped": self.skipped,
                "failed": self.failed}


def ingest(sources: Iterable[str | Path], store: Store, *, batch_size: int = 32,
           published: date | None = None, extractor: Extractor | None = None,
           on_error: Callable[[ReadError], None] | None = None,
           on_batch: Callable[[IngestSummary, Document | None], None] | None = None,
           fetch_timeout: float = 20.0, fetch_max_bytes: int = 5_000_000,
           allow_private: bool = False, workers: int = 1,
           dask: str | None = None, lang: str | None = None,
           on_language: Callable[[Document, str | None], None] | None = None
           ) -> IngestSummary:
    """Read the sources (files, folders, http(s) URLs), extract events from the documents
    not stored yet and write them in batches (one transaction each); return the counts.

    A bad input is passed to ``on_error`` and counted as failed; the rest go on. URLs on
    loopback, private or link-local addresses are refused unless ``allow_private``.
    ``workers``: processes that extract (see :mod:`wirewatch.workers`); ``dask``: the
    address of a Dask scheduler (``tcp://HOST:8786``) or ``local:N`` to extract on a
    cluster instead. This process reads and writes either way, so the store sees one
    writer and the batches in input order. ``lang`` is the language of documents whose
    input does not give one (default: each is detected); ``on_language`` hears of each
    extracted document with why it was not read (a language wirewatch cannot read) or
    None.
    """
    summary = IngestSummary()
    items = read_sources(sources, published, fetch_timeout, fetch_max_bytes,
                         ignored=summary.ignored, allow_private=allow_private)
    return ingest_documents(items, store, summary=summary, batch_size=batch_size,
                            extractor=extractor, on_error=on_error, on_batch=on_batch,
                            workers=workers, dask=dask, lang=lang, on_language=on_language)


def ingest_documents(items: Iterable[Document | ReadError], store: Store, *,
                     summary: IngestSummary | None = None, batch_size: int = 32,
                     extractor: Extractor | None = None,
                     on_error: Callable[[ReadError], None] | None = None,
                     on_batch: Callable[[IngestSummary, Document | None], None] | None = None,
                     workers: int = 1, dask: str | None = None, lang: str | None = None,
                     on_language: Callable[[Document, str | None], None] | None = None
                     ) -> IngestSummary:
    """Extract and store the documents not stored yet among ``items`` (documents already
    read, and read errors, which are counted as failed); the options are
    :func:`ingest`'s. ``summary``: the counts to add to (default: new ones)."""
    summary = summary if summary is not None else IngestSummary()
    run = extractor or spacy_extractor()

    def docs() -> Iterator[Document]:
        for item in items:
            if isinstance(item, ReadError):
                summary.failed += 1
                summary.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            summary.read += 1
            yield replace(item, lang=lang) if lang and not item.lang else item

    read: deque[tuple[Document, int]] = deque()  # per batch: its last document, skipped

    def fresh_batches() -> Iterator[list[Document]]:
        for batch in batched(docs(), batch_size):
            hashes = [content_hash(d.text) for d in batch]
            known = store.known_hashes(hashes)
            fresh: list[Document] = []
            seen: set[str] = set()
            for d, h in zip(batch, hashes, strict=True):
                if h not in known and h not in seen:
                    seen.add(h)
                    fresh.append(d)
            read.append((batch[-1], len(batch) - len(fresh)))
            yield fresh

    with ExitStack() as stack:
        if dask:
            pool: Any = stack.enter_context(DaskWorkers[Extracted](run, dask))
        else:
            pool = Workers[Extracted](run, workers)
        for results in pool.map(fresh_batches()):
            if on_language is not None:
                for r in results:
                    if isinstance(r, Extracted):
                        on_language(r.doc, r.unread)
            _stored(store, results, read.popleft(), summary, on_error, on_batch)
    return summary


def _stored(store: Store, results: list[Any], batch: tuple[Document, int],
            summary: IngestSummary, on_error: Callable[[ReadError], None] | None,
            on_batch: Callable[[IngestSummary, Document | None], None] | None) -> None:
    """Write one batch's extraction and count it (``batch``: its last document and how
    many of it were stored already)."""
    last, skipped = batch
    summary.skipped += skipped
    extracted = [r for r in results if isinstance(r, Extracted)]
    for failure in (r for r in results if isinstance(r, ReadError)):
        summary.read -= 1
        summary.failed += 1
        summary.errors.append(failure)
        if on_error:
            on_error(failure)
    if extracted:
        result = store.write_batch(extracted)
        summary.stored += result.stored
        summary.skipped += result.skipped
    summary.batches += 1
    if on_batch:
        on_batch(summary, last)
