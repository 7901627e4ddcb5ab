"""Date expressions (CODEBOOK.md section 4): explicit, relative, yearless, ranges."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.events.dates import EventDate, find_dates, since_range
from wirewatch.events.lexicon import load_lexicon

PUB = date(2025, 11, 12)  # a Wednesday
EN = load_lexicon("en")


def only(text: str, published: date | None = PUB, ref: date | None = None,
         future: bool = False) -> EventDate:
    [m] = find_dates(text, published, ref, future, lexicon=EN)
    return m.date


@pytest.mark.parametrize(("text", "value", "precision", "basis"), [
    ("on 14 September 2025", "2025-09-14", "day", "explicit"),
    ("on February 24, 2022", "2022-02-24", "day", "explicit"),
    ("in May 2023", "2023-05", "month", "explicit"),
    ("in 2022", "2022", "year", "explicit"),
    ("today", "2025-11-12", "day", "relative"),
    ("yesterday", "2025-11-11", "day", "relative"),
    ("on Monday", "2025-11-10", "day", "relative"),
    ("on Wednesday", "2025-11-12", "day", "relative"),
    ("late on Sunday", "2025-11-09", "day", "relative"),
    ("last week", "2025-11-03/2025-11-09", "range", "relative"),
    ("next week", "2025-11-17/2025-11-23", "range", "relative"),
    ("last month", "2025-10", "month", "relative"),
    ("last May", "2025-05", "month", "relative"),
    ("two days ago", "2025-11-10", "day", "relative"),
    ("in October and November 2022", "2022-10-01/2022-11-30", "range", "explicit"),
    ("the summer of 2023", "2023-06-01/2023-08-31", "range", "explicit"),
    ("overnight into Saturday", "2025-11-08", "day", "relative"),
])
def test_date_expressions(text: str, value: str, precision: str, basis: str) -> None:
    d = only(text)
    assert (d.value, d.precision, d.basis) == (value, precision, basis)


def test_yearless_dates_fall_before_publication() -> None:
    assert only("on December 29", date(2026, 1, 6)).value == "2025-12-29"
    assert only("on November 30th", date(2025, 12, 2)).value == "2025-11-30"
    assert only("in January", PUB).value == "2025-01"
    assert only("in December", PUB).value == "2024-12"
    assert only("on New Year's Eve", date(2026, 1, 6)).value == "2025-12-31"


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("on Monday and yesterday", None, lexicon=EN) == []
    assert only("on 3 July 2022", None).value == "2022-07-03"


def test_anaphoric_dates_follow_the_reference_date() -> None:
    ref = date(2025, 12, 11)
    assert only("the following day", ref=ref).value == "2025-12-12"
    assert only("the same evening", ref=ref).value == "2025-12-11"
    assert only("hours later", ref=ref).value == "2025-12-11"
    assert find_dates("the following day", PUB, None, lexicon=EN) == []


def test_planned_weekday_looks_forward() -> None:
    thursday = date(2025, 11, 20)
    assert only("on Saturday", thursday).value == "2025-11-15"
    assert only("on Saturday", thursday, future=True).value == "2025-11-22"


def test_since_marks_the_start_of_a_period() -> None:
    for text in ("since 2019", "since January", "since the start of November",
                 "since Ukrainian troops crossed the border on August 6",
                 "since the simplified rules came in in April 2019", "since then"):
        [m] = find_dates(text, PUB, ref=date(2025, 5, 10), lexicon=EN)
        assert m.since, text
    [m] = find_dates("on Monday", PUB, lexicon=EN)
    assert not m.since


def test_since_range_runs_to_the_given_end() -> None:
    [m] = find_dates("since the summer of 2022", PUB, lexicon=EN)
    r = since_range(m.date, PUB)
    assert (r.value, r.precision) == ("2022-06-01/2025-11-12", "range")
    [m] = find_dates("since April 2019", PUB, lexicon=EN)
    assert since_range(m.date, date(2023, 6, 2)).value == "2019-04-01/2023-06-02"


def test_offsets_are_those_of_the_expression() -> None:
    text = "Officials said on Monday that the town fell in May 2023."
    got = [(text[m.start:m.end], m.date.value) for m in find_dates(text, PUB, lexicon=EN)]
    assert got == [("on Monday", "2025-11-10"), ("May 2023", "2023-05")]


def test_since_without_a_known_end_is_an_open_range() -> None:
    [m] = find_dates("since 2019", None, lexicon=EN)
    r = since_range(m.date, None)
    assert (r.value, r.precision) == ("2019-01-01/..", "range")
