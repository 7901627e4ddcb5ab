"""Steps: where an event happened.

First the places the parse ties to the trigger (``attach``), then the places
written next to it (``linear``), listed with it ("listed X among the villages it
had taken") or referred back to ("the town"); then, for types that may have
none, the place of the event it hangs on, of the claimant, of the paragraph. A
denial with no place of its own takes the place of the claim it denies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from wirewatch.events.codebook import Codebook, EventType
from wirewatch.events.context import Draft, Found, PlaceChoice, SentenceContext, same_source
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.steps.count import continues
from wirewatch.events.steps.guards import marked_object, settlements_tally
from wirewatch.events.steps.modality import negated
from wirewatch.events.syntax import (
    children_of,
    figure_frame,
    is_under,
    memo,
    of_nouns,
    paragraph_start,
    path_up,
    sent_of,
    span_text,
    text_of,
    token_at,
)
from wirewatch.events.where import (
    Candidate,
    anaphor,
    attach,
    candidates,
    direction,
    is_container,
    linear,
    listing_verb,
    low_confidence,
    names_government,
    qualifies_by_hyphen,
    relative_antecedent,
    resolve_anaphor,
    seats_speaker,
    speaks,
    tied_unresolved,
)
from wirewatch.places.models import Place, PlaceMention


def candidate_places(sc: SentenceContext, d: Draft) -> bool:
    """Step: the places of the sentence a trigger may take (not those in a claimant's name)."""
    d.candidates = candidates(sc.sent, sc.doc.places, sc.doc.book, sc.doc.lexicon,
                              d.att.spans)
    return True


def attach_places(sc: SentenceContext, d: Draft) -> bool:
    """Step: the places tied to the trigger, written beside it, listed with it, or the
    earlier place a reference ("the town") points back to."""
    toks = d.tokens
    cands = d.candidates = _eligible(sc, d)
    d.chosen = relative_antecedent(d.head, cands, sc.doc.lexicon) or \
        attach(d.head, toks, d.type, cands, sc.trigger_tokens, sc.unresolved,
               lex=sc.doc.lexicon)
    if not d.chosen and not any(u.i > toks[-1].i and u.i - toks[-1].i <= 3
                                for u in sc.unresolved):
        d.chosen = linear(toks, cands, d.type, sc.doc.lexicon)
    if not d.chosen:
        d.chosen = listed_among(d.head, cands, sc.doc.book, sc.doc.lexicon)
    if not d.chosen:
        d.chosen = where_antecedent(d.head, cands)
    marked = marked_object(d.head)
    if not d.chosen and marked is not None:
        # "DeepState marked Sudzha as occupied" (decision 612)
        d.chosen = [c for c in cands if not c.excluded and
                    (c.tok == marked or is_under(c.tok, marked))][:1]
    if not d.chosen:
        d.chosen = _places_said_hit(d, cands, sc.doc.book)
    if not d.chosen and d.behaviour.losses:
        d.chosen = _subjects_direction(d, cands, sc.doc.book)
    if d.chosen and _own_town_reference(d, sc.doc.book):
        d.chosen = []  # (the reference is resolved below)
    # ("Kostiantynivka in the Sumy direction": a direction only locates, as a region does)
    regions = [c.tok for c in cands if _locator(c, sc.doc.lexicon) or
               direction(c, sc.doc.book)[0]]
    located = d.located_villages = frozenset(
        u.i for u in sc.unresolved if any(_locates(r, u) for r in regions))
    named = located | {u.i for u in sc.unresolved if u.text in sc.doc.cued_villages}
    if d.chosen and all(c.tok in regions for c in d.chosen):
        village = tied_unresolved(d.head, toks, d.type, sc.unresolved, sc.doc.lexicon,
                                  named)
        if village is not None and all(_locates(c.tok, village) for c in d.chosen):
            # "liberated the settlement of Kotlyne in the DPR": the event is at the village
            # the gazetteer lacks (place null), not the region that only locates it
            d.chosen = []
    if not d.chosen:
        d.unresolved_place = tied_unresolved(d.head, toks, d.type, sc.unresolved,
                                             sc.doc.lexicon, named)
    if not d.chosen and d.unresolved_place is None:
        # (a village the gazetteer lacks is named: no reference to look back for)
        d.ref_tok = anaphor(d.head, toks, sc.doc.book, d.type, sc.doc.lexicon) or (
            # ("the analysts marked the whole town as occupied")
            marked if marked is not None and marked.lemma_.lower() in
            sc.doc.book.place_anaphora.get("city", ()) else None)
        if d.ref_tok is not None:
            # "Moscow claimed the town": a capital that speaks is not the town it speaks of
            speakers = {c.mention.start for c in cands if _speaks(c, d)}
            d.ref_place = resolve_anaphor(d.ref_tok, sc.doc.places, sc.doc.book,
                                          skip(cands, d.type, d.head) | speakers |
                                          _speaking_places(sc, d.ref_tok),
                                          event_places(sc.found_so_far()))
            d.ref_place = _denied_antecedent(sc, d) or d.ref_place
            village = _unresolved_antecedent(sc, d.ref_tok, d.ref_place)
            if village is not None:
                # "recaptured the village of Nekhoteyevka. ¶ '... completely liberated the
                # settlement'": the village the gazetteer lacks, named last (decision 313)
                d.ref_place, d.unresolved_place = None, village
    return True


def _denied_antecedent(sc: SentenceContext, d: Draft) -> PlaceMention | None:
    """"Russia said it took Dimitrov. … Also the Kiev side shelled Gorlovka … The channel
    writes that the city is not taken": the town a denial's reference points back to is the
    town of the claim it denies, not the town named last (decision 563)."""
    ref = d.ref_place
    if ref is None or ref.place is None or ref.place.kind != "city" or \
            not d.type.place_required or not (
                d.att.denial or negated(d.head, d.tokens, sc.doc.lexicon)):
        return None
    claims = [f for f in sc.found_so_far() if f.mention.type == d.type_name and
              f.mention.modality != "denied" and f.place_mention is not None and
              f.mention.place is not None and f.mention.place.kind == "city"]
    if not claims or ref.place.geonameid in {f.mention.place.geonameid for f in claims
                                             if f.mention.place is not None}:
        return None  # (the reference points to a town a claim of the kind was told of)
    return claims[-1].place_mention


def _own_town_reference(d: Draft, book: Codebook) -> bool:
    """Whether the trigger's own words place it at a town named before ("surrounded the
    garrison in the city, one of the last strongholds in the Donetsk region") while the
    places chosen are only regions further off: the town wins (decision 565)."""
    if not all(c.place.kind == "admin1" for c in d.chosen):
        return False
    towns = book.place_anaphora.get("city", frozenset())
    for prep in children_of(d.head):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "near", "around"):
            continue
        for noun in children_of(prep):
            if noun.dep_ == "pobj" and noun.lemma_.lower() in towns and \
                    any(t.lower_ == "the" for t in children_of(noun)) and \
                    not any(is_under(c.tok, noun) for c in d.chosen):
                return True
    return False


def _eligible(sc: SentenceContext, d: Draft) -> list[Candidate]:
    """The sentence's places the trigger may take: not the attacker that owns an offensive
    ("Ukraine's incursion", "Kyiv's incursion"; decision 487), not a place naming another
    operation ("during its Kharkiv counteroffensive"), not the towns that only break an
    evacuation figure down ("most of them from X"; decision 501)."""
    lex, trig = sc.doc.lexicon, {t.i for t in d.tokens}
    return [c for c in d.candidates if not (
        (d.type.country_place and c.tok.dep_ == "poss" and c.tok.head.i in trig and
         (c.place.kind == "country" or c.tok.lower_ in lex.capitals)) or
        (c.tok.dep_ in ("compound", "amod", "nmod") and c.tok.head.i not in trig and
         c.tok.head.lemma_.lower() in lex.operation_nouns) or
        (d.type.name in _BROKEN_DOWN and _in_breakdown(sc, c)) or
        # "In Moscow, the Defence Ministry said its forces destroyed three tanks": where the
        # speaker sits, not where the tanks were (decision 627)
        (c.tok.lower_ in lex.capitals and seats_speaker(c.tok, sc.doc.book)))]


def _speaking_places(sc: SentenceContext, ref: Any) -> set[int]:
    """The places before a reference that named a government speaking ("what Moscow
    called a provocation"), which the reference cannot point back to."""
    out = set()
    for p in sc.doc.places:
        if p.place is None or p.start >= ref.idx or p.place.kind != "city":
            continue
        tok = token_at(ref.doc, p.start, p.end)
        if tok is not None and (speaks(tok, sc.doc.book, sc.doc.lexicon) or
                                names_government(tok, sc.doc.book, sc.doc.lexicon)):
            out.add(p.start)  # (and "a blow to the Kiev regime": a government; decision 500)
    return out


def _unresolved_antecedent(sc: SentenceContext, ref: Any, found: PlaceMention | None
                           ) -> Any | None:
    """The village the gazetteer lacks that "the village" or "the settlement" points back
    to: named after the place the reference would otherwise take, in its sentence or the
    two before."""
    if ref.lemma_.lower() not in sc.doc.lexicon.village_words:
        return None  # ("the community", "the town": a municipality the gazetteer holds)
    sents = list(ref.doc.sents)
    here = next((n for n, s in enumerate(sents) if s.start <= ref.i < s.end), 0)
    first = sents[max(0, here - 2)].start_char
    after = found.end if found is not None else first
    names = [p for p in sc.doc.places if p.place is None and not p.dateline and
             max(first, after) <= p.start < ref.idx]
    return token_at(ref.doc, names[-1].start, names[-1].end) if names else None


def places(sc: SentenceContext, d: Draft) -> bool:
    """Step: the draft's places (a direction named after a town is a low-confidence place;
    several directions are none); False when the type needs a place and has none."""
    for c in d.chosen:
        is_dir, plural = direction(c, sc.doc.book)
        if is_dir and plural:
            continue  # "along the Pokrovsk and Novopavlivka axes": no one place
        place = _direction_place(c.place) if is_dir else _named_region(sc, c) or c.place
        d.places.append((place, c.mention))
    if d.places and d.type.place_required and _listed_village(sc, d):
        d.places.append((None, None))  # "the liberation of X (unknown) and Volchansk"
    if not d.places and d.ref_place is not None and d.ref_place.place is not None:
        d.places.append((d.ref_place.place, d.ref_place))
    if not d.places and d.type.place_required and d.unresolved_place is None:
        d.places = _shared_verb_place(sc, d) or _objective_place(sc, d) or \
            _fronted_place(sc, d) or _speakers_town(sc, d) or _coordinated_place(sc, d) or \
            _hit_subjects_place(sc, d) or _story_town(sc, d)
    d.fell_back = not d.places
    if not d.places and not d.type.place_required:
        d.places = fallback_place(sc, d, sc.produced) or _fronted_place(sc, d)
    if d.type.place_required and not d.places and (d.att.denial or
                                                  negated(d.head, d.tokens, sc.doc.lexicon)):
        # "denied that any units had been cut off", "no withdrawal had taken place":
        # the place of the claim denied
        d.places = _denied_place(sc, d)
    if (_across_regions(d.places) or _several_areas(d) or _over_many_regions(sc)) and \
            _army_tally(sc, d):
        # "lost up to 140 personnel and a tank in the Kursk and Belgorod regions", "in the
        # Kharkov and Sumy areas the enemy lost ...", "over seven regions", "over Crimea and
        # the Black Sea": no one place (decisions 507, 559)
        d.places = []
    # a village the gazetteer lacks is still where the event happened: place null
    # (decision 36), never a guess
    return bool(d.places) or not d.type.place_required or (
        d.unresolved_place is not None and d.ref_place is None) or \
        settlements_tally(sc, d) or _nationwide(sc, d)


def _story_town(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """A strike told with no place of its own in a story that so far is about one town
    ("KUPIANSK ... A glide bomb hit a five-storey building in the centre"): that town
    (decision 592)."""
    if not d.behaviour.strike or d.unresolved_place is not None or sc.unresolved or \
            any(c.place.kind != "country" and not c.excluded for c in d.candidates):
        return []  # (a place only naming the speaker, "Krasnodar governor X", is none)
    if not _weapon_hit(sc, d):
        return []
    town = _one_town_so_far(sc) or _last_sentences_town(sc)
    if town is None or town.place is None:
        return []
    d.carried_place = True
    return [(town.place, town)]


def _weapon_hit(sc: SentenceContext, d: Draft) -> bool:
    """Whether the trigger is a weapon hitting something ("a drone dropped a munition on a
    crowded stop"), not a tally, a launch or a report of strikes ("hits were recorded at 14
    locations"), nor one told before ("the bomb hit a street"), nor "did not say where the
    missiles struck", in a sentence naming no place of its own, even one the gazetteer
    lacks ("In Lgov, a drone hit a substation")."""
    lex = sc.doc.lexicon
    weapons = [w for s in children_of(d.head) if s.dep_ == "nsubj" for w in (s, *of_nouns(s))
               if w.lemma_.lower() in lex.strike_means]
    if d.head.pos_ != "VERB" or not weapons:
        return False
    if any(c.dep_ == "det" and c.lower_ in _DEFINITE for w in weapons for c in children_of(w)):
        return False
    if any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in children_of(d.head)):
        return False
    return not _opens_on_a_scene(sc.sent, lex) and not any(
        t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in lex.locative_preps and
        t.ent_type_ not in ("DATE", "TIME") for t in sc.sent)


def _opens_on_a_scene(sent: Any, lex: Lexicon) -> bool:
    """Whether the sentence opens on a place of its own ("In the regional capital, ...",
    "Near Gulyaypole, ..."), though not on a time ("On Tuesday, ...")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 2 or words[0].lower_ not in lex.locative_preps:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in words[1:3])


def _one_town_so_far(sc: SentenceContext) -> PlaceMention | None:
    """The one town the article has named before the sentence, with only regions that hold
    it beside it (countries aside; a dateline is where the desk files from: "MOSCOW (RIA
    Novosti) - ... Novorossiysk"), else None."""
    before = [p for p in sc.doc.places if p.start < sc.sent.start_char and p.place is not None
              and p.place.kind != "country" and not p.dateline]
    towns = _towns(before)
    if len(towns) != 1:
        return None
    town = next(iter(towns.values()))
    assert town.place is not None
    if any(p.place is not None and p.place.kind != "city" and
           not is_container(p.place, town.place) for p in before):
        return None
    return town


def _last_sentences_town(sc: SentenceContext) -> PlaceMention | None:
    """The one town the sentence before named, in the same paragraph ("Kostiantynivka is now
    within range of Russian drones. The governor said a drone had hit a minibus near the bus
    station"), else None (decision 615)."""
    if sc.index == 0:
        return None
    prev = sc.sent.doc[sc.sent.start - 1].sent
    if "\n" in sc.sent.doc.text[prev.start_char:sc.sent.start_char]:
        return None  # a new paragraph
    towns = _towns(p for p in sc.doc.places
                   if prev.start_char <= p.start < prev.end_char and not p.dateline)
    return next(iter(towns.values())) if len(towns) == 1 else None


def _towns(mentions: Iterable[PlaceMention]) -> dict[int, PlaceMention]:
    """The distinct towns among place mentions, by GeoNames id (the last mention of each)."""
    out: dict[int, PlaceMention] = {}
    for p in mentions:
        if p.place is not None and p.place.kind == "city":
            out[p.place.geonameid] = p
    return out


_DEFINITE = ("the", "this", "that", "these", "those")


def _nationwide(sc: SentenceContext, d: Draft) -> bool:
    """"Carried out a massive strike on Ukraine's energy infrastructure", "a group strike on
    Ukrainian airfields": a trigger whose own phrase targets a whole country's
    infrastructure has no one place, and is kept without one (decision 577)."""
    head = d.head
    one_of = head.dep_ == "pobj" and head.head.head.lower_ == "one"
    if not d.type.place_nationwide or d.chosen or d.ref_place is not None or \
            (head.tag_ == "NNS" and not one_of):
        return False  # ("continued long-range strikes against ...": a campaign)
    doc = head.doc
    # "carried out a massive strike with precision weapons on Ukraine's energy
    # infrastructure": the target may hang on the light verb the strike is the object of,
    # or on its weapons
    holders = [head] + [g for c in children_of(head) if c.dep_ == "prep" and
                        c.lower_ == "with" for g in children_of(c) if g.dep_ == "pobj"]
    holders += [head.head] if head.dep_ == "dobj" else []
    preps = [c for h in holders for c in children_of(h) if c.dep_ == "prep"]
    targets = [g for c in preps if c.lower_ in ("on", "against", "at")
               for g in children_of(c) if g.dep_ == "pobj"]
    targets += [c for c in children_of(head) if c.dep_ in ("dobj", "nsubjpass")]
    return any(sc.doc.lexicon.nationwide_target.search(doc[t.left_edge.i:t.right_edge.i + 1].text)
               for t in targets)


_AREA_AFTER = re.compile(r"\s+areas?\b")


def _named_region(sc: SentenceContext, c: Candidate) -> Place | None:
    """"In the Kursk area" after "the Kursk region": the region the article named after the
    town, not the town (decision 512)."""
    region = c.place.region
    text = text_of(sc.sent.doc)
    if region is None or c.place.kind != "city" or \
            not _AREA_AFTER.match(text, c.mention.end) or \
            region.name.split()[0].lower() != c.place.name.split()[0].lower():
        return None
    named = any(p.place is not None and p.place.geonameid == region.geonameid and
                p.end <= c.mention.start for p in sc.doc.places)
    return region if named else None


def _listed_village(sc: SentenceContext, d: Draft) -> bool:
    """Whether a village the gazetteer lacks is listed with the places the trigger took
    ("the liberation of Krasnorogorsk in the DPR and Volchansk"): an event there too, with
    no place (decision 306)."""
    chosen = {c.tok.i for c in d.chosen}
    for u in sc.unresolved:
        listed = (u.dep_ == "conj" and u.head.i in chosen) or any(
            c.tok.dep_ == "conj" and c.tok.head.i == u.i for c in d.chosen)
        located = u.i in d.located_villages
        if (listed or located) and tied_unresolved(d.head, d.tokens, d.type, [u],
                                                   sc.doc.lexicon,
                                                   d.located_villages) is not None:
            return True
    return False


def _locator(c: Candidate, lex: Lexicon) -> bool:
    """Whether a place can only locate a village named before it: a region, a country, or
    a district ("in the Grayvoron district", coded to its seat town)."""
    words = c.mention.surface.lower().split()
    return c.place.kind in ("admin1", "region", "country") or (
        bool(words) and words[-1] in lex.district_nouns)


def _locates(region_tok: Any, village: Any) -> bool:
    """Whether a region's name only locates a village named just before it: "Kotlyne in
    the Donetsk region", "Kotlyne, Donetsk region", "Kotlyne (Kharkiv region)"."""
    if region_tok.i < village.i:
        return False  # "Russia's Black Sea Fleet": an owner, not a location
    if is_under(region_tok, village):
        return True
    return region_tok.i - village.i <= 6 and not any(
        t.pos_ in ("VERB", "AUX") for t in village.doc[village.i + 1:region_tok.i])


def _across_regions(places: list[PlaceChoice]) -> bool:
    """Whether a figure is spread over several regions or countries: an army's losses
    counted over "the Kursk and Belgorod regions" and drones downed over them have no one
    place (decisions 130, 554), where civilians killed in two regions or a strike on two
    regions are one mention for each region."""
    ids = {p.geonameid for p, _m in places if p is not None}
    return len(ids) > 1 and all(p is not None and p.kind in ("admin1", "country")
                                for p, _m in places)


def _over_many_regions(sc: SentenceContext) -> bool:
    """Whether the sentence counts over many regions or a region and a sea ("over seven
    regions", "over Crimea and the Black Sea"; decision 559): read once per sentence."""
    sent = sc.sent
    found: bool = memo(sent.doc, ("many_regions", sent.start), lambda: bool(
        sc.doc.lexicon.many_regions.search(span_text(sent))))
    return found


def _several_areas(d: Draft) -> bool:
    """Whether the draft's places are towns named for several areas ("in the Kharkov and
    Sumy areas")."""
    ids = {p.geonameid for p, _m in d.places if p is not None}
    return len(ids) > 1 and all(
        any(a.lower_ == "areas" for a in path_up(c.tok)[1:4]) for c in d.chosen)


def _army_tally(sc: SentenceContext, d: Draft) -> bool:
    """Whether the draft counts an army's losses: soldiers, equipment listed with them
    ("lost up to 140 personnel, a tank and three armoured vehicles") or drones downed over
    several regions ("shot down 47 drones over the Kursk, Bryansk and Belgorod regions":
    one figure of no one place, decision 554)."""
    if d.type_name == "casualties":
        return military_losses(sc, d)
    return d.type_name == "equipment.lost"


def military_losses(sc: SentenceContext, d: Draft) -> bool:
    """Whether the trigger's clause counts soldiers ("the army lost up to 140 personnel")
    and no civilians."""
    lemmas = {t.lemma_.lower() for t in d.head.subtree} | {t.lemma_.lower() for t in d.tokens}
    book = sc.doc.book
    return bool(lemmas & book.soldier_nouns) and not lemmas & book.civilian_nouns


def _speakers_town(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"Russian artillery hit the museum building again, the mayor of Kherson said": the
    town a local official speaks for, when the event's clause names no place."""
    text = text_of(sc.sent.doc)
    for s, e in d.att.spans:
        if not sc.doc.lexicon.local_office.search(text[s:e]):
            continue
        towns = [c for c in d.candidates if c.place.kind == "city" and s <= c.mention.start < e]
        if len(towns) == 1:
            return [(towns[0].place, towns[0].mention)]
    return _office_town(sc, d)


def _office_town(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"Andrii Besedin, head of the Kupiansk city military administration" … "killing a
    man, Besedin said": the town a local official was introduced for, when the sentence
    names him alone (decision 508)."""
    claimant = d.att.claimant
    if claimant is None or "(" not in claimant.name:
        return []
    role = claimant.name[claimant.name.index("("):]
    if not sc.doc.lexicon.local_office.search(role):
        return []
    named = [p for p in sc.doc.places if p.place is not None and p.place.kind == "city" and
             p.end <= sc.sent.start_char and p.surface in role]
    return [(named[-1].place, named[-1])] if named else []


def _shared_verb_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"Drones hit the refinery in Syzran and set a unit ablaze": a trigger verb coordinated
    after another trigger verb takes that verb's place (decision 284)."""
    head = d.head
    # strikes only: "seized X ... and were pushed out of it" tells two events
    if head.dep_ != "conj" or not d.behaviour.strike or not any(
            t.type == d.type_name and head.head.i in t.tokens for t in sc.triggers):
        return []
    chosen = attach(head.head, [head.head], d.type, d.candidates, sc.trigger_tokens,
                    lex=sc.doc.lexicon)
    return [(chosen[0].place, chosen[0].mention)] if chosen else []


def _objective_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"launched a large-scale offensive to capture Krasnoarmiisk": an offensive takes the
    place its purpose clause names as the objective, wherever the parse hung the clause
    (decision 515)."""
    if not d.behaviour.purpose_infinitive:
        return []
    heads = [d.head, d.head.head] if d.head.dep_ in ("dobj", "nsubjpass") else [d.head]
    clauses = [c for h in heads for c in children_of(h) if c.dep_ in ("advcl", "acl", "xcomp")
               and c.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux"
                                          for a in children_of(c))]
    for clause in clauses:
        objective = [c for c in d.candidates if not c.excluded and c.tok.dep_ == "dobj" and
                     c.tok.head == clause]
        if objective:
            return [(objective[0].place, objective[0].mention)]
    return []


def _hit_subjects_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"An apartment block in Belgorod partly collapsed after being hit": what a passive
    "after being hit" befell is the subject of the clause it follows, and its place the
    strike's (decision 607)."""
    head = d.head
    if head.dep_ != "pcomp" or not any(c.dep_ == "auxpass" for c in children_of(head)):
        return []
    clause = head.head.head
    subject = next((c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    held = [c for c in d.candidates if not c.excluded and c.place.kind == "city" and
            is_under(c.tok, subject)]
    return [(held[0].place, held[0].mention)] if held else []


def _fronted_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"In occupied Horlivka, the mayor claimed that drone strikes had injured three
    people": a place the sentence opens with sets the scene for what it reports, when the
    event's own clause names none."""
    sent = sc.sent
    if len(sent) < 4 or sent[0].lower_ not in sc.doc.lexicon.locative_preps:
        return []
    doc = sent.doc
    comma = next((t.i for t in sent[1:8] if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                            for t in doc[sent.start + 1:comma]):
        return []
    opening = [c for c in d.candidates if not c.qualifier and c.place.kind != "country" and
               sent.start < c.tok.i < comma]
    if not opening:
        return []
    last = opening[-1]
    # "Near Lyptsi in the Kharkiv region, ...": the town, not the region that locates it
    inside = [c for c in opening if c.place.kind == "city" and last.place.kind == "admin1" and
              (c.place.country, c.place.admin1_code) == (last.place.country,
                                                         last.place.admin1_code)]
    chosen = inside[-1] if inside else last
    return [(chosen.place, chosen.mention)]


def _fronted_scene(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"In the Kursk Region, ... the enemy had lost two tanks": the scene a sentence opens
    with comes before the place the same speaker's last losses had, unless the sentence
    names a town inside it ("In the Kursk region, residents of Korenevo said ...")."""
    fronted = _fronted_place(sc, d)
    if not fronted or fronted[0][0] is None:
        return []
    scene = fronted[0][0]
    if scene.kind != "city" and any(c.place.kind == "city" and is_container(scene, c.place)
                                    for c in d.candidates):
        return []
    return fronted


def denied_place(sc: SentenceContext, d: Draft) -> bool:
    """Step: "the authorities in X deny that anything was stolen": the place of the claim
    denied, not the place the denier speaks for."""
    if d.modality == "denied" and d.fell_back and not d.type.place_required:
        d.places = _denied_place(sc, d) or d.places
    return True


def _denied_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    earlier = [f for f in sc.found_so_far() if f.mention.type == d.type_name
               and f.mention.place is not None and f.mention.modality != "denied"]
    if earlier:
        return [(earlier[-1].mention.place, earlier[-1].place_mention)]
    return []


def listed_among(head: Any, cands: list[Candidate], book: Codebook, lex: Lexicon
                 ) -> list[Candidate]:
    """Return the place a speaker lists among the places an event befell ("listed X among
    the settlements it said its troops had liberated"), however the parse hangs the clause."""
    towns = book.place_anaphora.get("city", frozenset())
    for c in cands:
        verb = c.tok.head
        if c.excluded or c.tok.dep_ != "dobj" or verb.lemma_.lower() not in lex.list_verbs:
            continue
        among = [g for p in children_of(verb) if p.dep_ == "prep" and p.lower_ == "among"
                 for g in children_of(p) if g.dep_ == "pobj" and g.lemma_.lower() in towns]
        if among and among[0].i < head.i and head.i - among[0].i <= 10:
            return [c]
    return []


def where_antecedent(head: Any, cands: list[Candidate]) -> list[Candidate]:
    """Return the place a "where" clause opens on ("fighting in the Pokrovsk direction, it
    added, where defenders killed 213"), however the parse hangs the clause."""
    verbs = [head, *([head.head] if head.dep_ == "conj" else [])]
    where = next((c for v in verbs for c in children_of(v)
                  if c.lower_ == "where" and c.dep_ == "advmod" and c.i < v.i), None)
    if where is None:
        return []
    before = [c for c in cands if not c.excluded and c.tok.i < where.i]
    return before[-1:]


# types whose figure a text breaks down by town ("31,000 passports since January, most of
# them in Lugansk, Alchevsk and Starobelsk"; decisions 501, 633)
_BROKEN_DOWN = frozenset({"civilians.evacuated", "passport.issued"})


def _in_breakdown(sc: SentenceContext, c: Candidate) -> bool:
    """Whether a place comes after "most of them from" in its clause."""
    text = text_of(sc.sent.doc)
    start = sc.sent.start_char
    clause = text[start:c.mention.start]
    clause = clause[clause.rfind(";") + 1:]
    return bool(sc.doc.lexicon.breakdown_words.search(clause))


def _places_said_hit(d: Draft, cands: list[Candidate], book: Codebook) -> list[Candidate]:
    """"Among the places hit were Bilozerka, Antonivka and ...", "the settlements shelled
    included X and Y": the places listed are the ones hit (decision 502)."""
    verb = listing_verb(d.head, book)
    if verb is None:
        return []
    return [c for c in cands if not c.excluded and is_under(c.tok, verb) and
            not is_under(c.tok, d.head.head)]


def _direction_place(town: Place) -> Place:
    """The place of a direction, sector or axis named after a town: the town, with low
    confidence; the region when the town is the capital of a Russian region and names it
    ("the Kursk direction": fighting in the region, far from the city; Ukraine's front-line
    capitals, Kherson or Kharkiv, are fought over themselves; decision 528)."""
    region = town.region
    if region is not None and town.country == "RU" and region.name.split()[0] == town.name:
        return low_confidence(replace(region, surface=town.surface),
                              f"a direction named after {town.name}, the capital of "
                              f"{region.name}: the region's front")
    return low_confidence(town, "a direction, sector or axis named after the town")


def _subjects_direction(d: Draft, cands: list[Candidate], book: Codebook) -> list[Candidate]:
    """The direction the forces that inflicted losses fight in ("its forces in the Kupiansk
    direction had destroyed a tank"): the losses' place, as "in the X direction" is
    (decision 501)."""
    subj = next((c for c in children_of(d.head) if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    return [c for c in cands if not c.excluded and is_under(c.tok, subj) and
            direction(c, book) == (True, False)][:1]


def skip(cands: list[Candidate], et: EventType | None = None, head: Any = None) -> set[int]:
    """Places a reference cannot point back to: those only qualifying an actor and, in
    the reference's own sentence, those the event itself heads for ("an evacuation bus to
    Dnipro will leave the community centre": the centre is not in Dnipro)."""
    out = {c.mention.start for c in cands if c.qualifier}
    if et is not None and head is not None:
        # (the verb's head, unless it is another verb the event is coordinated with: "had
        # been evacuated from the Vovchansk area and ... the town itself had been hit")
        heads = (head,) if head.dep_ == "conj" else (head, head.head)
        out |= {c.mention.start for c in cands if any(
            a.dep_ == "prep" and a.lower_ in et.avoid_preps and a.head in heads
            for a in path_up(c.tok)[1:3])}
    return out


def event_places(found: Sequence[Found]) -> set[int]:
    """Return the places of the events found so far (a reference prefers them)."""
    return {f.mention.place.geonameid for f in found if f.mention.place}


def fallback_place(sc: SentenceContext, d: Draft, produced: Sequence[Found]
                   ) -> list[PlaceChoice]:
    """Places for types that may have none: the event this one hangs on, the claimant's."""
    if d.trigger.phrase[0] in sc.doc.lexicon.air_defence_verbs:
        # "Air defence forces shot down 167 drones over the past day": a figure for the
        # whole front or country, not at the battle the bulletin told before
        return _clause_place(sc, d)
    return (_clause_place(sc, d) or _simultaneous_place(d, sc.trigger_tokens, sc.doc.lexicon) or
            _coordinated_place(sc, d) or _strike_place(sc, d, produced) or
            _fronted_scene(sc, d) or
            _continued_place(sc, d) or _where_the_people_were(sc, d) or _claimant_place(sc, d))


def _where_the_people_were(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"48 civilians who had remained in Sudzha … had been evacuated to Kursk": the place
    the evacuated people were in, told in a clause of their own, is where they left
    (decision 488); "killed five saboteurs and detained two others who had crossed into the
    Klimovo district": where the soldiers were (decision 564)."""
    preps = _PEOPLES_PLACE_PREPS.get(d.type_name)
    if preps is None:
        return []
    verbs = [d.head, *(c for c in children_of(d.head) if c.dep_ == "conj")]
    if d.head.dep_ == "conj":
        verbs.append(d.head.head)
    people = [c for v in verbs for c in children_of(v) if c.dep_ in ("nsubjpass", "dobj")]
    people += [g for p in people for g in of_nouns(p)]  # ("members of a group that ...")
    clauses = [g for p in people for g in children_of(p) if g.dep_ in ("relcl", "acl")]
    for clause in clauses:
        for c in d.candidates:
            if c.excluded or c.place.kind == "country":
                continue
            tok = c.tok
            if tok.dep_ == "pobj" and tok.head.lower_ in preps and \
                    is_under(tok.head.head, clause):
                return [(c.place, c.mention)]
        # "112 residents who had remained in the town ... were taken to centres in X"
        town = next((t for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ in preps
                     and t.head.head == clause and t.pos_ == "NOUN"
                     and t.lemma_.lower() in sc.doc.book.place_anaphora.get("city", ())
                     and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(t))),
                    None)
        found = _resolved(town, sc, d) if town is not None else []
        if found:
            return found
    return []


# where the people a clause of their own places were: evacuated from where they had
# remained (decision 488); killed or detained where they had crossed into (decision 564)
_PEOPLES_PLACE_PREPS = {"civilians.evacuated": ("in", "at"),
                        "casualties": ("in", "at", "into", "near")}


def _resolved(ref: Any, sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    pm = resolve_anaphor(ref, sc.doc.places, sc.doc.book, skip(d.candidates),
                         event_places(sc.doc.found)) if ref is not None else None
    if pm is not None and pm.place is not None:
        return [(pm.place, pm)]
    return []


def _clause_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """Climb to the clause the trigger is part of ("struck X, killing three"; "put losses
    in the same sector at 230 killed"), never into the speaker's clause."""
    prev = d.head
    for a in path_up(d.head)[1:4]:
        if prev.dep_ in ("ccomp", "parataxis", "relcl") or prev.dep_ == "nsubj":
            break
        chosen = attach(a, [a], d.type, d.candidates, sc.trigger_tokens, lex=sc.doc.lexicon)
        if chosen:
            return [(chosen[0].place, chosen[0].mention)]
        found = _resolved(anaphor(a, [a], sc.doc.book, d.type, sc.doc.lexicon), sc, d)
        if found:
            return found
        prev = a
    return []


def _simultaneous_place(d: Draft, events: set[int], lex: Lexicon) -> list[PlaceChoice]:
    """"killed two when a glide bomb hit a building in Kramatorsk"; "... today when drones
    struck a market in X", "... on Wednesday when ..." (the clause hung on the time word);
    the clause hung on the reporting verb, written between the event and the speaker."""
    head = d.head
    near = [head, *path_up(head)[1:2]]
    near += [c for a in near for c in children_of(a) if c.dep_ == "conj" and c.pos_ == "VERB"]
    for a in near:
        times = [*(c for c in children_of(a) if c.dep_ == "npadvmod"),
                 *(o for c in children_of(a) if c.dep_ == "prep"
                   for o in children_of(c) if o.dep_ == "pobj")]
        clauses = [*children_of(a),
                   *(g for c in times for g in children_of(c) if g.dep_ == "relcl")]
        clauses += [c for v in d.att.verbs[:1] for c in children_of(v)
                    if c.dep_ == "advcl" and head.i < c.i < v.i]
        for c in clauses:
            if c.dep_ in ("advcl", "relcl") and any(m.lower_ in lex.simultaneous_marks | {"after"}
                                                    for m in children_of(c)
                                                    if m.dep_ in ("mark", "advmod")):
                # "..., as Moscow pressed its air campaign": the clause's actor is no place
                chosen = [x for x in attach(c, [c], d.type, d.candidates, events, lex=lex)
                          if not (x.tok.dep_ == "nsubj" and x.tok.head == c)]
                if chosen:
                    return [(chosen[0].place, chosen[0].mention)]
    return []


def _coordinated_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """"destroyed two boats and killed 30 servicemen in the area": a place closing a
    coordination of verbs applies to each of them."""
    lex = sc.doc.lexicon
    for c in children_of(d.head):
        if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < d.head.i:
            continue
        # "... and wounded 23 over the past day in the Donetsk and Kharkiv regions": the
        # place may hang on a time phrase of the verb; an object of the verb is its own
        chosen = [x for x in attach(c, [c], d.type, d.candidates, sc.trigger_tokens, lex=lex)
                  if any(a.dep_ == "prep" and a.lower_ in lex.locative_preps
                         for a in path_up(x.tok)[1:] if is_under(a, c))]
        if chosen:
            return [(x.place, x.mention) for x in chosen]
        for prep in (p for p in children_of(c)
                     if p.dep_ == "prep" and p.lower_ in lex.locative_preps):
            found = _resolved(anaphor(prep, [prep], sc.doc.book, d.type, lex), sc, d)
            if found:
                return found
    return []


# How far back a figure given for losses ("put the number of injured at 19") looks for the
# strike or losses it gives a figure for; set on events_blind10/11's revised tolls.
FIGURE_AFTER_SENTENCES = 3


def _strike_place(sc: SentenceContext, d: Draft, produced: Sequence[Found]
                  ) -> list[PlaceChoice]:
    """"a drone struck the station in X; two people were killed": the losses of the strike
    the same sentence reports."""
    if not d.behaviour.losses:
        return []
    same = [f for f in produced if sc.doc.behaviour(f.mention.type).strike and
            f.mention.place] or \
        [f for f in produced if f.mention.type == d.type_name and f.mention.place] or \
        [f for f in produced if sc.doc.behaviour(f.mention.type).losses and f.mention.place
         and f.mention.place.kind != "country"]
    if same:
        over = _tally_over(same) or same[-1]
        return [(over.mention.place, over.place_mention)]
    if not produced and not any(not c.excluded for c in d.candidates) and \
            figure_frame(d.head, sc.doc.lexicon.figure_nouns):
        # "The mayor later put the number of injured at 19": another figure for the losses
        # or the strike just told (decision 232)
        told = [f for f in sc.doc.found if sc.index - f.sentence <= FIGURE_AFTER_SENTENCES
                and f.mention.place and (sc.doc.behaviour(f.mention.type).strike
                                         or f.mention.type == d.type_name)]
        if told:
            return [(told[-1].mention.place, told[-1].place_mention)]
    if produced or d.candidates:
        return []
    # "A glide bomb hit a plant in Zaporizhzhia. Two workers were killed": losses that name
    # no place of their own, told right after a strike, are that strike's
    # soldiers' losses counted later ("its pilots had killed 214 soldiers since April") are
    # a tally of their own; only the sentence right after a strike gives them its place
    if d.own is not None and d.own.since:
        return []  # "130,000 soldiers killed in the war since February 2022": a tally
    head = d.head
    soldiers = military_losses(sc, d) or (head.dep_ in ("acl", "relcl", "amod") and
                                          head.head.lemma_.lower() in sc.doc.book.soldier_nouns)
    if sc.sent[0].lower_ in sc.doc.lexicon.topic_shift_words:
        return []  # "Meanwhile, Mediazona said ...": another story
    back = STRIKE_LOSSES_SENTENCES if d.type.count == "people" and d.own is None and \
        not soldiers else 1
    before = [f for f in sc.doc.found if sc.index - back <= f.sentence and
              sc.doc.behaviour(f.mention.type).strike and f.mention.place]
    if before and _no_other_place_since(sc, before[-1]):
        over = _tally_over([f for f in before if f.sentence == before[-1].sentence]) or \
            before[-1]
        return [(over.mention.place, over.place_mention)]
    return []


def _tally_over(strikes: Sequence[Found]) -> Found | None:
    """The region's tally among a sentence's strikes when the others are its examples
    ("shelled 33 settlements of the region, including X, Y and Z. One person was killed"):
    the losses are told for the whole region (decision 350)."""
    region = next((f for f in strikes if f.mention.place and
                   f.mention.place.kind == "admin1"), None)
    if region is None or region.mention.place is None or len(strikes) < 2:
        return None
    area = region.mention.place
    inside = all(f is region or (f.mention.place and is_container(area, f.mention.place))
                 for f in strikes)
    return region if inside else None


# How many sentences back losses that name no place look for the strike they follow ("A
# shell hit Donetsk. 'It landed near a market. Two men died,' the mayor wrote."); set on
# events_blind13/14 (decision 282)
STRIKE_LOSSES_SENTENCES = 2


def _no_other_place_since(sc: SentenceContext, strike: Found) -> bool:
    """Whether the text between a strike and the losses after it names no other place (a
    place named in between would be where the losses were, or unclear)."""
    assert strike.mention.place is not None
    own = strike.mention.place.geonameid
    return all(p.place is None or p.place.geonameid == own or p.place.kind == "country"
               for p in sc.doc.places
               if strike.mention.evidence.end <= p.start < sc.sent.start_char)


def _continued_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """The same speaker going on, or "another group": the place of the last such event."""
    att = d.att
    carried = att.carried and att.claimant is not None
    if carried or continues(d.head, d.tokens, sc.doc.lexicon):
        for f in reversed(sc.doc.found):
            if f.mention.type == d.type_name and f.mention.place and (
                    not carried or same_source(f.source, att.claimant)):
                d.carried_place = True
                return [(f.mention.place, f.place_mention)]
    if (att.continued or att.carried) and att.claimant is not None and d.behaviour.losses:
        # "… killed 146 Russian servicemen in the Borova sector, the brigade said. Eleven
        # soldiers were taken prisoner.": the same tally going on in the next sentence, of
        # soldiers or of equipment (decision 539)
        said = span_text(sc.sent)
        if sc.doc.lexicon.grouping_words.search(said) or \
                sc.doc.lexicon.zone_words.search(said) or \
                d.unresolved_place is not None or sc.unresolved:
            # ("in the group's zone", "the Tsentr group repelled ...", "in the village of
            # Lyubimovka", a village the gazetteer lacks: elsewhere)
            return []
        before = [f for f in sc.doc.found if f.sentence == sc.index - 1]
        losses = [f for f in before if sc.doc.behaviour(f.mention.type).losses]
        if losses and len(before) == len(losses) and losses[-1].mention.place and \
                same_source(losses[-1].source, att.claimant):
            d.carried_place = True
            return [(losses[-1].mention.place, losses[-1].place_mention)]
    return []


def _speaks(c: Candidate, d: Draft) -> bool:
    """Whether a place is the subject of the claim's verb of saying ("Moscow said")."""
    return bool(c.tok.dep_ == "nsubj" and c.tok.head in d.att.verbs)


def _claimant_place(sc: SentenceContext, d: Draft) -> list[PlaceChoice]:
    """The place the claimant speaks for ("authorities in Mezhova said"), else the one town
    the sentence names, else the paragraph's first place."""
    if d.type.place_fallback not in ("claimant", "speaker"):
        return []
    cands = d.candidates
    text = text_of(d.head.doc)
    inside = [c for c in cands if c.excluded and c.place.kind != "country"
              and any(s <= c.mention.start < e for s, e in d.att.spans)
              # (not "the Moscow-installed administration of Mariupol": who installed it;
              # decision 591)
              and not qualifies_by_hyphen(c.mention, text)
              # (not a garbled spelling: "Human Rights" read as Uman)
              and c.place.method != "fuzzy"
              # (nor the speaker itself: "the Mission has verified", "Moscow said";
              # decision 500)
              and not _speaks(c, d)]
    if inside:
        return [(inside[0].place, inside[0].mention)]
    if d.type.place_fallback == "speaker":
        return []  # (casualties: not the sentence's or paragraph's other places)
    # (not a capital speaking, "Kyiv says nearly 20,000 children have been deported": its
    # government, decision 624)
    speaking = {c.mention.start for c in cands
                if _speaks(c, d) and c.tok.lower_ in sc.doc.lexicon.capitals}
    towns = {c.place.geonameid: c for c in cands if c.place.kind == "city" and
             c.mention.start not in speaking}
    if len(towns) == 1:
        c = next(iter(towns.values()))
        return [(c.place, c.mention)]
    para = paragraph_start(d.head)
    first = next((p for p in sc.doc.places if p.place is not None and
                  p.start not in speaking and not qualifies_by_hyphen(p, text) and
                  para <= p.start < d.head.idx and p.place.kind != "country"), None)
    if first is not None and first.place is not None:
        d.carried_place = first.start < sent_of(d.head).start_char
        return [(first.place, first)]
    return []
