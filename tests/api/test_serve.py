"""`wirewatch serve`: safe defaults (the end-to-end tests start it for real)."""

from __future__ import annotations

from click.testing import CliRunner

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
