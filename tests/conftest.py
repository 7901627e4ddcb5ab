"""Shared fixtures: the real gazetteer index and the real spaCy model, loaded once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from wirewatch.places.gazetteer import Gazetteer, default_gazetteer

# the synthetic corpus generator lives with the benchmarks (benchmarks/synthetic.py), not in
# the runtime package; tests import it as ``synthetic`` like the benchmark scripts do
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def resources() -> Any:
    """The bundled configuration (codebook, gazetteer, pipeline with the wirewatch
    components), built once."""
    from wirewatch.resources import Resources

    return Resources.load()


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


def _new_schema() -> str:
    """Create a fresh schema in the PostgreSQL `test` database and return its name; skip
    (or, with WIREWATCH_REQUIRE_SERVICES=1, fail) when the server is unreachable."""
    import uuid

    import psycopg

    why = _pg_reachable()
    if why:
        if os.environ.get("WIREWATCH_REQUIRE_SERVICES") == "1":
            pytest.fail(why)
        pytest.skip(why)
    schema = f"ww_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    return schema


def _schema_url(schema: str) -> str:
    """Return the database URL whose connections work in ``schema``."""
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}"


def _drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """A fresh, empty store URL: a SQLite file, or a new schema in the `test` database
    (dropped afterwards). PostgreSQL tests skip when the server is unreachable, unless
    WIREWATCH_REQUIRE_SERVICES=1, where they fail."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    schema = _new_schema()
    try:
        yield _schema_url(schema)
    finally:
        _drop_schema(schema)


@pytest.fixture(scope="session")
def pg_schemas() -> Any:
    """A factory of fresh schemas in the PostgreSQL `test` database, for session-wide
    stores (all dropped at the end). Skips when the server is unreachable, unless
    WIREWATCH_REQUIRE_SERVICES=1, where it fails."""
    made: list[str] = []

    def new() -> str:
        made.append(_new_schema())
        return _schema_url(made[-1])

    yield new
    for schema in made:
        _drop_schema(schema)


# --- the API and the web interface (issue 5): the sample corpus plus a hostile article ----

HOSTILE_TEXT = (
    "🚀🔥 Pokrovsk: <img src=x onerror=\"document.body.dataset.pwned='img'\"> Russian forces "
    "struck Pokrovsk with glide bombs on November 3, 2025, the regional governor said. "
    "<script>document.body.dataset.pwned='script'</script> Two civilians were wounded in "
    "the strike, he added.")


def hostile_document() -> Any:
    """An article written to attack the analyst's browser: markup and script in its text,
    title and outlet, a javascript: URL, and emoji before the first place name (offsets in
    code points differ from JavaScript's UTF-16 indices after it)."""
    from datetime import date

    from wirewatch.document import Document

    return Document(id="hostile-report", text=HOSTILE_TEXT,
                    title="<script>document.title='pwned'</script>Strike on Pokrovsk",
                    outlet="Outlet <b>X</b>", url="javascript:alert(1)",
                    published=date(2025, 11, 4))


@pytest.fixture(scope="session")
def hostile() -> Any:
    """The hostile article (a Document)."""
    return hostile_document()


@pytest.fixture(scope="session")
def sample_batch() -> list[Any]:
    """The bundled sample corpus and the hostile article, extracted once by the real
    pipeline (spaCy, places, events)."""
    from wirewatch.document import Document
    from wirewatch.ingest.readers import read_sources
    from wirewatch.sample import sample_files
    from wirewatch.store.ingest import spacy_extractor

    docs = [d for d in read_sources(sample_files()) if isinstance(d, Document)]
    assert len(docs) > 20
    return spacy_extractor()([*docs, hostile_document()])


@pytest.fixture(scope="session")
def sample_store(sample_batch: list[Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A factory: a store URL ("sqlite" or a PostgreSQL schema URL) filled with the sample
    batch, 32 articles per transaction as `wirewatch ingest` writes them."""
    from wirewatch.store import Store

    def fill(url: str) -> str:
        with Store(url) as store:
            for i in range(0, len(sample_batch), 32):
                store.write_batch(sample_batch[i:i + 32])
        return url

    return fill
