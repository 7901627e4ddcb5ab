"""The state of the sources ``wirewatch watch`` polls (table ``watch_sources``), as plain
dicts: loaded and saved by URL, listed for the API and its CSV twin."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirewatch.store import models as m

STATE_FIELDS = ("url", "kind", "etag", "last_modified", "last_success", "last_error_at",
                "last_error", "failures", "next_poll", "items_seen", "stored", "seen")
# what GET /api/sources and its CSV show (not the links seen: items_seen counts them)
SOURCE_COLUMNS = ("url", "kind", "status", "last_success", "last_error_at", "last_error",
                  "failures", "next_poll", "etag", "last_modified", "items_seen", "stored")


def load_states(session: Session, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored state of each of these URLs that has one, by URL."""
    wanted = list(urls)
    rows = session.scalars(select(m.WatchSource).where(m.WatchSource.url.in_(wanted)))
    return {r.url: {k: getattr(r, k) for k in STATE_FIELDS} for r in rows}


def save_state(session: Session, state: Mapping[str, Any]) -> None:
    """Insert or update the row of ``state['url']`` (the caller commits)."""
    row = session.scalars(select(m.WatchSource).where(m.WatchSource.url == state["url"])
                          ).one_or_none()
    if row is None:
        row = m.WatchSource(url=state["url"])
        session.add(row)
    for k in STATE_FIELDS[1:]:
        setattr(row, k, state[k])


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def source_dicts(session: Session) -> list[dict[str, Any]]:
    """Every watched source, by URL: ``status`` (ok, failing, new), the last success, the
    last error and its reason, errors in a row, the next poll (UTC, ISO 8601), the
    validators, items seen and articles stored."""
    out = []
    for r in session.scalars(select(m.WatchSource).order_by(m.WatchSource.url)):
        status = "failing" if r.failures else "ok" if r.last_success else "new"
        out.append({"url": r.url, "kind": r.kind, "status": status,
                    "last_success": _iso(r.last_success), "last_error_at": _iso(r.last_error_at),
                    "last_error": r.last_error, "failures": r.failures,
                    "next_poll": _iso(r.next_poll), "etag": r.etag,
                    "last_modified": r.last_modified, "items_seen": r.items_seen,
                    "stored": r.stored})
    return out
