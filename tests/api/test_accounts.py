"""Accounts and roles: readers, analysts and admins, each with a token of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from wirewatch.api import create_app
from wirewatch.cli import main
from wirewatch.store import Store
from wirewatch.store import models as m

SHARED = "shared-admin-token-0123456789"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def add(url: str, name: str, role: str) -> str:
    """`wirewatch users add NAME --role ROLE`: the token, printed once on stdout."""
    res = CliRunner().invoke(main, ["users", "add", name, "--role", role, "--db", url])
    assert res.exit_code == 0, res.output
    token = res.stdout.strip()
    assert token.startswith("ww_") and len(token) > 40
    return token


@pytest.fixture
def tokens(store_url: str) -> dict[str, str]:
    """A reader, an analyst and an admin in a fresh store (both backends)."""
    return {role: add(store_url, f"{role}-1", role) for role in ("reader", "analyst", "admin")}


@pytest.fixture
def app_client(store_url: str, tokens: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, SHARED)) as c:
        yield c


def test_users_add_prints_the_token_once_and_only_its_hash_is_stored(
        store_url: str, tokens: dict[str, str]) -> None:
    listed = CliRunner().invoke(main, ["users", "list", "--db", store_url])
    assert listed.exit_code == 0
    assert [ln.split("\t")[:2] for ln in listed.stdout.splitlines()] == [
        ["reader-1", "reader"], ["analyst-1", "analyst"], ["admin-1", "admin"]]
    assert not any(t in listed.output for t in tokens.values())
    with Store(store_url) as store, store.session() as s:
        rows = list(s.scalars(select(m.Account)))
        stored = " ".join(f"{a.name} {a.role} {a.token_hash}" for a in rows)
        assert not any(t in stored for t in tokens.values())
        assert len({a.token_hash for a in rows}) == 3
        assert store.principal(tokens["analyst"]) is not None
        assert store.principal(tokens["analyst"] + "x") is None
    again = CliRunner().invoke(main, ["users", "add", "reader-1", "--db", store_url])
    assert again.exit_code == 2 and "exists" in again.output


def test_each_token_acts_as_its_account(app_client: TestClient,
                                        tokens: dict[str, str]) -> None:
    for role, token in tokens.items():
        assert app_client.get("/api/me", headers=bearer(token)).json() == {
            "name": f"{role}-1", "role": role, "writes": True}
    assert app_client.get("/api/me", headers=bearer(SHARED)).json()["role"] == "admin"
    assert app_client.get("/api/me").json()["name"] is None


def test_a_reader_token_cannot_write(app_client: TestClient, tokens: dict[str, str]) -> None:
    r = app_client.post("/api/articles", json={"articles": [{"text": "x"}]},
                        headers=bearer(tokens["reader"]))
    assert r.status_code == 403 and "reader token cannot write" in r.json()["detail"]
    r = app_client.patch("/api/events/1", json={"version": 0, "status": "confirmed"},
                         headers=bearer(tokens["reader"]))
    assert r.status_code == 403
    assert app_client.get("/api/articles").json()["total"] == 0


def test_an_analyst_cannot_manage_users(app_client: TestClient,
                                        tokens: dict[str, str]) -> None:
    analyst = bearer(tokens["analyst"])
    r = app_client.post("/api/users", json={"name": "eve", "role": "admin"}, headers=analyst)
    assert r.status_code == 403 and "manage accounts" in r.json()["detail"]
    assert app_client.get("/api/users", headers=analyst).status_code == 403
    assert app_client.post("/api/users/admin-1/disable", headers=analyst).status_code == 403
    names = [a["name"] for a in app_client.get("/api/users",
                                               headers=bearer(tokens["admin"])).json()]
    assert names == ["reader-1", "analyst-1", "admin-1"]


def test_an_admin_adds_and_disables_accounts_and_a_disabled_token_is_refused(
        app_client: TestClient, tokens: dict[str, str]) -> None:
    admin = bearer(tokens["admin"])
    r = app_client.post("/api/users", json={"name": "kate", "role": "analyst"}, headers=admin)
    assert r.status_code == 200, r.text
    kate = r.json()["token"]
    assert app_client.get("/api/me", headers=bearer(kate)).json()["name"] == "kate"
    assert app_client.post("/api/users", json={"name": "kate", "role": "reader"},
                           headers=admin).status_code == 409
    listed = app_client.post("/api/users/kate/disable", headers=admin).json()
    assert [a["disabled_at"] is not None for a in listed if a["name"] == "kate"] == [True]
    assert app_client.get("/api/me", headers=bearer(kate)).json()["name"] is None
    r = app_client.post("/api/articles", json={"articles": []}, headers=bearer(kate))
    assert r.status_code == 401
    # the shared --token still works as an admin, for scripts
    assert app_client.get("/api/users", headers=bearer(SHARED)).status_code == 200


def test_reads_are_open_unless_a_reader_token_is_required(
        store_url: str, tokens: dict[str, str]) -> None:
    with TestClient(create_app(store_url)) as open_app:
        assert open_app.get("/api/events").status_code == 200
        assert open_app.get("/api/health").json()["writes"] is True  # accounts write
    with TestClient(create_app(store_url, require_read_token=True)) as closed:
        r = closed.get("/api/events")
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert closed.get("/api/events", headers=bearer("ww_wrong")).status_code == 401
        for token in tokens.values():
            assert closed.get("/api/events", headers=bearer(token)).status_code == 200
        assert closed.get("/").status_code == 200  # the pages hold no data


def test_users_disable_from_the_command_line(store_url: str, tokens: dict[str, str]) -> None:
    res = CliRunner().invoke(main, ["users", "disable", "analyst-1", "--db", store_url])
    assert res.exit_code == 0, res.output
    with Store(store_url) as store:
        assert store.principal(tokens["analyst"]) is None
        assert store.principal(tokens["reader"]) is not None
    res = CliRunner().invoke(main, ["users", "disable", "nobody", "--db", store_url])
    assert res.exit_code == 2 and "no such account" in res.output
