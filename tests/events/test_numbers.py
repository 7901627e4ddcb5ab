"""Counts written in figures and words (CODEBOOK.md section 6)."""

from __future__ import annotations

import pytest
from events_helpers import Run

from wirewatch.events.numbers import make_count, qualifier_before, words_to_number


@pytest.mark.parametrize(("words", "value"), [
    (["495"], 495),
    (["11,127"], 11127),
    (["four"], 4),
    (["Thirty", "-", "eight"], 38),
    (["thirty-eight"], 38),
    (["a", "dozen"], 12),
    (["half", "a", "million"], 500_000),
    (["3.5", "million"], 3_500_000),
    (["two", "hundred", "and", "ten"], 210),
    (["1.2", "thousand"], 1200),
])
def test_words_to_number(words: list[str], value: int) -> None:
    assert words_to_number(words) == value


def test_words_that_are_not_numbers() -> None:
    assert words_to_number(["tanks"]) is None
    assert words_to_number([]) is None


@pytest.mark.parametrize(("before", "qualifier"), [
    ("killing up to ", "up to"), ("more than ", "more than"), ("some ", "about"),
    ("around ", "about"), ("nearly ", "nearly"), ("at least ", "at least"), ("killing ", None),
])
def test_qualifier_before_a_number(before: str, qualifier: str | None) -> None:
    assert qualifier_before(before) == qualifier


def test_qualified_counts_are_approximate_but_at_least_is_not() -> None:
    assert make_count(210, ["210"], "up to").approx is True
    assert make_count(38, ["38"], None).approx is False
    assert make_count(14, ["14"], "at least").approx is False
    assert make_count(500_000, ["half", "a", "million"], None).approx is True


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Russian forces killed up to 495 Ukrainian soldiers near Pokrovsk, the ministry said.",
     495, "up to"),
    ("Shelling wounded a dozen people in Kherson, the governor said.", 12, None),
    ("More than half a million residents of the Donetsk region have received Russian "
     "passports since 2019, officials said.", 500_000, "more than"),
    ("Hundreds of Ukrainian soldiers were taken prisoner near Avdiivka, state media said.",
     None, "hundreds"),
    ("A drone strike on Belgorod killed a 40-year-old woman, the governor said.", 1, None),
])
def test_counts_in_context(run: Run, text: str, value: int | None,
                           qualifier: str | None) -> None:
    counted = [e for e in run(text, "2025-05-16") if e["count"] is not None]
    assert counted, text
    assert (counted[0]["count"]["value"], counted[0]["count"]["qualifier"]) == (value, qualifier)
