"""The JSON of an event mention is exactly the contract's (CODEBOOK.md section 7)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from events_helpers import Run

from wirewatch.cli import main
from wirewatch.events.models import CONTRACT_KEYS

PLACE_KEYS = {"name", "geonameid", "lat", "lon", "country", "admin1", "surface", "confidence",
              "method", "explanation"}


def test_event_json_has_exactly_the_contract_keys(run: Run) -> None:
    events = run("Russian artillery shelled Kherson on Monday, killing two civilians, the "
                 "regional governor said on his Telegram channel.", "2025-05-16")
    assert events
    for e in events:
        assert list(e) == list(CONTRACT_KEYS)
        assert set(e["place"]) == PLACE_KEYS
        assert set(e["date"]) == {"value", "precision", "basis"}
        assert e["count"] is None or set(e["count"]) == {"value", "approx", "qualifier"}
        assert set(e["evidence"]) == {"text", "start", "end"}
        assert isinstance(e["conduit"], list)
        json.dumps(e)


def test_cli_writes_one_contract_object_per_event(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    text = ("Ukrainian forces destroyed two tanks and five armoured vehicles near Pokrovsk, "
            "the General Staff said on Tuesday.")
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--published", "2025-05-16", str(f)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 2
    for r in rows:
        assert list(r) == list(CONTRACT_KEYS)
        assert r["doc"] == "report.txt"
        assert r["date"]["value"] == "2025-05-13"
        assert text[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]


def test_cli_empty_file_is_named_with_no_events_and_exit_one(tmp_path: Path) -> None:
    # an empty text is refused, not read as an article without events (docs/reliability.md)
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f)])
    assert res.exit_code == 1, res.output
    assert res.stdout == ""
    assert res.stderr == f"wirewatch: error: {f}: empty text (only white space)\n"
