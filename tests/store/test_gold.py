"""Reviewed articles as evaluation gold (`wirewatch export-gold`): only articles whose
every mention was reviewed, corrections applied, rejected mentions left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.document import Document
from wirewatch.store import Store
from wirewatch.store.review import ReviewChange

STRIKE = Document("s1", "Russian forces struck Kramatorsk with missiles on November 19, 2025, "
                        "the city's mayor said.", outlet="Wire One",
                  published=date(2025, 11, 20))
CAPTURE = Document("c1", "Russia's Defence Ministry said its troops had captured Toretsk on "
                         "November 18, 2025.", outlet="Wire Two", published=date(2025, 11, 20))
SLOVIANSK = {"name": "Sloviansk", "geonameid": 700051, "lat": 48.8531, "lon": 37.6053,
             "country": "UA", "admin1": "Donetsk Oblast"}


def test_reviewed_articles_become_gold_an_eval_scorer_reads(tmp_path: Path,
                                                           resources: Any) -> None:
    from wirewatch.store.ingest import spacy_extractor

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.write_batch(spacy_extractor(resources)([STRIKE, CAPTURE]))
        events = {e["type"]: e for e in store.events()}
        assert store.gold() == []  # nothing reviewed yet
        store.review_event(events["strike"]["id"], ReviewChange(
            status="confirmed", set={"place": SLOVIANSK, "date": "2025-11-18"},
            version=0), "kate")
        [doc] = store.gold()  # the capture's article is not reviewed: left out
        assert doc["id"] == "s1" and doc["published"] == "2025-11-20"
        [gold] = doc["events"]
        assert (gold["type"], gold["place"], gold["date"]) == ("strike", 700051, "2025-11-18")
        assert STRIKE.text.find(gold["evidence"]) >= 0
        store.review_event(events["territory.captured"]["id"], ReviewChange(
            status="rejected", version=0), "kate")
        by_id = {d["id"]: d for d in store.gold()}
        assert set(by_id) == {"s1", "c1"} and by_id["c1"]["events"] == []
    out = tmp_path / "gold.yaml"
    res = CliRunner().invoke(main, ["export-gold", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "2 reviewed article(s), 1 gold event mention(s)" in res.stderr
    docs = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["c1", "s1"] or [d["id"] for d in docs] == ["s1", "c1"]
