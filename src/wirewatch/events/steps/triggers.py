"""Step (per sentence): the trigger phrases of a sentence, found on lemmas; follow-up
words ("documents") count once the article has a mention of their type, and only as
the object of one of the type's verbs."""

from __future__ import annotations

from typing import Any

from wirewatch.events.codebook import Codebook
from wirewatch.events.triggers import Trigger, match_triggers


def find_triggers(sent: Any, book: Codebook, types_seen: set[str],
                  figure_nouns: frozenset[str] = frozenset()) -> list[Trigger]:
    """Return the triggers of a sentence, follow-ups of the types already seen included
    (``figure_nouns``: a trigger that is one of them and frames another is not one)."""
    trigs = match_triggers(sent, book.phrases, book.phrase_starts)
    # (a type the sentence itself triggers counts as seen: "said two people were injured,
    # while the administration later put the number at three")
    seen = types_seen | {t.type for t in trigs}
    follow = {k: [x for x in v if x[0] in seen]
              for k, v in book.followup_phrases.items()}
    if any(follow.values()):  # a follow-up of a type seen so far
        trigs += [t for t in match_triggers(sent, follow)
                  if not any(set(t.tokens) & set(o.tokens) for o in trigs)
                  and followup_ok(t, sent.doc, book)]
    # ("put the number of wounded at nine": the wounded, not a number of its own)
    return _without_frames(trigs, sent.doc, figure_nouns)


def followup_ok(t: Trigger, pdoc: Any, book: Codebook) -> bool:
    """A follow-up word ("documents") counts as the object of a verb of handing out."""
    verbs = book.types[t.type].followup_verbs
    if len(t.tokens) > 1:
        return not verbs or pdoc[t.first].lemma_.lower() in verbs
    tok = pdoc[t.first]
    return tok.dep_ in ("dobj", "nsubjpass") and (not verbs or tok.head.lemma_.lower() in verbs)


def _without_frames(trigs: list[Trigger], pdoc: Any, figure_nouns: frozenset[str]
                    ) -> list[Trigger]:
    """The triggers less a figure noun that only frames another trigger of its type: "the
    toll of injured", "the death toll" (decision 349) are the injured and the deaths ("a
    glide bomb strike" stays a strike: no figure noun)."""
    def frames(t: Trigger, o: Trigger) -> bool:
        inner = pdoc[o.tokens[0]]
        return (inner.dep_ == "compound" and inner.head.i == t.first) or (
            inner.dep_ in ("pobj", "pcomp", "amod") and inner.head.lower_ == "of" and
            inner.head.head.i == t.first)
    return [t for t in trigs if len(t.tokens) != 1 or
            pdoc[t.first].lemma_.lower() not in figure_nouns or not any(
        o is not t and o.type == t.type and frames(t, o) for o in trigs)]
