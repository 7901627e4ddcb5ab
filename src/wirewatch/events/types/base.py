"""The default behaviour of an event type: the shared steps, one mention per place."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.events.context import Draft, Found, SentenceContext
from wirewatch.events.steps.count import count_for
from wirewatch.events.steps.extent import extent_of


class Behaviour:
    """What is particular to a kind of event; the default for types with nothing special.

    The flags are read by the shared steps:

    * ``state``: a state of territory ("held since May" starts then; "a fall of X" is no
      particular event);
    * ``earlier_reference``: a bare "the pullback" refers to the earlier event;
    * ``purpose_infinitive``: "to storm X" is an event of the type, not a purpose;
    * ``speech_verb_event``: a speech verb may trigger it ("reported losses");
    * ``losses``: losses of a strike (they take its place and date);
    * ``strike``: the strike that losses belong to;
    * ``passive_object``: a passive subject or object noun is what the event befell
      ("troops were surrounded");
    * ``parties``: how the actor and target are read (see steps/parties.py).
    """

    state = False
    earlier_reference = False
    purpose_infinitive = False
    speech_verb_event = False
    losses = False
    strike = False
    passive_object = False
    parties = "actor"

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<behaviour {self.name}>"

    def count(self, sc: SentenceContext, d: Draft) -> bool:
        """Read the draft's figure; return False to drop the draft."""
        et = d.type
        if et.count and not et.needs_equipment:
            d.count, d.count_key = count_for(d.head, d.tokens, et.count, sc.doc.book,
                                             sc.doc.lexicon, sc.used_counts)
        return True

    def produce(self, sc: SentenceContext, d: Draft) -> list[Found]:
        """Return the draft's mentions: one per place (or one with none)."""
        assert d.base is not None
        if d.count_key is not None:
            sc.used_counts.add(d.count_key)
        out: list[Found] = []
        for n, (where, pm) in enumerate(d.places or [(None, None)]):
            own_extent = d.extent
            if n > 0 and d.extent is not None and pm is not None and d.chosen:
                # "X and most of Y": each its own
                own_extent = extent_of(d.head, pm, sc.sent, sc.doc.lexicon)
            unlisted = where is None and ((pm is None and bool(d.places)) or
                                          d.unresolved_place is not None)
            f = Found(replace(d.base, place=where, count=d.count, extent=own_extent,
                              unlisted_place=unlisted),
                      d.claimant, sc.index, pm, d.count_key)
            if d.subtype and d.subtype != "mixed":
                f.subtypes.add(d.subtype)
            out.extend(self.placed(sc, d, f, n))
        return out

    def placed(self, sc: SentenceContext, d: Draft, f: Found, n: int) -> list[Found]:
        """Return the mentions made of the draft's ``n``-th place (by default ``f`` alone)."""
        return [f]

    def finish(self, sc: SentenceContext) -> None:
        """Complete the sentence's mentions once all its triggers are read."""
