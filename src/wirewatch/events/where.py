"""The place of an event: found through the sentence's structure, never guessed.

A place counts for a trigger when the parse ties it to the trigger: its
object ("took Petropavlovka"), passive subject ("Volchansk had been
liberated"), a prepositional phrase ("offensive towards Tetkino", "in the
Kupyansk direction"), or a definite reference to a place named earlier ("the
town", "there", "in the area"). Places that only qualify an actor or a speaker
("Ukraine's General Staff", "Belgorod officials", "Moscow-installed") are not
event places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from wirewatch.events.codebook import Codebook, EventType
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.naming import person_name
from wirewatch.events.syntax import (
    children_of,
    is_under,
    paragraph_start,
    path_up,
    question_before,
    sent_of,
    subject_of,
    text_of,
    token_at,
    tree_distance,
)
from wirewatch.places.models import Place, PlaceMention
from wirewatch.places.recognize import VILLAGE_BEFORE


@dataclass
class Candidate:
    """A resolved place mention of the sentence with its head token."""

    mention: PlaceMention
    tok: Any
    excluded: bool = False  # names an actor or speaker, not where something happened
    qualifier: bool = False  # only qualifies an actor ("Moscow's forces", "Kyiv-based")

    @property
    def place(self) -> Place:
        """Return the resolved place (candidates are resolved mentions only)."""
        assert self.mention.place is not None
        return self.mention.place


def candidates(sent: Any, places: Sequence[PlaceMention], book: Codebook, lexicon: Lexicon,
               speaker_spans: list[tuple[int, int]]) -> list[Candidate]:
    """Return the resolved place mentions of a sentence, marking those that qualify actors."""
    out = []
    doc = sent.doc
    text = text_of(doc)
    for p in places:
        if p.place is None or not (sent.start_char <= p.start < sent.end_char):
            continue
        tok = token_at(doc, p.start, p.end)
        if tok is None:
            continue
        excluded = any(s <= p.start < e for s, e in speaker_spans) or speaks(tok, book,
                                                                             lexicon) \
            or _capital_acting(tok, book, lexicon)
        rng = person_name(tok, lexicon)
        if rng is not None and doc[rng[0]].idx < p.start:
            continue  # the surname of a person ("Alexei Smirnov"), not a place
        qualifier = qualifies_by_hyphen(p, text) or _locates_place(p, places, text) or \
            qualifies_actor(tok, book) or _of_a_title(tok, lexicon) or \
            (p.surface.isupper() and p.start < 3 and text[p.end:p.end + 1] == ",")  # dateline
        out.append(Candidate(p, tok, excluded or qualifier, qualifier))
    return out


def _capital_acting(tok: Any, book: Codebook, lexicon: Lexicon) -> bool:
    """Whether a capital is the subject of a verb with an object: "Moscow struck Kyiv with
    40 missiles", "Moscow has targeted the region's ports", "Kiev lost up to 230 troops"
    (the government acting or losing its forces, not where it happened; decision 500;
    "Kyiv came under attack", "Kyiv lost power" stay Kyiv); "Kyiv's offensive"."""
    verb = tok.head
    if tok.dep_ == "poss" and tok.lower_ in lexicon.capitals and \
            verb.lemma_.lower() in lexicon.operation_nouns:
        return True  # "in the wake of Kyiv's cross-border offensive": the side (decision 511)
    if tok.dep_ != "nsubj" or tok.lower_ not in lexicon.capitals or verb.pos_ != "VERB":
        return False
    objs = [c for c in children_of(verb) if c.dep_ == "dobj"]
    if verb.lemma_.lower() not in lexicon.loser_verbs:
        return bool(objs)
    people = book.count_nouns.get("people", frozenset())
    return any(o.lemma_.lower() in people or o.lemma_.lower() in book.equipment_index
               for o in objs)  # ("Kyiv lost power": Kyiv's)


def speaks(tok: Any, book: Codebook, lexicon: Lexicon) -> bool:
    """Whether a place is the subject of a verb of saying or naming: "what Moscow called a
    provocation", "Kyiv says": the government, not where anything happened."""
    # (not "Bilogorovka, described as the last strongpoint": a verb with nothing said)
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.tag_ != "VBN" and (
        verb.lemma_.lower() in book.speech_verbs or
        verb.lemma_.lower() in lexicon.naming_verbs) and any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in children_of(verb))


_REGION_AFTER = re.compile(r",\s*(?P<in>in\s+)?(?:the\s+)?|\s+(?P<bare_in>in)\s+(?:the\s+)?")


def _locates_place(p: PlaceMention, places: Sequence[PlaceMention], text: str) -> bool:
    """Whether a region only locates the place written right before it ("pulled out of
    Hrekivka, in Luhansk Oblast", "Lyptsi, Kharkiv region"): the event is at that place,
    known to the gazetteer or not (decision 291)."""
    if p.place is None or p.place.kind != "admin1":
        return False
    for q in places:
        if q.end > p.start or p.start - q.end > 8:
            continue
        m = _REGION_AFTER.fullmatch(text, q.end, p.start)
        if m is None:
            continue
        if q.place is None:  # a village the gazetteer lacks, "in" its region
            return bool(m.group("in") or m.group("bare_in"))
        return q.place.kind == "city" and (q.place.country, q.place.admin1_code) == (
            p.place.country, p.place.admin1_code)
    return False


def qualifies_by_hyphen(p: PlaceMention, text: str) -> bool:
    """Return whether a place name only qualifies a word it is hyphened to
    ("Moscow-installed officials", "Kyiv-based"): never where anything happened."""
    after = text[p.end:p.end + 2]
    return after[:1] in ("-", "–") and after[1:2].isalpha()


def _of_a_title(tok: Any, lexicon: Lexicon) -> bool:
    """"The governor of the Kherson region", "the mayor of Kherson": a place an office is
    named for (where the parse did not see the speaker it belongs to)."""
    t = tok
    while t.dep_ in ("compound", "amod") and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and \
        bool(lexicon.role_words.fullmatch(t.head.head.text))


def qualifies_actor(tok: Any, book: Codebook) -> bool:
    """Whether a place word only qualifies an actor ("Kharkiv police", "the Kiev regime")."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod"):
            head = t.head
            if head.lemma_.lower() in book.actor_nouns or head.lower_ in book.actor_nouns:
                return True
            if head.pos_ in ("PROPN", "NOUN") and head.dep_ in ("compound", "nmod"):
                t = head
                continue
        break
    return False


def anchor(tokens: Sequence[Any]) -> Any:
    """Return the token a trigger phrase hangs on (its verb, else its first noun)."""
    for t in tokens:
        if t.pos_ in ("VERB",):
            return t
    first = tokens[0]
    if first.pos_ == "ADP":  # "in a cauldron", "under Russian control"
        return first.head
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    for t in nouns:
        if len(tokens) > 1 and all(o == t or is_under(o, t) for o in tokens):
            return t  # "mortar and artillery fire": the noun the whole phrase hangs on
    for t in nouns:
        if t.dep_ != "compound" or t.head not in tokens:
            return t  # "a drone attack": the head noun, not its modifier
    return nouns[0] if nouns else first


ARG_DEPS = {"dobj", "prep", "advmod", "npadvmod", "attr", "agent", "nsubjpass", "dative"}


def _scope_roots(trig: Any, tokens: Sequence[Any],
                 place_toks: set[int] | frozenset[int] = frozenset(),
                 noun_reaches_verb: bool = True) -> list[Any]:
    roots = list(tokens)
    if trig not in roots:
        roots.append(trig)
    subj = subject_of(trig)
    if subj is not None and (subj.dep_ == "nsubjpass" or subj.i in place_toks or
                             not _is_actor(subj)):
        roots.append(subj)
    if noun_reaches_verb and (trig.pos_ == "NOUN" or trig.tag_ == "VBG") and \
            trig.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "a missile strike destroyed a depot in Druzhkivka", "passports handed out there"
        roots.extend(c for c in children_of(trig.head) if c.dep_ in ARG_DEPS and c != trig)
    elif noun_reaches_verb and trig.pos_ == "NOUN" and trig.dep_ == "compound" and \
            trig.head.dep_ in ("nsubj", "nsubjpass"):
        # "an evacuation bus will leave the community centre": the vehicle's verb
        roots.extend(c for c in children_of(trig.head.head)
                     if c.dep_ in ARG_DEPS and c != trig.head)
    if trig.dep_ == "advcl" and trig.tag_ == "VBN" and subj is None:
        # "Occupied since 2022, Melitopol is ...": the participle's subject is the head's
        roots.extend(c for c in children_of(trig.head) if c.dep_ == "nsubj")
    if trig.dep_ == "conj" and trig.pos_ == "NOUN" and trig.head.pos_ == "NOUN" and \
            trig.i - trig.head.i <= 3 and not any(c.dep_ in ("det", "poss")
                                                  for c in children_of(trig)):
        # "mortar and artillery fire on the community": the conjuncts share their modifiers
        roots.extend(c for c in children_of(trig.head) if c.dep_ == "prep")
    if trig.dep_ in ("amod", "acl", "relcl") and trig.head.pos_ in ("PROPN", "NOUN"):
        roots.append(trig.head)
    if trig.pos_ == "AUX" or trig.lemma_ == "be":
        roots.extend(c for c in children_of(trig) if c.dep_ in ("nsubj", "attr"))
    if trig.dep_ == "acomp" and trig.head.lemma_ in ("be", "remain", "stay"):
        # "Ukrainian forces in Kupiansk-Vuzlovyi are not encircled": the participle read
        # as an adjective; its subject is the one it befell, with its place (decision 543)
        roots.extend(c for c in children_of(trig.head) if c.dep_ in ("nsubj", "nsubjpass"))
    return roots


def _is_actor(tok: Any) -> bool:
    return tok.ent_type_ not in ("GPE", "LOC", "FAC") and tok.lemma_.lower() not in (
        "town", "city", "village", "settlement", "district", "area")


BLOCK_DEPS = {"relcl", "ccomp", "advcl", "parataxis", "csubj"}


def _path_ok(tok: Any, root: Any, et: EventType, lex: Lexicon, temporal_ok: bool = False,
             events: set[int] | frozenset[int] = frozenset(), subject_ok: bool = False,
             phrase: frozenset[int] = frozenset()) -> bool:
    """Return whether a place hangs on a scope root without leaving the trigger's clause
    (``temporal_ok``: "while they held the town" still speaks of the same place;
    ``phrase``: the trigger's tokens, when known)."""
    prev = tok
    for a in path_up(tok):
        if a.i == root.i:
            # a noun of the trigger phrase behind an avoided preposition ("taken to hospital
            # in X") does not lead to the event's place; a trigger behind one that hangs
            # outside its phrase does ("the toll from the attack on Odesa")
            return not (a != tok and a.dep_ == "pobj" and a.head.lower_ in et.avoid_preps
                        and (a.i not in phrase or a.head.head.i in phrase))
        if a.dep_ == "relcl" and a.lemma_.lower() in lex.naming_verbs and \
                prev.dep_ in ("oprd", "attr", "dobj", "xcomp") and prev.i > a.i:
            prev = a
            continue  # "the village, which Kiev calls Torske": the name of the village
        prev = a
        if a.dep_ == "prep" and a.lower_ in et.avoid_preps and not _other_part_of(a, lex):
            return False
        if a.dep_ == "prep" and a.head.i == root.i and _ends_a_destination(a, et):
            return False
        if a.dep_ in ("nsubj", "csubj") and a.head == root and a.i not in events and \
                not subject_ok:
            # the actor's own phrase ("output in the Donbas has fallen"), unless it is an
            # event itself ("a missile strike on Sumy killed four")
            return False
        if a.dep_ in BLOCK_DEPS and not (
                temporal_ok and a.dep_ == "advcl" and
                any(c.lower_ in ("while", "when") for c in children_of(a))) and \
                not _losses_participle(a, root, et):
            return False
        if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and not (
                a.tag_ == "VBN" and a.head.dep_ in ("acl", "amod") and a.head.tag_ == "VBN") \
                and not (a.tag_ == "VBN" and _losses_participle(a.head, root, et)):
            # (not "1,200 troops killed and wounded in Kupiansk": the participles of one
            # noun share its place; decision 407)
            return False
        if a.dep_ == "acl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(a)):
            return False
    return False


def _other_part_of(prep: Any, lex: Lexicon) -> bool:
    """"Moved to other parts of the city": a destination that is another part of a place
    is in that place, where the event is (decision 586)."""
    return any(g.dep_ == "pobj" and (g.lemma_.lower() in lex.part_nouns or
                                     g.lower_ in lex.part_nouns) and
               any(c.dep_ == "amod" and c.lower_ in lex.other_part_words
                   for c in children_of(g)) for g in children_of(prep))


def _ends_a_destination(prep: Any, et: EventType) -> bool:
    """"Were moved to temporary accommodation centres in Kursk": a place phrase right after
    the phrase of an avoided preposition says where the destination is, though the parse
    hangs it on the verb (decision 585)."""
    return any(c.dep_ == "prep" and c.lower_ in et.avoid_preps and c.i < prep.i and
               c.right_edge.i == prep.i - 1 and not (c.i > 0 and c.doc[c.i - 1].lower_ == "up")
               for c in children_of(prep.head))  # (not "lost up to 1,300 militants in X")


def _losses_participle(a: Any, root: Any, et: EventType) -> bool:
    """"Lost 1,180 soldiers killed and wounded in the Kurakhove direction": the parse may
    hang the participles of the lost soldiers on the verb; they still tell where the losses
    were (decision 582)."""
    if a.dep_ != "advcl" or a.tag_ != "VBN" or a.head.i != root.i or \
            not any(c.dep_ == "dobj" for c in children_of(root)) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children_of(a)):
        return False
    return a.lemma_.lower() in et.subtype_words


def attach(trig: Any, tokens: Sequence[Any], et: EventType, cands: list[Candidate],
           events: set[int] | frozenset[int] = frozenset(),
           unresolved: Sequence[Any] = (), *, lex: Lexicon) -> list[Candidate]:
    """Return the places the sentence's structure ties to a trigger (coordinated ones too)."""
    roots = _scope_roots(trig, tokens, {c.tok.i for c in cands if not c.excluded},
                         et.noun_reaches_verb)
    if (et.needs_count or et.needs_equipment) and trig.lemma_.lower() in lex.loser_verbs:
        # "Ukrainian formations in the Kursk region lost 270 servicemen": where the losers
        # were is where they lost them
        subj = subject_of(trig)
        if subj is not None:
            roots.extend(c for c in children_of(subj) if c.dep_ == "prep")
    found: list[tuple[int, int, Candidate]] = []
    subject_ok = tuple(t.lemma_.lower() for t in tokens) in et.subject_is_target
    phrase = frozenset(t.i for t in tokens)
    for c in cands:
        if c.excluded:
            continue
        if c.place.kind == "country" and not et.country_place:
            continue
        if c.place.kind == "country" and c.tok.dep_ == "nsubj" and c.tok.head in (
                trig, trig.head) and c.tok.head.pos_ == "VERB":
            continue  # "Russia launched its offensive in X": the country acts there
        last = tokens[-1]
        if last.dep_ == "pobj" and last.head.lower_ in et.avoid_preps and \
                last.head.head.i in phrase and \
                c.tok.dep_ == "pobj" and c.tok.head.i == last.i + 1:
            continue  # "taken to hospital in X": where the destination is
        if not any(is_under(c.tok, r) and _path_ok(c.tok, r, et, lex, events=events,
                                                    subject_ok=subject_ok, phrase=phrase)
                   for r in roots):
            continue
        found.append((tree_distance(trig, c.tok), c.mention.start, c))
    named = {c.tok.i for c in cands} | {u.i for u in unresolved}
    found = [f for f in found if not _reference_point(f[2].tok, named, lex)]
    if not found:
        return []
    found.sort(key=lambda x: (x[0], x[1]))
    best = found[0][2]
    inner = [c for _d, _s, c in found[1:] if is_container(best.place, c.place) and
             not an_example(c.tok, lex)]
    if inner:
        # "in the Kherson region, an attack on a market in Bilozerka": the most specific
        # place tied to the trigger, not the region around it
        best = inner[0]
    best = _where_antecedent(best, trig, cands)
    if best.place.kind != "city":
        # "the liberation of Krasni Lyman, a railway town in the DPR": the region only
        # locates a place the gazetteer could not resolve; the event's place is unknown
        for u in unresolved:
            if is_under(best.tok, u) and u.i != best.tok.i and \
                    tree_distance(trig, u) < tree_distance(trig, best.tok):
                return []
    chosen = [best]
    for _d, _s, c in found[1:]:
        if _kind(c) == _kind(best) and _coordinated(best.tok, c.tok, lex):
            chosen.append(c)
    return _listed_with(chosen, [c for _d, _s, c in found])


# a place right after one of these locates the one before it, it is no member of a list
_LOCATING_PREPS = frozenset({"in", "of", "near", "outside", "at"})
# what may stand between two members of a written list of places ("X, Y and Z")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s*$")
_SMALL_PLACE_WORDS = frozenset({"village", "settlement", "hamlet", "locality"})
# a town named only to locate another ("Kostiantynivka, the last large town south of
# Kramatorsk"): never what "the town" later refers to (decision 290)
# ("the southern part of Siversk" is Siversk itself)
# ("about 25 kilometers (15 miles) from Sumy": a distance given in two units too,
# decision 499)
_LOCATOR_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$|"
                             r"\b(?:km|kilometres|kilometers|miles)\)?\s+(?:from|of|outside)"
                             r"\s+$", re.I)



def _listed_with(chosen: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The chosen places with the members of the same written list the parse split off
    ("in the Donetsk, Luhansk and Kharkiv regions" parsed as two phrases)."""
    text = text_of(chosen[0].tok.doc)
    out = list(chosen)
    grown = True
    while grown:
        grown = False
        for c in found:
            if c in out or _kind(c) != _kind(out[0]):
                continue
            before = text[max(0, c.mention.start - 8):c.mention.start].split()
            if before and before[-1].lower() in _LOCATING_PREPS:
                continue  # "Krasnarmeysk in Donetsk and Volchansk": Donetsk only locates
            if any(_LIST_GAP.match(text[a.mention.end:b.mention.start])
                   for a, b in ((c, o) for o in out) if a.mention.end <= b.mention.start) or \
                    any(_LIST_GAP.match(text[o.mention.end:c.mention.start])
                        for o in out if o.mention.end <= c.mention.start):
                out.append(c)
                grown = True
    return out


def _where_antecedent(best: Candidate, trig: Any, cands: list[Candidate]) -> Candidate:
    """"Near Volchansk in the Kharkov Region, where the enemy lost 110 troops": a "where"
    clause the parse hangs on the region stands for the town the region only locates."""
    tok = best.tok
    if best.place.kind == "city" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return best
    clause = next((c for c in children_of(tok) if c.dep_ == "relcl" and is_under(trig, c) and
                   any(w.lower_ == "where" for w in children_of(c))), None)
    if clause is None:
        return best
    town = next((c for c in cands if c.tok == tok.head.head and c.place.kind == "city" and
                 not c.excluded), None)
    return town or best


def tied_unresolved(trig: Any, tokens: Sequence[Any], et: EventType, unresolved: Sequence[Any],
                    lex: Lexicon, located: frozenset[int] = frozenset()) -> Any | None:
    """Return the unresolved place (a village the gazetteer lacks) the parse ties to a
    trigger as its object or location ("had taken Yanvarske", "the liberation of the village
    of Starytsia"), if any; ``located``: names a region right after places, which the
    tagger's guess of a person does not overrule ("Kotlyne in the Donetsk region")."""
    roots = _scope_roots(trig, tokens, noun_reaches_verb=et.noun_reaches_verb)
    for u in unresolved:
        if (u.ent_type_ in ("PERSON", "NORP") and u.i not in located) or any(
                t.text == "(" for t in u.doc[max(0, u.left_edge.i - 3):u.left_edge.i]):
            continue  # "(Interfax-Ukraine)": an agency, not a village
        if any(is_under(u, r) and _path_ok(u, r, et, lex) for r in roots):
            return u
    return None


def _reference_point(tok: Any, named: set[int], lex: Lexicon) -> bool:
    """Return whether a place only locates another named just before it ("Chuhuiv,
    southeast of Kharkiv", "the village of Nelipivka north-east of Kostiantynivka",
    "the village of Kurylivka, near Kupiansk": decision 550)."""
    doc = tok.doc
    if tok.dep_ == "pobj" and tok.head.lower_ in lex.near_words and tok.head.i >= 2 and \
            doc[tok.head.i - 1].text == "," and tok.head.i - 2 in named:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or \
            tok.head.head.lower_ not in lex.compass_words:
        return False
    compass = tok.head.head
    for i in named:
        # "Chuhuiv, some 20 km southeast of": a measure may come between, not a clause
        if compass.i - 7 <= i < compass.i and not any(
                t.pos_ in ("VERB", "AUX", "CCONJ") for t in doc[i + 1:compass.i]):
            return True
    return False


def linear(tokens: Sequence[Any], cands: list[Candidate], et: EventType, lex: Lexicon
           ) -> list[Candidate]:
    """Return the place written right after the trigger ("captured Toretsk") or right before
    a passive one ("Toretsk was captured") when the parse tied nothing to it."""
    if not tokens:
        return []
    doc = tokens[0].doc
    first, last = tokens[0], tokens[-1]
    out = []
    for c in cands:
        if c.excluded or (c.place.kind == "country" and not et.country_place):
            continue
        span = doc.char_span(c.mention.start, c.mention.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > last.i:
            between = doc[last.i + 1:span.start]
            if len(between) <= 5 and all(t.pos_ in ("DET", "ADJ", "ADV", "NUM") or
                                         t.lower_ in lex.link_words for t in between):
                out.append(c)
        elif span.end <= first.i and first.tag_ == "VBN" and span.root.dep_ not in ("pobj",):
            # "Toretsk was captured", not "the fields near Sumy were left"
            between = doc[span.end:first.i]
            if 0 < len(between) <= 4 and all(t.pos_ in ("AUX", "ADV", "PART")
                                             for t in between):
                out.append(c)
    return out[:1]


def _kind(c: Candidate) -> str:
    """The kind of place a mention names: a village the gazetteer lacks (coded to its
    region) is still a village, coordinated with towns ("X in the DPR and Y")."""
    return "city" if c.mention.container is not None else c.place.kind


def _coordinated(a: Any, b: Any, lex: Lexicon) -> bool:
    if b.dep_ == "conj" and (b.head == a or (b.head.dep_ == "conj" and b.head.head == a)
                             or is_under(b.head, a)):
        return True  # "X and Y", "X in the Donetsk region and Y"
    if b.dep_ == "pobj" and b.head.lower_ == "of" and b.head.head.dep_ == "conj" and \
            b.head.head.head == a and b.head.head.lower_ in lex.object_heads:
        return True  # "X and most of Y", "X and the eastern part of Y"
    return bool(a.dep_ == "conj" and a.head == b)


def object_place(trig: Any, tokens: Sequence[Any], targets: Sequence[Any], lex: Lexicon
                 ) -> bool:
    """Return whether a place token (or a reference) is the trigger's object or passive subject."""
    # a subject is the place only of a verb with no object ("Toretsk fell"); "Shostka lost
    # power" is the town's loss, not a loss of the town (decision 298)
    transitive = any(c.dep_ == "dobj" for c in children_of(trig))
    if trig.dep_ == "relcl" and not transitive and any(
            c.dep_ == "nsubj" and c.lower_ in lex.relative_pronouns for c in children_of(trig)):
        # "Pokrovsk, a logistics hub that fell after a months-long battle": the place the
        # relative clause's antecedent stands for (decision 505)
        ante = trig.head
        if any(t == ante or (ante.dep_ == "appos" and ante.head == t) for t in targets):
            return True
    for t in targets:
        # "captured Kotlyne, Donetsk region": the parse made the name a modifier of the
        # region that locates it
        named_first = t.dep_ == "nmod" and t.head.i > t.i
        for a in path_up(t):
            if a.head == trig or a.head in tokens:
                if a.dep_ == "nsubj" and transitive:
                    break
                if a.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") and (
                        a == t or a.lemma_.lower() in lex.object_heads or a.pos_ == "PROPN"
                        or named_first):
                    return True
                if a.dep_ == "prep" and a.lower_ in ("of", "over"):
                    return True
                break
            if (a.dep_ == "relcl" and a.lemma_.lower() in lex.naming_verbs) or \
                    (a.dep_ in ("oprd", "attr") and a.head.dep_ == "relcl" and
                     a.head.lemma_.lower() in lex.naming_verbs):
                continue  # "the village, which Kiev calls Torske"
            if (a.dep_ not in ("pobj", "prep", "compound", "appos", "conj", "poss", "npadvmod") \
                    and not (a == t and named_first)) \
                    or (a.dep_ == "prep" and a.lower_ not in ("of",)):
                break
    return False


def anaphor(trig: Any, tokens: Sequence[Any], book: Codebook, et: EventType, lex: Lexicon
            ) -> Any | None:
    """Return a definite reference to a place in the trigger's phrase ("the town", "there")."""
    roots = _scope_roots(trig, tokens, noun_reaches_verb=et.noun_reaches_verb)
    places_words = book.place_anaphora.get("region", frozenset()) | \
        book.place_anaphora.get("city", frozenset())
    for r in roots:
        for t in r.subtree:
            if t.lower_ not in ("there", "it") and t.lemma_.lower() not in book.anaphora_words:
                continue  # only these words refer back (tested first: the rest is costlier)
            if t != r and not _path_ok(t, r, et, lex, temporal_ok=True):
                continue
            if any(a.dep_ == "prep" and a.lower_ in lex.period_preps for a in path_up(t)):
                continue
            if t.lower_ == "there" and t.dep_ in ("advmod",):
                return t
            if t.lower_ == "it" and et.place_required and t.head == r and \
                    t.dep_ in ("dobj", "nsubjpass"):
                return t  # "captured Vysokopillia and held it until Ukraine liberated it"
            low = t.lemma_.lower()
            kinds = [k for k, words in book.place_anaphora.items() if low in words]
            if not kinds or t.pos_ != "NOUN":
                continue
            if t.tag_ == "NNS" and "city" in kinds:
                continue  # "the villages": no one place
            if "capital" in kinds:
                if regional_capital(t, book):
                    return t  # "the regional capital", "the capital of the region"
                continue  # "the capital" alone: no anaphor (a country's capital is named)
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in places_words
                    for g in children_of(c)) for c in children_of(t)):
                continue  # "the front-line areas of the region": the region points back
            if lex.zone_words.search(" ".join(x.text for x in t.subtree)):
                continue  # "in the area of responsibility of the Centre group": no one place
            if t.tag_ == "NNS" and any(c.dep_ in ("amod", "compound") and
                                       c.lower_ in lex.vague_area_words
                                       for c in children_of(t)):
                continue  # "the border areas", "the front-line districts": no one place
            dets = {c.lower_ for c in children_of(t) if c.dep_ in ("det", "poss", "amod")}
            if t.dep_ == "compound" and not dets:
                # "the village school", "the town hall": the determiner is the head's
                dets = {c.lower_ for c in children_of(t.head) if c.dep_ in ("det", "poss")}
            if any(c.dep_ == "prep" and c.lower_ == "of" and
                   any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in children_of(c))
                   for c in children_of(t)):
                continue  # "the village of Vyimka" names a place, it does not point back
            if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
                   for c in children_of(t)):
                continue  # "the Azovstal steel plant" is named, it does not point back
            if dets & {"the", "this", "that", "same"}:
                return t
    return None


def _asked_about(before: Sequence[PlaceMention], tok: Any, text: str) -> PlaceMention | None:
    """"What happened in Kramatorsk on Monday night? ¶ They hit the city with three
    drones": the answer's "the city" or "there" is the town its question asked about."""
    question = question_before(text, paragraph_start(tok))
    if question is None:
        return None
    towns = [p for p in before if p.place is not None and p.place.kind == "city" and
             question[0] <= p.start < question[1]]
    return towns[-1] if len({p.place.geonameid for p in towns if p.place}) == 1 else None


def _city_reference(tok: Any, before: list[PlaceMention], places: Sequence[PlaceMention],
                    skip: set[int] | frozenset[int], event_places: set[int] | frozenset[int]
                    ) -> PlaceMention | None:
    """The town "the city" or "the town" points back to: one named earlier in its sentence,
    the speaker's own city office's, else the paragraph's (events' towns first)."""
    text = text_of(tok.doc)
    # "In Sevastopol, the governor said drones were shot down over the city": a town
    # named earlier in the same sentence comes before the places of earlier events
    here = [p for p in before if p.place is not None and p.place.kind == "city" and
            p.start >= sent_of(tok).start_char]
    if here:
        return here[-1]
    # "Andrii Besedin, head of the Kupiansk city military administration, said 37
    # residents had been evacuated from the city": the city the speaker's office is of
    # (decision 541)
    own_city = [p for p in places if p.place is not None and p.place.kind == "city" and
                p.start in skip and sent_of(tok).start_char <= p.start and
                p.end <= tok.idx and _CITY_OFFICE.match(text, p.end)]
    if own_city:
        return own_city[-1]
    # "Toretsk showed how long the dispute can last. Moscow claimed the town in
    # February": the paragraph's own town, before towns of earlier paragraphs' events
    # (decision 237)
    para = paragraph_start(tok)
    in_para = [p for p in before if p.place is not None and p.place.kind == "city" and
               p.start >= para]
    para_events = [p for p in in_para if p.place is not None and
                   p.place.geonameid in event_places]
    if para_events or in_para:
        return (para_events or in_para)[-1]
    return None


_TOWN_WORDS = frozenset({"town", "city"})
# a town's own office after its name: "the Kupiansk city military administration", "the
# head of the Gorlovka administration" (decision 541), not "the Kharkiv regional ..."
_CITY_OFFICE = re.compile(r"\s+(?:city\s|(?:military\s+)?administration\b|council\b|mayor)",
                          re.IGNORECASE)


def _speakers_seat(p: PlaceMention, doc: Any, book: Codebook) -> bool:
    """Whether a place only seats the speaker ("the General Staff in Kyiv said"): no
    antecedent of "the area" or "the town" told after it (decision 593)."""
    tok = token_at(doc, p.start, p.end)
    return tok is not None and seats_speaker(tok, book)


def seats_speaker(tok: Any, book: Codebook) -> bool:
    """Whether a place only seats a national body that speaks: "the General Staff in Kyiv
    said" (decision 593), "In Moscow, the Defence Ministry said" (decision 627)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    body = tok.head.head
    if body.dep_ == "nsubj" and body.lemma_.lower() in book.national_bodies and \
            body.head.lemma_.lower() in book.speech_verbs:
        return True
    verb = body
    return verb.lemma_.lower() in book.speech_verbs and tok.head.i < verb.i and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in book.national_bodies
        for c in children_of(verb))


def resolve_anaphor(tok: Any, places: Sequence[PlaceMention], book: Codebook,
                    skip: set[int] | frozenset[int] = frozenset(),
                    event_places: set[int] | frozenset[int] = frozenset()
                    ) -> PlaceMention | None:
    """Return the place a reference points back to: the latest fitting place before it,
    preferring places that earlier events of the article happened at."""
    low = tok.lemma_.lower()
    kind = next((k for k, words in book.place_anaphora.items() if low in words), "any")
    doc = tok.doc
    spans = [(doc[c.left_edge.i].idx, doc[c.right_edge.i].idx + len(doc[c.right_edge.i]))
             for c in children_of(tok) if c.dep_ in ("relcl", "appos", "acl")]
    named = [p for p in places if p.place is not None and p.place.kind == "city"
             and any(lo <= p.start < hi for lo, hi in spans)]
    if named and kind != "region":
        return named[0]  # "the town, which Ukraine calls Lyman, ..."
    text = text_of(doc)
    if kind == "region" and tok.tag_ != "NNS":
        # "the head of the Kherson regional administration said ... in the region": the
        # region the speaker is named for, before the regions of earlier sentences
        own = [p for p in places if p.place is not None and p.place.kind == "admin1" and
               sent_of(tok).start_char <= p.start and p.end <= tok.idx]
        if own:
            return own[-1]
    before = [p for p in places if p.place is not None and p.end <= tok.idx
              and p.place.kind != "country" and p.start not in skip
              and not qualifies_by_hyphen(p, text)
              and not (kind != "region" and _LOCATOR_BEFORE.search(text[max(0, p.start - 30):
                                                                     p.start]))
              # "MOSCOW (Reuters) - ... liberated the settlement": a dateline is where the
              # reporter writes from, never "the village" (decision 298)
              and not (low in _SMALL_PLACE_WORDS and getattr(p, "dateline", False))
              and not _speakers_seat(p, doc, book)]
    if not before:
        return None
    if low in _TOWN_WORDS:
        # "they had taken the village of Illinivka ... struck the town's central hospital":
        # a place the text called a village is no "town" (decision 632)
        towns = [p for p in before if not VILLAGE_BEFORE.search(text[max(0, p.start - 25):
                                                                      p.start])]
        before = towns or before
    if kind == "capital":
        return _capital_of_region(before, tok, text, places)
    if low in book.direction_words:
        # "in this direction": the town the article named a direction after
        named_dirs = [p for p in before if any(
            w.strip(",.;:)") in book.direction_words
            for w in text[p.end:p.end + 20].lower().split()[:1])]
        if named_dirs:
            return named_dirs[-1]
    if kind == "city":
        town = _city_reference(tok, before, places, skip, event_places)
        if town is not None:
            return town
    if kind in ("city", "any"):
        asked = _asked_about(before, tok, text)
        if asked is not None:
            return asked
    sent_start = sent_of(tok).start
    prev_start = sent_of(tok.doc[sent_start - 1]).start_char if sent_start > 0 else 0
    if kind == "any":
        # "there" points to the sentence before: the place of an event told there, else the
        # town it names ("... near Konstantinovka. Ukrainian losses there amounted to ...")
        recent = [p for p in before if p.start >= prev_start and p.place is not None and
                  (p.place.geonameid in event_places or p.place.kind == "city")]
        at_recent_events = [p for p in recent if p.place is not None and
                            p.place.geonameid in event_places]
        if recent:
            return (at_recent_events or recent)[-1]
    if kind == "site":
        # "the airfield": the town a site of that kind was named with ("Saky military
        # airfield", "the airfield near Saky"), else the place of the last event
        named_with = [p for p in before if low in text[max(0, p.start - 40):p.end + 40].lower()]
        towns = [p for p in named_with if p.place is not None and p.place.kind == "city"]
        if towns or named_with:
            return (towns or named_with)[-1]
    if kind != "region":
        # ("a fire at the plant" after a refinery struck "in Russia's Saratov region": the
        # region of that event, not a town struck before it; decision 496)
        at_events = [p for p in before if p.place is not None and
                     p.place.geonameid in event_places and
                     (kind in ("any", "site") or p.place.kind == "city")]
        if at_events:
            return at_events[-1]
    if kind == "city":
        cities = [p for p in before if p.place is not None and p.place.kind == "city"]
        return cities[-1] if cities else None
    if kind == "region":
        return _region_antecedent(before, tok, text) or _towns_region(before, tok)
    recent_cities = [p for p in before if p.place is not None and p.place.kind == "city"
                     and p.start >= prev_start]
    return recent_cities[-1] if recent_cities else before[-1]


# the adjectives of the codebook's region words: "the regional capital", "the provincial
# capital" (the nouns themselves come from the codebook: "the oblast centre", "the region's
# capital", "the capital of the republic")
_REGIONAL = frozenset({"regional", "provincial"})


def regional_capital(tok: Any, book: Codebook) -> bool:
    """Whether a noun is "the regional capital" (decision 626)."""
    if tok.lemma_.lower() not in book.place_anaphora.get("capital", frozenset()):
        return False
    regional = _REGIONAL | book.place_anaphora.get("region", frozenset())
    near = [c for c in children_of(tok) if c.dep_ in ("amod", "compound", "poss")]
    near += [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"
             for g in children_of(c) if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in regional for c in near)


def _capital_of_region(before: list[PlaceMention], tok: Any, text: str,
                       places: Sequence[PlaceMention]) -> PlaceMention | None:
    """"Zaporizhzhia regional governor Ivan Fedorov said drones struck the regional
    capital": the capital of the region the sentence names before it, else of the region
    or the town's region the text named last (decision 626)."""
    own = [p for p in places if p.place is not None and p.place.kind == "admin1" and
           sent_of(tok).start_char <= p.start and p.end <= tok.idx]
    region = own[-1] if own else (_region_antecedent(before, tok, text) or
                                  _towns_region(before, tok))
    if region is None or region.place is None or region.place.capital is None:
        return None
    return replace(region, place=region.place.capital)


def _region_antecedent(before: list[PlaceMention], tok: Any, text: str
                       ) -> PlaceMention | None:
    """The region "the region" points back to: the latest named, not one things were taken
    to ("Most of the collection was taken to Crimea"; decision 502)."""
    regions = [p for p in before if p.place is not None and p.place.kind != "city"
               # "the separatist republics": only a region made of several (Donbas)
               and (tok.tag_ != "NNS" or p.place.kind == "region")]
    stayed = [p for p in regions if not _DESTINATION_BEFORE.search(
        text[max(0, p.start - 20):p.start])]
    return (stayed or regions)[-1] if regions else None


def _towns_region(before: list[PlaceMention], tok: Any) -> PlaceMention | None:
    """"BELGOROD ... attacked 27 settlements in the region": where a text names no region
    before "the region", the region of the town it last named (decision 506)."""
    if tok.tag_ == "NNS":
        return None  # "the regions": several
    text = text_of(tok.doc)
    # (not a place named as an owner: "in the wake of Kyiv's cross-border offensive")
    towns = [p for p in before if p.place is not None and p.place.region is not None and
             not text.startswith(("'s", "’s"), p.end)]
    if not towns:
        return None
    last = towns[-1]
    assert last.place is not None and last.place.region is not None
    return replace(last, place=last.place.region)


def listing_verb(head: Any, book: Codebook) -> Any | None:
    """The copula or "include" that lists the places a participle says were hit ("Among
    the places hit were X and Y", "the settlements shelled included X"), if so."""
    noun = head.head
    nouns = book.count_nouns.get("settlements", frozenset()) | {"place"}
    if head.dep_ != "acl" or head.pos_ != "VERB" or noun.lemma_.lower() not in nouns:
        return None
    verb = next((a for a in path_up(noun)[1:] if a.pos_ in ("VERB", "AUX")), None)
    return verb if verb is not None and verb.lemma_.lower() in ("be", "include") else None


_DESTINATION_BEFORE = re.compile(r"\b(?:taken|moved|deported|transferred|relocated|"
                                 r"removed|sent|brought|evacuated)\s+(?:to|into)\s+"
                                 r"(?:the\s+)?$", re.IGNORECASE)


def direction(c: Candidate, book: Codebook) -> tuple[bool, bool]:
    """Return (is a direction/axis/sector, is one of several: "the X and Y axes")."""
    head = c.tok
    for _ in range(3):
        if head.dep_ not in ("compound", "nmod", "amod", "conj"):
            break
        head = head.head
        if head.lemma_.lower() in book.direction_words or head.lower_ in book.direction_words:
            return True, head.tag_ in ("NNS", "NNPS") or head.lower_ == "axes"
    return False, False


def low_confidence(place: Place, why: str) -> Place:
    """Return the place with confidence capped at 0.5 and the reason added."""
    return replace(place, confidence=min(place.confidence, 0.5),
                   explanation=f"{place.explanation}; {why}")


def passport_places(sent: Any, cands: list[Candidate], lexicon: Lexicon
                    ) -> tuple[list[Candidate], list[Candidate]]:
    """Return (home places of the recipients, venues where passports were issued)."""
    home_before, home_after, venue_before = \
        lexicon.home_before, lexicon.home_after, lexicon.venue_before
    text = text_of(sent.doc)
    homes, venues = [], []
    for c in cands:
        if c.excluded or c.place.kind == "country":
            continue
        if any(a.dep_ == "relcl" for a in path_up(c.tok)):
            continue  # "a centre in Gukovo, where buses from Donetsk arrived"
        p = c.mention
        before = text[max(sent.start_char, p.start - 40):p.start]
        if home_before.search(before) or home_after.match(text[p.end:p.end + 15]):
            homes.append(c)
        elif venue_before.search(before):
            venues.append(c)
        else:
            homes.append(c)
    return homes, venues


def an_example(tok: Any, lex: Lexicon) -> bool:
    """Whether a place is named as one example of many ("attacked 38 settlements in the
    region, including the city of Kherson"): the tally stays the region's (decision 131);
    every member of a list of examples is one ("including Kherson, Bilozerka and
    Antonivka")."""
    while True:
        if tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in lex.kind_nouns:
            tok = tok.head.head  # "..., Beryslav and the city of Kherson"
        else:
            break
    # "36 settlements of the region, among them Antonivka, Bilozerka and ..."
    if any(c.dep_ == "prep" and c.lower_ in lex.example_words and
           any(g.lower_ in _LIST_PRONOUNS for g in children_of(c)) for c in children_of(tok)):
        return True
    return any(a.lower_ in lex.example_words for a in path_up(tok)[:4])


_LIST_PRONOUNS = ("them", "these", "those")


def names_government(tok: Any, book: Codebook, lexicon: Lexicon) -> bool:
    """Whether a capital's name only qualifies an actor ("the Kiev regime"): a government,
    no place of the story (decision 500)."""
    return tok.lower_ in lexicon.capitals and qualifies_actor(tok, book)


def is_container(p: Place, of: Place) -> bool:
    """Return whether ``p`` is the region or country holding the city ``of``."""
    if of.kind != "city":
        return False
    if p.kind == "admin1":
        return bool(of.admin1) and of.admin1 == p.name
    if p.kind == "country":
        return of.country == getattr(p, "country", None)
    return False


def relative_antecedent(head: Any, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Bakhmut, which Russian forces captured in May 2023": the place a relative clause
    hangs on is the object its relative pronoun stands for."""
    pronoun = next((c for c in children_of(head) if c.dep_ in ("dobj", "nsubjpass") and
                    c.lower_ in lex.relative_pronouns), None)
    if head.dep_ == "relcl" and pronoun is None and head.head.dep_ == "appos" and \
            not any(c.dep_ == "dobj" for c in children_of(head)) and any(
                c.dep_ == "nsubj" and c.lower_ in lex.relative_pronouns
                for c in children_of(head)):
        # "Pokrovsk, a logistics hub that fell after a months-long battle": the place the
        # antecedent is set beside (decision 505)
        return [c for c in cands if c.tok == head.head.head and not c.excluded]
    if head.dep_ != "relcl" or pronoun is None:
        return []
    # "near Siversk and Bakhmut, which ... captured": the parse may hang the clause on the
    # first of the list; the pronoun stands for the name right before it
    named = {head.head.i, *(c.i for c in head.head.subtree if c.dep_ == "conj")}
    if head.head.dep_ == "appos":
        named.add(head.head.head.i)  # "Kupiansk, a town that was shelled on Monday"
    before = [c for c in cands if c.tok.i in named and c.tok.i < pronoun.i and not c.excluded]
    return before[-1:]
