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
from dataclasses import dataclass, replace
from datetime import date

from wirewatch.document import Document
from wirewatch.events.codebook import Codebook
from wirewatch.events.dates import UNKNOWN, EventDate, find_dates, publication_date, since_range
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.numbers import QUALIFIERS, Count

_FIGURE = r"\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})+|\d+"
# a list line's bullet, and the words that qualify a figure written before it
_BULLET = r"[ \t]*(?:[-\u2013\u2014\u2022*][ \t]+)?"
_QUALIFIERS = r"about|approximately|around|over|more than|up to"
# one item: "tanks - 10,677 (+4)", "personnel - about 937,880 (+1,160) persons"
TALLY_ITEM = re.compile(
    _BULLET +
    r"(?P<label>[^\W\d_][^\d\n:\u2012\u2013\u2014\u2248]{0,60}?)[ \t]*"
    # "personnel ≈ 915,220": an approximation sign stands for the dash and "about"
    r"(?:[-\u2012\u2013\u2014:]|(?P<approx>\u2248))[ \t]*"
    r"(?:(?P<qual>[a-z]+(?: [a-z]+)?)[ \t]+)?(?P<total>" + _FIGURE + r")[ \t]*"
    # "(+11 over the past day)": the day's part may say which day it is (decision 504)
    r"(?:\([ \t]*\+[ \t]*(?P<inc>" + _FIGURE + r")(?:[ \t]+[^\W\d_][^()\n]{0,30}?)?"
    r"[ \t]*\))?[ \t]*[^\W\d_]*[ \t]*[,;.]?[ \t]*")
# one item written figure first, as a day's losses are often listed: "- 2 tanks (11,390 in
# total);", "- 410 operational-tactical UAVs;" (the figure counts over the opening's period,
# the bracket gives the running total or the day's increase)
FIGURE_FIRST_ITEM = re.compile(
    _BULLET + r"(?:(?P<qual>" + _QUALIFIERS + r")[ \t]+)?"
    r"(?P<total>" + _FIGURE + r")[ \t]+(?P<label>[^\W\d_][^\d\n:;()]{0,60}?)[ \t]*"
    r"(?:\([ \t]*(?:\+[ \t]*(?P<inc>" + _FIGURE + r")|(?P<grand>" + _FIGURE +
    r")[ \t]+in[ \t]+total)[ \t]*\))?[ \t]*[,;.]?[ \t]*")
# an item ends at a line break or at a comma or semicolon followed by a space (a figure's
# own commas have none: "10,677"), or at a comma or quote closing the quoted list
_ITEM_END = re.compile(r"\n|[,;](?=[ \t\"\u201d\u2019'])|[\"\u201d](?=[\s,.;])|$")
# a colon opening a list; the line (or sentence) before it must name losses
_OPENING = re.compile(r":[ \t]*(?:\n|(?=[ \t]*[^\W\d_]))")
# fewer items than this after an opening are not read as a tally
MIN_ITEMS = 3
# an item of a running total written in a sentence, figure first: "24,107 (+5) armored
# combat vehicles", "1,339 multiple launch rocket systems" (a class without a day's part);
# the parse of such a list is often broken by the brackets
INLINE_ITEM = re.compile(
    r"(?:(?P<qual>" + _QUALIFIERS + r")\s+)?"
    r"(?P<total>" + _FIGURE + r")\s*(?:\(\s*\+\s*(?P<inc>" + _FIGURE + r")\s*\)\s*)?\s"
    r"(?P<label>[^\W\d_][\w-]*(?:\s+(?!since\b|in\b|over\b|during\b|the\b|and\s+[\d(])"
    r"(?:and\s+)?[^\W\d_][\w-]*){0,4})"
    # or the day's part after the class: "22,517 artillery systems (+38)"
    r"(?:\s*\(\s*\+\s*(?P<inc_after>" + _FIGURE + r")\s*\))?")
# what may stand between two items of such a list
_INLINE_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and\s+|as well as\s+)?")
# runs with fewer bracketed items than this are left to the parse
MIN_INLINE = 2


@dataclass(frozen=True)
class TallyBlock:
    """One tally: the characters from its opening words to its last item, its mentions."""

    start: int
    end: int
    mentions: tuple[EventMention, ...]
    # a round-up without its own date (strike_list): dated as its speaker's statement
    dated_by_speaker: bool = False


def tally_list_mentions(doc: Document, book: Codebook, lexicon: Lexicon
                        ) -> list[TallyBlock]:
    """Return every loss tally written as a list in the document, one class a line or one
    class after another in a sentence after a colon, with its mentions."""
    out: list[TallyBlock] = []
    for colon in _OPENING.finditer(doc.text):
        opening = _opening_words(doc.text, colon.start())
        words = set(re.findall(r"[a-z]+", opening.lower()))
        if not words & (lexicon.tally_nouns | lexicon.tally_opening_verbs):
            continue  # ("… have also destroyed:" opens one too, decision 504)
        items = _items(doc.text, colon.start() + 1)
        if len(items) < MIN_ITEMS:
            continue
        period = _period(opening, doc.published, lexicon)
        day = _day(opening, doc.published, lexicon) if period.value is None else None
        if day is not None:
            # "Losses over the past day also include:": the items are the day's; a running
            # total in brackets counts over the period the text gave before
            period = _period_before(doc.text[:colon.start() - len(opening) + 1],
                                    doc.published, lexicon)
        if period.value is None and day is None:
            # "… since February 24, 2022, have reached … ¶ Ukrainian defenders have also
            # destroyed:": the running totals of the period the text gave before
            period = _period_before(doc.text[:colon.start() - len(opening) + 1],
                                    doc.published, lexicon)
        approx = _qualifier(opening)
        found = [m for item in items
                 for m in _line_mentions(doc, book, lexicon, item, period, approx, day)]
        if found:
            out.append(TallyBlock(colon.start() - len(opening) + 1, items[-1].end(),
                                  tuple(found)))
    return out + [b for b in _inline_blocks(doc, book, lexicon)
                  if not any(o.start <= b.start < o.end for o in out)]


def _inline_blocks(doc: Document, book: Codebook, lexicon: Lexicon) -> list[TallyBlock]:
    """Runs of bracketed items in a sentence ("destroyed 11,618 (+3) tanks, 24,107 (+5)
    armored combat vehicles and 1,611 (+1) multiple rocket launchers"): each item is a
    total and the day's increase, dated by the period the sentence or the text before it
    gives."""
    runs: list[list[re.Match[str]]] = []
    for item in INLINE_ITEM.finditer(doc.text):
        gap = doc.text[runs[-1][-1].end():item.start()] if runs else None
        if gap is not None and _INLINE_GAP.fullmatch(gap):
            runs[-1].append(item)
        else:
            runs.append([item])
    out = []
    for run in (r for r in runs if sum(1 for i in r if _increase(i)) >= MIN_INLINE):
        start = doc.text.rfind(". ", 0, run[0].start()) + 2 if "." in doc.text[
            :run[0].start()] else 0
        end = doc.text.find(".", run[-1].end())
        sentence = doc.text[max(start, 0):end if end >= 0 else len(doc.text)]
        period = _period(sentence, doc.published, lexicon)
        if period.value is None:
            period = _period_before(doc.text[:start], doc.published, lexicon)
        found = [m for item in run
                 for m in _line_mentions(doc, book, lexicon, item, period, None)]
        if found:
            out.append(TallyBlock(run[0].start(), run[-1].end(), tuple(found)))
    return out


def _period_before(text: str, published: date | None, lexicon: Lexicon) -> EventDate:
    """The last period a running total gave in the paragraph before ("The total combat
    losses … from February 24, 2022, to March 17, 2026, amount to …")."""
    text = text.rstrip()
    paragraph = text[text.rfind("\n\n") + 1:]
    found = [d.date if d.date.precision == "range" else since_range(d.date, published)
             for d in find_dates(paragraph, published, lexicon=lexicon)
             if d.date.precision == "range" or d.since]
    return found[-1] if found else UNKNOWN


def _day(opening: str, published: date | None, lexicon: Lexicon) -> EventDate | None:
    """The one day a list's opening gives ("Losses over the past day also include:", the
    day of the statement)."""
    found = next((d.date for d in find_dates(opening, published, lexicon=lexicon)
                  if d.date.precision == "day" and not d.since), None)
    if found is None and published is not None and lexicon.day_period.search(opening):
        found = publication_date(published)
    return found


def with_tallies(mentions: Sequence[EventMention], tallies: Sequence[TallyBlock]
                 ) -> list[EventMention]:
    """The mentions of the parse with each tally's in place of those the parse read from
    the tally's own words (the tally's are read item by item). A tally takes the speaker
    the parse found for its words ("'The total combat losses … were: …,' the report
    says"), if any."""
    out = list(mentions)
    for block in tallies:
        kinds = {t.type for t in block.mentions}
        figures = {t.count.value for t in block.mentions if t.count is not None}
        # a mention the parse read from the sentence around a run of items ("destroyed
        # 10,715 tanks (three of them over the past day), 27,104 artillery systems (+41)")
        # stays when its figure is none of the run's
        inside = [m for m in out if m.type in kinds and
                  m.evidence.start < block.end and block.start < m.evidence.end and
                  (m.count is None or m.count.value in figures or
                   block.start <= m.evidence.start)]
        speaker = next((m for m in inside if m.claimant), None) or _last_speaker(
            [m for m in mentions if m.evidence.end <= block.start])
        out = [m for m in out if m not in inside]
        if speaker is None:
            out.extend(block.mentions)
            continue
        out.extend(replace(m, claimant=speaker.claimant, conduit=speaker.conduit,
                           modality=speaker.modality,
                           date=speaker.date if block.dated_by_speaker else m.date)
                   for m in block.mentions)
    return out


def _last_speaker(before: Sequence[EventMention]) -> EventMention | None:
    named = [m for m in before if m.claimant]
    return max(named, key=lambda m: m.evidence.start) if named else None


def _items(text: str, pos: int) -> list[re.Match[str]]:
    """The items of a list that starts at ``pos``, up to the first text that is none."""
    items: list[re.Match[str]] = []
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if text.startswith("\n", pos) and items:
            if text[pos + 1:pos + 2] == "\n" or not text[pos + 1:].strip():
                break  # a blank line ends the list
            pos += 1
            continue
        if text.startswith("\n", pos):
            pos += 1
            continue
        stop = _ITEM_END.search(text, pos)
        end = stop.start() if stop else len(text)
        item_end = end + (text[end:end + 1] in ",;")
        item = TALLY_ITEM.fullmatch(text, pos, item_end) or \
            FIGURE_FIRST_ITEM.fullmatch(text, pos, item_end)
        if item is None:
            break
        items.append(item)
        pos = item.end()
    return items


def _opening_words(text: str, colon: int) -> str:
    """The words before a list's colon, back to the start of their line or sentence."""
    line_start = text.rfind("\n", 0, colon) + 1
    before = text[line_start:colon]
    sentence = re.split(r"(?<=[.!?])\s+", before)[-1]
    return sentence + ":"


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
                   period: EventDate, approx: str | None, day: EventDate | None = None
                   ) -> list[EventMention]:
    """The mentions of one item: its total over the period (aggregate) and the day's
    increase; under an opening that gives one day, the day's figure and the running total
    its bracket gives."""
    label = line["label"].strip().lower()
    words = set(re.findall(r"[a-z]+", label))
    singular = words | {w[:-1] for w in words if w.endswith("s")}
    if singular & book.count_nouns.get("people", frozenset()):
        etype, subtype, equipment = "casualties", "mixed", None
    elif _is_equipment(singular, line["label"], book):
        etype, subtype, equipment = "equipment.lost", None, _kind(line["label"], lexicon)
    else:
        return []
    qualifier = _QUALIFIER_OF.get(line["qual"].lower()) if line["qual"] else approx
    if qualifier is None and line.groupdict().get("approx"):
        qualifier = "about"
    if line["qual"] and qualifier is None:
        return []  # "tanks - destroyed 4": no tally line
    start = min(line.start("label"), line.start("qual") if line["qual"] else
                line.start("total"))
    shown = doc.text[start:line.end()].rstrip(" \t,;.")
    evidence = Evidence(shown, start, start + len(shown))
    base = EventMention(doc=doc.id, type=etype, place=None, date=period, evidence=evidence,
                        modality="asserted", subtype=subtype, equipment=equipment,
                        trigger=(line.start("label"), line.end("label")))
    total = Count(_number(line["total"]), qualifier is not None, qualifier)
    if day is not None:
        grand = line.groupdict().get("grand")
        return [replace(base, count=total, date=day)] + (
            [replace(base, count=Count(_number(grand), False, None), aggregate=True)]
            if grand else [])
    out = [replace(base, count=total, aggregate=True)]
    increase = _increase(line)
    if increase:
        last = period.value.split("/")[-1] \
            if period.value and period.precision == "range" else None
        day = EventDate(last, "day", period.basis) if last else publication_date(doc.published)
        out.append(replace(base, count=Count(_number(increase), False, None), date=day))
    return out


def _increase(item: re.Match[str]) -> str | None:
    """The day's part of an item, written before or after its class."""
    found = item.groupdict()
    return found.get("inc") or found.get("inc_after")


def _kind(label: str, lexicon: Lexicon) -> str:
    """The class of equipment without the side's word ("Russian tanks" -> "tanks")."""
    words = label.split()
    while len(words) > 1 and words[0].lower() in lexicon.side_adjectives:
        words = words[1:]
    return " ".join(words)


def _is_equipment(words: set[str], label: str, book: Codebook) -> bool:
    """Whether a tally line's class is equipment: one of the codebook's equipment phrases
    in its words (singular or plural), or a designation written in capitals ("MLRS")."""
    if any(set(phrase) <= words for phrase in book.equipment_words):
        return True
    return any(w.isupper() and len(w) >= 3 for w in label.split())


def _number(figure: str) -> int:
    return int(re.sub(r"\D", "", figure))
