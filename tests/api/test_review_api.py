"""Review through the API: PATCH with optimistic concurrency, history, the queue, articles
marked irrelevant (both backends)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import app_with_accounts
from fastapi.testclient import TestClient

ARTICLES = [
    {"id": "r1", "outlet": "Wire One", "published": "2025-11-20",
     "text": "Russian forces struck Kramatorsk with missiles on November 19, 2025, the "
             "city's mayor said. Three people were wounded."},
    {"id": "r2", "outlet": "Regional Two", "published": "2025-11-21",
     "text": "Russian troops hit Sloviansk with drones on November 20, 2025, regional "
             "officials said. A school was damaged."},
]

ACCOUNTS = {"kate": "analyst", "omar": "analyst"}


@pytest.fixture
def review(store_url: str, resources: Any) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """An app over a fresh store with the two articles, and an analyst's and a second
    analyst's Authorization headers."""
    with app_with_accounts(store_url, resources, ARTICLES, ACCOUNTS) as client:
        yield client


def strikes(c: TestClient) -> list[dict[str, Any]]:
    return list(c.get("/api/events", params={"type": "strike"}).json()["items"])


def test_a_stale_concurrent_update_gets_409(review: tuple[TestClient, dict[str, str]]
                                            ) -> None:
    c, who = review
    eid = strikes(c)[0]["id"]
    got = c.get(f"/api/events/{eid}")
    assert got.headers["etag"] == '"0"' and got.json()["version"] == 0
    # two analysts open the same version; the first to save wins
    first = c.patch(f"/api/events/{eid}", json={"count": 4, "note": "per the mayor"},
                    headers={"Authorization": who["kate"], "If-Match": got.headers["etag"]})
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == '"1"'
    second = c.patch(f"/api/events/{eid}", json={"status": "rejected", "version": 0},
                     headers={"Authorization": who["omar"]})
    assert second.status_code == 409 and "stale" in second.json()["detail"]
    assert second.headers["etag"] == '"1"'
    event = c.get(f"/api/events/{eid}").json()
    assert event["review_status"] == "corrected" and event["count"] == 4
    assert event["reviewed_by"] == "kate" and event["review_note"] == "per the mayor"
    # without a version the change is refused, not applied blindly
    r = c.patch(f"/api/events/{eid}", json={"status": "rejected"},
                headers={"Authorization": who["omar"]})
    assert r.status_code == 428
    r = c.patch(f"/api/events/{eid}", json={"status": "rejected", "version": 1},
                headers={"Authorization": who["omar"]})
    assert r.status_code == 200 and r.json()["review_status"] == "rejected"


def test_corrections_show_the_machines_value_beside_the_analysts(
        review: tuple[TestClient, dict[str, str]]) -> None:
    c, who = review
    event = next(e for e in strikes(c) if e["place"]["name"] == "Kramatorsk")
    r = c.patch(f"/api/events/{event['id']}", headers={"Authorization": who["kate"]},
                json={"version": 0, "geonameid": 704422, "date": "2025-11",
                      "modality": "hedged", "claimant": "Donetsk regional administration",
                      "extent": "partial", "status": "confirmed"})
    assert r.status_code == 200, r.text
    e = r.json()
    assert e["place"]["name"] == "Pokrovsk" and e["place"]["geonameid"] == 704422
    assert e["date"]["value"] == "2025-11" and e["date"]["precision"] == "month"
    assert e["modality"] == "hedged" and e["extent"] == "partial"
    assert e["claimants"] == ["Donetsk regional administration"]
    assert e["machine"]["place"]["name"] == "Kramatorsk"
    assert e["machine"]["date"] == event["date"]["value"]
    assert e["machine"]["claimant"] == event["claimants"]
    assert e["reviewed"]["place"]["name"] == "Pokrovsk"
    assert e["review_status"] == "corrected"
    # the map, the list filters and the exports follow the correction
    at = c.get("/api/events", params={"place": "704422"}).json()["items"]
    assert [x["id"] for x in at] == [event["id"]]
    text = c.get("/api/export/events.csv", params={"place": "704422"}).text
    [cells] = list(csv.DictReader(io.StringIO(text)))
    assert cells["ww_review_status"] == "corrected" and cells["ww_reviewed_by"] == "kate"
    for bad, why in (({"geonameid": 1}, "geonameid"), ({"type": "picnic"}, "type"),
                     ({"date": "yesterday"}, "date"), ({"type": None}, "type"),
                     ({"colour": "red"}, "colour")):
        r = c.patch(f"/api/events/{event['id']}", json={"version": 1, **bad},
                    headers={"Authorization": who["kate"]})
        assert r.status_code == 422 and why in r.json()["detail"], (bad, r.text)
    assert c.patch("/api/events/999999", json={"version": 0, "status": "confirmed"},
                   headers={"Authorization": who["kate"]}).status_code == 404


def test_history_lists_each_change_with_who_when_and_what(
        review: tuple[TestClient, dict[str, str]]) -> None:
    c, who = review
    eid = strikes(c)[0]["id"]
    for i, body in enumerate(({"status": "confirmed"}, {"count": 9, "note": "recount"},
                              {"revert": ["count"]})):
        r = c.patch(f"/api/events/{eid}", json={"version": i, **body},
                    headers={"Authorization": who["kate" if i < 2 else "omar"]})
        assert r.status_code == 200, r.text
    history = c.get(f"/api/events/{eid}/history").json()
    assert [(h["action"], h["actor"]) for h in history] == [
        ("confirm", "kate"), ("correct", "kate"), ("correct", "omar")]
    assert history[1]["after"]["count"] == 9 and history[1]["note"] == "recount"
    assert history[2]["before"]["count"] == 9
    log = c.get("/api/review/decisions").json()
    assert log["total"] == 5 and log["items"][0]["actor"] == "omar"  # with 2 account.add
    assert c.get("/api/events/999999/history").status_code == 404
    text = c.get("/api/export/decisions.csv").text
    assert text.splitlines()[0] == "id,at,actor,target,target_id,action,version,before,after,note"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["actor"], r["action"]) for r in rows if r["target"] == "event"] == [
        ("kate", "confirm"), ("kate", "correct"), ("omar", "correct")]
    assert '"count": 9' in rows[3]["after"]


def test_the_queue_puts_what_needs_eyes_first_and_drops_what_was_reviewed(
        review: tuple[TestClient, dict[str, str]]) -> None:
    c, who = review
    queue = c.get("/api/review/queue").json()
    assert queue["total"] == c.get("/api/events").json()["total"] >= 2
    assert all("single source" in e["attention"] for e in queue["items"])
    first = queue["items"][0]["id"]
    c.patch(f"/api/events/{first}", json={"version": 0, "status": "confirmed"},
            headers={"Authorization": who["kate"]})
    after = c.get("/api/review/queue").json()
    assert after["total"] == queue["total"] - 1
    assert first not in [e["id"] for e in after["items"]]
    done = c.get("/api/review/queue", params={"status": "confirmed"}).json()["items"]
    assert [e["id"] for e in done] == [first]
    assert c.get("/api/review/queue", params={"status": "maybe"}).status_code == 422
    rows = list(csv.DictReader(io.StringIO(c.get("/api/export/review.csv").text)))
    assert [int(r["ww_id"]) for r in rows] == [e["id"] for e in after["items"]]
    assert {r["ww_review_status"] for r in rows} == {"unreviewed"}


def test_an_article_marked_irrelevant_leaves_the_record(
        review: tuple[TestClient, dict[str, str]]) -> None:
    c, who = review
    before = strikes(c)
    aid = c.get("/api/articles").json()["items"][1]["id"]
    r = c.post(f"/api/articles/{aid}/relevance", json={"irrelevant": True, "note": "satire"},
               headers={"Authorization": who["kate"]})
    assert r.status_code == 200 and r.json()["irrelevant"] is True
    assert r.json()["events"] == []
    assert len(strikes(c)) == len(before) - 1
    r = c.post(f"/api/articles/{aid}/relevance", json={"irrelevant": False},
               headers={"Authorization": who["omar"]})
    assert r.status_code == 200 and r.json()["events"]
    assert len(strikes(c)) == len(before)
    history = c.get(f"/api/articles/{aid}/history").json()
    assert [(h["action"], h["actor"], h["note"]) for h in history] == [
        ("irrelevant", "kate", "satire"), ("relevant", "omar", None)]
