"""The settlements a tally of captures names as its examples: "Russian forces liberated six
settlements in the Donetsk region over the past week. Among them were X, north of Y, and Z",
"… had taken five villages, including X and Y". Each named settlement is a capture of its
own, claimed by the tally's speaker on the tally's dates (decision 549); the tally stays the
aggregate it is. A settlement only located by the list ("north of Y", "near Y") is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.places.models import PlaceMention

# the words before a name that only locate it: "north of Y", "near Y", "outside Y"
_LOCATING = re.compile(r"\b(?:near|outside|from|towards?|beyond|past)\s+(?:the\s+)?$", re.I)


def with_tally_examples(mentions: list[EventMention], places: Sequence[PlaceMention],
                        text: str, sentences: Sequence[tuple[int, int]], book: Codebook,
                        lexicon: Lexicon) -> list[EventMention]:
    """The mentions, with a mention of its own for each settlement a counted tally of
    settlements names as an example, in its own sentence after an example word or in the
    next sentence when that opens with one ("Among them were …", "They include …")."""
    out = list(mentions)
    for tally in mentions:
        et = book.types.get(tally.type)
        if et is None or et.count != "settlements" or tally.modality == "denied" or \
                tally.count is None or (tally.count.value or 0) < 2:
            continue
        told = {m.place.geonameid for m in out if m.type == tally.type and m.place}
        for pm in _examples(tally, places, text, sentences, lexicon):
            if pm.place is None or pm.place.geonameid in told:
                continue
            told.add(pm.place.geonameid)
            out.append(replace(tally, place=pm.place, count=None, aggregate=False,
                               extent="full" if et.extent else None,
                               evidence=Evidence(text[pm.start:pm.end], pm.start, pm.end),
                               trigger=None, reference=False))
    return out


def _examples(tally: EventMention, places: Sequence[PlaceMention], text: str,
              sentences: Sequence[tuple[int, int]], lexicon: Lexicon) -> list[PlaceMention]:
    """The towns a tally names as its examples, in the text's order."""
    here = next((i for i, (s, e) in enumerate(sentences) if s <= tally.evidence.start < e),
                None)
    if here is None:
        return []
    start, end = sentences[here]
    words = _example_pattern(lexicon.example_words)
    found = words.search(text, tally.evidence.start, end) if words is not None else None
    if found is not None:
        span = (found.end(), end)
    elif here + 1 < len(sentences) and lexicon.example_openers.match(
            text[sentences[here + 1][0]:sentences[here + 1][1]]):
        span = sentences[here + 1]
    else:
        return []
    return [p for p in places if span[0] <= p.start < span[1] and p.place is not None and
            p.place.kind == "city" and not _LOCATING.search(text[max(start, p.start - 30):p.start])
            and not _after_compass(text, p.start, lexicon)]


@lru_cache(maxsize=8)
def _example_pattern(example_words: frozenset[str]) -> re.Pattern[str] | None:
    """The lexicon's example words as one pattern, made once per lexicon."""
    if not example_words:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(example_words))) + r")\b",
                      re.I)


def _after_compass(text: str, at: int, lexicon: Lexicon) -> bool:
    """Whether a bearing stands just before the name ("north-west of Y", "east of Y")."""
    before = text[max(0, at - 30):at].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2].strip("-") in \
        lexicon.compass_words
