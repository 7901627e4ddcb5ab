import json
import os
from datetime import date
from pathlib import Path

from wirewatch.document import Document, ReadError
from wirewatch.ingest.readers import Limits, read_path


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


def test_missing_and_binary_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x00")
    for name, why in [("missing.txt", "No such file"), ("bin.txt", "binary")]:
        [item] = list(read_path(tmp_path / name))
        assert isinstance(item, ReadError) and why in item.reason, item


CYRILLIC = ("Жители Покровска сообщили об обстреле города в ночь на понедельник. "
            "По словам главы администрации, пострадали два человека, повреждены дома.")


def test_windows_1251_html_with_its_charset_in_meta_is_read(tmp_path: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1251"><title>Новости</title></head><body><article><p>'
            f"{CYRILLIC}</p><p>{CYRILLIC}</p></article></body></html>")
    f = tmp_path / "page.html"
    f.write_bytes(page.encode("windows-1251"))
    [doc] = list(read_path(f))
    assert isinstance(doc, Document) and "Покровска" in doc.text
    assert ("encoding", "cp1251 (guessed)") not in doc.extra  # declared, not guessed


def test_undeclared_encodings_are_guessed_and_said(tmp_path: Path) -> None:
    (tmp_path / "koi8.txt").write_bytes((CYRILLIC * 3).encode("koi8-r"))
    (tmp_path / "utf16.txt").write_bytes(CYRILLIC.encode("utf-16"))
    [guessed] = list(read_path(tmp_path / "koi8.txt"))
    [bom] = list(read_path(tmp_path / "utf16.txt"))
    assert isinstance(guessed, Document) and "Покровска" in guessed.text
    assert any(k == "encoding" and "guessed" in v for k, v in guessed.extra)
    assert isinstance(bom, Document) and bom.text == CYRILLIC and not bom.extra


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path, why in [(fifo, "FIFO"), (zero, "device")]:
        [item] = list(read_path(path))
        assert isinstance(item, ReadError) and why in item.reason


def test_a_file_over_the_limit_is_refused_and_named(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("Kyiv. " * 1000, encoding="utf-8")
    [item] = list(read_path(f, limits=Limits(file_bytes=1000)))
    assert isinstance(item, ReadError) and "over the limit of 1,000" in item.reason


def test_lone_surrogates_and_empty_texts(tmp_path: Path) -> None:
    f = tmp_path / "odd.jsonl"
    f.write_text('{"id": "s", "text": "Drones hit Kherson \\ud800 at night."}\n'
                 '{"id": "w", "text": "   \\n  "}\n', encoding="utf-8")
    doc, blank_record = list(read_path(f))
    assert isinstance(doc, Document) and "\ufffd" in doc.text
    doc.text.encode("utf-8")  # storable
    assert isinstance(blank_record, ReadError) and "empty" in blank_record.reason


def test_empty_and_white_space_texts_are_refused_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "rows.csv").write_text('id,text\nc1,"   "\nc2,Strikes hit Odesa.\n',
                                       encoding="utf-8")
    (tmp_path / "recs.jsonl").write_text('{"id": "j1", "text": "\\u0000\\u0001  "}\n'
                                         '{"id": "j2", "text": "Strikes hit Odesa."}\n',
                                         encoding="utf-8")
    for name in ("empty.txt", "blank.md"):
        [item] = list(read_path(tmp_path / name))
        assert isinstance(item, ReadError) and item.source == str(tmp_path / name), item
        assert "empty text" in item.reason, item
    for name, line in (("rows.csv", 2), ("recs.jsonl", 1)):
        blank, doc = list(read_path(tmp_path / name))
        assert isinstance(blank, ReadError) and blank.source == f"{tmp_path / name}:{line}"
        assert "empty text" in blank.reason
        assert isinstance(doc, Document) and doc.text == "Strikes hit Odesa."


def test_a_stray_nul_is_dropped_and_the_text_kept(tmp_path: Path) -> None:
    f = tmp_path / "nul.txt"
    f.write_bytes(b"Drones hit Kherson\x00 overnight, the regional governor said on Monday; "
                  b"two people were wounded and a school was damaged.")
    [doc] = list(read_path(f))
    assert isinstance(doc, Document) and doc.text.startswith("Drones hit Kherson overnight")


def test_an_outlet_name_longer_than_a_store_keeps_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": "Shelling in Sumy.", "outlet": "O" * 301}) + "\n"
                 + json.dumps({"text": "Shelling in Sumy.", "outlet": "O" * 300}) + "\n",
                 encoding="utf-8")
    err, doc = list(read_path(f))
    assert isinstance(err, ReadError) and "'outlet' longer than 300" in err.reason
    assert isinstance(doc, Document) and doc.outlet == "O" * 300


def test_json_lines_are_utf8_and_a_bad_byte_spoils_only_its_line(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'{"id": "a", "text": "Drones hit Sumy."}\n'
                  b'{"id": "b", "text": "bad \xff\xfe byte \xed\xa0\x80"}\n'
                  b'{"id": "c", "text": "Shelling in Kherson."}\n')
    a, b, c = list(read_path(f))
    assert isinstance(a, Document) and a.text == "Drones hit Sumy."
    assert isinstance(c, Document) and c.text == "Shelling in Kherson."
    assert isinstance(b, Document) and b.text.startswith("bad \ufffd\ufffd byte")
    assert ("encoding", "utf-8 (bytes not in it replaced)") in b.extra


def test_json_lines_and_csv_are_read_record_by_record(tmp_path: Path) -> None:
    # memory does not grow with the file: the whole of a 16 MB file is never held
    import csv as csv_module
    import tracemalloc

    body = "Shelling hit the outskirts of Kharkiv overnight, the governor said. " * 15
    jsonl = tmp_path / "big.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for i in range(16_000):
            fh.write(json.dumps({"id": f"d{i}", "text": body}) + "\n")
    table = tmp_path / "big.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        w = csv_module.writer(fh)
        w.writerow(["id", "text"])
        for i in range(16_000):
            w.writerow([f"d{i}", body])
    for f in (jsonl, table):
        assert f.stat().st_size > 16_000_000
        tracemalloc.start()
        n = sum(1 for item in read_path(f) if isinstance(item, Document))
        _now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert n == 16_000 and peak < 4_000_000, (f.name, peak)


def test_the_documents_of_files_and_folders_are_counted_for_the_progress_bar(
        tmp_path: Path) -> None:
    from wirewatch.ingest.readers import count_documents

    (tmp_path / "a.txt").write_text("Shelling in Sumy.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n',
                                      encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\n1,one\n2,two\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # passed over by the walk
    assert count_documents([tmp_path]) == 1 + 3 + 2
    assert count_documents([tmp_path / "b.jsonl", tmp_path / "a.txt"]) == 4
    # what cannot be told without reading it: no total
    (tmp_path / "feed.xml").write_text("<rss></rss>", encoding="utf-8")
    assert count_documents([tmp_path]) is None
    assert count_documents(["https://example.org/a"]) is None
