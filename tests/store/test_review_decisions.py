"""Analysts' decisions kept beside fusion (both backends): verification, event merges and
splits, rewrite-family merges and splits, and reviews that follow their reports when
fusion merges two events; each survives new articles and re-extraction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.fuse.config import default_fusion
from wirewatch.store import Store, event_filter
from wirewatch.store.review import ReviewChange, ReviewError, StaleVersion

FIRST = Document("a1", "Russian forces struck Kramatorsk with missiles on November 19, 2025, "
                       "the city's mayor said. Three people were wounded.",
                 outlet="Wire One", published=date(2025, 11, 20))
SECOND = Document("a2", "Kramatorsk was struck by Russian missiles on November 19, 2025, "
                        "according to the regional governor. A school was damaged.",
                  outlet="Regional Two", published=date(2025, 11, 20))
THIRD = Document("a3", "Missiles hit Kramatorsk on November 19, 2025, the head of the "
                       "military administration said. Windows were blown out.",
                 outlet="Third Daily", published=date(2025, 11, 20))
# published five days later, in other words: no rewrite of FIRST, an independent source
OTHER = Document("o1", "Ukraine's air force said a Russian Iskander missile hit an "
                       "industrial site in Kramatorsk on November 19, 2025.",
                 outlet="Kyiv Desk", published=date(2025, 11, 25))
SLOVIANSK = Document("s1", "Russian troops hit Sloviansk with drones on November 20, 2025, "
                           "regional officials said. A school was damaged.",
                     outlet="East News", published=date(2025, 11, 21))
LATER = Document("k21", "Russian forces struck Kramatorsk with missiles on November 21, "
                        "2025, the city's mayor said. Two people were wounded.",
                 outlet="Wire One", published=date(2025, 11, 22))
BRIDGE = Document("k20", "Russian forces struck Kramatorsk with missiles on November 20, "
                         "2025, the regional governor said.",
                  outlet="Regional Two", published=date(2025, 11, 21))


@pytest.fixture(scope="module")
def extract(resources: Any) -> Any:
    from wirewatch.store.ingest import spacy_extractor

    return spacy_extractor(resources)


def strikes(store: Store) -> list[dict[str, Any]]:
    return sorted((e for e in store.events() if e["type"] == "strike"), key=lambda e: e["id"])


def reextract_all(store: Store, extract: Any) -> None:
    ids = [a["article"] for a in store.articles()]
    store.replace_extraction(list(zip(ids, extract(store.stored_documents(ids)), strict=True)))


def test_verification_is_set_with_evidence_and_survives_re_extraction(
        store_url: str, extract: Any, resources: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, OTHER]))
        [e] = strikes(store)
        assert e["n_independent_sources"] == 2
        assert e["verification"]["status"] == "corroborated"
        assert e["verification"]["machine"] == "corroborated" and e["verification"]["by"] is None
        with pytest.raises(ReviewError, match="evidence_url"):
            store.verify_event(e["id"], "confirmed", None, "kate", version=0)
        with pytest.raises(ReviewError, match="evidence_url"):
            store.verify_event(e["id"], "confirmed", "javascript:alert(1)", "kate", version=0)
        v = store.verify_event(e["id"], "confirmed", "https://example.org/geolocated", "kate",
                               note="geolocated footage", version=0)
        assert v == 1
        with pytest.raises(StaleVersion):
            store.verify_event(e["id"], "refuted", "https://example.org/x", "omar", version=0)
        confirmed = event_filter(resources.codebook, resources.gazetteer,
                                 verification="confirmed")
        assert [x["id"] for x in store.events(confirmed)] == [e["id"]]
        reextract_all(store, extract)
        store.write_batch(extract([THIRD]))
        [ev] = strikes(store)
        assert ev["id"] == e["id"] and ev["verification"]["status"] == "confirmed"
        assert ev["verification"]["by"] == "kate"
        assert ev["verification"]["evidence_url"] == "https://example.org/geolocated"
        assert ev["review_status"] == "unreviewed"  # verification is not the review
        store.verify_event(e["id"], "unverified", None, "kate", version=1)
        assert strikes(store)[0]["verification"]["status"] == "corroborated"
        assert [d["action"] for d in store.history("event", e["id"])] == [
            "verify.confirm", "verify.withdraw"]


def test_a_denial_keeps_an_event_from_being_corroborated(store_url: str, extract: Any
                                                         ) -> None:
    denial = Document("d1", "Russia's Defence Ministry denied that its forces struck "
                            "Kramatorsk on November 19, 2025.", outlet="TASS",
                      published=date(2025, 11, 20))
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, SECOND, denial]))
        for e in strikes(store):
            if e["denied_by"]:
                assert e["verification"]["status"] == "unverified"


def test_review_status_filter_and_rejected_events(store_url: str, extract: Any,
                                                  resources: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, SLOVIANSK]))
        a, b = strikes(store)
        store.review_event(b["id"], ReviewChange(status="rejected", version=0), "kate")
        shown = event_filter(resources.codebook, resources.gazetteer,
                             review_status="unreviewed,confirmed,corrected")
        assert b["id"] not in [x["id"] for x in store.events(shown)]
        rejected = event_filter(resources.codebook, resources.gazetteer,
                                review_status="rejected")
        assert [x["id"] for x in store.events(rejected)] == [b["id"]]
        every = event_filter(resources.codebook, resources.gazetteer, review_status="all")
        assert {a["id"], b["id"]} <= {x["id"] for x in store.events(every)}


def test_a_merge_survives_re_extraction_and_new_articles(store_url: str, extract: Any
                                                        ) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, SLOVIANSK]))
        a, b = strikes(store)
        store.review_event(b["id"], ReviewChange(set={"count": 4}, version=0), "omar")
        with pytest.raises(StaleVersion):
            store.merge_events(a["id"], b["id"], "kate", version=3)
        store.merge_events(a["id"], b["id"], "kate", version=0, other_version=1,
                           note="one salvo, two towns")
        [e] = strikes(store)
        assert e["id"] == a["id"] and e["n_articles"] == 2
        assert e["count"] == 4  # b's review followed its reports
        assert [d["action"] for d in store.history("event", b["id"])] == [
            "correct", "merged-into", "followed"]
        assert [d["action"] for d in store.history("event", a["id"])] == [
            "inherited", "merge"]
        reextract_all(store, extract)
        store.write_batch(extract([SECOND]))
        [e] = strikes(store)
        assert e["id"] == a["id"] and e["n_articles"] == 3 and e["count"] == 4
        aid = [x["article"] for x in store.articles() if x["doc"] == "s1"]
        store.replace_extraction([(aid[0], extract(store.stored_documents(aid))[0])])
        assert [x["id"] for x in strikes(store)] == [a["id"]]


def test_a_split_survives_re_extraction_and_new_articles(store_url: str, extract: Any
                                                        ) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, SECOND]))
        [e] = [x for x in store.events() if x["type"] == "strike"]
        second = [mm["mention"] for mm in e["mentions"] if mm["doc"] == "a2"]
        with pytest.raises(ReviewError):
            store.split_event(e["id"], [mm["mention"] for mm in e["mentions"]], "kate",
                              version=0)
        new, version = store.split_event(e["id"], second, "kate", version=0,
                                         note="the governor means another strike")
        assert version == 1

        def check(n: int) -> None:
            evs = strikes(store)
            assert [x["id"] for x in evs] == sorted([e["id"], new])
            docs = {x["id"]: {mm["doc"] for mm in x["mentions"]} for x in evs}
            assert "a1" in docs[e["id"]] and "a2" in docs[new]
            assert sum(len(d) for d in docs.values()) == n

        check(2)
        reextract_all(store, extract)
        check(2)
        store.write_batch(extract([THIRD]))
        check(3)
        assert [d["action"] for d in store.history("event", e["id"])] == ["split"]
        assert [d["action"] for d in store.history("event", new)] == ["split-from"]


def test_a_review_follows_its_reports_when_fusion_merges_events(store_url: str,
                                                                 extract: Any) -> None:
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, LATER]))
        a, b = strikes(store)
        store.review_event(a["id"], ReviewChange(set={"count": 5}, version=0), "kate")
        store.review_event(b["id"], ReviewChange(status="rejected", version=0,
                                                 note="a drill"), "omar")
    wide = default_fusion()
    wide = replace(wide, tolerance_days={**wide.tolerance_days, "strike": 3})
    with Store(store_url, fusion=wide) as store:
        store.write_batch(extract([BRIDGE]))  # the bridge: fusion now makes one event
        [e] = strikes(store)
        gone = b["id"] if e["id"] == a["id"] else a["id"]
        # the later decision (omar's rejection) wins; kate's correction is kept
        assert e["review_status"] == "rejected" and e["count"] == 5
        assert store.history("event", gone)[-1]["action"] == "followed"
        assert store.history("event", e["id"])[-1]["action"] == "inherited"
        reextract_all(store, extract)
        [e2] = strikes(store)
        assert e2["id"] == e["id"] and e2["review_status"] == "rejected"


def test_family_split_and_merge_survive_new_articles(store_url: str, extract: Any) -> None:
    copy1 = Document("c1", FIRST.text + " Rescuers are at the scene.", outlet="Copy One",
                     published=date(2025, 11, 20))
    copy_other = Document("o2", OTHER.text + " Rescuers are at the scene.",
                          outlet="Copy Two", published=date(2025, 11, 25))
    with Store(store_url) as store:
        store.write_batch(extract([FIRST, copy1, SECOND, OTHER, copy_other]))
        fams = {x["doc"]: x["family"] for x in store.articles()}
        assert fams["a1"] == fams["c1"] == fams["a2"] and fams["o1"] == fams["o2"]
        assert fams["a1"] != fams["o1"]
        assert strikes(store)[0]["n_independent_sources"] == 2
        second = next(x["article"] for x in store.articles() if x["doc"] == "a2")
        store.split_article(fams["a1"], second, "kate", note="the governor's own account")
        assert strikes(store)[0]["n_independent_sources"] == 3
        store.write_batch(extract([THIRD]))  # a paraphrase of a1 and a2: a2 stays out
        after = {x["doc"]: x["family"] for x in store.articles()}
        assert after["a2"] is None and after["a3"] == after["a1"]
        store.merge_families(after["a1"], after["o1"], "kate", note="one press release")
        final = {x["doc"]: x["family"] for x in store.articles()}
        assert len({final[d] for d in ("a1", "c1", "a3", "o1", "o2")}) == 1
        reextract_all(store, extract)
        assert strikes(store)[0]["n_independent_sources"] == 2  # the family, and a2
        assert [d["action"] for d in store.history("family", fams["a1"])] == [
            "family.split", "family.merge"]
        assert [d["action"] for d in store.history("article", second)] == ["family.split"]


def _family_of_three(store: Store, extract: Any) -> tuple[dict[str, int | None], int]:
    copy1 = Document("c1", FIRST.text + " Rescuers are at the scene.", outlet="Copy One",
                     published=date(2025, 11, 20))
    store.write_batch(extract([FIRST, copy1, SECOND, OTHER]))
    fams = {x["doc"]: x["family"] for x in store.articles()}
    assert fams["a1"] == fams["c1"] == fams["a2"] is not None
    second = next(x["article"] for x in store.articles() if x["doc"] == "a2")
    return fams, second


def test_family_decisions_carry_a_version_and_refuse_a_stale_one(store_url: str,
                                                                 extract: Any) -> None:
    with Store(store_url) as store:
        fams, second = _family_of_three(store, extract)
        fam = fams["a1"]
        assert fam is not None
        [story] = [f for f in store.stories() if f["family"] == fam]
        assert story["version"] == 0
        with pytest.raises(StaleVersion, match="the family is at version 0"):
            store.split_article(fam, second, "kate", version=3)
        assert {x["doc"]: x["family"] for x in store.articles()}["a2"] == fam  # unchanged
        assert store.split_article(fam, second, "kate", version=0) == 1
        [story] = [f for f in store.stories() if f["family"] == fam]
        assert story["version"] == 1 and story["size"] == 2
        other = store.write_batch(extract([Document(
            "o2", OTHER.text + " Rescuers are at the scene.", outlet="Copy Two",
            published=date(2025, 11, 25))]))
        assert other.stored == 1
        fo = {x["doc"]: x["family"] for x in store.articles()}["o1"]
        assert fo is not None
        with pytest.raises(StaleVersion):  # omar decided on version 0, kate's split came first
            store.merge_families(fam, fo, "omar", version=0)
        with pytest.raises(StaleVersion):
            store.merge_families(fam, fo, "omar", version=1, other_version=5)
        assert store.merge_families(fam, fo, "omar", version=1, other_version=0) == 2
        assert [d["version"] for d in store.history("family", fam)] == [1, 2]


def test_an_article_split_out_can_be_put_back(store_url: str, extract: Any) -> None:
    with Store(store_url) as store:
        fams, second = _family_of_three(store, extract)
        fam = fams["a1"]
        sources = strikes(store)[0]["n_independent_sources"]
        first = next(x["article"] for x in store.articles() if x["doc"] == "a1")
        with pytest.raises(ReviewError, match="was not split out"):
            store.rejoin_article(first, "kate")
        store.split_article(fam, second, "kate", version=0)
        assert strikes(store)[0]["n_independent_sources"] == sources + 1
        with pytest.raises(StaleVersion):
            store.rejoin_article(second, "kate", version=0)
        assert store.rejoin_article(second, "kate", note="it is a rewrite after all",
                                    version=1) == fam
        after = {x["doc"]: x["family"] for x in store.articles()}
        assert after["a2"] == fam
        assert strikes(store)[0]["n_independent_sources"] == sources
        assert [d["action"] for d in store.history("article", second)] == [
            "family.split", "family.rejoin"]
        assert store.history("family", fam)[-1]["action"] == "family.rejoin"
        assert store.history("family", fam)[-1]["after"]["article"] == second
        # it is no longer alone: new links may pull it in again, and it cannot be put back twice
        with pytest.raises(ReviewError):
            store.rejoin_article(second, "kate")
        reextract_all(store, extract)
        assert {x["doc"]: x["family"] for x in store.articles()}["a2"] == fam

        # a split that dissolves a family of two: putting it back makes the family again
        third = next(x["article"] for x in store.articles() if x["doc"] == "c1")
        assert store.split_article(fam, second, "kate") is not None
        assert store.split_article(fam, third, "kate") is None  # one left: dissolved
        left = {x["doc"]: x["family"] for x in store.articles()}
        assert left["a1"] is None and left["c1"] is None and left["a2"] is None
        assert store.rejoin_article(third, "kate") == fam
        back = {x["doc"]: x["family"] for x in store.articles()}
        assert back["a1"] == back["c1"] == fam and back["a2"] is None
        assert [f["size"] for f in store.stories() if f["family"] == fam] == [2]
