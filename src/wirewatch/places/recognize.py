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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.models import Span
from wirewatch.places.text import normalize

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
    r"via|beyond|inside|captured?|took|take|seized?|liberated?|liberating|struck|strike|"
    r"shelled|shelling|hit|entered|enter|encircled?|surrounded?|storm(?:ed)?|reached?|"
    r"attacked?|defend(?:ed)?|cleared?|evacuated from|residents of)\s+(?:the\s+)?$",
    re.IGNORECASE)
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ians|eans|ists?|ic)$", re.IGNORECASE)
DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east",
              "west", "greater", "occupied", "free", "ukrainian", "russian"}
THIS_BEFORE = re.compile(r"\b(this|that)\s+$", re.IGNORECASE)
OTHER_BEFORE = re.compile(r"\bthe\s+other\s+$", re.IGNORECASE)
REGION_PLURAL = re.compile(
    r"^\s*(?:and|or|,|&)\s+(?:the\s+)?[A-Z\u0400-\u042F][\w'’-]*\s+"
    r"(regions|oblasts|provinces|people['’]s republics|republics)\b", re.IGNORECASE)
NEG_LABELS = {"PERSON", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
              "CARDINAL", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
POS_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Token:
    """A word of the text with its character offsets."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        """True when the word starts with an upper-case letter."""
        return self.text[:1].isupper()


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
    tokens = [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    ner: dict[int, str] = {}
    ner_spans: list[tuple[int, int, str]] = []
    pos: dict[int, str] = {}
    if spacy_doc is not None:
        sentences = [s.start_char for s in spacy_doc.sents]
        for ent in spacy_doc.ents:
            ner_spans.append((ent.start_char, ent.end_char, ent.label_))
            for tok in ent:
                ner[tok.idx] = ent.label_
        for tok in spacy_doc:
            pos[tok.idx] = tok.pos_
    else:
        sentences = [0] + [m.end() for m in _SENT_END.finditer(text)]
    person_words = frozenset(
        w for start, end, label in ner_spans if label == "PERSON"
        for w in normalize(text[start:end]).replace("'s", "").split()
        if " " in text[start:end].strip())
    return TextView(text, tokens, sorted(set(sentences)), paragraphs, ner, ner_spans, pos,
                    person_words)


def _joinable(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    return gap in (" ", "-", "‑", "–") and (
        right.capitalised or gap == "-" or right.text.lower() in CONNECTORS
        or right.text.lower() in ("region", "oblast", "province", "krai", "kray"))


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
            if norm.endswith("s") and j > i and last.text.lower() in (
                    "regions", "oblasts", "provinces", "republics"):
                out.append((j, norm[:-1]))
        j += 1
    return out


def find_spans(view: TextView, gaz: Gazetteer) -> list[Span]:
    """Return the place-like spans of a text, each with its gazetteer hits (maybe none)."""
    text, toks = view.text, view.tokens
    starts = [i for i, t in enumerate(toks) if t.capitalised]
    grams = {i: _ngrams(view, i) for i in starts}
    table = gaz.exact_many([n for gs in grams.values() for _, n in gs])
    spans: list[Span] = []
    i_pos = 0
    covered_until = -1
    for i in starts:
        if toks[i].start < covered_until or i < i_pos:
            continue
        best: tuple[int, str] | None = None
        for j, norm in grams[i]:
            if norm in table and (best is None or j >= best[0]):
                best = (j, norm)
        if best is not None:
            j, norm = best
            end = toks[j].end
            surface = text[toks[i].start:end]
            if norm != normalize(surface) and surface.endswith(("'s", "’s")):
                end -= 2
                surface = surface[:-2]
            span = Span(toks[i].start, end, surface, list(table[norm]), "exact")
        else:
            j = i
            while (j + 1 < len(toks) and j - i < 2 and toks[j + 1].capitalised
                   and _joinable(text, toks[j], toks[j + 1])):
                j += 1
            end = toks[j].end
            surface = text[toks[i].start:end]
            if surface.endswith(("'s", "’s")):
                end -= 2
                surface = surface[:-2]
            span = Span(toks[i].start, end, surface, [], "none")
        _add_evidence(span, view, gaz)
        if _keep(span, view, gaz, toks[i]):
            spans.append(span)
            covered_until = span.end
            i_pos = j + 1
    _mark_region_coordination(spans, view, gaz)
    return spans


def _add_evidence(span: Span, view: TextView, gaz: Gazetteer) -> None:
    before = view.text[max(0, span.start - 60):span.start]
    label = view.ner.get(span.start)
    if label in POS_LABELS:
        span.evidence.add("ner")
    elif label in NEG_LABELS:
        span.evidence.add("neg:" + label)
    if STRONG_BEFORE.search(before):
        span.evidence.add("pattern")
    if CALLED_BEFORE.search(before):
        span.evidence.add("called")
    if PREP_BEFORE.search(before):
        span.evidence.add("prep")
    if THIS_BEFORE.search(before):
        span.evidence.add("this")
    if OTHER_BEFORE.search(before):
        span.evidence.add("other")
    after = view.text[span.end:span.end + 40]
    if re.match(r"^[\s,]+(?:in|near)\s+(?:the\s+)?[A-Z\u0400-\u042F]", after) or re.match(
            r"^\s+(?:region|oblast|province|district|raion)\b", after, re.IGNORECASE):
        span.evidence.add("pattern")
    if any(tok in view.person_words for tok in normalize(span.surface).split()):
        span.evidence.add("person")
    span.sentence = view.sentence_of(span.start)
    span.paragraph = view.paragraph_of(span.start)


def _placeness(span: Span, view: TextView, gaz: Gazetteer, first: Token) -> int:
    """Score how strongly the text presents a span as a place (see ``_keep``)."""
    ev = span.evidence
    score = 0
    score += 2 if "ner" in ev else 0
    score += 2 if "pattern" in ev else 0
    score += 1 if "prep" in ev else 0
    if span.hits and any(h.entry.kind != "city" or (
            h.entry.population >= 5000 and gaz.theatre_weight(h.entry.country) > 0)
            for h in span.hits):
        score += 1
    if span.hits and (" " in span.surface.strip() or "-" in span.surface):
        score += 1
    theatre_place = any(h.entry.kind != "city" or (
        h.entry.population >= 1000 and gaz.theatre_weight(h.entry.country) > 0)
        for h in span.hits)
    inside_name = any(
        label == "PERSON" and start <= span.start and span.end <= end
        and (start, end) != (span.start, span.end) and " " in view.text[start:end]
        for start, end, label in view.ner_spans)
    if inside_name:
        score -= 3  # a word of a person's full name: "Victoria Ivanova"
    elif "person" in ev:
        score -= 1 if theatre_place else 3
    if "neg:PERSON" in ev and not theatre_place:
        score -= 1
    if any(e.startswith("neg:") and e != "neg:PERSON" for e in ev):
        score -= 2
    tag = view.pos.get(first.start)
    if tag and tag not in ("PROPN", "X"):
        score -= 2
    if _sentence_initial(view, first):
        score -= 1
    return score


def _keep(span: Span, view: TextView, gaz: Gazetteer, first: Token) -> bool:
    """Decide whether a span is reported as a place mention."""
    norm = normalize(span.surface)
    if (gaz.is_not_place(norm) or norm in DIRECTIONS) and "pattern" not in span.evidence:
        return False
    if span.surface.isupper() and len(span.surface) > 1:
        # Acronyms: only project aliases (DPR, LNR) and countries, never "EU" -> Eu, France.
        span.hits = [h for h in span.hits if h.source in ("alias", "user")
                     or h.entry.kind == "country"]
        if not span.hits:
            return False
    if not span.hits and (len(norm) < 4 or DEMONYM.search(norm) or any(
            gaz.is_not_place(w) for w in norm.split())):
        return False
    score = _placeness(span, view, gaz, first)
    if span.hits:
        return score >= 0
    hits = gaz.by_translit(span.surface)
    if hits:
        span.hits, span.how = hits, "translit"
        return _placeness(span, view, gaz, first) >= 1
    cued = bool(span.evidence & {"ner", "pattern", "prep"})
    if cued and score >= 0 and any(gaz.theatre_weight(h.entry.country) > 0
                                   for h in gaz.fuzzy(span.surface)):
        return True  # a garbled name of a place in the theatre: resolved later by context
    return score >= 2 and cued


def _sentence_initial(view: TextView, tok: Token) -> bool:
    return view.sentence_starts[view.sentence_of(tok.start)] == tok.start


def _mark_region_coordination(spans: list[Span], view: TextView, gaz: Gazetteer) -> None:
    """'Donetsk and Luhansk regions': the first name is a region too."""
    for span in spans:
        m = REGION_PLURAL.match(view.text[span.end:span.end + 60])
        if not m:
            continue
        span.evidence.add("region")
        word = m.group(1).lower()
        suffix = " people's republic" if "republic" in word and "people" in word else " region"
        hits = gaz.exact(span.surface + suffix)
        if hits:
            span.hits = hits
            span.how = "exact"
