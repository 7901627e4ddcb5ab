"""Dates of events (CODEBOOK.md section 4): explicit, relative, yearless, ranges, never invented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
         r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("since_year", re.compile(r"\bsince\s+" + _YEAR + r"\b", re.I)),
    ("between_years", re.compile(r"\bbetween\s+(?P<y1>(?:19|20)\d{2})\s+and\s+"
                                 r"(?P<y2>(?:19|20)\d{2})\b", re.I)),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I)),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("month_year", re.compile(rf"\b(?:in|since|during|by|from|of|until)\s+{_MONTH}\s+{_YEAR}\b",
                              re.I)),
    ("end_of_month", re.compile(rf"\b(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+"
                                rf"{_MONTH}\b", re.I)),
    ("last_month_name", re.compile(rf"\blast\s+{_MONTH}\b", re.I)),
    ("in_year", re.compile(r"\b(?:in|since|during)\s+" + _YEAR + r"\b", re.I)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b",
                         re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight)\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?:the\s+\w+\s+of\s+)?"
                           r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                           re.I)),
    ("last_week", re.compile(r"\blast\s+week\b", re.I)),
    ("next_week", re.compile(r"\bnext\s+week\b", re.I)),
    ("this_week", re.compile(r"\bthis\s+week\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>\w+)\s+days?\s+ago\b", re.I)),
]
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1,
                 "one": 1, "several": 3}


@dataclass(frozen=True)
class EventDate:
    """A date as the contract writes it, with the words it came from."""

    value: str | None
    precision: str  # day | month | year | range | unknown
    basis: str  # explicit | relative | publication | unknown
    surface: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return the contract's date object."""
        return {"value": self.value, "precision": self.precision, "basis": self.basis}


UNKNOWN = EventDate(None, "unknown", "unknown")


def _closest_before(month: int, day: int, published: date | None) -> date | None:
    """A yearless date takes the year that puts it closest before publication."""
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= published + timedelta(days=1):
            return d
    return None


def _week_range(monday: date) -> str:
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def find_dates(text: str, published: date | None) -> list[tuple[int, int, EventDate]]:
    """Return the dates written in a sentence, as (start, end, date), in text order."""
    out: list[tuple[int, int, EventDate]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            d = _interpret(kind, m, published)
            if d is None:
                continue
            out.append((m.start(), m.end(), EventDate(d.value, d.precision, d.basis, m.group())))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda x: x[0])


def _interpret(kind: str, m: re.Match[str], pub: date | None) -> EventDate | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return EventDate(date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat(), "day",
                             "explicit")
        except ValueError:
            return None
    if kind == "since_year":
        end = pub.isoformat() if pub else ""
        return EventDate(f"{g['year']}-01-01/{end}".rstrip("/"), "range", "explicit")
    if kind == "between_years":
        return EventDate(f"{g['y1']}-01-01/{g['y2']}-12-31", "range", "explicit")
    if kind in ("month_day_year", "day_month_year"):
        month, day = MONTHS[_month_key(g["month"])], int(g["day"])
        if g.get("year"):
            try:
                return EventDate(date(int(g["year"]), month, day).isoformat(), "day", "explicit")
            except ValueError:
                return None
        d = _closest_before(month, day, pub)
        if d is None:
            return EventDate(None, "unknown", "unknown") if pub is None else None
        return EventDate(d.isoformat(), "day", "explicit")
    if kind == "month_year":
        return EventDate(f"{g['year']}-{MONTHS[_month_key(g['month'])]:02d}", "month", "explicit")
    if kind == "end_of_month":
        if pub is None:
            return None
        month = MONTHS[_month_key(g["month"])]
        year = pub.year if month <= pub.month else pub.year - 1
        return EventDate(f"{year}-{month:02d}", "month", "explicit")
    if kind == "last_month_name":
        if pub is None:
            return None
        month = MONTHS[_month_key(g["month"])]
        year = pub.year if month < pub.month else pub.year - 1
        return EventDate(f"{year}-{month:02d}", "month", "relative")
    if kind == "in_year":
        return EventDate(g["year"], "year", "explicit")
    if pub is None:
        return None
    if kind == "today":
        return EventDate(pub.isoformat(), "day", "relative")
    if kind == "yesterday":
        return EventDate((pub - timedelta(days=1)).isoformat(), "day", "relative")
    if kind == "tomorrow":
        return EventDate((pub + timedelta(days=1)).isoformat(), "day", "relative")
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        words = m.group().lower()
        if words.startswith("next"):
            delta = (wd - pub.weekday()) % 7 or 7
            return EventDate((pub + timedelta(days=delta)).isoformat(), "day", "relative")
        delta = (pub.weekday() - wd) % 7
        if words.startswith("last") and delta == 0:
            delta = 7
        return EventDate((pub - timedelta(days=delta)).isoformat(), "day", "relative")
    monday = pub - timedelta(days=pub.weekday())
    if kind == "last_week":
        return EventDate(_week_range(monday - timedelta(days=7)), "range", "relative")
    if kind == "next_week":
        return EventDate(_week_range(monday + timedelta(days=7)), "range", "relative")
    if kind == "this_week":
        return EventDate(_week_range(monday), "range", "relative")
    if kind == "last_month":
        first = pub.replace(day=1)
        prev = first - timedelta(days=1)
        return EventDate(f"{prev.year}-{prev.month:02d}", "month", "relative")
    if kind == "days_ago":
        n = _NUMBER_WORDS.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else None)
        if n is None:
            return None
        return EventDate((pub - timedelta(days=n)).isoformat(), "day", "relative")
    return None


def _month_key(word: str) -> str:
    w = word.lower().rstrip(".")
    return w if w in MONTHS else w[:3]


def publication_date(published: date | None) -> EventDate:
    """Return the publication date as an event date (basis: publication), or unknown."""
    if published is None:
        return UNKNOWN
    return EventDate(published.isoformat(), "day", "publication")
