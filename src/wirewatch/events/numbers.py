"""Counts in words and figures: "up to 495", "four", "half a million", "a dozen", "hundreds"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wirewatch.events.syntax import sent_of, text_of

UNITS = {"zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "single": 1,
         "couple": 2, "pair": 2}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Amounts without a figure: the count has no value, the word is its qualifier.
VAGUE = {"several", "dozens", "hundreds", "thousands", "scores", "many", "numerous",
         "tens", "a few", "few"}
QUALIFIERS = [
    ("up to", "up to"), ("as many as", "up to"), ("more than", "more than"),
    ("over", "more than"), ("at least", "at least"), ("about", "about"), ("around", "about"),
    ("approximately", "about"), ("roughly", "about"), ("some", "about"), ("nearly", "nearly"),
    ("almost", "nearly"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ("under", "fewer than"), ("an estimated", "about"), ("estimated", "about"),
    ("close to", "nearly"), ("upwards of", "more than"), ("in excess of", "more than"),
    # content farms' spelling: "more then 300 nazi fighters" (decision 630)
    ("more then", "more than"), ("less then", "fewer than"),
]
NUMBER_TOKEN = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
NUMBER_WORDS = set(UNITS) | set(SCALES) | {"half"}


@dataclass(frozen=True)
class Count:
    """A count as the contract writes it."""

    value: int | None
    approx: bool
    qualifier: str | None

    def to_dict(self) -> dict[str, object]:
        """Return the contract's count object."""
        return {"value": self.value, "approx": self.approx, "qualifier": self.qualifier}


def words_to_number(words: list[str]) -> int | None:
    """Return the number written by a run of words/figures ("half a million" -> 500000)."""
    ws = [w.lower().strip(",") for w in words if w.strip() and w not in ("-", "–")]
    if not ws:
        return None
    if ws[0] == "half" and len(ws) >= 2:
        rest = [w for w in ws[1:] if w not in ("a", "an")]
        value = words_to_number(rest or ["1"])
        return value // 2 if value else None
    total = 0.0
    current = 0.0
    seen = False
    for i, w in enumerate(ws):
        if w in ("and",) or (w in ("a", "an") and i + 1 < len(ws)):
            continue
        if NUMBER_TOKEN.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = 0
            seen = True
        elif "-" in w and all(p in UNITS for p in w.split("-")):
            current += sum(UNITS[p] for p in w.split("-"))
            seen = True
        else:
            return None
    return round(total + current) if seen else None


def qualifier_before(text_before: str) -> str | None:
    """Return the count qualifier that ends the given text ("... up to "), if any."""
    t = " " + re.sub(r"\s+", " ", text_before.lower()).rstrip() + " "
    for phrase, name in QUALIFIERS:
        if t.endswith(" " + phrase + " "):
            return name
    return None


def make_count(value: int | None, words: list[str], qualifier: str | None) -> Count:
    """Return a count, approximate when qualified ("about", "up to") or vague."""
    approx = bool(qualifier and qualifier not in ("at least",)) or value is None or (
        bool(words) and words[0].lower() == "half")
    return Count(value, approx, qualifier)


def is_number_token(tok: Any) -> bool:
    """Return whether a token writes (part of) a number."""
    low = tok.lower_
    return bool(NUMBER_TOKEN.match(low)) or low in NUMBER_WORDS or (
        tok.like_num and not low.endswith(("st", "nd", "rd", "th")))


def number_run(tok: Any) -> list[Any]:
    """Return the tokens of the number written around ``tok`` ("Thirty - eight", "3.5 million")."""
    doc, sent = tok.doc, sent_of(tok)
    run = [tok]
    j = tok.i - 1
    while j >= sent.start and (is_number_token(doc[j]) or doc[j].lower_ in ("a", "an") or
                               (doc[j].text in ("-", "–") and j - 1 >= sent.start and
                                is_number_token(doc[j - 1]))):
        if doc[j].lower_ in ("a", "an") and not (run[0].lower_ in ("half", "dozen") or
                                                  run[0].lower_ in SCALES):
            break
        run.insert(0, doc[j])
        j -= 1
    j = tok.i + 1
    while j < sent.end and (doc[j].lower_ in SCALES or doc[j].lower_ in ("dozen", "and") or
                            (doc[j].text in ("-", "–") and j + 1 < sent.end and
                             is_number_token(doc[j + 1])) or
                            (run[-1].text in ("-", "–") and is_number_token(doc[j]))):
        if doc[j].lower_ == "and" and not (j + 1 < sent.end and is_number_token(doc[j + 1])
                                           and run[-1].lower_ in SCALES):
            break
        run.append(doc[j])
        j += 1
    return run


def count_from_token(tok: Any) -> Count | None:
    """Return the count written at ``tok`` with the qualifier before it ("up to 495")."""
    doc = tok.doc
    if tok.lower_ in VAGUE:
        return Count(None, True, tok.lower_)
    run = number_run(tok)
    value = words_to_number([t.text for t in run])
    if value is None:
        return None
    start = run[0].idx
    before = text_of(doc)[max(sent_of(tok).start_char, start - 25):start]
    return make_count(value, [t.text for t in run], qualifier_before(before))
