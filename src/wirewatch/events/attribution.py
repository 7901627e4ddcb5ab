"""Who claims an event, through whom it reached the article, and with what modality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wirewatch.events.codebook import Codebook

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}
CONDUIT_PATTERNS = [
    re.compile(r"\bas relayed by (?:[a-z]+ )*(?P<c>(?:[A-Z][\w’'.-]+\s?){1,4})"),
    re.compile(r"\b(?:[Ss]peaking|[Tt]alking) to (?P<c>(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)"),
    re.compile(r"\btold (?P<c>(?:the )?(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+ [A-Z][a-z]+|"
               r"Reuters|Interfax|Izvestia))"),
    re.compile(r"\b(?:via|on|in) (?:his|her|their|its|the) (?:official )?"
               r"(?P<c>Telegram channel|Telegram|X account|Facebook page|website|VK page)"),
    re.compile(r"\b[Rr]eports? (?:from|by|in) (?P<c>(?:the )?(?:[A-Z][\w-]+(?: [A-Z][\w-]+)*|"
               r"[Rr]ussian media|[Uu]krainian media|state media))"),
    re.compile(r"\b(?:cited|quoted) by (?P<c>(?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)"),
    re.compile(r"\b(?:in an interview with|in comments to) (?P<c>(?:the )?[A-Z][\w-]*"
               r"(?: [A-Z][\w-]*)*)"),
    re.compile(r"\baccording to (?:reports from |reports in )?(?P<c>(?:the )?"
               r"(?:[Rr]ussian|[Uu]krainian|[Ss]tate) media)"),
]
ROLE_WORDS = re.compile(
    r"\b(mayor|head|governor|spokesperson|spokesman|spokeswoman|minister|chief|commander|"
    r"president|general|expert|analyst|official|leader|director|adviser|advisor|deputy|"
    r"secretary|correspondent|blogger|ombudsman|representative)\b", re.I)


@dataclass
class Speaker:
    """A claimant found in the text."""

    text: str
    start: int = -1
    kind: str = "org"  # person | org | media | pronoun


@dataclass
class PersonRegistry:
    """Names and roles met so far in a document.

    'Kulemin' -> 'Alexei Kulemin (mayor of Donetsk)'.
    """

    roles: dict[str, str] = field(default_factory=dict)
    full: dict[str, str] = field(default_factory=dict)

    def learn(self, name: str, role: str | None) -> None:
        """Record a person's full name and, if known, role."""
        name = name.strip()
        for part in name.split():
            self.full.setdefault(part.lower(), name)
        if role:
            self.roles[name] = role

    def describe(self, name: str) -> str:
        """Return 'Full Name (role)' for a name or surname met before, else the name itself."""
        first = name.split()[0].lower() if name.split() else ""
        full = self.full.get(name.split()[-1].lower(), self.full.get(first, name)) \
            if name else name
        role = self.roles.get(full)
        return f"{full} ({role})" if role else full


def _clean(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    return text.strip(" ,.;:")


def learn_people(sent: Any, registry: PersonRegistry) -> None:
    """Record the PERSON entities of a sentence with roles found around them."""
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        role = None
        after = sent.doc.text[ent.end_char:min(ent.end_char + 80, sent.end_char)]
        m = re.match(r"^,\s+(?:the\s+)?((?:[\w'’-]+\s){0,6}?(?:of|for)\s+(?:the\s+)?"
                     r"[A-Z][\w'’ -]+?|[\w'’ -]*?(?:mayor|head|governor|spokesperson|chief|"
                     r"minister|commander|expert|analyst)[\w'’ -]*?)(?:,|\.|\s+(?:via|said|"
                     r"told|has|had|was|announced))", after)
        if m and ROLE_WORDS.search(m.group(1)):
            role = m.group(1).strip()
        if role is None:
            before = sent.doc.text[max(sent.start_char, ent.start_char - 70):ent.start_char]
            m2 = re.search(r"((?:[A-Z][\w'’-]*\s|of\s|the\s|and\s)*?(?:[Cc]hief|[Hh]ead|[Mm]ayor|"
                           r"[Gg]overnor|[Ss]pokesperson|[Ss]pokesman|[Mm]inister|[Cc]ommander|"
                           r"[Pp]resident|[Ee]xpert|[Aa]nalyst)(?:\s(?:of\s)?(?:the\s)?"
                           r"[A-Z][\w'’-]*)*),?\s+$", before)
            if m2:
                role = re.sub(r"^(?:and|the)\s+", "", m2.group(1).strip(), flags=re.I)
        registry.learn(ent.text, role)


def find_conduits(text: str) -> list[str]:
    """Return the relays named in a sentence, nearest to the claimant first."""
    found: list[tuple[int, str]] = []
    for p in CONDUIT_PATTERNS:
        for m in p.finditer(text):
            c = _clean(m.group("c"))
            if c and c.lower() not in {x.lower() for _, x in found}:
                found.append((m.start(), c))
    return [c for _, c in sorted(found)]


def find_speaker(sent: Any, trigger: Any, registry: PersonRegistry, book: Codebook
                 ) -> Speaker | None:
    """Return who the sentence says makes the claim carried by ``trigger``, if anyone."""
    text = sent.text
    m = re.search(r"\baccording to (?!reports|the reports|media)(?P<who>(?:the )?"
                  r"[A-Za-z][\w’'.-]*(?: (?:of |the )?[A-Z][\w’'.-]*)*)", text)
    if m:
        who = _clean(m.group("who"))
        return _speaker_from_text(who, registry, book)
    # A speech verb whose subject is named: "X said/announced/claimed ..."
    best = None
    for tok in sent:
        if tok.lemma_.lower() not in book.speech_verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        agent = [gc for c in tok.children if c.dep_ == "agent" for gc in c.children
                 if gc.dep_ == "pobj"]
        for s in agent + subj:
            if s.dep_ == "nsubjpass":
                continue
            phrase = sent.doc.text[s.left_edge.idx:s.right_edge.idx + len(s.right_edge)]
            if s.lower_ in PRONOUNS:
                return Speaker("", s.idx, "pronoun")
            if s.lower_ in ("this", "that", "which", "who", "reports", "report"):
                continue
            dist = abs(tok.i - trigger.i)
            if best is None or dist < best[0]:
                best = (dist, phrase, s.idx)
    if best is not None:
        return _speaker_from_text(_clean(best[1]), registry, book, best[2])
    return None


def _speaker_from_text(who: str, registry: PersonRegistry, book: Codebook,
                       start: int = -1) -> Speaker:
    who = re.sub(r"\s+", " ", who)
    if re.search(r"['’]s\s+\w+$", who):
        who = re.sub(r"['’]s\s+\w+$", "", who)
    words = who.split()
    cap = [w for w in words if w[:1].isupper()]
    low = who.lower()
    kind = "media" if any(_has(low, w) for w in book.media_words) else "org"
    # "Kremlin spokesperson Dmitry Peskov", "Kulemin": a person known from the registry
    if cap and cap[-1].lower() in registry.full and kind != "media":
        full = registry.describe(cap[-1])
        return Speaker(full, start, "person")
    if len(cap) >= 2 and all(w[:1].isupper() for w in words[-2:]) and not any(
            _has(low, w) for w in ("ministry", "staff", "forces", "army", "command")):
        name = " ".join(words[-2:])
        role = " ".join(words[:-2]).strip(" ,") or None
        if role:
            registry.learn(name, role)
        return Speaker(registry.describe(name), start, "person")
    return Speaker(who, start, kind)


def _has(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word.strip())}(?![\w])", text) is not None


def party_or_media(claimant: str, registry: PersonRegistry, book: Codebook) -> str:
    """Return 'claimed' for a party to the conflict, 'reported' for media and third parties."""
    low = claimant.lower()
    if any(_has(low, w) for w in book.media_words) and not any(
            _has(low, w) for w in ("ministry", "general staff", "governor", "mayor")):
        return "reported"
    if any(_has(low, w) for w in book.party_words):
        return "claimed"
    return "reported"


def side_of(text: str, book: Codebook) -> str | None:
    """Return RU, UA or None for a description of an actor or target."""
    low = text.lower()
    for side in ("UA", "RU"):
        if any(_has(low, w) for w in book.sides.get(side, ())):
            return side
    return None
