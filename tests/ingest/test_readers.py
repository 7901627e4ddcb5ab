import json
from datetime import date
from pathlib import Path

from wirewatch.document import Document, ReadError
from wirewatch.ingest.readers import read_path


def test_plain_text_is_read_whole(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Drones hit Kharkiv overnight.\n", encoding="utf-8")
    [doc] = list(read_path(f, date(2025, 1, 2)))
    assert isinstance(doc, Document)
    assert doc.id == "a.txt" and doc.text.startswith("Drones") and doc.published == date(2025, 1, 2)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    body = " ".join(["Russian forces shelled Kherson overnight, the regional governor said."] * 4)
    f.write_text(
        "<html><head><title>Kherson shelled</title><meta name='date' content='2025-11-20'>"
        "</head><body><nav>Home | World | Sport</nav><article><h1>Kherson shelled</h1>"
        f"<p>{body}</p><p>{body}</p></article><footer>Copyright 2025</footer></body></html>",
        encoding="utf-8")
    [doc] = list(read_path(f))
    assert isinstance(doc, Document)
    assert "Kherson overnight" in doc.text and "Copyright" not in doc.text
    assert doc.title == "Kherson shelled" and doc.published == date(2025, 11, 20)


def test_jsonl_records_bad_lines_reported_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    lines = [json.dumps({"id": "r1", "text": "Shelling in Sumy.", "outlet": "Wire",
                         "published": "2025-10-01"}),
             "{not json",
             json.dumps({"id": "r3", "title": "no body"}),
             json.dumps({"text": "A record without an id."})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(f))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "ReadError", "Document"]
    assert isinstance(items[0], Document) and items[0].outlet == "Wire"
    assert isinstance(items[1], ReadError) and items[1].source.endswith("x.jsonl:2")
    assert "malformed JSON" in items[1].reason
    assert isinstance(items[3], Document) and items[3].id == "x.jsonl:4"


def test_missing_binary_and_badly_encoded_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x00")
    (tmp_path / "latin.txt").write_bytes("Kyiv caf\xe9".encode("latin-1"))
    for name, why in [("missing.txt", "No such file"), ("bin.txt", "binary"),
                      ("latin.txt", "UTF-8")]:
        [item] = list(read_path(tmp_path / name))
        assert isinstance(item, ReadError) and why in item.reason, item
