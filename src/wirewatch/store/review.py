"""Analysts' review: decisions kept beside the machine's output, and the audit trail.

A canonical event's review (``event_reviews``, one per event) holds the analyst's
verdict (``confirmed``, ``corrected``, ``rejected``, or ``unreviewed`` again), the fields
the analyst corrected with the analyst's values, and a version that each change
increments (a change naming an older version is refused: :class:`StaleVersion`). Every
change is also appended to ``review_decisions`` with who, when, the action, the values
before and after, and the note: the audit trail, never rewritten.

The machine's output is never overwritten. The event's columns hold the values in force
(the analyst's where corrected, so filters, the map and exports follow the correction);
``canonical_events.machine`` keeps the machine's, recomputed from the members whenever
they change. :func:`reapply` runs after every summary of canonical events (a new
article joining, a re-extraction), so a correction survives them: the review follows the
canonical event's id, which fusion keeps for the cluster holding most of its members
(and re-extraction hands back to the cluster of the mentions it replaced). When fusion
deletes a reviewed event (it merged into another, or its reports were re-extracted),
:func:`follow` moves the review to the event now holding its ``anchor`` mentions (by
their stable identity, ``fuse_order``); where that event has a review of its own, the
two are combined and the later decision wins (decision 31 in docs/decisions.md).

The verification (``unverified``, ``corroborated``: two or more independent sources and
no denial; an analyst's ``confirmed`` or ``refuted`` citing evidence) is kept apart from
the review status and the modality: :func:`verify_event`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m
from wirewatch.store.canonical import sort_day
from wirewatch.store.db import chunks

STATUSES = ("unreviewed", "confirmed", "corrected", "rejected")
# what an analyst may correct; all but ``claimant`` are columns of canonical_events
FIELDS = ("type", "subtype", "place", "date", "count", "modality", "claimant", "extent")
COLUMN_FIELDS = ("type", "subtype", "place", "date", "date_precision", "count", "modality",
                 "extent")
SUMMARISED = ("date", "date_precision", "count", "modality", "extent")  # from members
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ACTIONS = ("confirm", "correct", "reject", "reopen", "note")
VERIFICATIONS = ("unverified", "corroborated", "confirmed", "refuted")
ANALYST_VERIFICATIONS = ("confirmed", "refuted")  # set by an analyst, with evidence


class ReviewError(ValueError):
    """A review that cannot be applied; the message says why."""


class NotFound(ReviewError):
    """No canonical event or article of that id."""


class StaleVersion(ReviewError):
    """The change was made against an older version of the review."""

    def __init__(self, given: int, current: int, what: str = "event") -> None:
        super().__init__(f"version {given} is stale: the {what} is at version {current} "
                         "(someone changed it meanwhile; reload it)")
        self.current = current


@dataclass(frozen=True)
class ReviewChange:
    """What an analyst does to a canonical event: a verdict (``confirmed``, ``rejected``,
    ``unreviewed``: reopen, dropping the corrections), fields set to the analyst's values
    (``place`` as the gazetteer's brief, ``date`` as ``YYYY[-MM[-DD]]`` or a range
    ``A/B``), fields given back to the machine, and a note."""

    status: str | None = None
    set: Mapping[str, Any] = field(default_factory=dict)
    revert: Sequence[str] = ()
    note: str | None = None
    version: int | None = None


def date_precision(value: str | None) -> str:
    """Return the precision of a date value (``day``, ``month``, ``year``, ``range``);
    raise :class:`ReviewError` when it is not one."""
    if value is None:
        return "unknown"
    parts = value.split("/")
    if len(parts) > 2 or not all(_DATE.fullmatch(p) for p in parts):
        raise ReviewError(f"date: {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a range A/B")
    for p in parts:
        bits = [int(x) for x in p.split("-")]
        try:
            date(bits[0], bits[1] if len(bits) > 1 else 1, bits[2] if len(bits) > 2 else 1)
        except ValueError:
            raise ReviewError(f"date: {p!r} is no calendar date") from None
    if len(parts) == 2:
        return "range"
    return {1: "year", 2: "month", 3: "day"}[len(parts[0].split("-"))]


def machine_values(ce: m.CanonicalEvent) -> dict[str, Any]:
    """The event's values of the corrigible columns, as the columns hold them."""
    return {"type": ce.type, "subtype": ce.subtype, "place": ce.place,
            "date": ce.date_value, "date_precision": ce.date_precision,
            "count": ce.count_value, "modality": ce.modality, "extent": ce.extent}


def _columns(values: Mapping[str, Any], window_hi: date | None) -> dict[str, Any]:
    place = values.get("place") or None
    return {"type": values["type"], "subtype": values.get("subtype"), "place": place,
            "geonameid": (place or {}).get("geonameid"),
            "place_name": (place or {}).get("name"), "admin1": (place or {}).get("admin1"),
            "date_value": values.get("date"),
            "date_precision": values.get("date_precision") or "unknown",
            "sort_date": sort_day(values.get("date"), window_hi),
            "count_value": values.get("count"), "modality": values["modality"],
            "extent": values.get("extent")}


def in_force(machine: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """The values in force: the machine's, with the analyst's corrections over them."""
    out = {**machine, **{k: v for k, v in fields.items() if k in COLUMN_FIELDS}}
    if "date" in fields:
        out["date_precision"] = date_precision(fields["date"])
    if "type" in fields and "subtype" not in fields and fields["type"] != machine.get("type"):
        out["subtype"] = None  # the machine's subtype belongs to the machine's type
    return out


def reapply(s: Session, canonical_ids: Sequence[int]) -> None:
    """Put the reviews of these canonical events back over their machine values; call it
    right after their summaries were recomputed (the summarised columns then hold the
    machine's values)."""
    for chunk in chunks(list(canonical_ids)):
        # populate_existing: the summaries were just written by a bulk UPDATE, which
        # leaves the session's objects as they were
        rows = s.execute(select(m.CanonicalEvent, m.EventReview)
                         .join(m.EventReview, m.EventReview.canonical_id == m.CanonicalEvent.id)
                         .where(m.CanonicalEvent.id.in_(chunk))
                         .execution_options(populate_existing=True)).all()
        for ce, rev in rows:
            _apply(ce, rev, fresh=True)
    s.flush()


def _apply(ce: m.CanonicalEvent, rev: m.EventReview, fresh: bool) -> None:
    """Write a review over an event: the machine's values kept in ``machine`` (those the
    members give refreshed from the columns when ``fresh``), the values in force in the
    columns."""
    if rev.verification in ANALYST_VERIFICATIONS:
        ce.verification = rev.verification
    machine = dict(ce.machine or machine_values(ce))
    if fresh and ce.machine is not None:
        current = machine_values(ce)
        machine.update({k: current[k] for k in SUMMARISED})
    if rev.status == "unreviewed" and not rev.fields:
        for k, v in _columns(machine, ce.window_hi).items():
            setattr(ce, k, v)
        ce.machine = None
        ce.review_status = "unreviewed"
        return
    for k, v in _columns(in_force(machine, rev.fields), ce.window_hi).items():
        setattr(ce, k, v)
    ce.machine = machine
    ce.review_status = rev.status


def _status_after(current: str, asked: str | None, fields: Mapping[str, Any]) -> str:
    if asked in ("rejected", "unreviewed"):
        return asked
    if asked == "confirmed" or current in ("confirmed", "corrected"):
        return "corrected" if fields else "confirmed"
    if current == "rejected":
        return "rejected"
    return "corrected" if fields else "unreviewed"


def _action(before: str, after: str, asked: str | None, changed: bool) -> str:
    if asked == "unreviewed":
        return "reopen"
    if after == "rejected" and before != "rejected":
        return "reject"
    if changed:
        return "correct"
    if asked == "confirmed":
        return "confirm"
    return "note"


def review_event(s: Session, canonical_id: int, change: ReviewChange, actor: str,
                 now: datetime, claimants: Sequence[str] = ()) -> int:
    """Apply an analyst's change to a canonical event (in the caller's transaction, under
    the write lock); return the review's new version. ``claimants``: who the machine
    says claims it (for the audit trail of a claimant correction).

    Raises :class:`NotFound`, :class:`StaleVersion` or :class:`ReviewError`."""
    from wirewatch.store.write import resummarise

    ce = s.get(m.CanonicalEvent, canonical_id)
    if ce is None:
        raise NotFound(f"no canonical event {canonical_id}")
    unknown = sorted(set(change.set) - set(FIELDS)) + sorted(set(change.revert) - set(FIELDS))
    if unknown:
        raise ReviewError(f"{unknown[0]}: not a field an analyst corrects "
                          f"({', '.join(FIELDS)})")
    if "date" in change.set:
        date_precision(change.set["date"])
    rev = s.scalar(select(m.EventReview).where(m.EventReview.canonical_id == canonical_id))
    version = rev.version if rev else 0
    if change.version is not None and change.version != version:
        raise StaleVersion(change.version, version)
    old_status = rev.status if rev else "unreviewed"
    old_fields = dict(rev.fields) if rev else {}
    fields = {**old_fields, **change.set}
    for k in change.revert:
        fields.pop(k, None)
    if change.status == "unreviewed":
        fields = {}
    status = _status_after(old_status, change.status, fields)
    if status == old_status and fields == old_fields and not change.note:
        return version
    machine = {**(ce.machine or machine_values(ce)), "claimant": "; ".join(claimants) or None}
    touched = sorted(set(fields) ^ set(old_fields) | {k for k in fields
                                                      if fields[k] != old_fields.get(k)})
    before = {"review_status": old_status,
              **{k: old_fields.get(k, machine.get(k)) for k in touched}}
    after = {"review_status": status, **{k: fields.get(k, machine.get(k)) for k in touched}}
    if rev is None:
        rev = m.EventReview(canonical_id=canonical_id, version=0, fields={}, anchor=[],
                            status="unreviewed", reviewed_by=actor, reviewed_at=now)
        s.add(rev)
    rev.version = version + 1
    rev.status, rev.fields = status, fields
    rev.reviewed_by, rev.reviewed_at, rev.note = actor, now, change.note
    rev.anchor = anchor_of(s, canonical_id)
    s.add(m.ReviewDecision(target_kind="event", target_id=canonical_id,
                           action=_action(old_status, status, change.status,
                                          fields != old_fields),
                           before=before, after=after, actor=actor, at=now,
                           note=change.note, version=rev.version))
    s.flush()
    if ce.machine is None:
        ce.machine = machine_values(ce)
    resummarise(s, [canonical_id], now)  # the machine's values, then the review over them
    return rev.version


def anchor_of(s: Session, canonical_id: int) -> list[str]:
    """The stable identities (``fuse_order``) of a canonical event's member mentions: what
    a review is anchored to (mention ids change when an article is re-extracted)."""
    return sorted(k for k in s.scalars(
        select(m.EventMention.fuse_order)
        .join(m.CanonicalMember, m.CanonicalMember.event_mention_id == m.EventMention.id)
        .where(m.CanonicalMember.canonical_id == canonical_id)) if k)


def _anchor_home(s: Session, anchor: Sequence[Any], gone: Sequence[int]) -> int | None:
    """The canonical event (not among ``gone``) holding most of these anchor mentions
    (identities; older reviews hold mention ids), or None."""
    keys = [a for a in anchor if isinstance(a, str)]
    ids = [a for a in anchor if isinstance(a, int)]
    votes: dict[int, int] = {}
    cm, em = m.CanonicalMember, m.EventMention
    for chunk in chunks(keys):
        for cid in s.scalars(select(cm.canonical_id).join(em, em.id == cm.event_mention_id)
                             .where(em.fuse_order.in_(chunk))):
            votes[cid] = votes.get(cid, 0) + 1
    for chunk in chunks(ids):
        for cid in s.scalars(select(cm.canonical_id).where(cm.event_mention_id.in_(chunk))):
            votes[cid] = votes.get(cid, 0) + 1
    for cid in gone:
        votes.pop(cid, None)
    return min(votes, key=lambda c: (-votes[c], c)) if votes else None


def _review_state(rev: m.EventReview | None) -> dict[str, Any] | None:
    """A review as the audit trail records it."""
    if rev is None:
        return None
    out: dict[str, Any] = {"review_status": rev.status, **rev.fields}
    if rev.verification:
        out["verification"] = rev.verification
    return out


def combine(keep: m.EventReview, other: m.EventReview) -> None:
    """Fold ``other`` into ``keep`` (two reviews of events that became one): the later
    decision wins (its verdict, its value of a field both corrected, its verification);
    a field only one corrected is kept; the anchors are united (decision 31)."""
    later, earlier = ((other, keep) if (other.reviewed_at, other.id or 0)
                      > (keep.reviewed_at, keep.id or 0) else (keep, other))
    fields = {**earlier.fields, **later.fields}
    status = later.status if later.status != "unreviewed" else earlier.status
    if status in ("confirmed", "corrected"):
        status = "corrected" if fields else "confirmed"
    ver = max((r for r in (keep, other) if r.verification),
              key=lambda r: r.verified_at or r.reviewed_at, default=None)
    if ver is not None and ver is not keep:
        keep.verification, keep.verified_by = ver.verification, ver.verified_by
        keep.verified_at, keep.evidence_url = ver.verified_at, ver.evidence_url
        keep.verification_note = ver.verification_note
    keep.status, keep.fields = status, fields
    keep.reviewed_by, keep.reviewed_at, keep.note = (later.reviewed_by, later.reviewed_at,
                                                     later.note)
    keep.anchor = sorted({*map(str, keep.anchor), *map(str, other.anchor)})


def move_review(s: Session, source: int, target: int, now: datetime, actor: str,
                why: str) -> bool:
    """Move the review of event ``source`` (about to leave the record) to event
    ``target``, combining it with ``target``'s own (:func:`combine`); record it in both
    histories (``followed`` on the source, ``inherited`` on the target). Return whether
    there was a review to move."""
    rev = s.scalar(select(m.EventReview).where(m.EventReview.canonical_id == source))
    if rev is None:
        return False
    mine = s.scalar(select(m.EventReview).where(m.EventReview.canonical_id == target))
    before = _review_state(mine)
    s.add(m.ReviewDecision(target_kind="event", target_id=source, action="followed",
                           before=_review_state(rev), after={"event": target}, actor=actor,
                           at=now, note=why, version=rev.version))
    rev.canonical_id = None
    s.flush()  # one review per event: free the source's before the target takes one
    if mine is None:
        rev.canonical_id, rev.version = target, rev.version + 1
        mine = rev
    else:
        combine(mine, rev)
        mine.version += 1
    s.add(m.ReviewDecision(target_kind="event", target_id=target, action="inherited",
                           before=before, after=_review_state(mine), actor=actor, at=now,
                           note=f"the review of event {source} came with its reports "
                                f"({why}); the later decision wins", version=mine.version))
    s.flush()
    return True


def follow(s: Session, gone: Sequence[int]) -> set[int]:
    """The reviews of these canonical events, about to be deleted (fusion merged them
    into another event, or their reports were re-extracted or marked irrelevant), follow
    their anchor mentions into the event now holding most of them (:func:`move_review`);
    a review whose mentions are nowhere is kept, detached, with an entry ``detached`` by
    ``wirewatch`` in its history. Return the events that received a review (to
    :func:`reapply`)."""
    now = datetime.now(UTC).replace(tzinfo=None)  # the trail is in UTC
    received: set[int] = set()
    for cid, rev in reviews_of(s, gone).items():
        home = _anchor_home(s, rev.anchor, gone)
        if home is not None:
            move_review(s, cid, home, now, "wirewatch",
                        "fusion put its reports into another event")
            received.add(home)
            continue
        s.add(m.ReviewDecision(target_kind="event", target_id=cid, action="detached",
                               before=_review_state(rev), after=None, actor="wirewatch",
                               at=now, note="the event left the record (its reports were "
                                            "re-extracted without it or marked irrelevant)",
                               version=rev.version))
    return received


def _check_url(url: str | None) -> str:
    if not url or not url.strip():
        raise ReviewError("evidence_url: cite the evidence (an http(s) URL)")
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ReviewError(f"evidence_url: {url!r} is not an http(s) URL")
    return url.strip()


def verify_event(s: Session, canonical_id: int, status: str, evidence_url: str | None,
                 note: str | None, version: int | None, actor: str, now: datetime) -> int:
    """Set an analyst's verification of a canonical event: ``confirmed`` or ``refuted``
    (citing ``evidence_url``), or ``unverified`` (withdraw it: the machine's status,
    ``unverified`` or ``corroborated``, is in force again). Shares the review's version;
    return the new one. Raises :class:`NotFound`, :class:`StaleVersion` or
    :class:`ReviewError`."""
    from wirewatch.store.write import resummarise

    ce = s.get(m.CanonicalEvent, canonical_id)
    if ce is None:
        raise NotFound(f"no canonical event {canonical_id}")
    if status not in ("confirmed", "refuted", "unverified"):
        raise ReviewError("status: use confirmed, refuted or unverified (withdraw)")
    url = _check_url(evidence_url) if status != "unverified" else None
    rev = bump(s, canonical_id, actor, now, version)
    before = {"verification": ce.verification, "evidence_url": rev.evidence_url}
    rev.verification = None if status == "unverified" else status
    rev.verified_by, rev.verified_at = actor, now
    rev.evidence_url, rev.verification_note = url, note
    rev.anchor = anchor_of(s, canonical_id)
    s.flush()
    resummarise(s, [canonical_id], now)
    s.refresh(ce)
    action = {"confirmed": "verify.confirm", "refuted": "verify.refute"}.get(
        status, "verify.withdraw")
    s.add(m.ReviewDecision(target_kind="event", target_id=canonical_id, action=action,
                           before=before, after={"verification": ce.verification,
                                                 "evidence_url": url},
                           actor=actor, at=now, note=note, version=rev.version))
    s.flush()
    return rev.version


def bump(s: Session, canonical_id: int, actor: str, now: datetime,
         version: int | None = None) -> m.EventReview:
    """The review of an event (made, unreviewed, when it has none) with its version
    checked against ``version`` and incremented: a merge or split changes the event, so
    a change made against the version before it gets 409."""
    rev = s.scalar(select(m.EventReview).where(m.EventReview.canonical_id == canonical_id))
    current = rev.version if rev else 0
    if version is not None and version != current:
        raise StaleVersion(version, current)
    if rev is None:
        rev = m.EventReview(canonical_id=canonical_id, version=0, fields={}, anchor=[],
                            status="unreviewed", reviewed_by=actor, reviewed_at=now)
        s.add(rev)
    rev.version = current + 1
    return rev


def mark_article(s: Session, article_id: int, irrelevant: bool, actor: str, now: datetime,
                 note: str | None = None) -> bool:
    """Mark an article irrelevant (or relevant again) and log it; return whether it
    changed. The caller then replaces its extraction (no events while irrelevant)."""
    art = s.get(m.Article, article_id)
    if art is None:
        raise NotFound(f"no article {article_id}")
    if bool(art.irrelevant) == irrelevant:
        return False
    s.add(m.ReviewDecision(target_kind="article", target_id=article_id,
                           action="irrelevant" if irrelevant else "relevant",
                           before={"irrelevant": bool(art.irrelevant)},
                           after={"irrelevant": irrelevant}, actor=actor, at=now, note=note))
    art.irrelevant = irrelevant
    s.flush()
    return True


def decision_dict(d: m.ReviewDecision) -> dict[str, Any]:
    """One entry of the audit trail as JSON."""
    return {"id": d.id, "target": d.target_kind, "target_id": d.target_id,
            "action": d.action, "actor": d.actor,
            "at": d.at.isoformat(timespec="seconds") + "Z", "before": d.before,
            "after": d.after, "note": d.note, "version": d.version}


def history(s: Session, kind: str, target_id: int) -> list[dict[str, Any]]:
    """Every change made to one event, article or account, oldest first."""
    rows = s.scalars(select(m.ReviewDecision)
                     .where(m.ReviewDecision.target_kind == kind,
                            m.ReviewDecision.target_id == target_id)
                     .order_by(m.ReviewDecision.id))
    return [decision_dict(d) for d in rows]


def decisions(s: Session, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """One page of the whole audit trail, newest first, and its length."""
    from sqlalchemy import func

    total = int(s.scalar(select(func.count()).select_from(m.ReviewDecision)) or 0)
    rows = s.scalars(select(m.ReviewDecision).order_by(m.ReviewDecision.id.desc())
                     .limit(limit).offset(offset))
    return total, [decision_dict(d) for d in rows]


def reviews_of(s: Session, canonical_ids: Sequence[int]) -> dict[int, m.EventReview]:
    """The reviews of these canonical events, by event id."""
    out: dict[int, m.EventReview] = {}
    for chunk in chunks(list(canonical_ids)):
        for rev in s.scalars(select(m.EventReview)
                             .where(m.EventReview.canonical_id.in_(chunk))):
            if rev.canonical_id is not None:
                out[rev.canonical_id] = rev
    return out


def review_view(ce: m.CanonicalEvent, rev: m.EventReview | None,
                claimants: Sequence[str], machine_verification: str = "unverified"
                ) -> dict[str, Any]:
    """The review keys of an event's JSON: status, who and when, the version to send
    back with a change, and the machine's and the analyst's values of the corrected
    fields side by side."""
    fields = dict(rev.fields) if rev else {}
    machine = {**(ce.machine or {}), "claimant": list(claimants)}
    return {"review_status": ce.review_status,
            "reviewed_by": rev.reviewed_by if rev else None,
            "reviewed_at": rev.reviewed_at.isoformat(timespec="seconds") + "Z"
            if rev else None,
            "review_note": rev.note if rev else None,
            "version": rev.version if rev else 0,
            "machine": {k: machine.get(k) for k in fields} or None,
            "reviewed": fields or None,
            "verification": verification_view(ce, rev, machine_verification)}


def verification_view(ce: m.CanonicalEvent, rev: m.EventReview | None,
                      machine: str) -> dict[str, Any]:
    """The ``verification`` key of an event's JSON: the status in force, the analyst who
    set it, when, the evidence cited, the note, and what the machine derives."""
    mine = rev is not None and rev.verification in ANALYST_VERIFICATIONS
    return {"status": ce.verification,
            "by": rev.verified_by if mine and rev else None,
            "at": rev.verified_at.isoformat(timespec="seconds") + "Z"
            if mine and rev and rev.verified_at else None,
            "evidence_url": rev.evidence_url if mine and rev else None,
            "note": rev.verification_note if mine and rev else None,
            "machine": machine}
