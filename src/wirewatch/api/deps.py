"""The API's dependencies and shared parameter types: the store and resources of the app,
a database session per request, the event filter of the query string (through the one
query layer, :mod:`wirewatch.store.query`), and the token checks by role."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from pydantic import BeforeValidator
from sqlalchemy.orm import Session

from wirewatch.api import schemas as sc
from wirewatch.api.auth import Auth
from wirewatch.resources import Resources
from wirewatch.store import Store
from wirewatch.store.accounts import Principal
from wirewatch.store.query import (
    MODALITIES,
    REVIEW_STATUSES,
    VERIFICATIONS,
    VISIBLE,
    EventFilter,
    QueryError,
    event_filter,
)

MAX_PAGE = 500
MAX_ID = 2**63 - 1  # larger ids cannot name a row (and overflow SQLite's integers)


def _empty_is_none(v: Any) -> Any:
    return None if isinstance(v, str) and v.strip() == "" else v


OptDate = Annotated[date | None, BeforeValidator(_empty_is_none)]
OptInt = Annotated[int | None, BeforeValidator(_empty_is_none)]
OptFloat = Annotated[float | None, BeforeValidator(_empty_is_none)]
OptBool = Annotated[bool | None, BeforeValidator(_empty_is_none)]

# error responses the OpenAPI document declares
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": sc.Error, "description": "A parameter is invalid; `detail` names it."}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": sc.Error}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": sc.Error, "description": "Missing or wrong bearer token."},
    403: {"model": sc.Error, "description": "Writing is disabled (no token configured), "
                                            "or the token's role may not do this."},
    413: {"model": sc.Error, "description": "Request body too large."}}


def get_store(request: Request) -> Store:
    """The store the app serves."""
    store: Store = request.app.state.store
    return store


def get_resources(request: Request) -> Resources:
    """The codebook, gazetteer and pipeline the app was built with."""
    resources: Resources = request.app.state.resources
    return resources


def get_session(request: Request) -> Iterator[Session]:
    """A session on the store for the request, closed after it."""
    with get_store(request).session() as s:
        yield s


def get_event_filter(
    request: Request,
    type: Annotated[str | None, Query(
        max_length=1000, description="Comma-separated event types (or type prefixes "
        "such as `territory`).", examples=["strike,casualties"])] = None,
    place: Annotated[str | None, Query(
        max_length=200, description="A GeoNames id, or a place name (resolved like any "
        "place; a region also matches the events inside it).")] = None,
    admin1: Annotated[str | None, Query(
        max_length=200, description="Admin-1 name as in `place.admin1`, e.g. "
        "`Donetsk Oblast`: events at places inside it.")] = None,
    since: Annotated[OptDate, Query(description="Events whose date overlaps "
                                     "[since, until]; undated events are excluded.")] = None,
    until: Annotated[OptDate, Query(description="See since.")] = None,
    min_sources: Annotated[OptInt, Query(ge=1, le=1_000_000, description=(
        "At least this many independent sources."))] = None,
    modality: Annotated[str | None, Query(
        max_length=200, description="Comma-separated modalities: " + ", ".join(MODALITIES)
    )] = None,
    has_conflict: Annotated[OptBool, Query(
        description="Only events with (true) or without (false) conflicting reports.")
    ] = None,
    q: Annotated[str | None, Query(
        max_length=200, description="Words that must each occur (case-insensitive) in "
        "an evidence sentence of the event.")] = None,
    review_status: Annotated[str | None, Query(
        max_length=100, description="Comma-separated review statuses: "
        + ", ".join(REVIEW_STATUSES) + "; `all`: any. Default: every status but "
        "`rejected` (an event an analyst rejected is left off lists, the map, the "
        "timeline and exports unless asked for).")] = None,
    verification: Annotated[str | None, Query(
        max_length=100, description="Comma-separated verification statuses: "
        + ", ".join(VERIFICATIONS) + "; `all`: any.")] = None,
    min_confidence: Annotated[OptFloat, Query(ge=0.0, le=1.0, description=(
        "At least this confidence (0..1): the probability, measured on blind sets, that "
        "the event is real and at the right place (docs/evaluation.md)."))] = None,
) -> EventFilter:
    """The event filter of the query string (422 naming the parameter if unusable)."""
    resources = get_resources(request)
    try:
        return event_filter(resources.codebook, resources.gazetteer, types=type, place=place,
                            admin1=admin1, since=since, until=until, min_sources=min_sources,
                            modalities=modality, has_conflict=has_conflict, words=q,
                            review_status=VISIBLE if review_status is None else review_status,
                            verification=verification,
                            min_confidence=min_confidence)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from exc


def get_auth(request: Request) -> Auth:
    """The app's token check."""
    auth: Auth = request.app.state.auth
    return auth


def _principal(request: Request, need: str | None) -> Principal | None:
    """Who the request acts as (checked by the middleware, or here when the route is
    mounted without it); raise 401 or 403 when it may not do what needs ``need``."""
    who, refused = get_auth(request).check(request.headers.get("authorization", ""), need)
    if refused:
        raise HTTPException(refused.status, refused.reason,
                            headers={"WWW-Authenticate": "Bearer"}
                            if refused.status == 401 else None)
    return who


def check_writer(request: Request) -> Principal:
    """The analyst or admin the request acts as (401 without a valid token, 403 for a
    reader's token or when no token may write)."""
    who = _principal(request, "analyst")
    assert who is not None
    return who


def check_admin(request: Request) -> Principal:
    """The admin the request acts as (403 for a reader's or analyst's token)."""
    who = _principal(request, "admin")
    assert who is not None
    return who


Db = Annotated[Session, Depends(get_session)]
StoreDep = Annotated[Store, Depends(get_store)]
ResourcesDep = Annotated[Resources, Depends(get_resources)]
Filter = Annotated[EventFilter, Depends(get_event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
ExportLimit = Annotated[OptInt, Query(ge=1, le=10**7,
                                      description="At most this many (newest) events.")]
Writer = Depends(check_writer)
WriterDep = Annotated[Principal, Depends(check_writer)]
AdminDep = Annotated[Principal, Depends(check_admin)]
