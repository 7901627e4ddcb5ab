"""The HTTP API and the web interface in one ASGI app (FastAPI).

``create_app(db)`` opens the store (migrating it), mounts the JSON API under ``/api/``,
its OpenAPI document at ``/openapi.json`` with a browsable copy at ``/docs`` (served from
local files), and the static pages of :mod:`wirewatch.web` at ``/``.

Reading is open. Writing (``POST /api/articles``, ``POST /api/articles/{id}/extract``)
is off unless a token is configured, and then needs ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BeforeValidator
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.document import Document
from wirewatch.resources import Resources
from wirewatch.store import Store
from wirewatch.store import export as ex
from wirewatch.store.query import MODALITIES, EventFilter, QueryError, event_filter
from wirewatch.store.write import Extracted

log = logging.getLogger("wirewatch.api")

Extractor = Callable[[Sequence[Document]], list[Extracted]]

MAX_BODY_BYTES = 2_000_000
MAX_PAGE = 500
MAX_MAP = 100_000
DEFAULT_MAP = 2_000
MAX_ID = 2**63 - 1  # larger ids cannot name a row (and overflow SQLite's integers)

# Pages and API: scripts and data only from this server; report text can never run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
# The OpenAPI browser starts itself with an inline script.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def _empty_is_none(v: Any) -> Any:
    return None if isinstance(v, str) and v.strip() == "" else v


OptDate = Annotated[date | None, BeforeValidator(_empty_is_none)]
OptInt = Annotated[int | None, BeforeValidator(_empty_is_none)]
OptBool = Annotated[bool | None, BeforeValidator(_empty_is_none)]


# ---------------------------------------------------------------------- middleware


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with a 413 (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        detail = f"request body larger than {self.max_bytes} bytes"
        if declared is not None:
            if not declared.isdigit():
                await _send_json(send, 400, {"detail": "malformed Content-Length header"})
                return
            if int(declared) > self.max_bytes:
                await _send_json(send, 413, {"detail": detail})
                return
        seen = 0
        started = refused = False

        async def limited() -> Message:
            # Past the limit: answer 413 now and tell the app the client went away, so
            # it stops reading whatever it makes of that.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    if not started:
                        await _send_json(send, 413, {"detail": detail})
                    return {"type": "http.disconnect"}
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; drop what the app answers
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited, tracking)


class SecurityHeaders:
    """Add a Content-Security-Policy and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope.get("path") == "/docs" else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                for k, v in ((b"content-security-policy", csp.encode()),
                             (b"x-content-type-options", b"nosniff"),
                             (b"referrer-policy", b"no-referrer"),
                             (b"x-frame-options", b"DENY")):
                    if k not in names:
                        headers.append((k, v))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


# ---------------------------------------------------------------------- errors


def _loc(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
               "type": str(e.get("type", ""))} for e in exc.errors()]
    detail = "; ".join(f"{_loc(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code,
                        headers=exc.headers)


def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("error serving %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal server error (see the server's log)"},
                        status_code=500)


_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": sc.Error, "description": "A parameter is invalid; `detail` names it."}}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": sc.Error}}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": sc.Error, "description": "Missing or wrong bearer token."},
    403: {"model": sc.Error, "description": "Writing is disabled (no token configured)."},
    413: {"model": sc.Error, "description": "Request body too large."}}


# ---------------------------------------------------------------------- dependencies


def _session(request: Request) -> Iterator[Session]:
    store: Store = request.app.state.store
    with store.session() as s:
        yield s


def _event_filter(
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
) -> EventFilter:
    resources: Resources = request.app.state.resources
    try:
        return event_filter(resources.codebook, resources.gazetteer, types=type, place=place,
                            admin1=admin1, since=since, until=until, min_sources=min_sources,
                            modalities=modality, has_conflict=has_conflict, words=q)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from exc


def _writer(request: Request) -> None:
    configured: str | None = request.app.state.token
    if not configured:
        raise HTTPException(403, "writing is disabled on this server: start it with "
                                 "--token or WIREWATCH_TOKEN to enable it")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), configured.encode()):
        raise HTTPException(401, "missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


Db = Annotated[Session, Depends(_session)]
Filter = Annotated[EventFilter, Depends(_event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
ExportLimit = Annotated[OptInt, Query(ge=1, le=10**7,
                                      description="At most this many (newest) events.")]
Writer = Depends(_writer)


# ---------------------------------------------------------------------- the app


def create_app(db: str | None = None, token: str | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES, extractor: Extractor | None = None,
               serve_web: bool = True, resources: Resources | None = None) -> FastAPI:
    """Return the ASGI app serving the store ``db`` (a SQLite path or database URL; None:
    ``WIREWATCH_DB`` or ``wirewatch.db``): the JSON API under ``/api/`` and the web pages
    at ``/``. With a ``token``, write endpoints are enabled for requests that carry it.
    ``resources`` (default: the bundled codebook and places) is what type filters are
    checked against and what writes extract with."""
    from importlib.metadata import version

    from fastapi_offline import FastAPIOffline

    __version__ = version("wirewatch")
    store = Store(db)
    resources = resources or Resources.load()
    state: dict[str, Any] = {"extractor": extractor, "resources": resources}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPIOffline(
        title="wirewatch", version=__version__, lifespan=lifespan, docs_url="/docs",
        redoc_url=None, static_url="/api/docs-static",
        swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": 0},
        description=("Claimed events from news reports: canonical events, their mentions, "
                     "evidence, sources, conflicts, articles and rewrite families. "
                     "See docs/api.md. Writing needs a bearer token and is off by default."))
    app.state.store = store
    app.state.token = token
    app.state.resources = resources
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)

    # ------------------------------------------------------------------ events

    @app.get("/api/health", response_model=sc.Health, tags=["server"])
    def health() -> dict[str, Any]:
        """Return that the server is up, its version, whether writing is enabled and the
        number of rows of the store's main tables."""
        return {"status": "ok", "version": __version__, "writes": bool(token),
                "counts": store.counts()}

    @app.get("/api/events", response_model=sc.EventPage, responses=_ERRORS, tags=["events"])
    def list_events(s: Db, f: Filter, limit: Limit = 50, offset: Offset = 0
                    ) -> dict[str, Any]:
        """Return one page of canonical events matching the filters, newest first, and the
        total over all pages. The order is stable (date, then id), so paging with
        `offset` neither repeats nor skips an event."""
        total, items = qy.list_events(s, f, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{event_id}", response_model=sc.EventDetail,
             responses={**_ERRORS, **_NOT_FOUND}, tags=["events"])
    def get_event(s: Db, event_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
        """Return one canonical event with every mention (evidence, claimant, conduit,
        place as resolved), its conflicts and the rewrite families among its articles."""
        event = qy.get_event(s, event_id)
        if event is None:
            raise HTTPException(404, f"no canonical event {event_id}")
        return event

    @app.get("/api/map", response_model=sc.MapCollection, responses=_ERRORS, tags=["events"])
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

    @app.get("/api/timeline", response_model=list[sc.TimelineRow], responses=_ERRORS,
             tags=["events"])
    def timeline(s: Db, f: Filter) -> list[dict[str, Any]]:
        """Return the number of matching canonical events per day and type (an event
        counts on the first day of its date; undated events are left out)."""
        return qy.timeline(s, f)

    # ------------------------------------------------------------------ articles

    @app.get("/api/articles", response_model=sc.ArticlePage, responses=_ERRORS,
             tags=["articles"])
    def list_articles(s: Db, limit: Limit = 50, offset: Offset = 0,
                      outlet: Annotated[str | None, Query(max_length=300)] = None,
                      family: Annotated[OptInt, Query(ge=0, le=MAX_ID)] = None
                      ) -> dict[str, Any]:
        """Return one page of stored articles (metadata only), in the order stored."""
        total, items = qy.list_articles(s, limit, offset, outlet or None, family)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/articles/{article_id}", response_model=sc.Article,
             responses={**_ERRORS, **_NOT_FOUND}, tags=["articles"])
    def get_article(s: Db, article_id: Annotated[int, Path(ge=0, le=MAX_ID)]
                    ) -> dict[str, Any]:
        """Return an article's text exactly as stored (JSON-encoded, never HTML-escaped)
        with its place mentions and event triggers; offsets count code points."""
        article = qy.get_article(s, article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id}")
        return article

    @app.post("/api/articles", response_model=sc.WriteResult,
              responses={**_ERRORS, **_WRITE_ERRORS}, dependencies=[Writer],
              tags=["writing"])
    def post_articles(body: sc.IngestIn) -> dict[str, Any]:
        """Ingest articles: extract, store and fuse them in one transaction (needs the
        bearer token). Articles already stored (same normalised text) are skipped."""
        docs = [_document(a) for a in body.articles]
        extracted = _extract(state, docs)
        res = store.write_batch(extracted)
        return {"stored": res.stored, "skipped": res.skipped, "article_ids": res.article_ids,
                "canonical_touched": res.canonical_touched}

    @app.post("/api/articles/{article_id}/extract", response_model=sc.WriteResult,
              responses={**_ERRORS, **_NOT_FOUND, **_WRITE_ERRORS}, dependencies=[Writer],
              tags=["writing"])
    def reextract(article_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
        """Run extraction again on a stored article (e.g. after the codebook or the
        gazetteer changed) and re-fuse it; needs the bearer token."""
        docs = store.stored_documents([article_id])
        if not docs:
            raise HTTPException(404, f"no article {article_id}")
        extracted = _extract(state, docs)
        res = store.replace_extraction([(article_id, x) for x in extracted])
        return {"stored": res.stored, "skipped": res.skipped, "article_ids": res.article_ids,
                "canonical_touched": res.canonical_touched}

    # ------------------------------------------------------------------ families

    @app.get("/api/families", response_model=sc.FamilyPage, responses=_ERRORS,
             tags=["families"])
    def list_families(s: Db, limit: Limit = 50, offset: Offset = 0,
                      min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2
                      ) -> dict[str, Any]:
        """Return rewrite families (near-duplicates and paraphrased rewrites of one
        report), largest first, as `wirewatch stories --format jsonl`."""
        total, items = qy.list_families(s, min_size, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/families/{family_id}", response_model=sc.Family,
             responses={**_ERRORS, **_NOT_FOUND}, tags=["families"])
    def get_family(s: Db, family_id: Annotated[int, Path(ge=0, le=MAX_ID)]
                   ) -> dict[str, Any]:
        """Return one rewrite family with its members and the links that tie them."""
        fam = qy.get_family(s, family_id)
        if fam is None:
            raise HTTPException(404, f"no rewrite family {family_id}")
        return fam

    # ------------------------------------------------------------------ places

    @app.get("/api/places/resolve", response_model=sc.Place,
             responses={**_ERRORS, **_NOT_FOUND}, tags=["places"])
    def resolve(name: Annotated[str, Query(min_length=1, max_length=200)],
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

    @app.get("/api/places/{geonameid}", response_model=sc.PlaceInfo,
             responses={**_ERRORS, **_NOT_FOUND}, tags=["places"])
    def place_info(s: Db, geonameid: Annotated[int, Path(ge=0, le=MAX_ID)]
                   ) -> dict[str, Any]:
        """Return a gazetteer place and how many canonical events are at it (and, for a
        region, inside it)."""
        e = resources.gazetteer.entry(geonameid)
        if e is None:
            raise HTTPException(404, f"no place {geonameid} in the gazetteer")
        at, inside = qy.place_counts(s, geonameid, e.name if e.kind == "admin1" else None)
        return {"geonameid": e.id, "name": e.name, "lat": round(e.lat, 5),
                "lon": round(e.lon, 5), "country": e.country, "admin1": e.admin1 or None,
                "kind": e.kind, "n_events": at, "n_events_inside": inside}

    @app.get("/api/places/{geonameid}/events", response_model=sc.EventPage,
             responses=_ERRORS, tags=["places"])
    def place_events(s: Db, geonameid: Annotated[int, Path(ge=0, le=MAX_ID)],
                     limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Return the canonical events at a place, newest first (as /api/events?place=)."""
        f = EventFilter(geonameids=(geonameid,))
        total, items = qy.list_events(s, f, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    # ------------------------------------------------------------------ exports

    def _attachment(name: str) -> dict[str, str]:
        return {"Content-Disposition": f'attachment; filename="{name}"'}

    @app.get("/api/export/events.csv", responses={
        **_ERRORS, 200: {"content": {"text/csv": {}}, "description": "ACLED-style CSV"}},
        response_class=StreamingResponse, tags=["exports"])
    def export_csv(f: Filter, limit: ExportLimit = None) -> StreamingResponse:
        """Stream the matching canonical events as CSV with ACLED's columns and
        wirewatch's own (`wirewatch events --format csv`)."""
        return StreamingResponse(_stream(store, f, limit, _csv_chunks),
                                 media_type="text/csv; charset=utf-8",
                                 headers=_attachment("wirewatch-events.csv"))

    @app.get("/api/export/events.jsonl", responses={
        **_ERRORS, 200: {"content": {"application/x-ndjson": {}},
                         "description": "one event (with mentions) per line"}},
        response_class=StreamingResponse, tags=["exports"])
    def export_jsonl(f: Filter, limit: ExportLimit = None) -> StreamingResponse:
        """Stream the matching canonical events, with their mentions, as JSON Lines
        (`wirewatch events --format jsonl`)."""
        return StreamingResponse(_stream(store, f, limit, _jsonl_chunks),
                                 media_type="application/x-ndjson",
                                 headers=_attachment("wirewatch-events.jsonl"))

    @app.get("/api/export/events.geojson", responses={
        **_ERRORS, 200: {"content": {"application/geo+json": {}},
                         "description": "GeoJSON FeatureCollection"}},
        response_class=StreamingResponse, tags=["exports"])
    def export_geojson(f: Filter, limit: ExportLimit = None) -> StreamingResponse:
        """Stream the matching canonical events that have a place as a GeoJSON
        FeatureCollection with the CSV's columns as properties."""
        return StreamingResponse(_stream(store, f, limit, _geojson_chunks),
                                 media_type="application/geo+json",
                                 headers=_attachment("wirewatch-events.geojson"))

    if serve_web:
        from wirewatch.web import static_dir

        app.mount("/", StaticFiles(directory=static_dir(), html=True), name="web")
    return _wrap(app, max_body_bytes)


def _wrap(app: FastAPI, max_body_bytes: int) -> FastAPI:
    from starlette.middleware.gzip import GZipMiddleware

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.add_middleware(SecurityHeaders)
    return app


# ---------------------------------------------------------------------- helpers


def _document(a: sc.ArticleIn) -> Document:
    doc_id = a.id or "api-" + hashlib.sha256(a.text.encode()).hexdigest()[:16]
    return Document(id=doc_id, text=a.text, title=a.title, url=a.url, outlet=a.outlet,
                    published=a.published, author=a.author, source="api")


def _extract(state: dict[str, Any], docs: Sequence[Document]) -> list[Extracted]:
    if state["extractor"] is None:
        from wirewatch.store.ingest import spacy_extractor

        state["extractor"] = spacy_extractor(state["resources"])
    run: Extractor = state["extractor"]
    return run(docs)


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
        csv.DictWriter(buf, fieldnames=ex.COLUMNS, lineterminator="\n").writerow(ex.flat_row(e))
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

