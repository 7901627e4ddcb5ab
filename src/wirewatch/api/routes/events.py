"""Canonical events: the filtered list, one event, the map and the timeline."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Response

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import ERRORS, MAX_ID, NOT_FOUND, Db, Limit, Offset
from wirewatch.api.strict import Filter, StrictRoute

MAX_MAP = 100_000
DEFAULT_MAP = 2_000

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["events"])


@router.get("/events", response_model=sc.EventPage, responses=ERRORS)
def list_events(s: Db, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Return one page of canonical events matching the filters, newest first, and the
    total over all pages. The order is stable (date, then id), so paging with
    `offset` neither repeats nor skips an event."""
    total, items = qy.list_events(s, f, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", response_model=sc.EventDetail,
            responses={**ERRORS, **NOT_FOUND})
def get_event(s: Db, event_id: Annotated[int, Path(ge=0, le=MAX_ID)],
              response: Response) -> dict[str, Any]:
    """Return one canonical event with every mention (evidence, claimant, conduit,
    place as resolved), its conflicts, the rewrite families among its articles, and
    its review (the `ETag` is its `version`, for `If-Match` on a `PATCH`)."""
    event = qy.get_event(s, event_id)
    if event is None:
        raise HTTPException(404, f"no canonical event {event_id}")
    response.headers["ETag"] = f'"{event["version"]}"'
    return event


@router.get("/map", response_model=sc.MapCollection, responses=ERRORS)
def map_data(s: Db, f: Filter, limit: Annotated[int, Query(
        ge=1, le=MAX_MAP, description="At most this many events as points.")
        ] = DEFAULT_MAP,
        group: Annotated[Literal["auto", "events", "places"], Query(
            description="`events`: a point per event (the newest `limit`); `places`: a "
                        "point per place with its events counted by type; `auto`: events "
                        "if there are at most `limit`, else places.")] = "auto"
        ) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the matching canonical events that have a
    place: a point per event, or per place when there are more than `limit`."""
    return qy.map_features(s, f, limit, group)


@router.get("/timeline", response_model=list[sc.TimelineRow], responses=ERRORS)
def timeline(s: Db, f: Filter) -> list[dict[str, Any]]:
    """Return the number of matching canonical events per day and type (an event
    counts on the first day of its date; undated events are left out)."""
    return qy.timeline(s, f)
