"""Places named by common nouns in Russian and Ukrainian text (and a few in English): a
capital, a country's territory.

"В областном центре", "в обласному центрі" (in the regional centre) is the capital of the
region named before it; "в столице", "у столиці" (in the capital) is the capital of the
country named before it. GeoNames keeps no flag for a capital that the index holds, so
the capital is the most populous town of the region or country, which it is for every
region and country of the theatre. "Української території", "украинской территории" (a
country's adjective before the noun of territory) is the country: "окупували 412
квадратних кілометрів української території".
"""

from __future__ import annotations

import re
from typing import Any

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.models import Place, PlaceMention

# only after a preposition of place: "мэр столицы" names the speaker's office, not a place
_CAPITAL = re.compile(
    r"(?<![\w'’ʼ])(?:в|у|во)\s+(?P<noun>(?P<region>областн(?:ом|ому)\s+центр[еі]|обласн(?:ому|ім)"
    r"\s+центр[іеу])|столиц[еі])(?![\w'’ʼ])"
    # English, for the theatre's countries only (decision 348): "injured in the capital",
    # "in the regional centre"; the regional centre with no preposition too ("missiles hit
    # the regional centre", decision 353): no office is named after it
    r"|(?<![\w'’])(?:(?:in|on|over|across)\s+)?the\s+(?P<en_region>regional\s+(?:centre|"
    r"center))(?![\w'’-])"
    r"|(?<![\w'’])(?:in|on|over|across|near|around|towards?)\s+the\s+"
    r"(?P<en>(?:Ukrainian\s+|Russian\s+)?capital)"
    r"(?![\w'’-])", re.IGNORECASE)


# a country's adjective (any case) before the noun of territory, with the country's code
_TERRITORY = re.compile(
    r"(?<![\w'’ʼ])(?P<adj>українськ|украинск|російськ|российск)\w*\s+(?:територі|территори)\w*"
    # English, an amount of a country's territory (decision 400): "464 square kilometres
    # of Ukrainian territory"
    r"|(?<=\bof\s)(?P<en>Ukrainian|Russian)\s+territory\b",
    re.IGNORECASE)
_COUNTRY_OF = {"українськ": "UA", "украинск": "UA", "російськ": "RU", "российск": "RU",
               "ukrainian": "UA", "russian": "RU"}


def common_noun_mentions(doc_id: str, text: str, mentions: list[PlaceMention],
                         gaz: Gazetteer) -> list[PlaceMention]:
    """Return the mentions with those added that common nouns name: a regional centre or
    capital after a preposition (through the region or country named before it: none when
    no such place is named before), a country's territory by its adjective."""
    added = _capitals(doc_id, text, mentions, gaz)
    for m in _TERRITORY.finditer(text):
        entry = gaz.country_entry(_COUNTRY_OF[(m.group("adj") or m.group("en")).lower()])
        if entry is None or any(x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        explanation = f"a country's territory named by its adjective: {entry.name}"
        place = Place.from_entry(entry, m.group(), 0.8, "context", explanation)
        added.append(PlaceMention(doc_id, m.group(), m.start(), m.end(), place, explanation))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda x: x.start)


def _capital_named(before: list[PlaceMention], gaz: Gazetteer) -> Any:
    """The last capital (its country's largest town) the text named before, if any."""
    for x in reversed(before):
        p = x.place
        if p is not None and p.kind == "city" and p.country:
            top = gaz.largest_town(p.country)
            if top is not None and top.id == p.geonameid:
                return top
    return None


def _capitals(doc_id: str, text: str, mentions: list[PlaceMention],
              gaz: Gazetteer) -> list[PlaceMention]:
    """The regional centres and capitals named by a common noun after a preposition."""
    added: list[PlaceMention] = []
    for m in _CAPITAL.finditer(text):
        english = m.group("en") is not None or m.group("en_region") is not None
        group = "en_region" if m.group("en_region") else "en" if english else "noun"
        start, end = m.start(group), m.end(group)
        if any(x.start < end and start < x.end for x in mentions):
            continue  # already a mention ("the capital Kyiv")
        before = [x for x in mentions if x.end <= start and x.place is not None
                  and not x.dateline]
        if m.group("region") or m.group("en_region"):
            region = next((x.place for x in reversed(before) if x.place is not None
                           and x.place.kind == "admin1"), None)
            entry = gaz.largest_town(region.country, region.admin1_code) if region else None
            what = f"the centre of {region.name}" if region else ""
        else:
            last = before[-1].place if before else None
            country = next((x.place for x in reversed(before) if x.place is not None
                            and x.place.kind == "country"), last)
            entry = gaz.largest_town(country.country) if country else None
            what = f"the capital of {country.country}" if country else ""
            named = _capital_named(before, gaz)
            adjective = ((m.group("en") or "").split() or [""])[0].lower()
            if adjective in _COUNTRY_OF:
                # "Russia launched attacks on the Ukrainian capital": the country its
                # adjective names, not the last one the text named (decision 491)
                entry = gaz.largest_town(_COUNTRY_OF[adjective])
                what, named = f"the capital of {_COUNTRY_OF[adjective]}", None
            if english and named is not None:
                # "Kyiv mayor Klitschko says nine were injured in the capital": the capital
                # the text named last, whatever country it named since
                entry, what = named, f"the capital of {named.country} named before"
        if entry is None or (english and gaz.theatre_weight(entry.country) <= 0):
            continue
        explanation = f"a common noun for a capital: {what}, its largest town"
        place = Place.from_entry(entry, text[start:end], 0.8, "context", explanation)
        added.append(PlaceMention(doc_id, text[start:end], start, end, place, explanation))
    return added
