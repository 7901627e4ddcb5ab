"""Opening a store: database URL, engine, and the Alembic migrations run on open."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

DEFAULT_DB = "wirewatch.db"
MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK = 0x77697265  # advisory lock id: two processes opening one database migrate in turn
_PG_WRITE_LOCK = 0x77697266  # advisory lock id: one writer at a time (lock_for_writing)
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

    ``postgresql://`` URLs use the psycopg 3 driver; other databases are refused
    (:class:`StoreError`).
    """
    raw = str(db) if db is not None else os.environ.get("WIREWATCH_DB") or DEFAULT_DB
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if "://" in raw:
        scheme = raw.split("://", 1)[0].split("+", 1)[0]
        if scheme not in SCHEMES:
            raise StoreError(f"{display_url(raw)}: wirewatch stores in SQLite (a path) or "
                             f"PostgreSQL (postgresql://...), not {scheme}")
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


class StoreError(Exception):
    """A store that cannot be opened or used: the message is one line naming the store and
    the reason (no database driver's traceback)."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_path(url: str, create: bool) -> None:
    """Refuse a SQLite store path that cannot be what the user meant: a folder, a path in
    a folder that does not exist, a file that is not a SQLite database, or (``create``
    False: read commands) a store that does not exist yet. Raise :class:`StoreError`."""
    path = make_url(url).database
    if not path or path == ":memory:":
        return
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{p}: is a folder, not a store file")
    if not p.parent.is_dir():
        raise StoreError(f"{p}: folder {p.parent} does not exist")
    if not p.exists():
        if not create:
            raise StoreError(f"{p}: no store here (ingest or demo creates one)")
        return
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{p}: not a SQLite database")


def store_error(url: str, exc: BaseException) -> StoreError:
    """Return a one-line :class:`StoreError` for a database error met opening or using the
    store at ``url`` (the driver's first line, never its SQL or parameters)."""
    orig = getattr(exc, "orig", None) or exc
    first = next((ln.strip() for ln in str(orig).splitlines() if ln.strip()),
                 type(orig).__name__)
    return StoreError(f"{display_url(url)}: {first}")


def display_url(url: str) -> str:
    """Return the URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@", 1)[-1] if "@" in url else url


SCHEMES = ("sqlite", "postgresql")
BUSY_SECONDS = 60  # how long a SQLite writer waits for another one before giving up
WRITE = "wirewatch_write"  # execution option: this transaction writes (see _sqlite_begin)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling opens a transaction only before INSERT,
    # UPDATE and DELETE, so DDL (the migrations) ran outside any transaction and a kill
    # left a half-built schema. Wirewatch begins every transaction itself instead.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    _wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA mmap_size=268435456")  # reads of large stores without copies
    cur.close()


def _wal(cur: Any) -> None:
    """Put the database in WAL mode unless it is already (the mode is kept in the file).

    Switching needs the database to itself, and SQLite answers "database is locked" at
    once rather than waiting when another process is creating the same new file, so the
    switch is retried for up to ``BUSY_SECONDS``.
    """
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes SQLite's write lock when it begins (waiting for another writer up
    # to the busy timeout), not at its first write: a transaction that read first and
    # then tried to write while another wrote would fail with "database is locked".
    immediate = conn.get_execution_options().get(WRITE)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """Return an engine for the URL (SQLite: foreign keys on, WAL journal, transactional
    DDL, writers serialised at BEGIN with a 60 s busy wait)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def writer(engine: Engine) -> Engine:
    """Return the engine whose transactions write: on SQLite they take the write lock at
    BEGIN; on PostgreSQL, :func:`lock_for_writing` serialises them."""
    return engine.execution_options(**{WRITE: True})


def lock_for_writing(session: Session) -> None:
    """Serialise the store's writers for the rest of this transaction.

    Fusion reads what is stored and writes what follows from it; two writers doing that
    at once under READ COMMITTED each miss the other's rows (events split in two, lost
    rewrite links). PostgreSQL: a transaction-scoped advisory lock. SQLite: the write
    lock taken at BEGIN IMMEDIATE already does it.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database schema to ``revision`` with the shipped Alembic migrations."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with writer(engine).begin() as conn:
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
