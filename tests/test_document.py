"""The document: whatever an input holds, a document is text every store can keep."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from wirewatch.document import Document, ReadError
from wirewatch.store import Store, ingest
from wirewatch.store import models as m
from wirewatch.store.write import Extracted


def no_extraction(docs: Sequence[Document]) -> list[Extracted]:
    return [Extracted(d, [], []) for d in docs]


def test_nul_surrogates_and_controls_never_reach_the_store(store_url: str,
                                                            tmp_path: Path) -> None:
    record = {"id": "odd\u0000-1", "text": "Drones hit Kherson\u0000 at night.\u001b[2J Two "
              "people were hurt, \ud800 the governor said.", "title": "Kherson\u0000 hit",
              "outlet": "Wire\u0000", "author": "Olena\u0007 Koval", "url": "https://x.test/\u0000a",
              "desk": "night\u0000shift"}
    (tmp_path / "odd.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    odd_name = tmp_path / os.fsdecode(b"not-utf8-\xff.txt")  # a file name that is no UTF-8
    odd_name.write_text("Shelling in Sumy overnight, the regional head said.", encoding="utf-8")
    with Store(store_url) as store:
        summary = ingest([tmp_path], store, extractor=no_extraction)
        assert summary.failed == 0 and summary.stored == 2, summary.errors
        with store.engine.connect() as con:
            arts = {a.doc_id: a for a in con.execute(select(m.Article))}
    odd = arts["odd-1"]
    assert odd.text == ("Drones hit Kherson at night. [2J Two people were hurt, \ufffd the "
                        "governor said.")
    assert (odd.title, odd.outlet, odd.author, odd.url) == (
        "Kherson hit", "Wire", "Olena  Koval", "https://x.test/a")
    assert odd.extra == {"desk": "nightshift"}
    assert "not-utf8-\ufffd.txt" in arts and arts["not-utf8-\ufffd.txt"].source.endswith(
        "not-utf8-\ufffd.txt")


def test_tabs_and_line_breaks_are_kept_and_cleaning_is_idempotent() -> None:
    text = "Kyiv\tat night.\r\n\nKharkiv\x0cnext page\x0b."
    doc = Document(id="a", text=text)
    assert doc.text == text
    messy = Document(id="b\x00", text="a\x00b\x01c\udc80")
    assert (messy.id, messy.text) == ("b", "ab c\ufffd")
    assert Document(id=messy.id, text=messy.text) == messy


def test_a_read_error_is_one_line() -> None:
    err = ReadError("x.warc", "not a readable WARC file (gzip\nerror:\r\n  bad member)")
    assert str(err) == "x.warc: not a readable WARC file (gzip error: bad member)"
