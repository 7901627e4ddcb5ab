"""The API's events carry their confidence; ``min_confidence=`` filters the list, the map
and the exports; the review queue puts the least confident first among equals."""

from __future__ import annotations

import csv
import io
from itertools import pairwise
from typing import Any

from fastapi.testclient import TestClient


def test_events_carry_a_confidence_and_min_confidence_filters(
        client: TestClient, everything: list[dict[str, Any]]) -> None:
    confs = sorted({e["confidence"] for e in everything})
    assert all(0.0 <= c <= 1.0 for c in confs) and len(confs) > 2
    cut = confs[len(confs) // 2]
    expected = [e["id"] for e in everything if e["confidence"] >= cut]
    r = client.get("/api/events", params={"limit": 500, "min_confidence": cut})
    assert r.status_code == 200, r.text
    assert [e["id"] for e in r.json()["items"]] == expected
    assert 0 < len(expected) < len(everything)
    detail = client.get(f"/api/events/{expected[0]}").json()
    assert detail["confidence"] == cut or detail["confidence"] >= cut
    assert all(0.0 <= x["confidence"] <= 1.0 for x in detail["mentions"])
    text = client.get("/api/export/events.csv", params={"min_confidence": cut}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(int(r["ww_id"]) for r in rows) == sorted(expected)
    assert client.get("/api/map", params={"min_confidence": cut}).status_code == 200
    for bad in ("1.5", "-0.1", "sure"):
        r = client.get("/api/events", params={"min_confidence": bad})
        assert r.status_code == 422 and "min_confidence" in r.text


def test_the_review_queue_flags_and_ranks_low_confidence(
        client: TestClient, everything: list[dict[str, Any]]) -> None:
    page = client.get("/api/review/queue", params={"limit": 500}).json()
    items = page["items"]
    assert len(items) == len(everything)
    for it in items:
        assert ("low confidence" in it["attention"]) == (it["confidence"] < 0.7)

    def rank(it: dict[str, Any]) -> int:
        a = it["attention"]
        return 4 * ("conflict" in a) + 2 * ("single source" in a) + ("low confidence" in a)

    for a, b in pairwise(items):
        assert rank(a) >= rank(b)
        if rank(a) == rank(b):
            assert a["confidence"] <= b["confidence"]
