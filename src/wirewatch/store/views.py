"""The JSON views of the store: canonical events (with mentions and conflicts),
conflicts, rewrite families, articles and place mentions, as the CLI's JSON Lines and
the API's objects show them (one shape for both)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m
from wirewatch.store.db import chunks as _chunks
from wirewatch.store.review import review_view, reviews_of

FAMILY_ORDER = (m.RewriteFamily.size.desc(), m.RewriteFamily.first_published,
                m.RewriteFamily.id)

# A mention with one of these modalities claims the event; ``denied`` rejects it. The
# canonical event's ``claimants`` are the speakers of the first kind only; those of the
# second are its ``denied_by`` (decision 26 in docs/decisions.md).
DENIED = "denied"


def family_dicts(s: Session, fams: Sequence[m.RewriteFamily]) -> list[dict[str, Any]]:
    """Return the JSON-able dicts of rewrite families (``wirewatch stories``), in the order
    given: head, dates, and members (earliest first) with the links that tie them."""
    members: dict[int, list[m.Article]] = defaultdict(list)
    for chunk in _chunks([f.id for f in fams]):
        for a in s.scalars(select(m.Article).where(m.Article.family_id.in_(chunk))):
            members[a.family_id or 0].append(a)
    art_ids = [a.id for ms in members.values() for a in ms]
    links: dict[int, list[m.RewriteLink]] = defaultdict(list)
    for chunk in _chunks(art_ids):
        for lk in s.scalars(select(m.RewriteLink).where(m.RewriteLink.article_id.in_(chunk))
                            .order_by(m.RewriteLink.id)):
            links[lk.article_id].append(lk)
    out = []
    for f in fams:
        ms = sorted(members[f.id], key=lambda a: (a.published or date.max, a.id))
        head = next((a for a in ms if a.id == f.head_article_id), ms[0] if ms else None)
        out.append({
            "family": f.id, "size": f.size, "version": f.version,
            "head": _article_ref(head) if head else None,
            "first_published": f.first_published.isoformat() if f.first_published else None,
            "last_published": f.last_published.isoformat() if f.last_published else None,
            "members": [{**_article_ref(a), "links": [
                {"to": lk.other_id, "kind": lk.kind, "score": lk.score,
                 "reasons": lk.reasons} for lk in links.get(a.id, [])]} for a in ms],
        })
    return out


def event_dicts(s: Session, rows: Sequence[m.CanonicalEvent], with_mentions: bool = True
                ) -> list[dict[str, Any]]:
    """Return the JSON-able dicts of canonical events (the CLI's JSON Lines and the API's
    event objects), in the order given, each with its conflicts and, if asked, mentions."""
    mentions = _mentions_of(s, [r.id for r in rows]) if with_mentions else {}
    conflicts = _conflicts_of(s, [r.id for r in rows if r.n_conflicts])
    sides = _sides_of(s, [r.id for r in rows])
    reviews = reviews_of(s, [r.id for r in rows])
    return [_event_dict(r, mentions.get(r.id), conflicts.get(r.id, []),
                        sides.get(r.id, _no_sides()), reviews.get(r.id)) for r in rows]


def _no_sides() -> dict[str, Any]:
    return {"claimants": [], "denied_by": [], "reports": []}


def _sides_of(s: Session, canonical_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Who claims and who denies each canonical event, and the reports it rests on.

    ``claimants``: the named speakers of the mentions that claim it (every modality but
    ``denied``); ``denied_by``: the speakers of the denials (the outlet, when a denial
    names no speaker: the outlet then says it in its own voice); ``reports``: one entry
    per article with its outlet, URL, date and whether it claims or denies (an article
    holding both is listed once for each role)."""
    out: dict[int, dict[str, Any]] = defaultdict(_no_sides)
    cols = (m.CanonicalMember.canonical_id, m.EventMention.claimant, m.EventMention.modality,
            m.Article.id, m.Article.outlet, m.Article.url, m.Article.title, m.Article.published)
    for chunk in _chunks(list(canonical_ids)):
        rows = s.execute(select(*cols)
                         .join(m.EventMention,
                               m.EventMention.id == m.CanonicalMember.event_mention_id)
                         .join(m.Article, m.Article.id == m.EventMention.article_id)
                         .where(m.CanonicalMember.canonical_id.in_(chunk))
                         .order_by(m.Article.published, m.EventMention.id))
        for cid, claimant, modality, art, outlet, url, title, pub in rows:
            side = out[cid]
            denies = modality == DENIED
            who = claimant or (outlet if denies else None)
            names = side["denied_by"] if denies else side["claimants"]
            if who and who not in names:
                names.append(who)
            role = "denies" if denies else "claims"
            if not any(r["article"] == art and r["role"] == role for r in side["reports"]):
                side["reports"].append({
                    "article": art, "outlet": outlet, "url": url, "title": title,
                    "published": pub.isoformat() if pub else None, "role": role})
    return out


def _article_ref(a: m.Article) -> dict[str, Any]:
    return {"article": a.id, "doc": a.doc_id, "outlet": a.outlet, "title": a.title,
            "url": a.url, "published": a.published.isoformat() if a.published else None}


_ARTICLE_COLS = (m.Article.doc_id, m.Article.outlet, m.Article.published,
                 m.Article.family_id, m.Article.url, m.Article.title)


def _mention_views(s: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(list(ids)):
        rows = s.execute(select(m.EventMention, *_ARTICLE_COLS)
                         .join(m.Article, m.Article.id == m.EventMention.article_id)
                         .where(m.EventMention.id.in_(chunk)))
        for e, doc, outlet, pub, fam, url, title in rows:
            out[e.id] = _mention_view(e, doc, outlet, pub, fam, url, title)
    return out


def _mention_view(e: m.EventMention, doc: str, outlet: str | None, pub: date | None,
                  fam: int | None, url: str | None, title: str | None) -> dict[str, Any]:
    d = e.data
    return {"mention": e.id, "article_id": e.article_id, "doc": doc, "title": title,
            "outlet": outlet, "url": url,
            "published": pub.isoformat() if pub else None, "family": fam,
            "type": d.get("type"), "subtype": d.get("subtype"),
            "actor": (d.get("actor") or {}).get("text"),
            "actor_side": (d.get("actor") or {}).get("side"), "weapon": d.get("weapon"),
            "equipment": d.get("equipment"),
            "claimant": d.get("claimant"), "conduit": d.get("conduit") or [],
            "modality": d.get("modality"), "date": d.get("date"), "count": d.get("count"),
            "extent": d.get("extent"), "place": d.get("place"),
            "evidence": d.get("evidence"), "confidence": d.get("confidence")}


def _mentions_of(s: Session, canonical_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(list(canonical_ids)):
        rows = s.execute(select(m.CanonicalMember.canonical_id, m.EventMention, *_ARTICLE_COLS)
                         .join(m.EventMention,
                               m.EventMention.id == m.CanonicalMember.event_mention_id)
                         .join(m.Article, m.Article.id == m.EventMention.article_id)
                         .where(m.CanonicalMember.canonical_id.in_(chunk))
                         .order_by(m.Article.published, m.EventMention.id))
        for cid, e, doc, outlet, pub, fam, url, title in rows:
            out[cid].append(_mention_view(e, doc, outlet, pub, fam, url, title))
    return out


def _conflicts_of(s: Session, canonical_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows: list[m.Conflict] = []
    for chunk in _chunks(list(canonical_ids)):
        rows.extend(s.scalars(select(m.Conflict).where(m.Conflict.canonical_id.in_(chunk))
                              .order_by(m.Conflict.id)))
    ev = _mention_views(s, sorted({i for c in rows for i in [*c.mentions_a, *c.mentions_b]}))
    for c in rows:
        out[c.canonical_id].append({"kind": c.kind,
                                    "a": _conflict_side(c.value_a, c.mentions_a, ev),
                                    "b": _conflict_side(c.value_b, c.mentions_b, ev)})
    return out


def _conflict_side(value: str, ids: Sequence[int], ev: Mapping[int, dict[str, Any]]
                   ) -> dict[str, Any]:
    return {"value": value, "mentions": [
        {k: ev[i][k] for k in ("mention", "doc", "outlet", "url", "published", "claimant",
                               "modality", "evidence")} for i in ids if i in ev]}


def _event_dict(r: m.CanonicalEvent, mentions: list[dict[str, Any]] | None,
                conflicts: list[dict[str, Any]], sides: dict[str, Any],
                review: m.EventReview | None = None) -> dict[str, Any]:
    sm = r.summary or {}
    claimants = sides["claimants"]
    if review is not None and "claimant" in review.fields:  # an analyst's correction
        claimants = [review.fields["claimant"]] if review.fields["claimant"] else []
    out: dict[str, Any] = {
        "id": r.id, "type": r.type, "subtype": r.subtype, "aggregate": r.aggregate,
        "place": r.place,
        "date": {"value": r.date_value, "precision": r.date_precision,
                 "window": [r.window_lo.isoformat() if r.window_lo else None,
                            r.window_hi.isoformat() if r.window_hi else None]},
        "modality": r.modality, "count": r.count_value, "extent": r.extent,
        "claimants": claimants, "denied_by": sides["denied_by"],
        "outlets": sm.get("outlets", []), "reports": sides["reports"],
        "independent_sources": sm.get("independent_sources", []),
        "n_independent_sources": r.n_sources, "source_groups": sm.get("source_groups", []),
        "n_mentions": r.n_mentions, "n_articles": sm.get("n_articles", 0),
        "has_conflict": r.n_conflicts > 0, "conflicts": conflicts,
        "confidence": sm.get("confidence"),
        "updated_at": r.updated_at.isoformat(timespec="seconds") if r.updated_at else None,
        **review_view(r, review, sides["claimants"],
                      "corroborated" if r.n_sources >= 2 and not sides["denied_by"]
                      else "unverified"),
    }
    if mentions is not None:
        out["mentions"] = mentions
    return out


def conflict_dicts(s: Session, kind: str | None = None) -> list[dict[str, Any]]:
    """Return all disagreements (``wirewatch conflicts``): between mentions of one canonical
    event (date, count, extent, modality) and inside one article (one role, two names)."""
    stmt = select(m.Conflict, m.CanonicalEvent).join(
        m.CanonicalEvent, m.CanonicalEvent.id == m.Conflict.canonical_id)
    if kind:
        stmt = stmt.where(m.Conflict.kind == kind)
    rows = s.execute(stmt.order_by(m.Conflict.canonical_id, m.Conflict.id)).all()
    ids = sorted({i for c, _ in rows for i in [*c.mentions_a, *c.mentions_b]})
    ev = _mention_views(s, ids)
    out = []
    for c, ce in rows:
        out.append({"kind": c.kind, "canonical_event": ce.id, "type": ce.type,
                    "place": ce.place_name, "date": ce.date_value,
                    "a": _conflict_side(c.value_a, c.mentions_a, ev),
                    "b": _conflict_side(c.value_b, c.mentions_b, ev)})
    if kind in (None, "name"):
        flags = s.execute(select(m.NameFlag, m.Article).join(
            m.Article, m.Article.id == m.NameFlag.article_id).order_by(m.NameFlag.id))
        for f, a in flags:
            out.append({"kind": "name", "article": a.id, "doc": a.doc_id,
                        "outlet": a.outlet, "role": f.role, "reason": f.reason,
                        "a": {"value": f.name_a, "start": f.start_a, "end": f.end_a},
                        "b": {"value": f.name_b, "start": f.start_b, "end": f.end_b}})
    return out


def article_dicts(s: Session) -> list[dict[str, Any]]:
    """Return every stored article's id, document id, outlet, date and family."""
    return [{**_article_ref(a), "family": a.family_id, "lang": a.lang}
            for a in s.scalars(select(m.Article).order_by(m.Article.id))]


def place_mention_dicts(s: Session) -> list[dict[str, Any]]:
    """Return every stored place mention with the document it is in."""
    rows = s.execute(select(m.PlaceMention, m.Article.doc_id).join(
        m.Article, m.Article.id == m.PlaceMention.article_id)
        .order_by(m.PlaceMention.id)).all()
    return [{"doc": doc, "surface": p.surface, "start": p.start, "end": p.end,
             "name": p.name, "geonameid": p.geonameid, "admin1": p.admin1,
             "country": p.country, "confidence": p.confidence, "method": p.method,
             "explanation": p.explanation} for p, doc in rows]
