"""Exports of canonical events: JSON Lines, ACLED-compatible CSV, GeoJSON and Parquet.

The CSV and Parquet rows carry ACLED's column names (event_date, event_type,
sub_event_type, actor1, admin1, location, latitude, longitude, geo_precision,
time_precision, source, notes, fatalities) filled from wirewatch's fields, beside
wirewatch's own columns (prefixed ``ww_``). The type mapping (data/acled.yaml, see
:mod:`wirewatch.store.acled`) is wirewatch's reading of the ACLED codebook, for a coder
to review, not ACLED's coding.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from wirewatch.store.acled import AcledMapping, default_acled

ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "admin1", "location",
                 "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
                 "fatalities"]
OWN_COLUMNS = ["ww_id", "ww_type", "ww_subtype", "ww_date", "ww_date_precision",
               "ww_geonameid", "ww_country", "ww_modality", "ww_count", "ww_extent",
               "ww_aggregate", "ww_claimants", "ww_outlets", "ww_independent_sources",
               "ww_n_independent_sources", "ww_n_mentions", "ww_conflicts"]
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS

def acled_type(event: Mapping[str, Any], weapons: Iterable[str] = (),
               acled: AcledMapping | None = None) -> tuple[str, str]:
    """Return (event_type, sub_event_type) in ACLED's vocabulary for a canonical event
    (``acled``: the mapping in use; default: the bundled data/acled.yaml)."""
    return (acled or default_acled()).classify(event, weapons)


def _geo_precision(place: Mapping[str, Any] | None) -> int | str:
    if not place:
        return ""
    # ACLED: 1 = the town itself, 2 = near it or part of a region, 3 = a larger region
    if place.get("admin1") is None or place.get("name") == place.get("admin1"):
        return 3
    return 1


def _time_precision(precision: str) -> int:
    return {"day": 1, "range": 2, "month": 3, "year": 3}.get(precision, 3)


def _event_date(event: Mapping[str, Any]) -> str:
    d = event["date"]
    value = d.get("value")
    if value:
        return str(value).split("/")[0]
    window = d.get("window") or [None, None]
    return str(window[1] or "")


def _notes(event: Mapping[str, Any]) -> str:
    mentions = event.get("mentions") or []
    first = mentions[0] if mentions else {}
    ev = (first.get("evidence") or {}).get("text") or ""
    who = ", ".join(event.get("claimants", [])[:3]) or "no named claimant"
    note = f"[{event['modality']}; per {who}] {ev}"
    if event.get("conflicts"):
        kinds = sorted({c["kind"] for c in event["conflicts"]})
        note += f" [reports disagree on: {', '.join(kinds)}]"
    return note[:1000]


def flat_row(event: Mapping[str, Any], acled: AcledMapping | None = None) -> dict[str, Any]:
    """Return one flat row (ACLED columns and wirewatch columns) of a canonical event."""
    place = event.get("place") or {}
    mentions = event.get("mentions") or []
    weapons = [str(m.get("weapon") or "") for m in mentions]
    etype, sub = acled_type(event, weapons, acled)
    actors = [m.get("actor") for m in mentions if m.get("actor")]
    fatalities = 0
    if event["type"] == "casualties" and event.get("subtype") == "killed" and event.get("count"):
        fatalities = int(event["count"])
    return {
        "event_date": _event_date(event), "event_type": etype, "sub_event_type": sub,
        "actor1": actors[0] if actors else "", "admin1": place.get("admin1") or "",
        "location": place.get("name") or "", "latitude": place.get("lat"),
        "longitude": place.get("lon"), "geo_precision": _geo_precision(place or None),
        "time_precision": _time_precision(event["date"].get("precision") or "unknown"),
        "source": "; ".join(event.get("outlets", [])), "notes": _notes(event),
        "fatalities": fatalities,
        "ww_id": event["id"], "ww_type": event["type"], "ww_subtype": event.get("subtype"),
        "ww_date": event["date"].get("value"),
        "ww_date_precision": event["date"].get("precision"),
        "ww_geonameid": place.get("geonameid"), "ww_country": place.get("country"),
        "ww_modality": event.get("modality"), "ww_count": event.get("count"),
        "ww_extent": event.get("extent"), "ww_aggregate": event.get("aggregate"),
        "ww_claimants": "; ".join(event.get("claimants", [])),
        "ww_outlets": "; ".join(event.get("outlets", [])),
        "ww_independent_sources": "; ".join(event.get("independent_sources", [])),
        "ww_n_independent_sources": event.get("n_independent_sources"),
        "ww_n_mentions": event.get("n_mentions"),
        "ww_conflicts": "; ".join(sorted({c["kind"] for c in event.get("conflicts", [])})),
    }


def write_jsonl(events: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per canonical event; return how many."""
    n = 0
    for e in events:
        out.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Mapping[str, Any]], out: IO[str],
              acled: AcledMapping | None = None) -> int:
    """Write the ACLED-compatible CSV (header + one row per event); return how many rows."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        w.writerow(csv_row(e, acled))
        n += 1
    return n


# A cell a spreadsheet would run as a formula ("=HYPERLINK(...)" as an outlet's name):
# written with a leading apostrophe, as OWASP advises; numbers ("-37.5") are left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_row(event: Mapping[str, Any], acled: AcledMapping | None = None) -> dict[str, Any]:
    """Return the CSV row of a canonical event: ``flat_row`` with formula-like text cells
    neutralised, so that opening the export in a spreadsheet runs nothing."""
    return {k: _safe_cell(v) for k, v in flat_row(event, acled).items()}


def _safe_cell(value: Any) -> Any:
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
        return value
    except ValueError:
        return "'" + value


def geojson(events: Iterable[Mapping[str, Any]], acled: AcledMapping | None = None
            ) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection with one Point per event that has a place."""
    feats = []
    for e in events:
        p = e.get("place") or {}
        if p.get("lat") is None or p.get("lon") is None:
            continue
        props = {k: v for k, v in flat_row(e, acled).items() if k not in ("latitude", "longitude")}
        feats.append({"type": "Feature", "id": e["id"],
                      "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def write_parquet(events: Sequence[Mapping[str, Any]], path: Path,
                  acled: AcledMapping | None = None) -> int:
    """Write the flat rows (as the CSV) plus the mentions as JSON to a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e, acled) for e in events]
    cols: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in COLUMNS}
    cols["ww_mentions_json"] = [json.dumps(e.get("mentions", []), ensure_ascii=False,
                                           default=str) for e in events]
    schema = pa.schema([
        *[(c, pa.string()) for c in ("event_date", "event_type", "sub_event_type", "actor1",
                                     "admin1", "location")],
        ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int64()), ("time_precision", pa.int64()),
        ("source", pa.string()), ("notes", pa.string()), ("fatalities", pa.int64()),
        ("ww_id", pa.int64()), ("ww_type", pa.string()), ("ww_subtype", pa.string()),
        ("ww_date", pa.string()), ("ww_date_precision", pa.string()),
        ("ww_geonameid", pa.int64()), ("ww_country", pa.string()),
        ("ww_modality", pa.string()), ("ww_count", pa.int64()), ("ww_extent", pa.string()),
        ("ww_aggregate", pa.bool_()), ("ww_claimants", pa.string()),
        ("ww_outlets", pa.string()), ("ww_independent_sources", pa.string()),
        ("ww_n_independent_sources", pa.int64()), ("ww_n_mentions", pa.int64()),
        ("ww_conflicts", pa.string()), ("ww_mentions_json", pa.string()),
    ])
    cols["geo_precision"] = [v if v != "" else None for v in cols["geo_precision"]]
    table = pa.table(cols, schema=schema)
    pq.write_table(table, path)
    return len(rows)
