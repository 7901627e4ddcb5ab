"""Claimant keys: who a claim comes from, folded so that rewordings of one source match.

"Russia's Defence Ministry", "the Russian Ministry of Defense" and "Russian MoD" all
give ``org:russian ministry of defence``; "Valery Gerasimov (Chief of the General
Staff)" and "Gerasimov" give ``person:gerasimov``. Vague claimants ("officials",
"observers", "military bloggers") give no key: two outlets quoting unnamed officials
are not shown to relay the same source.
"""

from __future__ import annotations

import re

from wirewatch.fuse.text import normalise, wordset

_VAGUE = wordset("""
official officials source sources observer observers expert experts analyst analysts media
report reports blogger bloggers resident residents witness witnesses authorities authority
people commentators commentator channel channels spokesman spokeswoman spokesperson
representative military forces troops army side government statement correspondents
sources' journalist journalists it they he she we this that
""")
_ORG_WORDS = wordset("""
ministry defence defense staff general army forces group command administration council
service agency office headquarters committee government kremlin presidency police guard
directorate intelligence navy air federation republic people's
""")
_FOLD = [
    (re.compile(r"\bdefense\b"), "defence"),
    (re.compile(r"\brussia's\b|\brussian federation's\b"), "russian"),
    (re.compile(r"\bukraine's\b"), "ukrainian"),
    (re.compile(r"\bmod\b"), "ministry of defence"),
    (re.compile(r"\b(\w+) defence ministry\b"), r"\1 ministry of defence"),
    (re.compile(r"^defence ministry\b"), "ministry of defence"),
    (re.compile(r"\bministry of defence in moscow\b"), "russian ministry of defence"),
    (re.compile(r"\bgeneral staff of the armed forces of ukraine\b"), "ukrainian general staff"),
]


def claimant_key(claimant: str | None) -> str | None:
    """Return the folded key of a claimant (``org:...`` or ``person:<surname>``), or None
    when there is none or it is too vague to identify one source."""
    if not claimant:
        return None
    raw = claimant.split("(")[0]
    raw = re.split(r",\s*(?:which|who|that|a|an|the)\b", raw)[0].strip()
    if not raw:
        return None
    t = normalise(raw)
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    for pat, rep in _FOLD:
        t = pat.sub(rep, t)
    toks = re.findall(r"[\w'-]+", t)
    if not toks or len(toks) > 7:
        return None
    if all(w in _VAGUE or w in ("russian", "ukrainian", "regional", "local", "military",
                                "the", "of", "some", "several", "many", "western")
           for w in toks):
        return None
    words = raw.split()
    looks_person = (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                    and not any(w.lower().strip(",.") in _ORG_WORDS for w in words))
    if looks_person:
        return "person:" + str(toks[-1]).removesuffix("'s")
    return "org:" + " ".join(toks)
