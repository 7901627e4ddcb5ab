"""Reviewed events as evaluation gold: the team's daily review grows the evaluation sets.

An article is written out when *every* event mention wirewatch found in it belongs to a
reviewed canonical event (confirmed, corrected or rejected), so that its gold is
complete: the mentions of confirmed events are gold as the machine gave them, those of
corrected events carry the analyst's values, those of rejected events are left out (they
were no events). Articles marked irrelevant are written with no events. The documents
have the shape of the project's evaluation files (``eval/events*.yaml``: ``id``,
``published``, ``outlet``, ``lang``, ``text``, ``events``), which
``eval/score_events.py --gold`` reads.

What review cannot give is not invented: an event the machine missed entirely was never
reviewed, so an article's gold holds only what the machine found and the analysts kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m
from wirewatch.store.db import chunks

REVIEWED = ("confirmed", "corrected", "rejected")


def gold_documents(s: Session) -> list[dict[str, Any]]:
    """Return the articles whose every event mention has been reviewed, with their gold
    event mentions (analysts' corrections applied, rejected ones left out), oldest first."""
    reviews = {r.canonical_id: r for r in s.scalars(select(m.EventReview))
               if r.canonical_id is not None}
    verdict: dict[int, m.EventReview | None] = {}
    by_article: dict[int, list[m.EventMention]] = defaultdict(list)
    for mention, cid in s.execute(
            select(m.EventMention, m.CanonicalMember.canonical_id)
            .join(m.CanonicalMember, m.CanonicalMember.event_mention_id == m.EventMention.id)):
        by_article[mention.article_id].append(mention)
        rev = reviews.get(cid)
        verdict[mention.id] = rev if rev is not None and rev.status in REVIEWED else None
    irrelevant = _irrelevant(s)
    wanted = sorted(a for a, ms in by_article.items()
                    if a in irrelevant or all(verdict[x.id] is not None for x in ms))
    wanted += sorted(irrelevant - set(by_article))
    out = []
    for chunk in chunks(wanted):
        for art in s.scalars(select(m.Article).where(m.Article.id.in_(chunk))):
            events: list[dict[str, Any]] = []
            for x in sorted(by_article[art.id], key=lambda x: (x.evidence_start, x.id)):
                rev = verdict[x.id]
                if art.id not in irrelevant and rev is not None and rev.status != "rejected":
                    events.append(_gold_event(x, rev))
            out.append(_document(art, events))
    out.sort(key=lambda d: (str(d.get("published") or ""), d["id"]))
    return out


def _irrelevant(s: Session) -> set[int]:
    return set(s.scalars(select(m.Article.id).where(m.Article.irrelevant.is_(True))))


def _document(art: m.Article, events: list[dict[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": art.doc_id}
    if art.published is not None:
        doc["published"] = art.published.isoformat()
    if art.outlet:
        doc["outlet"] = art.outlet
    if art.lang:
        doc["lang"] = art.lang
    doc["text"] = art.text
    doc["events"] = events
    return doc


def _gold_event(x: m.EventMention, rev: m.EventReview) -> dict[str, Any]:
    """One mention as a gold event, with the analyst's corrections of its event."""
    data: Mapping[str, Any] = x.data or {}
    date = data.get("date") or {}
    count = data.get("count") or {}
    place = data.get("place") or {}
    event = {
        "type": data.get("type"), "subtype": data.get("subtype"),
        "place": place.get("geonameid"), "evidence": x.evidence_text,
        "date": date.get("value"), "date_basis": date.get("basis") or "unknown",
        "count": count.get("value"), "count_qualifier": count.get("qualifier"),
        "claimant": data.get("claimant"), "conduit": list(data.get("conduit") or []),
        "modality": data.get("modality"), "extent": data.get("extent"),
        "aggregate": bool(data.get("aggregate")),
        "venue": (data.get("venue") or {}).get("geonameid")
        if isinstance(data.get("venue"), dict) else data.get("venue"),
    }
    fields = rev.fields or {}
    if rev.status == "corrected":
        _correct(event, fields, data.get("modality"))
    return event


def _correct(event: dict[str, Any], fields: Mapping[str, Any], modality: Any) -> None:
    """Put an event's corrections on one of its mentions (a denial keeps its modality:
    a correction of the event's modality is about its claims)."""
    for key in ("type", "subtype", "count", "extent", "claimant"):
        if key in fields:
            event[key] = fields[key]
    if "type" in fields and "subtype" not in fields:
        event["subtype"] = None
    if "place" in fields:
        event["place"] = (fields["place"] or {}).get("geonameid")
    if "date" in fields:
        event["date"] = fields["date"]
        event["date_basis"] = "explicit" if fields["date"] else "unknown"
    if "modality" in fields and modality != "denied":
        event["modality"] = fields["modality"]
