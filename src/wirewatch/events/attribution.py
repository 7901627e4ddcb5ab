"""Who claims an event (claimant), through whom it reached the article (conduits), and how.

The claim's chain is read from the parse: the speech verbs that govern the
trigger ("X said that ...", "... , the Kremlin said"), innermost first. The
innermost speaker is the claimant; outer speakers and the relays named around
them ("as relayed by", "speaking to TASS", "on his Telegram channel",
"according to") are the conduits, nearest the claimant first. Pronouns and
definite references ("he added", "the ministry said", "the same post
claimed") are resolved against the speakers met earlier in the article.

Names are claimant naming's (:mod:`wirewatch.events.naming`, shared with fusion); the
English words and patterns are the lexicon's, passed to :class:`Attributor`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.naming import (
    PersonRegistry,
    canonical_conduit,
    canonical_name,
    has_any,
    person_name,
    plain_name,
    role_after,
)

# extraction reads people and sides through this module
from wirewatch.events.naming import learn_people as learn_people
from wirewatch.events.naming import side_of as side_of
from wirewatch.events.syntax import (
    children_of,
    is_under,
    memo,
    noun_chunks_of,
    of_nouns,
    path_up,
    phrase_text,
    sent_of,
    span_text,
    text_of,
    tokens_of,
    tokens_with,
)


@dataclass
class Source:
    """A claimant or relay met in the article."""

    name: str
    kind: str = "org"  # person | org | media | group
    side: str | None = None
    conduits: tuple[str, ...] = ()
    claim_date: Any = None  # EventDate of its last claim, if dated
    event_date: Any = None  # EventDate of the last event it claimed, if dated
    # whether that event's day was told with the claim's own day ("shelled X on Tuesday,
    # Lysak reported on Wednesday"), as a statement's lead tells what it is about
    event_with_claim: bool = False
    head: str = ""  # head word of the description ("ministry", "channels")
    via: str = ""  # the spokes-noun it spoke through ("a spokesman for X" -> "spokesman")


@dataclass
class Attribution:
    """The claim chain of one trigger."""

    claimant: Source | None = None
    conduits: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    carried: bool = False
    continued: bool = False  # an unattributed sentence going on with the last statement
    verbs: list[Any] = field(default_factory=list)
    denial: bool = False
    hedged: bool = False


# a live blog's time stamp at the start of an entry ("09.30 BST", "14:05 GMT", "10:05")
_CLOCK = re.compile(r"\s*\d{1,2}[.:]\d{2}(?:\s*(?:BST|GMT|UTC|CET|CEST|EET|EEST|MSK|Kyiv\s+time|"
                    r"local\s+time|am|pm|a\.m\.|p\.m\.))?\s+(?=\S)")
# days and months, never a speaker ("a video shared since Saturday claims ..."; decision 510)
_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)


def party_or_media(source: Source, book: Codebook) -> str:
    """Return 'claimed' for a party to the conflict, 'reported' for media and third parties."""
    low = source.name.lower()
    strong_party = has_any(low, ("ministry", "general staff", "governor", "mayor",
                                              "administration", "head of", "president"))
    if has_any(low, book.media_words) and not strong_party:
        return "reported"
    if has_any(low, book.party_words):
        return "claimed"
    return "reported"


def _describe(tok: Any, start: int, end: int, registry: PersonRegistry, book: Codebook,
              lexicon: Lexicon, side_hint: str | None) -> Source:
    doc = tok.doc
    text = text_of(doc)[start:end]
    clock = _CLOCK.match(text)
    if clock is not None and clock.end() < len(text):
        # "09.30 BST Russia's defence ministry said": a live blog's time stamp opens the
        # line, it is no part of the speaker (decision 524)
        start, text = start + clock.end(), text[clock.end():]
    head = tok.lemma_.lower()
    media = has_any(text.lower(), book.media_words)
    rng = person_name(tok, lexicon)
    known = registry.known(tok.text) if tok.pos_ == "PROPN" else None
    if rng is not None or known:
        name = doc[rng[0]:rng[1]].text if rng is not None else (known or tok.text)
        role_text = text[:text.find(name)].strip(" ,") if name in text else ""
        role_text = re.sub(r"^(?:the|a|an)\s+", "", role_text, flags=re.I)
        if not (role_text and lexicon.role_words.search(role_text)):
            role_text = role_after(text_of(doc)[start + len(text):sent_of(tok).end_char],
                                   lexicon) or ""
        registry.learn(name, role_text or None)
        full = registry.describe(name)
        return Source(full, "person", side_of(full, book), head="person")
    name = canonical_name(text, book, lexicon, side_hint)
    kind = "media" if media else "org"
    if tok.tag_ in ("NNS", "NNPS") and kind == "org":
        kind = "group"
    return Source(name, kind, side_of(text, book) or side_hint, head=head)


def _speaker_token(verb: Any, trigger: Any, lexicon: Lexicon, is_place: Any = None,
                   speech_verbs: frozenset[str] = frozenset()) -> Any | None:
    """Return the head token of who speaks with ``verb``, from the parse or what precedes it
    (``speech_verbs``: the verbs of saying, whose participle "adding" speaks for them)."""
    for c in children_of(verb):
        if c.dep_ == "agent":
            for gc in children_of(c):
                if gc.dep_ == "pobj":
                    return gc
    subject = None
    # (a figure the parse also hung on the verb as its subject is no speaker: "... and
    # 1,388 injured in Ukraine, the UN mission said"; decision 405)
    for c in sorted(children_of(verb), key=lambda c: c.pos_ == "NUM"):
        if c.dep_ in ("nsubj",) and not is_under(trigger, c):
            if is_place is not None and is_place(c):
                continue  # "KYIV, Nov 18 - Russia said": the dateline is no speaker
            if c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":" and c.pos_ != "PROPN":
                # "Background: Saldo claimed": a paragraph's label (decision 510); the
                # speaker is the verb's other subject or what the parse set beside the label
                told = [o for o in children_of(c) if o.dep_ == "appos" and o.i > c.i]
                if told and not any(o.dep_ == "nsubj" and o.i > c.i for o in children_of(verb)):
                    subject = told[0]
                    break
                continue
            if c.lower_ in _CALENDAR_WORDS:
                continue  # "shared by channels since Saturday claims": a day is no speaker
            if c.lower_ in lexicon.relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            subject = c
            break
    if subject is None:
        # "Dnipro Mayor Borys Filatov, writing separately, put the toll at 15": the parse
        # may take a name before an aside for an adverbial noun (decision 395)
        subject = next((c for c in children_of(verb) if c.dep_ == "npadvmod" and
                        c.i < verb.i and person_name(c, lexicon) is not None), None)
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
            verb.head.pos_ == "VERB" and verb.head.i < verb.i and (
                verb.head.lemma_.lower() in speech_verbs or
                verb.lemma_.lower() in lexicon.speaking_participles):
        # "the ministry said in its briefing, adding that ...": who adds is who said; "the
        # ministry gave a different figure, saying ...": who gave it says it (not "forces
        # lost two vehicles, underscoring ...": no one says it)
        return _speaker_token(verb.head, trigger, lexicon, is_place, speech_verbs)
    closing = _closing_phrase(verb)
    if closing is not None and (subject is None or subject.i < closing) and \
            not (is_place is not None and is_place(verb.doc[verb.i - 1])):
        # "... to clear Russian groups from Kupiansk, the Joint Forces Task Force said":
        # the parse hung the groups on "said", or the speaker on a place before it; the
        # phrase the verb closes on speaks
        return verb.doc[verb.i - 1]
    if subject is not None and not (subject.pos_ == "NOUN" and
                                    _speaker_rank(subject, lexicon) == 9 and
                                    subject.lemma_.lower() not in lexicon.role_nouns):
        return subject
    # "damaging a house and a power line, the head of the administration, Vitaliy Kim,
    # reported": a subject no speaker could be is a misparse; the phrase before the verb
    # names the speaker, if it names one
    return _speaker_before(verb, trigger, lexicon, is_place, subject is None) or subject


def _speaker_before(verb: Any, trigger: Any, lexicon: Lexicon, is_place: Any = None,
                    shared_ok: bool = True) -> Any | None:
    """Return the speaker named right before a reporting verb, if the parse gave none."""
    if verb.dep_ == "conj" and shared_ok:
        # "Authorities ordered X and said Y": the subject is shared
        shared = next((c for c in children_of(verb.head) if c.dep_ == "nsubj"), None)
        if shared is not None and not is_under(trigger, shared) and \
                _speaker_rank(shared, lexicon) < 9:
            return shared
    # "..., Irina Zhukova, who heads ..., said": the phrase right before the verb
    j = verb.i - 1
    sent = sent_of(verb)
    while j >= sent.start and verb.doc[j].is_punct:
        j -= 1
    if j < sent.start:
        return None
    t = verb.doc[j]
    chain = []
    for a in path_up(t):
        if a.i >= verb.i or is_under(trigger, a) or a == verb:
            break
        chain.append(a)
    # prefer a person ("Irina Zhukova, who heads the department of the ministry, said"),
    # then a named organisation, then a definite description ("the ministry")
    if is_place is not None:
        chain = [a for a in chain if not is_place(a)]
    for rank in range(4):
        found = [a for a in chain if _speaker_rank(a, lexicon) == rank]
        if found:
            return found[-1]
    return None


def _speaker_rank(a: Any, lexicon: Lexicon) -> int:
    if person_name(a, lexicon) is not None:
        return 0
    if a.ent_type_ in ("ORG", "NORP") and a.pos_ in ("PROPN", "NOUN"):
        return 1
    if a.pos_ in ("PROPN", "NOUN") and len(a.text) >= 3 and a.text.isupper() and \
            a.text.isalpha():
        return 1  # "UNICEF said": an acronym the tagger took for a common noun
    if a.pos_ == "NOUN" and (a.lemma_.lower() in lexicon.reference_heads or
                             a.lemma_.lower() in lexicon.document_nouns):
        return 2
    if a.pos_ == "PRON" and a.lower_ in lexicon.speaker_pronouns:
        return 3
    return 9


def _through(tok: Any, lexicon: Lexicon) -> Any | None:
    """'reports from X', 'a post circulated by X', 'a representative of X' -> X."""
    head = tok.lemma_.lower()
    doc_nouns = lexicon.document_nouns
    if head in doc_nouns:
        # "the General Staff's own report for that day": the owner issued it, whatever
        # the prepositions after it say (decision 602)
        owner = next((c for c in children_of(tok) if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ in lexicon.issuer_preps and (
                head in doc_nouns or (head in lexicon.spokes_heads and
                                      c.lower_ in lexicon.spokes_preps)):
            for gc in children_of(c):
                if gc.dep_ == "pobj":
                    return gc
        if c.dep_ == "acl" and c.lemma_.lower() in lexicon.issuing_verbs:
            for gc in children_of(c):
                if gc.dep_ == "agent":
                    for ggc in children_of(gc):
                        if ggc.dep_ == "pobj":
                            return ggc
    return None


def _where_of_the_news(clause: Any) -> bool:
    """"Fires broke out in Kyiv, where a drone hit a building, the administration said":
    a "where" clause of a place in the statement tells what happened there, as the
    statement does, unless it has a date of its own (the writer's background, "Avdiivka,
    where Russia claimed victory in February 2024"; decision 455)."""
    return any(c.lower_ == "where" and c.dep_ == "advmod" for c in children_of(clause)) and \
        not any(t.ent_type_ == "DATE" for t in clause.subtree)


def _quoting(tok: Any, lexicon: Lexicon) -> Any | None:
    """'TASS, quoting the Defence Ministry, reported': the quoted source."""
    for c in tok.subtree:
        if c.lemma_.lower() in lexicon.quoting_verbs and c.dep_ in ("acl", "advcl") and \
                c.tag_ == "VBG":
            for gc in children_of(c):
                if gc.dep_ == "dobj":
                    return gc
    return None


# How many sentences back "the brigade" looks for the unit named with its number, and "the
# administration" for the body named by its kind: a unit is named where its fighting is
# told, a body opens a bulletin and speaks again at its end (decisions 358, 398, set on
# events_blind19; a unit or body of the same kind named since is found first)
UNIT_LOOKBACK_SENTENCES = 4
BODY_LOOKBACK_SENTENCES = 6


def _body_of_head(source: Source, head: str, lex: Lexicon) -> Source:
    """"The head of the Donetsk Oblast Military Administration said … the administration
    said": a body named by its head's title is the body, not its unnamed head (decision
    484); a named holder, or any other source, is itself."""
    m = re.match(r"(?:the\s+)?head\s+of\s+(?:the\s+)?(.+)$", source.name, re.IGNORECASE)
    if head not in lex.body_heads or m is None or head not in m.group(1).lower():
        return source
    return Source(m.group(1), "org", source.side, source.conduits, head=head)


class Attributor:
    """Resolves claimants and conduits in one article, remembering the speakers met."""

    def __init__(self, book: Codebook, lexicon: Lexicon, places: Sequence[Any] = (),
                 outlet_side: str | None = None) -> None:
        self.book = book
        # the side of a party's outlet: a body named without a side is its own country's
        self.outlet_side = outlet_side
        self.lexicon = lexicon
        # 'the statement' refers back like 'the ministry': document nouns are reference heads
        self.reference_heads = lexicon.reference_heads | lexicon.document_nouns
        # nouns a closing "..., the X reported" cannot be a speaker by (decision 529)
        self.not_speakers = lexicon.figure_nouns | lexicon.document_nouns | \
            lexicon.evidence_nouns
        self.registry = PersonRegistry()
        self.sources: list[Source] = []
        self.places = [p for p in places if getattr(p, "place", None) is not None]
        self.quoted: dict[int, Any] = {}  # sentence start -> speech verb closing its quote
        self.place_spans = [(p.start, p.end) for p in self.places]

    def _is_place(self, tok: Any) -> bool:
        """Return whether a token names a place rather than a speaker."""
        if tok.is_upper and len(tok) > 2 and tok.i < 4 and (
                tok.i + 1 >= len(tok.doc) or tok.nbor().text in (",", "-", "—", "–", "(", "/")):
            return True  # a dateline: "KYIV, Nov 18 (Agency) - ..." (not "UNICEF said")
        if tok.lower_ in self.lexicon.capitals:
            return False
        if tok.lower_ in self.reference_heads and any(
                c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok)):
            return False  # "the Mission has verified": a body named before (decision 500)
        if self._speaker_by_surname(tok.text) is not None:
            return False  # "Lysak added": the surname of a speaker met earlier
        span = next(((s, e) for s, e in self.place_spans if s <= tok.idx < e), None)
        if span is not None:
            # "Alexei Smirnov": a surname that is also a place name is a person here
            rng = person_name(tok, self.lexicon)
            return rng is None or tok.doc[rng[0]].idx >= span[0]
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.book.speech_verbs:
            return False  # "..., Rybar reported": a name the gazetteer does not hold that
            # speaks is a speaker, whatever the tagger calls it (decision 515)
        return bool(tok.ent_type_ in ("GPE", "LOC", "FAC"))

    # -- references -------------------------------------------------------------------------
    def resolve_reference(self, tok: Any) -> Source | None:
        """Return the earlier speaker a pronoun or definite description refers to."""
        low = tok.lower_
        lex = self.lexicon
        pronouns, spokes = lex.speaker_pronouns, lex.spokes_heads
        if low in ("he", "she"):
            named = self._last_person_subject(tok)
            if named is not None:
                return named
        if low == "it" and tok.dep_ == "nsubj":
            named = self._last_body_subject(tok)
            if named is not None:
                return named
        if tok.pos_ == "PRON" or low in pronouns:
            kind = pronouns.get(low)
            for s in reversed(self.sources):
                if kind == "person" and s.kind == "person":
                    return s
                if kind in ("org", "group") and s.kind != "person":
                    return s
            return self.sources[-1] if self.sources and kind == "group" else None
        head = tok.lemma_.lower()
        if tok.lower_ in lex.inquiry_nouns or head in lex.inquiry_nouns:
            body = self._inquiring_body(tok)
            if body is not None:
                return body
        if head not in self.reference_heads and head not in lex.body_heads:
            return None
        dets = {c.lower_ for c in children_of(tok) if c.dep_ in ("det", "amod", "poss")}
        if not dets & lex.reference_determiners:
            return None
        if any(c.pos_ == "PROPN" and c.lower_ not in lex.body_levels
               for c in children_of(tok)) or (
                tok.pos_ == "PROPN" and tok.lower_ not in self.reference_heads):
            # "the Ministry", capitalised as some outlets write it, still refers; so does
            # "the oblast administration", its level word tagged a name
            return None
        if head in spokes:
            # "the spokesman": the last source that spoke through a spokesman
            via = next((s for s in reversed(self.sources) if s.via == head), None)
            if via is not None:
                return via
        if head in lex.document_nouns or head in spokes:
            # "the same source", "the representative": whoever spoke last
            return self.sources[-1] if self.sources else None
        if head in lex.titled_heads:
            return self._office_holder(tok, head)
        if head in lex.unit_heads:
            unit = self._unit_named_before(tok, head)
            if unit is not None:
                return unit
        synonym = lex.reference_synonyms.get(head)
        # "the regional administration" is no city administration met before
        kinds = self._levels(tok)
        for s in reversed(self.sources):
            if kinds and not kinds <= set(s.name.lower().split()):
                continue
            if s.kind == "person" and not lex.role_words.fullmatch(head):
                continue  # "the general staff" is no "Valery Gerasimov (chief of general staff)"
            if head == s.head or (re.search(rf"\b{re.escape(head)}", s.name.lower()) and not (
                    head in lex.unit_heads and s.head and s.head != head)) or (
                    synonym is not None and synonym in s.name.lower()):
                # ("the brigade" is no "brigade officer" who spoke: decision 398)
                return _body_of_head(s, head, lex)
        if head in lex.body_heads:
            return self._unit_named_before(tok, head, adjectives=True)
        return None

    def _levels(self, tok: Any) -> set[str]:
        """The level words a reference names its body with ("the regional administration":
        regional; lexicon ``body_levels``, decision 454)."""
        return {c.lower_ for c in children_of(tok) if c.dep_ in ("amod", "compound")} & \
            self.lexicon.body_levels

    def _inquiring_body(self, tok: Any) -> Source | None:
        """"According to the investigation", "prosecutors said": the prosecutor's office,
        police or security service the article named before (decision 242)."""
        before = text_of(tok.doc)[:tok.idx]
        found = list(self.lexicon.inquiry_bodies.finditer(before))
        if not found:
            return None
        words = found[-1].group(0)
        return Source(canonical_name(words, self.book, self.lexicon), "org",
                      side_of(words, self.book))

    def _unit_named_before(self, tok: Any, head: str, *, adjectives: bool = False
                           ) -> Source | None:
        """Return the unit "the brigade" refers to: the last one named with its number or
        name ("Ukraine's 47th Separate Mechanized Brigade") in its sentence or the two
        before, whether or not it had spoken; with ``adjectives``, also a body named by
        its kind ("the regional military administration ordered ...")."""
        doc = tok.doc
        start = sent_of(tok).start
        for _ in range(BODY_LOOKBACK_SENTENCES if adjectives else UNIT_LOOKBACK_SENTENCES):
            if start > 0:
                start = sent_of(doc[start - 1]).start
        levels = self._levels(tok)
        for i in range(tok.i - 1, start - 1, -1):
            t = doc[i]
            if levels and not levels <= {c.lower_ for c in children_of(t)}:
                continue  # "the regional administration" is no city administration
            if t.lemma_.lower() == head and t.i != tok.i and any(
                    (c.dep_ in ("compound", "amod", "nummod") or (
                        adjectives and c.dep_ == "poss")) and
                    (c.pos_ in ("PROPN", "NUM") or c.like_num or c.tag_ == "CD" or
                     re.match(r"\d", c.text) or (adjectives and c.pos_ == "ADJ"))
                    for c in children_of(t)):
                found, _span, _carried = self._source_at(t, tok, None)
                if found is not None:
                    text = text_of(doc)
                    for c in children_of(t):  # "... Brigade near Pokrovsk": where, not who
                        if c.dep_ == "prep" and c.i > t.i:
                            phrase = text[c.idx:c.right_edge.idx + len(c.right_edge)]
                            found.name = found.name.replace(" " + phrase, "")
                return found
        return None

    def _office_holder(self, tok: Any, head: str) -> Source | None:
        """Return the person named earlier in the office a description names: "the head of
        the RMA" after "Oleh Syniehubov, head of the Kharkiv Regional Military
        Administration"; never the holder of another office ("the head of the
        Russian-installed administration")."""
        lex = self.lexicon
        office = [w for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"
                  for w in c.subtree if w.i != c.i]
        words = set()
        for w in office:
            words.update(lex.office_abbreviations.get(w.lower_, w.lower_).split())
        words -= lex.generic_office_words
        sent = tok.sent
        # "In Zaporizhzhia Oblast, the head of the regional military administration said":
        # the region the sentence names must be the one the holder was named for
        regions = [p.surface.split()[0].lower() for p in self.places
                   if p.place is not None and p.place.kind == "admin1" and
                   sent.start_char <= p.start < sent.end_char]
        for s in reversed(self.sources):
            named = set(re.findall(r"[\w'-]+", s.name.lower()))
            if s.kind == "person" and head in named and words <= named and \
                    (not regions or any(r in named for r in regions)):
                return s
        return None

    def _last_person_subject(self, tok: Any) -> Source | None:
        """Return the person last named as a subject before a pronoun (this or the previous
        sentence): "Putin thanked the troops. 'The capture ...,' he said" -> Putin."""
        doc = tok.doc
        first = sent_of(tok).start
        start = sent_of(doc[first - 1]).start if first > 0 else first
        i, chained = tok.i - 1, False
        while i >= start:
            t = doc[i]
            i -= 1
            if not chained and t.i < first and t.lower_ == tok.lower_ and \
                    t.dep_ == "nsubj" and start > 0:
                # "X called the claim false. '...,' he said on Monday. He added that ...":
                # the same pronoun in the sentence before goes one sentence further back
                start, chained = sent_of(doc[start - 1]).start, True
            # (a name the parse made the root, its verb a clause of it: "Oleh Syniehubov,
            # the governor, called the claim false")
            if not (t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "ROOT" and
                                                         t.pos_ == "PROPN")) or \
                    self._is_place(t):
                continue
            named_as = _named_appositive(t, self.lexicon) if t.pos_ != "PRON" else None
            # ("Chief of the General Staff Valery Gerasimov said": the title is the subject)
            rng = person_name(t, self.lexicon) or (
                person_name(named_as, self.lexicon) if named_as is not None else None)
            if rng is None:
                # "Besedin said ... . A bomb hit ..., he said": a speaker's surname alone,
                # which the tagger may call a place
                known = self._speaker_by_surname(t.text)
                if known is not None:
                    return known
                continue
            full = self.registry.describe(doc[rng[0]:rng[1]].text)
            return self.find(full) or Source(full, "person", side_of(full, self.book),
                                             head="person")
        return None

    def _named_person(self, tok: Any) -> bool:
        """Whether a token is the surname of a person the article named before ("Andrii
        Besedin, ... Besedin said"), whatever the tagger calls it."""
        full = self.registry.known(tok.text)
        return full is not None and full.split()[-1].lower() == tok.lower_

    def _speaker_by_surname(self, word: str) -> Source | None:
        """The person met earlier as a speaker whose surname is ``word``."""
        return next((s for s in reversed(self.sources) if s.kind == "person" and
                     s.name.split(" (")[0].split()[-1] == word), None)

    def _last_body_subject(self, tok: Any) -> Source | None:
        """Return the body named as the subject of the previous sentence when it did not
        speak there: "Ukraine's General Staff did not comment on the attack. It said its
        drones had struck a depot" -> the General Staff (decision 354). A body that spoke
        there is the last source already."""
        doc = tok.doc
        start = sent_of(tok).start
        if start == 0 or any(doc[i].dep_ in ("nsubj", "nsubjpass")
                             for i in range(start, tok.i)):
            return None
        prev = sent_of(doc[start - 1])
        subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is None or self._is_place(subj) or subj.ent_type_ == "PERSON" or \
                (subj.lemma_.lower() not in self.reference_heads and subj.ent_type_ != "ORG"):
            return None
        if subj.head.lemma_.lower() in self.book.speech_verbs:
            return None
        found, _span, _carried = self._source_at(subj, subj.head, None)
        return found if found is not None and found.kind != "person" else None

    def _source_at(self, tok: Any, trigger: Any, side_hint: str | None
                   ) -> tuple[Source | None, tuple[int, int], bool]:
        """Return the source a speaker token names, its span, and whether it was carried."""
        spokes = self.lexicon.spokes_heads
        named = _named_appositive(tok, self.lexicon)
        if named is not None and (tok.lemma_.lower() in spokes or
                                  tok.lemma_.lower() in self.lexicon.titled_heads):
            tok = named  # "a spokesman for the joint forces, Major Denys Lytvyn"
        start, end = phrase_text(tok)
        inner = _through(tok, self.lexicon)
        via = tok.lemma_.lower() if tok.lemma_.lower() in spokes else ""
        if inner is not None:
            tok = inner
            start, end = phrase_text(tok)
        if tok.pos_ == "NOUN":
            # "the state news agency TASS": the agency's name
            name = next((c for c in children_of(tok) if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        None)
            if name is not None:
                start, end = phrase_text(name)
        ref = self.resolve_reference(tok)
        if ref is not None:
            return ref, (start, end), True
        if tok.pos_ == "PRON":
            return None, (start, end), True
        doc = tok.doc
        if tok.lower_ in self.lexicon.capitals or (tok.ent_type_ == "GPE" and
                                                   tok.lower_ != "kremlin" and
                                                   not self._named_person(tok)):
            # a country or capital speaking: "Russia claimed", "Kyiv called it fabricated"
            return Source(canonical_name(text_of(doc)[start:end], self.book, self.lexicon), "org",
                          side_of(text_of(doc)[start:end], self.book)), (start, end), False
        src = _describe(tok, start, end, self.registry, self.book, self.lexicon, side_hint)
        if src.kind != "person" and side_hint is None and src.side is None:
            # "Russia said it had retaken X. ... 'the settlement,' the defence ministry
            # said": a body of no side named goes with the side that spoke last, when that
            # makes it a body the codebook names (decision 313)
            # (the side its own name gives: a side guessed from its sentence may be wrong)
            last = _side_named_before(src.name, tok, self.book) or next(
                (side for side in (side_of(s.name, self.book) for s in reversed(self.sources))
                 if side), self.outlet_side)
            sided = _describe(tok, start, end, self.registry, self.book, self.lexicon, last) \
                if last else src
            if sided.name != src.name:
                src = sided
        if src.kind != "person":
            src.name = self._localise(src.name, tok)
            # the body as its own words name it, before the sentence's side is guessed
            plain = _describe(tok, start, end, self.registry, self.book, self.lexicon, None) \
                if side_hint else src
            fuller = self._fuller(plain) or self._fuller(src)
            if fuller is not None:
                return fuller, (start, end), True
        src.via = via
        return src, (start, end), False

    def _fuller(self, src: Source) -> Source | None:
        """The body met earlier whose name holds every word of a shorter one ("the General
        Staff" after "the General Staff of the Armed Forces of Ukraine")."""
        words = self._folded_words(src.name)
        if len(words) < 2:
            return None  # "the ministry", "the brigade": references, resolved elsewhere
        # the side its own words give: a side guessed from the sentence ("Russian aircraft
        # dropped bombs, according to the General Staff") is the actor's, not the speaker's
        own_side = side_of(src.name, self.book)
        for s in reversed(self.sources):
            if self.lexicon.role_words.match(s.name):
                continue  # "chief of the General Staff" holds an office of it, is not it
            if s.kind != "person" and len(s.name) > len(src.name) and \
                    words <= self._folded_words(s.name) and \
                    (own_side is None or s.side in (None, own_side)):
                return s
        return None

    def _folded_words(self, name: str) -> frozenset[str]:
        """The words of a body's name with its spellings folded ("Defense Ministry" ->
        ministry, of, defence), so a short name finds the full one written otherwise."""
        return _folded_words(name, self.lexicon)

    def _localise(self, name: str, tok: Any) -> str:
        """'local authorities' -> 'Siversk local authorities': the town (or, for 'regional',
        the region) the sentence is about, when the speaker names none."""
        m = self.lexicon.local_body.match(name)
        if m is None:
            return name
        sent = sent_of(tok)
        if m.group(1).lower() == "regional":
            # "in neighbouring Sumy region, the regional administration said": the region
            # the sentence names, before any town of earlier sentences
            named = [p for p in self.places if p.place.kind == "admin1" and
                     sent.start_char <= p.start < sent.end_char]
            if len({p.place.geonameid for p in named}) > 1:
                return name  # "in the Donetsk and Kharkiv regions, regional officials said"
            # failing that, the region of a town the sentence names, then the region the
            # article named last before it ("evacuation has become a permanent job in
            # Donetsk Oblast. On Monday, the regional military administration ordered ...")
            in_sentence = [p for p in self.places if p.place.kind == "city" and
                           sent.start_char <= p.start < sent.end_char and p.place.admin1]
            if not named and in_sentence:
                region = self.lexicon.region_suffix.sub("", in_sentence[0].place.admin1 or "")
                return f"{region} {name}"
            if named:
                region = self.lexicon.region_suffix.sub("", named[0].place.name)
                return f"{region} {name}"
            # the region named last, or that of the town named last if it came later ("the
            # deadliest attack on Sumy this year. ... regional officials said": Sumy's, not
            # the Dnipropetrovsk region of an earlier paragraph; decision 623)
            before = [p for p in self.places if p.start < sent.start_char and not p.dateline
                      and (p.place.kind == "admin1" or (p.place.kind == "city" and
                                                         p.place.admin1))]
            if before:
                last = before[-1].place
                region = self.lexicon.region_suffix.sub(
                    "", last.name if last.kind == "admin1" else last.admin1 or "")
                return f"{region} {name}"
        cities = [p for p in self.places if p.place.kind == "city" and p.start < sent.end_char]
        here = [p for p in cities if p.start >= sent.start_char] or cities[-1:]
        if not here:
            return name
        place = here[0].place
        if m.group(1).lower() == "regional":
            region = self.lexicon.region_suffix.sub("", place.admin1 or "")
            return f"{region} {name}" if region else name
        # the town as the article spells it ("Chornomorsk city administration", not the
        # gazetteer's "Chornomors'k"; decision 287)
        return f"{_town_as_written(here[0].surface) or place.name} {name}"

    # -- the claim chain --------------------------------------------------------------------
    def _gives_figure(self, verb: Any) -> bool:
        """True for a verb by which its subject gives a figure ("put the number of injured
        at 11", "has given a higher figure", "raised the toll to 12"; decision 232)."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.figure_verbs and \
            any(c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.figure_nouns
                for c in children_of(verb))

    def governing_verbs(self, trigger: Any) -> list[Any]:
        """Return the speech verbs whose complement holds the trigger, innermost first."""
        # "Moscow claimed the town in February": a speech verb that is itself the trigger
        # is said by its own subject (decision 237)
        out: list[Any] = [trigger] if trigger.pos_ == "VERB" and \
            trigger.lemma_.lower() in self.book.speech_verbs and \
            any(c.dep_ == "dobj" for c in children_of(trigger)) else []
        ordered: list[Any] = []
        prev = trigger
        for a in path_up(trigger)[1:]:
            if prev.dep_ == "relcl" and not any(
                    c.lower_ == "that" or (c.lower_ in self.lexicon.simultaneous_marks and
                                           c.dep_ in ("advmod", "mark"))
                    for c in children_of(prev)) and not _where_of_the_news(prev):
                # a relative clause is the writer's description, not the speaker's; "were
                # wounded on Wednesday when a drone hit a car" is still what was said
                break
            if prev.dep_ == "conj" and prev.lemma_.lower() in self.book.speech_verbs and \
                    any(c.dep_ == "nsubj" for c in children_of(prev)):
                break  # "X reported A, but Y denied B": Y's statement is not relayed by X
            if prev.dep_ == "advcl" and prev in out and _counter_statement(prev):
                break  # "X said A, while Y put the number at three": Y's own statement
            if self._gives_figure(a) and prev.dep_ in ("dobj", "parataxis", "appos"):
                out.append(a)  # "X put the number of wounded at 14", "X gave a figure: 12 hurt"
            elif a.pos_ == "VERB" and a.lemma_.lower() in self.lexicon.ordering_verbs and \
                    prev is trigger and prev.dep_ == "dobj":
                # "the administration has ordered the evacuation of ..." (239); a speaker
                # who tells of the order ("the governor said authorities had ordered ...")
                # comes first
                ordered.append(a)
            elif a.lemma_.lower() in self.book.speech_verbs and a.pos_ in ("VERB", "AUX") and \
                    prev.dep_ in ("ccomp", "xcomp", "parataxis", "nsubjpass", "dobj", "conj",
                                  "advcl", "oprd", "prep", "npadvmod", "attr") and \
                    not (a.lemma_.lower() == "describe" and prev.dep_ != "ccomp") and \
                    not (prev.dep_ == "oprd" and _speakerless_passive(a)):
                # ("four people are now confirmed dead": no one confirms; who gives the
                # figure is said around it, decision 409)
                out.append(a)
            prev = a
        # "..., the governor said" parsed as a clause hanging off the event verb
        for a in path_up(trigger):
            if a in out:
                break
            for c in children_of(a):
                if c.dep_ in ("parataxis", "advcl", "conj", "ccomp") and \
                        not is_under(trigger, c) and \
                        (c.lemma_.lower() in self.book.speech_verbs or
                         self._gives_figure(c)) and c not in out and \
                        (c.i > trigger.i or any(gc.dep_ == "nsubj" for gc in children_of(c))) \
                        and not _counter_statement(c) and \
                        c.left_edge.lower_ not in self.lexicon.relative_pronouns:
                    # (not "the village, which Russia claimed to have taken in April")
                    out.append(c)
        if out:
            # "…, the General Staff reported on Facebook on Tuesday, Ukrinform reports."
            # parsed with "reported" hung on a noun: a verb of saying with a subject of its
            # own is a clause, the inner statement the outer one relays (decision 504)
            inner = [t for t in sent_of(trigger) if t.dep_ in ("acl", "relcl") and
                     t.pos_ == "VERB" and trigger.i < t.i < out[0].i and t not in out and
                     t.lemma_.lower() in self.book.speech_verbs and
                     not is_under(trigger, t) and
                     any(c.dep_ == "nsubj" and c.lower_ not in self.lexicon.relative_pronouns
                         and c.i < t.i for c in children_of(t)) and
                     t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","]
            out = inner[:1] + out
        if not out and trigger.sent.start in self.quoted:
            # '"Claims ... are not true. Our units hold," the General Staff said.'
            out.append(self.quoted[trigger.sent.start])
        if not out:
            # a closing reporting clause the parse hung elsewhere ("..., the governor wrote
            # on Telegram." read as a relative clause)
            sent = sent_of(trigger)
            for t in sent:
                if t.i > trigger.i and t.lemma_.lower() in self.book.speech_verbs and \
                        t.pos_ == "VERB" and not is_under(trigger, t) and \
                        not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children_of(t)):
                    subj = next((c for c in children_of(t) if c.dep_ == "nsubj"), None)
                    titled = _person_with_title_before(t) if subj is None else None
                    first = subj.left_edge.i if subj is not None else (
                        titled if titled is not None else _name_before(t, self.not_speakers))
                    before = t.doc[first - 1] if first is not None and first > sent.start \
                        else None
                    if before is not None and before.text in (",", "—", "–"):
                        out.append(t)
                        break
        return out or ordered

    def attribute(self, sent: Any, trigger: Any, side_hint: str | None = None) -> Attribution:
        """Return the claimant, conduits and spans of the claim carried by ``trigger``."""
        att = Attribution()
        levels: list[tuple[Source | None, Any, bool]] = []
        for verb in self.governing_verbs(trigger):
            low = verb.lemma_.lower()
            if any(p == (low,) for p in self.book.modality.get("denied", ())):
                att.denial = True
            if any(p == (low,) for p in self.book.modality.get("hedged", ())):
                att.hedged = True
            tok = _speaker_token(verb, trigger, self.lexicon, self._is_place,
                                 self.book.speech_verbs)
            if tok is None or tok.lemma_.lower() in self.lexicon.evidence_nouns:
                # "geolocated footage indicates that ...": what shows it, not who says it
                # (decision 304); the speaker is the one who cites it
                continue
            if self._is_place(tok):
                # a misparsed place ("Chasiv Yar, a military blogger wrote"): its appositive
                # is the speaker; a place alone is not ("Bilogorovka, described as ...")
                tok = next((c for c in children_of(tok) if c.dep_ == "appos"), None)
                if tok is None:
                    continue
            quoted = _quoting(tok, self.lexicon)
            if quoted is not None:
                src, span, carried = self._source_at(quoted, trigger, side_hint)
                levels.append((src, verb, carried))
                att.spans.append(span)
            src, span, carried = self._source_at(tok, trigger, side_hint)
            levels.append((src, verb, carried))
            att.spans.append(span)
            att.spans.append(_subtree_span(tok, trigger))
            att.verbs.append(verb)
        accords = self._according(sent, trigger, side_hint)
        att.spans.extend(span for _src, span, _carried, _tok in accords)
        relays = self._relays(sent, trigger, [lv[1] for lv in levels])
        # a relay's own words name no event place ("told the Lugansk Information Center")
        att.spans.extend(self._relay_spans(sent))
        chain: list[str] = []
        if levels and levels[0][0] is not None:
            att.claimant, att.carried = levels[0][0], levels[0][2]
            inner_rest = levels[1:]
        elif accords:
            att.claimant, att.carried = accords[0][0], accords[0][2]
            accords = accords[1:]
            inner_rest = levels[1:] if levels else []
        else:
            inner_rest = levels[1:] if levels else []
        positioned: list[tuple[int, str]] = [(pos, name) for pos, name in relays]
        for src, span, _c, _tok in accords:
            if src is not None:
                positioned.append((span[0], src.name if src.kind != "person"
                                   else plain_name(src.name)))
        positioned.sort()
        chain = [name for _p, name in positioned]
        for src, _verb, _c in inner_rest:
            if src is not None:
                chain.append(plain_name(src.name) if src.kind == "person" else src.name)
        seen: set[str] = set()
        claimant_key = plain_name(att.claimant.name).lower() if att.claimant else ""
        for c in chain:
            k = c.lower()
            if k in seen or k == claimant_key or (claimant_key and k in claimant_key):
                continue
            seen.add(k)
            att.conduits.append(c)
        if att.claimant is not None and not att.conduits:
            # the same speaker as earlier: the same relays ("he added", "Gerasimov also said")
            same = self.find(att.claimant.name)
            if same is not None:
                att.conduits = list(same.conduits)
        return att

    def _according(self, sent: Any, trigger: Any, side_hint: str | None
                   ) -> list[tuple[Source | None, tuple[int, int], bool, Any]]:
        out: list[tuple[Source | None, tuple[int, int], bool, Any]] = []
        for tok in tokens_with(sent, lowers=_ACCORDING):
            if is_under(trigger, tok):
                continue
            to = next((c for c in children_of(tok) if c.lower_ == "to"), None)
            obj = next((c for c in children_of(to) if c.dep_ == "pobj"), None) if to else None
            if obj is None or is_under(trigger, obj):
                continue
            if obj.lemma_.lower() in self.lexicon.manner_nouns and not any(
                    c.dep_ in ("poss", "compound") for c in children_of(obj)):
                continue  # "proceeding according to plan": how, not who says (decision 503)
            if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in children_of(obj)):
                # "according to our information": the writer's own, no other speaker (the
                # outlet, where it is a speaker of the war, claims it; decision 580)
                continue
            if obj.lemma_.lower() in self.lexicon.estimate_nouns and not any(
                    c.dep_ in ("poss", "prep", "compound") for c in children_of(obj)):
                # "according to preliminary data": whose, the story says: the statement
                # it is telling, whose speaker spoke last (decision 286)
                if self.sources:
                    out.append((self.sources[-1], (tok.idx, obj.idx + len(obj)), True, obj))
                continue
            src, span, carried = self._source_at(obj, trigger, side_hint)
            out.append((src, span, carried, obj))
        return out

    def _relays(self, sent: Any, trigger: Any, verbs: list[Any]) -> list[tuple[int, str]]:
        """Return (position, name) of the relays named in the sentence ("as relayed by X",
        "speaking to TASS", "on his Telegram channel", "told the RIA Novosti agency")."""
        found: list[tuple[int, str]] = []
        for start, _end, raw, told in self._relay_matches(sent):
            if told and not self._is_media(raw):
                continue  # "told President Putin", "told reporters": an audience
            name = canonical_conduit(raw, self.book, self.lexicon, self.registry)
            if name and name.lower() not in {n.lower() for _s, n in found}:
                found.append((start, name))
        return sorted(found)

    def _relay_spans(self, sent: Any) -> list[tuple[int, int]]:
        """Return the character spans of the relays named in the sentence."""
        return [(start, end) for start, end, raw, told in self._relay_matches(sent)
                if not told or self._is_media(raw)]

    def _relay_matches(self, sent: Any) -> list[tuple[int, int, str, bool]]:
        """Where the lexicon's relay patterns match in a sentence: (start, end, the relay's
        words, whether the match starts with "told"), searched once per sentence. Whether a
        match names a relay depends on the people met so far, so it is decided per call."""
        def search() -> list[tuple[int, int, str, bool]]:
            text, base = span_text(sent), sent.start_char
            return [(base + m.start("c"), base + m.end("c"), m.group("c"),
                     m.group().startswith("told"))
                    for p in self.lexicon.relays for m in p.finditer(text)]

        found: list[tuple[int, int, str, bool]] = memo(
            sent.doc, ("relay_matches", sent.start, sent.end, id(self.lexicon)), search)
        return found

    def _is_media(self, words: str) -> bool:
        low = words.lower()
        if has_any(low, self.book.media_words):
            return True
        first = re.sub(r"^the\s+", "", words).split()[:1]
        if not first or not first[0][:1].isupper() or len(first[0]) < 2:
            return False
        known = self.registry.known(first[0])
        # "told Hromadske": a single unknown name is an outlet; "told President Putin",
        # "told Oleh Syniehubov" are people
        return (not (known and len(known.split()) > 1) and
                not self.lexicon.role_words.match(first[0]) \
            and len(words.split()) == 1) or bool(re.match(r"^(?:the\s+)?[A-Z]{2,}", words))

    def read_quotes(self, sents: Sequence[Any]) -> None:
        """Note the speech verb of quotes that run over several sentences."""
        open_at: int | None = None
        for n, sent in enumerate(sents):
            text = span_text(sent).strip()
            if text[:1] in ("\"", "“") and open_at is None:
                open_at = n
            if open_at is None:
                continue
            closing = re.search(r"[”\"],?\s", text[1:] if n == open_at else text)
            if closing is not None or n - open_at > 4 or "\n" in text:
                verb = next((t for t in sent if t.lemma_.lower() in self.book.speech_verbs
                             and t.pos_ == "VERB" and
                             t.idx - sent.start_char > (closing.start() if closing else 0)),
                            None) if closing is not None else None
                if verb is not None:
                    for m in range(open_at, n):
                        self.quoted[sents[m].start] = verb
                open_at = None

    def find(self, name: str) -> Source | None:
        """Return the latest speaker met under this name, if any; a surname alone finds
        the speaker first met with full name and title ("Konashenkov" after "spokesman
        Lieutenant General Igor Konashenkov")."""
        exact = next((s for s in reversed(self.sources) if s.name == name), None)
        if exact is not None:
            return exact
        words = name.split()
        last = words[-1] if words else ""
        if len(words) > 2 or len(last) < 4 or not last[:1].isupper() or not last.isalpha():
            return None
        return next((s for s in reversed(self.sources)
                     if last in s.name.replace("(", " ").replace(")", " ").split()), None)

    def remember(self, source: Source | None, conduits: list[str], claim_date: Any,
                 event_date: Any = None) -> None:
        """Record a speaker (with its relays, the date of its claim and of the event it
        claimed) for later references."""
        if source is None:
            return
        if conduits:
            source.conduits = tuple(conduits)
        if claim_date is not None and getattr(claim_date, "value", None):
            source.claim_date = claim_date
        if event_date is not None and getattr(event_date, "value", None):
            source.event_date = event_date
            # (a claim date of its own, or the one this speaker's statement was made on:
            # "…, Filashkin said on Friday. ¶ On Thursday troops killed five, he said. ¶ In
            # Druzhkivka, a bomb hit a building" is of Thursday; decision 501)
            source.event_with_claim = bool(getattr(claim_date, "value", None)) or \
                bool(getattr(source.claim_date, "value", None))
        if source in self.sources:
            self.sources.remove(source)
        for s in list(self.sources):
            if s.name == source.name:
                self.sources.remove(s)
                if not source.conduits:
                    source.conduits = s.conduits
                if source.claim_date is None:
                    source.claim_date = s.claim_date
                if source.event_date is None:
                    source.event_date, source.event_with_claim = s.event_date, \
                        s.event_with_claim
        self.sources.append(source)

    def speakers_of(self, sent: Any) -> list[tuple[Source, list[str], Any]]:
        """Return the speakers of a sentence's speech verbs (to resolve later references)."""
        out = []
        hint = side_hint(sent, self.book, self.lexicon.loser_verbs, self.lexicon.tally_nouns)
        for tok in tokens_with(sent, lemmas=self.book.speech_verbs):
            if tok.pos_ == "VERB":
                if tok.dep_ == "relcl" or any(c.dep_ == "oprd" for c in children_of(tok)):
                    continue  # "which Russian officials still call Dimitrov": naming
                sp = _speaker_token(tok, tok, self.lexicon, self._is_place,
                                    self.book.speech_verbs)
                if sp is None or self._is_place(sp):
                    continue
                src, _span, _carried = self._source_at(sp, tok, hint)
                if src is not None:
                    out.append((src, [n for _p, n in self._relays(sent, tok, [tok])], tok))
        for src, _span, _c, tok in self._according(sent, sent.root, hint):
            if src is not None:
                out.append((src, [], tok))
        if sent.start == 0 and self.lexicon.report_title.search(sent.text):
            # "Summary for May 26 from the governor of Belgorod region, Vyacheslav
            # Gladkov:": the report's voice (decision 402)
            for tok in sent:
                by = next((c for c in children_of(tok) if c.dep_ == "pobj"), None) \
                    if tok.lower_ == "from" and tok.dep_ == "prep" else None
                if by is not None and not self._is_place(by):
                    src, _span, _carried = self._source_at(by, tok, hint)
                    if src is not None:
                        out.append((src, [], tok))
        return out


@lru_cache(maxsize=4096)
def _folded_words(name: str, lexicon: Lexicon) -> frozenset[str]:
    # once per name and lexicon (a lexicon is hashed by identity, and held here): the same
    # bodies' names are compared with every later speaker's
    low = name.lower()
    for pat, rep in lexicon.claimant_folds:
        low = pat.sub(rep, low)
    return frozenset(re.findall(r"[\w'-]+", low))


def _name_before(verb: Any, not_speakers: frozenset[str] = frozenset()) -> int | None:
    """Return where the name phrase right before a closing reporting verb starts ("...,
    Dnipropetrovsk Oblast Governor Serhii Lysak reported on Aug. 12." parsed with the name
    hung elsewhere), if the verb closes the sentence and a name phrase precedes it. A
    common noun opened by "the" or a possessive names a speaker too ("..., the brigade's
    press service reported on Thursday." read as a service that was reported), unless it
    is one of ``not_speakers`` ("..., the figure reported on Thursday")."""
    sent = sent_of(verb)
    if not _closes_sentence(verb):
        return None  # the verb does not close the sentence
    end: int = verb.i - 1
    if end > sent.start and verb.doc[end].text == ",":
        end -= 1  # "..., the head of the regional administration, Vitaliy Kim, reported"
    j = end
    while j >= sent.start and end - j <= 7 and (
            verb.doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or verb.doc[j].text in (".",) or
            verb.doc[j].tag_ == "POS"):
        j -= 1
    if j == end:
        return None
    last, first = verb.doc[end], verb.doc[j + 1]
    if last.pos_ != "PROPN" and not (
            last.pos_ == "NOUN" and last.lower_ not in not_speakers and
            last.lemma_.lower() not in not_speakers and
            (first.lower_ == "the" or first.tag_ == "POS" or
             any(t.tag_ == "POS" for t in verb.doc[j + 1:end]))):
        return None
    return int(j) + 1


def _person_with_title_before(verb: Any) -> int | None:
    """Return where "…, Vadym Filashkin, head of the Donetsk Regional Military
    Administration, reported on Telegram." names its speaker (a person, then a title with
    "of" and commas, closing the sentence), if so (decision 501)."""
    sent = sent_of(verb)
    if not _closes_sentence(verb):
        return None
    j = verb.i - 1
    while j > sent.start and verb.i - j <= 16 and (
            verb.doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT") or
            verb.doc[j].lower_ == "of") and verb.doc[j].text not in (".", ";", ":"):
        if verb.doc[j].text == "," and verb.doc[j + 1].ent_type_ == "PERSON" and \
                verb.doc[j + 1].pos_ == "PROPN":
            return int(j) + 1
        j -= 1
    return None


def _closes_sentence(verb: Any) -> bool:
    """Return whether only punctuation, spaces and the verb's own dependents follow the verb
    in its sentence (once per document and verb: both closing-clause rules ask, for every
    speech verb, when a sentence's speakers are remembered and again per trigger)."""
    def compute() -> bool:
        after = tokens_of(sent_of(verb))[verb.i - sent_of(verb).start + 1:]
        return not any(not (t.is_punct or t.is_space) and not is_under(t, verb) for t in after)

    closes: bool = memo(verb.doc, ("closes_sentence", verb.i), compute)
    return closes


def _closing_phrase(verb: Any) -> int | None:
    """Return where the phrase between the last comma and a reporting verb that closes the
    sentence starts (", the Joint Forces Task Force said on Oct. 13."), if it is a plain
    noun phrase."""
    sent = sent_of(verb)
    if not _closes_sentence(verb):
        return None
    j = verb.i - 1
    # ("..., Chief of the General Staff Valery Gerasimov reported": a title's "of"; decision
    # 518)
    while j > sent.start and verb.i - j <= 8 and (verb.doc[j].pos_ in (
            "PROPN", "NOUN", "ADJ", "DET", "PART") or verb.doc[j].lower_ == "of") and \
            verb.doc[j].text != ",":
        j -= 1
    if j == verb.i - 1 or verb.doc[j].text != "," or verb.doc[verb.i - 1].pos_ not in (
            "PROPN", "NOUN"):
        return None
    if any(t.lower_ == "of" for t in verb.doc[j + 1:verb.i]) and \
            verb.doc[verb.i - 1].ent_type_ != "PERSON":
        return None  # ("..., the head of the regional administration said": its head noun)
    return int(j) + 1


def _counter_statement(verb: Any) -> bool:
    """'..., but Ukraine's military denied it': a second speaker's own statement joined to
    the claim by a contrast, not the claim's speaker (the denial is its own mention)."""
    contrasts = ("but", "while", "whereas", "yet")
    if verb.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in children_of(verb)):
        # "..., while the regional administration later put the number at three"
        return any(c.dep_ == "mark" and c.lower_ in contrasts for c in children_of(verb))
    return verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in children_of(verb)) and any(
        c.dep_ == "cc" and c.lower_ in contrasts for c in children_of(verb.head))


def _subtree_span(tok: Any, trigger: Any) -> tuple[int, int]:
    """Return the characters of a speaker's whole phrase (with its role), not the claim's."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if lo <= trigger.i <= hi:
        return phrase_text(tok)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


_ACCORDING = frozenset({"according"})


def _town_as_written(surface: str) -> str | None:
    """The town's name as a place mention writes it, without a possessive ("Kharkiv's"),
    or None when it is not one capitalised name."""
    name = re.sub(r"['’]s$", "", surface.strip())
    return name if name[:1].isupper() and not any(w[:1].islower() for w in name.split()) \
        else None


def _side_named_before(name: str, tok: Any, book: Codebook) -> str | None:
    """The side the text gave the same body when it named it before ("The Russian Defence
    Ministry did not comment. ... the Defence Ministry said"): the body it refers back to,
    whoever spoke last (decision 567)."""
    words = [w for w in re.split(r"\W+", name.lower()) if w]
    if not words:
        return None
    body = r"\s+".join("defen[cs]e" if w in ("defence", "defense") else re.escape(w)
                       for w in words)
    before = text_of(tok.doc)[:tok.idx]
    found = list(re.finditer(rf"\b([\w'’-]+)\s+{body}\b", before, re.IGNORECASE))
    for m in reversed(found):
        side = side_of(m.group(1), book)
        if side:
            return side
    return None


def _capital_of_speech(sent: Any, book: Codebook) -> str | None:
    """The side of a capital the sentence opens on as the place of its verb of saying
    ("In Moscow, the Defence Ministry said"; "In Kyiv, the General Staff reported")."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.lower_ != "in" or first.head.lemma_.lower() not in \
            book.speech_verbs:
        return None
    place = next((c for c in children_of(first) if c.dep_ == "pobj"), None)
    if place is None or place.i + 1 >= sent.end or place.nbor().text != ",":
        return None
    return side_of(place.text, book)  # (a side only for a party's capital or country)


def side_hint(sent: Any, book: Codebook, losers: frozenset[str] = frozenset(),
              loss_nouns: frozenset[str] = frozenset()) -> str | None:
    """Return the side of the sentence's first subject that names one ("Russian air
    defences"), not counting a subject of a verb of losing (``losers``) in what is said;
    a subject that is a loss ("Ukrainian losses amounted to ...", ``loss_nouns``) is the
    other side's."""
    hint: str | None = memo(sent.doc, ("side_hint", sent.start, sent.end, id(book),
                                       losers, loss_nouns),
                            lambda: _side_hint(sent, book, losers, loss_nouns))
    return hint


def _side_hint(sent: Any, book: Codebook, losers: frozenset[str],
               loss_nouns: frozenset[str]) -> str | None:
    seat = _capital_of_speech(sent, book)
    if seat is not None:
        return seat  # "In Moscow, the Defence Ministry said ...": Moscow's (decision 627)
    for nc in noun_chunks_of(sent):
        if nc.root.dep_ == "nsubj" and nc.root.lemma_.lower() in loss_nouns and \
                nc.root.head.dep_ != "ROOT":
            # "the summary said Ukrainian losses amounted to 405": who lost is the other
            # side of who says so (decision 630)
            loser = side_of(nc.text, book)
            if loser in _OTHER_SIDE:
                return _OTHER_SIDE[loser]
            continue
        if nc.root.dep_ in ("nsubj", "nsubjpass"):
            if nc.root.head.lemma_.lower() in losers and nc.root.head.dep_ != "ROOT":
                # "the ministry said ... that Ukrainian forces had lost 120 men": who lost
                # is the other side of who says so
                continue
            if nc.root.dep_ == "nsubjpass" and nc.root.head.dep_ != "ROOT" and \
                    nc.root.head.lemma_.lower() not in book.speech_verbs:
                # "the ministry reported that 24 Ukrainian drones had been destroyed": what
                # a passive verb befell is the other side's, not the side of who says so
                # (decision 590)
                patient = side_of(nc.text, book)
                if patient in _OTHER_SIDE:
                    return _OTHER_SIDE[patient]
                continue
            side = side_of(nc.text, book) or next(
                # "Units of the Centre group have liberated ...": the group's side
                (x for x in (side_of(span_text(o.doc[o.left_edge.i:o.right_edge.i + 1]), book)
                             for o in of_nouns(nc.root)) if x), None)
            if side:
                return side
    return None


_OTHER_SIDE = {"RU": "UA", "UA": "RU"}


def _speakerless_passive(verb: Any) -> bool:
    """Whether a verb of saying is passive with no agent ("are confirmed dead")."""
    kids = children_of(verb)
    return any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


def _named_appositive(tok: Any, lexicon: Lexicon) -> Any | None:
    """The person named in apposition to a speaker's title: "the commander, Major Denys
    Lytvyn", also where the parse hung the name on the last noun of the title's
    of-phrase ("the head of the regional military administration, Viacheslav Chaus")."""
    for _ in range(3):
        named = next((c for c in tok.children if c.dep_ == "appos" and
                      person_name(c, lexicon)), None)
        if named is not None:
            return named
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        tok = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if tok is None:
            return None
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children) and \
                person_name(tok, lexicon):
            # "the head of the regional military administration Vadym Filashkin": the
            # parse made the title's last noun part of the name (decision 356)
            return tok
    return None
