"""Steps: the mention a draft becomes, and what is made of it.

``build`` fills the mention every behaviour starts from (parties, subtype,
extent, whether the figure is a running total); ``produce`` asks the type's
behaviour for the mentions (one per place, per equipment noun ...) and records
them with the claim's speaker, for the sentences that follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirewatch.events.codebook import EventType
from wirewatch.events.confidence import draft_signals
from wirewatch.events.context import Draft, SentenceContext
from wirewatch.events.dates import EventDate
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.steps.extent import extent_of
from wirewatch.events.steps.parties import parties
from wirewatch.events.steps.place import military_losses
from wirewatch.events.syntax import children_of, span_text


def build(sc: SentenceContext, d: Draft) -> bool:
    """Step: the mention the type's behaviour makes its mentions from."""
    et, head, toks, sent = d.type, d.head, d.tokens, sc.sent
    pdoc, trig = sent.doc, d.trigger
    aggregate = bool((d.count and (d.own and d.own.since)) or
                     (d.count and d.when.precision in ("range", "month", "year") and
                      sc.doc.lexicon.aggregate_words.search(span_text(sent))))
    if d.fell_back and not et.place_required and (
            (d.carried_place and _war_long(d, sc.doc.lexicon)) or
            sc.doc.lexicon.nationwide.search(span_text(sent))):
        d.places = []  # a total since the war began, or nationwide, is no one place's
    if d.behaviour.losses and not d.chosen and military_losses(sc, d) and _in_a_zone(sc):
        d.places = []  # losses in a grouping's zone ("in that area" included)
    if d.behaviour.losses and sc.doc.lexicon.front_wide.search(
            span_text(head.doc[head.left_edge.i:head.right_edge.i + 1])):
        d.places = []  # "lost 1,080 soldiers along the whole front" (decision 501)
    actor, target = parties(d.behaviour.parties, head, sent, sc.doc.book, sc.doc.lexicon,
                            d.claimant.name if d.claimant else None)
    d.subtype = subtype_of(et, toks) if et.subtypes else None
    area = d.count_key is not None and \
        pdoc[d.count_key].head.lemma_.lower() in sc.doc.lexicon.area_nouns
    aggregate = aggregate or area
    if area and not d.places:
        # "gained 270 square kilometres in Ukraine": the country or region the area is of
        whole = [c for c in d.candidates if c.place.kind in ("country", "admin1") and
                 not c.excluded and c.tok.dep_ not in ("nsubj", "poss")]  # (not the taker)
        d.places = [(whole[0].place, whole[0].mention)] if whole else []
    d.extent = None
    if area and et.extent:
        d.extent = "partial"  # "gained 270 square kilometres" (of Ukraine, of the region)
    elif et.extent and d.places and d.places[0][1] is not None:
        if d.ref_tok is not None and not d.chosen:
            d.extent = extent_of(head, None, sent, sc.doc.lexicon, d.ref_tok)
        else:
            d.extent = extent_of(head, d.places[0][1], sent, sc.doc.lexicon)
    elif et.extent and not d.places and d.unresolved_place is not None:
        # a village the gazetteer lacks: its words say how much of it as well
        d.extent = extent_of(head, None, sent, sc.doc.lexicon, d.unresolved_place)
    d.base = EventMention(
        doc=sc.doc.document.id, type=trig.type, place=None, date=d.when,
        evidence=evidence(sent), modality=d.modality, subtype=d.subtype, actor=actor,
        target=target, claimant=d.claimant.name if d.claimant else None,
        conduit=tuple(d.att.conduits), extent=d.extent, aggregate=aggregate,
        trigger=(pdoc[trig.first].idx, pdoc[trig.last].idx + len(pdoc[trig.last])),
        # ("the toll" is a figure given, not a reference to an event told before)
        reference=head.pos_ == "NOUN" and len(toks) == 1 and
        head.lemma_.lower() not in sc.doc.lexicon.figure_nouns and any(
            c.dep_ in ("det", "poss") and c.lower_ in sc.doc.lexicon.event_reference_determiners
            for c in children_of(head)),
        signals=draft_signals(sc, d))
    return True


def _in_a_zone(sc: SentenceContext) -> bool:
    """Whether losses are counted in a grouping's zone of responsibility, named in their
    sentence or the one before ("Units of the Battlegroup Dnepr inflicted losses on two
    brigades. The enemy lost up to 70 personnel"): no one place (decision 138)."""
    zone = sc.doc.lexicon.zone_words
    if zone.search(span_text(sc.sent)):
        return True
    start = sc.sent.start
    if start == 0:
        return False
    before = sc.sent.doc[start - 1].sent
    # a grouping named with a place ("units of the Battlegroup West near Kupiansk") put
    # the losses of the next sentence there
    return bool(zone.search(span_text(before))) and not any(
        p.place is not None and before.start_char <= p.start < before.end_char
        for p in sc.doc.places)


def _war_long(d: Draft, lex: Any) -> bool:
    """Return whether the draft's figure runs from the start of the war ("since the
    beginning of the special military operation"), as the lexicon's eras name it."""
    own = d.own
    words = (own.date.surface or "").lower() if own is not None and own.since else ""
    return any(era in words for era in lex.eras)


def produce(sc: SentenceContext, d: Draft) -> bool:
    """Step: the draft's mentions, made by its type's behaviour and recorded."""
    for f in d.behaviour.produce(sc, d):
        sc.produced.append(f)
        sc.doc.types_seen.add(f.mention.type)
    if d.claimant is not None:
        sc.doc.attributor.remember(d.claimant, d.att.conduits,
                                   d.claim.date if d.claim else None, _story_date(d))
    return True


def _story_date(d: Draft) -> EventDate | None:
    """The date the draft's statement goes on with: its day, or a short period of its own
    ("over the weekend"; not a running total's "since 2022")."""
    if d.when.precision == "day":
        return d.when
    if d.when.precision != "range" or d.own is None or d.own.since:
        return None
    first, last = d.when.first_day(), d.when.last_day()
    return d.when if first and last and (last - first).days <= 7 else None


def words_of(toks: Sequence[Any]) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in toks)


def phrase_in(words: tuple[str, ...], lowers: tuple[str, ...], phrases: Any) -> bool:
    return any(p in (words, lowers) or (len(p) == 1 and (p[0] in words or p[0] in lowers))
               for p in phrases)


def subtype_of(et: EventType, toks: list[Any]) -> str | None:
    words = words_of(toks)
    lowers = tuple(t.lower_ for t in toks)
    for name, phrases in et.subtypes.items():
        if name != "mixed" and phrase_in(words, lowers, phrases):
            return name
    return "mixed" if et.subtypes else None


def evidence(sent: Any) -> Evidence:
    raw = span_text(sent)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return Evidence(text, start, start + len(text))
