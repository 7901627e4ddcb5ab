"""Analysts' review in the store: corrections kept beside the machine's output survive new
articles and re-extraction; the audit trail records every kind of change (both backends)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.store import Store, event_filter
from wirewatch.store.review import ReviewChange, ReviewError, StaleVersion

FIRST = Document("a1", "Russian forces struck Kramatorsk with missiles on November 19, 2025, "
                       "the city's mayor said. Three people were wounded.",
                 outlet="Wire One", published=date(2025, 11, 20))
SECOND = Document("a2", "Kramatorsk was struck by Russian missiles on November 19, 2025, "
                        "according to the regional governor. A school was damaged.",
                  outlet="Regional Two", published=date(2025, 11, 20))
SLOVIANSK = {"name": "Sloviansk", "geonameid": 700051, "lat": 48.8531, "lon": 37.6053,
             "country": "UA", "admin1": "Donetsk Oblast"}


@pytest.fixture(scope="module")
def extract(resources: Any) -> Any:
    from wirewatch.store.ingest import spacy_extractor

    return spacy_extractor(resources)


def strike(store: Store) -> dict[str, Any]:
    [e] = [e for e in store.events() if e["type"] == "strike"]
    return e


def test_a_correction_survives_a_new_article_and_re_extraction(store_url: str, extract: Any,
                                                               resources: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST]))
        e = strike(store)
        assert e["review_status"] == "unreviewed" and e["version"] == 0
        assert e["machine"] is None and e["reviewed"] is None
        version = store.review_event(e["id"], ReviewChange(
            status="confirmed", set={"date": "2025-11-18", "place": SLOVIANSK,
                                     "claimant": "Kramatorsk city council"},
            note="the mayor's later statement", version=0), "kate")
        assert version == 1

        def check(n_articles: int) -> dict[str, Any]:
            ev = strike(store)
            assert ev["id"] == e["id"] and ev["n_articles"] == n_articles
            assert ev["review_status"] == "corrected" and ev["reviewed_by"] == "kate"
            assert ev["date"]["value"] == "2025-11-18" and ev["date"]["precision"] == "day"
            assert ev["place"]["name"] == "Sloviansk"
            assert ev["claimants"] == ["Kramatorsk city council"]
            assert ev["machine"]["date"] == "2025-11-19"
            assert ev["machine"]["place"]["name"] == "Kramatorsk"
            assert ev["reviewed"]["date"] == "2025-11-18"
            # filters, the map and exports follow the values in force
            at = event_filter(resources.codebook, resources.gazetteer, place="Sloviansk")
            assert [x["id"] for x in store.events(at)] == [e["id"]]
            gone = event_filter(resources.codebook, resources.gazetteer, place="Kramatorsk")
            assert e["id"] not in [x["id"] for x in store.events(gone)]
            return ev

        check(1)
        store.write_batch(extract([SECOND]))  # a new article joins the event
        assert check(2)["machine"]["date"] == "2025-11-19"
        ids = [a["article"] for a in store.articles()]
        store.replace_extraction(list(zip(ids, extract(store.stored_documents(ids)),
                                          strict=True)))  # both re-extracted
        check(2)
        store.replace_extraction([(ids[0], extract(store.stored_documents(ids[:1]))[0])])
        check(2)


def test_reverting_and_reopening_give_back_the_machines_values(store_url: str,
                                                                extract: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST]))
        e = strike(store)
        store.review_event(e["id"], ReviewChange(set={"count": 7, "type": "casualties"},
                                                 version=0), "kate")
        ev = strike_or_casualty(store, e["id"])
        assert ev["type"] == "casualties" and ev["count"] == 7
        assert ev["review_status"] == "corrected"
        assert ev["machine"] == {"count": e["count"], "type": "strike"}
        store.review_event(e["id"], ReviewChange(revert=["type"], version=1), "kate")
        ev = strike(store)
        assert ev["count"] == 7 and ev["reviewed"] == {"count": 7}
        store.review_event(e["id"], ReviewChange(status="unreviewed", version=2), "lead")
        ev = strike(store)
        assert ev["count"] == e["count"] and ev["review_status"] == "unreviewed"
        assert ev["machine"] is None and ev["version"] == 3


def strike_or_casualty(store: Store, event_id: int) -> dict[str, Any]:
    [e] = [e for e in store.events() if e["id"] == event_id]
    return e


def test_a_stale_version_is_refused_and_changes_nothing(store_url: str, extract: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST]))
        e = strike(store)
        store.review_event(e["id"], ReviewChange(status="confirmed", version=0), "kate")
        with pytest.raises(StaleVersion) as err:
            store.review_event(e["id"], ReviewChange(status="rejected", version=0), "omar")
        assert err.value.current == 1
        assert strike(store)["review_status"] == "confirmed"
        with pytest.raises(ReviewError):
            store.review_event(e["id"], ReviewChange(set={"date": "2025-13-40"}, version=1),
                               "omar")
        assert [d["action"] for d in store.history("event", e["id"])] == ["confirm"]


def test_the_audit_trail_records_every_kind_of_change(store_url: str, extract: Any) -> None:
    with Store(store_url) as store:
        store.add_account("kate", "analyst", actor="cli")
        store.write_batch(extract([FIRST, SECOND]))
        e = strike(store)
        steps = [ReviewChange(status="confirmed"), ReviewChange(set={"count": 4}),
                 ReviewChange(note="checked against the footage"),
                 ReviewChange(status="rejected", note="a drill, not a strike"),
                 ReviewChange(status="unreviewed")]
        for step in steps:
            store.review_event(e["id"], step, "kate")
        history = store.history("event", e["id"])
        assert [d["action"] for d in history] == ["confirm", "correct", "note", "reject",
                                                  "reopen"]
        assert [d["version"] for d in history] == [1, 2, 3, 4, 5]
        assert all(d["actor"] == "kate" and d["at"].endswith("Z") for d in history)
        assert history[1]["before"] == {"review_status": "confirmed", "count": e["count"]}
        assert history[1]["after"] == {"review_status": "corrected", "count": 4}
        assert history[3]["note"] == "a drill, not a strike"
        aid = store.articles()[1]["article"]
        assert store.mark_article(aid, True, "kate", note="an op-ed")
        assert not store.mark_article(aid, True, "kate")  # already: nothing recorded
        assert strike(store)["n_articles"] == 1
        doc = store.stored_documents([aid])
        assert store.mark_article(aid, False, "kate", extracted=extract(doc)[0])
        assert strike(store)["n_articles"] == 2
        assert [d["action"] for d in store.history("article", aid)] == ["irrelevant",
                                                                        "relevant"]
        store.disable_account("kate", actor="admin-1")
        total, log = store.decisions(limit=100)
        assert total == len(log) == 9
        assert {d["action"] for d in log} == {
            "account.add", "confirm", "correct", "note", "reject", "reopen", "irrelevant",
            "relevant", "account.disable"}


def test_an_irrelevant_article_stays_without_events_when_re_extracted(store_url: str,
                                                                       extract: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST]))
        [aid] = [a["article"] for a in store.articles()]
        e = strike(store)
        store.review_event(e["id"], ReviewChange(status="confirmed"), "kate")
        store.mark_article(aid, True, "kate")
        assert store.events() == []
        # the review's event left the record: its history says so
        assert [(d["action"], d["actor"]) for d in store.history("event", e["id"])] == [
            ("confirm", "kate"), ("detached", "wirewatch")]
        store.replace_extraction([(aid, extract(store.stored_documents([aid]))[0])])
        assert store.events() == []
        assert store.counts()["place_mentions"] > 0  # its places are kept
