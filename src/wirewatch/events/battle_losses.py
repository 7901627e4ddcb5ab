"""Losses told in the story of an assault: "Russian forces have launched a large-scale
assault towards Orikhiv … Voloshyn said his troops had destroyed 17 armoured vehicles and
three tanks in the first hours". The losses name no place, but the article has told where
the battle is: an army's losses that a later sentence gives with no place of its own are at
the place of the offensive told before them (decision 573). So are the losses told right
after a sentence that tells of a group's attempt to cross or break through at one place
("stopped an attempt by a sabotage group to cross the border in the Sevsk district. Four
saboteurs were killed"; decision 588).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention
from wirewatch.places.models import Place, PlaceMention

OFFENSIVE = "offensive.launched"


def with_battle_places(mentions: list[EventMention], places: Sequence[PlaceMention],
                       text: str, sentences: Sequence[tuple[int, int]], book: Codebook,
                       lexicon: Lexicon) -> list[EventMention]:
    """The mentions, an army's losses with no place in a sentence that names none placed at
    the offensive the article told last before them."""
    offensives = sorted((m for m in mentions if m.type == OFFENSIVE and m.place is not None
                         and m.modality != "denied"), key=lambda m: m.evidence.start)
    soldiers = _words_pattern(book.soldier_nouns)
    out: list[EventMention] = []
    for m in mentions:
        if m.place is not None or m.unlisted_place or not _an_armys_loss(m, book, soldiers):
            out.append(m)
            continue
        here = next((n for n, (s, e) in enumerate(sentences) if s <= m.evidence.start < e),
                    None)
        if here is None or _names_a_place(sentences[here], places, text, lexicon):
            out.append(m)
            continue
        before = [o.place for o in offensives if o.evidence.start < m.evidence.start]
        where = (_attempt_place(sentences[here - 1], places, text, lexicon) if here else
                 None) or (before[-1] if before else None)
        out.append(replace(m, place=where, signals=m.signals | {"place_fallback"})
                   if where is not None else m)
    return out


def _attempt_place(sentence: tuple[int, int], places: Sequence[PlaceMention], text: str,
                   lexicon: Lexicon) -> Place | None:
    """The one place of a sentence (the one right before a loss figure's) that tells of an
    attempt to cross or break through (lexicon ``crossing_attempt``)."""
    start, end = sentence
    if not lexicon.crossing_attempt.search(text[start:end]):
        return None
    named = [p for p in places if start <= p.start < end and p.place is not None and
             not p.dateline and p.place.kind not in ("country", "region")]
    if len({p.place.geonameid for p in named if p.place is not None}) != 1:
        return None
    return named[0].place


@lru_cache(maxsize=8)
def _words_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for a codebook's word list, made once per list, not per document."""
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
        words, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _an_armys_loss(m: EventMention, book: Codebook, soldiers: re.Pattern[str] | None
                   ) -> bool:
    """Whether a mention counts an army's losses: equipment, or soldiers (types whose place
    falls back on the speaker's words only: casualties, equipment)."""
    spec = book.types.get(m.type)
    if spec is None or spec.place_fallback != "speaker":
        return False
    if m.type != "casualties":
        return True
    return soldiers is not None and bool(soldiers.search(m.evidence.text))


def _names_a_place(sentence: tuple[int, int], places: Sequence[PlaceMention], text: str,
                   lexicon: Lexicon) -> bool:
    """Whether a loss figure's sentence names any place (a region, a direction, a village
    the gazetteer lacks) or a grouping's zone ("trophies of the whole group"): a figure left
    without a place there was left so on purpose."""
    start, end = sentence
    return any(start <= p.start < end for p in places) or \
        bool(lexicon.zone_words.search(text[start:end]))
