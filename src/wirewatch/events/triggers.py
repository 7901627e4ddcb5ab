"""Trigger phrases of the codebook found in a parsed sentence, on lemmas, with small gaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirewatch.events.codebook import Phrase
from wirewatch.events.syntax import children_of, memo, token_forms, tokens_of, tokens_with

GAP_DEPS = {"det", "amod", "advmod", "compound", "nummod", "poss", "case", "nmod", "quantmod",
            "npadvmod", "punct"}
MAX_GAP = 4


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a sentence: its type, words and token indices."""

    type: str
    phrase: Phrase
    tokens: tuple[int, ...]

    @property
    def first(self) -> int:
        """Return the index of the phrase's first token."""
        return self.tokens[0]

    @property
    def last(self) -> int:
        """Return the index of the phrase's last token."""
        return self.tokens[-1]


def _forms(tok: Any) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _doc_forms(doc: Any) -> Any:
    """Every token's ``_forms``, by token index: read once per document being processed,
    else (another doc) computed per token on demand."""
    known = token_forms(doc)
    if known is not None:
        return known
    return _FormsOf(doc)


class _FormsOf:
    def __init__(self, doc: Any) -> None:
        self.doc = doc

    def __getitem__(self, i: int) -> tuple[str, str]:
        return _forms(self.doc[i])


def _gap_ok(tok: Any, after_verb: bool = False) -> bool:
    if tok.dep_ == "punct":
        # a writer's quotes around the phrase ("had \"raised the flag\" over the town")
        return tok.text in ("-", "–", "'", "’", '"', "“", "”")
    if tok.pos_ == "NOUN" and tok.dep_ == "compound":
        # "under Russian fire control" is not "under Russian control"; a verb's object may
        # be a compound ("destroyed an ammunition depot"; decision 514)
        return after_verb
    return tok.dep_ in GAP_DEPS or tok.pos_ in ("DET", "ADJ", "ADV", "NUM")


def _match_from(toks: list[Any], i: int, phrase: Phrase,
                forms: Any = None) -> tuple[int, ...] | None:
    if forms is None:
        forms = _doc_forms(toks[0].doc)
    base = toks[0].i
    positions = [i]
    j = i + 1
    for word in phrase[1:]:
        found = None
        prev = toks[positions[-1]]
        for k in range(j, min(len(toks), j + MAX_GAP + 1)):
            if word in forms[base + k]:
                found = k
                break
            if not _gap_ok(toks[k], toks[i].pos_ == "VERB"):
                break
        if found is None:
            # a particle or preposition separated from its verb by the object: "move the
            # residents out", "pushed the troops out of X", "fired rockets at X", "removed
            # the machines from X"
            found = _dependent(prev, word, toks[0].i + positions[-1], toks[0].i)
        if found is None:
            return None
        positions.append(found)
        j = found + 1
    first, last = toks[positions[0]], toks[positions[-1]]
    if len(phrase) > 1 and first.pos_ == "ADP" and last.dep_ == "compound" and \
            last.head.i > last.i and last.head.pos_ == "NOUN":
        return None  # "under Russian fire control": the preposition governs another noun
    return tuple(positions)


DEPENDENT_DEPS = {"prt", "prep", "pobj"}
# "set an oil depot ablaze": a predicate after the object ends a phrase too (a particle the
# parser read as an adverb, "pushed out of it", is not one: decision 284)
RESULT_DEPS = {"advmod", "oprd", "acomp"}
PARTICLES = {"out", "off", "up", "down", "back", "away", "in", "on", "over"}
OBJECT_DEPS = {"dobj", "nsubjpass"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _dependent(prev: Any, word: str, after: int, base: int) -> int | None:
    """Return the sentence index of a particle or preposition ``word`` that hangs on
    ``prev`` (or on its object) after token ``after``, else None."""
    objs = [c for c in children_of(prev) if c.dep_ in OBJECT_DEPS]
    # "removed dozens of paintings from X": the object's "of" phrase
    objs += [g for o in objs for c in children_of(o) if c.dep_ == "prep" and c.lower_ == "of"
             for g in children_of(c) if g.dep_ == "pobj"]
    heads = [prev, *objs]
    for h in heads:
        for c in children_of(h):
            if c.i > after and word in _forms(c) and (c.dep_ in DEPENDENT_DEPS or (
                    c.dep_ in RESULT_DEPS and c.lower_ not in PARTICLES)):
                return int(c.i - base)
            if c.i > after and c.dep_ == "pobj":
                # "came under mortar and artillery fire": the last of coordinated nouns
                conj = next((g for g in children_of(c) if g.dep_ == "conj" and
                             word in _forms(g)), None)
                if conj is not None:
                    return int(conj.i - base)
    if prev.dep_ in SUBJECT_DEPS and prev.head.i > after and word in _forms(prev.head):
        # "debris from a downed drone had fallen on ...": a subject and its verb
        return int(prev.head.i - base)
    return None


def match_triggers(sent: Any, index: dict[str, list[tuple[str, Phrase]]],
                   keys: frozenset[str] | None = None) -> list[Trigger]:
    """Return the trigger phrases of a sentence; the longest phrase wins per type and token.
    ``keys`` (the keys of ``index``, when the caller has them as a set) lets only the words
    that start a phrase be tried."""
    toks = tokens_of(sent)
    forms = _doc_forms(sent.doc)
    base = sent.start
    found: list[Trigger] = []
    starts = range(len(toks)) if keys is None else [
        t.i - base for t in tokens_with(sent, lowers=keys, lemmas=keys)]
    for i in starts:
        seen: set[tuple[str, Phrase]] = set()
        for key in forms[base + i]:
            for etype, phrase in index.get(key, []):
                if (etype, phrase) in seen:
                    continue
                seen.add((etype, phrase))
                pos = _match_from(toks, i, phrase, forms)
                if pos is not None:
                    found.append(Trigger(etype, phrase, tuple(toks[p].i for p in pos)))
    found.sort(key=lambda t: (-len(t.phrase), t.first))
    out: list[Trigger] = []
    for t in found:
        if any(o.type == t.type and set(o.tokens) & set(t.tokens) for o in out):
            continue
        out.append(t)
    return sorted(out, key=lambda t: t.first)


def phrase_before(sent: Any, tok_i: int, phrases: tuple[Phrase, ...], window: int = 3) -> bool:
    """Return whether one of ``phrases`` ends within ``window`` tokens before token ``tok_i``."""
    forms = _doc_forms(sent.doc)
    start = max(sent.start, tok_i - window - 3)
    by_last, has_empty = _by_last_word(phrases)
    if has_empty and max(start - 1, tok_i - window) < tok_i:
        return True  # an empty phrase ends anywhere
    for end in range(max(start, tok_i - window), tok_i):
        for form in set(forms[end]):
            for phrase in by_last.get(form, ()):
                n = len(phrase)
                first = end - n + 1
                if first < start:
                    continue
                if all(phrase[k] in forms[first + k] for k in range(n - 1)):
                    return True
    return False


# phrases by their last word, per tuple of phrases (a codebook's lists live as long as it)
_LAST_WORD: dict[int, tuple[tuple[Phrase, ...], dict[str, list[Phrase]], bool]] = {}


def _by_last_word(phrases: tuple[Phrase, ...]) -> tuple[dict[str, list[Phrase]], bool]:
    """The phrases by their last word, and whether there is an empty one."""
    known = _LAST_WORD.get(id(phrases))
    if known is None or known[0] is not phrases:
        index: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if phrase:
                index.setdefault(phrase[-1], []).append(phrase)
        if len(_LAST_WORD) > 256:
            _LAST_WORD.clear()
        known = _LAST_WORD[id(phrases)] = (phrases, index, not all(phrases))
    return known[1], known[2]


def lemma_phrase_at(sent: Any, phrases: tuple[Phrase, ...]) -> list[tuple[Phrase, int]]:
    """Return (phrase, first token index) of each contiguous lemma phrase in a sentence."""
    result: list[tuple[Phrase, int]] = memo(sent.doc, ("phrases", sent.start, phrases),
                                            lambda: _lemma_phrase_at(sent, phrases))
    return result


# phrases by their first word, per tuple of phrases (as ``_LAST_WORD``)
_FIRST_WORD: dict[int, tuple[tuple[Phrase, ...], dict[str, list[Phrase]]]] = {}


def _by_first_word(phrases: tuple[Phrase, ...]) -> dict[str, list[Phrase]]:
    """The phrases by their first word (made once per tuple of phrases, not per sentence)."""
    known = _FIRST_WORD.get(id(phrases))
    if known is None or known[0] is not phrases:
        index: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            index.setdefault(phrase[0], []).append(phrase)
        if len(_FIRST_WORD) > 256:
            _FIRST_WORD.clear()
        known = _FIRST_WORD[id(phrases)] = (phrases, index)
    return known[1]


def _lemma_phrase_at(sent: Any, phrases: tuple[Phrase, ...]) -> list[tuple[Phrase, int]]:
    by_first = _by_first_word(phrases)
    doc_forms = _doc_forms(sent.doc)
    forms = [doc_forms[i] for i in range(sent.start, sent.end)]
    out = []
    for i, (lower, lemma) in enumerate(forms):
        cands = by_first.get(lower, []) + (by_first.get(lemma, []) if lemma != lower else [])
        for phrase in cands:
            n = len(phrase)
            if i + n <= len(forms) and all(phrase[k] in forms[i + k] for k in range(1, n)):
                out.append((phrase, sent.start + i))
    return out
