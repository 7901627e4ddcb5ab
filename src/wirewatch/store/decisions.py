"""Analysts' decisions on fusion: merge two canonical events, split mentions out of one,
merge two rewrite families, split an article out of its family.

They are kept beside the machine's output, never instead of it. An event merge or split
becomes *pin groups* (``pin_groups``, ``mention_pins``): the mentions, by their stable
identity (``event_mentions.fuse_order``: the article's content and the mention's offsets,
unchanged by re-extraction), that belong together in one canonical event and apart from
every other group, and the event holding each group. Fusion applies them whenever it
clusters those mentions again (:func:`wirewatch.store.canonical.pin_clusters`), so the
decision survives new articles and re-extraction. A family merge is a union (families
only ever grow, so it stays); a family split marks the article ``family_alone``, and the
links found later do not pull it back.

Every decision is a row of the audit trail on each event or family concerned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wirewatch.fuse.events import Cluster, Placed
from wirewatch.store import models as m
from wirewatch.store.canonical import new_canonical
from wirewatch.store.db import chunks
from wirewatch.store.review import (
    NotFound,
    ReviewError,
    StaleVersion,
    anchor_of,
    bump,
    move_review,
)

CM, EM = m.CanonicalMember, m.EventMention


def _event(s: Session, canonical_id: int) -> m.CanonicalEvent:
    ce = s.get(m.CanonicalEvent, canonical_id)
    if ce is None:
        raise NotFound(f"no canonical event {canonical_id}")
    return ce


def _check_version(s: Session, canonical_id: int, version: int | None) -> None:
    rev = s.scalar(select(m.EventReview).where(m.EventReview.canonical_id == canonical_id))
    current = rev.version if rev else 0
    if version is not None and version != current:
        raise StaleVersion(version, current)


def _log(s: Session, kind: str, target: int, action: str, after: dict[str, object],
         actor: str, now: datetime, note: str | None, version: int | None = None) -> None:
    s.add(m.ReviewDecision(target_kind=kind, target_id=target, action=action, before=None,
                           after=after, actor=actor, at=now, note=note, version=version))


def pin(s: Session, keys: Sequence[str], canonical_id: int, actor: str, now: datetime
        ) -> m.PinGroup:
    """Pin these mention identities together in one group held by ``canonical_id``: the
    groups they were in are joined into it (a group is what must stay together)."""
    existing: set[int] = set()
    for chunk in chunks(sorted(set(keys))):
        existing.update(s.scalars(select(m.MentionPin.group_id)
                                  .where(m.MentionPin.mention_key.in_(chunk))))
    if existing:
        group = s.get(m.PinGroup, min(existing))
        assert group is not None
        for other in sorted(existing - {group.id}):
            s.execute(update(m.MentionPin).where(m.MentionPin.group_id == other)
                      .values(group_id=group.id))
            s.execute(delete(m.PinGroup).where(m.PinGroup.id == other))
    else:
        group = m.PinGroup(created_by=actor, created_at=now)
        s.add(group)
        s.flush()
    group.canonical_id = canonical_id
    pinned: set[str] = set()
    for chunk in chunks(sorted(set(keys))):
        pinned.update(s.scalars(select(m.MentionPin.mention_key)
                                .where(m.MentionPin.mention_key.in_(chunk))))
    rows = [{"mention_key": k, "group_id": group.id} for k in sorted(set(keys) - pinned)]
    if rows:
        s.execute(insert(m.MentionPin), rows)
    s.flush()
    return group


def _group_keys(s: Session, group_id: int) -> list[str]:
    return list(s.scalars(select(m.MentionPin.mention_key)
                          .where(m.MentionPin.group_id == group_id)))


def merge_events(s: Session, target: int, other: int, actor: str, now: datetime,
                 version: int | None, other_version: int | None = None,
                 note: str | None = None) -> int:
    """Merge event ``other`` into event ``target`` (an analyst says they are one event):
    every mention of both, and of the pin groups they were in, is pinned to ``target``;
    ``other`` leaves the record and its review follows into ``target`` (the later
    decision wins: :func:`wirewatch.store.review.combine`). Return the target's new
    version. Raises NotFound, StaleVersion (either event changed since ``version`` /
    ``other_version``) or ReviewError."""
    from wirewatch.store.write import resummarise

    _event(s, target)
    _event(s, other)
    if target == other:
        raise ReviewError("other: an event cannot be merged into itself")
    _check_version(s, target, version)
    _check_version(s, other, other_version)
    group = pin(s, anchor_of(s, target) + anchor_of(s, other), target, actor, now)
    keys = _group_keys(s, group.id)
    moving: set[int] = set(s.scalars(select(CM.event_mention_id)
                                     .where(CM.canonical_id == other)))
    for chunk in chunks(keys):  # and the mentions of the groups joined, wherever they are
        moving.update(s.scalars(select(CM.event_mention_id)
                                .join(EM, EM.id == CM.event_mention_id)
                                .where(EM.fuse_order.in_(chunk), CM.canonical_id != target)))
    sources: set[int] = set()
    for chunk in chunks(sorted(moving)):
        sources.update(s.scalars(select(CM.canonical_id).where(CM.event_mention_id.in_(chunk))))
        s.execute(update(CM).where(CM.event_mention_id.in_(chunk))
                  .values(canonical_id=target).execution_options(synchronize_session=False))
    moved = len(moving)
    _log(s, "event", other, "merged-into", {"event": target}, actor, now, note)
    move_review(s, other, target, now, actor, f"merged into event {target} by {actor}")
    rev = bump(s, target, actor, now)
    rev.anchor = anchor_of(s, target)
    _log(s, "event", target, "merge", {"merged": other, "mentions_moved": moved}, actor,
         now, note, rev.version)
    elsewhere = sorted(sources - {target, other})  # events the joined groups left
    emptied = [c for c in elsewhere if c in _drop_empty(s, elsewhere, follow_reviews=True)]
    _drop_empty(s, [other])
    s.flush()
    resummarise(s, [target, *(c for c in elsewhere if c not in emptied)], now)
    return rev.version


def _drop_empty(s: Session, canonical_ids: Sequence[int], follow_reviews: bool = False
                ) -> list[int]:
    """Delete those of these events left without members (their reviews following their
    reports when ``follow_reviews``); return them."""
    from wirewatch.store.review import follow

    gone = [c for c in canonical_ids
            if s.scalar(select(CM.canonical_id).where(CM.canonical_id == c).limit(1)) is None]
    if follow_reviews:
        follow(s, gone)
    for chunk in chunks(gone):
        s.execute(delete(m.Conflict).where(m.Conflict.canonical_id.in_(chunk)))
        s.execute(delete(m.CanonicalEvent).where(m.CanonicalEvent.id.in_(chunk)))
    return gone


def split_event(s: Session, canonical_id: int, mention_ids: Sequence[int], actor: str,
                now: datetime, version: int | None, note: str | None = None
                ) -> tuple[int, int]:
    """Move these mentions of an event out into a new event (an analyst says they report
    another event): both parts are pinned, apart. Return (the new event's id, the old
    event's new version). Raises NotFound, StaleVersion or ReviewError."""
    from wirewatch.store.write import resummarise

    _event(s, canonical_id)
    members = {mid: (key, lo, hi) for mid, key, lo, hi in s.execute(
        select(EM.id, EM.fuse_order, EM.window_lo, EM.window_hi)
        .join(CM, CM.event_mention_id == EM.id).where(CM.canonical_id == canonical_id))}
    chosen = sorted(set(mention_ids))
    if not chosen:
        raise ReviewError("mentions: name the mentions to move out")
    strangers = [i for i in chosen if i not in members]
    if strangers:
        raise ReviewError(f"mentions: {strangers[0]} is not a mention of event "
                          f"{canonical_id}")
    if len(chosen) == len(members):
        raise ReviewError("mentions: leave at least one mention in the event")
    _check_version(s, canonical_id, version)
    out_keys = [members[i][0] or "" for i in chosen]
    rest_keys = [k or "" for i, (k, _, _) in members.items() if i not in chosen]
    for chunk in chunks(out_keys):
        s.execute(delete(m.MentionPin).where(m.MentionPin.mention_key.in_(chunk)))
    pin(s, rest_keys, canonical_id, actor, now)
    wins = [(lo, hi) for i in chosen for _, lo, hi in [members[i]] if lo and hi]
    window = (min(w[0] for w in wins), max(w[1] for w in wins)) if wins else None
    first = s.get(m.EventMention, chosen[0])
    assert first is not None
    new = new_canonical(s, Cluster(first.fuse_key or "", window, [
        Placed(i, first.fuse_key or "", window, members[i][0] or "") for i in chosen]), now)
    pin(s, out_keys, new, actor, now)
    s.execute(update(CM).where(CM.event_mention_id.in_(chosen)).values(canonical_id=new)
              .execution_options(synchronize_session=False))
    rev = bump(s, canonical_id, actor, now)
    rev.anchor = anchor_of(s, canonical_id)
    _log(s, "event", canonical_id, "split", {"new_event": new, "mentions": chosen}, actor,
         now, note, rev.version)
    _log(s, "event", new, "split-from", {"event": canonical_id, "mentions": chosen}, actor,
         now, note)
    s.flush()
    resummarise(s, [canonical_id, new], now)
    return new, rev.version


# ---------------------------------------------------------------------- families


def _family(s: Session, family_id: int) -> m.RewriteFamily:
    fam = s.get(m.RewriteFamily, family_id)
    if fam is None:
        raise NotFound(f"no rewrite family {family_id}")
    return fam


def _refresh_family(s: Session, fam: m.RewriteFamily) -> list[int]:
    """Recompute a family's size, head and dates from its members (deleting it when fewer
    than two are left); return its members' ids."""
    rows = list(s.execute(select(m.Article.id, m.Article.published)
                          .where(m.Article.family_id == fam.id)))
    if len(rows) < 2:
        s.execute(update(m.Article).where(m.Article.family_id == fam.id)
                  .values(family_id=None).execution_options(synchronize_session=False))
        s.delete(fam)
        return [aid for aid, _ in rows]
    first = min(rows, key=lambda r: (r[1] or date.max, r[0]))
    known = [p for _, p in rows if p is not None]
    fam.size, fam.head_article_id = len(rows), first[0]
    fam.first_published = first[1]
    fam.last_published = max(known) if known else None
    return [aid for aid, _ in rows]


def _recount(s: Session, article_ids: Sequence[int], now: datetime) -> None:
    """Re-summarise the canonical events holding these articles (their independent
    sources follow the families)."""
    from wirewatch.store.write import _canonicals_of_articles, resummarise

    resummarise(s, sorted(_canonicals_of_articles(s, set(article_ids))), now)


def _check_family(fam: m.RewriteFamily, version: int | None) -> None:
    if version is not None and version != fam.version:
        raise StaleVersion(version, fam.version, "family")


def merge_families(s: Session, target: int, other: int, actor: str, now: datetime,
                   note: str | None = None, version: int | None = None,
                   other_version: int | None = None) -> int:
    """Merge rewrite family ``other`` into ``target`` (an analyst says they retell one
    report): one family, whose events count them as one source. ``version`` and
    ``other_version``: the families' versions the decision was made on (None: not
    checked); return the target's new version. Raises NotFound, StaleVersion or
    ReviewError."""
    fam = _family(s, target)
    gone = _family(s, other)
    if target == other:
        raise ReviewError("other: a family cannot be merged into itself")
    _check_family(fam, version)
    _check_family(gone, other_version)
    s.execute(update(m.Article).where(m.Article.family_id == other)
              .values(family_id=target, family_alone=False)
              .execution_options(synchronize_session=False))
    s.delete(gone)
    s.flush()
    members = _refresh_family(s, fam)
    fam.version += 1
    _log(s, "family", target, "family.merge", {"merged": other, "size": len(members)},
         actor, now, note, fam.version)
    _log(s, "family", other, "family.merged-into", {"family": target}, actor, now, note)
    s.flush()
    _recount(s, members, now)
    return fam.version


def split_article(s: Session, family_id: int, article_id: int, actor: str, now: datetime,
                  note: str | None = None, version: int | None = None) -> int | None:
    """Take an article out of its rewrite family (an analyst says it is not a rewrite of
    the others): it stands alone, and links found later do not pull it back (until it is
    put back, :func:`rejoin_article`). ``version``: the family's version the decision was
    made on (None: not checked). Return the family's new version, or None when it was
    dissolved (one article left)."""
    fam = _family(s, family_id)
    art = s.get(m.Article, article_id)
    if art is None or art.family_id != family_id:
        raise ReviewError(f"article: {article_id} is not in family {family_id}")
    _check_family(fam, version)
    art.family_id, art.family_alone = None, True
    s.flush()
    members = _refresh_family(s, fam)
    dissolved = len(members) < 2
    if not dissolved:
        fam.version += 1
    # the members left are kept, so that the split can be undone after a dissolution
    _log(s, "family", family_id, "family.split",
         {"article": article_id, "size": len(members), "members": members}, actor, now,
         note, None if dissolved else fam.version)
    _log(s, "article", article_id, "family.split", {"family": family_id}, actor, now, note)
    s.flush()
    _recount(s, [*members, article_id], now)
    return None if dissolved else fam.version


def rejoin_article(s: Session, article_id: int, actor: str, now: datetime,
                   note: str | None = None, version: int | None = None) -> int:
    """Put an article an analyst split out of its rewrite family back (undo the split):
    into that family, or, when the split dissolved it, into the family its other
    members are in now (the family is made again, with its old id, when they are in
    none). ``version``: the family's version (None: not checked). Return the id of the
    family the article is in. Raises NotFound, StaleVersion or ReviewError (the article
    was not split out of a family)."""
    art = s.get(m.Article, article_id)
    if art is None:
        raise NotFound(f"no article {article_id}")
    split = s.scalar(select(m.ReviewDecision).where(
        m.ReviewDecision.target_kind == "article", m.ReviewDecision.target_id == article_id,
        m.ReviewDecision.action == "family.split").order_by(m.ReviewDecision.id.desc())
        .limit(1))
    if not art.family_alone or split is None:
        raise ReviewError(f"article: {article_id} was not split out of a rewrite family")
    family_id = int((split.after or {})["family"])
    fam = s.get(m.RewriteFamily, family_id)
    if fam is None:  # the split dissolved it: where are its other members now?
        record = s.scalar(select(m.ReviewDecision).where(
            m.ReviewDecision.target_kind == "family",
            m.ReviewDecision.target_id == family_id,
            m.ReviewDecision.action == "family.split").order_by(
            m.ReviewDecision.id.desc()).limit(1))
        former = [int(x) for x in ((record.after or {}).get("members") or [])] if record \
            else []
        others = list(s.scalars(select(m.Article).where(m.Article.id.in_(former or [-1]))))
        if not others:
            raise ReviewError(f"article: the other articles of family {family_id} are gone")
        now_in = sorted({a.family_id for a in others if a.family_id is not None})
        if now_in:
            fam = s.get(m.RewriteFamily, now_in[0])
            assert fam is not None
        else:
            free = [a for a in others if not a.family_alone]
            if not free:
                raise ReviewError(f"article: the other articles of family {family_id} were "
                                  "split out too")
            fam = m.RewriteFamily(id=family_id, head_article_id=article_id, size=0,
                                  created_at=now, version=0)
            s.add(fam)
            s.flush()
            for a in free:
                a.family_id = fam.id
    _check_family(fam, version)
    art.family_id, art.family_alone = fam.id, False
    s.flush()
    members = _refresh_family(s, fam)
    fam.version += 1
    _log(s, "family", fam.id, "family.rejoin", {"article": article_id,
                                                "size": len(members)}, actor, now, note,
         fam.version)
    _log(s, "article", article_id, "family.rejoin", {"family": fam.id}, actor, now, note)
    s.flush()
    _recount(s, members, now)
    return fam.id
