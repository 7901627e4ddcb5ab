"""A running tally of losses written as a list, one class a line, as the Ukrainian
General Staff posts it in English:

    The total combat losses of the enemy from 24.02.2022 to 22.04.2025 were approximately:
    personnel - about 937,880 (+1,160) persons
    tanks - 10,677 (+4)
    MLRS - 1,370

Each line is read on its own, with no verb to parse: the class before the dash, the total
after it, the day's increase in brackets. A line gives the total over the tally's period
(aggregate) and, when written, the day's increase (the period's last day); people are
casualties (killed and wounded together), the rest equipment (decision 163). The lines
only count as a tally after an opening line that ends with a colon and names losses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from wirewatch.document import Document
from wirewatch.events.codebook import Codebook
from wirewatch.events.dates import UNKNOWN, EventDate, find_dates, publication_date, since_range
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.numbers import QUALIFIERS, Count

_FIGURE = r"\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})+|\d+"
TALLY_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-\u2013\u2014\u2022*][ \t]+)?"
    r"(?P<label>[^\W\d_][^\d\n:\u2012\u2013\u2014]{0,60}?)[ \t]*[-\u2012\u2013\u2014:][ \t]*"
    r"(?:(?P<qual>[a-z]+(?: [a-z]+)?)[ \t]+)?(?P<total>" + _FIGURE + r")[ \t]*"
    r"(?:\([ \t]*\+[ \t]*(?P<inc>" + _FIGURE + r")[ \t]*\))?[ \t]*[^\W\d_]*[ \t]*[,;.]?[ \t]*$")
# fewer lines than this after an opening line are not read as a tally
MIN_LINES = 3


def tally_list_mentions(doc: Document, book: Codebook, lexicon: Lexicon
                        ) -> list[EventMention]:
    """Return the mentions of every loss tally written as a list in the document."""
    out: list[EventMention] = []
    lines = list(TALLY_LINE.finditer(doc.text))
    for block in _blocks(doc.text, lines):
        opening = _opening_line(doc.text, block[0].start())
        if opening is None or not set(re.findall(r"[a-z]+", opening.lower())) & \
                lexicon.tally_nouns:
            continue
        period = _period(opening, doc.published, lexicon)
        approx = _qualifier(opening)
        for line in block:
            out.extend(_line_mentions(doc, book, lexicon, line, period, approx))
    return out


def outside_tallies(mentions: Sequence[EventMention], tallies: Sequence[EventMention]
                    ) -> list[EventMention]:
    """The mentions read from the sentences that are no tally's lines (a line read by the
    parse as well gives its mentions once, the tally's)."""
    spans = [(t.evidence.start, t.evidence.end) for t in tallies]
    return [m for m in mentions
            if not any(s <= m.evidence.start < e for s, e in spans)]


def _blocks(text: str, lines: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Runs of consecutive tally lines (only line breaks between them)."""
    blocks: list[list[re.Match[str]]] = []
    for line in lines:
        if blocks and not text[blocks[-1][-1].end():line.start()].strip():
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return [b for b in blocks if len(b) >= MIN_LINES]


def _opening_line(text: str, start: int) -> str | None:
    """The last non-empty line before the list, if it ends with a colon."""
    before = text[:start].rstrip()
    line = before[before.rfind("\n") + 1:].strip()
    return line if line.endswith(":") else None


def _period(opening: str, published: date | None, lexicon: Lexicon) -> EventDate:
    for found in find_dates(opening, published, lexicon=lexicon):
        if found.date.precision == "range":
            return found.date
        if found.since:
            return since_range(found.date, published)
    return UNKNOWN


_QUALIFIER_OF = dict(QUALIFIERS)


def _qualifier(text: str) -> str | None:
    """The first count qualifier written in the text ("were approximately:" -> about)."""
    low = f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "
    found = [(low.find(f" {w} "), q) for w, q in QUALIFIERS if f" {w} " in low]
    return min(found)[1] if found else None


def _line_mentions(doc: Document, book: Codebook, lexicon: Lexicon, line: re.Match[str],
                   period: EventDate, approx: str | None) -> list[EventMention]:
    label = line["label"].strip().lower()
    words = set(re.findall(r"[a-z]+", label))
    singular = words | {w[:-1] for w in words if w.endswith("s")}
    if singular & book.count_nouns.get("people", frozenset()):
        etype, subtype, equipment = "casualties", "mixed", None
    elif _is_equipment(singular, line["label"], book):
        etype, subtype, equipment = "equipment.lost", None, line["label"].strip()
    else:
        return []
    qualifier = _QUALIFIER_OF.get(line["qual"].lower()) if line["qual"] else approx
    if line["qual"] and qualifier is None:
        return []  # "tanks - destroyed 4": no tally line
    start = line.start("label")
    evidence = Evidence(doc.text[start:line.end()].strip(), start,
                        start + len(doc.text[start:line.end()].rstrip()))
    base = EventMention(doc=doc.id, type=etype, place=None, date=period, evidence=evidence,
                        modality="asserted", subtype=subtype, equipment=equipment,
                        trigger=(line.start("label"), line.end("label")))
    out = [_with(base, count=Count(_number(line["total"]), qualifier is not None, qualifier),
                 aggregate=True)]
    if line["inc"]:
        last = period.value.split("/")[-1] \
            if period.value and period.precision == "range" else None
        day = EventDate(last, "day", period.basis) if last else publication_date(doc.published)
        out.append(_with(base, count=Count(_number(line["inc"]), False, None), date=day))
    return out


def _is_equipment(words: set[str], label: str, book: Codebook) -> bool:
    """Whether a tally line's class is equipment: one of the codebook's equipment phrases
    in its words (singular or plural), or a designation written in capitals ("MLRS")."""
    padded = f" {' '.join(sorted(words))} "
    if any(all(f" {w} " in padded or f" {w.lower()} " in padded for w in phrase)
           for phrase in book.equipment_words):
        return True
    return any(w.isupper() and len(w) >= 3 for w in label.split())


def _with(m: EventMention, **changes: object) -> EventMention:
    from dataclasses import replace
    return replace(m, **changes)  # type: ignore[arg-type]


def _number(figure: str) -> int:
    return int(re.sub(r"\D", "", figure))
