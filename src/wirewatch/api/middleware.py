"""The API's middleware and error handlers: the Host check, the token (:mod:`wirewatch.api.auth`)
checked before any body is read, the request body limit, the security headers
(Content-Security-Policy and friends) on every answer, server errors caught inside them,
and JSON error bodies ``{"detail": ...}``.

Order, outermost first: security headers, server errors, Host check, token check, gzip,
body limit, then FastAPI's own (validation and HTTP errors).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from wirewatch.api.auth import Auth

log = logging.getLogger("wirewatch.api")

MAX_BODY_BYTES = 2_000_000
# The names a server on this machine is reached by; a page of another site that resolves
# its own name to 127.0.0.1 (DNS rebinding) still sends its own name as the Host.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Pages and API: scripts and data only from this server; report text can never run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
# The OpenAPI browser starts itself with an inline script.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


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


class ServerErrors:
    """Answer an exception the app did not handle with a JSON 500 that names nothing of it
    (the traceback goes to the log), so that the answer passes through the security headers
    and the server, seeing no exception, keeps the connection open."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:
            log.error("error serving %s %s", scope.get("method"), scope.get("path"),
                      exc_info=exc)
            if started:  # half an answer is out: only closing the connection can tell
                raise
            await _send_json(send, 500, {"detail": "internal server error (see the server's "
                                                   "log)"})


def host_name(header: str) -> str:
    """The host of a ``Host`` header: lower case, without port, brackets or final dot."""
    host = header.strip().lower()
    if host.startswith("["):
        host = host[1:].split("]", 1)[0]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def allowed_hosts_for(bind: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names a server bound to ``bind`` answers to: this machine's names, the
    bound address unless it is a wildcard (0.0.0.0, ::), and ``extra``."""
    hosts = [*LOCAL_HOSTS]
    if bind not in ("", "0.0.0.0", "::"):
        hosts.append(host_name(bind))
    return [*dict.fromkeys([*hosts, *(host_name(h) if h != "*" else h for h in extra)])]


class HostCheck:
    """Answer 400 to a request whose ``Host`` is not one of ``allowed`` (``*``: any): a
    page elsewhere cannot read a local server through a name it made resolve to it."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]) -> None:
        self.app = app
        self.any = "*" in allowed
        self.allowed = frozenset(host_name(h) for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.any or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(raw) in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = json.dumps(raw[:100])
        await _send_json(send, 400, {"detail": f"this server does not answer to the host "
                                               f"{shown}; start it with --allowed-host NAME "
                                               "to add a name it is reached by"})


class AuthGuard:
    """Check the bearer token of a request under ``/api/`` that needs one (a write; a read
    when the server requires a reader token) before the app reads its body: an
    unauthenticated client learns nothing from how its body is parsed, and no body of it
    is read. Who the request acts as is left in ``request.state.wirewatch_principal``."""

    def __init__(self, app: ASGIApp, auth: Auth) -> None:
        self.app = app
        self.auth = auth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            from anyio import to_thread

            need = self.auth.need_of(str(scope.get("method")), str(scope.get("path", "")))
            header = dict(scope.get("headers") or []).get(b"authorization", b"")
            if need is not None or header:
                who, refused = await to_thread.run_sync(
                    self.auth.check, header.decode("latin-1"), need)
                if refused:
                    extra = [(b"www-authenticate", b"Bearer")] if refused.status == 401 else []
                    await _send_json(send, refused.status, {"detail": refused.reason}, extra)
                    return
                scope.setdefault("state", {})["wirewatch_principal"] = who
        await self.app(scope, receive, send)


async def _send_json(send: Send, status: int, body: dict[str, Any],
                     headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode()), *headers]})
    await send({"type": "http.response.body", "body": data})


def add_middleware(app: FastAPI, max_body_bytes: int, auth: Auth,
                   allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """Add the middleware of this module to ``app`` (``add_middleware`` puts each outside
    the ones before it). ``allowed_hosts`` None: no Host check."""
    from starlette.middleware.gzip import GZipMiddleware

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.add_middleware(AuthGuard, auth=auth)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=list(allowed_hosts))
    app.add_middleware(ServerErrors)
    app.add_middleware(SecurityHeaders)
    return app


# ---------------------------------------------------------------------- errors


def add_error_handlers(app: FastAPI) -> None:
    """Answer validation and HTTP errors as JSON ``{"detail": ...}`` (server errors are
    answered by :class:`ServerErrors`, inside the security headers)."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)


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
