"""One meaning per filter: the CLI and the API answer the same question with the same
events, and a parameter the API does not know, an empty integer or a contradictory range
is refused with a reason rather than quietly ignored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirewatch.cli import main

SAME_QUESTIONS = [
    ({"since": "2025-11-10"}, ["--since", "2025-11-10"]),
    ({"since": "2025-11-01", "until": "2025-11-15", "type": "territory"},
     ["--since", "2025-11-01", "--until", "2025-11-15", "--type", "territory"]),
    ({"claimant": "Ministry of Defence"}, ["--claimant", "Ministry of Defence"]),
    ({"denied_by": "Lytvyn"}, ["--denied-by", "Lytvyn"]),
    ({"outlet": "continental wire"}, ["--outlet", "continental wire"]),
    ({"modality": "contested,denied", "place": "Kupyansk"},
     ["--modality", "contested,denied", "--place", "Kupyansk"]),
    ({"min_sources": "2"}, ["--min-sources", "2"]),
]


@pytest.mark.parametrize(("params", "options"), SAME_QUESTIONS)
def test_the_cli_and_the_api_give_the_same_events(client: TestClient, api_db: str,
                                                  params: dict[str, str],
                                                  options: list[str]) -> None:
    r = client.get("/api/events", params={**params, "limit": 500})
    assert r.status_code == 200, r.text
    api_ids = [e["id"] for e in r.json()["items"]]
    res = CliRunner().invoke(main, ["events", "--db", api_db, "--format", "jsonl", *options])
    assert res.exit_code == 0, res.output
    cli_ids = [json.loads(x)["id"] for x in res.stdout.splitlines()]
    assert cli_ids == api_ids and api_ids, params


def test_claimant_denier_and_outlet_filters_keep_claims_and_denials_apart(
        client: TestClient, everything: list[dict[str, Any]]) -> None:
    def ids(**params: str) -> set[int]:
        return {e["id"] for e in client.get("/api/events",
                                            params={**params, "limit": 500}).json()["items"]}

    denied = ids(denied_by="Lytvyn")
    assert denied == {e["id"] for e in everything
                      if any("Lytvyn" in d for d in e["denied_by"])}
    assert ids(claimant="Lytvyn") == set()  # he denies; he claims nothing
    wire = ids(outlet="Continental Wire")
    assert wire and wire == {e["id"] for e in everything if "Continental Wire" in e["outlets"]}
    assert ids(outlet="continental wire,State Information Agency") > wire


@pytest.mark.parametrize(("options", "named"), [
    (["--type", "foo"], "type"),
    (["--since", "2025-11-20", "--until", "2025-11-01"], "since"),
    (["--modality", "rumoured"], "modality"),
])
def test_the_cli_refuses_what_the_api_refuses_in_one_line(api_db: str, client: TestClient,
                                                          options: list[str],
                                                          named: str) -> None:
    res = CliRunner().invoke(main, ["events", "--db", api_db, *options])
    assert res.exit_code == 2 and res.stdout == ""
    line = res.stderr.strip()
    assert "\n" not in line and line.startswith(f"wirewatch: error: {named}")
    params = dict(zip([o.lstrip("-") for o in options[::2]], options[1::2], strict=True))
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and r.json()["detail"] == line.removeprefix(
        "wirewatch: error: ")


def test_every_read_endpoint_refuses_parameters_it_does_not_take(client: TestClient) -> None:
    for path in ("/api/events", "/api/map", "/api/timeline", "/api/articles",
                 "/api/families", "/api/export/events.csv", "/api/health", "/api/conflicts"):
        r = client.get(path, params={"colour": "red"})
        assert r.status_code == 422, path
        assert r.json()["detail"].startswith("colour: unknown parameter"), path
    r = client.get("/api/articles", params={"family": ""})
    assert r.status_code == 422 and r.json()["detail"].startswith("family: empty")
