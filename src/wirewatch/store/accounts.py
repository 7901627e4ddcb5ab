"""Accounts: readers, analysts and admins, each with a token of its own.

A token is 32 random bytes (``secrets.token_urlsafe``) shown once when the account is
made; the store keeps only its SHA-256. A token of that entropy needs no slow hash: no
list of guesses reaches it, and a leaked hash cannot be run back to the token. A token
presented to the server is hashed and looked up by that hash (indexed), then compared
in constant time. Every change to an account is written to the audit trail
(``review_decisions``, ``target_kind = "account"``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m

ROLES = ("reader", "analyst", "admin")  # each may do what the ones before it may
TOKEN_PREFIX = "ww_"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")


class AccountError(ValueError):
    """An account that cannot be made or changed; the message says why."""


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: an account's name and role (or the shared ``--token``)."""

    name: str
    role: str

    def may(self, role: str) -> bool:
        """Whether this principal has ``role`` or a role above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


def token_hash(token: str) -> str:
    """Return the SHA-256 (hex) of a token, the only form the store keeps."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> str:
    """Return a new random token (32 bytes of ``secrets``, URL-safe, with a prefix)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def add_account(s: Session, name: str, role: str, actor: str, now: datetime) -> str:
    """Create an account and return its token (shown once; only its hash is kept)."""
    if not NAME.fullmatch(name):
        raise AccountError(f"{name!r}: a name is 1-100 letters, digits, '.', '_', '@' "
                           "or '-', starting with a letter or digit")
    if role not in ROLES:
        raise AccountError(f"{role!r}: the roles are {', '.join(ROLES)}")
    if s.scalar(select(m.Account.id).where(m.Account.name == name)) is not None:
        raise AccountError(f"{name}: an account of that name exists")
    token = new_token()
    acc = m.Account(name=name, role=role, token_hash=token_hash(token), created_at=now)
    s.add(acc)
    s.flush()
    _log(s, acc, "account.add", None, {"name": name, "role": role}, actor, now)
    return token


def disable_account(s: Session, name: str, actor: str, now: datetime) -> None:
    """Disable an account: its token is refused from now on (the account and what it did
    stay in the record)."""
    acc = s.scalar(select(m.Account).where(m.Account.name == name))
    if acc is None:
        raise AccountError(f"{name}: no such account")
    if acc.disabled_at is not None:
        return
    acc.disabled_at = now
    s.flush()
    _log(s, acc, "account.disable", {"disabled": False}, {"disabled": True}, actor, now)


def _log(s: Session, acc: m.Account, action: str, before: dict[str, Any] | None,
         after: dict[str, Any] | None, actor: str, now: datetime) -> None:
    s.add(m.ReviewDecision(target_kind="account", target_id=acc.id, action=action,
                           before=before, after={**(after or {}), "name": acc.name},
                           actor=actor, at=now))


def account_dicts(s: Session) -> list[dict[str, Any]]:
    """Return every account (never its token or hash), in the order made."""
    return [{"name": a.name, "role": a.role,
             "created_at": a.created_at.isoformat(timespec="seconds"),
             "disabled_at": a.disabled_at.isoformat(timespec="seconds")
             if a.disabled_at else None}
            for a in s.scalars(select(m.Account).order_by(m.Account.id))]


def principal_for(s: Session, token: str) -> Principal | None:
    """Return the enabled account a token belongs to, or None."""
    digest = token_hash(token)
    acc = s.scalar(select(m.Account).where(m.Account.token_hash == digest))
    if acc is None or acc.disabled_at is not None:
        return None
    if not hmac.compare_digest(acc.token_hash, digest):
        return None
    return Principal(acc.name, acc.role)


def has_writers(s: Session) -> bool:
    """Whether an enabled analyst or admin account exists (then the API takes writes)."""
    return s.scalar(select(m.Account.id).where(m.Account.disabled_at.is_(None),
                                               m.Account.role.in_(("analyst", "admin")))
                    .limit(1)) is not None
