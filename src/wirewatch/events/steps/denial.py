"""Step: a denial that names no event of its own ("rejected the claim", "the reports are
fake", "a figure Kyiv called fabricated") denies an earlier claim, and becomes its own
mention of that claim with modality ``denied``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from wirewatch.events.attribution import Source
from wirewatch.events.codebook import Codebook
from wirewatch.events.context import DocContext, Found, SentenceContext, same_source
from wirewatch.events.dates import UNKNOWN, EventDate, find_dates, publication_date
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention
from wirewatch.events.naming import side_of
from wirewatch.events.steps.mention import evidence
from wirewatch.events.steps.modality import says_false
from wirewatch.events.steps.when import date_tokens, path_clear
from wirewatch.events.syntax import children_of, is_under, memo, span_text, token_at, tokens_with
from wirewatch.events.where import names_government, qualifies_by_hyphen
from wirewatch.places.models import PlaceMention


def denial_of_claim(sc: SentenceContext) -> None:
    """Step (per sentence): a sentence with no denial of its own may deny an earlier claim."""
    if any(f.mention.modality == "denied" for f in sc.produced):
        return
    book = sc.doc.book
    for tok in tokens_with(sc.sent, lemmas=_denying_lemmas(sc.sent.doc, book)):
        target_noun = _claim_said_false(tok, book, sc.doc.lexicon)
        if target_noun is None:
            continue
        if any(c.lower_ in book.other_claim_words for c in children_of(target_noun)
               if c.dep_ in ("amod", "det", "predet")):
            continue  # "rejected similar accusations in the past": other claims
        speaker = _speaker_of(sc, tok, target_noun)
        denier = speaker[0]
        # a speaker does not deny its own claim: the claim is another's
        # "X said it had captured Y, a claim Kyiv denied": the claim told before the noun
        # in the same sentence too (decision 244)
        told = [*sc.found_so_far(), *(f for f in sc.produced
                                      if f.mention.evidence.start < target_noun.idx)]
        target = denied_target(target_noun, sc, [
            f for f in told
            if denier is None or f.source is None or not same_source(f.source, denier)])
        if target is None:
            continue
        sc.produced.append(_denial(sc, tok, speaker, target))
        for other in _also_denied(target_noun, target, sc):
            sc.produced.append(_denial(sc, tok, speaker, other))
        return


def _kinds_named(noun: Any, sc: SentenceContext) -> set[str]:
    """The event types a claim noun names ("the reports of casualties"), if any."""
    inside = {t.i for t in noun.subtree} - {noun.i}  # "claims" itself names no kind
    return {tr.type for tr in sc.triggers if inside & set(tr.tokens)}


def _also_denied(noun: Any, first: Found, sc: SentenceContext) -> list[Found]:
    """The other claims a plural denial names: "rejected both claims" denies the claim
    its speaker led with and the next one; "denied the claims" every claim of that
    speaker's statement (the sentences it spans), of the kind the noun names if it
    names one."""
    if noun.tag_ != "NNS" or _kinds_named(noun, sc):
        return []
    found, lex = sc.found_so_far(), sc.doc.lexicon
    pool = [f for f in found if f.mention.modality != "denied" and f is not first and
            f.sentence == first.sentence and
            (first.source is None or same_source(f.source, first.source)) and
            (f.mention.type, f.mention.place and f.mention.place.geonameid) !=
            (first.mention.type, first.mention.place and first.mention.place.geonameid)]
    both = any(c.lower_ in lex.pair_words for c in children_of(noun))
    return pool[:1] if both else pool


def _claim_said_false(tok: Any, book: Codebook, lex: Lexicon) -> Any | None:
    """Return the claim noun a word denies ("rejected the claim", "the claim was false",
    "called the claim fabricated"), if it denies one."""
    low = tok.lemma_.lower()
    if low in _denied_verbs(tok.doc, book) and tok.pos_ == "VERB":
        # "rejected the claim"; "Russia said it took X, but Kyiv denied it"
        target = next((c for c in children_of(tok) if c.dep_ in ("dobj", "nsubjpass")
                       and (c.lemma_.lower() in book.claim_nouns
                            or c.lower_ in lex.claim_pronouns)), None)
        if target is None and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and \
                tok.head.lemma_.lower() in book.claim_nouns:
            target = tok.head  # "..., a claim Kyiv denied" (decision 244)
        if target is None:
            # the same, parsed as the claim rejecting: ", a claim Ukraine's General Staff
            # rejected the same day"
            target = next((c for c in children_of(tok) if c.dep_ == "nsubj" and
                           c.lemma_.lower() in book.claim_nouns and c.i > 1 and
                           tok.doc[c.i - 2].text == "," and
                           any(a.dep_ in ("appos", "compound") for a in children_of(c))),
                          None)
        return target
    if low == "be" and says_false(tok, lex):
        # "the claim was false", "the reports are fake", "the Russian claim was not true"
        return next((c for c in children_of(tok) if c.dep_ == "nsubj" and
                     c.lemma_.lower() in book.claim_nouns), None)
    if low == "call" and any(c.lower_ in lex.denial_words for c in tok.subtree):
        # "called the claim fabricated", "a figure Kyiv called fabricated"
        near = [*children_of(tok), *(g for c in children_of(tok) if c.dep_ in ("ccomp", "oprd")
                                 for g in children_of(c))]
        target_noun = next((c for c in near if c.dep_ in ("dobj", "nsubj") and
                            c.lemma_.lower() in book.claim_nouns and c.pos_ == "NOUN"), None)
        if target_noun is None and tok.dep_ == "relcl" and \
                tok.head.lemma_.lower() in book.claim_nouns:
            target_noun = tok.head
        if target_noun is None:
            # "called that claim \"a lie\"": the parse may take the claim for a verb
            target_noun = next((c for c in children_of(tok) if c.dep_ == "ccomp" and
                                c.lower_ in book.claim_nouns and
                                any(d.dep_ == "det" for d in children_of(c))), None)
        if target_noun is None:
            # "called the report propaganda" parsed as one noun phrase; "called that
            # \"fantasy\"" with the pronoun read as the fantasy's determiner
            target_noun = next((g for c in children_of(tok) if c.dep_ in ("dobj", "oprd") and
                                c.lower_ in lex.denial_words for g in children_of(c)
                                if g.dep_ in ("compound", "det", "nmod") and
                                g.lemma_.lower() in book.claim_nouns), None)
            # ('called the claim "fiction"': the quotes make the claim the fiction's nmod;
            # decision 505)
        return target_noun
    return None


def _denied_verbs(doc: Any, book: Codebook) -> frozenset[str]:
    """The one-word denial phrases of the codebook (a set made once per document)."""
    found: frozenset[str] = memo(doc, ("denied_verbs", id(book)), lambda: frozenset(
        p[0] for p in book.modality.get("denied", ()) if len(p) == 1))
    return found


def _denying_lemmas(doc: Any, book: Codebook) -> frozenset[str]:
    """The lemmas of the only words ``_claim_said_false`` finds a denial on."""
    found: frozenset[str] = memo(doc, ("denying_lemmas", id(book)),
                                 lambda: _denied_verbs(doc, book) | {"be", "call"})
    return found


# "X remains under our control" denies the latest claim that X was taken or given up
HELD_DENIES = ("territory.captured", "territory.withdrawn")


def denial_by_control(sc: SentenceContext) -> None:
    """Step (per sentence): "Kyiv says X remains under the control of its forces" denies
    the capture of X, with the speaker as claimant; it claims no event of its own."""
    dc = sc.doc
    lex = dc.lexicon
    for verb in tokens_with(sc.sent, lemmas=lex.holding_verbs | lex.controlling_verbs):
        place_tok, active = _held_place(verb, lex)
        if place_tok is None:
            continue
        pm = _held_mention(sc, place_tok)
        if pm is None or pm.place is None:
            continue
        here = [f for f in sc.found_so_far() if f.mention.type in HELD_DENIES and
                f.mention.place and f.mention.place.geonameid == pm.place.geonameid]
        if any(f.mention.modality == "denied" and f.sentence == sc.index for f in here):
            continue  # the sentence already denies the claim about this place
        # (not the claim the verb itself makes: "Russian troops now hold 60% of X")
        claims = [f for f in here if f.mention.modality != "denied" and not (
            f.mention.trigger and f.mention.trigger[0] == verb.idx)]
        if active and not claims:
            continue  # "Ukrainian units hold X" with no claim to answer: a description
        # holding a town denies first of all that it was taken (a claimed retreat from it
        # is the same story told from the other side)
        captures = [f for f in claims if f.mention.type == "territory.captured"]
        denied = (captures or claims)[-1].mention if claims else None
        if active and _holder_claims_too(verb, [f.mention for f in claims], dc.book):
            continue  # "DeepState estimates Russian troops control 60% of X": no denial
        etype = denied.type if denied else "territory.captured"
        if etype not in dc.book.types:
            continue
        att = dc.attributor.attribute(sc.sent, verb)
        if att.claimant is None:
            continue  # the writer's own description of the front, not a denial
        when = _statement_date(sc, att.verbs[0] if att.verbs else verb)
        mention = EventMention(
            doc=dc.document.id, type=etype, place=pm.place, date=when,
            evidence=evidence(sc.sent), modality="denied", claimant=att.claimant.name,
            conduit=tuple(att.conduits),
            # "X remains ours" answering a claim of part of X denies that part
            extent=((denied.extent if denied else None) or "full")
            if etype == "territory.captured" else None,
            trigger=(verb.idx, verb.idx + len(verb)))
        dc.attributor.remember(att.claimant, att.conduits, when if when.value else None)
        # "X is under the control of our forces" read as a capture of X: it is the denial
        # (a claim of another clause, "have taken 70% of X, ... but Ukraine's military
        # insisted the town was still in Ukrainian hands", stays)
        lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        sc.produced[:] = [f for f in sc.produced if not (
            f.mention.type == etype and f.mention.modality != "denied" and f.mention.place
            and f.mention.place.geonameid == pm.place.geonameid and
            (f.mention.trigger is None or lo <= f.mention.trigger[0] < hi))]
        sc.produced.append(Found(mention, att.claimant, sc.index, pm))


def _held_place(verb: Any, lex: Lexicon) -> tuple[Any | None, bool]:
    """The place token of "X remains under the control of our forces", "X is still held by
    Ukrainian troops" or (answering a claim only, True) "Ukrainian units controlled the
    village", "X remained contested", else None."""
    lemma = verb.lemma_.lower()
    if lemma in lex.controlling_verbs and verb.pos_ == "NOUN":
        return _control_not_shown(verb, lex), False
    subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None, False
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj"), None)
    if lemma in lex.controlling_verbs and verb.pos_ == "VERB" and obj is not None:
        words = " ".join(t.text for t in subject.subtree)
        if not lex.holder_subject.match(words):
            return None, False
        # "Russian forces likely do not control X" denies X's capture, asked or not
        # (decision 548); "no longer control X" concedes it
        return obj, not _negated(verb)
    if lemma in lex.controlling_verbs and subject.dep_ == "nsubjpass" and \
            subject.pos_ in ("PROPN", "NOUN"):
        # 'the city is "fully controlled by the Armed Forces of Ukraine"' (decision 604)
        phrase = " ".join(t.lower_ for t in verb.subtree if t.i >= verb.i)
        return (subject if lex.held_by.match(phrase) else None), False
    if lemma not in lex.holding_verbs or subject.pos_ not in ("PROPN", "NOUN"):
        return None, False
    if subject.pos_ == "NOUN" and verb.dep_ not in ("ROOT", "ccomp"):
        return None, False  # "looting homes in Sudzha while the town was under our control"
    phrase = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    if lex.fought_over.match(phrase):
        return subject, True  # "X remained contested": answers a claim, if there is one
    return (subject if lex.held_by.match(phrase) else None), False


def _negated(verb: Any) -> bool:
    """Whether a verb is denied outright ("do not control"), not "no longer" or "not yet"."""
    return any(c.dep_ == "neg" for c in children_of(verb)) and not any(
        c.lower_ in ("longer", "anymore", "yet") for c in children_of(verb))


def _control_not_shown(noun: Any, lex: Lexicon) -> Any | None:
    """The place token of "the footage does not show Russian control of X": a side's
    control of X as the object of a negated verb (decision 548)."""
    if noun.dep_ != "dobj" or not _negated(noun.head) or not any(
            c.dep_ in ("amod", "compound", "poss") and lex.holder_side.match(c.text)
            for c in children_of(noun)):
        return None
    return next((g for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in ("of", "over")
                 for g in children_of(c) if g.dep_ == "pobj"), None)


def _held_mention(sc: SentenceContext, place_tok: Any) -> PlaceMention | None:
    """The place mention a held place names: its own name, or for "the village" the place
    of the latest claim about territory that the sentence answers."""
    dc = sc.doc
    pm = next((p for p in dc.places if p.place is not None and
               p.start <= place_tok.idx < p.end), None)
    if pm is None and place_tok.pos_ == "NOUN":
        # "the town of Siversk remains under our control": the name the noun governs
        pm = next((p for p in dc.places if p.place is not None and p.place.kind == "city"
                   and any(c.dep_ == "prep" and c.lower_ == "of" and c.idx < p.start
                           for c in children_of(place_tok)) and
                   place_tok.idx < p.start < place_tok.right_edge.idx + 1), None)
    if pm is not None or place_tok.pos_ != "NOUN" or place_tok.tag_ == "NNS" or \
            place_tok.lemma_.lower() not in dc.book.place_anaphora.get("city", frozenset()):
        return pm
    sent = sc.sent
    text = dc.document.text
    # (not "the Kiev regime": a capital naming a government; "the Kupiansk city
    # administration" is the town's own)
    named = [p for p in dc.places if p.place is not None and p.place.kind == "city" and
             sent.start_char <= p.start < place_tok.idx and not qualifies_by_hyphen(p, text)
             and not _names_government(p, sent, dc)]
    if named:
        return named[-1]  # "threatening to encircle Vuhledar, but our forces hold the town"
    claims = [f for f in sc.found_so_far() if f.mention.type in HELD_DENIES and
              f.mention.modality != "denied" and f.place_mention is not None and
              f.sentence >= sc.index - 3]
    return claims[-1].place_mention if claims else None


def _holder_claims_too(verb: Any, claims: list[EventMention], book: Codebook) -> bool:
    """Whether the holder of "Russian troops control about 60% of X" is the side that
    claimed X: it confirms part of the capture, it denies nothing (decision 611)."""
    subject = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    holder = side_of(" ".join(t.text for t in subject.subtree), book)
    return holder is not None and any(
        c.claimant and side_of(c.claimant, book) == holder for c in claims)


def _names_government(p: PlaceMention, sent: Any, dc: DocContext) -> bool:
    """Whether a place mention is a capital naming a government ("the Kiev regime")."""
    tok = token_at(sent.doc, p.start, p.end)
    return tok is not None and names_government(tok, dc.book, dc.lexicon)


def _statement_date(sc: SentenceContext, verb: Any) -> EventDate:
    """The date a statement was made on: a date of its own clause, else the publication
    date for news of the day (a lead sentence or a main clause), else unknown."""
    dc = sc.doc
    dts = date_tokens(sc.sent, find_dates(span_text(sc.sent), dc.document.published,
                                          dc.last_date, lexicon=dc.lexicon))
    own = next((dm for t, dm in dts if path_clear(t, verb, dc.lexicon)), None)
    if own is not None:
        return own.date
    if sc.index < 2 or verb.dep_ == "ROOT":
        return publication_date(dc.document.published)
    return UNKNOWN


def _speaker_of(sc: SentenceContext, tok: Any, target_noun: Any
                ) -> tuple[Source | None, list[str], Any]:
    """Return who says a claim is false (the subject of the denying word, else the speaker
    of the sentence), the relays, and the sentence's attribution."""
    dc, sent = sc.doc, sc.sent
    att = dc.attributor.attribute(sent, target_noun)
    speaker_tok = next((c for c in children_of(tok) if c.dep_ == "nsubj" and
                        c.lemma_.lower() not in dc.book.claim_nouns), None)
    if speaker_tok is None and target_noun.dep_ == "nsubj" and target_noun.head == tok:
        # ", a claim Ukraine's General Staff rejected" read as the claim with the speaker
        # in apposition (decision 244)
        speaker_tok = next((c for c in children_of(target_noun) if c.dep_ == "appos"), None)
    if speaker_tok is not None:
        denier, _span, _c = dc.attributor._source_at(speaker_tok, target_noun, None)
        return denier, [n for _p, n in dc.attributor._relays(sent, tok, [tok])], att
    # "a spokesman told Suspilne that the claim was false"
    return att.claimant, list(att.conduits), att


def _denial(sc: SentenceContext, tok: Any,
            speaker: tuple[Source | None, list[str], Any], target: Found) -> Found:
    """Return the denial of ``target`` by the speaker of ``tok``, dated as it was said."""
    dc, sent, si = sc.doc, sc.sent, sc.index
    denier, conduits, att = speaker
    ref = date.fromisoformat(target.mention.date.value) if (
        target.mention.date.precision == "day" and target.mention.date.value) else \
        dc.last_date
    dts = date_tokens(sent, find_dates(span_text(sent), dc.document.published, ref,
                                       lexicon=dc.lexicon))
    own = None
    for t, dm in dts:
        if path_clear(t, tok, dc.lexicon) or any(
                path_clear(t, v, dc.lexicon, allow_acl=True) and
                                     not is_under(t, next(iter(
                                         c for c in children_of(v) if is_under(tok, c)), v))
                                     for v in att.verbs):
            own = dm  # the denial's date, or the date its speaker said it on
            break
    # an undated denial stated in its own sentence is news of the day
    # ("the Russian claim was \"not true\", X said": the saying is the sentence's root)
    said_now = si < 2 or tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and
                                                tok.head.dep_ == "ROOT" and
                                                tok.head in att.verbs)
    when = own.date if own else (publication_date(dc.document.published)
                                 if said_now else UNKNOWN)
    m = target.mention
    mention = replace(m, date=when, evidence=evidence(sent), modality="denied",
                      claimant=denier.name if denier else None, conduit=tuple(conduits),
                      count=None, aggregate=False, actor=m.actor, target=m.target)
    if denier is not None:
        dc.attributor.remember(denier, [], when if when.value else None)
    return Found(mention, denier, si, target.place_mention)


def denied_target(noun: Any, sc: SentenceContext, found: list[Found]) -> Found | None:
    """Return the claim a denial's noun points to: the latest figure (or share of a town)
    for "the figure",
    else the first claim of the latest speaker (at the places the denial names)."""
    sent, si = sc.sent, sc.index
    if noun.lemma_.lower() == "figure":
        # (a share of a town is a figure too: "controlled 60% of X", "half of X";
        # decision 569)
        with_count = [f for f in found if f.mention.count is not None or
                      f.mention.extent == "partial"]
        same = [f for f in with_count if f.sentence == si]
        pool = same or with_count
        return pool[-1] if pool else None
    named = {p.place.geonameid for p in sc.doc.places if p.place is not None and
             noun.idx <= p.start < sent.end_char}
    pool = [f for f in found if f.mention.modality not in ("denied",)]
    kinds = _kinds_named(noun, sc)
    if kinds:
        pool = [f for f in pool if f.mention.type in kinds] or pool
    if named:
        pool = [f for f in pool if f.mention.place and f.mention.place.geonameid in named] or pool
        # "the claims about Vovchansk and Huliaipole were not true": a claim about a town
        # is first of all that it was taken (as holding it denies, HELD_DENIES)
        pool = [f for f in pool if f.mention.type == "territory.captured"] or pool
    if noun.lower_ in sc.doc.lexicon.claim_pronouns:
        # "Besedin called that a fantasy": the claim of the sentence just before, or of
        # this one; an earlier claim is not what the pronoun points to
        pool = [f for f in pool if f.sentence >= si - 1]
    if not pool:
        return None
    latest_source = pool[-1].source
    if latest_source is None:
        return pool[-1]
    # the claim the speaker led with in its latest statement: the first of its claims told
    # one after the other, back to where a new topic begins ("Separately, the ministry
    # claimed ..."), not a claim it made earlier in the article
    group = [pool[-1]]
    for f in reversed(pool[:-1]):
        adjacent = f.sentence == group[0].sentence or (
            f.sentence == group[0].sentence - 1 and
            not _starts_new_topic(group[0], sc.doc.lexicon))
        if not (adjacent and same_source(f.source, latest_source)):
            break
        group.insert(0, f)
    return group[0]


def _starts_new_topic(f: Found, lex: Lexicon) -> bool:
    """Whether the sentence of a mention opens with a word of a new topic ("Separately")."""
    words = f.mention.evidence.text.split(None, 1)
    return bool(words) and words[0].strip(",").lower() in lex.topic_shift_words
