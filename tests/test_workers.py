"""Extraction on every core (wirewatch.workers): input order, failures named, dead
workers replaced, and the same output and store as one process."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from synthetic import as_record, corpus

from wirewatch.cli import main
from wirewatch.document import Document, ReadError
from wirewatch.store import Extracted, Store, ingest
from wirewatch.workers import Workers


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f"text {i}") for i in range(n)]


def _batches(docs: list[Document], size: int) -> list[list[Document]]:
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def test_results_come_in_input_order_from_other_processes() -> None:
    def run(docs: Sequence[Document]) -> list[Any]:
        return [(d.id, os.getpid()) for d in docs]

    results = list(Workers[Any](run, 2).map(_batches(_docs(60), 4)))
    flat = [r for batch in results for r in batch]
    assert [d for d, _ in flat] == [f"d{i}" for i in range(60)]
    assert os.getpid() not in {pid for _, pid in flat}
    # one batch only: no pool is started for it
    [single] = list(Workers[Any](run, 2).map(_batches(_docs(3), 4)))
    assert {pid for _, pid in single} == {os.getpid()}


def test_a_document_the_extractor_fails_on_is_named_and_its_batch_kept() -> None:
    def run(docs: Sequence[Document]) -> list[Any]:
        if any(d.id == "d5" for d in docs):
            raise ValueError("cannot read this one\nsecond line")
        return [d.id for d in docs]

    flat = [r for b in Workers[Any](run, 2).map(_batches(_docs(12), 4)) for r in b]
    assert flat[:5] == ["d0", "d1", "d2", "d3", "d4"] and flat[6:] == [
        f"d{i}" for i in range(6, 12)]
    assert isinstance(flat[5], ReadError) and str(flat[5]) == (
        "d5: extraction failed (ValueError: cannot read this one)")


def test_a_killed_worker_loses_and_repeats_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "killed"

    def run(docs: Sequence[Document]) -> list[Any]:
        if any(d.id == "d21" for d in docs) and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return [d.id for d in docs]

    pool = Workers[Any](run, 2)
    flat = [r for b in pool.map(_batches(_docs(40), 3)) for r in b]
    assert flat == [f"d{i}" for i in range(40)]
    assert marker.exists() and pool.restarts == 1


def test_ingest_with_two_workers_gives_the_store_of_one(tmp_path: Path) -> None:
    known = {x.doc.id: x for x in corpus(90, seed=11, days=30)}
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(as_record(x)) + "\n" for x in known.values()))

    def run(docs: Sequence[Document]) -> list[Extracted]:
        return [Extracted(d, known[d.id].places, known[d.id].events) for d in docs]

    snapshots = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            summary = ingest([source], store, batch_size=7, extractor=run, workers=workers)
            assert (summary.stored, summary.failed) == (90, 0)
            snapshots.append(store.snapshot())
    assert snapshots[0] == snapshots[1]


def test_extract_with_two_workers_prints_what_one_prints(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(as_record(x)) + "\n"
                              for x in corpus(70, seed=4, days=20)))
    outputs = []
    for workers in ("1", "2"):
        result = CliRunner().invoke(main, ["extract", "--workers", workers, str(source)])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 60


def test_a_dask_cluster_ingest_gives_the_store_of_one_process(tmp_path: Path) -> None:
    known = {x.doc.id: x for x in corpus(60, seed=12, days=30)}
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(as_record(x)) + "\n" for x in known.values()))
    marker = str(tmp_path / "killed")

    def run(docs: Sequence[Document]) -> list[Extracted]:
        if any(d.id == list(known)[30] for d in docs) and not os.path.exists(marker):
            open(marker, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)  # a worker dies mid-run
        return [Extracted(d, known[d.id].places, known[d.id].events) for d in docs]

    snapshots = []
    for dask in (None, "local:2"):
        if dask is None:
            open(marker, "w").close()  # this process is not to be killed
        else:
            os.remove(marker)  # one of the cluster's workers is
        with Store(tmp_path / f"{dask or 'one'}.db".replace(":", "")) as store:
            summary = ingest([source], store, batch_size=6, extractor=run, dask=dask,
                             workers=1)
            assert (summary.stored, summary.failed) == (60, 0)
            snapshots.append(store.snapshot())
    assert os.path.exists(marker)
    assert snapshots[0] == snapshots[1]


def test_a_dask_scheduler_that_cannot_be_reached_is_one_line_and_exit_2(
        tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Nothing happened in Kharkiv today.")
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "s.db"), "--quiet",
                                       "--dask", "tcp://127.0.0.1:9", str(source)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("wirewatch: error: --dask tcp://127.0.0.1:9: ")
    assert "Traceback" not in result.output
    bad = CliRunner().invoke(main, ["ingest", "--dask", "somewhere", str(source)])
    assert bad.exit_code == 2 and "local:N" in bad.output


def test_a_batch_the_cluster_lost_is_sent_again_not_an_error() -> None:
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    from wirewatch.workers import _lost

    assert _lost(CancelledError("already forgotten")) and _lost(KilledWorker("k", "w", 3))
    assert not _lost(ValueError("a document the pipeline failed on"))
