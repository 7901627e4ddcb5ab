"""Alembic environment: run on the connection wirewatch hands over (see store/db.py)."""

from __future__ import annotations

from alembic import context

from wirewatch.store.db import include_schema_name
from wirewatch.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - wirewatch always passes its connection
    raise RuntimeError("wirewatch migrations run through wirewatch.store.open_store()")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite",
                  include_name=include_schema_name)
with context.begin_transaction():
    context.run_migrations()
