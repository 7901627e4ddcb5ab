"""Rewrite-family decisions through the API (both backends): each names the family's
version (428 without one, 409 when stale), and an article split out can be put back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import Client, app_with_accounts
from fastapi.testclient import TestClient

FIRST = ("Russian forces struck Kramatorsk with missiles on November 19, 2025, the city's "
         "mayor said. Three people were wounded.")
ARTICLES = [
    {"id": "a1", "outlet": "Wire One", "published": "2025-11-20", "text": FIRST},
    {"id": "c1", "outlet": "Copy One", "published": "2025-11-20",
     "text": FIRST + " Rescuers are at the scene."},
    {"id": "a2", "outlet": "Regional Two", "published": "2025-11-20",
     "text": "Kramatorsk was struck by Russian missiles on November 19, 2025, according to "
             "the regional governor. A school was damaged."},
    {"id": "o1", "outlet": "Kyiv Desk", "published": "2025-11-25",
     "text": "Ukraine's air force said a Russian Iskander missile hit an industrial site in "
             "Kramatorsk on November 19, 2025."},
    {"id": "o2", "outlet": "Copy Two", "published": "2025-11-25",
     "text": "Ukraine's air force said a Russian Iskander missile hit an industrial site in "
             "Kramatorsk on November 19, 2025. Rescuers are at the scene."},
]

ACCOUNTS = {"kate": "analyst", "rita": "reader"}


@pytest.fixture
def api(store_url: str, resources: Any) -> Iterator[Client]:
    with app_with_accounts(store_url, resources, ARTICLES, ACCOUNTS) as client:
        yield client


def _families(c: TestClient) -> dict[str, int | None]:
    return {a["doc"]: a["family"] for a in c.get("/api/articles").json()["items"]}


def _article(c: TestClient, doc: str) -> int:
    return next(a["id"] for a in c.get("/api/articles").json()["items"] if a["doc"] == doc)


def test_family_decisions_name_a_version(api: Client) -> None:
    c, who = api
    kate = {"Authorization": who["kate"]}
    fams = _families(c)
    fam, other = fams["a1"], fams["o1"]
    assert fam is not None and other is not None and fam != other
    family = c.get(f"/api/families/{fam}").json()
    assert family["version"] == 0 and family["size"] == 3
    a2 = _article(c, "a2")
    event = c.get("/api/events", params={"type": "strike"}).json()["items"][0]
    detail = c.get(f"/api/events/{event['id']}").json()
    assert {f["id"]: f["version"] for f in detail["family"]}[fam] == 0

    url = f"/api/families/{fam}/split"
    r = c.post(url, json={"article": a2}, headers=kate)
    assert r.status_code == 428 and "version" in r.json()["detail"]
    r = c.post(url, json={"article": a2, "version": 0}, headers={"Authorization": who["rita"]})
    assert r.status_code == 403
    r = c.post(url, json={"article": a2, "version": 0}, headers=kate)
    assert r.status_code == 200, r.text
    assert r.json()["family"]["version"] == 1 and r.headers["ETag"] == '"1"'
    assert _families(c)["a2"] is None
    assert c.get(f"/api/articles/{a2}").json()["family_alone"] is True

    # a merge decided on the family as it was before the split: refused, nothing changes
    merge = f"/api/families/{fam}/merge"
    r = c.post(merge, json={"other": other, "version": 0}, headers=kate)
    assert r.status_code == 409 and r.headers["ETag"] == '"1"'
    assert "stale" in r.json()["detail"] and "family" in r.json()["detail"]
    assert _families(c)["o1"] == other
    r = c.post(merge, json={"other": other}, headers={**kate, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.json()["size"] == 4
    assert [d["action"] for d in c.get(f"/api/families/{fam}/history").json()] == [
        "family.split", "family.merge"]


def test_an_article_split_out_is_put_back_through_the_api(api: Client) -> None:
    c, who = api
    kate = {"Authorization": who["kate"]}
    fam = _families(c)["a1"]
    a1, a2 = _article(c, "a1"), _article(c, "a2")
    r = c.post(f"/api/articles/{a1}/rejoin", json={}, headers=kate)
    assert r.status_code == 422 and "not split out" in r.json()["detail"]
    assert c.post(f"/api/families/{fam}/split", json={"article": a2, "version": 0},
                  headers=kate).status_code == 200
    assert c.post(f"/api/articles/{a2}/rejoin", json={},
                  headers={"Authorization": who["rita"]}).status_code == 403
    r = c.post(f"/api/articles/{a2}/rejoin", json={"note": "a rewrite after all",
                                                   "version": 0}, headers=kate)
    assert r.status_code == 409
    r = c.post(f"/api/articles/{a2}/rejoin", json={"note": "a rewrite after all"},
               headers=kate)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["article"] == a2 and out["family"]["family"] == fam
    assert out["family"]["version"] == 2 and a2 in [m["article"] for m in
                                                    out["family"]["members"]]
    assert _families(c)["a2"] == fam
    assert c.get(f"/api/articles/{a2}").json()["family_alone"] is False
    hist = c.get(f"/api/articles/{a2}/history").json()
    assert [(d["action"], d["actor"], d["note"]) for d in hist][-1] == (
        "family.rejoin", "kate", "a rewrite after all")
    trail = c.get("/api/review/decisions").json()["items"]
    assert trail[0]["action"] == "family.rejoin"
    assert c.post("/api/articles/987654/rejoin", json={}, headers=kate).status_code == 404
