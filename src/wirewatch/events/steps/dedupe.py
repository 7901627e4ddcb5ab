"""Step: one claim, one mention. Claims restated inside one article are kept once, with
their first evidence, completed with what the later mentions add."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from wirewatch.events.codebook import Codebook
from wirewatch.events.models import EventMention
from wirewatch.events.naming import side_of


def _key(e: EventMention) -> tuple[Any, ...]:
    pid = e.place.geonameid if e.place else None
    klass = "denied" if e.modality == "denied" else "planned" if e.modality == "planned" \
        else "claim"
    return (e.type, pid, e.subtype, (e.equipment or "").lower(), klass, e.aggregate)


def _compatible(a: EventMention, b: EventMention) -> bool:
    if a.date.value and b.date.value and a.date.value != b.date.value and \
            "publication" not in (a.date.basis, b.date.basis) and \
            _period_to_its_day(a, b) is None:
        return False
    ca = a.count.value if a.count else None
    cb = b.count.value if b.count else None
    return ca is None or cb is None or ca == cb


def _period_to_its_day(a: EventMention, b: EventMention) -> EventMention | None:
    """Of two mentions told in one sentence, the one dated by a period that ends on the
    other's day ("Russian strikes during the week had hit X, the ministry said on
    Saturday": the strikes' week, not the day it was said), else None."""
    if a.evidence != b.evidence:
        return None
    for period, day in ((a, b), (b, a)):
        if period.date.precision == "range" and day.date.precision == "day" and \
                period.date.value and period.date.value.split("/")[-1] == day.date.value:
            return period
    return None


def _person(claimant: str | None) -> str | None:
    """Return a claimant without its role ("Ilya Gornov (war correspondent)" -> "Ilya Gornov")."""
    return re.sub(r"\s*\(.*\)$", "", claimant) if claimant else claimant


# "Ukrainian officials", "local authorities": a speaker no one is named as, which a named one
# telling the same claim completes (decision 239)
GENERIC_CLAIMANT = re.compile(
    r"(?:[A-Z][a-z]+ )?(?:(?:local|regional|city|military|government) )?(?:officials|authorities)")


def _named(claimant: str | None) -> str | None:
    """Return the claimant unless it names no one ("Ukrainian officials")."""
    return None if claimant and GENERIC_CLAIMANT.fullmatch(claimant) else claimant


def _self_claim(e: EventMention, book: Codebook | None) -> bool:
    """Whether the claimant is a side speaking of an event in the other side's country
    ("Russia's Defence Ministry said its forces had hit ... in the city" of Dnipro): a claim
    of its own beside that country's report of the same event, which an unnamed
    "officials" never completes."""
    if book is None or not e.claimant or e.place is None or e.place.country not in _SIDES:
        return False
    side = side_of(e.claimant, book)
    return side in _SIDES and side != e.place.country


_SIDES = frozenset({"RU", "UA"})


def _one_side_denying(a: EventMention, b: EventMention, book: Codebook | None) -> bool:
    """"Kiev has rejected the claims. The 7th Corps insisted that 'there is no encirclement
    of Pokrovsk'": one side denying one claim twice is one denial, told by its most
    specific speaker (decision 519)."""
    if book is None or a.modality != "denied" or b.modality != "denied" or \
            not a.claimant or not b.claimant:
        return False
    side = side_of(a.claimant, book)
    return side in _SIDES and side_of(b.claimant, book) == side


def _other_sides_claim(first: EventMention, later: EventMention, book: Codebook | None
                       ) -> bool:
    """Whether a later mention is claimed by the other side than the first one: its
    claimant's side, against the first claimant's or, where that names no side, the
    country the first event happened in (a mayor of Kharkiv speaks for Ukraine)."""
    if book is None or not later.claimant:
        return False
    side = side_of(later.claimant, book)
    first_side = side_of(first.claimant, book) if first.claimant else None
    if first_side is None and first.place is not None:
        first_side = first.place.country
    return side in _SIDES and first_side in _SIDES and side != first_side


def dedupe(events: list[EventMention], book: Codebook | None = None) -> list[EventMention]:
    """Keep each claim once: the first mention, completed with what later ones add.

    The same claim by two different claimants stays two mentions; a denial
    with no place of its own takes the place of the claim of that type it denies.
    """
    out: list[EventMention] = []
    for e in events:
        if e.modality == "denied" and e.place is None:
            earlier = [o for o in out if o.type == e.type and o.place and o.modality != "denied"]
            if earlier:
                e = replace(e, place=earlier[-1].place)
        k = _key(e)
        if e.reference and any(_key(o)[:4] == k[:4] and _key(o)[4] == k[4] and not (
                e.unlisted_place and _person(o.claimant) != _person(e.claimant))
                for o in out):
            # "such as the capture of X": the capture already reported; of a village the
            # gazetteer lacks, only by the same speaker ("Kyiv confirmed the capture of
            # Tonenke ... Moscow announced the capture of Tonenke on Tuesday": two claims)
            continue
        merged = False
        for i, o in enumerate(out):
            same_key = _key(o) == k
            elaboration = e.place is None and not e.unlisted_place and o.type == e.type and \
                o.subtype == e.subtype and \
                _key(o)[4] == k[4] and not e.aggregate and not o.aggregate and \
                (e.equipment or "").lower() == (o.equipment or "").lower()
            # "intercepted and destroyed 41 drones over the Kursk Region": two triggers of
            # one figure, one of which reached the place (decision 456)
            placed_twin = o.place is None and e.place is not None and o.type == e.type and \
                o.evidence == e.evidence and o.count is not None and e.count == o.count and \
                o.modality == e.modality and o.aggregate == e.aggregate
            if not (same_key or elaboration or placed_twin) or not _compatible(o, e):
                continue
            if elaboration and not same_key and _other_sides_claim(o, e, book):
                continue  # "the mayor said drones hit an energy facility in Kharkiv ... the
                # Russian Defense Ministry said it had carried out a massive strike": the
                # other side's claim, not the first one told again (decision 631)
            same_claimant = _person(o.claimant) == _person(e.claimant)
            one_side = _one_side_denying(o, e, book)
            if _named(o.claimant) and _named(e.claimant) and not same_claimant and same_key \
                    and not elaboration and not one_side:
                continue
            if o.place and e.place and _self_claim(o, book) != _self_claim(e, book):
                continue  # the attacker's own claim of a strike others reported (decision 355)
            if not same_claimant and o.date.value is None and e.date.value is not None:
                continue  # a later dated event of another source does not date this claim
            claimant = _named(o.claimant) or e.claimant or o.claimant
            if (same_claimant or one_side) and e.claimant and \
                    len(e.claimant) > len(claimant or ""):
                claimant = e.claimant  # "Ilya Gornov", then "Ilya Gornov (war correspondent)"
            out[i] = replace(
                o, place=o.place or e.place, claimant=claimant, conduit=o.conduit or e.conduit,
                count=o.count or e.count,
                date=e.date if _period_to_its_day(o, e) is e else
                o.date if (o.date.value and o.date.basis != "publication") or not
                e.date.value else e.date,
                modality=o.modality if _named(o.claimant) or not e.claimant else e.modality,
                venue=o.venue or e.venue)
            merged = True
            break
        if not merged:
            out.append(e)
    return out


def without_superseded(events: list[EventMention], superseded: re.Pattern[str]
                       ) -> list[EventMention]:
    """Drop a figure its speaker gave first and updated ("Gusev had initially reported one
    death ... the number killed has risen to three"): one claim, with the update (decision
    396). Only where the text says the figure was the first one, and the same speaker gives
    another figure of the same losses at the same place."""
    out = []
    for e in events:
        first = e.count is not None and superseded.search(e.evidence.text) and any(
            o is not e and o.type == e.type and o.subtype == e.subtype and
            o.place == e.place and o.count is not None and o.count.value != e.count.value and
            _person(o.claimant) == _person(e.claimant) and
            not superseded.search(o.evidence.text) for o in events)
        if not first:
            out.append(e)
    return out
