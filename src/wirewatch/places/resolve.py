"""Resolve place spans to one gazetteer entry each, using the whole document as context.

Each candidate entry of a span gets a score made of:

* how the name matched (GeoNames name, project alias, former name, romanisation
  key, edit distance): ``MATCH``;
* a prior: the kind of place and its population, plus the monitored theatre's
  weight for its country (``places.yaml``);
* context: a containing region named right after it ("X, in the Y region"),
  regions named in the same paragraph or the document, other places nearby in
  the same sentences, the same name resolved earlier in the article, and
  discourse cues ("a town called X" lowers the prior of famous namesakes, "this
  X" repeats the last X, "the other X" avoids it).

Spans are resolved in two passes: the first finds the places that need no
context (anchors), the second scores every span against those anchors.
Appositives ("Krasnokamensk, known in Ukrainian as Pokrovsk") then tie a name
to its neighbour's resolution. The confidence is the softmax share of the best
candidate times a ceiling set by how the name matched.

The weights below were set on ``eval/places.yaml`` (see docs/evaluation.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wirewatch.places.gazetteer import Entry, Gazetteer, NameHit
from wirewatch.places.geo import distance_km
from wirewatch.places.models import Place, PlaceMention, Span
from wirewatch.places.morph import may_be_locative
from wirewatch.places.recognize import TextView
from wirewatch.places.text import normalize, translit_key

# How the name matched: base score and ceiling of the confidence.
MATCH = {"name": 1.0, "alt": 0.92, "alias": 1.0, "user": 1.0, "former": 0.95,
         "translit": 0.8, "fuzzy": 0.62, "lemma": 0.9, "seat": 0.9}
CEILING = {"name": 0.97, "alt": 0.95, "alias": 0.97, "user": 0.97, "former": 0.95,
           "translit": 0.9, "fuzzy": 0.8, "lemma": 0.93, "seat": 0.93}
METHOD = {"name": "exact", "alt": "exact", "alias": "alias", "user": "alias",
          "former": "renamed", "translit": "transliteration", "fuzzy": "fuzzy",
          "lemma": "exact", "seat": "exact"}
KIND_PRIOR = {"country": 1.0, "admin1": 0.6, "region": 0.6}
TEMPERATURE = 0.12  # margin (in score units) that makes confidence 0.73; 0.35 gives 0.95
W_POPULATION = 0.7
W_CONTAINER, W_CONTAINER_MISS = 0.9, -0.5
W_ADMIN_PARAGRAPH, W_ADMIN_DOC = 0.5, 0.3
W_HOLDS_PARAGRAPH, W_HOLDS_DOC = 0.5, 0.3  # a region or country holding a town named nearby
W_NEAR_50, W_NEAR_150, W_SAME_ADMIN_LOCAL, W_SAME_COUNTRY_LOCAL = 0.3, 0.15, 0.25, 0.1
# each further town within 50 km named in the same sentence (half for the adjacent one), up to
# NEAR_MORE_MAX of them: a village listed
# among its neighbours is theirs, not a far city's namesake (decision 92; eval/places_blind6:
# Kamianske among Orikhiv, Mala Tokmachka and Stepnohirsk is not the Dnipropetrovsk city)
W_NEAR_MORE, NEAR_MORE_MAX = 0.1, 2
W_SAME_AS_ANCHOR = 0.4  # another name in the article already resolved to this very place
# ... unless the name is only one of its GeoNames alternate names and the own name of a place
# this close to it: then it counts against (eval/places_blind6.yaml: Hrodivka, Grishino,
# Hryshyne beside Myrnohrad and Pokrovsk, Lyman beside Rodynske, Novorossiysk beside
# Krasnodar; eval/places_holdout.yaml: Komsomolskoye is Kalmiuske, the own-name
# Komsomol'skoye villages lie in Crimea, 400 km off)
OWN_NAME_NEIGHBOUR_KM = 150.0
W_SAME_ADMIN_DOC, W_SAME_COUNTRY_DOC = 0.15, 0.1
W_DISCOURSE, W_THIS, W_OTHER = 0.3, 1.2, -1.2
CALLED_PRIOR_FACTOR = 0.2
W_CALLED_FAMOUS = -0.3  # "a town called X" is not the X every reader knows
ANCHOR_CONFIDENCE = 0.75
# The article's home region: the admin-1 region (and the country) that most of the names
# with namesakes in one admin-1 only (one country only) lie in. A candidate inside it
# gains: a local paper's "Paris" among Tennessee towns is Paris, Tennessee. A home needs
# HOME_MIN_VOTES distinct names and HOME_SHARE of the names that vote. Set on LGL
# (eval/geoparsing.py: US local news, where Paris, Dublin, Athens, Alexandria lost to
# their famous namesakes). It applies only to names that no nearer context (a region
# named beside, a neighbouring town) speaks for: eval/places.yaml p011 places a village
# in Poltava Oblast in an article whose other places lie in Donetsk Oblast.
W_HOME_ADMIN, W_HOME_COUNTRY = 0.3, 0.15
HOME_MIN_VOTES, HOME_SHARE = 2, 0.5
HOME_COUNTRY_SHARE = 0.6
FAMOUS_POPULATION, W_ALT_OF_FAMOUS = 100_000, -0.35
# A region whose bare name is the own GeoNames name of a large city of its country that lies
# outside it yields to the city, as a village's alternate name does (decision 11e: "New
# York", "Donetsk"): "a summit in Washington" is the capital, while "Washington" beside
# Seattle in the same paragraph (+W_HOLDS_PARAGRAPH) is still the state. The same weight as
# W_ALT_OF_FAMOUS: before it, the state won the bare name by 0.016 (issue 11, place-choice).
W_REGION_OF_FAMOUS = W_ALT_OF_FAMOUS

# "A, known in Ukrainian as B", "A (Ukrainian: B)": A takes B's place. A comma or a
# bracket must come first: "Ukraine renamed Krasnodon" is a sentence, not an appositive.
APPOSITIVE_AFTER = re.compile(
    r"^\s*(?:[,(]\s*(?:(?:also|now|officially|better|today|locally)\s+)?|(?:also|better)\s+)"
    r"(?:known|called|named|renamed|spelt|spelled)\s+(?:(?:in|by)\s+(?:the\s+)?"
    r"(?:Ukrainian|Russian|Ukrainians|Russians|Ukraine|Russia|Kyiv|Kiev|Moscow)\s+)?(?:as\s+)?$"
    r"|^\s*\(\s*(?:in\s+)?(?:Ukrainian|Russian|Ukr\.|Rus\.|now|today|also)\s*:?\s*$"
    r"|^\s*,\s*which\s+(?:the\s+)?(?:(?:Ukrainian|Russian)\s+(?:side|authorities)\s+|"
    r"Ukraine|Ukrainians|Kyiv|Kiev|Russia|Russians|Moscow|locals|residents)\s+"
    r"(?:still\s+)?calls?\s+$",
    re.IGNORECASE)
# "B, formerly A", "B, which was known until 2016 as A", "B, known in Soviet times as A":
# A is B's old name and takes B's place.
FORMERLY_AFTER = re.compile(
    r"^\s*[,(]?\s*(?:formerly|previously|once|earlier|the\s+former)\s+"
    r"(?:known\s+as\s+|called\s+)?$"
    r"|^\s*\(\s*(?:formerly|previously|until\s+\d{4})\s*:?\s*$"
    r"|^\s*[,(]\s*(?:which|that)?\s*(?:was\s+)?(?:known|called|named)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:until\s+\d{4}|in\s+Soviet\s+times|under\s+the\s+Soviets?|"
    r"before\s+\d{4}|formerly|once)\s+as\s+$", re.IGNORECASE)
# "X, in the Y region", "X (Y)", "X across the border in Y": Y contains X. Up to four
# lower-case words may come between, but not a verb of saying or a conjunction, nor a word
# of naming ("Pokrovsk, known in Russia as Krasnoarmeysk": Russia names it; decision 542).
CONTAINER_GAP = re.compile(
    r"^(?:\s*,?\s*(?:(?!(?:and|or|but|said|says|that|while|when|was|were|is|are|has|had|"
    r"known|called|named|referred)\b)"
    r"[a-z]+\s+){0,4}(?:in|of)\s+(?:the\s+)?|\s*,\s*|\s*\(\s*)$")
# "X, a village 20 km south-west of Y", "X, on the reservoir north-east of Y": X lies near Y.
RELATIVE_GAP = re.compile(
    r"^[^.;!?]{0,80}?\b(?:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?"
    r"(?:ern)?\s+of|outside|near|close\s+to|not\s+far\s+from)\s+(?:the\s+)?$", re.IGNORECASE)
RELATIVE_KM = 75.0
W_RELATIVE = 0.6
# A namesake this populous is no village: "село X", "the village of X" drop it when a
# smaller namesake is left. 50,000 until decision 616: Myrnohrad (46,000), whose alternate
# names include Hrodivka, beat the village of Hrodivka; at 20,000 the 15 place sets are
# unchanged and events_blind53 gains 3 mentions.
VILLAGE_NOUN_CITY = 20_000
REGION_OF_MISSING_CONFIDENCE = 0.5  # an event at a village the gazetteer lacks, coded to its region
W_DATELINE = 1.0  # extra weight of population for a dateline's city (a news hub)
# "Krasnokamensk, or Pokrovsk as the Ukrainians call it": the first name takes the second's.
OR_GAP = re.compile(r"^\s*[,(]\s*or\s+$", re.IGNORECASE)
# a part of a city named after something else: "the Kievsky district of the city",
# "the Sviatoshynskyi district of Kyiv", "Kyiv's Sviatoshynskyi district"
CITY_PART = r"(?:district|borough|neighbou?rhood|quarter|micro-?district)"
PART_OF_THE_CITY = re.compile(rf"^\s+{CITY_PART}\s+of\s+(?:the\s+)?(?:city|town|capital)\b",
                              re.IGNORECASE)
PART_OF = re.compile(rf"^\s+{CITY_PART}\s+of\s+$", re.IGNORECASE)
# "the Kanal micro-district in the east of Chasiv Yar", "the Kanal neighbourhood in the
# east of the town": a part of the city named after it (decision 572)
_SIDE_OF = r"\s+(?:in|on)\s+the\s+(?:[a-z-]+\s+){1,2}?(?:part\s+)?of\s+"
PART_IN = re.compile(rf"^\s+{CITY_PART}(?:{_SIDE_OF}|\s+in\s+)$", re.IGNORECASE)
PART_IN_THE_CITY = re.compile(rf"^\s+{CITY_PART}{_SIDE_OF}(?:the\s+)?(?:city|town)\b",
                              re.IGNORECASE)
CITYS_PART = re.compile(r"^\s*['’]s\s+$")
# ("as Moscow claimed further advances": a government speaking, no city a later "the
# city's Zarichnyi district" belongs to; decision 574)
QUALIFYING_AFTER = re.compile(r"^(?:['’]s\s+(?:troops|forces|army|military|government|"
                              r"officials|ministry|leadership)\b|[-–][A-Za-z])", re.IGNORECASE)
# A city that speaks ("as Moscow claimed further advances"): a government, not the city a
# later "the city's Zarichnyi district" belongs to; "the authorities in Kharkiv said" is
# the city (decision 574)
SPEAKING_AFTER = re.compile(r"^\s+(?:has\s+|had\s+)?(?:claim|say|said|den(?:y|ie)|accuse|"
                            r"announce|insist)(?:s|d|ed)?\b", re.IGNORECASE)
LOCATED_BEFORE = re.compile(r"\b(?:in|of|from|at|near|for)\s+(?:the\s+city\s+of\s+)?$",
                            re.IGNORECASE)
THE_CITYS = re.compile(r"\b(?:city|town|capital)['’]s\s+$", re.IGNORECASE)
PART_AFTER = re.compile(rf"^\s+{CITY_PART}\b", re.IGNORECASE)
HEAD_NOUN_END = re.compile(r"\s+(?:district|raion|rayon)s?$", re.IGNORECASE)
# A Russian or Ukrainian district named by an adjective ("в Приморском районе",
# "Центрального району", "Киевский район"): the district of a city when a city is named
# before it and the namesake the adjective leads to is a village or lies in another region.
# Plural forms too: "по Основянскому и Киевскому районам города".
_RAION_ENDINGS = r"(?:е|а|у|і|ом|ах|ы|и|ам|ами|ов|ів)?"
CYRILLIC_DISTRICT = re.compile(rf"^[А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]+\s+район{_RAION_ENDINGS}$")
# the noun may follow a second adjective: "в Слободском и Основянском районах" (decision 251)
CYRILLIC_DISTRICT_AFTER = re.compile(
    rf"^(?:\s*(?:,|и|й|і|та)\s+[А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]+){{0,3}}\s+район{_RAION_ENDINGS}\b")
# A district's adjective standing alone, its noun left out ("в Киевском повреждены").
CYRILLIC_DISTRICT_ADJ = re.compile(
    r"^[А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]*(?:ск|цк|зк|ськ|цьк|зьк)(?:ом|ому|ий|ій|ого|им|ім|ой|ая|ої|у|е|і)$")
# The same in English: "in the Darnytskyi and Obolonskyi districts", "the Saltivskyi
# district" after the city (decision 231); a raion the adjective names keeps its own place.
LATIN_DISTRICT_ADJ = re.compile(r"^[A-Z][a-z'’-]+(?:skyi|skyy|sky|skiy|skii|ski|nyi|nyy|nyj)$")
LATIN_DISTRICT_AFTER = re.compile(
    r"^\s+(?:(?:and|or|,)\s+(?:the\s+)?[A-Z][\w'’-]+\s+)?(?:city\s+)?districts?\b")
CYRILLIC_CONTAINER_GAP = re.compile(r"^ (?:(?:в|во|у|на) )?$")
# A front direction named by a town's adjective ("на Покровському напрямку", "на Курахівському
# направлении"): a village of that name yields to a town of the theatre this large in the same
# country, whatever the article's region ("Новопавлівський напрямок" stays the Ukrainian
# village, not Novopavlovsk in Russia).
FRONT_DIRECTION = re.compile(r"\s(?:напрям\w*|направлени\w*)$", re.IGNORECASE)
DIRECTION_TOWN_MIN_POPULATION = 10_000
W_DIRECTION_VILLAGE = -1.5
# A direction named after a village: its namesake on the front wins over one of about the same
# size elsewhere (decision 540; events_blind35's "Borova sector")
W_FRONT_DIRECTION = 0.3
# A city with districts of its own; a namesake below this is a village, no district's seat.
DISTRICT_CITY_MIN_POPULATION = 100_000
DISTRICT_SEAT_MIN_POPULATION = 10_000
# A namesake this close to the city is one of its own districts that GeoNames lists as a
# populated place ("в Зарічному районі" of Sumy, Zarichnyi, 2 km from its centre), not a
# district's seat town (Brovary is 20 km from Kyiv).
DISTRICT_INSIDE_KM = 10.0
# A namesake this close that is the seat of no raion is one of the city's quarters too
# ("у Святошинському районі" of Kyiv, Svyatoshyn 13 km from its centre; decision 142).
DISTRICT_QUARTER_KM = 20.0
AS_THEY_CALL = re.compile(
    r"^\s*,?\s*as\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:calls?|knows?|names?|spells?)\s+it\b"
    r"|^\s*in\s+(?:Ukrainian|Russian)\b", re.IGNORECASE)


# "X in the Y region", "X, Y Oblast", "X (Y region)": the text itself puts X in region Y.
# Then no namesake outside Y is X: it stays unresolved rather than drawn in another oblast.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
TIGHT_CONTAINER_GAP = re.compile(r"^\s*(?:,\s*(?:in\s+)?|\(\s*|\s(?:in|of)\s+)(?:the\s+)?$")
# "the village of Kostiantynivka in the Sumy direction": a front direction after a place
# puts it in the region of the town the direction is named after (decision 490)
DIRECTION_AFTER = re.compile(r"^\s+(?:direction|axis|sector)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Container:
    """The regions the text puts a name in; ``hard`` when no namesake outside them can do."""

    regions: list[Entry]
    hard: bool = False


@dataclass
class _Scored:
    hit: NameHit
    how: str  # key of MATCH
    score: float = 0.0
    prior: float = 0.0
    reasons: list[tuple[float, str]] = field(default_factory=list)
    # reasons that only echo the article (the same name read so earlier, the country of the
    # other places): they rank namesakes but do not place the name (see _unsupported_cap)
    echoes: set[str] = field(default_factory=set)


@dataclass
class _AnchorMentions:
    """An anchor place, its mentions with their normalised names, and (made once per
    article) those names and the sentences of the mentions."""

    place: Entry
    mentions: list[tuple[Span, str]]
    spans: list[Span] = field(default_factory=list)
    norms: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.spans = [x for x, _norm in self.mentions]
        self.norms = {norm for _x, norm in self.mentions}
        self.sentences = {x.sentence for x in self.spans}


def _neighbours(span: Span, surface: str, anchors: list[_AnchorMentions]
                ) -> list[tuple[Entry, list[Span], bool, bool]]:
    """Each anchor place with its mentions other than ``surface``'s and, for a town (the only
    anchor that asks), whether any and whether all of them are in the span's sentence or
    beside it: the same for every candidate of the span, so found once per span.

    Another mention of the same name is no neighbour: it only says how that name was read,
    which is the discourse cue's business."""
    out = []
    here = span.sentence
    for anchor in anchors:
        a = anchor.place
        if surface in anchor.norms:
            others = [x for x, norm in anchor.mentions if norm != surface]
            if not others:
                continue
            sentences = {x.sentence for x in others}
        else:
            others, sentences = anchor.spans, anchor.sentences
        if a.kind != "city":
            out.append((a, others, False, True))
            continue
        near_any = bool(sentences & {here - 1, here, here + 1})
        near_all = min(sentences) >= here - 1 and max(sentences) <= here + 1
        out.append((a, others, near_any, near_all))
    return out


def _distance_km(a: Entry, b: Entry) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _contains(gaz: Gazetteer, region: Entry, e: Entry) -> bool:
    if region.id == e.id:
        return False
    if region.kind == "country":
        return e.country == region.country
    if region.kind == "admin1":
        return (e.country, e.admin1_code) == (region.country, region.admin1_code) \
            and e.kind != "admin1"
    if region.kind == "region":
        return e.kind in ("city", "admin1") and (e.country, e.admin1_code) in \
            gaz.member_admins(region)
    return False


def _named_as(x: _Scored) -> str:
    """How a candidate was named: its own match, or for an inflected form ("Воронеже") the
    list of names (name or alternate) that held the name it inflects."""
    return x.hit.source if x.how == "lemma" else x.how


def _how_of(span: Span, hit: NameHit) -> str:
    if span.how == "exact":
        return hit.source
    return span.how


class Resolver:
    """Resolve the spans of one document against a gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        # region spans the text names as the container of one town ("Cook County,
        # Illinois", "Novopavlovka in the Dnepropetrovsk region"): id(span) -> the index of
        # the span it holds (decision 91)
        self._holder_of: dict[int, int] = {}

    # -- candidates -------------------------------------------------------------------
    def fill_candidates(self, spans: Sequence[Span]) -> None:
        """Give spans without exact hits their romanisation-key or edit-distance hits."""
        for span in spans:
            country = self.gaz.demonym(span.surface)
            if country:
                # "Georgian", "American": the country or nothing, never a town so named
                # (Canadian, Australia) or so spelt (Americana, Brazil)
                span.hits, span.how = country, "exact"
                span.translit_hits, span.fuzzy_hits = [], []
                continue
            if span.how == "exact" and any(h.entry.seat and h.source == "name"
                                           for h in span.hits):
                # "Bohodukhiv district" is the raion's own name; a town that GeoNames gives
                # it as an alternate name (a district of Donetsk city) is not it (decision 100)
                span.hits = [h for h in span.hits
                             if not (h.entry.kind == "city" and h.source == "alt")]
            if span.how == "exact" and not any(h.entry.kind != "city" for h in span.hits):
                known = {h.entry.id for h in span.hits}
                span.translit_hits = [h for h in self.gaz.by_translit(span.surface)
                                      if h.entry.id not in known and h.entry.kind == "city"]
            if "village" in span.evidence:
                self._villages_only(span)
            if span.how not in ("none", "translit"):
                continue
            framed = bool(span.evidence & {"pattern", "prep"}) and "query" not in span.evidence
            if span.how == "none":
                span.hits = [h for h in self.gaz.by_translit(span.surface)
                             if framed or self._near_home(h.entry)]
                span.how = "translit" if span.hits else "fuzzy"
            # A garbled name may sit closer to the intended place than to the namesake
            # its romanisation key happens to equal: offer both, let context decide.
            # Only towns are garbled beyond recognition; a region or continent one edit
            # from the name ("North Africa" / "North America") is another region.
            span.fuzzy_hits = [h for h in self.gaz.fuzzy(span.surface)
                               if h.entry.id not in {x.entry.id for x in span.hits}
                               and h.entry.kind == "city" and (framed or self._near_home(h.entry))]

    @staticmethod
    def _villages_only(span: Span) -> None:
        """"село Кам'янське", "Kamenskoye, a village on the reservoir": a village, not the
        city of Kamianske, whether the village is found by its name or by its romanisation."""
        found = span.hits + span.translit_hits
        if not (any(h.entry.population < VILLAGE_NOUN_CITY for h in found) and
                any(h.entry.population >= VILLAGE_NOUN_CITY for h in found)):
            return
        span.hits = [h for h in span.hits if h.entry.population < VILLAGE_NOUN_CITY]
        span.translit_hits = [h for h in span.translit_hits
                              if h.entry.population < VILLAGE_NOUN_CITY]
        if not span.hits:
            span.hits, span.translit_hits, span.how = span.translit_hits, [], "translit"

    def _near_home(self, e: Entry) -> bool:
        """True for a place of the theatre, or one famous enough to be garbled abroad.

        Romanisation folds and edit distances are made for Russian and Ukrainian names;
        abroad they mostly turn names of people into small towns ("Lyudmila" -> Ludmilla,
        Australia), so there they need the text to frame a place ("in X").
        """
        return (self.gaz.theatre_weight(e.country) > 0 or e.kind != "city"
                or e.population >= 100_000)

    def _prior(self, span: Span, hit: NameHit) -> float:
        e = hit.entry
        if e.kind in KIND_PRIOR:
            base = KIND_PRIOR[e.kind]
        else:  # a town, or an admin-2 unit by the people of its towns (Madison County, AL)
            base = W_POPULATION * min(1.0, math.log10(e.population + 1) / 7.0)
        theatre = self.gaz.theatre_weight(e.country)
        if "called" in span.evidence:
            return (base + theatre) * CALLED_PRIOR_FACTOR
        return base + theatre

    def _score_alone(self, span: Span) -> list[_Scored]:
        out = []
        pairs = [(h, _how_of(span, h)) for h in span.hits]
        pairs += [(h, "translit") for h in span.translit_hits]
        pairs += [(h, "fuzzy") for h in span.fuzzy_hits]
        for hit, how in pairs:
            base = MATCH[how] - (0.1 * (hit.distance - 1) if how == "fuzzy" else 0.0)
            if how in ("lemma", "seat") and hit.source in ("alias", "user"):
                # an inflected form of a project alias outranks one of a GeoNames alternate
                # name, as the uninflected names do ("Слов'янська": Sloviansk, not Nikopol)
                base += MATCH["alias"] - MATCH["alt"]
            prior = self._prior(span, hit)
            out.append(_Scored(hit, how, base + prior, prior))
        # "Paris" is Paris: a name that is the GeoNames name of a large city is not read as
        # a village's rare alternate name, however near the front the village lies.
        # an inflected form counts as the name it inflects: "в Воронеже" is Voronezh, not
        # the village Voronizh that carries "Воронеж" as an alternate name (decision 250)
        famous = max((x.hit.entry.population for x in out
                      if _named_as(x) in ("name", "alt") and x.hit.entry.kind == "city"),
                     default=0)
        # a country's own name ("Moldova") is as famous as a name gets: a village that only
        # carries it as an alternate name (Krutoiarivka, Odesa Oblast) is not it
        country = any(x.how == "name" and x.hit.entry.kind == "country" for x in out)
        if famous >= FAMOUS_POPULATION or country:
            for x in out:
                # (nor a village that a romanisation of the name only spells: "Lugansk" is
                # Luhansk, not Luhanske; decision 594)
                if _named_as(x) in ("alt", "translit") and (
                        x.hit.entry.population * 100 < famous or (
                        country and x.hit.entry.kind == "city")):
                    x.score += W_ALT_OF_FAMOUS
        for x in out:
            e = x.hit.entry
            if e.kind == "admin1" and any(
                    y.how == "name" and y.hit.entry.kind == "city"
                    and y.hit.entry.population >= FAMOUS_POPULATION
                    and y.hit.entry.country == e.country
                    and y.hit.entry.admin1_code != e.admin1_code for y in out):
                x.score += W_REGION_OF_FAMOUS
        if FRONT_DIRECTION.search(span.surface) or "direction" in span.evidence:
            # "на Покровському напрямку", "the Kostiantynivka direction": a front direction
            # is named after the town the front runs to, the largest of its namesakes in
            # the country, not a smaller one of the region the article is about (decisions
            # 260, 342)
            # (namesakes by name: a romanisation or a typo that also fits a larger town
            # does not make it the direction's, "the Sloviansk direction" is not Nikopol's;
            # decision 501)
            by_name = [x for x in out if x.how not in ("translit", "fuzzy")]
            towns = [x for x in by_name or out if x.hit.entry.kind == "city"
                     and x.hit.entry.population >= DIRECTION_TOWN_MIN_POPULATION
                     and self.gaz.theatre_weight(x.hit.entry.country) > 0]
            largest = {c: max(x.hit.entry.population for x in towns if x.hit.entry.country == c)
                       for c in {x.hit.entry.country for x in towns}}
            for x in out:
                e = x.hit.entry
                if e.kind == "city" and e.country in largest and \
                        e.population < largest[e.country]:
                    x.score += W_DIRECTION_VILLAGE
            if not towns:
                # "the Borova sector": with no sizeable town of the name, the village on
                # the front (decision 540)
                for x in out:
                    e = x.hit.entry
                    if e.kind == "city" and self.gaz.on_front(e.country, e.admin1_code):
                        x.score += W_FRONT_DIRECTION
        if "called" in span.evidence and len(out) > 1:
            best_known = max(out, key=lambda s: s.hit.entry.population)
            best_known.score += W_CALLED_FAMOUS
        if "region" in span.evidence:
            for s in out:
                if s.hit.entry.kind in ("admin1", "admin2", "region"):
                    s.score += 0.5
        return out

    # -- the two passes ---------------------------------------------------------------
    def resolve(self, doc_id: str, view: TextView, spans: Sequence[Span]) -> list[PlaceMention]:
        """Return one place mention per span, resolved or explained as unresolved."""
        self.fill_candidates(spans)
        first = [self._score_alone(s) for s in spans]
        anchors: list[tuple[Span, Entry, float]] = []
        for span, scored in zip(spans, first, strict=True):
            if scored:
                best, conf = _pick(scored)
                if conf >= ANCHOR_CONFIDENCE:
                    anchors.append((span, best.hit.entry, conf))
        # each anchor place with its mentions and their normalised names (compared with
        # every span's in _add_context)
        by_place: dict[int, tuple[Entry, list[tuple[Span, str]]]] = {}
        for a_span, a, _conf in anchors:
            if "dateline" in a_span.evidence and a.kind != "city":
                continue  # "VIENNA, Va.": the desk's state holds the desk, not the story
            by_place.setdefault(a.id, (a, []))[1].append((a_span, normalize(a_span.surface)))
        anchor_mentions = [_AnchorMentions(a, a_spans) for a, a_spans in by_place.values()]
        home = _home(spans, first)
        containers = self._containers(view, spans, first)
        near_of = self._relative_anchors(view, spans, {
            id(sp): _pick(sc)[0].hit.entry for sp, sc in zip(spans, first, strict=True) if sc})
        results: list[PlaceMention] = []
        last_by_norm: dict[str, int] = {}
        resolved_by_norm: dict[str, list[int]] = {}
        # names the text put in a region none of their namesakes lies in: later mentions of
        # the same name without a region of their own are that unknown village too
        outside_by_norm: dict[str, tuple[str, Place | None]] = {}
        for idx, (span, scored) in enumerate(zip(spans, first, strict=True)):
            dateline = "dateline" in span.evidence
            box = containers.get(idx)
            norm = normalize(span.surface)
            if box is None and norm in outside_by_norm:
                why, region = outside_by_norm[norm]
                results.append(PlaceMention(doc_id, span.surface, span.start, span.end, None,
                                            why, dateline=dateline, container=region))
                continue
            scored, outside = _within(self.gaz, scored, box)
            if not scored:
                why = _outside_reason(span, outside, box) if outside and box else \
                    _unresolved_reason(span)
                region = _region_place(span, box, why) if outside and box else None
                if outside and box:
                    outside_by_norm[norm] = (why, region)
                results.append(PlaceMention(doc_id, span.surface, span.start, span.end, None,
                                            why, dateline=dateline, container=region))
                continue
            self._add_container(scored, box)
            if dateline:
                _filing_city(scored)
            else:
                self._add_context(span, scored, anchor_mentions, view, idx)
                if not any(s.reasons for s in scored):
                    # only when nothing nearer in the text speaks for a candidate: the
                    # home is the article's default, not a rival of a region named beside
                    _add_home(scored, home)
                if idx in near_of:
                    _add_near(scored, near_of[idx])
                self._add_discourse(span, scored, last_by_norm.get(norm),
                                    resolved_by_norm.get(norm, []))
            best, conf = _pick(scored)
            if _far_garble(best, span, anchors):
                results.append(_no_such_place(doc_id, span, best, dateline,
                                              "lies far from every place the article names"))
                continue
            prior_best = max(scored, key=lambda s: s.prior + MATCH[s.how]).hit.entry.id
            method = METHOD[best.how]
            if best.hit.entry.id != prior_best and best.reasons:
                method = "context"
            conf = min(conf, CEILING[best.how] - (0.1 * (best.hit.distance - 1)
                                                   if best.how == "fuzzy" else 0.0))
            conf *= self._recognition_factor(span, best.hit.entry)
            decided = conf  # what the discourse cues below trust: the choice, not its honesty
            explanation = _explain(span, best, scored)
            if not dateline:
                cap, why_low = self._unsupported_cap(best, span, anchors)
                if conf > cap and best.how in ("fuzzy", "translit") and \
                        _far_from_towns(best.hit.entry, span, anchors):
                    # a spelling-only match that nothing in the article places is a
                    # village the gazetteer lacks, not a far namesake (decision 230)
                    results.append(_no_such_place(doc_id, span, best, dateline, why_low))
                    continue
                if conf > cap:
                    conf, explanation = cap, f"{explanation}; {why_low}"
            place = replace(Place.from_entry(best.hit.entry, span.surface, conf, method,
                                             explanation), candidates=len(scored))
            results.append(PlaceMention(doc_id, span.surface, span.start, span.end, place,
                                        dateline=dateline))
            if decided >= 0.5:
                last_by_norm[norm] = best.hit.entry.id
                resolved_by_norm.setdefault(norm, []).append(best.hit.entry.id)
        return self._with_seats(spans, self._apply_cyrillic_districts(
            view, _apply_city_parts(view, self._apply_appositives(view, results))))

    def _with_seats(self, spans: Sequence[Span], mentions: list[PlaceMention]
                    ) -> list[PlaceMention]:
        """Raions of Ukraine, Russia and Belarus (decision 100): a Russian or Ukrainian
        raion named by its seat's adjective ("Куп'янського району", "в Севском и Климовском
        районах"), resolved to the seat, is the raion the seat names, in the seat's region;
        and every raion carries its seat town, where the event stage places an event "in
        the X district" (decision 11f); and every town and raion carries its admin-1 region."""
        by_pos = {(s.start, s.end): s for s in spans}
        out = []
        for m in mentions:
            p = m.place
            span = by_pos.get((m.start, m.end))
            if p is not None and p.kind == "city" and span is not None and \
                    "raion" in span.evidence and p.geonameid in {h.entry.id for h in span.hits}:
                raions = sorted((r for r in self.gaz.raions_of(p.geonameid)
                                 if (r.country, r.admin1_code) == (p.country, p.admin1_code)),
                                key=lambda r: -r.population)
                if raions:
                    p = Place.from_entry(raions[0], m.surface, p.confidence, p.method,
                                         f"the raion named after its seat {p.name}; "
                                         f"{p.explanation}")
            if p is not None and p.kind == "admin2":
                e = self.gaz.entry(p.geonameid)
                seat = self.gaz.entry(e.seat) if e is not None and e.seat else None
                if seat is not None:
                    p = replace(p, seat=Place.from_entry(
                        seat, m.surface, p.confidence, p.method,
                        f"{seat.name}, the seat of {p.name}: {p.explanation}"))
            if p is not None and p.kind in ("city", "admin2") and p.admin1_code:
                e = self.gaz.entry(p.geonameid)
                region = self.gaz.admin1_of(e) if e is not None else None
                if region is not None:
                    p = replace(p, region=self._with_capital(Place.from_entry(
                        region, m.surface, p.confidence, "context",
                        f"{region.name}, the region of {p.name}")))
            if p is not None and p.kind == "admin1":
                p = self._with_capital(p)
            out.append(m if p is m.place else replace(m, place=p))
        return out

    def _with_capital(self, region: Place) -> Place:
        """An admin-1 region with its capital, its most populous town (decision 626)."""
        if region.kind != "admin1" or not region.admin1_code:
            return region
        town = self.gaz.largest_town(region.country, region.admin1_code)
        if town is None:
            return region
        return replace(region, capital=Place.from_entry(
            town, region.surface, region.confidence, "context",
            f"{town.name}, the capital of {region.name}"))

    def _apply_cyrillic_districts(self, view: TextView, mentions: list[PlaceMention]
                                  ) -> list[PlaceMention]:
        """'Дроны атаковали Одессу. В Приморском районе повреждены дома' (and in English,
        "... on Kyiv. Debris fell in the Darnytskyi district"): a district named
        by an adjective after a city is the city's district, when the place the adjective
        leads to is no town big enough to have given a district its name, or lies in
        another region than the city (Киевский район of Donetsk is not Kyiv's)."""
        out = list(mentions)
        last_city: tuple[PlaceMention, Entry] | None = None
        # the seats already read as a city's districts: "в Киевском повреждены" after
        # "Киевскому районам города" is the same district, its noun left out
        rebound: set[int] = set()
        for i, m in enumerate(out):
            district = CYRILLIC_DISTRICT.match(m.surface) or (
                " " not in m.surface.strip()
                and CYRILLIC_DISTRICT_AFTER.match(view.text[m.end:m.end + 80])) or (
                m.place is not None and m.place.geonameid in rebound
                and bool(CYRILLIC_DISTRICT_ADJ.search(m.surface.strip()))) or (
                (m.place is None or (m.place.kind == "city" and m.place.method != "appositive"))
                and bool(LATIN_DISTRICT_ADJ.match(HEAD_NOUN_END.sub("", m.surface.strip())))
                and (bool(HEAD_NOUN_END.search(m.surface))
                     or bool(LATIN_DISTRICT_AFTER.match(view.text[m.end:m.end + 40]))))
            seat = self.gaz.entry(m.place.geonameid) if m.place is not None else None
            # a quarter of the city itself is its district past a paragraph's end too ("атака
            # на Київ ... \n\nУ Дарницькому районі"; decision 205)
            quarter = last_city is not None and seat is not None and (self._quarter_of(
                seat, last_city[1]) or bool(district and _stray_abroad(seat, last_city[1],
                                                                       out, i)))
            # the city named last, no place named since: its district past a paragraph's
            # end too, when the adjective leads to a village ("Харьков пережил атаку ...
            # \n\nв Слободском районе"; decision 302)
            next_place = last_city is not None and seat is not None and \
                seat.population < DISTRICT_SEAT_MIN_POPULATION and _none_between(
                    out, last_city[0], i, last_city[1].id)
            # a quarter of a city the article never names ("the Dniprovskyi district" of
            # Kyiv, in a story from Kherson): the district of the city it is about, past a
            # paragraph's end too (decision 493)
            elsewhere = seat is not None and district and self._quarter_of_unnamed(seat, out)
            if district and last_city is not None and (
                    quarter or next_place or elsewhere
                    or "\n\n" not in view.text[last_city[0].end:m.start]) and \
                    (m.place is None or m.place.geonameid != last_city[1].id):
                city = last_city[1]
                if seat is None or seat.population < DISTRICT_SEAT_MIN_POPULATION or (
                        seat.country, seat.admin1_code) != (city.country, city.admin1_code) \
                        or quarter:
                    p = last_city[0].place
                    assert p is not None
                    if m.place is not None:
                        rebound.add(m.place.geonameid)
                    out[i] = replace(m, place=_rebind(
                        p, m.surface, min(0.9, p.confidence),
                        f"'{m.surface}' is a district of {p.name}, named before"),
                        container=None)
                    continue
            if m.place is not None and m.place.kind == "city" and not district and \
                    not QUALIFYING_AFTER.match(view.text[m.end:m.end + 30]) and \
                    not _speaking(view.text, m):
                e = self.gaz.entry(m.place.geonameid)
                if e is not None and self._has_districts(e):
                    last_city = (m, e)
        return out

    def _quarter_of_unnamed(self, seat: Entry, mentions: Sequence[PlaceMention]) -> bool:
        """Whether a place a district's name leads to is a quarter of its own region's
        largest town (within ``DISTRICT_INSIDE_KM`` of it) that no mention of the text
        names."""
        largest = self.gaz.largest_town(seat.country, seat.admin1_code)
        if largest is None or largest.id == seat.id or \
                _distance_km(seat, largest) >= DISTRICT_INSIDE_KM:
            return False
        return not any(x.place is not None and x.place.geonameid == largest.id
                       for x in mentions)

    def _has_districts(self, e: Entry) -> bool:
        """Whether a city has districts of its own: a large one, or its region's largest
        town (GeoNames gives Kherson, a regional capital with districts, 66,000 people;
        decision 251)."""
        if e.population >= DISTRICT_CITY_MIN_POPULATION:
            return True
        if not e.admin1_code or self.gaz.theatre_weight(e.country) <= 0:
            return False
        largest = self.gaz.largest_town(e.country, e.admin1_code)
        return largest is not None and largest.id == e.id

    def _quarter_of(self, seat: Entry, city: Entry) -> bool:
        """Whether a place a district's adjective leads to lies inside the city: close to
        its centre, or a little further and the seat of no raion (decision 142)."""
        if (seat.country, seat.admin1_code) != (city.country, city.admin1_code):
            return False
        km = _distance_km(seat, city)
        return km < DISTRICT_INSIDE_KM or (km < DISTRICT_QUARTER_KM
                                           and not self.gaz.raions_of(seat.id))

    def _containers(self, view: TextView, spans: Sequence[Span],
                    scored: Sequence[list[_Scored]]) -> dict[int, Container]:
        """Map a span index to the regions that the text puts it in ('X, in the Y region')."""
        out: dict[int, Container] = {}
        self._holder_of = {}
        for i in range(len(spans) - 1):
            a, b = spans[i], spans[i + 1]
            gap = view.text[a.end:b.start]
            j = i + 1
            if j + 1 < len(spans) and view.text[b.end:spans[j + 1].start] in ("'s ", "’s ") \
                    and any(s.hit.entry.kind == "country" for s in scored[j]):
                # "X in Ukraine's Zaporizhzhia region": the country's region holds X
                j += 1
                b = spans[j]
            # "в Донецке Ростовской области", "біля Андріївки Сумської області": a region
            # in the genitive right after a Cyrillic name contains it, as "X, in Y" does;
            # so does one after "в"/"у"/"на" ("освободили Новоивановку в Курской области")
            cyrillic = bool(CYRILLIC_CONTAINER_GAP.match(gap)) and bool(
                _CYRILLIC.search(a.surface + b.surface)) and (
                    gap == " " or may_be_locative(b.surface.split()[0]))
            if not CONTAINER_GAP.match(gap) and not cyrillic:
                continue
            if view.text[b.end:b.end + 1] in ("-", "\u2010", "\u2011"):
                # "Vasylivka, Moscow-installed governor X said": a place in a compound
                # adjective qualifies what follows, it holds nothing (decision 500)
                continue
            if "region" in a.evidence and _CYRILLIC.search(a.surface):
                continue  # "Харківській, Сумській та ... областях": a region listed, not held
            regions = [s.hit.entry for s in scored[j]
                       if s.hit.entry.kind in ("admin1", "region")
                       or (s.hit.entry.kind == "country" and b.surface == s.hit.entry.name)]
            tight = bool(TIGHT_CONTAINER_GAP.match(gap)) or cyrillic
            if regions and tight and b.sentence == a.sentence and \
                    all(r.kind in ("admin1", "region") for r in regions):
                out[i] = Container(regions, hard=True)
                self._holder_of[id(b)] = i
                continue
            if not regions:
                # "the village of Kamianske in Vasylivka district": the district's region
                # holds the village (decision 343)
                regions = [adm for s in scored[j] if s.hit.entry.kind == "admin2"
                           for adm in (self.gaz.admin1_of(s.hit.entry),) if adm is not None]
            regions += [s.hit.entry for s in scored[j] if s.hit.entry.kind == "country"
                        and s.hit.entry not in regions]
            # "Krasnarmeysk in Donetsk": a city name read as its region when a region has it.
            if not regions:
                for s in scored[j]:
                    admin = self.gaz.admin1_of(s.hit.entry)
                    if admin is not None and normalize(admin.name).startswith(
                            normalize(b.surface)):
                        regions.append(admin)
            if regions and tight and b.sentence == a.sentence and \
                    DIRECTION_AFTER.match(view.text[b.end:b.end + 20]):
                out[i] = Container(regions, hard=True)
                continue
            if regions:
                out[i] = Container(regions)
        return out

    def _relative_anchors(self, view: TextView, spans: Sequence[Span],
                          anchor_of: dict[int, Entry]) -> dict[int, Entry]:
        """Map a span index to the place the text puts it near ('X, south of Y').

        Y is read as it resolves on its own (the first pass), so 'near Vasylivka' means
        the largest Vasylivka unless Y is itself placed by something else.
        """
        out: dict[int, Entry] = {}
        for i in range(len(spans) - 1):
            b = spans[i + 1]
            a = anchor_of.get(id(b))
            if a is not None and a.kind == "city" and spans[i].sentence == b.sentence and (
                    RELATIVE_GAP.match(view.text[spans[i].end:b.start])):
                out[i] = a
        return out

    def _add_container(self, scored: list[_Scored], container: Container | None) -> None:
        """'X, in the Y region': candidates inside Y gain, towns outside it lose."""
        if not container:
            return
        for s in scored:
            inside = [r for r in container.regions if _contains(self.gaz, r, s.hit.entry)]
            if inside:
                s.score += W_CONTAINER
                s.reasons.append((W_CONTAINER, f"'{inside[0].name}' named right after it"))
            elif s.hit.entry.kind == "city":
                s.score += W_CONTAINER_MISS

    def _add_context(self, span: Span, scored: list[_Scored],
                     anchors: list[_AnchorMentions],
                     view: TextView, idx: int = -1) -> None:
        # the places whose own name this is, as written or romanised otherwise ("Grishino"
        # is the Russian form of the village Hryshyne)
        key = translit_key(span.surface)
        own = [x.hit.entry for x in scored
               if x.hit.source == "name" or translit_key(x.hit.entry.name) == key]
        surface = normalize(span.surface)
        neighbours = _neighbours(span, surface, anchors)
        for s in scored:
            e = s.hit.entry
            best_admin = best_local = best_doc = 0.0
            admin_reason = local_reason = doc_reason = ""
            same_as_anchor = False
            close = 0.0  # towns within 50 km named in the same sentence (or, half, beside it)
            for a, others, near_any, near_all in neighbours:
                if a.id == e.id:
                    same_as_anchor = True
                    continue
                if a.kind in ("admin1", "region") and _contains(self.gaz, a, e):
                    # a region named as another town's container places that town, not the
                    # paragraph's other names: for them it is a region of the article
                    same_par = any(x.paragraph == span.paragraph
                                   and abs(x.sentence - span.sentence) <= 1
                                   and self._holder_of.get(id(x), idx) == idx for x in others)
                    w = W_ADMIN_PARAGRAPH if same_par else W_ADMIN_DOC
                    if w > best_admin:
                        where = "the same paragraph" if same_par else "the article"
                        best_admin, admin_reason = w, f"{a.name} named in {where}"
                    continue
                if a.kind == "city" and e.kind != "city" and _contains(self.gaz, e, a):
                    # "Georgia" beside Atlanta is the state: a region holding a named town
                    same_par = any(x.paragraph == span.paragraph for x in others)
                    w = W_HOLDS_PARAGRAPH if same_par else W_HOLDS_DOC
                    if w > best_admin:
                        best_admin, admin_reason = w, f"{a.name}, inside it, named in the article"
                    continue
                if a.kind != "city" or e.kind not in ("city", "admin1"):
                    continue
                if e.kind == "admin1":
                    # a region of the country of the towns named gets from them what its
                    # towns get: "California" among US towns is not a Maryland town's
                    # name because the towns all count for it (decision 91)
                    if a.country == e.country:
                        if near_any and best_local < W_SAME_COUNTRY_LOCAL:
                            best_local = W_SAME_COUNTRY_LOCAL
                            local_reason = f"{a.name}, in the same country, named nearby"
                        if not near_all and best_doc < W_SAME_COUNTRY_DOC:
                            best_doc = W_SAME_COUNTRY_DOC
                            doc_reason = f"{a.name} ({a.country}) in the article"
                    continue
                if near_any:
                    d = _distance_km(a, e)
                    if d < 50:  # a town of the same sentence counts in full, one beside half
                        close += 1.0 if any(x.sentence == span.sentence for x in others) else 0.5
                    w = W_NEAR_50 if d < 50 else W_NEAR_150 if d < 150 else 0.0
                    if a.admin1_code == e.admin1_code and a.country == e.country:
                        w = max(w, W_SAME_ADMIN_LOCAL)
                    elif a.country == e.country:
                        w = max(w, W_SAME_COUNTRY_LOCAL)
                    if w > best_local:
                        best_local, local_reason = w, f"{round(d)} km from {a.name}, named nearby"
                if not near_all:
                    w = W_SAME_ADMIN_DOC if (a.admin1_code == e.admin1_code
                                             and a.country == e.country) else (
                        W_SAME_COUNTRY_DOC if a.country == e.country else 0.0)
                    if w > best_doc:
                        where = a.admin1 or a.country
                        best_doc, doc_reason = w, f"{a.name} ({where}) in the article"
            if same_as_anchor and s.hit.source == "alt" and translit_key(e.name) != key and any(
                    o.id != e.id and _distance_km(o, e) < OWN_NAME_NEIGHBOUR_KM for o in own):
                # the article calls e by another name, and this name is the own name of a
                # place near e ("Hrodivka" beside Myrnohrad, "Grishino" beside Pokrovsk): it
                # is that place (decision 72)
                s.score -= W_SAME_AS_ANCHOR
                s.reasons.append((-W_SAME_AS_ANCHOR, f"the article calls {e.name} otherwise"))
            elif same_as_anchor:
                s.score += W_SAME_AS_ANCHOR
                s.reasons.append((W_SAME_AS_ANCHOR, f"{e.name} itself is named in the article"))
            more = W_NEAR_MORE * min(close - 1, NEAR_MORE_MAX) if close > 1 else 0.0
            for w, why in ((best_admin, admin_reason), (best_local, local_reason),
                           (best_doc, doc_reason),
                           (more, "other towns within 50 km named with it")):
                if w:
                    s.score += w
                    s.reasons.append((w, why))

    def _add_discourse(self, span: Span, scored: list[_Scored], last: int | None,
                       earlier: list[int]) -> None:
        for s in scored:
            eid = s.hit.entry.id
            if "this" in span.evidence and last == eid:
                s.score += W_THIS
                s.reasons.append((W_THIS, "'this' refers back to the last place so named"))
            elif "other" in span.evidence and last == eid:
                s.score += W_OTHER
            elif "other" in span.evidence and last is not None:
                s.reasons.append((0.5, "'the other' sets it apart from the last place so named"))
            elif eid in earlier and "called" not in span.evidence:
                s.score += W_DISCOURSE
                why = "same name resolved so earlier in the article"
                s.reasons.append((W_DISCOURSE, why))
                s.echoes.add(why)

    def _unsupported_cap(self, best: _Scored, span: Span,
                         anchors: Sequence[tuple[Span, Entry, float]]) -> tuple[float, str]:
        """Return the highest confidence the article allows the chosen town, and why.

        The softmax margin says how the namesakes compare, not whether any of them is the
        place meant: a village that is the gazetteer's only entry of its name gets 1.0
        from it even when the article is about somewhere else (Zheleznodorozhnoye in
        Crimea, 353 km from the Zaporizhzhia front the article reports). A small town that
        nothing in the text places (no region, no neighbour, no container) is capped by
        its population: far from every town the article names, or the article's only
        place outside the theatre.
        """
        e = best.hit.entry
        if e.kind != "city" or any(w >= W_SUPPORT and why not in best.echoes
                                   for w, why in best.reasons):
            return 1.0, ""
        theatre = self.gaz.theatre_weight(e.country) > 0
        if e.population >= (KNOWN_TOWN_THEATRE if theatre else KNOWN_TOWN):
            return 1.0, ""  # a town every reader of the story knows: Kupiansk, Timbuktu
        surface = normalize(span.surface)
        others = [a for s, a, _c in anchors if normalize(s.surface) != surface
                  and a.kind == "city" and a.population < METONYM_POPULATION and a.id != e.id]
        cap = UNSUPPORTED_VILLAGE if e.population < VILLAGE_POPULATION else UNSUPPORTED_TOWN
        far = THEATRE_VILLAGE_FAR_KM if theatre and e.population < VILLAGE_POPULATION \
            else UNSUPPORTED_FAR_KM
        if others:
            near = min(_distance_km(a, e) for a in others)
            if near > far:
                return cap, (f"nothing in the article places it: {round(near)} km from the "
                             "nearest town it names")
        elif not theatre and e.population < LONE_VILLAGE_POPULATION:
            return UNSUPPORTED_VILLAGE, ("nothing in the article places it: a village, the "
                                         "only town the article names")
        return 1.0, ""

    def _recognition_factor(self, span: Span, e: Entry) -> float:
        """Lower confidence for small places found only as a bare capitalised word."""
        if span.evidence & {"ner", "pattern", "prep", "region"}:
            return 1.0
        if e.kind != "city" or self.gaz.theatre_weight(e.country) > 0:
            return 1.0
        return 0.75

    def _apply_appositives(self, view: TextView,
                           mentions: list[PlaceMention]) -> list[PlaceMention]:
        """'A, known in Ukrainian as B' and 'B, formerly A': A takes B's place."""
        out = list(mentions)
        tied: dict[str, Place] = {}
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            gap = view.text[a.end:b.start]
            if b.place is not None and (APPOSITIVE_AFTER.match(gap) or (
                    OR_GAP.match(gap) and AS_THEY_CALL.match(view.text[b.end:b.end + 60]))):
                alias_i, anchor = i, b
            elif FORMERLY_AFTER.match(gap) and a.place is not None:
                alias_i, anchor = i + 1, a
            else:
                continue
            assert anchor.place is not None
            old = out[alias_i]
            if old.place is not None and (old.place.geonameid == anchor.place.geonameid
                                          or old.place.kind != anchor.place.kind):
                continue  # nothing to do, or "Ukraine renamed X": a country is no town's alias
            phrase = " ".join(view.text[a.start:b.end].split())
            place = _rebind(anchor.place, old.surface, min(0.93, anchor.place.confidence),
                            f"tied to {anchor.place.name} by the appositive '{phrase}'")
            out[alias_i] = replace(old, place=place)
            tied[normalize(old.surface)] = place
        if tied:
            for i, m in enumerate(out):
                key = normalize(m.surface)
                if key in tied and (m.place is None or m.place.method != "appositive"):
                    p = tied[key]
                    out[i] = replace(m, place=_rebind(
                        p, m.surface, p.confidence,
                        f"named {p.name} by an appositive earlier in the article"))
        return out


def _none_between(mentions: Sequence[PlaceMention], city: PlaceMention, i: int,
                  city_id: int) -> bool:
    """Whether no place but the city itself (or its districts, or the region it lies in:
    "глава Харьковской областной военной администрации", decision 335) is named between
    the city's mention and mention ``i``."""
    start = next((j for j, m in enumerate(mentions) if m is city), None)
    home = (city.place.country, city.place.admin1_code) if city.place is not None else None
    return start is not None and start < i and all(
        m.place is not None and (m.place.geonameid == city_id or (
            m.place.kind == "admin1" and (m.place.country, m.place.admin1_code) == home))
        for m in mentions[start + 1:i])


def _stray_abroad(seat: Entry, city: Entry, mentions: Sequence[PlaceMention], i: int) -> bool:
    """Whether the place a district's adjective leads to lies in another country than the
    city named before, in a region no other place of the article lies in: "Атака на Київ"
    and, a paragraph on, "у Соломенском районе" (Solomenskoye, a Russian village) or
    "Донецк ... Калининский район" (the raion of Tver, once Kalinin) are the city's own
    districts (decision 251)."""
    if seat.country == city.country:
        return False
    region = (seat.country, seat.admin1_code)
    return not any(j != i and m.place is not None and m.place.kind != "country"
                   and (m.place.country, m.place.admin1_code) == region
                   for j, m in enumerate(mentions))


def _apply_city_parts(view: TextView, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A district of a city is the city: "the Kievsky district of the city" (the city
    last named), "the Sviatoshynskyi district of Kyiv", "Kyiv's Sviatoshynskyi district"
    take the city's place; the gazetteer's namesakes of the district are far away or
    are the district's own small entry."""
    out = list(mentions)
    last_city: PlaceMention | None = None
    for i, m in enumerate(out):
        # "the Darnytskyi district of Kyiv": a span that ends with its head noun is read
        # from the noun on, as one without it
        noun = HEAD_NOUN_END.search(m.surface)
        end = m.start + noun.start() if noun else m.end
        after = view.text[end:end + 60]
        city: PlaceMention | None = None
        if PART_OF_THE_CITY.match(after) or (
                THE_CITYS.search(view.text[max(0, m.start - 20):m.start]) and
                PART_AFTER.match(after)):
            city = last_city  # "the Kievsky district of the city", "the city's X district"
        if city is None and i + 1 < len(out) and (
                PART_OF.match(view.text[end:out[i + 1].start]) or
                PART_IN.match(view.text[end:out[i + 1].start])):
            # (and "the town's Kanal microdistrict in Chasiv Yar", no town named before)
            city = out[i + 1]
        elif city is None and PART_IN_THE_CITY.match(after):
            city = last_city
        elif city is None and i > 0 and CITYS_PART.match(view.text[out[i - 1].end:m.start]) \
                and PART_AFTER.match(after):
            city = out[i - 1]
        if city is not None and city.place is not None and city.place.kind == "city" and \
                (m.place is None or m.place.geonameid != city.place.geonameid):
            part = PART_AFTER.match(after)
            words = view.text[m.start:end]
            phrase = " ".join((words + part.group() if part else words).split())
            out[i] = replace(m, place=_rebind(
                city.place, m.surface, min(0.9, city.place.confidence),
                f"'{phrase}' is a district of {city.place.name}"), container=None)
        elif m.place is not None and m.place.kind == "city" and not m.dateline and \
                not QUALIFYING_AFTER.match(after) and not _speaking(view.text, m):
            last_city = m  # not "Moscow's troops", "Moscow-installed": a government
    return out


def _speaking(text: str, m: PlaceMention) -> bool:
    """Whether a city's name stands for its government speaking ("as Moscow claimed")."""
    return bool(SPEAKING_AFTER.match(text[m.end:m.end + 30])) and \
        not LOCATED_BEFORE.search(text[max(0, m.start - 30):m.start])


@dataclass(frozen=True)
class _Home:
    """The article's home: an admin-1 region (country, code) and/or a country."""

    admin1: tuple[str, str] | None
    country: str | None
    admin1_name: str = ""


_EXACT_HOW = frozenset({"name", "alt", "alias", "user", "former", "lemma"})


def _home(spans: Sequence[Span], scored: Sequence[list[_Scored]]) -> _Home:
    """Vote the article's home region from its names whose namesakes all lie in one
    admin-1 region (or one country); each distinct name votes once."""
    admin_votes: dict[tuple[str, str], int] = {}
    country_votes: dict[str, int] = {}
    names: dict[tuple[str, str], str] = {}
    named: set[tuple[str, str]] = set()  # voted for by a region's own name
    seen: set[str] = set()
    for span, cands in zip(spans, scored, strict=True):
        norm = normalize(span.surface)
        exact = [c.hit.entry for c in cands if c.how in _EXACT_HOW]
        if not exact or norm in seen:
            continue
        seen.add(norm)
        countries = {e.country for e in exact if e.country}
        if len(countries) == 1:
            c = next(iter(countries))
            country_votes[c] = country_votes.get(c, 0) + 1
        admins = {(e.country, e.admin1_code) for e in exact}
        if len(admins) == 1 and all(e.kind in ("city", "admin1", "admin2") for e in exact):
            key = next(iter(admins))
            if key[1]:
                admin_votes[key] = admin_votes.get(key, 0) + 1
                names[key] = next((e.admin1 for e in exact if e.admin1), "")
                if all(e.kind != "city" for e in exact):
                    named.add(key)
    home_admin = _winner(admin_votes, HOME_SHARE, named)
    return _Home(home_admin, _winner(country_votes, HOME_COUNTRY_SHARE, set()),
                 names.get(home_admin or ("", ""), ""))


def _winner(votes: dict[Any, int], share: float, named: set[Any]) -> Any:
    """Return the key with the most votes when it has enough of them, else None; one vote
    is enough for a region the article names itself (a state, a county)."""
    if not votes:
        return None
    key, n = max(votes.items(), key=lambda kv: kv[1])
    enough = n >= HOME_MIN_VOTES or key in named
    return key if enough and n >= share * sum(votes.values()) else None


def _add_home(scored: list[_Scored], home: _Home) -> None:
    """Candidates in the article's home region and country gain."""
    if home.admin1 is None and home.country is None:
        return
    for s in scored:
        e = s.hit.entry
        if home.admin1 is not None and (e.country, e.admin1_code) == home.admin1 and \
                e.kind in ("city", "admin1", "admin2"):
            s.score += W_HOME_ADMIN
            s.reasons.append((W_HOME_ADMIN, f"in {home.admin1_name or 'the region'}, where "
                                            "the article's other places lie"))
        if home.country is not None and e.country == home.country and e.kind != "country":
            s.score += W_HOME_COUNTRY
            why = "in the country of the article's other places"
            s.reasons.append((W_HOME_COUNTRY, why))
            s.echoes.add(why)


# A name found only by spelling (romanisation fold, edit distance) and nothing in the
# article near it is a village the gazetteer lacks, not a far namesake ("Kotlino" ->
# Kotlin, Poland; "Sukhyi Yar" -> Sohar, Oman). Set on eval/places_blind5.yaml's first-run
# errors and checked on every place set (docs/evaluation.md, round 4).
FAR_GARBLE_KM = 300.0
METONYM_POPULATION = 1_000_000
# Confidence must mean what it says (issue 11: of the places resolved at >= 0.9, 97% right).
# A small town that nothing in the text places (no reason of weight W_SUPPORT or more: a
# region named, a neighbour within 150 km or in the same oblast, a container; the same name
# read so earlier and the country of the other places only echo the article) is capped by
# its population when it lies more than UNSUPPORTED_FAR_KM from every town the article
# names, or, outside the theatre, is a village and the article's only town. Measured on the
# confident (>= 0.9) resolutions of every project place set and the four public benchmarks
# before the cap (docs/evaluation.md, issue 11, round 5): far and unsupported, towns under
# 5,000 people were right 27 times in 190, 5,000-20,000 33 in 117, 20,000-100,000 outside
# the theatre 63 in 129 (theatre towns of that size 4 in 5: Kupiansk, Pokrovsk named by an
# old name; 100,000 and more 571 in 658); lone villages outside the theatre (under 2,000
# people, no other town named) 18 in 103.
W_SUPPORT = 0.15
UNSUPPORTED_FAR_KM = FAR_GARBLE_KM
# A village of the theatre, where the front's villages lie close together, is far already at
# 150 km: "Attacks were recorded in Bilozerka, Zelenivka, ..., Dniprovske and Poniativka"
# lists Kherson Oblast villages, and the gazetteer's only Dniprovske lies 208 km off in
# Dnipropetrovsk Oblast (decision 73). Of the resolutions at >= 0.9 it lowers on the project's
# place sets, none was right (2 on eval/places_blind6.yaml, 1 each on places_blind2,
# places_ru_blind2, places_uk_blind2); towns abroad keep UNSUPPORTED_FAR_KM (Daugavpils 155
# km from Narva, Ocnita 186 km from Chernivtsi are right).
THEATRE_VILLAGE_FAR_KM = 150.0
VILLAGE_POPULATION, KNOWN_TOWN, KNOWN_TOWN_THEATRE = 20_000, 100_000, 20_000
LONE_VILLAGE_POPULATION = 2_000
UNSUPPORTED_VILLAGE, UNSUPPORTED_TOWN = 0.3, 0.5


def _far_garble(best: _Scored, span: Span, anchors: Sequence[tuple[Span, Entry, float]]
                ) -> bool:
    """Return whether a spelling-only match lies far from every place the article names."""
    if best.how not in ("fuzzy", "translit") or any(
            w >= W_SUPPORT and why not in best.echoes for w, why in best.reasons):
        return False
    e = best.hit.entry
    # capitals and other very large cities are named for their governments as often as for
    # themselves ("Moscow-installed", "Kyiv said"): they do not place a story
    return _far_from_towns(e, span, anchors)


def _no_such_place(doc_id: str, span: Span, best: _Scored, dateline: bool, why: str
                   ) -> PlaceMention:
    """An unresolved mention whose nearest spelling in the gazetteer is no place of it."""
    e = best.hit.entry
    return PlaceMention(doc_id, span.surface, span.start, span.end, None,
                        f"no place of that name; the nearest spelling, {e.name} "
                        f"({e.admin1 or e.country}), {why}", dateline=dateline)


def _far_from_towns(e: Entry, span: Span, anchors: Sequence[tuple[Span, Entry, float]]
                    ) -> bool:
    """Return whether every town the article names (capitals and other metonyms aside)
    lies more than FAR_GARBLE_KM from ``e``."""
    others = [a for s, a, _c in anchors if s is not span and a.kind == "city"
              and a.population < METONYM_POPULATION and a.id != e.id]
    return bool(others) and all(_distance_km(a, e) > FAR_GARBLE_KM for a in others)


def _add_near(scored: list[_Scored], a: Entry) -> None:
    """'X, south of Y': candidates close to Y gain."""
    for s in scored:
        d = _distance_km(a, s.hit.entry) if s.hit.entry.kind == "city" else 1e9
        w = W_RELATIVE if d < RELATIVE_KM / 3 else W_RELATIVE / 2 if d < RELATIVE_KM else 0.0
        if w:
            s.score += w
            s.reasons.append((w, f"placed by the text near {a.name}"))


def _filing_city(scored: list[_Scored]) -> None:
    """A dateline names the city a report was filed from: a large city, whatever the
    article goes on to name ("LUGANSK -" is Luhansk, not a village near Donetsk)."""
    for s in scored:
        e = s.hit.entry
        if e.kind == "city":
            w = W_DATELINE * min(1.0, math.log10(e.population + 1) / 7.0)
            s.score += w
            s.reasons.append((w, "a dateline names the city the report was filed from"))


def _within(gaz: Gazetteer, scored: list[_Scored], container: Container | None
            ) -> tuple[list[_Scored], list[_Scored]]:
    """Split candidates by a hard container: (those inside, those outside when none is)."""
    if container is None or not container.hard:
        return scored, []
    inside = [s for s in scored
              if any(_contains(gaz, r, s.hit.entry) or r.id == s.hit.entry.id
                     for r in container.regions)]
    if inside:
        return inside, []
    if any(s.hit.entry.kind != "city" for s in scored):
        return scored, []  # a region beside a region ("Donetsk, Luhansk"): no container
    return [], scored


def _region_place(span: Span, container: Container, why: str) -> Place | None:
    """The region a missing place lies in, as the place an event there can be coded to."""
    if len(container.regions) != 1:
        return None
    return Place.from_entry(container.regions[0], span.surface, REGION_OF_MISSING_CONFIDENCE,
                            "context", f"{why}; coded to the region that contains it")


def _outside_reason(span: Span, outside: list[_Scored], container: Container) -> str:
    names = sorted({f"{s.hit.entry.name} ({s.hit.entry.admin1 or s.hit.entry.country})"
                    for s in outside})
    region = " or ".join(r.name for r in container.regions[:2])
    return (f"'{span.surface}' is placed by the text in {region}, where the gazetteer has no "
            f"place of that name; namesakes elsewhere ({', '.join(names[:3])}) are not it")


def _rebind(p: Place, surface: str, confidence: float, explanation: str) -> Place:
    return Place(name=p.name, geonameid=p.geonameid, lat=p.lat, lon=p.lon, country=p.country,
                 admin1=p.admin1, surface=surface, confidence=round(confidence, 3),
                 method="appositive", explanation=explanation, kind=p.kind,
                 admin1_code=p.admin1_code)


def _pick(scored: list[_Scored]) -> tuple[_Scored, float]:
    """Return the best candidate and its confidence: a logistic of its lead over the next."""
    ranked = sorted(scored, key=lambda s: (s.score, s.hit.entry.population), reverse=True)
    if len(ranked) == 1:
        return ranked[0], 1.0
    margin = ranked[0].score - ranked[1].score
    return ranked[0], 1.0 / (1.0 + math.exp(-margin / TEMPERATURE))


def _match_words(best: _Scored) -> str:
    e, hit = best.hit.entry, best.hit
    if best.how == "name":
        return "GeoNames name"
    if best.how == "alt":
        return f"GeoNames alternate name of {e.name}"
    if best.how in ("alias", "user"):
        return f"{'project' if best.how == 'alias' else 'user'} alias of {e.name}"
    if best.how == "former":
        return f"old name of {e.name} ({hit.note or 'former name'})"
    if best.how == "translit":
        return f"Russian/Ukrainian romanisation of {e.name}"
    if best.how == "lemma":
        return f"inflected Russian/Ukrainian form of a name of {e.name}"
    if best.how == "seat":
        return f"a district, community or front direction named after {e.name}, its seat"
    return f"garbled spelling of {e.name} ({hit.distance} letter{'s' if hit.distance > 1 else ''}" \
           " off a known name)"


def _explain(span: Span, best: _Scored, scored: list[_Scored]) -> str:
    parts = [_match_words(best)]
    reasons = sorted(best.reasons, key=lambda r: -r[0])
    parts.extend(why for _, why in reasons[:2])
    if len(scored) > 1:
        e = best.hit.entry
        where = ", ".join(x for x in (e.admin1, e.country) if x)
        parts.append(f"chosen among {len(scored)} candidates ({where})")
        if "called" in span.evidence:
            parts.append("'called' introduces a lesser-known namesake")
    return "; ".join(parts)


def _unresolved_reason(span: Span) -> str:
    cue = "named as a place" if span.evidence & {"pattern", "ner", "prep"} else "capitalised"
    return f"'{span.surface}' is {cue} in the text but matches no gazetteer entry"

