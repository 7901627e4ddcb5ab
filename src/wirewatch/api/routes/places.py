"""Places: resolving a name with the gazetteer in use, a place and its events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import ERRORS, MAX_ID, NOT_FOUND, Db, Limit, Offset, ResourcesDep
from wirewatch.api.strict import StrictRoute
from wirewatch.store.query import EventFilter

router = APIRouter(route_class=StrictRoute, prefix="/api/places", tags=["places"])


@router.get("/resolve", response_model=sc.Place, responses={**ERRORS, **NOT_FOUND})
def resolve(resources: ResourcesDep,
            name: Annotated[str, Query(min_length=1, max_length=200)],
            context: Annotated[str, Query(max_length=5000)] = "") -> dict[str, Any]:
    """Resolve a place name (optionally with text around it) to the gazetteer, as
    `wirewatch places resolve`; 404 when it names no known place."""
    from wirewatch.places import resolve_place

    if not name.strip():
        raise HTTPException(422, "name: empty")
    found = resolve_place(name, context, resources.gazetteer)
    if found.place is None:
        raise HTTPException(404, f"no place found for {name!r}: {found.explanation}")
    return found.place.to_dict()


@router.get("/{geonameid}", response_model=sc.PlaceInfo, responses={**ERRORS, **NOT_FOUND})
def place_info(s: Db, resources: ResourcesDep,
               geonameid: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """Return a gazetteer place and how many canonical events are at it (and, for a
    region, inside it)."""
    e = resources.gazetteer.entry(geonameid)
    if e is None:
        raise HTTPException(404, f"no place {geonameid} in the gazetteer")
    at, inside = qy.place_counts(s, geonameid, e.name if e.kind == "admin1" else None)
    return {"geonameid": e.id, "name": e.name, "lat": round(e.lat, 5),
            "lon": round(e.lon, 5), "country": e.country, "admin1": e.admin1 or None,
            "kind": e.kind, "n_events": at, "n_events_inside": inside}


@router.get("/{geonameid}/events", response_model=sc.EventPage, responses=ERRORS)
def place_events(s: Db, geonameid: Annotated[int, Path(ge=0, le=MAX_ID)],
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Return the canonical events at a place, newest first (as /api/events?place=)."""
    f = EventFilter(geonameids=(geonameid,))
    total, items = qy.list_events(s, f, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}
