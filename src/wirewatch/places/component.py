"""The place stage as a spaCy component: ``nlp.add_pipe("wirewatch_places")``.

It finds and resolves the place names of each text against the gazetteer its
config names and leaves them on the doc: ``doc.spans["wirewatch_places"]`` for
spaCy users (each span's ``label_`` is the GeoNames id, or ``UNRESOLVED``) and
``doc._.wirewatch_place_mentions``, the :class:`PlaceMention` objects that the
event component and ``wirewatch extract --what places`` read.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from wirewatch.document import Document
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.models import PlaceMention
from wirewatch.places.pipeline import places_in_text

SPANS_KEY = "wirewatch_places"

for _name in ("wirewatch_document", "wirewatch_place_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


_TEXT_KEY = "wirewatch_text"  # in doc.user_data: (token count, text)


def doc_text(doc: Doc) -> str:
    """Return a doc's text, joined once per doc (spaCy joins its tokens afresh on every
    ``doc.text``: about 1 ms for 600 words, and the components asked five times)."""
    known: Any = doc.user_data.get(_TEXT_KEY)
    if known is None or known[0] != len(doc):
        known = (len(doc), doc.text)
        doc.user_data[_TEXT_KEY] = known
    return str(known[1])


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the text a doc was made from (``nlp.make_doc(text)``), so that ``doc_text``
    need not join it again: spaCy's tokenizer keeps every character, ``doc.text == text``."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return doc


def document_of(doc: Doc) -> Document:
    """Return the wirewatch document a spaCy doc was made from (a bare one for plain text)."""
    known: Document | None = doc._.wirewatch_document
    text = doc_text(doc)
    if known is None or known.text != text:
        return Document("", text)
    return known


class PlacesComponent:
    """Finds and resolves place mentions; one gazetteer per component."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        source = document_of(doc)
        mentions = places_in_text(source.id, source.text, doc, self.gazetteer)
        doc._.wirewatch_place_mentions = mentions
        doc.spans[SPANS_KEY] = _span_group(doc, mentions)
        return doc


def _span_group(doc: Doc, mentions: list[PlaceMention]) -> SpanGroup:
    spans = []
    for m in mentions:
        label = str(m.place.geonameid) if m.place is not None else "UNRESOLVED"
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=SPANS_KEY, spans=spans)


@Language.factory(
    "wirewatch_places",
    default_config={"places_files": [], "theatre": None},
    assigns=["doc.spans", "doc._.wirewatch_place_mentions"],
)
def make_places_component(nlp: Language, name: str, places_files: list[str],
                          theatre: dict[str, float] | None) -> PlacesComponent:
    """Return the place component for the given places files and theatre weights."""
    from wirewatch.resources import Settings, gazetteer_for

    settings = Settings(places_files=tuple(places_files),
                        theatre=tuple(sorted(theatre.items())) if theatre is not None else None)
    return PlacesComponent(gazetteer_for(settings))


def places_of(doc: Any) -> list[PlaceMention]:
    """Return the place mentions the component left on a parsed doc."""
    found: list[PlaceMention] | None = doc._.wirewatch_place_mentions
    if found is None:
        raise ValueError("the doc has not been through the wirewatch_places component")
    return found
