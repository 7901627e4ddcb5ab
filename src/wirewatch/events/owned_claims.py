"""The claim a denial names its owner of: "The statement of the Russian Ministry of Defence
about the 'liberation' of Udachne is not true" denies the capture and tells that the
ministry claimed it. The denial is made by the steps (``denied_claim_noun``); this pass adds
the owner's claim beside it, once per article (decision 605), unless the article already
tells that claim.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirewatch.events.attribution import Source, party_or_media
from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.naming import canonical_name, side_of
from wirewatch.events.steps.modality import false_claim_noun
from wirewatch.events.syntax import children_of, token_at


def with_owned_claims(mentions: list[EventMention], parsed: Any, book: Codebook,
                      lexicon: Lexicon) -> list[EventMention]:
    """The mentions, with the claim of the body a denial names as its owner ("the Russian
    Defence Ministry's claim about the capture of X is false") where no mention of the
    article claims that event already."""
    out = list(mentions)
    for m in mentions:
        if m.modality != "denied" or m.trigger is None or m.place is None:
            continue
        if any(o.type == m.type and o.place is not None and
               o.place.geonameid == m.place.geonameid and o.modality != "denied"
               for o in out):
            continue
        tok = token_at(parsed, m.trigger[0], m.trigger[1])
        if tok is None:
            continue
        found = _owner(tok, book, lexicon)
        if found is None:
            continue
        noun, owner = found
        words = " ".join(t.text for t in owner.subtree)
        name = canonical_name(words, book, lexicon)
        if not name or (m.claimant and name.lower() in m.claimant.lower()):
            continue
        source = Source(name, "org", side_of(words, book))
        lo = min(noun.left_edge.idx, owner.left_edge.idx)
        end = max(t.idx + len(t) for t in (tok, *tok.subtree))
        text = parsed.text
        out.append(replace(m, modality=party_or_media(source, book), claimant=name,
                           claimant_text=words, conduit=(), claimant_actor=None,
                           conduit_actors=(),
                           evidence=Evidence(text[lo:end], lo, end), reference=False))
    return out


def _owner(tok: Any, book: Codebook, lexicon: Lexicon) -> tuple[Any, Any] | None:
    """The claim noun said false that a trigger sits in and the body it belongs to: "the
    ministry's claim", "the statement of the ministry" (a party's name, not a pronoun)."""
    noun = false_claim_noun(tok, book, lexicon)
    if noun is None:
        return None
    for c in children_of(noun):
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return noun, c
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            body = next((g for g in children_of(c) if g.dep_ == "pobj" and
                         g.pos_ in ("PROPN", "NOUN")), None)
            if body is not None and (body.pos_ == "PROPN" or
                                     body.lemma_.lower() in book.actor_nouns):
                return noun, body
    return None
