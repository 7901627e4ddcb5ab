"""The scorer's date measure: a date written at another precision that covers the same
days is the same date; one that covers other days is not."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "eval"))

from score_events import same_date


def test_a_month_range_equals_the_same_days_written_out() -> None:
    assert same_date("2022-06/2022-08", "2022-06-01/2022-08-31")
    assert same_date("2024", "2024-01-01/2024-12-31")
    assert same_date("2024-05", "2024-05-01/2024-05-31")
    assert same_date(date(2025, 3, 11), "2025-03-11")


def test_other_days_are_another_date() -> None:
    assert not same_date("2024-05", "2024-05-31")
    assert not same_date("2022-03", "2022-03-01/2022-11-30")
    assert not same_date("2025-03-10", "2025-03-11")
    assert not same_date(None, "2025-03-11")
    assert same_date(None, None)
