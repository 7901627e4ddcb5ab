"""Telegram Desktop channel exports as input: one article per message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.document import Document
from wirewatch.ingest.readers import read_path

EXPORT = {
    "name": "Фронтовая сводка", "type": "public_channel", "id": 1234567890,
    "username": "frontsvodka",
    "messages": [
        {"id": 10, "type": "service", "date": "2024-11-29T08:00:00", "action": "pin_message",
         "text": ""},
        {"id": 11, "type": "message", "date": "2024-11-29T09:30:00", "from": "Фронтовая сводка",
         "text": ["Российские войска освободили ", {"type": "bold", "text": "Селидово"},
                  ", сообщили в Минобороны России."]},
        {"id": 12, "type": "message", "date": "2024-11-29T10:00:00", "photo": "photos/1.jpg",
         "text": ""},
        {"id": 13, "type": "message", "date": "2024-11-28T21:00:00",
         "forwarded_from": "Военкор Север",
         "text": "В результате обстрела Горловки погибли два человека, заявил Денис Пушилин."},
    ],
}


def _export(tmp_path: Path, data: dict[str, Any] = EXPORT) -> Path:
    f = tmp_path / "result.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return f


def test_one_document_per_message_with_text(tmp_path: Path) -> None:
    docs = list(read_path(_export(tmp_path)))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.url for d in docs if isinstance(d, Document)] == [
        "https://t.me/frontsvodka/11", "https://t.me/frontsvodka/13"]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.text == "Российские войска освободили Селидово, сообщили в Минобороны России."
    assert first.outlet == "Фронтовая сводка" and str(first.published) == "2024-11-29"


def test_without_a_username_the_channel_id_makes_the_link(tmp_path: Path) -> None:
    data = {**EXPORT, "username": None}
    docs = [d for d in read_path(_export(tmp_path, data)) if isinstance(d, Document)]
    assert docs[0].url == "https://t.me/c/1234567890/11"


def test_extract_keeps_the_forward_as_conduit_and_counts_skipped(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(_export(tmp_path))])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    captured = [r for r in rows if r["type"] == "territory.captured"]
    assert captured and captured[0]["place"]["geonameid"] == 694677
    assert captured[0]["conduit"] == []
    forwarded = [r for r in rows if r["doc"] == "frontsvodka/13"]
    assert forwarded and all(r["conduit"][-1] == "Военкор Север" for r in forwarded)
    assert "2 message(s) without text skipped" in res.stderr
