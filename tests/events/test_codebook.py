"""The codebook is data a user can extend without touching code (docs/codebook.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from events_helpers import Run

from wirewatch.cli import main
from wirewatch.events.codebook import CodebookError, default_codebook_file, load_codebook
from wirewatch.resources import Resources

TYPES = {"territory.captured", "territory.encircled", "territory.withdrawn",
         "offensive.launched", "passport.issued", "civilians.evacuated", "casualties",
         "equipment.lost", "personnel.surrendered", "strike", "property.looted"}


def test_bundled_codebook_has_the_eleven_types_with_triggers() -> None:
    book = load_codebook(default_codebook_file())
    assert set(book.types) == TYPES
    assert all(t.triggers for t in book.types.values())
    assert ("take", "control", "of") in book.types["territory.captured"].triggers


def _user_codebook(tmp_path: Path, edit: dict[str, list[str]]) -> Path:
    data = yaml.safe_load(default_codebook_file().read_text(encoding="utf-8"))
    for etype, words in edit.items():
        data["types"][etype]["triggers"] += words
    path = tmp_path / "my_codebook.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_new_trigger_through_the_environment_variable(run: Run, tmp_path: Path) -> None:
    text = "Russian forces overran the town of Toretsk on Monday, the ministry said."
    assert run(text) == []
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    book = _user_codebook(tmp_path, {"territory.captured": ["overrun"]})
    res = CliRunner().invoke(main, ["extract", str(article)],
                             env={"WIREWATCH_CODEBOOK": str(book)})
    assert res.exit_code == 0, res.output
    [e] = [json.loads(x) for x in res.stdout.splitlines()]
    assert e["type"] == "territory.captured" and e["place"]["geonameid"] == 709354


def test_new_trigger_through_the_cli_option(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russian forces overran the town of Toretsk, the ministry said.",
                       encoding="utf-8")
    book = _user_codebook(tmp_path, {"territory.captured": ["overrun"]})
    res = CliRunner().invoke(main, ["--codebook", str(book), "extract", str(article)])
    assert res.exit_code == 0, res.output
    [row] = [json.loads(x) for x in res.stdout.splitlines()]
    assert row["type"] == "territory.captured"


def test_new_hedge_marker(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load(default_codebook_file().read_text(encoding="utf-8"))
    data["modality"]["hedged"].append("rumouredly")
    path = tmp_path / "hedge.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = "Russian troops rumouredly captured Toretsk."
    assert run(text)[0]["modality"] == "asserted"
    assert run(text, config=Resources.load(codebook=path))[0]["modality"] == "hedged"


def test_malformed_codebook_is_reported_with_its_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("types:\n  strike:\n    trigers: [strike]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.yaml.*trigers"):
        load_codebook(bad)
    article = tmp_path / "a.txt"
    article.write_text("Russian drones struck Kherson.", encoding="utf-8")
    res = CliRunner().invoke(main, ["--codebook", str(bad), "extract", str(article)])
    assert res.exit_code != 0
    assert "bad.yaml" in res.stderr and "trigers" in res.stderr


def test_missing_codebook_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match=r"nowhere\.yaml"):
        load_codebook(tmp_path / "nowhere.yaml")
