"""The one query layer over canonical events, shared by the CLI and the API.

:func:`event_filter` turns what a user typed (event types or type prefixes, a place
name or GeoNames id, an admin-1 region, dates, sources, modalities, conflicts, words)
into an :class:`EventFilter`, checking types against the codebook in use and resolving
places with the gazetteer in use (both from a :class:`~wirewatch.resources.Resources`);
it raises :class:`QueryError` naming the parameter. :func:`conditions` turns a filter
into SQL; :func:`ordered` gives the one stable order of event lists (newest first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, false, func, literal_column, or_, select, table

from wirewatch.store import models as m

if TYPE_CHECKING:
    from wirewatch.events.codebook import Codebook
    from wirewatch.places.gazetteer import Gazetteer

CE = m.CanonicalEvent
MODALITIES = ("asserted", "claimed", "reported", "planned", "denied", "hedged", "contested")
REVIEW_STATUSES = ("unreviewed", "confirmed", "corrected", "rejected")
VERIFICATIONS = ("unverified", "corroborated", "confirmed", "refuted")
# what lists, the map, the timeline and the exports show unless asked otherwise: an event
# an analyst rejected (not an event) is left off (``review_status=all`` shows it)
VISIBLE = ("unreviewed", "confirmed", "corrected")
MAX_WORDS = 10  # tokens of a free-text query; all must occur in one evidence sentence
_TOKEN = re.compile(r"\w+")


class QueryError(ValueError):
    """A filter a user gave that cannot be used; the message starts with the parameter."""


@dataclass(frozen=True)
class EventFilter:
    """Filters of canonical events: the CLI's ``events``, ``Store.events`` and the API's
    event list, map, timeline and exports.

    Place filters (``geonameids``, ``place_names``, ``admin1``) are alternatives: an event
    matching any of them passes. Every other filter must hold. ``types`` are exact type
    names (:func:`event_filter` expands prefixes with the codebook).
    """

    types: tuple[str, ...] = ()
    geonameids: tuple[int, ...] = ()
    place_names: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_sources: int | None = None
    modalities: tuple[str, ...] = ()
    has_conflict: bool | None = None
    words: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    review_statuses: tuple[str, ...] = ()  # empty: any
    verifications: tuple[str, ...] = ()
    # at least this confidence (0..1; the summary's, wirewatch.fuse.confidence); events
    # without one (stored before confidences were written) do not pass
    min_confidence: float | None = None

    def without_dates(self) -> EventFilter:
        """Return the same filter without since/until (the timeline shows every day)."""
        return replace(self, since=None, until=None)


def event_filter(codebook: Codebook, gazetteer: Gazetteer, *,
                 types: str | Sequence[str] | None = None, place: str | None = None,
                 admin1: str | None = None, since: date | None = None,
                 until: date | None = None, min_sources: int | None = None,
                 modalities: str | Sequence[str] | None = None,
                 has_conflict: bool | None = None, words: str | None = None,
                 claimant: str | None = None, denied_by: str | None = None,
                 outlet: str | None = None,
                 review_status: str | Sequence[str] | None = None,
                 verification: str | Sequence[str] | None = None,
                 min_confidence: float | None = None) -> EventFilter:
    """Return the filter of what a user asked for; raise QueryError naming what is wrong.

    ``types`` and ``modalities`` are lists or comma-separated strings; a type may be a
    prefix (``territory`` means every ``territory.*``). ``place`` is a GeoNames id or a
    name resolved with the gazetteer (a region also matches the events inside it).
    ``claimant``, ``denied_by`` and ``outlet`` are names, comma-separated, each matched
    as a part of the name, ignoring case (see :func:`source_filter`). ``review_status``
    and ``verification`` are lists or comma-separated strings (``all``: any; see
    :func:`status_filter`; None here means any, the API's default leaves rejected events
    out). ``min_confidence`` (0..1) keeps the events at least that sure
    (wirewatch.fuse.confidence).
    """
    chosen = _types(codebook, _split(types))
    mods = _split(modalities)
    for x in mods:
        if x not in MODALITIES:
            raise QueryError(f"modality: unknown modality {x!r} (known: "
                             f"{', '.join(MODALITIES)})")
    if since and until and since > until:
        raise QueryError(f"since: {since} is after until {until}")
    if min_sources is not None and min_sources < 0:
        raise QueryError(f"min_sources: {min_sources} is negative")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise QueryError(f"min_confidence: {min_confidence} is not between 0 and 1")
    ids: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    regions: list[str] = []
    if place and place.strip():
        p = place.strip()
        if p.isdigit() and len(p) <= 18:
            ids = (int(p),)
        else:
            ids, names, regions = resolve_place_filter(p, gazetteer)
    if admin1 and admin1.strip():
        regions.extend(admin1_names(admin1.strip(), gazetteer))
    base = EventFilter(
        types=tuple(chosen), geonameids=ids, place_names=names,
        admin1=tuple(dict.fromkeys(regions)), since=since, until=until,
        min_sources=min_sources or None, modalities=tuple(mods), has_conflict=has_conflict,
        words=tuple(search_tokens((words or "").split())), min_confidence=min_confidence)
    base = status_filter(base, review_status=review_status, verification=verification)
    return source_filter(base, claimant=claimant, denied_by=denied_by, outlet=outlet)


def _choices(param: str, value: str | Sequence[str] | None, known: Sequence[str]
             ) -> tuple[str, ...]:
    asked = _split(value)
    if "all" in asked:
        return ()
    for x in asked:
        if x not in known:
            raise QueryError(f"{param}: unknown value {x!r} (use {', '.join(known)} or all)")
    return tuple(dict.fromkeys(asked))


def status_filter(f: EventFilter, *, review_status: str | Sequence[str] | None = None,
                  verification: str | Sequence[str] | None = None) -> EventFilter:
    """Return ``f`` narrowed to events with one of these review statuses (unreviewed,
    confirmed, corrected, rejected) and verification statuses (unverified, corroborated,
    confirmed, refuted); ``all`` or nothing: any."""
    return replace(f, review_statuses=_choices("review_status", review_status,
                                               REVIEW_STATUSES),
                   verifications=_choices("verification", verification, VERIFICATIONS))


def narrowed(f: EventFilter, *, review_status: str | Sequence[str] | None = None,
             verification: str | Sequence[str] | None = None,
             min_confidence: float | None = None) -> EventFilter:
    """Return ``f`` with each of these given (not None) in place of its own: review
    statuses, verification statuses (``all``: any) and the least confidence (0..1);
    raise QueryError naming the one that cannot be used."""
    if review_status is not None:
        f = replace(f, review_statuses=_choices("review_status", review_status,
                                                REVIEW_STATUSES))
    if verification is not None:
        f = replace(f, verifications=_choices("verification", verification, VERIFICATIONS))
    if min_confidence is not None:
        if not 0.0 <= min_confidence <= 1.0:
            raise QueryError(f"min_confidence: {min_confidence} is not between 0 and 1")
        f = replace(f, min_confidence=min_confidence)
    return f


MAX_NAME = 300


def source_filter(f: EventFilter, *, claimant: str | None = None,
                  denied_by: str | None = None, outlet: str | None = None) -> EventFilter:
    """Return ``f`` narrowed to events claimed by ``claimant`` (a speaker of a mention that
    is not a denial), denied by ``denied_by`` (a speaker of a denial, or the outlet of a
    denial that names none) and reported by ``outlet`` (any article's outlet); each a
    comma-separated list of alternatives, matched as part of the name, ignoring case."""
    return replace(f, claimants=_names("claimant", claimant),
                   denied_by=_names("denied_by", denied_by), outlets=_names("outlet", outlet))


def _names(param: str, value: str | None) -> tuple[str, ...]:
    names = _split(value)
    for n in names:
        if len(n) > MAX_NAME:
            raise QueryError(f"{param}: a name longer than {MAX_NAME} characters")
    return tuple(names)


def _split(value: str | Sequence[str] | None) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or ())
    return [x.strip() for x in items if x.strip()]


def _types(codebook: Codebook, asked: Sequence[str]) -> list[str]:
    """The codebook's types each asked name is, or is a prefix of (``a`` of ``a.b``)."""
    known = sorted(codebook.types)
    chosen: list[str] = []
    for t in asked:
        matching = [k for k in known if k == t or k.startswith(t + ".")]
        if not matching:
            raise QueryError(f"type: unknown event type {t!r} (known: {', '.join(known)})")
        chosen.extend(x for x in matching if x not in chosen)
    return chosen


def resolve_place_filter(name: str, gaz: Gazetteer
                         ) -> tuple[tuple[int, ...], tuple[str, ...], list[str]]:
    """Return (GeoNames ids, place names, admin-1 names) a place name matches: events whose
    place has that name, and the place it resolves to; a region also matches the events
    inside it."""
    from wirewatch.places import resolve_place

    found = resolve_place(name, gaz=gaz).place
    if found is None:
        return (), (name,), []
    return (found.geonameid,), (name, found.name), [found.name] if found.kind == "admin1" else []


def admin1_names(name: str, gaz: Gazetteer) -> list[str]:
    """The name as given and the gazetteer's spelling of the admin-1 region it names."""
    hits = gaz.exact(name)
    return [name, *(h.entry.name for h in hits if h.entry.kind == "admin1")]


def search_tokens(words: Sequence[str]) -> list[str]:
    """Return the word tokens (letters and digits) of a free-text query, lower case."""
    return [t.lower() for w in words for t in _TOKEN.findall(w)][:MAX_WORDS]


# ---------------------------------------------------------------------- SQL


def conditions(f: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """Return the SQL conditions on canonical events of a filter (``dialect``: the
    database's, for the full-text search)."""
    out: list[ColumnElement[bool]] = []
    if f.types:
        out.append(CE.type.in_(f.types))
    places: list[ColumnElement[bool]] = []
    if f.geonameids:
        places.append(CE.geonameid.in_(f.geonameids))
    if f.place_names:
        places.append(CE.place_name.in_(f.place_names))
    if f.admin1:
        places.append(CE.admin1.in_(f.admin1))
    if places:
        out.append(places[0] if len(places) == 1 else or_(*places))
    if f.since or f.until:  # the event's day as the timeline counts it
        out.append(CE.date_value.is_not(None))
    if f.since:
        out.append(CE.sort_date >= f.since)
    if f.until:
        out.append(CE.sort_date <= f.until)
    if f.min_sources:
        out.append(CE.n_sources >= f.min_sources)
    if f.modalities:
        out.append(CE.modality.in_(f.modalities))
    if f.min_confidence is not None:
        out.append(confidence_of() >= f.min_confidence)
    if f.has_conflict is not None:
        out.append(CE.n_conflicts > 0 if f.has_conflict else CE.n_conflicts == 0)
    if f.review_statuses:
        out.append(CE.review_status.in_(f.review_statuses))
    if f.verifications:
        out.append(CE.verification.in_(f.verifications))
    if f.words:
        out.append(CE.id.in_(_evidence_search(f.words, dialect)))
    if f.claimants:
        out.append(CE.id.in_(_by_speaker(f.claimants, denials=False)))
    if f.denied_by:
        out.append(CE.id.in_(_by_speaker(f.denied_by, denials=True)))
    if f.outlets:
        out.append(CE.id.in_(_members_where(or_(*(
            m.Article.outlet.icontains(o, autoescape=True) for o in f.outlets)))))
    return out


def confidence_of() -> ColumnElement[float]:
    """The canonical event's confidence as SQL (NULL when it has none): a key of its JSON
    summary, so that no migration was needed; read the same way on SQLite and
    PostgreSQL."""
    value: ColumnElement[float] = CE.summary["confidence"].as_float()
    return value


def _members_where(cond: ColumnElement[bool]) -> Select[Any]:
    """Canonical ids with a mention (joined to its article) meeting ``cond``."""
    return (select(m.CanonicalMember.canonical_id)
            .join(m.EventMention, m.EventMention.id == m.CanonicalMember.event_mention_id)
            .join(m.Article, m.Article.id == m.EventMention.article_id).where(cond))


def _by_speaker(names: Sequence[str], denials: bool) -> Select[Any]:
    """Canonical ids with a claim (or, ``denials``, a denial) by one of these speakers; a
    denial naming no speaker is its outlet's."""
    mention = m.EventMention
    if denials:
        who = or_(*(or_(mention.claimant.icontains(n, autoescape=True),
                        (mention.claimant.is_(None))
                        & m.Article.outlet.icontains(n, autoescape=True)) for n in names))
        return _members_where(who & (mention.modality == "denied"))
    who = or_(*(mention.claimant.icontains(n, autoescape=True) for n in names))
    return _members_where(who & (mention.modality != "denied"))


def ordered(stmt: Select[Any]) -> Select[Any]:
    """Order canonical events newest first (``sort_date``, undated last), then by id, newest
    first: a stable order, so paging neither repeats nor skips an event."""
    return stmt.order_by(CE.sort_date.desc().nulls_last(), CE.id.desc())


def _evidence_search(words: Sequence[str], dialect: str) -> Select[Any]:
    """Canonical ids with a mention whose evidence sentence holds every token (each as a
    word prefix), through the full-text index of migration 0002."""
    tokens = search_tokens(words)
    members = select(m.CanonicalMember.canonical_id)
    if not tokens:
        return members.where(false())
    if dialect == "sqlite":
        match = " AND ".join('"' + t.replace('"', '""') + '"*' for t in tokens)
        hits: Select[Any] = (select(literal_column("rowid")).select_from(table("evidence_fts"))
                             .where(literal_column("evidence_fts").op("MATCH")(match)))
        return members.where(m.CanonicalMember.event_mention_id.in_(hits))
    if dialect == "postgresql":
        query = " & ".join(f"{t}:*" for t in tokens)
        vector = func.to_tsvector(literal_column("'simple'::regconfig"),
                                  m.EventMention.evidence_text)
        matches = vector.op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"),
                                                  query))
        return members.join(m.EventMention,
                            m.EventMention.id == m.CanonicalMember.event_mention_id
                            ).where(matches)
    found = members.join(m.EventMention, m.EventMention.id == m.CanonicalMember.event_mention_id)
    for t in tokens:  # other databases: a scan
        found = found.where(m.EventMention.evidence_text.icontains(t, autoescape=True))
    return found
