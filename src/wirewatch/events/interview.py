"""Interviews written as questions and answers: the answers are the interviewee's claims.

"Vadym Filashkin has headed the Donetsk Regional Military Administration since November
2024. We spoke by video link ... ¶ How many people are still living in Kostiantynivka? ¶
About 7,800 ... Last week we evacuated 430 people": the answer names no speaker, since the
format says who speaks. An explainer's question headings ("Is the area around Kupiansk
encircled?") answered by the outlet itself are no interview: the introduction must say it
is one (lexicon ``interview_words``) and name the person interviewed (decision 296).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from wirewatch.events.attribution import Source, party_or_media
from wirewatch.events.context import DocContext, Found
from wirewatch.events.dates import EventDate, find_dates
from wirewatch.events.naming import person_name, side_of
from wirewatch.events.syntax import question_before

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
# a question paragraph of an interview is short; longer ones are statements ending in "?"
QUESTION_MAX_CHARS = 400


def answer_spans(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Return where the first question starts and the spans of the paragraphs that answer a
    question (each paragraph after a question paragraph, up to the next question)."""
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    is_q = [text[s:e].rstrip().endswith("?") and e - s <= QUESTION_MAX_CHARS
            for s, e in paras]
    if sum(is_q) < 2:
        return -1, []
    first = is_q.index(True)
    answers = [p for i, p in enumerate(paras) if i > first and not is_q[i]]
    return paras[first][0], answers


def interviewee(dc: DocContext, parsed: Any, before: int) -> Source | None:
    """The person the introduction names first, when it says it is an interview."""
    if not dc.lexicon.interview_words.search(dc.document.text[:before]):
        return None
    for tok in parsed:
        if tok.idx >= before:
            return None
        rng = person_name(tok, dc.lexicon) if tok.pos_ == "PROPN" else None
        if rng is not None and rng[0] == tok.i:
            name = parsed[rng[0]:rng[1]].text
            registry = dc.attributor.registry
            registry.learn(name, None)
            full = registry.describe(name)
            return Source(full, "person", side_of(full, dc.book), head="person")
    return None


def with_interview_answers(dc: DocContext, parsed: Any, found: Sequence[Found]
                           ) -> list[Found]:
    """Give the unattributed mentions of an interview's answers the interviewee as claimant
    (with the modality a claim of that speaker has)."""
    start, answers = answer_spans(dc.document.text)
    out = list(found)
    if not answers:
        return out
    src = interviewee(dc, parsed, start)
    if src is None:
        return out
    for i, f in enumerate(out):
        m = f.mention
        if m.claimant is None and m.modality == "asserted" and any(
                s <= m.evidence.start < e for s, e in answers):
            m = replace(m, claimant=src.name, modality=party_or_media(src, dc.book))
            out[i] = replace(f, source=src, mention=m)
        if m.date.value is None and any(s <= m.evidence.start < e for s, e in answers):
            asked = _asked_day(dc, m.evidence.start)
            if asked is not None:
                out[i] = replace(out[i], mention=replace(m, date=asked))
    return out


def _asked_day(dc: DocContext, pos: int) -> EventDate | None:
    """"What happened in Kramatorsk on Monday night? ¶ They hit the city ...": the day the
    question asked about, for an answer that gives none."""
    text = dc.document.text
    question = question_before(text, text.rfind("\n", 0, pos) + 1)
    if question is None:
        return None
    q = text[question[0]:question[1]]
    days = [dm.date for dm in find_dates(q, dc.document.published, lexicon=dc.lexicon)
            if dm.date.precision == "day" and dm.date.value and not dm.since]
    return days[0] if len(days) == 1 else None
