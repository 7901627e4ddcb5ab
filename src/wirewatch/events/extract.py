"""The event stage: parsed documents and their places in, event mentions out.

For each sentence: find trigger phrases of the codebook (on lemmas), drop those
in non-event contexts ("no threat of encirclement"), tie each to the places the
sentence's structure attaches to it, then add date, count, claimant, conduit,
modality, actor/target and extent. Repeated claims inside one article are kept
once, with their first evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from wirewatch.events.attribution import (
    PersonRegistry,
    Speaker,
    find_conduits,
    find_speaker,
    learn_people,
    party_or_media,
    side_of,
)
from wirewatch.events.codebook import Codebook, load_codebook
from wirewatch.events.dates import UNKNOWN, EventDate, find_dates, publication_date
from wirewatch.events.models import EventMention, Evidence, Party
from wirewatch.events.numbers import Count, make_count, qualifier_before, words_to_number
from wirewatch.ingest.document import Document
from wirewatch.places.models import Place, PlaceMention

HOME_BEFORE = re.compile(r"(?:residents?|natives?|inhabitants?|people|citizens|families|"
                         r"civilians|evacuees|those)\s+(?:of|from)\s+(?:the\s+)?"
                         r"(?:[\w’'-]+\s+){0,2}$|\bfrom\s+(?:the\s+)?$", re.I)
VENUE_BEFORE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.I)
PARTIAL = re.compile(r"\b(?:(?:southern|northern|eastern|western|central)\s+(?:part|"
                     r"outskirts|districts?|half)|part of|parts of|\d+\s*(?:per ?cent|%)\s+of|"
                     r"half of|most of|a third of|some of|several (?:districts|streets))\b", re.I)
BACKGROUND = re.compile(r"\b(?:earlier|previously|before that|in the past|last year|"
                        r"already|since|had been|back in|long|years ago)\b", re.I)
AGGREGATE = re.compile(r"\b(?:since\s+(?:19|20)\d{2}|in total|a total of|so far|to date|"
                       r"altogether|in all|over the past)\b", re.I)
NEGATION = {"not", "no", "never", "n't", "without"}
ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(?:city|town|village|settlement|locality)\b|"
                      r"\bthere\b", re.I)


def _lower_lemma(tok: Any) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _match_phrases(sent: Any, book: Codebook) -> list[tuple[str, int, int]]:
    """Return (type, first token index, last token index) of trigger phrases in a sentence."""
    index = book.phrases
    toks = list(sent)
    forms = [_lower_lemma(t) for t in toks]
    found: list[tuple[str, int, int]] = []
    for i, (lower, lemma) in enumerate(forms):
        for key in {lower, lemma}:
            for etype, phrase in index.get(key, []):
                n = len(phrase)
                if i + n > len(toks):
                    continue
                if all(phrase[k] in forms[i + k] for k in range(n)):
                    found.append((etype, toks[i].i, toks[i + n - 1].i))
    # longest phrase per start wins; one type per token span
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    out: list[tuple[str, int, int]] = []
    for f in found:
        if any(o[0] == f[0] and o[1] <= f[1] <= o[2] for o in out):
            continue
        out.append(f)
    return out


def _places_in(sent: Any, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    return [p for p in places if sent.start_char <= p.start < sent.end_char]


def _token_at(doc: Any, offset: int) -> Any:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tree_distance(a: Any, b: Any) -> int:
    """Number of dependency arcs between two tokens (large when unrelated)."""
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    for da, x in enumerate(ancestors_a):
        if x in ancestors_b:
            return da + ancestors_b.index(x)
    return 99


def _choose_places(etype: str, trig: Any, sent: Any, cands: list[PlaceMention]
                   ) -> list[PlaceMention]:
    """Return the places a trigger is about (several when coordinated: 'X and Y')."""
    resolved = [p for p in cands if p.place is not None]
    if not resolved:
        return []
    doc = sent.doc
    scored = []
    for p in resolved:
        tok = _token_at(doc, p.start)
        dist = _tree_distance(trig, tok) if tok is not None else 99
        lin = abs(p.start - trig.idx)
        scored.append((dist, lin, p))
    scored.sort(key=lambda x: (x[0], x[1]))
    best = scored[0]
    if best[0] > 6 and etype not in ("passport.issued",):
        # Nothing attached in the parse: take the nearest place after the trigger, if close.
        after = [s for s in scored if s[2].start > trig.idx and s[1] < 80]
        if not after:
            return []
        best = min(after, key=lambda s: s[1])
    chosen = [best[2]]
    # A region named right after a city is its container, not a second place.
    text = doc.text
    for _d, _l, p in scored:
        if p is best[2] or p.place is None or best[2].place is None:
            continue
        gap = text[chosen[-1].end:p.start] if p.start > chosen[-1].end else ""
        if re.fullmatch(r"\s*(?:,|and|or|as well as|&)\s*(?:the\s+)?(?:town of\s+|city of\s+|"
                        r"village of\s+)?", gap, re.I) and p.place.kind == best[2].place.kind:
            chosen.append(p)
    return chosen


def _is_container(p: Place, of: Place) -> bool:
    return p.kind in ("admin1", "country", "region") and of.kind == "city"


def _count_for(trig: Any, sent: Any, used: set[int]) -> tuple[Count | None, set[int]]:
    """Return the count attached to a trigger (nearest number not used by another trigger)."""
    doc = sent.doc
    nums = [t for t in sent if (t.like_num or t.lower_ in ("dozen", "dozens", "hundreds",
                                                           "thousands", "half"))
            and t.i not in used and t.ent_type_ not in ("DATE", "TIME", "PERCENT", "ORDINAL")]
    if not nums:
        if re.search(r"\b(?:nearly|almost) all\b", sent.text, re.I):
            return Count(None, True, "nearly all"), set()
        return None, set()
    nums.sort(key=lambda t: (_tree_distance(trig, t), abs(t.i - trig.i)))
    head = nums[0]
    run = [head]
    j = head.i - 1
    while j >= sent.start and (doc[j].like_num or doc[j].lower_ in ("half", "a", "an")):
        run.insert(0, doc[j])
        j -= 1
    j = head.i + 1
    while j < sent.end and (doc[j].like_num or doc[j].lower_ in ("hundred", "thousand",
                                                                 "million", "dozen")):
        run.append(doc[j])
        j += 1
    words = [t.text for t in run]
    value = words_to_number(words)
    if value is None:
        return None, set()
    before = doc.text[max(sent.start_char, run[0].idx - 25):run[0].idx]
    return make_count(value, words, qualifier_before(before)), {t.i for t in run}


def _equipment_of(trig: Any, sent: Any, book: Codebook) -> list[tuple[str, int]]:
    """Return (equipment words, token index of its head noun) named in a sentence."""
    low = [t.lower_ for t in sent]
    out: list[tuple[str, int]] = []
    taken: set[int] = set()
    for phrase in sorted(book.equipment_words, key=len, reverse=True):
        n = len(phrase)
        lowered = tuple(w.lower() for w in phrase)
        for i in range(len(low) - n + 1):
            if tuple(low[i:i + n]) == lowered and not (set(range(i, i + n)) & taken):
                taken |= set(range(i, i + n))
                tok = sent[i + n - 1]
                left = tok
                while left.i > sent.start and sent.doc[left.i - 1].pos_ in ("ADJ", "PROPN",
                                                                           "NOUN", "PUNCT") \
                        and sent.doc[left.i - 1].text not in (",", ";"):
                    left = sent.doc[left.i - 1]
                words = sent.doc.text[left.idx:tok.idx + len(tok)].strip(" ‘’'\"")
                out.append((words, tok.i))
    return out


def _date_for(sent: Any, published: date | None, modality: str, lead: bool,
              trig: Any) -> tuple[EventDate, bool]:
    """Return the date of an event in a sentence and whether it is an aggregate range."""
    found = find_dates(sent.text, published)
    if found:
        rel = trig.idx - sent.start_char
        _s, _e, d = min(found, key=lambda f: abs(f[0] - rel))
        return d, d.precision == "range" and bool(AGGREGATE.search(sent.text))
    if modality == "planned":
        return UNKNOWN, False
    if lead and not BACKGROUND.search(sent.text):
        return publication_date(published), False
    return UNKNOWN, False


def _modality(sent: Any, trig: Any, speaker: Speaker | None, claimant: str | None,
              conduits: list[str], book: Codebook, registry: PersonRegistry) -> str:
    lemmas = " " + " ".join(t.lemma_.lower() for t in sent) + " "
    lowers = " " + " ".join(t.lower_ for t in sent) + " "

    def has(kind: str) -> bool:
        return any(f" {' '.join(p)} " in lemmas or f" {' '.join(p)} " in lowers
                   for p in book.modality.get(kind, ()))

    if has("denied"):
        return "denied"
    if any(c.lower_ in NEGATION for c in trig.children) or (
            trig.head is not trig and any(c.lower_ in NEGATION for c in trig.head.children)
            and trig.dep_ in ("xcomp", "ccomp", "dobj", "pobj")):
        return "denied"
    aux = {c.lower_ for c in trig.children if c.dep_ in ("aux", "auxpass")}
    head_aux = {c.lower_ for c in trig.head.children if c.dep_ in ("aux", "auxpass")}
    if "will" in aux or "will" in head_aux or (has("planned") and trig.tag_ in ("VB", "NN",
                                                                                 "NNS")):
        return "planned"
    if claimant:
        return party_or_media(claimant, registry, book)
    if has("hedged"):
        return "hedged"
    if conduits:
        return "reported"
    return "asserted"


def _parties(etype: str, trig: Any, sent: Any, book: Codebook, claimant: str | None
             ) -> tuple[Party | None, Party | None]:
    chunks = []
    for nc in sent.noun_chunks:
        side = side_of(nc.text, book)
        if side is None or (claimant and nc.text in claimant):
            continue
        if not re.search(r"\b(forces|troops|army|military|units?|soldiers|servicemen|side|"
                         r"fighters|defenders|brigade|battalion|regiment|grouping|formation|"
                         r"personnel|marines|paratroopers|militants|formations)\b", nc.text, re.I):
            continue
        chunks.append(nc)
    if not chunks:
        return None, None
    subj = [nc for nc in chunks if nc.root.dep_ in ("nsubj", "nsubjpass") and (
        nc.root.head == trig or nc.root.head == trig.head)]
    if etype in ("casualties", "equipment.lost", "personnel.surrendered",
                 "territory.encircled"):
        target = min(chunks, key=lambda nc: abs(nc.root.i - trig.i))
        actors = [nc for nc in chunks if side_of(nc.text, book) != side_of(target.text, book)]
        actor = actors[0] if actors else None
        return (Party(_bare(actor), side_of(actor.text, book)) if actor else None,
                Party(_bare(target), side_of(target.text, book)))
    actor = subj[0] if subj else min(chunks, key=lambda nc: abs(nc.root.i - trig.i))
    targets = [nc for nc in chunks if side_of(nc.text, book) != side_of(actor.text, book)]
    target = targets[0] if targets else None
    return (Party(_bare(actor), side_of(actor.text, book)),
            Party(_bare(target), side_of(target.text, book)) if target else None)


def _bare(nc: Any) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", str(nc.text), flags=re.I)


def _subtype(etype: str, trig_words: tuple[str, ...], book: Codebook) -> str | None:
    et = book.types[etype]
    for name, phrases in et.subtypes.items():
        if trig_words in phrases or (trig_words[:1] in {p[:1] for p in phrases}
                                     and len(trig_words) == 1):
            return name
    return "mixed" if etype == "casualties" else None


class _DocState:
    def __init__(self) -> None:
        self.registry = PersonRegistry()
        self.last_claimant: str | None = None
        self.last_paragraph = -1
        self.last_conduits: list[str] = []


def events_in_document(doc: Document, parsed: Any, places: Sequence[PlaceMention],
                       book: Codebook | None = None) -> list[EventMention]:
    """Return the event mentions of one parsed document, each claim once."""
    book = book or load_codebook()
    state = _DocState()
    out: list[EventMention] = []
    sentences = list(parsed.sents)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", doc.text)]
    for si, sent in enumerate(sentences):
        learn_people(sent, state.registry)
        para = sum(1 for p in paragraph_starts if p <= sent.start_char) - 1
        if para != state.last_paragraph:
            state.last_claimant, state.last_conduits = None, []
            state.last_paragraph = para
        matches = _match_phrases(sent, book)
        if not matches:
            _remember_speaker(sent, state, book)
            continue
        sent_places = _places_in(sent, places)
        used_numbers: set[int] = set()
        conduits = find_conduits(sent.text)
        low = sent.text.lower()
        for etype, i0, i1 in matches:
            et = book.types[etype]
            trig = parsed[i0]
            words = tuple(t.lower_ for t in parsed[i0:i1 + 1])
            window = doc.text[max(sent.start_char, trig.idx - 40):trig.idx + 40].lower()
            if any(c in window for c in book.not_event_contexts):
                continue
            if words[0] in et.needs_object and i0 == i1 and not any(
                    c.dep_ in ("dobj", "prep") for c in trig.children):
                continue
            if trig.lemma_.lower() in book.speech_verbs and etype != "casualties":
                continue
            targets = _choose_places(etype, trig, sent, sent_places)
            if not targets and ANAPHORA.search(sent.text) and et.place_required:
                prev = [p for p in places if p.end <= sent.start_char and p.place is not None
                        and p.place.kind == "city"]
                targets = prev[-1:]
            if et.place_required and not targets:
                continue
            needs_look = et.needs_equipment or words[0] in ("lose", "lost", "destroyed")
            equipment = _equipment_of(trig, sent, book) if needs_look else []
            if et.needs_equipment and not equipment:
                continue
            if etype == "casualties" and equipment:
                continue  # "lost two tanks" is equipment, not casualties
            speaker = find_speaker(sent, trig, state.registry, book)
            claimant = speaker.text if speaker and speaker.text else None
            if speaker and speaker.kind == "pronoun":
                claimant = state.last_claimant
            if claimant is None and not conduits and state.last_claimant and re.search(
                    r"\b(?:he|she|they)\s+(?:said|added|noted|stated|stressed)\b", low):
                claimant = state.last_claimant
            all_conduits = conduits or (state.last_conduits if claimant and
                                        claimant == state.last_claimant else [])
            modality = _modality(sent, trig, speaker, claimant, all_conduits, book,
                                 state.registry)
            lead = si < 2
            when, aggregate = _date_for(sent, doc.published, modality, lead, trig)
            if AGGREGATE.search(sent.text) and when.precision == "range":
                aggregate = True
            actor, target = _parties(etype, trig, sent, book, claimant)
            extent = None
            if et.extent and etype == "territory.captured":
                extent = "partial" if PARTIAL.search(
                    doc.text[max(sent.start_char, trig.idx - 60):sent.end_char]) else "full"
            evidence = Evidence(sent.text.strip(), sent.start_char,
                                sent.start_char + len(sent.text.rstrip()))
            subtype = _subtype(etype, words, book) if etype == "casualties" else None
            base = EventMention(
                doc=doc.id, type=etype, place=None, date=when, evidence=evidence,
                modality=modality, subtype=subtype, actor=actor, target=target,
                claimant=claimant, conduit=tuple(all_conduits), extent=extent,
                aggregate=aggregate, trigger=(trig.idx, parsed[i1].idx + len(parsed[i1])))
            if etype == "passport.issued":
                out.extend(_passport(base, sent, sent_places, trig, used_numbers))
                continue
            count = None
            if et.count and etype != "equipment.lost":
                count, used = _count_for(trig, sent, used_numbers)
                used_numbers |= used
            if etype == "equipment.lost":
                for words_, head_i in equipment:
                    c, used = _count_for(sent.doc[head_i], sent, used_numbers)
                    used_numbers |= used
                    place = targets[0].place if targets else None
                    out.append(replace(base, place=place, equipment=words_, count=c or Count(
                        1, False, None) if _singular(sent.doc[head_i]) else c))
                continue
            if etype == "casualties" and count is None:
                continue
            if not targets:
                out.append(replace(base, count=count))
            for t in targets:
                out.append(replace(base, place=t.place, count=count))
        _remember_speaker(sent, state, book)
    return dedupe(out)


def _singular(tok: Any) -> bool:
    return bool(tok.tag_ == "NN")


def _passport(base: EventMention, sent: Any, sent_places: list[PlaceMention], trig: Any,
              used: set[int]) -> list[EventMention]:
    text = sent.doc.text
    homes, venues = [], []
    for p in sent_places:
        if p.place is None:
            continue
        before = text[max(sent.start_char, p.start - 40):p.start]
        if HOME_BEFORE.search(before) or re.match(r"^\s+residents\b", text[p.end:p.end + 15]):
            homes.append(p)
        elif VENUE_BEFORE.search(before):
            venues.append(p)
        else:
            homes.append(p)
    count, got = _count_for(trig, sent, used)
    used |= got
    venue = venues[0].place if venues and homes else None
    if not homes and venues and not re.search(r"\b(?:issued|handed out|distributed)\s+in\b",
                                              sent.text):
        homes, venue = venues[:1], None
    if not homes:
        return [replace(base, count=count, venue=venues[0].place if venues else None)]
    home = [h for h in homes if h.place is not None and not any(
        _is_container(h.place, o.place) for o in homes if o.place is not None and o is not h)]
    return [replace(base, place=h.place, venue=venue, count=count) for h in home[:2]]


def _remember_speaker(sent: Any, state: _DocState, book: Codebook) -> None:
    for tok in sent:
        if tok.lemma_.lower() in book.speech_verbs and tok.pos_ == "VERB":
            sp = find_speaker(sent, tok, state.registry, book)
            if sp and sp.text:
                state.last_claimant = sp.text
                state.last_conduits = find_conduits(sent.text)
                return


def _key(e: EventMention) -> tuple[Any, ...]:
    pid = e.place.geonameid if e.place else None
    return (e.type, pid, e.subtype, (e.equipment or "").lower(), e.modality == "denied",
            e.modality == "planned")


def dedupe(events: list[EventMention]) -> list[EventMention]:
    """Keep each claim once: the first mention, completed with what later ones add."""
    kept: dict[tuple[Any, ...], int] = {}
    out: list[EventMention] = []
    for e in events:
        k = _key(e)
        if k in kept:
            i = kept[k]
            first = out[i]
            if first.claimant and e.claimant and first.claimant != e.claimant \
                    and first.modality != e.modality:
                out.append(e)
                continue
            out[i] = replace(
                first, claimant=first.claimant or e.claimant,
                conduit=first.conduit or e.conduit,
                count=first.count or e.count,
                date=first.date if first.date.value else e.date,
                modality=first.modality if first.claimant or not e.claimant else e.modality)
            continue
        kept[k] = len(out)
        out.append(e)
    return out
