"""The words of a sentence with their dictionary forms, and lemma phrases found in them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch.events.lemma.lexicon import Phrase
from wirewatch.places.morph import lemmas

# Words a phrase may skip between two of its words ("взяли под полный контроль").
MAX_GAP = 2
_QUOTES = {"«", "»", '"', "„", "“", "”"}
_STOP = {",", ";", ":", "—", "–", "(", ")", "«", "»", '"', ".", "!", "?"}


@dataclass(frozen=True)
class Word:
    """A token of the text: its index in the doc, offsets, text and dictionary forms."""

    i: int
    start: int
    end: int
    text: str
    forms: frozenset[str]
    pos: str

    @property
    def lower(self) -> str:
        """The word in lower case."""
        return self.text.lower()


def words_of(sent: Any, lang: str) -> list[Word]:
    """Return the words of a spaCy sentence (blank lines left out) with their forms."""
    return [Word(t.i, t.idx, t.idx + len(t.text), t.text,
                 _alternants(lemmas(t.text, lang) | {t.lemma_.lower()}, lang), t.pos_)
            for t in sent if not t.is_space]


def words_in(text: str, lang: str) -> list[Word]:
    """Return the words of a short text read without a parser (an outlet's name): runs of
    letters, digits and apostrophes, and each other mark alone."""
    return [Word(k, m.start(), m.end(), m.group(), _alternants(lemmas(m.group(), lang), lang),
                 "") for k, m in enumerate(re.finditer(r"[\w'’ʼ-]+|[^\w\s]", text))]


_VOWELS = set("аеєиіїоуюяё")


def _alternants(forms: frozenset[str], lang: str) -> frozenset[str]:
    """Ukrainian writes a word's first у- or в- before a consonant either way ("утратив" /
    "втратив", "уразили" / "вразили", "узято" / "взято", "у полон" / "в полон"): each form
    with both."""
    if lang != "uk":
        return forms
    alt = {("в" if f[0] == "у" else "у") + f[1:] for f in forms
           if f in ("у", "в") or (len(f) > 2 and f[0] in "ув" and f[1] not in _VOWELS
                                  and f[1].isalpha())}
    return forms | alt if alt else forms


def match_at(words: Sequence[Word], k: int, phrase: Phrase, gap: int = MAX_GAP
             ) -> tuple[int, int] | None:
    """Return (first, last) word index of ``phrase`` starting at word ``k``, else None."""
    if phrase[0] not in words[k].forms:
        return None
    pos = k
    for w in phrase[1:]:
        nxt = None
        j, skipped = pos + 1, 0
        while j < len(words) and skipped <= gap:
            if w in words[j].forms:
                nxt = j
                break
            if words[j].text in _QUOTES:
                j += 1  # scare quotes are no words: "в «котле»", "взяли «под контроль»"
                continue
            if words[j].text in _STOP:
                break
            j, skipped = j + 1, skipped + 1
        if nxt is None:
            return None
        pos = nxt
    return k, pos


def find_phrases(words: Sequence[Word], phrases: Iterable[Phrase], lo: int = 0,
                 hi: int | None = None) -> list[tuple[int, int, Phrase]]:
    """Return (first, last, phrase) of each phrase found in words[lo:hi], longest first at
    each start, in text order; overlapping shorter matches are left out."""
    hi = len(words) if hi is None else hi
    plist = list(phrases)
    found: list[tuple[int, int, Phrase]] = []
    for k in range(lo, hi):
        best: tuple[int, int, Phrase] | None = None
        for p in plist:
            m = match_at(words, k, p)
            if m is not None and m[1] < hi and (best is None or len(p) > len(best[2])):
                best = (m[0], m[1], p)
        if best is not None and not any(f[0] <= best[0] <= f[1] for f in found):
            found.append(best)
    return found


def has_phrase(words: Sequence[Word], phrases: Iterable[Phrase], lo: int = 0,
               hi: int | None = None) -> bool:
    """Return whether one of ``phrases`` is in words[lo:hi]."""
    return bool(find_phrases(words, phrases, lo, hi))
