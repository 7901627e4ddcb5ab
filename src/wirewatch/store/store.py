"""The store: a facade over one database (open, sessions, counts), its one write path
(:mod:`wirewatch.store.write`) and its JSON views (:mod:`wirewatch.store.views`).

Every write runs in one transaction; see :mod:`wirewatch.store.write` for what a batch
does and why a run killed between batches leaves the store consistent.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from wirewatch.document import Document
from wirewatch.fuse.config import FusionConfig, default_fusion
from wirewatch.store import models as m
from wirewatch.store import views
from wirewatch.store import write as w
from wirewatch.store.accounts import Principal
from wirewatch.store.db import (
    StoreError,
    check_sqlite_path,
    database_url,
    display_url,
    lock_for_writing,
    make_engine,
    migrate,
    store_error,
    writer,
)
from wirewatch.store.query import EventFilter, conditions, narrowed, ordered
from wirewatch.store.review import ReviewChange
from wirewatch.store.write import BatchResult, Extracted

__all__ = ["BatchResult", "EventFilter", "Extracted", "Principal", "Store", "StoreError"]


def _now() -> datetime:
    """The time a review or account change is recorded at (UTC, without zone, as stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


# PostgreSQL plans the write path's lookups (the LSH bands of near-duplicates, the members of
# canonical events) from table statistics. Where autovacuum is off they are never gathered
# and a lookup becomes a full scan, its cost growing with the store: the 100,000-article
# run of benchmarks/bench_ingest.py (docs/performance.md, Round 8) measured 206 ms per band
# lookup at 1.2 million bands without statistics, 12 ms with them. A writer therefore
# refreshes them after its first ANALYZE_FIRST articles and each time it has doubled that.
ANALYZE_FIRST = 1000


class Store:
    """A wirewatch store in SQLite or PostgreSQL, migrated to the current schema on open."""

    def __init__(self, db: str | os.PathLike[str] | None = None, *, migrate_schema: bool = True,
                 fusion: FusionConfig | None = None, create: bool = True,
                 analyze_after: int = ANALYZE_FIRST):
        """Open the store ``db`` (a SQLite path or database URL; None: ``WIREWATCH_DB`` or
        ``wirewatch.db``). ``fusion``: the fusion tolerances writes use (default: the
        bundled data/fusion.yaml; see :func:`wirewatch.fuse.config.load_fusion`).
        ``create``: make a new SQLite store when the file does not exist (its folder must).
        ``analyze_after``: on PostgreSQL, refresh the planner's statistics once this writer
        has stored this many articles, and again each time it has doubled them.

        Raises :class:`wirewatch.store.db.StoreError` (one line naming the store and the
        reason) when the store cannot be opened: a missing or foreign file, a folder, an
        unreachable server, a refused login, a database of another kind.
        """
        self.fusion = fusion or default_fusion()
        self.url = database_url(db)
        if self.url.startswith("sqlite"):
            check_sqlite_path(self.url, create)
        try:
            self.engine = make_engine(self.url)
        except (ImportError, SQLAlchemyError) as exc:
            raise store_error(self.url, exc) from None
        try:
            if migrate_schema:
                migrate(self.engine)
            else:
                with self.engine.connect():
                    pass
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise store_error(self.url, exc) from None
        # the write path flushes where it needs ids and lookups; no autoflush per query
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._writes = sessionmaker(writer(self.engine), expire_on_commit=False,
                                    autoflush=False)
        self._written = 0  # articles this writer stored
        self._next_analyze = max(1, analyze_after)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session(self) -> Session:
        """Return a new ORM session on the store (for read queries; close it after use)."""
        return self._sessions()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    # ------------------------------------------------------------------ writing

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are stored already."""
        with self._sessions() as s:
            return w.known_hashes(s, hashes)

    def write_batch(self, batch: Sequence[Extracted], retries: int = 2) -> BatchResult:
        """Store a batch of extracted documents and fuse it, in one transaction; return what
        it stored and skipped. Documents whose content is stored already are skipped."""
        for attempt in range(retries + 1):
            try:
                with self._writes() as s, s.begin():
                    lock_for_writing(s)
                    result = w.write_batch(s, batch, self.fusion)
                self._count_written(result.stored)
                return result
            except IntegrityError:
                # another process stored one of these articles meanwhile: retry, which
                # now skips it
                if attempt == retries:
                    raise
        raise AssertionError("unreachable")

    def _count_written(self, stored: int) -> None:
        """Count what this writer stored; on PostgreSQL, refresh the statistics when it has
        doubled since the last refresh (see ANALYZE_FIRST)."""
        self._written += stored
        if self.engine.dialect.name == "postgresql" and self._written >= self._next_analyze:
            self.refresh_statistics()
            while self._next_analyze <= self._written:
                self._next_analyze *= 2

    def refresh_statistics(self) -> None:
        """Gather the planner's statistics on the store's tables (PostgreSQL's ANALYZE; a
        no-op on SQLite, whose planner needs none for these lookups)."""
        if self.engine.dialect.name != "postgresql":
            return
        tables = ", ".join(t.name for t in m.Base.metadata.sorted_tables)
        with self._writes() as s, s.begin():
            s.execute(text(f"ANALYZE {tables}"))

    def stored_documents(self, article_ids: Sequence[int]) -> list[Document]:
        """Return the stored articles with these ids as documents (for re-extraction),
        in the order given; unknown ids are left out."""
        with self._sessions() as s:
            return w.stored_documents(s, article_ids)

    def replace_extraction(self, items: Sequence[tuple[int, Extracted]]) -> BatchResult:
        """Replace what extraction found in stored articles (article id, new extraction)
        and fuse it again, in one transaction; return what it touched.

        The article stays (same id, text and family); its place and event mentions, name
        flags and event keys are replaced; the canonical events its old mentions were in
        are re-summarised, and deleted when no member is left.
        """
        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return w.replace_extraction(s, items, self.fusion)

    # ------------------------------------------------------------------ review

    def review_event(self, event_id: int, change: ReviewChange, actor: str) -> int:
        """Apply an analyst's change (verdict, corrections, note) to a canonical event and
        record it in the audit trail, in one transaction; return the review's new
        version. Raises :class:`wirewatch.store.review.NotFound`, ``StaleVersion`` (the
        change names an older version) or ``ReviewError``."""
        from wirewatch.store import review

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            sides = views._sides_of(s, [event_id]).get(event_id) or {}
            return review.review_event(s, event_id, change, actor, _now(),
                                       sides.get("claimants") or [])

    def verify_event(self, event_id: int, status: str, evidence_url: str | None,
                     actor: str, note: str | None = None, version: int | None = None
                     ) -> int:
        """Confirm or refute a canonical event citing evidence (or withdraw that:
        ``unverified``), recorded in the audit trail; return the event's new version
        (see :func:`wirewatch.store.review.verify_event`)."""
        from wirewatch.store import review

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return review.verify_event(s, event_id, status, evidence_url, note, version,
                                       actor, _now())

    def merge_events(self, target: int, other: int, actor: str, version: int | None = None,
                     other_version: int | None = None, note: str | None = None) -> int:
        """Merge canonical event ``other`` into ``target`` (an analyst's decision, kept
        by fusion); return the target's new version (see
        :func:`wirewatch.store.decisions.merge_events`)."""
        from wirewatch.store import decisions

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return decisions.merge_events(s, target, other, actor, _now(), version,
                                          other_version, note)

    def split_event(self, event_id: int, mention_ids: Sequence[int], actor: str,
                    version: int | None = None, note: str | None = None) -> tuple[int, int]:
        """Move these mentions out of a canonical event into a new one (an analyst's
        decision, kept by fusion); return (the new event's id, the old one's version)."""
        from wirewatch.store import decisions

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return decisions.split_event(s, event_id, mention_ids, actor, _now(), version,
                                         note)

    def merge_families(self, target: int, other: int, actor: str,
                       note: str | None = None, version: int | None = None,
                       other_version: int | None = None) -> int:
        """Merge rewrite family ``other`` into ``target`` (an analyst's decision); return
        the target's new version. ``version``/``other_version``: the families' versions
        the decision was made on (None: not checked; a stale one raises StaleVersion)."""
        from wirewatch.store import decisions

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return decisions.merge_families(s, target, other, actor, _now(), note, version,
                                            other_version)

    def split_article(self, family_id: int, article_id: int, actor: str,
                      note: str | None = None, version: int | None = None) -> int | None:
        """Take an article out of its rewrite family; later links do not pull it back.
        Return the family's new version (None: dissolved, one article was left)."""
        from wirewatch.store import decisions

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return decisions.split_article(s, family_id, article_id, actor, _now(), note,
                                           version)

    def rejoin_article(self, article_id: int, actor: str, note: str | None = None,
                       version: int | None = None) -> int:
        """Put an article split out of its rewrite family back (undo the split, recorded
        in the audit trail); return the id of the family it is in again (see
        :func:`wirewatch.store.decisions.rejoin_article`)."""
        from wirewatch.store import decisions

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return decisions.rejoin_article(s, article_id, actor, _now(), note, version)

    def mark_article(self, article_id: int, irrelevant: bool, actor: str,
                     note: str | None = None, extracted: Extracted | None = None) -> bool:
        """Mark an article irrelevant (its events are dropped and the canonical events they
        were in fused again) or relevant again (``extracted``: its new extraction), and
        record it in the audit trail, in one transaction; return whether it changed."""
        from wirewatch.store import review

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            if not review.mark_article(s, article_id, irrelevant, actor, _now(), note):
                return False
            if irrelevant or extracted is None:
                [doc] = w.stored_documents(s, [article_id])
                extracted = Extracted(doc, w.stored_places(s, article_id), [])
            w.replace_extraction(s, [(article_id, extracted)], self.fusion)
            return True

    def history(self, kind: str, target_id: int) -> list[dict[str, Any]]:
        """Every change made to one event, article or account (``kind``), oldest first."""
        from wirewatch.store import review

        with self._sessions() as s:
            return review.history(s, kind, target_id)

    def decisions(self, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """One page of the whole audit trail, newest first, and its length."""
        from wirewatch.store import review

        with self._sessions() as s:
            return review.decisions(s, limit, offset)

    # ------------------------------------------------------------------ accounts

    def add_account(self, name: str, role: str, actor: str = "cli") -> str:
        """Create an account (``role``: reader, analyst or admin) and return its token,
        which is shown once: the store keeps only its hash. Raises
        :class:`wirewatch.store.accounts.AccountError` for a bad name or role, or a name
        in use."""
        from wirewatch.store import accounts

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            return accounts.add_account(s, name, role, actor, _now())

    def disable_account(self, name: str, actor: str = "cli") -> None:
        """Disable an account: its token is refused from now on."""
        from wirewatch.store import accounts

        with self._writes() as s, s.begin():
            lock_for_writing(s)
            accounts.disable_account(s, name, actor, _now())

    def accounts(self) -> list[dict[str, Any]]:
        """Return every account (name, role, when made, when disabled), never a token."""
        from wirewatch.store import accounts

        with self._sessions() as s:
            return accounts.account_dicts(s)

    def principal(self, token: str) -> Principal | None:
        """Return who a token belongs to (an enabled account), or None."""
        from wirewatch.store import accounts

        with self._sessions() as s:
            return accounts.principal_for(s, token)

    def has_writers(self) -> bool:
        """Whether an enabled analyst or admin account exists."""
        from wirewatch.store import accounts

        with self._sessions() as s:
            return accounts.has_writers(s)

    # ------------------------------------------------------------------ reading

    # ------------------------------------------------------------------ watched sources

    def watch_states(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The saved polling state of each of these URLs that has one (``wirewatch watch``)."""
        from wirewatch.store.sources import load_states

        with self._sessions() as s:
            return load_states(s, urls)

    def save_watch_state(self, state: Mapping[str, Any]) -> None:
        """Save the polling state of one watched source (one transaction)."""
        from wirewatch.store.sources import save_state

        with self._writes() as s, s.begin():
            save_state(s, state)

    def sources(self) -> list[dict[str, Any]]:
        """Every watched source with its status (see :mod:`wirewatch.store.sources`)."""
        from wirewatch.store.sources import source_dicts

        with self._sessions() as s:
            return source_dicts(s)

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each main table."""
        tables = {"articles": m.Article, "place_mentions": m.PlaceMention,
                  "event_mentions": m.EventMention, "canonical_events": m.CanonicalEvent,
                  "rewrite_families": m.RewriteFamily, "rewrite_links": m.RewriteLink,
                  "conflicts": m.Conflict, "name_flags": m.NameFlag}
        with self._sessions() as s:
            return {k: int(s.scalar(select(func.count()).select_from(t)) or 0)
                    for k, t in tables.items()}

    def events(self, f: EventFilter | None = None, with_mentions: bool = True,
               limit: int | None = None, *, review_status: str | Sequence[str] | None = None,
               verification: str | Sequence[str] | None = None,
               min_confidence: float | None = None) -> list[dict[str, Any]]:
        """Return canonical events matching the filter (see :func:`wirewatch.store.query.
        event_filter`), newest first, as JSON-able dicts; at most ``limit``.

        ``review_status``, ``verification`` (lists or comma-separated; ``all``: any) and
        ``min_confidence`` (0..1) narrow the filter as the API's parameters of those
        names do; one not given leaves the filter's own (by default: every status,
        rejected included; the CLI and the API leave rejected events out unless asked).
        Raises :class:`wirewatch.store.query.QueryError` for a value that is not one."""
        f = narrowed(f or EventFilter(), review_status=review_status,
                     verification=verification, min_confidence=min_confidence)
        with self._sessions() as s:
            stmt = ordered(select(m.CanonicalEvent).where(
                *conditions(f, s.get_bind().dialect.name)))
            if limit:
                stmt = stmt.limit(limit)
            return views.event_dicts(s, list(s.scalars(stmt)), with_mentions)

    def conflicts(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Return all disagreements: between mentions of one canonical event (date, count,
        extent, modality) and inside one article (one role, two names)."""
        with self._sessions() as s:
            return views.conflict_dicts(s, kind)

    def stories(self, min_size: int = 2) -> list[dict[str, Any]]:
        """Return the rewrite families (largest first), each with its head (the earliest
        published member), its members and the links that tie them."""
        with self._sessions() as s:
            fams = list(s.scalars(select(m.RewriteFamily).where(m.RewriteFamily.size >= min_size)
                                  .order_by(*views.FAMILY_ORDER)))
            return views.family_dicts(s, fams)

    def articles(self) -> list[dict[str, Any]]:
        """Return every stored article's id, document id, outlet, date and family."""
        with self._sessions() as s:
            return views.article_dicts(s)

    def gold(self) -> list[dict[str, Any]]:
        """Return the reviewed articles as evaluation gold (see :mod:`wirewatch.store.gold`):
        those whose every event mention was reviewed, with the analysts' corrections."""
        from wirewatch.store.gold import gold_documents

        with self._sessions() as s:
            return gold_documents(s)

    def snapshot(self) -> dict[str, Any]:
        """Return the store's content without ids (see :mod:`wirewatch.store.snapshot`): two
        stores with equal snapshots hold the same articles, families, links, canonical
        events, conflicts and name flags."""
        from wirewatch.store.snapshot import snapshot

        with self._sessions() as s:
            return snapshot(s)

    def place_mentions(self) -> list[dict[str, Any]]:
        """Return every stored place mention with the document it is in."""
        with self._sessions() as s:
            return views.place_mention_dicts(s)
