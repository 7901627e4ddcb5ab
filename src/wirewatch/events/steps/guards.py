"""Steps: the guards that drop a trigger that is no event.

``is_event`` runs the ordered predicates of ``NOT_EVENTS``, each a small named
rule that recognises one kind of non-event (a threat, a hypothesis, a habit, an
adjective ...); a new rule is a new predicate added to that tuple. The other
guards here run later, once the draft has its places, count or date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wirewatch.events.codebook import Codebook
from wirewatch.events.context import Draft, SentenceContext, same_source
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.naming import side_of
from wirewatch.events.numbers import VAGUE, is_number_token
from wirewatch.events.steps.count import count_nouns
from wirewatch.events.syntax import (
    children_of,
    is_under,
    of_nouns,
    path_up,
    text_of,
    token_forms,
)
from wirewatch.events.triggers import phrase_before
from wirewatch.events.where import linear, listing_verb, object_place, relative_antecedent

NotEvent = Callable[[SentenceContext, Draft], bool]


def _threat_or_attempt(sc: SentenceContext, d: Draft) -> bool:
    """"the threat of", "an attempt to", "nearly": written before the trigger (not the
    "among" of "Among the places hit were X and Y", decision 502)."""
    return phrase_before(sc.sent, d.tokens[0].i, sc.doc.book.not_event_before) and \
        listing_verb(d.head, sc.doc.book) is None


def _condition(sc: SentenceContext, d: Draft) -> bool:
    """"if", "unless", "whether" marking the trigger's clause."""
    for a in path_up(d.head)[:4]:
        if any(c.dep_ == "mark" and c.lemma_.lower() in sc.doc.book.not_event_marks
               for c in children_of(a)):
            return True
        if a.dep_ not in ("xcomp", "conj", "aux", "prep", "pobj", "dobj", "acl"):
            break
    return False


def _modifier(sc: SentenceContext, d: Draft) -> bool:
    """"a passport office": a trigger of a type that is no event as a modifier; nor is any
    trigger naming a claim ("did not address the surrender claim", "the capture report":
    a claim told before; decision 566)."""
    first = d.tokens[0]
    if len(d.tokens) != 1 or first.dep_ not in ("compound", "amod", "nmod"):
        return False
    if first.head.lemma_.lower() in sc.doc.book.claim_head_nouns:
        return True
    if d.type.modifier_of_subject:
        # "an evacuation bus will leave" is one; "struck an evacuation vehicle" is not
        vehicle = first.head
        moves = any(c.dep_ == "acl" and c.pos_ == "VERB" for c in children_of(vehicle))
        return vehicle.dep_ not in ("nsubj", "nsubjpass") and not moves
    return d.type.not_as_modifier


def _heading(sc: SentenceContext, d: Draft) -> bool:
    """A heading ("EVACUATION NOTICE"), not a claim."""
    return d.tokens[0].dep_ == "compound" and \
        not any(t.pos_ in ("VERB", "AUX") for t in sc.sent)


def _question(sc: SentenceContext, d: Draft) -> bool:
    """A question asks, it claims nothing: "Is the area around Pokrovsk still under fire?",
    an explainer's "What has Russia lost?" (decision 240)."""
    sent = sc.sent
    forms = token_forms(sent.doc)
    if forms is None:
        after = sent.doc[d.tokens[-1].i:sent.end]
        end = next((t.text for t in after if t.text in _SENTENCE_ENDS), None)
        return end == "?" and not any(t.text in _QUOTES for t in sent)
    # the document's lower-case forms, read once: a punctuation mark's form is its text
    end = next((forms[i][0] for i in range(d.tokens[-1].i, sent.end)
                if forms[i][0] in _SENTENCE_ENDS), None)
    return end == "?" and not any(forms[i][0] in _QUOTES for i in range(sent.start, sent.end))


_SENTENCE_ENDS = (".", "!", "?")
_QUOTES = ('"', "“", "”", "«", "»")


def _left_unsaid(sc: SentenceContext, d: Draft) -> bool:
    """"The ministry did not say when the assault on the village began", "did not specify
    where the missiles struck": a question left open about an event told elsewhere, no
    event of its own (decision 618)."""
    verb = d.head
    if verb.pos_ != "VERB" and verb.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = verb.head  # "when the assault began": the clause of the trigger noun
    if verb.dep_ != "ccomp" or not any(c.dep_ == "advmod" and c.tag_ == "WRB" and
                                       c.lower_ in ("when", "where")
                                       for c in children_of(verb)):
        return False
    said = verb.head
    return said.lemma_.lower() in sc.doc.book.speech_verbs | {"specify"} and any(
        c.dep_ == "neg" for c in children_of(said))


def _state_not_change(sc: SentenceContext, d: Draft) -> bool:
    """A stative phrase that tells no change of hands: "the part of the Donbas still under
    Ukrainian control", "while under Russian control", "X remained under Ukrainian control"."""
    if d.trigger.phrase not in d.type.stative:
        return False
    head, book = d.head, sc.doc.book
    if d.tokens[0].head.pos_ in ("NOUN", "PROPN"):
        return True
    for a in path_up(head)[:3]:
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in sc.doc.lexicon.state_clause_marks
               for c in children_of(a)):
            return True
    return bool(head.lemma_.lower() in book.continuation_words or any(
        c.lower_ in book.continuation_words and c.dep_ == "advmod" for c in children_of(head)))


def _possibility(sc: SentenceContext, d: Draft) -> bool:
    """"could", "might", "may" on the trigger."""
    return any(c.dep_ in ("aux",) and c.lower_ in sc.doc.lexicon.possibility_auxes
               for c in children_of(d.head))


def _hypothetical_subject(sc: SentenceContext, d: Draft) -> bool:
    """"losing the town would leave Ukraine without ...": a hypothesis ("the evacuation
    would continue next week" is a plan)."""
    for a in path_up(d.head)[:3]:
        if a.dep_ in ("csubj", "nsubj") and any(
                c.dep_ == "aux" and c.lower_ in sc.doc.lexicon.hypothetical_auxes
                for c in children_of(a.head)) and \
                a.head.lemma_.lower() not in sc.doc.book.continuation_words and \
                a.head.lemma_.lower() not in sc.doc.lexicon.schedule_verbs:
            return True
        if a.dep_ not in ("compound", "amod", "prep", "pobj", "dobj"):
            break
    return False


def _prospect(sc: SentenceContext, d: Draft) -> bool:
    """An event that is only a prospect ("the timeline for the liberation of X", "no risk
    of the town being surrounded")."""
    head, book = d.head, sc.doc.book
    for a in path_up(head)[1:4]:
        if a.lemma_.lower() in book.not_event_heads and a.pos_ == "NOUN":
            return True
        if a.pos_ == "VERB" and head.pos_ == "NOUN":
            # "debated the timeline for the liberation of X" (the phrase misattached)
            return head.dep_ == "pobj" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in book.not_event_heads
                for c in children_of(a))
    return False


def _habit(sc: SentenceContext, d: Draft) -> bool:
    """A habit in the present tense ("drones now strike roads every day", "a unit which
    carries out most evacuations"), not a reported event. A word of a state ("Russian
    forces control most of X": the codebook's ``partial_only``) is a claim in the present."""
    if len(d.trigger.phrase) == 1 and d.trigger.phrase[0] in d.type.partial_only:
        return False
    head = noun = d.head
    if head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in sc.doc.lexicon.part_nouns
                                   for c in children_of(head)):
        return False  # "Russian troops now occupy about 70% of X": a state, claimed now
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the issuance of passports underscores ...": commentary
    verb = noun.head if noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "nsubj") else head
    lex = sc.doc.lexicon
    if verb.lemma_.lower() in lex.tally_verbs and (noun.dep_ == "nsubj" or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.figure_nouns
            for c in children_of(verb))):
        # "losses include 10,212 tanks", "the daily tally also lists 11 tanks": a running
        # total, stated in the present (decision 560)
        return False
    return bool(verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in children_of(verb)) and
        (verb.lemma_.lower() not in sc.doc.book.speech_verbs or
         (noun.pos_ == "NOUN" and noun.dep_ == "nsubj")))


def _scare_quotes(sc: SentenceContext, d: Draft) -> bool:
    """Described as an "evacuation": scare quotes, not a claim of one."""
    first = d.tokens[0]
    if len(d.tokens) != 1 or first.pos_ != "NOUN" or \
            first.lemma_.lower() in d.type.quoted_terms:
        return False  # (not "declared 1,200 apartments 'ownerless'": the act's own term)
    text = text_of(first.doc)
    if first.dep_ in ("dobj", "nsubjpass") and \
            first.head.lemma_.lower() in sc.doc.book.speech_verbs:
        return False  # "announced the 'liberation' of X": the claim, in the writer's quotes
    if first.dep_ == "pobj" and first.head.head.lemma_.lower() in sc.doc.book.claim_nouns:
        return False  # "the statement about the 'liberation' of X": the same (decision 605)
    return text[max(0, first.idx - 1):first.idx] in ("\"", "“", "'", "‘") and \
        text[first.idx + len(first):first.idx + len(first) + 1] in ("\"", "”", "'", "’")


def _participle_adjective(sc: SentenceContext, d: Draft) -> bool:
    """A participle used as an adjective ("the abandoned dugout", "surrounding villages")."""
    first = d.tokens[0]
    return len(d.tokens) == 1 and first.dep_ == "amod" and not perfect_misparsed(first) and \
        not result_predicate(first) and \
        first.tag_ in ("VBN", "VBG", "JJ") and \
        first.head.ent_type_ not in ("GPE", "LOC", "FAC") and \
        first.head.pos_ != "PROPN"


def _adjective(sc: SentenceContext, d: Draft) -> bool:
    """An adjective other than what is left of people ("dead", "injured", "wounded")."""
    first = d.tokens[0]
    return len(d.tokens) == 1 and first.pos_ == "ADJ" and first.dep_ == "amod" and \
        first.lemma_.lower() not in sc.doc.lexicon.result_adjectives


def _no_plan(sc: SentenceContext, d: Draft) -> bool:
    """"have not ordered an evacuation": no plan, and no claim to deny."""
    planners = {p[0] for p in sc.doc.book.modality.get("planned", ()) if len(p) == 1}
    head = d.head
    gov = head.head
    return head.dep_ in ("dobj", "xcomp") and gov.pos_ == "VERB" and \
        gov.lemma_.lower() in planners and any(c.dep_ == "neg" for c in children_of(gov))


def _no_decision(sc: SentenceContext, d: Draft) -> bool:
    """"No decision has been taken on a mandatory evacuation of X", "a decision on
    evacuating X has not been made": a decision not taken, no event."""
    head = d.head
    prep = head.head
    if head.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("on", "about", "regarding"):
        return False
    gov = prep.head
    nouns = [gov] if gov.lemma_.lower() in sc.doc.lexicon.decision_nouns else [
        c for c in children_of(gov) if c.dep_ in ("nsubj", "nsubjpass", "dobj") and
        c.lemma_.lower() in sc.doc.lexicon.decision_nouns]
    for noun in nouns:
        verb = gov if noun is not gov else noun.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(noun)) or \
                any(c.dep_ == "neg" for c in children_of(verb)):
            return True
    return False


def _aim(sc: SentenceContext, d: Draft) -> bool:
    """"The enemy's goal is to take Huliaipole and push toward Zaporizhzhia": an aim, not
    an event."""
    head = d.head
    while head.dep_ == "conj" and head.head.pos_ == "VERB":
        head = head.head
    if head.tag_ != "VB" or head.dep_ not in ("xcomp", "ccomp", "attr", "advcl"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and
               c.lemma_.lower() in sc.doc.lexicon.aim_nouns for c in children_of(head.head))


def _demand(sc: SentenceContext, d: Draft) -> bool:
    """"Russia demanded that Ukraine pull its troops out of X", "urged residents to leave":
    a demand, a proposal or a wish, not an event."""
    prev = d.head
    for a in path_up(d.head)[1:4]:
        if prev.dep_ not in ("ccomp", "xcomp", "conj"):
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in sc.doc.lexicon.demand_verbs:
            return True
        prev = a
    return False


def _not_people(sc: SentenceContext, d: Draft) -> bool:
    """"all its guns had been evacuated": a type about people moving something else."""
    return d.type.needs_people and not people_or_place(d.head, sc.doc.book)


def _lost_a_thing(sc: SentenceContext, d: Draft) -> bool:
    """"Soldiers who had lost contact with their unit", "the town lost power": losing
    something that is neither people nor a figure is no loss of people (decision 453)."""
    head = d.head
    if d.type.name != "casualties" or head.lemma_.lower() != "lose" or head.pos_ != "VERB":
        return False
    people = sc.doc.book.count_nouns.get("people", frozenset())
    objs = [c for c in children_of(head) if c.dep_ == "dobj"]
    return bool(objs) and all(
        o.pos_ == "NOUN" and o.lemma_.lower() not in people and o.lemma_.lower() != "life"
        and not any(c.dep_ == "nummod" or c.like_num for c in children_of(o))
        for o in objs)


def _weapon_not_striking(sc: SentenceContext, d: Draft) -> bool:
    """"A missile destroyed two apartment buildings" is a strike; "the missile was
    destroyed over Kyiv" and "drones destroyed 11 tanks" are none: the weapon must be the
    subject of "destroy", and what it destroys no equipment (decision 485)."""
    if d.type.name != "strike" or len(d.tokens) < 2 or d.trigger.phrase[-1] != "destroy":
        return False
    weapon, verb = d.tokens[0], d.tokens[-1]
    subject = weapon.head if weapon.dep_ == "compound" else weapon
    if subject.dep_ != "nsubj" or subject.head.i != verb.i:
        return True
    equipment = sc.doc.book.equipment_index
    return any(c.dep_ == "dobj" and c.lemma_.lower() in equipment for c in children_of(verb))


def _cause_of_a_toll(sc: SentenceContext, d: Draft) -> bool:
    """"Russian attacks on Donetsk Oblast killed four civilians over the past day": attacks
    named only as what caused a region's toll sum many strikes and are no strike of their
    own (as decision 557 reads a plural subject); "a Russian attack killed three" is one,
    and so are strikes that killed people in a town the sentence names (decision 570)."""
    head = d.head
    if d.type.name != "strike" or len(d.tokens) != 1 or head.tag_ != "NNS" or \
            head.dep_ != "nsubj" or head.head.pos_ != "VERB":
        return False
    tolls = sc.doc.book.types.get("casualties")
    verb = head.head.lemma_.lower()
    sent = sc.sent
    # ("Russian strikes killed five people in Kherson on Monday": strikes on a town on a
    # day, coded as one)
    towns = any(p.place is not None and p.place.kind == "city" and
                sent.start_char <= p.start < sent.end_char for p in sc.doc.places)
    return tolls is not None and any(p == (verb,) for p in tolls.triggers) and not towns and \
        not any(c.like_num or c.dep_ == "nummod" for c in children_of(head))


def _purpose_infinitive(sc: SentenceContext, d: Draft) -> bool:
    """A purpose infinitive ("an assault to take X", "moved in to take X") is no event; an
    infinitive under a plan, an order or a claim is ("plan to storm", "ordered to leave"),
    and so is one a phase verb takes ("had begun to pull out")."""
    head, book, lex = d.head, sc.doc.book, sc.doc.lexicon
    governor = head.head.lemma_.lower()
    return not d.behaviour.purpose_infinitive and head.tag_ == "VB" and \
        any(c.lower_ == "to" and c.dep_ == "aux" for c in children_of(head)) and \
        governor not in lex.infinitive_verbs and \
        not (governor in lex.phase_verbs and head.dep_ == "xcomp" and
             not any(c.dep_ == "dobj" for c in children_of(head.head))) and \
        head.head.lemma_.lower() not in book.speech_verbs and \
        (head.head.lemma_.lower(),) not in book.modality.get("planned", ())


def _speech_verb(sc: SentenceContext, d: Draft) -> bool:
    """A speech verb is no event ("reported", "claimed"), unless the type's behaviour says
    so (casualty words: "lost")."""
    lemma = d.head.lemma_.lower()
    return bool(lemma in sc.doc.book.speech_verbs and not d.behaviour.speech_verb_event and
                len(d.tokens) == 1 and lemma != "claim")


def _not_a_place_object(sc: SentenceContext, d: Draft) -> bool:
    """A verb that is an event only with a place as its direct object ("Moscow claimed the
    town") used otherwise: "claimed that ...", "rejected both claims", "claimed the lives"."""
    if d.trigger.phrase not in d.type.object_only:
        return False
    head, book = d.head, sc.doc.book
    towns = book.place_anaphora.get("city", frozenset()) | \
        book.place_anaphora.get("region", frozenset())
    return not (head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in towns)
        for c in children_of(head)))


def _ground_fighting(sc: SentenceContext, d: Draft) -> bool:
    """An attack that is ground fighting, not a strike: "repelled 11 attacks", "attacks
    were repulsed", "Russian forces attacked near Ocheretyne" (no object), "the enemy
    attacked 51 times" (no object, no means)."""
    lex, head = sc.doc.lexicon, d.tokens[0]
    if d.type.name != "strike" or head.lemma_.lower() not in lex.ground_attack_words:
        return False
    repel = {w for w in lex.repel_verbs if " " not in w}
    if head.pos_ == "NOUN":
        verb = head.head
        return head.dep_ in ("dobj", "nsubjpass") and (
            verb.lemma_.lower() in repel or any(
                f"{verb.lemma_.lower()} {c.lower_}" in lex.repel_verbs
                for c in children_of(verb) if c.dep_ == "prt"))
    if head.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in children_of(head)):
        return False
    # "where the enemy attacked 51 times": a count of assaults, with no target and no means
    repeated = any(c.dep_ == "npadvmod" and c.lemma_.lower() == "time" and
                   any(n.dep_ == "nummod" for n in children_of(c)) for c in children_of(head)
                   ) and not any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.strike_means
                                 for c in children_of(head))
    return any(c.dep_ == "prep" and (c.lower_ in lex.ground_attack_preps or (
        repeated and c.lower_ != "with")) for c in children_of(head)) or (
        repeated and not any(c.dep_ == "prep" for c in children_of(head)))


def _people_or_machines_taken(sc: SentenceContext, d: Draft) -> bool:
    """"The enemy lost up to 60 troops there", "seized two tanks", "captured 12 soldiers":
    a verb of capture whose object is people or equipment takes no ground (decision 501)."""
    head = d.head
    if d.type.name != "territory.captured" or head.pos_ != "VERB" or len(d.tokens) != 1:
        return False
    book = sc.doc.book
    people = book.count_nouns.get("people", frozenset())
    objs = [c for c in children_of(head) if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in people or o.lower_ in people or
                              o.lemma_.lower() in book.equipment_index for o in objs)


_SETTING_ASIDE = {(",", "not"), ("rather", "than"), ("instead", "of")}


def _contrasted_away(sc: SentenceContext, d: Draft) -> bool:
    """"This was organised looting, not evacuation", "deportation rather than evacuation":
    a noun the speaker sets aside names no event (decision 502)."""
    first = d.tokens[0]
    if first.pos_ != "NOUN" or first.i - sc.sent.start < 2:
        return False
    doc = first.doc
    before = [t.lower_ for t in doc[max(sc.sent.start, first.i - 3):first.i]
              if t.pos_ not in ("DET", "ADJ")]
    return tuple(before[-2:]) in _SETTING_ASIDE


def _civil_operation(sc: SentenceContext, d: Draft) -> bool:
    """An operation that is no offensive: "an evacuation operation began", "a search and
    rescue operation", "since the start of the special military operation" (the war
    itself; decision 500)."""
    if d.type.name != "offensive.launched":
        return False
    words = sc.doc.lexicon.civil_operation_words
    for op in d.tokens:
        if op.lemma_.lower() != "operation":
            continue
        mods = [t for t in op.subtree if t.i < op.i and t.dep_ in (
            "compound", "amod", "nmod", "conj", "npadvmod")]
        if any(t.lemma_.lower() in words or t.lower_ in words for t in mods):
            return True
    return False


def _not_a_verb(sc: SentenceContext, d: Draft) -> bool:
    """A word that is an event only as a verb used as a noun or adjective ("no damage was
    reported", "assessed the damage", "a likely target"; codebook ``verb_only``)."""
    return d.trigger.phrase in d.type.verb_only and d.head.pos_ != "VERB"


NOT_EVENTS: tuple[NotEvent, ...] = (
    _threat_or_attempt, _condition, _modifier, _heading, _state_not_change, _possibility,
    _hypothetical_subject, _prospect, _habit, _scare_quotes, _participle_adjective,
    _adjective, _no_plan, _no_decision, _demand, _aim, _not_people, _lost_a_thing,
    _purpose_infinitive, _weapon_not_striking, _cause_of_a_toll,
    _speech_verb, _ground_fighting, _not_a_place_object, _question, _left_unsaid, _not_a_verb,
    _civil_operation, _people_or_machines_taken, _contrasted_away,
)


def not_habitual(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "Myrnohrad itself is under near-constant bombardment", "Huliaipole was a quiet
    town, shelled every day": a writer's picture of a place with no one claiming an event
    is no event (decision 288). A speaker's "drones hit the city every day" is left to the
    other rules."""
    if d.modality != "asserted" or d.claimant is not None or (d.own is not None and
                                                                d.own.since) or \
            any(t.lower_ == "since" for t in d.head.subtree):
        return True  # "has been shelled almost daily since 2022 / since troops left": a period
    words = " ".join(t.text for t in sorted({*d.head.subtree, *d.tokens, *(
        c for c in children_of(d.head.head) if c.dep_ in ("advmod", "npadvmod"))},
        key=lambda t: t.i))
    return not sc.doc.lexicon.habit_words.search(words)


def is_event(sc: SentenceContext, d: Draft) -> bool:
    """Guard: none of the rules of ``NOT_EVENTS`` says the trigger is no event."""
    return not any(rule(sc, d) for rule in NOT_EVENTS)


def perfect_misparsed(tok: Any) -> bool:
    """Return whether a participle read as an adjective is the verb of a perfect tense
    ("had stolen cattle, tractors and grain" parsed as "had [stolen cattle]"; "had started
    a fire and damaged power lines")."""
    if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.head.i <= tok.i:
        return False
    verb = tok.head.head
    if tok.head.dep_ == "conj" and verb.tag_ == "VBN" and tok.i > 0 and \
            tok.doc[tok.i - 1].lower_ == "and" and \
            any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children_of(verb)):
        # "had started a fire at a site in X and damaged power lines in Y", parsed as
        # "[damaged power lines]" coordinated with the verb: the second verb of the perfect
        return True
    have = tok.head.head
    if tok.head.dep_ != "dobj":
        # ('had "completely liberated" Toretsk' parsed with "had" an auxiliary of the name)
        have = next((c for c in children_of(tok.head) if c.dep_ == "aux" and
                     c.lemma_.lower() == "have" and c.i < tok.i), tok.head)
    if have.lemma_.lower() != "have" or have.i >= tok.i:
        return False
    # ('had "completely liberated" Selidovo': a quote mark may open the verb's words)
    return all(t.pos_ == "ADV" or t.text in _QUOTE_MARKS for t in tok.doc[have.i + 1:tok.i])


_QUOTE_MARKS = frozenset({'"', "'", "“", "‘", "«"})


def result_predicate(tok: Any) -> bool:
    """Return whether an adjective after its noun is what an event left it ("leaving two
    pensioners dead", parsed as a modifier of the object of "leave")."""
    noun = tok.head
    return bool(tok.dep_ == "amod" and tok.i > noun.i and noun.dep_ == "dobj" and
                noun.head.lemma_.lower() == "leave")


def people_or_place(head: Any, book: Codebook) -> bool:
    """Return whether what a trigger moves is people or a place (or is left unsaid)."""
    people = book.count_nouns.get("people", frozenset())
    towns = book.place_anaphora.get("city", frozenset()) | {"area", "district", "region",
                                                            "border", "zone", "village"}
    for c in children_of(head):
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "of" and
                                              head.pos_ == "NOUN"):
            n = next((g for g in children_of(c) if g.dep_ == "pobj"), None) if c.dep_ == "prep" \
                else c
            if n is None:
                continue
            if n.pos_ == "VERB":
                # "people still living in X would be taken to ...": the clause's subject
                n = next((g for g in children_of(n) if g.dep_ == "nsubj"), n)
            low = {n.lemma_.lower(), n.lower_}
            if low & people or low & towns or n.pos_ in ("PROPN", "NUM", "PRON") or \
                    n.lower_ in VAGUE or n.ent_type_ in ("GPE", "LOC"):
                continue
            if any(g.dep_ == "prep" and g.lower_ == "of" for g in children_of(n)):
                continue  # "families with children", "residents of X"
            return False
    return True


def _marked_as(head: Any, targets: list[Any]) -> bool:
    """"DeepState marked Sudzha as occupied", "showed the village as captured": the place
    is the object of the verb the participle is said of (decision 612)."""
    obj = marked_object(head)
    return obj is not None and any(t == obj or is_under(t, obj) for t in targets)


def marked_object(head: Any) -> Any | None:
    """The object a participle after "as" is said of ("marked Sudzha as occupied":
    Sudzha), else None."""
    if head.dep_ not in ("advcl", "oprd") or not any(c.dep_ == "mark" and c.lower_ == "as"
                                                     for c in children_of(head)):
        return None
    if any(c.dep_ == "neg" for c in children_of(head.head)):
        return None  # "DeepState, which has not marked Udachne as occupied"
    obj = next((c for c in children_of(head.head) if c.dep_ == "dobj"), None)
    # ("marked both villages as occupied": no one place)
    return obj if obj is not None and obj.tag_ != "NNS" else None


def has_needed_object(sc: SentenceContext, d: Draft) -> bool:
    """Guard: a single word that is an event only with an object has one ("Toretsk fell",
    "had lost Kurakhove": the place is the subject or object)."""
    trig, toks, head, et, chosen, ref = d.trigger, d.tokens, d.head, d.type, d.chosen, d.ref_tok
    if trig.phrase[0] not in et.needs_object:
        return True
    if len(trig.phrase) > 1:
        # "312 apartments had been taken over": a phrase whose object is named and is no
        # place is no capture (decision 298)
        own = {t.i for t in toks}  # "took control of": "control" is the phrase's own
        # ("none of the corps' units had been cut off": the noun the amount is of)
        # (not "..., the first settlement Moscow has claimed": a noun after the comma is
        # the object's apposition, parsed as a second object)
        objs = [c for c in children_of(head) if c.dep_ in ("dobj", "nsubjpass") and
                c.i not in own and c.pos_ == "NOUN" and not any(
                    n.lemma_.lower() in et.object_nouns for n in [c, *of_nouns(c)]) and
                not (c.i > head.i and c.left_edge.i > 0 and
                     c.doc[c.left_edge.i - 1].text == ",")]
        places = [c.tok for c in chosen] + ([ref] if ref is not None else [])
        return not objs or any(is_under(t, o) for o in objs for t in places)
    if head.pos_ == "NOUN":  # "the capture of X"
        return True
    targets = [c.tok for c in chosen] + ([ref] if ref is not None else []) + (
        [d.unresolved_place] if d.unresolved_place is not None else [])
    if object_place(head, toks, targets, sc.doc.lexicon):
        return True
    if _marked_as(head, targets):
        return True
    if d.behaviour.passive_object and any(c.dep_ in ("nsubjpass", "auxpass")
                                                  for c in children_of(head)):
        return True  # "the town had been encircled", "troops were surrounded"
    if d.behaviour.passive_object and head.dep_ == "acomp" and any(
            c.dep_ == "nsubj" and (c.lemma_.lower() in et.object_nouns or
                                   c.pos_ == "PROPN" or any(is_under(t, c) for t in targets))
            for c in children_of(head.head)):
        return True  # "units were encircled in Pokrovsk", the participle an adjective
    for c in children_of(head):  # "abandoned their positions in Vuhledar"
        # "encircled thousands of Ukrainian soldiers around Pokrovsk": the noun the
        # amount is of (decision 494)
        named = [c] + [g for p in children_of(c) if p.dep_ == "prep" and p.lower_ == "of"
                       for g in children_of(p) if g.dep_ == "pobj"] \
            if c.lemma_.lower() in sc.doc.lexicon.amount_nouns or c.like_num else [c]
        if c.dep_ in ("dobj", "nsubjpass") and any(
                n.lemma_.lower() in et.object_nouns for n in named) and \
                (any(is_under(t, c) for t in targets) or d.behaviour.passive_object or
                 _placed_beside(head, c, targets, sc.doc.lexicon)):
            return True
    if any(t.dep_ == "dobj" and t.head.lemma_.lower() in sc.doc.lexicon.list_verbs
           for t in targets):
        return True  # "listed X among the villages it had taken"
    if d.chosen and d.chosen == relative_antecedent(head, d.candidates, sc.doc.lexicon):
        return True  # "Bakhmut, which Russian forces captured in May 2023"
    if head.dep_ == "advcl" and head.tag_ == "VBN" and any(
            t.dep_ == "nsubj" and t.head == head.head for t in targets):
        return True  # "Occupied since 2022, Melitopol is ..."
    if settlements_tally(sc, d):
        return True  # "had captured 17 settlements in the Donetsk and Luhansk regions"
    if head.dep_ == "conj" and head.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children_of(head)) and any(
            t.dep_ == "nsubjpass" and t.head == head.head for t in targets):
        return True  # "X was occupied in 2022 and retaken by Ukraine in September"
    # a place written right after the verb is its object even where the parse says otherwise
    return any(t.i > head.i and t.head == head and t.dep_ not in ("prep", "agent", "nsubj")
               for t in targets) or bool(linear(toks, chosen, et, sc.doc.lexicon))


def settlements_tally(sc: SentenceContext, d: Draft) -> bool:
    """Whether the draft counts settlements rather than naming them ("captured 17
    settlements", "liberated 205 settlements since January")."""
    words = sc.doc.book.count_nouns.get("settlements", frozenset())
    if d.type.count != "settlements":
        return False
    return any(n.lemma_.lower() in words and any(
        c.dep_ == "nummod" and is_number_token(c) for c in children_of(n))
        for n in count_nouns(d.head, d.tokens))


_AMOUNT_PREPS = frozenset({"about", "around", "over", "nearly", "almost", "roughly", "some"})


def governs_part_of_place(sc: SentenceContext, d: Draft) -> bool:
    """Guard: a word that is an event only for part of a place ("control about 80% of
    X", "control most of it") governs such a part: its object says which part."""
    trig, head, et = d.trigger, d.head, d.type
    if len(trig.phrase) > 1 or trig.phrase[0] not in et.partial_only:
        return True
    if head.pos_ != "VERB":
        return False
    lex = sc.doc.lexicon
    # "controlled about a third of X": the parse may hang the part on "about" as a
    # preposition; the part is still what the verb governs
    objs = [c for c in children_of(head) if c.dep_ == "dobj"] + [
        g for c in children_of(head) if c.dep_ == "prep" and c.lower_ in _AMOUNT_PREPS
        for g in children_of(c) if g.dep_ == "pobj"]
    for obj in objs:
        # ('controlled "about a third" of X': the quotes do not part the share from its town)
        span = " ".join(t.text for t in obj.subtree if not t.is_quote)
        if obj.lower_ in lex.part_nouns and lex.partial_extent.search(span) and \
                not lex.whole_extent.search(span):
            return True
        if (lex.whole_extent.search(span) or obj.lower_ == "all") and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in children_of(obj)):
            return True  # "Russian forces control all of Toretsk" (decision 304)
        if obj.lemma_.lower() in sc.doc.book.count_nouns.get("settlements", frozenset()) \
                and any(c.dep_ == "nummod" or c.like_num for c in children_of(obj)):
            return True  # "controlled 82 settlements in the Kursk region" (decision 489)
    return False


def _placed_beside(head: Any, obj: Any, targets: list[Any], lex: Lexicon) -> bool:
    """"Seized several blocks in the south-eastern part of X": the place is in a locative
    phrase of the verb beside its object, which says which part (not "had taken part in
    the assault"; decision 578)."""
    if not any(c.dep_ in ("det", "amod", "nummod", "quantmod") for c in children_of(obj)):
        return False
    return any(is_under(t, p) for p in children_of(head)
               if p.dep_ == "prep" and p.lower_ in lex.locative_preps for t in targets)


def not_own_ground(sc: SentenceContext, d: Draft) -> bool:
    """Guard: a side that holds or controls part of a place in its own country claims no
    capture ("our units hold the northern part of the village", "Kyiv says it holds most of
    Vovchansk"), and denies one told before; Ukrainian troops holding part of the Kursk
    region do claim one (decision 545)."""
    trig = d.trigger
    if len(trig.phrase) > 1 or trig.phrase[0] not in d.type.partial_only:
        return True
    subject = next((c for c in children_of(d.head) if c.dep_ == "nsubj"), None)
    if subject is None:
        return True
    side = side_of(" ".join(t.text for t in subject.subtree), sc.doc.book)
    if side is None and d.att.claimant is not None and (
            subject.lower_ in ("it", "we", "they") or
            any(t.lower_ in ("our", "its", "their") for t in subject.subtree)):
        side = d.att.claimant.side  # "our units", "it holds": the speaker's side
    countries = {p.country for p, _ in d.places if p is not None}
    if side is None or countries != {side}:
        return True
    # answering another's claim that the place was taken, it denies that claim
    ids = {p.geonameid for p, _ in d.places if p is not None}
    if any(f.mention.type == d.type.name and f.mention.place is not None and
           f.mention.place.geonameid in ids and f.mention.modality != "denied"
           for f in sc.found_so_far()):
        d.att.denial = True
        return True
    return False


def has_military_subject(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "left", "abandoned" are withdrawals only with a military subject."""
    trig, head, et, book = d.trigger, d.head, d.type, sc.doc.book
    if " ".join(trig.phrase) in et.needs_military_agent and not _armed_agent(head, book):
        return False
    if trig.phrase[0] not in et.needs_military_subject:
        return True
    if any(c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "without")
           for c in children_of(head)):
        return False  # "left the town without power", "fields were left unsown": a result
    subj = None
    for a in path_up(head)[:3]:
        subj = next((c for c in children_of(a) if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            break
        if a.dep_ == "advcl" and a.tag_ == "VBG":
            # "a drone attack damaged X, leaving ...": the participle's subject is its head's
            subj = next((c for c in children_of(a.head) if c.dep_ == "nsubj"), None)
            if subj is not None:
                break
        dobj = next((c for c in children_of(a.head) if c.dep_ == "dobj"), None) \
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


def has_civilian_subject(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "300 people have left the community" is an evacuation; "troops left the
    town", "the town was left without power" are not (decision 558)."""
    if d.trigger.phrase[0] not in d.type.needs_civilian_subject or len(d.trigger.phrase) > 1:
        return True
    if d.head.tag_ == "VBG":
        return False  # "people are leaving X because it is shelled": a trend, no event
    subj = next((c for c in children_of(d.head) if c.dep_ == "nsubj"), None)
    if subj is None and d.head.dep_ == "conj":
        subj = next((c for c in children_of(d.head.head) if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    nouns = sc.doc.book.civilian_nouns
    return subj.lemma_.lower() in nouns or subj.lower_ in nouns or any(
        n.lemma_.lower() in nouns for n in of_nouns(subj))


def has_military_object(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "detained two members of a sabotage group" takes soldiers prisoner; "detained
    a man suspected of spying" does not (decision 564). "Killed five saboteurs and detained
    two others": the others are of the verb before."""
    if d.trigger.phrase[0] not in d.type.needs_military_object:
        return True
    head, book = d.head, sc.doc.book
    objs = [c for c in children_of(head) if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return False
    obj = objs[0]
    if (obj.lower_ in ("others", "more", "rest") or obj.like_num) and head.dep_ == "conj":
        # ("four saboteurs were killed and one was detained": one of those of the verb before)
        obj = next((c for c in children_of(head.head) if c.dep_ in ("dobj", "nsubjpass")), obj)
    nouns = [obj, *of_nouns(obj)]
    return any(n.lemma_.lower() in book.soldier_nouns or n.lower_ in book.soldier_nouns or
               any(c.lemma_.lower() in book.soldier_nouns for c in n.subtree) for n in nouns)


def _armed_agent(head: Any, book: Codebook) -> bool:
    """Whether a passive trigger's agent, if it has one, is an armed actor or a party ("cut
    off by Russian troops", "by Russia"), not a thing ("cut off by a destroyed bridge")."""
    agents = [g for c in children_of(head) if c.dep_ == "agent" for g in children_of(c)
              if g.dep_ == "pobj"]
    return not agents or any(
        a.lemma_.lower() in book.military_nouns or a.lower_ in book.military_nouns or
        a.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or
        any(c.ent_type_ in ("NORP", "ORG", "GPE") for c in a.subtree) for a in agents)


def particular(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "a fall of Lyman would ...": no particular event (for a state of territory),
    nor "one of the largest thefts of cultural property" (a class compared);
    "found itself in an encirclement", "ended up in a cauldron" is one."""
    head = d.head
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "into"):
        return True
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of" and \
            head.head.head.lower_ in ("one", "some", "many", "most") and not (
                head.head.head.dep_ == "dobj" and head.head.head.head.pos_ == "VERB"):
        # "one of the largest thefts in Europe": a class compared, no event; "Russia
        # launched one of its largest attacks on Kyiv" is one (decision 491)
        return False
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "about") and \
            (head.head.head.lemma_.lower() in sc.doc.book.claim_nouns or
             head.head.head.lemma_.lower() in sc.doc.lexicon.talk_nouns):
        return True  # "dismissed Putin's talk of an encirclement of X": the one claimed
    return not (d.head.pos_ == "NOUN" and d.behaviour.state and any(
        c.dep_ == "det" and c.lower_ in sc.doc.lexicon.indefinite_articles
        for c in children_of(d.head)))


def not_the_earlier(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "the pullback", "the liberation" with no place: the earlier event, not a new
    claim (for types whose behaviour says so)."""
    head = d.head
    # "announced the capture of Tonenke": a village the gazetteer lacks, named, is no
    # reference back
    return not (not d.chosen and d.unresolved_place is None and
                (d.ref_tok is None or d.ref_tok == head) and
                head.pos_ == "NOUN" and len(d.tokens) == 1 and any(
                    c.dep_ in ("det", "poss") and c.lower_ in sc.doc.lexicon.earlier_determiners
                    for c in children_of(head)) and d.behaviour.earlier_reference)


def not_in_passing(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "occupied Crimea": a state described in passing, not news."""
    head = d.head
    # "residents of occupied X", "in occupied X in March": a date of the sentence is the
    # main verb's, not the adjective's
    in_phrase = head.head.pos_ == "PROPN" and any(
        a.dep_ == "pobj" for a in path_up(head.head)[:2])
    doc = head.doc
    if len(d.tokens) == 1 and 0 < head.i < len(doc) - 1 and head.tag_ in ("VBN", "VBD") and \
            doc[head.i - 1].pos_ == "ADP" and doc[head.i + 1].pos_ == "PROPN":
        return False  # "in occupied Nova Kakhovka", however the parse reads "occupied"
    return not (len(d.tokens) == 1 and head.dep_ == "amod" and
                (d.own is None or in_phrase) and not any(
        c.lower_ in sc.doc.lexicon.recency_adverbs for c in children_of(head)) and
        not perfect_misparsed(head) and not result_predicate(head))


# How far back "no one was hurt", naming no place, may answer a claim of losses (decision
# 283; set on events_blind11)
DENIED_LOSSES_SENTENCES = 2


def not_a_policy_denial(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "Moscow denies targeting civilians": a denial of a practice, an -ing verb
    whose object is people or things in general and that names no place of its own, denies
    no event (decision 521)."""
    head = d.head
    if d.modality != "denied" or head.tag_ != "VBG" or head.dep_ not in ("xcomp", "dobj",
                                                                        "pcomp", "ccomp"):
        return True
    objs = [c for c in children_of(head) if c.dep_ == "dobj"]
    general = [o for o in objs if o.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in children_of(o))]
    own_place = any(is_under(c.tok, head) for c in d.candidates)
    return not (general and not own_place)


def not_a_report_of_none(sc: SentenceContext, d: Draft) -> bool:
    """Guard: "No one was hurt", "the driver was not injured": a report that a strike
    caused no losses is no event, and denies nothing unless someone claimed losses there
    (a coder codes the strike, not its absent casualties)."""
    none_reported = (d.behaviour.losses and d.type.count == "people") or \
        d.type.denial_answers_claim  # "no hits were recorded", "no evacuation was ordered"
    if not none_reported or d.modality != "denied" or d.att.denial:
        return True  # "no equipment had been left behind" answers a withdrawal: kept
    place = d.places[0][0] if d.places else None
    # a place the sentence does not name is borrowed: only a claim just told is answered
    # ("... killing five of the crew. In Feodosia, ... He said no one was hurt": no denial)
    reach = DENIED_LOSSES_SENTENCES if d.fell_back else len(sc.doc.found) + sc.index + 1
    return any(f.mention.type == d.type_name and f.mention.modality != "denied" and
               sc.index - f.sentence <= reach and
               not same_source(f.source, d.claimant) and
               (place is None or f.mention.place is None or
                f.mention.place.geonameid == place.geonameid)
               for f in sc.found_so_far())
