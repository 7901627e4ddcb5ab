"""The store's tables (SQLAlchemy 2 declarative models).

The schema itself is created and upgraded by the Alembic migrations shipped in
``wirewatch/store/migrations``; these models must match them (a test checks it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the store's models."""



class Article(Base):
    """One stored article: body text, metadata and its normalised content hash."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    author: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))  # ISO 639-1, as it was read
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("rewrite_families.id", ondelete="SET NULL"), index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    features: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # migration 0006: an analyst marked it irrelevant (its events are not extracted)
    irrelevant: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # migration 0008: an analyst split it out of its rewrite family; links found later do
    # not pull it into a family again
    family_alone: Mapped[bool] = mapped_column(Boolean, default=False,
                                               server_default=false())


class LshBand(Base):
    """One LSH band key of an article's MinHash: articles sharing a key are candidates."""

    __tablename__ = "lsh_bands"
    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            primary_key=True)


class ArticleEventKey(Base):
    """An (event type, GeoNames id) key of an article, for paraphrase candidates by date."""

    __tablename__ = "article_event_keys"
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            primary_key=True)
    published: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (Index("ix_article_event_keys_key_published", "key", "published"),)


class PlaceMention(Base):
    """One place mention of an article (resolved or not)."""

    __tablename__ = "place_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            index=True)
    surface: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    name: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    method: Mapped[str | None] = mapped_column(String(40))
    explanation: Mapped[str | None] = mapped_column(Text)


class EventMention(Base):
    """One event mention (one claim in one article) with its evidence and contract JSON."""

    __tablename__ = "event_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            index=True)
    type: Mapped[str] = mapped_column(String(60))
    subtype: Mapped[str | None] = mapped_column(String(40))
    geonameid: Mapped[int | None] = mapped_column(BigInteger)
    place_name: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(40))
    date_precision: Mapped[str] = mapped_column(String(12))
    date_basis: Mapped[str] = mapped_column(String(12))
    count_value: Mapped[int | None] = mapped_column(BigInteger)
    claimant: Mapped[str | None] = mapped_column(Text)
    modality: Mapped[str] = mapped_column(String(12))
    extent: Mapped[str | None] = mapped_column(String(12))
    aggregate: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # migration 0003: what canonical-event fusion finds a mention's group by
    fuse_key: Mapped[str | None] = mapped_column(String(200))
    window_lo: Mapped[date | None] = mapped_column(Date)
    window_hi: Mapped[date | None] = mapped_column(Date)
    fuse_order: Mapped[str | None] = mapped_column(String(120))
    __table_args__ = (Index("ix_event_mentions_type_geonameid", "type", "geonameid"),
                      Index("ix_event_mentions_fuse", "fuse_key", "window_lo"),
                      # migration 0008: reviews and pins find their mentions by identity
                      Index("ix_event_mentions_fuse_order", "fuse_order"))


class CanonicalEvent(Base):
    """Mentions of many articles fused into one claimed event, with its summary."""

    __tablename__ = "canonical_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fuse_key: Mapped[str | None] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(60), index=True)
    subtype: Mapped[str | None] = mapped_column(String(40))
    aggregate: Mapped[bool] = mapped_column(Boolean, default=False)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    place_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    window_lo: Mapped[date | None] = mapped_column(Date)
    window_hi: Mapped[date | None] = mapped_column(Date)
    date_value: Mapped[str | None] = mapped_column(String(40))
    date_precision: Mapped[str] = mapped_column(String(12), default="unknown")
    sort_date: Mapped[date | None] = mapped_column(Date, index=True)
    modality: Mapped[str] = mapped_column(String(12), default="asserted")
    count_value: Mapped[int | None] = mapped_column(BigInteger)
    extent: Mapped[str | None] = mapped_column(String(12))
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    n_sources: Mapped[int] = mapped_column(Integer, default=0, index=True)
    n_conflicts: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # migration 0006: the analyst's verdict (unreviewed, confirmed, corrected, rejected),
    # and the machine's values of the fields an analyst corrected (the columns above hold
    # the values in force); see wirewatch.store.review
    review_status: Mapped[str] = mapped_column(String(12), default="unreviewed",
                                               server_default="unreviewed")
    machine: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # migration 0008: the verification status in force: unverified, corroborated (two or
    # more independent sources and no denial), or an analyst's confirmed / refuted
    verification: Mapped[str] = mapped_column(String(12), default="unverified",
                                              server_default="unverified")
    __table_args__ = (
        Index("ix_canonical_events_key_window", "fuse_key", "window_lo"),
        # migration 0002: the API's filters in list order, and the timeline
        Index("ix_canonical_events_type_order", "type", "sort_date", "id"),
        Index("ix_canonical_events_admin1_order", "admin1", "sort_date", "id"),
        Index("ix_canonical_events_geonameid_order", "geonameid", "sort_date", "id"),
        Index("ix_canonical_events_n_conflicts", "n_conflicts"),
        Index("ix_canonical_events_day_type", "sort_date", "type", "date_value"),
        # migration 0005: with the modality, which the map groups by
        Index("ix_canonical_events_map", "geonameid", "type", "modality", "sort_date",
              "n_sources", "n_conflicts"),
        # migration 0006: the review queue
        Index("ix_canonical_events_review", "review_status", "sort_date", "id"),
        # migration 0008: the verification filter
        Index("ix_canonical_events_verification", "verification", "sort_date", "id"),
    )


class CanonicalMember(Base):
    """Membership of an event mention in a canonical event (each mention in exactly one)."""

    __tablename__ = "canonical_members"
    event_mention_id: Mapped[int] = mapped_column(
        ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True)
    canonical_id: Mapped[int] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="CASCADE"), index=True)


class RewriteFamily(Base):
    """Articles that are near-duplicates or paraphrased rewrites of one report."""

    __tablename__ = "rewrite_families"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    head_article_id: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    first_published: Mapped[date | None] = mapped_column(Date, index=True)
    last_published: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # migration 0009: analysts' decisions on the family so far (merge, split, put back);
    # a decision made on an older version is refused (decisions.StaleVersion)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RewriteLink(Base):
    """Why two articles were put in one family (the evidence behind ``stories``)."""

    __tablename__ = "rewrite_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(JSON)
    __table_args__ = (UniqueConstraint("article_id", "other_id"),)


class Conflict(Base):
    """Two sides of a canonical event that disagree (date, count, extent or modality)."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_id: Mapped[int] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    value_a: Mapped[str] = mapped_column(Text)
    value_b: Mapped[str] = mapped_column(Text)
    mentions_a: Mapped[list[Any]] = mapped_column(JSON)
    mentions_b: Mapped[list[Any]] = mapped_column(JSON)


class NameFlag(Base):
    """Inside one article, one role given two different names."""

    __tablename__ = "name_flags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            index=True)
    role: Mapped[str] = mapped_column(Text)
    name_a: Mapped[str] = mapped_column(Text)
    start_a: Mapped[int] = mapped_column(Integer)
    end_a: Mapped[int] = mapped_column(Integer)
    name_b: Mapped[str] = mapped_column(Text)
    start_b: Mapped[int] = mapped_column(Integer)
    end_b: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- migration 0006: review


class Account(Base):
    """A person or script with a token of its own: a reader, an analyst or an admin."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256, hex
    created_at: Mapped[datetime] = mapped_column(DateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime)


class EventReview(Base):
    """An analyst's current verdict on a canonical event: its status, the fields corrected
    (the analyst's values), the event's members when last decided, and a version that
    every change increments (optimistic concurrency)."""

    __tablename__ = "event_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_id: Mapped[int | None] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="SET NULL"), unique=True)
    status: Mapped[str] = mapped_column(String(12))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    anchor: Mapped[list[Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    reviewed_by: Mapped[str] = mapped_column(String(100))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    # migration 0008: the analyst's verification (confirmed, refuted; None: none), with
    # the evidence cited
    verification: Mapped[str | None] = mapped_column(String(12))
    verified_by: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    evidence_url: Mapped[str | None] = mapped_column(String(2048))
    verification_note: Mapped[str | None] = mapped_column(Text)


class PinGroup(Base):
    """Mentions an analyst decided belong to one canonical event, apart from every other
    group (a merge or a split), and the canonical event that holds them."""

    __tablename__ = "pin_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MentionPin(Base):
    """A mention, by its stable identity (``event_mentions.fuse_order``: the article's
    content and the mention's offsets, unchanged by re-extraction), in a pin group."""

    __tablename__ = "mention_pins"
    mention_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("pin_groups.id", ondelete="CASCADE"),
                                          index=True)


class ReviewDecision(Base):
    """One change an analyst or admin made (the audit trail; rows are never updated)."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(12))  # event, article, account
    target_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, index=False)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("ix_review_decisions_target", "target_kind", "target_id", "id"),
                      Index("ix_review_decisions_at", "at"))


# ---------------------------------------------------------------- migration 0007: watch


class WatchSource(Base):
    """A feed or page ``wirewatch watch`` polls: its conditional-request validators, the
    item links seen, when it last succeeded or failed (and why), when it is polled next."""

    __tablename__ = "watch_sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    kind: Mapped[str | None] = mapped_column(String(8))  # feed or page, once fetched
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_success: Mapped[datetime | None] = mapped_column(DateTime)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer)  # errors in a row (0 after a success)
    next_poll: Mapped[datetime | None] = mapped_column(DateTime)
    items_seen: Mapped[int] = mapped_column(Integer)
    stored: Mapped[int] = mapped_column(Integer)  # articles stored from it
    seen: Mapped[list[str]] = mapped_column(JSON)  # item links fetched, newest last (capped)
