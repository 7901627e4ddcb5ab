"""Dates and counts in a language read by lemma rules.

Dates: "30 ноября", "30 листопада 2024 года", "в четверг", "вчера", "минулої доби";
counts: "12 танков", "двух человек", "до 495 военнослужащих", "п'ятеро поранених".
Month, weekday, relative-day and number words are the lexicon's, matched on
dictionary forms, so every case of a word counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from wirewatch.events.dates import EventDate
from wirewatch.events.lemma.lexicon import LemmaLexicon, phrase
from wirewatch.events.lemma.words import Word, find_phrases
from wirewatch.events.numbers import Count

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0]?\d{3})*$|^\d+$")
_YEAR = re.compile(r"^(19|20)\d\d$")
UNKNOWN = EventDate(None, "unknown", "unknown")


def _day(d: date, basis: str, surface: str) -> EventDate:
    return EventDate(d.isoformat(), "day", basis, surface)


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year that puts a day and month closest before the publication date."""
    if published is None:
        return None
    year = published.year
    try:
        return year if date(year, month, day) <= published + timedelta(days=1) else year - 1
    except ValueError:
        return None


def date_in(words: Sequence[Word], lexicon: LemmaLexicon, published: date | None
            ) -> tuple[int, EventDate] | None:
    """Return (word index, date) of the first date written in a sentence, else None."""
    for k, w in enumerate(words):
        month = next((lexicon.months[f] for f in w.forms if f in lexicon.months), None)
        if month is not None and k > 0 and words[k - 1].text.isdigit():
            day = int(words[k - 1].text)
            year_word = words[k + 1].text if k + 1 < len(words) else ""
            year = int(year_word) if _YEAR.match(year_word) else _year_for(month, day,
                                                                          published)
            if year is None or not 1 <= day <= 31:
                continue
            try:
                return k - 1, _day(date(year, month, day), "explicit", f"{day} {w.text}")
            except ValueError:
                continue
        if published is None:
            continue
        wd = next((lexicon.weekdays[f] for f in w.forms if f in lexicon.weekdays), None)
        if wd is not None:
            delta = (published.weekday() - wd) % 7
            return k, _day(published - timedelta(days=delta), "relative", w.text)
        rel = next((lexicon.relative_days[f] for f in w.forms if f in lexicon.relative_days),
                   None)
        if rel is not None:
            return k, _day(published + timedelta(days=rel), "relative", w.text)
    if published is not None and find_phrases(words, (phrase(p) for p in lexicon.past_day)):
        return 0, EventDate(published.isoformat(), "day", "publication")
    return None


def number_at(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> tuple[int, int] | None:
    """Return (value, last word index) of a figure starting at word ``k`` ("1 200",
    "двадцать три", "12-ти"), else None."""
    w = words[k]
    text = w.text.split("-")[0]
    if _DIGITS.match(text):
        value, last = int(re.sub(r"\D", "", text)), k
        # "1 200": thousands written apart
        while last + 1 < len(words) and re.fullmatch(r"\d{3}", words[last + 1].text) \
                and words[last + 1].start - words[last].end == 1:
            value, last = value * 1000 + int(words[last + 1].text), last + 1
        return value, last
    value, last = 0, k - 1
    for j in range(k, min(len(words), k + 4)):
        v = next((lexicon.number_words[f] for f in words[j].forms
                  if f in lexicon.number_words), None)
        if v is None:
            break
        value = value * v if v == 1000 and value else value + v
        last = j
    return (value, last) if last >= k and value else None


def count_near(words: Sequence[Word], trig: tuple[int, int], lexicon: LemmaLexicon,
               nouns: frozenset[str] | None = None, window: int = 6,
               used: set[int] | None = None) -> tuple[Count, int] | None:
    """Return the figure nearest the trigger within ``window`` words (one that counts one
    of ``nouns`` when given, not one of the ``used`` word indices), with its qualifier,
    and its word index."""
    cands: list[tuple[int, int, int]] = []  # distance, index, value
    lo, hi = max(0, trig[0] - window), min(len(words), trig[1] + window + 1)
    k = lo
    while k < hi:
        if trig[0] <= k <= trig[1]:
            k += 1
            continue
        got = number_at(words, k, lexicon)
        if got is None:
            k += 1
            continue
        value, last = got
        after = words[last + 1].forms if last + 1 < len(words) else frozenset()
        year_like = _YEAR.match(words[k].text) and value > 1900
        month_after = bool(after & set(lexicon.months))
        counts_noun = nouns is None or after & nouns or _noun_within(words, last, nouns)
        if k not in (used or ()) and not year_like and not month_after and counts_noun:
            dist = trig[0] - last if last < trig[0] else k - trig[1]
            cands.append((dist, k, value))
        k = last + 1
    if not cands:
        return None
    _, k, value = min(cands)
    qualifier = _qualifier(words, k, lexicon)
    return Count(value, qualifier is not None, qualifier), k


def _noun_within(words: Sequence[Word], last: int, nouns: frozenset[str] | None) -> bool:
    if nouns is None:
        return True
    return any(words[j].forms & nouns for j in range(last + 1, min(len(words), last + 4)))


def _qualifier(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> str | None:
    for n in (2, 1):
        if k - n >= 0:
            key = " ".join(w.lower for w in words[k - n:k])
            if key in lexicon.count_qualifiers:
                return lexicon.count_qualifiers[key]
    return None
