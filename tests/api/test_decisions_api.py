"""Verification, merges and splits through the API (both backends): an analyst's token
does them, a reader's cannot; a stale version gets 409; the filters follow; each is in
the history of every event concerned."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import Client, app_with_accounts
from fastapi.testclient import TestClient

ARTICLES = [
    {"id": "r1", "outlet": "Wire One", "published": "2025-11-20",
     "text": "Russian forces struck Kramatorsk with missiles on November 19, 2025, the "
             "city's mayor said. Three people were wounded."},
    {"id": "r2", "outlet": "Regional Two", "published": "2025-11-21",
     "text": "Russian troops hit Sloviansk with drones on November 20, 2025, regional "
             "officials said. A school was damaged."},
    {"id": "r3", "outlet": "Kyiv Desk", "published": "2025-11-25",
     "text": "Ukraine's air force said a Russian Iskander missile hit an industrial site in "
             "Kramatorsk on November 19, 2025."},
]

ACCOUNTS = {"kate": "analyst", "rita": "reader"}


@pytest.fixture
def api(store_url: str, resources: Any) -> Iterator[Client]:
    """An app over a fresh store with the three articles; an analyst's and a reader's
    Authorization headers."""
    with app_with_accounts(store_url, resources, ARTICLES, ACCOUNTS) as client:
        yield client


def strikes(c: TestClient, **params: str) -> list[dict[str, Any]]:
    return list(c.get("/api/events", params={"type": "strike", **params}).json()["items"])


def test_verification_through_the_api(api: Client) -> None:
    c, who = api
    kram = next(e for e in strikes(c) if e["place"]["name"] == "Kramatorsk")
    assert kram["verification"]["status"] == "corroborated"
    url = f"/api/events/{kram['id']}/verification"
    body = {"status": "refuted", "evidence_url": "https://example.org/satellite",
            "note": "no damage on the imagery", "version": 0}
    assert c.post(url, json=body, headers={"Authorization": who["rita"]}).status_code == 403
    assert c.post(url, json={**body, "evidence_url": None},
                  headers={"Authorization": who["kate"]}).status_code == 422
    assert c.post(url, json={**body, "version": None},
                  headers={"Authorization": who["kate"]}).status_code == 428
    r = c.post(url, json=body, headers={"Authorization": who["kate"]})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"1"'
    v = r.json()["verification"]
    assert v["status"] == "refuted" and v["by"] == "kate" and v["machine"] == "corroborated"
    assert v["evidence_url"] == "https://example.org/satellite"
    stale = c.post(url, json={**body, "status": "confirmed"},
                   headers={"Authorization": who["kate"]})
    assert stale.status_code == 409 and stale.headers["etag"] == '"1"'
    assert [e["id"] for e in strikes(c, verification="refuted")] == [kram["id"]]
    assert kram["id"] not in [e["id"] for e in strikes(c, verification="corroborated")]
    assert c.get("/api/events", params={"verification": "maybe"}).status_code == 422
    rows = c.get("/api/export/events.csv", params={"verification": "refuted"}).text
    assert "ww_verification" in rows.splitlines()[0] and "refuted" in rows
    feats = c.get("/api/map", params={"type": "strike"}).json()["features"]
    assert {f["properties"]["verification"] for f in feats} == {"refuted", "unverified"}
    hist = c.get(f"/api/events/{kram['id']}/history").json()
    assert [(d["action"], d["actor"]) for d in hist] == [("verify.refute", "kate")]


def test_rejected_events_are_left_off_unless_asked(api: Client) -> None:
    c, who = api
    slov = next(e for e in strikes(c) if e["place"]["name"] != "Kramatorsk")
    r = c.patch(f"/api/events/{slov['id']}", json={"status": "rejected", "version": 0},
                headers={"Authorization": who["kate"]})
    assert r.status_code == 200
    assert slov["id"] not in [e["id"] for e in strikes(c)]
    assert [e["id"] for e in strikes(c, review_status="rejected")] == [slov["id"]]
    assert slov["id"] in [e["id"] for e in strikes(c, review_status="all")]
    places = {f["properties"]["place"] for f in
              c.get("/api/map", params={"type": "strike"}).json()["features"]}
    assert slov["place"]["name"] not in places
    assert c.get(f"/api/events/{slov['id']}").status_code == 200  # its page stays
    queue = c.get("/api/review/queue", params={"status": "rejected"}).json()
    assert [e["id"] for e in queue["items"]] == [slov["id"]]
    assert c.get("/api/events", params={"review_status": "nope"}).status_code == 422


def test_merge_and_split_through_the_api(api: Client) -> None:
    c, who = api
    a = next(e for e in strikes(c) if e["place"]["name"] == "Kramatorsk")
    b = next(e for e in strikes(c) if e["place"]["name"] != "Kramatorsk")
    url = f"/api/events/{a['id']}/merge"
    body = {"other": b["id"], "version": 0, "note": "one salvo"}
    assert c.post(url, json=body, headers={"Authorization": who["rita"]}).status_code == 403
    assert c.post(url, json={**body, "version": 5},
                  headers={"Authorization": who["kate"]}).status_code == 409
    assert c.post(url, json={**body, "other": a["id"]},
                  headers={"Authorization": who["kate"]}).status_code == 422
    r = c.post(url, json=body, headers={"Authorization": who["kate"]})
    assert r.status_code == 200, r.text
    merged = r.json()
    assert merged["n_articles"] == 3 and merged["version"] == 1
    assert c.get(f"/api/events/{b['id']}").status_code == 404
    assert [d["action"] for d in c.get(f"/api/events/{b['id']}/history").json()] == [
        "merged-into"]
    slov_mentions = [mm["mention"] for mm in merged["mentions"] if mm["doc"] == "r2"]
    split_url = f"/api/events/{a['id']}/split"
    assert c.post(split_url, json={"mentions": slov_mentions, "version": 0},
                  headers={"Authorization": who["kate"]}).status_code == 409
    assert c.post(split_url, json={"mentions": slov_mentions, "version": 1},
                  headers={"Authorization": who["rita"]}).status_code == 403
    r = c.post(split_url, json={"mentions": slov_mentions, "version": 1},
               headers={"Authorization": who["kate"]})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["event"]["n_articles"] == 2 and out["new_event"]["n_articles"] == 1
    assert {mm["doc"] for mm in out["new_event"]["mentions"]} == {"r2"}
    assert [d["action"] for d in c.get(f"/api/events/{a['id']}/history").json()] == [
        "merge", "split"]
    decisions = c.get("/api/review/decisions").json()["items"]
    assert {"merge", "merged-into", "split", "split-from"} <= {d["action"] for d in decisions}


def test_family_decisions_through_the_api(api: Client) -> None:
    c, who = api
    arts = c.get("/api/articles").json()["items"]
    ids = [x["id"] for x in arts]
    assert all(x["family"] is None for x in arts)
    r = c.post("/api/families/999/merge", json={"other": 1, "version": 0},
               headers={"Authorization": who["kate"]})
    assert r.status_code == 404
    r = c.post("/api/families/1/split", json={"article": ids[0]},
               headers={"Authorization": who["rita"]})
    assert r.status_code == 403
