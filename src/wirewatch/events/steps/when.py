"""Steps: the dates of an event. The date of the trigger's own clause, the date its claim
was made on, a future clause for what is planned; then the one date the mention gets
(its own, its claim's, its speaker's earlier one, the publication's) and the date of
the strike whose losses these are."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from wirewatch.events.context import Draft, Found, SentenceContext
from wirewatch.events.dates import (
    UNKNOWN,
    DateMention,
    EventDate,
    find_dates,
    publication_date,
    since_range,
)
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.numbers import Count
from wirewatch.events.steps.place import STRIKE_LOSSES_SENTENCES
from wirewatch.events.syntax import (
    children_of,
    is_under,
    path_up,
    sent_of,
    span_text,
    token_at,
    tree_distance,
)

CLAUSE_BLOCK = {"relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp"}
# A statement goes on telling of the day of its events when they fell this many days or
# fewer before it (a morning report of the day before, a weekend told on Monday); set on
# events_blind13-16's continued statements (decision 311).
STATEMENT_LAG_DAYS = 3


def dates(sc: SentenceContext, d: Draft) -> bool:
    """Step: the date of the trigger's own clause and the date of its claim."""
    doc = sc.doc.document
    d.date_tokens = date_tokens(sc.sent, find_dates(span_text(sc.sent), doc.published,
                                                    sc.doc.last_date, lexicon=sc.doc.lexicon))
    # dates under another event's noun phrase are that event's ("since the capture
    # of X in May 2023"); a simultaneous clause's date is shared
    pdoc = sc.sent.doc
    d.other_events = {i for i in sc.trigger_tokens - set(d.trigger.tokens)
                      if pdoc[i].pos_ == "NOUN" and not _during(pdoc[i], d.head)}
    same = frozenset(i for t in sc.triggers if t is not d.trigger and
                     t.type == d.trigger.type for i in t.tokens) & d.other_events
    d.own = own_date(d.head, d.date_tokens, d.att.verbs[0] if d.att.verbs else None,
                     sc.doc.lexicon, d.other_events, same)
    d.claim = claim_date(d.att.verbs, d.head, d.date_tokens, sc.doc.lexicon)
    if d.own is None and d.att.verbs:
        # "Since February 2022, the mission has verified 13,580 deaths": a "since" on the
        # verb of saying is the period of the figure it gives (decision 408)
        d.own = next((dm for tok, dm in d.date_tokens if dm.since and
                      (dm.date.precision != "day" or _long_since(dm, sc.doc.lexicon)) and
                      path_clear(tok, d.att.verbs[0], sc.doc.lexicon, allow_acl=True)), None)
    d.future = bool(d.own and d.own.date.value and doc.published and
                    (d.own.date.first_day() or doc.published) > doc.published)
    return True


def _during(noun: Any, head: Any) -> bool:
    """Whether an event noun only times the trigger ("destroyed three tanks during an
    attempted assault on Monday"): its date is the trigger's too (decision 292)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("during", "amid") and prep.head == head


def future_date(sc: SentenceContext, d: Draft) -> bool:
    """Step: a planned event's own weekday looks forward ("will travel on Saturday"); the
    claim's date stays where it is ("said on Tuesday they planned to ...")."""
    if d.modality != "planned":
        return True
    doc = sc.doc.document
    fdts = date_tokens(sc.sent, find_dates(span_text(sc.sent), doc.published,
                                           sc.doc.last_date, future=True,
                                           lexicon=sc.doc.lexicon))
    fown = own_date(d.head, fdts, d.att.verbs[0] if d.att.verbs else None, sc.doc.lexicon,
                    d.other_events)
    if fown is not None and future_clause(fown, fdts, sc.doc.lexicon):
        d.own = fown
    return True


def when(sc: SentenceContext, d: Draft) -> bool:
    """Step: the one date of the mention; losses take the date of their strike, and its
    speaker when they have none ("The driver died at the scene")."""
    d.when = choose_date(sc, d, d.count)
    strike = linked_strike(sc, d)
    d.linked = strike.mention.date if strike is not None else None
    if d.linked is not None:
        d.when = d.linked
    if strike is not None and d.claimant is None and not d.att.conduits and \
            strike.source is not None and d.modality == "asserted":
        d.claimant = strike.source
        d.modality = strike.mention.modality
        d.att = replace(d.att, conduits=list(strike.mention.conduit))
    return True


def in_conflict(sc: SentenceContext, d: Draft) -> bool:
    """Guard: events dated before the conflict began belong to other wars."""
    return not (d.when.year() is not None and (d.when.year() or 0) <
                sc.doc.book.conflict_start_year)


def date_tokens(sent: Any, dms: list[DateMention]) -> list[tuple[Any, DateMention]]:
    out = []
    for dm in dms:
        tok = token_at(sent.doc, sent.start_char + dm.start, sent.start_char + dm.end)
        if tok is not None:
            out.append((tok, dm))
    return out


def path_clear(tok: Any, top: Any, lex: Lexicon, allow_acl: bool = False,
               others: set[int] | frozenset[int] = frozenset()) -> bool:
    """Return whether ``tok`` hangs on ``top`` without passing through another clause
    (a "since" clause and, for simultaneous events, a "when"/"while" clause are the
    trigger's own) or through another event's phrase (``others``)."""
    for a in path_up(tok):
        if a == top:
            return True
        if a.i in others:
            return False
        if a.dep_ in ("advcl", "conj", "acl") and a.tag_ == "VBN" and \
                a.lemma_.lower() in lex.loss_participles and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(a)):
            # "lost 1,040 soldiers killed and wounded over the previous day", "lost 31,000
            # soldiers killed and wounded in October" (the participles an acl; decision 517)
            continue
        if a.dep_ == "acl" and not allow_acl:
            return False
        if a.dep_ == "advcl" and any(c.lower_ in ({"since"} | lex.simultaneous_marks) and
                                     c.dep_ in ("mark", "advmod", "prep")
                                     for c in children_of(a)):
            continue
        if a.dep_ in CLAUSE_BLOCK and not (a.dep_ == "xcomp" and a.head == top):
            return False
        if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX"):
            return False
    return False


def own_date(head: Any, dts: list[tuple[Any, DateMention]], stop: Any | None, lex: Lexicon,
             others: set[int] | frozenset[int] = frozenset(),
             same: set[int] | frozenset[int] = frozenset()) -> DateMention | None:
    """Return the date attached to the trigger's own clause (up to the claim's verb);
    ``same``: the nouns of other triggers of the same type, whose date it may share."""
    for a in path_up(head)[1:]:
        if stop is not None and a == stop:
            break
        for tok, dm in dts:
            s, e = sent_of(tok).start_char + dm.start, sent_of(tok).start_char + dm.end
            if s <= a.idx < e:
                return dm
            if a.lemma_.lower() in lex.time_nouns and 0 <= a.idx - e <= 12:
                return dm
    best: tuple[int, DateMention] | None = None
    chain = []
    for a in path_up(head):
        if stop is not None and a == stop:
            break
        chain.append(a)
    for tok, dm in dts:
        for a in chain:
            if path_clear(tok, a, lex, others=others):
                d = tree_distance(head, tok)
                if best is None or d < best[0]:
                    best = (d, dm)
                break
    if best is None:
        best = _in_participle(head, chain, dts, lex, others)
    if best is None and same:
        # "an attack on Friday damaged a gas pipeline": a noun of the same event before
        # the verb, under it, gives its date (decision 498)
        for noun in (n for n in head.doc[sent_of(head).start:head.i] if n.i in same and
                     head in path_up(n)):
            for tok, dm in dts:
                if tok.i > noun.i and path_clear(tok, noun, lex):
                    return dm
    if best is None:
        # "killed a driver and wounded eleven passengers on Saturday": a date closing a
        # coordination of verbs applies to each of them
        for a in chain:
            if a.pos_ not in ("VERB", "AUX"):
                continue
            for c in [*children_of(a), a.head]:
                if c.pos_ != "VERB" or not ((c.dep_ == "conj" and c.head == a) or
                                            (a.dep_ == "conj" and a.head == c)):
                    continue
                for tok, dm in dts:
                    if tok.i > c.i and path_clear(tok, c, lex, others=others):
                        return dm
    return best[1] if best else None


def _in_participle(head: Any, chain: list[Any], dts: list[tuple[Any, DateMention]],
                   lex: Lexicon, others: set[int] | frozenset[int]
                   ) -> tuple[int, DateMention] | None:
    """"struck a minibus carrying farm workers near Rylsk on Wednesday morning": the parse
    hangs the day on the present participle describing the target, which happens as the
    event does (decision 509)."""
    for tok, dm in dts:
        participles = [a for a in path_up(tok)[1:] if a.dep_ == "acl" and a.tag_ == "VBG"]
        if len(participles) != 1 or participles[0].i in others:
            continue
        for a in chain:
            if path_clear(tok, a, lex, allow_acl=True, others=others):
                return tree_distance(head, tok), dm
    return None


def future_clause(dm: DateMention, dts: list[tuple[Any, DateMention]], lex: Lexicon
                  ) -> bool:
    """Return whether a date sits in a clause about the future ("will travel on Saturday"),
    not in one about the past ("ordered the evacuation on Monday")."""
    tok = next((t for t, d in dts if d is dm), None)
    if tok is None:
        return False
    for a in path_up(tok)[1:]:
        if a.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_clause_auxes
                       for c in children_of(a)) or (a.tag_ in ("VB", "VBZ", "VBP") and any(
                c.lower_ == "to" for c in children_of(a)))
    return False


def claim_date(verbs: list[Any], head: Any, dts: list[tuple[Any, DateMention]], lex: Lexicon
               ) -> DateMention | None:
    """Return the date the claim was made on: one attached to a verb of saying, outside
    the event's own clause."""
    for v in verbs:
        # "ordered X on Monday and said Y": the coordinated verb's date is the claim's
        for w in [v, *([v.head] if v.dep_ == "conj" else [])]:
            for tok, dm in dts:
                if (dm.since and (dm.date.precision != "day" or _long_since(dm, lex))) or \
                        is_under(head, tok) or \
                        not path_clear(tok, w, lex, allow_acl=True):
                    # (a statement is made on a day, not "since February 2022"; "since
                    # the beginning of Wednesday" is the day it tells of)
                    continue
                branch = next((c for c in children_of(w) if is_under(head, c)), None)
                if branch is not None and is_under(tok, branch):
                    continue
                return dm
    return None


def _same_period(sc: SentenceContext) -> EventDate | None:
    """The date of the figure told just before, for "destroyed two tanks over the same
    period" (decision 537), or None."""
    if not sc.doc.lexicon.same_period.search(span_text(sc.sent)):
        return None
    return next((f.mention.date for f in reversed(sc.doc.found)
                 if f.mention.date.value and f.mention.date.precision in ("range", "month")),
                None)


def _long_since(dm: DateMention, lex: Lexicon) -> bool:
    """Whether "since X" opens a long period ("since the start of the year": a tally's,
    never the day a statement was made on; decision 500), unlike "since the beginning of
    Wednesday"). A day written out ("since 24 February 2022", "since August 6") opens a
    running total too; a weekday ("since Monday morning") may be the day told of."""
    return bool(lex.long_since.search(dm.date.surface or "")) or (
        dm.date.precision == "day" and dm.date.basis == "explicit")


def choose_date(sc: SentenceContext, d: Draft, count: Count | None) -> EventDate:
    """Return the event's date: its own, else its claim's, else the context's."""
    own, claim, claimant, att, modality = d.own, d.claim, d.claimant, d.att, d.modality
    doc, si, sent = sc.doc.document, sc.index, sc.sent
    claim_date = claim.date if claim else None
    context_date = lead_day = None
    adds = False
    if claim_date is None and claimant is not None and modality != "planned":
        # the same speaker as earlier in the article: the date it spoke on; failing that,
        # the day of the event it spoke of ("... shelled Kupiansk on Monday. He added that
        # two civilians were killed")
        earlier = sc.doc.attributor.find(claimant.name)
        if earlier is not None:
            claim_date = earlier.claim_date
            # "..., Gladkov added": the same statement going on (decision 401)
            adds = any(v.lemma_.lower() == "add" for v in att.verbs[:1])
            if att.carried or att.continued or adds:
                context_date = earlier.event_date
                lead_day = context_date if earlier.event_with_claim else None
    if own is not None:
        if own.since:
            # "issued ... since 2019" runs to now; "held / encircled since X" started then
            if count is not None or not d.behaviour.state:
                end = claim_date.last_day() if claim_date and claim_date.precision == "day" \
                    else doc.published
                first = own.date.first_day()
                if end is not None and own.period_days:
                    # "said on Monday that over the past week ...": the week up to Monday
                    start = end - timedelta(days=own.period_days - 1)
                    return since_range(replace(own.date, value=start.isoformat()), end)
                if end is not None and first is not None and end <= first:
                    end = doc.published
                return since_range(own.date, end)
            return own.date
        return own.date
    same = _same_period(sc)
    if same is not None and modality != "planned":
        return same
    if (att.continued or att.carried or adds) and context_date is not None and \
            context_date.precision == "range" and modality != "planned" and \
            not sc.doc.lexicon.day_period.search(span_text(sent)):
        # "Over the weekend, troops shelled 37 settlements, the governor said on Monday.
        # Drones struck Beryslav.": the bulletin's period, not the day it was told
        return EventDate(context_date.value, context_date.precision, context_date.basis,
                         context_date.surface)
    if _day_before_claim(lead_day, claim_date) and modality != "planned" and \
            not sc.doc.lexicon.day_period.search(span_text(sent)):
        # "... attacked the Nikopol district on Tuesday, Lysak reported on Wednesday. ¶
        # Nikopol itself came under fire": the day of the events the statement tells of
        assert lead_day is not None
        return EventDate(lead_day.value, "day", lead_day.basis, lead_day.surface)
    if claim_date is not None:
        return EventDate(claim_date.value, claim_date.precision, claim_date.basis,
                         claim_date.surface)
    if modality == "planned":
        return UNKNOWN
    if modality == "denied" and att.verbs and att.verbs[0].dep_ == "ROOT" and \
            doc.published is not None:
        return publication_date(doc.published)  # an undated denial: news of the day
    if context_date is not None:
        return EventDate(context_date.value, context_date.precision, context_date.basis,
                         context_date.surface)
    if sc.doc.report_day is not None and modality != "planned" and \
            not sc.doc.lexicon.background_words.search(span_text(sent)):
        return _report_or_publication(sc)  # a report's events are of the day it covers
    story_day = _story_day(sc, d)
    if story_day is not None:
        # "Russian artillery also pounded Stanislav": the day of the story told so far
        return EventDate(story_day.isoformat(), "day", "relative")
    past = doc.published is not None and any(
        (dm.date.year() or doc.published.year) < doc.published.year
        for dm in find_dates(span_text(sent), doc.published, lexicon=sc.doc.lexicon))
    # the lead is news of the day; so is a later claim that names its claimant and gives
    # no day of its own ("the ministry said it had destroyed 21 drones")
    news = si < 2 or (claimant is not None and
                      modality in ("claimed", "reported", "denied", "hedged")) or \
        (sc.doc.outlet_speaks and claimant is None) or \
        (sc.doc.last_date is not None and sc.doc.last_date == doc.published)
    # (and any sentence of a story whose last day told is the day of publication, after a
    # headline too: "RUSSIAN ARMY FREES X ¶ ... on Wednesday. The formations lost ...";
    # decision 500)
    if news and not sc.doc.lexicon.background_words.search(span_text(sent)) and not past:
        return _report_or_publication(sc)
    if (att.verbs or claimant is not None) and \
            sc.doc.lexicon.past_day.search(span_text(sent)):
        # "lost 1,250 soldiers over the past day", said in a statement of the day's news
        return _report_or_publication(sc)
    return UNKNOWN


def _report_or_publication(sc: SentenceContext) -> EventDate:
    """The day a report's title says it covers, else the publication's (decision 402)."""
    if sc.doc.report_day is not None:
        return EventDate(sc.doc.report_day.isoformat(), "day", "explicit")
    return publication_date(sc.doc.document.published)


def _day_before_claim(event: EventDate | None, claim: EventDate | None) -> bool:
    """Whether a statement's event fell on a day shortly before the statement (a daily
    report of the day before, a weekend told on Monday), so that what the statement goes
    on to tell is of that day too."""
    if event is None or claim is None or event.precision != "day" or \
            claim.precision != "day":
        return False
    first, said = event.first_day(), claim.first_day()
    return first is not None and said is not None and \
        0 < (said - first).days <= STATEMENT_LAG_DAYS


def _story_day(sc: SentenceContext, d: Draft) -> date | None:
    """The day an undated event goes on with ("also pounded Stanislav" after a strike on
    Tuesday; decision 295): the day the story told last, before publication, else None."""
    last = sc.doc.last_date
    published = sc.doc.document.published
    if last is None or (published is not None and last >= published) or \
            sc.doc.lexicon.background_words.search(span_text(sc.sent)):
        return None
    also = any(c.dep_ == "advmod" and c.lower_ in sc.doc.lexicon.same_story_adverbs
               for c in children_of(d.head))
    return last if also else None


def linked_strike(sc: SentenceContext, d: Draft) -> Found | None:
    """Return the date of the strike whose losses these are ("a drone struck the station in
    X on Friday; two people were killed", "the driver died at the scene"): losses with no
    date of their own, at the place of a dated strike of this or the previous sentence."""
    if not d.behaviour.losses or d.own is not None or not d.places:
        return None
    place = d.places[0][0]
    if place is None:
        return None
    for f in reversed(sc.found_so_far()):
        if sc.index - f.sentence > STRIKE_LOSSES_SENTENCES:
            break
        m = f.mention
        if sc.doc.behaviour(m.type).strike and m.place is not None and \
                m.place.geonameid == place.geonameid and m.date.value and \
                m.date.basis != "publication":
            return f
    return None


def day_of_statement(d: Draft, total: EventDate) -> EventDate:
    """The date of a day's part of a running total ("including 1,170 over the past day"):
    the day the statement was made, else the last day of the total's range."""
    if d.claim is not None and d.claim.date.precision == "day":
        return d.claim.date
    if total.precision == "range" and total.value:
        end = total.value.split("/")[1]
        # an open-ended total ("since 2022", no publication date) has no known last day
        return EventDate(end, "day", total.basis) if end != ".." else UNKNOWN
    return total


def running_since(sc: SentenceContext, when: EventDate) -> EventDate:
    """The period of a running total written without its start ("10,715 tanks (+3)" after
    a lead "losses since February 24, 2022 ..."): from the start of the article's latest
    running total up to this one's day."""
    if when.precision != "day" or not when.value:
        return when
    for f in reversed([*sc.doc.found, *sc.produced]):
        d = f.mention.date
        if f.mention.aggregate and d.precision == "range" and d.value:
            start = d.value.split("/")[0]
            if start <= when.value:
                return EventDate(f"{start}/{when.value}", "range", d.basis)
    return when
