"""wirewatch_ner: the model's NER with its decoding in numpy, the stock component's
entities (docs/performance.md, round 15)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from spacy.tokens import Span

from wirewatch import Document, extract
from wirewatch.fast_ner import FastNer, Moves
from wirewatch.ingest.readers import read_paths
from wirewatch.nlp import build_pipeline, load_model, with_fast_attributes, with_fast_ner
from wirewatch.resources import Resources
from wirewatch.sample import sample_files

WRITTEN = [
    "KYIV, Dec 6 (Reuters) - Russian forces struck Kharkiv overnight, Governor Oleh "
    "Syniehubov said on Saturday. Two people were killed and 11 wounded.\n\nThe Ukrainian "
    "General Staff said 1,250 Russian soldiers had been lost in the past 24 hours.",
    "Zelenskiy",  # one token, an entity at the end of the doc
    "",  # no token
    "   \n\n  ",  # whitespace only
    "the weather was mild and nobody said anything at all about it",
    "Volodymyr Zelenskiy met Emmanuel Macron in Paris.\nDonald Trump\n\nJoe Biden",
    "The Zaporizhzhia Nuclear Power Plant lost power twice in May 2024, the IAEA said. "
    "United Nations   Security Council members met in New York on Monday.",
    "THE KREMLIN SAID   it was 'fake' -- 12,000 troops; Zelenskiy’s aide got 3 votes.",
    "Російські війська атакували Харків. Nato said $3.5 billion, 40% of it in 2025.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    docs = [d for d in read_paths(sample_files()) if isinstance(d, Document)]
    return [*WRITTEN, *(d.text for d in docs[:15])]


def _entities(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_pipeline_runs_wirewatch_ner_in_place_of_the_stock_ner(
        resources: Resources) -> None:
    nlp = build_pipeline(resources.settings)
    assert "wirewatch_ner" in nlp.pipe_names and "ner" in nlp.disabled
    assert nlp.pipe_names.index("wirewatch_ner") < nlp.pipe_names.index("wirewatch_places")
    assert nlp.get_pipe("wirewatch_ner").supported()


def test_every_token_gets_the_stock_ners_entity(texts: list[str]) -> None:
    stock = with_fast_attributes(load_model())
    fast = with_fast_ner(with_fast_attributes(load_model()))
    for batch_size in (1, 4, 16):
        got = list(fast.pipe(texts, batch_size=batch_size))
        want = list(stock.pipe(texts, batch_size=batch_size))
        assert [_entities(d) for d in got] == [_entities(d) for d in want]
    assert sum(len(d.ents) for d in got) > 100
    assert _entities(fast(WRITTEN[0])) == _entities(stock(WRITTEN[0]))


def test_switched_off_it_runs_the_stock_ner(texts: list[str]) -> None:
    stock = with_fast_attributes(load_model())
    off = with_fast_ner(with_fast_attributes(load_model()), enabled=False)
    assert "wirewatch_ner" in off.pipe_names and not off.get_pipe("wirewatch_ner").supported()
    for a, b in zip(off.pipe(texts), stock.pipe(texts), strict=True):
        assert _entities(a) == _entities(b)
    settings = replace(Resources.load().settings, fast_ner=False)
    nlp = build_pipeline(settings)
    assert nlp.get_pipe_config("wirewatch_ner")["enabled"] is False


def test_preset_entities_are_left_to_the_stock_ner() -> None:
    stock = with_fast_attributes(load_model())
    fast = with_fast_ner(with_fast_attributes(load_model()))
    text = "Officials in Kharkiv said Oleh Syniehubov spoke to Reuters on Monday."

    def with_preset(nlp: Any) -> Any:
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 2, 3, label="ORG")], default="unmodified")
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    got, want = with_preset(fast), with_preset(stock)
    assert _entities(got) == _entities(want)
    assert got[2].ent_type_ == "ORG"


def test_extract_finds_the_same_events_and_places_with_the_stock_ner(
        texts: list[str]) -> None:
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    fast = Resources.load()
    stock = Resources.from_settings(replace(fast.settings, fast_ner=False))
    def found(resources: Resources) -> list[Any]:
        return [([e.to_dict() for e in r.events], [m.to_dict() for m in r.places])
                for r in extract(docs, resources)]

    got = found(fast)
    assert got == found(stock)
    assert sum(len(events) for events, _ in got) > 10
    assert "wirewatch_ner" in fast.nlp.pipe_names and "ner" in fast.nlp.disabled
    assert not stock.nlp.get_pipe("wirewatch_ner").supported()


def test_moves_it_does_not_know_are_refused() -> None:
    with pytest.raises(ValueError):
        Moves(["B-ORG", "X-ORG", "O"])
    moves = Moves(["B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-", "O"])
    # a state with ORG open, not at the last token, no sentence start next, no space:
    # only I-ORG and L-ORG are valid
    assert moves.valid[1 * 8].tolist() == [False, True, True, False, False, False]
    # nothing open, last token, a space: only O
    assert moves.valid[0 * 8 + 4 + 1].tolist() == [False, False, False, False, False, True]


def test_a_component_of_a_pipeline_without_a_ner_is_not_added() -> None:
    import spacy

    nlp = spacy.blank("en")
    assert "wirewatch_ner" not in with_fast_ner(nlp).pipe_names
    assert FastNer(load_model()).supported()
