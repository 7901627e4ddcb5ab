"""Exports a coder can drop in: ACLED's 31 columns in ACLED's order, source URLs and
outlets on every row, typed GeoParquet, GeoJSON that says what it left out, and the
conflicts and stories as resources with their CSV."""

from __future__ import annotations

import csv
import io
import json
import struct
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirewatch.cli import main

# ACLED's export columns, in ACLED's order (written out here, not imported: the test
# fails if the code's list drifts from ACLED's)
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp"]


def test_the_csv_has_acleds_header_and_opens_as_a_table(client: TestClient,
                                                        everything: list[dict[str, Any]]
                                                        ) -> None:
    text = client.get("/api/export/events.csv").text
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames is not None and len(ACLED_HEADER) == 31
    assert reader.fieldnames[:31] == ACLED_HEADER
    rows = list(reader)
    assert len(rows) == len(everything)
    for row in rows:
        assert len(row) == len(reader.fieldnames)  # no ragged row
        day = date.fromisoformat(row["event_date"]) if row["event_date"] else None
        assert row["year"] == (str(day.year) if day else "")
        assert row["time_precision"] in ("1", "2", "3")
        assert row["event_id_cnty"].endswith("WW" + row["ww_id"])
        assert row["disorder_type"] in ("Political violence", "Strategic developments")
        if row["country"] == "Ukraine":
            assert row["iso"] == "804" and row["region"] == "Europe"
        assert row["timestamp"].isdigit()
    # every row names its outlets and, where the articles have one, their URLs
    by_id = {e["id"]: e for e in everything}
    for row in rows:
        e = by_id[int(row["ww_id"])]
        assert row["ww_outlets"] == "; ".join(e["outlets"])
        urls = {r["url"] for r in e["reports"] if r["url"]}
        assert set(row["ww_source_urls"].split()) == urls


def test_parquet_is_typed_with_nulls_and_geoparquet_metadata(api_db: str,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    res = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "parquet",
                                    "-o", str(out)])
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.column_names[:31] == ACLED_HEADER
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("year").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.column("admin2").null_count == table.num_rows  # NULL, not ''
    rows = table.to_pylist()
    assert all(r["source_scale"] is None for r in rows)
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    for r in rows:
        if r["latitude"] is None:
            assert r["geometry"] is None
        else:
            assert struct.unpack("<BIdd", r["geometry"]) == (1, 1, r["longitude"],
                                                             r["latitude"])


def test_geojson_says_which_events_it_left_out(client: TestClient,
                                               everything: list[dict[str, Any]]) -> None:
    placeless = sorted(e["id"] for e in everything if not e["place"])
    assert placeless
    for fc in (client.get("/api/export/events.geojson").json(),):
        left = fc["wirewatch_left_out"]
        assert sorted(left["ids"]) == placeless and left["count"] == len(placeless)
        assert "place" in left["reason"]
        assert len(fc["features"]) + left["count"] == len(everything)
    r = client.get("/api/export/events.parquet", params={"type": "strike"})
    assert r.status_code == 200
    assert pq.read_table(pa.BufferReader(r.content)).num_rows == sum(
        1 for e in everything if e["type"] == "strike")


def test_conflicts_and_stories_are_resources_with_csv(client: TestClient) -> None:
    page = client.get("/api/conflicts", params={"kind": "modality"}).json()
    assert page["total"] == len(page["items"]) > 0
    assert all(c["kind"] == "modality" for c in page["items"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/conflicts.csv").text)))
    assert len(rows) == client.get("/api/conflicts", params={"limit": 500}).json()["total"]
    modality = next(r for r in rows if r["kind"] == "modality")
    assert modality["value_a"] == "claimed" and modality["value_b"] == "denied"
    assert modality["claimants_b"] and modality["urls_a"].startswith("http")
    stories = list(csv.DictReader(io.StringIO(client.get("/api/export/stories.csv").text)))
    families = client.get("/api/families", params={"limit": 500}).json()
    assert [int(s["family"]) for s in stories] == [f["family"] for f in families["items"]]
    assert all(s["head_outlet"] for s in stories)
