"""Review: analysts confirm, reject and correct canonical events, mark articles irrelevant;
the queue of what most needs eyes, and the audit trail (docs/review.md)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import (
    ERRORS,
    MAX_ID,
    NOT_FOUND,
    WRITE_ERRORS,
    Db,
    Limit,
    Offset,
    ResourcesDep,
    StoreDep,
    WriterDep,
)
from wirewatch.api.strict import Filter, StrictRoute
from wirewatch.resources import Resources
from wirewatch.store.canonical import place_brief
from wirewatch.store.review import (
    STATUSES,
    NotFound,
    ReviewChange,
    ReviewError,
    StaleVersion,
)

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["review"])

EventId = Annotated[int, Path(ge=0, le=MAX_ID)]
REVIEW_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, **NOT_FOUND, **WRITE_ERRORS,
    409: {"model": sc.Error, "description": "The event changed since that version."},
    428: {"model": sc.Error, "description": "No version given (body or If-Match)."}}


def version_of(given: int | None, if_match: str | None) -> int:
    """The version a change was made against: the body's, else the If-Match header's
    (422 if unreadable, 428 if neither is given)."""
    if given is not None:
        return given
    raw = (if_match or "").strip().removeprefix("W/").strip('"')
    if raw.isdigit() and len(raw) < 10:
        return int(raw)
    if if_match:
        raise HTTPException(422, "If-Match: give the event's version, e.g. \"3\"")
    raise HTTPException(428, "version: give the version of the event you decided on (its "
                             "`version`, in the body or an If-Match header)")


def _corrections(body: sc.EventReviewIn, resources: Resources) -> dict[str, Any]:
    """The fields the body sets, checked against the codebook and the gazetteer."""
    given = body.model_fields_set - {"version", "status", "note", "revert"}
    out: dict[str, Any] = {}
    for name in sorted(given):
        value = getattr(body, name)
        if value is None and name in ("type", "modality", "geonameid"):
            raise HTTPException(422, f"{name}: cannot be null (revert it instead)")
        if name == "geonameid":
            entry = resources.gazetteer.entry(value)
            if entry is None:
                raise HTTPException(422, f"geonameid: no place {value} in the gazetteer")
            out["place"] = place_brief({"name": entry.name, "geonameid": entry.id,
                                        "lat": round(entry.lat, 5), "lon": round(entry.lon, 5),
                                        "country": entry.country,
                                        "admin1": entry.admin1 or None})
            continue
        out[name] = value
    if "type" in out and out["type"] not in resources.codebook.types:
        raise HTTPException(422, f"type: unknown event type {out['type']!r} (known: "
                                 f"{', '.join(sorted(resources.codebook.types))})")
    return out


@router.patch("/events/{event_id}", response_model=sc.EventDetail, responses=REVIEW_ERRORS)
def review_event(s: Db, store: StoreDep, resources: ResourcesDep, who: WriterDep,
                 event_id: EventId, body: sc.EventReviewIn, response: Response,
                 if_match: Annotated[str | None, Header(max_length=40)] = None
                 ) -> dict[str, Any]:
    """Confirm, reject or correct a canonical event (needs an analyst's token). The
    fields given are the analyst's values; the machine's stay visible beside them
    (`machine`, `reviewed`). Give the `version` you reviewed: 409 if it changed since."""
    change = ReviewChange(status=body.status, set=_corrections(body, resources),
                          revert=body.revert, note=body.note,
                          version=version_of(body.version, if_match))
    try:
        store.review_event(event_id, change, who.name)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except StaleVersion as exc:
        raise HTTPException(409, str(exc), headers={"ETag": f'"{exc.current}"'}) from exc
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc
    s.expire_all()
    event = qy.get_event(s, event_id)
    if event is None:
        raise HTTPException(404, f"no canonical event {event_id}")
    response.headers["ETag"] = f'"{event["version"]}"'
    return event


@router.get("/events/{event_id}/history", response_model=list[sc.Decision],
            responses={**ERRORS, **NOT_FOUND})
def event_history(s: Db, store: StoreDep, event_id: EventId) -> list[dict[str, Any]]:
    """Every review of a canonical event, oldest first: who, when, the action, the values
    before and after, the note."""
    if qy.get_event_row(s, event_id) is None and not store.history("event", event_id):
        raise HTTPException(404, f"no canonical event {event_id}")
    return store.history("event", event_id)


def _statuses(status: str) -> list[str]:
    statuses = [x.strip() for x in status.split(",") if x.strip()]
    if not statuses or any(x not in STATUSES for x in statuses):
        raise HTTPException(422, f"status: use {', '.join(STATUSES)}")
    return statuses


@router.get("/review/queue", response_model=sc.QueuePage, responses=ERRORS)
def review_queue(s: Db, f: Filter, limit: Limit = 50, offset: Offset = 0,
                 status: Annotated[str, Query(max_length=60, description=(
                     "Comma-separated review statuses: " + ", ".join(STATUSES)))
                 ] = "unreviewed") -> dict[str, Any]:
    """Return the events to review, those most in need of eyes first: reports that
    disagree, then a single source, then low confidence, then the most recent."""
    # the queue's statuses are `status`; the filters' default (no rejected) is not its
    total, items = qy.review_queue(s, replace(f, review_statuses=()), _statuses(status),
                                   limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/export/review.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "the review queue as CSV"}},
    response_class=StreamingResponse)
def export_queue(s: Db, f: Filter, status: Annotated[str, Query(max_length=60)] = "unreviewed"
                 ) -> StreamingResponse:
    """Return the review queue (in its order) as the events' CSV, ACLED's columns and
    wirewatch's, with `ww_review_status` and `ww_reviewed_by`."""
    from wirewatch.store import export as ex

    _, items = qy.review_queue(s, replace(f, review_statuses=()), _statuses(status),
                               10**7, 0)
    return StreamingResponse(ex.iter_csv(items), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirewatch-review.csv"'})


@router.get("/review/decisions", response_model=sc.DecisionPage, responses=ERRORS)
def decisions(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Return one page of the audit trail (every review, article and account change),
    newest first."""
    total, items = store.decisions(limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/export/decisions.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "the audit trail as CSV"}},
    response_class=StreamingResponse)
def export_decisions(store: StoreDep) -> StreamingResponse:
    """Return the whole audit trail as CSV, oldest first: when, who, what, the values
    before and after (JSON), the note."""
    from wirewatch.store import export as ex

    _, items = store.decisions(limit=10**9)
    rows = [ex.decision_row(d) for d in reversed(items)]
    return StreamingResponse(ex.iter_rows_csv(rows, ex.DECISION_COLUMNS),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirewatch-decisions.csv"'})


@router.get("/articles/{article_id}/history", response_model=list[sc.Decision],
            responses=ERRORS)
def article_history(store: StoreDep, article_id: Annotated[int, Path(ge=0, le=MAX_ID)]
                    ) -> list[dict[str, Any]]:
    """Every change made to an article (marked irrelevant or relevant), oldest first."""
    return store.history("article", article_id)


@router.post("/articles/{article_id}/relevance", response_model=sc.Article,
             responses={**ERRORS, **NOT_FOUND, **WRITE_ERRORS})
def relevance(request: Request, s: Db, store: StoreDep, who: WriterDep,
              article_id: Annotated[int, Path(ge=0, le=MAX_ID)], body: sc.RelevanceIn
              ) -> dict[str, Any]:
    """Mark an article irrelevant (it reports no event: its events leave the record and
    the canonical events they were in are fused again) or relevant again (extracted
    anew); needs an analyst's token."""
    from wirewatch.api.routes.articles import _extract

    docs = store.stored_documents([article_id])
    if not docs:
        raise HTTPException(404, f"no article {article_id}")
    extracted = None if body.irrelevant else _extract(request, docs)[0]
    try:
        store.mark_article(article_id, body.irrelevant, who.name, body.note, extracted)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    s.expire_all()
    article = qy.get_article(s, article_id)
    assert article is not None
    return article
