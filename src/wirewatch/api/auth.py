"""Who a request acts as, and what it may do.

Tokens come from two places: the shared token the server was started with (``--token``,
``WIREWATCH_TOKEN``), which acts as an admin named ``token`` (for scripts), and the
store's accounts (``wirewatch users add NAME --role ROLE``). Roles, each allowed what
the ones before it are:

* reader: read (reading needs no token at all unless the server requires one,
  ``serve --require-read-token``);
* analyst: review events and articles, ingest and re-extract;
* admin: manage accounts.

:meth:`Auth.check` is called by the middleware before a request's body is read and by
the routes' dependencies (:func:`wirewatch.api.deps.require`).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from wirewatch.store import Store
from wirewatch.store.accounts import Principal

SHARED = Principal("token", "admin")  # who the shared --token acts as
WRONG = "missing or wrong bearer token"
DISABLED = ("writing is disabled on this server: start it with --token or "
            "WIREWATCH_TOKEN, or add an account (wirewatch users add NAME --role analyst)")


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: its status (401 or 403) and the reason."""

    status: int
    reason: str


class Auth:
    """The app's token check: the shared token and the accounts of its store."""

    def __init__(self, store: Store, token: str | None, require_read: bool = False) -> None:
        self.store = store
        self.token = token
        self.require_read = require_read

    def writes_enabled(self) -> bool:
        """Whether any token may write: the shared one, or an analyst or admin account."""
        return bool(self.token) or self.store.has_writers()

    def principal(self, authorization: str) -> Principal | None:
        """Return who an ``Authorization: Bearer ...`` header names, or None."""
        scheme, _, given = authorization.partition(" ")
        given = given.strip()
        if scheme.lower() != "bearer" or not given:
            return None
        if self.token and hmac.compare_digest(given.encode("utf-8", "surrogatepass"),
                                              self.token.encode()):
            return SHARED
        if len(given) > 200:
            return None
        return self.store.principal(given)

    def check(self, authorization: str, need: str | None
              ) -> tuple[Principal | None, Refusal | None]:
        """Return who the request acts as and, if it may not do what needs the role
        ``need`` (None: nothing), why."""
        who = self.principal(authorization) if authorization else None
        if need is None:
            return who, None
        if need != "reader" and not self.writes_enabled():
            return who, Refusal(403, DISABLED)
        if who is None:
            return None, Refusal(401, WRONG)
        if not who.may(need):
            what = {"reader": "read", "analyst": "write", "admin": "manage accounts"}[need]
            return who, Refusal(403, f"a {who.role} token cannot {what} (it needs the "
                                     f"{need} role)")
        return who, None

    def need_of(self, method: str, path: str) -> str | None:
        """The role a request needs before its body is read: writing under ``/api/``
        needs an analyst, reading under ``/api/`` a reader when the server requires one."""
        if not path.startswith("/api/"):
            return None
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            return "analyst"
        return "reader" if self.require_read else None
