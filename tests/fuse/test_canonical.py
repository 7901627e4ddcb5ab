"""Canonical events, independent sources and conflicts, through the store's one write path.

The event mentions here are contract JSON dicts (CODEBOOK.md section 7) written by hand,
exactly what the extractor hands the store, so each test pins one fusion rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wirewatch.document import Document
from wirewatch.store import Extracted, Store, event_filter

LYMAN = {"name": "Lyman", "geonameid": 704204, "lat": 48.98863, "lon": 37.80222,
         "country": "UA", "admin1": "Donetsk Oblast", "surface": "Lyman", "confidence": 0.9,
         "method": "exact", "explanation": "test"}
KHARKIV = {**LYMAN, "name": "Kharkiv", "geonameid": 706483, "surface": "Kharkiv",
           "admin1": "Kharkiv Oblast", "lat": 49.98, "lon": 36.25}


def event(text: str, evidence: str, etype: str = "territory.captured",
          place: dict[str, Any] | None = None, day: str | None = "2025-11-17",
          basis: str = "relative", claimant: str | None = "Russian Ministry of Defence",
          modality: str = "claimed", count: int | None = None, approx: bool = False,
          extent: str | None = None, subtype: str | None = None) -> dict[str, Any]:
    start = text.index(evidence)
    return {"doc": "", "type": etype, "subtype": subtype, "place": place or LYMAN,
            "date": {"value": day, "precision": "day" if day else "unknown",
                     "basis": basis if day else "unknown"},
            "actor": None, "target": None,
            "count": {"value": count, "approx": approx, "qualifier": "up to" if approx
                      else None} if count is not None else None,
            "claimant": claimant, "conduit": [], "modality": modality,
            "extent": extent if extent or etype != "territory.captured" else "full",
            "aggregate": False, "venue": None, "equipment": None, "weapon": None,
            "object": None, "trigger": {"start": start, "end": start + 1},
            "evidence": {"text": evidence, "start": start, "end": start + len(evidence)}}


def article(doc_id: str, outlet: str, published: str, text: str,
            *events: dict[str, Any]) -> Extracted:
    doc = Document(id=doc_id, text=text, outlet=outlet, published=date.fromisoformat(published))
    return Extracted(doc, [], [{**e, "doc": doc_id} for e in events])


def _lyman_rewrites() -> list[Extracted]:
    out = []
    claimants = ["Russian Ministry of Defence", "Russia's Defence Ministry",
                 "the Russian Defense Ministry", "Russian MoD", "Russian Ministry of Defence"]
    words = ["completed the liberation of", "took full control of", "captured",
             "raised its flag over", "cleared the last positions in"]
    for i, (who, verb) in enumerate(zip(claimants, words, strict=True)):
        sentence = f"Troops {verb} Lyman, {who} said."
        filler = f" Report number {i} was written in its own words for outlet {i}."
        out.append(article(f"r{i}", f"Outlet {i}", f"2025-11-{17 + i % 2}",
                           sentence + filler, event(sentence + filler, sentence, claimant=who)))
    return out


def test_five_rewrites_of_one_ministry_statement_are_one_independent_source(
        store_url: str) -> None:
    with Store(store_url) as store:
        store.write_batch(_lyman_rewrites()[:3])
        store.write_batch(_lyman_rewrites()[3:])
        [ev] = store.events()
    assert ev["type"] == "territory.captured" and ev["place"]["geonameid"] == 704204
    assert ev["n_mentions"] == 5 and len(ev["outlets"]) == 5
    assert ev["independent_sources"] == ["Outlet 0"] and ev["n_independent_sources"] == 1
    assert {m["doc"] for m in ev["mentions"]} == {f"r{i}" for i in range(5)}
    for m in ev["mentions"]:  # every mention keeps its evidence
        assert m["evidence"]["text"].startswith("Troops ")


def test_an_outlet_with_its_own_source_counts_apart_and_a_denial_is_a_conflict(
        store_url: str) -> None:
    own = "Our reporter saw the flag over Lyman's station on Monday. Nobody else was there."
    deny = "Claims about the capture of Lyman are not true, the Ukrainian army said."
    with Store(store_url) as store:
        store.write_batch(_lyman_rewrites())
        store.write_batch([
            article("own", "Frontline Witness", "2025-11-18", own,
                    event(own, own.split(". ")[0] + ".", claimant=None, modality="asserted")),
            article("deny", "Kyiv Daily", "2025-11-18", deny,
                    event(deny, deny, claimant="Ukrainian army", modality="denied",
                          day="2025-11-18")),
        ])
        [ev] = store.events()
        conflicts = store.conflicts()
    assert ev["n_independent_sources"] == 2
    assert ev["independent_sources"] == ["Outlet 0", "Frontline Witness"]
    assert ev["modality"] == "contested"
    [c] = [c for c in conflicts if c["kind"] == "modality"]
    assert c["a"]["value"] == "claimed" and c["b"]["value"] == "denied"
    assert [m["doc"] for m in c["b"]["mentions"]] == ["deny"]
    assert c["b"]["mentions"][0]["evidence"]["text"] == deny
    assert len(c["a"]["mentions"]) == 6


def _of_type(resources: Any, types: str) -> Any:
    """The filter of ``wirewatch events --type TYPES`` with the bundled codebook."""
    return event_filter(resources.codebook, resources.gazetteer, types=types)


def test_dates_decide_what_fuses(store_url: str, resources: Any) -> None:
    def strike(doc: str, day: str) -> Extracted:
        t = f"A missile hit Kharkiv on that day ({doc}), the governor said."
        return article(doc, f"Outlet {doc}", day, t,
                       event(t, t, etype="strike", place=KHARKIV, day=day,
                             claimant="Oleh Syniehubov (governor)"))

    def capture(doc: str, day: str) -> Extracted:
        t = f"Troops captured Lyman ({doc}), the ministry said."
        return article(doc, f"Outlet {doc}", day, t, event(t, t, day=day))

    with Store(store_url) as store:
        store.write_batch([strike("s1", "2025-11-01"), strike("s2", "2025-11-03"),
                           strike("s3", "2025-11-01")])
        store.write_batch([capture("c1", "2025-11-17"), capture("c2", "2025-11-20"),
                           capture("c3", "2026-02-01")])
        strikes = store.events(_of_type(resources, "strike"))
        captures = store.events(_of_type(resources, "territory"))
    # strikes on a city two days apart are two events; the same day, one
    assert sorted(sorted(m["doc"] for m in e["mentions"]) for e in strikes) == [
        ["s1", "s3"], ["s2"]]
    # reports of a capture trail by days (tolerance), months apart they are two claims
    assert sorted(sorted(m["doc"] for m in e["mentions"]) for e in captures) == [
        ["c1", "c2"], ["c3"]]


def test_counts_dates_and_extent_in_conflict_name_both_sides(store_url: str,
                                                             resources: Any) -> None:
    a = "The ministry said up to 230 soldiers were killed near Lyman on Saturday."
    b = "Ukrainian losses around the town reached 150 dead, according to a statement in Kyiv."
    d = "In a long post, a pro-war blogger put the toll of the weekend battle at 220."
    x = "Troops captured Lyman on November 15, the ministry said."
    y = "Lyman was taken on November 17, a correspondent wrote."
    c = "Analysts said Russian forces hold only the eastern part of Lyman."

    def killed(text: str, n: int, who: str, approx: bool = False) -> dict[str, Any]:
        return event(text, text, etype="casualties", subtype="killed", count=n,
                     approx=approx, day="2025-11-15", claimant=who)

    with Store(store_url) as store:
        store.write_batch([
            article("a", "Agency A", "2025-11-17", a, killed(a, 230, "ministry", True)),
            article("b", "Agency B", "2025-11-17", b, killed(b, 150, "Kyiv")),
            article("d", "Agency D", "2025-11-17", d, killed(d, 220, "a blogger")),
            article("x", "Agency X", "2025-11-17", x,
                    event(x, x, day="2025-11-15", basis="explicit")),
            article("y", "Agency Y", "2025-11-18", y,
                    event(y, y, day="2025-11-17", basis="explicit", claimant="Ilya Gornov")),
            article("c", "Agency C", "2025-11-18", c,
                    event(c, c, extent="partial", claimant="analysts", modality="reported",
                          day="2025-11-18")),
        ])
        found = {(f["kind"], frozenset((f["a"]["value"], f["b"]["value"])))
                 for f in store.conflicts()}
        [cas] = store.events(_of_type(resources, "casualties"))
        [cap] = store.events(_of_type(resources, "territory.captured"))
    assert found == {("count", frozenset({"230", "150"})), ("count", frozenset({"220", "150"})),
                     ("date", frozenset({"2025-11-15", "2025-11-17"})),
                     ("extent", frozenset({"full", "partial"}))}
    # not in conflict: "up to 230" and 220 (within 10 %); a claim made on November 18
    # about the capture (a relative date may trail the event)
    # the fatalities figure reported is the most conservative one
    assert cas["count"] == 150 and cas["n_independent_sources"] == 3
    assert {m["doc"] for m in cap["mentions"]} == {"x", "y", "c"}
    assert {c["kind"] for c in cap["conflicts"]} == {"date", "extent"}


def test_new_articles_leave_unrelated_canonical_events_untouched(store_url: str) -> None:
    with Store(store_url) as store:
        store.write_batch(_lyman_rewrites()[:2])
        before = {e["id"]: e for e in store.events()}
        t = "A drone hit Kharkiv, the governor said."
        store.write_batch([article("k", "Outlet K", "2025-11-20", t,
                                   event(t, t, etype="strike", place=KHARKIV,
                                         day="2025-11-20"))])
        after = {e["id"]: e for e in store.events()}
        from sqlalchemy import select

        from wirewatch.store.models import CanonicalEvent

        with store.engine.connect() as con:
            stamps = dict(con.execute(select(CanonicalEvent.id, CanonicalEvent.updated_at))
                          .all())
    assert set(before) < set(after)
    [lyman] = list(before)
    assert after[lyman] == before[lyman]
    new = [i for i in after if i not in before]
    assert stamps[new[0]] > stamps[lyman]


def test_a_failed_batch_leaves_nothing_behind(store_url: str) -> None:
    good = _lyman_rewrites()[0]
    broken = article("bad", "Outlet B", "2025-11-18", "Text of a broken record.",
                     {"doc": "bad", "place": None})  # no "type": the batch must fail whole
    with Store(store_url) as store:
        try:
            store.write_batch([good, broken])
        except Exception:
            pass
        else:  # pragma: no cover - the broken mention must be refused
            raise AssertionError("a mention without a type was stored")
        assert store.counts()["articles"] == 0
        store.write_batch([good])
        assert store.counts()["articles"] == 1
