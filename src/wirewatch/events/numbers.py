"""Counts in words and figures: "up to 495", "four", "half a million", "a dozen"."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24,
         "hundreds": 200, "thousands": 2000, "single": 1, "couple": 2, "pair": 2}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
APPROX_WORDS = ("dozens", "hundreds", "thousands", "several")
QUALIFIERS = [
    ("up to", "up to"), ("as many as", "up to"), ("more than", "more than"),
    ("over", "more than"), ("at least", "at least"), ("about", "about"), ("around", "about"),
    ("approximately", "about"), ("roughly", "about"), ("some", "about"), ("nearly", "nearly"),
    ("almost", "nearly"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ("under", "fewer than"), ("an estimated", "about"), ("estimated", "about"),
]
NUMBER_TOKEN = re.compile(r"^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


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
    ws = [w.lower().strip(",") for w in words if w.strip()]
    if not ws:
        return None
    if ws[0] == "half" and len(ws) >= 2:
        rest = words_to_number([w for w in ws[1:] if w not in ("a", "an")] or ["1"])
        scale = SCALES.get(ws[-1])
        return (scale // 2) if scale and len(ws) <= 3 else (rest // 2 if rest else None)
    total = current = 0
    seen = False
    for i, w in enumerate(ws):
        if w in ("and", "-") or (w in ("a", "an") and i + 1 < len(ws)):
            continue
        if NUMBER_TOKEN.match(w):
            current += int(float(re.sub(r"[,\s]", "", w)))
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
    return total + current if seen else None


def qualifier_before(text_before: str) -> str | None:
    """Return the count qualifier that ends the given text ("... up to "), if any."""
    t = " " + text_before.lower().rstrip() + " "
    for phrase, name in QUALIFIERS:
        if t.endswith(" " + phrase + " "):
            return name
    return None


def make_count(value: int | None, words: list[str], qualifier: str | None) -> Count:
    """Return a count, approximate when qualified or written as a round vague figure."""
    vague = any(w.lower() in APPROX_WORDS for w in words) or (
        bool(words) and words[0].lower() == "half")
    approx = bool(qualifier and qualifier not in ("at least",)) or vague
    return Count(value, approx, qualifier)
