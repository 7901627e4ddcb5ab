"""The store: articles, mentions, canonical events, rewrite families and conflicts in
SQLite or PostgreSQL (SQLAlchemy 2, Alembic migrations run on open)."""

from wirewatch.store.db import StoreError, database_url
from wirewatch.store.ingest import IngestSummary, ingest, spacy_extractor
from wirewatch.store.query import EventFilter, QueryError, event_filter
from wirewatch.store.store import Store
from wirewatch.store.write import BatchResult, Extracted

__all__ = ["BatchResult", "EventFilter", "Extracted", "IngestSummary", "QueryError", "Store",
           "StoreError", "database_url", "event_filter", "ingest", "spacy_extractor"]
