"""Who makes a claim, in a language read by lemma rules: registry actors found by the
dictionary forms of their Russian and Ukrainian aliases, and the markers of saying.

"по данным Минобороны России", "заявил Денис Пушилин", "у Генштабі ЗСУ повідомили",
"ТАСС со ссылкой на штаб": the actors are found by their aliases in the registry
(``data/actors.yaml``, nominative forms) compared word by word on dictionary forms,
plus the lexicon's ``bare_actors`` (a bare "Минобороны" in a Russian report); the
claimant is the actor after a source marker, else the one nearest a verb of saying;
an outlet relaying another actor is a conduit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from wirewatch.events.actors import (
    CHANNEL_WORDS,
    Actor,
    ActorRegistry,
    channel_owner,
    outlet_speaker,
)
from wirewatch.events.lemma.lexicon import LemmaLexicon, phrase
from wirewatch.events.lemma.words import Word, find_phrases, match_at, words_in
from wirewatch.events.models import ActorRef
from wirewatch.places.morph import best_parse, may_be_dative, parse_tags

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# "ISW", and one Latin word written with a capital inside ("DeepState"): names Cyrillic
# text keeps in Latin letters
_LATIN_ABBREVIATION = re.compile(r"^(?:[A-Z]{3,}|[A-Z][a-z]+(?:[A-Z][A-Za-z]*)+)$")
_HEAD_TITLE = re.compile(r"\b(?:head|governor|mayor|chief)\b", re.IGNORECASE)
_BREAKS = frozenset({",", ";", ":", ".", "—", "–", "(", ")", "и", "і", "та", "й"})
# A surname in -ов/-ев/-єв/-ин/-ін in a case form ("Синєгубова", "Кимом" is no such): the
# case ending, and the nominative the registry writes
SURNAME_CASE = re.compile(r"^([А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]+(?:ов|ев|єв|ёв|ин|ін|їн))"
                           r"(?:а|у|ым|им|ом|ові|еві|е|і)$")
# A surname in the nominative ("Синегубов", "Гладков", "Пушилин")
_SURNAME = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]+(?:ов|ев|єв|ёв|ин|ін|їн)$")
# A unit's registry name ("47th Mechanised Brigade") and a number written before a unit
# noun ("47-й", "7-м", "93-тя", "47" before "ОМБр").
_ORDINAL_NAME = re.compile(r"^(\d+)(?:st|nd|rd|th)\b(.*)$")
_UNIT_NUMBER = re.compile(r"^(\d{1,3})(-[а-яіїєґё]{1,3})?$")
# An outlet string that names a Telegram channel ("Rybar Telegram channel", "Два майора
# (Telegram)", "Telegram-канал «Рыбарь»"), with the possessive before it
# A Ukrainian military administration by its registry name ("Kherson Regional Military
# Administration", "Nikopol District Military Administration")
_MILITARY_ADMINISTRATION = re.compile(r"\bMilitary Administration\b")
# How far (in words) an actor may sit from the verb of saying or marker it goes with.
NEAR = 8


@dataclass(frozen=True)
class Found:
    """A registry actor named in a sentence: its words and the actor."""

    first: int
    last: int
    actor: Actor
    words: str  # the text's own words
    # named as the head of the body ("голова Харківської ОВА", "губернатор Белгородской
    # области", "глава ДНР"): the claimant is whoever held that office on the day
    head: bool = False


@dataclass(frozen=True)
class Claim:
    """Who claims what a sentence reports: the claimant and the relays (nearest first)."""

    claimant: Found | None
    conduits: tuple[Found, ...] = ()
    said: bool = False  # the sentence has a verb of saying or a source marker
    # the speaker's own channel the sentence names ("в своём Telegram-канале"): a conduit
    # with no registry actor (decision 322)
    channel: str | None = None


class ActorIndex:
    """The Cyrillic names of the registry's actors as phrases of dictionary forms."""

    def __init__(self, registry: ActorRegistry, lexicon: LemmaLexicon) -> None:
        self.registry = registry
        self.lexicon = lexicon
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.by_last: dict[str, set[str]] = {}  # the ids of names of two words or more
        self.caps: dict[tuple[str, ...], tuple[bool, ...]] = {}
        # an outlet's name of common words ("Серая зона") names it only when the text writes
        # it with its capital ("Малиновка остаётся «серой зоной»" names no channel)
        self.titled: set[tuple[str, ...]] = set()
        # phrases that name a body only after a head noun ("губернатор Белгородской области")
        self.offices: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for actor in registry:
            for alias in (actor.name, *actor.aliases):
                # Cyrillic aliases, and Latin abbreviations Cyrillic text keeps ("ISW",
                # "DeepState")
                if _CYRILLIC.search(alias) or _LATIN_ABBREVIATION.match(alias):
                    key = self._add(alias, actor.id)
                    if key and actor.kind == "media" and len(key) > 1 and alias[:1].isupper():
                        self.titled.add(key)
                respelt = self.respelt(alias) if actor.type == "person" else None
                if respelt is not None:
                    self._add(respelt, actor.id)  # "Евгений Евтушенко" for "Євген Євтушенко"
        for words, actor_id in lexicon.bare_actors.items():
            if registry.get(actor_id) is not None:
                self._add(words, actor_id)
        for words, actor_id in lexicon.region_offices.items():
            if registry.get(actor_id) is not None:
                key = phrase(words)
                self.offices.setdefault(key[0], []).append((key, actor_id))
        # units by number and kind ("47th Mechanised Brigade": (47, "Brigade"))
        self.units: dict[tuple[int, str], list[Actor]] = {}
        for actor in registry:
            numbered = _ORDINAL_NAME.match(actor.name) if actor.type == "unit" else None
            if numbered is None:
                continue
            for kind in set(lexicon.unit_nouns.values()):
                if re.search(rf"\b{kind}\b", numbered.group(2)):
                    self.units.setdefault((int(numbered.group(1)), kind), []).append(actor)
        self._holders: dict[str, list[Actor]] = {}
        for actor in registry:
            for role in actor.roles:
                if role.org:
                    self._holders.setdefault(role.org, []).append(actor)

    def respelt(self, alias: str) -> str | None:
        """A person's Cyrillic name of two or more words in this language's spelling (its
        first name and letters respelled), when that differs; else None."""
        lex = self.lexicon
        parts = alias.split()
        if len(parts) < 2 or not _CYRILLIC.search(alias) or not (
                lex.respell_names or lex.respell_letters):
            return None
        first = lex.respell_names.get(parts[0].lower())
        out = [first.capitalize() if first else parts[0], *parts[1:]]
        text = "".join(lex.respell_letters.get(c.lower(), c).upper() if c.isupper() and
                       c.lower() in lex.respell_letters else lex.respell_letters.get(c, c)
                       for c in " ".join(out))
        return text if text != alias else None

    def _add(self, alias: str, actor_id: str) -> tuple[str, ...]:
        # an abbreviation ("ДАН", "ВСУ") is matched as written, in capitals, never through
        # a dictionary form ("ДАН" is no form of "дать")
        written = re.findall(r"[\w'’ʼ-]+", alias)
        words = tuple(w.lower() if w.isupper() and len(w) > 1 else
                      best_parse(w, self.lexicon.lang)[0] for w in written)
        caps = tuple(w.isupper() and len(w) > 1 for w in written)
        # "Синегубов", "Салюков": a surname the lemmatiser cuts to a stem of its own
        # ("синегуб") is found in the text by its nominative, as its case forms are read
        # back to it (``SURNAME_CASE``; decision 417)
        kept = tuple(w.lower() if _SURNAME.match(w) else form
                     for w, form in zip(written, words, strict=True))
        if kept != words:
            self.by_first.setdefault(kept[0], []).append((kept, actor_id))
            if len(kept) > 1:
                self.by_last.setdefault(kept[-1], set()).add(actor_id)
            self.caps[kept] = caps
        if words:
            self.by_first.setdefault(words[0], []).append((words, actor_id))
            if len(words) > 1:
                self.by_last.setdefault(words[-1], set()).add(actor_id)
            self.caps[words] = caps
        return words

    def actors_in(self, words: Sequence[Word]) -> list[Found]:
        """Return the actors named in a sentence, longest name first at each word."""
        out: list[Found] = []
        k = 0
        while k < len(words):
            best: tuple[int, str] | None = None
            headed = k > 0 and bool(words[k - 1].forms & self.lexicon.head_nouns)
            base = SURNAME_CASE.match(words[k].text)
            forms = words[k].forms | {base.group(1).lower()} if base else words[k].forms
            for form in forms:
                for names, actor_id in self.by_first.get(form, ()):
                    m = match_at(words, k, names, gap=0) or (
                        (k, k) if names == (form,) else None)
                    if m is not None and (best is None or m[1] > best[0]) and all(
                            words[k + j].text.isupper() or not cap
                            for j, cap in enumerate(self.caps[names])) and (
                            names not in self.titled or words[k].text[:1].isupper()):
                        best = (m[1], actor_id)
                for names, actor_id in self.offices.get(form, ()) if headed else ():
                    m = match_at(words, k, names, gap=0)
                    if m is not None and (best is None or m[1] > best[0]):
                        best = (m[1], actor_id)
            if best is None:
                k += 1
                continue
            actor = self.registry.get(best[1])
            if actor is not None:
                text = " ".join(w.text for w in words[k - int(headed):best[0] + 1])
                out.append(Found(k, best[0], actor, text,
                                 head=headed and actor.type != "person"))
            k = best[0] + 1
        return sorted(out + self.numbered_units(words, out), key=lambda f: f.first)

    def numbered_units(self, words: Sequence[Word], taken: Sequence[Found]) -> list[Found]:
        """Units named by number and kind ("в 7-м корпусе быстрого реагирования", "у 47-й
        окремій механізованій бригаді", "47 ОМБр"): an ordinal, or a figure before an
        abbreviation, up to three words before a unit noun, when one registry unit of that
        number and kind fits (of the side the sentence names, when several do)."""
        out: list[Found] = []
        for k, w in enumerate(words):
            m = _UNIT_NUMBER.match(w.text)
            if m is None or any(f.first <= k <= f.last for f in taken):
                continue
            for j in range(k + 1, min(len(words), k + 4)):
                kinds = [self.lexicon.unit_nouns[f] for f in words[j].forms
                         if f in self.lexicon.unit_nouns]
                if not kinds:
                    continue
                if not (m.group(2) or sum(c.isupper() for c in words[j].text) >= 2):
                    break  # "47 бригад" is a count, not a unit; "47 ОМБр" is one
                fits = self.units.get((int(m.group(1)), kinds[0]), [])
                if len(fits) > 1:
                    sides = {side for side, ps in self.lexicon.sides.items()
                             if find_phrases(words, (phrase(p) for p in ps))}
                    fits = [a for a in fits if a.side in sides]
                if len(fits) == 1:
                    text = " ".join(x.text for x in words[k:j + 1])
                    out.append(Found(k, j, fits[0], text))
                break
        return out

    def holder(self, found: Found, day: date | None) -> Actor:
        """The person who headed the body on ``day`` when the text names the body's head
        ("голова Харківської ОВА": Oleh Syniehubov), else the body itself."""
        if not found.head or day is None:
            return found.actor
        return self.head_of(found.actor, day) or found.actor

    def head_of(self, body: Actor, day: date) -> Actor | None:
        """The one person who held a role in ``body`` on ``day`` (its head, when a
        spokesman held one too), else None."""
        held = {a.id: a for a in self._holders.get(body.id, ())
                if any(r.org == body.id and r.held_on(day) for r in a.roles)}
        if len(held) > 1:  # a spokesman and a governor of one body: the head is meant
            held = {i: a for i, a in held.items() if any(
                r.org == body.id and r.held_on(day) and _HEAD_TITLE.search(r.title)
                for r in a.roles)}
        return next(iter(held.values())) if len(held) == 1 else None


def claim_of(words: Sequence[Word], found: Sequence[Found], lexicon: LemmaLexicon) -> Claim:
    """Return the claimant and relays of a sentence (claimant None when it names none)."""
    markers = find_phrases(words, (phrase(p) for p in lexicon.source_markers))
    relays = find_phrases(words, (phrase(p) for p in lexicon.relay_markers))
    verbs = [k for k, w in enumerate(words) if w.forms & lexicon.speech_verbs]
    said = bool(markers or verbs)
    if not found:
        return Claim(None, (), said)
    lead = _lead_speaker(words, found)
    if lead is not None and lead.actor.id not in lexicon.acting_forces:
        # ("ВСУ: за сутки Россия потеряла ..." stays the headline it was: decision 225)
        return Claim(lead, tuple(f for f in found if f is not lead and f.actor.kind == "media"),
                     True)
    claimant: Found | None = None
    for first, last, _ in markers:  # 'по данным X': the actor right after the marker
        if any(w.forms & lexicon.anaphors for w in words[first:last]):
            # "По его словам, подразделения группировки ...": the one named before; "Гладков
            # скаржиться на атаки: за його словами, ...": the person this sentence named
            # before the marker (decision 272)
            named = [f for f in found if f.last < first and f.actor.type == "person"]
            claimant = named[-1] if named else None
            if claimant is not None:
                break
            continue
        # ("по данным министерства, ВСУ отходили": the armed forces told of, not right
        # after the marker, are no source; decision 433)
        after = [f for f in found if last < f.first <= last + 3 and (
            f.first == last + 1 or f.actor.id not in lexicon.acting_forces)]
        if after:
            claimant = after[0]
            break
    if claimant is None and verbs and not all(_pronoun_subject(words, v, lexicon) for v in verbs):
        claimant = _said_by(words, found, verbs, lexicon)
    if claimant is None:
        return Claim(None, (), said)
    if claimant.actor.type != "person":
        # "речник угруповання «Хортиця» Віктор Трегубов", "голова Дніпропетровської ОВА
        # Сергій Лисак": the person named right after the body speaks for it
        # ("Уповноважений Верховної Ради з прав людини Дмитро Лубінець": the words of the
        # office may go on before the name)
        person = [f for f in found if f.actor.type == "person"
                  and claimant.last < f.first <= claimant.last + 5 and not any(
                      w.text in _BREAKS for w in words[claimant.last + 1:f.first])]
        if person:
            claimant = person[0]
    conduits = tuple(f for f in found if f is not claimant and f.actor.kind == "media"
                     and (relays or said))
    if claimant.actor.kind == "media" and relays:
        others = [f for f in found if f.actor.kind != "media"
                  and any(f.first > r[1] for r in relays)]
        if others:
            conduits = (claimant, *[c for c in conduits if c is not claimant])
            claimant = others[0]
    return Claim(claimant, conduits, said, _channel(words, found, lexicon))


def _channel(words: Sequence[Word], found: Sequence[Found], lexicon: LemmaLexicon
             ) -> str | None:
    """'написал в своём Telegram-канале', 'повідомив у телеграмі': the channel named after
    "в"/"у" (a possessive between at most), not one named by its own name just after it ("в
    Telegram-канале «Рыбарь»": the channel speaks)."""
    for k, w in enumerate(words):
        name = next((lexicon.channel_words[f] for f in w.forms if f in lexicon.channel_words),
                    None)
        if name is None or not any(x.lower in ("в", "во", "у") for x in words[max(0, k - 2):k]):
            continue
        if not any(k < f.first <= k + 4 and f.actor.kind in ("media", "analyst") for f in found):
            return name
    return None


def byline_of(words: Sequence[Word], found: Sequence[Found]) -> Found | None:
    """'Олександр Прокудін, Херсонська ОВА (телеграм), 16 грудня', 'Віталій Кім, Миколаївська
    ОВА:': a line that opens with a person and, after a comma, a body the person holds or
    held a role in, and tells nothing else (no verb of saying), signs what follows: the
    person (decision 320). None for any other sentence."""
    if len(found) < 2 or found[0].actor.type != "person" or any(
            any(c.isalpha() for c in w.text) for w in words[:found[0].first]):
        return None
    person, body = found[0], found[1]
    if body.first != person.last + 2 or words[person.last + 1].text != "," or \
            body.actor.type == "person":
        return None
    if not any(r.org == body.actor.id for r in person.actor.roles):
        return None
    rest = [w for w in words[body.last + 1:] if any(c.isalpha() for c in w.text)]
    return person if len(rest) <= 3 else None


def signature_of(words: Sequence[Word], found: Sequence[Found], lexicon: LemmaLexicon
                 ) -> Found | None:
    """'Євген Євтушенко, голова районної військової адміністрації', 'Олександр Прокудін,
    начальник Херсонської ОВА': a text's last line that is a person, a comma and the
    person's office (a head noun, a few words, no verb of saying) signs the text, as a
    byline does (decision 367). None for any other sentence."""
    if not found or found[0].actor.type != "person" or not found[0].actor.roles or any(
            any(c.isalpha() for c in w.text) for w in words[:found[0].first]):
        return None
    person = found[0]
    rest = [w for w in words[person.last + 1:] if any(c.isalpha() for c in w.text)]
    if person.last + 1 >= len(words) or words[person.last + 1].text != "," or \
            not 1 <= len(rest) <= 6 or not rest[0].forms & lexicon.head_nouns or any(
            w.forms & lexicon.speech_verbs for w in rest):
        return None
    return person


def outlet_speaker_of(index: ActorIndex, outlet: str | None, day: date | None
                      ) -> tuple[str, ActorRef] | None:
    """The speaker of the war an outlet's Cyrillic name names, read by dictionary forms
    ("Telegram-канал губернатора Белгородской области": the governor on ``day``;
    "Оперативный штаб Курской области (Telegram)": the headquarters), as the claimant
    string and actor; None when it names no one, a media outlet or several speakers."""
    if not outlet or not _CYRILLIC.search(outlet):
        return None
    found = [f for f in index.actors_in(words_in(outlet, index.lexicon.lang))
             if f.actor.kind != "media" and f.actor.type != "outlet"]
    if len({f.actor.id for f in found}) != 1:
        return None
    return actor_ref(index.registry, index.holder(found[0], day), day)


def outlet_claimant(index: ActorIndex, outlet: str | None, day: date | None
                    ) -> tuple[str, ActorRef] | None:
    """The claimant string and actor of what a text tells on no one's word when its outlet
    is a speaker of the war: the registry's body as the input names it (decision 160), a
    body or office the outlet's Cyrillic words name (decision 215), a channel's own post
    (decision 415); a person, and the head of a military administration whose channel it is,
    by name with the role held that day (decisions 414, 416). None for any other outlet."""
    ref = outlet_speaker(index.registry, outlet, day)
    actor = index.registry.get(ref.id) if ref is not None else None
    named = (outlet, ref) if outlet and ref is not None else None
    if actor is None:
        named = outlet_speaker_of(index, outlet, day) or channel_speaker(index, outlet, day)
        actor = index.registry.get(named[1].id) if named is not None else None
    if actor is None:
        return named
    if actor.type != "person" and day is not None and _MILITARY_ADMINISTRATION.search(
            actor.name):
        # "Zaporizhzhia OVA's Telegram channel", "Запорізька ОВА (Telegram)": the head
        # writes the administration's posts in the first person and signs them
        actor = index.head_of(actor, day) or actor
    if actor.type == "person":
        return actor_ref(index.registry, actor, day)
    return named


def channel_speaker(index: ActorIndex, outlet: str | None, day: date | None
                    ) -> tuple[str, ActorRef] | None:
    """The channel or blogger a Telegram outlet is ("Rybar Telegram channel",
    "Telegram-канал «Два майора»", "Alexander Kots's Telegram channel"): a channel's own
    post states what it reports without "said", so the channel is the claimant of what the
    text tells on no one's word (decision 415); None for an outlet that names no channel,
    or a channel the registry does not know as one media or analyst speaker."""
    if not outlet or CHANNEL_WORDS.search(outlet) is None:
        return None
    actor = channel_owner(index.registry, outlet, day)
    if actor is None and _CYRILLIC.search(outlet):
        named = {f.actor.id: f.actor for f in index.actors_in(words_in(outlet,
                                                                       index.lexicon.lang))}
        actor = next(iter(named.values())) if len(named) == 1 else None
    if actor is None or actor.kind not in ("media", "analyst"):
        return None
    return actor_ref(index.registry, actor, day)


def _pronoun_subject(words: Sequence[Word], v: int, lexicon: LemmaLexicon) -> bool:
    """'Он также сообщил, что ... российская армия обстреляла': a pronoun pointing back, in
    the nominative, up to three words before the verb of saying is its subject; the actors
    after the verb are what is told, and the speaker is the one named before (decision
    272)."""
    return any(w.forms & lexicon.anaphors and {"NPRO", "nomn"} <= parse_tags(w.text,
                                                                             lexicon.lang)
               for w in words[max(0, v - 3):v])


def _said_by(words: Sequence[Word], found: Sequence[Found], verbs: list[int],
             lexicon: LemmaLexicon) -> Found | None:
    """The actor a verb of saying has as its speaker: the body it is said in, the subject
    after it past a comma, else the actor nearest it that is no outlet told, no one accused
    and nothing told of (None when all are more than ``NEAR`` words away)."""
    # "заявил «Новой газете Европа»", "рассказал «Известиям»": an outlet in the dative
    # is who was told, not who spoke, when someone else is named (its words are not counted
    # between the verb and the speaker: "сообщили «Известиям» в МВД России"; decision 273)
    told = [f for f in found if f.actor.kind == "media" and (any(
        may_be_dative(w.text, lexicon.lang) for w in words[f.first:f.last + 1]
        if not w.text.isupper()) or _talked_with(words, f, lexicon))]
    # "сообщили в Минобороны", "у Генштабі повідомили": the body the verb is said in
    inside = [f for f in found for v in verbs if f not in told and f.first > v
              and _distance(f, v, told) <= 2 and words[f.first - 1].lower in ("в", "во", "у")]
    # "В 7-м корпусе ... ВСУ опровергли": the body the sentence opens in, before the
    # verb, with no break between (the forces in its name are not the speaker)
    inside += [f for f in found for v in verbs if f.first == 1 and 0 < v - f.last <= NEAR
               and words[0].lower in ("в", "во", "у")
               and not any(w.text in _BREAKS for w in words[f.last + 1:v])]
    # "..., сообщило в среду Министерство обороны России": after a comma or dash the
    # verb comes first and its subject follows
    inside += [f for f in found for v in verbs if f not in told and f.first > v
               and _distance(f, v, told) <= 4 and v > 0
               and words[v - 1].text in (",", "—", "–") and not any(
                   w.text in (",", ";", ":", ".") for w in words[v + 1:f.first])]
    # "Сальдо обвиняет ВСУ в обстрелах": who is accused is no speaker (decision 271)
    accused = [f for f in found for v in verbs if words[v].forms & lexicon.accusing_verbs
               and 0 < f.first - v <= 2]
    # "Пасечник сообщил об ударе ВСУ": an actor in what is told of, after "о"/"про"
    # and a noun, is no speaker either (decision 271)
    accused += [f for f in found for v in verbs if 0 < f.first - v <= 4 and any(
        w.lower in lexicon.topic_preps for w in words[v + 1:f.first])]
    # "Герасимов доложил Владимиру Путину о взятии ...": whom the verb tells, in the
    # dative right after it, is no speaker either (decision 271)
    accused += [f for f in found for v in verbs if f.first == v + 1
                and "datv" in parse_tags(words[f.first].text, lexicon.lang)]
    speakers = [f for f in found if f not in told and f not in accused] or list(found)
    # "Потери ВСУ, как утверждает военное ведомство", "заявил, что ВСУ обстреляли": the
    # armed forces a report tells of are no speaker of its verb (decision 425)
    # (the subject right before its verb still speaks: "ВСУ опровергли сообщения")
    inside = [f for f in inside if f.actor.id not in lexicon.acting_forces]
    speakers = [f for f in speakers if f.actor.id not in lexicon.acting_forces or any(
        0 < v - f.last <= 2 and not any(w.text in _BREAKS for w in words[f.last + 1:v])
        for v in verbs)]
    if not inside and not speakers:
        return None
    claimant = inside[0] if inside else min(
        speakers, key=lambda f: min(_distance(f, v, told) for v in verbs))
    if min(_distance(claimant, v, told) for v in verbs) > NEAR:
        return None
    return claimant


def _talked_with(words: Sequence[Word], f: Found, lexicon: LemmaLexicon) -> bool:
    """'в разговоре с «Известиями»', 'у розмові з «Суспільним»': the outlet ``f`` comes
    right after a preposition of talking with (quotes between), so the speaker talked to it
    (decision 419)."""
    k = f.first - 1
    while k >= 0 and words[k].text in ("«", "\"", "„", "“"):
        k -= 1
    return k >= 0 and words[k].lower in lexicon.interlocutor_preps


def _lead_speaker(words: Sequence[Word], found: Sequence[Found]) -> Found | None:
    """'Дніпропетровська ОВА: вночі противник атакував ...', '08:15 Генштаб ЗСУ: ...': an
    actor that opens the sentence (after a time or a mark at most), with a colon right
    after it, says what follows (a live blog's or a repost's way; decision 278). The armed
    forces that a bulletin tells of ("ВСУ: ...") are left to the caller."""
    first = found[0]
    if first.last + 1 >= len(words) or words[first.last + 1].text != ":":
        return None
    if any(any(c.isalpha() for c in w.text) for w in words[:first.first]):
        return None
    return first


def _distance(f: Found, k: int, told: Sequence[Found] = ()) -> int:
    """Words between an actor and the verb at ``k``, an outlet told between them not
    counted ("рассказал «Новой газете Европа» начальник ... Роман Мрочко"; decision 273)."""
    lo, hi = (k, f.first) if f.first > k else (f.last, k)
    skipped = sum(t.last - t.first + 3 for t in told if lo < t.first and t.last < hi)
    return max(0, hi - lo - skipped)


def actor_ref(registry: ActorRegistry, actor: Actor, day: date | None) -> tuple[str, ActorRef]:
    """Return the claimant string (English name, with the role a person held on ``day``)
    and the contract's actor object of a registry actor."""
    held = actor.role_on(day) if actor.type == "person" else None
    role = held.short if held else None
    name = f"{actor.name} ({role})" if role else actor.name
    return name, ActorRef(actor.id, actor.name, role, actor.side, actor.kind)
