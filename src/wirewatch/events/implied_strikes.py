"""A strike told only through the people it hurt: "Russian shelling killed two people and
wounded six in Kostiantynivka on Tuesday", "a Russian drone killed a man on a bicycle in
Orikhiv". The weapon that is the subject of the verb of killing or wounding struck the
place the casualties are at: a strike mention of its own beside them, told by the same
speaker on the same day (codebook: a strike and the people it hurt are two mentions;
decision 557).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention
from wirewatch.events.syntax import children_of, token_at


def with_implied_strikes(mentions: list[EventMention], parsed: Any, lexicon: Lexicon,
                         strike_words: frozenset[str]) -> list[EventMention]:
    """The mentions, with a strike for each casualties mention of one day in one town whose
    verb has a weapon or a word of striking (``strike_words``: "shelling", "attack") in the
    singular as its subject, where no strike of that place is told in the sentence
    already."""
    out = list(mentions)
    for m in mentions:
        if m.type != "casualties" or m.place is None or m.place.kind != "city" or \
                m.trigger is None or m.modality == "denied" or m.aggregate or \
                m.date.precision != "day":
            continue  # (a region's or a month's toll sums many strikes: no one strike)
        verb = token_at(parsed, m.trigger[0], m.trigger[1])
        if verb is None or verb.pos_ != "VERB" or not _struck_by(verb, lexicon, strike_words):
            continue
        sent = verb.sent
        if any(o.type == "strike" and o.place is not None and
               o.place.geonameid == m.place.geonameid and
               sent.start_char <= o.evidence.start < sent.end_char for o in out):
            continue
        out.append(replace(m, type="strike", subtype=None, count=None, target=None,
                           trigger=None, reference=False))
    return out


def _struck_by(verb: Any, lexicon: Lexicon, strike_words: frozenset[str]) -> bool:
    """Whether the verb's subject (or the subject of the verb it is coordinated with) is a
    weapon or an attack: "Russian shelling killed …", "a drone killed …"."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in children_of(verb)):
        verb = verb.head  # "killed two people and wounded six": the first verb's subject
    subject = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ == "NNS":
        return False  # "Russian attacks killed …", "drones killed …": many strikes
    lemma = subject.lemma_.lower()
    return lemma in lexicon.strike_means or lemma in strike_words
