"""Confidence in the store: kept with each mention, summarised per canonical event, and
filtered on (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from wirewatch.fuse.confidence import CAP, event_confidence
from wirewatch.sample import sample_dir
from wirewatch.store import Store, ingest
from wirewatch.store import models as m
from wirewatch.store.query import EventFilter


@dataclass
class _M:
    data: dict[str, Any]
    source_name: str


def test_an_event_takes_its_best_mention_raised_by_independent_sources() -> None:
    one = [_M({"modality": "claimed", "confidence": 0.8}, "A"),
           _M({"modality": "claimed", "confidence": 0.6}, "B")]
    # A and B rewrite one another: one group, the best counts
    assert event_confidence(one, [{"outlets": ["A", "B"]}]) == 0.8
    # independent: the doubts multiply
    assert event_confidence(one, [{"outlets": ["A"]}, {"outlets": ["B"]}]) == 0.92
    # a denial is no source of the claim
    denial = [*one[:1], _M({"modality": "denied", "confidence": 0.99}, "C")]
    assert event_confidence(denial, [{"outlets": ["A"]}]) == 0.8
    many = [_M({"modality": "claimed", "confidence": 0.9}, x) for x in "ABCD"]
    assert event_confidence(many, [{"outlets": [x]} for x in "ABCD"]) == CAP
    assert event_confidence([_M({"modality": "claimed"}, "A")], []) is None


def test_min_confidence_filters_canonical_events(store_url: str) -> None:
    with Store(store_url) as store:
        ingest(sorted(sample_dir().glob("*.txt")), store, batch_size=4)
        with store.engine.connect() as con:
            data = [r[0] for r in con.execute(select(m.EventMention.data))]
        assert data and all(0.0 <= d["confidence"] <= 1.0 for d in data)
        events = store.events(with_mentions=True)
        assert events and all(e["confidence"] is not None for e in events)
        for e in events:
            best = max(x["confidence"] for x in e["mentions"])
            assert best <= e["confidence"] <= max(best, CAP)
        confs = sorted({e["confidence"] for e in events})
        cut = confs[len(confs) // 2]
        kept = store.events(EventFilter(min_confidence=cut), with_mentions=False)
        assert {e["id"] for e in kept} == {e["id"] for e in events if e["confidence"] >= cut}
        assert 0 < len(kept) < len(events) or len(confs) == 1
        assert store.events(EventFilter(min_confidence=1.0), with_mentions=False) == [
            e for e in store.events(with_mentions=False) if e["confidence"] >= 1.0]
