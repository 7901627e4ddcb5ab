"""The collector policy of extraction (decision 150): a larger first threshold while a
batch is read, the host's thresholds restored afterwards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from wirewatch.collector import EXTRACTION_THRESHOLD, fewer_collections


@pytest.fixture(autouse=True)
def host_thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*saved)


def test_raised_while_reading_and_restored() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (EXTRACTION_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_never_lowered_and_off_left_off() -> None:
    gc.set_threshold(50_000, 20, 20)
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 20)
    gc.set_threshold(0)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


def test_overlapping_calls_share_one_raise() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(5)
    with fewer_collections():
        assert gc.get_threshold()[0] == EXTRACTION_THRESHOLD
    assert gc.get_threshold()[0] == EXTRACTION_THRESHOLD  # the other call still reads
    release.set()
    t.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_extract_reads_under_the_raised_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch import pipeline

    seen: list[int] = []
    monkeypatch.setattr(pipeline, "_extract",
                        lambda docs, resources, batch_size: seen.append(gc.get_threshold()[0])
                        or [])
    assert pipeline.extract([], resources=object()) == []  # type: ignore[arg-type]
    assert seen == [EXTRACTION_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)
