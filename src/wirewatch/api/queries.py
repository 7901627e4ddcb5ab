"""Read queries of the HTTP API over the store's models.

The filters and the order of event lists are those of :mod:`wirewatch.store.query`
(shared with the CLI). Every list is filtered and paged in SQL with a stable order, so
its cost depends on the page and on the indexes (see the 0002 migration), not on the
size of the store:

* events: newest first by ``sort_date`` (the start of the event's date; for an undated
  claim the end of its window, i.e. about its publication), then by id, newest first;
  events without any date come last;
* articles: by id; rewrite families: largest first, as ``wirewatch stories``.

The dicts returned are those of the CLI's JSON (:func:`wirewatch.store.views.event_dicts`,
:func:`~wirewatch.store.views.family_dicts`) plus what only the API adds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from wirewatch.store import models as m
from wirewatch.store.query import EventFilter, conditions, confidence_of
from wirewatch.store.query import ordered as _ordered
from wirewatch.store.views import FAMILY_ORDER, event_dicts, family_dicts

CE = m.CanonicalEvent


def _where(s: Session, f: EventFilter) -> list[ColumnElement[bool]]:
    return conditions(f, s.get_bind().dialect.name)


def count_events(s: Session, f: EventFilter) -> int:
    """Return how many canonical events match the filter."""
    return int(s.scalar(select(func.count()).select_from(CE).where(*_where(s, f))) or 0)


def list_events(s: Session, f: EventFilter, limit: int, offset: int
                ) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, one page of canonical events as the CLI's dicts without mentions)."""
    total = count_events(s, f)
    if offset >= total:
        return total, []
    rows = list(s.scalars(_ordered(select(CE).where(*_where(s, f))).limit(limit)
                          .offset(offset)))
    return total, event_dicts(s, rows, with_mentions=False)


def event_ids(s: Session, f: EventFilter, limit: int | None = None) -> list[int]:
    """Return the ids of the matching events in list order (at most ``limit``)."""
    stmt = _ordered(select(CE.id).where(*_where(s, f)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(s.scalars(stmt))


def iter_events(s: Session, ids: Sequence[int], chunk: int = 500
                ) -> Iterator[dict[str, Any]]:
    """Yield the full event dicts (with mentions) of these ids in this order, a chunk at a
    time (for streaming exports)."""
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        rows = {r.id: r for r in s.scalars(select(CE).where(CE.id.in_(part)))}
        yield from event_dicts(s, [rows[j] for j in part if j in rows], with_mentions=True)


def get_event_row(s: Session, event_id: int) -> m.CanonicalEvent | None:
    """Return a canonical event's row, or None."""
    return s.get(CE, event_id)


def get_event(s: Session, event_id: int) -> dict[str, Any] | None:
    """Return one canonical event with its mentions and rewrite families, or None."""
    row = s.get(CE, event_id)
    if row is None:
        return None
    event = event_dicts(s, [row], with_mentions=True)[0]
    event["family"] = _families_of(s, event["mentions"])
    return event


WEAK = ("hedged", "denied", "contested")
LOW_CONFIDENCE = 0.7  # below it an event needs eyes (the 0.5-0.7 bin and under,
#                       docs/evaluation.md: about one in three or more is wrong there)


def _attention() -> tuple[ColumnElement[int], ColumnElement[int], ColumnElement[int]]:
    """Why an event needs eyes, as SQL: reports disagree; one independent source; low
    confidence (below :data:`LOW_CONFIDENCE`; for an event stored without one, the old
    signs: no resolved place, no date, or a hedged, denied or contested claim)."""
    conflict = case((CE.n_conflicts > 0, 1), else_=0)
    single = case((CE.n_sources <= 1, 1), else_=0)
    conf = confidence_of()
    weak = case((or_(conf < LOW_CONFIDENCE,
                     conf.is_(None) & or_(CE.geonameid.is_(None), CE.date_value.is_(None),
                                          CE.modality.in_(WEAK))), 1), else_=0)
    return conflict, single, weak


def _low(r: m.CanonicalEvent) -> bool:
    conf = (r.summary or {}).get("confidence")
    if conf is not None:
        return float(conf) < LOW_CONFIDENCE
    return r.geonameid is None or r.date_value is None or r.modality in WEAK


def review_queue(s: Session, f: EventFilter, statuses: Sequence[str], limit: int,
                 offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, one page of the events with these review statuses matching the
    filter), most in need of eyes first: conflicts, then a single source, then low
    confidence; within each, the least confident first (those without a confidence
    first of all), then the most recent."""
    conds = [*_where(s, f), CE.review_status.in_(list(statuses))]
    total = int(s.scalar(select(func.count()).select_from(CE).where(*conds)) or 0)
    if offset >= total:
        return total, []
    conflict, single, weak = _attention()
    score = conflict * 4 + single * 2 + weak
    rows = list(s.scalars(select(CE).where(*conds)
                          .order_by(score.desc(), confidence_of().asc().nulls_first(),
                                    CE.sort_date.desc().nulls_last(),
                                    CE.id.desc()).limit(limit).offset(offset)))
    items = event_dicts(s, rows, with_mentions=False)
    for r, item in zip(rows, items, strict=True):
        item["attention"] = [why for why, on in (
            ("conflict", r.n_conflicts > 0), ("single source", r.n_sources <= 1),
            ("low confidence", _low(r))) if on]
    return total, items


def _families_of(s: Session, mentions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    by_family: dict[int, list[int]] = defaultdict(list)
    for mention in mentions:
        fam, art = mention.get("family"), mention["article_id"]
        if fam is not None and art not in by_family[fam]:
            by_family[fam].append(art)
    if not by_family:
        return []
    fams = s.scalars(select(m.RewriteFamily).where(m.RewriteFamily.id.in_(list(by_family)))
                     .order_by(m.RewriteFamily.id))
    return [{"id": f.id, "size": f.size, "head": f.head_article_id,
             "articles": sorted(by_family[f.id]), "version": f.version} for f in fams]


def map_features(s: Session, f: EventFilter, limit: int, group: str = "auto"
                 ) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the matching events that have a place.

    ``group="events"``: one point per event, the newest ``limit``; ``"places"``: one
    point per place with the events there counted by type; ``"auto"``: events when there
    are at most ``limit`` of them, else places (so the map always shows every event)."""
    conds = [*_where(s, f), CE.geonameid.is_not(None)]
    total = int(s.scalar(select(func.count()).select_from(CE).where(*conds)) or 0)
    if group == "places" or (group == "auto" and total > limit):
        return {"type": "FeatureCollection", "grouped": "places",
                "features": _place_features(s, conds), "total": total, "truncated": False}
    stmt = _ordered(select(CE.id, CE.type, CE.date_value, CE.date_precision, CE.window_lo,
                           CE.window_hi, CE.place_name, CE.place["lon"].as_float(),
                           CE.place["lat"].as_float(), CE.n_sources, CE.n_conflicts,
                           CE.modality, CE.verification, CE.review_status)
                    .where(*conds)).limit(limit)
    features = []
    for (eid, etype, value, precision, lo, hi, name, lon, lat, n_sources, n_conflicts,
         modality, verification, review_status) in s.execute(stmt):
        if lat is None or lon is None:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": (lon, lat)},
            "properties": {"kind": "event", "id": eid, "type": etype,
                           "date": {"value": value, "precision": precision,
                                    "window": [lo, hi]},
                           "place": name, "modality": modality,
                           "verification": verification, "review_status": review_status,
                           "n_independent_sources": n_sources,
                           "has_conflict": n_conflicts > 0}})
    return {"type": "FeatureCollection", "grouped": "events", "features": features,
            "total": total, "truncated": total > limit}


def _place_features(s: Session, conds: Sequence[ColumnElement[bool]]) -> list[dict[str, Any]]:
    """One feature per place: events by type and by modality, most independent sources,
    any conflict, first and last day."""
    stmt = (select(CE.geonameid, CE.type, CE.modality, CE.verification, func.count(),
                   func.max(CE.n_sources), func.max(CE.n_conflicts), func.min(CE.sort_date),
                   func.max(CE.sort_date))
            .where(*conds).group_by(CE.geonameid, CE.type, CE.modality, CE.verification))
    places: dict[int, dict[str, Any]] = {}
    for gid, etype, modality, ver, n, sources, conflicts, first, last in s.execute(stmt):
        if gid is None:
            continue
        p = places.setdefault(gid, {"kind": "place", "geonameid": gid, "n": 0, "types": {},
                                    "modalities": {}, "verifications": {},
                                    "n_independent_sources": 0,
                                    "has_conflict": False, "first": None, "last": None})
        p["n"] += n
        p["types"][etype] = p["types"].get(etype, 0) + n
        p["modalities"][modality] = p["modalities"].get(modality, 0) + n
        p["verifications"][ver] = p["verifications"].get(ver, 0) + n
        p["n_independent_sources"] = max(p["n_independent_sources"], sources or 0)
        p["has_conflict"] = p["has_conflict"] or bool(conflicts)
        if first is not None and (p["first"] is None or first < p["first"]):
            p["first"] = first
        if last is not None and (p["last"] is None or last > p["last"]):
            p["last"] = last
    where: dict[int, tuple[str | None, dict[str, Any] | None]] = {}
    ids = sorted(places)
    for i in range(0, len(ids), 500):
        rows = s.execute(select(CE.geonameid, CE.place_name, CE.place)
                         .where(CE.id.in_(select(func.min(CE.id)).where(
                             CE.geonameid.in_(ids[i:i + 500])).group_by(CE.geonameid))))
        where.update({gid: (name, place) for gid, name, place in rows})
    out = []
    for gid in sorted(places, key=lambda g: -places[g]["n"]):
        name, place = where.get(gid, (None, None))
        if not place or place.get("lat") is None or place.get("lon") is None:
            continue
        out.append({"type": "Feature",
                    "geometry": {"type": "Point", "coordinates": (place["lon"], place["lat"])},
                    "properties": {**places[gid], "place": name}})
    return out


def timeline(s: Session, f: EventFilter) -> list[dict[str, Any]]:
    """Return canonical events counted per day (the first day of their date), type and
    modality, sorted by day, type, modality; undated events are left out."""
    stmt = (select(CE.sort_date, CE.type, CE.modality, func.count())
            .where(*_where(s, f), CE.date_value.is_not(None), CE.sort_date.is_not(None))
            .group_by(CE.sort_date, CE.type, CE.modality)
            .order_by(CE.sort_date, CE.type, CE.modality))
    return [{"day": d, "type": t, "modality": mo, "n": int(n)}
            for d, t, mo, n in s.execute(stmt)]


# ---------------------------------------------------------------------- articles


def _article_ref(a: m.Article) -> dict[str, Any]:
    return {"id": a.id, "doc": a.doc_id, "title": a.title, "outlet": a.outlet, "url": a.url,
            "published": a.published, "family": a.family_id, "lang": a.lang}


def list_articles(s: Session, limit: int, offset: int, outlet: str | None = None,
                  family: int | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, one page of article metadata), oldest stored first."""
    conds: list[ColumnElement[bool]] = []
    if outlet:
        conds.append(m.Article.outlet == outlet)
    if family is not None:
        conds.append(m.Article.family_id == family)
    total = int(s.scalar(select(func.count()).select_from(m.Article).where(*conds)) or 0)
    rows = s.scalars(select(m.Article).where(*conds).order_by(m.Article.id)
                     .limit(limit).offset(offset))
    return total, [_article_ref(a) for a in rows]


def get_article(s: Session, article_id: int) -> dict[str, Any] | None:
    """Return an article with its text, its place mentions and its event triggers (each
    with the canonical event its mention fused into), or None."""
    a = s.get(m.Article, article_id)
    if a is None:
        return None
    places = [{"start": p.start, "end": p.end, "surface": p.surface, "name": p.name,
               "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
               "admin1": p.admin1, "confidence": p.confidence, "method": p.method,
               "explanation": p.explanation}
              for p in s.scalars(select(m.PlaceMention).where(m.PlaceMention.article_id == a.id)
                                 .order_by(m.PlaceMention.start, m.PlaceMention.id))]
    events = []
    rows = s.execute(select(m.EventMention, m.CanonicalMember.canonical_id)
                     .outerjoin(m.CanonicalMember,
                                m.CanonicalMember.event_mention_id == m.EventMention.id)
                     .where(m.EventMention.article_id == a.id)
                     .order_by(m.EventMention.evidence_start, m.EventMention.id))
    for e, cid in rows:
        trig = (e.data or {}).get("trigger") or {}
        start, end = trig.get("start"), trig.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or end <= start:
            start, end = e.evidence_start, e.evidence_end
        events.append({"start": start, "end": end, "mention": e.id, "type": e.type,
                       "subtype": e.subtype, "modality": e.modality, "canonical_id": cid,
                       "evidence": {"text": e.evidence_text, "start": e.evidence_start,
                                    "end": e.evidence_end}})
    return {**_article_ref(a), "author": a.author, "site_name": a.site_name,
            "irrelevant": bool(a.irrelevant), "family_alone": bool(a.family_alone),
            "text": a.text,
            "places": places, "events": events}


# ---------------------------------------------------------------------- families


def list_families(s: Session, min_size: int, limit: int, offset: int
                  ) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, one page of rewrite families, largest first)."""
    cond = m.RewriteFamily.size >= min_size
    total = int(s.scalar(select(func.count()).select_from(m.RewriteFamily).where(cond)) or 0)
    fams = list(s.scalars(select(m.RewriteFamily).where(cond).order_by(*FAMILY_ORDER)
                          .limit(limit).offset(offset)))
    return total, family_dicts(s, fams)


def get_family(s: Session, family_id: int) -> dict[str, Any] | None:
    """Return one rewrite family, or None."""
    f = s.get(m.RewriteFamily, family_id)
    return family_dicts(s, [f])[0] if f is not None else None


# ---------------------------------------------------------------------- places


def place_counts(s: Session, geonameid: int, admin1: str | None) -> tuple[int, int | None]:
    """Return the number of canonical events at a place and, for an admin-1 region (its
    name given), inside it."""
    at = int(s.scalar(select(func.count()).select_from(CE).where(CE.geonameid == geonameid))
             or 0)
    if admin1 is None:
        return at, None
    inside = int(s.scalar(select(func.count()).select_from(CE).where(CE.admin1 == admin1))
                 or 0)
    return at, inside
