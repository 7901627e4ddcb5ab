"""The place stage: documents in, place mentions out (pure functions over batches)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirewatch.document import Document
from wirewatch.places.common_nouns import common_noun_mentions
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.places.models import PlaceMention, Span
from wirewatch.places.recognize import add_evidence, find_spans, make_view
from wirewatch.places.resolve import Resolver
from wirewatch.places.text import has_cyrillic, normalize


def places_in_text(doc_id: str, text: str, spacy_doc: Any | None = None,
                   gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Return the place mentions of one text, in text order, resolved where possible."""
    gaz = gaz or default_gazetteer()
    view = make_view(text, spacy_doc)
    spans = find_spans(view, gaz)
    mentions = Resolver(gaz).resolve(doc_id, view, spans)
    return common_noun_mentions(doc_id, text, mentions, gaz)


def extract_places(docs: Sequence[Document], gaz: Gazetteer | None = None,
                   nlp: Any | None = None, parsed: Sequence[Any] | None = None
                   ) -> list[list[PlaceMention]]:
    """Return, for each document, its place mentions.

    ``parsed`` may hold the spaCy docs already made for these texts; otherwise
    ``nlp`` (default: the bundled English model) parses them.
    """
    gaz = gaz or default_gazetteer()
    if parsed is None:
        if nlp is None:
            from wirewatch.nlp import get_nlp

            nlp = get_nlp()
        parsed = list(nlp.pipe(d.text for d in docs))
    return [places_in_text(d.id, d.text, p, gaz) for d, p in zip(docs, parsed, strict=True)]


def resolve_place(name: str, context: str = "", gaz: Gazetteer | None = None,
                  nlp: Any | None = None) -> PlaceMention:
    """Return the resolution of a place name, using ``context`` text as its document."""
    gaz = gaz or default_gazetteer()
    if nlp is None:
        from wirewatch.nlp import get_nlp

        nlp = get_nlp()
    prefix = context.rstrip() + "\n\n" if context.strip() else ""
    text = prefix + name
    view = make_view(text, nlp(text))
    spans = [s for s in find_spans(view, gaz) if s.end <= len(prefix)]
    target = Span(len(prefix), len(text), name, gaz.exact(name), "exact")
    if not target.hits:
        target.how = "none"
        inflected = _inflected_hits(name, gaz)
        if inflected:  # "Покровська", "у Покровську": a Russian or Ukrainian case form
            target.hits, target.how = inflected, "lemma"
            target.evidence.add("lemma")
    add_evidence(target, view, gaz)
    target.evidence.add("pattern")
    # a bare name asked about: no sentence frames it, so a garbled spelling is looked for
    # near home only (a made-up "Xyzzyville" is not a Swiss village two letters off)
    target.evidence.add("query")
    if normalize(name).split()[-1:] and gaz.is_region_word(normalize(name).split()[-1]):
        target.evidence.add("region")
    mentions = Resolver(gaz).resolve("query", view, [*spans, target])
    return mentions[-1]


# Prepositions that may come with a Russian or Ukrainian place name asked about alone
# ("под Покровском", "у Покровську", "біля Авдіївки").
_CYRILLIC_PREPOSITIONS = {"в", "во", "у", "на", "под", "під", "біля", "около", "возле", "из",
                          "з", "із", "от", "від", "до", "за", "над", "по", "через", "к"}


def _inflected_hits(name: str, gaz: Gazetteer) -> list[Any]:
    """The gazetteer entries a Cyrillic inflected name names, a leading preposition left out."""
    if not has_cyrillic(name):
        return []
    words = name.split()
    while len(words) > 1 and words[0].lower() in _CYRILLIC_PREPOSITIONS:
        words = words[1:]
    bare = " ".join(words)
    return gaz.exact(bare) or gaz.inflected(bare)
