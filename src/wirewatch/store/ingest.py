"""Ingest: read inputs, skip what is stored, extract the rest, write batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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

Extractor = Callable[[Sequence[Document]], list[Extracted]]


def spacy_extractor(resources: Resources | None = None,
                    on_language: Callable[[Document, str | None], None] | None = None
                    ) -> Extractor:
    """Return the extractor of the full pipeline (spaCy, places, events) as contract dicts,
    with the codebook and places of ``resources`` (default: the bundled ones).
    ``on_language`` hears of each document with its language set, and why it was not
    read (a language wirewatch cannot read) or None."""
    from wirewatch.pipeline import extract

    def run(docs: Sequence[Document]) -> list[Extracted]:
        found = extract(docs, resources)
        if on_language is not None:
            for x in found:
                on_language(x.doc, x.unread)
        return [Extracted(x.doc, [p.to_dict() for p in x.places],
                          [e.to_record() for e in x.events]) for x in found]

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


def _extract(run: Extractor, docs: list[Document], summary: IngestSummary,
             on_error: Callable[[ReadError], None] | None) -> list[Extracted]:
    """Extract a batch; if that fails, document by document, so that one document the
    extractor cannot handle is reported (and counted failed) instead of sinking the run."""
    try:
        return run(docs)
    except Exception:
        if len(docs) == 1:
            raise
    out: list[Extracted] = []
    for d in docs:
        try:
            out.extend(run([d]))
        except Exception as e:  # report the document, keep the rest
            err = ReadError(d.source or d.id, f"extraction failed ({type(e).__name__}: {e})")
            summary.read -= 1
            summary.failed += 1
            summary.errors.append(err)
            if on_error:
                on_error(err)
    return out


def ingest(sources: Iterable[str | Path], store: Store, *, batch_size: int = 32,
           published: date | None = None, extractor: Extractor | None = None,
           on_error: Callable[[ReadError], None] | None = None,
           on_batch: Callable[[IngestSummary, Document | None], None] | None = None,
           fetch_timeout: float = 20.0, fetch_max_bytes: int = 5_000_000,
           allow_private: bool = False, lang: str | None = None) -> IngestSummary:
    """Read the sources (files, folders, http(s) URLs), extract events from the documents
    not stored yet and write them in batches (one transaction each); return the counts.

    A bad input is passed to ``on_error`` and counted as failed; the rest go on. URLs on
    loopback, private or link-local addresses are refused unless ``allow_private``.
    ``lang`` is the language of documents whose input does not give one (default: each
    is detected).
    """
    summary = IngestSummary()
    run = extractor or spacy_extractor()

    def docs() -> Iterator[Document]:
        for item in read_sources(sources, published, fetch_timeout, fetch_max_bytes,
                                 ignored=summary.ignored, allow_private=allow_private):
            if isinstance(item, ReadError):
                summary.failed += 1
                summary.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            summary.read += 1
            yield replace(item, lang=lang) if lang and not item.lang else item

    for batch in batched(docs(), batch_size):
        hashes = [content_hash(d.text) for d in batch]
        known = store.known_hashes(hashes)
        fresh: list[Document] = []
        seen: set[str] = set()
        for d, h in zip(batch, hashes, strict=True):
            if h in known or h in seen:
                summary.skipped += 1
            else:
                seen.add(h)
                fresh.append(d)
        if fresh:
            extracted = _extract(run, fresh, summary, on_error)
            result = store.write_batch(extracted)
            summary.stored += result.stored
            summary.skipped += result.skipped
        summary.batches += 1
        if on_batch:
            on_batch(summary, batch[-1])
    return summary
