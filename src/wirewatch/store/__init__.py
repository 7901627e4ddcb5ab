"""The store: articles, mentions, canonical events, rewrite families and conflicts in
SQLite or PostgreSQL (SQLAlchemy 2, Alembic migrations run on open)."""

from wirewatch.store.db import database_url
from wirewatch.store.ingest import IngestSummary, ingest, spacy_extractor
from wirewatch.store.store import EventQuery, Extracted, Store

__all__ = ["EventQuery", "Extracted", "IngestSummary", "Store", "database_url", "ingest",
           "spacy_extractor"]
