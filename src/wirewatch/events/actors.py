"""The actor registry: who a claimant or conduit string names (``data/actors.yaml``).

The codebook's ``claimant_actor`` and ``conduit_actors`` (docs/contract.md section 5)
resolve the strings the extractor writes ("Valery Gerasimov (Chief of the
General Staff)", "Russian Ministry of Defence", "TASS") against a data file of
institutions, officials, groupings, units, analysts and outlets. Each entry has
aliases, a side, a kind and, for people, the offices they held with dates.

Matching compares *keys*: a string lower-cased, without diacritics, apostrophes,
possessive 's, punctuation and the word "the", then rewritten by the file's
``equivalences`` (Defense -> Defence, "Ministry of Defence of Russia" ->
"Russian Defence Ministry", "oblast" -> "region", ...), so the word-order and
spelling variants are data, not code. A string matches when its key is one
actor's name or alias; a surname alone only when exactly one person has it; a
role alone ("the governor of the Kharkiv region") only when exactly one actor
held that role on the day asked. Anything else is ``None``: the registry never
guesses.

The loader refuses a file that does not fit with :class:`ActorRegistryError`, one
line naming the file and the entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wirewatch.events.models import ActorRef, EventMention

TYPES = frozenset({"person", "organisation", "grouping", "unit", "outlet"})
KINDS = frozenset({"government", "military", "official", "media", "analyst", "ngo",
                   "international"})
SIDES = frozenset({"RU", "UA", "other"})
SIDE_PREFIX = {"RU": "ru-", "UA": "ua-"}

TOP_KEYS = frozenset({"version", "actors", "equivalences", "ambiguous", "titles", "side_words",
                      "descriptors"})
ACTOR_KEYS = frozenset({"id", "name", "type", "kind", "side", "aliases", "roles",
                        "state_affiliated", "country", "parent", "note", "area"})
ACTOR_REQUIRED = ("id", "name", "type", "kind", "side")
ROLE_KEYS = frozenset({"title", "short", "org", "from", "to", "note", "area"})
REWRITE_KEYS = frozenset({"pattern", "replace", "note"})

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_QUALIFIED = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<qual>.*)\)\s*$")
_APOSTROPHE = "'’ʼ`´‘"
_POSSESSIVE = re.compile(f"[{_APOSTROPHE}]s\\b")
_NON_WORD = re.compile(r"[\W_]+")


class ActorRegistryError(ValueError):
    """An actor registry file that cannot be used: one line naming the file and the entry."""


@dataclass(frozen=True)
class Role:
    """An office a person held: ``start`` and ``end`` are inclusive, ``None`` when open."""

    title: str
    short: str
    org: str | None = None
    start: date | None = None
    end: date | None = None
    note: str | None = None
    area: int | None = None  # GeoNames id of the region or town the office governs

    def held_on(self, day: date) -> bool:
        """Return whether the role was held on ``day`` (an unknown bound is open)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    """One registry entry: an institution, person, grouping, unit or outlet."""

    id: str
    name: str
    type: str
    kind: str
    side: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    state_affiliated: bool | None = None
    country: str | None = None
    parent: str | None = None
    note: str | None = None
    area: int | None = None  # GeoNames id of the region or town the body governs

    def role_on(self, day: date | None = None) -> Role | None:
        """Return the role held on ``day`` (the latest-starting one when several were),
        or the latest role when ``day`` is None; None when there is none."""
        roles = [r for r in self.roles if day is None or r.held_on(day)]
        if not roles:
            return None
        return max(roles, key=lambda r: r.start or date.min)

    def to_contract(self, role: str | None = None) -> dict[str, str | None]:
        """Return the codebook's ``claimant_actor`` object for this actor with ``role``."""
        return {"id": self.id, "name": self.name, "role": role, "side": self.side,
                "kind": self.kind}


@dataclass(frozen=True)
class _Hit:
    actor: Actor
    role: Role | None = None


def basic_key(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics, apostrophes, possessive 's,
    punctuation and the word "the", words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _POSSESSIVE.sub("", plain)
    plain = plain.translate({ord(c): None for c in _APOSTROPHE})
    return " ".join(w for w in _NON_WORD.sub(" ", plain).split() if w != "the")


@dataclass(frozen=True)
class Normaliser:
    """The key of a string: :func:`basic_key`, then the file's rewrites in order."""

    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()

    def key(self, text: str) -> str:
        """Return the key of ``text`` (what names and aliases are compared by)."""
        return self.rewrite(basic_key(text))

    def rewrite(self, key: str) -> str:
        """Apply the equivalence rewrites to an already basic key."""
        for pattern, written in self.rewrites:
            key = pattern.sub(written, key)
        return " ".join(key.split())


@dataclass
class _Index:
    names: dict[str, set[str]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)


class ActorRegistry:
    """The actors of one registry file, indexed for :meth:`match`."""

    def __init__(self, actors: Sequence[Actor], normaliser: Normaliser | None = None, *,
                 titles: frozenset[str] = frozenset(),
                 side_words: Mapping[str, Sequence[str]] | None = None,
                 ambiguous: frozenset[str] = frozenset(),
                 descriptors: frozenset[str] = frozenset(),
                 source: str = "<registry>") -> None:
        self.source = source
        self._ambiguous = ambiguous  # keys of aliases that name several actors on purpose
        self._actors = {a.id: a for a in actors}
        self._norm = normaliser or Normaliser()
        self._titles = titles
        self._descriptors = descriptors  # words before a body's or outlet's name
        words = side_words or {}
        self._side_of = {w: side for side, ws in words.items() for w in ws}
        self._adjective = {side: ws[0] for side, ws in words.items() if ws}
        self._keys: dict[str, str] = {}
        self._index = self._build_index()

    @classmethod
    def from_file(cls, path: str | Path) -> ActorRegistry:
        """Return the registry in the YAML file at ``path``.

        Raises ActorRegistryError naming the file (and the entry) when it cannot be used.
        """
        chosen = Path(path)
        try:
            stamp = chosen.stat().st_mtime_ns
        except OSError as exc:
            raise ActorRegistryError(f"{chosen}: cannot read actor registry "
                                     f"({exc.strerror})") from exc
        return _load(str(chosen), stamp)

    @classmethod
    def bundled(cls) -> ActorRegistry:
        """Return the registry shipped with wirewatch (``wirewatch/data/actors.yaml``)."""
        return cls.from_file(default_actors_file())

    def is_side_word(self, word: str) -> bool:
        """Whether a word names a side ("Ukraine's", "Russian"), not a place or body."""
        return basic_key(re.sub(r"['’]s$", "", word)) in self._side_of

    def get(self, actor_id: str) -> Actor | None:
        """Return the actor with this id, or None."""
        return self._actors.get(actor_id)

    def area_of(self, actor_id: str, day: date | None) -> int | None:
        """Return the GeoNames id of the region or town an actor governs on ``day``: a
        body's own ``area``, else a person's role's (or its body's), else None."""
        actor = self._actors.get(actor_id)
        if actor is None:
            return None
        if actor.area is not None:
            return actor.area
        role = actor.role_on(day)
        if role is None:
            return None
        if role.area is not None:
            return role.area
        body = self._actors.get(role.org) if role.org else None
        return body.area if body is not None else None

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def key(self, text: str) -> str:
        """Return the normalised key of ``text`` under this registry's equivalences."""
        found = self._keys.get(text)
        if found is None:
            if len(self._keys) > 100_000:  # a long run sees many strings; keep memory flat
                self._keys.clear()
            found = self._keys[text] = self._norm.key(text)
        return found

    def match(self, text: str, day: date | None = None) -> Actor | None:
        """Return the one actor a claimant or conduit string names, or None.

        ``day`` (the date of the claim) picks the holder of a role named without a
        person ("the governor of the Kharkiv region"); without it a role matches only
        when one actor ever held it. Ambiguous and unknown strings give None.
        """
        hit = self._resolve(text, day)
        return hit.actor if hit else None

    def claimant_actor(self, text: str | None, day: date | None = None
                       ) -> dict[str, str | None] | None:
        """Return the codebook's ``claimant_actor`` for a claimant string, or None.

        The role is the registry role the string names or, for a person, the role held
        on ``day``; failing both, the text in parentheses; None for institutions.
        """
        if not text:
            return None
        hit = self._resolve(text, day)
        if hit is None:
            return None
        label = hit.role.short if hit.role else None
        if label is None and hit.actor.type == "person":
            held = hit.actor.role_on(day) if day else None
            qualified = _QUALIFIED.match(text)
            if held:
                label = held.short
            elif qualified and self.key(qualified["qual"]) not in self._side_of:
                label = qualified["qual"].strip() or None
        return hit.actor.to_contract(label)

    # -- matching --------------------------------------------------------------------

    def _resolve(self, text: str, day: date | None) -> _Hit | None:
        whole = self.key(text)
        if not whole:
            return None
        qualified = _QUALIFIED.match(text)
        if qualified is None:
            hits = self._find(whole, day)
        else:
            hits = self._by_name(whole) or self._find_qualified(
                qualified["head"], qualified["qual"], day)
        unique = {h.actor.id: h for h in hits}
        if not unique and qualified is None:
            return self._after_descriptors(whole, day) or self._of_body(whole, day)
        return next(iter(unique.values())) if len(unique) == 1 else None

    def name_after_descriptors(self, text: str) -> str | None:
        """The proper name a claimant string gives after words that only describe it
        ("the independent Telegram channel Astra" -> "Astra"), or None when the string is
        not such a phrase."""
        words = text.split()
        i = self._described_prefix([basic_key(w) for w in words])
        rest = words[i:]
        if i == 0 or basic_key(words[i - 1]) not in _MEDIA_HEADS or \
                not all(w[:1].isupper() or w[:1].isdigit() for w in rest):
            return None  # "military blogger Yuri Podolyaka": the role stays with the person
        return " ".join(rest)

    def _of_body(self, key: str, day: date | None) -> _Hit | None:
        """The body whose people or channel speak ("analysts of DeepState", "experts at
        ISW", "the Crimean Wind channel"; decision 294): the body, when the registry
        knows it by the rest of the words."""
        m = _STAFF_OF.match(key) or _NAME_CHANNEL.match(key)
        if m is None:
            return None
        hits = {h.actor.id: h for h in self._find(m.group("name"), day)}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _described_prefix(self, keys: list[str]) -> int:
        """How many leading words (normalised) only describe the name after them."""
        i = 0
        while i < len(keys) - 1 and keys[i] and all(
                w in self._descriptors for w in keys[i].split()):
            i += 1
        return i

    def _after_descriptors(self, key: str, day: date | None) -> _Hit | None:
        """The body or outlet named after words that only describe it ("the independent
        Telegram channel Astra", "the monitoring group DeepState"); never a person."""
        words = key.split()
        i = self._described_prefix(words)
        if i == 0:
            return None
        hits = {h.actor.id: h for h in self._find(" ".join(words[i:]), day)
                if h.actor.type != "person"}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _by_name(self, key: str) -> list[_Hit]:
        ids = set(self._index.names.get(key, ()))
        if " " not in key:
            ids |= self._index.surnames.get(key, set())
        return [_Hit(self._actors[i]) for i in sorted(ids)]

    def _find(self, key: str, day: date | None) -> list[_Hit]:
        """Hits of an unqualified key: name or alias, a unique surname, a person after
        titles or their own role, a role held on ``day``, a side word before any of these."""
        hits = self._by_name(key)
        if hits:
            return hits
        words = key.split()
        for cut in range(1, len(words)):
            people = [h.actor for h in self._by_name(" ".join(words[cut:]))
                      if h.actor.type == "person"]
            fitting = [_Hit(a, self._prefix_role(words[:cut], a)) for a in people
                       if self._prefix_fits(words[:cut], a)]
            if fitting:
                return fitting
        hits = self._role_holders(key, day)
        if hits or len(words) < 2 or words[0] not in self._side_of:
            return hits
        side = self._side_of[words[0]]
        rest = self._norm.rewrite(" ".join(words[1:]))
        return [h for h in self._find(rest, day) if h.actor.side == side]

    def _prefix_fits(self, words: list[str], actor: Actor) -> bool:
        """Whether the words before a person's name are titles or one of their roles."""
        if all(w in self._titles or w in self._side_of for w in words):
            return True
        return self._prefix_role(words, actor) is not None

    def _prefix_role(self, words: list[str], actor: Actor) -> Role | None:
        return self._fitting_role(actor, self._norm.rewrite(" ".join(words)))

    def _find_qualified(self, head: str, qual: str, day: date | None) -> list[_Hit]:
        """Hits of "Name (role)" or "Name (Ukraine)": the name decides, the parenthesis
        narrows (a side, or the role of one of several namesakes)."""
        hkey, qkey = self.key(head), self.key(qual)
        hits = self._find(hkey, day) if hkey else []
        side = self._side_of.get(qkey)
        if side is not None:
            if not hits and hkey:
                hits = self._find(self.key(f"{self._adjective[side]} {head}"), day)
            return [h for h in hits if h.actor.side == side]
        if len({h.actor.id for h in hits}) > 1:
            hits = [h for h in hits if self._fitting_role(h.actor, qkey)]
        return [h if h.role else _Hit(h.actor, self._fitting_role(h.actor, qkey)) for h in hits]

    def _fitting_role(self, actor: Actor, qkey: str) -> Role | None:
        return next((r for r in actor.roles if self._role_fits(r, qkey)), None)

    def _role_fits(self, role: Role, qkey: str) -> bool:
        """Whether a role text names this role: its title or short form, or a text that
        names the role's organisation ("spokesman of the Khortytsia group")."""
        if qkey in (self.key(role.short), self.key(role.title)):
            return True
        org = self._actors.get(role.org) if role.org else None
        if org is None:
            return False
        padded = f" {qkey} "
        return any(f" {k} " in padded for k in map(self.key, (org.name, *org.aliases)) if k)

    def _role_holders(self, key: str, day: date | None) -> list[_Hit]:
        """Holders of the role ``key`` names (on ``day``, or ever): never a role whose
        words include an ambiguous alias ("commander of the 3rd Army Corps")."""
        padded = f" {key} "
        if any(f" {a} " in padded for a in self._ambiguous):
            return []
        held = [(i, r) for i, r in self._index.roles.get(key, ())
                if day is None or r.held_on(day)]
        return [_Hit(self._actors[i], r) for i, r in held]

    def _build_index(self) -> _Index:
        index = _Index()
        for actor in self._actors.values():
            for text in (actor.name, *actor.aliases):
                key = self.key(text)
                if not key:
                    continue
                single = " " not in key
                if actor.type == "person":
                    index.surnames.setdefault(key.split()[-1], set()).add(actor.id)
                if not (single and actor.type == "person"):
                    index.names.setdefault(key, set()).add(actor.id)
            for role in actor.roles:
                for key in {self.key(role.title), self.key(role.short)} - {""}:
                    index.roles.setdefault(key, []).append((actor.id, role))
        return index


def default_actors_file() -> Path:
    """Return the path of the bundled registry file."""
    return Path(str(resources.files("wirewatch") / "data" / "actors.yaml"))


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int) -> ActorRegistry:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = " ".join(str(exc).split())
        raise ActorRegistryError(f"{path}: cannot read actor registry ({reason})") from exc
    return parse_registry(data, path)


# -- validation ----------------------------------------------------------------------

_Fail = Callable[[str], ActorRegistryError]


def parse_registry(data: Any, source: str = "<registry>") -> ActorRegistry:
    """Return the registry a parsed YAML document describes.

    Raises ActorRegistryError (``source: entry: reason``, one line) when it does not fit.
    """

    def fail(reason: str) -> ActorRegistryError:
        return ActorRegistryError(f"{source}: {reason}")

    if not isinstance(data, dict):
        raise fail("the file must be a mapping with 'version' and 'actors'")
    unknown = sorted(set(data) - TOP_KEYS, key=str)
    if unknown:
        raise fail(f"unknown top-level key {unknown[0]!r}")
    if type(data.get("version")) is not int or data["version"] != 1:
        raise fail(f"'version' must be 1, not {data.get('version')!r}")
    if not isinstance(data.get("actors"), list) or not data["actors"]:
        raise fail("'actors' must be a non-empty list")
    try:
        normaliser = Normaliser(_rewrites(data.get("equivalences") or []))
        titles = frozenset(basic_key(t) for t in _strings(data.get("titles") or [], "titles"))
        side_words = _side_words(data.get("side_words") or {}, normaliser)
        ambiguous = frozenset(normaliser.key(a) for a in _strings(data.get("ambiguous") or [],
                                                                  "ambiguous"))
        descriptors = frozenset(w for t in _strings(data.get("descriptors") or [],
                                                    "descriptors") for w in basic_key(t).split())
        actors = [_actor(entry, i) for i, entry in enumerate(data["actors"])]
        _check_references(actors)
        _check_aliases(actors, normaliser, ambiguous)
    except ActorRegistryError as exc:
        raise fail(str(exc)) from exc
    return ActorRegistry(actors, normaliser, titles=titles, side_words=side_words,
                         ambiguous=ambiguous, descriptors=descriptors, source=source)


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActorRegistryError(f"{where}: expected a list of non-empty strings")
    return value


def _rewrites(value: Any) -> tuple[tuple[re.Pattern[str], str], ...]:
    if not isinstance(value, list):
        raise ActorRegistryError("equivalences: expected a list of {pattern, replace}")
    out = []
    for i, item in enumerate(value):
        where = f"equivalences #{i + 1}"
        if not isinstance(item, dict):
            raise ActorRegistryError(f"{where}: expected a mapping with 'pattern' and 'replace'")
        extra = sorted(set(item) - REWRITE_KEYS, key=str)
        if extra:
            raise ActorRegistryError(f"{where}: unknown key {extra[0]!r}")
        pattern, replace = item.get("pattern"), item.get("replace")
        if not isinstance(pattern, str) or not isinstance(replace, str):
            raise ActorRegistryError(f"{where}: 'pattern' and 'replace' must be strings")
        try:
            out.append((re.compile(pattern), replace))
        except re.error as exc:
            raise ActorRegistryError(f"{where}: bad pattern {pattern!r} ({exc})") from exc
    return tuple(out)


def _side_words(value: Any, normaliser: Normaliser) -> dict[str, list[str]]:
    if not isinstance(value, dict) or not set(value) <= {"RU", "UA"}:
        raise ActorRegistryError("side_words: expected a mapping of RU and UA to word lists")
    return {side: [basic_key(w) for w in _strings(words, f"side_words.{side}")]
            for side, words in value.items()}


def _actor(entry: Any, index: int) -> Actor:
    if not isinstance(entry, dict):
        raise ActorRegistryError(f"actor #{index + 1}: expected a mapping")
    where = (f"actor {entry['id']!r}" if isinstance(entry.get("id"), str)
             else f"actor #{index + 1}")

    def fail(reason: str) -> ActorRegistryError:
        return ActorRegistryError(f"{where}: {reason}")

    unknown = sorted(set(entry) - ACTOR_KEYS, key=str)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}")
    missing = [k for k in ACTOR_REQUIRED if entry.get(k) in (None, "")]
    if missing:
        raise fail(f"missing key {missing[0]!r}")
    for key in ("id", "name", "type", "kind", "side"):
        if not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string")
    _check_enums(entry, fail)
    aliases = _optional_strings(entry.get("aliases"), "aliases", fail)
    roles = _roles(entry.get("roles"), entry["type"], where)
    return Actor(id=entry["id"], name=entry["name"], type=entry["type"], kind=entry["kind"],
                 side=entry["side"], aliases=tuple(aliases), roles=roles,
                 state_affiliated=entry.get("state_affiliated"), country=entry.get("country"),
                 parent=_optional_str(entry, "parent", fail),
                 note=_optional_str(entry, "note", fail),
                 area=_area(entry.get("area"), fail))


def _check_enums(entry: dict[str, Any], fail: _Fail) -> None:
    ident, side, kind_of = entry["id"], entry["side"], entry["type"]
    if not _ID.match(ident):
        raise fail("'id' must be lower-case words joined by hyphens")
    for key, allowed in (("type", TYPES), ("kind", KINDS), ("side", SIDES)):
        if entry[key] not in allowed:
            raise fail(f"bad {key} {entry[key]!r} (one of: {', '.join(sorted(allowed))})")
    prefix = SIDE_PREFIX.get(side)
    if prefix and not ident.startswith(prefix):
        raise fail(f"an actor of side {side} has an id starting with {prefix!r}")
    if prefix is None and ident.startswith(tuple(SIDE_PREFIX.values())):
        raise fail("an actor of side 'other' has an id without a ru- or ua- prefix")
    flag = entry.get("state_affiliated")
    if kind_of == "outlet" and not isinstance(flag, bool):
        raise fail("an outlet needs 'state_affiliated: true' or 'false'")
    if kind_of != "outlet" and "state_affiliated" in entry:
        raise fail("'state_affiliated' is for outlets only")
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY.match(country)):
        raise fail(f"bad country {country!r} (an ISO 3166 alpha-2 code such as 'UA')")


def _optional_strings(value: Any, key: str, fail: _Fail) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{key!r} must be a list of non-empty strings")
    return value


def _optional_str(entry: dict[str, Any], key: str, fail: _Fail) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise fail(f"{key!r} must be a string")
    return value


def _roles(value: Any, actor_type: str, where: str) -> tuple[Role, ...]:
    if value is None:
        return ()
    if actor_type != "person":
        raise ActorRegistryError(f"{where}: only a person has 'roles'")
    if not isinstance(value, list):
        raise ActorRegistryError(f"{where}: 'roles' must be a list")
    return tuple(_role(item, f"{where} role #{i + 1}") for i, item in enumerate(value))


def _role(item: Any, where: str) -> Role:
    if not isinstance(item, dict):
        raise ActorRegistryError(f"{where}: expected a mapping")
    unknown = sorted(set(item) - ROLE_KEYS, key=str)
    if unknown:
        raise ActorRegistryError(f"{where}: unknown key {unknown[0]!r}")
    title = item.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ActorRegistryError(f"{where}: missing key 'title'")
    short = item.get("short", title)
    org, note = item.get("org"), item.get("note")
    for key, text in (("short", short), ("org", org), ("note", note)):
        if text is not None and not (isinstance(text, str) and text.strip()):
            raise ActorRegistryError(f"{where}: {key!r} must be a non-empty string")
    start, end = _date(item.get("from"), f"{where} 'from'"), _date(item.get("to"), f"{where} 'to'")
    if start and end and end < start:
        raise ActorRegistryError(f"{where}: 'to' ({end}) is before 'from' ({start})")
    return Role(title=title, short=short or title, org=org, start=start, end=end, note=note,
                area=_area(item.get("area"),
                           lambda reason: ActorRegistryError(f"{where}: {reason}")))


def _area(value: Any, fail: _Fail) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise fail("'area' must be a GeoNames id (a positive whole number)")
    return value


def _date(value: Any, where: str) -> date | None:
    if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ActorRegistryError(f"{where}: bad date {value!r} (an ISO date YYYY-MM-DD or null)")


def _check_references(actors: list[Actor]) -> None:
    ids: set[str] = set()
    for actor in actors:
        if actor.id in ids:
            raise ActorRegistryError(f"actor {actor.id!r}: duplicate id")
        ids.add(actor.id)
    for actor in actors:
        if actor.parent is not None and actor.parent not in ids:
            raise ActorRegistryError(f"actor {actor.id!r}: parent {actor.parent!r} "
                                     f"is not in the registry")
        for role in actor.roles:
            if role.org is not None and role.org not in ids:
                raise ActorRegistryError(f"actor {actor.id!r}: role {role.title!r} has org "
                                         f"{role.org!r}, which is not in the registry")


def _check_aliases(actors: list[Actor], normaliser: Normaliser,
                   ambiguous: frozenset[str]) -> None:
    owner: dict[str, tuple[str, str]] = {}
    for actor in actors:
        for text in (actor.name, *actor.aliases):
            key = normaliser.key(text)
            if not key:
                raise ActorRegistryError(f"actor {actor.id!r}: alias {text!r} has no words "
                                         f"left after normalisation")
            first = owner.setdefault(key, (actor.id, text))
            if first[0] != actor.id and key not in ambiguous:
                raise ActorRegistryError(
                    f"actor {actor.id!r}: alias {text!r} also names actor {first[0]!r} "
                    f"(as {first[1]!r}); list it under 'ambiguous' if both are meant")


# -- the claimants of event mentions ------------------------------------------------------


# "analysts of DeepState", "experts at ISW": the body its people speak for
_STAFF_OF = re.compile(r"^(?:the )?(?:analysts?|experts?|researchers?|authors?|team|staff|"
                       r"editors?|admins?|administrators?|monitors?) (?:of|at|from) "
                       r"(?:the )?(?P<name>.+)$")
# "the Crimean Wind channel": the channel's own name before its kind
_NAME_CHANNEL = re.compile(r"^(?:the )?(?P<name>.+?) (?:telegram )?(?:channel|project)$")
# the nouns a descriptor phrase ends in before an outlet's or body's own name
_MEDIA_HEADS = frozenset({"channel", "agency", "outlet", "newspaper", "daily", "website",
                          "site", "portal", "broadcaster", "tv", "television", "radio",
                          "station", "project", "group", "team"})


# The sides at war, and the kinds of actor that speak for one of them (a claim by one is
# "claimed"; media, analysts and NGOs "report").
PARTY_SIDES = frozenset({"RU", "UA"})
PARTY_KINDS = frozenset({"government", "military", "official"})


def with_actors(mentions: Sequence[EventMention], registry: ActorRegistry,
                published: date | None, role_words: re.Pattern[str] | None = None,
                text: str = "", *, installed: re.Pattern[str] | None = None,
                governor_titles: re.Pattern[str] | None = None) -> list[EventMention]:
    """Return the mentions with ``claimant_actor`` and ``conduit_actors`` read off the
    registry, on the day of the claim (the event's day, else the publication date).

    Within the article (``text``), a person the article names is named the same way
    throughout, with the role the article gives: a bare surname ("Gerasimov said")
    takes the fuller name the article uses, and a role with no name ("the chief of
    Russia's general staff told Putin") takes the name of the person holding it when
    the article names that person; a role written without the occupier's word
    (``installed``, "Moscow-installed") is not its appointee's when another holder fits;
    a governor's title written without the word (``governor_titles``, "the head of the
    region") is the governor's.
    A name the article never writes is not added to the claimant string (the registry's
    answer is in ``claimant_actor``).
    """
    out = []
    for m in mentions:
        day = _day_of(m) or published
        named = registry.name_after_descriptors(m.claimant) if m.claimant else None
        if named is not None:
            m = replace(m, claimant=named)  # "the independent channel Astra" -> "Astra"
        office = _office_of_person(registry, m.claimant, day)
        if office is not None:
            m = replace(m, claimant=office.name)  # "his administration" -> the body
        claimant = _ref(registry.claimant_actor(m.claimant, day))
        conduits = tuple(_ref(registry.claimant_actor(c, day)) for c in m.conduit)
        modality = m.modality
        if modality == "reported" and claimant is not None and \
                claimant.side in PARTY_SIDES and claimant.kind in PARTY_KINDS:
            # "Oleksandr Prokudin reported": named without his office, he still speaks for
            # a party to the war (decision 135)
            modality = "claimed"
        out.append(replace(m, claimant_actor=claimant, conduit_actors=conduits,
                           modality=modality))
    return _named_people(out, registry, role_words, text, published, installed,
                         governor_titles)


# "administration (Prokudin)", "office (Syniehubov)": the office a person's possessive
# names, the person in brackets (decision 621)
_OFFICE_OF = re.compile(r"^(?:the\s+)?(?P<noun>administration|office|press service|"
                        r"headquarters|ministry)\s*\((?P<person>[^()]+)\)$", re.IGNORECASE)


def _office_of_person(registry: ActorRegistry, claimant: str | None, day: date | None
                      ) -> Actor | None:
    """The body a person's office names ("his administration" after Oleksandr Prokudin,
    written "administration (Prokudin)"): the organisation of the role the person held on
    ``day``, when its name has the same noun; else None."""
    m = _OFFICE_OF.match(claimant or "")
    if m is None:
        return None
    person = registry.match(m["person"], day)
    role = person.role_on(day) if person is not None and person.type == "person" else None
    body = registry.get(role.org) if role is not None and role.org else None
    noun = m["noun"].lower()
    if body is None or (noun != "office" and noun not in body.name.lower()):
        return None  # (a governor's "office" is his administration, whatever its name)
    return body


def outlet_speaker(registry: ActorRegistry, outlet: str | None,
                   published: date | None) -> ActorRef | None:
    """Return the registry's actor for an outlet that is itself a speaker of the war (a
    body, an official, a monitor or an analyst publishing its own statements), or None
    for a media outlet or an outlet the registry does not know."""
    if not outlet:
        return None
    found = _ref(registry.claimant_actor(outlet, published))
    actor = registry.get(found.id) if found is not None else None
    if found is None or actor is None or actor.type == "outlet" or found.kind == "media":
        return None
    return found


def outlet_side(registry: ActorRegistry, outlet: str | None, day: date | None) -> str | None:
    """The side of the outlet an article comes from, when the registry knows it as a
    party's outlet ("TASS": RU, "Ukrinform": UA): a ministry the article names without a
    side is first of all its own country's (decision 552)."""
    body = without_channel_note(outlet)
    if not body:
        return None
    found = registry.match(body, day)
    if found is None or found.type != "outlet" or found.side not in ("RU", "UA"):
        return None
    return found.side


# The words that make an outlet a channel ("Rybar Telegram channel", "Telegram-канал «Два
# майора»", "Telegram post (Poddubny), English translation"), the marks around its name,
# and a note of translation after it: what is left names the channel's owner.
CHANNEL_WORDS = re.compile(r"(?:'s\s+)?(?:\btelegram(?:-канал\w*)?|\bтелеграм(?:-канал\w*)?|"
                           r"\bchannel\b|\bканал\w*)", re.IGNORECASE)
_CHANNEL_MARKS = re.compile(r"[()«»\"]|\bpost\b|,\s*(?:\w+\s+translation|translated)\b.*$",
                            re.IGNORECASE)


def channel_owner(registry: ActorRegistry, outlet: str | None,
                  published: date | None) -> Actor | None:
    """Return the registry's actor an outlet naming a channel belongs to ("Alexander
    Kots's Telegram channel", "Telegram post (Poddubny)"), or None (decisions 415, 497)."""
    if not outlet or CHANNEL_WORDS.search(outlet) is None:
        return None
    found = registry.claimant_actor(_CHANNEL_MARKS.sub(" ", CHANNEL_WORDS.sub(" ", outlet)),
                                    published)
    return registry.get(str(found["id"])) if found is not None else None


def channel_person(registry: ActorRegistry, outlet: str | None,
                   published: date | None) -> ActorRef | None:
    """Return the registry's person whose own channel an outlet is ("Telegram post
    (Poddubny)"): the person speaks what the post tells on no one's word, as a body's
    bulletin does (decision 497); None for anything else."""
    actor = channel_owner(registry, outlet, published)
    if actor is None or actor.type != "person":
        return None
    held = actor.role_on(published)
    return _ref(actor.to_contract(held.short if held else None))


def media_channel_speaker(registry: ActorRegistry, outlet: str | None,
                          published: date | None) -> ActorRef | None:
    """Return the registry's channel or blogger an outlet naming a Telegram channel is
    ("Two Majors (Telegram, translated)", "Rybar Telegram channel"), when it is a media or
    analyst actor; None for anything else."""
    actor = channel_owner(registry, outlet, published)
    if actor is None or actor.kind not in ("media", "analyst"):
        return None
    return _ref(actor.to_contract(None))


# the note of a body's channel or language after its name ("(Facebook, English)",
# "(Telegram)", "(English digest)"), not a role ("(governor of Kherson region)")
_CHANNEL_NOTE = re.compile(
    r"\s*\((?=[^()]*\b(?:telegram|facebook|twitter|x|vk|website|site|channel|english|"
    r"russian|ukrainian|digest|bulletin|press service)\b)[^()]*\)\s*$", re.IGNORECASE)


def without_channel_note(outlet: str | None) -> str | None:
    """"General Staff of the Armed Forces of Ukraine (Facebook, English)": the body that
    speaks, without the note of its channel or language (decision 492)."""
    if not outlet:
        return outlet
    return _CHANNEL_NOTE.sub("", outlet) or outlet


def spoken_by_outlet(mentions: Sequence[EventMention], outlet: str | None,
                     speaker: ActorRef | None) -> list[EventMention]:
    """Return the mentions with the outlet as claimant where the outlet is itself a
    speaker of the war (``speaker``, from :func:`outlet_speaker`) and the text names no
    one else (decision 160).

    A bulletin published by the body that makes it (a regional military administration's
    press release, the General Staff's morning tally, a UN monitoring update, a governor's
    Telegram channel) states its claims without "said": each unattributed mention is the
    outlet's claim, ``claimed`` when the outlet speaks for a party to the war and
    ``reported`` when it is a monitor or analyst. Media outlets stay the outlet only: what
    a newspaper states on its own account is ``asserted``.
    """
    found = speaker
    if found is None or outlet is None:
        return list(mentions)
    party = found.side in PARTY_SIDES and found.kind in PARTY_KINDS
    out = []
    for m in mentions:
        if m.claimant is not None:
            out.append(m)
            continue
        modality = m.modality
        if modality == "asserted":
            modality = "claimed" if party else "reported"
        out.append(replace(m, claimant=outlet, claimant_actor=found, modality=modality))
    return out


def told_by_own_outlet(mentions: Sequence[EventMention], own: ActorRef | None
                       ) -> list[EventMention]:
    """Return the mentions with the article's own media outlet (``own``, from
    :func:`outlet_voice`) taken off as their source: "As Ukrinform reported, on July 17 a
    missile hit Dnipro" in Ukrinform's own article is the outlet stating it, ``asserted``
    with no claimant (an article's outlet is never its own conduit; decision 510)."""
    if own is None:
        return list(mentions)
    out = []
    for m in mentions:
        if m.claimant_actor is not None and m.claimant_actor.id == own.id:
            m = replace(m, claimant=None, claimant_actor=None, conduit=(), conduit_actors=(),
                        claimant_text=None,
                        modality="asserted" if m.modality == "reported" else m.modality)
        elif any(a is not None and a.id == own.id for a in m.conduit_actors):
            # "told the Kyiv Independent" in the Kyiv Independent's own article: told to
            # the writer, no relay (decision 603)
            kept = [(c, a) for c, a in zip(m.conduit, m.conduit_actors, strict=False)
                    if a is None or a.id != own.id]
            m = replace(m, conduit=tuple(c for c, _ in kept),
                        conduit_actors=tuple(a for _, a in kept))
        out.append(m)
    return out


@dataclass(frozen=True)
class OutletVoice:
    """What the registry knows of the outlet an article comes from, looked up once per
    article: the speaker of the war it is, if any (a body's bulletin, an official's or a
    blogger's own channel), the name its unattributed claims go under, the side of a
    party's outlet, and the outlet as a media actor, which is never its own source."""

    speaker: ActorRef | None
    speaker_name: str | None
    side: str | None
    own_media: ActorRef | None


def outlet_voice(registry: ActorRegistry, outlet: str | None,
                 published: date | None) -> OutletVoice:
    """Return the :class:`OutletVoice` of an article's outlet on its day of publication."""
    speaker = outlet_speaker(registry, outlet, published)
    body = name = without_channel_note(outlet)
    owner = registry.get(speaker.id) if speaker is not None else None
    if speaker is not None and owner is not None and owner.type == "person":
        # a person's own channel under its own name ("We Are Together with Russia",
        # Rogov's): the person speaks, as through "Telegram post (Poddubny)" (decision 524)
        name = speaker.name
    if speaker is None:
        speaker = channel_person(registry, outlet, published)
        name = speaker.name if speaker is not None else name
    if speaker is None:
        # "Two Majors (Telegram, translated)": a channel's own post states what it reports
        # without "said"; the channel is its speaker, as in Russian (decision 581)
        speaker = media_channel_speaker(registry, outlet, published)
    own = None
    if outlet and speaker is None:
        found = _ref(registry.claimant_actor(body, published))
        own = found if found is not None and found.kind == "media" else None
    return OutletVoice(speaker, name, outlet_side(registry, outlet, published), own)


def _named_in_text(registry: ActorRegistry, text: str, day: date | None
                   ) -> dict[str, tuple[ActorRef, str]]:
    """The registry's people the text names in full, in the roles they held on ``day``,
    each with its name as the text writes it: "Vyacheslav Gladkov: summary of the
    situation" above "the governor said" (decision 357)."""
    pattern, owners = _people_names(registry)
    out: dict[str, tuple[ActorRef, str]] = {}
    for m in pattern.finditer(text):
        actor = owners[m.group()]
        if actor.id in out or actor.role_on(day) is None:
            continue
        ref = _ref(registry.claimant_actor(actor.name, day))
        if ref is not None:
            out[ref.id] = (ref, m.group())
    return out


@lru_cache(maxsize=8)
def _people_names(registry: ActorRegistry) -> tuple[re.Pattern[str], dict[str, Actor]]:
    """One pattern of every full name (two words or more) of the registry's people, and
    the person each name is of: read once per registry, not once per article."""
    owners: dict[str, Actor] = {}
    for actor in registry:
        if actor.type == "person":
            for name in (actor.name, *actor.aliases):
                if len(name.split()) > 1:
                    owners.setdefault(name, actor)
    names = sorted(owners, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names) or r"(?!x)x"
    # the lookahead of every name's first letter changes no match; it lets the engine pass
    # over a position no name starts at without trying each of the ~800 names there (the
    # search took a quarter as long over bench_extract.py's 40 texts; round 14)
    firsts = "".join(sorted({re.escape(n[0]) for n in names})) or "x"
    return re.compile(rf"(?<!\w)(?=[{firsts}])(?:{alts})(?!\w)"), owners


def _named_people(mentions: list[EventMention], registry: ActorRegistry,
                  role_words: re.Pattern[str] | None, text: str,
                  published: date | None = None, installed: re.Pattern[str] | None = None,
                  governor_titles: re.Pattern[str] | None = None) -> list[EventMention]:
    people: dict[str, ActorRef] = {}  # persons the article names
    roles: dict[str, str] = {}  # person id -> the role in the article's words
    written: dict[str, str] = {}  # person id -> the fullest name as the article spells it
    for m in mentions:
        ref = m.claimant_actor
        actor = registry.get(ref.id) if ref is not None else None
        if ref is None or actor is None or actor.type != "person" or not m.claimant:
            continue
        surname = actor.name.split()[-1]
        if surname not in text:
            continue  # the article never names the person: keep its own words
        people.setdefault(ref.id, ref)
        as_written = m.claimant.split(" (")[0]
        words, size = as_written.split(), len(actor.name.split())
        if len(words) > size and any(w[:1].islower() for w in words[:-size]):
            # "head of the Odesa Regional Military Administration Oleh Kiper": the title
            # written before the name without a comma is no part of it (decision 243)
            as_written = " ".join(words[-size:])
        if surname in as_written and as_written in text and \
                len(as_written.split()) >= len(actor.name.split()) and \
                len(as_written) > len(written.get(ref.id, "")):
            written[ref.id] = as_written  # "Serhii Lysak", not the registry's "Serhiy"
        found = _QUALIFIED.match(m.claimant)
        role = found["qual"] if found else None if actor.name.split()[-1] in m.claimant \
            else m.claimant
        if role and role_words is not None and not role_words.search(role):
            role = None  # "Valery Gerasimov (Russia)": a country is no role
        if role and len(role) > len(roles.get(ref.id, "")):
            roles[ref.id] = role
    # (a holder is looked for under the title's usual word: "the head of the region" is
    # the region's governor; the claimant keeps the article's words)
    titles = {i: governor_titles.sub("governor", m.claimant)
              if governor_titles is not None and m.claimant else m.claimant
              for i, m in enumerate(mentions)}
    holders = {i: _role_holder(titles[i], people, role_words, registry, installed)
               for i, m in enumerate(mentions) if m.claimant_actor is None}
    if role_words is not None and any(
            holders[i] is None and m.claimant and role_words.search(m.claimant)
            for i, m in enumerate(mentions) if i in holders):
        # a role no speaker of the article holds: the holder the article names elsewhere
        hits = {hid: hit for hid, hit in _named_in_text(registry, text, published).items()
                if hid not in people}
        passing = {hid: ref for hid, (ref, _w) in hits.items()}
        for i in range(len(mentions)):
            if i in holders and holders[i] is None:
                holders[i] = _role_holder(titles[i], passing, role_words, registry,
                                          installed)
        for holder in passing.keys() & {h for h in holders.values() if h is not None}:
            people[holder], written[holder] = hits[holder]
    for i in range(len(mentions)):
        if i in holders and holders[i] is None and installed is not None:
            # no other holder: "the governor" is the appointee the article names after all
            holders[i] = _role_holder(titles[i], people, role_words, registry)
    if not people:
        return mentions
    for i, pid in holders.items():
        claimant = mentions[i].claimant
        if pid is not None and claimant and pid not in roles:
            roles[pid] = claimant
    out = []
    for i, m in enumerate(mentions):
        ref = m.claimant_actor
        pid = ref.id if ref is not None and ref.id in people else holders.get(i)
        if pid is None:
            out.append(m)
            continue
        person = people[pid]
        role = roles.get(pid) or person.role
        name = written.get(pid) or person.name
        named = f"{name} ({role})" if role else name
        out.append(replace(m, claimant=named, claimant_actor=ref or person))
    return out


def _role_holder(claimant: str | None, people: dict[str, ActorRef],
                 role_words: re.Pattern[str] | None, registry: ActorRegistry,
                 installed: re.Pattern[str] | None = None) -> str | None:
    """The one person of the article whose role has the role word of a nameless claimant."""
    if not claimant or role_words is None:
        return None
    words = {w.lower() for w in role_words.findall(claimant)}
    if not words:
        return None
    # "the top general": any word of the holder's title ("Chief of the General Staff"); a
    # name in the claimant ("the mayor of Kherson") must be in the title too
    names = set(re.findall(r"[A-Z][\w'-]+", re.sub(r"\([^)]*\)", "", claimant)))
    names = {n.lower() for n in names if not role_words.fullmatch(n) and
             not registry.is_side_word(n)}
    fits = [pid for pid, ref in people.items()
            if ref.role and words & set(re.findall(r"\w+", ref.role.lower())) and
            names <= set(re.findall(r"[\w'-]+", ref.role.lower()))]
    if installed is not None and not installed.search(claimant):
        # "the regional governor said" is not the Moscow-installed governor of the region
        # while another holder may be (a second pass without ``installed`` takes him)
        fits = [pid for pid in fits if not installed.search(people[pid].role or "")]
    return fits[0] if len(fits) == 1 else None


def _day_of(m: EventMention) -> date | None:
    if m.date.precision == "day" and m.date.value:
        try:
            return date.fromisoformat(m.date.value)
        except ValueError:
            return None
    return None


def _ref(found: dict[str, str | None] | None) -> ActorRef | None:
    if found is None:
        return None
    return ActorRef(id=str(found["id"]), name=str(found["name"]), role=found["role"],
                    side=str(found["side"]), kind=str(found["kind"]))
