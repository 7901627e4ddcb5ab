"""API fixtures: the sample store on each backend, filled once per session, and a client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def api_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           sample_store: Any, pg_schemas: Any) -> str:
    """The sample corpus (and the hostile article) ingested into SQLite or PostgreSQL."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("api") / "sample.db")
    else:
        url = pg_schemas()
    return str(sample_store(url))


@pytest.fixture(scope="session")
def client(api_db: str) -> Iterator[TestClient]:
    """A test client of the read-only app (no token) over the sample store."""
    with TestClient(create_app(api_db)) as c:
        yield c


@pytest.fixture(scope="session")
def everything(client: TestClient) -> list[dict[str, Any]]:
    """Every canonical event of the sample store, as the list endpoint pages them."""
    page = client.get("/api/events", params={"limit": 500}).json()
    assert page["total"] == len(page["items"]) > 50
    return list(page["items"])
