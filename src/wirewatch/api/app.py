"""The HTTP API and the web interface in one ASGI app (FastAPI).

``create_app(db)`` opens the store (migrating it), includes the API's routers
(:mod:`wirewatch.api.routes`, one per resource) under ``/api/``, its OpenAPI document at
``/openapi.json`` with a browsable copy at ``/docs`` (served from local files), and the
static pages of :mod:`wirewatch.web` at ``/``; middleware and error handlers are those
of :mod:`wirewatch.api.middleware`, dependencies those of :mod:`wirewatch.api.deps`.

Reading is open (unless ``require_read_token``). Writing (ingest, re-extraction,
review) is off unless a token is configured or the store has analyst or admin accounts,
and then needs ``Authorization: Bearer <token>`` of a role allowed to do it, checked
before the request's body is read (:mod:`wirewatch.api.auth`). With ``allowed_hosts``,
a request whose ``Host`` is not one of them is answered 400 (``wirewatch serve`` always
passes them).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from wirewatch.api.auth import Auth
from wirewatch.api.middleware import MAX_BODY_BYTES, add_error_handlers, add_middleware
from wirewatch.api.routes import ROUTERS
from wirewatch.api.routes.articles import Extractor
from wirewatch.resources import Resources
from wirewatch.store import Store

__all__ = ["MAX_BODY_BYTES", "Extractor", "create_app"]

DESCRIPTION = ("Claimed events from news reports: canonical events, their mentions, "
               "evidence, sources, conflicts, articles and rewrite families. "
               "See docs/api.md. Writing needs a bearer token and is off by default.")


def create_app(db: str | None = None, token: str | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES, extractor: Extractor | None = None,
               serve_web: bool = True, resources: Resources | None = None,
               create: bool = True, allowed_hosts: Sequence[str] | None = None,
               require_read_token: bool = False) -> FastAPI:
    """Return the ASGI app serving the store ``db`` (a SQLite path or database URL; None:
    ``WIREWATCH_DB`` or ``wirewatch.db``): the JSON API under ``/api/`` and the web pages
    at ``/``. With a ``token``, write endpoints are enabled for requests that carry it.
    ``resources`` (default: the bundled codebook and places) is what type filters are
    checked against and what writes extract with. ``create``: make a new SQLite store
    when the file does not exist (else :class:`wirewatch.store.StoreError`).
    ``allowed_hosts``: the ``Host`` names the app answers to (``*``: any; None: no
    check, for a caller whose server checks). ``require_read_token``: reading the API
    needs a token too (a reader's at least); see :mod:`wirewatch.api.auth`."""
    from importlib.metadata import version

    from fastapi_offline import FastAPIOffline

    store = Store(db, create=create)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPIOffline(
        title="wirewatch", version=version("wirewatch"), lifespan=lifespan, docs_url="/docs",
        redoc_url=None, static_url="/api/docs-static",
        swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": 0},
        description=DESCRIPTION)
    app.state.store = store
    app.state.auth = Auth(store, token, require_read_token)
    app.state.resources = resources or Resources.load()
    app.state.extractor = extractor  # None: the spaCy extractor, built on the first write
    app.state.version = app.version
    add_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    if serve_web:
        from wirewatch.web import static_dir

        app.mount("/", StaticFiles(directory=static_dir(), html=True), name="web")
    return add_middleware(app, max_body_bytes, app.state.auth, allowed_hosts)
