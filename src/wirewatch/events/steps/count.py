"""Step: the figure a trigger carries ("three people", "hundreds of soldiers", "a tank").

The type's behaviour decides how its figure is read (casualty words share one);
this module reads figures off the parse."""

from __future__ import annotations

from typing import Any

from wirewatch.events.codebook import Codebook, EventType
from wirewatch.events.context import Draft, SentenceContext
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.numbers import (
    VAGUE,
    Count,
    count_from_token,
    is_number_token,
    words_to_number,
)
from wirewatch.events.syntax import (
    children_of,
    figure_frame,
    path_up,
    subject_of,
    text_of,
    tree_distance,
)


def count(sc: SentenceContext, d: Draft) -> bool:
    """Step: read the draft's figure as its type's behaviour says (False: merged away)."""
    return d.behaviour.count(sc, d)


def has_needed_count(sc: SentenceContext, d: Draft) -> bool:
    """Guard: a type that needs a figure has one ("losses were heavy" is no mention), unless
    a denial speaks of what the figure would count ("no soldiers were killed"); a trigger
    that is an event only when counted has a figure ("deported 19,546 children"; not
    "threatened with deportation")."""
    if d.count is None and d.trigger.phrase in d.type.counted_only:
        return False
    return not (d.type.needs_count and d.count is None and (
        d.modality != "denied" or not counts_people(d.head, d.tokens, d.type, sc.doc.book)))


def up_to_object(prep: Any) -> list[Any]:
    """The object of a verb that the parse read as "up to" prepositions ("had lost up to
    260 troops": "up" hung on the verb as a preposition, the troops under "to")."""
    if prep.dep_ not in ("prep", "prt") or prep.lower_ != "up":
        return []
    return [gc for c in children_of(prep) if c.dep_ == "prep" and c.lower_ == "to"
            for gc in children_of(c) if gc.dep_ == "pobj"]


def count_nouns(head: Any, toks: list[Any], figure_nouns: frozenset[str] = frozenset()
                ) -> list[Any]:
    """Return the nouns a trigger counts: its subject, object, or the noun it describes
    (or the figure given for it: "put the number of wounded at 14", ``figure_nouns``)."""
    out: list[Any] = figure_frame(head, figure_nouns)
    heads = [head]
    if head.dep_ == "conj":
        heads.append(head.head)
    for h in heads:
        for c in children_of(h):
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "npadvmod", "oprd"):
                out.append(c)
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "to", "among"):
                out.extend(gc for gc in children_of(c) if gc.dep_ == "pobj")
            out.extend(up_to_object(c))
        if h.dep_ in ("acl", "amod", "relcl", "appos") and \
                h.head.pos_ in ("NOUN", "PROPN", "NUM"):
            out.append(h.head)  # (and "declared 1,200 apartments 'ownerless'")
        if h.dep_ == "pobj" and h.head.lower_ == "as" and h.head.head.pos_ == "VERB":
            # "registered 140 apartments as ownerless": what the verb says it of
            out.extend(c for c in children_of(h.head.head) if c.dep_ in ("dobj", "nsubjpass"))
        # a result clause: "..., leaving two workers wounded" (however the parse hangs the
        # participle on "leave", the people are the object of "leave")
        leave = [h.head] if h.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and \
            h.head.lemma_.lower() == "leave" else []
        leave += [c for c in children_of(h) if c.dep_ in ("csubj", "advcl") and
                  c.lemma_.lower() == "leave" and c.i < h.i]
        if h.dep_ in ("advcl", "xcomp", "conj"):  # "leaving" and "wounded" as sisters
            leave += [c for c in children_of(h.head) if c.dep_ in ("advcl", "xcomp", "conj") and
                      c.lemma_.lower() == "leave" and c.i < h.i and
                      any(g.dep_ == "dobj" and g.i < h.i for g in children_of(c))]
        for lv in leave:
            out.extend(c for c in children_of(lv) if c.dep_ == "dobj")
        if h.dep_ in ("oprd", "acomp") and h.head.lemma_.lower() not in ("leave", "be"):
            # "four people are now confirmed dead", "two men were found dead": whom the
            # verb says it of
            out.extend(c for c in children_of(h.head) if c.dep_ in ("nsubj", "nsubjpass"))
        if h.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(h)):
            # "nine marines are said to have surrendered": the raising verb's subject
            out.extend(c for c in children_of(h.head) if c.dep_ in ("nsubj", "nsubjpass"))
        if h.pos_ == "NOUN" and h.dep_ in ("nsubj", "nsubjpass", "dobj"):
            # "losses reached 210 servicemen", "passports ... residents collected"
            for c in children_of(h.head):
                if c != h and c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
                    out.append(c)
                if h.dep_ in ("nsubj", "nsubjpass") and c.dep_ == "prep" and \
                        c.lower_ in ("to", "at"):
                    # "losses amounted to up to 215 servicemen", "stood at 1,100", "are
                    # estimated at about 917,330 personnel"
                    out.extend(gc for gc in children_of(c) if gc.dep_ == "pobj")
        if h.dep_ == "pobj" and h.head.lower_ == "with":
            # "seven people were pulled from the rubble with injuries": whoever has them
            bearer = h.head.head
            if bearer.pos_ in ("NOUN", "PROPN", "NUM"):
                out.append(bearer)
            else:  # "rescuers pulled eleven people out with injuries": the object first
                kids = children_of(bearer)
                out.extend(next(([c for c in kids if c.dep_ == dep]
                                 for dep in ("dobj", "nsubjpass", "nsubj")
                                 if any(c.dep_ == dep for c in kids)), []))
    for t in toks:
        if t.pos_ == "NOUN" and t != head:
            out.append(t)
        if t.lower_ == "of" and t == toks[-1]:
            # "had taken control of 181 settlements": the object of the phrase's last word
            out.extend(c for c in children_of(t) if c.dep_ == "pobj")
    if head.pos_ == "NOUN":
        out.append(head)
    return out


def count_of_noun(noun: Any, nouns_ok: frozenset[str] | None, lex: Lexicon,
                   singular: bool = True) -> tuple[Count | None, int | None]:
    """Return the count written on a noun ("three people", "hundreds of soldiers", "a man")."""
    noun_words = {noun.lemma_.lower(), noun.lower_}
    if noun.lemma_.lower() in lex.collective_nouns:
        for c in children_of(noun):
            if c.dep_ == "prep" and c.lower_ == "of":
                for gc in children_of(c):
                    if gc.dep_ == "pobj":
                        return count_of_noun(gc, nouns_ok, lex, singular)
    part = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if part is not None and part.i < noun.i and is_number_token(part):
        if part.lower_ == "one" and any(c.tag_ == "JJS" or (c.dep_ == "amod" and any(
                g.lower_ == "most" for g in children_of(c))) for c in children_of(noun)):
            # "one of the largest attacks of the war": a comparison, no figure
            return None, None
        # "shot down 12 of 14 cruise missiles", "killed three of the five crew": the part
        return count_from_token(part), part.i
    if is_number_token(noun) or noun.lower_ in VAGUE:
        # "injuring 17", "hundreds of Ukrainian soldiers", "a further 95 were wounded"
        of = [gc for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"
              for gc in children_of(c) if gc.dep_ == "pobj"]
        if of and nouns_ok is not None and not ({of[0].lemma_.lower(), of[0].lower_} & nouns_ok):
            return None, None
        return count_from_token(noun), noun.i
    if singular and noun.pos_ == "PRON" and noun.lower_ in lex.one_person_pronouns:
        return Count(1, False, None), noun.i  # "..., killing her"
    if noun.lower_ == "more" and noun.dep_ == "dobj":
        # "killed five residents and wounded 14 more": the figure before "more" (decision
        # 501)
        num = next((c for c in children_of(noun) if c.dep_ == "nummod"), None)
        if num is not None:
            cnt = count_from_token(num)
            if cnt is not None:
                return cnt, num.i
    if nouns_ok is not None and not (noun_words & nouns_ok):
        return None, None
    if noun.dep_ == "conj" and not any(c.dep_ in ("nummod", "det") for c in children_of(noun)):
        # "more than 10,000 artworks and artefacts": the conjuncts share the figure
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        if first.pos_ == "NOUN":
            return count_of_noun(first, None, lex, singular)
    for c in children_of(noun):
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in VAGUE) or (
                c.dep_ == "det" and c.lower_ in lex.vague_determiners) or (
                c.dep_ in ("compound", "nmod", "amod") and is_number_token(c) and c.i < noun.i):
            if c.dep_ == "quantmod" and not is_number_token(c):
                continue
            part = next((q for q in children_of(c) if q.dep_ == "quantmod" and q.i < c.i and
                         is_number_token(q) and q.nbor().lower_ == "of"), None)
            if part is not None:  # "seven of nine missiles" parsed as one figure: the part
                c = part
            cnt = count_from_token(c)
            if cnt is not None:
                return cnt, c.i
    dets = {c.lower_ for c in children_of(noun) if c.dep_ in ("det", "poss")}
    advs = {c.lower_ for c in children_of(noun) if c.dep_ in ("advmod", "predet")}
    for c in children_of(noun):
        if c.lower_ == "all":
            advs |= {"all"} | {gc.lower_ for gc in children_of(c) if gc.dep_ == "advmod"}
    if "all" in dets | advs and advs & lex.nearly_words:
        return Count(None, True, "nearly all"), noun.i
    ones = set(lex.one_determiners)
    if nouns_ok is not None and noun_words & nouns_ok:
        ones.add("the")  # "killing the driver": one person ("the loss of the tank" counts none)
    if singular and noun.tag_ == "NN" and dets & ones:
        return Count(1, False, None), noun.i
    if singular and noun.tag_ == "NNP" and dets & {"a", "an", "one"}:
        return Count(1, False, None), noun.i  # "a Humvee", "a Bradley"

    return None, None


def _with_listed_people(noun: Any, cnt: Count, nouns_ok: frozenset[str] | None,
                        lex: Lexicon) -> Count:
    """The people of a written list added up: "the driver and two passengers were hurt"
    is three, "a man and a woman were killed" two (decision 352). A member with no figure
    or determiner of its own shares the first one's ("11 soldiers and officers")."""
    if not isinstance(cnt.value, int) or cnt.approx or cnt.qualifier:
        return cnt
    total, member = cnt.value, noun
    while True:
        member = next((c for c in children_of(member) if c.dep_ == "conj"), None)
        if member is None:
            break
        if not any(c.dep_ in ("nummod", "det") for c in children_of(member)):
            return cnt
        more, _key = count_of_noun(member, nouns_ok, lex)
        if more is None or not isinstance(more.value, int) or more.approx:
            return cnt
        total += more.value
    return cnt if total == cnt.value else Count(total, False, None)


def counts_people(head: Any, toks: list[Any], et: EventType, book: Codebook) -> bool:
    """Return whether the trigger's subject or object is a noun its count could be about."""
    ok = book.count_nouns.get(et.count or "", frozenset())
    return any(n.lemma_.lower() in ok or n.lower_ in ok for n in count_nouns(head, toks))


def count_for(head: Any, toks: list[Any], kind: str | None, book: Codebook, lex: Lexicon,
               used: set[int]) -> tuple[Count | None, int | None]:
    if kind is None:
        return None, None
    nouns_ok = None if kind == "any" else book.count_nouns.get(kind, frozenset())
    best: tuple[int, Count, int] | None = None
    framed = {t.i for t in figure_frame(head, lex.figure_nouns)}
    for n in count_nouns(head, toks, lex.figure_nouns):
        if any(a.lower_ == "including" for a in path_up(n)[1:3]):
            continue
        # "232 deaths", "12 casualties", "two dead": a trigger word that is itself what is
        # counted; "bringing the toll to two dead": the figure given for the toll
        own = (n == head and ((head.pos_ == "NOUN" and n.tag_ == "NNS") or any(
            c.dep_ == "nummod" for c in children_of(n)))) or n.i in framed
        cnt, key = count_of_noun(n, None if own else nouns_ok, lex, singular=kind == "people")
        if cnt is None or (key is not None and key in used):
            continue
        if kind == "people":
            cnt = _with_listed_people(n, cnt, nouns_ok, lex)
        d = tree_distance(head, n)
        if best is None or d < best[0]:
            best = (d, cnt, key if key is not None else n.i)
    if best is None:
        return None, None
    revised = _revised_figure(head, lex)
    if revised is not None:
        return count_from_token(revised), revised.i
    return best[1], best[2]


def _revised_figure(head: Any, lex: Lexicon) -> Any | None:
    """The figure a participle of revision gives after the first ("said that 14 people
    had been injured, later raising the figure to 19": 19, decision 500)."""
    for a in path_up(head)[:2]:
        for v in children_of(a):
            if v.dep_ not in ("advcl", "conj") or v.i < head.i or \
                    v.lemma_.lower() not in lex.figure_verbs or v.tag_ != "VBG" or \
                    not any(c.lower_ in ("later", "subsequently", "then")
                            for c in children_of(v)):
                continue  # ("killing two, raising the week's toll to 9": another total)
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in lex.figure_nouns
                       for c in children_of(v)):
                continue
            for prep in (c for c in children_of(v) if c.dep_ == "prep" and c.lower_ == "to"):
                num = next((g for g in children_of(prep) if g.dep_ == "pobj" and
                            is_number_token(g)), None)
                if num is not None:
                    return num
    return None


def continues(head: Any, toks: list[Any], lex: Lexicon) -> bool:
    """Return whether the trigger's subject or object continues an earlier group
    ("another ten residents", "a second group of 70 townspeople")."""
    nouns = count_nouns(head, toks)
    subj = subject_of(head)
    if subj is not None:
        nouns.append(subj)
    near = [c for n in nouns for c in children_of(n)]
    near += [g for c in near if c.dep_ in ("nummod", "compound") for g in children_of(c)]
    return any(c.lower_ in lex.continuation_modifiers and
               c.dep_ in ("det", "amod", "nummod", "advmod", "quantmod") for c in near)


def increment_after(tok: Any, lex: Lexicon) -> Count | None:
    """Return the day's part written right after a running total's noun or figure
    ("27,104 artillery systems (+41)", "10,715 tanks (three of them over the past day)")."""
    text = text_of(tok.doc)
    m = lex.increment_after.match(text, tok.idx + len(tok))
    if m is None:
        return None
    value = words_to_number((m.group("n") or m.group("w")).split())
    return Count(value, False, None) if value else None
