"""Strikes, and surrenders: behaviours that are only flags for the shared steps, and the
strikes a region's daily tally implies at the towns its losses are told of."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.events.context import Found, SentenceContext
from wirewatch.events.syntax import token_at
from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour
from wirewatch.events.where import an_example, is_container


@register("strike")
class Strike(Behaviour):
    """A strike: the losses reported with it take its place and date."""

    strike = True

    def finish(self, sc: SentenceContext) -> None:
        """"Russian forces struck 14 settlements in the region, killing a man in X and
        wounding three people in Y": besides the region's tally, a strike at each town of
        the region whose losses the sentence tells."""
        self._tally_of_examples(sc)
        strikes = [f for f in sc.produced if f.mention.type == self.name]
        tallies = [f for f in strikes if f.mention.place and f.mention.place.kind == "admin1"]
        if not tallies:
            return
        struck = {f.mention.place.geonameid for f in strikes if f.mention.place}
        self._examples(sc, tallies, struck)
        for f in list(sc.produced):
            m = f.mention
            if not sc.doc.behaviour(m.type).losses or m.place is None or \
                    m.place.geonameid in struck:
                continue
            tally = next((t for t in tallies if t.mention.place is not None and
                          is_container(t.mention.place, m.place)), None)
            if tally is None:
                continue
            struck.add(m.place.geonameid)
            sc.produced.append(Found(replace(tally.mention, place=m.place, count=None,
                                             aggregate=False, date=m.date),
                                     tally.source, sc.index, f.place_mention))


    def _tally_of_examples(self, sc: SentenceContext) -> None:
        """"Attacked 15 settlements in the region over the past day, including Kupiansk,
        Borova and Izium": when the parse gave the settlements' figure to the example
        towns, the figure is the tally of their region (the one the article names, "the
        region" or the speaker's "Sumy Oblast Military Administration"), and each town a
        strike with no count (decision 450)."""
        lex, sent = sc.doc.lexicon, sc.sent
        found = [f for f in sc.produced if f.mention.type == self.name]
        if any(f.mention.place and f.mention.place.kind == "admin1" for f in found):
            return
        examples = [f for f in found if f.mention.count is not None and
                    f.mention.place is not None and f.mention.place.kind == "city" and
                    f.place_mention is not None and
                    (tok := token_at(sent.doc, f.place_mention.start,
                                     f.place_mention.end)) is not None and
                    an_example(tok, lex)]
        regions = {f.mention.place.admin1 for f in examples if f.mention.place}
        if not examples or len(regions) != 1 or not self._counts_settlements(sc, examples[0]):
            return
        region = next((p for p in reversed(sc.doc.places) if p.place is not None and
                       p.place.kind == "admin1" and p.place.name in regions and
                       p.start < sent.end_char), None)
        if region is None or region.place is None:
            return
        first = examples[0]
        tally = Found(replace(first.mention, place=region.place), first.source, sc.index,
                      region)
        for f in examples:
            f.mention = replace(f.mention, count=None, aggregate=False)
        sc.produced.insert(sc.produced.index(first), tally)

    @staticmethod
    def _counts_settlements(sc: SentenceContext, f: Found) -> bool:
        """Whether a strike's figure counts settlements ("15 settlements", "11
        communities"), not strikes or drones."""
        value = f.mention.count.value if f.mention.count else None
        nouns = sc.doc.book.count_nouns.get("settlements", frozenset())
        return any(t.like_num and t.text.replace(",", "") == str(value) and
                   t.head.lemma_.lower() in nouns for t in sc.sent)

    def _examples(self, sc: SentenceContext, tallies: list[Found], struck: set[int]) -> None:
        """"Shelled 37 settlements in the region, including the city of Kherson": the town
        given as an example was struck too (decision 131), on the tally's day or period."""
        sent = sc.sent
        for pm in sc.doc.places:
            if pm.place is None or pm.place.kind != "city" or \
                    pm.place.geonameid in struck or \
                    not sent.start_char <= pm.start < sent.end_char:
                continue
            tok = token_at(sent.doc, pm.start, pm.end)
            if tok is None or not an_example(tok, sc.doc.lexicon):
                continue
            tally = next((t for t in tallies if t.mention.place is not None and
                          is_container(t.mention.place, pm.place)), None)
            if tally is not None:
                struck.add(pm.place.geonameid)
                sc.produced.append(Found(replace(tally.mention, place=pm.place, count=None,
                                                 aggregate=False),
                                         tally.source, sc.index, pm))


@register("personnel.surrendered")
class Surrender(Behaviour):
    """A surrender: the subject is the side that gave itself up."""

    parties = "loser"
