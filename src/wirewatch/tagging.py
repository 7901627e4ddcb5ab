"""Exact, faster stand-ins for the English model's attribute ruler and lemmatizer.

``benchmarks/bench_extract.py`` (docs/performance.md, round 4) found the model's
``attribute_ruler`` and ``lemmatizer`` taking about a sixth of spaCy's time, most of it
Python per token: the attribute ruler runs a Matcher of 179 patterns over every token
and the lemmatizer builds a ``Token`` and a morphology dictionary per word. Nearly all
of those patterns look at one token only, and a token's lemma depends only on its text,
part of speech and morphology, so both answers are functions of a few columns of the
doc. ``wirewatch_attributes`` computes each distinct answer once (with the model's own
patterns and lemmatizer, so the results are the same: ``tests/test_tagging.py``
compares every token's tag, part of speech, morphology, lemma and dependency with the
stock components) and writes the columns back in bulk.

``nlp.py`` puts it in place of the two stock components, which stay in the pipeline
disabled (it reads their patterns and tables from there), so a saved pipeline reloads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# The token attributes a one-token pattern may test here, and how; a pipeline whose
# attribute ruler uses anything else keeps the stock components (``supported``).
_ATTRS: dict[str, Callable[[Any], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}

# Distinct answers kept (token signatures, lemma keys); beyond this the cache starts
# again, so a long stream keeps a bounded memory. Round 10 (docs/performance.md): with the
# pipeline kept for a whole ingest, the two caches grew by about 550 and 430 entries per
# 1,000 generated articles (bench_ingest.py --end-to-end), at about 430 and 170 bytes an
# entry: 200,000 of each would have been about 120 MB; 50,000 is about 30 MB, still
# fifteen times what all of bench_extract.py's texts need (3,215 and 2,299 entries).
CACHE_LIMIT = 50_000

Signature = tuple[str, str, str, bool]


def _predicate(attr: str, want: object) -> Callable[[Signature], bool]:
    """One pattern condition as a test on a token's signature (Matcher semantics)."""
    pos = list(_ATTRS).index(attr)
    if not isinstance(want, dict):
        return lambda sig: sig[pos] == want
    (op, arg), = want.items()
    if op == "IN":
        return lambda sig: sig[pos] in arg
    if op == "NOT_IN":
        return lambda sig: sig[pos] not in arg
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda sig: bool(rx.search(str(sig[pos])))
    raise ValueError(f"unsupported pattern operator {op}")


def _one_token(pattern: dict[str, Any]) -> Callable[[Signature], bool]:
    tests = [_predicate(k, v) for k, v in pattern.items()]
    return lambda sig: all(test(sig) for test in tests)


def supported(ruler: Any) -> bool:
    """Whether every pattern of an attribute ruler tests only attributes this module reads
    with operators it knows."""
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            for tok in pattern:
                for key, value in tok.items():
                    if key not in _ATTRS:
                        return False
                    if isinstance(value, dict) and (
                            len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN",
                                                                         "REGEX")):
                        return False
    return True


class FastAttributes:
    """The attribute ruler, then the lemmatizer, of a pipeline, with their answers cached
    per distinct token."""

    def __init__(self, nlp: Language, ruler: str = "attribute_ruler",
                 lemmatizer: str = "lemmatizer") -> None:
        self.nlp = nlp
        self.names = (ruler, lemmatizer)
        self._ready = False
        self._single: list[tuple[int, Callable[[Signature], bool]]] = []
        self._multi: Matcher | None = None
        self._merged: dict[Signature, dict[Any, Any]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _prepare(self) -> None:
        """Split the ruler's patterns into one-token tests and a Matcher of the longer ones."""
        ruler: Any = self.nlp.get_pipe(self.names[0])
        self.ruler = ruler
        self.lemmatizer: Any = self.nlp.get_pipe(self.names[1])
        self._multi = Matcher(self.nlp.vocab)
        for i, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self._single.append((i, _one_token(pattern[0])))
                else:
                    self._multi.add(str(i), [pattern])
        self._ready = True

    def __call__(self, doc: Doc) -> Doc:
        if not self._ready:
            self._prepare()
        self._rule(doc)
        self._lemmatize(doc)
        return doc

    def _single_attrs(self, tok: Any) -> dict[Any, Any]:
        """The attributes the one-token patterns give a token, merged in pattern order."""
        sig: Signature = (tok.tag_, tok.lower_, tok.dep_, tok.is_space)
        found = self._merged.get(sig)
        if found is None:
            if len(self._merged) >= CACHE_LIMIT:
                self._merged.clear()
            found = {}
            for i, test in self._single:
                if test(sig):
                    found.update(self.ruler.attrs[i])
            self._merged[sig] = found
        return found

    def _rule(self, doc: Doc) -> None:
        """The attribute ruler: every match applied in the ruler's order (by pattern, then
        position), later patterns overriding earlier ones. Setting a token's attributes
        one after the other is setting their union, so a token's one-token matches are
        applied as one merged set; a token a longer pattern also matches gets all its
        matches in the ruler's order."""
        from spacy.tokens._retokenize import set_token_attrs

        assert self._multi is not None
        longer: dict[int, list[tuple[int, int]]] = {}
        for key, start, end in self._multi(doc, allow_missing=True):
            i = int(self.nlp.vocab.strings[key])
            longer.setdefault(doc[start:end][self.ruler.indices[i]].i, []).append((i, start))
        attrs = self.ruler.attrs
        for tok in doc:
            if tok.i in longer:
                sig: Signature = (tok.tag_, tok.lower_, tok.dep_, tok.is_space)
                applied = longer[tok.i] + [(i, tok.i) for i, test in self._single if test(sig)]
                for i, _start in sorted(applied):
                    set_token_attrs(tok, attrs[i])
                continue
            merged = self._single_attrs(tok)
            if merged:
                set_token_attrs(tok, merged)

    def _lemmatize(self, doc: Doc) -> None:
        """The lemmatizer (rule mode, not overwriting): one lemma per distinct text, part
        of speech and morphology, computed by the model's own lemmatizer."""
        if self.lemmatizer.overwrite or self.lemmatizer.mode != "rule":
            self.lemmatizer(doc)
            return
        cols: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = self.nlp.vocab.strings
        changed = False
        for k, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                if len(self._lemmas) >= CACHE_LIMIT:
                    self._lemmas.clear()
                found = strings.add(self.lemmatizer.lemmatize(doc[k])[0])
                self._lemmas[key] = found
            cols[k, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], cols[:, 3:4])


@Language.factory("wirewatch_attributes",
                  default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"})
def make_fast_attributes(nlp: Language, name: str, ruler: str,
                         lemmatizer: str) -> FastAttributes:
    """Return the component that stands in for the (disabled) ``ruler`` and ``lemmatizer``
    of the same pipeline."""
    return FastAttributes(nlp, ruler, lemmatizer)
