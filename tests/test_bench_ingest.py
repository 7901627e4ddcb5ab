"""The checkpoints and memory readings of benchmarks/bench_ingest.py --end-to-end."""

from __future__ import annotations

import os
import subprocess
import sys

from bench_ingest import _children, _memory, _status_mb, checkpoints, crossed


def test_checkpoints_given_are_sorted_bounded_and_end_at_the_input() -> None:
    assert checkpoints("50000,10_000,25000,100000", 100_000, 100) == [
        10_000, 25_000, 50_000, 100_000]
    assert checkpoints("10000,250000", 50_000, 100) == [10_000, 50_000]
    assert checkpoints("0, 500,", 1000, 100) == [500, 1000]


def test_default_checkpoints_are_every_tenth_at_least_a_batch_apart() -> None:
    assert checkpoints(None, 1000, 10) == list(range(100, 1001, 100))
    assert checkpoints(None, 500, 100) == [100, 200, 300, 400, 500]


def test_a_batch_passes_every_checkpoint_between_the_counts() -> None:
    marks = [100, 250, 500, 1000]
    assert crossed(marks, 0, 99) == []
    assert crossed(marks, 0, 100) == [100]
    assert crossed(marks, 200, 600) == [250, 500]
    assert crossed(marks, 250, 300) == []


def test_memory_reads_this_process_and_its_children() -> None:
    now, peak = _status_mb("self")
    assert 0 < now <= peak
    assert _status_mb(2**22 + 7) == (0.0, 0.0)  # no such process
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in _children(os.getpid())
        m = _memory()
        assert m["workers_mb"] > 0 and m["main_peak_mb"] >= m["main_mb"] > 0
    finally:
        child.kill()
        child.wait()


def test_the_memory_slope_is_read_over_the_second_half_of_the_run() -> None:
    from bench_ingest import memory_slope

    rows = [{"articles": a, "main_peak_mb": mb}
            for a, mb in ((0, 200.0), (1000, 330.0), (5000, 360.0), (10_000, 362.0),
                          (20_000, 366.0))]
    assert memory_slope(rows) == (366.0 - 362.0) / 10_000 * 10_000
    assert memory_slope(rows[:2]) is None  # one checkpoint in the second half
