"""`wirewatch serve`: safe defaults (the end-to-end tests start it for real)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirewatch.cli import main


def test_serve_listens_on_loopback_by_default_and_refuses_weak_tokens() -> None:
    serve = main.commands["serve"]
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000
    assert defaults["token"] is None
    res = CliRunner().invoke(main, ["serve", "--token", "short"], env={"WIREWATCH_TOKEN": ""})
    assert res.exit_code == 2 and "at least 16 characters" in res.output
    res = CliRunner().invoke(main, ["serve"], env={"WIREWATCH_TOKEN": "tiny"})
    assert res.exit_code == 2 and "at least 16 characters" in res.output


def served_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str) -> Any:
    """The app `wirewatch serve ARGS` would run (uvicorn is not started)."""
    import uvicorn

    from wirewatch.store import Store

    Store(tmp_path / "s.db").close()  # a read-only server never creates its store
    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(app=app, **kw))
    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), *args],
                             env={"WIREWATCH_TOKEN": "", "WIREWATCH_ALLOWED_HOSTS": ""})
    assert res.exit_code == 0, res.output
    return ran["app"]


def test_serve_answers_only_the_hosts_it_is_reached_by(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    app = served_app(monkeypatch, tmp_path)
    with TestClient(app) as c:
        for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."):
            r = c.get("/api/health", headers={"Host": host})
            assert r.status_code == 200, host
        # a page of another site whose name now resolves to 127.0.0.1 (DNS rebinding)
        r = c.get("/api/health", headers={"Host": "attacker.example:8000"})
        assert r.status_code == 400 and "--allowed-host" in r.json()["detail"]
        assert "attacker.example" in r.json()["detail"]
        assert "content-security-policy" in r.headers
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400
    app = served_app(monkeypatch, tmp_path, "--host", "127.0.0.2", "--allowed-host",
                     "wirewatch.lan")
    with TestClient(app) as c:
        for host, status in (("127.0.0.2:8000", 200), ("wirewatch.lan", 200),
                             ("localhost", 200), ("attacker.example", 400)):
            assert c.get("/api/health", headers={"Host": host}).status_code == status, host
    app = served_app(monkeypatch, tmp_path, "--allowed-host", "*")
    with TestClient(app) as c:
        assert c.get("/api/health", headers={"Host": "any.example"}).status_code == 200


def test_a_server_error_keeps_the_connection_open(tmp_path: Path) -> None:
    """Over a real socket: after a 500 the same connection answers the next request."""
    import http.client
    import socket
    import threading

    import uvicorn
    from sqlalchemy import text

    from wirewatch.api import create_app

    app = create_app(str(tmp_path / "broken.db"), serve_web=False)
    with app.state.store.engine.begin() as con:
        con.execute(text("DROP TABLE canonical_members"))
        con.execute(text("DROP TABLE canonical_events"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            threading.Event().wait(0.05)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/events")
        first = conn.getresponse()
        first.read()
        assert first.status == 500 and first.getheader("x-frame-options") == "DENY"
        assert first.getheader("connection") != "close"
        local = conn.sock.getsockname()
        conn.request("GET", "/openapi.json")  # the same connection, not a new one
        second = conn.getresponse()
        assert second.status == 200 and conn.sock.getsockname() == local
        conn.close()
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
