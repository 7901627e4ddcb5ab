"""wirewatch_attributes: the model's attribute ruler and lemmatizer, faster, same answers."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch import Document
from wirewatch.ingest.readers import read_paths
from wirewatch.nlp import build_pipeline, load_model, with_fast_attributes
from wirewatch.resources import Resources
from wirewatch.sample import sample_files
from wirewatch.tagging import supported

ODD = ("Y'all gonna see: there's no way they'll let's-go. Ain't nobody gotta c'mon!\n\n"
       "THE KREMLIN SAID   it was 'fake' -- 12,000 troops; Zelenskiy’s aide got 3 votes.")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    docs = [d for d in read_paths(sample_files()) if isinstance(d, Document)]
    return [*(d.text for d in docs[:12]), ODD]


def _columns(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_every_token_gets_the_stock_components_answers(texts: list[str]) -> None:
    stock = load_model()
    fast = with_fast_attributes(load_model())
    assert "wirewatch_attributes" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" in fast.disabled
    for _ in range(2):  # the second pass answers from the caches
        for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
            assert _columns(a) == _columns(b)


def test_extract_finds_the_same_events_and_places_as_with_the_stock_components(
        texts: list[str], resources: Resources) -> None:
    fast = build_pipeline(resources.settings)
    stock = build_pipeline(resources.settings)
    stock.disable_pipe("wirewatch_attributes")
    for name in ("attribute_ruler", "lemmatizer"):
        stock.enable_pipe(name)

    def found(nlp: Any) -> list[Any]:
        out = []
        for i, text in enumerate(texts):
            doc = nlp.make_doc(text)
            doc._.wirewatch_document = Document(f"d{i}", text)
            doc = nlp(doc)
            out.append(([e.to_dict() for e in doc._.wirewatch_events],
                        [(m.start, m.end, m.place.geonameid if m.place else None)
                         for m in doc._.wirewatch_place_mentions]))
        return out

    got = found(fast)
    assert got == found(stock)
    assert sum(len(events) for events, _ in got) > 10


def test_a_text_without_any_event_still_gets_its_places(resources: Resources) -> None:
    from wirewatch import extract

    [r] = extract([Document("calm", "The weather in Kharkiv and Odesa was mild on Sunday.")],
                  resources)
    assert not r.events
    assert [m.surface for m in r.places] == ["Kharkiv", "Odesa"]


def test_a_ruler_it_cannot_read_keeps_the_stock_components() -> None:
    nlp = load_model()
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"LEMMA": "x"})
    assert not supported(nlp.get_pipe("attribute_ruler"))
    assert "wirewatch_attributes" not in with_fast_attributes(nlp).pipe_names
