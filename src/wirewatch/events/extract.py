"""The event stage: parsed documents and their places in, event mentions out.

For each sentence: find the codebook's trigger phrases (on lemmas), drop those
that are not events (threats, attempts, hypotheticals, adjectives), tie each to
the places, counts and dates the parse attaches to it, read its claim chain
(claimant, conduits) and modality, and resolve references to earlier
sentences ("the town", "he added", "the following day"). A denial of an
earlier claim ("rejected the claim on Tuesday") becomes its own mention.
Claims restated inside one article are kept once, with their first evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from wirewatch.document import Document
from wirewatch.events.attribution import (
    Attribution,
    Attributor,
    Source,
    learn_people,
    party_or_media,
    side_hint,
    side_of,
)
from wirewatch.events.codebook import Codebook, EventType, load_codebook
from wirewatch.events.dates import (
    UNKNOWN,
    DateMention,
    EventDate,
    find_dates,
    publication_date,
    since_range,
)
from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.events.models import EventMention, Evidence, Party
from wirewatch.events.numbers import VAGUE, Count, count_from_token, is_number_token
from wirewatch.events.syntax import (
    index_document,
    is_under,
    noun_chunks_of,
    path_up,
    sent_of,
    span_text,
    subject_of,
    text_of,
    token_at,
    tree_distance,
)
from wirewatch.events.triggers import Trigger, lemma_phrase_at, match_triggers, phrase_before
from wirewatch.events.where import (
    Candidate,
    anaphor,
    anchor,
    attach,
    candidates,
    direction,
    is_container,
    linear,
    low_confidence,
    object_place,
    passport_places,
    resolve_anaphor,
)
from wirewatch.places.models import Place, PlaceMention

PARTIAL = re.compile(r"\b(?:(?:southern|northern|eastern|western|central|south-eastern|"
                     r"north-eastern|south-western|north-western)\s+(?:part|parts|outskirts|"
                     r"districts?|half|quarters?|neighbourhoods?|neighborhoods?|edge)|part of|"
                     r"parts of|\d+\s*(?:per ?cent|percent|%)\s+of|half of|most of|a third of|"
                     r"some of|several (?:districts|streets)|districts of|quarters? of|"
                     r"neighbou?rhoods? of)\b", re.I)
FULL = re.compile(r"\b(?:fully|full|whole|entire|entirely|completely|complete)\b", re.I)
BACKGROUND = re.compile(r"\b(?:earlier|previously|before that|in the past|last year|"
                        r"already|back in|years ago|long before|first)\b", re.I)
AGGREGATE = re.compile(r"\b(?:in total|a total of|so far|to date|altogether|in all|"
                       r"over the past|alone|times|since)\b", re.I)
NEGATION = {"not", "no", "never", "n't", "none", "nothing"}
NEGATIVE_PRONOUNS = {"none", "nothing", "nobody", "no-one"}
TIME_NOUNS = {"day", "night", "morning", "evening", "year", "month", "week", "time", "date"}
DENIAL_WORDS = {"untrue", "false", "fabricated", "fake", "lie", "lies", "fantasy", "fabrication",
                "baseless", "propaganda", "nonsense", "groundless", "disinformation"}
INFINITIVE_OK = {"order", "decide", "manage", "force", "compel", "choose", "agree", "be",
                 "have"}
CLAUSE_BLOCK = {"relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp"}
COLLECTIVE = {"group", "unit", "column", "batch", "total", "number", "contingent", "party"}


@dataclass
class _Found:
    """A mention in the making, with what later sentences need to know about it."""

    mention: EventMention
    source: Source | None
    sentence: int
    place_mention: PlaceMention | None = None
    count_key: int | None = None
    subtypes: set[str] = field(default_factory=set)


@dataclass
class _State:
    attributor: Attributor
    lexicon: Lexicon
    found: list[_Found] = field(default_factory=list)
    last_date: date | None = None
    types_seen: set[str] = field(default_factory=set)


def _words(toks: Sequence[Any]) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in toks)


def _phrase_in(words: tuple[str, ...], lowers: tuple[str, ...], phrases: Any) -> bool:
    return any(p in (words, lowers) or (len(p) == 1 and (p[0] in words or p[0] in lowers))
               for p in phrases)


# -- trigger filters ------------------------------------------------------------------------

def _not_an_event(trig: Trigger, toks: list[Any], head: Any, sent: Any, et: EventType,
                  book: Codebook) -> bool:
    """Return whether a trigger is not an event: a threat, an attempt, a hypothetical..."""
    first = toks[0]
    if phrase_before(sent, first.i, book.not_event_before):
        return True
    for a in path_up(head)[:4]:
        if any(c.dep_ == "mark" and c.lemma_.lower() in book.not_event_marks
               for c in a.children):
            return True
        if a.dep_ not in ("xcomp", "conj", "aux", "prep", "pobj", "dobj", "acl"):
            break
    if len(toks) == 1 and et.not_as_modifier and first.dep_ in ("compound", "amod", "nmod"):
        return True  # "a passport office"
    if first.dep_ == "compound" and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True  # a heading ("EVACUATION NOTICE"), not a claim
    if trig.phrase in et.stative:
        if first.head.pos_ in ("NOUN", "PROPN"):
            return True  # "the part of the Donbas still under Ukrainian control"
        for a in path_up(head)[:3]:
            if any(c.dep_ in ("mark", "advmod") and c.lower_ in (
                    "while", "when", "as", "since", "after", "before", "until")
                   for c in a.children):
                return True
        if head.lemma_.lower() in book.continuation_words or any(
                c.lower_ in book.continuation_words and c.dep_ == "advmod"
                for c in head.children):
            return True  # "X remained under Ukrainian control": no change of hands
    if any(c.dep_ in ("aux",) and c.lower_ in ("could", "might", "may") for c in head.children):
        return True
    for a in path_up(head)[:3]:
        # "losing the town would leave Ukraine without ...": a hypothesis
        if a.dep_ in ("csubj", "nsubj") and any(
                c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may")
                for c in a.head.children) and \
                a.head.lemma_.lower() not in book.continuation_words:
            return True  # ("the evacuation would continue next week" is a plan)
        if a.dep_ not in ("compound", "amod", "prep", "pobj", "dobj"):
            break
    # an event that is only a prospect ("the timeline for the liberation of X", "no risk of
    # the town being surrounded")
    for a in path_up(head)[1:4]:
        if a.lemma_.lower() in book.not_event_heads and a.pos_ == "NOUN":
            return True
        if a.pos_ == "VERB" and head.pos_ == "NOUN":
                # "debated the timeline for the liberation of X" (the phrase misattached)
                if head.dep_ == "pobj" and any(c.dep_ == "dobj" and c.lemma_.lower() in
                                               book.not_event_heads for c in a.children):
                    return True
                break
    # a habit in the present tense ("drones now strike roads every day", "a unit which
    # carries out most evacuations"), not a reported event
    noun = head
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the issuance of passports underscores ...": commentary
    verb = noun.head if noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "nsubj") else head
    if verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children) and \
            (verb.lemma_.lower() not in book.speech_verbs or
             (noun.pos_ == "NOUN" and noun.dep_ == "nsubj")):
        return True
    if len(toks) == 1 and first.pos_ == "NOUN":
        text = text_of(first.doc)
        if text[max(0, first.idx - 1):first.idx] in ("\"", "“", "'", "‘") and \
                text[first.idx + len(first):first.idx + len(first) + 1] in ("\"", "”", "'", "’"):
            return True  # described as an "evacuation": scare quotes, not a claim of one
    # a participle used as an adjective ("the abandoned dugout", "surrounding villages")
    if len(toks) == 1 and first.dep_ == "amod" and not _perfect_misparsed(first) and \
            not _result_predicate(first) and \
            first.tag_ in ("VBN", "VBG", "JJ") and \
            first.head.ent_type_ not in ("GPE", "LOC", "FAC") and \
            first.head.pos_ != "PROPN":
        return True
    if len(toks) == 1 and first.pos_ == "ADJ" and first.dep_ == "amod" and \
            first.lemma_.lower() not in ("dead", "injured", "wounded"):
        return True
    planners = {p[0] for p in book.modality.get("planned", ()) if len(p) == 1}
    gov = head.head
    if head.dep_ in ("dobj", "xcomp") and gov.pos_ == "VERB" and \
            gov.lemma_.lower() in planners and any(c.dep_ == "neg" for c in gov.children):
        return True  # "have not ordered an evacuation": no plan, and no claim to deny
    if et.needs_people and not _people_or_place(head, book):
        return True  # "all its guns had been evacuated"
    # a purpose infinitive ("an assault to take X", "moved in to take X") is no event;
    # an infinitive under a plan, an order or a claim is ("plan to storm", "ordered to leave")
    if trig.type != "offensive.launched" and head.tag_ == "VB" and \
            any(c.lower_ == "to" and c.dep_ == "aux" for c in head.children) and \
            head.head.lemma_.lower() not in INFINITIVE_OK and \
            head.head.lemma_.lower() not in book.speech_verbs and \
            (head.head.lemma_.lower(),) not in book.modality.get("planned", ()):
        return True
    # a speech verb is no event ("reported", "claimed"), unless casualty words ("lost")
    return bool(head.lemma_.lower() in book.speech_verbs and trig.type != "casualties" and
                len(toks) == 1 and head.lemma_.lower() != "claim")


def _perfect_misparsed(tok: Any) -> bool:
    """Return whether a participle read as an adjective is the verb of a perfect tense
    ("had stolen cattle, tractors and grain" parsed as "had [stolen cattle]")."""
    if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.head.i <= tok.i:
        return False
    have = tok.head.head
    if have.lemma_.lower() != "have" or have.i >= tok.i or tok.head.dep_ != "dobj":
        return False
    return all(t.pos_ == "ADV" for t in tok.doc[have.i + 1:tok.i])


def _result_predicate(tok: Any) -> bool:
    """Return whether an adjective after its noun is what an event left it ("leaving two
    pensioners dead", parsed as a modifier of the object of "leave")."""
    noun = tok.head
    return bool(tok.dep_ == "amod" and tok.i > noun.i and noun.dep_ == "dobj" and
                noun.head.lemma_.lower() == "leave")


def _people_or_place(head: Any, book: Codebook) -> bool:
    """Return whether what a trigger moves is people or a place (or is left unsaid)."""
    people = book.count_nouns.get("people", frozenset())
    towns = book.place_anaphora.get("city", frozenset()) | {"area", "district", "region",
                                                            "border", "zone", "village"}
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "of" and
                                              head.pos_ == "NOUN"):
            n = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" \
                else c
            if n is None:
                continue
            if n.pos_ == "VERB":
                # "people still living in X would be taken to ...": the clause's subject
                n = next((g for g in n.children if g.dep_ == "nsubj"), n)
            low = {n.lemma_.lower(), n.lower_}
            if low & people or low & towns or n.pos_ in ("PROPN", "NUM", "PRON") or \
                    n.lower_ in VAGUE or n.ent_type_ in ("GPE", "LOC"):
                continue
            if any(g.dep_ == "prep" and g.lower_ == "of" for g in n.children):
                continue  # "families with children", "residents of X"
            return False
    return True


def _needs_object_ok(trig: Trigger, toks: list[Any], head: Any, et: EventType,
                     chosen: list[Candidate], ref: Any, book: Codebook) -> bool:
    if len(trig.phrase) > 1 or trig.phrase[0] not in et.needs_object:
        return True
    if head.pos_ == "NOUN":  # "the capture of X"
        return True
    targets = [c.tok for c in chosen] + ([ref] if ref is not None else [])
    if object_place(head, toks, targets):
        return True
    if trig.type == "territory.encircled" and any(c.dep_ in ("nsubjpass", "auxpass")
                                                  for c in head.children):
        return True  # "the town had been encircled", "troops were surrounded"
    for c in head.children:  # "abandoned their positions in Vuhledar"
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in et.object_nouns and \
                (any(is_under(t, c) for t in targets) or trig.type == "territory.encircled"):
            return True
    if any(t.dep_ == "dobj" and t.head.lemma_.lower() in LIST_VERBS for t in targets):
        return True  # "listed X among the villages it had taken"
    if head.dep_ == "advcl" and head.tag_ == "VBN" and any(
            t.dep_ == "nsubj" and t.head == head.head for t in targets):
        return True  # "Occupied since 2022, Melitopol is ..."
    # a place written right after the verb is its object even where the parse says otherwise
    return any(t.i > head.i and t.head == head and t.dep_ not in ("prep", "agent", "nsubj")
               for t in targets) or bool(linear(toks, chosen, et))


LIST_VERBS = {"list", "include", "name", "count", "add"}


def _listed_among(head: Any, cands: list[Candidate], book: Codebook) -> list[Candidate]:
    """Return the place a speaker lists among the places an event befell ("listed X among
    the settlements it said its troops had liberated"), however the parse hangs the clause."""
    towns = book.place_anaphora.get("city", frozenset())
    for c in cands:
        verb = c.tok.head
        if c.excluded or c.tok.dep_ != "dobj" or verb.lemma_.lower() not in LIST_VERBS:
            continue
        among = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"
                 for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in towns]
        if among and among[0].i < head.i and head.i - among[0].i <= 10:
            return [c]
    return []


def _military_subject_ok(trig: Trigger, head: Any, et: EventType, book: Codebook) -> bool:
    if trig.phrase[0] not in et.needs_military_subject:
        return True
    if any(c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "without")
           for c in head.children):
        return False  # "left the town without power", "fields were left unsown": a result
    subj = None
    for a in path_up(head)[:3]:
        subj = next((c for c in a.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            break
        if a.dep_ == "advcl" and a.tag_ == "VBG":
            # "a drone attack damaged X, leaving ...": the participle's subject is its head's
            subj = next((c for c in a.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                break
        dobj = next((c for c in a.head.children if c.dep_ == "dobj"), None) \
            if a.dep_ == "xcomp" else None
        if dobj is not None:
            subj = dobj
            break
        if a.dep_ not in ("xcomp", "conj"):
            break
    if subj is None:
        return True
    if subj.dep_ == "csubj":
        return False
    return subj.lemma_.lower() in book.military_nouns or subj.lower_ in book.military_nouns


# -- counts ---------------------------------------------------------------------------------

def _count_nouns(head: Any, toks: list[Any]) -> list[Any]:
    """Return the nouns a trigger counts: its subject, object, or the noun it describes."""
    out: list[Any] = []
    heads = [head]
    if head.dep_ == "conj":
        heads.append(head.head)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "npadvmod", "oprd"):
                out.append(c)
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "to", "among"):
                out.extend(gc for gc in c.children if gc.dep_ == "pobj")
        if h.dep_ in ("acl", "amod", "relcl") and h.head.pos_ in ("NOUN", "PROPN", "NUM"):
            out.append(h.head)
        # a result clause: "..., leaving two workers wounded" (however the parse hangs the
        # participle on "leave", the people are the object of "leave")
        leave = [h.head] if h.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and \
            h.head.lemma_.lower() == "leave" else []
        leave += [c for c in h.children if c.dep_ in ("csubj", "advcl") and
                  c.lemma_.lower() == "leave" and c.i < h.i]
        if h.dep_ in ("advcl", "xcomp", "conj"):  # "leaving" and "wounded" as sisters
            leave += [c for c in h.head.children if c.dep_ in ("advcl", "xcomp", "conj") and
                      c.lemma_.lower() == "leave" and c.i < h.i and
                      any(g.dep_ == "dobj" and g.i < h.i for g in c.children)]
        for lv in leave:
            out.extend(c for c in lv.children if c.dep_ == "dobj")
        if h.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            # "nine marines are said to have surrendered": the raising verb's subject
            out.extend(c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        if h.pos_ == "NOUN" and h.dep_ in ("nsubj", "nsubjpass", "dobj"):
            # "losses reached 210 servicemen", "passports ... residents collected"
            for c in h.head.children:
                if c != h and c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
                    out.append(c)
    for t in toks:
        if t.pos_ == "NOUN" and t != head:
            out.append(t)
    if head.pos_ == "NOUN":
        out.append(head)
    return out


def _count_of_noun(noun: Any, nouns_ok: frozenset[str] | None, book: Codebook,
                   singular: bool = True) -> tuple[Count | None, int | None]:
    """Return the count written on a noun ("three people", "hundreds of soldiers", "a man")."""
    noun_words = {noun.lemma_.lower(), noun.lower_}
    if noun.lemma_.lower() in COLLECTIVE:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for gc in c.children:
                    if gc.dep_ == "pobj":
                        return _count_of_noun(gc, nouns_ok, book, singular)
    if is_number_token(noun) or noun.lower_ in VAGUE:
        # "injuring 17", "hundreds of Ukrainian soldiers", "a further 95 were wounded"
        of = [gc for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for gc in c.children if gc.dep_ == "pobj"]
        if of and nouns_ok is not None and not ({of[0].lemma_.lower(), of[0].lower_} & nouns_ok):
            return None, None
        return count_from_token(noun), noun.i
    if nouns_ok is not None and not (noun_words & nouns_ok):
        return None, None
    if noun.dep_ == "conj" and not any(c.dep_ in ("nummod", "det") for c in noun.children):
        # "more than 10,000 artworks and artefacts": the conjuncts share the figure
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        if first.pos_ == "NOUN":
            return _count_of_noun(first, None, book, singular)
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in VAGUE) or (
                c.dep_ == "det" and c.lower_ in ("several", "dozens", "hundreds")) or (
                c.dep_ in ("compound", "nmod", "amod") and is_number_token(c) and c.i < noun.i):
            if c.dep_ == "quantmod" and not is_number_token(c):
                continue
            cnt = count_from_token(c)
            if cnt is not None:
                return cnt, c.i
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    advs = {c.lower_ for c in noun.children if c.dep_ in ("advmod", "predet")}
    for c in noun.children:
        if c.lower_ == "all":
            advs |= {"all"} | {gc.lower_ for gc in c.children if gc.dep_ == "advmod"}
    if "all" in dets | advs and advs & {"nearly", "almost", "virtually"}:
        return Count(None, True, "nearly all"), noun.i
    ones = {"a", "an", "one", "its", "his", "her", "their"}
    if nouns_ok is not None and noun_words & nouns_ok:
        ones.add("the")  # "killing the driver": one person ("the loss of the tank" counts none)
    if singular and noun.tag_ == "NN" and dets & ones:
        return Count(1, False, None), noun.i
    if singular and noun.tag_ == "NNP" and dets & {"a", "an", "one"}:
        return Count(1, False, None), noun.i  # "a Humvee", "a Bradley"

    return None, None


def _counts_people(head: Any, toks: list[Any], et: EventType, book: Codebook) -> bool:
    """Return whether the trigger's subject or object is a noun its count could be about."""
    ok = book.count_nouns.get(et.count or "", frozenset())
    return any(n.lemma_.lower() in ok or n.lower_ in ok for n in _count_nouns(head, toks))


def _count_for(head: Any, toks: list[Any], kind: str | None, book: Codebook,
               used: set[int]) -> tuple[Count | None, int | None]:
    if kind is None:
        return None, None
    nouns_ok = None if kind == "any" else book.count_nouns.get(kind, frozenset())
    best: tuple[int, Count, int] | None = None
    for n in _count_nouns(head, toks):
        if any(a.lower_ == "including" for a in path_up(n)[1:3]):
            continue
        cnt, key = _count_of_noun(n, nouns_ok, book, singular=kind == "people")
        if cnt is None or (key is not None and key in used):
            continue
        d = tree_distance(head, n)
        if best is None or d < best[0]:
            best = (d, cnt, key if key is not None else n.i)
    if best is None:
        return None, None
    return best[1], best[2]


# -- equipment -----------------------------------------------------------------------------

def _equipment_nouns(head: Any, toks: list[Any], et: EventType, trig: Trigger,
                     book: Codebook) -> list[Any]:
    """Return the equipment nouns a trigger takes as object, one per kind (with conjuncts)."""
    any_object = trig.phrase in et.object_is_equipment
    objs: list[Any] = []
    for h in [head, *([head.head] if head.dep_ == "conj" else [])]:
        for c in h.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                objs.append(c)
            if c.dep_ == "conj" and c.pos_ == "NOUN" and h.pos_ == "VERB" and any(
                    g.dep_ == "cc" and g.i < c.i for g in h.children):
                objs.append(c)  # "lost 90 servicemen, as well as a tank" (hung on the verb)
            if c.dep_ == "prep" and c.lower_ in ("along", "together") and h.pos_ == "VERB" and \
                    any(c2.dep_ == "dobj" for c2 in h.children):
                # "destroyed a workshop, along with four boats": a second object
                objs.extend(gc for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
                            for gc in w.children if gc.dep_ == "pobj")
            if c.dep_ == "prep" and c.lower_ == "of" and h.pos_ == "NOUN":
                objs.extend(gc for gc in c.children if gc.dep_ == "pobj")
        if h.dep_ in ("acl", "relcl") and h.head.pos_ == "NOUN":
            objs.append(h.head)
        if objs:
            break
    out: list[Any] = []
    todo = list(objs)
    while todo:
        n = todo.pop(0)
        if n.lower_ in VAGUE or is_number_token(n):
            of = [gc for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                  for gc in c.children if gc.dep_ == "pobj"]
            todo[:0] = of
            continue
        if (any_object and n.pos_ in ("NOUN", "PROPN")) or _is_equipment(n, book):
            out.append(n)
        # a list of kinds: "two tanks, seven armoured vehicles, 31 artillery systems" is
        # often parsed as an apposition of its first item
        todo.extend(c for c in n.children if c.dep_ == "conj" or
                    (c.dep_ == "appos" and c.i > n.i and c.pos_ == "NOUN"))
    return out


def _is_equipment(n: Any, book: Codebook) -> bool:
    doc = n.doc
    for key in (n.lower_, n.lemma_.lower()):
        for phrase in book.equipment_index.get(key.lower(), []):
            k = len(phrase)
            if k == 1 or all(doc[n.i - k + 1 + j].lower_ == phrase[j] or
                             doc[n.i - k + 1 + j].lemma_.lower() == phrase[j]
                             for j in range(k - 1) if n.i - k + 1 + j >= 0):
                return True
    m = re.match(r"^([a-z]+)-\d", n.lower_)
    if m and m.group(1) in book.equipment_index:
        return True  # a model designation: "the Su-25", "a T-72"
    return any(c.dep_ == "compound" and c.lower_ in book.equipment_index for c in n.children)


def _equipment_text(n: Any) -> str:
    keep = [c for c in n.subtree if c.i < n.i and c.dep_ not in (
        "det", "nummod", "poss", "case", "quantmod", "predet", "advmod", "prep", "pobj", "cc")
        and not (c.dep_ == "amod" and c.lower_ in VAGUE)]
    lo = min([t.i for t in keep] + [n.i])
    while lo < n.i and (n.doc[lo].is_punct or n.doc[lo].lower_ in ("ukrainian", "russian")):
        lo += 1
    return str(n.doc[lo:n.i + 1].text).strip(" ‘’'\"")


# -- parties -----------------------------------------------------------------------------

# verbs whose subject suffers the event ("Ukrainian forces lost two tanks")
LOSER_VERBS = {"lose", "abandon", "leave", "suffer", "surrender", "give", "lay"}
ACTOR_WORDS = re.compile(r"\b(forces|troops|army|military|units?|soldiers|servicemen|side|"
                         r"fighters|defenders|brigades?|battalion|regiment|grouping|formations?|"
                         r"personnel|marines|paratroopers|militants|group|corps|aviation|"
                         r"artillery|drones?|air defen[cs]es|gunners|operators)\b", re.I)


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _parties(etype: str, head: Any, sent: Any, book: Codebook, claimant: str | None
             ) -> tuple[Party | None, Party | None]:
    chunks = []
    for nc in noun_chunks_of(sent):
        side = side_of(nc.text, book)
        if side is None or (claimant and nc.text in claimant) or not ACTOR_WORDS.search(nc.text):
            continue
        chunks.append(nc)
    if not chunks:
        return None, None

    def party(nc: Any) -> Party:
        return Party(_bare(nc.text), side_of(nc.text, book))

    subj = [nc for nc in chunks if nc.root.dep_ in ("nsubj", "agent") and
            any(a == nc.root.head for a in path_up(head))]
    if etype == "territory.withdrawn":
        mover = subj or chunks
        return party(min(mover, key=lambda nc: tree_distance(head, nc.root))), None
    if etype in ("casualties", "equipment.lost", "personnel.surrendered", "territory.encircled"):
        own_subj = [nc for nc in subj if nc.root.head == head and nc.root.dep_ == "nsubj"]
        if own_subj and head.lemma_.lower() not in LOSER_VERBS:
            # "Ukrainian forces destroyed two tanks": the subject acts on the other side
            actor = own_subj[0]
            others = [nc for nc in chunks if side_of(nc.text, book) != side_of(actor.text,
                                                                                   book)]
            return party(actor), (party(others[0]) if others else None)
        passive_or_obj = [nc for nc in chunks if nc.root.dep_ in ("nsubjpass", "dobj", "pobj")
                          or nc.root.head == head]
        target = min(passive_or_obj or own_subj or chunks,
                     key=lambda nc: tree_distance(head, nc.root))
        actors = [nc for nc in chunks if side_of(nc.text, book) != side_of(target.text, book)]
        return (party(actors[0]) if actors else None), party(target)
    actor = subj[0] if subj else min(chunks, key=lambda nc: tree_distance(head, nc.root))
    targets = [nc for nc in chunks if side_of(nc.text, book) != side_of(actor.text, book)]
    return party(actor), (party(targets[0]) if targets else None)


# -- dates ---------------------------------------------------------------------------------

def _date_tokens(sent: Any, dms: list[DateMention]) -> list[tuple[Any, DateMention]]:
    out = []
    for dm in dms:
        tok = token_at(sent.doc, sent.start_char + dm.start, sent.start_char + dm.end)
        if tok is not None:
            out.append((tok, dm))
    return out


SIMULTANEOUS = {"when", "while", "as"}
LOCATIVE = {"in", "near", "around", "outside", "at", "on"}


def _path_clear(tok: Any, top: Any, allow_acl: bool = False,
                others: set[int] | frozenset[int] = frozenset()) -> bool:
    """Return whether ``tok`` hangs on ``top`` without passing through another clause
    (a "since" clause and, for simultaneous events, a "when"/"while" clause are the
    trigger's own) or through another event's phrase (``others``)."""
    for a in path_up(tok):
        if a == top:
            return True
        if a.i in others:
            return False
        if a.dep_ == "acl" and not allow_acl:
            return False
        if a.dep_ == "advcl" and any(c.lower_ in ({"since"} | SIMULTANEOUS) and
                                     c.dep_ in ("mark", "advmod", "prep")
                                     for c in a.children):
            continue
        if a.dep_ in CLAUSE_BLOCK and not (a.dep_ == "xcomp" and a.head == top):
            return False
        if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _own_date(head: Any, dts: list[tuple[Any, DateMention]], stop: Any | None,
              others: set[int] | frozenset[int] = frozenset()) -> DateMention | None:
    """Return the date attached to the trigger's own clause (up to the claim's verb)."""
    for a in path_up(head)[1:]:
        if stop is not None and a == stop:
            break
        for tok, dm in dts:
            s, e = sent_of(tok).start_char + dm.start, sent_of(tok).start_char + dm.end
            if s <= a.idx < e:
                return dm
            if a.lemma_.lower() in TIME_NOUNS and 0 <= a.idx - e <= 12:
                return dm
    best: tuple[int, DateMention] | None = None
    chain = []
    for a in path_up(head):
        if stop is not None and a == stop:
            break
        chain.append(a)
    for tok, dm in dts:
        for a in chain:
            if _path_clear(tok, a, others=others):
                d = tree_distance(head, tok)
                if best is None or d < best[0]:
                    best = (d, dm)
                break
    if best is None:
        # "killed a driver and wounded eleven passengers on Saturday": a date closing a
        # coordination of verbs applies to each of them
        for a in chain:
            if a.pos_ not in ("VERB", "AUX"):
                continue
            for c in [*a.children, a.head]:
                if c.pos_ != "VERB" or not ((c.dep_ == "conj" and c.head == a) or
                                            (a.dep_ == "conj" and a.head == c)):
                    continue
                for tok, dm in dts:
                    if tok.i > c.i and _path_clear(tok, c, others=others):
                        return dm
    return best[1] if best else None


def _future_clause(dm: DateMention, dts: list[tuple[Any, DateMention]]) -> bool:
    """Return whether a date sits in a clause about the future ("will travel on Saturday"),
    not in one about the past ("ordered the evacuation on Monday")."""
    tok = next((t for t, d in dts if d is dm), None)
    if tok is None:
        return False
    for a in path_up(tok)[1:]:
        if a.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "would",
                                                                     "'ll")
                       for c in a.children) or (a.tag_ in ("VB", "VBZ", "VBP") and any(
                c.lower_ == "to" for c in a.children))
    return False


def _claim_date(verbs: list[Any], head: Any, dts: list[tuple[Any, DateMention]]
                ) -> DateMention | None:
    for v in verbs:
        # "ordered X on Monday and said Y": the coordinated verb's date is the claim's
        for w in [v, *([v.head] if v.dep_ == "conj" else [])]:
            for tok, dm in dts:
                if is_under(head, tok) or not _path_clear(tok, w, allow_acl=True):
                    continue
                branch = next((c for c in w.children if is_under(head, c)), None)
                if branch is not None and is_under(tok, branch):
                    continue
                return dm
    return None


# -- modality ----------------------------------------------------------------------------

def _negated(head: Any, toks: list[Any]) -> bool:
    for t in {head, *toks}:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
            return True
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                gc.dep_ == "det" and gc.lower_ in ("no",) for gc in c.children):
            return True
        if c.dep_ in ("nsubjpass", "dobj") and c.lower_ in NEGATIVE_PRONOUNS:
            return True  # "none of the units had been cut off", "nothing was taken"
    return False


def _planned(head: Any, book: Codebook) -> bool:
    markers = book.modality.get("planned", ())
    singles = {p[0] for p in markers if len(p) == 1}
    prev = head
    for a in path_up(head)[:5]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in singles for c in a.children):
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
    for phrase, i in lemma_phrase_at(sent, tuple(p for p in markers if len(p) > 1)):
        tok = sent.doc[i + len(phrase) - 1]
        if any(a == tok for a in path_up(head)[1:5]) or tok.head == head or \
                (tok.i + 2 >= head.i > tok.i):
            return True
    return False


def _hedged(head: Any, sent: Any, book: Codebook, verbs: list[Any]) -> bool:
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


def _conditional(head: Any) -> bool:
    """Return whether the trigger's clause is a conditional ("would", "could") rather than
    a plan (a plan is announced by someone, or says "will")."""
    for a in path_up(head)[:4]:
        auxes = {c.lower_ for c in a.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"will", "shall", "'ll"}:
            return False
        if auxes & {"would", "could", "might"}:
            return True
    return False


def _denied_claim_noun(head: Any, book: Codebook) -> bool:
    """'Claims about the capture of X are not true': the trigger sits in a claim said false."""
    for a in path_up(head)[1:5]:
        if a.lemma_.lower() in book.claim_nouns and a.pos_ == "NOUN" and a.dep_ == "nsubj":
            pred = a.head
            acomps = [c for c in pred.children if c.dep_ in ("acomp", "attr")]
            negated = any(c.dep_ == "neg" for c in pred.children)
            return any(c.lower_ in DENIAL_WORDS or (negated and c.lower_ in (
                "true", "correct", "accurate")) for c in acomps)
    return False


def _modality(att: Attribution, head: Any, toks: list[Any], sent: Any, book: Codebook,
              future_date: bool) -> str:
    if att.denial or _negated(head, toks) or _denied_claim_noun(head, book):
        return "denied"
    if _planned(head, book) or future_date:
        return "planned"
    if att.hedged or _hedged(head, sent, book, att.verbs):
        return "hedged"
    if att.claimant is not None:
        return party_or_media(att.claimant, book)
    if att.conduits:
        return "reported"
    return "asserted"


# -- the article --------------------------------------------------------------------------

def _subtype(et: EventType, toks: list[Any]) -> str | None:
    words = _words(toks)
    lowers = tuple(t.lower_ for t in toks)
    for name, phrases in et.subtypes.items():
        if name != "mixed" and _phrase_in(words, lowers, phrases):
            return name
    return "mixed" if et.subtypes else None


def _evidence(sent: Any) -> Evidence:
    raw = span_text(sent)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return Evidence(text, start, start + len(text))


def _paragraphs(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def events_in_document(doc: Document, parsed: Any, places: Sequence[PlaceMention],
                       book: Codebook | None = None, lexicon: Lexicon | None = None
                       ) -> list[EventMention]:
    """Return the event mentions of one parsed document, each claim once."""
    book = book or load_codebook()
    state = _State(Attributor(book, lexicon := lexicon or load_lexicon(), places), lexicon)
    index = index_document(parsed)
    state.attributor.read_quotes(index.sents)
    for si, sent in enumerate(index.sents):
        learn_people(sent, state.attributor.registry, state.lexicon, state.attributor._is_place)
        _sentence(doc, sent, si, places, book, state)
        for src, conduits, verb in state.attributor.speakers_of(sent):
            known = next((s for s in state.attributor.sources if s.name == src.name), None)
            if known is None or known is not state.attributor.sources[-1]:
                dts = _date_tokens(sent, find_dates(span_text(sent), doc.published,
                                                    state.last_date, lexicon=state.lexicon))
                cd = _claim_date([verb], verb, dts)
                state.attributor.remember(known or src, conduits,
                                          cd.date if cd else None)
                if cd and cd.date.precision == "day" and cd.date.value:
                    state.last_date = date.fromisoformat(cd.date.value)
    return dedupe([f.mention for f in state.found], book)


def _sentence(doc: Document, sent: Any, si: int, places: Sequence[PlaceMention],
              book: Codebook, state: _State) -> None:
    pdoc = sent.doc
    trigs = match_triggers(sent, book.phrases)
    follow = {k: [x for x in v if x[0] in state.types_seen]
              for k, v in book.followup_phrases.items()}
    trigs += [t for t in match_triggers(sent, follow)
              if not any(set(t.tokens) & set(o.tokens) for o in trigs)
              and _followup_ok(t, pdoc, book)]
    produced: list[_Found] = []
    used_counts: set[int] = set()
    trigger_tokens = {i for t in trigs for i in t.tokens}
    unresolved = [t for t in (token_at(pdoc, p.start, p.end) for p in places
                              if p.place is None and sent.start_char <= p.start < sent.end_char)
                  if t is not None]
    {i for t in trigs for i in t.tokens}
    casualty_groups: dict[int, _Found] = {}
    parts: list[tuple[_Found, _Found]] = []  # (a period's figure, the total it is part of)
    for trig in trigs:
        et = book.types.get(trig.type)
        if et is None:
            continue
        toks = [pdoc[i] for i in trig.tokens]
        head = anchor(toks)
        if _not_an_event(trig, toks, head, sent, et, book):
            continue
        if not _military_subject_ok(trig, head, et, book):
            continue
        att = state.attributor.attribute(sent, head, side_hint(sent, book))
        cands = candidates(sent, places, book, state.lexicon, att.spans)
        chosen = attach(head, toks, et, cands, trigger_tokens, unresolved)
        if not chosen and not any(u.i > toks[-1].i and u.i - toks[-1].i <= 3
                                  for u in unresolved):
            chosen = linear(toks, cands, et)
        if not chosen:
            chosen = _listed_among(head, cands, book)
        ref_tok = None
        ref_place: PlaceMention | None = None
        if not chosen:
            ref_tok = anaphor(head, toks, book, et)
            if ref_tok is not None:
                ref_place = resolve_anaphor(ref_tok, places, book, _skip(cands, et, head),
                                            _event_places(state, produced))
        if not _needs_object_ok(trig, toks, head, et, chosen, ref_tok, book):
            continue
        if head.pos_ == "NOUN" and trig.type in STATE_TYPES and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            continue  # "a fall of Lyman would ...": no particular event
        if not chosen and (ref_tok is None or ref_tok == head) and head.pos_ == "NOUN" and \
                len(toks) == 1 and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                for c in head.children) and trig.type.startswith(("territory.", "offensive.")):
            continue  # "the pullback", "the liberation": the earlier event, not a new claim
        place_list: list[tuple[Place | None, PlaceMention | None]] = []
        for c in chosen:
            is_dir, plural = direction(c, book)
            if is_dir and plural:
                continue  # "along the Pokrovsk and Novopavlivka axes": no one place
            place = low_confidence(c.place, "a direction, sector or axis named after the town") \
                if is_dir else c.place
            place_list.append((place, c.mention))
        if not place_list and ref_place is not None and ref_place.place is not None:
            place_list.append((ref_place.place, ref_place))
        fell_back = not place_list
        if not place_list and not et.place_required:
            place_list = _fallback_place(head, toks, et, cands, places, book, att, trig.type,
                                         state, trigger_tokens, produced)
        if et.place_required and not place_list and (att.denial or _negated(head, toks)):
            # "denied that any units had been cut off", "no withdrawal had taken place":
            # the place of the claim denied
            earlier = [f for f in [*state.found, *produced] if f.mention.type == trig.type
                       and f.mention.place is not None and f.mention.modality != "denied"]
            if earlier:
                place_list = [(earlier[-1].mention.place, earlier[-1].place_mention)]
        if et.place_required and not place_list:
            continue
        # dates, modality
        dms = find_dates(span_text(sent), doc.published, state.last_date, lexicon=state.lexicon)
        dts = _date_tokens(sent, dms)
        # dates under another event's noun phrase are that event's ("since the capture
        # of X in May 2023"); a simultaneous clause's date is shared
        others = {i for i in trigger_tokens - set(trig.tokens) if pdoc[i].pos_ == "NOUN"}
        own = _own_date(head, dts, att.verbs[0] if att.verbs else None, others)
        claim = _claim_date(att.verbs, head, dts)
        future = bool(own and own.date.value and doc.published and
                      (own.date.first_day() or doc.published) > doc.published)
        modality = _modality(att, head, toks, sent, book, future)
        if modality == "denied" and fell_back and not et.place_required:
            # "the authorities in X deny that anything was stolen": the place of the claim
            # denied, not the place the denier speaks for
            earlier = [f for f in [*state.found, *produced] if f.mention.type == trig.type
                       and f.mention.place is not None and f.mention.modality != "denied"]
            if earlier:
                place_list = [(earlier[-1].mention.place, earlier[-1].place_mention)]
        if modality == "planned" and not att.verbs and _conditional(head):
            continue  # "a fall of Lyman would bring Russian forces closer": a hypothesis
        if modality == "planned":
            # the event's own weekday looks forward ("will travel on Saturday"); the
            # claim's date stays where it is ("said on Tuesday they planned to ...")
            fdts = _date_tokens(sent, find_dates(span_text(sent), doc.published, state.last_date,
                                                 future=True, lexicon=state.lexicon))
            fown = _own_date(head, fdts, att.verbs[0] if att.verbs else None, others)
            if fown is not None and _future_clause(fown, fdts):
                own = fown
        claimant = att.claimant
        base_count: Count | None = None
        count_key: int | None = None
        if et.count and not et.needs_equipment:
            # a figure another casualty word already took is shared ("killed and wounded")
            free = used_counts - set(casualty_groups) if trig.type == "casualties" \
                else used_counts
            base_count, count_key = _count_for(head, toks, et.count, book, free)
            if trig.type == "casualties" and count_key is not None and \
                    count_key in casualty_groups:
                _merge_casualty(casualty_groups[count_key], et, toks)
                continue
        if et.needs_count and base_count is None and (
                modality != "denied" or not _counts_people(head, toks, et, book)):
            continue
        if len(toks) == 1 and head.dep_ == "amod" and own is None and not any(
                c.lower_ in ("recently", "newly", "just") for c in head.children) and \
                not _perfect_misparsed(head) and not _result_predicate(head):
            continue  # "occupied Crimea": a state described in passing, not news
        when = _choose_date(own, claim, claimant, att, modality, base_count, doc, si, sent,
                            state, trig.type)
        strike = _linked_strike(trig.type, own, place_list, state, produced, si)
        linked = strike.mention.date if strike is not None else None
        if linked is not None:
            when = linked
        if strike is not None and claimant is None and not att.conduits and \
                strike.source is not None and modality == "asserted":
            # "The driver died at the scene": the losses of a strike its speaker reported
            claimant = strike.source
            modality = strike.mention.modality
            att = replace(att, conduits=list(strike.mention.conduit))
        if when.year() is not None and (when.year() or 0) < book.conflict_start_year:
            continue
        aggregate = bool((base_count and (own and own.since)) or
                         (base_count and when.precision in ("range", "month", "year") and
                          AGGREGATE.search(span_text(sent))))
        actor, target = _parties(trig.type, head, sent, book,
                                 claimant.name if claimant else None)
        subtype = _subtype(et, toks) if et.subtypes else None
        extent = None
        if et.extent and place_list and place_list[0][1] is not None:
            pm0 = place_list[0][1]
            if ref_tok is not None and not chosen:
                extent = _extent(head, None, sent, ref_tok)
            else:
                extent = _extent(head, pm0, sent)
        base = EventMention(
            doc=doc.id, type=trig.type, place=None, date=when, evidence=_evidence(sent),
            modality=modality, subtype=subtype, actor=actor, target=target,
            claimant=claimant.name if claimant else None, conduit=tuple(att.conduits),
            extent=extent, aggregate=aggregate,
            trigger=(pdoc[trig.first].idx, pdoc[trig.last].idx + len(pdoc[trig.last])),
            reference=head.pos_ == "NOUN" and len(toks) == 1 and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this")
                for c in head.children))
        new: list[_Found] = []
        if trig.type == "passport.issued":
            new = _passport(base, sent, cands, base_count, claimant, si, state, ref_place,
                            head, toks)
            if len(new) == 1 and new[0].mention.place is None and et.place_fallback:
                # "authorities in the Zaporizhzhia region say they have issued ...": the
                # region the claimant speaks for (a nationwide body names none)
                fb = _fallback_place(head, toks, et, cands, places, book, att, trig.type,
                                     state, trigger_tokens)
                if fb and fb[0][0] is not None and fb[0][0].kind != "city":
                    new[0].mention = replace(new[0].mention, place=fb[0][0])
                    new[0].place_mention = fb[0][1]
        elif et.needs_equipment:
            for n in _equipment_nouns(head, toks, et, trig, book):
                cnt, key = _count_of_noun(n, None, book)
                if key is not None:
                    used_counts.add(key)
                eq_place, eq_pm = place_list[0] if place_list else (None, None)
                eq_when = linked or _choose_date(own, claim, claimant, att, modality, cnt, doc,
                                                 si, sent, state, trig.type)
                eq_aggregate = bool(cnt and own and own.since)
                new.append(_Found(replace(base, place=eq_place, equipment=_equipment_text(n),
                                          count=cnt, date=eq_when, aggregate=eq_aggregate),
                                  claimant, si, eq_pm))
        else:
            if count_key is not None:
                used_counts.add(count_key)
            if not place_list:
                place_list = [(None, None)]
            for n, (where_, pm) in enumerate(place_list):
                own_extent = extent
                if n > 0 and extent is not None and pm is not None and chosen:
                    own_extent = _extent(head, pm, sent)  # "X and most of Y": each its own
                f = _Found(replace(base, place=where_, count=base_count, extent=own_extent),
                           claimant, si, pm, count_key)
                if subtype and subtype != "mixed":
                    f.subtypes.add(subtype)
                new.append(f)
                if trig.type == "casualties" and count_key is not None:
                    casualty_groups[count_key] = f
                    part = _period_part(head, sent)
                    if part is not None and n == 0:
                        # "900,000 killed and wounded, including 1,100 over the past day": the
                        # day's figure is its own claim
                        pf = _Found(replace(f.mention, count=part[0], aggregate=False),
                                    claimant, si, pm, part[1])
                        new.append(pf)
                        parts.append((pf, f))
                        used_counts.add(part[1])
        for f in new:
            produced.append(f)
            state.types_seen.add(f.mention.type)
        if claimant is not None:
            state.attributor.remember(claimant, att.conduits, claim.date if claim else None,
                                      when if when.precision == "day" else None)
    for pf, total in parts:
        pf.mention = replace(pf.mention, subtype=total.mention.subtype)
    if not any(f.mention.modality == "denied" for f in produced):
        produced.extend(_denial_of_claim(doc, sent, si, places, book, state, produced))
    for f in produced:
        d = f.mention.date
        if d.precision == "day" and d.value:
            state.last_date = date.fromisoformat(d.value)
    state.found.extend(produced)


PERIOD_NOUNS = {"day", "hours", "night", "week", "month", "morning", "evening"}


def _period_part(head: Any, sent: Any) -> tuple[Count, int] | None:
    """Return the figure for a period written as part of a casualty total ("..., including
    1,100 over the past day") and its token: a bare number with a time phrase."""
    chain = path_up(head)[:4]
    for tok in sent:
        if tok.lower_ != "including" or tok.head not in chain:
            continue
        for num in (c for c in tok.children if c.dep_ == "pobj" and is_number_token(c)):
            if any(p.dep_ == "prep" and any(g.lemma_.lower() in PERIOD_NOUNS or
                                            g.lower_ in PERIOD_NOUNS for g in p.subtree)
                   for p in num.children):
                cnt = count_from_token(num)
                if cnt is not None:
                    return cnt, num.i
    return None


def _linked_strike(etype: str, own: DateMention | None,
                   place_list: list[tuple[Place | None, PlaceMention | None]],
                   state: _State, produced: list[_Found], si: int) -> _Found | None:
    """Return the date of the strike whose losses these are ("a drone struck the station in
    X on Friday; two people were killed", "the driver died at the scene"): losses with no
    date of their own, at the place of a dated strike of this or the previous sentence."""
    if etype not in ("casualties", "equipment.lost") or own is not None or not place_list:
        return None
    place = place_list[0][0]
    if place is None:
        return None
    for f in reversed([*state.found, *produced]):
        if si - f.sentence > 1:
            break
        m = f.mention
        if m.type == "strike" and m.place is not None and \
                m.place.geonameid == place.geonameid and m.date.value and \
                m.date.basis != "publication":
            return f
    return None


def _merge_casualty(f: _Found, et: EventType, toks: list[Any]) -> None:
    """Casualty words sharing one figure make one mention: "230 killed" in "losses of 230
    killed" is killed, "210 killed and wounded" is mixed."""
    new = _subtype(et, toks)
    if new and new != "mixed":
        f.subtypes.add(new)
    f.mention = replace(f.mention, subtype=next(iter(f.subtypes)) if len(f.subtypes) == 1
                        else "mixed")


CONTINUATION = {"another", "second", "further", "remaining", "next", "other", "third"}


def _continues(head: Any, toks: list[Any]) -> bool:
    """Return whether the trigger's subject or object continues an earlier group
    ("another ten residents", "a second group of 70 townspeople")."""
    nouns = _count_nouns(head, toks)
    subj = subject_of(head)
    if subj is not None:
        nouns.append(subj)
    near = [c for n in nouns for c in n.children]
    near += [g for c in near if c.dep_ in ("nummod", "compound") for g in c.children]
    return any(c.lower_ in CONTINUATION and c.dep_ in ("det", "amod", "nummod", "advmod",
                                                       "quantmod") for c in near)


def _followup_ok(t: Trigger, pdoc: Any, book: Codebook) -> bool:
    """A follow-up word ("documents") counts as the object of a verb of handing out."""
    verbs = book.types[t.type].followup_verbs
    if len(t.tokens) > 1:
        return not verbs or pdoc[t.first].lemma_.lower() in verbs
    tok = pdoc[t.first]
    return tok.dep_ in ("dobj", "nsubjpass") and (not verbs or tok.head.lemma_.lower() in verbs)


def _skip(cands: list[Candidate], et: EventType | None = None, head: Any = None) -> set[int]:
    """Places a reference cannot point back to: those only qualifying an actor and, in
    the reference's own sentence, those the event itself heads for ("an evacuation bus to
    Dnipro will leave the community centre": the centre is not in Dnipro)."""
    skip = {c.mention.start for c in cands if c.qualifier}
    if et is not None and head is not None:
        skip |= {c.mention.start for c in cands if any(
            a.dep_ == "prep" and a.lower_ in et.avoid_preps and a.head in (head, head.head)
            for a in path_up(c.tok)[1:3])}
    return skip


def _event_places(state: _State, produced: list[_Found]) -> set[int]:
    return {f.mention.place.geonameid for f in [*state.found, *produced] if f.mention.place}


def _same_source(a: Source | None, b: Source | None) -> bool:
    return a is not None and b is not None and a.name == b.name


def _fallback_place(head: Any, toks: list[Any], et: EventType, cands: list[Candidate],
                    places: Sequence[PlaceMention], book: Codebook, att: Attribution,
                    etype: str, state: _State, events: set[int],
                    produced: Sequence[_Found] = ()
                    ) -> list[tuple[Place | None, PlaceMention | None]]:
    """Places for types that may have none: the event this one hangs on, the claimant's."""
    prev = head
    for a in path_up(head)[1:4]:
        # climb to the clause the trigger is part of ("struck X, killing three"; "put
        # losses in the same sector at 230 killed"), never into the speaker's clause
        if prev.dep_ in ("ccomp", "parataxis", "relcl") or prev.dep_ == "nsubj":
            break
        chosen = attach(a, [a], et, cands, events)
        if chosen:
            return [(chosen[0].place, chosen[0].mention)]
        ref = anaphor(a, [a], book, et)
        if ref is not None:
            pm = resolve_anaphor(ref, places, book, _skip(cands), _event_places(state, []))
            if pm is not None and pm.place is not None:
                return [(pm.place, pm)]
        prev = a
    near = [head, *path_up(head)[1:2]]
    near += [c for a in near for c in a.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for a in near:
        # "killed two when a glide bomb hit a building in Kramatorsk"; "... today when
        # drones struck a market in X" (the clause hung on the time word)
        clauses = [*a.children, *(g for c in a.children if c.dep_ == "npadvmod"
                                  for g in c.children if g.dep_ == "relcl")]
        # the clause hung on the reporting verb, written between the event and the speaker
        clauses += [c for v in att.verbs[:1] for c in v.children
                    if c.dep_ == "advcl" and head.i < c.i < v.i]
        for c in clauses:
            if c.dep_ in ("advcl", "relcl") and any(m.lower_ in SIMULTANEOUS | {"after"}
                                         for m in c.children if m.dep_ in ("mark", "advmod")):
                chosen = attach(c, [c], et, cands, events)
                if chosen:
                    return [(chosen[0].place, chosen[0].mention)]
    for c in head.children:
        # "destroyed two boats and killed 30 servicemen in the area": a place closing a
        # coordination of verbs applies to each of them
        if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < head.i:
            continue
        for prep in (p for p in c.children if p.dep_ == "prep" and p.lower_ in LOCATIVE):
            chosen = [x for x in attach(c, [c], et, cands, events) if is_under(x.tok, prep)]
            if chosen:
                return [(chosen[0].place, chosen[0].mention)]
            ref = anaphor(prep, [prep], book, et)
            pm = resolve_anaphor(ref, places, book, _skip(cands),
                                 _event_places(state, [])) if ref is not None else None
            if pm is not None and pm.place is not None:
                return [(pm.place, pm)]
    if etype in ("casualties", "equipment.lost"):
        # "a drone struck the station in X; two people were killed": the losses of the
        # strike the same sentence reports
        same = [f for f in produced if f.mention.type == "strike" and f.mention.place] or \
            [f for f in produced if f.mention.type == etype and f.mention.place]
        if same:
            return [(same[-1].mention.place, same[-1].place_mention)]
    carried = att.carried and att.claimant is not None
    if carried or _continues(head, toks):
        # the same speaker going on, or "another group": the place of the last such event
        for f in reversed(state.found):
            if f.mention.type == etype and f.mention.place and (
                    not carried or _same_source(f.source, att.claimant)):
                return [(f.mention.place, f.place_mention)]
    if et.place_fallback == "claimant":
        # the place the claimant speaks for ("authorities in Mezhova said"), else the one
        # town the sentence names, else the paragraph's first place
        inside = [c for c in cands if c.excluded and c.place.kind != "country"
                  and any(s <= c.mention.start < e for s, e in att.spans)]
        if inside:
            return [(inside[0].place, inside[0].mention)]
        towns = {c.place.geonameid: c for c in cands if c.place.kind == "city"}
        if len(towns) == 1:
            c = next(iter(towns.values()))
            return [(c.place, c.mention)]
        para = _paragraph_start(head)
        first = next((p for p in places if p.place is not None and para <= p.start < head.idx
                      and p.place.kind != "country"), None)
        if first is not None and first.place is not None:
            return [(first.place, first)]
    return []


def _paragraph_start(tok: Any) -> int:
    text = text_of(tok.doc)
    i = text.rfind("\n", 0, sent_of(tok).start_char)
    return 0 if i < 0 else i + 1


STATE_TYPES = {"territory.captured", "territory.encircled", "territory.withdrawn"}


def _choose_date(own: DateMention | None, claim: DateMention | None, claimant: Source | None,
                 att: Attribution, modality: str, count: Count | None, doc: Document,
                 si: int, sent: Any, state: _State, etype: str = "") -> EventDate:
    claim_date = claim.date if claim else None
    context_date = None
    if claim_date is None and claimant is not None and modality != "planned":
        # the same speaker as earlier in the article: the date it spoke on; failing that,
        # the day of the event it spoke of ("... shelled Kupiansk on Monday. He added that
        # two civilians were killed")
        earlier = state.attributor.find(claimant.name)
        if earlier is not None:
            claim_date = earlier.claim_date
            if att.carried:
                context_date = earlier.event_date
    if own is not None:
        if own.since:
            # "issued ... since 2019" runs to now; "held / encircled since X" started then
            if count is not None or etype not in STATE_TYPES:
                end = claim_date.last_day() if claim_date and claim_date.precision == "day" \
                    else doc.published
                first = own.date.first_day()
                if end is not None and first is not None and end <= first:
                    end = doc.published
                return since_range(own.date, end)
            return own.date
        return own.date
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
    past = doc.published is not None and any(
        (dm.date.year() or doc.published.year) < doc.published.year
        for dm in find_dates(span_text(sent), doc.published, lexicon=state.lexicon))
    if si < 2 and not BACKGROUND.search(span_text(sent)) and not past:
        return publication_date(doc.published)
    return UNKNOWN


def _extent(head: Any, pm: PlaceMention | None, sent: Any, ref: Any = None) -> str:
    text = text_of(sent.doc)
    if pm is None:
        start, end = ref.idx, ref.idx + len(ref)
        ptok = ref
    else:
        start, end = pm.start, pm.end
        ptok = token_at(sent.doc, pm.start, pm.end)
    lo = min(head.idx, start)
    if ptok is not None:
        top = ptok
        for a in path_up(ptok)[1:]:
            if a == head or a.pos_ in ("VERB", "AUX"):
                break
            top = a
        lo = min(lo, sent.doc[top.left_edge.i].idx)
    hi = max(head.idx + len(head), end)
    if ptok is not None and ptok.dep_ == "poss":
        hi = max(hi, ptok.head.idx + len(ptok.head))  # "X's northern districts"
    window = text[max(sent.start_char, lo - 25):hi]
    if PARTIAL.search(window) and not re.search(r"\bthe whole of\b", window, re.I):
        return "partial"
    return "full"


def _passport(base: EventMention, sent: Any, cands: list[Candidate], count: Count | None,
              claimant: Source | None, si: int, state: _State,
              ref_place: PlaceMention | None, head: Any, toks: list[Any]) -> list[_Found]:
    homes, venues = passport_places(sent, cands, state.lexicon)
    # "residents of X in the Donetsk region": the region holding X is no venue
    venues = [v for v in venues if not any(
        h.place.admin1 and v.place.kind != "city" and v.place.name == h.place.admin1
        for h in homes)]
    venue = venues[0].place if venues and homes else None
    institution = any(re.search(r"\b(?:office|centre|center|point|ceremony|desk|department)"
                                r"\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:the\s+)?(?:\w+\s+){0,3}$",
                                text_of(sent.doc)[max(sent.start_char, v.mention.start - 60):
                                                  v.mention.start]) for v in venues)
    if not homes and venues and not institution and not re.search(
            r"\b(?:issued|handed out|distributed)\s+in\b", span_text(sent)):
        homes, venue = venues[:1], None
    if not homes:
        if ref_place is not None and ref_place.place is not None and \
                ref_place.place.kind != "country":
            return [_Found(replace(base, place=ref_place.place, count=count), claimant, si,
                           ref_place)]
        # a follow-up of the same claimant, or "another 70 will receive them next week"
        cont = _continues(head, toks)
        for f in reversed(state.found):
            if f.mention.type == base.type and f.mention.place and \
                    (_same_source(f.source, claimant) or cont):
                return [_Found(replace(base, place=f.mention.place, venue=f.mention.venue,
                                       count=count), claimant, si, f.place_mention)]
        return [_Found(replace(base, count=count, venue=venues[0].place if venues else None),
                       claimant, si)]
    home = [h for h in homes if not any(is_container(h.place, o.place)
                                        for o in homes if o is not h)]
    return [_Found(replace(base, place=h.place, venue=venue, count=count), claimant, si,
                   h.mention) for h in home[:2]]


def _denial_of_claim(doc: Document, sent: Any, si: int, places: Sequence[PlaceMention],
                     book: Codebook, state: _State, produced: list[_Found]) -> list[_Found]:
    """A denial that names no event of its own ("rejected the claim") denies an earlier one."""
    denied_verbs = {p[0] for p in book.modality.get("denied", ()) if len(p) == 1}
    for tok in sent:
        low = tok.lemma_.lower()
        target_noun = None
        if low in denied_verbs and tok.pos_ == "VERB":
            target_noun = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                                and c.lemma_.lower() in book.claim_nouns), None)
        elif low == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in DENIAL_WORDS
                                 for c in tok.children):
            # "the claim was false", "the reports are fake"
            target_noun = next((c for c in tok.children if c.dep_ == "nsubj" and
                                c.lemma_.lower() in book.claim_nouns), None)
        elif low == "call" and any(c.lower_ in DENIAL_WORDS for c in tok.subtree):
            # "called the claim fabricated", "a figure Kyiv called fabricated"
            near = [*tok.children, *(g for c in tok.children if c.dep_ in ("ccomp", "oprd")
                                     for g in c.children)]
            target_noun = next((c for c in near if c.dep_ in ("dobj", "nsubj") and
                                c.lemma_.lower() in book.claim_nouns and c.pos_ == "NOUN"),
                               None)
            if target_noun is None and tok.dep_ == "relcl" and \
                    tok.head.lemma_.lower() in book.claim_nouns:
                target_noun = tok.head
            if target_noun is None:
                # "called the report propaganda" parsed as one noun phrase
                target_noun = next((g for c in tok.children if c.dep_ in ("dobj", "oprd") and
                                    c.lower_ in DENIAL_WORDS for g in c.children
                                    if g.dep_ == "compound" and
                                    g.lemma_.lower() in book.claim_nouns), None)
        if target_noun is None:
            continue
        if any(c.lower_ in book.other_claim_words for c in target_noun.children
               if c.dep_ in ("amod", "det", "predet")):
            continue  # "rejected similar accusations in the past": other claims
        target = _denied_target(target_noun, sent, si, places, [*state.found, *produced])
        if target is None:
            continue
        att = state.attributor.attribute(sent, target_noun)
        speaker_tok = next((c for c in tok.children if c.dep_ == "nsubj" and
                            c.lemma_.lower() not in book.claim_nouns), None)
        denier: Source | None = None
        conduits: list[str] = []
        if speaker_tok is not None:
            denier, _span, _c = state.attributor._source_at(speaker_tok, target_noun, None)
            conduits = [n for _p, n in state.attributor._relays(sent, tok, [tok])]
        elif att.claimant is not None:
            # "a spokesman told Suspilne that the claim was false"
            denier, conduits = att.claimant, att.conduits
        ref = date.fromisoformat(target.mention.date.value) if (
            target.mention.date.precision == "day" and target.mention.date.value) else \
            state.last_date
        dts = _date_tokens(sent, find_dates(span_text(sent), doc.published, ref,
                                            lexicon=state.lexicon))
        own = None
        for t, dm in dts:
            if _path_clear(t, tok) or any(_path_clear(t, v, allow_acl=True) and
                                          not is_under(t, next(iter(
                                              c for c in v.children if is_under(tok, c)), v))
                                          for v in att.verbs):
                own = dm  # the denial's date, or the date its speaker said it on
                break
        # an undated denial stated in its own sentence is news of the day
        when = own.date if own else (publication_date(doc.published)
                                     if si < 2 or tok.dep_ == "ROOT" else UNKNOWN)
        m = target.mention
        mention = replace(m, date=when, evidence=_evidence(sent), modality="denied",
                          claimant=denier.name if denier else None, conduit=tuple(conduits),
                          count=None, aggregate=False, actor=m.actor, target=m.target)
        if denier is not None:
            state.attributor.remember(denier, [], when if when.value else None)
        return [_Found(mention, denier, si, target.place_mention)]
    return []


def _denied_target(noun: Any, sent: Any, si: int, places: Sequence[PlaceMention],
                   found: list[_Found]) -> _Found | None:
    if noun.lemma_.lower() == "figure":
        with_count = [f for f in found if f.mention.count is not None]
        same = [f for f in with_count if f.sentence == si]
        pool = same or with_count
        return pool[-1] if pool else None
    named = {p.place.geonameid for p in places if p.place is not None and
             noun.idx <= p.start < sent.end_char}
    pool = [f for f in found if f.mention.modality not in ("denied",)]
    if named:
        pool = [f for f in pool if f.mention.place and f.mention.place.geonameid in named] or pool
    if not pool:
        return None
    latest_source = pool[-1].source
    group = [f for f in pool if _same_source(f.source, latest_source)] if latest_source \
        else pool[-1:]
    # the claim the speaker led with: its first mention
    return group[0]


# -- one claim, one mention ----------------------------------------------------------------

def _key(e: EventMention) -> tuple[Any, ...]:
    pid = e.place.geonameid if e.place else None
    klass = "denied" if e.modality == "denied" else "planned" if e.modality == "planned" \
        else "claim"
    return (e.type, pid, e.subtype, (e.equipment or "").lower(), klass, e.aggregate)


def _compatible(a: EventMention, b: EventMention) -> bool:
    if a.date.value and b.date.value and a.date.value != b.date.value and \
            "publication" not in (a.date.basis, b.date.basis):
        return False
    ca = a.count.value if a.count else None
    cb = b.count.value if b.count else None
    return ca is None or cb is None or ca == cb


def _person(claimant: str | None) -> str | None:
    """Return a claimant without its role ("Ilya Gornov (war correspondent)" -> "Ilya Gornov")."""
    return re.sub(r"\s*\(.*\)$", "", claimant) if claimant else claimant


def dedupe(events: list[EventMention], book: Codebook | None = None) -> list[EventMention]:
    """Keep each claim once: the first mention, completed with what later ones add.

    The same claim by two different claimants stays two mentions; a denial
    with no place of its own takes the place of the claim of that type it denies.
    """
    out: list[EventMention] = []
    for e in events:
        if e.modality == "denied" and e.place is None:
            earlier = [o for o in out if o.type == e.type and o.place and o.modality != "denied"]
            if earlier:
                e = replace(e, place=earlier[-1].place)
        k = _key(e)
        if e.reference and any(_key(o)[:4] == k[:4] and _key(o)[4] == k[4] for o in out):
            continue  # "such as the capture of X": the capture already reported
        merged = False
        for i, o in enumerate(out):
            same_key = _key(o) == k
            elaboration = e.place is None and o.type == e.type and o.subtype == e.subtype and \
                _key(o)[4] == k[4] and not e.aggregate and not o.aggregate and \
                (e.equipment or "").lower() == (o.equipment or "").lower()
            if not (same_key or elaboration) or not _compatible(o, e):
                continue
            same_claimant = _person(o.claimant) == _person(e.claimant)
            if o.claimant and e.claimant and not same_claimant and same_key and \
                    not elaboration:
                continue
            if not same_claimant and o.date.value is None and e.date.value is not None:
                continue  # a later dated event of another source does not date this claim
            claimant = o.claimant or e.claimant
            if same_claimant and e.claimant and len(e.claimant) > len(claimant or ""):
                claimant = e.claimant  # "Ilya Gornov", then "Ilya Gornov (war correspondent)"
            out[i] = replace(
                o, claimant=claimant, conduit=o.conduit or e.conduit,
                count=o.count or e.count,
                date=o.date if (o.date.value and o.date.basis != "publication") or not
                e.date.value else e.date,
                modality=o.modality if o.claimant or not e.claimant else e.modality,
                venue=o.venue or e.venue)
            merged = True
            break
        if not merged:
            out.append(e)
    return out
