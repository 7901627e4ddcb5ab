"""Passports: the home of the people given them and the venue they were handed out at.

"residents of X received Russian passports at an office in Y": the place is X,
the venue Y. With no home named, the place referred to, the same claimant's
last place, and failing those the region the claimant speaks for.
"""

from __future__ import annotations

from dataclasses import replace

from wirewatch.events.context import Draft, Found, SentenceContext, same_source
from wirewatch.events.models import EventMention
from wirewatch.events.steps.count import continues
from wirewatch.events.steps.place import fallback_place
from wirewatch.events.syntax import span_text, text_of
from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour
from wirewatch.events.where import is_container, passport_places, resolve_anaphor
from wirewatch.places.models import PlaceMention


@register("passport")
class Passport(Behaviour):
    """Passports issued: home and venue."""

    def produce(self, sc: SentenceContext, d: Draft) -> list[Found]:
        """Return the issuance's mentions; with no place, the region of its claimant
        ("authorities in the Zaporizhzhia region say they have issued ..."; a nationwide
        body names none)."""
        assert d.base is not None
        new = passport_found(sc, d, d.base)
        if len(new) == 1 and new[0].mention.place is None and d.type.place_fallback and \
                not sc.doc.lexicon.nationwide.search(span_text(sc.sent)):
            fb = fallback_place(sc, d, ())
            if fb and fb[0][0] is not None and fb[0][0].kind != "city":
                new[0].mention = replace(new[0].mention, place=fb[0][0])
                new[0].place_mention = fb[0][1]
        return new


def passport_found(sc: SentenceContext, d: Draft, base: EventMention) -> list[Found]:
    """Return the mentions of an issuance: one per home of the people (not inside another),
    with the venue; else the place referred to, or of the same claimant's last issuance."""
    sent, cands, count, claimant, si = sc.sent, d.candidates, d.count, d.claimant, sc.index
    ref_place, head, toks = d.ref_place, d.head, d.tokens
    homes, venues = passport_places(sent, cands, sc.doc.lexicon)
    # "residents of X in the Donetsk region": the region holding X is no venue
    venues = [v for v in venues if not any(
        h.place.admin1 and v.place.kind != "city" and v.place.name == h.place.admin1
        for h in homes)]
    venue = venues[0].place if venues and homes else None
    lex = sc.doc.lexicon
    institution = any(lex.passport_institution.search(
        text_of(sent.doc)[max(sent.start_char, v.mention.start - 60):v.mention.start])
        for v in venues)
    if not homes and venues and not institution and \
            not lex.passport_issued_in.search(span_text(sent)):
        homes, venue = venues[:1], None
    if not homes and ref_place is None:
        ref_place = _home_region(sc)  # "300,000 residents of the region received passports"
    if not homes:
        if ref_place is not None and ref_place.place is not None and \
                ref_place.place.kind != "country":
            return [Found(replace(base, place=ref_place.place, count=count), claimant, si,
                           ref_place)]
        # a follow-up of the same claimant, or "another 70 will receive them next week"
        cont = continues(head, toks, sc.doc.lexicon)
        for f in reversed(sc.doc.found):
            if f.mention.type == base.type and f.mention.place and \
                    (same_source(f.source, claimant) or cont):
                return [Found(replace(base, place=f.mention.place, venue=f.mention.venue,
                                       count=count), claimant, si, f.place_mention)]
        return [Found(replace(base, count=count, venue=venues[0].place if venues else None),
                       claimant, si)]
    home = [h for h in homes if not any(is_container(h.place, o.place)
                                        for o in homes if o is not h)]
    return [Found(replace(base, place=h.place, venue=venue, count=count), claimant, si,
                   h.mention) for h in home[:2]]


def _home_region(sc: SentenceContext) -> PlaceMention | None:
    """The region "residents of the region" points back to: the recipients' home."""
    sent, book, lex = sc.sent, sc.doc.book, sc.doc.lexicon
    text = text_of(sent.doc)
    regions = book.place_anaphora.get("region", frozenset())
    for t in sent:
        if t.pos_ == "NOUN" and t.tag_ != "NNS" and t.lemma_.lower() in regions and \
                lex.home_before.search(text[max(sent.start_char, t.idx - 40):t.idx]):
            return resolve_anaphor(t, sc.doc.places, book)
    return None
