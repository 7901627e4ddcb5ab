"""How sure wirewatch is of a canonical event: its ``confidence`` in 0..1.

A mention's ``confidence`` (``wirewatch.events.confidence``) estimates the probability
that it is a real event at the right place. A canonical event takes the best of its
members, raised when independent sources agree: within each group of sources that are
not independent of one another (``source_groups``: one rewrite family, one claimant
relayed), the best confidence of its supporting mentions counts once; across groups the
doubts multiply, as if the groups erred independently (a noisy-OR)::

    confidence = 1 - prod(1 - best confidence of group g)

capped at :data:`CAP`, since errors of one extraction rule on two reports of one event
are not independent. A denial is no source of the claim: it counts only when an event
has nothing but denials (the best denial then). Mentions stored before confidences were
written have none; an event none of whose members has one has none either (``None``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

SUPPORTING = ("asserted", "claimed", "reported", "hedged")
CAP = 0.99


class HasData(Protocol):
    """A member of a canonical event: its contract JSON and its outlet."""

    @property
    def data(self) -> Mapping[str, Any]: ...

    @property
    def source_name(self) -> str: ...


def _conf(m: HasData) -> float | None:
    c = m.data.get("confidence")
    return float(c) if isinstance(c, (int, float)) else None


def event_confidence(members: Sequence[HasData],
                     source_groups: Sequence[Mapping[str, Any]]) -> float | None:
    """Return the confidence of a canonical event from its members' and its source
    groups (each ``{"outlets": [...]}``), or None when no member has one."""
    supporting = [m for m in members if m.data.get("modality") in SUPPORTING
                  and _conf(m) is not None]
    if not supporting:
        known = [c for c in (_conf(m) for m in members) if c is not None]
        return round(max(known), 3) if known else None
    group_of = {o: i for i, g in enumerate(source_groups) for o in g.get("outlets", [])}
    best: dict[Any, float] = {}
    for m in supporting:
        key = group_of.get(m.source_name, ("outlet", m.source_name))
        c = _conf(m)
        assert c is not None
        best[key] = max(best.get(key, 0.0), c)
    doubt = 1.0
    for c in best.values():
        doubt *= 1.0 - c
    top = max(best.values())
    return round(max(top, min(CAP, 1.0 - doubt)), 3)
