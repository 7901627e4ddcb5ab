"""The one write path of the store: new batches, re-extraction and their fusion.

A batch is written in one transaction: its new articles, their place and event
mentions, their lookup keys, and the fusion of the batch with what is stored
(rewrite families, canonical events, conflicts, name flags). A run killed between
two batches leaves the store exactly as after the last committed batch; articles
already stored (same normalised content hash) are skipped, so re-running the same
input adds nothing. :class:`wirewatch.store.Store` calls these in its transactions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from wirewatch.document import Document
from wirewatch.fuse.confidence import event_confidence
from wirewatch.fuse.config import FusionConfig
from wirewatch.fuse.events import Member, Window, fusion_place, shift, summarise
from wirewatch.fuse.families import (
    MAX_CANDIDATES,
    MAX_GAP_DAYS,
    ArticleFeatures,
    Link,
    article_features,
    match_batch,
)
from wirewatch.fuse.groups import DisjointSets
from wirewatch.fuse.names import name_flags
from wirewatch.fuse.text import content_hash, key64
from wirewatch.store import models as m
from wirewatch.store.canonical import Seed, refuse, single, sort_day
from wirewatch.store.db import chunks as _chunks
from wirewatch.store.review import follow, reapply


def outlet_of(doc: Document) -> str | None:
    """Return the outlet of a document: as given, else its site name, else its URL's host."""
    if doc.outlet:
        return doc.outlet
    if doc.site_name:
        return doc.site_name
    if doc.url:
        host = urlsplit(doc.url).hostname
        # the store keeps 300 characters of an outlet; a host name can be longer
        return host.removeprefix("www.")[:300] if host else None
    return None


@dataclass(frozen=True)
class Extracted:
    """One document and what extraction found in it (contract JSON dicts)."""

    doc: Document
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]
    unread: str | None = None  # why the document was not read (its language), if it was not


@dataclass
class BatchResult:
    """What one committed batch did."""

    stored: int = 0
    skipped: int = 0
    article_ids: list[int] = field(default_factory=list)
    links: int = 0
    canonical_touched: int = 0



def known_hashes(s: Session, hashes: Iterable[str]) -> set[str]:
    """Return which of these content hashes are stored already."""
    found: set[str] = set()
    for chunk in _chunks(list(dict.fromkeys(hashes))):
        found.update(s.scalars(select(m.Article.content_hash)
                               .where(m.Article.content_hash.in_(chunk))))
    return found


def stored_documents(s: Session, article_ids: Sequence[int]) -> list[Document]:
    """Return the stored articles with these ids as documents (for re-extraction), in the
    order given; unknown ids are left out."""
    found = {a.id: a for chunk in _chunks(list(article_ids))
             for a in s.scalars(select(m.Article).where(m.Article.id.in_(chunk)))}
    return [Document(id=a.doc_id, text=a.text, title=a.title, url=a.url,
                     outlet=a.outlet, published=a.published, source=a.source,
                     author=a.author, site_name=a.site_name, lang=a.lang,
                     extra=tuple(sorted((str(k), str(v)) for k, v in (a.extra or {}).items())))
            for i in article_ids if (a := found.get(i)) is not None]


def stored_places(s: Session, article_id: int) -> list[dict[str, Any]]:
    """Return an article's stored place mentions as extraction gives them."""
    return [{"surface": p.surface, "start": p.start, "end": p.end, "geonameid": p.geonameid,
             "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
             "admin1": p.admin1, "confidence": p.confidence, "method": p.method,
             "explanation": p.explanation}
            for p in s.scalars(select(m.PlaceMention).where(m.PlaceMention.article_id
                                                             == article_id)
                               .order_by(m.PlaceMention.id))]


def write_batch(s: Session, batch: Sequence[Extracted], fusion: FusionConfig) -> BatchResult:
    """Store a batch of extracted documents and fuse it (in the caller's transaction) with
    the fusion tolerances ``fusion``; return what it stored and skipped."""
    res = BatchResult()
    hashes = [content_hash(x.doc.text) for x in batch]
    known = known_hashes(s, hashes)
    now = datetime.now()
    new: list[tuple[Extracted, m.Article, ArticleFeatures]] = []
    for x, h in zip(batch, hashes, strict=True):
        if h in known:
            res.skipped += 1
            continue
        known.add(h)
        d = x.doc
        outlet = outlet_of(d)
        feats = article_features(0, d.text, d.published, outlet, x.events, x.places,
                                 lang=d.lang)
        art = m.Article(content_hash=h, doc_id=d.id, source=d.source, url=d.url,
                        title=d.title, outlet=outlet, author=d.author, site_name=d.site_name,
                        published=d.published, extra=dict(d.extra), text=d.text,
                        lang=d.lang, ingested_at=now, minhash=feats.signature,
                        features=feats.to_json())
        new.append((x, art, feats))
    if not new:
        return res
    s.add_all([a for _, a, _ in new])
    s.flush()
    feats_by_id: list[ArticleFeatures] = []
    mention_rows: list[m.EventMention] = []
    place_rows: list[dict[str, Any]] = []
    flag_rows: list[dict[str, Any]] = []
    for x, art, f in new:
        f2 = replace(f, id=art.id)
        feats_by_id.append(f2)
        place_rows.extend(_place_row(art.id, p) for p in x.places)
        for e in x.events:
            row = _event_row(art, e, fusion)
            s.add(row)
            mention_rows.append(row)
        flag_rows.extend({"article_id": art.id, **fl.__dict__}
                         for fl in name_flags(x.doc.text, x.events))
    _insert(s, m.PlaceMention, place_rows)
    _insert(s, m.NameFlag, flag_rows)
    s.flush()
    res.stored = len(new)
    res.article_ids = [a.id for _, a, _ in new]

    # rewrite families: compare with stored candidates, then index this batch's keys
    links = match_batch(feats_by_id, lambda b: _family_candidates(s, b), fusion)
    _insert(s, m.RewriteLink, [{"article_id": lk.article, "other_id": lk.other,
                                "kind": lk.kind, "score": lk.score,
                                "reasons": list(lk.reasons)} for lk in links])
    _insert(s, m.LshBand, [{"band_key": k, "article_id": f.id} for f in feats_by_id
                           for k in set(f.bands)])
    _insert(s, m.ArticleEventKey, [{"key": key64(k), "article_id": f.id,
                                    "published": f.published}
                                   for f in feats_by_id for k in f.lookup_keys()])
    regrouped = _apply_links(s, links, set(res.article_ids))
    res.links = len(links)
    s.flush()

    # canonical events
    ids = _fuse_mentions(s, mention_rows, [], fusion, now)
    if regrouped:
        ids |= _canonicals_of_articles(s, regrouped)
    resummarise(s, sorted(ids), now)
    res.canonical_touched = len(ids)
    return res


def replace_extraction(s: Session, items: Sequence[tuple[int, Extracted]],
                       fusion: FusionConfig) -> BatchResult:
    """Replace what extraction found in stored articles and fuse them again (in the
    caller's transaction); see :meth:`wirewatch.store.Store.replace_extraction`."""
    res = BatchResult()
    ids = sorted({aid for aid, _ in items})
    arts: dict[int, m.Article] = {}
    for chunk in _chunks(ids):
        arts.update({a.id: a for a in s.scalars(select(m.Article).where(m.Article.id.in_(chunk)))})
    old_canonicals = _canonicals_of_articles(s, set(arts))
    old_seeds: list[Seed] = []
    vacated: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(arts)):
        for key, lo, hi, cid in s.execute(
                select(m.EventMention.fuse_key, m.EventMention.window_lo,
                       m.EventMention.window_hi, m.CanonicalMember.canonical_id)
                .join(m.CanonicalMember,
                      m.CanonicalMember.event_mention_id == m.EventMention.id)
                .where(m.EventMention.article_id.in_(chunk),
                       m.EventMention.fuse_key.is_not(None))):
            if key is None:
                continue
            old_seeds.append((key, (lo, hi) if lo is not None and hi is not None else None))
            vacated[key].append(cid)
    for chunk in _chunks(sorted(arts)):
        old_mentions = select(m.EventMention.id).where(m.EventMention.article_id.in_(chunk))
        s.execute(delete(m.CanonicalMember)
                  .where(m.CanonicalMember.event_mention_id.in_(old_mentions)))
        for model in (m.EventMention, m.PlaceMention, m.NameFlag, m.ArticleEventKey):
            s.execute(delete(model).where(model.article_id.in_(chunk)))
    now = datetime.now()
    mention_rows: list[m.EventMention] = []
    place_rows: list[dict[str, Any]] = []
    flag_rows: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    for aid, x in items:
        art = arts.get(aid)
        if art is None:
            res.skipped += 1
            continue
        if art.irrelevant:  # an analyst said it reports no event: none are kept
            x = replace(x, events=[])
        feats = article_features(aid, art.text, art.published, art.outlet, x.events, x.places,
                                 lang=x.doc.lang or art.lang)
        art.features = feats.to_json()
        place_rows.extend(_place_row(aid, p) for p in x.places)
        for e in x.events:
            row = _event_row(art, e, fusion)
            s.add(row)
            mention_rows.append(row)
        flag_rows.extend({"article_id": aid, **fl.__dict__}
                         for fl in name_flags(art.text, x.events))
        key_rows.extend({"key": key64(k), "article_id": aid, "published": art.published}
                        for k in feats.lookup_keys())
        res.stored += 1
        res.article_ids.append(aid)
    _insert(s, m.PlaceMention, place_rows)
    _insert(s, m.NameFlag, flag_rows)
    _insert(s, m.ArticleEventKey, key_rows)
    s.flush()
    touched = _fuse_mentions(s, mention_rows, old_seeds, fusion, now, vacated)
    touched |= {c for c in old_canonicals
                if s.get(m.CanonicalEvent, c) is not None}
    resummarise(s, sorted(touched), now)
    held: set[int] = set()
    for chunk in _chunks(sorted(old_canonicals)):
        held.update(s.scalars(select(m.CanonicalMember.canonical_id).distinct()
                              .where(m.CanonicalMember.canonical_id.in_(chunk))))
    received = follow(s, sorted(old_canonicals - held))
    for chunk in _chunks(sorted(old_canonicals)):
        s.execute(delete(m.CanonicalEvent).where(
            m.CanonicalEvent.id.in_(chunk),
            ~select(m.CanonicalMember.canonical_id)
            .where(m.CanonicalMember.canonical_id == m.CanonicalEvent.id).exists()))
    if received:  # reviews that followed their reports into another event
        resummarise(s, sorted(received), now)
    res.canonical_touched = len(touched)
    return res


def _insert(s: Session, model: type[m.Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows with one executemany (no ORM objects: the batch's bulk tables)."""
    if rows:
        s.execute(insert(model), list(rows))


def _place_row(article_id: int, p: Mapping[str, Any]) -> dict[str, Any]:
    return {"article_id": article_id, "surface": p.get("surface") or "",
            "start": int(p.get("start") or 0), "end": int(p.get("end") or 0),
            "geonameid": p.get("geonameid"), "name": p.get("name"), "lat": p.get("lat"),
            "lon": p.get("lon"), "country": p.get("country"), "admin1": p.get("admin1"),
            "confidence": float(p.get("confidence") or 0.0), "method": p.get("method"),
            "explanation": p.get("explanation")}


def fuse_order(content_hash: str, mention: Mapping[str, Any]) -> str:
    """Return a mention's identity for fusion: from its article's content and its offsets
    (evidence and trigger: one sentence may hold two events of a type), the same
    whichever order or batch the article was stored in."""
    ev = mention.get("evidence") or {}
    trigger = mention.get("trigger") or {}
    place = (mention.get("place") or {}).get("geonameid")
    return (f"{content_hash[:40]}:{int(ev.get('start') or 0):09d}:"
            f"{int(ev.get('end') or 0):09d}:{int(trigger.get('start') or 0):09d}:"
            f"{str(mention.get('type'))[:30]}:{place or ''}")[:120]


def _event_row(art: m.Article, e: Mapping[str, Any], fusion: FusionConfig) -> m.EventMention:
    place = e.get("place") or {}
    d = e.get("date") or {}
    c = e.get("count") or {}
    ev = e.get("evidence") or {}
    value = c.get("value")
    key, w = fusion_place(e, art.published, fusion)
    start, end = int(ev.get("start") or 0), int(ev.get("end") or 0)
    return m.EventMention(
        article_id=art.id, type=e["type"], subtype=e.get("subtype"),
        fuse_key=key, window_lo=w[0] if w else None, window_hi=w[1] if w else None,
        fuse_order=fuse_order(art.content_hash, e),
        geonameid=place.get("geonameid"), place_name=place.get("name"),
        date_value=d.get("value"), date_precision=d.get("precision") or "unknown",
        date_basis=d.get("basis") or "unknown",
        count_value=int(value) if isinstance(value, int | float) else None,
        claimant=e.get("claimant"), modality=e.get("modality") or "asserted",
        extent=e.get("extent"), aggregate=bool(e.get("aggregate")),
        evidence_text=ev.get("text") or "", evidence_start=start, evidence_end=end,
        data=dict(e))


def _features_of(s: Session, ids: Sequence[int]) -> dict[int, ArticleFeatures]:
    out: dict[int, ArticleFeatures] = {}
    for chunk in _chunks(list(ids)):
        rows = s.execute(select(m.Article.id, m.Article.published, m.Article.outlet,
                                m.Article.minhash, m.Article.features)
                         .where(m.Article.id.in_(chunk)))
        for i, pub, outlet, sig, data in rows:
            out[i] = ArticleFeatures.from_json(i, pub, outlet, sig, data or {})
    return out


def _family_candidates(s: Session, batch: Sequence[ArticleFeatures]
                       ) -> dict[int, list[ArticleFeatures]]:
    """Stored articles that share an LSH band, or an event key within the date gap."""
    cand_ids: dict[int, set[int]] = defaultdict(set)
    band_owner: dict[int, list[int]] = defaultdict(list)
    for f in batch:
        for k in set(f.bands):
            band_owner[k].append(f.id)
    for chunk in _chunks(list(band_owner)):
        for k, aid in s.execute(select(m.LshBand.band_key, m.LshBand.article_id)
                                .where(m.LshBand.band_key.in_(chunk))):
            for owner in band_owner[k]:
                cand_ids[owner].add(aid)
    for f in batch:
        for ek in f.lookup_keys():
            stmt = select(m.ArticleEventKey.article_id).where(m.ArticleEventKey.key == key64(ek))
            if f.published:
                # undated stored articles are candidates too, as they are within a batch
                # (match_batch): the links must not depend on where a batch ends
                near = m.ArticleEventKey.published.between(
                    shift(f.published, -MAX_GAP_DAYS), shift(f.published, MAX_GAP_DAYS))
                stmt = stmt.where(or_(near, m.ArticleEventKey.published.is_(None)))
                stmt = stmt.order_by(m.ArticleEventKey.published.desc())
            else:
                stmt = stmt.order_by(m.ArticleEventKey.article_id.desc())
            cand_ids[f.id].update(s.scalars(stmt.limit(MAX_CANDIDATES)))
    feats = _features_of(s, sorted({i for ids in cand_ids.values() for i in ids}))
    return {fid: [feats[i] for i in sorted(ids) if i in feats] for fid, ids in cand_ids.items()}


def _apply_links(s: Session, links: Sequence[Link], new_ids: set[int]) -> set[int]:
    """Union the linked articles into families; return the stored (older) articles whose
    family changed, since canonical events holding them must recount their sources.

    Families are merged in memory (union-find over articles and families), then written
    with a few set-based statements; a family's head is kept incrementally as the member
    with the earliest publication date.
    """
    if not links:
        return set()
    ids = sorted({i for lk in links for i in (lk.article, lk.other)})
    fam: dict[int, int | None] = {}
    pub: dict[int, date | None] = {}
    alone: set[int] = set()  # split out of their family by an analyst: kept out
    for chunk in _chunks(ids):
        for aid, fid, p, solo in s.execute(
                select(m.Article.id, m.Article.family_id, m.Article.published,
                       m.Article.family_alone).where(m.Article.id.in_(chunk))):
            fam[aid], pub[aid] = fid, p
            if solo:
                alone.add(aid)
    links = [lk for lk in links if lk.article not in alone and lk.other not in alone]
    fams: dict[int, m.RewriteFamily] = {}
    old = sorted({f for f in fam.values() if f is not None})
    for chunk in _chunks(old):
        fams.update({f.id: f for f in s.scalars(select(m.RewriteFamily)
                                                 .where(m.RewriteFamily.id.in_(chunk)))})
    sets = DisjointSets()

    def node(aid: int) -> str:
        f = fam.get(aid)
        return f"f{f}" if f is not None else f"a{aid}"

    for lk in links:
        sets.union(node(lk.article), node(lk.other))
    groups = sets.groups()
    now = datetime.now()
    regrouped: set[int] = set()
    plans = []
    for members in groups.values():
        fam_ids = sorted(int(n[1:]) for n in members if n[0] == "f")
        loners = sorted(int(n[1:]) for n in members if n[0] == "a")
        if len(fam_ids) + len(loners) < 2:
            continue
        if fam_ids:
            target = fams[max(fam_ids, key=lambda f: (fams[f].size, -f))]
        else:
            target = m.RewriteFamily(head_article_id=loners[0], size=0, created_at=now,
                                     first_published=None, last_published=None)
            s.add(target)
        plans.append((fam_ids, loners, target))
    s.flush()  # ids of the new families
    for fam_ids, loners, target in plans:
        keep = target.id
        gone = [f for f in fam_ids if f != keep]
        if gone:
            moved = list(s.scalars(select(m.Article.id).where(m.Article.family_id.in_(gone))))
            regrouped.update(a for a in moved if a not in new_ids)
            s.execute(update(m.Article).where(m.Article.family_id.in_(gone))
                      .values(family_id=keep).execution_options(synchronize_session=False))
        if loners:
            regrouped.update(a for a in loners if a not in new_ids)
            s.execute(update(m.Article).where(m.Article.id.in_(loners))
                      .values(family_id=keep).execution_options(synchronize_session=False))
        # head = earliest published (undated last), kept incrementally
        heads = [(fams[f].first_published or date.max, fams[f].head_article_id)
                 for f in fam_ids] + [(pub.get(a) or date.max, a) for a in loners]
        first_pub, head = min(heads)
        lasts = [fams[f].last_published for f in fam_ids] + [pub.get(a) for a in loners]
        known = [d for d in lasts if d is not None]
        target.head_article_id = head
        target.first_published = None if first_pub == date.max else first_pub
        target.last_published = max(known) if known else None
        target.size = sum(fams[f].size for f in fam_ids) + len(loners)
        for f in gone:
            s.delete(fams[f])
    s.flush()
    return regrouped


def _fuse_mentions(s: Session, rows: Sequence[m.EventMention], removed: Sequence[Seed],
                   fusion: FusionConfig, now: datetime,
                   vacated: Mapping[str, Sequence[int]] | None = None) -> set[int]:
    """Fuse new mentions (and the groups mentions were ``removed`` from, leaving the
    canonical events ``vacated``) into canonical events; return the canonical events
    touched. See :mod:`wirewatch.store.canonical`."""
    seeds: list[Seed] = list(removed)
    touched: set[int] = set()
    for r in rows:
        w: Window | None = (r.window_lo, r.window_hi) if r.window_lo and r.window_hi else None
        if r.fuse_key is None:
            touched.add(single(s, r, w, now))
        else:
            seeds.append((r.fuse_key, w))
    return touched | refuse(s, seeds, fusion, now, vacated)


def _canonicals_of_articles(s: Session, article_ids: set[int]) -> set[int]:
    out: set[int] = set()
    for chunk in _chunks(sorted(article_ids)):
        out.update(s.scalars(select(m.CanonicalMember.canonical_id).join(
            m.EventMention, m.EventMention.id == m.CanonicalMember.event_mention_id)
            .where(m.EventMention.article_id.in_(chunk))))
    return out


def _members(s: Session, canonical_ids: Sequence[int]) -> dict[int, list[Member]]:
    out: dict[int, list[Member]] = defaultdict(list)
    for chunk in _chunks(list(canonical_ids)):
        rows = s.execute(
            select(m.CanonicalMember.canonical_id, m.EventMention.id, m.EventMention.data,
                   m.Article.id, m.Article.doc_id, m.Article.outlet, m.Article.published,
                   m.Article.family_id)
            .join(m.EventMention, m.EventMention.id == m.CanonicalMember.event_mention_id)
            .join(m.Article, m.Article.id == m.EventMention.article_id)
            .where(m.CanonicalMember.canonical_id.in_(chunk))
            .order_by(m.EventMention.fuse_order, m.EventMention.id))
        for cid, mid, data, aid, doc, outlet, pub, fam in rows:
            out[cid].append(Member(mid, aid, doc, outlet, pub, fam, data))
    return out


def resummarise(s: Session, canonical_ids: Sequence[int], now: datetime) -> None:
    """Recompute the summaries and conflicts of these canonical events from their members,
    then put the analysts' reviews back over them (:func:`wirewatch.store.review.reapply`)."""
    members = _members(s, canonical_ids)
    for chunk in _chunks(list(canonical_ids)):
        s.execute(delete(m.Conflict).where(m.Conflict.canonical_id.in_(chunk)))
    windows: dict[int, date | None] = {}
    for chunk in _chunks(list(canonical_ids)):
        windows.update({r[0]: r[1] for r in s.execute(
            select(m.CanonicalEvent.id, m.CanonicalEvent.window_hi)
            .where(m.CanonicalEvent.id.in_(chunk)))})
    rows: list[dict[str, Any]] = []
    conflict_rows: list[dict[str, Any]] = []
    for cid in canonical_ids:
        ms = members.get(cid, [])
        if not ms:
            continue
        sm = summarise(ms)
        denied = any((x.data or {}).get("modality") == "denied" for x in ms)
        rows.append(dict(
            verification="corroborated" if len(sm.independent_sources) >= 2 and not denied
            else "unverified",
            id=cid, date_value=sm.date_value, date_precision=sm.date_precision,
            sort_date=sort_day(sm.date_value, windows.get(cid)), modality=sm.modality,
            count_value=sm.count, extent=sm.extent, n_mentions=len(ms),
            n_sources=len(sm.independent_sources), n_conflicts=len(sm.conflicts),
            updated_at=now,
            summary={"outlets": sm.outlets, "claimants": sm.claimants,
                     "source_groups": sm.source_groups,
                     "independent_sources": sm.independent_sources,
                     "n_articles": len({x.article for x in ms}),
                     "confidence": event_confidence(ms, sm.source_groups)}))
        conflict_rows.extend({"canonical_id": cid, "kind": c["kind"],
                              "value_a": c["a"]["value"], "value_b": c["b"]["value"],
                              "mentions_a": c["a"]["mentions"],
                              "mentions_b": c["b"]["mentions"]} for c in sm.conflicts)
    if rows:
        s.execute(update(m.CanonicalEvent), rows)
    _insert(s, m.Conflict, conflict_rows)
    reapply(s, canonical_ids)
