"""Equipment: one mention per equipment noun the trigger takes, each with its own count
("destroyed two tanks, seven armoured vehicles and a Su-25" is three mentions)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from wirewatch.events.codebook import Codebook, EventType
from wirewatch.events.context import Draft, Found, SentenceContext
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.numbers import VAGUE, Count, count_from_token, is_number_token
from wirewatch.events.steps.count import count_of_noun, increment_after, up_to_object
from wirewatch.events.steps.when import choose_date, day_of_statement, running_since
from wirewatch.events.syntax import children_of
from wirewatch.events.triggers import Trigger
from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour


@register("equipment")
class Equipment(Behaviour):
    """Equipment lost: the count is read per noun, not per trigger."""

    losses = True
    parties = "loser"

    def count(self, sc: SentenceContext, d: Draft) -> bool:
        """No figure for the trigger: each equipment noun has its own."""
        return True

    def produce(self, sc: SentenceContext, d: Draft) -> list[Found]:
        """Return one mention per equipment noun and place ("47 drones over the Bryansk,
        Kursk and Oryol regions": one per region, each with the joint figure), with its
        count and date."""
        assert d.base is not None
        out: list[Found] = []
        where = d.places or [(None, None)]
        lex = sc.doc.lexicon
        items = [(n, kind, *(_figure_of(n, lex))) for n, kind in _kinds(
            equipment_nouns(d.head, d.tokens, d.type, d.trigger, sc.doc.book, lex), lex,
            sc.doc.book)]
        parts = [_increment(n, key, lex) if cnt else None for n, _k, cnt, key in items]
        # a tally with the day's part on some kinds: the kinds without one are totals too
        tally = any(p is not None for p in parts)
        for (n, kind, cnt, key), part in zip(items, parts, strict=True):
            if key is not None:
                sc.used_counts.add(key)
            when = d.linked or choose_date(sc, d, cnt)
            total = tally or bool(cnt and d.own and d.own.since)
            shares = _shares_over(n, where) if cnt is not None and len(items) == 1 else []
            if shares:
                # "downed 38 drones, 16 of them over the Belgorod region": the total has no
                # one place, each share has its own (decision 236)
                out.append(Found(replace(d.base, place=None, equipment=kind, count=cnt,
                                         date=when, aggregate=total), d.claimant, sc.index, None))
                out.extend(Found(replace(d.base, place=place, equipment=kind, count=share,
                                         date=when, aggregate=False), d.claimant, sc.index, pm)
                           for place, pm, share in shares)
                continue
            for place, pm in where:
                out.append(Found(replace(d.base, place=place, equipment=kind, count=cnt,
                                         date=running_since(sc, when) if tally else when,
                                         aggregate=total),
                                 d.claimant, sc.index, pm))
                if part is not None:  # the day's part of a running total is its own claim
                    out.append(Found(replace(d.base, place=place, equipment=kind, count=part,
                                             date=day_of_statement(d, when), aggregate=False),
                                     d.claimant, sc.index, pm))
        return out


# prepositions of where equipment in the air was brought down ("16 over the Belgorod region")
_SHARE_PREPS = frozenset({"over", "above"})


def _shares_over(noun: Any, where: list[Any]) -> list[tuple[Any, Any, Count]]:
    """The places of ``where`` written after the noun with a share of its figure before
    them: "38 drones, 16 of them over the Belgorod region", "112 drones, including 31 over
    the Samara region" -> [(place, place mention, 16)]."""
    doc = noun.doc
    out: list[tuple[Any, Any, Count]] = []
    for place, pm in where:
        if pm is None or place is None or pm.start <= noun.idx:
            continue
        span = doc.char_span(pm.start, pm.end, alignment_mode="expand")
        i = span.start - 1 if span is not None else -1
        if i > 0 and doc[i].lower_ == "the":
            i -= 1
        if i <= noun.i or doc[i].lower_ not in _SHARE_PREPS:
            continue
        i -= 1
        if i > noun.i + 1 and doc[i].lower_ in ("them", "which") and doc[i - 1].lower_ == "of":
            i -= 2
        if i <= noun.i or not is_number_token(doc[i]):
            continue
        share = count_from_token(doc[i])
        if share is not None and share.value is not None:
            out.append((place, pm, share))
    return out


def antecedent(n: Any, book: Codebook) -> Any | None:
    """The equipment a partitive's pronoun or a bare figure stands for: "112 drones; 74 of
    them were shot down", "48 drones, 31 of which were shot down", "... and 28 were
    locationally lost" -> drones (the last equipment noun before it in the sentence, or
    the sentence before)."""
    partitive = n.lower_ in ("them", "which") and n.dep_ == "pobj" and \
        n.head.lower_ == "of" and is_number_token(n.head.head)
    bare = is_number_token(n) and n.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ == "prep" for c in children_of(n))
    if not (partitive or bare):
        return None
    doc = n.doc
    start = doc[n.sent.start - 1].sent.start if n.sent.start > 0 else n.sent.start
    return next((t for t in reversed(doc[start:n.i])
                 if t.pos_ == "NOUN" and is_equipment(t, book)), None)


def _new_part(n: Any, taken: list[Any], book: Codebook) -> bool:
    """Whether a partitive or bare figure stands for equipment the trigger did not take
    itself ("downed 38 drones, 16 of them over the Belgorod region" is the share of a total
    the trigger took: decision 236's, not a kind of its own)."""
    ante = antecedent(n, book)
    return ante is not None and not any(ante.i == t.i or ante in t.subtree for t in taken)


def _kinds(nouns: list[Any], lex: Lexicon, book: Codebook) -> list[tuple[Any, str]]:
    """Each equipment noun with the words naming its kind; a noun joined by "and" to the one
    before it, with no figure of its own, is one item with it ("28 ships and boats",
    "43,500 vehicles and fuel trucks": one figure for both kinds)."""
    out: list[tuple[Any, str]] = []
    for n in nouns:
        kind = equipment_text(antecedent(n, book) or n, lex)
        if out and n.dep_ == "conj" and n.head == out[-1][0] and not any(
                c.dep_ in ("nummod", "det", "quantmod") for c in children_of(n)) and any(
                c.dep_ == "nummod" for c in children_of(n.head)) and any(
                t.lower_ == "and" for t in n.doc[n.head.i + 1:n.i]) and not any(
                t.text in (",", ";") for t in n.doc[n.head.i + 1:n.i]):
            out[-1] = (out[-1][0], f"{out[-1][1]} and {kind}")
            continue
        out.append((n, kind))
    return out


def _figure_of(noun: Any, lex: Lexicon) -> tuple[Count | None, int | None]:
    """The count of an equipment noun and where it is written; also a figure the parse cut
    off by the day's part ("10,541 (+6) Russian tanks": 10,541 hung on the verb)."""
    cnt, key = count_of_noun(noun, None, lex)
    if cnt is not None:
        return cnt, key
    j = noun.i - 1
    while j >= 0 and (noun.doc[j].text in ("(", ")") or noun.doc[j].text.startswith("+") or
                      (noun.doc[j].dep_ in ("amod", "compound") and noun.doc[j].head == noun)):
        j -= 1
    if j >= 0 and j < noun.i - 1 and is_number_token(noun.doc[j]) and \
            any(noun.doc[k].text.startswith("+") for k in range(j + 1, noun.i)):
        return count_from_token(noun.doc[j]), j
    return None, None


def _increment(noun: Any, figure: int | None, lex: Lexicon) -> Count | None:
    """The day's part of a running total, after its noun ("10,212 tanks (+4)") or between
    its figure and noun ("10,212 (+4) tanks")."""
    if figure is not None and figure != noun.i:
        part = increment_after(noun.doc[figure], lex)
        if part is not None:
            return part
    return increment_after(noun, lex)


def equipment_nouns(head: Any, toks: list[Any], et: EventType, trig: Trigger,
                     book: Codebook, lex: Lexicon) -> list[Any]:
    """Return the equipment nouns a trigger takes as object, one per kind (with conjuncts)."""
    any_object = trig.phrase in et.object_is_equipment
    objs: list[Any] = []
    # "shot down or jammed 452 drones": a verb joined to the trigger shares its object
    shared = [c for c in children_of(head) if c.dep_ == "conj" and c.pos_ == "VERB" and
              not any(g.dep_ in ("nsubj", "nsubjpass") for g in children_of(c))]
    for h in [head, *([head.head] if head.dep_ == "conj" else []), *shared]:
        for c in children_of(h):
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "npadvmod" and
                                                    is_number_token(c)):
                objs.append(c)  # "shot down 12 of 14 missiles" (12 may parse as npadvmod)
            objs.extend(up_to_object(c))  # "lost up to 260 troops and 11 vehicles"
            if c.dep_ == "conj" and c.pos_ == "NOUN" and h.pos_ == "VERB" and any(
                    g.dep_ == "cc" and g.i < c.i for g in children_of(h)):
                objs.append(c)  # "lost 90 servicemen, as well as a tank" (hung on the verb)
            if c.dep_ == "prep" and c.lower_ in ("along", "together") and h.pos_ == "VERB" and \
                    any(c2.dep_ == "dobj" for c2 in children_of(h)):
                # "destroyed a workshop, along with four boats": a second object
                objs.extend(gc for w in children_of(c) if w.dep_ == "prep" and w.lower_ == "with"
                            for gc in children_of(w) if gc.dep_ == "pobj")
            if c.dep_ == "prep" and c.lower_ == "of" and h.pos_ == "NOUN":
                objs.extend(gc for gc in children_of(c) if gc.dep_ == "pobj")
        if h.dep_ in ("acl", "relcl") and h.head.pos_ == "NOUN":
            objs.append(h.head)
        if h.pos_ == "VERB" and trig.phrase[0] == "burn" and \
                not any(c.dep_ == "dobj" for c in children_of(h)):
            # "two Bradleys and a Kozak burned", "one vehicle burned out": what burned
            objs.extend(c for c in children_of(h) if c.dep_ == "nsubj")
        if h.pos_ == "NOUN" and h.dep_ in ("nsubj", "nsubjpass"):
            # "losses amounted to 1,120 personnel, three tanks and ...": the kinds listed
            objs.extend(gc for c in children_of(h.head) if c.dep_ == "prep" and
                        c.lower_ in ("to", "at") for gc in children_of(c) if gc.dep_ == "pobj")
            if h.head.lemma_.lower() in lex.tally_verbs:  # "losses include 10,212 tanks"
                objs.extend(c for c in children_of(h.head) if c.dep_ == "dobj")
        if h.pos_ == "NOUN" and h.dep_ == "dobj" and h.head.lemma_.lower() in lex.list_verbs:
            # "the report listed Russia's losses as 10,252 tanks, ..."
            # (the parse may hang "as" on the period before it: "since the start ... as")
            objs.extend(gc for c in h.head.subtree if c.dep_ == "prep" and c.lower_ == "as"
                        and c.i > h.i and _within_clause(c, h.head)
                        for gc in children_of(c) if gc.dep_ == "pobj")
        if objs:
            break
    # "lost 412 soldiers killed and wounded ..., as well as three tanks": the parse may hang
    # the added kinds on the participle; "as well as" still adds them to the losses
    objs.extend(t for t in head.subtree if t.dep_ == "conj" and t.pos_ == "NOUN" and
                t.head.pos_ == "VERB" and t.head != head and t not in objs and
                _as_well_as(t) and is_equipment(t, book))
    # "..., along with three tanks" hung on the participle likewise
    objs.extend(t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ == "with" and
                t.head.head.lower_ in ("along", "together") and t.head.head.head != head and
                t.head.head.head.pos_ == "VERB" and t not in objs and is_equipment(t, book))
    out: list[Any] = []
    todo = list(objs)
    while todo:
        n = todo.pop(0)
        if n.lower_ in VAGUE or is_number_token(n):
            of = [gc for c in children_of(n) if c.dep_ == "prep" and c.lower_ == "of"
                  for gc in children_of(c) if gc.dep_ == "pobj"]
            todo[:0] = of
            if not of and _new_part(n, objs, book):
                out.append(n)  # "... and 28 were locationally lost": drones
            # "destroyed 55 of 63 drones and 37 of 88 missiles": the next share's kind
            todo.extend(c for c in children_of(n) if c.dep_ == "conj")
            continue
        if (any_object and n.pos_ in ("NOUN", "PROPN")) or is_equipment(n, book) or \
                _new_part(n, objs, book):
            out.append(n)
        # a list of kinds: "two tanks, seven armoured vehicles, 31 artillery systems" is
        # often parsed as an apposition of its first item
        todo.extend(c for c in children_of(n) if c.dep_ == "conj" or
                    (c.dep_ == "appos" and c.i > n.i and c.pos_ == "NOUN"))
    return out + [n for n in _listed_after(out, book) if n not in out]


# words that may stand inside one listed item before its equipment noun ("five BMP infantry
# fighting vehicles", "a Msta-S self-propelled howitzer")
_ITEM_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})


def _listed_after(found: list[Any], book: Codebook) -> list[Any]:
    """The equipment nouns of a list that goes on after the last one the parse gave, read
    in order ("destroyed two tanks, five BMP infantry fighting vehicles, 14 motorcycles and
    a Msta-S self-propelled howitzer", whose parse hangs the later items on a comma): each
    item a number or "a", then words of the kind, then the noun, joined by commas and
    "and" (decision 538)."""
    if not found:
        return []
    doc = found[-1].doc
    end = found[-1].sent.end
    i = max(n.i for n in found) + 1
    out: list[Any] = []
    while True:
        start = i
        while i < end and (doc[i].text == "," or doc[i].lower_ == "and"):
            i += 1
        if i == start or i >= end or not (is_number_token(doc[i]) or
                                          doc[i].lower_ in ("a", "an", "one")):
            break
        noun = None
        j = i + 1
        while j < end and j - i <= 7 and (doc[j].pos_ in _ITEM_POS or doc[j].tag_ in (
                "HYPH", "VBN") or doc[j].text == "-"):
            if is_equipment(doc[j], book):
                noun = doc[j]
            j += 1
        if noun is None or noun.i != j - 1:
            break  # (not "four drone control points": the item's last word is its noun)
        out.append(noun)
        i = j
    return out


def _within_clause(tok: Any, verb: Any) -> bool:
    """True when no other verb comes between ``tok`` and the ``verb`` it hangs under."""
    while tok != verb and tok.head != tok:
        tok = tok.head
        if tok != verb and tok.pos_ in ("VERB", "AUX"):
            return False
    return bool(tok == verb)


def _as_well_as(t: Any) -> bool:
    """True when 'as well as' joins ``t`` to what comes before it."""
    return any(c.dep_ == "cc" and c.lower_ == "as" and c.i < t.i and
               any(w.lower_ == "well" for w in children_of(c)) for c in children_of(t.head))


def is_equipment(n: Any, book: Codebook) -> bool:
    doc = n.doc
    # a model's name in the plural keeps its "s" as a proper noun's lemma ("two Bradleys")
    plural = (n.lower_[:-1],) if n.pos_ == "PROPN" and n.lower_.endswith("s") else ()
    people = book.count_nouns.get("people", frozenset())
    for key in (n.lower_, n.lemma_.lower(), *plural):
        for phrase in book.equipment_index.get(key.lower(), []):
            k = len(phrase)
            if k == 1 and key in people and not _a_machine(n, book):
                continue  # "lost up to 180 fighters": people, unless jets (decision 500)
            if k == 1 or all(doc[n.i - k + 1 + j].lower_ == phrase[j] or
                             doc[n.i - k + 1 + j].lemma_.lower() == phrase[j]
                             for j in range(k - 1) if n.i - k + 1 + j >= 0):
                return True
    m = re.match(r"^([a-z]+)-\d", n.lower_)
    if m and m.group(1) in book.equipment_index:
        return True  # a model designation: "the Su-25", "a T-72"
    return any(c.dep_ == "compound" and c.lower_ in book.equipment_index for c in children_of(n))


def _a_machine(n: Any, book: Codebook) -> bool:
    """Whether a word that names people and machines alike ("fighters") is the machine:
    a model before it ("Su-34 fighters") or a verb of air defence ("shot down")."""
    if any(c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or re.match(
            r"^[a-z]+-\d", c.lower_)) for c in children_of(n)):
        return True
    verb = n.head if n.dep_ in ("dobj", "nsubjpass", "conj") else None
    while verb is not None and verb.dep_ == "conj" and verb.pos_ == "NOUN":
        verb = verb.head
    return verb is not None and verb.lemma_.lower() in ("shoot", "intercept", "down")


def equipment_text(n: Any, lex: Lexicon) -> str:
    """Return the words naming an equipment noun's kind, without its count or side."""
    keep = [c for c in n.subtree if c.i < n.i and c.dep_ not in (
        "det", "nummod", "poss", "case", "quantmod", "predet", "advmod", "prep", "pobj", "cc")
        and not (c.dep_ == "amod" and c.lower_ in VAGUE)]
    lo = min([t.i for t in keep] + [n.i])
    closing = [t.i for t in n.doc[lo:n.i] if t.text == ")"]
    if closing:  # "10,212 (+4) tanks": the day's part is no word of the kind
        lo = closing[-1] + 1
    while lo < n.i and (n.doc[lo].is_punct or n.doc[lo].lower_ in lex.side_adjectives):
        lo += 1
    return str(n.doc[lo:n.i + 1].text).strip(" ‘’'\"")
