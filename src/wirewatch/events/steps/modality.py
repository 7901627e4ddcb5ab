"""Steps: the modality of a claim: denied, planned, hedged, or as good as its source
(a party's claim, the media's report, the text's own assertion); a conditional
("would", "could") is no claim at all."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from wirewatch.events.attribution import Attribution, Source, party_or_media, side_hint
from wirewatch.events.codebook import Codebook, Phrase
from wirewatch.events.context import Draft, SentenceContext
from wirewatch.events.dates import EventDate, find_dates
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.syntax import children_of, path_up, sent_of, span_text
from wirewatch.events.triggers import lemma_phrase_at

# How many sentences an unattributed sentence may lie after the last statement that gave
# an event and still go on with it (a bulletin's paragraphs, one after the other); set on
# events_blind5/6 and checked on events.yaml and events_unseen2's background sentences.
CONTINUATION_GAP = 2
# A bulletin tells of the last day or week; an event dated earlier than this many days
# before publication is the writer's background, not the statement going on.
CONTINUATION_DAYS = 4


_QUESTION_END = re.compile(r"\?[\"'”’)]*[ \t]*\n")


def attribute(sc: SentenceContext, d: Draft) -> bool:
    """Step: the claim chain of the trigger (claimant, conduits, the verbs of saying); a
    sentence that names no speaker may go on with the statement just made."""
    d.att = sc.doc.attributor.attribute(sc.sent, d.head, side_hint(
        sc.sent, sc.doc.book, sc.doc.lexicon.loser_verbs, sc.doc.lexicon.tally_nouns))
    if d.att.claimant is None and not d.att.conduits and not d.att.verbs:
        src = continued_statement(sc, d)
        if src is not None:
            d.att = replace(d.att, claimant=src, conduits=list(src.conduits), continued=True)
    return True


def continued_statement(sc: SentenceContext, d: Draft) -> Source | None:
    """Return the speaker an unattributed sentence goes on quoting: "Fedorov reported 512
    strikes over the past day. ¶ Russian forces also shelled Huliaipole." A bulletin's
    next paragraphs do not repeat who speaks; the writer's own background does not go
    on with it (an earlier year, "since", "had captured", "earlier")."""
    # (a headline's claim is told again below: no statement the text goes on with)
    found = [f for f in sc.found_so_far()
             if f.source is not None and f.mention.evidence.start >= sc.doc.headline_end]
    spoken = sc.doc.attributor.sources
    last = found[-1] if found else None
    if last is None:
        # "Andrii Besedin reported: ¶ Over the past day the enemy shelled ...": a post or
        # bulletin whose speaker is named before its first event
        first = spoken[0] if len(spoken) == 1 else None
        near = first is not None and \
            sc.index - sc.doc.spoke_at.get(first.name, -99) <= CONTINUATION_GAP
        return first if near and not _background(sc, d) else None
    if last.source is None or last.mention.modality not in ("claimed", "reported", "denied"):
        return None
    if sc.doc.lexicon.background_words.search(last.mention.evidence.text):
        return None  # "Earlier still, Russian forces reported ...": no bulletin to go on with
    if spoken and spoken[-1].name != last.source.name:
        # someone else has spoken since: their statement goes on when made in the sentence
        # just before ("..., Ukraine's Air Force said. Air defense downed 61 drones";
        # decision 500)
        newer = spoken[-1]
        near = sc.index - sc.doc.spoke_at.get(newer.name, -99) == 1
        return newer if near and _same_subject(sc) and not _background(sc, d) else None
    if _QUESTION_END.search(sc.doc.document.text,
                            last.mention.evidence.start, sc.sent.start_char):
        return None  # an interview's answer is not the question's statement going on
    if sc.index - last.sentence > CONTINUATION_GAP and (
            len({s.name for s in spoken}) > 1 or
            any(f.source is not None and f.source.name != last.source.name for f in found)):
        # far from the statement, in an article of several voices: the writer's own; an
        # article of one voice (a governor's post, a bulletin) goes on with it throughout
        return None
    if last.sentence == sc.index and not sc.doc.lexicon.habit_words.search(
            span_text(sc.sent)):
        # the sentence's other event went on with it already ("a drone hit a shopping
        # centre on Thursday, injuring three"; not "... because the town is regularly
        # shelled", the writer's picture)
        return last.source
    return None if _background(sc, d, last.mention.date) else last.source


def _same_subject(sc: SentenceContext) -> bool:
    """Whether a sentence goes on with what the sentence before it spoke of: a noun they
    share ("Russia launched 86 drones ... Air defense downed 61 drones"; not "more air
    defence was needed. Artillery fire damaged a school")."""
    start = sc.sent.start
    if start == 0:
        return False
    before = sent_of(sc.sent.doc[start - 1])
    nouns = {t.lemma_.lower() for t in before if t.pos_ == "NOUN"}
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in sc.sent)


def _background(sc: SentenceContext, d: Draft, period: EventDate | None = None) -> bool:
    """Whether an unattributed sentence is the writer's background or names a speaker of
    its own, so that it does not go on with the statement before it; a day inside the
    ``period`` the statement told of ("last week" … "on Thursday") is no background."""
    lex = sc.doc.lexicon
    text = span_text(sc.sent)
    if lex.background_words.search(text) or any(
            c.dep_ == "aux" and c.lower_ == "had" for c in children_of(d.head)) or any(
            t.lower_ == "since" or (t.lemma_.lower() in sc.doc.book.speech_verbs and
                                    t.pos_ == "VERB") for t in sc.sent):
        return True  # background, or a speaker of its own the attribution could not place
    places = [(p.start, p.end) for p in sc.doc.places if p.place is not None]
    if sc.sent.root not in d.tokens and any(
            c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PERSON") and
            not any(s <= c.idx < e for s, e in places)  # ("places hit were Bilozerka")
            for c in children_of(sc.sent.root)):
        # "ISW also cited footage showing ...": a named source of its own; a unit that is
        # the subject of the event itself ("Battlegroup Center took control of X") is its
        # actor, and the bulletin goes on (decision 233)
        return True
    published = sc.doc.document.published
    today = published or sc.doc.last_date
    told = (period.first_day(), period.last_day()) if period is not None and \
        period.precision == "range" else (None, None)
    for dm in find_dates(text, published, lexicon=lex):
        if dm.period_days is not None:
            continue  # "over the past week": the statement's own period, up to its day
        first_day = dm.date.first_day()
        if first_day is not None and told[0] is not None and told[1] is not None and \
                told[0] <= first_day <= told[1]:
            continue  # a day of the week the weekly address told of (decision 501)
        if first_day is not None and today is not None and \
                (today - first_day).days > CONTINUATION_DAYS:
            return True  # "Russia launched its offensive on May 10": the writer's background
    return False


def modality(sc: SentenceContext, d: Draft) -> bool:
    """Step: the draft's modality, and its claimant."""
    d.modality = modality_of(d.att, d.head, d.tokens, sc.sent, sc.doc.book, sc.doc.lexicon,
                             d.future)
    d.claimant = d.att.claimant
    return True


def not_foretold(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "the garrison will soon surrender", "Orekhov will be liberated soon": a
    future event of a type that is not announced beforehand is a prediction, no plan
    (codebook ``plans``; decision 503)."""
    return not (d.modality == "planned" and not d.type.plans)


def not_conditional(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "a fall of Lyman would bring Russian forces closer" is a hypothesis."""
    return not (d.modality == "planned" and not d.att.verbs and conditional(d.head, sc.doc.lexicon))


def negated(head: Any, toks: list[Any], lex: Lexicon) -> bool:
    """Return whether the trigger is negated ("no withdrawal", "none of the units")."""
    for t in {head, *toks}:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in children_of(t)):
            return True
    for c in children_of(head):
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                gc.dep_ == "det" and gc.lower_ in ("no",) for gc in children_of(c)):
            return True
        if c.dep_ in ("nsubjpass", "dobj") and c.lower_ in lex.negative_pronouns:
            return True  # "none of the units had been cut off", "nothing was taken"
    return False


@lru_cache(maxsize=64)
def _split_markers(markers: tuple[Phrase, ...]) -> tuple[frozenset[str], tuple[Phrase, ...]]:
    """The one-word markers' words and the longer markers (once per tuple of markers: the
    longer ones are then the same tuple, which ``lemma_phrase_at`` indexes once)."""
    return frozenset(p[0] for p in markers if len(p) == 1), tuple(p for p in markers
                                                                  if len(p) > 1)


def planned(head: Any, book: Codebook) -> bool:
    singles, longer = _split_markers(book.modality.get("planned", ()))
    prev = head
    for a in path_up(head)[:5]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in singles for c in children_of(a)):
            return True
        if prev.pos_ == "NOUN" and prev.dep_ in ("pobj", "conj", "appos"):
            break  # "use successes such as the capture of X": a past event referred to
        if a != head and a.lemma_.lower() in singles and prev.dep_ in ("xcomp", "dobj",
                                                                            "advcl", "ccomp") \
                and not (a.lemma_.lower() == "order" and prev.dep_ != "dobj"):
            # "ordered the evacuation" is a plan; "ordered troops to leave" was done
            return True
        if a.dep_ not in ("xcomp", "conj", "advcl", "dobj", "prep", "pobj", "acl") and \
                not (a.dep_ == "compound" and a.head.dep_ in ("nsubj", "nsubjpass")) and \
                not (prev.dep_ == "compound" and a.dep_ in ("nsubj", "nsubjpass")):
            break  # "an evacuation bus will leave": the vehicle's verb is the event's
        prev = a
    sent = sent_of(head)
    for phrase, i in lemma_phrase_at(sent, longer):
        tok = sent.doc[i + len(phrase) - 1]
        if any(a == tok for a in path_up(head)[1:5]) or tok.head == head or \
                (tok.i + 2 >= head.i > tok.i):
            return True
    return False


def scheduled(head: Any, lex: Lexicon) -> bool:
    """"The evacuation would begin on Monday", "evacuations will resume": an event noun
    that a verb of schedule in the future or reported future governs (decision 340)."""
    verb = head.head
    return head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and \
        verb.lemma_.lower() in lex.schedule_verbs and any(
            c.dep_ == "aux" and c.lower_ in lex.future_auxes | lex.hypothetical_auxes
            for c in children_of(verb))


def hedged(head: Any, sent: Any, book: Codebook, verbs: list[Any]) -> bool:
    markers = book.modality.get("hedged", ())
    chain = path_up(head)[:5]
    if verbs:
        # a hedge on the claim, not on the sentence around the speaker ("Russian forces have
        # reportedly advanced, with Gerasimov confirming the liberation of X")
        top = next((n for n, a in enumerate(chain) if a == verbs[0]), None)
        if top is not None:
            chain = chain[:top + 1]
    for phrase, i in lemma_phrase_at(sent, markers):
        tok = sent.doc[i]
        last = sent.doc[i + len(phrase) - 1]
        if tok.head in chain or tok in chain or last in chain or last.head in chain:
            return True
        if any(a in chain for a in path_up(last)[1:3]):
            return True
    return False


def conditional(head: Any, lex: Lexicon) -> bool:
    """Return whether the trigger's clause is a conditional ("would", "could") rather than
    a plan (a plan is announced by someone, or says "will")."""
    for a in path_up(head)[:4]:
        auxes = {c.lower_ for c in children_of(a) if c.dep_ in ("aux", "auxpass")}
        if auxes & lex.future_auxes:
            return False
        if auxes & lex.conditional_auxes:
            return True
    return False


def denied_claim_noun(head: Any, book: Codebook, lex: Lexicon) -> bool:
    """'Claims about the capture of X are not true': the trigger sits in a claim said false."""
    return false_claim_noun(head, book, lex) is not None


def false_claim_noun(head: Any, book: Codebook, lex: Lexicon) -> Any | None:
    """The claim noun a trigger sits in when it is said false ("the ministry's claim about
    the capture of X is false": "claim"), else None."""
    for a in path_up(head)[1:5]:
        if a.lemma_.lower() in book.claim_nouns and a.pos_ == "NOUN" and a.dep_ == "nsubj":
            return a if says_false(a.head, lex) else None
    return None


def says_false(pred: Any, lex: Lexicon) -> bool:
    """Whether a "be" says its subject false ("is false", "are fake", "was not true")."""
    negated = any(c.dep_ == "neg" for c in children_of(pred))
    return any(c.dep_ in ("acomp", "attr") and (
        c.lower_ in lex.denial_words or (negated and c.lower_ in lex.truth_words))
        for c in children_of(pred))


def modality_of(att: Attribution, head: Any, toks: list[Any], sent: Any, book: Codebook,
                lex: Lexicon, future_date: bool) -> str:
    """Return the modality of a claim (the first that applies)."""
    if att.denial or negated(head, toks, lex) or denied_claim_noun(head, book, lex):
        return "denied"
    if planned(head, book) or future_date or scheduled(head, lex):
        return "planned"
    if att.hedged or hedged(head, sent, book, att.verbs):
        return "hedged"
    if att.claimant is not None:
        return party_or_media(att.claimant, book)
    if att.conduits:
        return "reported"
    return "asserted"
