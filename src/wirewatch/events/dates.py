"""Dates of events (docs/contract.md section 4): explicit, relative, yearless, ranges.

``find_dates`` reads the date expressions of a sentence. Relative ones
("on Monday", "last week") are resolved against the publication date, and
anaphoric ones ("the following day", "hours later") against a reference date
(the last date the article gave); without that anchor they stay unresolved.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from wirewatch.events.lexicon import Lexicon


def _alternatives(words: Iterable[str]) -> str:
    """Return a regex matching any of the words, the longest first ("sept" before "sep"),
    as a prefix tree ("sep(?:t(?:ember)?)?"), which is quicker to try than a flat list."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word
    return _trie_re(trie)


def _trie_re(node: dict[str, Any]) -> str:
    ends = "" in node
    alts = [re.escape(ch) + _trie_re(child) for ch, child in node.items() if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:  # a word may end here, after the longer ones are tried
        return (body if len(alts) > 1 or len(body) == 1 else f"(?:{body})") + "?"
    return body


def _month_re(name: str, lexicon: Lexicon) -> str:
    return rf"(?P<{name}>{_alternatives(lexicon.months)})\b\.?"


@lru_cache(maxsize=16)
def _patterns(lexicon: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    """Return the date patterns in the order they are tried, with the lexicon's words for
    months, weekdays, seasons, holidays and the parts of months and years."""
    month = _month_re("month", lexicon)
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d{2})"
    wd = rf"(?P<wd>{_alternatives(lexicon.weekdays)})"
    part = rf"(?P<part>{'|'.join(re.escape(w) for w in lexicon.month_parts)})"
    return [
        ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        # the General Staff's running totals: "from 24.02.22 to 20.06.25"
        ("dotted_range", re.compile(r"\bfrom\s+(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\."
                                    r"(?P<y1>\d{2}(?:\d{2})?)\s+(?:to|till|until|through|-|–)\s+(?P<d2>\d{1,2})\."
                                    r"(?P<m2>\d{1,2})\.(?P<y2>\d{2}(?:\d{2})?)\b", re.I)),
        ("dotted", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)?\d{2})"
                              r"(?![\d.]\d)")),
        ("since_then", re.compile(r"\bsince then\b", re.I)),
        # "during the first week of August (2025)": its seven days (decision 501)
        ("week_of_month", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|"
                                     rf"final)\s+week\s+of\s+{month}(?:,?\s+{year})?\b",
                                     re.I)),
        ("start_of_this_month", re.compile(r"\b(?:the\s+)?(?:start|beginning)\s+of\s+"
                                           r"(?:the|this)\s+month\b", re.I)),
        # "since the beginning of the year" (decision 281): from January 1 of the claim's year
        ("start_of_this_year", re.compile(r"\b(?:the\s+)?(?:start|beginning|outset)\s+of\s+"
                                          r"(?:the|this)\s+year\b", re.I)),
        # "in the first half of 2025", "in the second half of the year" (decision 281)
        ("half_year", re.compile(r"\b(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+"
                                 rf"(?:(?:the|this)\s+year\b|{year}\b)", re.I)),
        # "over the past week", "in the last ten days": the days up to the claim
        # (decision 281); "over the past day / 24 hours" is the day of the claim
        # "over the week" of a weekly summary is its past week, as "over the past week"
        ("past_days", re.compile(r"\b(?:over|in|during|for|within)\s+the\s+(?:(?:past|last|"
                                 r"previous|preceding)\s+(?:(?P<n>\w+)\s+)?|(?=week\b(?!\s+"
                                 r"(?:of|before|after|since|to|ending|when|that|leading|ahead)"
                                 r"\b)))(?P<unit>days|weeks?|fortnight|months?)\b(?!\s+of\b)",
                                 re.I)),
        ("between_years", re.compile(r"\bbetween\s+(?P<y1>(?:19|20)\d{2})\s+and\s+"
                                     r"(?P<y2>(?:19|20)\d{2})\b", re.I)),
        ("two_months", re.compile(rf"\b{_month_re('m1', lexicon)}\s+(?:and|to|-|–)\s+"
                                  rf"{_month_re('m2', lexicon)}\s+{year}\b", re.I)),
        # "between January and June" (no year): the months of the claim's year, or of the
        # year before when the second is still to come (decision 315)
        ("months_between", re.compile(rf"\b(?:between|from)\s+{_month_re('m1', lexicon)}"
                                      rf"\s+(?:and|to|until|through|-|–)\s+"
                                      rf"{_month_re('m2', lexicon)}\b"
                                      r"(?!,?\s*(?:(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?|of)\b)",
                                      re.I)),
        ("month_day_year", re.compile(rf"\b{month}\s+{day}(?:,?\s+{year})?\b", re.I)),
        ("day_month_year", re.compile(rf"\b{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?\b", re.I)),
        ("season", re.compile(rf"\b(?:the\s+)?(?P<season>{_alternatives(lexicon.seasons)})"
                              rf"\s+of\s+{year}\b", re.I)),
        ("part_month_year", re.compile(rf"\b{part}\s*{month}\s*{year}\b", re.I)),
        ("part_year", re.compile(rf"\b(?:the\s+)?(?P<part>{_alternatives(lexicon.year_parts)})"
                                 rf"\s+of\s+{year}\b", re.I)),
        ("month_year", re.compile(rf"\b{month}\s+{year}\b", re.I)),
        ("holiday", re.compile(rf"\b(?P<hol>{_alternatives(lexicon.holidays)})\b", re.I)),
        # "since the start of the full-scale invasion", "since the war began"
        ("era", re.compile(r"(?:(?<=since )|\b(?:the\s+)?(?:start|beginning|outset)\s+of\s+)"
                           r"(?:the\s+|russia['’]s\s+)?(?:full\s+)?"
                           rf"(?P<era>{_alternatives(lexicon.eras)})\b", re.I)),
        ("last_month_name", re.compile(rf"\blast\s+{month}", re.I)),
        ("part_month", re.compile(rf"\b{part}\s*{month}", re.I)),
        ("in_month", re.compile(rf"\b(?:in|since|during|by|until|from)\s+{month}", re.I)),
        ("in_year", re.compile(rf"\b(?:in|since|during|of|from)\s+{year}\b", re.I)),
        ("overnight_into", re.compile(rf"\bovernight\s+(?:into|to|on)\s+{wd}\b", re.I)),
        ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b",
                             re.I)),
        # "overnight" in a statement of day X is the night into X: dated X, as "overnight
        # into Sunday" is Sunday; "last night" is the evening before
        ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
        ("today", re.compile(r"\bovernight\b", re.I)),
        ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
        ("weekday", re.compile(r"\b(?P<rel>on\s+|last\s+|this\s+|next\s+|late\s+on\s+|"
                               rf"early\s+on\s+)?(?:the\s+\w+\s+of\s+)?{wd}\b", re.I)),
        # "over the weekend", "at the weekend", "last weekend": the Saturday and Sunday
        # last before publication (or the one it falls on)
        ("weekend", re.compile(r"\b(?:over|at|on|during|this|last)\s+(?:the\s+)?weekend\b",
                               re.I)),
        ("last_week", re.compile(r"\blast\s+week\b", re.I)),
        ("next_week", re.compile(r"\bnext\s+week\b", re.I)),
        ("this_week", re.compile(r"\bthis\s+week\b", re.I)),
        ("last_month", re.compile(r"\blast\s+month\b", re.I)),
        ("this_year", re.compile(r"\bthis\s+year\b", re.I)),
        ("last_year", re.compile(r"\blast\s+year\b", re.I)),
        ("days_ago", re.compile(r"\b(?P<n>\w+)\s+days?\s+ago\b", re.I)),
        ("next_day", re.compile(r"\b(?:the\s+following|the\s+next)\s+(?:day|morning|evening)\b|"
                                r"\ba\s+day\s+later\b", re.I)),
        ("same_day", re.compile(r"\b(?:the\s+same|that)\s+(?:day|evening|morning|night|"
                                r"afternoon)\b|\bhours\s+later\b|\blater\s+that\s+day\b|"
                                # "seven people were hurt in the city during the day", "by
                                # evening": the day the story is telling (decision 295)
                                r"\b(?:during|throughout)\s+the\s+day\b|\bby\s+(?:the\s+)?"
                                r"evening\b|\blater\s+in\s+the\s+(?:day|afternoon|evening)\b",
                                re.I)),
        ("day_before", re.compile(r"\b(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+"
                                  r"before)\b", re.I)),
    ]


SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+(?:start|beginning)"
                          r"\s+of\s+(?:the\s+)?)?$|\bsince\s+[^,.;:]{3,70}?\s+(?:on|in|at)\s+"
                          r"(?:(?:early|late|mid-?)\s*)?$", re.I)


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

    def first_day(self) -> date | None:
        """Return the first day the date covers ("2024-08" -> 2024-08-01), if known."""
        if not self.value:
            return None
        v = self.value.split("/")[0]
        parts = v.split("-")
        try:
            return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                        int(parts[2]) if len(parts) > 2 else 1)
        except ValueError:
            return None

    def last_day(self) -> date | None:
        """Return the last day the date covers ("2024-08" -> 2024-08-31), if known."""
        if not self.value:
            return None
        v = self.value.split("/")[-1]
        parts = v.split("-")
        try:
            y = int(parts[0])
            if len(parts) == 1:
                return date(y, 12, 31)
            m = int(parts[1])
            if len(parts) == 2:
                return date(y, m, calendar.monthrange(y, m)[1])
            return date(y, m, int(parts[2]))
        except ValueError:
            return None

    def year(self) -> int | None:
        """Return the year the date starts in, if known."""
        d = self.first_day()
        return d.year if d else None


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence; ``since`` marks the start of a period up to now."""

    start: int
    end: int
    date: EventDate
    since: bool = False
    anaphoric: bool = False
    # "over the past week": the period's length in days, counted back from the claim's day
    period_days: int | None = None


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


def _closest_after(month: int, day: int, published: date | None) -> date | None:
    """A yearless date of a clause about the future ("will begin on August 15") takes the
    year that puts it closest to publication, before or after it (a plan reported late,
    "would begin on August 10", may be past already; decision 495)."""
    if published is None:
        return None
    days = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:
            return None
    return min(days, key=lambda d: abs((d - published).days))


def _month_before(month: int, published: date) -> int:
    return published.year if month <= published.month else published.year - 1


def _week_range(monday: date) -> str:
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@lru_cache(maxsize=4096)
def find_dates(text: str, published: date | None, ref: date | None = None,
               future: bool = False, *, lexicon: Lexicon) -> list[DateMention]:
    """Return the dates written in a sentence, in text order.

    ``ref`` anchors "the following day" and "since then"; ``future`` resolves
    bare weekdays forwards (for planned events: "will travel on Saturday"); the
    words of months, weekdays, seasons and holidays are the lexicon's.
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in _patterns(lexicon):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), kind, m))
    found.sort(key=lambda f: f[0])
    last_day: date | None = None
    last_basis = "relative"
    year: int | None = None  # the year the sentence last named
    year_opens = False  # named by the first day of a running total
    for _pos, kind, m in found:
        # "on May 10, and since then": an anaphoric date follows the sentence's own date
        d = _interpret(kind, m, published, last_day or ref, future, lexicon)
        if d is not None and m.groupdict().get("year"):
            # the first day of a running total ("since Feb. 24, 2022, ... said on April 14")
            # gives no year to a day after it (decision 245)
            starts = bool(SINCE_BEFORE.search(text[max(0, m.start() - 80):m.start()])) or \
                m.group().lower().startswith("since")
            year, year_opens = int(m.group("year")), starts
        elif d is not None and year is not None and kind in YEARLESS and not (
                year_opens and d.precision == "day"):
            d = _in_year(d, year)  # "in the summer of 2022, after the fall of X in late June"
        if d is not None and last_day is not None and kind in (
                "next_day", "same_day", "day_before", "since_then"):
            d = replace(d, basis=last_basis)  # as sure as the date it counts from
        if d is not None and d.precision == "day" and d.value and kind not in (
                "next_day", "same_day", "day_before", "since_then"):
            last_day = date.fromisoformat(d.value)
            last_basis = d.basis
        if d is None:
            continue
        since = kind in ("since_then", "start_of_this_month", "start_of_this_year",
                         "past_days") or bool(
            SINCE_BEFORE.search(text[max(0, m.start() - 80):m.start()])) or \
            m.group().lower().startswith("since")
        end = m.end()
        if m.group().endswith(".") and len(re.split(r"\W+", m.group().rstrip("."))[-1]) > 4:
            end -= 1  # a full stop, not an abbreviation ("November." vs "Nov.")
        out.append(DateMention(m.start(), end,
                               EventDate(d.value, d.precision, d.basis, text[m.start():end]),
                               since=since,
                               anaphoric=kind in ("since_then", "next_day", "same_day",
                                                  "day_before"),
                               period_days=_period_days(m.groupdict(), lexicon)
                               if kind == "past_days" else None))
    return _joined_ranges(_with_year_after(sorted(out, key=lambda x: x.start), text, lexicon),
                          text)


_YEAR_AFTER_GAP = re.compile(r"^\s*(?:of\s+)?$", re.IGNORECASE)


def _with_year_after(found: list[DateMention], text: str, lexicon: Lexicon
                     ) -> list[DateMention]:
    """"In February of last year", "on Oct. 10 last year": a month or day followed by a year
    told relatively is in that year, one date (decision 619); not a weekday ("Palm Sunday
    last year" is no Sunday counted from publication)."""
    out: list[DateMention] = []
    for dm in found:
        prev = out[-1] if out else None
        if prev is not None and dm.date.precision == "year" and dm.date.value and \
                prev.date.precision in ("day", "month", "range") and prev.date.value and \
                _YEAR_AFTER_GAP.match(text[prev.end:dm.start]) and not any(
                    w in lexicon.weekdays for w in re.findall(r"[a-z]+",
                                                              text[prev.start:prev.end].lower())):
            year = dm.date.value[:4]
            value = "/".join(f"{year}{part[4:]}" for part in prev.date.value.split("/"))
            try:
                for part in value.split("/"):
                    if len(part) == 10:
                        date.fromisoformat(part)
            except ValueError:
                out.append(dm)
                continue
            out[-1] = replace(prev, end=dm.end, date=replace(
                prev.date, value=value,
                surface=text[prev.start:dm.end]))
            continue
        out.append(dm)
    return out


# "from February 24, 2022 to April 5, 2025", "between March 3 and March 9": two days that
# bound one period
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^,?\s*(?:to|through|until|till|and|-|–)\s*$", re.I)


def _next_day(a: str, b: str) -> bool:
    """Whether day ``b`` is the day after day ``a`` ("on Saturday and Sunday")."""
    try:
        return date.fromisoformat(b) - date.fromisoformat(a) == timedelta(days=1)
    except ValueError:
        return False


def _joined_ranges(found: list[DateMention], text: str) -> list[DateMention]:
    """Return the dates with "from X to Y" written with two days made one range."""
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _month_span(a, b, text):
            # "between July 2024 and June 2025": the first day of one to the last of the other
            value = f"{a.date.first_day()}/{b.date.last_day()}"
            start = text.rfind(" ", 0, a.start - 1) + 1
            out.append(DateMention(start, b.end, EventDate(value, "range", "explicit",
                                                           text[start:b.end])))
            i += 2
            continue
        if b is not None and a.date.precision == b.date.precision == "day" and \
                a.date.value and b.date.value and a.date.value < b.date.value and \
                (_RANGE_OPEN.search(text[max(0, a.start - 12):a.start]) or
                 _next_day(a.date.value, b.date.value)) and \
                _RANGE_JOIN.match(text[a.end:b.start]):
            start = text.rfind(" ", 0, a.start - 1) + 1 if _RANGE_OPEN.search(
                text[max(0, a.start - 12):a.start]) else a.start
            value = f"{a.date.value}/{b.date.value}"
            basis = "explicit" if "explicit" in (a.date.basis, b.date.basis) else a.date.basis
            out.append(DateMention(start, b.end, EventDate(value, "range", basis,
                                                           text[start:b.end])))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _month_span(a: DateMention, b: DateMention, text: str) -> bool:
    """Whether two months written with their years bound one period ("from March 2023 to
    June 2024", "between July 2024 and June 2025"; decision 281)."""
    first, last = a.date.first_day(), b.date.last_day()
    return a.date.precision == b.date.precision == "month" and \
        a.date.basis == b.date.basis == "explicit" and first is not None and \
        last is not None and first < last and \
        bool(_RANGE_OPEN.search(text[max(0, a.start - 12):a.start])) and \
        bool(_RANGE_JOIN.match(text[a.end:b.start]))


# kinds of date that name no year; one follows the year the sentence named before it
YEARLESS = ("part_month", "in_month", "month_day_year", "day_month_year")


def _in_year(d: EventDate, year: int) -> EventDate:
    """Return a yearless date moved into ``year`` (unchanged if it does not exist there)."""
    if not d.value or d.value[:4] == str(year):
        return d
    value = f"{year}{d.value[4:]}"
    try:
        if d.precision == "day":
            date.fromisoformat(value)
    except ValueError:
        return d
    return replace(d, value=value, basis="explicit")


def _dotted_day(d: str, m: str, y: str) -> date | None:
    year = int(y) + (2000 if len(y) == 2 else 0)
    try:
        return date(year, int(m), int(d))
    except ValueError:
        return None


def _dotted(g: dict[str, str]) -> EventDate | None:
    """Return a day ("24.02.22") or a range ("from 24.02.22 to 20.06.25") written with dots."""
    if "d1" in g:
        a, b = _dotted_day(g["d1"], g["m1"], g["y1"]), _dotted_day(g["d2"], g["m2"], g["y2"])
        if a is None or b is None or b < a:
            return None
        return EventDate(f"{a.isoformat()}/{b.isoformat()}", "range", "explicit")
    day = _dotted_day(g["d"], g["m"], g["y"])
    return EventDate(day.isoformat(), "day", "explicit") if day else None


# kinds read without the publication date (written dates, and those counted from ``ref``)
_OWN_KINDS = frozenset({
    "iso", "dotted_range", "dotted", "between_years", "two_months", "month_day_year",
    "day_month_year", "season", "part_month_year", "month_year", "part_year", "holiday", "era",
    "in_year", "next_day", "same_day", "day_before", "since_then"})


def _interpret(kind: str, m: re.Match[str], pub: date | None, ref: date | None,
               future: bool, lexicon: Lexicon) -> EventDate | None:
    g = m.groupdict()
    if kind in _OWN_KINDS:
        return _written(kind, g, pub, ref, lexicon, future)
    if pub is None:
        return None
    return _relative(kind, g, pub, future, lexicon)


def _written(kind: str, g: dict[str, Any], pub: date | None, ref: date | None,
             lexicon: Lexicon, future: bool = False) -> EventDate | None:
    """A date the text writes out (a yearless one takes the year closest before ``pub``,
    or after it with ``future``), or one counted from ``ref`` ("the following day")."""
    months = lexicon.months
    if kind == "iso":
        try:
            return EventDate(date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat(), "day",
                             "explicit")
        except ValueError:
            return None
    if kind in ("dotted_range", "dotted"):
        return _dotted(g)
    if kind == "between_years":
        return EventDate(f"{g['y1']}-01-01/{g['y2']}-12-31", "range", "explicit")
    if kind == "two_months":
        y = int(g["year"])
        m1, m2 = months[_month_key(g["m1"], months)], months[_month_key(g["m2"], months)]
        if m2 < m1:
            return None
        return EventDate(f"{date(y, m1, 1).isoformat()}/{_month_end(y, m2).isoformat()}",
                         "range", "explicit")
    if kind in ("month_day_year", "day_month_year"):
        month, day = months[_month_key(g["month"], months)], int(g["day"])
        if g.get("year"):
            try:
                return EventDate(date(int(g["year"]), month, day).isoformat(), "day", "explicit")
            except ValueError:
                return None
        d = _closest_after(month, day, pub) if future else _closest_before(month, day, pub)
        return EventDate(d.isoformat(), "day", "explicit") if d else None
    if kind == "season":
        y = int(g["year"])
        first, last = lexicon.seasons[g["season"].lower()]
        end_year = y + 1 if last < first else y
        return EventDate(f"{date(y, first, 1).isoformat()}/"
                         f"{_month_end(end_year, last).isoformat()}", "range", "explicit")
    if kind in ("part_month_year", "month_year"):
        month = months[_month_key(g["month"], months)]
        return _month_part(int(g["year"]), month, g.get("part"), lexicon) or EventDate(
            f"{g['year']}-{month:02d}", "month", "explicit")
    if kind == "part_year":
        month = lexicon.year_parts[g["part"].lower()]
        return EventDate(f"{g['year']}-{month:02d}", "month", "explicit")
    if kind == "holiday":
        month, day = lexicon.holidays[g["hol"].lower()]
        d = _closest_before(month, day, pub)
        return EventDate(d.isoformat(), "day", "explicit") if d else None
    if kind == "era":
        y, mo, da = lexicon.eras[re.sub(r"\s+", " ", g["era"].lower())]
        return EventDate(date(y, mo, da).isoformat(), "day", "explicit")
    if kind == "in_year":
        return EventDate(g["year"], "year", "explicit")
    if kind in ("next_day", "same_day", "day_before", "since_then"):
        if ref is None:
            return None
        delta = {"next_day": 1, "day_before": -1}.get(kind, 0)
        return EventDate((ref + timedelta(days=delta)).isoformat(), "day", "relative")
    return None


def _month_part(year: int, month: int, part: str | None, lexicon: Lexicon
                ) -> EventDate | None:
    """The days a part of a month names ("early May": May 1-10, "late May": May 21-31;
    decision 555), or None when no part is named."""
    days = lexicon.month_parts.get(part.lower()) if part else None
    if not days:
        return None
    last = min(days[1], _month_end(year, month).day)
    return EventDate(f"{date(year, month, days[0]).isoformat()}/"
                     f"{date(year, month, last).isoformat()}", "range", "explicit")


def _relative(kind: str, g: dict[str, Any], pub: date, future: bool, lexicon: Lexicon
              ) -> EventDate | None:
    """A date counted from the publication date ("on Tuesday", "last week", "in May")."""
    months = lexicon.months
    if kind == "months_between":
        m1, m2 = months[_month_key(g["m1"], months)], months[_month_key(g["m2"], months)]
        y = _month_before(m2, pub)
        if m2 < m1:
            return None
        return EventDate(f"{date(y, m1, 1).isoformat()}/{_month_end(y, m2).isoformat()}",
                         "range", "explicit")
    if kind in ("part_month", "in_month"):
        month = months[_month_key(g["month"], months)]
        year = _month_before(month, pub)
        return _month_part(year, month, g.get("part"), lexicon) or EventDate(
            f"{year}-{month:02d}", "month", "explicit")
    if kind == "week_of_month":
        month = months[_month_key(g["month"], months)]
        year = int(g["year"]) if g.get("year") else _month_before(month, pub)
        month_end = _month_end(year, month)
        ordinal = g["ord"].lower()
        start = month_end - timedelta(days=6) if ordinal in ("last", "final") else date(
            year, month, 1 + 7 * ("first", "second", "third", "fourth").index(ordinal))
        return EventDate(f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}",
                         "range", "explicit")
    if kind == "last_month_name":
        month = months[_month_key(g["month"], months)]
        year = pub.year if month < pub.month else pub.year - 1
        return EventDate(f"{year}-{month:02d}", "month", "relative")
    if kind == "start_of_this_month":
        return EventDate(pub.replace(day=1).isoformat(), "day", "relative")
    if kind == "start_of_this_year":
        return EventDate(pub.replace(month=1, day=1).isoformat(), "day", "relative")
    if kind == "half_year":
        year = int(g["year"]) if g.get("year") else pub.year
        first, last = (1, 6) if g["half"].lower() == "first" else (7, 12)
        return EventDate(f"{date(year, first, 1).isoformat()}/"
                         f"{_month_end(year, last).isoformat()}", "range",
                         "explicit" if g.get("year") else "relative")
    if kind == "past_days":
        days = _period_days(g, lexicon)
        if days is None:
            return None
        return EventDate((pub - timedelta(days=days - 1)).isoformat(), "day", "relative")
    if kind == "today":
        return EventDate(pub.isoformat(), "day", "relative")
    if kind == "yesterday":
        return EventDate((pub - timedelta(days=1)).isoformat(), "day", "relative")
    if kind == "tomorrow":
        return EventDate((pub + timedelta(days=1)).isoformat(), "day", "relative")
    if kind in ("weekday", "overnight_into"):
        wd = lexicon.weekdays[g["wd"].lower()]
        rel = (g.get("rel") or "").strip().lower()
        if rel == "next" or (future and rel in ("on", "")):
            delta = (wd - pub.weekday()) % 7 or 7
            return EventDate((pub + timedelta(days=delta)).isoformat(), "day", "relative")
        delta = (pub.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return EventDate((pub - timedelta(days=delta)).isoformat(), "day", "relative")
    monday = pub - timedelta(days=pub.weekday())
    if kind == "weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        sunday = min(saturday + timedelta(days=1), pub)
        value = saturday.isoformat() if sunday == saturday else \
            f"{saturday.isoformat()}/{sunday.isoformat()}"
        return EventDate(value, "day" if sunday == saturday else "range", "relative")
    if kind == "last_week":
        return EventDate(_week_range(monday - timedelta(days=7)), "range", "relative")
    if kind == "next_week":
        return EventDate(_week_range(monday + timedelta(days=7)), "range", "relative")
    if kind == "this_week":
        return EventDate(_week_range(monday), "range", "relative")
    if kind == "last_month":
        prev = pub.replace(day=1) - timedelta(days=1)
        return EventDate(f"{prev.year}-{prev.month:02d}", "month", "relative")
    if kind == "this_year":
        return EventDate(str(pub.year), "year", "relative")
    if kind == "last_year":
        return EventDate(str(pub.year - 1), "year", "relative")
    if kind == "days_ago":
        n = lexicon.ago_numbers.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else None)
        if n is None:
            return None
        return EventDate((pub - timedelta(days=n)).isoformat(), "day", "relative")
    return None


# the days of the periods "the past N days / weeks / fortnight / months" count
_PERIOD_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}


def _period_days(g: dict[str, Any], lexicon: Lexicon) -> int | None:
    """The number of days of "the past N units" (None for a single day, which is the day
    of the claim itself, or a count that is no number)."""
    unit = _PERIOD_UNIT_DAYS[g["unit"].lower().rstrip("s")]
    word = (g.get("n") or "").lower()
    if not word and g["unit"].lower().endswith("s"):
        return None  # "over the past weeks": no number of days
    n = 1 if not word else lexicon.ago_numbers.get(word) or (
        int(word) if word.isdigit() else None)
    if n is None or n * unit < 2:
        return None
    return n * unit


def _month_key(word: str, months: dict[str, int]) -> str:
    w = word.lower().rstrip(".")
    return w if w in months else w[:3]


def since_range(start: EventDate, end: date | None) -> EventDate:
    """Return the range from the first day of ``start`` to ``end`` ("since 2019" up to now),
    open-ended ("2019-01-01/..") when the end is unknown."""
    first = start.first_day()
    if first is None:
        return start
    if end is None or end < first:
        # an open interval (ISO 8601-2): the end is not known without a publication date
        return EventDate(f"{first.isoformat()}/..", "range", start.basis, start.surface)
    return EventDate(f"{first.isoformat()}/{end.isoformat()}", "range", start.basis,
                     start.surface)


def publication_date(published: date | None) -> EventDate:
    """Return the publication date as an event date (basis: publication), or unknown."""
    if published is None:
        return UNKNOWN
    return EventDate(published.isoformat(), "day", "publication")
