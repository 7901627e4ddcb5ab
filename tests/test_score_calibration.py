"""eval/score_events.py reports how well the mentions' confidence is calibrated."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "eval"))

from score_events import GoldEvent, calibration, match, render, summarise


def _pred(place: int | None, conf: float, start: int = 0) -> dict[str, Any]:
    return {"type": "strike", "place": {"geonameid": place} if place else None,
            "modality": "claimed", "confidence": conf,
            "evidence": {"text": "x", "start": start, "end": start + 1}}


def test_the_scorer_reports_a_reliability_table_and_the_share_right_at_0_9() -> None:
    gold = [GoldEvent("a", "strike", 1, "x", 0, 1, {}), GoldEvent("a", "strike", 2, "y", 2, 3, {})]
    pred = {"a": [_pred(1, 0.95), _pred(2, 0.92, 2), _pred(3, 0.91), _pred(4, 0.6),
                  _pred(None, 0.3)]}
    res = match(gold, pred, "t", 1)
    c = calibration(res)
    assert [b["count"] for b in c["bins"]] == [1, 1, 0, 3]
    assert c["confident_count"] == 3 and c["confident_right"] == 2
    assert c["confident_share_right"] == pytest.approx(2 / 3)
    s = summarise(res)
    assert s["calibration"] == c
    text = "\n".join(render(s))
    assert "| >= 0.9 | 3 | 2 | 0.667 |" in text
    assert "Of mentions at confidence >= 0.9: **0.667** right (2/3" in text
