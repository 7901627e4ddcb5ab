"""The event stage: parsed documents and their places in, event mentions out.

For each sentence the triggers are found (``steps/triggers.py``); each trigger
becomes a :class:`~wirewatch.events.context.Draft` that runs through the ordered
``STEPS`` below (guards drop what is no event; the others tie it to places,
dates, a claim chain, a modality and a count, and make its mentions by its
type's behaviour, ``types/``). A denial of an earlier claim ("rejected the
claim on Tuesday") becomes its own mention. Claims restated inside one article
are kept once, with their first evidence (``steps/dedupe.py``). docs/events.md
describes how the stage is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from wirewatch.document import Document
from wirewatch.events.attribution import Attributor, learn_people, party_or_media
from wirewatch.events.battle_losses import with_battle_places
from wirewatch.events.breakdowns import with_breakdowns
from wirewatch.events.codebook import Codebook, load_codebook
from wirewatch.events.context import DocContext, Draft, SentenceContext
from wirewatch.events.dates import find_dates
from wirewatch.events.implied_strikes import with_implied_strikes
from wirewatch.events.interview import with_interview_answers
from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.numbers import Count, words_to_number
from wirewatch.events.owned_claims import with_owned_claims
from wirewatch.events.regional_parts import with_regional_parts
from wirewatch.events.steps import count, guards, mention, modality, place, when
from wirewatch.events.steps.dedupe import dedupe, without_superseded
from wirewatch.events.steps.denial import denial_by_control, denial_of_claim
from wirewatch.events.steps.triggers import find_triggers
from wirewatch.events.strike_list import strike_list_blocks
from wirewatch.events.syntax import children_of, index_document, span_text, token_at
from wirewatch.events.tally_examples import with_tally_examples
from wirewatch.events.tally_list import tally_list_mentions, with_tallies
from wirewatch.events.triggers import Trigger
from wirewatch.events.types import Behaviour
from wirewatch.events.where import anchor
from wirewatch.places.models import PlaceMention
from wirewatch.places.recognize import find_dateline, headline_end

__all__ = ["STEPS", "dedupe", "events_in_document"]

Step = Callable[[SentenceContext, Draft], bool]

# The steps every trigger runs through, in order; a step returning False drops it.
STEPS: tuple[Step, ...] = (
    guards.is_event,                # threats, attempts, hypotheses, habits, adjectives
    guards.has_military_subject,    # "left", "abandoned" by troops
    guards.has_civilian_subject,    # "300 people have left the community"
    guards.has_military_object,     # "detained two saboteurs"
    modality.attribute,             # claimant, conduits, verbs of saying
    place.candidate_places,         # the places of the sentence it may take
    place.attach_places,            # the places tied to it, or referred back to
    guards.has_needed_object,       # "Toretsk fell": the place as object or subject
    guards.governs_part_of_place,   # "control most of X" (not "control X")
    guards.particular,              # "a fall of Lyman would ..."
    guards.not_the_earlier,         # "the pullback": the earlier event
    place.places,                   # directions, fallbacks; required places
    guards.not_own_ground,          # "our units hold part of the village": no capture
    when.dates,                     # the date of its own clause, of its claim
    modality.modality,              # denied, planned, hedged, claimed, reported, asserted
    guards.not_habitual,            # "under near-constant bombardment": the writer's picture
    guards.not_a_report_of_none,    # "no one was hurt": no losses, no denial of a claim
    guards.not_a_policy_denial,     # "Moscow denies targeting civilians"
    place.denied_place,             # a denial takes the place of the claim it denies
    modality.not_conditional,       # "would bring them closer"
    modality.not_foretold,          # "the garrison will soon surrender"
    when.future_date,               # "will travel on Saturday"
    count.count,                    # its figure (casualty words share one)
    count.has_needed_count,         # "losses were heavy": no figure, no mention
    guards.not_in_passing,          # "occupied Crimea"
    when.when,                      # the one date; a strike's losses take its date
    when.in_conflict,               # dated before the conflict: another war
    mention.build,                  # parties, subtype, extent, running totals
    mention.produce,                # its type's mentions, recorded
)


def events_in_document(doc: Document, parsed: Any, places: Sequence[PlaceMention],
                       book: Codebook | None = None, lexicon: Lexicon | None = None,
                       *, outlet_speaks: bool = False, outlet_side: str | None = None
                       ) -> list[EventMention]:
    """Return the event mentions of one parsed document, each claim once.

    ``outlet_speaks``: the outlet is itself a speaker of the war (a body's own bulletin,
    decision 160), so what the text states without a speaker is the outlet's news of the
    day, dated as a claim is. ``outlet_side``: the side of a party's outlet (TASS: RU),
    the side of a body the article names without one (decision 552).
    """
    book = book or load_codebook()
    lexicon = lexicon or load_lexicon()
    dc = DocContext(doc, parsed, places, book, lexicon,
                    Attributor(book, lexicon, places, outlet_side), outlet_speaks=outlet_speaks)
    index = index_document(parsed)
    dc.attributor.read_quotes(index.sents)
    dc.headline_end = headline_end(doc.text)
    dc.report_day = _report_day(doc, lexicon)
    dateline = find_dateline(doc.text)
    # the dateline ("KYIV, Nov 20 (Reuters) -") is a sentence of its own, not the lead
    sents = [s for s in index.sents if dateline is None or s.end_char > dateline.end()]
    for si, sent in enumerate(sents):
        learn_people(sent, dc.attributor.registry, dc.lexicon, dc.attributor._is_place)
        _sentence(dc, sent, si)
        _lead_day(dc, sent, si)
        _said_after(dc, sent, si)
        _remember_speakers(dc, sent, si)
    tallies = tally_list_mentions(doc, book, lexicon) + strike_list_blocks(doc, places, lexicon)
    dc.found = with_interview_answers(dc, parsed, dc.found)
    found = without_parts(without_headline_repeats([f.mention for f in dc.found], doc.text,
                                                   lexicon), lexicon)
    spans = [(s.start_char, s.end_char) for s in sents]
    found = with_tally_examples(found, places, doc.text, spans, book, lexicon)
    found = with_breakdowns(found, places, doc.text, spans, lexicon)
    found = with_regional_parts(found, places, doc.text, spans, lexicon)
    found = with_battle_places(found, places, doc.text, spans, book, lexicon)
    found = with_implied_strikes(found, parsed, lexicon, _one_word_triggers(book, "strike"))
    found = with_owned_claims(found, parsed, book, lexicon)
    found = with_gapped_figures(found, places, doc.text)
    found = with_gapped_dates(found, places, doc.text, doc.published, lexicon)
    return with_tally_flags(without_superseded(dedupe(with_tallies(found, tallies), book),
                                               lexicon.superseded_figure), book)


def _one_word_triggers(book: Codebook, type_name: str) -> frozenset[str]:
    """The one-word trigger phrases of an event type ("shelling", "attack")."""
    et = book.types.get(type_name)
    return frozenset(p[0] for p in et.triggers if len(p) == 1) if et else frozenset()


def with_tally_flags(mentions: list[EventMention], book: Codebook) -> list[EventMention]:
    """The mentions, a figure that sums many events marked ``aggregate`` (codebook, 2): a
    figure over a period ("37 residents were evacuated last week", "killed 232 civilians in
    June") or of a type whose figure counts events ("shelled 38 settlements"). Set once the
    claims are merged: merging keeps a total apart from the parts told beside it."""
    out = []
    for m in mentions:
        et = book.types.get(m.type)
        if not m.aggregate and m.count is not None and m.count.value is not None and (
                m.date.precision in ("range", "month") or (et is not None and
                                                           et.count_is_tally)):
            m = replace(m, aggregate=True)
        out.append(m)
    return out


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
def without_headline_repeats(mentions: list[EventMention], text: str, lexicon: Lexicon
                             ) -> list[EventMention]:
    """Drop the mentions of a headline or of a recap paragraph ("A quick recap: …") whose
    type the rest of the article reports too: they retell the story in fewer words, and
    the story's own sentence is the claim's evidence (codebook: one claim, one mention;
    decision 164). A claim only the headline or the recap tells stays."""
    spans = [(0, head_end)] if (head_end := headline_end(text)) else []
    for line in re.finditer(r"(?m)^[ \t]*(\S[^\n]*)", text):
        if lexicon.recap_openers.match(line.group(1)):
            end = _BLANK_LINE.search(text, line.start(1))
            spans.append((line.start(1), end.start() if end else len(text)))
    if not spans:
        return mentions

    def retold(m: EventMention) -> bool:
        return any(s <= m.evidence.start < e for s, e in spans)

    told = {m.type for m in mentions if not retold(m)}
    return [m for m in mentions if not retold(m) or m.type not in told]


# "31 drones were shot down over the Bryansk region, 22 over the Kursk region and nine
# over the Moscow region": a figure and the preposition of the place before, the verb left
# out; the place must follow at once
_GAPPED = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+"
                     r"(?P<prep>over|in|near|above|on)\s+(?:the\s+)?")


def with_gapped_figures(mentions: list[EventMention], places: Sequence[PlaceMention],
                        text: str) -> list[EventMention]:
    """Add the mentions a figure's gapped list gives after its place ("… shot down over
    the Bryansk region, 22 over the Kursk region and nine over the Moscow region"): each
    item is the mention again, with its own figure and place (decision 449)."""
    starts = {p.start: p for p in places if p.place is not None}
    out: list[EventMention] = []
    for m in mentions:
        out.append(m)
        if m.count is None or m.count.value is None or m.place is None or m.aggregate:
            continue
        at = _own_place_mention(m, places)
        if at is None:
            continue
        prep = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(0, at.start - 12):at.start])
        pos = _place_end(at, text)
        while (item := _GAPPED.match(text, pos)) and prep and item["prep"] == prep.group(1):
            value = words_to_number([item["n"]])
            nxt = starts.get(item.end())
            if value is None or nxt is None or nxt.end > m.evidence.end:
                break
            out.append(replace(m, place=nxt.place, count=Count(value, False, None)))
            pos = _place_end(nxt, text)
    return out


# "in February 2024", "in early July 2022", "in 2023": the date a gapped item gives itself
_ITEM_DATE = re.compile(r"\s+in\s+(?:(?:early|mid|late)[- ]?\s*)?(?:[A-Z][a-z]+(?:\s+\d{4})?|"
                        r"\d{4})\b")
_DATED_ITEM = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=\S)")


def with_gapped_dates(mentions: list[EventMention], places: Sequence[PlaceMention],
                      text: str, published: date | None, lexicon: Lexicon
                      ) -> list[EventMention]:
    """Add the mentions a place's gapped list of dated items gives ("Russia took Avdiivka in
    February 2024, Vuhledar in October 2024 and Kurakhove in January 2025"): each item is
    the mention again, at its own place and date (decision 525)."""
    starts = {p.start: p for p in places if p.place is not None}
    out: list[EventMention] = []
    for m in mentions:
        out.append(m)
        if m.place is None or m.date.basis != "explicit" or m.aggregate or m.count is not None:
            continue
        at = _own_place_mention(m, places)
        dated = _ITEM_DATE.match(text, _place_end(at, text)) if at is not None else None
        while dated is not None:
            gap = _DATED_ITEM.match(text, dated.end())
            nxt = starts.get(gap.end()) if gap is not None else None
            if nxt is None or nxt.place is None or nxt.start > m.evidence.end + 200:
                break
            dated = _ITEM_DATE.match(text, _place_end(nxt, text))
            found = find_dates(text[dated.start():dated.end()], published,
                               lexicon=lexicon) if dated is not None else []
            if dated is None or len(found) != 1 or found[0].date.value is None:
                break
            out.append(replace(m, place=nxt.place, date=found[0].date,
                               evidence=Evidence(text[nxt.start:dated.end()], nxt.start,
                                                 dated.end())))
    return out


def _own_place_mention(m: EventMention, places: Sequence[PlaceMention]
                       ) -> PlaceMention | None:
    """The mention of a mention's place written inside its evidence, if any."""
    assert m.place is not None
    return next((p for p in places if p.place is not None and
                 p.place.geonameid == m.place.geonameid and
                 m.evidence.start <= p.start < m.evidence.end), None)


def _place_end(p: PlaceMention, text: str) -> int:
    """The end of a place's name with its noun of region ("the Kursk Region")."""
    tail = re.match(r"\s+(?:region|oblast|krai|republic|district)\b", text[p.end:p.end + 12],
                    re.I)
    return p.end + (tail.end() if tail else 0)


def without_parts(mentions: list[EventMention], lexicon: Lexicon) -> list[EventMention]:
    """Drop the mentions of a sentence that gives a part of the figure before it ("… 183
    civilians killed and 1,002 injured. Among them, 6 children were killed and 41
    injured."): a part of a figure already coded is no mention (decision 165)."""
    out: list[EventMention] = []
    for m in mentions:
        earlier = [o for o in out if o.type == m.type and o.evidence.end <= m.evidence.start]
        if lexicon.part_openers.match(m.evidence.text) and earlier and \
                not _regions_part(m, earlier):
            continue
        out.append(m)
    return out


def _regions_part(m: EventMention, earlier: list[EventMention]) -> bool:
    """"105 drones over 11 Russian regions. Of these, 30 were destroyed over the Bryansk
    region, ...": a region's part of a figure that keeps no one place is a mention of its
    own (decision 562; decision 589)."""
    return m.place is not None and m.place.kind == "admin1" and any(
        o.place is None and o.count is not None and m.count is not None and
        (o.count.value or 0) > (m.count.value or 0) for o in earlier)


def _sentence(dc: DocContext, sent: Any, si: int) -> None:
    """Run each trigger of a sentence through the steps; then the sentence's denials."""
    trigs = find_triggers(sent, dc.book, dc.types_seen, dc.lexicon.figure_nouns)
    unresolved = [t for t in (token_at(sent.doc, p.start, p.end) for p in dc.places
                              if p.place is None and sent.start_char <= p.start < sent.end_char)
                  if t is not None]
    sc = SentenceContext(dc, sent, si, trigs, {i for t in trigs for i in t.tokens}, unresolved)
    used: list[Behaviour] = []
    for trig in trigs:
        d = _draft(sc, trig)
        if d is None:
            continue
        if d.behaviour not in used:
            used.append(d.behaviour)
        for step in STEPS:
            if not step(sc, d):
                break  # dropped
    for behaviour in used:
        behaviour.finish(sc)
    denial_of_claim(sc)
    denial_by_control(sc)
    for f in sc.produced:
        day = f.mention.date
        # (a day the text does not give, the publication's, is no day "later that day"
        # or "the same day" can point back to; decision 625)
        if day.precision == "day" and day.value and day.basis != "publication":
            dc.last_date = date.fromisoformat(day.value)
    dc.found.extend(sc.produced)


def _said_after(dc: DocContext, sent: Any, si: int) -> None:
    """"… 917,330 personnel. This was reported by the General Staff on Facebook": a
    sentence naming who said what the sentence before it told gives that sentence's
    unattributed mentions their claimant."""
    if not dc.lexicon.said_after.match(span_text(sent)):
        return
    speakers = dc.attributor.speakers_of(sent)
    if not speakers:
        return
    src, conduits, _verb = speakers[0]
    for i, f in enumerate(dc.found):
        if f.sentence == si - 1 and f.mention.claimant is None:
            modality = f.mention.modality if f.mention.modality not in (
                "asserted", "reported") else party_or_media(src, dc.book)
            dc.found[i] = replace(f, source=src, mention=replace(
                f.mention, claimant=src.name, conduit=tuple(conduits), modality=modality))


def _draft(sc: SentenceContext, trig: Trigger) -> Draft | None:
    et = sc.doc.book.types.get(trig.type)
    if et is None:
        return None
    toks = [sc.sent.doc[i] for i in trig.tokens]
    return Draft(trig, et, sc.doc.behaviour(trig.type), toks, anchor(toks))


def _said_nothing(verb: Any) -> bool:
    """Whether a verb of saying is negated or its subject is "neither ... nor ..." (decision
    297): such a sentence names no speaker the sentences after it go on with."""
    kids = children_of(verb)
    return any(c.dep_ == "neg" for c in kids) or any(
        g.dep_ == "preconj" and g.lower_ == "neither"
        for c in kids if c.dep_ in ("nsubj", "nsubjpass") for g in children_of(c))


def _report_day(doc: Document, lexicon: Lexicon) -> date | None:
    """The one day a report's first line says the report covers ("Summary for May 26 from
    the governor of Belgorod region:"), or None."""
    first = doc.text.lstrip().split("\n", 1)[0][:200]
    if not lexicon.report_title.search(first):
        return None
    days = [dm.date for dm in find_dates(first, doc.published, lexicon=lexicon)
            if dm.date.precision == "day" and dm.date.value and not dm.since]
    return date.fromisoformat(str(days[0].value)) if len(days) == 1 else None


def _lead_day(dc: DocContext, sent: Any, si: int) -> None:
    """The day the lead tells of, when its event was not found ("The drone came down on a
    crowded stop on Tuesday"): "during the day", "by evening" later count from it
    (decision 295)."""
    if si > 0 or dc.last_date is not None:
        return
    days = [dm.date for dm in find_dates(span_text(sent), dc.document.published,
                                          lexicon=dc.lexicon)
            if dm.date.precision == "day" and dm.date.value and not dm.since]
    if len(days) == 1:
        dc.last_date = date.fromisoformat(str(days[0].value))


def _remember_speakers(dc: DocContext, sent: Any, si: int) -> None:
    """A speaker met in the sentence, with the date it spoke on, for the sentences after."""
    for src, conduits, verb in dc.attributor.speakers_of(sent):
        if _said_nothing(verb):
            continue  # "Neither the ministry nor the bloggers have claimed ...": no speaker
        if sent.start_char >= dc.headline_end:
            dc.spoke_at[src.name] = si  # (a headline's "Russia claims X" opens no post)
        known = next((s for s in dc.attributor.sources if s.name == src.name), None)
        dts = when.date_tokens(sent, find_dates(span_text(sent), dc.document.published,
                                                dc.last_date, lexicon=dc.lexicon))
        cd = when.claim_date([verb], verb, dts, dc.lexicon)
        # (the speaker who spoke last, speaking again on a day of its own: "The ministry
        # announced X on January 6. ... the ministry said on Thursday"; decision 630)
        if known is None or known is not dc.attributor.sources[-1] or (
                cd is not None and cd.date.value):
            dc.attributor.remember(known or src, conduits, cd.date if cd else None)
            if cd and cd.date.precision == "day" and cd.date.value:
                dc.last_date = date.fromisoformat(cd.date.value)
