"""Claimant naming: one component for extraction and fusion.

Who speaks is named in one place, with the words of the language's lexicon
(``data/lexicon/<lang>.yaml``) and the codebook's name lists:

* the people of an article and their roles (:class:`PersonRegistry`,
  :func:`person_name`, :func:`learn_people`);
* a speaker's words as the canonical claimant or relay the output writes
  (:func:`canonical_name`, :func:`canonical_conduit`, :func:`side_of`);
* the folding key fusion uses to tell that two claimants are one source
  (:func:`claimant_key`);
* the name/role patterns that find who holds which role in a text
  (:func:`role_patterns`, :func:`role_of`).

Extraction (``events.attribution``) and fusion (``fuse.claimants``,
``fuse.names``) call it; the lexicon is always passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN

from wirewatch.events.codebook import Codebook
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.syntax import ents_of, memo, sent_of, text_of, tokens_of
from wirewatch.fold import normalise

# -- the people of an article ------------------------------------------------------------


@dataclass
class PersonRegistry:
    """Names and roles met so far in a document ('Kulemin' -> 'Alexei Kulemin (mayor of ...)')."""

    roles: dict[str, str] = field(default_factory=dict)
    full: dict[str, str] = field(default_factory=dict)

    def learn(self, name: str, role: str | None) -> None:
        """Record a person's full name and, if known, role."""
        name = " ".join(name.split())
        parts = name.split()
        if not parts:
            return
        known = self.full.get(parts[-1].lower())
        if known and len(known.split()) > len(parts):
            name = known
        for part in name.split():
            if len(part) > 2:
                self.full.setdefault(part.lower(), name)
        self.full[name.split()[-1].lower()] = name
        if role and name not in self.roles:
            self.roles[name] = role

    def known(self, word: str) -> str | None:
        """Return the full name of a person met before under this name or surname."""
        w = re.sub(r"['’]s$", "", word.strip()).lower()
        return self.full.get(w)

    def describe(self, name: str) -> str:
        """Return 'Full Name (role)' for a name or surname met before, else the name itself."""
        words = name.split()
        full = (self.known(words[-1]) if words else None) or name
        role = self.roles.get(full)
        return f"{full} ({role})" if role else full


# a live blog's time stamp opening an entry ("09:15 - Ukraine's Air Force said ...",
# "14:02 EET: ..."): no part of the speaker's name (decision 287)
_TIME_STAMP = re.compile(r"^\(?\d{1,2}[:.]\d{2}\)?(?:\s*[A-Z]{2,4})?\s*[-–—:|]\s*")


# a name in quotes inside a speaker's words: the name without them
_QUOTED_NAME = re.compile(r"(?:(?<=\s)|^)['‘\"“]([^'’\"”]+)['’\"”](?=\s|$)")


def clean(text: str, lexicon: Lexicon) -> str:
    """Return a speaker's words without article, possessive and surrounding punctuation."""
    text = _TIME_STAMP.sub("", " ".join(text.replace("\n", " ").split()))
    text = lexicon.speaker_determiners.sub("", text.strip())
    text = lexicon.channel_suffix.sub("", text)  # "the General Staff on Facebook"
    text = re.sub(r"['’]s$", "", text)
    text = _QUOTED_NAME.sub(r"\1", text)  # "the 'DeepState' channel"
    return text.strip(" ,.;:'\"‘’“”")


def plain_name(name: str) -> str:
    """Return a claimant without its role in brackets ('Valery Gerasimov (chief)' -> the name)."""
    return re.sub(r"\s*\([^)]*\)$", "", name).strip()


def role_after(after: str, lexicon: Lexicon) -> str | None:
    """Return the role written right after a name (", the mayor of Donetsk,")."""
    m = lexicon.role_after.match(after)
    if m and lexicon.role_words.search(m.group(1)):
        return m.group(1).strip()
    m = lexicon.role_who_heads.match(after)
    if m:
        return lexicon.role_who_heads_as.format(m.group(1).strip())
    return None


def role_before(before: str, lexicon: Lexicon) -> str | None:
    """Return the role written just before a name ("General Staff chief", "regional head",
    "Gov." as "governor")."""
    for short, full in lexicon.title_abbreviations.items():
        if before.lower().endswith(short) or before.lower().endswith(short + " "):
            cut = before.lower().rfind(short)
            before = before[:cut] + full
            break
    words = re.findall(r"[\w’'-]+|[,;:.()\"“”]", before)[-9:]
    if words and words[-1] == ",":  # "A Russian war correspondent, Yegor Lavrov"
        words = words[:-1]
    role: list[str] = []
    stop = lexicon.role_stop
    for w in reversed(words):
        if not re.match(r"[\w’'-]", w) or w.lower() in stop:
            break
        role.insert(0, w)
    while role and role[0].lower() in lexicon.role_lead_words:
        role.pop(0)
    text = " ".join(role)
    return text if text and lexicon.role_words.search(text) else None


def person_name(tok: Any, lexicon: Lexicon, is_place: Any = None) -> tuple[int, int] | None:
    """Return the token range [start, end) of a person's name headed by ``tok``, if it is one.

    A PERSON entity, or two or three capitalised proper nouns ("Alexei Kulemin") that
    are not a place, an organisation or a role ("President", "Ministry").
    """
    if is_place is not None:  # its answers change as the document is read
        return _person_name(tok, lexicon, is_place)
    # the parse alone decides: once per token and lexicon of the document being read
    found: tuple[int, int] | None = memo(tok.doc, ("person_name", tok.i, lexicon),
                                         lambda: _person_name(tok, lexicon, None))
    return found


def _person_name(tok: Any, lexicon: Lexicon, is_place: Any) -> tuple[int, int] | None:
    roles = lexicon.role_words
    org_words = lexicon.name_org_words
    if tok.ent_type_ == "PERSON":
        ent = next((e for e in ents_of(sent_of(tok)) if e.start <= tok.i < e.end), None)
        if ent is not None:
            lo = ent.start
            while lo - 1 >= sent_of(tok).start and tok.doc[lo - 1].pos_ == "PROPN" and \
                    tok.doc[lo - 1].text[:1].isupper() and tok.doc[lo - 1].dep_ == "compound" \
                    and not roles.fullmatch(tok.doc[lo - 1].text) and \
                    tok.doc[lo - 1].ent_type_ not in ("DATE", "TIME") and \
                    tok.doc[lo - 1].lower_ not in org_words and ent.end - lo < 3:
                lo -= 1  # "Oleksandr Prokudin" where the model tagged only "Prokudin"
            while lo < ent.end - 1 and (roles.fullmatch(tok.doc[lo].text) or
                                        tok.doc[lo].lower_ in org_words or
                                        # "Near Chasov Yar, ...": an opening preposition
                                        tok.doc[lo].lower_ in lexicon.locative_preps or
                                        tok.doc[lo].lower_ in lexicon.title_abbreviations):
                lo += 1
            titled = [k for k in range(lo, ent.end - 1) if roles.fullmatch(tok.doc[k].text)]
            if titled:  # "Zaporizhzhia Governor Ivan Fedorov" tagged whole: the name follows
                lo = titled[-1] + 1
            if tok.doc[lo].lower_ not in org_words:
                return lo, ent.end
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    chain = [tok]
    j = tok.i - 1
    while j >= sent_of(tok).start:
        t = tok.doc[j]
        if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod") and \
                t.head.i in {c.i for c in chain} and t.text[:1].isupper() and \
                t.ent_type_ not in ("DATE", "TIME"):  # "On Thursday Filashkin said"
            chain.insert(0, t)
            j -= 1
            continue
        break
    titled = [i for i, t in enumerate(chain) if roles.fullmatch(t.text) or
              t.lower_ in lexicon.title_abbreviations]
    if titled:  # "Donetsk Mayor Alexei Kulemin": the name follows the title
        chain = chain[titled[-1] + 1:]
    while chain and (chain[0].lower_ in org_words or chain[0].lower_ in lexicon.locative_preps):
        chain.pop(0)  # "Near Kupiansk," opening a sentence: the preposition is no first name
    if not 2 <= len(chain) <= 3:
        return None
    if any((not t.is_alpha and "-" not in t.text) or t.lower_ in org_words or
           roles.fullmatch(t.text) for t in chain):
        return None
    if is_place is not None and any(is_place(t) for t in chain):
        return None
    return chain[0].i, chain[-1].i + 1


def _name_words(sent: Any) -> list[Any]:
    """The tokens of a sentence ``person_name`` can take: in a PERSON entity, or proper nouns
    (read from the doc's columns once, so the other words make no ``Token`` objects)."""
    flags: list[bool] = memo(sent.doc, "name_words", lambda: _name_word_flags(sent.doc))
    toks = tokens_of(sent)
    return [t for k, t in enumerate(toks) if flags[sent.start + k]]


def _name_word_flags(doc: Any) -> list[bool]:
    person = doc.vocab.strings["PERSON"]
    return [pos == PROPN or ent == person
            for pos, ent in doc.to_array([POS, ENT_TYPE]).tolist()]


def learn_people(sent: Any, registry: PersonRegistry, lexicon: Lexicon,
                 is_place: Any = None) -> None:
    """Record the people named in a sentence with the roles written around them."""
    text = text_of(sent.doc)
    seen: set[int] = set()
    for tok in _name_words(sent):
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
            continue
        rng = person_name(tok, lexicon, is_place)
        if rng is None or rng[0] in seen:
            continue
        seen.add(rng[0])
        doc = sent.doc
        name = doc[rng[0]:rng[1]]
        after = text[name.end_char:min(name.end_char + 120, sent.end_char)]
        role = role_after(after, lexicon)
        if role is None:
            before = text[max(sent.start_char, name.start_char - 80):name.start_char]
            role = role_before(before, lexicon)
        registry.learn(name.text, role)


# -- canonical claimants and relays ------------------------------------------------------


@lru_cache(maxsize=256)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w.strip()) for w in sorted(words, key=len, reverse=True) if w.strip())
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])") if alts else re.compile(r"(?!x)x")


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Return whether one of ``words`` occurs in ``text`` as whole words."""
    return _words_re(tuple(words)).search(text) is not None


def side_of(text: str, book: Codebook) -> str | None:
    """Return RU, UA or None for a description of an actor, target or claimant."""
    side: str | None = _per_codebook(book, text, lambda: _side_of(text, book))
    return side


@dataclass
class _CodebookCache:
    """Answers that depend on a text and one codebook (and lexicon) only: the sides and
    canonical names of the noun phrases met. The rules ask about the same phrases again
    and again (sides: 26,000 times per 40 documents, most of them repeats). One pair of
    codebook and answers, replaced as a whole: a thread reading another codebook can only
    drop the answers, never write into the other codebook's."""

    entry: tuple[Codebook | None, dict[Any, Any]] = field(default_factory=lambda: (None, {}))


_BY_CODEBOOK = _CodebookCache()
_BY_CODEBOOK_KEPT = 50_000


def _per_codebook(book: Codebook, key: Any, compute: Any) -> Any:
    """Return ``compute()`` for ``key``, once per key while ``book`` is the codebook asked
    about (the cache holds the codebook, so another one is never mistaken for it)."""
    held, known = _BY_CODEBOOK.entry
    if held is not book or len(known) >= _BY_CODEBOOK_KEPT:
        known = {}
        _BY_CODEBOOK.entry = (book, known)
    if key not in known:
        known[key] = compute()
    return known[key]


def _side_of(text: str, book: Codebook) -> str | None:
    low = text.lower()
    for side in ("UA", "RU"):
        if has_any(low, book.sides.get(side, ())):
            return side
    return None


def canonical_name(text: str, book: Codebook, lexicon: Lexicon,
                   side_hint: str | None = None) -> str:
    """Return the canonical name of an organisation as the output writes it."""
    name: str = _per_codebook(book, ("canonical_name", text, lexicon, side_hint),
                              lambda: _canonical_name(text, book, lexicon, side_hint))
    return name


def _canonical_name(text: str, book: Codebook, lexicon: Lexicon, side_hint: str | None) -> str:
    name = clean(text, lexicon)
    low = name.lower()
    for np in book.claimant_names:
        if not np.side and np.pattern.search(low):
            return np.name
    side = side_of(low, book) or side_hint
    bare = lexicon.side_qualifiers.sub("", low).strip()
    for np in book.claimant_names:
        if np.side and np.side == side and np.pattern.search(bare):
            return np.name
    name = lexicon.installed_by.sub(lexicon.installed_as, name)
    m = lexicon.body_in_place.match(name)
    if m:
        qual = m.group("q").strip().lower()
        regional = lexicon.regional_as + " " if m.group("r") and (not qual or m.group("of")) \
            else ""
        return " ".join(x for x in (m.group("place"), (regional + qual).strip(),
                                    m.group("n").lower()) if x)
    m = lexicon.regional_role.match(name)
    if m:
        return lexicon.regional_role_as.format(role=m.group("role"), place=m.group("place"))
    m = lexicon.owner_possessive.match(name)
    if m and not lexicon.place_kinds.match(m.group("owner")):
        return f"{m.group('rest')} ({m.group('owner')})"
    return lexicon.place_kind_possessive.sub("", name)


def canonical_conduit(text: str, book: Codebook, lexicon: Lexicon,
                      registry: PersonRegistry) -> str:
    """Return a relay as the output writes it ("the RIA Novosti agency" -> "RIA Novosti")."""
    name = clean(text, lexicon)
    for np in book.conduit_names:
        if np.pattern.search(name.lower()):
            return np.name
    name = re.sub(r"^(?:[\w’']+['’]s\s+)", "", name)
    name = lexicon.agency_prefix.sub("", name)
    name = re.sub(r"\s+(?:news\s+)?agency$", "", name) if re.search(r"[A-Z].*\s+(?:news\s+)?"
                                                                    r"agency$", name) else name
    words = name.split()
    if words and registry.known(words[-1]) and words[-1][:1].isupper():
        return registry.known(words[-1]) or name
    return name


# -- one source across articles ----------------------------------------------------------


def claimant_key(claimant: str | None, lexicon: Lexicon) -> str | None:
    """Return the folded key of a claimant (``org:...`` or ``person:<surname>``), or None
    when there is none or it is too vague to identify one source.

    "Russia's Defence Ministry", "the Russian Ministry of Defense" and "the Russian MoD"
    all give ``org:russian ministry of defence``; "Valery Gerasimov (Chief of the
    General Staff)" and "Gerasimov" give ``person:gerasimov``; "officials",
    "observers", "military bloggers" give None.
    """
    if not claimant:
        return None
    raw = claimant.split("(")[0]
    raw = lexicon.claimant_clause.split(raw)[0].strip()
    if not raw:
        return None
    t = normalise(raw)
    t = lexicon.articles.sub("", t)
    for pat, rep in lexicon.claimant_folds:
        t = pat.sub(rep, t)
    toks = re.findall(r"[\w'-]+", t)
    if not toks or len(toks) > 7:
        return None
    vague, qualifiers = lexicon.vague_claimants, lexicon.vague_qualifiers
    if all(w in vague or w in qualifiers for w in toks):
        return None
    words = raw.split()
    org_words = lexicon.claimant_org_words
    looks_person = (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                    and not any(w.lower().strip(",.") in org_words for w in words))
    if looks_person:
        return "person:" + str(toks[-1]).removesuffix("'s")
    return "org:" + " ".join(toks)


# -- who holds which role in a text ------------------------------------------------------

NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # one capitalised name (Latin script)
FULL_NAME = rf"{NAME}(?:\s{NAME}){{1,2}}"


@dataclass(frozen=True)
class RolePatterns:
    """The patterns that find role holders: "NAME, the ROLE", "ROLE NAME", "the ROLE, NAME,"
    and a claimant's "NAME (ROLE)"."""

    name_role: re.Pattern[str]
    role_name: re.Pattern[str]
    role_comma_name: re.Pattern[str]
    claimant: re.Pattern[str]
    word: re.Pattern[str]  # a surname-like word


def role_patterns(lexicon: Lexicon) -> RolePatterns:
    """Return the role-holder patterns built from the lexicon's role nouns."""
    return _role_patterns(lexicon.role_nouns, lexicon.role_tail_words)


@lru_cache(maxsize=16)
def _role_patterns(nouns: tuple[str, ...], tail_words: tuple[str, ...]) -> RolePatterns:
    role_nouns = "|".join(nouns)
    role_word = rf"(?:[A-Z][\w’'-]*|{'|'.join(tail_words)})"
    role_tail = rf"(?:\s(?:of|for|at|in)\s(?:the\s)?[A-Z][\w’'-]*(?:\s{role_word}){{0,5}})?"
    return RolePatterns(
        name_role=re.compile(rf"\b(?P<name>{FULL_NAME}),\s(?:the\s|a\s|an\s)?"
                             rf"(?P<role>(?:[a-z-]+\s)?(?:{role_nouns}){role_tail})"),
        role_name=re.compile(rf"(?<![\w-])(?P<role>(?:[A-Z][a-z]+\s)?(?:{role_nouns}|"
                             rf"{role_nouns.title()}){role_tail})\s(?P<name>{FULL_NAME})\b"),
        role_comma_name=re.compile(rf"\b(?:[Tt]he\s)(?P<role>(?:[a-z-]+\s)?(?:{role_nouns})"
                                   rf"{role_tail}),\s(?P<name>{FULL_NAME}),"),
        claimant=re.compile(rf"^(?P<name>{FULL_NAME})\s\((?P<role>[^)]+)\)$"),
        word=re.compile(rf"\b{NAME}\b"),
    )


def role_of(text: str, lexicon: Lexicon) -> str:
    """Return a role folded for comparison ("the Mayor of Donetsk," -> "mayor of donetsk")."""
    r = lexicon.articles.sub("", " ".join(text.lower().replace("’", "'").split()))
    r = re.sub(r"(?:\s(?:of|the|and))+$", "", r.rstrip(" ,.;:"))
    return r
