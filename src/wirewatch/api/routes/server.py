"""``/api/health``: the server is up, its version, whether it writes, the store's size."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from wirewatch.api import schemas as sc
from wirewatch.api.deps import StoreDep
from wirewatch.api.strict import StrictRoute

router = APIRouter(route_class=StrictRoute, prefix="/api")


@router.get("/health", response_model=sc.Health, tags=["server"])
def health(request: Request, store: StoreDep) -> dict[str, Any]:
    """Return that the server is up, its version, whether writing is enabled and the
    number of rows of the store's main tables."""
    return {"status": "ok", "version": request.app.state.version,
            "writes": request.app.state.auth.writes_enabled(), "counts": store.counts()}
