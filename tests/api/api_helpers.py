"""Small helpers shared by the API tests that write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.store import Store

# a client and the Authorization headers of its accounts, by name
Client = tuple[TestClient, dict[str, str]]


@contextmanager
def app_with_accounts(store_url: str, resources: Any, articles: list[dict[str, Any]],
                      accounts: dict[str, str]) -> Iterator[Client]:
    """An app over a fresh store with ``accounts`` (name -> role) and ``articles`` posted by
    the first of them; the client and each account's Authorization header."""
    with Store(store_url) as store:
        tokens = {name: store.add_account(name, role) for name, role in accounts.items()}
    headers = {name: f"Bearer {token}" for name, token in tokens.items()}
    with TestClient(create_app(store_url, resources=resources)) as c:
        r = c.post("/api/articles", json={"articles": articles},
                   headers={"Authorization": next(iter(headers.values()))})
        assert r.status_code == 200, r.text
        yield c, headers
