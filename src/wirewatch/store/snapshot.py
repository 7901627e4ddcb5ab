"""A store's content without its ids: what two stores must share to be "the same".

Ids depend on the order rows were written; everything a user reads does not. Articles
are named by their content hash, event mentions by their article and offsets
(``fuse_order``), canonical events and families by their members. Used by the tests
and benchmarks that check batch size, file order, concurrent writers and kills change
nothing (docs/reliability.md).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m


def snapshot(s: Session) -> dict[str, Any]:
    """Return the store's articles, rewrite families and links, canonical events (with
    their summaries and conflicts) and name flags, keyed by content, sorted."""
    hashes = {i: h for i, h in s.execute(select(m.Article.id, m.Article.content_hash))}
    order = {i: o for i, o in s.execute(select(m.EventMention.id, m.EventMention.fuse_order))}
    families: dict[int, list[str]] = defaultdict(list)
    for aid, fam in s.execute(select(m.Article.id, m.Article.family_id)
                              .where(m.Article.family_id.is_not(None))):
        families[int(fam or 0)].append(hashes[aid])
    links = sorted((*sorted((hashes[a], hashes[b])), kind, round(score, 3))
                   for a, b, kind, score in s.execute(
                       select(m.RewriteLink.article_id, m.RewriteLink.other_id,
                              m.RewriteLink.kind, m.RewriteLink.score)))
    members: dict[int, list[str]] = defaultdict(list)
    for mid, cid in s.execute(select(m.CanonicalMember.event_mention_id,
                                     m.CanonicalMember.canonical_id)):
        members[cid].append(str(order[mid]))
    conflicts: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for c in s.scalars(select(m.Conflict)):
        sides = sorted([(c.value_a, sorted(str(order[x]) for x in c.mentions_a)),
                        (c.value_b, sorted(str(order[x]) for x in c.mentions_b))])
        conflicts[c.canonical_id].append((c.kind, sides))
    events = []
    for e in s.scalars(select(m.CanonicalEvent)):
        summary = e.summary or {}
        events.append({
            "members": sorted(members[e.id]), "type": e.type, "subtype": e.subtype,
            "geonameid": e.geonameid, "window": [str(e.window_lo), str(e.window_hi)],
            "date": e.date_value, "modality": e.modality, "count": e.count_value,
            "extent": e.extent, "n_mentions": e.n_mentions, "n_sources": e.n_sources,
            "outlets": sorted(summary.get("outlets", [])),
            "claimants": sorted(summary.get("claimants", [])),
            "conflicts": sorted(conflicts[e.id])})
    flags = sorted((hashes[f.article_id], f.role, f.name_a, f.name_b) for f in
                   s.scalars(select(m.NameFlag)))
    return {"articles": sorted(hashes.values()),
            "families": sorted(sorted(v) for v in families.values()),
            "links": links, "events": sorted(events, key=lambda e: repr(sorted(e.items()))),
            "name_flags": flags}
