"""Rewrite families: near-duplicates and paraphrased rewrites of one report."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import ERRORS, MAX_ID, NOT_FOUND, Db, Limit, Offset
from wirewatch.api.strict import StrictRoute

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["families"])


@router.get("/families", response_model=sc.FamilyPage, responses=ERRORS)
def list_families(s: Db, limit: Limit = 50, offset: Offset = 0,
                  min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2
                  ) -> dict[str, Any]:
    """Return rewrite families (near-duplicates and paraphrased rewrites of one
    report), largest first, as `wirewatch stories --format jsonl`."""
    total, items = qy.list_families(s, min_size, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/families/{family_id}", response_model=sc.Family,
            responses={**ERRORS, **NOT_FOUND})
def get_family(s: Db, family_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """Return one rewrite family with its members and the links that tie them."""
    fam = qy.get_family(s, family_id)
    if fam is None:
        raise HTTPException(404, f"no rewrite family {family_id}")
    return fam
