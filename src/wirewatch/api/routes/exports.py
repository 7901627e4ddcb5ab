"""Exports of the matching canonical events, streamed: ACLED-style CSV, JSON Lines and
GeoJSON (the formats of ``wirewatch events --format``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from wirewatch.api import queries as qy
from wirewatch.api.deps import ERRORS, ExportLimit, Filter, StoreDep
from wirewatch.store import Store
from wirewatch.store import export as ex
from wirewatch.store.query import EventFilter

router = APIRouter(prefix="/api/export", tags=["exports"])


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/events.csv", responses={
    **ERRORS, 200: {"content": {"text/csv": {}}, "description": "ACLED-style CSV"}},
    response_class=StreamingResponse)
def export_csv(store: StoreDep, f: Filter, limit: ExportLimit = None) -> StreamingResponse:
    """Stream the matching canonical events as CSV with ACLED's columns and
    wirewatch's own (`wirewatch events --format csv`)."""
    return StreamingResponse(_stream(store, f, limit, _csv_chunks),
                             media_type="text/csv; charset=utf-8",
                             headers=_attachment("wirewatch-events.csv"))


@router.get("/events.jsonl", responses={
    **ERRORS, 200: {"content": {"application/x-ndjson": {}},
                    "description": "one event (with mentions) per line"}},
    response_class=StreamingResponse)
def export_jsonl(store: StoreDep, f: Filter, limit: ExportLimit = None) -> StreamingResponse:
    """Stream the matching canonical events, with their mentions, as JSON Lines
    (`wirewatch events --format jsonl`)."""
    return StreamingResponse(_stream(store, f, limit, _jsonl_chunks),
                             media_type="application/x-ndjson",
                             headers=_attachment("wirewatch-events.jsonl"))


@router.get("/events.geojson", responses={
    **ERRORS, 200: {"content": {"application/geo+json": {}},
                    "description": "GeoJSON FeatureCollection"}},
    response_class=StreamingResponse)
def export_geojson(store: StoreDep, f: Filter, limit: ExportLimit = None
                   ) -> StreamingResponse:
    """Stream the matching canonical events that have a place as a GeoJSON
    FeatureCollection with the CSV's columns as properties."""
    return StreamingResponse(_stream(store, f, limit, _geojson_chunks),
                             media_type="application/geo+json",
                             headers=_attachment("wirewatch-events.geojson"))


ChunkWriter = Callable[[Iterator[dict[str, Any]]], Iterator[str]]


async def _iterate(chunks: Iterator[str]) -> AsyncIterator[bytes]:
    from starlette.concurrency import iterate_in_threadpool

    async for part in iterate_in_threadpool(chunks):
        yield part.encode("utf-8")


def _stream(store: Store, f: EventFilter, limit: int | None, writer: ChunkWriter
            ) -> AsyncIterator[bytes]:
    def chunks() -> Iterator[str]:
        with store.session() as s:
            yield from writer(qy.iter_events(s, qy.event_ids(s, f, limit)))

    return _iterate(chunks())


def _csv_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    ex.write_csv([], buf)  # the header
    yield buf.getvalue()
    for e in events:
        buf = io.StringIO()
        csv.DictWriter(buf, fieldnames=ex.COLUMNS, lineterminator="\n").writerow(ex.csv_row(e))
        yield buf.getvalue()


def _jsonl_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    for e in events:
        yield json.dumps(e, ensure_ascii=False, default=str) + "\n"


def _geojson_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for e in events:
        for feat in ex.geojson([e])["features"]:
            yield ("" if first else ",\n") + json.dumps(feat, ensure_ascii=False, default=str)
            first = False
    yield "]}\n"
