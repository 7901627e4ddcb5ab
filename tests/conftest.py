"""Shared fixtures: the real gazetteer index and the real spaCy model, loaded once."""

from __future__ import annotations

import os
from typing import Any

import pytest

from wirewatch.places.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def nlp() -> Any:
    from wirewatch.nlp import get_nlp

    return get_nlp()


# --- store backends (issue 4): every store test runs on SQLite and on PostgreSQL ----------

PG_SERVER = os.environ.get("WIREWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    """Return why PostgreSQL cannot be used, or None when it can."""
    try:
        import psycopg

        with psycopg.connect(PG_SERVER, connect_timeout=3):
            return None
    except Exception as e:  # any failure to connect means: not reachable
        return f"PostgreSQL at {PG_SERVER} unreachable: {e}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """A fresh, empty store URL: a SQLite file, or a new schema in the `test` database
    (dropped afterwards). PostgreSQL tests skip when the server is unreachable, unless
    WIREWATCH_REQUIRE_SERVICES=1, where they fail."""
    import uuid

    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    why = _pg_reachable()
    if why:
        if os.environ.get("WIREWATCH_REQUIRE_SERVICES") == "1":
            pytest.fail(why)
        pytest.skip(why)
    import psycopg

    schema = f"ww_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as con:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
