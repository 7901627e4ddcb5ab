"""Conflicts (reports of one event that disagree, one role given two names) and the CSV
exports of conflicts and rewrite families (stories), as ``wirewatch conflicts`` and
``wirewatch stories`` list them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from wirewatch.api.deps import ERRORS, Db, Limit, Offset
from wirewatch.api.strict import StrictRoute
from wirewatch.store import export as ex
from wirewatch.store.views import FAMILY_ORDER, conflict_dicts, family_dicts

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["conflicts"])

Kind = Annotated[Literal["date", "count", "extent", "modality", "name"] | None, Query(
    description="Only this kind of disagreement.")]


@router.get("/conflicts", responses=ERRORS)
def list_conflicts(s: Db, kind: Kind = None, limit: Limit = 50, offset: Offset = 0
                   ) -> dict[str, Any]:
    """Return a page of disagreements (`wirewatch conflicts --format jsonl`): reports of
    one event that differ on date, count, extent or modality (claimed vs denied), each
    side with who says it, and articles giving one role two names."""
    rows = conflict_dicts(s, kind)
    return {"total": len(rows), "limit": limit, "offset": offset,
            "items": rows[offset:offset + limit]}


@router.get("/export/conflicts.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "conflicts as CSV"}},
    response_class=StreamingResponse)
def export_conflicts(s: Db, kind: Kind = None) -> StreamingResponse:
    """Return every disagreement as CSV: each side's value, claimants, outlets and URLs."""
    rows = [ex.conflict_row(c) for c in conflict_dicts(s, kind)]
    return StreamingResponse(ex.iter_rows_csv(rows, ex.CONFLICT_COLUMNS),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirewatch-conflicts.csv"'})


@router.get("/export/stories.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "rewrite families as CSV"}},
    response_class=StreamingResponse)
def export_stories(s: Db, min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2
                   ) -> StreamingResponse:
    """Return the rewrite families (largest first) as CSV: head, dates, outlets, URLs."""
    from sqlalchemy import select

    from wirewatch.store import models as m

    fams = list(s.scalars(select(m.RewriteFamily).where(m.RewriteFamily.size >= min_size)
                          .order_by(*FAMILY_ORDER)))
    rows = [ex.story_row(f) for f in family_dicts(s, fams)]
    return StreamingResponse(ex.iter_rows_csv(rows, ex.STORY_COLUMNS),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="wirewatch-stories.csv"'})
