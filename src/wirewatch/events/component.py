"""The event stage as a spaCy component: ``nlp.add_pipe("wirewatch_events")``.

It runs after ``wirewatch_places`` and leaves the event mentions of the text on
``doc._.wirewatch_events``: the same :class:`EventMention` objects that
``wirewatch.extract`` returns. Its config names the codebook file (``null``: the
bundled one) and the lexicon file (``null``: the bundled one of its ``lang``), so
``nlp.to_disk()`` and ``spacy.load()`` keep them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.events.actors import (
    ActorRegistry,
    outlet_voice,
    spoken_by_outlet,
    told_by_own_outlet,
    with_actors,
)
from wirewatch.events.codebook import Codebook
from wirewatch.events.confidence import load_model as load_confidence_model
from wirewatch.events.confidence import with_confidence
from wirewatch.events.extract import events_in_document
from wirewatch.events.jurisdiction import at_officials_town, in_claimants_area
from wirewatch.events.lemma.lexicon import LemmaLexicon, load_lemma_lexicon, uses_lemma_rules
from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.places.component import document_of, places_of
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.models import PlaceMention

if not Doc.has_extension("wirewatch_events"):
    Doc.set_extension("wirewatch_events", default=None)


def event_places(doc: Doc) -> list[PlaceMention]:
    """Return the place mentions of a doc as the event stage reads them.

    A dateline is where the report was filed, never by itself where an event was; a
    village the gazetteer lacks stays unresolved (its event has no place, decisions 306
    and 341, not the region the text puts it in); a raion of Ukraine, Russia or Belarus
    ("the Kupiansk district", "Куп'янського району") is coded to its seat town, which the
    place stage records on it (decision 11f, as ACLED codes an event in a district;
    decision 100).
    """
    out = []
    mentions = places_of(doc)
    regions = {(m.place.country, m.place.admin1) for m in mentions
               if m.place is not None and m.place.confidence > GUESSED_TOWN_CONFIDENCE}
    for m in mentions:
        if m.dateline:
            continue
        if m.place is not None and m.place.seat is not None:
            m = replace(m, place=m.place.seat)
        if m.place is not None and m.place.kind == "city" and regions and \
                m.place.confidence <= GUESSED_TOWN_CONFIDENCE and \
                (m.place.country, m.place.admin1) not in regions and \
                m.place.candidates >= MANY_NAMESAKES:
            # a town the resolver could only guess, in a region none of the article's
            # sure places is in ("Ternove" in a story on the Dnipropetrovsk region read as
            # the Zakarpattia village): its event has no place rather than a guess
            # (decision 412)
            m = replace(m, place=None)
        out.append(m)
    return out


# The resolver's confidence for a town chosen with nothing in the text that points to it
# (places/resolve.py); set on events_blind21
GUESSED_TOWN_CONFIDENCE = 0.3
# how many namesakes the resolver chose among (``Place.candidates``) make a guess: of two,
# the larger is the one news means (Vovchansk, not the Russian village Volchansk); of four
# or thirteen Sosnivkas, none is more likely
MANY_NAMESAKES = 3


class EventsComponent:
    """Reads event mentions from a parsed doc and its place mentions."""

    def __init__(self, codebook: Codebook, lexicon: Lexicon, actors: ActorRegistry,
                 gazetteer: Gazetteer) -> None:
        self.codebook = codebook
        self.lexicon = lexicon
        self.actors = actors
        self.gazetteer = gazetteer
        # read once: finding the bundled file and checking its version per document cost
        # about 1 ms a document (round 10)
        self.confidence = load_confidence_model()

    def __call__(self, doc: Doc) -> Doc:
        places = event_places(doc)
        source = document_of(doc)
        voice = outlet_voice(self.actors, source.outlet, source.published)
        found = events_in_document(source, doc, places, self.codebook, self.lexicon,
                                   outlet_speaks=voice.speaker is not None,
                                   outlet_side=voice.side)
        found = with_actors(found, self.actors, source.published, self.lexicon.role_words,
                            source.text, installed=self.lexicon.installed_by,
                            governor_titles=self.lexicon.governor_titles)
        # (English: a body's bulletin speaks under its name, without its channel's note;
        # Russian and Ukrainian keep the outlet's string, decision 414)
        found = spoken_by_outlet(found, voice.speaker_name, voice.speaker)
        found = told_by_own_outlet(found, voice.own_media)
        found = in_claimants_area(found, self.actors, self.gazetteer, self.codebook,
                                  source.published)
        found = at_officials_town(found, self.actors, self.gazetteer, source.published)
        doc._.wirewatch_events = with_confidence(found, self.confidence)
        return doc


class LemmaEventsComponent:
    """Reads event mentions from a doc of a language read by lemma rules (Russian,
    Ukrainian: ``events/lemma/``) and its place mentions."""

    def __init__(self, codebook: Codebook, lexicon: LemmaLexicon,
                 actors: ActorRegistry) -> None:
        from wirewatch.events.lemma.attribution import ActorIndex
        from wirewatch.events.lemma.extract import LemmaExtractor

        self.lexicon = lexicon
        self.extractor = LemmaExtractor(codebook, lexicon, ActorIndex(actors, lexicon))
        self.actors = actors
        self.confidence = load_confidence_model()

    def __call__(self, doc: Doc) -> Doc:
        from wirewatch.events.lemma.attribution import outlet_claimant

        places = event_places(doc)
        source = document_of(doc)
        # the outlet that is a speaker of the war speaks what the text tells on no one's
        # word (decisions 160, 215, 414-416)
        named = outlet_claimant(self.extractor.actors, source.outlet, source.published)
        outlet, speaker = named if named is not None else (source.outlet, None)
        found = spoken_by_outlet(self.extractor.events(source, doc, places), outlet, speaker)
        doc._.wirewatch_events = with_confidence(found, self.confidence)
        return doc


@Language.factory(
    "wirewatch_events",
    default_config={"codebook": None, "lang": "en", "lexicon": None, "actors": None},
    requires=["doc._.wirewatch_place_mentions", "token.lemma"],
    assigns=["doc._.wirewatch_events"],
)
def make_events_component(nlp: Language, name: str, codebook: str | None,
                          lang: str, lexicon: str | None = None,
                          actors: str | None = None
                          ) -> EventsComponent | LemmaEventsComponent:
    """Return the event component reading the given codebook file, lexicon file (None:
    the bundled lexicon of ``lang``) and actor registry file (None: the bundled ones);
    a lexicon with ``rules: lemma`` gets the lemma rules."""
    from wirewatch.resources import Settings, actors_for, codebook_for, gazetteer_for

    settings = Settings(codebook=codebook, lang=lang, lexicon=lexicon, actors=actors)
    if uses_lemma_rules(lang, lexicon):
        return LemmaEventsComponent(codebook_for(settings), load_lemma_lexicon(lang, lexicon),
                                    actors_for(settings))
    return EventsComponent(codebook_for(settings), load_lexicon(lang, lexicon),
                           actors_for(settings), gazetteer_for(settings))
