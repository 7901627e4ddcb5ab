"""The read API over a real store (SQLite and PostgreSQL) built from the sample corpus."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirewatch.cli import main
from wirewatch.store import export as ex


def day_of(event: dict[str, Any]) -> date | None:
    """The day an event is listed and counted on: the first day of its date, or for an
    undated claim the last day of its window."""
    value = event["date"]["value"]
    if value:
        parts = [int(p) for p in value.split("/")[0].split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])
    last = event["date"]["window"][1]
    return date.fromisoformat(last) if last else None


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [e["id"] for e in items]


def total(client: TestClient, **params: Any) -> int:
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["total"] == len(page["items"])
    return int(page["total"])


def listed(client: TestClient, **params: Any) -> list[int]:
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return ids(r.json()["items"])


# ------------------------------------------------------------------------ the event list


def test_events_are_newest_first_with_ties_broken_by_id(everything: list[dict[str, Any]]
                                                         ) -> None:
    keys = [(day_of(e) or date.min, e["id"]) for e in everything]
    assert keys == sorted(keys, reverse=True)
    assert len(set(ids(everything))) == len(everything)


def test_pages_put_together_are_the_whole_list(client: TestClient,
                                               everything: list[dict[str, Any]]) -> None:
    pages: list[int] = []
    offset = 0
    while True:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == len(everything) and page["limit"] == 7
        if not page["items"]:
            break
        pages.extend(ids(page["items"]))
        offset += 7
    assert pages == ids(everything)
    # the same page twice is the same page
    again = client.get("/api/events", params={"limit": 7, "offset": 14}).json()
    assert ids(again["items"]) == ids(everything)[14:21]


def test_list_items_are_the_clis_json_without_mentions(api_db: str,
                                                       everything: list[dict[str, Any]]
                                                       ) -> None:
    res = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    cli = {e["id"]: e for e in map(json.loads, res.stdout.splitlines())}
    assert set(cli) == set(ids(everything))
    for item in everything:
        expected = {k: v for k, v in cli[item["id"]].items() if k != "mentions"}
        assert item == expected


def test_type_filter_takes_types_and_prefixes(client: TestClient,
                                              everything: list[dict[str, Any]]) -> None:
    strikes = [e["id"] for e in everything if e["type"] == "strike"]
    assert strikes and listed(client, type="strike") == strikes
    both = [e["id"] for e in everything if e["type"] in ("strike", "casualties")]
    assert listed(client, type="strike,casualties") == both
    territory = [e["id"] for e in everything if e["type"].startswith("territory.")]
    assert len({e["type"] for e in everything if e["id"] in territory}) >= 2
    assert listed(client, type="territory") == territory


def test_place_filters(client: TestClient, everything: list[dict[str, Any]]) -> None:
    def where(pred: Any) -> list[int]:
        return [e["id"] for e in everything if e["place"] and pred(e["place"])]

    lyman = where(lambda p: p["geonameid"] == 704204)
    assert lyman and listed(client, place="704204") == lyman
    # a former name, resolved by the gazetteer like any place name
    assert listed(client, place="Krasny Liman") == lyman
    donetsk = where(lambda p: p["admin1"] == "Donetsk Oblast")
    assert len(donetsk) > len(lyman)
    assert listed(client, admin1="Donetsk Oblast") == donetsk
    assert listed(client, admin1="donetsk oblast") == donetsk
    # a region by name: the region itself and every place inside it
    assert listed(client, place="Donetsk Oblast") == donetsk
    assert total(client, place="999999999") == 0


def test_date_filters_select_the_days_the_timeline_counts(
        client: TestClient, everything: list[dict[str, Any]]) -> None:
    since, until = date(2025, 11, 15), date(2025, 11, 18)
    expected = [e["id"] for e in everything if e["date"]["value"]
                and since <= (day_of(e) or date.min) <= until]
    assert expected
    assert listed(client, since=str(since), until=str(until)) == expected
    rows = client.get("/api/timeline").json()
    counted = sum(r["n"] for r in rows if since <= date.fromisoformat(r["day"]) <= until)
    assert counted == len(expected)
    assert listed(client, since=str(since)) == [
        e["id"] for e in everything if e["date"]["value"] and (day_of(e) or date.min) >= since]
    assert listed(client, until="2022-12-31") == [
        e["id"] for e in everything if e["date"]["value"] and (day_of(e) or date.max)
        <= date(2022, 12, 31)]
    # an empty value is no filter (the pages send none, a hand-edited link may)
    assert total(client, since="", until="") == len(everything)


def test_sources_modality_and_conflict_filters(client: TestClient,
                                               everything: list[dict[str, Any]]) -> None:
    most = max(e["n_independent_sources"] for e in everything)
    top = [e["id"] for e in everything if e["n_independent_sources"] >= most]
    assert top and listed(client, min_sources=most) == top
    assert listed(client, min_sources=most + 1) == []
    contested = [e["id"] for e in everything if e["modality"] in ("contested", "denied")]
    assert contested and listed(client, modality="contested,denied") == contested
    conflicting = [e["id"] for e in everything if e["has_conflict"]]
    assert conflicting and listed(client, has_conflict="true") == conflicting
    assert total(client, has_conflict="false") == len(everything) - len(conflicting)
    both = [e["id"] for e in everything
            if e["has_conflict"] and e["type"] == "territory.captured"]
    assert listed(client, has_conflict="true", type="territory.captured") == both


def test_free_text_search_over_evidence(client: TestClient,
                                        everything: list[dict[str, Any]]) -> None:
    def evidence(eid: int) -> list[str]:
        event = client.get(f"/api/events/{eid}").json()
        return [m["evidence"]["text"].lower() for m in event["mentions"]]

    texts = {e["id"]: evidence(e["id"]) for e in everything}

    def has_words(eid: int, *words: str) -> bool:
        return any(all(re.search(rf"\b{w}", t) for w in words) for t in texts[eid])

    found = listed(client, q="liberated")
    assert found and found == [e for e in ids(everything) if has_words(e, "liberated")]
    # every word, each as the start of a word, in one sentence; case does not matter
    found = listed(client, q="KRASNY lib")
    assert found and found == [e for e in ids(everything) if has_words(e, "krasny", "lib")]
    assert total(client, q="zzzqqq") == 0
    assert total(client, q="%") == len(everything)  # no word: no filter


# ------------------------------------------------------------------------ one event


def test_an_event_is_the_clis_json_with_its_families(client: TestClient, api_db: str) -> None:
    res = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "jsonl",
                                    "--place", "704204", "--type", "territory.captured"])
    line = json.loads(res.stdout.splitlines()[0])
    event = client.get(f"/api/events/{line['id']}").json()
    family = event.pop("family")
    assert event == line
    assert event["has_conflict"] and {c["kind"] for c in event["conflicts"]} >= {"date"}
    # each mention points at its words in its article
    for mention in event["mentions"]:
        article = client.get(f"/api/articles/{mention['article_id']}").json()
        ev = mention["evidence"]
        assert article["text"][ev["start"]:ev["end"]] == ev["text"]
        assert article["doc"] == mention["doc"]
    # the rewrite families among its articles, each with this event's articles in it
    assert family
    for fam in family:
        members = {m["article_id"] for m in event["mentions"] if m["family"] == fam["id"]}
        assert set(fam["articles"]) == members and fam["size"] >= len(members)
        whole = client.get(f"/api/families/{fam['id']}").json()
        assert whole["size"] == fam["size"] and whole["head"]["article"] == fam["head"]


def test_unknown_ids_are_404_with_a_reason(client: TestClient) -> None:
    for path in ("/api/events/987654", "/api/articles/987654", "/api/families/987654",
                 "/api/places/1", "/api/nothing-here"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/json")
        assert isinstance(r.json()["detail"], str)
    assert "987654" in client.get("/api/events/987654").json()["detail"]


@pytest.mark.parametrize(("params", "named"), [
    ({"type": "bogus"}, "type"),
    ({"since": "2024-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2025-02-01", "until": "2025-01-01"}, "since"),
    ({"min_sources": "0"}, "min_sources"),
    ({"min_sources": "two"}, "min_sources"),
    ({"has_conflict": "maybe"}, "has_conflict"),
    ({"modality": "rumoured"}, "modality"),
    ({"limit": "0"}, "limit"),
    ({"limit": "501"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"q": "x" * 201}, "q"),
    ({"min_sources": ""}, "min_sources"),
    ({"limit": ""}, "limit"),
    ({"claimant": "x" * 1300}, "claimant"),
    ({"claimnt": "Ministry"}, "claimnt"),
    ({"types": "strike"}, "types"),
])
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, params: dict[str, str],
                                                     named: str) -> None:
    for path in ("/api/events", "/api/map", "/api/timeline", "/api/export/events.csv"):
        if path != "/api/events" and ("limit" in params or "offset" in params):
            continue
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)
        detail = r.json()["detail"]
        assert isinstance(detail, str) and detail.startswith(named), detail
        assert "Traceback" not in r.text


def test_bad_path_ids_are_422(client: TestClient) -> None:
    for path in ("/api/events/abc", "/api/events/-3", "/api/articles/1e3",
                 f"/api/events/{2**64}"):
        r = client.get(path)
        assert r.status_code == 422, path
        assert isinstance(r.json()["detail"], str)


# ------------------------------------------------------------------------ articles


def article_by_doc(client: TestClient, doc: str) -> dict[str, Any]:
    page = client.get("/api/articles", params={"limit": 500}).json()
    assert page["total"] == len(page["items"])
    match = [a for a in page["items"] if a["doc"] == doc]
    assert len(match) == 1
    r = client.get(f"/api/articles/{match[0]['id']}")
    assert r.status_code == 200
    return dict(r.json())


def test_hostile_article_is_returned_verbatim_as_json_text(client: TestClient,
                                                           hostile: Any) -> None:
    article = article_by_doc(client, "hostile-report")
    assert article["text"] == hostile.text
    assert "<script>document.body.dataset.pwned='script'</script>" in article["text"]
    assert article["title"] == hostile.title and article["outlet"] == "Outlet <b>X</b>"
    assert article["url"] == "javascript:alert(1)"  # stored as given; pages never link it
    r = client.get(f"/api/articles/{article['id']}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_article_spans_point_at_their_words(client: TestClient) -> None:
    article = article_by_doc(client, "hostile-report")
    text = article["text"]
    # code point offsets: the emoji before the first "Pokrovsk" count one each
    first = article["places"][0]
    assert (first["start"], text[first["start"]:first["end"]]) == (3, "Pokrovsk")
    assert all(text[p["start"]:p["end"]] == p["surface"] for p in article["places"])
    strike = [e for e in article["events"] if e["type"] == "strike"]
    assert strike and text[strike[0]["start"]:strike[0]["end"]] == "struck"
    for e in article["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        if e["canonical_id"] is not None:
            event = client.get(f"/api/events/{e['canonical_id']}").json()
            assert e["mention"] in [m["mention"] for m in event["mentions"]]


def test_articles_page_and_filter_by_outlet(client: TestClient) -> None:
    everything = client.get("/api/articles", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 20
    page = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert page["items"] == everything["items"][5:10]
    outlet = next(a["outlet"] for a in everything["items"] if a["outlet"])
    mine = client.get("/api/articles", params={"outlet": outlet, "limit": 500}).json()
    assert mine["items"] == [a for a in everything["items"] if a["outlet"] == outlet]


def test_families_are_the_clis_stories(client: TestClient, api_db: str) -> None:
    res = CliRunner().invoke(main, ["stories", "--db", api_db, "--format", "jsonl"])
    stories = [json.loads(x) for x in res.stdout.splitlines()]
    assert stories
    page = client.get("/api/families").json()
    assert page["total"] == len(stories)
    assert page["items"] == stories
    assert client.get("/api/families", params={"min_size": 1000}).json()["items"] == []


# ------------------------------------------------------------------------ places


def test_place_resolution_and_a_places_events(client: TestClient,
                                              everything: list[dict[str, Any]]) -> None:
    r = client.get("/api/places/resolve", params={"name": "Krasnoarmeysk"})
    assert r.status_code == 200 and r.json()["geonameid"] == 704422
    assert r.json()["method"] and r.json()["surface"] == "Krasnoarmeysk"
    r = client.get("/api/places/resolve", params={"name": "Qwxzvbnm"})
    assert r.status_code == 404 and "Qwxzvbnm" in r.json()["detail"]
    region = client.get("/api/places/709716").json()  # Donetsk Oblast
    assert region["kind"] == "admin1" and region["name"] == "Donetsk Oblast"
    inside = [e for e in everything if e["place"] and e["place"]["admin1"] == "Donetsk Oblast"]
    assert region["n_events_inside"] == len(inside)
    lyman = client.get("/api/places/704204").json()
    at = client.get("/api/places/704204/events").json()
    assert lyman["n_events"] == at["total"] > 0 and lyman["n_events_inside"] is None
    assert ids(at["items"]) == listed(client, place="704204")


# ------------------------------------------------------------------------ map and timeline


def test_map_has_a_point_per_event_with_a_place(client: TestClient,
                                                everything: list[dict[str, Any]]) -> None:
    placed = [e for e in everything if e["place"]]
    fc = client.get("/api/map").json()
    assert fc["type"] == "FeatureCollection" and fc["grouped"] == "events"
    assert fc["total"] == len(placed) and not fc["truncated"]
    by_id = {e["id"]: e for e in placed}
    assert [f["properties"]["id"] for f in fc["features"]] == [e["id"] for e in placed]
    for f in fc["features"]:
        e = by_id[f["properties"]["id"]]
        assert f["geometry"]["coordinates"] == [e["place"]["lon"], e["place"]["lat"]]
        assert f["properties"]["n_independent_sources"] == e["n_independent_sources"]
        assert f["properties"]["has_conflict"] == e["has_conflict"]
    strikes = client.get("/api/map", params={"type": "strike"}).json()
    assert strikes["total"] == len([e for e in placed if e["type"] == "strike"])


def test_map_groups_by_place_past_its_limit(client: TestClient,
                                            everything: list[dict[str, Any]]) -> None:
    placed = [e for e in everything if e["place"]]
    fc = client.get("/api/map", params={"limit": 10}).json()
    assert fc["grouped"] == "places" and fc["total"] == len(placed)
    assert sum(f["properties"]["n"] for f in fc["features"]) == len(placed)
    lyman = next(f["properties"] for f in fc["features"]
                 if f["properties"]["geonameid"] == 704204)
    at = [e for e in placed if e["place"]["geonameid"] == 704204]
    assert lyman["n"] == len(at) and sum(lyman["types"].values()) == len(at)
    assert lyman["has_conflict"] == any(e["has_conflict"] for e in at)
    newest = client.get("/api/map", params={"limit": 10, "group": "events"}).json()
    assert newest["truncated"] and len(newest["features"]) == 10
    assert [f["properties"]["id"] for f in newest["features"]] == [e["id"] for e in placed][:10]


def test_timeline_counts_dated_events_by_day_type_and_modality(
        client: TestClient, everything: list[dict[str, Any]]) -> None:
    rows = client.get("/api/timeline").json()
    keys = [(r["day"], r["type"], r["modality"]) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(r["n"] > 0 for r in rows)
    counts: dict[tuple[str, str, str], int] = {}
    for e in everything:
        if e["date"]["value"]:
            k = (str(day_of(e)), e["type"], e["modality"])
            counts[k] = counts.get(k, 0) + 1
    assert {(r["day"], r["type"], r["modality"]): r["n"] for r in rows} == counts
    # a denial-only event is counted as denied, never as a claim of its type
    assert any(k[2] == "denied" for k in counts)
    strikes = client.get("/api/timeline", params={"type": "strike"}).json()
    assert {r["type"] for r in strikes} == {"strike"}


# ------------------------------------------------------------------------ exports


def test_exports_match_the_cli(client: TestClient, api_db: str,
                               everything: list[dict[str, Any]]) -> None:
    r = client.get("/api/export/events.csv", params={"type": "strike"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == ex.COLUMNS
    strikes = [e["id"] for e in everything if e["type"] == "strike"]
    assert [int(x["ww_id"]) for x in rows] == strikes
    cli = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "csv",
                                    "--type", "strike"])
    assert sorted(cli.stdout.splitlines()[1:]) == sorted(r.text.splitlines()[1:])

    lines = client.get("/api/export/events.jsonl").text.splitlines()
    exported = [json.loads(x) for x in lines]
    assert [e["id"] for e in exported] == ids(everything)
    cli = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "jsonl"])
    assert sorted(exported, key=lambda e: e["id"]) == sorted(
        map(json.loads, cli.stdout.splitlines()), key=lambda e: e["id"])

    gj = client.get("/api/export/events.geojson", params={"admin1": "Donetsk Oblast"}).json()
    inside = [e["id"] for e in everything if e["place"]
              and e["place"]["admin1"] == "Donetsk Oblast"]
    assert [f["id"] for f in gj["features"]] == inside
    assert all(f["properties"]["admin1"] == "Donetsk Oblast" for f in gj["features"])
    two = client.get("/api/export/events.jsonl", params={"limit": 2}).text.splitlines()
    assert [json.loads(x)["id"] for x in two] == ids(everything)[:2]


# ------------------------------------------------------------------------ the server


def test_web_pages_and_api_docs_are_served_from_this_server(client: TestClient) -> None:
    for page in ("/", "/index.html", "/event.html", "/article.html"):
        r = client.get(page)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/basemap/admin1.geojson").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/map", "/api/timeline",
            "/api/articles", "/api/articles/{article_id}", "/api/families",
            "/api/places/resolve", "/api/export/events.csv"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", docs.text)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets)
    for a in assets:
        assert client.get(a).status_code == 200, a
    health = client.get("/api/health").json()
    assert health["writes"] is False and health["counts"]["canonical_events"] > 50
