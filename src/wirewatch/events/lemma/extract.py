"""Event mentions of a document in a language read by lemma rules (Russian, Ukrainian).

Per sentence: the lexicon's trigger phrases are found on dictionary forms; each
trigger that is no threat or attempt takes the places the text ties to it (written
after it for the territory types, nearest otherwise), the sentence's date (else the
last date of the story, else the publication date), its figure, the claimant found
through the actor registry (carried to the sentences that go on reporting the same
statement), and a modality; then each claim is kept once (``steps/dedupe.py``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wirewatch.document import Document
from wirewatch.events.actors import Actor, spoken_by_outlet
from wirewatch.events.codebook import Codebook
from wirewatch.events.dates import EventDate
from wirewatch.events.lemma.attribution import (
    SURNAME_CASE,
    ActorIndex,
    Claim,
    Found,
    actor_ref,
    byline_of,
    claim_of,
    signature_of,
)
from wirewatch.events.lemma.figures import (
    _YEAR,
    UNKNOWN,
    count_near,
    date_in,
    figure_qualifier,
    later_period,
    number_at,
    whole_of_share,
)
from wirewatch.events.lemma.lexicon import LemmaLexicon, Phrase, phrase
from wirewatch.events.lemma.words import Word, find_phrases, has_phrase, words_of
from wirewatch.events.models import ActorRef, EventMention, Evidence, Party
from wirewatch.events.numbers import Count
from wirewatch.events.steps.dedupe import dedupe
from wirewatch.places.models import Place, PlaceMention
from wirewatch.places.morph import lemmas, parse_tags, surely_future

# How many words after a territory trigger its place may come ("освободили населённый
# пункт Новосёловка"), and before it when none comes after ("Угледар освобождён").
AFTER, BEFORE = 8, 5
# Words before a trigger where a threat or attempt word makes it no event.
GUARD = 4
# What a denial that names no event denies ("назвал это заявление ложью"): the claims
# sides dispute, not the evacuations and passports told beside them
_DISPUTED = frozenset({"territory.captured", "territory.encircled", "territory.withdrawn",
                       "casualties", "equipment.lost", "personnel.surrendered", "strike"})
# Places that are areas, not settlements: no place where ground changes hands
_AREAS = frozenset({"admin1", "region", "country"})
# A blank line: where a paragraph ends
_BLANK = re.compile(r"\n[ \t]*\n")
# The titles of the heads of a region's body ("Head of the Luhansk People's Republic",
# "Governor of Kursk Oblast"), not of a town's ("Head of the Kherson City Military
# Administration", "Mayor of Kharkiv")
_REGION_HEAD = re.compile(r"\b(?:head|governor|chief)\b", re.IGNORECASE)
_CITY_HEAD = re.compile(r"\b(?:city|mayor|district|community)\b", re.IGNORECASE)
# Marks that end a clause: a word of absence after them says nothing of a trigger before
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "»", "\""})


@dataclass
class Story:
    """What carries from one sentence of a document to the next."""

    claim: Claim | None = None
    date: EventDate | None = None
    # a story that opens with a statement of the past day, dated the day of publication
    # ("Протягом минулої доби ..., повідомив у суботу, 7 червня"): that first date; a day
    # named after it ("у п'ятницю ... скинули авіабомбу") dates its own paragraph only, up
    # to ``date_end`` (decision 465)
    daily: EventDate | None = None
    date_end: int = -1
    strike_place: Place | None = None
    # the last place of those the strikes just told of hit, when strike_place is their region
    strike_last: Place | None = None
    region: Place | None = None  # the last region named (what "в регионе" points back to)
    place: Place | None = None  # the last place named ("на этом участке" points back)
    direction: Place | None = None  # the last front direction ("на этом направлении")
    # the direction the last sentence naming places named last, until a sentence of totals
    front: Place | None = None
    tally: EventDate | None = None  # the period of the running tally just read, if any
    # where the list a sentence opened with a colon was told ("на Покровському напрямку
    # уразили:"), its direction's town, else the direction named before (decision 464)
    tally_place: Place | None = None
    period: EventDate | None = None  # the last period named ("за цей час" points back)
    # where the paragraph that named the last period ends, while no day was named since: its
    # sentences with no date of their own go on telling of the period (decision 429)
    period_end: int = -1
    period_at: int = -1  # where the sentence that named the last period starts
    # the sentence before was a running tally: its list may go on in a sentence cut off at
    # an abbreviation ("танків – 11 355 (+3) од.; бойових броньованих машин – 23 581 (+5)")
    tallying: bool = False
    # the sentence before gave items of the list (not only the words opening it)
    tally_read: bool = False
    # a passport noun has been named: "документы получили" speaks of passports after it
    passports: bool = False
    town: Place | None = None  # the last town named ("по городу" points back)
    # where the paragraph that named the last town ends: its casualties naming no place of
    # their own are at the town (decision 363)
    town_end: int = 0
    # the kind of equipment named last: "41 из них сбиты" counts it (decision 259)
    equipment: str | None = None
    # the last community named by its town's adjective ("з Вовчанської громади"): "з
    # громади" points back to it
    community: Place | None = None
    # the last town named after each noun of a town ("из посёлка Степногорск"): "за посёлок"
    # points back to it, ahead of a town named since without that noun
    town_by_noun: dict[str, Place] = field(default_factory=dict)
    # the place of the last event told of, where the losses of its fighting were taken
    # ("наступ в бік Степногірська ... Відбито шість штурмів, ворог утратив два танки")
    fought: Place | None = None
    # the people and units named so far: a surname alone ("Рогов также сообщил") or a unit
    # noun pointing back ("за даними бригади") names them again
    seen: list[Actor] = field(default_factory=list)
    # the bodies named so far: a short name ("Генштаб" after "Генштаб ВСУ") names them again
    bodies: list[Actor] = field(default_factory=list)
    person: Found | None = None  # the last person named ("по его словам" points back)
    # the places of the denials the sentence before made ("Это неправда. Наши подразделения
    # удерживают X": the same denial goes on)
    denied: set[int] = field(default_factory=set)
    # the day a heading of its own names, on the day of publication or the day before (not
    # a dateline, which goes on in its paragraph): the day of a daily statement under it
    heading_day: EventDate | None = None
    # a headline of its own that named no speaker, and its mentions' slice of those found
    headline: tuple[Sentence, int, int] | None = None
    # the mentions (indices) the sentence before made by pointing back from a denial
    backs: list[int] = field(default_factory=list)
    body: Found | None = None  # the last body named ("в ведомстве сообщили" points back)
    # the person who signs the text in its first line ("Віталій Кім, Миколаївська ОВА:")
    byline: Found | None = None
    # the day a statement was made, written beside its verb of saying ("у неділю ввечері
    # підтвердив"): the past day it tells of is that day
    said_day: tuple[EventDate, str | None] | None = None
    # the mentions (indices) the headline made: the first line, a paragraph of its own
    # with no full stop
    title: range = range(0)
    # a person named since the last speaker, who has said nothing yet ("Начальник ОВА
    # Вадим Філашкін подав інші цифри."): "за його даними" right after points to them
    unsaid: Found | None = None
    # a town named alone as a heading ("Тёткино. Около 11:00 дрон атаковал автомобиль."),
    # and where its paragraph ends: the place of the paragraph's events naming none
    heading: tuple[Place, int] | None = None
    # a capture has been claimed: "X остаётся под контролем ВСУ" answers it (decision 268)
    captures: bool = False
    # the place of the last capture claimed: "Это неправда. Город под нашим контролем"
    # answers it (decision 460)
    captured: Place | None = None
    # the period a lead sentence named ("С 15 по 21 ноября ..."), telling no event: the date
    # of the events after it that name none (decision 276)
    lead: EventDate | None = None
    # the towns the strikes told so far hit: a text about one town's strike places its
    # casualties there in any paragraph (decision 421)
    struck: set[int] = field(default_factory=set)


@dataclass
class Sentence:
    """One sentence being read: its words, places, actors, claim and date."""

    words: list[Word]
    text: str
    start: int
    places: list[tuple[int, Place]]  # (word index, place) of the resolved places
    unresolved: list[int]  # word indices of place names the gazetteer does not know
    claim: Claim
    date: EventDate
    used_counts: set[int] = field(default_factory=set)
    # the first word of each item of equipment already made a mention of: "потери ... кроме
    # того, уничтожены 11 танков": the tally's noun and the verb list the same items once
    # (decision 258)
    used_items: set[int] = field(default_factory=set)
    # every resolved place, those inside an actor's name too ("жителям Донецкой Народной
    # Республики": the body's name is the people's home)
    named: list[tuple[int, Place]] = field(default_factory=list)
    included: list[Place] = field(default_factory=list)  # "в том числе по X, Y"
    # the sentence's first date's word index, and a period begun after it ("заявил в
    # четверг, что с начала 2025 года ..."): the one nearer a trigger dates its event
    dated_at: int | None = None
    period: tuple[int, EventDate] | None = None
    # the sentence gave a toll as risen to a figure ("число раненых выросло до семи")
    risen: bool = False


class LemmaExtractor:
    """The event rules of one lemma lexicon, with the codebook and actor index they use."""

    def __init__(self, book: Codebook, lexicon: LemmaLexicon, actors: ActorIndex) -> None:
        self.book = book
        self.lex = lexicon
        self.actors = actors
        self.triggers: list[tuple[Phrase, str]] = [
            (phrase(p), t) for t, ps in lexicon.triggers.items() if t in book.types for p in ps]
        self.subtypes = {phrase(p): st for st, ps in lexicon.subtypes.items() for p in ps}
        self.equipment = {phrase(k): v for k, v in lexicon.equipment.items()}
        # one-word verbs of losing equipment ("потерять", "втратити"): a casualty phrase
        # begun by one ("потеряли 94 человека убитыми ..., а также два танка") lists
        # equipment lost too
        self._loss_verbs = frozenset(p[0] for p, t in self.triggers
                                     if t == "equipment.lost" and len(p) == 1)

    def events(self, doc: Document, parsed: Any, places: Sequence[PlaceMention]
               ) -> list[EventMention]:
        """Return the event mentions of one parsed document, each claim once."""
        story = Story()
        found: list[EventMention] = []
        read: list[tuple[Sentence, int, int]] = []  # each sentence, its mentions' slice
        dropped: set[int] = set()  # tallies replaced by the places they counted
        for sent in parsed.sents:
            sc = self._sentence(doc, sent, places, story)
            self._read_heading(doc, sc, story)
            if not any(r[0].text.strip() for r in read) and _own_paragraph(parsed.text, sc):
                story.byline = byline_of(sc.words, self.actors.actors_in(sc.words))
            if not any(r[0].text.strip() for r in read) and _own_paragraph(parsed.text, sc) \
                    and sc.dated_at is not None and _daily(sc.date, doc.published):
                story.heading_day = sc.date
            made = self._mentions(doc, sc, story)
            if made and story.period_at == sc.start:
                story.period_end = -1  # "З 11 листопада евакуювали 95 людей": its own
            self._lead_period(parsed.text, sc, story, made, read)
            if not made and read:
                made = self._settlements_named(sc, found, read[-1], dropped)
            backs = story.backs
            story.backs = backs if not sc.text.strip() else []
            if not made and read and sc.text.strip():
                made = self._denied_back(doc, sc, story, found, read)
                story.backs = list(range(len(found), len(found) + len(made)))
            elif any(m.modality == "denied" and m.trigger is not None for m in made):
                # "назвали эти заявления ложью. «Купянск остаётся под контролем ...»": the
                # quote says what was denied; another speaker's denial before stays
                # ("Сырский заявил, что окружения нет. Синегубов назвал ... фейком")
                speakers = {_speaker_id(m) for m in made if m.modality == "denied"}
                dropped.update(i for i in backs
                               if None in speakers or _speaker_id(found[i]) in speakers)
            self._name_earlier(doc, parsed.text, sc, read, found, alone=not made)
            self._headline_speaker(doc, parsed.text, sc, story, found)
            # a headline: the first line, a paragraph of its own with no full stop
            title = made and not any(r[0].text.strip() for r in read) and \
                _own_paragraph(parsed.text, sc) and sc.text.rstrip()[-1:] not in ".!?…"
            if title:
                story.title = range(len(found), len(found) + len(made))
            if title and sc.claim.claimant is None and not sc.claim.said:
                story.headline = (sc, len(found), len(found) + len(made))
            if sc.risen:
                made = _revised(found, made)
            read.append((sc, len(found), len(found) + len(made)))
            found.extend(made)
            story.captures = story.captures or any(
                m.type == "territory.captured" and m.modality != "denied" for m in made)
            taken = [m.place for m in made
                     if m.type == "territory.captured" and m.modality != "denied"]
            story.captured = taken[-1] if taken else story.captured
            if sc.text.strip():
                story.denied = {m.place.geonameid for m in made
                                if m.modality == "denied" and m.place is not None}
            regions = [m.place for m in places if m.place is not None and sc.start <= m.start
                       < sc.start + len(sent.text) and m.place.kind in ("admin1", "region")]
            story.region = regions[-1] if regions else story.region
            # a country named as whose the soldiers are ("військових РФ") is no place a later
            # sentence points back to (decision 214)
            named = [p for _, p in sc.places if p.kind != "country"]
            story.place = named[-1] if named else story.place
            fronts = [p for k, p in sc.places if any(
                w.forms & self.lex.direction_nouns for w in sc.words[k:k + 3])]
            story.direction = fronts[-1] if fronts else story.direction
            if named:
                story.front = self._front_after(sc, named, fronts, story.front)
            if has_phrase(sc.words, (phrase(p) for p in self.lex.overall)):
                story.front = None  # "Загалом втрати противника склали 930 осіб": all fronts
            towns = [p for _, p in sc.places if p.kind == "city"]
            fought = [m.place for m in made if m.place is not None
                      and m.type in ("offensive.launched", "territory.captured",
                                     "territory.encircled", "territory.withdrawn")]
            story.fought = fought[-1] if fought else story.fought
            kinds = [p for _, _, p in find_phrases(sc.words, self.equipment, 0)]
            story.equipment = self.equipment[kinds[-1]] if kinds else story.equipment
            story.town = towns[-1] if towns else story.town
            if towns:
                end = doc.text.find("\n", sc.start)
                story.town_end = end if end >= 0 else len(doc.text)
            story.community = next((p for k, p in reversed(sc.places) if p.kind == "city"
                                    and any(w.forms & self.lex.region_parts
                                            for w in sc.words[k + 1:k + 2])), story.community)
            for k, p in sc.places:
                if p.kind == "city" and k > 0:
                    story.town_by_noun.update(
                        dict.fromkeys(sc.words[k - 1].forms & self.lex.town_nouns, p))
            strikes = [m.place for m in made if m.type == "strike" and m.place
                       and m.place not in sc.included]
            story.struck.update(p.geonameid for p in strikes if p.kind == "city")
            story.strike_place = _strikes_place(strikes, story.region) if strikes else \
                None if made else story.strike_place
            story.strike_last = strikes[-1] if strikes else None if made else \
                story.strike_last
        last = next((r[0] for r in reversed(read) if r[0].text.strip()), None)
        if story.byline is None and last is not None and _own_line(parsed.text, last):
            # the last line signs the text (decision 367)
            story.byline = signature_of(last.words, self.actors.actors_in(last.words),
                                        self.lex)
        return self._finish(doc, story, found, dropped)

    def _finish(self, doc: Document, story: Story, found: list[EventMention],
                dropped: set[int]) -> list[EventMention]:
        """The document's mentions, each claim once, less those dropped, a headline's told
        again by the body and those placed at a whole country; a byline's person speaks
        those that name no speaker."""
        # a headline's claim that the body tells again, of the same type at the same place,
        # is the body's (decision 332): the headline's words are a summary of it
        # (as many of them as the body tells: "38 обстрілів за добу, дрон атакував
        # маршрутку" is two strikes at Kherson, and the body may tell one)
        body = Counter((m.type, m.place.geonameid) for i, m in enumerate(found)
                       if i not in story.title and i not in dropped and m.place is not None)
        for i in story.title:
            place = found[i].place
            key = (found[i].type, place.geonameid) if place is not None else None
            if key is not None and body[key] > 0:
                body[key] -= 1
                dropped.add(i)
        # "росіяни атакували Україну 74 дронами": a whole country is no place of a strike
        # or a pullout (the codebook's `country_place`), and such a mention is no claim the
        # coders code; the area a month's advance took in the country is (decision 339)
        dropped.update(i for i, m in enumerate(found) if m.place is not None
                       and m.place.kind == "country" and m.type in ("strike",
                                                                   "territory.withdrawn")
                       and m.type in self.book.types
                       and not self.book.types[m.type].country_place)
        # "Росія втратила в Україні близько 1 005 400 військових", "над Україною збито 49":
        # losses counted over a whole country are a nationwide total, whose place is null
        # (decision 361)
        kept = [replace_fields(m, place=None) if m.place is not None
                and m.place.kind == "country" and m.type in ("casualties", "equipment.lost")
                else m for i, m in enumerate(found) if i not in dropped]
        if story.byline is not None:
            # the person who signs the text speaks its unattributed claims, as an outlet
            # that is a speaker does (decision 320)
            kept = spoken_by_outlet(kept, *actor_ref(self.actors.registry,
                                                     story.byline.actor, doc.published))
        return dedupe(kept, self.book)

    def _front_after(self, sc: Sentence, named: list[Place], fronts: list[Place],
                     front: Place | None) -> Place | None:
        """The front direction the losses after a sentence naming places are at (decision
        214): "На Покровському напрямку ... у районах Родинського, Мирнограда": the places
        where a direction's fighting went on keep the direction; so does its own town named
        again ("Костянтинівський напрямок ... південніше Костянтинівки"); the town an
        offensive is aimed at ("на Запорізькому напрямку в бік Степногірська") ends it, as
        any other place does (decision 420)."""
        aimed = {k for _, la, _ in find_phrases(sc.words, (
            phrase(p) for p in self.lex.toward)) for k in (la + 1, la + 2)}
        if fronts and sc.places[-1][0] not in aimed:
            return fronts[-1]
        if named[-1] in fronts:
            return named[-1]
        again = front is not None and any(p.geonameid == front.geonameid for p in named)
        return front if again else None

    @staticmethod
    def _lead_period(text: str, sc: Sentence, story: Story, made: list[EventMention],
                     read: list[tuple[Sentence, int, int]]) -> None:
        """'С 15 по 21 ноября 2025 года Вооружённые силы продолжали ...': a written period in
        the first two paragraphs, in a sentence that tells no event, dates the events after
        it that name no day of their own (decision 276)."""
        if made or sc.dated_at is None or sc.date.precision != "range" or \
                sc.date.basis != "explicit" or story.lead is not None:
            return
        if len(_BLANK.findall(text[:sc.start])) > 1 or any(
                hi > lo for _, lo, hi in read):
            return
        story.lead = story.date = sc.date

    @staticmethod
    def _read_heading(doc: Document, sc: Sentence, story: Story) -> None:
        """'Тёткино. Около 11:00 вражеский дрон атаковал автомобиль.': a sentence that is
        only a place's name heads its paragraph; the events after it there that name no
        place of their own are at it (decision 204)."""
        if story.heading is not None and sc.start >= story.heading[1]:
            story.heading = None
        named = [w for w in sc.words if any(c.isalnum() for c in w.text)]
        if len(sc.places) != 1 or sc.places[0][0] != 0 or \
                len(named) != len(sc.places[0][1].surface.split()):
            return
        end = doc.text.find("\n\n", sc.start)
        story.heading = (sc.places[0][1], end if end >= 0 else len(doc.text))

    def _sentence(self, doc: Document, sent: Any, places: Sequence[PlaceMention],
                  story: Story) -> Sentence:
        words = words_of(sent, self.lex.lang)
        start, end = sent.start_char, sent.end_char
        actors = self.actors.actors_in(words)
        actors = actors + self._surnames(words, actors, story)
        actors = sorted(actors + self._short_names(words, actors, story), key=lambda f: f.first)
        story.seen.extend(f.actor for f in actors if f.actor.type in ("person", "unit"))
        story.bodies.extend(f.actor for f in actors if f.actor.type not in ("person", "unit"))
        claim = claim_of(words, actors, self.lex)
        if claim.claimant is None and (unit := self._unit_back(words, story)) is not None:
            claim = dataclasses.replace(claim, claimant=unit)  # "за даними бригади"
        if claim.claimant is None and claim.said and (
                head := self._regional_head(words, story, doc.published)) is not None:
            claim = dataclasses.replace(claim, claimant=head)  # "по информации главы региона"
        # only the forces a bulletin tells of ("Подразделения группировки «Восток»
        # продолжили продвижение", "Потери ВСУ составили"), who are not its speakers
        acting = all((f.actor.kind == "military" and f.actor.type in ("grouping", "unit"))
                     or f.actor.id in self.lex.acting_forces for f in actors)
        if claim.claimant is not None and story.claim is not None and any(
                w.forms & self.lex.aside_words for w in words):
            pass  # "Терехов натомість написав ...": an aside; the speaker before goes on
        elif claim.claimant is not None:
            story.claim = claim
        elif story.claim is not None and ((not claim.said and acting)
                or self._points_back(words) or (not actors and (
                    self._impersonal(words) or self._bare_source(words)))):
            # the statement goes on in the next sentence ("По его словам, ..."); "в
            # ведомстве", "російського відомства" is the body named last
            body = self._body_back(words, story)
            if body is None and story.unsaid is not None and self._points_to_person(words):
                body = story.unsaid  # a person named after the last speaker (decision 321)
            claim = story.claim = Claim(body, (), True) if body is not None else story.claim
        elif story.claim is None and claim.said and (
                body := self._body_back(words, story)) is not None:
            # "Минобороны России подвело итоги недели. По данным ведомства, ...": the body
            # the text opened with, which has said nothing yet (decision 426)
            claim = story.claim = Claim(body, (), True)
        elif story.claim is None and story.person is not None and acting and \
                self._points_back(words):
            # "Губернатор X подвёл итоги. По его словам, ...": the person named before, who
            # had said nothing yet
            claim = story.claim = Claim(story.person, (), True)
        story.person = next((f for f in reversed(actors) if f.actor.type == "person"),
                            story.person)
        story.unsaid = None if claim.claimant is not None else next(
            (f for f in reversed(actors) if f.actor.type == "person"), story.unsaid)
        # the body that speaks in a sentence or opens it ("Следственный комитет России
        # возбудил дело"), not one named in passing ("в ДНР", "группировки «Север»")
        story.body = next((f for f in (claim.claimant, *actors[:1]) if f is not None
                           and (f is claim.claimant or f.first == 0)
                           and f.actor.type not in ("person", "unit", "grouping")
                           and f.actor.kind != "media"
                           and f.actor.id not in self.lex.acting_forces), story.body)
        dated = date_in(words, self.lex, doc.published)
        own = dated[1] if dated is not None else None
        own = self._week_of_claim(words, own, story, doc.published)
        if own is not None and own.basis == "publication" and story.heading_day is not None:
            # "Обстріли Сумщини за добу 21 березня\n\nПротягом доби противник ...": the day
            # the heading names is the day of the daily statement
            own = story.heading_day
        elif own is not None and own.basis == "publication" and story.said_day is not None \
                and _day_before(story.said_day[0], doc.published) and \
                _speaker_of(claim) == story.said_day[1]:
            # "Лиховій у неділю ввечері підтвердив ... Він навів втрати за минулу добу": the
            # past day of a statement the story has dated is that day, while its speaker
            # goes on (decision 333)
            own = story.said_day[0]
        if dated is not None and own is not None and own.precision == "day" and \
                claim.claimant is not None and any(
                    w.forms & self.lex.speech_verbs
                    for w in words[max(0, dated[0] - 3):dated[0] + 4]):
            # "у неділю ввечері підтвердив": the day of the statement, and who made it
            story.said_day = (own, _speaker_of(claim))
        if own is not None and story.lead is not None and own.basis == "relative" and \
                own.precision == "range" and has_phrase(
                    words, (phrase(p) for p in self.lex.past_periods)):
            own = story.lead  # "За неделю сбиты ..." under "С 15 по 21 ноября" (decision 276)
        own = self._carry_period(doc, words, start, own, story)
        when = own if own is not None and own.precision == "range" else story.date or (
            EventDate(doc.published.isoformat(), "day", "publication")
            if doc.published else UNKNOWN)
        found = [(k, p) for k, p in _places_of(words, places, start, end, actors)
                 if not self._office_or_maker(words, k, p)]
        found = [(k, p) for n, (k, p) in enumerate(found)
                 if not (n and _district_after(words, found[n - 1][0], k))]
        named = [(k, p) for k, p in _places_of(words, places, start, end, ()) if p is not None]
        period = later_period(words, dated[0], self.lex, doc.published) \
            if dated is not None and own is not None and own.precision != "range" else None
        if period is not None:
            story.period = period[1]  # "заявил в понедельник, что с начала октября ..."
        return Sentence(words, sent.text, start, [(k, p) for k, p in found if p is not None],
                        [k for k, p in found if p is None], claim, when, named=named,
                        dated_at=dated[0] if dated is not None else None, period=period)

    def _carry_period(self, doc: Document, words: Sequence[Word], start: int,
                      own: EventDate | None, story: Story) -> EventDate | None:
        """The sentence's own date, its day kept as the story's date and its period as the
        story's period; with none, the period named before when the sentence points back to
        it ("за цей час у полон взято 46") or goes on in its paragraph after a sentence that
        named the period and told no event ("За тиждень відбили 27 штурмів. Ліквідовано 148
        окупантів"; decision 429)."""
        if own is not None and own.precision != "range":
            if story.date is None and doc.published is not None and \
                    own.value == doc.published.isoformat() and \
                    words[-1].text in (".", "!", "?", "…") and \
                    has_phrase(words, (phrase(p) for p in self.lex.past_day)):
                story.daily = own  # a statement of the past day, not a headline or dateline
            story.date = own  # a period ("с 6 мая") is its sentence's, not the story's
            story.period_end = -1
            blank = _BLANK.search(doc.text, start)
            story.date_end = (blank.start() if blank else len(doc.text)) \
                if story.daily is not None and own != story.daily else -1
        elif own is None and story.daily is not None and 0 <= story.date_end <= start:
            # "Близько 15:00 у п'ятницю окупанти скинули авіабомбу ... ¶ Куп'янськ знову
            # обстрілювали": the next paragraph goes on with the day's statement
            story.date, story.date_end = story.daily, -1
        if own is not None and own.precision == "range":
            story.period, story.period_at = own, start
            blank = _BLANK.search(doc.text, start)
            story.period_end = blank.start() if blank else len(doc.text)
        elif own is None and story.period is not None and (
                start < story.period_end or has_phrase(
                    words, (phrase(p) for p in self.lex.this_period))):
            own = story.period
        return own

    def _office_or_maker(self, words: Sequence[Word], k: int, p: Place | None) -> bool:
        """Whether the place at word ``k`` names no place of an event: a country that made
        a thing ("M113 производства США"), or a region after a head of office ("Губернатор
        Краснодарського краю", the speaker's office)."""
        if p is None or k == 0:
            return False
        before = words[k - 1].forms
        return (p.kind == "country" and bool(before & self.lex.maker_nouns)) or (
            p.kind in ("admin1", "region") and bool(before & self.lex.head_nouns))

    @staticmethod
    def _date_for(sc: Sentence, trig: tuple[int, int]) -> EventDate:
        """The sentence's date, or the period written after it when that is nearer the
        trigger ("заявил в четверг, что с начала 2025 года ... освободили")."""
        if sc.period is None or sc.dated_at is None:
            return sc.date
        k = sc.period[0]
        if abs(k - trig[0]) < abs(sc.dated_at - trig[0]):
            return sc.period[1]
        return sc.date

    def _impersonal(self, words: Sequence[Word]) -> bool:
        """'в области объявили эвакуацию', 'у громаді повідомили': a verb of saying in the
        plural with no subject (no speaker noun, no noun in the nominative plural before
        it) tells what the speaker named before goes on saying."""
        lang = self.lex.lang
        speakers = self.lex.media_speakers | self.lex.party_speakers
        if any(w.forms & speakers for w in words):
            return False
        for k, w in enumerate(words):
            if w.forms & self.lex.speech_verbs and "plur" in parse_tags(w.text, lang):
                before = words[max(0, k - 4):k]
                return not any({"nomn", "plur"} <= parse_tags(x.text, lang)
                               and parse_tags(x.text, lang) & {"NOUN", "ADJF", "NPRO"}
                               for x in before)
        return False

    def _surnames(self, words: Sequence[Word], actors: Sequence[Found], story: Story
                  ) -> list[Found]:
        """'Рогов также сообщил', 'По мнению Рогова': a person named in full before in the
        document is named again by the surname alone, in any case."""
        out: list[Found] = []
        for k, w in enumerate(words):
            if not w.text[:1].isupper() or any(f.first <= k <= f.last for f in actors):
                continue
            base = SURNAME_CASE.match(w.text)
            forms = w.forms | {base.group(1).lower()} if base else w.forms
            person = next((a for a in reversed(story.seen) if a.type == "person"
                           and forms & _surname_of(a, self.actors)), None)
            if person is not None:
                out.append(Found(k, k, person, w.text))
        return out

    def _short_names(self, words: Sequence[Word], actors: Sequence[Found], story: Story
                     ) -> list[Found]:
        """'По данным Генштаба' after 'В Генштабе ВСУ': a capitalised noun that begins a
        longer name of a body named before in the document, standing alone, names that body
        again (the last one named, when several names begin with it); so does an
        abbreviation of a kind of body that ends such a name ("за даними ОВА")."""
        out: list[Found] = []
        for k, w in enumerate(words):
            if any(f.first <= k <= f.last for f in actors):
                continue
            if w.text.isupper() and w.lower in self.lex.body_abbreviations:
                # "за даними ОВА" after "Донецької ОВА": the body whose name ends in it
                ids = self.actors.by_last.get(w.lower, set())
            elif not w.text[:1].isupper() or w.text.isupper() or "NOUN" not in parse_tags(
                    w.text, self.lex.lang):
                continue  # another abbreviation ("ЗСУ"), an adjective ("Херсонської")
            else:
                ids = {aid for form in w.forms
                       for names, aid in self.actors.by_first.get(form, ()) if len(names) > 1}
            body = next((a for a in reversed(story.bodies) if a.id in ids), None)
            # "додав очільник ОВА": the head of the body named again
            head = k > 0 and bool(words[k - 1].forms & self.lex.head_nouns)
            if body is not None:
                out.append(Found(k, k, body, " ".join(x.text for x in words[k - head:k + 1]),
                                 head=head))
        return out

    def _unit_back(self, words: Sequence[Word], story: Story) -> Found | None:
        """'за даними бригади', 'в корпусе сообщили': a unit noun beside a verb of saying
        or a source marker names the last unit of that kind named before."""
        if not self._points_back(words):
            return None
        for k, w in enumerate(words):
            kinds = {self.lex.unit_nouns[f] for f in w.forms if f in self.lex.unit_nouns}
            if not kinds or not w.text.islower():
                continue
            unit = next((a for a in reversed(story.seen) if a.type == "unit"
                         and any(kind in a.name.split() for kind in kinds)), None)
            if unit is not None:
                return Found(k, k, unit, w.text)
        return None

    def _week_of_claim(self, words: Sequence[Word], own: EventDate | None, story: Story,
                       published: date | None) -> EventDate | None:
        """'Міноборони в неділю заявило ... За тиждень біля Торецька знищили три танки': the
        seven days of "за тиждень" end on the day of the statement the story has dated,
        when that is a day of the week before publication (decision 274)."""
        told = story.date
        if own is None or told is None or published is None or own.precision != "range" \
                or own.basis != "relative" or told.precision != "day" or not any(
                    self.lex.past_periods[" ".join(p)] == "days7" for _, _, p in find_phrases(
                        words, (phrase(p) for p in self.lex.past_periods))):
            return own
        day = _day(told)
        if day is None or not published - timedelta(days=6) <= day < published:
            return own
        return EventDate(f"{(day - timedelta(days=6)).isoformat()}/{day.isoformat()}", "range",
                         "relative", own.surface)

    def _regional_head(self, words: Sequence[Word], story: Story, day: date | None
                       ) -> Found | None:
        """'по информации главы региона', 'написал руководитель республики', 'додав очільник
        області': a head noun before a noun of a region, naming no region, is the last
        person named before who headed a region's body that day (decision 270)."""
        for k, w in enumerate(words[:-1]):
            if not (w.forms & self.lex.head_nouns and words[k + 1].forms & self.lex.region_nouns):
                continue
            if k + 2 < len(words) and words[k + 2].text[:1].isupper():
                return None  # "глава региона Владимир Сальдо" names the person
            for actor in reversed(story.seen):
                role = actor.role_on(day) if actor.type == "person" else None
                if role is not None and _REGION_HEAD.search(role.title) and not \
                        _CITY_HEAD.search(role.title):
                    return Found(k, k + 1, actor, f"{w.text} {words[k + 1].text}")
            return None
        return None

    def _body_back(self, words: Sequence[Word], story: Story) -> Found | None:
        """'Как сообщили в ведомстве', 'за даними російського відомства': a noun of a body
        beside a verb of saying or a source marker names the last body named before, when
        another spoke last ("Посол X заявил ... Следственный комитет возбудил дело. Как
        сообщили в ведомстве, ..."); None when it is the last speaker."""
        if story.body is None or not any(w.forms & self.lex.body_anaphors for w in words) \
                or not self._points_back(words):
            return None
        last = story.claim.claimant if story.claim is not None else None
        return None if last is not None and last.actor.id == story.body.actor.id else story.body

    def _bare_source(self, words: Sequence[Word]) -> bool:
        """'За попередніми даними, ...', 'По предварительным данным, ...': a source marker
        naming no one, and no verb of saying, in a sentence that names no actor, goes on
        with the speaker before."""
        return has_phrase(words, (phrase(p) for p in self.lex.source_markers)) and not any(
            w.forms & self.lex.speech_verbs for w in words)

    def _points_back(self, words: Sequence[Word]) -> bool:
        """'по его словам', 'он добавил', 'в ведомстве подчеркнули': a word pointing back
        to the speaker named before, beside a verb of saying or a source marker."""
        said = [k for k, w in enumerate(words) if w.forms & self.lex.speech_verbs]
        said += [k for f, la, _ in find_phrases(words, (phrase(p) for p in
                                                         self.lex.source_markers))
                 for k in range(f, la + 1)]
        return any(w.forms & self.lex.anaphors and any(abs(k - j) <= 3 for j in said)
                   for k, w in enumerate(words))

    def _points_to_person(self, words: Sequence[Word]) -> bool:
        """'за його даними', 'по её словам', 'він додав': the word pointing back is a personal
        pronoun of one person (not "там", "в ведомстве", "їх")."""
        return any(w.forms & self.lex.person_anaphors for w in words)

    def _name_earlier(self, doc: Document, text: str, sc: Sentence,
                      read: list[tuple[Sentence, int, int]], found: list[EventMention],
                      alone: bool = False) -> None:
        """'Росіяни обстріляли X. ... , повідомили в ОВА': a speaker named at the end of a
        paragraph's statement is the claimant of its sentences before, which named none
        and said nothing of who spoke; 'Об этом написал X' names the speaker of the
        sentence just before. A paragraph that only names the speaker ("Дані уточнюються,
        повідомляє Генштаб" after a tally's list; ``alone``: it tells no event) names the
        speaker of the paragraph before it."""
        if sc.claim.claimant is None or not sc.claim.said:
            return
        back = has_phrase(sc.words, (phrase(p) for p in self.lex.back_references))
        breaks = 1 if alone and _own_paragraph(text, sc) else 0
        for n, (prev, lo, hi) in enumerate(reversed(read)):
            between = text[prev.start + len(prev.text.rstrip()):sc.start]
            if prev.claim.claimant is not None or len(_BLANK.findall(between)) > breaks:
                break
            if prev.claim.said and not (back and n == 0):
                break
            self._give_claim(doc, prev, sc.claim, found, lo, hi)

    def _give_claim(self, doc: Document, prev: Sentence, claim: Claim,
                    found: list[EventMention], lo: int, hi: int) -> None:
        """Make the mentions found[lo:hi] of an earlier sentence the claims of ``claim``'s
        speaker (claimed, or reported by media and monitors, where they were asserted)."""
        if claim.claimant is None:
            return
        earlier = dataclasses.replace(prev, claim=claim)
        claimant, conduit, ref, refs, words = self._claimant(doc, earlier)
        kind = claim.claimant.actor.kind
        for i in range(lo, hi):
            m = found[i]
            modality = m.modality if m.modality != "asserted" else (
                "reported" if kind in ("media", "analyst", "ngo", "international")
                else "claimed")
            found[i] = replace_fields(m, claimant=claimant, conduit=conduit,
                                      claimant_actor=ref, conduit_actors=refs,
                                      claimant_text=words, modality=modality)

    def _headline_speaker(self, doc: Document, text: str, sc: Sentence, story: Story,
                          found: list[EventMention]) -> None:
        """'Херсонщина під обстрілами: за добу загинула людина' above a paragraph that
        says who told it: the headline's mentions that name no speaker are the claims of
        the first speaker of the paragraph under it."""
        if story.headline is None:
            return
        head, lo, hi = story.headline
        if len(_BLANK.findall(text[head.start + len(head.text.rstrip()):sc.start])) > 1:
            story.headline = None  # past the paragraph under the headline
        elif sc.claim.claimant is not None and sc.claim.said:
            self._give_claim(doc, head, sc.claim, found, lo, hi)
            story.headline = None

    def _mentions(self, doc: Document, sc: Sentence, story: Story) -> list[EventMention]:
        if not any(c.isalnum() for c in sc.text):
            # a blank line after the words that open a list goes on to the list; one after
            # the list's items ends it; a bullet's dash alone ("—\nтанков — 11 196 (+2);")
            # leaves the list as it is (decision 200)
            if not sc.text.strip() and story.tally_read:
                story.tallying, story.tally = False, None
            return []
        tally = self._loss_tally(doc, sc, story)
        if not tally and story.tallying and _BULLET_ITEM.match(sc.text):
            return self._bullet_item(doc, sc, story)  # "▪️ 2 танки;": the list goes on (464)
        # "потери противника составили:" and the list in the sentences after it
        opens = not tally and self._opens_tally(doc, sc, story)
        if opens:
            own = [p for _, p in sc.places if p.kind != "country"]
            story.tally_place = own[0] if own else story.front
        listing = opens and sc.text.rstrip().endswith(":")
        story.tally = sc.date if (tally or opens) and sc.date.precision == "range" else None
        story.tallying = bool(tally) or opens
        story.tally_read = bool(tally)
        if tally:
            return tally  # "втрати ... склали: танків — 11 284 (+3), ..."
        out: list[EventMention] = []
        trigs = find_phrases(sc.words, self._trigger_phrases())
        typed = [(f, la, t) for f, la, p in trigs for q, t in self.triggers if q == p]
        story.passports = story.passports or any(
            w.forms & self.lex.passport_nouns for w in sc.words)
        none_lost = self._none_lost(sc)
        for first, last, etype in typed:
            if (etype in self.lex.object_places and self._absent_near(sc, first, last)) or (
                    none_lost is not None and first > none_lost):
                continue  # "Окружения под Курахово нет", "ни один корабль не пострадал"
            if etype == "passport.issued" and not story.passports and any(
                    w.forms & self.lex.passport_documents for w in sc.words[first:last + 1]):
                continue  # "документы получили": passports only once the article named them
            if etype == "passport.issued" and first == last and \
                    sc.words[first].forms & self.lex.passport_documents and (not any(
                        number_at(sc.words, k, self.lex)
                        for k in range(last + 1, min(last + 4, len(sc.words)))) or any(
                        t == etype and f != first for f, _, t in typed)):
                # "выдали ещё 1,5 тысячи": a bare verb of handing out, counted, and the
                # sentence's only words of passports given ("паспорта РФ выдали" is one)
                continue
            if self._guarded(sc, first) or self._guarded_after(sc, first, last) or (
                    etype == "strike" and (self._damaged_by(sc, first, last)
                                           or self._ground_assault(sc, first, last))) or (
                    etype == "territory.captured" and has_phrase(
                    sc.words, (phrase(p) for p in self.lex.holding), max(0, first - 2),
                    last + 1)):
                continue  # "ВСУ продолжают контролировать часть Торецка": no capture
            made = self._of_trigger(doc, sc, story, (first, last), etype, typed)
            out.extend(made)
            if made and self._denied_later(sc, (first, last)):
                out.extend(self._later_denial(doc, sc, (first, last), made))
            elif made and self._relayed(sc, (first, last)):
                out.extend(self._relayed_claim(doc, sc, (first, last), made))
        out.extend(self._gapped(sc, out))
        if listing:
            # "уразили:": the kinds and figures are the list's lines, not the opening verb
            out = [m for m in out if m.type != "equipment.lost" or m.count is not None]
        out = self._spread(sc, out)
        if not out and story.captures and has_phrase(
                sc.words, (phrase(p) for p in self.lex.holding)):
            out.extend(m for m in self._holding(doc, sc, story)
                       if m.place is None or m.place.geonameid not in story.denied)
        if not out and has_phrase(sc.words, (phrase(p) for p in self.lex.held_by_defenders)):
            out.extend(self._held(doc, sc, story))
        if not out and story.strike_place is not None:
            # "... завдали 512 ударів по 14 населених пунктах. Під вогнем були, зокрема, X,
            # Y та Z": the places listed go on with the strike of the sentence before
            listed = self._included(sc, 0)
            if listed:
                base = self._mention(doc, sc, (0, 0), "strike", None, None)
                out.extend(replace_fields(base, place=p, trigger=None) for p in listed)
        return out

    def _gapped(self, sc: Sentence, made: list[EventMention]) -> list[EventMention]:
        """'27 аппаратов сбиты над Брянской областью, 19 — над Курской областью, 11 — над
        Белгородской': a figure, a dash and a place after a counted mention of the sentence
        are one more of it, there, the dash standing for the words the first item gave
        (its kind, verb and claim)."""
        counted = [m for m in made if m.count is not None and m.place is not None
                   and m.type in _GAPPED_TYPES]
        if not counted:
            return []
        base = counted[0]
        first = next((k for k, p in sc.places if p == base.place), None)
        if first is None:
            return []
        out: list[EventMention] = []
        k = first + 1
        while k < len(sc.words) - 2:
            got = number_at(sc.words, k, self.lex)
            if got is None or sc.words[got[1] + 1].text not in _GAP_DASHES:
                k += 1
                continue
            value, last = got
            place = next((p for j, p in sc.places if last + 1 < j <= last + 4), None)
            if place is not None and place != base.place:
                qualifier = self.lex.count_qualifiers.get(sc.words[k - 1].lower)
                out.append(replace_fields(base, place=place, trigger=None,
                                          count=Count(value, qualifier is not None, qualifier)))
            k = last + 1
        # "… над Брянской областью, над Курской — 19, над Орловской областью — 11": the
        # place first, then the dash and the figure (decision 173)
        done = {m.place for m in out} | {base.place}
        for j, place in sc.places:
            if j <= first or place in done:
                continue
            dash = next((d for d in range(j + 1, min(j + 3, len(sc.words) - 1))
                         if sc.words[d].text in _GAP_DASHES), None)
            if dash is None or any(sc.words[d].text in _STOPS for d in range(j + 1, dash)):
                continue
            got = number_at(sc.words, dash + 1, self.lex)
            if got is None or (got[1] + 1 < len(sc.words)
                               and sc.words[got[1] + 1].text not in _STOPS):
                continue  # "над Курской — 19 беспилотников" is told in full
            done.add(place)
            out.append(replace_fields(base, place=place, trigger=None,
                                      count=Count(got[0], False, None)))
        return out

    def _spread(self, sc: Sentence, made: list[EventMention]) -> list[EventMention]:
        """'вбили чотирьох жителів Донеччини: двох у Костянтинівці, одного в Торецьку та
        одного в Дружківці': a counted casualty mention whose figure a colon after it
        shares out among places, a figure and a place each, is one mention per place with
        its share; the total goes when the shares add up to it (decision 190)."""
        out = list(made)
        for m in made:
            if m.type != "casualties" or m.count is None or m.trigger is None:
                continue
            start = next((k for k, w in enumerate(sc.words) if w.start >= m.trigger[0]), None)
            colon = next((k for k in range(start, len(sc.words))
                          if sc.words[k].text == ":"), None) if start is not None else None
            if colon is None or any(w.text in _CLAUSE_ENDS for w in sc.words[start:colon]):
                continue
            shares: list[tuple[int, Place]] = []
            k = colon + 1
            while k < len(sc.words):
                got = number_at(sc.words, k, self.lex)
                if got is None:
                    break
                place = next((p for j, p in sc.places if got[1] + 1 < j <= got[1] + 3
                              and all(sc.words[i].text not in _STOPS
                                      for i in range(got[1] + 1, j))), None)
                if place is None:
                    break
                shares.append((got[0], place))
                j = next((i for i, q in sc.places if q == place and i > got[1]), k) + 1
                while j < len(sc.words) and (sc.words[j].text[:1].isupper()
                                             or sc.words[j].text == "-"):
                    j += 1  # the rest of a name ("у Новому Бузі")
                if j >= len(sc.words) or sc.words[j].lower not in _ITEM_SEPARATORS:
                    break
                k = j + 1
            if len(shares) < 2 or sum(v for v, _ in shares) != m.count.value:
                continue
            out.remove(m)
            out.extend(replace_fields(m, place=p, count=Count(v, False, None))
                       for v, p in shares)
        return out

    def _settlements_named(self, sc: Sentence, found: list[EventMention],
                           prev: tuple[Sentence, int, int], dropped: set[int]
                           ) -> list[EventMention]:
        """'Минобороны заявило о захвате ещё трёх населённых пунктов. Речь идёт о X, Y и
        Z': the places listed after a word of 'namely' in the sentence after a count of
        settlements taken are captures of their own, with the tally's claim and date; the
        tally goes when they are all it counted."""
        tally = next((i for i in range(prev[1], prev[2]) if found[i].aggregate
                      and found[i].type == "territory.captured"), None)
        if tally is None:
            return []
        marks = find_phrases(sc.words, (phrase(p) for p in self.lex.namely))
        at = marks[0][1] if marks else None
        after = [(k, p) for k, p in sc.places if at is not None and at < k <= at + 2]
        if not after:
            return []
        listed = _listed(sc.words, [(k, p) for k, p in sc.places if k >= after[0][0]])
        agg = found[tally]
        text = sc.text.strip()
        lead = len(sc.text) - len(sc.text.lstrip())
        evidence = Evidence(text, sc.start + lead, sc.start + lead + len(text))
        out = [replace_fields(agg, place=p, count=None, aggregate=False, evidence=evidence,
                              trigger=None) for p in listed]
        if agg.count is not None and agg.count.value == len(listed):
            dropped.add(tally)  # the three places are the three settlements counted
        return out

    def _denied_back(self, doc: Document, sc: Sentence, story: Story,
                     found: list[EventMention], read: list[tuple[Sentence, int, int]]
                     ) -> list[EventMention]:
        """'Сырский назвал это заявление ложью', 'информация о захвате посёлка не
        соответствует действительности', 'Окружения нет': a sentence that denies and tells
        no event of its own denies the claim told just before (at the places it names, else
        of the type its trigger names, else the last capture, change of ground or toll),
        at that claim's places, with its own speaker and date. A denial never makes a
        claim of its own."""
        trigs = [(f, la, t) for f, la, p in find_phrases(sc.words, self._trigger_phrases())
                 for q, t in self.triggers if q == p]
        # "Окружения нет" (a territory claim), not "пострадавших нет" (none were hurt)
        absent = [t for f, la, t in trigs if t in self.lex.object_places
                  and self._absent_near(sc, f, la)]
        none_lost = self._none_lost(sc)
        if self._denial_at(sc) is None and not absent and none_lost is None:
            return []
        if self._own_claim_denied(sc):
            return []
        types = self._denied_types(sc, trigs, none_lost)
        named = [p for _, p in sc.places]
        # untyped, a denial is of a change of ground, a toll or a strike, not of an
        # evacuation; a territory claim placed at a whole region names a village the
        # gazetteer lacks (an offensive on a region is one: decision 266)
        told = [[m for m in found[lo:hi] if m.modality != "denied" and m.place is not None
                 and (m.type in types if types else m.type in _DISPUTED) and not (
                     m.type.startswith("territory.") and m.place.kind in _AREAS)]
                for _, lo, hi in read[-6:]]
        ids = {p.geonameid for p in named}
        # "заяву щодо Костянтинівки спростували": the claims at the places it names; none
        # when the sentence before was the same speaker's denial ("... назвали неправдою.
        # «Це фейк.»": the same denial goes on)
        claims = [m for ms in told for m in ms if m.place is not None and m.place.geonameid
                  in ids]
        _, _, ref, _, _ = self._claimant(doc, sc)
        last = next((found[lo:hi] for _, lo, hi in reversed(read[-6:]) if hi > lo), [])
        going_on = all(m.modality == "denied" and (ref is None or m.claimant_actor is None
                                                   or m.claimant_actor.id == ref.id)
                       for m in last)
        if not claims and (types or not going_on):
            # "заявления Москвы назвали ложью": the last capture claimed, else the last
            # other change of ground, else the last claims, their toll before their strike
            # ("назвал это брехнею" after a strike and the fighters it claimed killed)
            for kinds in (() if types else ({"territory.captured"}, self.lex.object_places)):
                claims = claims or next((held for ms in reversed(told) if (held := [
                    m for m in ms if m.type in kinds])), [])
            # typed, the last such claim; untyped, those of the sentence just before
            last_told = next((ms for ms in reversed(told) if ms), []) if types else next(
                (ms for (prev, _, _), ms in zip(reversed(read[-6:]), reversed(told), strict=True)
                 if prev.text.strip()), [])
            claims = claims or [m for m in last_told if m.type != "strike"] or last_told
        if none_lost is not None:
            claims = self._other_side(claims, ref, story)
        if ref is not None and any(m.claimant_actor is not None
                                   and m.claimant_actor.id == ref.id for m in claims):
            return []  # the speaker of the claim goes on: who denies is not yet named
        # a word of absence away from its trigger ("загрози оточення Оріхова немає") is a
        # side's denial, or answers a claim of its kind told before; else, said by analysts
        # or nobody, it is an assessment (decision 266)
        alone = self._denial_at(sc) is None and none_lost is None and not any(
            self._absent_near(sc, f, la, adjacent=True) for f, la, _ in trigs)
        if alone and named:
            claims = [m for m in claims if m.place is not None and m.place.geonameid in ids]
        side = ref is not None and ref.kind not in ("media", "analyst", "ngo", "international") \
            and not any(w.forms & self.lex.media_speakers for w in sc.words)
        if named and types and not claims and (not alone or any(told) or side):
            # "Щодо Костянтинівки ... оточення немає": the places the denial names
            claims = [self._mention(doc, sc, (0, 0), t, p, None) for t in sorted(types)
                      for p in named]
        elif not claims and absent and story.fought is not None and not named:
            # "Окружения нет": the place fought over that the article told of last
            claims = [self._mention(doc, sc, (0, 0), absent[0], story.fought, None)]
        text = sc.text.strip()
        lead = len(sc.text) - len(sc.text.lstrip())
        base = self._mention(doc, sc, (0, 0), "strike", None, None)
        # the day of the denial: its own, else the day it was published (not the story's
        # day of the claim)
        when = base.date if sc.dated_at is not None or doc.published is None else \
            EventDate(doc.published.isoformat(), "day", "publication")
        out: dict[tuple[str, int | None], EventMention] = {}
        for m in claims:
            out.setdefault((m.type, m.place.geonameid if m.place else None), replace_fields(
                m, modality="denied", date=when, claimant=base.claimant,
                claimant_actor=base.claimant_actor, claimant_text=base.claimant_text,
                conduit=base.conduit, conduit_actors=base.conduit_actors, count=None,
                aggregate=False, trigger=None,
                evidence=Evidence(text, sc.start + lead, sc.start + lead + len(text))))
        return list(out.values())

    def _loss_tally(self, doc: Document, sc: Sentence, story: Story) -> list[EventMention]:
        """A running tally of losses with the day's increase in brackets ("втрати противника
        склали: особового складу — близько 1 131 410 (+970) осіб, танків — 11 284 (+3)";
        "потери составили 925 680 (+1 160) человек, 10 612 (+9) танков"): each item of the
        list is two mentions, the total over the tally's period (aggregate) and the day's
        increase (the period's last day); people are casualties, the rest equipment. An item
        written after a dash with no increase ("РСЗВ – 1 563 од.", "крылатых ракет — 3 880")
        is its total alone, in a tally only."""
        increments = list(_INCREMENT.finditer(sc.text))
        # items with no increase only in a list of items with one
        totals = [m for m in _DASH_ITEM.finditer(sc.text) if m.group(2) is None] \
            if increments or story.tallying else []
        if not increments and not totals:
            return []
        lost = [f for f, _, p in find_phrases(sc.words, self._trigger_phrases())
                if (p, "equipment.lost") in self.triggers]
        trig = next((k for k, w in enumerate(sc.words) if w.forms & self.lex.tally_words),
                    lost[0] if lost else 0 if story.tallying else None)
        if trig is None:
            return []  # "Также уничтожены 10 612 (+9) танков": a verb of loss will do
        self._tally_period(doc, sc, story)
        last = sc.date.last_day() if sc.date.precision == "range" else None
        daily = EventDate(last.isoformat(), "day", sc.date.basis) if last else (
            EventDate(doc.published.isoformat(), "day", "publication") if doc.published
            else UNKNOWN)
        out: list[EventMention] = []
        for m in sorted(increments + totals, key=lambda m: m.start()):
            total = int(re.sub(r"\D", "", m.group(1)))
            increase = int(re.sub(r"\D", "", m.group(2))) if m.group(2) is not None else None
            out.extend(self._tally_item(doc, sc, trig, (m.start(), m.end()), total, increase,
                                        daily))
        return out

    def _tally_period(self, doc: Document, sc: Sentence, story: Story) -> None:
        """The period of a tally: the sentence's own, else one written after the day of the
        report ("на утро 15 апреля потери с 24.02.22 по 15.04.25 составили"), else the period
        of the tally it goes on with ("Также уничтожены 10 612 (+9) танков")."""
        if sc.date.precision == "range":
            return
        later = next((got[1] for k in range(1, len(sc.words))
                      if sc.words[k - 1].lower in self.lex.range_from
                      and (got := date_in(sc.words[k - 1:], self.lex, doc.published))
                      and got[1].precision == "range"), None)
        if later is not None:
            sc.date = later
        elif story.tally is not None:
            sc.date = story.tally

    def _opens_tally(self, doc: Document, sc: Sentence, story: Story) -> bool:
        """'Общие боевые потери противника с 24 февраля 2022 года составили:': a loss noun of
        a tally and a colon at the sentence's end open the list the next sentences give; so
        does a tally's verb with no figure after it ('втрати противника з 24.02.22 по
        24.09.25 склали, повідомляє Генштаб.'); so does a verb of losing before a colon at
        the sentence's end ('с начала вторжения Россия потеряла:', decision 200)."""
        if not any(w.forms & self.lex.tally_words for w in sc.words):
            if not (sc.text.rstrip().endswith(":")
                    and any(w.forms & self._loss_verbs for w in sc.words)):
                return False
            self._tally_period(doc, sc, story)
            return True
        if not sc.text.rstrip().endswith(":"):
            verb = next((k for k, w in enumerate(sc.words)
                         if w.forms & self.lex.tally_verbs), None)
            if verb is None or any(c.isdigit() for w in sc.words[verb + 1:] for c in w.text):
                return False
        self._tally_period(doc, sc, story)
        return True

    def _bullet_item(self, doc: Document, sc: Sentence, story: Story) -> list[EventMention]:
        """'Знищено й уражено:' then '▪️ 2 танки;', '▪️ 6 ББМ;' a line each: a line of a list
        opened with a colon, a bullet and a figure at its start, is one mention of the kind
        it names (the first), counted by that figure, with the claim, period and place of
        the sentence that opened the list; over a period it is a tally (decision 464)."""
        out: list[EventMention] = []
        when = story.tally or sc.date
        for got in _BULLET_ITEM.finditer(sc.text):
            at = got.start(1)
            line = [j for j, w in enumerate(sc.words) if at <= w.start - sc.start
                    and "\n" not in sc.text[at:w.start - sc.start]]
            if not line:
                continue
            k = line[0]
            kinds = [p for _, _, p in find_phrases(sc.words, self.equipment, k + 1, line[-1] + 1)]
            if kinds:
                etype, extra = "equipment.lost", {"equipment": self.equipment[kinds[0]]}
            elif any(w.forms & self.lex.people_nouns for w in sc.words[k + 1:line[-1] + 1]) \
                    and "casualties" in self.book.types:
                etype, extra = "casualties", {"subtype": "mixed"}
            else:
                continue
            m = self._mention(doc, sc, (k, k), etype, story.tally_place,
                              Count(int(re.sub(r"\D", "", got.group(1))), False, None))
            out.append(replace_fields(m, **extra, target=None, actor=None, date=when,
                                      aggregate=when.precision == "range"))
        return out

    def _tally_item(self, doc: Document, sc: Sentence, trig: int, span: tuple[int, int],
                    total: int, increase: int | None, daily: EventDate) -> list[EventMention]:
        """The mentions of one item of a tally whose figures are at characters ``span`` of
        the sentence: its total (aggregate) and its day's increase when written."""
        lo_c, hi_c = sc.start + span[0], sc.start + span[1]
        inside = [k for k, w in enumerate(sc.words) if lo_c <= w.start < hi_c
                  and any(c.isdigit() for c in w.text)]
        if not inside:
            return []
        # the item: the words between the separators around the figures
        lo = inside[0]
        while lo > 0 and sc.words[lo - 1].text not in _ITEM_SEPARATORS:
            lo -= 1
        hi = inside[-1] + 1
        while hi < len(sc.words) and sc.words[hi].text not in _ITEM_SEPARATORS:
            hi += 1
        qualifier = self.lex.count_qualifiers.get(sc.words[inside[0] - 1].lower) \
            if inside[0] > lo else None
        kinds = [p for _, _, p in find_phrases(sc.words, self.equipment, lo, hi)]
        people = any(w.forms & self.lex.people_nouns for w in sc.words[lo:hi])
        if kinds:
            etype, extra = "equipment.lost", {"equipment": self.equipment[kinds[0]]}
        elif people and "casualties" in self.book.types:
            etype, extra = "casualties", {"subtype": "mixed"}
        else:
            return []
        base = self._mention(doc, sc, (trig, trig), etype, None, None)
        base = replace_fields(base, **extra, target=None, actor=None)
        out = [replace_fields(base, count=Count(total, qualifier is not None, qualifier),
                              aggregate=True)]
        if increase is not None:
            out.append(replace_fields(base, count=Count(increase, False, None), date=daily,
                                      aggregate=False))
        return out

    def _trigger_phrases(self) -> list[Phrase]:
        return list(dict.fromkeys(p for p, _ in self.triggers))

    def _guarded(self, sc: Sentence, first: int) -> bool:
        """A threat, attempt, goal or condition just before the trigger: no event."""
        return has_phrase(sc.words, (phrase(p) for p in self.lex.not_event_before),
                          max(0, first - GUARD), first)

    def _guarded_after(self, sc: Sentence, first: int, last: int) -> bool:
        """'о поражении России в войне': a trigger word that is no event with one of its
        words of another sense (lexicon ``not_event_after``) just after the trigger."""
        after = {w for k in range(first, last + 1) for f in sc.words[k].forms
                 for w in self.lex.not_event_after.get(f, ())}
        return bool(after) and has_phrase(sc.words, (phrase(p) for p in after), last + 1,
                                          min(len(sc.words), last + 1 + GUARD))

    def _out_of_shelter(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'вийшли з укриття з піднятими руками', 'вышли из блиндажа': "выйти из" with a
        common noun after the preposition leaves a shelter or a building, no place held;
        a withdrawal needs a place there ("вышли из Авдеевки", "из города")."""
        words = sc.words
        k = trig[1] + 1
        if words[trig[1]].lower not in self.lex.origin_preps or k >= len(words):
            return False
        nxt = words[k]
        kinds = self.lex.town_nouns | self.lex.region_nouns
        return nxt.text.islower() and not nxt.forms & kinds and \
            not any(j == k for j, _ in sc.places)

    def _ground_assault(self, sc: Sentence, first: int, last: int) -> bool:
        """'ворог шість разів атакував позиції наших підрозділів', 'противник атакував 19
        разів поблизу Іванопілля': a verb of attacking whose object is positions, or a place
        near which, is an assault on the ground, no strike on the place (decision 470)."""
        words = sc.words
        if not words[first].forms & self.lex.assault_verbs:
            return False
        k = last + 1
        got = number_at(words, k, self.lex) if k < len(words) else None
        if got is not None:
            k = got[1] + 1 + (got[1] + 1 < len(words)
                              and bool(words[got[1] + 1].forms & self.lex.strike_nouns))
        if k < len(words) and words[k].forms & self.lex.own_words:
            k += 1  # "атакував наші позиції"
        if k < len(words) and not words[k].forms & self.lex.assault_marks and \
                "PREP" in parse_tags(words[k].text, self.lex.lang):
            k += 1  # "атакував у районі"
        return k < len(words) and bool(words[k].forms & self.lex.assault_marks)

    def _damaged_by(self, sc: Sentence, first: int, last: int) -> bool:
        """'виносив техніку з пошкодженої обстрілом квартири', 'поврежденного обстрелами
        дома': a strike told in an attribute, as the cause of a damage, is a past strike
        in passing, no event (neither the participle nor the strike noun; decision 257).
        "Дома повреждены обстрелом" (a short form, the sentence's own news) stays one."""
        words, lang = sc.words, self.lex.lang

        def attributive(k: int) -> bool:
            tags = parse_tags(words[k].text, lang)
            return "PRTF" in tags or {"ADJF", "pssv"} <= tags

        def by_strike(k: int) -> bool:
            return "ablt" in parse_tags(words[k].text, lang) and bool(
                words[k].forms & self.lex.strike_nouns)

        return (first > 0 and by_strike(first) and attributive(first - 1)) or (
            last + 1 < len(words) and attributive(first) and by_strike(last + 1))

    def _of_trigger(self, doc: Document, sc: Sentence, story: Story, trig: tuple[int, int],
                    etype: str, typed: list[tuple[int, int, str]]) -> list[EventMention]:
        et = self.book.types[etype]
        if etype == "territory.captured":
            taken = self._settlements_taken(doc, sc, story, trig)
            if taken is not None:
                return taken
        places = self._places_for(sc, trig, etype, typed, story)
        if etype == "territory.withdrawn" and places and story.fought is not None and \
                self._preposition(sc, sc.places[[p for _, p in sc.places].index(places[0])][0]
                                  ) in self.lex.destination_preps:
            # "зачистили центр Нью-Йорка. Противник откатывается к Торецку": a retreat
            # toward a town leaves the place fought over (decision 207)
            places = [story.fought]
        if etype == "strike" and not places and (told := self._placeless(doc, sc, trig)):
            return told  # "Противник завдав 41 авіаційного удару" (decision 427)
        if (et.place_required and not places and not (
                (etype in self.lex.object_places or etype == "strike") and
                self._unknown_village(sc, trig))) or (
                etype == "territory.withdrawn" and self._out_of_shelter(sc, trig)):
            return []
        obj = trig[1] + 1
        fig = number_at(sc.words, obj, self.lex) if obj < len(sc.words) else None
        obj = fig[1] + 1 if fig is not None else obj  # "відбили дві атаки": past the figure
        # past quotes, adjectives and "all": "вихід Росії із «зернової угоди»" (decision
        # 338), "відбили всі штурми" (decision 471)
        while obj < len(sc.words) and (not any(c.isalnum() for c in sc.words[obj].text) or
                                       parse_tags(sc.words[obj].text, self.lex.lang)
                                       & {"ADJF", "NPRO"}):
            obj += 1
        if etype in self.lex.object_places and obj < len(sc.words) and (
                sc.words[obj].forms & self.lex.not_objects or (
                    etype == "territory.captured" and sc.words[obj].forms & self.lex.field_nouns)):
            # "отбили атаку у Красногоровки", "відбили дві атаки поблизу Білої Гори"; "заняли
            # позиции у X" takes no town, where "оставили позиции у X" leaves it (decision 471)
            return []
        within = sc.words[trig[0]:trig[1] + 1]
        if etype == "property.looted" and any(w.forms & self.lex.goods_verbs for w in within) \
                and not any(w.forms & self.lex.goods_nouns for w in within) and \
                not self._goods_taken(sc, trig):
            return []  # "забрали двох чоловіків": taking people is no looting
        if etype == "civilians.evacuated" and "property.looted" in self.book.types and \
                self._goods_taken(sc, trig):
            # "вивезли з порту Бердянська 15 тисяч тонн зерна": goods taken, not people
            base = self._mention(doc, sc, trig, "property.looted", places[0] if places
                                 else None, self._count(sc, trig, "property.looted"))
            return [replace_fields(base, actor=self._party(sc, trig, before=True))]
        if et.needs_people and not self._people_near(sc, trig):
            return []  # "вывезли экспонаты": no people, no evacuation
        if any(w.forms & self.lex.departure_verbs for w in within) and \
                not self._left_counted(sc, trig):
            return []  # "власники яких виїхали", "закликали виїхати": no evacuation told
        if any(w.forms & self.lex.sending_verbs for w in within) and not self._to_rest(sc, trig):
            return []  # "направили войска": sending is an evacuation to rest only (428)
        if etype == "equipment.lost":
            return self._equipment_of_trigger(doc, sc, story, trig, typed, places)
        lost: list[EventMention] = []
        if etype == "casualties" and sc.words[trig[0]].forms & (
                self.lex.tally_words | self._loss_verbs) and "equipment.lost" in self.book.types:
            # "потери ВСУ составили до 465 военнослужащих, танк и четыре боевые
            # бронированные машины": the equipment listed after a loss noun is lost too
            lost = self._equipment(doc, sc, trig, places, people=False,
                                   hi=len(sc.words), kind="equipment.lost")
        count = None
        if etype in ("casualties", "civilians.evacuated", "personnel.surrendered",
                     "passport.issued", "property.looted"):
            got = self._count(sc, trig, etype)
            if got is None and et.needs_count and not (
                    etype == "casualties" and trig[0] > 0
                    and sc.words[trig[0] - 1].forms & self.lex.there_are):
                return lost
            count = got
        venue = None
        if etype == "passport.issued":
            places, venue = self._passport_places(sc, story, places)
        base = self._mention(doc, sc, trig, etype, places[0] if places else None, count)
        if count is not None and self._date_for(sc, trig).precision in ("range", "month",
                                                                         "year"):
            # a figure over a period: a tally ("в октябре паспорта получили 1,8 тысячи": a
            # month's, decision 330)
            base = replace_fields(base, aggregate=True)
        if lost:
            return [base, *lost]
        if etype == "civilians.evacuated" and self._routine(sc, trig, base):
            return []  # "волонтёры вывозят людей каждый день": a routine (decision 364)
        if venue is not None:
            base = replace_fields(base, venue=venue)
        named: list[Place] = []
        if etype == "strike":
            tally = self._strike_count(sc, trig)
            if tally is not None:
                base = replace_fields(base, count=tally, aggregate=True)
            # "ударов по 41 населённому пункту области, в том числе по Херсону и Белозерке":
            # the places listed after "in particular" are strikes of their own
            named = [p for p in self._included(sc, trig[1] + 1) if p not in places]
        own = [replace_fields(base, place=p, count=None, aggregate=False) for p in named]
        return ([replace_place(base, p) for p in places] if len(places) > 1 else [base]) + own

    def _equipment_of_trigger(self, doc: Document, sc: Sentence, story: Story,
                              trig: tuple[int, int], typed: list[tuple[int, int, str]],
                              places: list[Place]) -> list[EventMention]:
        """The equipment a loss trigger tells of, or the strike on a facility it hit."""
        if any(w.forms & self.lex.debris_nouns for w in sc.words[max(0, trig[0] - 2):trig[0]]):
            return []  # "обломками сбитого дрона повреждены дома": the debris's strike
        if "strike" in self.book.types and self._facility_hit(sc, trig):
            # "уразили нафтовий термінал", "поразили нефтебазу": a facility hit is a strike
            # on it, not equipment lost
            hit = self._places_for(sc, trig, "strike", typed, story)
            return [self._mention(doc, sc, trig, "strike", hit[0] if hit else None, None)]
        return self._approached(doc, sc, trig, self._equipment(doc, sc, trig, places)
                                or self._share_of_them(doc, sc, trig, places, story))

    def _approached(self, doc: Document, sc: Sentence, trig: tuple[int, int],
                    made: list[EventMention]) -> list[EventMention]:
        """'три беспилотника были сбиты на подлёте к Елабуге', 'збиті на підльоті до Одеси':
        what was shot down approaching a town was lost there, in an attack on it (a strike
        at the town)."""
        marks = find_phrases(sc.words, (phrase(p) for p in self.lex.approach), trig[1] + 1)
        town = next((p for _, last, _ in marks[:1] for k, p in sc.places
                     if last < k <= last + 2), None)
        if town is None and made and all(m.place is not None and m.place.kind == "city"
                                         and m.equipment in _AIRBORNE for m in made):
            # "подавлен средствами РЭБ над Алексином": over a town, an attack on it
            over = find_phrases(sc.words, (phrase(p) for p in self.lex.overhead))
            town = next((p for _, last, _ in over for k, p in sc.places
                         if k == last + 1 and p == made[0].place), None)
        if town is None or not made or "strike" not in self.book.types:
            return made
        return [*(replace_place(m, town) for m in made),
                self._mention(doc, sc, trig, "strike", town, None)]

    def _included(self, sc: Sentence, lo: int) -> list[Place]:
        """The places listed right after a word of 'in particular' ('в том числе',
        'зокрема') or of a part ('среди них Херсон, Белозёрка'; decision 430) at or after
        word ``lo``."""
        marks = find_phrases(sc.words, (phrase(p) for p in (
            *self.lex.including, *self.lex.subset_markers)), lo)
        if not marks:
            return []
        at = marks[0][1]
        after = [(k, p) for k, p in sc.places if at < k <= at + 4]
        if not after:
            return []
        listed = _listed(sc.words, [(k, p) for k, p in sc.places if k >= after[0][0]])
        sc.included.extend(listed)
        return listed

    def _strike_count(self, sc: Sentence, trig: tuple[int, int]) -> Count | None:
        """'98 разів обстріляли', 'нанесли 412 ударов': the figure of what a strike counts
        (the trigger's own noun included), else of the settlements it hit."""
        lo, hi = max(0, trig[0] - 3), min(len(sc.words), trig[1] + 4)
        for wanted in (self.lex.strike_nouns, self.lex.strike_settlements):
            for k in range(lo, hi):
                if k in sc.used_counts or (k > 0 and number_at(sc.words, k - 1, self.lex)):
                    continue
                got = number_at(sc.words, k, self.lex)
                if got is None or got[1] + 1 >= len(sc.words) or (
                        _YEAR.match(sc.words[k].text) and got[0] > 1900):
                    continue
                if sc.words[got[1] + 1].forms & self.lex.months.keys():
                    continue  # "у ніч на 4 липня дрони атакували": a day, not a count
                # the noun right after the figure, or after one adjective ("ударними")
                after = sc.words[got[1] + 1:got[1] + 3]
                if any(w.forms & wanted for w in after):
                    sc.used_counts.add(k)
                    qualifier = next((q for n in (2, 1) if k - n >= 0 and (q := (
                        self.lex.count_qualifiers.get(" ".join(
                            w.lower for w in sc.words[k - n:k]))))), None)
                    return Count(got[0], qualifier is not None, qualifier)
        return None

    def _placeless(self, doc: Document, sc: Sentence, trig: tuple[int, int]
                   ) -> list[EventMention]:
        """'Противник завдав 41 авіаційного удару', 'зафіксовано влучання на 9 локаціях': a
        day's tally of strikes over the whole front or country, in a sentence naming no
        place, as a strike with no place (decision 427); else none."""
        if sc.places or sc.unresolved:
            return []
        tally = self._placeless_tally(sc, trig)
        if tally is None:
            return []
        return [replace_fields(self._mention(doc, sc, trig, "strike", None, None),
                               count=tally, aggregate=True)]

    def _to_rest(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'120 детей отправлены в лагеря', 'направили на оздоровление': a place of rest
        within eight words of a verb of sending (decision 428)."""
        return any(w.forms & self.lex.rest_places
                   for w in sc.words[max(0, trig[0] - 8):trig[1] + 9])

    def _placeless_tally(self, sc: Sentence, trig: tuple[int, int]) -> Count | None:
        """'завдав 41 авіаційного удару', 'влучання ракет і БпЛА на девʼяти локаціях': a
        figure, not yet used, of a noun of strikes themselves (one adjective between) near
        the trigger, or after it; None when there is none."""
        lo, hi = max(0, trig[0] - 3), min(len(sc.words), trig[1] + 9)
        for k in range(lo, hi):
            got = number_at(sc.words, k, self.lex)
            if got is None or k in sc.used_counts or (k > 0 and number_at(sc.words, k - 1,
                                                                          self.lex)):
                continue
            if any(w.forms & self.lex.strike_tally_nouns
                   for w in sc.words[got[1] + 1:got[1] + 3]):
                sc.used_counts.add(k)
                qualifier = self.lex.count_qualifiers.get(sc.words[k - 1].lower) \
                    if k > 0 else None
                return Count(got[0], qualifier is not None, qualifier)
        return None

    def _facility_hit(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """Whether a noun of a facility ("термінал", "нефтебаза", "подстанция") is the
        object of a verb of destroying, within three words after it and before any
        equipment named after it."""
        for k in range(trig[1] + 1, min(len(sc.words), trig[1] + 4)):
            if sc.words[k].forms & self.lex.facility_nouns:
                return True
            if find_phrases(sc.words, self.equipment, k, k + 1):
                return False
        return False

    def _goods_taken(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """Whether a noun of goods ("зерно", "оборудование", "экспонаты") is what the
        verb took, the first of goods and people after it."""
        for w in sc.words[trig[1] + 1:trig[1] + 10]:
            if w.forms & self.lex.people_nouns:
                return False
            if w.forms & self.lex.goods_nouns:
                return True
        return False

    def _routine(self, sc: Sentence, trig: tuple[int, int], made: EventMention) -> bool:
        """'Волонтёры вывозят людей каждый день', 'продолжаем вывозить': a verb of taking
        people out with no figure near it, in a sentence that plans nothing ('вивозити дітей
        ... почнуть із понеділка'), tells a routine, no event (decision 364)."""
        if not any(w.forms & self.lex.routine_verbs for w in sc.words[trig[0]:trig[1] + 1]):
            return False
        lo, hi = max(0, trig[0] - 4), min(len(sc.words), trig[1] + 5)
        figure = any(number_at(sc.words, k, self.lex) is not None or any(
            c.isdigit() for c in sc.words[k].text) for k in range(lo, hi))  # "по 20–30"
        return made.count is None and made.modality != "planned" and not figure and \
            not any(surely_future(w.text, self.lex.lang) for w in sc.words)

    def _left_counted(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'З громади виїхали 64 людини', 'ещё 120 человек выехали': a verb of leaving, not
        an infinitive, counted by a figure of people near it, tells how many left
        (decision 362)."""
        if any("INFN" in parse_tags(w.text, self.lex.lang)
               for w in sc.words[trig[0]:trig[1] + 1]):
            return False
        got = count_near(sc.words, trig, self.lex, self.lex.people_nouns, window=4,
                         used=sc.used_counts)
        return got is not None and not any(
            w.text in ("%", "відсотків", "процентов") for w in sc.words[got[1]:got[1] + 2])

    def _people_near(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """Whether the trigger is about people: a people noun near it, a place right after
        it, or settlements right after it ("евакуацію ще 11 населених пунктів": their
        people)."""
        lo, hi = max(0, trig[0] - 6), min(len(sc.words), trig[1] + 7)
        return any(w.forms & self.lex.people_nouns for w in sc.words[lo:hi]) or any(
            w.forms & self.lex.strike_settlements for w in sc.words[trig[1] + 1:trig[1] + 5]) or \
            bool(sc.places and trig[1] + 1 < len(sc.words)
                 and any(k in (trig[1] + 1, trig[1] + 2) for k, _ in sc.places))

    def _count(self, sc: Sentence, trig: tuple[int, int], etype: str) -> Count | None:
        # what is taken counts a looting ("отобрали более 400 квартир"; decision 330)
        nouns = self.lex.goods_nouns if etype == "property.looted" else self.lex.people_nouns
        if etype == "casualties" and (risen := self._risen_to(sc, trig)) is not None:
            return risen  # "число пострадавших выросло до семи" (decision 372)
        if etype == "casualties" and (listed := self._people_list(sc, trig)) is not None:
            return listed  # "ранены водитель и трое пассажиров" (decision 424)
        if etype == "casualties" and self._one_person(sc, trig):
            return Count(1, False, None)  # "загинув чоловік", "Водитель погиб"
        # a loss noun's figure may come after a long genitive ("потери ВСУ в зоне
        # ответственности группировки составили до 465 военнослужащих")
        nxt = trig[1] + 1
        if any(k == nxt + 1 for k, _ in sc.places) and \
                "PREP" in parse_tags(sc.words[nxt].text, self.lex.lang):
            # "пострадавших в Таганроге трое": past the place the toll is told of (469)
            nxt += 1
            while nxt < len(sc.words) and sc.words[nxt].text[:1].isupper():
                nxt += 1
        bare = number_at(sc.words, nxt, self.lex) if nxt < len(sc.words) else None
        if bare is not None and nxt not in sc.used_counts and (
                bare[1] + 1 == len(sc.words) or sc.words[bare[1] + 1].text in _STOPS):
            # "поранені 15, серед них троє дітей": the figure right after the trigger
            sc.used_counts.add(nxt)
            return Count(bare[0], False, None)
        if etype == "passport.issued":
            # "выдали 410 паспортов", "видано 410 паспортів жителям Каховки": the figure of
            # passports inside the trigger counts them, though people are named after it
            for k in range(trig[0] + 1, trig[1]):
                fig = number_at(sc.words, k, self.lex)
                if fig is not None and fig[1] + 1 == trig[1] and k not in sc.used_counts \
                        and sc.words[trig[1]].forms & self.lex.passport_nouns:
                    sc.used_counts.add(k)
                    qualifier = self.lex.count_qualifiers.get(sc.words[k - 1].lower)
                    return Count(fig[0], qualifier is not None, qualifier)
        wide = _TALLY_REACH if sc.words[trig[0]].forms & self.lex.tally_words else 6
        got = count_near(sc.words, trig, self.lex, nouns, window=wide, used=sc.used_counts) \
            or count_near(sc.words, trig, self.lex, None, window=2, used=sc.used_counts)
        if got is None or self._counts_settlements(sc, got[1]):
            return None  # "евакуацію 11 населених пунктів": settlements, not people
        sc.used_counts.add(got[1])
        return got[0]

    def _risen_to(self, sc: Sentence, trig: tuple[int, int]) -> Count | None:
        """'Число пострадавших в городе выросло до семи', 'кількість загиблих зросла до
        шести': a verb of rising up to four words after the trigger, then 'до' and a figure:
        the toll is that figure (decision 372)."""
        words = sc.words
        for k in range(trig[1] + 1, min(len(words) - 2, trig[1] + 5)):
            if words[k].text in _STOPS:
                return None
            if words[k].forms & self.lex.rise_verbs and words[k + 1].lower == "до":
                got = number_at(words, k + 2, self.lex)
                if got is None or k + 2 in sc.used_counts:
                    return None
                sc.used_counts.add(k + 2)
                sc.risen = True
                return Count(got[0], False, None)
        return None

    def _counts_settlements(self, sc: Sentence, k: int) -> bool:
        """Whether the figure at word ``k`` counts settlements ("11 населених пунктів")."""
        got = number_at(sc.words, k, self.lex)
        after = sc.words[got[1] + 1:got[1] + 3] if got else []
        return any(w.forms & self.lex.strike_settlements for w in after)

    def _passport_places(self, sc: Sentence, story: Story, places: list[Place]
                         ) -> tuple[list[Place], Place | None]:
        """Passports: the home of the people given them ("жителям Херсонщини", "жителей
        Запорожской области"; "в регионе" and "жителей республики" are the region named
        before) is the place, a town named with them the venue; the country of "паспорта
        РФ" is neither."""
        w = sc.words
        own = [(k, p) for k, p in sc.named if not (
            p.kind == "country" and k > 0 and w[k - 1].forms & self.lex.passport_nouns)]
        home: Place | None = None
        homes: list[Place] = []
        for k, word in enumerate(w):
            if word.forms & self.lex.resident_nouns:
                after = [i for i, (j, _) in enumerate(own) if k < j <= k + 2]
                if after:
                    # "жителей ДНР, ЛНР, Запорожской и Херсонской областей": each region;
                    # "жителей Селидова, Новогродовки и Украинска": each town (decision 211)
                    homes = [p for p in _listed(w, own[after[0]:]) if p.kind != "country"]
                    home = own[after[0]][1]
                    break
                if k + 1 < len(w) and w[k + 1].forms & self.lex.region_nouns:
                    home = story.region
                    break
            if word.forms & self.lex.region_nouns and k > 0 and \
                    w[k - 1].lower in ("в", "у", "по") and story.region is not None:
                home = story.region  # "в регионе получили"
                break
        if home is None:
            # a country is no home of the people given passports ("у МВС РФ заявили, що
            # жителям нових регіонів видали ...": the body's country; decision 172)
            return [p for p in places if p.kind != "country"] or [
                p for k, p in own if (k, p) in sc.places and p.kind != "country"][:1], None
        venue = next((p for _, p in own if p.kind == "city" and p != home
                      and p not in homes), None)
        return (homes if len(homes) > 1 else [home]), venue

    def _people_list(self, sc: Sentence, trig: tuple[int, int]) -> Count | None:
        """'погибли водитель и пассажирка', 'ранены водитель и трое пассажиров', 'поранено
        водія та трьох пасажирок', 'мужчина 43 лет и женщина 68 лет ранены': people named
        one by one in a list right after the trigger or right before it, one of them at
        least a noun in the singular with no figure, count one each and their figures
        (decision 424); None for any other trigger."""
        words = sc.words
        got = self._listed_people(words, trig[1] + 1)
        if got is not None and not any(k in sc.used_counts for k in got[1]):
            sc.used_counts.update(got[1])
            return Count(got[0], False, None)
        for start in range(max(0, trig[0] - 10), trig[0]):
            got = self._listed_people(words, start, end=trig[0])
            if got is not None and not any(k in sc.used_counts for k in got[1]):
                sc.used_counts.update(got[1])
                return Count(got[0], False, None)
        return None

    def _listed_people(self, words: Sequence[Word], k: int, end: int | None = None
                       ) -> tuple[int, list[int]] | None:
        """The sum and figures' word indices of a list of two people or more starting at
        word ``k`` (ending right before ``end`` when given), joined by "и", "і", "та", "й" or
        a comma; None when there is no such list or it names none singly."""
        lang, total, items, bare, figures = self.lex.lang, 0, 0, False, []
        while k < len(words):
            fig = number_at(words, k, self.lex)
            at = k
            if fig is not None:
                k = fig[1] + 1
            while k < len(words) and (parse_tags(words[k].text, lang) & {"ADJF", "PRTF"}
                                      or _AGE_WORD.match(words[k].text)):
                k += 1  # "67-летняя местная жительница"
            if k >= len(words) or not words[k].forms & self.lex.people_nouns:
                break
            if fig is None and not _singular(parse_tags(words[k].text, lang)):
                return None  # "погибли мирные жители": how many is not told
            total, items, bare = total + (fig[0] if fig else 1), items + 1, bare or not fig
            figures += [at] if fig else []
            k += 1
            age = number_at(words, k, self.lex) if k < len(words) else None
            if age is not None and age[1] + 1 < len(words) and \
                    words[age[1] + 1].forms & self.lex.year_nouns:
                k = age[1] + 2  # "мужчина 43 лет", "хлопчик 12 років"
            if end is not None and k == end:
                break
            # "двое мирных жителей, мужчина и женщина": what follows a counted item's comma
            # names the same people again
            if k >= len(words) or not (words[k].lower in ("и", "і", "та", "й")
                                       or (words[k].text == "," and not fig)):
                break
            k += 1
        if items < 2 or not bare or (end is not None and k != end):
            return None
        return total, figures

    def _one_person(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'загинув чоловік', 'погибла 67-летняя женщина', 'Водитель погиб': a trigger in
        the singular beside a people noun in the nominative singular (only adjectives
        between, no figure before it) tells of one person."""
        lang = self.lex.lang
        trig_tags = parse_tags(sc.words[trig[0]].text, lang)
        if not (_singular(trig_tags) or "Impe" in trig_tags) or "NOUN" in trig_tags:
            return False
        after = range(trig[1] + 1, min(len(sc.words), trig[1] + 4))
        before = range(trig[0] - 1, max(-1, trig[0] - 4), -1)
        for span in (after, before):
            for k in span:
                w = sc.words[k]
                tags = parse_tags(w.text, lang)
                # "загинув чоловік"; "поранено 56-річного чоловіка" (an impersonal verb's
                # object, in the accusative, which for a person is the genitive's form)
                case = "nomn" in tags or ("Impe" in trig_tags and (
                    "accs" in tags or {"gent", "anim"} <= tags))
                if w.forms & self.lex.people_nouns and case and _singular(tags):
                    j = min(k, trig[0]) - 1 if k < trig[0] else k - 1
                    prev = sc.words[j] if j >= 0 else None
                    return prev is None or number_at(sc.words, j, self.lex) is None or \
                        bool(_AGE_WORD.match(prev.text))
                if not (tags & {"ADJF", "PRTF"} or _AGE_WORD.match(w.text)):
                    break
        return False

    @staticmethod
    def _unknown_village(sc: Sentence, trig: tuple[int, int],
                         after: list[tuple[int, Place]] | None = None) -> bool:
        """Whether the trigger's object is a village the gazetteer lacks, named right after
        it before any known place ("освободили Кліщіївку", "захопили Андріївку в Сумській
        області"): the claim is there, with no place (decision 341)."""
        if after is None:
            after = [(k, p) for k, p in sc.places if trig[1] < k <= trig[1] + AFTER]
        first = min((k for k in sc.unresolved if trig[1] < k <= trig[1] + AFTER), default=None)
        return first is not None and (not after or first < after[0][0])

    def _places_for(self, sc: Sentence, trig: tuple[int, int], etype: str,
                    typed: list[tuple[int, int, str]], story: Story) -> list[Place]:
        """The places tied to a trigger (several when the text lists them)."""
        nxt = min((f for f, _, _ in typed if f > trig[1]), default=len(sc.words))
        # "ракета влучила в будівлю, у Краматорську дрон атакував": a place after the last
        # comma before the next trigger belongs to that trigger's clause
        cut = max((k for k in range(trig[1] + 1, nxt) if sc.words[k].text == ","),
                  default=None)
        if nxt < len(sc.words) and cut is not None and any(cut < k < nxt for k, _ in sc.places):
            nxt = cut
        # "взяли Новогродовку под контроль": a place inside a trigger with a gap is its object
        inner = [(k, p) for k, p in sc.places if trig[0] < k < trig[1]]
        after = inner + [(k, p) for k, p in sc.places if trig[1] < k <= min(trig[1] + AFTER, nxt)]
        if etype == "offensive.launched":
            toward = self._toward(sc, trig)
            if toward:
                return toward  # "начали наступление в направлении Юнаковки"
        if etype in self.lex.object_places and any(p.kind != "country" for _, p in after):
            # "о полном контроле над городом, который в РФ называют Димитровом": a country
            # beside the town taken is no place taken (decision 463)
            after = [(k, p) for k, p in after if p.kind != "country"]
        if etype in self.lex.object_places or etype == "strike":
            if self._unknown_village(sc, trig, after):
                return []  # "освободили Кліщіївку": a village the gazetteer lacks, no namesake
            own = [kp for kp in sc.places if trig[0] - BEFORE <= kp[0] < trig[0] and not any(
                w.text in (",", ";", ":") for w in sc.words[kp[0]:trig[0]])]
            if after and own and all(any(w.text in (",", ";") for w in sc.words[trig[1]:k])
                                     for k, _ in after):
                # "в Броварському районі пошкоджено об'єкт, а в Білій Церкві ...": the place
                # of the trigger's own clause, before it, not the next clause's (decision 337)
                return [_town_within(sc, own[-1])]
            if after:
                # a list goes on past the window ("атакували з артилерії та дронів Нікополь,
                # Марганецьку й Червоногригорівську громади")
                return _listed(sc.words, after + [(k, p) for k, p in sc.places
                                                  if min(trig[1] + AFTER, nxt) < k < nxt])
            # "У Шостці на Сумщині внаслідок атаки": a region right after the town only
            # says where the town is (decision 301)
            before = [_town_within(sc, kp) for kp in sc.places
                      if trig[0] - BEFORE <= kp[0] < trig[0]]
            heading = [story.heading[0]] if story.heading is not None else []
            if etype != "strike":
                # "контролюють близько половини міста": the town named before (decision 369)
                return before[-1:] or (self._bare_town(sc, story, trig)
                                       if etype == "territory.captured" else [])
            return (self._fronted_list(sc, trig) or
                                                          [p for _, p in sc.places][:1] or
                                                          heading or
                                                          self._bare_town(sc, story, trig) or
                                                          self._bare_region(sc, story))
        # a place in the attribution after the claim ("сообщил глава Харьковской области")
        # is the speaker's, not the event's, when the claim has a place of its own
        verb = next((k for k, w in enumerate(sc.words) if k > trig[1]
                     and w.forms & self.lex.speech_verbs), None)
        pool = [kp for kp in sc.places if verb is None or kp[0] < verb] or sc.places
        if etype in ("civilians.evacuated", "property.looted"):
            # "из сёл Шебекинского округа в пункты размещения в Белгороде вывезены", "вивезли
            # до Ростовської області": where people or goods leave from, not where taken
            pool = [kp for kp in pool if self._preposition(sc, kp[0]) in self.lex.origin_preps
                    ] or [kp for kp in pool if self._preposition(sc, kp[0])
                          not in self.lex.destination_preps] or pool
        if etype in ("casualties", "equipment.lost", "property.looted"):
            # "Россия потеряла 930 военных", "троє військових РФ", "власники виїхали на
            # підконтрольну Україні територію": a country with no preposition before it is
            # whose the losses or homes are, not where (decision 201)
            pool = [kp for kp in pool if kp[1].kind != "country" or (kp[0] > 0 and "PREP" in
                    parse_tags(sc.words[kp[0] - 1].text, self.lex.lang))]
        if etype == "casualties":
            # "его доставили в районную больницу, затем перевезут в Белгород": where the
            # wounded are taken for care is no place of the casualty (decision 202)
            pool = [kp for kp in pool if not any(
                w.forms & self.lex.care_verbs for w in sc.words[max(0, kp[0] - 4):kp[0]])]
        # "В Купянске ... ранены две женщины, в Боровой погиб мужчина": a place of the
        # trigger's own clause (no comma between) before a nearer one of the next clause
        clause = [kp for kp in pool if not any(
            w.text in (",", ";") for w in sc.words[min(kp[0], trig[0]) + 1:max(kp[0], trig[1])])]
        near = sorted(clause or pool,
                      key=lambda kp: min(abs(kp[0] - trig[0]), abs(kp[0] - trig[1])))
        if near and etype in ("civilians.evacuated", "property.looted"):
            # "з Добропільської та Білозерської громад евакуювали", "привласнення житла у
            # Пологах і Молочанську" (decision 208): every place of the list
            pos = sc.places.index(near[0])
            while pos > 0 and len(_listed(sc.words, sc.places[pos - 1:pos + 1])) == 2:
                pos -= 1
            return _listed(sc.words, sc.places[pos:])
        if near and etype in ("casualties", "equipment.lost"):
            # "над Брянской, Курской и Орловской областями сбиты 46 беспилотников", "в
            # Белгородской и Курской областях ранены 38": a tally over regions listed
            # together is claimed of each
            pos = sc.places.index(near[0])
            while pos > 0 and len(_listed(sc.words, sc.places[pos - 1:pos + 1])) == 2:
                pos -= 1
            regions = _listed(sc.words, sc.places[pos:])
            if len(regions) > 1 and all(p.kind in ("admin1", "region") for p in regions):
                return regions
        if near:
            return [_town_within(sc, near[0])]
        return self._places_told_before(sc, trig, etype, story)

    def _places_told_before(self, sc: Sentence, trig: tuple[int, int], etype: str,
                            story: Story) -> list[Place]:
        """The place of a trigger whose sentence ties it to none: a heading, a bare noun of
        the region or town, a place pointed back to, the direction, strike or fighting just
        told of."""
        if story.heading is not None:
            return [story.heading[0]]  # "Тёткино. ... Ранены двое сотрудников"
        if bare := self._bare_region(sc, story):
            return bare  # "з прифронтових громад області евакуювали", "над областю збили"
        if bare := self._bare_town(sc, story):
            return bare  # "в городе объявили эвакуацию": the town named before
        if has_phrase(sc.words, (phrase(p) for p in self.lex.sector)):
            return []  # "потери ВСУ в зоне ответственности группировки": a sector, no place
        back = find_phrases(sc.words, (phrase(p) for p in self.lex.this_place))
        if story.place is not None and not sc.places and back:
            # "потери ВСУ на этом направлении": the direction named before, else the place
            front = any(w.forms & self.lex.direction_nouns
                        for f, la, _ in back for w in sc.words[f:la + 1])
            return [story.direction if front and story.direction else story.place]
        if etype in ("casualties", "equipment.lost") and not sc.unresolved and \
                all(p.kind == "country" for _, p in sc.places) and story.front is not None \
                and not has_phrase(sc.words, (phrase(p) for p in self.lex.overall)):
            # "На Новопавлівському напрямку наші захисники зупинили 19 штурмів. Сили оборони
            # знешкодили 87 окупантів": losses told after a sentence about a direction, no
            # place named since, are the direction's (decision 214)
            return [story.front]
        if etype in ("casualties", "equipment.lost", "civilians.evacuated") and \
                story.strike_place is not None and story.strike_place.kind != "country" and \
                not (etype == "equipment.lost" and self._shot_down(sc, trig)):
            # "Жителей одной из улиц временно отселили": people moved out after the strike
            # just told of are moved out of where it hit (decision 202); "запустили по
            # Україні 146 дронів. ППО збила 121": a whole country is no place a loss is tied
            # to, so nothing carries (decision 360); a place the gazetteer lacks ("В Печенегах
            # ранена женщина") is one of those struck, not their region (decision 370)
            last = story.strike_last if sc.unresolved else None
            return [last or story.strike_place]
        if story.town is not None and not sc.places and any(
                (w.forms & self.lex.city_parts and k + 1 < len(sc.words)
                 and sc.words[k + 1].text[:1].isupper()) or self._city_district(sc, k)
                for k, w in enumerate(sc.words)):
            # "з мікрорайону Корабел відселили": a part of the town named before, by a name
            # the gazetteer does not know (decision 329); "у Корабельному районі загинули
            # двоє людей": a district of it (decision 371)
            return [story.town]
        if etype == "personnel.surrendered" and story.fought is not None and \
                not sc.places and not sc.unresolved:
            return [story.fought]  # "в плен сдались девять военнослужащих": where it was fought
        if etype in ("casualties", "equipment.lost") and story.fought is not None and \
                not sc.places and not sc.unresolved and self._repelled(sc):
            # "Відбито вже шість штурмів, ворог утратив два танки": losses in the fighting
            # just told of, at its place
            return [story.fought]
        if etype == "casualties" and story.town is not None and sc.start < story.town_end \
                and not sc.places and not sc.unresolved and \
                not sc.words[trig[0]].forms & self.lex.tally_words and \
                not has_phrase(sc.words, (phrase(p) for p in self.lex.overall)):
            # "У Нікополі загинув чоловік. ... Ще двоє містян отримали поранення": the
            # paragraph goes on telling of the town it named; not a loss tally ("Потери
            # противника — до 470 военнослужащих", "Загалом втрати склали") (decision 363)
            return [story.town]
        if etype == "casualties" and story.town is not None and \
                story.struck == {story.town.geonameid} and not sc.places and \
                not sc.unresolved and not sc.words[trig[0]].forms & self.lex.tally_words and \
                not has_phrase(sc.words, (phrase(p) for p in self.lex.overall)):
            # "Таганрог пережил одну из самых тяжёлых атак. ¶ Губернатор сообщил о двух
            # погибших": the strikes told so far hit one town, the last named, so the dead
            # and wounded of a later paragraph are its (decision 421)
            return [story.town]
        return []

    def _city_district(self, sc: Sentence, k: int) -> bool:
        """'У Корабельному районі', 'в Дарницькому районі': word ``k`` is the noun of a
        district after a capitalised adjective, inside a sentence, that names no place the
        gazetteer knows (a district of a town, decision 371)."""
        words = sc.words
        return bool(k > 1 and words[k].forms & _CITY_DISTRICT_NOUNS
                     and words[k - 1].text[:1].isupper()
                     and "ADJF" in parse_tags(words[k - 1].text, self.lex.lang)
                     and not any(j in (k - 1, k) for j, _ in sc.places))

    def _shot_down(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'Средствами ПВО сбиты ...', 'сили ППО збили', 'протиповітряною обороною збито':
        what air defence shot down, told before the trigger by the noun of a destroyer or a
        kind in the instrumental; it fell nowhere the strike before names."""
        return any(w.forms & self.lex.agent_heads for w in sc.words[:trig[0]]) or any(
            "ablt" in parse_tags(sc.words[f].text, self.lex.lang)
            for f, _, _ in find_phrases(sc.words, self.equipment, 0, trig[0]))

    def _preposition(self, sc: Sentence, k: int) -> str | None:
        """The preposition governing the place at word ``k``, within four words before it
        ("из приграничных сёл Шебекинского", "з Донеччини", "до Ростовської області")."""
        for j in range(k - 1, max(-1, k - 5), -1):
            w = sc.words[j]
            if w.lower in self.lex.origin_preps | self.lex.destination_preps or \
                    "PREP" in parse_tags(w.text, self.lex.lang):
                return w.lower
            if w.text in _STOPS:
                return None
        return None

    def _repelled(self, sc: Sentence) -> bool:
        """Whether the sentence tells of attacks fought off ("відбито штурми", "отразили
        атаки"): a noun of attack (`not_objects`) in it."""
        return any(w.forms & self.lex.not_objects for w in sc.words)

    def _toward(self, sc: Sentence, trig: tuple[int, int]) -> list[Place]:
        """'в направлении Юнаковки', 'в бік Степногірська', 'выход к Орехову': the place an
        offensive is aimed at, written after a word of direction after the trigger."""
        marks = find_phrases(sc.words, (phrase(p) for p in self.lex.toward), trig[1] + 1)
        for _, last, _ in marks:
            got = [(k, p) for k, p in sc.places if last < k <= last + 2]
            if got:
                return _listed(sc.words, [(k, p) for k, p in sc.places if k >= got[0][0]])
        return []

    def _settlements_taken(self, doc: Document, sc: Sentence, story: Story,
                           trig: tuple[int, int]) -> list[EventMention] | None:
        """'освободили более 300 населённых пунктов', 'зайняли 79 населених пунктів',
        'занял 31 населённый пункт области': a count of settlements taken is one tally, at
        the region named with them (each of the regions listed: "в ДНР, Запорожской и
        Днепропетровской областях"; or pointed back to by 'области'), else at no place."""
        got = count_near(sc.words, trig, self.lex, self.lex.strike_settlements, window=4,
                         used=sc.used_counts)
        if got is None or got[1] < trig[1]:
            return None
        count, k = got
        sc.used_counts.add(k)
        # "48 населённых пунктов в ДНР", "сім населених пунктів і понад 160 квадратних
        # кілометрів території Донецької області": the region within the clause of the count
        at = next((i for i, (j, p) in enumerate(sc.named) if k < j <= k + 10
                   and p.kind in ("admin1", "region") and (j <= k + 6 or not any(
                       w.text in _STOPS for w in sc.words[k:j]))), None)
        regions = [p for p in _listed(sc.words, sc.named[at:]) if p.kind in ("admin1", "region")
                   ] if at is not None else []
        if not regions and (not any(p.kind != "country" for _, p in sc.places) or any(
                w.forms & self.lex.region_nouns and w.text.islower()
                for w in sc.words[k + 1:k + 5])):
            # "занял 31 населённый пункт области", or no place at all: the region of the story
            regions = [story.region] if story.region is not None else []
        base = replace_fields(self._mention(doc, sc, trig, "territory.captured",
                                            regions[0] if regions else None, count),
                              aggregate=True)
        # "освободили четыре населённых пункта, в том числе Петропавловку и Кучеровку": the
        # settlements named among those counted are captures of their own
        named = [replace_fields(base, place=p, count=None, aggregate=False)
                 for p in self._included(sc, k + 1) if p not in regions]
        return ([replace_place(base, p) for p in regions] if len(regions) > 1 else [base]) + named

    def _fronted_list(self, sc: Sentence, trig: tuple[int, int]) -> list[Place]:
        """'По Оріхову, Степногірську, Малій Токмачці та Приморському завдали 11
        авіаударів': the places listed right before a strike are each struck (decision 365);
        the last place before it when they are no list."""
        near = [kp for kp in sc.places if trig[0] - BEFORE <= kp[0] < trig[0]]
        if not near:
            return []
        pos = sc.places.index(near[-1])
        while pos > 0 and len(_listed(sc.words, sc.places[pos - 1:pos + 1])) == 2:
            pos -= 1
        listed = _listed(sc.words, sc.places[pos:sc.places.index(near[-1]) + 1])
        # not towns with their region ("Севастополь и Крым"), nor front directions ("на
        # Курському та Білгородському напрямках")
        if len(listed) < 2 or listed[-1] != near[-1][1] or any(
                p.kind in ("admin1", "region", "country") for p in listed) or any(
                w.forms & self.lex.direction_nouns for w in sc.words[near[-1][0]:trig[0]]):
            return [_town_within(sc, near[-1])]
        return listed

    def _bare_town(self, sc: Sentence, story: Story, trig: tuple[int, int] | None = None
                   ) -> list[Place]:
        """'ворог ударив по місту', 'обстреляли город' (right after a strike), 'в городе
        объявили эвакуацию' (after a preposition): a bare noun of a town, in a sentence
        naming no place of its own, is the town named before; 'з громади евакуювали' (a
        community in the singular) the community named before (decision 214)."""
        if sc.places or sc.unresolved:
            return []
        community = any(
            w.forms & self.lex.region_parts and w.text.islower() and k > 0
            and "PREP" in parse_tags(sc.words[k - 1].text, self.lex.lang)
            and "plur" not in parse_tags(w.text, self.lex.lang)
            for k, w in enumerate(sc.words))
        centre = story.community or story.town
        if community and centre is not None:
            # "у громаді загинули 23 мирні жителі": the community named before, else the
            # town named before, whose community it is (decision 368)
            return [centre]
        if story.town is None:
            return []
        if trig is not None:
            said = [w for w in sc.words[trig[1] + 1:trig[1] + 3]
                    if w.forms & self.lex.town_nouns and w.text.islower()]
        else:
            said = [w for k, w in enumerate(sc.words)
                    if w.forms & self.lex.town_nouns and w.text.islower() and k > 0
                    and "PREP" in parse_tags(sc.words[k - 1].text, self.lex.lang)]
        if not said:
            return []
        same = [story.town_by_noun[f] for f in said[0].forms & story.town_by_noun.keys()]
        return same[:1] or [story.town]

    def _bare_region(self, sc: Sentence, story: Story) -> list[Place]:
        """'из прифронтовых громад области', 'над территорией области', '18 населённых
        пунктов региона', 'з прифронтових громад евакуйовано' (communities in the plural): a
        sentence naming no place of its own that says 'the region' with a bare noun refers
        to the region named before."""
        # "за даними Херсонської ОВА, з громад області евакуювали": the region an office
        # of the same sentence names, else the one named before (decision 329)
        region = next((p for k, p in reversed(sc.named) if p.kind in ("admin1", "region")
                       and (k, p) not in sc.places), story.region)
        if region is None or sc.places or sc.unresolved:
            return []
        # the noun of a region's own name ("Ростовской области") says no bare "the region"
        named = {k + 1 for k, _ in sc.named}
        said = any(w.forms & self.lex.region_nouns and w.text.islower() and k not in named
                   and "nomn" not in parse_tags(w.text, self.lex.lang)
                   for k, w in enumerate(sc.words)
                   ) or any(w.forms & self.lex.region_parts and w.text.islower()
                            and "plur" in parse_tags(w.text, self.lex.lang) for w in sc.words)
        return [region] if said else []

    def _equipment(self, doc: Document, sc: Sentence, trig: tuple[int, int],
                   places: list[Place], people: bool = True, hi: int | None = None,
                   kind: str = "equipment.lost") -> list[EventMention]:
        """One mention per kind of equipment named near the trigger (up to word ``hi``);
        people destroyed ("уничтожено до 300 военнослужащих") are casualties."""
        lo = max(0, trig[0] - 4 - self._aside_before(sc, trig[0])) if hi is None else trig[1] + 1
        hi = min(len(sc.words), trig[1] + _KIND_REACH) if hi is None else hi
        kinds = self._equipment_list(sc, lo, hi, trig)
        place = places[0] if places else None
        out: list[EventMention] = []
        for first, last, p in kinds:
            if kind == "equipment.lost" and first in sc.used_items:
                continue
            sc.used_items.add(first)
            got = count_near(sc.words, (first, last), self.lex, None, window=5)
            # "уничтожили 23 из 30 беспилотников", "з 16 ракет збито 12": the share was
            # lost, not the whole the noun is counted by (decision 254)
            figure = got is not None and (self._share_of_whole(sc, first) or (
                got[1] < first and self._counts_kind(sc, got[1], first)))
            count = got[0] if got and figure and got[1] not in sc.used_counts else None
            if got and count:
                sc.used_counts.add(got[1])
            elif not figure and self._one_item(sc, first, last):
                count = Count(1, False, None)  # "сожгли БМП", "знищено броньовану машину"
            m = self._mention(doc, sc, trig, kind, place, count)
            # "всего с начала СВО уничтожены 667 самолётов": a figure over a period, a tally
            m = replace_fields(m, equipment=self.equipment[p], subtype=None,
                               aggregate=count is not None and m.date.precision == "range")
            out.extend([replace_place(m, q) for q in places] if len(places) > 1 else [m])
        if not people:
            return out
        # people lost or destroyed with the equipment ("потеряли 1200 военнослужащих и 12
        # танков", "уничтожено до 300 военнослужащих") are casualties
        got = count_near(sc.words, trig, self.lex, self.lex.people_nouns, window=8,
                         used=sc.used_counts)
        if got is not None and "casualties" in self.book.types:
            sc.used_counts.add(got[1])
            m = self._mention(doc, sc, trig, "casualties", place, got[0])
            m = replace_fields(m, subtype=self._subtype(sc, trig), actor=None,
                               target=self._party(sc, trig, before=False),
                               aggregate=m.date.precision == "range")
            out.extend([replace_place(m, q) for q in places] if len(places) > 1 else [m])
        return out

    def _share_of_them(self, doc: Document, sc: Sentence, trig: tuple[int, int],
                       places: list[Place], story: Story) -> list[EventMention]:
        """'41 из них был сбит над Ростовской областью, 29 — над Воронежской', 'Збито або
        подавлено 87 з них': a share of the equipment of the sentence before, named by a
        pronoun after a preposition of origin, is that kind lost, counted by the figure
        before the preposition (each place after it with its own figure, as listed)."""
        words = sc.words
        at = next((k for k in range(max(0, trig[0] - 6), min(len(words) - 2, trig[1] + 6))
                   if words[k + 1].lower in self.lex.origin_preps
                   and words[k + 2].lower in self.lex.them_words
                   and number_at(words, k, self.lex) is not None), None)
        named = [p for _, last, p in find_phrases(words, self.equipment, 0) if at is not None
                 and last < at]
        kind = self.equipment[named[-1]] if named else story.equipment
        if at is None or kind is None or any(at <= j < at + 3 for j in sc.used_counts):
            return []
        got = number_at(words, at, self.lex)
        assert got is not None
        sc.used_counts.add(at)
        qualifier = figure_qualifier(words, at, self.lex)
        # the places after the share are where it was lost ("над Ростовской областью"), not
        # those of the sentence before it ("запустила по Украине 96 беспилотников; 71 из них")
        where = next((p for k, p in sc.places if k > at and p in places), None)
        m = self._mention(doc, sc, trig, "equipment.lost", where,
                          Count(got[0], qualifier is not None, qualifier))
        return [replace_fields(m, equipment=kind, subtype=None)]

    def _share_of_whole(self, sc: Sentence, first: int) -> bool:
        """Whether the item at word ``first`` is counted as a whole a share is taken of
        ("из 30 беспилотников", "з 16 крилатих ракет"): count_near then gave the share."""
        return any(whole_of_share(sc.words, j, self.lex) and number_at(sc.words, j, self.lex)
                   for j in range(max(0, first - 4), first))

    def _one_item(self, sc: Sentence, first: int, last: int) -> bool:
        """Whether the kind at words ``first``..``last``, with no figure of its own, is one
        item: its first noun in the singular (an abbreviation, "БМП", which shows no number,
        counts as one), and no collective noun ("техника") in it."""
        kind = sc.words[first:last + 1]
        if any(w.forms & self.lex.collective_nouns for w in kind):
            return False
        for w in kind:
            if w.text.isupper() and len(w.text) > 1 and _CYRILLIC_WORD.match(w.text):
                return True
            tags = parse_tags(w.text, self.lex.lang)
            if "NOUN" in tags:
                return _singular(tags)
        return False

    def _aside_before(self, sc: Sentence, k: int) -> int:
        """The length of an aside naming a source, between commas, that ends at most two words
        before word ``k`` ("Ещё три беспилотника, по данным Пасечника, были сбиты"): the
        words before it are as near the trigger as without it. 0 when there is none."""
        end = next((j for j in range(k - 1, max(-1, k - 4), -1) if sc.words[j].text == ","),
                   None)
        if end is None:
            return 0
        start = next((j for j in range(end - 1, max(-1, end - 8), -1)
                      if sc.words[j].text == ","), None)
        if start is None or not has_phrase(sc.words, (phrase(p) for p in
                                                       self.lex.source_markers), start, end):
            return 0
        return end - start + 1

    def _counts_kind(self, sc: Sentence, k: int, first: int) -> bool:
        """Whether the figure at word ``k`` counts the kind of equipment at word ``first``:
        only adjectives between them ("две боевые машины"), not another noun or a comma
        ("до 120 военнослужащих, бронетранспортёр")."""
        got = number_at(sc.words, k, self.lex)
        end = got[1] if got else k
        return all(w.text in _QUOTE_MARKS or w.forms & _MEASURE_NOUNS or (
            parse_tags(w.text, self.lex.lang) & {"ADJF", "PRTF"} and w.text not in _STOPS)
                   for w in sc.words[end + 1:first])

    def _equipment_list(self, sc: Sentence, lo: int, hi: int, trig: tuple[int, int]
                        ) -> list[tuple[int, int, Phrase]]:
        """The kinds of equipment lost, one per item of the list that starts between words
        ``lo`` and ``hi`` and goes on past ``hi`` while each item follows the one before
        ("сбиты три управляемые авиабомбы JDAM, реактивный снаряд ... и 164 беспилотных
        летательных аппарата"). A kind with no comma or conjunction between it and the
        kind before qualifies it ("танков Leopard", "снаряд системы залпового огня HIMARS"),
        and one after "в том числе" is part of the item before: neither is an item. Before an
        active verb a kind is its subject, what destroyed ("морські дрони знищили катер")."""
        words = sc.words
        out: list[tuple[int, int, Phrase]] = []
        prev: int | None = None  # the last word of the kind before, listed or not
        tags = parse_tags(words[trig[0]].text, self.lex.lang)
        found = find_phrases(words, self.equipment, lo)
        active = "VERB" in tags and "Impe" not in tags and (
            not self._fronted(sc, trig) or any(trig[1] < f < hi for f, _, _ in found))
        for first, last, p in found:
            if active and last < trig[0]:
                continue  # "морські дрони знищили катер": the subject of the verb destroyed
            if prev is None and first >= hi:
                break
            if (first > 0 and words[first - 1].forms & self.lex.agent_heads) or \
                    "ablt" in parse_tags(words[first].text, self.lex.lang):
                # "сили ППО знищили", "средствами ПВО уничтожены", "протиповітряною обороною
                # збито": the destroyer, or what it destroyed with
                continue
            if prev is not None and prev < trig[0] and first > trig[1]:
                prev = None  # "операторы FPV-дронов сожгли БМП": the list starts anew
            between = words[prev + 1:first] if prev is not None else []
            if prev is not None and (first - prev > _LIST_GAP or any(
                    w.text in _CLAUSE_ENDS for w in between)):
                break
            joined = prev is None or any(w.text in _ITEM_SEPARATORS for w in between)
            prev = last
            if not joined or has_phrase(words, (phrase(q) for q in self.lex.including),
                                        max(lo, first - 4), first) or any(
                    w.forms & self.lex.other_words for w in between):
                continue  # "25 310 танков и других боевых бронированных машин": one item
            out.append((first, last, p))
        return out

    def _fronted(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'Ще два «шахеди» збили над Стрийським районом': a verb with nothing after it but
        a place, a time or the sentence's end takes the kind before it as its object (the
        subject left unsaid), not as what destroyed, unless a kind is named after the verb
        ("средства ПВО уничтожили над областью 23 беспилотника"; decision 334)."""
        nxt = trig[1] + 1
        if nxt >= len(sc.words) or not any(c.isalnum() for c in sc.words[nxt].text):
            return True
        return bool(parse_tags(sc.words[nxt].text, self.lex.lang) & {"PREP", "ADVB"})

    def _holding(self, doc: Document, sc: Sentence, story: Story) -> list[EventMention]:
        """'X остаётся под контролем ВСУ': a denial of X's capture. Naming no place but a
        bare noun of a town, 'село остаётся серой зоной', 'город остаётся серой зоной' deny
        the capture claimed last, at its place, none when the gazetteer did not know it
        (decision 466)."""
        if "territory.captured" not in self.book.types:
            return []
        place: Place | None
        if sc.places:
            k, place = sc.places[0]
        elif (story.captured is None or not sc.unresolved) and any(
                w.forms & self.lex.town_nouns and w.text.islower() for w in sc.words):
            k, place = 0, story.captured
        else:
            return []
        m = self._mention(doc, sc, (k, k), "territory.captured", place, None)
        return [replace_fields(m, modality="denied", extent=None)]

    def _held(self, doc: Document, sc: Sentence, story: Story) -> list[EventMention]:
        """'Купянск под контролем Сил обороны', 'Это неправда. Город под нашим контролем':
        a town held by the defenders or by the speaker's side is a denial of its capture,
        whether or not a claim was told before; the town is the sentence's own, next to the
        words of holding, else the one whose capture was claimed before. Held by "our"
        forces in a Russian speaker's words, it is a capture claim. A place in Russia held
        by Ukraine's forces is no denial (decision 460)."""
        if "territory.captured" not in self.book.types:
            return []
        first, last, words = find_phrases(
            sc.words, (phrase(p) for p in self.lex.held_by_defenders))[0]
        near = [p for k, p in sc.places if p.kind == "city" and (
            (first - BEFORE <= k < first and not any(
                w.text in (",", ";", ":") for w in sc.words[k:first]))
            or last < k <= last + 3)]
        place = near[0] if near else (story.captured if not sc.places and not sc.unresolved
                                      else None)
        if place is None or place.country == "RU" or place.geonameid in story.denied:
            return []
        m = self._mention(doc, sc, (first, last), "territory.captured", place, None)
        if m.claimant_actor is not None and m.claimant_actor.side == "RU" and \
                set(words) & self.lex.own_words:
            # "«Город полностью под контролем наших подразделений», — заявил ..."
            return [m] if m.modality != "denied" else []
        return [replace_fields(m, modality="denied", extent=None)]

    def _mention(self, doc: Document, sc: Sentence, trig: tuple[int, int], etype: str,
                 place: Place | None, count: Count | None) -> EventMention:
        claimant, conduit, ref, refs, words = self._claimant(doc, sc)
        phrase_words = tuple(w.lower for w in sc.words[trig[0]:trig[1] + 1])
        subtype = self._subtype(sc, trig) if etype == "casualties" else None
        text = sc.text.strip()
        lead = len(sc.text) - len(sc.text.lstrip())
        modality = self._modality(sc, trig, ref)
        if etype == "territory.withdrawn" and modality == "denied" and any(
                sc.words[k].forms & self.lex.negations
                for k in range(max(0, trig[0] - 2), trig[0])):
            # "Мирноград не оставлен": the place is still held, which denies its capture
            # as "остаётся под контролем" does; a denied report of a pullout ("назвали
            # ложью сообщения о выходе ВСУ") stays one (decision 325)
            etype = "territory.captured"
        when = self._date_for(sc, trig)
        if modality == "planned":
            when = self._weekday_ahead(when, doc.published)
        return EventMention(
            doc=doc.id, type=etype, place=place, date=when,
            evidence=Evidence(text, sc.start + lead, sc.start + lead + len(text)),
            modality=modality, subtype=subtype,
            actor=self._party(sc, trig, before=True)
            if etype not in ("casualties", "equipment.lost") else None,
            target=self._party(sc, trig, before=False)
            if etype in ("casualties", "equipment.lost") else None,
            count=count, claimant=claimant, conduit=conduit,
            extent=self._extent(sc, trig) if etype == "territory.captured" else None,
            claimant_actor=ref, conduit_actors=refs, claimant_text=words,
            lang=self.lex.lang,
            trigger=(sc.words[trig[0]].start, sc.words[trig[1]].end) if phrase_words else None)

    def _claimant(self, doc: Document, sc: Sentence) -> tuple[
            str | None, tuple[str, ...], ActorRef | None, tuple[ActorRef | None, ...],
            str | None]:
        c = sc.claim.claimant
        if c is None:
            return None, (), None, (), None
        day = _day(sc.date) or doc.published
        name, ref = actor_ref(self.actors.registry, self.actors.holder(c, day), day)
        # "в разговоре с «Известиями»" in Izvestia: the outlet that publishes the text
        # relays nothing through itself (decision 419)
        own = self.actors.registry.claimant_actor(doc.outlet, day) if doc.outlet else None
        conduits: list[tuple[str, ActorRef | None]] = [
            actor_ref(self.actors.registry, f.actor, day) for f in sc.claim.conduits
            if own is None or f.actor.id != own["id"]]
        if sc.claim.channel is not None and not conduits:
            conduits.append((sc.claim.channel, None))  # "в своём Telegram-канале"
        return (name, tuple(n for n, _ in conduits), ref, tuple(r for _, r in conduits),
                c.words)

    def _subtype(self, sc: Sentence, trig: tuple[int, int]) -> str:
        for p, st in self.subtypes.items():
            if find_phrases(sc.words, [p], trig[0], trig[1] + 1):
                return st
        return "mixed"

    def _modality(self, sc: Sentence, trig: tuple[int, int], ref: ActorRef | None) -> str:
        w = sc.words
        if any(w[k].forms & self.lex.negations for k in range(max(0, trig[0] - 2), trig[0])) \
                or (self._denial_at(sc) is not None and not self._denied_later(sc, trig)):
            return "denied"
        if has_phrase(w, (phrase(p) for p in self.lex.hedged)):
            return "hedged"
        if has_phrase(w, (phrase(p) for p in self.lex.planned), 0, trig[1] + 1) or \
                self._future_near(sc, trig):
            return "planned"
        if sc.claim.claimant is None:
            if sc.claim.said and any(x.forms & self.lex.media_speakers for x in w):
                return "reported"
            if sc.claim.said and any(x.forms & self.lex.party_speakers for x in w):
                return "claimed"
            return "asserted"
        kind = sc.claim.claimant.actor.kind
        return "reported" if kind in ("media", "analyst", "ngo", "international") else "claimed"

    def _weekday_ahead(self, when: EventDate, published: date | None) -> EventDate:
        """'Вывоз детей начнётся в среду', 'з понеділка запровадять евакуацію': the weekday of
        a planned event is the next one after publication, not the last before it (decision
        275)."""
        day = _day(when)
        if published is None or day is None or day >= published or when.basis != "relative" \
                or when.precision != "day" or not when.surface or not any(
                    f in self.lex.weekdays for f in lemmas(when.surface, self.lex.lang)):
            return when
        return EventDate((day + timedelta(days=7)).isoformat(), "day", "relative", when.surface)

    def _future_near(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'из Днепрорудного начнут вывозить детей', 'з понеділка запровадять обов'язкову
        евакуацію', 'эвакуация начнётся в среду': the trigger, or a verb up to three words
        before it or four after it in its clause, in the future tense makes the event planned
        (an evacuation announced; decision 275)."""
        words, lang = sc.words, self.lex.lang
        lo, hi = max(0, trig[0] - 3), min(len(words), trig[1] + 5)
        for k in range(lo, hi):
            between = words[min(k, trig[0]):max(k, trig[1]) + 1]
            if any(w.text in _CLAUSE_BREAKS for w in between):
                continue
            if surely_future(words[k].text, lang):
                return True
        return False

    def _later_denial(self, doc: Document, sc: Sentence, trig: tuple[int, int],
                      made: list[EventMention]) -> list[EventMention]:
        """The denied mentions of claims a later clause of the sentence denies, with the
        speaker of the denial as claimant."""
        at = self._denial_at(sc) or 0
        after = [f for f in self.actors.actors_in(sc.words) if f.first > trig[1]]
        speaker = min(after, key=lambda f: abs(f.first - at))
        day = _day(sc.date) or doc.published
        name, ref = actor_ref(self.actors.registry, self.actors.holder(speaker, day), day)
        return [replace_fields(m, modality="denied", claimant=name, claimant_actor=ref,
                               claimant_text=speaker.words, conduit=(), conduit_actors=())
                for m in made]

    def _relayed(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'Беседин опроверг заявления Минобороны о том, что Купянск якобы окружён', 'сообщения
        о том, что якобы окружила ..., что «является фейком»': a claim told with a word of
        hedging (at most four words before its trigger) in a sentence that denies it."""
        return self._denial_at(sc) is not None and has_phrase(
            sc.words, (phrase(p) for p in self.lex.hedged), max(0, trig[0] - 4), trig[0])

    def _relayed_claim(self, doc: Document, sc: Sentence, trig: tuple[int, int],
                       made: list[EventMention]) -> list[EventMention]:
        """The hedged mentions of a claim a sentence relays to deny it: its claimant is the
        actor named between the phrase of denial and the claim ("заявления российского
        Минобороны"), none when none is named there; the denial is the speaker's."""
        at = self._denial_at(sc) or 0
        lo = at + 1 if at < trig[0] else 0
        speaker = sc.claim.claimant.actor.id if sc.claim.claimant is not None else None
        owner = next((f for f in self.actors.actors_in(sc.words[lo:trig[0]])
                      if f.actor.id != speaker and f.actor.type != "person"), None)
        day = _day(sc.date) or doc.published
        if owner is None:
            fields: dict[str, object] = {"claimant": None, "claimant_actor": None,
                                         "claimant_text": None}
        else:
            name, ref = actor_ref(self.actors.registry, self.actors.holder(owner, day), day)
            fields = {"claimant": name, "claimant_actor": ref, "claimant_text": owner.words}
        return [replace_fields(m, modality="hedged", conduit=(), conduit_actors=(), **fields)
                for m in made]

    def _own_claim_denied(self, sc: Sentence) -> bool:
        """'Сальдо заявил, что подразделения «полностью контролируют» остров — в ОВА это
        назвали выдумкой': a denial after a clause of another speaker's saying in its own
        sentence denies that clause; when the clause told no event, it denies nothing
        before it (decision 265)."""
        at = self._denial_at(sc)
        if at is None:
            return False
        words = sc.words
        for v in range(at - 1):
            breaks = [k for k in range(v + 2, at) if words[k].text in ("—", "–", ";")]
            if not words[v].forms & self.lex.speech_verbs or not breaks:
                continue
            first = [f.actor.id for f in self.actors.actors_in(words[:v])]
            # the denier is named after the break ("— в ОВА это назвали выдумкой")
            then = [f.actor.id for f in self.actors.actors_in(words[breaks[-1]:])]
            bodies = any(w.forms & (self.lex.body_abbreviations | self.lex.party_speakers)
                         for w in words[breaks[-1]:at])
            if first and (bodies or set(then) - set(first)):
                return True
        return False

    def _denied_types(self, sc: Sentence, trigs: list[tuple[int, int, str]],
                      none_lost: int | None) -> set[str]:
        """The types of claim a denial names: its triggers' ("сообщения о потере Очеретина":
        a town lost is ground, not a toll), its topic nouns' ("о наступлении"), or
        equipment lost for "Жоден наш катер не постраждав" (decisions 266, 267)."""
        if none_lost is not None:
            return {"equipment.lost"}
        types = {"territory.captured" if t == "casualties" and any(
            p.kind == "city" and la < k <= la + 2 for k, p in sc.places) else t
            for _, la, t in trigs}
        if self._denial_at(sc) is not None:
            types |= {t for w in sc.words for f in w.forms
                      if (t := self.lex.denied_topics.get(f)) in self.book.types}
        return types

    @staticmethod
    def _other_side(claims: list[EventMention], ref: ActorRef | None, story: Story
                    ) -> list[EventMention]:
        """'Ни один корабль не получил повреждений', said by the side whose own report the
        claims were (or by its speaker going on): it answers the other side's claims only;
        an outlet telling the denial is no side (decision 267)."""
        going = story.claim.claimant if story.claim is not None else None
        side = ref.side if ref is not None else going.actor.side if going else None
        if ref is not None and ref.kind in ("media", "analyst", "ngo", "international"):
            side = None
        if side is None:
            return claims
        return [m for m in claims if m.claimant_actor is None or m.claimant_actor.side != side]

    def _absent_near(self, sc: Sentence, first: int, last: int, adjacent: bool = False
                     ) -> bool:
        """'Окружения нет', 'Окружения под Курахово нет', 'Загрози оточення наших підрозділів
        у Курській області немає': a word of absence right before the trigger, or after it
        in its clause (no verb or clause break between; decision 266); right beside it only
        when ``adjacent``."""
        words = sc.words
        if first > 0 and words[first - 1].forms & self.lex.absent:
            return True
        for k in range(last + 1, min(len(words), last + (2 if adjacent else 8))):
            if words[k].forms & self.lex.absent:
                return True
            if words[k].text in _CLAUSE_BREAKS or words[k].pos in ("VERB", "AUX"):
                return False
        return False

    def _none_lost(self, sc: Sentence) -> int | None:
        """'Ни один корабль не получил повреждений', 'Жоден наш катер там не постраждав':
        the word index of the kind of equipment a word of none names, when a negation
        follows it within four words; else None (decision 267)."""
        words = sc.words
        for _, la, _ in find_phrases(words, (phrase(p) for p in self.lex.none_words)):
            for k in range(la + 1, min(len(words), la + 4)):
                kinds = find_phrases(words, self.equipment, k, min(len(words), k + 4))
                if kinds and kinds[0][0] == k and any(
                        w.forms & self.lex.negations
                        for w in words[kinds[0][1] + 1:kinds[0][1] + 5]):
                    return k
        return None

    def _denial_at(self, sc: Sentence) -> int | None:
        """The word index of the sentence's phrase of denial, else None."""
        found = find_phrases(sc.words, (phrase(p) for p in self.lex.denied))
        return found[0][0] if found else None

    def _denied_later(self, sc: Sentence, trig: tuple[int, int]) -> bool:
        """'X заявило про захоплення Y, однак у ЗСУ це спростували': the claim is made
        first, and denied after a comma by another speaker (its own mention)."""
        at = self._denial_at(sc)
        return at is not None and at > trig[1] and any(
            w.text == "," for w in sc.words[trig[1]:at]) and any(
            f.first > trig[1] for f in self.actors.actors_in(sc.words[trig[1]:]))

    def _party(self, sc: Sentence, trig: tuple[int, int], before: bool) -> Party | None:
        found = [(f, la, side) for side, ps in self.lex.sides.items()
                 for f, la, _ in find_phrases(sc.words, (phrase(p) for p in ps))]
        if not found:
            return None
        pool = [x for x in found if (x[1] < trig[0]) == before] or found
        f, la, side = min(pool, key=lambda x: min(abs(x[0] - trig[0]), abs(x[1] - trig[1])))
        return Party(" ".join(w.text for w in sc.words[f:la + 1]), side)

    def _extent(self, sc: Sentence, trig: tuple[int, int]) -> str:
        lo, hi = trig[0], min(len(sc.words), trig[1] + AFTER)
        # "Более 70% территории Константиновки находится под контролем ...": what is held
        # is the subject before a trigger of being under control, in its own clause
        # (decision 460)
        stative = "PREP" in parse_tags(sc.words[trig[0]].text, self.lex.lang)
        while stative and lo > max(0, trig[0] - BEFORE) and \
                sc.words[lo - 1].text not in (",", ";", ":"):
            lo -= 1
        partial = has_phrase(sc.words, (phrase(p) for p in self.lex.partial_extent), lo, hi)
        return "partial" if partial else "full"


def _places_of(words: Sequence[Word], places: Sequence[PlaceMention], start: int, end: int,
               actors: Sequence[Found]) -> list[tuple[int, Place | None]]:
    """The places of a sentence by word index (None: a name the gazetteer does not know);
    not those inside an actor's name ("Минобороны России") and not a region written
    right after a town ("в Покровске Донецкой области")."""
    out: list[tuple[int, Place | None]] = []
    prev_end = start
    for m in places:
        if not start <= m.start < end:
            continue
        k = next((i for i, w in enumerate(words) if w.end > m.start), None)
        if k is None or any(f.first <= k <= f.last for f in actors):
            continue
        prev = out[-1][1] if out else None
        if m.place is not None and prev is not None and m.place.kind != "city" \
                and k - out[-1][0] <= 3 and prev.kind == "city" and not any(
                    w.text.isalnum() for w in words[out[-1][0] + 1:k]
                    if w.start >= prev_end and w.forms.isdisjoint(_TOWN_SUFFIX_WORDS)):
            continue
        out.append((k, m.place))
        prev_end = m.end
    return out


def _speaker_id(m: EventMention) -> str | None:
    """The registry id of a mention's claimant, else None."""
    return m.claimant_actor.id if m.claimant_actor is not None else None


def _speaker_of(claim: Claim) -> str | None:
    """The registry id of a claim's claimant (None when it names none)."""
    return claim.claimant.actor.id if claim.claimant is not None else None


def _day_before(told: EventDate | None, published: date | None) -> bool:
    """Whether the story's date is a day (written or relative, not the publication date)
    one to three days before publication."""
    day = _day(told) if told is not None and told.precision == "day" and \
        told.basis in ("explicit", "relative") else None
    return day is not None and published is not None and 0 < (published - day).days <= 3


def _daily(told: EventDate | None, published: date | None) -> bool:
    """Whether a date the article gave is a day written out ("21 березня", "14 июня 2025 г.")
    on the day of publication or the day before: the day a daily statement covers."""
    if told is None or told.value is None or published is None or \
            told.basis != "explicit" or told.precision != "day":
        return False
    return 0 <= (published - date.fromisoformat(told.value)).days <= 1


def _own_paragraph(text: str, sc: Sentence) -> bool:
    """Whether a sentence is a paragraph of its own (blank lines or the text's ends around
    it)."""
    first = sc.start + len(sc.text) - len(sc.text.lstrip())
    last = sc.start + len(sc.text.rstrip())
    return bool(re.search(r"(?:\A|\n[ \t]*\n)\s*\Z", text[:first])
                and re.match(r"\s*\Z|[ \t]*\n[ \t]*\n", text[last:]))


def _revised(found: list[EventMention], made: list[EventMention]) -> list[EventMention]:
    """'У Києві поранено 14 людей. ... Кількість постраждалих зросла до 29': a toll risen to a
    figure, with no place of its own, revises the last one of the same kind told before,
    and is at its place (decision 372)."""
    out = []
    for m in made:
        earlier = next((f for f in reversed(found) if f.type == "casualties" == m.type
                        and f.subtype == m.subtype and f.place is not None), None)
        out.append(replace_place(m, earlier.place) if m.place is None and earlier is not None
                   and earlier.place is not None else m)
    return out


def _strikes_place(strikes: list[Place], region: Place | None) -> Place:
    """Where the strikes of one sentence hit, for the losses told after them: the one
    place, or for several in the region named before ("Під ударами опинилися Бериславщина,
    Антонівка, ..., а також Херсон. ... Одна людина загинула") that region (decision 370);
    else the last."""
    if len({p.geonameid for p in strikes}) > 1 and region is not None and \
            region.kind == "admin1" and all(
                p.country == region.country and p.admin1_code == region.admin1_code
                for p in strikes):
        return region
    return strikes[-1]


def _own_line(text: str, sc: Sentence) -> bool:
    """Whether a sentence is the text's last line, a line of its own."""
    first = sc.start + len(sc.text) - len(sc.text.lstrip())
    return not text[sc.start + len(sc.text):].strip() and \
        bool(re.search(r"(?:\A|\n)[ \t]*\Z", text[:first]))


def _town_within(sc: Sentence, kp: tuple[int, Place]) -> Place:
    """'поблизу Євпаторії в окупованому Криму знищено': a region named right after a town it
    holds (at most three words between, no comma) says where the town is; the town is the
    place."""
    k, p = kp
    if p.kind not in ("admin1", "region"):
        return p
    town = next((q for j, q in reversed(sc.places) if k - 4 <= j < k and q.kind == "city"
                 and q.country == p.country and q.admin1_code == p.admin1_code
                 and not any(w.text in _STOPS for w in sc.words[j:k])), None)
    return town or p


def _district_after(words: Sequence[Word], prev: int, k: int) -> bool:
    """'село Андріївка Ізюмського району', 'Іванівку Синельниківського району': a district
    named right after a place (no word between but the rest of its name) holds it; it is
    no place of the event of its own."""
    return k + 1 < len(words) and bool(words[k + 1].forms & _DISTRICT_NOUNS) and all(
        w.text[:1].isupper() or w.text == "-" for w in words[prev + 1:k])


def _listed(words: Sequence[Word], after: list[tuple[int, Place]]) -> list[Place]:
    """The first place after a trigger and those listed with it ("X, Y и Z")."""
    out = [after[0][1]]
    prev = after[0][0]
    for k, p in after[1:]:
        j = prev + 1
        while j < k and (words[j].text[:1].isupper() or words[j].text == "-"
                         or words[j].forms & _REGION_NOUNS):
            # the rest of a name ("Мала Токмачка", "Ростовською областю", "Новгород-Сіверська")
            j += 1
        between = {w.lower for w in words[j:k]}
        if not between or between <= {",", "и", "і", "та", "й", "а", "также", "також"}:
            out.append(p)
            prev = k
        else:
            break
    return out


# Words between a town and the region holding it ("в Покровске Донецкой области",
# "в городе Покровск Донецкой области"): anything else between, and the region is not the
# town's ("в Скадовске 85 жителей Херсонской области").
# The noun of a region's name, written after its adjective ("Ростовською областю і
# Краснодарським краєм").
_REGION_NOUNS = frozenset({"область", "край", "округ", "республика", "республіка"})
# The noun of a district or community after its adjective ("Ізюмського району").
_DISTRICT_NOUNS = frozenset({"район", "округ", "громада", "община"})
# The noun of a town's district after its adjective ("у Корабельному районі").
_CITY_DISTRICT_NOUNS = frozenset({"район"})
_TOWN_SUFFIX_WORDS = frozenset({"город", "місто", "посёлок", "селище", "село"})
# a running total and the day's increase in brackets: "11 284 (+3)", "925 680 (+1 160)"
_FIGURE = r"(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
_INCREMENT = re.compile(_FIGURE + r"\s*\(\s*\+\s*" + _FIGURE + r"\s*\)")
# a line of a list that opens with a bullet and a figure: "▪️ 2 танки;", "• 31 мотоцикл"
_BULLET_ITEM = re.compile(r"^[^\S\n]*[^\w\s]+[^\S\n]*" + _FIGURE + r"[^\S\n]+(?=[^\W\d_])",
                          re.MULTILINE)
# an item of a tally written after a dash, its increase in brackets or none, and at most a
# unit's word before the item ends: "танков — 11 342 (+3);", "РСЗВ – 1 563 од.", "крылатых
# ракет — 3 880;", "личного состава — около 1 153 740 (+1 060) человек;"
_DASH_ITEM = re.compile(r"[‒–—]\s*(?:[^\W\d_]+\s+)?" + _FIGURE + r"(?:\s*\(\s*\+\s*" + _FIGURE
                        + r"\s*\))?(?=\s*(?:[^\W\d_]+\.?)?\s*(?:[;,.]|$))", re.MULTILINE)
# What flies at a town: brought down over it, it was an attack on the town (decision 206).
_AIRBORNE = frozenset({"drone", "missile", "rocket", "guided bomb"})
_STOPS = frozenset({",", ";", ".", ":", "—", "–", "!", "?", ")"})
# the dashes that stand for the words of the item before ("19 — над Курской"); a hyphen
# typed with spaces too ("29 - над Воронежской", decision 259)
_GAP_DASHES = frozenset({"—", "–", "‒", "-"})
# the types whose counted mention a gapped item goes on with ("19 — над Курской")
_GAPPED_TYPES = frozenset({"equipment.lost", "casualties", "passport.issued",
                           "civilians.evacuated"})
_ITEM_SEPARATORS = frozenset({",", ";", ":", "и", "і", "та", "й"})
# How far after a loss noun its figure of people may come: "Потери противника в зоне
# ответственности группировки войск «Север» за сутки составили до 165 военнослужащих"
# (eval/events_ru_blind3.yaml; 10 missed it).
_TALLY_REACH = 16
# What may stand between a figure and the kind it counts besides adjectives: quotes
# ("19 «шахедів»") and a noun of units ("19 одиниць техніки").
_QUOTE_MARKS = frozenset({"«", "»", '"', "„", "“", "”"})
_MEASURE_NOUNS = frozenset({"одиниця", "единица"})
# How far after a verb of loss the first kind of equipment may come ("оккупанты потеряли 94
# человека убитыми и ранеными, а также два танка"; 10 missed it, eval/events_ru_blind3.yaml).
_KIND_REACH = 12
# How many words one item of a list of equipment may run to the next ("три боевые
# бронированные машины, в том числе бронетранспортёр M113 производства США, и шесть
# автомобилей"), and what ends the list.
_LIST_GAP = 9
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", "—", "–"})
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁІЇЄҐа-яёіїєґ]+$")
_AGE_WORD = re.compile(r"^\d+-?(?:річн|літн|летн)", re.IGNORECASE)


def _surname_of(actor: Actor, index: ActorIndex) -> frozenset[str]:
    """The surnames of a person's Cyrillic aliases of two or more words ("Владимир Рогов":
    "рогов"), as the registry spells them and respelled in the language read ("Беседін",
    "Беседин"), in lower case."""
    names = [a for a in actor.aliases if len(a.split()) > 1 and re.search("[а-яіїєґё]", a.lower())]
    names += [r for a in names if (r := index.respelt(a)) is not None]
    return frozenset(a.split()[-1].lower() for a in names)


def _singular(tags: frozenset[str]) -> bool:
    """A form in the singular (Ukrainian parses give the gender only)."""
    return "plur" not in tags and bool(tags & {"sing", "masc", "femn", "neut"})


def _day(d: EventDate) -> date | None:
    return d.first_day() if d.precision == "day" else None


def replace_place(m: EventMention, place: Place) -> EventMention:
    """The mention at another place."""
    return replace_fields(m, place=place)


def replace_fields(m: EventMention, **changes: object) -> EventMention:
    """The mention with some fields changed."""
    from dataclasses import replace

    return replace(m, **changes)  # type: ignore[arg-type]
