"""The store commands as a user runs them: ingest, events (all formats), conflicts, stories,
demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.sample import sample_dir
from wirewatch.store.export import ACLED_COLUMNS


@pytest.fixture()
def filled(store_url: str) -> str:
    res = CliRunner().invoke(main, ["ingest", str(sample_dir()), "--db", store_url,
                                    "--batch-size", "6", "--quiet"])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().splitlines()[-1] == "read 24, stored 24, skipped 0, failed 0"
    return store_url


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def test_events_as_jsonl_carry_mentions_sources_and_conflicts(filled: str) -> None:
    rows = [json.loads(line) for line in _run("events", "--db", filled, "--format",
                                              "jsonl").splitlines()]
    assert rows
    for r in rows:
        assert r["n_mentions"] == len(r["mentions"]) >= 1
        assert r["n_independent_sources"] == len(r["independent_sources"])
        assert set(r["independent_sources"]) <= set(r["outlets"]) | {
            f"(doc {m['doc']})" for m in r["mentions"]}
        for m in r["mentions"]:
            assert m["evidence"]["text"] and m["evidence"]["end"] > m["evidence"]["start"]
    lyman = [r for r in rows if r["type"] == "territory.captured"
             and (r["place"] or {}).get("geonameid") == 704204
             and (r["date"]["value"] or "").startswith("2025-11")]
    assert lyman and max(r["n_articles"] for r in lyman) >= 3
    assert any(c["kind"] == "modality" for r in lyman for c in r["conflicts"])


def test_events_filters(filled: str) -> None:
    def ids(*args: str) -> set[int]:
        out = _run("events", "--db", filled, "--format", "jsonl", *args)
        return {json.loads(line)["id"] for line in out.splitlines()}

    def rows(*args: str) -> list[dict[str, object]]:
        out = _run("events", "--db", filled, "--format", "jsonl", *args)
        return [json.loads(line) for line in out.splitlines()]

    everything = ids()
    strikes = rows("--type", "strike")
    assert strikes and all(r["type"] == "strike" for r in strikes)
    assert all(r["type"].startswith("territory.") for r in rows("--type", "territory"))
    lyman = rows("--place", "Krasny Liman")  # resolved like any place name
    assert lyman and all(r["place"]["geonameid"] == 704204 for r in lyman)  # type: ignore
    oblast = rows("--place", "Donetsk Oblast")
    assert {r["place"]["admin1"] for r in oblast} == {"Donetsk Oblast"}  # type: ignore
    assert len(oblast) > len(lyman)
    november = rows("--since", "2025-11-01", "--until", "2025-11-30")
    assert november and len(november) < len(everything)
    for r in november:
        lo, hi = r["date"]["window"]  # type: ignore
        assert hi >= "2025-11-01" and lo <= "2025-11-30"
    multi = rows("--min-sources", "2")
    assert all(r["n_independent_sources"] >= 2 for r in multi)  # type: ignore
    sourced = ids("--min-sources", "1")
    # only events nobody claims (denials, plans) have no source of the claim
    assert all(r["modality"] in ("denied", "planned") for r in rows()
               if r["id"] not in sourced)


def test_events_csv_geojson_parquet(filled: str, tmp_path: Path) -> None:
    text = _run("events", "--db", filled, "--format", "csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames and reader.fieldnames[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    rows = list(reader)
    strike = next(r for r in rows if r["ww_type"] == "strike" and r["location"])
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["latitude"] and strike["longitude"] and strike["geo_precision"] == "1"
    assert strike["source"] and strike["notes"]
    assert all(r["fatalities"].isdigit() for r in rows)

    gj = json.loads(_run("events", "--db", filled, "--format", "geojson"))
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["ww_type"]

    out = tmp_path / "events.parquet"
    res = CliRunner().invoke(main, ["events", "--db", filled, "--format", "parquet"])
    assert res.exit_code != 0 and "--output" in res.output
    _run("events", "--db", filled, "--format", "parquet", "--output", str(out))
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == len(rows)
    assert set(ACLED_COLUMNS) <= set(table.column_names)
    assert table.schema.field("latitude").type == "double"


def test_conflicts_and_stories(filled: str) -> None:
    conflicts = [json.loads(x) for x in _run("conflicts", "--db", filled, "--format",
                                             "jsonl").splitlines()]
    kinds = {c["kind"] for c in conflicts}
    assert {"modality", "name"} <= kinds
    name = next(c for c in conflicts if c["kind"] == "name")
    assert (name["a"]["value"], name["b"]["value"]) == ("Marina Kolesnik", "Kolesnikova")
    for c in conflicts:
        if c["kind"] != "name":
            assert c["a"]["mentions"] and c["b"]["mentions"]
            assert c["a"]["value"] != c["b"]["value"]
    only = [json.loads(x) for x in _run("conflicts", "--db", filled, "--kind", "modality",
                                        "--format", "jsonl").splitlines()]
    assert only and {c["kind"] for c in only} == {"modality"}
    assert "Conflicts" in _run("conflicts", "--db", filled)

    stories = [json.loads(x) for x in _run("stories", "--db", filled, "--format",
                                           "jsonl").splitlines()]
    big = stories[0]
    assert big["size"] >= 4
    assert big["head"]["published"] == min(m["published"] for m in big["members"])
    pav = next(s for s in stories if any("pavlohrad" in m["doc"] for m in s["members"]))
    kinds = {lk["kind"] for m in pav["members"] for lk in m["links"]}
    assert "near-duplicate" in kinds
    assert "Rewrite families" in _run("stories", "--db", filled)
    assert "Canonical events" in _run("events", "--db", filled)


def test_demo_is_rerunnable(store_url: str) -> None:
    first = _run("demo", "--db", store_url)
    assert "stored 23, skipped 0" in first
    for title in ("Canonical events by type", "Top places", "Rewrite families", "Conflicts"):
        assert title in first
    second = _run("demo", "--db", store_url)
    assert "stored 0, skipped 23" in second
    # the corpus's README describes the corpus: it is no article and reports no strike
    from wirewatch.store import Store

    with Store(store_url) as store:
        docs = {a["doc"] for a in store.articles()}
    assert docs and not any(d.lower().endswith(".md") for d in docs)


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(store_url: str,
                                                            tmp_path: Path) -> None:
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps({
        "id": "f1", "outlet": "=HYPERLINK(\"http://x.test\",\"click\")", "published": "2025-06-03",
        "text": "Russian drones struck Kherson on Monday, killing two people, the regional "
                "administration said."}) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", "-q", "--db", store_url, str(f)]).exit_code == 0
    out = CliRunner().invoke(main, ["events", "--db", store_url, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    cells = [v for r in rows for v in r.values() if v]
    assert rows and not any(v.startswith(("=", "+", "@")) for v in cells)
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert all(float(r["longitude"]) for r in rows if r["longitude"])  # numbers untouched


def _decide(url: str) -> tuple[int, int, float]:
    """Reject one event and confirm the verification of another; return their ids and a
    confidence that some events are below."""
    from wirewatch.store import Store
    from wirewatch.store.review import ReviewChange

    with Store(url) as store:
        rows = store.events(with_mentions=False)
        rejected, verified = rows[0]["id"], rows[1]["id"]
        store.review_event(rejected, ReviewChange(status="rejected", version=0), "kate")
        store.verify_event(verified, "confirmed", "https://example.org/photo", "kate",
                           version=0)
        confs = sorted({r["confidence"] for r in rows if r["confidence"] is not None})
    return rejected, verified, confs[len(confs) // 2]


def test_events_review_verification_and_confidence_filters(filled: str) -> None:
    """`wirewatch events` takes the API's review, verification and confidence filters,
    with the API's default (rejected events left out)."""
    from wirewatch.store import Store

    rejected, verified, cut = _decide(filled)

    def rows(*args: str) -> list[dict[str, object]]:
        out = _run("events", "--db", filled, "--format", "jsonl", *args)
        return [json.loads(line) for line in out.splitlines()]

    every = rows("--review-status", "all")
    shown = rows()
    assert rejected in {r["id"] for r in every}
    assert {r["id"] for r in shown} == {r["id"] for r in every} - {rejected}
    assert [r["id"] for r in rows("--review-status", "rejected")] == [rejected]
    assert rejected in {r["id"] for r in rows("--review-status", "unreviewed,rejected")}
    assert [r["id"] for r in rows("--verification", "confirmed")] == [verified]
    assert verified not in {r["id"] for r in rows("--verification", "unverified")}
    sure = rows("--min-confidence", str(cut), "--review-status", "all")
    assert {r["id"] for r in sure} == {r["id"] for r in every
                                       if r["confidence"] is not None
                                       and float(str(r["confidence"])) >= cut}
    assert 0 < len(sure) < len(every)
    for bad in (["--review-status", "maybe"], ["--verification", "sure"]):
        res = CliRunner().invoke(main, ["events", "--db", filled, *bad])
        assert res.exit_code == 2 and "unknown value" in res.output
    res = CliRunner().invoke(main, ["events", "--db", filled, "--min-confidence", "1.5"])
    assert res.exit_code == 2
    # the Python API: the same keywords (its own default shows every status)
    with Store(filled) as store:
        assert len(store.events(with_mentions=False)) == len(every)
        assert [e["id"] for e in store.events(review_status="rejected")] == [rejected]
        assert {e["id"] for e in store.events(review_status="all,rejected")} == {
            r["id"] for r in every}
        assert [e["id"] for e in store.events(verification="confirmed")] == [verified]
        assert {e["id"] for e in store.events(min_confidence=cut,
                                              with_mentions=False)} == {
            r["id"] for r in sure}
        with pytest.raises(ValueError, match="review_status"):
            store.events(review_status="maybe")
        with pytest.raises(ValueError, match="min_confidence"):
            store.events(min_confidence=2.0)


def test_exports_carry_confidence_review_and_verification(filled: str,
                                                          tmp_path: Path) -> None:
    """CSV, GeoJSON and Parquet have ww_confidence beside ww_review_status and
    ww_verification, and the export options filter as `--format jsonl` does."""
    rejected, verified, cut = _decide(filled)
    truth = {r["id"]: r for r in (json.loads(x) for x in _run(
        "events", "--db", filled, "--format", "jsonl", "--review-status", "all").splitlines())}

    text = _run("events", "--db", filled, "--format", "csv", "--review-status", "all")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {int(r["ww_id"]) for r in rows} == set(truth)
    for r in rows:
        assert float(r["ww_confidence"]) == truth[int(r["ww_id"])]["confidence"]
    by_id = {int(r["ww_id"]): r for r in rows}
    assert by_id[rejected]["ww_review_status"] == "rejected"
    assert by_id[verified]["ww_verification"] == "confirmed"
    assert rejected not in {int(r["ww_id"]) for r in csv.DictReader(io.StringIO(
        _run("events", "--db", filled, "--format", "csv")))}

    gj = json.loads(_run("events", "--db", filled, "--format", "geojson",
                         "--min-confidence", str(cut)))
    assert gj["features"]
    for f in gj["features"]:
        p = f["properties"]
        assert p["ww_confidence"] == truth[p["ww_id"]]["confidence"] >= cut
        assert p["ww_review_status"] != "rejected" and p["ww_verification"]

    out = tmp_path / "events.parquet"
    _run("events", "--db", filled, "--format", "parquet", "--output", str(out),
         "--verification", "confirmed")
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.schema.field("ww_confidence").type == "double"
    assert table.column("ww_id").to_pylist() == [verified]
    assert table.column("ww_confidence").to_pylist() == [truth[verified]["confidence"]]
    assert table.column("ww_verification").to_pylist() == ["confirmed"]
