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


# a transcript line: a speaker's label or a dash opening the line ("Bober: We pulled out",
# "— Last Friday our crews ...")
_LABELLED = re.compile(r"^[ \t]*(?:(?P<label>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?):|[—–-])[ \t]+\S",
                       re.MULTILINE)
# "A company commander of the 810th Naval Infantry Brigade, call sign Grom, told ...": the
# speaker a call sign names, described by the role before it
_CALL_SIGN = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he)\s+)(?P<role>[a-z][^,.;:\n]{2,90}?),\s+"
                        r"(?:call\s*sign|callsign|nom de guerre)\s+[\"“]?"
                        r"(?P<name>[A-Z][\w'’-]+)")
# a first-person account: a line opening with a quote after the introduction
_QUOTE_OPENING = re.compile(r"^[ \t]*[\"“]", re.MULTILINE)
_QUOTE_MARK = re.compile(r"[\"”]")
_QUOTE_CLOSING = re.compile(r"[\"”][ \t]*(?:\n|$)")


def transcript_spans(text: str, intro_end: int) -> list[tuple[int, int]]:
    """The lines after an introduction that a transcript's interviewee speaks: dash lines or
    lines of the label that answers, none ending in a question (decision 523); or, for an
    account told in the first person, the quoted lines that follow the introduction."""
    lines = []  # (start, end, label, a question)
    for m in _LABELLED.finditer(text, intro_end):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        lines.append((m.start(), end, m.group("label"), text[m.start():end].rstrip()[-1:] == "?"))
    if len(lines) >= 3:
        asked = {label for _s, _e, label, question in lines if question}
        return [(s, e) for s, e, label, question in lines
                if not question and (label is None or label not in asked)]
    first = _QUOTE_OPENING.match(text, intro_end)
    if first is None:
        return []
    # (a quote closed within its paragraph and attributed, '"…," Pushilin said', is a
    # quote of a report, not an account)
    closing = _QUOTE_MARK.search(text, first.end())
    if closing is not None and not _QUOTE_CLOSING.match(text, closing.start()):
        return []
    return [(first.start(), closing.end() if closing else len(text))]


def _call_sign_speaker(dc: DocContext, before: int) -> Source | None:
    """"the deputy commander of a Madyar's Birds drone unit, call sign Shchur": the role and
    the call sign, when the introduction names the speaker by no name."""
    m = _CALL_SIGN.search(dc.document.text[:before])
    if m is None:
        return None
    name = f"{m.group('role')} (call sign {m.group('name')})"
    return Source(name[:1].upper() + name[1:], "person", side_of(name, dc.book), head="person")


def interviewee(dc: DocContext, parsed: Any, before: int) -> Source | None:
    """The person the introduction names first, when it says it is an interview."""
    if not dc.lexicon.interview_words.search(dc.document.text[:before]):
        return None
    called = _call_sign_speaker(dc, before)
    if called is not None:
        return called
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
        start = _intro_end(dc.document.text)
        answers = transcript_spans(dc.document.text, start) if start > 0 else []
    if not answers:
        return out
    src = interviewee(dc, parsed, start)
    if src is None:
        return out
    for i, f in enumerate(out):
        m = f.mention
        line = next(((s, e) for s, e in answers if s <= m.evidence.start < e), None)
        if line is not None and m.claimant is not None and \
                m.claimant.split(" (")[0] not in dc.document.text[line[0]:line[1]]:
            # a speaker carried in from another line of the transcript ("Paper: Russian
            # channels say ...") does not speak the interviewee's answer
            m = replace(m, claimant=None, conduit=(), modality="denied"
                        if m.modality == "denied" else "asserted")
        if m.claimant is None and m.modality in ("asserted", "denied") and line is not None:
            # ("Nonsense. Nobody was ever surrounded there": the interviewee's denial)
            m = replace(m, claimant=src.name, modality=m.modality if m.modality == "denied"
                        else party_or_media(src, dc.book))
            out[i] = replace(f, source=src, mention=m)
        if m.date.value is None and line is not None:
            asked = _asked_day(dc, m.evidence.start)
            if asked is not None:
                out[i] = replace(out[i], mention=replace(m, date=asked))
    return out


def _intro_end(text: str) -> int:
    """Where an account's first transcript line or opening quote starts, after the
    headline line and the introduction (0: none)."""
    first_break = text.find("\n")
    if first_break < 0:
        return 0
    found = [m.start() for m in (_LABELLED.search(text, first_break),
                                 _QUOTE_OPENING.search(text, first_break)) if m is not None]
    return min(found) if found else 0


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
