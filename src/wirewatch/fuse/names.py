"""Inside one article, the same role given two different names.

Content farms garble names as they rewrite: "Alexei Kulemin, the mayor of Donetsk"
becomes "Kulizhin" two sentences later. The article is not wrong about two people;
it is unreliable about one. This module finds who holds which role in the text
("NAME, the ROLE", "ROLE NAME", the claimant's "NAME (ROLE)"), then flags

* one role given to two different surnames, and
* a surname-like word used as a speaker ("Kulizhin noted", "according to Kulizhin",
  "Kulizhin's update") that is a near spelling of a role holder's surname but is no
  name the article introduces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

ROLE_NOUNS = (r"mayor|governor|head|spokesman|spokeswoman|spokesperson|minister|chief|"
              r"commander|deputy|leader|director|chairman|chairwoman|president|secretary|"
              r"representative|adviser|advisor|ambassador|prosecutor|ombudsman|ombudsperson|"
              r"speaker|envoy|premier|prime minister")
NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
FULL_NAME = rf"{NAME}(?:\s{NAME}){{1,2}}"
ROLE_WORD = (r"(?:[A-Z][\w’'-]*|district|city|regional|region|military|civil|civilian|"
             r"administration|council|municipal|people's|republic|oblast|group|forces|"
             r"of|the|and)")
ROLE_TAIL = rf"(?:\s(?:of|for|at|in)\s(?:the\s)?[A-Z][\w’'-]*(?:\s{ROLE_WORD}){{0,5}})?"
_NAME_ROLE = re.compile(rf"\b(?P<name>{FULL_NAME}),\s(?:the\s|a\s|an\s)?(?P<role>(?:[a-z-]+\s)?"
                        rf"(?:{ROLE_NOUNS}){ROLE_TAIL})")
_ROLE_NAME = re.compile(rf"(?<![\w-])(?P<role>(?:[A-Z][a-z]+\s)?(?:{ROLE_NOUNS}|"
                        rf"{ROLE_NOUNS.title()}){ROLE_TAIL})\s(?P<name>{FULL_NAME})\b")
_ROLE_COMMA_NAME = re.compile(rf"\b(?:[Tt]he\s)(?P<role>(?:[a-z-]+\s)?(?:{ROLE_NOUNS})"
                              rf"{ROLE_TAIL}),\s(?P<name>{FULL_NAME}),")
_CLAIMANT = re.compile(rf"^(?P<name>{FULL_NAME})\s\((?P<role>[^)]+)\)$")
_SPEAKER_AFTER = re.compile(r"^(?:['’]s\b|\s(?:has\s|had\s|also\s|later\s|then\s)?(?:said|says|"
                            r"noted|added|stated|told|wrote|announced|reported|claimed|"
                            r"confirmed|explained|stressed|emphasi[sz]ed|insisted|warned|"
                            r"promised|declared|posted)\b)")
_SPEAKER_BEFORE = re.compile(r"(?:according to|quoted|said)\s$", re.I)
_WORD = re.compile(rf"\b{NAME}\b")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|of|at|near|from|outside|around|into)|"
                           r"(?<!according)\sto)\s$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


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


def _role(text: str) -> str:
    r = _ARTICLE.sub("", " ".join(text.lower().replace("’", "'").split()))
    r = re.sub(r"(?:\s(?:of|the|and))+$", "", r.rstrip(" ,.;:"))
    return r


def role_holders(text: str, events: Iterable[Mapping[str, Any]] = ()) -> list[_Holder]:
    """Return who the article says holds which role, in text order."""
    found: list[_Holder] = []
    role_spans: list[tuple[int, int]] = []
    for pat in (_ROLE_NAME, _ROLE_COMMA_NAME, _NAME_ROLE):
        for m in pat.finditer(text):
            if pat is _NAME_ROLE:
                # "...forces in Chasiv Yar, the spokesman ..., Viktor Tregubov": a place
                # before the comma, not the role holder
                if _PLACE_BEFORE.search(text, 0, m.start("name")):
                    continue
                if any(a < m.end("role") and m.start("role") < b for a, b in role_spans):
                    continue
            role_spans.append((m.start("role"), m.end("role")))
            found.append(_Holder(m.group("name"), _role(m.group("role")), m.start("name"),
                                 m.end("name")))
    for e in events:
        c = _CLAIMANT.match(str(e.get("claimant") or ""))
        if c:
            i = text.find(c.group("name"))
            if i >= 0:
                found.append(_Holder(c.group("name"), _role(c.group("role")), i,
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


def name_flags(text: str, events: Iterable[Mapping[str, Any]] = ()) -> list[NameFlag]:
    """Return the roles this article gives two different names (see the module doc)."""
    holders = role_holders(text, events)
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
    for m in _WORD.finditer(text):
        w = m.group()
        if w in known or w in flagged:
            continue
        after, before = text[m.end():m.end() + 30], text[max(0, m.start() - 20):m.start()]
        if not (_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before)):
            continue
        for h in holders:
            if _similar(w, h.surname):
                flags.append(NameFlag(h.role, h.name, h.start, h.end, w, m.start(), m.end(),
                                      f"'{w}' speaks where the text's {h.role} is "
                                      f"{h.name}: a garbled or different name"))
                flagged.add(w)
                break
    return flags
