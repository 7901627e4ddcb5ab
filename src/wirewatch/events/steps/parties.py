"""Step: the parties of an event, the actor and the target, from the sides named in the
sentence. How a type reads them is its behaviour's ``parties``: ``actor`` (the subject
acts on the other side), ``mover`` (the subject moves: a withdrawal) or ``loser`` (the
subject suffers: "Ukrainian forces lost two tanks", unless its verb acts on the other).
The lexicon's ``actor_words`` say which noun chunks name an armed side, its
``loser_verbs`` which verbs' subjects suffer the event."""

from __future__ import annotations

import re
from typing import Any

from wirewatch.events.attribution import side_of
from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import Party
from wirewatch.events.syntax import noun_chunks_of, path_up, span_text, tree_distance


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def parties(style: str, head: Any, sent: Any, book: Codebook, lex: Lexicon,
            claimant: str | None) -> tuple[Party | None, Party | None]:
    chunks = []
    texts: dict[int, str] = {}  # each chunk's text, cut from the document's once
    for nc in noun_chunks_of(sent):
        text = texts[nc.start] = span_text(nc)
        side = side_of(text, book)
        if side is None or (claimant and text in claimant) or \
                not lex.actor_words.search(text):
            continue
        chunks.append(nc)
    if not chunks:
        return None, None

    def sides(nc: Any) -> str | None:
        return side_of(texts[nc.start], book)

    def party(nc: Any) -> Party:
        return Party(_bare(texts[nc.start]), sides(nc))

    subj = [nc for nc in chunks if nc.root.dep_ in ("nsubj", "agent") and
            any(a == nc.root.head for a in path_up(head))]
    if style == "mover":
        mover = subj or chunks
        return party(min(mover, key=lambda nc: tree_distance(head, nc.root))), None
    if style == "loser":
        own_subj = [nc for nc in subj if nc.root.head == head and nc.root.dep_ == "nsubj"]
        if own_subj and head.lemma_.lower() not in lex.loser_verbs:
            # "Ukrainian forces destroyed two tanks": the subject acts on the other side
            actor = own_subj[0]
            others = [nc for nc in chunks if sides(nc) != sides(actor)]
            return party(actor), (party(others[0]) if others else None)
        passive_or_obj = [nc for nc in chunks if nc.root.dep_ in ("nsubjpass", "dobj", "pobj")
                          or nc.root.head == head]
        target = min(passive_or_obj or own_subj or chunks,
                     key=lambda nc: tree_distance(head, nc.root))
        actors = [nc for nc in chunks if sides(nc) != sides(target)]
        return (party(actors[0]) if actors else None), party(target)
    actor = subj[0] if subj else min(chunks, key=lambda nc: tree_distance(head, nc.root))
    targets = [nc for nc in chunks if sides(nc) != sides(actor)]
    return party(actor), (party(targets[0]) if targets else None)
