"""The whole extraction pipeline over a batch of documents: text -> places -> events.

It runs the spaCy pipeline of a :class:`Resources` (the English model, then the
``wirewatch_places`` and ``wirewatch_events`` components) and collects what the
components left on each doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from wirewatch.collector import fewer_collections
from wirewatch.document import Document, ReadError
from wirewatch.events.models import EventMention
from wirewatch.ingest.language import detect_language, language_name
from wirewatch.places.component import places_of, remember_text
from wirewatch.places.models import PlaceMention
from wirewatch.resources import Resources, supported_languages


@dataclass(frozen=True)
class Extraction:
    """What wirewatch found in one document."""

    doc: Document  # its ``lang`` is the language it was read in (given or detected)
    places: list[PlaceMention]
    events: list[EventMention]
    # why nothing was read from it (text in a language wirewatch cannot read), else None
    unread: str | None = None


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
        made = remember_text(nlp.make_doc(text), text)
        made._.wirewatch_document = d
        yield made


def extract(docs: Sequence[Document], resources: Resources | None = None, *,
            batch_size: int = 16) -> list[Extraction]:
    """Return the place and event mentions of each document, in input order.

    ``resources`` carries the codebook, places files and models to use (default: the
    bundled ones). Each document is read by the pipeline of its language, the one its
    input gives or else the one detected (``ingest/language.py``); text in a language
    wirewatch cannot read gives no mentions and says so (``Extraction.unread``). A
    document longer than ``CHUNK_CHARS`` is read in parts cut at paragraph breaks, its
    offsets still counted from the start of its text. While it reads, Python's collector
    runs less often (``collector.fewer_collections``; the host's thresholds are restored).
    """
    resources = resources or Resources.load()
    with fewer_collections():
        return _extract(docs, resources, batch_size)


def _extract(docs: Sequence[Document], resources: Resources,
             batch_size: int) -> list[Extraction]:
    docs = [with_language(d, resources.settings.lang) for d in docs]
    found: list[tuple[list[PlaceMention], list[EventMention]]] = [([], []) for _ in docs]
    by_lang: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_lang.setdefault(d.lang or resources.settings.lang, []).append(i)
    for lang, indices in by_lang.items():
        if not resources.reads(lang):
            continue
        nlp = resources.nlp_for(lang)
        parts = [(i, start, part) for i in indices for start, part in _parts(docs[i])]
        parsed_docs = nlp.pipe(_spacy_docs(nlp, [p for _, _, p in parts]),
                               batch_size=batch_size)
        for (i, start, _), parsed in zip(parts, parsed_docs, strict=True):
            places, events = found[i]
            places.extend(_shift_place(m, start) for m in places_of(parsed))
            events.extend(_shift_event(e, start) for e in parsed._.wirewatch_events)
    return [Extraction(d, places, [forwarded(e, d) for e in events], unread_reason(d, resources))
            for d, (places, events) in zip(docs, found, strict=True)]


def forwarded(e: EventMention, doc: Document) -> EventMention:
    """A message forwarded from another channel (``extra``: ``forwarded_from``, Telegram
    exports) relays its claims: that channel is the last conduit of each mention."""
    origin = dict(doc.extra).get("forwarded_from")
    if not origin or origin in e.conduit:
        return e
    return replace(e, conduit=(*e.conduit, origin), conduit_actors=(*e.conduit_actors, None))


def with_language(doc: Document, default: str) -> Document:
    """Return the document with its language: the one given, else the one detected, else
    ``default``."""
    if doc.lang:
        return doc
    return replace(doc, lang=detect_language(doc.text).lang or default)


def unread_reason(doc: Document, resources: Resources) -> str | None:
    """Return why a document was not read (its language), or None when it was."""
    lang = doc.lang or resources.settings.lang
    if resources.reads(lang):
        return None
    known = ", ".join(sorted(supported_languages() | {resources.settings.lang}))
    return (f"text in {language_name(lang)} ({lang}), which wirewatch cannot read "
            f"(it reads {known}): no places or events extracted")


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


def extract_parallel(docs: Sequence[Document], processes: int = 2,
                     resources: Resources | None = None, *, batch_size: int = 16,
                     chunk_size: int | None = None) -> list[Extraction]:
    """Return what ``extract`` returns, computed in ``processes`` worker processes
    (:class:`wirewatch.workers.Workers`).

    Documents go to the workers in chunks of ``chunk_size`` (default: small enough
    that each worker gets several); the result keeps the input order. With one
    process this is ``extract`` itself. A document extraction fails on raises
    :class:`ExtractionError` naming it.
    """
    from wirewatch.workers import Workers

    resources = resources or Resources.load()
    size = chunk_size or max(1, min(batch_size, -(-len(docs) // (max(1, processes) * 4))))
    chunks = [list(docs[i:i + size]) for i in range(0, len(docs), size)]
    pool = Workers[Extraction](lambda part: extract(part, resources, batch_size=batch_size),
                               processes)
    out: list[Extraction] = []
    for results in pool.map(chunks):
        for r in results:
            if isinstance(r, ReadError):
                raise ExtractionError(str(r))
            out.append(r)
    return out


class ExtractionError(Exception):
    """A document the pipeline failed on (the message names it and the reason)."""
