"""Casualties: figures shared by casualty words, and a period's part of a total.

"210 killed and wounded" is one mention (subtype mixed) however many casualty
words share the figure; "900,000 killed and wounded, including 1,100 over the
past day" is two claims, the day's figure taking the total's subtype.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirewatch.events.codebook import EventType
from wirewatch.events.context import Draft, Found, SentenceContext
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.numbers import Count, count_from_token, is_number_token
from wirewatch.events.steps.count import count_for
from wirewatch.events.steps.mention import subtype_of
from wirewatch.events.steps.when import day_of_statement
from wirewatch.events.syntax import children_of, path_up
from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour


@register("casualties")
class Casualties(Behaviour):
    """People killed, wounded or captured, counted."""

    speech_verb_event = True  # "reported losses", "lost 90 servicemen"
    losses = True
    parties = "loser"

    def count(self, sc: SentenceContext, d: Draft) -> bool:
        """A figure another casualty word already took is shared ("killed and wounded"):
        the words merge into that mention and the draft is dropped."""
        et = d.type
        if not et.count or et.needs_equipment:
            return True
        free = sc.used_counts - set(sc.casualty_groups)
        d.count, d.count_key = count_for(d.head, d.tokens, et.count, sc.doc.book, sc.doc.lexicon,
                                         free)
        if d.count_key is not None and d.count_key in sc.casualty_groups:
            merge_casualty(sc.casualty_groups[d.count_key], et, d.tokens)
            return False
        return True

    def placed(self, sc: SentenceContext, d: Draft, f: Found, n: int) -> list[Found]:
        """The mention owns its figure; a period's part of it is a claim of its own."""
        if d.count_key is None:
            return [f]
        sc.casualty_groups[d.count_key] = f
        part = period_part(d.head, sc.sent, sc.doc.lexicon, d.count_key)
        if part is None or n != 0:
            return [f]
        pf = Found(replace(f.mention, count=part[0], aggregate=False, reference=False,
                           date=day_of_statement(d, f.mention.date)),
                   d.claimant, sc.index, f.place_mention, part[1])
        sc.period_parts.append((pf, f))
        sc.used_counts.add(part[1])
        return [f, pf]

    def finish(self, sc: SentenceContext) -> None:
        """A period's figure has the subtype of its total, once all words are merged."""
        for pf, total in sc.period_parts:
            pf.mention = replace(pf.mention, subtype=total.mention.subtype)


def period_part(head: Any, sent: Any, lex: Lexicon, total: int | None = None
                ) -> tuple[Count, int] | None:
    """Return the figure for a period written as part of a casualty total ("..., including
    1,100 over the past day") and its token: a bare number with a time phrase. ``total``
    is the token of the total's figure ("losses amounted to 1,005,000 personnel, including
    1,060 over the past day": the part hangs on the figure's noun, not on the trigger)."""
    chain = path_up(head)[:4]
    if total is not None:
        chain += path_up(head.doc[total])[:3]
    for tok in sent:
        if tok.lower_ != "including" or tok.head not in chain:
            continue
        for num in (c for c in children_of(tok) if c.dep_ == "pobj" and is_number_token(c)):
            if any(p.dep_ == "prep" and any(g.lemma_.lower() in lex.period_nouns or
                                            g.lower_ in lex.period_nouns for g in p.subtree)
                   for p in children_of(num)):
                cnt = count_from_token(num)
                if cnt is not None:
                    return cnt, num.i
    return None


def merge_casualty(f: Found, et: EventType, toks: list[Any]) -> None:
    """Casualty words sharing one figure make one mention: "230 killed" in "losses of 230
    killed" is killed, "210 killed and wounded" is mixed."""
    new = subtype_of(et, toks)
    if new and new != "mixed":
        f.subtypes.add(new)
    f.mention = replace(f.mention, subtype=next(iter(f.subtypes)) if len(f.subtypes) == 1
                        else "mixed")
