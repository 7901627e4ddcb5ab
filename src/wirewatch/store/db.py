"""Opening a store: database URL, engine, and the Alembic migrations run on open."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

DEFAULT_DB = "wirewatch.db"
MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK = 0x77697265  # advisory lock id: two processes opening one database migrate in turn
# Objects of migration 0002 that the models do not declare: full-text search (an FTS5
# virtual table and its shadow tables; a PostgreSQL expression index) and PostgreSQL's
# DESC NULLS LAST ordering indexes.
IGNORED_SCHEMA_NAMES = ("evidence_fts", "ix_event_mentions_evidence_fts", "ix_pg_")


def include_schema_name(name: str | None, type_: str, _parent: Any) -> bool:
    """Return False for the schema objects autogenerate must not compare with the models
    (Alembic's ``include_name`` hook)."""
    return not (name and name.startswith(IGNORED_SCHEMA_NAMES))


def database_url(db: str | os.PathLike[str] | None = None) -> str:
    """Return the SQLAlchemy URL of a store given as a path, a URL, or None (then the
    ``WIREWATCH_DB`` environment variable, else ``wirewatch.db`` in the current folder).

    ``postgresql://`` URLs use the psycopg 3 driver.
    """
    raw = str(db) if db is not None else os.environ.get("WIREWATCH_DB") or DEFAULT_DB
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def display_url(url: str) -> str:
    """Return the URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA mmap_size=268435456")  # reads of large stores without copies
    cur.close()


def make_engine(url: str) -> Engine:
    """Return an engine for the URL (SQLite: foreign keys on, WAL journal, 60 s busy wait)."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database schema to ``revision`` with the shipped Alembic migrations."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def head_revision() -> str:
    """Return the revision of the newest shipped migration (what ``migrate`` reaches)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def schema_revision(engine: Engine) -> str | None:
    """Return the Alembic revision the database is at (None before the first migration)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


IN_CHUNK = 500  # ids per IN (...) list


def chunks(seq: Sequence[Any], n: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    """Yield ``seq`` in slices of at most ``n`` (for ``IN (...)`` lists of bounded size)."""
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
