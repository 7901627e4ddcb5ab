"""Claims and denials are never blurred: in the event views, the map, the timeline and
every export, who claims an event and who denies it stay apart, and an event that only a
denial supports is never presented as a claim (docs/exports.md; decisions 26 and 27)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient

DENIER = "Major Denys Lytvyn"  # rejects the Kupyansk capture in the sample corpus


def kupyansk(client: TestClient, modality: str) -> dict[str, Any]:
    items = client.get("/api/events", params={"place": "Kupyansk", "modality": modality,
                                              "limit": 50}).json()["items"]
    assert items, f"no {modality} event at Kupyansk in the sample"
    return dict(items[0])


def test_a_denier_is_listed_as_denying_never_as_claiming(client: TestClient) -> None:
    denied = kupyansk(client, "denied")
    assert denied["type"] == "territory.captured"
    assert denied["denied_by"] == [DENIER] and denied["claimants"] == []
    assert {r["role"] for r in denied["reports"]} == {"denies"}
    contested = kupyansk(client, "contested")
    assert DENIER in contested["denied_by"] and DENIER not in contested["claimants"]
    assert contested["claimants"] and {r["role"] for r in contested["reports"]} == {
        "claims", "denies"}
    # the same in one event's page and in the CLI's JSON (one view for both)
    detail = client.get(f"/api/events/{denied['id']}").json()
    assert detail["denied_by"] == [DENIER] and detail["claimants"] == []


def test_every_listed_claimant_made_a_claim(everything: list[dict[str, Any]],
                                            client: TestClient) -> None:
    for e in everything:
        if e["modality"] not in ("contested", "denied"):
            continue
        event = client.get(f"/api/events/{e['id']}").json()
        claiming = {m["claimant"] for m in event["mentions"] if m["modality"] != "denied"}
        denying = {m["claimant"] or m["outlet"] for m in event["mentions"]
                   if m["modality"] == "denied"}
        assert set(event["claimants"]) <= claiming
        assert set(event["denied_by"]) == denying


def test_the_map_and_the_timeline_carry_the_modality(client: TestClient) -> None:
    denied = kupyansk(client, "denied")
    fc = client.get("/api/map", params={"group": "events"}).json()
    props = {f["properties"]["id"]: f["properties"] for f in fc["features"]}
    assert props[denied["id"]]["modality"] == "denied"
    places = client.get("/api/map", params={"group": "places"}).json()
    kup = next(f["properties"] for f in places["features"]
               if f["properties"]["geonameid"] == denied["place"]["geonameid"])
    assert kup["modalities"].get("denied", 0) >= 1
    assert sum(kup["modalities"].values()) == kup["n"]
    rows = client.get("/api/timeline", params={"place": "Kupyansk",
                                               "type": "territory.captured"}).json()
    assert {"day": denied["date"]["value"], "type": "territory.captured",
            "modality": "denied", "n": 1} in rows


def test_a_denial_only_event_is_not_exported_as_a_battle(client: TestClient) -> None:
    denied = kupyansk(client, "denied")
    r = client.get("/api/export/events.csv", params={"place": "Kupyansk"})
    rows = {int(x["ww_id"]): x for x in csv.DictReader(io.StringIO(r.text))}
    row = rows[denied["id"]]
    assert row["event_type"] == "Strategic developments" and row["sub_event_type"] == "Other"
    assert row["disorder_type"] == "Strategic developments"
    assert row["ww_modality"] == "denied" and row["ww_denied_by"] == DENIER
    assert row["ww_claimants"] == "" and row["actor1"] == ""
    assert "denied" in row["tags"] and row["notes"].startswith("[denied;")
    contested = rows[kupyansk(client, "contested")["id"]]
    assert f"denied by {DENIER}" in contested["notes"]
    assert DENIER not in contested["ww_claimants"] and contested["ww_denied_by"] == DENIER
    geo = client.get("/api/export/events.geojson", params={"place": "Kupyansk"}).json()
    feat = next(f for f in geo["features"] if f["id"] == denied["id"])
    assert feat["properties"]["event_type"] == "Strategic developments"
    assert feat["properties"]["ww_denied_by"] == DENIER
    lines = client.get("/api/export/events.jsonl", params={"place": "Kupyansk"}).text
    exported = {e["id"]: e for e in map(json.loads, lines.splitlines())}
    assert exported[denied["id"]]["denied_by"] == [DENIER]
