"""Find the stretches of a text that name places.

Three sources of evidence are combined:

1. Gazetteer matching: capitalised word n-grams (Latin or Cyrillic, with word
   boundaries) looked up by exact normalised name, longest match first.
2. spaCy's ``GPE``/``LOC``/``FAC`` entities, and its ``PERSON`` entities and
   part-of-speech tags as evidence *against* a gazetteer match ("Victoria says").
3. Place-like contexts ("in X", "the town of X", "X, in the Donetsk region",
   "a town called X") for capitalised words that match nothing exactly: these
   are looked up by romanisation key, then by edit distance, and reported
   unresolved when nothing fits.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from wirewatch.places.gazetteer import Gazetteer, NameHit
from wirewatch.places.models import Span
from wirewatch.places.morph import (
    LOCATIVE_ADJECTIVE_ENDINGS,
    dictionary_forms,
    has_first_name_reading,
    is_common_word,
    is_person_reading,
    lemmas,
    may_be_genitive_noun,
    parse_tags,
    seat_names,
)
from wirewatch.places.text import has_cyrillic, normalize

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
MAX_NGRAM = 5
# Lower-case words allowed inside a multi-word name ("Republic of Crimea", "Rostov-on-Don").
CONNECTORS = {"of", "on", "upon", "na", "de", "la", "le", "del", "am", "an", "pod", "nad"}
PLACE_TYPES = (r"villages?|towns?|city|cities|settlements?|hamlets?|townships?|localit(?:y|ies)"
               r"|urban-type settlement|district|municipality|region|port|suburb")
STRONG_BEFORE = re.compile(
    rf"\b(?:(?:{PLACE_TYPES})\s+(?:of|called|named|known as)|(?:called|named))\s*$",
    re.IGNORECASE)
CALLED_BEFORE = re.compile(r"\b(?:called|named)\s*$", re.IGNORECASE)
PREP_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|towards?|into|from|of|over|across|through|"
    r"via|beyond|inside|on|off|between|taken|overran|overrun|retook|recaptured|captured?|took|take|seized?|liberated?|liberating|occupied|struck|strike|"
    r"shelled|shelling|hit|entered|enter|encircled?|surrounded?|storm(?:ed)?|reached?|"
    r"attacked?|defend(?:ed)?|cleared?|evacuated from|residents of)\s+(?:the\s+)?$",
    re.IGNORECASE)
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ians|eans|ists?|ic)$", re.IGNORECASE)
DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east",
              "west", "greater", "occupied", "free", "ukrainian", "russian",
              # "South-west of Kurakhove": a bearing, not a province of that name
              "south west", "south east", "north west", "north east", "southwest",
              "southeast", "northwest", "northeast"}
THIS_BEFORE = re.compile(r"\b(this|that)\s+$", re.IGNORECASE)
# "the other X", "a very different X": not the X last named ("another X" is left out:
# "another Kharkiv district" is the same Kharkiv)
OTHER_BEFORE = re.compile(
    r"\bthe\s+other\s+$|\bconfused\s+with\s+(?:the\s+)?$"
    r"|\b(?:a|an|the)\s+(?:(?:very|quite|wholly|entirely|completely)\s+)?different\s+$",
    re.IGNORECASE)
# "the border crossing at Medyka", "the airport at Jasionka": a site at a place.
AT_SITE_BEFORE = re.compile(
    r"\b(?:border|crossings?|checkpoints?|airports?|air\s*bases?|bases?|ports?|stations?|"
    r"terminals?|depots?|bridges?|dams?|plants?|refinery|refineries|harbou?rs?)\s+at\s+$",
    re.IGNORECASE)
# "Lublin's airport", "Kharkiv's mayor": a possessive that only a place takes.
PLACE_POSSESSIVE_AFTER = re.compile(
    r"^['’]s\s+(?:(?:main|international|central|regional|old|northern|southern|eastern|"
    r"western)\s+)?(?:airport|port|harbou?r|mayor|outskirts|suburbs?|city\s+cent(?:re|er)|"
    r"(?:railway|train|bus)\s+station|residents|city\s+council|old\s+town)\b", re.IGNORECASE)
# "formerly X", "known until 2016 as X", "renamed X": X is a name of a place.
RENAME_BEFORE = re.compile(
    r"\b(?:formerly|previously|the\s+former|renamed(?:\s+as)?|known\s+(?:[\w-]+\s+){0,3}as)\s+$",
    re.IGNORECASE)
# "U.S.", "U.K.", "U.S.A.": dotted abbreviations, looked up whole.
DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}")
# "the Belgorod governor", "the Kursk regional administration": the name is a region's.
REGIONAL_OFFICE = re.compile(
    r"^(?:['’]s)?\s+(?:acting\s+)?(?:governor|(?:regional|oblast)\s+(?:military\s+)?"
    r"(?:governor|administration|authorities|council|head|police|prosecutor))\b", re.IGNORECASE)
# "the Zapad group of forces", "the Dnepr grouping": a name of a formation, not a place.
GROUP_AFTER = re.compile(r"^\s+(?:group|grouping|battlegroup|battle\s+group|army\s+group)\b",
                         re.IGNORECASE)
# "the east bank of the Oskil", "across the Dnipro", "the Oskil river": a river.
RIVER_BEFORE = re.compile(
    r"\bbanks?\s+of\s+(?:the\s+)?$|\b(?:along|across|crossed|crossing|cross)\s+the\s+$|"
    r"\bsea\s+of\s+$",
    re.IGNORECASE)
RIVER_AFTER = re.compile(r"^\s+(?:river|reservoir|islands?|delta|estuary|floodplain)\b",
                         re.IGNORECASE)
# The last word before a span that any of the patterns above can end with.
_CUE_LAST_WORDS = frozenset({
    "of", "called", "named", "as", "this", "that", "other", "different", "with",
    "formerly", "previously",
    "former", "renamed", "the", "in", "near", "outside", "around", "toward", "towards", "into",
    "from", "over", "across", "through", "via", "beyond", "inside", "on", "off", "between",
    "capture", "captured", "took", "take", "taken", "overran", "overrun", "retook",
    "recaptured", "seize", "seized", "liberate", "liberated", "occupied",
    "liberating", "struck", "strike", "shelled", "shelling", "hit", "entered", "enter",
    "encircle", "encircled", "surround", "surrounded", "storm", "stormed", "reach", "reached",
    "attack", "attacked", "defend", "defended", "clear", "cleared", "at"})
# "Near Kupiansk, ...": a preposition opening a sentence is capitalised, yet no name starts
# with it unless the gazetteer knows the whole ("Near" is tagged a proper noun there).
LEADING_PREPOSITIONS = frozenset({
    "near", "outside", "around", "toward", "towards", "into", "from", "over", "across",
    "through", "beyond", "inside", "in", "on", "off", "between", "at", "along", "behind",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# "Acting Kursk Region Governor Alexei Smirnov": a title's first word, capitalised before a
# name, starts no unknown name of its own (decision 486)
LEADING_TITLE_WORDS = frozenset({"acting", "interim", "former", "deputy", "then"})
# "Nearby Selydove has suffered too": an adverb or adjective opening the sentence before
# the name (decision 632)
LEADING_ADVERBS = frozenset({"nearby", "neighbouring", "neighboring", "elsewhere",
                             "meanwhile", "further", "besides", "also"})
# every word an unknown name cannot start with, joined once (``find_spans`` asks per span)
_NOT_NAME_STARTS = LEADING_PREPOSITIONS | LEADING_TITLE_WORDS | LEADING_ADVERBS
# "Sofia Mironova": a first name before a surname is a person, whatever the gazetteer says.
PERSON_PAIR = re.compile(
    r"\b([A-Z][a-z]+) ([A-Z][a-z]+"
    r"(?:[oe]va?|ina|enko|chuk|vich|ich|yan|dze|shvili|skaya|ska|nik|nyk))\b")
# "Donetsk, Luhansk and Kharkiv regions", "the Luhansk and Donetsk republics": a plural
# head noun after a coordination makes every member a region. _LIST_NAME is one member.
_LIST_NAME = r"(?:the\s+)?[A-Z\u0400-\u042F][\w'’-]*(?:\s+[A-Z\u0400-\u042F][\w'’-]*)?"
_REGION_HEADS = (r"((?i:regions|oblasts|provinces|krais|people['’]?s?\s+republics|republics"
                 r"|districts|raions|rayons))")
REGION_PLURAL = re.compile(
    rf"^(?:\s*,\s*{_LIST_NAME})*\s*,?\s+(?:and|or|&)\s+{_LIST_NAME}\s+{_REGION_HEADS}\b")
REGION_HEAD_AFTER = re.compile(rf"^\s+{_REGION_HEADS}\b")
# "in six regions over the past day: Chernihiv, Sumy and Odesa", "in four regions --
# Lviv, Ivano-Frankivsk, Khmelnytskyi and Vinnytsia": the plural head noun comes first and
# the list after a colon or dash; every member (up to the span) is a region.
# the words of _REGION_HEADS, looked for before the costlier pattern is tried
_REGION_HEAD_WORDS = ("regions", "oblasts", "provinces", "krais", "republics", "districts",
                      "raions", "rayons")
REGION_LIST_BEFORE = re.compile(
    rf"\b{_REGION_HEADS}\b[^:\u2013\u2014.;\n]{{0,50}}?(?::|\s--?|\s?[\u2013\u2014])\s*"
    rf"(?:{_LIST_NAME}\s*,\s*|{_LIST_NAME}\s*,?\s+(?:and|or|&)\s+)*$")
# "KYIV, Nov 3 (Reuters) -", "LUGANSK —", "Kharkiv, 4 December —": the place an article was
# filed from, at its very start. A name in mixed case needs the date or the agency.
DATELINE = re.compile(
    # ("KYIV/MOSCOW, Nov 21 (Reuters) -": a story filed from two desks; decision 620)
    r"^\s*(?P<place>[A-Z][A-Z'’.-]+(?:[ /-][A-Z][A-Z'’.-]+){0,3}"
    r"|[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+){0,2})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){0,2}))?"
    # "KYIV, Nov 20 (Reuters) -", and the agencies' own "BELGOROD. Jan 20 (Interfax) -",
    # "MOSCOW, April 5. /TASS/."
    r"(?P<date>(?:,\s*|(?<=\.)\s+)(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
    # "Izmail (Ukraine) (AFP) -": the country in brackets before the agency
    r"(?:\s*\([A-Z][A-Za-z .'’-]{1,30}\)(?=\s*\([A-Za-z]))?"
    r"\s*(?:(?P<agency>\([A-Za-z][\w .&/-]{0,30}\))?\s*(?:—|–|-{1,2}|:)|"
    r"/[A-Za-z][\w-]{0,20}/\.?)\s")
# A headline: the text's first line, short, with no closing punctuation, and either a blank
# line after it or a single line break before a paragraph longer than itself (a title over
# its story, as pages are often copied; a hard-wrapped text's lines are of even length).
HEADLINE = re.compile(r"^[ \t]*[^\n]{1,160}(?<![.!?:;,])[ \t]*\n(?:[ \t]*\n)?")
HEADLINE_BODY_MIN = 100  # the shortest paragraph line a one-break headline stands over


def headline_end(text: str) -> int:
    """Where the text's headline ends (after its line break), or 0 when it has none. Read
    on the first two lines only: on a long run of spaces the pattern alone would backtrack
    for minutes (a fuzzed input did)."""
    first_break = text.find("\n")
    if first_break < 0 or first_break > 200:
        return 0
    head = HEADLINE.match(text[:first_break + 100])
    if head is None:
        return 0
    if head.group().count("\n") >= 2:
        return head.end()
    body = text[head.end():].split("\n", 1)[0].strip()
    if len(body) >= HEADLINE_BODY_MIN and len(body) > len(head.group().strip()):
        return head.end()
    return 0


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the text's start, or right under its headline ("Russia says ...
    \n\nKYIV, Nov 5 (Reuters) - ..."; decision 406); offsets are the text's."""
    found = DATELINE.match(text)
    if found is None and (end := headline_end(text)) > 0:
        found = DATELINE.match(" " * end + text[end:end + 300])
    return found


NEG_LABELS = {"PERSON", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
              "CARDINAL", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
# Labels the small English model gives to unfamiliar foreign names as often as to what
# they say ("Izyum" as WORK_OF_ART, "Rylsk" as NORP): weak evidence against a known place.
WEAK_NEG_LABELS = {"NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
# "X, Y and Z": a name coordinated with a place is read as a place too.
LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)$")
# A garbled name is taken without a place cue only when it is this close to a town of the
# theatre at least this large (eval/places.yaml, p015/p016: bare lists of garbled towns).
BARE_FUZZY_MIN_POPULATION = 10_000
SMALL_FOREIGN_POPULATION = 10_000
FAMOUS_ABROAD = 100_000
# Cities whose own name outweighs the small model's tags against it (Tiraspol, Bakhmut;
# eval/places_blind2.yaml, where Bratislava, Tiraspol, Rzeszów and Bakhmut were missed). In
# the theatre from 20,000 people, the size from which decision 38 calls a town one every
# reader of the war knows (decision 93: "Marhanets came under attack", tagged a plural noun).
WELL_KNOWN_ABROAD, WELL_KNOWN_THEATRE = 100_000, 20_000
SURNAME = re.compile(r"(?:[oe]v|yov|[oe]va|in|ina|yn|enko|uk|ko|sk[iy]i?|ska|ich|yan|dze|shvili)$",
                     re.IGNORECASE)
POS_LABELS = {"GPE", "LOC", "FAC"}


class Token(NamedTuple):
    """A word of the text with its character offsets (a named tuple: a text has thousands,
    made in one go by ``make_view``)."""

    start: int
    end: int
    text: str
    capitalised: bool  # the word starts with an upper-case letter


@dataclass
class TextView:
    """The facts about a text that recognition and resolution share."""

    text: str
    tokens: list[Token]
    sentence_starts: list[int]
    paragraph_starts: list[int]
    ner: dict[int, str]  # start offset of a word -> entity label covering it
    ner_spans: list[tuple[int, int, str]]
    pos: dict[int, str]  # start offset of a word -> coarse POS tag
    person_words: frozenset[str] = frozenset()  # words of multi-word PERSON entities
    full_names: list[tuple[int, int]] = field(default_factory=list)  # those entities' spans
    # the languages whose dictionaries read the text's Cyrillic words: the pipeline's
    # language, else guessed from letters only one of Russian and Ukrainian has
    cyrillic_langs: tuple[str, ...] = ("uk", "ru")

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding a character offset."""
        return _bisect(self.sentence_starts, offset)

    def paragraph_of(self, offset: int) -> int:
        """Return the index of the paragraph holding a character offset."""
        return _bisect(self.paragraph_starts, offset)


def _bisect(starts: Sequence[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z\u0400-\u042F0-9])|\n+")


def make_view(text: str, spacy_doc: Any | None = None) -> TextView:
    """Return the tokens, sentences, paragraphs and (with a spaCy doc) entities of a text."""
    tokens = [Token(m.start(), m.end(), word := m.group(), word[:1].isupper())
              for m in WORD.finditer(text)]
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    ner: dict[int, str] = {}
    ner_spans: list[tuple[int, int, str]] = []
    pos: dict[int, str] = {}
    if spacy_doc is not None:
        sentences = [s.start_char for s in spacy_doc.sents]
        for ent in spacy_doc.ents:
            ner_spans.append((ent.start_char, ent.end_char, ent.label_))
        # Only capitalised words are ever asked about; reading the columns as arrays
        # avoids making a Python token object per word (a third of the stage's time).
        strings = spacy_doc.vocab.strings
        # the English model cannot read Cyrillic: its tags there are noise, not evidence;
        # a Russian or Ukrainian pipeline's names of people are evidence
        cyrillic_ok = spacy_doc.lang_ != "en"
        for idx, tag, ent_type in spacy_doc.to_array(["IDX", "POS", "ENT_TYPE"]).tolist():
            if not text[idx:idx + 1].isupper():
                continue
            if not has_cyrillic(text[idx:idx + 1]):
                pos[idx] = strings[tag]
                if ent_type:
                    ner[idx] = strings[ent_type]
            elif cyrillic_ok and ent_type:
                ner[idx] = strings[ent_type]
    else:
        sentences = [0] + [m.end() for m in _SENT_END.finditer(text)]
    dateline = find_dateline(text)
    if dateline is not None:
        sentences.append(dateline.end())  # "KYIV (Reuters) - Officials said": a new start
    full_names = [(start, end) for start, end, label in ner_spans
                  if label == "PERSON" and " " in text[start:end].strip()
                  and not has_cyrillic(text[start:end]) and _capitalised(text[start:end])]
    full_names += [m.span() for m in PERSON_PAIR.finditer(text)]
    person_words = frozenset(w for start, end in full_names
                             for w in normalize(text[start:end]).replace("'s", "").split())
    return TextView(text, tokens, sorted(set(sentences)), paragraphs, ner, ner_spans, pos,
                    person_words, full_names, _cyrillic_langs(text, spacy_doc))


def _capitalised(name: str) -> bool:
    """Whether every word of a PERSON entity starts with a capital: the small model's
    "Zaporizhzhia overnight" is a town and a time word, no person's full name."""
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in name.split()
               if w[:1].isalpha())


# lower-case words inside people's names ("Ursula von der Leyen", "Abu Bakr al-Baghdadi")
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le",
                             "bin", "ibn", "al", "el", "y", "dos", "das", "del"})


_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")


def _cyrillic_langs(text: str, spacy_doc: Any | None) -> tuple[str, ...]:
    lang = getattr(spacy_doc, "lang_", None)
    if lang in ("ru", "uk"):
        return (lang,)
    uk, ru = bool(_UKRAINIAN_LETTERS.search(text)), bool(_RUSSIAN_LETTERS.search(text))
    return ("uk",) if uk and not ru else ("ru",) if ru and not uk else ("uk", "ru")


def _joinable(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    return gap in (" ", "-", "‑", "–") and (
        right.capitalised or gap == "-" or right.text.lower() in CONNECTORS
        or right.text.lower().removesuffix("'s").removesuffix("’s") in _HEAD_NOUNS
        or right.text.lower() in _FACILITY_WORDS)


# Lower-case words of a power plant's name, which the place data may give as the name of
# the town it lies in ("the Zaporizhzhia nuclear power plant" is at Enerhodar; decision 533)
_FACILITY_WORDS = frozenset({"nuclear", "power", "plant", "station"})


# Lower-case head nouns that end a region's or a raion's name ("Kharkiv region",
# "Kupiansk district", "the Pavlohrad and Kamianske districts"; decision 100).
_HEAD_NOUNS = frozenset({"region", "oblast", "province", "krai", "kray", "district", "raion",
                         "rayon", "districts", "raions", "rayons"})
_DISTRICT_NOUNS = frozenset({"district", "raion", "rayon", "districts", "raions", "rayons"})
_PLURAL_HEADS = ("regions", "oblasts", "provinces", "republics", "districts", "raions", "rayons")


def _ngrams(view: TextView, i: int) -> list[tuple[int, str]]:
    """Return (last token index, normalised form) of n-grams starting at token i."""
    toks = view.tokens
    out: list[tuple[int, str]] = []
    j = i
    while j < len(toks) and j - i < MAX_NGRAM:
        if j > i and not _joinable(view.text, toks[j - 1], toks[j]):
            break
        last = toks[j]
        if last.capitalised or last.text.lower() not in CONNECTORS:
            surface = view.text[toks[i].start:last.end]
            norm = normalize(surface)
            out.append((j, norm))
            if norm.endswith("'s"):
                out.append((j, norm[:-2]))
            if norm.endswith("s") and j > i and last.text.lower() in _PLURAL_HEADS:
                out.append((j, norm[:-1]))
        j += 1
    return out


def find_spans(view: TextView, gaz: Gazetteer) -> list[Span]:
    """Return the place-like spans of a text, each with its gazetteer hits (maybe none)."""
    toks = view.tokens
    starts = [i for i, t in enumerate(toks) if t.capitalised]
    grams = {i: _ngrams(view, i) for i in starts}
    # "на херсонском направлении": a front direction is often written in lower case
    starts = sorted(starts + [i for i, t in enumerate(toks)
                              if not t.capitalised and _lower_direction(view, i)])
    table = gaz.exact_many([n for gs in grams.values() for _, n in gs])
    spans: list[Span] = []
    rejected: list[tuple[Span, Token]] = []
    i_pos = 0
    covered_until = -1
    for i in starts:
        if toks[i].start < covered_until or i < i_pos:
            continue
        seat = _seat_span(view, gaz, i) if has_cyrillic(toks[i].text) else None
        if seat is not None and seat[0] is None:
            i_pos = seat[1] + 1  # a city's own district: its words name no place
            continue
        if seat is not None and seat[0] is not None:
            # "Синельниківського району", "на Покровському напрямку": the seat town
            add_evidence(seat[0], view, gaz)
            spans.append(seat[0])
            covered_until, i_pos = seat[0].end, seat[1] + 1
            continue
        if i not in grams:
            continue
        span, j = _span_at(view, gaz, i, grams[i], table)
        if not span.hits and _hopeless(span, gaz):
            continue
        if not span.hits and j > i and toks[i].text.lower() in _NOT_NAME_STARTS:
            continue  # "Near Kupiansk": the name starts after the preposition
        add_evidence(span, view, gaz)
        if _keep(span, view, gaz, toks[i]):
            spans.append(span)
            covered_until = span.end
            i_pos = j + 1
        else:
            rejected.append((span, toks[i]))
            if span.how == "none" and j > i and view.pos.get(toks[i].start) == "PROPN":
                i_pos = j + 1  # "Krutyi Ostriv": an unknown name's last word is not a place
    return _completed(spans, rejected, view, gaz)


def _span_at(view: TextView, gaz: Gazetteer, i: int, grams: list[tuple[int, str]],
             table: dict[str, list[NameHit]]) -> tuple[Span, int]:
    """Return the span a name starting at token ``i`` makes (the longest known name, a
    hyphenated or romanised whole, an inflected form, else an unknown name) and the index
    of its last token."""
    text, toks = view.text, view.tokens
    best: tuple[int, str] | None = None
    span: Span | None = None
    for j, norm in grams:
        if norm in table and (best is None or j >= best[0]) and (
                toks[j].text.lower() not in _DISTRICT_NOUNS
                or any(h.entry.kind == "admin2" for h in table[norm])):
            # "Kupiansk district" is a raion's name; "Kyivskyi district", a GeoNames
            # alternate name of a city's quarter, leaves the quarter's own name alone
            best = (j, norm)
    longer = [(j, norm) for j, norm in grams if best is not None and j > best[0]
              and toks[j].text.lower() not in _DISTRICT_NOUNS]
    k = _hyphen_tail(view, i)
    if k > i and has_cyrillic(toks[i].text):
        # "в Каменке-Днепровской", "Купянске-Узловом": a hyphenated Cyrillic name in
        # a case form, through its parts' dictionary forms (its head alone, "Каменка",
        # names other places)
        hits = gaz.inflected(text[toks[i].start:toks[k].end])
        if hits:
            best, longer, j = None, [], k
            span = Span(toks[i].start, toks[k].end, text[toks[i].start:toks[k].end],
                        hits, "lemma")
            span.evidence.add("lemma")
    for j, _norm in sorted(longer, reverse=True):
        # "Novaya Kakhovka": a longer name known by its romanisation beats the exact
        # match of its first word ("Novaya", a Russian village).
        hits = gaz.by_translit(text[toks[i].start:toks[j].end])
        if hits:
            best = None
            span = Span(toks[i].start, toks[j].end, text[toks[i].start:toks[j].end],
                        hits, "translit")
            break
    if best is not None and _hyphen_tail(view, best[0]) > best[0]:
        # "Kamenka-Dneprovskaya": a hyphenated name is one word; its head alone
        # ("Kamenka") names another place. Try the whole word by romanisation first.
        k = _hyphen_tail(view, best[0])
        hits = gaz.by_translit(text[toks[i].start:toks[k].end])
        # Without a match the whole word is still one name ("Ozerki-Pogranichnye" is
        # not Ozerki): it goes on as an unknown name, to fuzzy matching or unresolved.
        best = None
        j = k
        span = Span(toks[i].start, toks[k].end, text[toks[i].start:toks[k].end],
                    hits, "translit" if hits else "none")
    if span is None and best is not None:
        j, norm = best
        end = toks[j].end
        surface = text[toks[i].start:end]
        if norm != normalize(surface) and surface.endswith(("'s", "’s")):
            end -= 2
            surface = surface[:-2]
        span = Span(toks[i].start, end, surface, list(table[norm]), "exact")
        if j == i and has_cyrillic(surface) and i + 1 < len(toks) and \
                toks[i + 1].text.lower().startswith(("област", "облас")):
            # "обстреляли Херсонскую область": GeoNames holds "Херсонскую" as an alternate
            # name of the city; with the region's noun after it the words name the region
            # (decision 264)
            region = _inflected_span(view, gaz, i, i)
            if region is not None and region.end > span.end and any(
                    h.entry.kind != "city" for h in region.hits):
                span, j = region, i + 1
    elif span is None:
        j = i
        while (j + 1 < len(toks) and j - i < 2 and toks[j + 1].capitalised
               and _joinable(text, toks[j], toks[j + 1])):
            j += 1
        end = toks[j].end
        surface = text[toks[i].start:end]
        if surface.endswith(("'s", "’s")):
            end -= 2
            surface = surface[:-2]
        span = _inflected_span(view, gaz, i, j)
        if span is None:
            span = Span(toks[i].start, end, surface, [], "none")
        else:
            # "под Балаклеей Харьковской области": the inflected name is the first
            # word only; the words after it are read on their own (the region)
            j = max(k for k in range(i, j + 1) if toks[k].start < span.end)
    return span, j


def _completed(spans: list[Span], rejected: list[tuple[Span, Token]], view: TextView,
               gaz: Gazetteer) -> list[Span]:
    """Add what the first pass left (coordinated names, abbreviations, the dateline) and
    mark region lists and regional offices."""
    spans = _add_coordinated(spans, rejected, view, gaz)
    spans = _add_dotted_abbreviations(spans, view, gaz)
    spans = _add_region_abbreviations(spans, view, gaz)
    garbles = sum("garble" in s.evidence for s in spans)
    if garbles == 1 and not any(gaz.theatre_weight(h.entry.country) > 0 for s in spans
                                if "garble" not in s.evidence for h in s.hits):
        # An uncued garble is believed only beside another place of the theatre.
        spans = [s for s in spans if "garble" not in s.evidence]
    _mark_region_coordination(spans, view, gaz)
    _mark_regional_office(spans, view, gaz)
    spans = _add_dateline(spans, view, gaz)
    return _add_repeated(spans, rejected)


# Russian and Ukrainian nouns of a region that follow its adjective ("Курской области").
_REGION_NOUNS = frozenset({"область", "край", "республика", "республіка", "округ", "район"})
# Nouns of a district, community or front direction named by its seat's adjective
# ("Синельниківського району", "Краснопільська громада", "Покровском направлении"), and
# the adjectives that may stand between ("Шебекинском городском округе", "Краснопільська
# селищна територіальна громада"); dictionary forms.
_SEAT_NOUNS = frozenset({"район", "громада", "община", "округ", "напрямок", "напрям",
                         "направление", "отг", "сільрада", "сельсовет", "міськрада",
                         "участок", "ділянка"})
# a sector of the front is named like a direction ("на константиновском участке")
_DIRECTION_NOUNS = frozenset({"напрямок", "напрям", "направление", "участок", "ділянка"})
_SEAT_BETWEEN = frozenset({
    "міський", "міська", "сільський", "сільська", "селищний", "селищна", "територіальний",
    "територіальна", "об'єднаний", "об'єднана", "городской", "муниципальный", "сельский",
    "поселковый", "территориальный", "городская", "сельская", "поселковая",
    "территориальная", "оперативний", "оперативный"})
# Words joining a list of such adjectives ("на Покровському та Лиманському напрямках").
_SEAT_JOINS = frozenset({"та", "і", "й", "и", "або", "или", "а"})
# Prepositions before an adjective left without its noun ("у Гуляйпільському ворог...").
_SEAT_PREPOSITIONS = frozenset({"в", "у", "во", "на"})


def _word_forms(word: str) -> set[str]:
    low = word.lower().replace("’", "'").replace("ʼ", "'")
    return {low, *dictionary_forms(word)}


def _seat_noun_after(view: TextView, i: int) -> int | None:
    """The index of the district, community or direction noun that the adjective at token i
    goes with ("Синельниківського району", "Шебекинском городском округе"), else None."""
    toks, text = view.tokens, view.text
    j = i + 1
    while j < len(toks) and j - i <= 3 and text[toks[j - 1].end:toks[j].start] == " " and (
            toks[j].text.islower() or toks[j].text == "ОТГ"):
        forms = _word_forms(toks[j].text)
        if forms & _SEAT_NOUNS:
            return j
        if not forms & _SEAT_BETWEEN:
            return None
        j += 1
    return None


def _lower_direction(view: TextView, i: int) -> bool:
    """True for a Cyrillic adjective in lower case right before a noun of front direction
    ("на херсонском направлении", "на покровському напрямку"): the direction is named
    after its town. Districts and communities are written capitalised, so only directions."""
    toks = view.tokens
    if not has_cyrillic(toks[i].text) or not toks[i].text.isalpha() or \
            i + 1 >= len(toks) or view.text[toks[i].end:toks[i + 1].start] != " ":
        return False
    return bool(_word_forms(toks[i + 1].text) & _DIRECTION_NOUNS) and \
        bool(seat_names(toks[i].text))


def _hyphen_adjective(view: TextView, i: int) -> int:
    """The last token of a hyphenated adjective starting at token i ("Кам'янсько-
    Дніпровського"), i when there is none."""
    toks = view.tokens
    j = i
    while j + 1 < len(toks) and view.text[toks[j].end:toks[j + 1].start] == "-" \
            and toks[j + 1].capitalised:
        j += 1
    return j


def _seat_span(view: TextView, gaz: Gazetteer, i: int) -> tuple[Span | None, int] | None:
    """A district, community or front direction named by its seat's adjective, as a span
    whose hits are the seat ("у Синельниківському районі" -> Synelnykove), with the index
    of its last token; None when the words are not one or no such town is known. A city's
    own district is no span (None with the index of its noun): its words name no place."""
    toks, text = view.tokens, view.text
    k = _hyphen_adjective(view, i)
    word = text[toks[i].start:toks[k].end]
    if not seat_names(word):
        return None
    last = _seat_noun_after(view, k)
    noun = last if last is not None else _seat_listed(view, k)
    if noun is None and not _seat_elliptic(view, i, k):
        return None
    raion = noun is not None and "район" in _word_forms(toks[noun].text)
    if raion and last is not None and _city_after(view, gaz, last):
        # "у Заводському районі Саратова", "Заводской район Запорожья": the city's own
        # district; the city named after it is the place (decision 142)
        return None, last
    hits = gaz.seats(word)
    if not hits:
        return None
    end = toks[last if last is not None else k].end
    span = Span(toks[i].start, end, text[toks[i].start:end], hits, "seat")
    span.evidence |= {"seat", "pattern"}
    if raion:
        # "Куп'янського району", "в Севском и Климовском районах": a raion, which the
        # resolver takes for the raion its seat gives its name to (decision 100)
        span.evidence.add("raion")
    return span, (last if last is not None else k)


def _city_after(view: TextView, gaz: Gazetteer, noun: int) -> bool:
    """Whether a town's name in the genitive follows the noun of a district ("районі
    Саратова"; not a region's, "район Сумщини"), which makes the district the city's own."""
    toks, text = view.tokens, view.text
    nxt = noun + 1
    if nxt >= len(toks) or not toks[nxt].capitalised or not has_cyrillic(toks[nxt].text) \
            or text[toks[noun].end:toks[nxt].start] != " ":
        return False
    for lang in ("uk", "ru"):
        # "району Запоріжжя": a neuter's genitive is written as its nominative, which the
        # best parse gives, and the gazetteer holds the name in that form (decision 176)
        if may_be_genitive_noun(toks[nxt].text, lang):
            return any(h.entry.kind == "city" for h in
                       gaz.inflected(toks[nxt].text) or gaz.exact(toks[nxt].text))
    return False


def _seat_listed(view: TextView, k: int) -> int | None:
    """The index of the noun that follows the last of a list of adjectives the one ending
    at token k is listed in ("на Покровському, Курахівському та Лиманському напрямках"),
    else None."""
    toks, text = view.tokens, view.text
    for _ in range(5):
        n = _next_listed(view, k)
        if n is None:
            return None
        k = _hyphen_adjective(view, n)
        if not seat_names(text[toks[n].start:toks[k].end]):
            return None
        noun = _seat_noun_after(view, k)
        if noun is not None:
            return noun
    return None


def _next_listed(view: TextView, k: int) -> int | None:
    """The index of the capitalised word listed after token k (after a comma, "і", "та",
    "и"), else None."""
    toks, text = view.tokens, view.text
    n = k + 1
    if n >= len(toks):
        return None
    if toks[n].text.lower() in _SEAT_JOINS and text[toks[k].end:toks[n].start].strip(
            ) in ("", ","):
        n += 1
    elif text[toks[k].end:toks[n].start].strip() != ",":
        return None
    if n >= len(toks) or not toks[n].capitalised:
        return None
    return n


def _region_listed(view: TextView, k: int) -> bool:
    """True when the capitalised word at token k is listed with others whose last is
    followed by a noun of region in the plural ("Київській, Житомирській та Черкаській
    областях", "Белгородской и Курской областей")."""
    toks, text = view.tokens, view.text
    for _ in range(6):
        n = _next_listed(view, k)
        if n is None or not has_cyrillic(toks[n].text):
            return False
        k = n
        if k + 1 < len(toks) and text[toks[k].end:toks[k + 1].start] == " " and \
                toks[k + 1].text.islower():
            low = toks[k + 1].text.lower()
            if low.startswith(("област", "республик", "республік")):
                return low not in ("область", "области", "області", "республика",
                                   "республіка")
    return False


# Prepositions before a region's adjective whose noun is left out ("над Курской — 19").
_ELLIPTIC_REGION_PREPOSITIONS = frozenset({"над", "в", "у", "во", "по", "из", "з", "із"})
# How many words back the region's noun may be, in the same sentence.
_ELLIPTIC_REGION_REACH = 30


def _region_elliptic(view: TextView, i: int) -> bool:
    """True for a capitalised adjective after a preposition with no noun after it, in a
    sentence whose words before it include a region's noun ("27 беспилотников сбиты над
    Брянской областью, 19 — над Курской", "над Сумською областю — 12, над Полтавською —
    5"): the noun left out is that one (decision 173)."""
    toks, text = view.tokens, view.text
    if i == 0 or not _elliptic_opening(view, i):
        return False
    if not toks[i].text.lower().endswith(("ой", "ою", "ій", "ої", "ей")):
        return False
    if i + 1 < len(toks) and text[toks[i].end:toks[i + 1].start] == " " and \
            toks[i + 1].text[:1].isalpha():
        return False  # "над Курской областью", "в Курской АЭС": the noun is written
    sent = view.sentence_of(toks[i].start)
    for k in range(i - 2, max(-1, i - _ELLIPTIC_REGION_REACH), -1):
        if view.sentence_of(toks[k].start) != sent:
            return False
        if toks[k].text.lower().startswith(("област", "регион", "регіон")):
            return True
    return False


def _elliptic_opening(view: TextView, i: int) -> bool:
    """True when the words before token ``i`` open an item of a list of regions: a
    preposition ("над Курской"), a preposition and a lower-case word ("над соседней
    Курской"), or a comma with a dash after the adjective ("..., Курской — девять": the
    figure's item of a list whose first item named the noun; decision 462)."""
    toks, text = view.tokens, view.text
    prev = toks[i - 1]
    if prev.text.lower() in _ELLIPTIC_REGION_PREPOSITIONS:
        return text[prev.end:toks[i].start] == " "
    if prev.text.islower() and i > 1 and text[prev.end:toks[i].start] == " " and \
            toks[i - 2].text.lower() in _ELLIPTIC_REGION_PREPOSITIONS and \
            text[toks[i - 2].end:prev.start] == " ":
        return True
    return text[prev.end:toks[i].start].strip() == "," and \
        text[toks[i].end:toks[i].end + 3].lstrip()[:1] in ("—", "–")


def _seat_elliptic(view: TextView, i: int, k: int) -> bool:
    """True for a locative adjective after в/у/на whose noun is left out, as in "у
    Гуляйпільському ворог втратив" (the direction named before)."""
    toks, text = view.tokens, view.text
    if i == 0 or toks[i - 1].text.lower() not in _SEAT_PREPOSITIONS or \
            text[toks[i - 1].end:toks[i].start] != " ":
        return False
    if not toks[k].text.lower().endswith(LOCATIVE_ADJECTIVE_ENDINGS):
        return False
    if k + 1 < len(toks) and toks[k + 1].text.islower() and \
            text[toks[k].end:toks[k + 1].start] == " ":
        # "у Харківському університеті": the noun it goes with follows
        for lang in ("uk", "ru"):
            tags = parse_tags(toks[k + 1].text, lang)
            if "NOUN" in tags and ("loct" in tags or "loc2" in tags or "datv" in tags):
                return False
    return True


def _inflected_span(view: TextView, gaz: Gazetteer, i: int, j: int) -> Span | None:
    """A Russian or Ukrainian name in an inflected form ("под Покровском"), as the span of
    the words whose dictionary form the gazetteer knows (all of them, else the first)."""
    toks = view.tokens
    if not has_cyrillic(toks[i].text):
        return None
    lasts = [j, i]
    if i + 1 < len(toks) and toks[i + 1].text[:1].islower() and any(
            f in _REGION_NOUNS for f in (toks[i + 1].text.lower(),
                                         *dictionary_forms(toks[i + 1].text))):
        lasts.insert(0, i + 1)  # "Брянской областью", "Харківської області"
    if i + 1 < len(toks) and view.text[toks[i].end:toks[i + 1].start] == " " and (
            toks[i + 1].text in _ADMINISTRATIONS
            or _word_forms(toks[i + 1].text) & _ADMINISTRATIONS):
        # "Донецької ОВА", "Харківська обласна військова адміністрація" (its first words):
        # the administration of a region, so the adjective names the region
        hits = [h for h in gaz.inflected(f"{toks[i].text} області") if h.entry.kind != "city"]
        if hits:
            span = Span(toks[i].start, toks[i + 1].end, view.text[toks[i].start:toks[i + 1].end],
                        hits, "lemma")
            span.evidence |= {"lemma", "region"}
            return span
    if i + 1 < len(toks) and view.text[toks[i].end:toks[i + 1].start] == " " and (
            toks[i + 1].text in _CITY_ADMINISTRATIONS
            or _word_forms(toks[i + 1].text) & _CITY_ADMINISTRATIONS):
        # "Киевской городской военной администрации", "Харківської міської ради": the
        # administration of a city, so the adjective names the city (decision 252)
        hits = [h for h in gaz.seats(toks[i].text) if h.entry.kind == "city"]
        if hits:
            span = Span(toks[i].start, toks[i + 1].end, view.text[toks[i].start:toks[i + 1].end],
                        hits, "lemma")
            span.evidence |= {"lemma", "pattern"}
            return span
    short = i + 1 < len(toks) and toks[i + 1].text.lower() in ("обл", "обл.") and \
        view.text[toks[i].end:toks[i + 1].start] == " "  # "над Курской обл." (decision 431)
    if (j == i or short) and (_region_elliptic(view, i) or _region_listed(view, i) or short):
        # "над Брянской областью — 23, над Курской — 19": a region's adjective after a
        # preposition, with no noun after it, in a sentence that named a region by its noun;
        # "в Київській, Житомирській та Черкаській областях": each adjective of the list
        # names a region, as the last one does
        for noun in ("области", "області"):
            hits = [h for h in gaz.inflected(f"{toks[i].text} {noun}") if h.entry.kind != "city"]
            if hits:
                span = Span(toks[i].start, toks[i].end, toks[i].text, hits, "lemma")
                span.evidence |= {"lemma", "region"}
                return span
    for last in dict.fromkeys(lasts):
        surface = view.text[toks[i].start:toks[last].end]
        hits = gaz.inflected(surface)
        if hits:
            span = Span(toks[i].start, toks[last].end, surface, hits, "lemma")
            span.evidence.add("lemma")
            return span
        if last == i + 1:
            pair = _translit_pair(view, gaz, i)
            if pair is not None:
                return pair
    if j == i:
        shchyna = _shchyna_seat(gaz, toks[i].text)
        if shchyna:
            # "на Обухівщині", "Бериславщини": the land around a district's seat
            span = Span(toks[i].start, toks[i].end, toks[i].text, shchyna, "lemma")
            span.evidence.add("lemma")
            return span
    if j == i:
        # "Рильська": a case form of a name the gazetteer holds in another spelling only
        # (Ryl'sk); its dictionary forms are looked up by their romanisation, in the theatre
        for form in dictionary_forms(toks[i].text)[:4]:
            hits = [h for h in gaz.by_translit(form) if h.entry.kind == "city"
                    and gaz.theatre_weight(h.entry.country) > 0]
            if hits:
                span = Span(toks[i].start, toks[i].end, toks[i].text, hits, "translit")
                span.evidence.add("lemma")
                return span
    return None


def _translit_pair(view: TextView, gaz: Gazetteer, i: int) -> Span | None:
    """'Великой Новосёлки': a two-word name the gazetteer holds in Latin only (Velikaya
    Novoselka, an alternate name of Velyka Novosilka), found through the romanisation of
    the words' dictionary forms, a town of the theatre only (decision 212)."""
    toks = view.tokens
    if view.text[toks[i].end:toks[i + 1].start] != " " or not toks[i + 1].text[:1].isupper():
        return None
    options = [(t.text.lower(), *dictionary_forms(t.text)[:4]) for t in (toks[i], toks[i + 1])]
    for first, second in itertools.product(*options):
        hits = [h for h in gaz.by_translit(f"{first} {second}") if h.entry.kind == "city"
                and gaz.theatre_weight(h.entry.country) > 0]
        if hits:
            surface = view.text[toks[i].start:toks[i + 1].end]
            span = Span(toks[i].start, toks[i + 1].end, surface, hits, "translit")
            span.evidence.add("lemma")
            return span
    return None


# "Обухівщина", "Броварщину", "Куп'янщини": the land around a town named by the town's stem
# and "-щина"; the stem's endings that the town's name may have had (Бровари, Куп'янськ).
_SHCHYNA = re.compile(r"^(?P<stem>[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+?)щин(?:а|и|і|у|ою|е|ой)$")
_SHCHYNA_ENDINGS = ("", "и", "а", "е", "і", "ськ", "ск")


def _shchyna_seat(gaz: Gazetteer, word: str) -> list[NameHit]:
    """The town a "-щина" name is the land of ("на Обухівщині" -> Obukhiv, "Броварщину" ->
    Brovary), when it is the seat of a raion and the gazetteer does not know the word
    itself (the regions' "Харківщина" it does); [] otherwise (decision 174)."""
    m = _SHCHYNA.match(word)
    if m is None:
        return []
    stem = m.group("stem").replace("’", "'").replace("ʼ", "'")
    for ending in _SHCHYNA_ENDINGS:
        hits = [h for h in gaz.exact(stem + ending) if h.entry.kind == "city"
                and gaz.theatre_weight(h.entry.country) > 0 and gaz.raions_of(h.entry.id)]
        if hits:
            return hits[:1]
    return []


# What follows a region's adjective when the words name its administration ("Донецької
# ОВА", "Харківська обласна військова адміністрація", "Сумської ОДА").
_ADMINISTRATIONS = frozenset({"ОВА", "ОДА", "ОВА»", "обласний", "обласна", "областной",
                              "областная", "обладміністрація", "облдержадміністрація",
                              "облрада"})


# What follows a town's adjective when the words name the town's own administration
# ("Київська міська військова адміністрація", "Киевской городской военной администрации",
# "Сумської міськради"; decision 252).
_CITY_ADMINISTRATIONS = frozenset({"міський", "міська", "городской", "городская",
                                   "міськрада", "горсовет", "МВА", "ГВА", "КМВА"})


def _add_dateline(spans: list[Span], view: TextView, gaz: Gazetteer) -> list[Span]:
    """Add the dateline's place ("KYIV, Nov 3 (Reuters) -"); drop words of its date."""
    m = find_dateline(view.text)
    if m is None:
        return _add_cyrillic_dateline(spans, view, gaz)
    name = m.group("place").rstrip(".")  # "BELGOROD. Jan 20 (Interfax) -"
    if not (name.isupper() or m.group("date") or m.group("agency")):
        return spans
    hits = gaz.exact(name) or gaz.by_translit(name)
    if not hits:
        return spans
    start = m.start("place")
    end = start + len(name)
    date_start, date_end = m.span("date") if m.group("date") else (-1, -1)
    kept = [s for s in spans if not (s.start < end and start < s.end)
            and not date_start <= s.start < date_end]
    span = Span(start, end, name, hits, "exact")
    add_evidence(span, view, gaz)
    span.evidence |= {"dateline", "pattern"}
    added = [span]
    region = m.group("region")
    state = gaz.abbreviation(region) if region else []
    if state:
        # "WARSAW, Ind. (AP) —": the wire services' abbreviation of the town's state; the
        # place after the comma then holds the town (decision 70)
        r_start, r_end = m.span("region")
        kept = [s for s in kept if not (s.start < r_end and r_start < s.end)]
        state_span = Span(r_start, r_end, region, state, "exact")
        add_evidence(state_span, view, gaz)
        state_span.evidence |= {"region", "dateline"}
        added.append(state_span)
    return sorted([*kept, *added], key=lambda s: s.start)


# "ХАРКІВ. У ніч на вівторок ...", "ДОНЕЦК, 21 января. /ТАСС/.": a Cyrillic dateline, the
# town's name in capitals opening the text before a full stop or comma (decision 328)
CYRILLIC_DATELINE = re.compile(
    r"^\s*(?P<place>[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ'’ʼ-]+(?:[ -][А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ'’ʼ-]+){0,2})[.,]\s")


def _add_cyrillic_dateline(spans: list[Span], view: TextView, gaz: Gazetteer) -> list[Span]:
    """Add the place of a Cyrillic dateline ("КОСТЯНТИНІВКА. О восьмій ранку ..."), a town
    the gazetteer knows by that name, unless a place was already read there. Unlike a
    wire dateline it is a place of the text: a local story's town in capitals heads its
    first paragraph as a town's name alone does (decision 204)."""
    m = CYRILLIC_DATELINE.match(view.text)
    if m is None or len(m.group("place")) < 3:
        return spans
    start, end = m.span("place")
    if any(s.start < end and start < s.end for s in spans):
        return spans
    hits = [h for h in gaz.exact(m.group("place")) if h.entry.kind == "city"]
    if not hits:
        return spans
    span = Span(start, end, m.group("place"), hits, "exact")
    add_evidence(span, view, gaz)
    span.evidence.add("pattern")
    return sorted([*spans, span], key=lambda s: s.start)


def _mark_regional_office(spans: list[Span], view: TextView, gaz: Gazetteer) -> None:
    """'The Dnipropetrovsk governor': a governor is a region's, so the name is the region."""
    for span in spans:
        if REGIONAL_OFFICE.match(view.text[span.end:span.end + 40]):
            hits = gaz.exact(span.surface + " region")
            if hits:
                span.hits, span.how = hits, "exact"
                span.evidence.add("region")


def _add_dotted_abbreviations(spans: list[Span], view: TextView, gaz: Gazetteer
                              ) -> list[Span]:
    """Add "U.S.", "U.K." and the like: the word tokenizer splits them at the dots."""
    found = []
    for m in DOTTED.finditer(view.text):
        hits = [h for h in gaz.exact(m.group()) if h.source in ("alias", "user")]
        if hits and not any(s.start < m.end() and m.start() < s.end for s in spans):
            span = Span(m.start(), m.end(), m.group(), hits, "exact")
            add_evidence(span, view, gaz)
            found.append(span)
    return sorted(spans + found, key=lambda s: s.start) if found else spans


# "Paris, Tenn.", "Charleston, W. Va.", "Paris, TN", "Vancouver, B.C.": a region's
# abbreviation (places.yaml ``abbreviations``) written after a town and a comma.
REGION_ABBREVIATION = re.compile(
    r",[ \t]*((?:[A-Z]\.[ ]?){1,2}[A-Z][a-z]{0,3}\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![\w.]))")
# A dotted abbreviation with an inner dot ("W.Va.", "D.C.") is one anywhere.
INNER_DOT = re.compile(r"^[A-Z]\.[ ]?[A-Z]")


def _add_region_abbreviations(spans: list[Span], view: TextView, gaz: Gazetteer
                              ) -> list[Span]:
    """Add the abbreviations of regions written after a town ("Paris, Tenn.", "Paris, TN"):
    they replace what the word alone was read as ("Kan." is Kansas, not Kan, Myanmar)."""
    ends = {s.end for s in spans}
    found = []
    for m in REGION_ABBREVIATION.finditer(view.text):
        start, end = m.span(1)
        if m.start() not in ends and not INNER_DOT.match(m.group(1)):
            continue  # a single word is a region's only right after a place's name
        hits = gaz.abbreviation(m.group(1))
        if not hits:
            continue
        span = Span(start, end, m.group(1), hits, "exact")
        add_evidence(span, view, gaz)
        span.evidence.add("region")
        found.append(span)
    if not found:
        return spans
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return sorted(kept + found, key=lambda s: s.start)


# "Ростове-на-Дону", "Славянске-на-Кубани": a lowercase word joining a Cyrillic hyphenated
# name's parts (decision 303)
HYPHEN_LINKS = frozenset({"на", "над"})


def _hyphen_tail(view: TextView, j: int) -> int:
    """Return the index of the last token of the hyphenated word that token j is part of."""
    toks, text = view.tokens, view.text
    while j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == "-":
        if toks[j + 1].capitalised:
            j += 1
        elif j + 2 < len(toks) and toks[j + 1].text in HYPHEN_LINKS and \
                has_cyrillic(toks[j].text) and toks[j + 2].capitalised and \
                text[toks[j + 1].end:toks[j + 2].start] == "-":
            j += 2
        else:
            break
    return j


def _add_coordinated(spans: list[Span], rejected: list[tuple[Span, Token]], view: TextView,
                     gaz: Gazetteer) -> list[Span]:
    """Take back rejected names listed beside a kept place ("Avdeevka and Vuhledr")."""
    # Only proper nouns that a cue could have saved are worth a second look, and names of
    # towns of the theatre the model tags as it can ("turned Oleshky and Hola Prystan")
    pending = [(span, first) for span, first in rejected
               if (view.pos.get(first.start) in (None, "PROPN") or _theatre_name(span, gaz))
               and not DEMONYM.search(span.surface) and len(span.surface) >= 4]
    changed = True
    while changed and pending:
        changed = False
        starts = [s.start for s in spans]
        for cand in list(pending):
            span, first = cand
            k = bisect_right(starts, span.start)
            before = spans[k - 1] if k else None
            after = spans[k] if k < len(spans) else None
            if (before is not None and before.end > span.start) or (
                    after is not None and after.start < span.end):
                pending.remove(cand)  # overlaps a kept place
                continue
            if not ((before is not None and LIST_GAP.match(view.text[before.end:span.start]))
                    or (after is not None and LIST_GAP.match(view.text[span.end:after.start]))):
                continue
            pending.remove(cand)
            span.evidence.add("list")
            if _keep(span, view, gaz, first):
                spans.insert(k, span)
                starts.insert(k, span.start)
                changed = True
    return spans


def _theatre_name(span: Span, gaz: Gazetteer) -> bool:
    """True when the span is the exact name of a town of the theatre of 1,000 people or
    more (or of a region)."""
    return span.how == "exact" and any(
        h.entry.kind != "city" or (h.entry.population >= 1000
                                   and gaz.theatre_weight(h.entry.country) > 0)
        for h in span.hits)


def _add_repeated(spans: list[Span], rejected: list[tuple[Span, Token]]) -> list[Span]:
    """Take back a name the article uses as a place elsewhere ("Volchansk and Kupyansk:
    what is happening" in a headline, "The fight for Volchansk" below it): one article
    does not use one known name for a place and for something else."""
    kept = {normalize(s.surface) for s in spans if s.hits}
    # "captured the village of Tonenke ... had withdrawn from Tonenke": a name the
    # gazetteer lacks, taken as a place where a cue said so, is one wherever it recurs
    unknown = {normalize(s.surface) for s in spans if not s.hits}
    if not kept and not unknown:
        return spans
    found = []
    for span, _first in rejected:
        surface = normalize(span.surface)
        if not (surface in kept if span.hits else surface in unknown) or span.evidence & {
                "group", "river", "person"} or any(
                s.start < span.end and span.start < s.end for s in spans):
            continue
        if span.surface.isupper() and len(span.surface) > 1:
            continue  # an acronym ("EU"), as _keep has it
        found.append(span)
    return sorted(spans + found, key=lambda s: s.start) if found else spans


# What follows a span in ``add_evidence``, compiled once (they were compiled-cache lookups
# per span and pattern): a noun of an area ("the Oskil front" is no river), a place after
# "in" or "near", a noun of region or front, a front's direction.
_AREA_NOUN_AFTER = re.compile(
    r"^\s+(?:region|oblast|province|district|raion|front|direction|sector)\b", re.IGNORECASE)
_IN_PLACE_AFTER = re.compile(r"^[\s,]+(?:in|near)\s+(?:the\s+)?(?:(?:north|south|east|west|"
                             r"central)[a-z-]*\s+)?[A-Z\u0400-\u042F]")
_REGION_NOUN_AFTER = re.compile(
    r"^\s+(?:region|oblast|province|district|raion|direction|axis|sector)\b", re.IGNORECASE)
# The last word before a span that RIVER_BEFORE can end with.
_RIVER_LAST_WORDS = frozenset({"of", "the"})
_DIRECTION_AFTER = re.compile(r"^\s+(?:direction|axis|sector)\b", re.IGNORECASE)


def add_evidence(span: Span, view: TextView, gaz: Gazetteer) -> None:
    """Record on ``span`` what its context says for or against it being a place."""
    before = view.text[max(0, span.start - 60):span.start]
    label = view.ner.get(span.start)
    if label in POS_LABELS:
        span.evidence.add("ner")
    elif label in NEG_LABELS:
        span.evidence.add("neg:" + label)
    last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    if last in _CUE_LAST_WORDS:
        # Every pattern below ends with one of a few words: most spans skip them all.
        if STRONG_BEFORE.search(before) or RENAME_BEFORE.search(before):
            span.evidence.add("pattern")
        if CALLED_BEFORE.search(before):
            span.evidence.add("called")
        if PREP_BEFORE.search(before) or AT_SITE_BEFORE.search(before):
            span.evidence.add("prep")
        if THIS_BEFORE.search(before):
            span.evidence.add("this")
        if OTHER_BEFORE.search(before):
            span.evidence.add("other")
    after = view.text[span.end:span.end + 40]
    if PLACE_POSSESSIVE_AFTER.match(after):
        span.evidence.add("prep")
    if GROUP_AFTER.match(after):
        span.evidence.add("group")
    regional = any(h.entry.kind != "city" for h in span.hits)
    # (RIVER_BEFORE ends in "of" or "the" and spaces: tried only after those words)
    if RIVER_AFTER.match(after) or (last in _RIVER_LAST_WORDS and RIVER_BEFORE.search(before)
                                    and not regional and not _AREA_NOUN_AFTER.match(after)):
        span.evidence.add("river")
    if _IN_PLACE_AFTER.match(after) or _REGION_NOUN_AFTER.match(after):
        # "the Krasnarmeysk direction": a front direction is named after its town
        span.evidence.add("pattern")
    if _DIRECTION_AFTER.match(after):
        span.evidence.add("direction")
    if _in_other_full_name(span, view):
        span.evidence.add("person")
    span.sentence = view.sentence_of(span.start)
    span.paragraph = view.paragraph_of(span.start)


def _in_other_full_name(span: Span, view: TextView) -> bool:
    """True when a word of the span is a word of a person's full name in the article other
    than the span's own words: the model's PERSON label on a known place ("Kiryat Shmona",
    "Bandar Abbas") is counted once (as a label), not again as a person's name."""
    words = normalize(span.surface).split()
    if not any(w in view.person_words for w in words):
        return False
    if not span.hits:
        return True  # an unknown name the model calls a person ("Nino Beridze") is one
    norm = " ".join(words)
    for start, end in view.full_names:
        name = normalize(view.text[start:end]).replace("'s", "")
        if name != norm and set(name.split()) & set(words):
            return True
    return False


def _placeness(span: Span, view: TextView, gaz: Gazetteer, first: Token) -> int:
    """Score how strongly the text presents a span as a place (see ``_keep``)."""
    ev = span.evidence
    score = 0
    score += 2 if "ner" in ev else 0
    score += 2 if "pattern" in ev else 0
    score += 1 if ev & {"prep", "list"} else 0
    if span.hits and any(h.entry.kind != "city" or (
            h.entry.population >= 5000 and gaz.theatre_weight(h.entry.country) > 0)
            for h in span.hits):
        score += 1
    if span.hits and (" " in span.surface.strip() or "-" in span.surface):
        score += 1
    theatre_place = any(h.entry.kind != "city" or (
        h.entry.population >= 1000 and gaz.theatre_weight(h.entry.country) > 0)
        for h in span.hits)
    inside_name = "person" in ev and any(
        start <= span.start and span.end <= end and (start, end) != (span.start, span.end)
        for start, end in view.full_names)
    if inside_name:
        score -= 3  # a word of a person's full name: "Victoria Ivanova"
    elif "person" in ev:
        score -= 1 if theatre_place else 3
    if "neg:PERSON" in ev and not theatre_place:
        score -= 1
    # the small model tags big cities it has not learnt as people, products or adverbs
    # ("while Bratislava said", "over Tiraspol"): their own GeoNames name outweighs it
    well_known = _well_known(span, gaz)
    score += 1 if well_known else 0
    # a town abroad the text frames as a place ("between Gao and Kidal"): the small model's
    # NORP or WORK_OF_ART on its own name is as weak as on a town of the theatre
    framed_town = bool(ev & {"prep", "list", "pattern"}) and any(
        h.source == "name" and h.entry.kind == "city"
        and h.entry.population >= SMALL_FOREIGN_POPULATION for h in span.hits)
    against = 0
    for e in ev:
        if e.startswith("neg:") and e != "neg:PERSON":
            against += 1 if (e[4:] in WEAK_NEG_LABELS and (theatre_place or framed_town)
                             and not DEMONYM.search(span.surface)) else 2
    score -= min(against, 1) if well_known else against
    tag = view.pos.get(first.start)
    if tag and tag not in ("PROPN", "X"):
        score -= 1 if well_known else 2
    if _sentence_initial(view, first):
        score -= 1
    return score


# Russian and Ukrainian words before a name that frame it as a place: prepositions of place
# and direction ("біля Покровська", "под Курском", "удар по Харкову") and nouns of a kind
# of place ("село Борова", "в городе Шебекино"); dictionary forms.
_CYR_PLACE_CUES = frozenset({
    "в", "у", "во", "на", "під", "под", "біля", "около", "возле", "поблизу", "поблиз",
    "неподалік", "неподалеку", "недалеко", "до", "из", "із", "з", "зі", "від", "от", "по",
    "через", "над", "за", "між", "между", "навколо", "вокруг", "поза", "вглиб",
    "місто", "село", "селище", "смт", "город", "поселок", "посёлок", "деревня", "хутор",
    "пункт", "станиця", "станица", "селение", "околиця", "окраина", "передмістя"})
# Nouns of a village before its name ("село Кам'янське", "в посёлке Каменское"): the place
# is no city (the resolver drops namesakes of CITY_POPULATION and more when another is left).
_VILLAGE_NOUNS = frozenset({"село", "селище", "поселок", "посёлок", "деревня", "хутор",
                            "станиця", "станица"})
# Nouns of office and trade that come before a person's name ("губернатор Гладков", "речник
# угруповання Дмитро Лиховій", "глава ДНР Денис Пушилин"); dictionary forms.
_ROLE_NOUNS = frozenset({
    "глава", "голова", "губернатор", "мэр", "мер", "речник", "представитель", "представник",
    "спикер", "спікер", "президент", "премьер", "прем'єр", "министр", "міністр",
    "командующий", "командувач", "командир", "генерал", "полковник", "начальник",
    "очільник", "керівник", "руководитель", "заступник", "заместитель", "посол",
    "пресс-секретарь", "прессекретарь", "пресс-секретар", "советник", "радник", "депутат",
    "блогер", "журналист", "журналіст", "аналитик", "аналітик", "лидер", "лідер",
    "омбудсмен", "уповноважений", "уполномоченный", "секретар", "секретарь", "военкор",
    "воєнкор", "директор", "прокурор", "сенатор", "канцлер"})
# The same in English ("Sumy mayor Artem Kobzar"); kept apart: a Cyrillic office noun comes
# before a town in the genitive ("мэр Белгорода Валентин Демидов")
_EN_ROLE_NOUNS = frozenset({
    "mayor", "governor", "spokesman", "spokeswoman", "spokesperson", "commander", "chief",
    "minister", "president", "head", "deputy", "adviser", "advisor", "secretary", "general",
    "colonel", "official", "blogger", "analyst", "lawmaker", "ombudsman", "envoy",
    "ambassador", "prosecutor", "director", "leader", "representative", "officer"})
# Nouns of a river's parts before its name ("на лівому березі Дніпра"): the name is the river.
_RIVER_NOUNS = frozenset({"берег", "березі", "берега", "берегу", "береге", "річка", "река",
                          "русло", "гирло", "устье", "дельта", "водосховище",
                          "водохранилище", "течія", "течение"})
# Nouns of a street or a part of a town before its name ("на улице Ленина", "мікрорайон
# Шахтарський", "проспект Миру"): the name is the street's or the quarter's, not a place's.
_STREET_NOUNS = frozenset({"улица", "вулиця", "проспект", "переулок", "провулок", "бульвар",
                           "площадь", "площа", "шоссе", "шосе", "набережная", "набережна",
                           "проезд", "проїзд", "микрорайон", "мікрорайон", "тупик"})
# Nouns of a sea or a gulf after its adjective ("в Чорному морі", "в Азовском море",
# "Керченської протоки"): the adjective names the water, not the village of that name.
_SEA_NOUNS = frozenset({"море", "протока", "пролив", "залив", "затока", "лиман"})
_QUOTES_OPEN, _QUOTES_CLOSE = "«\"„“", "»\"“”"


def _word_before(view: TextView, tok: Token, skip_names: bool = False) -> Token | None:
    """The word before ``tok`` in its sentence (with ``skip_names``, before any capitalised
    words in between: the role noun of "губернатор Вячеслав Гладков")."""
    toks = view.tokens
    k = _token_index(view, tok) - 1
    sentence = view.sentence_of(tok.start)
    while k >= 0 and view.sentence_of(toks[k].start) == sentence:
        if skip_names and toks[k].capitalised and _token_index(view, tok) - k <= 2:
            k -= 1
            continue
        return toks[k]
    return None


def _word_after(view: TextView, tok: Token) -> Token | None:
    """Return the token right after ``tok`` when only a space comes between, else None."""
    i = _token_index(view, tok)
    toks = view.tokens
    if i + 1 < len(toks) and view.text[tok.end:toks[i + 1].start] == " ":
        return toks[i + 1]
    return None


def _token_index(view: TextView, tok: Token) -> int:
    return _bisect([t.start for t in view.tokens], tok.start)


def _cyrillic_plausible(span: Span, view: TextView, gaz: Gazetteer, first: Token) -> bool:
    """Whether a Russian or Ukrainian span can be a place, as the words around it say.

    Not a place: a surname or first name ("Песков", "Пушилин", "Владимир Сальдо") unless
    the name itself is in the gazetteer and nothing marks a person; a name after a noun of
    office ("губернатор Гладков"); a common word ("Вибухи", "Войска", "Російські") that
    only a romanisation or an edit distance ties to a place; an adjective going with the
    noun after it ("Українські військові"); a name in quotes ("угруповання «Таврія»"); a
    river after "берег"; a street or quarter after its noun ("на улице Ленина"); a sea
    before its noun ("в Чорному морі")."""
    text = view.text
    before = _word_before(view, first)
    prev_forms = _word_forms(before.text) if before is not None and not before.capitalised \
        else set()
    framed = bool(span.evidence & {"pattern", "region", "seat", "list"}) or bool(
        prev_forms & _CYR_PLACE_CUES)
    if framed and "prep" not in span.evidence and prev_forms & _CYR_PLACE_CUES:
        span.evidence.add("prep")
    if prev_forms & _VILLAGE_NOUNS:
        span.evidence.add("village")  # "село Кам'янське": no city of that name
    loose = span.how in ("none", "translit", "fuzzy") or not span.hits
    single = " " not in span.surface.strip()
    word = first.text
    if prev_forms & (_RIVER_NOUNS | _STREET_NOUNS):
        return False
    after = re.match(r"\s+(\w+)", text[span.end:span.end + 30])
    if after and after.group(1).islower() and _word_forms(after.group(1)) & (
            _SEA_NOUNS | _STREET_NOUNS):
        # "в Чорному морі": a sea, not the village Chornoye; "на Миколаївському шосе": a
        # road, not the village Mykolaivske (decision 432)
        return False
    named_after = _word_before(view, first, skip_names=True)
    if named_after is not None and named_after is not before and \
            not named_after.capitalised and _word_forms(named_after.text) & _STREET_NOUNS:
        return False  # "на проспекте Богдана Хмельницкого": a street (decision 432)
    if span.start > 0 and text[span.start - 1] in _QUOTES_OPEN and \
            text[span.end:span.end + 1] in _QUOTES_CLOSE:
        return False  # a formation, an operation, a company: "«Таврія»", "«Азовсталь»"
    langs = view.cyrillic_langs
    person = is_person_reading(word, langs)
    role_word = _word_before(view, first, skip_names=True)
    role = role_word is not None and not role_word.capitalised and bool(
        _word_forms(role_word.text) & _ROLE_NOUNS) and single
    nxt = _word_after(view, first)
    if role and (loose or person):
        return False  # "губернатор Гладков", "речник Лиховій"
    if _flag_before(view, first) or _direction_with_noun(word, nxt, langs):
        return False
    if single and (person or _ADJECTIVAL_SURNAME.search(word)) and (
            (nxt is not None and _said(nxt.text, langs)) or _after_first_name(view, first, langs)):
        # "Сырский опроверг" (Syrskoye), "Жданов заявил" (Mariupol's old name), "Александр
        # Сырский": a surname (decision 263)
        return False
    if framed:
        return True
    if single and nxt is not None and nxt.capitalised and has_first_name_reading(word, langs):
        return False  # "Владимир Сальдо", "Володимир Зеленський": a first name
    if person and loose:
        return False  # "Песков" (Pskov), "Пушилин" (Pushkin)
    if loose and single and span.how != "translit" and is_common_word(word, langs) and not any(
            gaz.theatre_weight(h.entry.country) > 0 for h in gaz.by_translit(span.surface)):
        # "Вибухи", "Войска", "Російські": only an edit distance ties them to a place (the
        # Ukrainian dictionary knows "Рильська" as a common adjective, but its romanisation
        # is Rylsk's)
        return False
    if single and span.how != "exact":
        for lang in langs:
            if _modifies_next(word, nxt, lang):
                return False  # "Українські військові", "Российские войска"
    return True


# Verbs of saying (dictionary forms) after a surname that is also a place's name: "Сырский
# опроверг захват", "Жданов заявил" name people, not Syrskoye or Mariupol (decision 263).
_SPEECH_VERBS = frozenset({
    "заявить", "сообщить", "опровергнуть", "сказать", "отметить", "подчеркнуть",
    "рассказать", "уточнить", "добавить", "признать", "написать", "пообещать", "назвать",
    "заявити", "повідомити", "спростувати", "сказати", "наголосити", "розповісти",
    "уточнити", "додати", "визнати", "написати", "зазначити", "пообіцяти", "назвати"})


def _after_first_name(view: TextView, first: Token, langs: tuple[str, ...]) -> bool:
    """True for a word right after a capitalised first name ("Александр Сырский")."""
    before = _word_before(view, first)
    return before is not None and before.capitalised and \
        view.text[before.end:first.start] == " " and has_first_name_reading(before.text, langs)


def _said(word: str, langs: Sequence[str]) -> bool:
    """True for a verb of saying ("заявил", "опроверг", "повідомив")."""
    return any(lemmas(word.lower(), lang) & _SPEECH_VERBS for lang in langs)


# a masculine surname shaped like an adjective ("Сырский", "Сирський", "Покровский")
_ADJECTIVAL_SURNAME = re.compile(r"(?:ский|цкий|ський|цький)$")
# Adjectives of a compass point (dictionary forms): with a common noun after them ("у входа
# в Северную бухту", "на Северной стороне") they name a side of a town, not the village
# Severnyy; alone ("в порту Южный") they may be a town's name (decision 253).
_DIRECTION_ADJECTIVES = frozenset({
    "северный", "южный", "западный", "восточный", "центральный", "північний", "південний",
    "західний", "східний", "центральний"})
# Nouns that keep the adjective a name: a district's ("в Центральном районе": the district
# rule of the resolver reads it), a port's ("в Южном порту": Pivdenne, once Yuzhnyi).
_DISTRICT_WORDS = frozenset({"район", "округ", "микрорайон", "мікрорайон", "громада", "порт"})
# "под флагом Палау", "під прапором Панами": a ship's flag names its country of register,
# no place of what happened to the ship (decision 253).
_FLAG_NOUNS = frozenset({"флаг", "прапор"})
_FLAG_PREPOSITIONS = frozenset({"под", "під"})


def _flag_before(view: TextView, first: Token) -> bool:
    """True for a name right after "под флагом", "під прапором"."""
    flag = _word_before(view, first)
    if flag is None or not _word_forms(flag.text) & _FLAG_NOUNS:
        return False
    prep = _word_before(view, flag)
    return prep is not None and prep.text.lower() in _FLAG_PREPOSITIONS


def _direction_with_noun(word: str, nxt: Token | None, langs: Sequence[str]) -> bool:
    """True for a compass point's adjective agreeing with the common noun after it."""
    if nxt is None or not nxt.text.islower() or not _word_forms(word) & _DIRECTION_ADJECTIVES:
        return False
    if _word_forms(nxt.text) & _DISTRICT_WORDS:
        return False
    for lang in langs:
        tags = parse_tags(nxt.text, lang)
        if "NOUN" in tags and (parse_tags(word, lang) & {"masc", "femn", "neut", "plur"}) & tags:
            return True
    return False


def _modifies_next(word: str, nxt: Token | None, lang: str) -> bool:
    """True for an adjective of plural number (a people: "Українські") or agreeing in case
    and number with the lower-case noun or adjective after it ("Российские войска")."""
    tags = parse_tags(word, lang)
    if "ADJF" not in tags:
        return False
    if "plur" in tags:
        return True
    if nxt is None or not nxt.text.islower():
        return False
    after = parse_tags(nxt.text, lang)
    grammemes = {"nomn", "gent", "datv", "accs", "ablt", "loct", "sing", "plur"}
    return bool(after & {"NOUN", "ADJF"}) and (tags & grammemes) <= after


def _well_known(span: Span, gaz: Gazetteer) -> bool:
    """True when the words are the GeoNames name of a large city (of the theatre, or
    anywhere when larger still): a name most readers know as a place."""
    return any(h.source == "name" and h.entry.kind == "city" and (
        h.entry.population >= WELL_KNOWN_ABROAD or (
            h.entry.population >= WELL_KNOWN_THEATRE
            and gaz.theatre_weight(h.entry.country) > 0)) for h in span.hits)


# Months and weekdays: never a place unless the text calls them a settlement (decision 404)
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday"})
SETTLEMENT_BEFORE = re.compile(r"\b(?:village|town|city|settlement|hamlet)\s+of\s+$", re.I)
# "the village of Kamianske": a village, not a namesake city (as "село" for Cyrillic)
VILLAGE_BEFORE = re.compile(r"\b(?:villages?|hamlets?)\s+(?:of\s+)?$", re.I)
# "Kamianske, a village on the former Kakhovka reservoir": the same, told after the name
VILLAGE_AFTER = re.compile(r"^\s*,\s+(?:a|the)\s+(?:(?:small|tiny|nearby|frontline|front-line|"
                           r"border|\w+ern)\s+)?(?:village|hamlet)\b", re.I)


def _hopeless(span: Span, gaz: Gazetteer) -> bool:
    """True for a name-less capitalised word that no context could make a place."""
    norm = normalize(span.surface)
    return len(norm) < 4 or bool(DEMONYM.search(norm)) or any(
        gaz.is_not_place(w) for w in norm.split())


def _keep(span: Span, view: TextView, gaz: Gazetteer, first: Token) -> bool:
    """Decide whether a span is reported as a place mention."""
    if has_cyrillic(span.surface) and not _cyrillic_plausible(span, view, gaz, first):
        return False
    if VILLAGE_BEFORE.search(view.text[max(0, span.start - 20):span.start]) or \
            VILLAGE_AFTER.match(view.text[span.end:span.end + 40]):
        span.evidence.add("village")
    norm = normalize(span.surface)
    if (gaz.is_not_place(norm) or norm in DIRECTIONS) and "pattern" not in span.evidence:
        return False
    if _street_name(span, view, gaz):
        return False
    if _first_name_after_role(span, view, first):
        return False
    if norm in CALENDAR_WORDS and not SETTLEMENT_BEFORE.search(
            view.text[max(0, span.start - 20):span.start]):
        # "Ukraine: August deadliest month", "in August": a month, whatever pattern took
        # it for a town, unless the text says it is one ("the village of May")
        return False
    if span.evidence & {"group", "river"}:
        return False  # a formation named after a town, or a river: no populated place
    if "person" in span.evidence and not span.evidence & {
            "ner", "pattern", "prep", "list", "region"} and " " not in span.surface.strip() and (
            not any(h.entry.kind != "city" or h.entry.population >= BARE_FUZZY_MIN_POPULATION
                    for h in span.hits)):
        # "Smirnov said": the article has named this word as part of a person (the model
        # also puts big towns into people's names, so those are left to the score).
        return False
    if span.surface.isupper() and len(span.surface) > 1:
        # Acronyms: only project aliases (DPR, LNR) and countries, never "EU" -> Eu, France.
        span.hits = [h for h in span.hits if h.source in ("alias", "user")
                     or h.entry.kind == "country"]
        if not span.hits:
            return False
    if not span.hits and _hopeless(span, gaz):
        return False
    cues = span.evidence & {"ner", "pattern", "prep", "list", "region"}
    if span.hits and not cues and all(
            h.entry.kind == "city" and h.entry.population < SMALL_FOREIGN_POPULATION
            and gaz.theatre_weight(h.entry.country) == 0 for h in span.hits):
        return False  # "the White Angels unit": a bare word that names only small towns abroad
    if span.hits and _inside_organisation(span, view) and all(
            h.entry.kind == "city" and h.entry.population < SMALL_FOREIGN_POPULATION
            and gaz.theatre_weight(h.entry.country) == 0 for h in span.hits):
        return False  # "the Institute for the Study of War": War, West Virginia (decision 546)
    score = _placeness(span, view, gaz, first)
    if span.hits and span.how != "translit":
        return score >= 0
    if not span.hits and view.pos.get(first.start) not in (None, "PROPN", "X") and not (
            span.evidence & {"ner", "pattern"}) and _sentence_initial(view, first):
        return False  # "Fire crews", "Residents": a common word at a sentence's start
    if "neg:PERSON" in span.evidence and SURNAME.search(span.surface) and not (
            span.evidence & {"pattern", "prep"}):
        return False  # "Voronin said": a surname whose romanisation key is a town's
    hits = span.hits or gaz.by_translit(span.surface)
    if not span.evidence & {"pattern", "prep"}:
        # The romanisation key folds Russian and Ukrainian spellings; abroad it mostly makes
        # noise ("Lyudmila" -> Ludmilla, Australia), unless the text frames a place.
        hits = [h for h in hits if gaz.theatre_weight(h.entry.country) > 0
                or h.entry.kind != "city" or h.entry.population >= FAMOUS_ABROAD]
    if hits:
        span.hits, span.how = hits, "translit"
        return _placeness(span, view, gaz, first) >= 1
    cued = bool(span.evidence & {"ner", "pattern", "prep", "list"})
    if cued and score >= 0 and any(gaz.theatre_weight(h.entry.country) > 0
                                   for h in gaz.fuzzy(span.surface)):
        return True  # a garbled name of a place in the theatre: resolved later by context
    # The small model tags an unknown word as it can (a verb, a person): a word one letter
    # off a sizeable town of the theatre is kept on that alone, unless it looks like a
    # surname; find_spans drops it again when the article names no place of the theatre.
    if _bare_garble_ok(span, view, first) and not any(
            e.startswith("neg:") and e[4:] not in WEAK_NEG_LABELS | {"PERSON"}
            for e in span.evidence) and any(
            h.distance == 1 and h.entry.population >= BARE_FUZZY_MIN_POPULATION
            and gaz.theatre_weight(h.entry.country) > 0 for h in gaz.fuzzy(span.surface)):
        span.evidence.add("garble")
        return True
    return score >= 2 and cued


def _inside_organisation(span: Span, view: TextView) -> bool:
    """Whether the span is a later word of a name the model calls an organisation ("the
    Institute for the Study of War"): a town there would begin the name, as in "the Kharkiv
    Regional Military Administration"."""
    return any(label == "ORG" and start < span.start and span.end <= end
               for start, end, label in view.ner_spans)


def _first_name_after_role(span: Span, view: TextView, first: Token) -> bool:
    """Whether a single word stands between an office noun and a capitalised word: a
    person's first name ("Acting Sumy mayor Artem Kobzar said": not the town of Artem)."""
    if " " in span.surface.strip() or "-" in span.surface:
        return False
    before = _word_before(view, first)
    if before is None or before.capitalised or before.text.lower() not in _EN_ROLE_NOUNS:
        return False
    nxt = _word_after(view, first)
    return nxt is not None and nxt.capitalised and nxt.text.lower() not in _HEAD_NOUNS


def _street_name(span: Span, view: TextView, gaz: Gazetteer) -> bool:
    """Whether a Latin span names a street or square: a capitalised street word right after
    it ("on Korolyov Street"), or it is that word after a name ("Korolyov Street")."""
    text = view.text
    after = re.match(r" ([A-Z][a-z]*)\.?\b", text[span.end:span.end + 20])
    if after and gaz.is_street_word(normalize(after.group(1))):
        return True
    before = re.search(r"[A-Z][\w'’-]+ $", text[max(0, span.start - 30):span.start])
    return bool(before) and span.surface[:1].isupper() and \
        gaz.is_street_word(normalize(span.surface)) and not has_cyrillic(span.surface)


def _bare_garble_ok(span: Span, view: TextView, first: Token) -> bool:
    """A capitalised word with no cue may still be a garbled town name, unless it looks
    like a surname: many surnames are one letter off a town ("Peskov"/"Pskov")."""
    return (" " not in span.surface.strip() and len(span.surface) >= 6
            and "person" not in span.evidence and not SURNAME.search(span.surface)
            and (view.pos.get(first.start) in (None, "PROPN", "X")
                 or not _sentence_initial(view, first)))


def _sentence_initial(view: TextView, tok: Token) -> bool:
    return view.sentence_starts[view.sentence_of(tok.start)] == tok.start


def _mark_region_coordination(spans: list[Span], view: TextView, gaz: Gazetteer) -> None:
    """'Donetsk, Luhansk and Kharkiv regions', 'the Luhansk and Donetsk republics': every
    member of a coordination under a plural head noun is a region."""
    for span in spans:
        after = view.text[span.end:span.end + 120]
        before = view.text[max(0, span.start - 200):span.start]
        low = before.lower()
        m = REGION_HEAD_AFTER.match(after) or REGION_PLURAL.match(after) or (
            REGION_LIST_BEFORE.search(before) if any(w in low for w in _REGION_HEAD_WORDS)
            else None)
        if not m:
            continue
        span.evidence.add("region")
        word = m.group(1).lower()
        suffixes = (" people's republic", " region") if "republic" in word else (
            (" district",) if word in ("districts", "raions", "rayons") else (" region",))
        for suffix in suffixes:
            hits = [h for h in gaz.exact(span.surface + suffix) if h.entry.kind != "city"]
            if hits:
                span.hits = hits
                span.how = "exact"
                break
