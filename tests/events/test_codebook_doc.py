"""The worked example of docs/codebook.md does what the page says it does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from wirewatch import Document, extract
from wirewatch.events.codebook import default_codebook_file
from wirewatch.resources import Resources

DOC = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def _between(text: str, name: str) -> str:
    m = re.search(rf"<!-- {name}:start -->(.*?)<!-- {name}:end -->", text, re.S)
    assert m, f"docs/codebook.md has no {name} block"
    return m.group(1)


def _apply(base: dict[str, Any], edit: dict[str, Any]) -> dict[str, Any]:
    """Apply the page's edit as a user would: append to lists, add new keys whole."""
    for key, value in edit.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _apply(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + value
        else:
            base[key] = value
    return base


def test_worked_example_gives_the_documented_output(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    page = DOC.read_text(encoding="utf-8")
    edit = yaml.safe_load(re.search(r"```yaml\n(.*?)```", _between(page, "example"),
                                    re.S).group(1))  # type: ignore[union-attr]
    data = _apply(yaml.safe_load(default_codebook_file().read_text(encoding="utf-8")), edit)
    path = tmp_path / "my_codebook.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    m = re.search(r'echo "(.*?)" > a\.txt', page, re.S)
    assert m
    text = m.group(1)
    published = re.search(r"--published (\S+)", page).group(1)  # type: ignore[union-attr]
    rows = [[c.strip() for c in line.strip("|").split("|")]
            for line in _between(page, "output").strip().splitlines()[2:]]
    config = Resources.load(codebook=path)
    assert "infrastructure.damaged" in config.codebook.types
    [res] = extract([Document("a.txt", text, published=date.fromisoformat(published))], config)
    got = [[e.type, f"{e.place.name} ({e.place.geonameid})" if e.place else "null", e.modality,
            e.date.value or "null"] for e in res.events]
    assert got == rows
