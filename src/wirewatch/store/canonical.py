"""Canonical events in the store: the groups of mentions a write touched, clustered again.

A write hands over *seeds*: the key and window of each mention it added or removed.
For each, the store loads the component of stored mentions of that key whose windows
chain into the seed's (:func:`wirewatch.fuse.events.components`), clusters it again
(:func:`wirewatch.fuse.events.cluster`) and writes the difference: memberships that
moved, canonical events created, emptied ones deleted. Since a component is a function
of the stored mentions, and its clustering a function of the component, the store's
canonical events do not depend on batch size, file order or how a run was split.

Canonical event ids stay stable where they can: a cluster keeps the id of the stored
canonical event holding most of its mentions.

Analysts' merges and splits are kept beside this as *pin groups* (``pin_groups``,
``mention_pins``): mentions, by their stable identity, that belong together in one
canonical event and apart from every other group. :func:`pin_clusters` applies them to
the clusters before they are written (a group's mentions are gathered into the event the
group is held in, whatever the clustering said), so merges and splits survive new
articles and re-extraction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wirewatch.fuse.config import FusionConfig
from wirewatch.fuse.events import Cluster, Placed, Window, cluster, components, shift
from wirewatch.store import models as m
from wirewatch.store.db import chunks

Seed = tuple[str, Window | None]


def refuse(s: Session, seeds: Iterable[Seed], fusion: FusionConfig, now: datetime,
           vacated: Mapping[str, Sequence[int]] | None = None) -> set[int]:
    """Cluster again the components of stored mentions these seeds fall in; return the
    canonical events that now hold them (kept or created). Canonical events left without
    any member are deleted. ``vacated``: per key, canonical events whose mentions were
    just removed (re-extraction); a cluster that no stored event holds takes one of
    their ids before a new one is made, so a re-extracted event keeps its page."""
    by_key: dict[str, list[Window | None]] = defaultdict(list)
    for key, w in seeds:
        by_key[key].append(w)
    touched: set[int] = set()
    for key in sorted(by_key):
        tol = fusion.tolerance(key.split("|", 1)[0])
        loaded = _load_component(s, key, by_key[key], tol, fusion)
        placed = [p for p, _ in loaded.values()]
        current = {mid: cid for mid, (_, cid) in loaded.items()}
        clusters = [c for comp in components(placed, tol) for c in cluster(comp, tol)]
        touched |= _write_clusters(s, clusters, current, now,
                                   list((vacated or {}).get(key, ())))
    return touched


def _load_component(s: Session, key: str, windows: Sequence[Window | None], tol: int,
                    fusion: FusionConfig) -> dict[int, tuple[Placed, int | None]]:
    """Return the stored mentions of ``key`` whose windows chain into any of ``windows``,
    with their current canonical event (None: not fused yet)."""
    out: dict[int, tuple[Placed, int | None]] = {}
    if any(w is None for w in windows):
        out.update(_rows(s, key, None, tol, fusion))
    spans: list[Window] = []
    for w in sorted(w for w in windows if w is not None):
        if spans and w[0] <= shift(spans[-1][1], tol):  # seeds that meet: one search
            spans[-1] = (spans[-1][0], max(spans[-1][1], w[1]))
        else:
            spans.append(w)
    for lo, hi in spans:
        if any(p.window and p.window[0] <= lo and hi <= p.window[1] for p, _ in out.values()):
            continue  # inside a component loaded already
        while True:
            found = _rows(s, key, (lo, hi), tol, fusion)
            out.update(found)
            wins = [p.window for p, _ in found.values() if p.window is not None]
            new_lo = min([lo, *(w[0] for w in wins)])
            new_hi = max([hi, *(w[1] for w in wins)])
            if (new_lo, new_hi) == (lo, hi):
                break
            lo, hi = new_lo, new_hi
    return out


def _rows(s: Session, key: str, span: Window | None, tol: int, fusion: FusionConfig
          ) -> dict[int, tuple[Placed, int | None]]:
    em = m.EventMention
    stmt = (select(em.id, em.window_lo, em.window_hi, em.fuse_order,
                   m.CanonicalMember.canonical_id)
            .outerjoin(m.CanonicalMember, m.CanonicalMember.event_mention_id == em.id)
            .where(em.fuse_key == key))
    if span is None:
        stmt = stmt.where(em.window_lo.is_(None))
    else:
        # windows are at most max_window_days wide (wider ones fuse with nothing), so the
        # index on (fuse_key, window_lo) bounds the search on both sides
        lo, hi = span
        stmt = stmt.where(em.window_lo.between(shift(lo, -(tol + fusion.max_window_days)),
                                               shift(hi, tol)),
                          em.window_hi >= shift(lo, -tol))
    out: dict[int, tuple[Placed, int | None]] = {}
    for mid, wlo, whi, order, cid in s.execute(stmt):
        w = (wlo, whi) if wlo is not None and whi is not None else None
        out[mid] = (Placed(mid, key, w, order or f"~{mid:012d}"), cid)
    return out


def _pins(s: Session, orders: Sequence[str]) -> dict[str, tuple[int, int | None]]:
    """The pin group of each of these mention identities, and the event holding it (None
    when it has none, or that event is gone)."""
    out: dict[str, tuple[int, int | None]] = {}
    for chunk in chunks(list(orders)):
        rows = s.execute(select(m.MentionPin.mention_key, m.MentionPin.group_id,
                                m.PinGroup.canonical_id, m.CanonicalEvent.id)
                         .join(m.PinGroup, m.PinGroup.id == m.MentionPin.group_id)
                         .outerjoin(m.CanonicalEvent,
                                    m.CanonicalEvent.id == m.PinGroup.canonical_id)
                         .where(m.MentionPin.mention_key.in_(chunk)))
        out.update({key: (gid, alive) for key, gid, _, alive in rows})
    return out


def pin_clusters(clusters: Sequence[Cluster], pins: Mapping[str, tuple[int, int | None]]
                 ) -> tuple[list[Cluster], dict[int, int | None], dict[int, int]]:
    """Apply the analysts' pin groups to clusters: a cluster holding mentions of pin
    groups is cut into one part per group (its unpinned mentions go with the largest
    part), and the parts of one group are joined. Return the clusters, the event each
    pinned cluster must keep (by ``id()`` of the cluster; None: choose as usual) and the
    pin group of each pinned cluster (by ``id()``)."""
    free: list[Cluster] = []
    parts: dict[int, list[Placed]] = defaultdict(list)
    for c in clusters:
        here: dict[int, list[Placed]] = defaultdict(list)
        loose: list[Placed] = []
        for p in c.members:
            (here[pins[p.order][0]] if p.order in pins else loose).append(p)
        if not here:
            free.append(c)
            continue
        biggest = min(here, key=lambda g: (-len(here[g]), g))
        here[biggest].extend(loose)
        for g, ms in here.items():
            parts[g].extend(ms)
    forced: dict[int, int | None] = {}
    group_of: dict[int, int] = {}
    out = list(free)
    for g in sorted(parts):
        ms = sorted(parts[g], key=lambda p: (p.order, p.id))
        wins = [p.window for p in ms if p.window is not None]
        window = (min(w[0] for w in wins), max(w[1] for w in wins)) if wins else None
        part = Cluster(ms[0].key, window, ms)
        out.append(part)
        forced[id(part)] = next((pins[p.order][1] for p in ms if p.order in pins), None)
        group_of[id(part)] = g
    return out, forced, group_of


def _write_clusters(s: Session, clusters: Sequence[Cluster], current: dict[int, int | None],
                    now: datetime, vacated: list[int]) -> set[int]:
    """Write the clusters (with the analysts' pins applied) over what is stored; return
    the canonical ids holding them."""
    old_ids = {cid for cid in current.values() if cid is not None}
    clusters, forced, group_of = pin_clusters(
        clusters, _pins(s, [p.order for c in clusters for p in c.members]))
    taken = {cid for cid in forced.values() if cid is not None}
    spare = sorted(set(vacated) - old_ids - taken)
    plans: list[tuple[Cluster, int | None]] = []
    for c in sorted(clusters, key=lambda c: (forced.get(id(c)) is None, -len(c.members),
                                             c.members[0].order)):
        if forced.get(id(c)) is not None:
            plans.append((c, forced[id(c)]))
            continue
        votes: dict[int, int] = defaultdict(int)
        for p in c.members:
            cid = current.get(p.id)
            if cid is not None and cid not in taken:
                votes[cid] += 1
        keep = min(votes, key=lambda cid: (-votes[cid], cid)) if votes else None
        if keep is None and spare:
            keep = spare.pop(0)
        if keep is not None:
            taken.add(keep)
        plans.append((c, keep))
    ids: dict[int, int] = {}
    for c, keep in plans:
        ids[id(c)] = keep if keep is not None else new_canonical(s, c, now)
        if id(c) in group_of and forced.get(id(c)) != ids[id(c)]:  # the group's new home
            s.execute(update(m.PinGroup).where(m.PinGroup.id == group_of[id(c)])
                      .values(canonical_id=ids[id(c)]))
    moved = [p.id for c, _ in plans for p in c.members if current.get(p.id) != ids[id(c)]]
    for chunk in chunks(moved):
        s.execute(delete(m.CanonicalMember).where(m.CanonicalMember.event_mention_id.in_(chunk)))
    rows = [{"event_mention_id": p.id, "canonical_id": ids[id(c)]} for c, _ in plans
            for p in c.members if current.get(p.id) != ids[id(c)]]
    if rows:
        s.execute(insert(m.CanonicalMember), rows)
    windows = [{"id": ids[id(c)], "window_lo": c.window[0] if c.window else None,
                "window_hi": c.window[1] if c.window else None} for c, _ in plans]
    if windows:
        s.execute(update(m.CanonicalEvent), windows)
    kept = set(ids.values())
    return kept | _drop_if_empty(s, old_ids - kept)


def new_canonical(s: Session, c: Cluster, now: datetime) -> int:
    """Make a canonical event for a cluster (type, place, window from its first mention
    and its window); return its id."""
    e = s.get(m.EventMention, c.members[0].id)
    assert e is not None
    place = e.data.get("place") or None
    ce = m.CanonicalEvent(
        fuse_key=c.key or None, type=e.type, subtype=e.subtype, aggregate=e.aggregate,
        geonameid=e.geonameid, place=place_brief(place), place_name=e.place_name,
        admin1=(place or {}).get("admin1"), window_lo=c.window[0] if c.window else None,
        window_hi=c.window[1] if c.window else None, created_at=now, updated_at=now,
        summary={})
    s.add(ce)
    s.flush()
    return ce.id


def _drop_if_empty(s: Session, canonical_ids: set[int]) -> set[int]:
    """Delete the canonical events among these left without members (recording it in the
    history of those an analyst reviewed); return the others."""
    from wirewatch.store.review import follow

    left: set[int] = set()
    for chunk in chunks(sorted(canonical_ids)):
        left.update(s.scalars(select(m.CanonicalMember.canonical_id).distinct()
                              .where(m.CanonicalMember.canonical_id.in_(chunk))))
    gone = sorted(canonical_ids - left)
    left |= follow(s, gone)  # reviews follow their reports (resummarised by the caller)
    for chunk in chunks(gone):
        s.execute(delete(m.Conflict).where(m.Conflict.canonical_id.in_(chunk)))
        s.execute(delete(m.CanonicalEvent).where(m.CanonicalEvent.id.in_(chunk)))
    return left


def single(s: Session, mention: m.EventMention, window: Window | None, now: datetime) -> int:
    """Store a mention that fuses with nothing (no key) as its own canonical event, or in
    the event an analyst pinned it to."""
    pinned = _pins(s, [mention.fuse_order or ""]).get(mention.fuse_order or "")
    if pinned is not None and pinned[1] is not None:
        s.execute(insert(m.CanonicalMember), [{"event_mention_id": mention.id,
                                               "canonical_id": pinned[1]}])
        return pinned[1]
    cid = new_canonical(s, Cluster("", window, [Placed(mention.id, "", window, "")]), now)
    if pinned is not None:
        s.execute(update(m.PinGroup).where(m.PinGroup.id == pinned[0])
                  .values(canonical_id=cid))
    s.execute(insert(m.CanonicalMember), [{"event_mention_id": mention.id,
                                           "canonical_id": cid}])
    return cid


def place_brief(p: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return the part of a mention's place a canonical event keeps."""
    if not p:
        return None
    return {k: p.get(k) for k in ("name", "geonameid", "lat", "lon", "country", "admin1")}


def sort_day(value: str | None, fallback: date | None) -> date | None:
    """Return the day a canonical event sorts by: the first day of its date, else
    ``fallback`` (its window's last day)."""
    if value:
        parts = value.split("/")[0].split("-")
        try:
            return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                        int(parts[2]) if len(parts) > 2 else 1)
        except (ValueError, IndexError):
            pass
    return fallback
