"""Query strings that mean one thing: unknown parameters and empty integers are refused.

A misspelt or unsupported filter (``?claimnt=X``) used to be ignored, so the answer
looked filtered and was not; an empty integer (``?min_sources=``) failed inside
validation. :class:`StrictRoute` (the ``route_class`` of every API router) answers both
with a 422 whose ``detail`` names the parameter, before the endpoint runs.

:data:`Filter` is the event filter of the query string: that of
:func:`wirewatch.api.deps.get_event_filter` narrowed by ``claimant``, ``denied_by`` and
``outlet`` through the same query layer (:func:`wirewatch.store.query.source_filter`).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from wirewatch.api.deps import get_event_filter
from wirewatch.store.query import MAX_NAME, EventFilter, QueryError, source_filter


def _is_int(annotation: Any) -> bool:
    """Whether a parameter's type is an integer (or an optional one), not a bool."""
    if annotation is int:
        return True
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _is_int(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_is_int(a) for a in typing.get_args(annotation) if a is not type(None))
    return False


def check_query(params: Any, known: dict[str, bool]) -> None:
    """Raise a 422 for a parameter not in ``known`` (name: is an integer) or an empty
    integer; ``params`` is the request's query parameters."""
    for name in params:
        if name not in known:
            raise HTTPException(422, f"{name}: unknown parameter (this endpoint takes: "
                                     f"{', '.join(sorted(known)) or 'none'})")
        if known[name] and any(not v.strip() for v in params.getlist(name)):
            raise HTTPException(422, f"{name}: empty; give an integer or leave the "
                                     f"parameter out")


def _query_params(dependant: Dependant) -> dict[str, bool]:
    """The query parameters of an endpoint and its dependencies (name: is an integer)."""
    out = {p.alias: _is_int(p.field_info.annotation) for p in dependant.query_params}
    for sub in dependant.dependencies:
        out.update(_query_params(sub))
    return out


class StrictRoute(APIRoute):
    """An API route that refuses unknown query parameters and empty integer ones."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The endpoint's handler, after the check of the query string."""
        handler = super().get_route_handler()
        known = _query_params(self.dependant)

        async def strict(request: Request) -> Response:
            check_query(request.query_params, known)
            return await handler(request)

        return strict


def get_filter(
    base: Annotated[EventFilter, Depends(get_event_filter)],
    claimant: Annotated[str | None, Query(
        max_length=MAX_NAME * 4, description="Events claimed by this speaker (part of the "
        "name, any case; comma-separated alternatives). Deniers are not claimants: see "
        "`denied_by`.")] = None,
    denied_by: Annotated[str | None, Query(
        max_length=MAX_NAME * 4, description="Events denied by this speaker (or, for a "
        "denial naming no speaker, this outlet).")] = None,
    outlet: Annotated[str | None, Query(
        max_length=MAX_NAME * 4, description="Events reported (claimed or denied) by an "
        "article of this outlet.")] = None,
) -> EventFilter:
    """The event filter of the query string, with the claimant, denier and outlet filters
    (422 naming the parameter if unusable)."""
    try:
        return source_filter(base, claimant=claimant, denied_by=denied_by, outlet=outlet)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from exc


Filter = Annotated[EventFilter, Depends(get_filter)]
