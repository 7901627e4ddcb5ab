"""Ingest as it happens in real life: a run killed half-way, then re-run; bad files mixed
into a folder. Both on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from synthetic import as_record, corpus

from wirewatch.cli import main
from wirewatch.store import Store, database_url, ingest

N = 40


def _corpus(folder: Path) -> list[dict[str, Any]]:
    """Synthetic articles, one JSON Lines file per four, plus .txt files."""
    folder.mkdir()
    recs = [as_record(x) for x in corpus(N, seed=11, days=20)]
    for i in range(0, 24, 4):
        (folder / f"part{i // 4}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in recs[i:i + 4]), encoding="utf-8")
    sub = folder / "txt"
    sub.mkdir()
    for r in recs[24:]:
        (sub / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return recs


def _count(url: str) -> int:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as con:
            return int(con.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    except SQLAlchemyError:
        return 0  # the schema is not there yet
    finally:
        engine.dispose()


def _shape(store: Store) -> tuple[set[Any], set[Any]]:
    """What the store says, independent of row ids: events by docs, families by docs."""
    events = {(e["type"], (e["place"] or {}).get("geonameid"),
               tuple(sorted(m["doc"] for m in e["mentions"])), e["n_independent_sources"])
              for e in store.events()}
    stories = {tuple(sorted(m["doc"] for m in s["members"])) for s in store.stories()}
    return events, stories


def test_a_run_killed_half_way_loses_nothing_and_duplicates_nothing(
        store_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    recs = _corpus(folder)
    env = {**os.environ, "WIREWATCH_DB": store_url}
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "ingest", str(folder),
                             "--batch-size", "2", "--quiet"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed_at = 0
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            killed_at = _count(store_url)
            if killed_at >= 6 or proc.poll() is not None:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    committed = _count(store_url)
    assert 6 <= committed < N, "the kill must land half-way"
    assert committed % 2 == 0, "a batch is committed whole or not at all"

    res = CliRunner().invoke(main, ["ingest", str(folder), "--db", store_url,
                                    "--batch-size", "2"])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().splitlines()[-1] == (
        f"read {N}, stored {N - committed}, skipped {committed}, failed 0")

    with Store(store_url) as resumed:
        docs = [a["doc"] for a in resumed.articles()]
        assert sorted(docs) == sorted(str(r["id"]) if i < 24 else f"{r['id']}.txt"
                                      for i, r in enumerate(recs))
        got = _shape(resumed)
    # the same as one uninterrupted run
    with Store(tmp_path / "reference.db") as ref:
        ingest([folder], ref, batch_size=2)
        assert _shape(ref) == got
    assert got[1], "the corpus has rewrite families"


def test_bad_files_in_a_folder_are_named_and_the_rest_is_stored(
        store_url: str, tmp_path: Path) -> None:
    f = tmp_path / "mixed"
    (f / "deep" / "er").mkdir(parents=True)
    (f / "good.txt").write_text("Russian drones struck Sumy overnight, wounding three "
                                "people, the regional administration said.", encoding="utf-8")
    (f / "deep" / "er" / "also-good.html").write_text(
        "<html><head><title>Kherson</title></head><body><article><p>"
        + "Russian artillery shelled Kherson on Monday, the city administration said. " * 4
        + "</p></article></body></html>", encoding="utf-8")
    (f / "records.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Shelling hit Nikopol, the governor said."}) + "\n"
        + "{broken json\n" + json.dumps({"id": "no-body", "title": "x"}) + "\n",
        encoding="utf-8")
    (f / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (f / "latin1.txt").write_bytes("Kyiv caf\xe9 strike".encode("latin-1"))
    (f / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (f / "columns.csv").write_text("id,headline\n1,x\n", encoding="utf-8")
    (f / "deep" / "crawl.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\njunk\r\n\r\n"))
    (f / "deep" / "feed.rss").write_text("<rss><channel></channel></rss>", encoding="utf-8")
    (f / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    res = CliRunner().invoke(main, ["ingest", str(f), "--db", store_url])
    assert res.exit_code == 1
    err = res.stderr
    for name, why in [("records.jsonl:2", "malformed JSON"), ("records.jsonl:3", "neither"),
                      ("binary.txt", "binary"),
                      ("empty.html", "no main text"), ("columns.csv", "column"),
                      ("crawl.warc.gz", "WARC"), ("feed.rss", "feed")]:
        line = next((x for x in err.splitlines() if name in x), None)
        assert line is not None and why in line, (name, err)
    assert "photo.jpg" in err and "passed over" in err
    # a Latin-1 file is text in a guessed encoding, not a failure
    assert res.stdout.strip().splitlines()[-1] == "read 4, stored 4, skipped 0, failed 7"
    with Store(store_url) as store:
        assert sorted(a["doc"] for a in store.articles()) == ["also-good.html", "good.txt",
                                                              "latin1.txt", "ok-1"]
