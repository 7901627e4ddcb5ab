"""Canonical events: event mentions of many articles fused into one claimed event.

A mention's *fuse key* is its type, subtype, GeoNames id and whether it is an
aggregate statistic; its *window* is the span of days its date allows (a day, a
month, a range; when the text gives no date, the week before publication). Mentions
with the same key whose windows meet (within a per-type tolerance, data/fusion.yaml)
fuse.

Which mentions form one canonical event is a function of the set of stored mentions
alone, never of the order or the batches they were stored in: the store finds the
*component* a new mention falls in (:func:`components`: the mentions of its key whose
windows chain into its own) and clusters that component again (:func:`cluster`).

:func:`summarise` turns the members of one canonical event into what users read:
its date, outlets, independent sources and the conflicts between its mentions.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.fuse.claimants import claimant_key
from wirewatch.fuse.config import FusionConfig, default_fusion
from wirewatch.fuse.groups import DisjointSets

SUPPORTING = ("asserted", "claimed", "reported", "hedged")

Window = tuple[date, date]


def tolerance(etype: str, config: FusionConfig | None = None) -> int:
    """Return how many days apart two windows of this event type may be and still fuse
    (``config``: the fusion tolerances in use; default: the bundled data/fusion.yaml)."""
    return (config or default_fusion()).tolerance(etype)


def _day(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def _span(value: str) -> Window | None:
    if "/" in value:
        a, b = value.split("/", 1)
        lo, hi = _span(a), _span(b)
        return (lo[0], hi[1]) if lo and hi else None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            y = int(parts[0])
            return date(y, 1, 1), date(y, 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    except ValueError:
        return None
    d = _day(value)
    return (d, d) if d else None


def window(mention: Mapping[str, Any], published: date | None,
           config: FusionConfig | None = None) -> Window | None:
    """Return the (first, last) day a mention's date allows, or None when nothing is known."""
    d = mention.get("date") or {}
    value = d.get("value")
    if value and d.get("basis") != "publication":
        w = _span(str(value))
        if w:
            return w
    if published is None:
        return None
    if value and d.get("basis") == "publication":
        return shift(published, -1), published
    return shift(published, -(config or default_fusion()).undated_days), published


def fuse_key(mention: Mapping[str, Any], config: FusionConfig | None = None) -> str | None:
    """Return the key under which a mention fuses with others, or None when it stays alone
    (no place and no specific figure to recognise it by)."""
    place = mention.get("place") or {}
    gid = place.get("geonameid")
    agg = "agg" if mention.get("aggregate") else "one"
    head = f"{mention['type']}|{mention.get('subtype') or ''}|{agg}"
    if gid is not None:
        return f"{head}|{gid}"
    count = (mention.get("count") or {}).get("value")
    if count is not None and count >= (config or default_fusion()).min_placeless_count:
        return f"{head}|-|n={count}"
    return None


@dataclass(frozen=True)
class Placed:
    """A stored event mention as fusion sees it: its key, window and a stable identity.

    ``order`` is derived from the article's content and the mention's offsets, never
    from database ids, so that clustering does not depend on the order articles came in.
    """

    id: int
    key: str
    window: Window | None
    order: str


@dataclass
class Cluster:
    """One canonical event as clustering makes it: its window and its mentions."""

    key: str
    window: Window | None
    members: list[Placed] = field(default_factory=list)


def fusion_place(mention: Mapping[str, Any], published: date | None,
                 config: FusionConfig | None = None) -> tuple[str | None, Window | None]:
    """Return the key and window under which a mention fuses: key None when it stays
    alone (no place and no specific figure, or a window wider than ``max_window_days``,
    such as "since 2019": too vague to say which event it is)."""
    config = config or default_fusion()
    key = fuse_key(mention, config)
    w = window(mention, published, config)
    if key is not None and w is not None and (w[1] - w[0]).days > config.max_window_days:
        key = None
    return key, w


def _meets(w: Window | None, c: Window | None, tol: int) -> bool:
    if w is None or c is None:
        return w is None and c is None
    return w[0] <= shift(c[1], tol) and c[0] <= shift(w[1], tol)


def shift(day: date, days: int) -> date:
    """Return ``day`` moved by ``days``, held within the calendar's first and last day
    (a publication date of 0001-01-01 or 9999-12-31 is valid input)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _merge(c: Window | None, w: Window | None, tol: int) -> Window | None:
    if c is None or w is None:
        return c
    merged = (min(c[0], w[0]), max(c[1], w[1]))
    # a window never grows past its own span plus 2 x tolerance, so chains of daily
    # claims do not melt into one ever-growing event
    limit = max((c[1] - c[0]).days, (w[1] - w[0]).days) + 2 * tol
    return merged if (merged[1] - merged[0]).days <= limit else c


def components(mentions: Sequence[Placed], tol: int) -> list[list[Placed]]:
    """Split mentions of one key into the groups that can fuse with each other at all:
    windows that meet within ``tol`` days, chained (undated mentions form one group).

    A group is what a new mention can change; everything outside it stays as it is.
    """
    undated = [m for m in mentions if m.window is None]
    dated = sorted((m for m in mentions if m.window is not None),
                   key=lambda m: (m.window[0], m.window[1], m.order))  # type: ignore[index]
    out: list[list[Placed]] = [undated] if undated else []
    reach: date | None = None
    for m in dated:
        lo, hi = m.window  # type: ignore[misc]
        if reach is None or lo > shift(reach, tol):
            out.append([])
            reach = hi
        out[-1].append(m)
        reach = max(reach, hi)
    return out


def cluster(mentions: Sequence[Placed], tol: int) -> list[Cluster]:
    """Return the canonical events of one group of mentions of one key.

    A deterministic function of the set of mentions, whatever order they were stored in:
    the most precise windows are placed first (a day before a month, before "the week
    before publication"), each mention joining the nearest event whose window meets its
    own, else starting one.
    """
    def precision(m: Placed) -> tuple[int, date, date, str]:
        if m.window is None:
            return (0, date.min, date.min, m.order)
        return ((m.window[1] - m.window[0]).days, m.window[0], m.window[1], m.order)

    out: list[Cluster] = []
    for m in sorted(mentions, key=precision):
        best: Cluster | None = None
        for c in out:
            if _meets(m.window, c.window, tol) and (
                    best is None or _distance(m.window, c.window) < _distance(m.window,
                                                                             best.window)):
                best = c
        if best is None:
            out.append(Cluster(m.key, m.window, [m]))
        else:
            best.window = _merge(best.window, m.window, tol)
            best.members.append(m)
    return out


def _distance(w: Window | None, c: Window | None) -> int:
    if w is None or c is None:
        return 0
    mid_w = w[0] + (w[1] - w[0]) / 2
    mid_c = c[0] + (c[1] - c[0]) / 2
    return abs((mid_w - mid_c).days)


# ---------------------------------------------------------------- summaries


@dataclass(frozen=True)
class Member:
    """One mention of a canonical event with what its article says about its source."""

    mention: int
    article: int
    doc: str
    outlet: str | None
    published: date | None
    family: int | None
    data: Mapping[str, Any]

    @property
    def source_name(self) -> str:
        """Return the outlet, or the document when the outlet is unknown."""
        return self.outlet or f"(doc {self.doc})"


@dataclass
class Summary:
    """What a canonical event says, recomputed from its members."""

    date_value: str | None
    date_precision: str
    modality: str
    count: int | None
    extent: str | None
    outlets: list[str]
    claimants: list[str]
    source_groups: list[dict[str, Any]]
    independent_sources: list[str]
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def source_groups(members: Sequence[Member], lexicon: Lexicon | None = None
                  ) -> list[dict[str, Any]]:
    """Return the groups of outlets that are not independent of one another.

    Outlets fall in one group when their articles are in one rewrite family or their
    mentions relay the same claimant; denials are not sources of the claim and are left
    out. Each group lists its outlets, earliest first, and what tied them. ``lexicon``
    folds the claimants (None: the bundled English lexicon).
    """
    lexicon = lexicon or load_lexicon("en")
    sets = DisjointSets()
    find, union = sets.find, sets.union

    first: dict[str, tuple[date, int]] = {}
    ties: dict[str, set[str]] = defaultdict(set)
    for m in members:
        if m.data.get("modality") not in SUPPORTING:
            continue
        node = "o:" + m.source_name
        find(node)
        first[m.source_name] = min(first.get(m.source_name, (date.max, 0)),
                                   (m.published or date.max, m.article))
        fam = f"f:{m.family}" if m.family is not None else f"a:{m.article}"
        union(node, fam)
        ties[fam].add(f"rewrite family {m.family}" if m.family is not None else "")
        ck = claimant_key(m.data.get("claimant"), lexicon)
        if ck:
            union(node, "c:" + ck)
            ties["c:" + ck].add(f"claimant {m.data.get('claimant')}")
    groups: dict[str, dict[str, Any]] = {}
    for node in list(sets.parent):
        if node.startswith("o:"):
            root = find(node)
            groups.setdefault(root, {"outlets": [], "ties": set()})["outlets"].append(node[2:])
    for key, why in ties.items():
        if key in sets.parent and find(key) in groups:
            groups[find(key)]["ties"].update(w for w in why if w)
    out = []
    for g in groups.values():
        outlets = sorted(g["outlets"], key=lambda o: first[o])
        ties_ = sorted(g["ties"]) if len(outlets) > 1 else []
        out.append({"outlets": outlets, "ties": ties_})
    out.sort(key=lambda g: first[g["outlets"][0]])
    return out


def _count_group(d: Mapping[str, Any]) -> str:
    eq = (d.get("equipment") or "").lower().strip()
    return f"{d.get('subtype') or ''}|{eq.split()[-1].rstrip('s') if eq else ''}"


def _counts_differ(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    va, vb = float(a["value"]), float(b["value"])
    if va == vb:
        return False
    if a.get("approx") or b.get("approx"):
        return abs(va - vb) > 0.1 * max(abs(va), abs(vb))
    return True


def _side(value: str, ms: Sequence[Member]) -> dict[str, Any]:
    return {"value": value, "mentions": [m.mention for m in ms]}


def find_conflicts(members: Sequence[Member]) -> list[dict[str, Any]]:
    """Return where the members disagree: on the date (two different explicit days), the
    count (same subtype and equipment), the extent (full vs partial) or the modality
    (claimed vs denied). Each conflict names both sides and their mentions."""
    out: list[dict[str, Any]] = []
    supporting = [m for m in members if m.data.get("modality") in SUPPORTING]
    denied = [m for m in members if m.data.get("modality") == "denied"]

    def pairs(kind: str, by_value: Mapping[str, list[Member]],
              differ: Callable[[str, str], bool] = lambda a, b: a != b) -> None:
        vals = sorted(by_value, key=lambda v: min(x.mention for x in by_value[v]))
        for i, a in enumerate(vals):
            for b in vals[i + 1:]:
                if differ(a, b):
                    out.append({"kind": kind, "a": _side(a, by_value[a]),
                                "b": _side(b, by_value[b])})

    # two explicit days differ; or an explicit day falls after another report's
    # relative one (a relative day is often the day of the claim, which may trail the
    # event but cannot precede it)
    dates: dict[str, list[Member]] = defaultdict(list)
    basis: dict[str, set[str]] = defaultdict(set)
    for m in supporting:
        d = m.data.get("date") or {}
        if d.get("precision") == "day" and d.get("basis") in ("explicit", "relative"):
            dates[str(d["value"])].append(m)
            basis[str(d["value"])].add(str(d["basis"]))

    def dates_differ(a: str, b: str) -> bool:
        if a == b:
            return False
        if "explicit" in basis[a] and "explicit" in basis[b]:
            return True
        late, early = (a, b) if a > b else (b, a)
        return "explicit" in basis[late] and "relative" in basis[early]

    pairs("date", dates, dates_differ)

    counts: dict[str, dict[str, list[Member]]] = defaultdict(lambda: defaultdict(list))
    raw: dict[str, Mapping[str, Any]] = {}
    for m in supporting:
        c = m.data.get("count")
        if c and c.get("value") is not None:
            v = str(c["value"])
            counts[_count_group(m.data)][v].append(m)
            raw.setdefault(v, c)
    for by_value in counts.values():
        pairs("count", by_value, lambda a, b: _counts_differ(raw[a], raw[b]))

    extents: dict[str, list[Member]] = defaultdict(list)
    for m in supporting:
        if m.data.get("extent"):
            extents[str(m.data["extent"])].append(m)
    pairs("extent", extents)

    claims = [m for m in supporting if m.data.get("modality") != "hedged"]
    if claims and denied:
        out.append({"kind": "modality", "a": _side("claimed", claims),
                    "b": _side("denied", denied)})
    return out


def _best_date(members: Sequence[Member]) -> tuple[str | None, str]:
    rank = {"day": 0, "month": 1, "range": 2, "year": 3}
    best: tuple[int, int, str, str] | None = None
    tally: dict[str, int] = defaultdict(int)
    for m in members:
        d = m.data.get("date") or {}
        if d.get("value"):
            tally[str(d["value"])] += 1
    for m in members:
        d = m.data.get("date") or {}
        if d.get("value") and d.get("precision") in rank:
            k = (rank[d["precision"]], -tally[str(d["value"])], str(d["value"]), d["precision"])
            if best is None or k < best:
                best = k
    return (best[2], best[3]) if best else (None, "unknown")


def summarise(members: Sequence[Member], lexicon: Lexicon | None = None) -> Summary:
    """Return the summary of one canonical event from all its members (``lexicon``: the
    language's words, None: the bundled English lexicon)."""
    date_value, precision = _best_date(members)
    modalities = {m.data.get("modality") for m in members}
    supporting = [m for m in members if m.data.get("modality") in SUPPORTING]
    if "denied" in modalities and supporting:
        modality = "contested"
    elif supporting:
        order = ("claimed", "reported", "asserted", "hedged")
        modality = next(x for x in order if x in modalities)
    else:
        modality = sorted(x for x in modalities if x)[0] if any(modalities) else "asserted"
    counts = [int(m.data["count"]["value"]) for m in supporting
              if m.data.get("count") and m.data["count"].get("value") is not None]
    extents = {m.data.get("extent") for m in supporting if m.data.get("extent")}
    extent = "partial" if "partial" in extents else ("full" if extents else None)
    order_m = sorted(members, key=lambda m: (m.published or date.max, m.mention))
    outlets = list(dict.fromkeys(m.source_name for m in order_m))
    claimants = list(dict.fromkeys(str(m.data["claimant"]) for m in order_m
                                   if m.data.get("claimant")))
    groups = source_groups(order_m, lexicon)
    return Summary(date_value=date_value, date_precision=precision, modality=modality,
                   count=min(counts) if counts else None, extent=extent, outlets=outlets,
                   claimants=claimants, source_groups=groups,
                   independent_sources=[g["outlets"][0] for g in groups],
                   conflicts=find_conflicts(order_m))
