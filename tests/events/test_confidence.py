"""Every event mention carries a calibrated confidence (issue 14)."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from wirewatch import Document, extract
from wirewatch.events.confidence import ConfidenceModel, features, load_model
from wirewatch.sample import sample_dir

HEDGED = "Two soldiers were reportedly killed, according to unconfirmed reports circulating online."
PLAIN = ("Russia's Defence Ministry said on Monday that its forces had captured the town of "
         "Siversk in the Donetsk region.")


def _mentions(resources: Any, *texts: str) -> list[Any]:
    docs = [Document(id=f"d{i}", text=t, published=date(2025, 12, 12))
            for i, t in enumerate(texts)]
    return [e for r in extract(docs, resources) for e in r.events]


def test_every_extracted_mention_has_a_confidence_between_0_and_1(resources: Any) -> None:
    docs = [Document(id=p.name, text=p.read_text(encoding="utf-8"))
            for p in sorted(sample_dir().glob("*.txt"))]
    found = [e for r in extract(docs, resources) for e in r.events]
    assert len(found) >= 5  # the bundled samples claim five events or more
    for e in found:
        out = json.loads(json.dumps(e.to_dict()))
        assert isinstance(out["confidence"], float) and 0.0 <= out["confidence"] <= 1.0
        assert "signals" not in out


def test_a_hedged_placeless_mention_scores_below_an_attributed_capture_of_a_town(
        resources: Any) -> None:
    found = _mentions(resources, HEDGED, PLAIN)
    hedged = next(e for e in found if e.doc == "d0")
    capture = next(e for e in found if e.doc == "d1")
    assert hedged.modality == "hedged" and hedged.place is None
    assert capture.type == "territory.captured" and capture.place is not None
    assert capture.place.name == "Siversk" and capture.claimant
    assert hedged.confidence is not None and capture.confidence is not None
    assert hedged.confidence < capture.confidence
    assert capture.confidence >= 0.9
    assert {"signal:place_tied", "claimant"} <= set(features(capture))
    assert {"no_place", "modality:hedged"} <= set(features(hedged))


def test_the_model_is_a_fitted_data_file_and_caps_hold() -> None:
    model = load_model()
    assert model.fitted and "events.yaml" in model.fitted_on
    assert not any("blind" in s for s in model.fitted_on)
    m = ConfidenceModel(2.0, {"a": 1.0}, {"b": 0.5})
    assert m.score({"a": 1.0}) == round(1 / (1 + math.exp(-3.0)), 3)
    assert m.score({"a": 1.0, "b": 1.0}) == 0.5
