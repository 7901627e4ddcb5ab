"""Exports of the matching canonical events: ACLED-style CSV, JSON Lines and GeoJSON
(streamed) and GeoParquet (the formats of ``wirewatch events --format``)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse

from wirewatch.api import queries as qy
from wirewatch.api.deps import ERRORS, ExportLimit, StoreDep
from wirewatch.api.strict import Filter, StrictRoute
from wirewatch.store import Store
from wirewatch.store import export as ex
from wirewatch.store.query import EventFilter

router = APIRouter(route_class=StrictRoute, prefix="/api/export", tags=["exports"])


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


@router.get("/events.parquet", responses={
    **ERRORS, 200: {"content": {"application/vnd.apache.parquet": {}},
                    "description": "GeoParquet file"}},
    response_class=Response)
def export_parquet(store: StoreDep, f: Filter, limit: ExportLimit = None) -> Response:
    """Return the matching canonical events as a GeoParquet file: the CSV's columns typed
    (dates as dates, NULL where nothing is known), the mentions as JSON and a WKB point
    geometry (`wirewatch events --format parquet`)."""
    with store.session() as s:
        data = ex.parquet_bytes(qy.iter_events(s, qy.event_ids(s, f, limit)))
    return Response(data, media_type="application/vnd.apache.parquet",
                    headers=_attachment("wirewatch-events.parquet"))


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
    yield from ex.iter_csv(events)


def _jsonl_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    for e in events:
        yield json.dumps(e, ensure_ascii=False, default=str) + "\n"


def _geojson_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    missing: list[int] = []
    for e in events:
        feat = ex.geojson_feature(e)
        if feat is None:
            missing.append(e["id"])
            continue
        yield ("" if first else ",\n") + json.dumps(feat, ensure_ascii=False, default=str)
        first = False
    yield '],\n"wirewatch_left_out": ' + json.dumps(ex.left_out(missing)) + "}\n"
