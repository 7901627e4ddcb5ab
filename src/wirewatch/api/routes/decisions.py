"""Analysts' decisions beyond a review: verify an event (confirmed or refuted, citing
evidence), merge two events, split mentions out of one, merge two rewrite families,
split an article out of its family (docs/review.md). Each needs an analyst's token, is
kept beside the machine's output (fusion applies it again after new articles and
re-extraction) and is recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Header, HTTPException, Path, Response

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import MAX_ID, Db, StoreDep, WriterDep
from wirewatch.api.routes.review import REVIEW_ERRORS, version_of
from wirewatch.api.strict import StrictRoute
from wirewatch.store.review import NotFound, ReviewError, StaleVersion

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["review"])

Id = Annotated[int, Path(ge=0, le=MAX_ID)]
IfMatch = Annotated[str | None, Header(max_length=40)]
T = TypeVar("T")


def run(call: Callable[[], T]) -> T:
    """Run a store decision, answering its errors: 404, 409 (with the current version in
    the ETag) or 422."""
    try:
        return call()
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except StaleVersion as exc:
        raise HTTPException(409, str(exc), headers={"ETag": f'"{exc.current}"'}) from exc
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc


def _event(s: Db, event_id: int, response: Response) -> dict[str, Any]:
    s.expire_all()
    event = qy.get_event(s, event_id)
    if event is None:
        raise HTTPException(404, f"no canonical event {event_id}")
    response.headers["ETag"] = f'"{event["version"]}"'
    return event


@router.post("/events/{event_id}/verification", response_model=sc.EventDetail,
             responses=REVIEW_ERRORS)
def verify(s: Db, store: StoreDep, who: WriterDep, event_id: Id, body: sc.VerificationIn,
           response: Response, if_match: IfMatch = None) -> dict[str, Any]:
    """Confirm or refute an event, citing the evidence (`evidence_url`, http(s)), or
    withdraw that (`unverified`: what the reports give is in force again). Give the
    `version` you saw: 409 if the event changed since."""
    version = version_of(body.version, if_match)
    run(lambda: store.verify_event(event_id, body.status, body.evidence_url, who.name,
                                   body.note, version))
    return _event(s, event_id, response)


@router.post("/events/{event_id}/merge", response_model=sc.EventDetail,
             responses=REVIEW_ERRORS)
def merge(s: Db, store: StoreDep, who: WriterDep, event_id: Id, body: sc.MergeIn,
          response: Response, if_match: IfMatch = None) -> dict[str, Any]:
    """Merge event `other` into this one: they report one event. `other` leaves the
    record (its history says where it went), its mentions and its review come here (the
    later decision wins where both were reviewed). New articles and re-extraction keep
    the merge."""
    version = version_of(body.version, if_match)
    run(lambda: store.merge_events(event_id, body.other, who.name, version,
                                   body.other_version, body.note))
    return _event(s, event_id, response)


@router.post("/events/{event_id}/split", response_model=sc.SplitOut,
             responses=REVIEW_ERRORS)
def split(s: Db, store: StoreDep, who: WriterDep, event_id: Id, body: sc.SplitIn,
          response: Response, if_match: IfMatch = None) -> dict[str, Any]:
    """Move these mentions out of the event into a new one: they report another event.
    Both parts stay apart after new articles and re-extraction."""
    version = version_of(body.version, if_match)
    new, _ = run(lambda: store.split_event(event_id, body.mentions, who.name, version,
                                           body.note))
    event = _event(s, event_id, response)
    created = qy.get_event(s, new)
    assert created is not None
    return {"event": event, "new_event": created}


def _family_version(given: int | None, if_match: str | None) -> int:
    """The family's version a decision was made on (428 without one)."""
    try:
        return version_of(given, if_match)
    except HTTPException as exc:
        if exc.status_code == 428:
            raise HTTPException(428, "version: give the version of the family you decided "
                                     "on (its `version`, in the body or an If-Match "
                                     "header)") from exc
        raise


def _family(s: Db, family_id: int, response: Response) -> dict[str, Any] | None:
    s.expire_all()
    fam = qy.get_family(s, family_id)
    if fam is not None:
        response.headers["ETag"] = f'"{fam["version"]}"'
    return fam


@router.post("/families/{family_id}/merge", response_model=sc.Family,
             responses=REVIEW_ERRORS)
def merge_families(s: Db, store: StoreDep, who: WriterDep, family_id: Id,
                   body: sc.FamilyMergeIn, response: Response,
                   if_match: IfMatch = None) -> dict[str, Any]:
    """Merge rewrite family `other` into this one: they retell one report (their
    events count them as one source). Give this family's `version` (409 if it changed
    since; `other_version` is checked when given)."""
    version = _family_version(body.version, if_match)
    run(lambda: store.merge_families(family_id, body.other, who.name, body.note, version,
                                     body.other_version))
    fam = _family(s, family_id, response)
    assert fam is not None
    return fam


@router.post("/families/{family_id}/split", response_model=sc.FamilySplitOut,
             responses=REVIEW_ERRORS)
def split_family(s: Db, store: StoreDep, who: WriterDep, family_id: Id,
                 body: sc.FamilySplitIn, response: Response,
                 if_match: IfMatch = None) -> dict[str, Any]:
    """Take an article out of this rewrite family: it is no rewrite of the others, and
    links found later do not pull it back (`POST /api/articles/{id}/rejoin` undoes it).
    The family is dissolved when one article is left. Give the family's `version` (409
    if it changed since)."""
    version = _family_version(body.version, if_match)
    run(lambda: store.split_article(family_id, body.article, who.name, body.note,
                                    version))
    return {"family": _family(s, family_id, response), "article": body.article}


@router.post("/articles/{article_id}/rejoin", response_model=sc.RejoinOut,
             responses=REVIEW_ERRORS)
def rejoin(s: Db, store: StoreDep, who: WriterDep, article_id: Id, body: sc.RejoinIn,
           response: Response) -> dict[str, Any]:
    """Put an article an analyst split out of its rewrite family back (undo the split):
    into that family, or, if the split dissolved it, with its other articles again.
    Recorded in the audit trail (`family.rejoin`, on the article and the family)."""
    family_id = run(lambda: store.rejoin_article(article_id, who.name, body.note,
                                                 body.version))
    fam = _family(s, family_id, response)
    assert fam is not None
    return {"article": article_id, "family": fam}


@router.get("/families/{family_id}/history", response_model=list[sc.Decision],
            responses=REVIEW_ERRORS)
def family_history(store: StoreDep, family_id: Id) -> list[dict[str, Any]]:
    """Every merge and split of a rewrite family, oldest first."""
    return store.history("family", family_id)
