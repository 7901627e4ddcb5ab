"""The sources ``wirewatch watch`` polls and their status, as JSON and CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from wirewatch.api import schemas as sc
from wirewatch.api.deps import ERRORS, StoreDep
from wirewatch.api.strict import StrictRoute
from wirewatch.store import export as ex
from wirewatch.store.sources import SOURCE_COLUMNS

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["sources"])


@router.get("/sources", response_model=sc.WatchedSources, responses=ERRORS)
def list_sources(store: StoreDep) -> dict[str, Any]:
    """Return every watched feed and page (`wirewatch watch`): its status, last success,
    last error and its reason, errors in a row, next poll, validators, items seen and
    articles stored."""
    rows = store.sources()
    return {"total": len(rows), "items": rows}


@router.get("/export/sources.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "watched sources as CSV"}},
    response_class=StreamingResponse)
def export_sources(store: StoreDep) -> StreamingResponse:
    """Return every watched source and its status as CSV (the columns of `/api/sources`)."""
    return StreamingResponse(ex.iter_rows_csv(
        [ex.source_row(r) for r in store.sources()], SOURCE_COLUMNS),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirewatch-sources.csv"'})
