"""Inside one article, the same role given two different names.

Content farms garble names as they rewrite: "Alexei Kulemin, the mayor of Donetsk"
becomes "Kulizhin" two sentences later. The article is not wrong about two people;
it is unreliable about one. This module finds who holds which role in the text
("NAME, the ROLE", "ROLE NAME", the claimant's "NAME (ROLE)"), then flags

* one role given to two different surnames, and
* a surname-like word used as a speaker ("Kulizhin noted", "according to Kulizhin",
  "Kulizhin's update") that is a near spelling of a role holder's surname but is no
  name the article introduces.

The role patterns are claimant naming's (:func:`wirewatch.events.naming.role_patterns`),
built from the lexicon's ``role_nouns``; the speaker and place contexts are the
lexicon's ``speaker_after``, ``speaker_before`` and ``place_before``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.events.naming import role_of, role_patterns


@dataclass(frozen=True)
class NameFlag:
    """One role given two names in one article, with the offsets of both names."""

    role: str
    name_a: str
    start_a: int
    end_a: int
    name_b: str
    start_b: int
    end_b: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the flag as a JSON-able dict."""
        return {"role": self.role, "a": {"name": self.name_a, "start": self.start_a,
                                         "end": self.end_a},
                "b": {"name": self.name_b, "start": self.start_b, "end": self.end_b},
                "reason": self.reason}


@dataclass(frozen=True)
class _Holder:
    name: str
    role: str
    start: int
    end: int

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def role_holders(text: str, events: Iterable[Mapping[str, Any]] = (),
                 lexicon: Lexicon | None = None) -> list[_Holder]:
    """Return who the article says holds which role, in text order (``lexicon``: the
    language's words, None: the bundled English lexicon)."""
    lexicon = lexicon or load_lexicon("en")
    pats = role_patterns(lexicon)
    place_before = lexicon.place_before
    found: list[_Holder] = []
    role_spans: list[tuple[int, int]] = []
    for pat in (pats.role_name, pats.role_comma_name, pats.name_role):
        for m in pat.finditer(text):
            if pat is pats.name_role:
                # "...forces in Chasiv Yar, the spokesman ..., Viktor Tregubov": a place
                # before the comma, not the role holder
                if place_before.search(text, 0, m.start("name")):
                    continue
                if any(a < m.end("role") and m.start("role") < b for a, b in role_spans):
                    continue
            role_spans.append((m.start("role"), m.end("role")))
            found.append(_Holder(m.group("name"), role_of(m.group("role"), lexicon),
                                 m.start("name"), m.end("name")))
    for e in events:
        c = pats.claimant.match(str(e.get("claimant") or ""))
        if c:
            i = text.find(c.group("name"))
            if i >= 0:
                found.append(_Holder(c.group("name"), role_of(c.group("role"), lexicon), i,
                                     i + len(c.group("name"))))
    found.sort(key=lambda h: h.start)
    return found


def _similar(a: str, b: str) -> bool:
    """Near spellings of one surname: Kulemin/Kulizhin, Sinegubov/Syniehubov, Lavrik/Lavrikov."""
    a, b = a.lower(), b.lower()
    if a == b or a[0] != b[0]:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 4:
        return True
    if abs(len(a) - len(b)) > 3:
        return False
    sim = Levenshtein.normalized_similarity(a, b)
    return sim >= 0.6 or (a[:2] == b[:2] and sim >= 0.5)


def name_flags(text: str, events: Iterable[Mapping[str, Any]] = (),
               lexicon: Lexicon | None = None) -> list[NameFlag]:
    """Return the roles this article gives two different names (see the module doc;
    ``lexicon``: the language's words, None: the bundled English lexicon)."""
    lexicon = lexicon or load_lexicon("en")
    holders = role_holders(text, events, lexicon)
    speaker_after, speaker_before = lexicon.speaker_after, lexicon.speaker_before
    flags: list[NameFlag] = []
    by_role: dict[str, _Holder] = {}
    for h in holders:
        if len(h.role.split()) < 2:  # "president" alone: Putin and Zelensky both hold it
            continue
        first = by_role.setdefault(h.role, h)
        if first.surname != h.surname:
            flags.append(NameFlag(h.role, first.name, first.start, first.end, h.name, h.start,
                                  h.end, f"'{h.role}' is given to two names"))
    known = {w for h in holders for w in h.name.split()}
    flagged = set()
    for m in role_patterns(lexicon).word.finditer(text):
        w = m.group()
        if w in known or w in flagged:
            continue
        after, before = text[m.end():m.end() + 30], text[max(0, m.start() - 20):m.start()]
        if not (speaker_after.match(after) or speaker_before.search(before)):
            continue
        for h in holders:
            if _similar(w, h.surname):
                flags.append(NameFlag(h.role, h.name, h.start, h.end, w, m.start(), m.end(),
                                      f"'{w}' speaks where the text's {h.role} is "
                                      f"{h.name}: a garbled or different name"))
                flagged.add(w)
                break
    return flags
