"""The command line as a user runs it: real files, real exit codes, documented commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from wirewatch.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
PLACE_KEYS = {"doc", "surface", "start", "end", "name", "geonameid", "lat", "lon", "country",
              "admin1", "confidence", "method", "explanation"}


def test_extract_places_reports_bad_files_and_processes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Russian troops entered Krasnoarmeysk in the Donetsk region.",
                    encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    res = CliRunner().invoke(main, ["extract", "--what", "places", str(tmp_path / "bad.txt"),
                                    str(tmp_path / "missing.txt"), str(good)])
    assert res.exit_code == 1
    assert "bad.txt" in res.stderr and "binary" in res.stderr
    assert "missing.txt" in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all(set(r) == PLACE_KEYS for r in rows)
    assert {r["geonameid"] for r in rows} >= {704422, 709716}
    assert all(r["doc"] == "good.txt" for r in rows)


def test_extract_exit_status_zero_when_all_inputs_read(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "n1", "text": "Strikes hit Odesa."}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--what", "places", str(f)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.splitlines()[0])["doc"] == "n1"


def test_places_resolve_prints_the_codebook_place() -> None:
    res = CliRunner().invoke(main, ["places", "resolve", "Volchansk",
                                    "--context", "Kharkiv region"])
    assert res.exit_code == 0, res.output
    place = json.loads(res.stdout)
    assert place["geonameid"] == 689304 and place["surface"] == "Volchansk"
    assert {"name", "lat", "lon", "country", "admin1", "confidence", "method",
            "explanation"} <= set(place)


def test_events_rejects_an_unknown_type_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    res = CliRunner().invoke(main, ["events", "--db", str(db), "--type", "nonsense"])
    assert res.exit_code == 2
    [line] = res.stderr.strip().splitlines()
    assert line.startswith("wirewatch: error: type: unknown event type 'nonsense'")
    assert "territory.captured" in line  # the codebook's types are named
    assert not db.exists()  # checked before the store is opened


def test_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")

    def walk(group: click.Group, prefix: str) -> list[str]:
        names = []
        for name, cmd in group.commands.items():
            full = f"{prefix} {name}".strip()
            names.append(full)
            if isinstance(cmd, click.Group):
                names.extend(walk(cmd, full))
        return names

    missing = [c for c in walk(main, "") if not re.search(rf"wirewatch {re.escape(c)}\b", readme)]
    assert missing == []


def test_extract_names_a_folder_and_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Russian forces captured Toretsk, the ministry said.", encoding="utf-8")
    folder = tmp_path / "a folder"
    folder.mkdir()
    res = CliRunner().invoke(main, ["extract", str(folder), str(good)])
    assert res.exit_code == 1
    assert "a folder" in res.stderr and "not a regular file" in res.stderr
    assert '"territory.captured"' in res.stdout


def test_file_names_cannot_forge_lines_or_move_the_terminal(tmp_path: Path) -> None:
    name = tmp_path / "evil\nwirewatch: ok\x1b[2J.txt"
    res = CliRunner().invoke(main, ["extract", str(name)])
    assert res.exit_code == 1
    [line] = res.stderr.strip().splitlines()
    assert "\\n" in line and "\\x1b" in line and "\x1b" not in line


def test_places_resolve_exits_2_for_a_name_it_cannot_resolve() -> None:
    res = CliRunner().invoke(main, ["places", "resolve", "Xyzzyville"])
    assert res.exit_code == 2
    assert json.loads(res.stdout)["geonameid"] is None
    # a garbled spelling of a town of the theatre still resolves
    res = CliRunner().invoke(main, ["places", "resolve", "Bahkmut"])
    assert res.exit_code == 0 and json.loads(res.stdout)["name"] == "Bakhmut"


def _warc_of_pages(n: int) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Toretsk</title></head><body><article><p>"
            + "Russian forces captured Toretsk, the ministry said. " * 8
            + "</p></article></body></html>").encode()
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.test/{i}", "response",
                                            payload=io.BytesIO(page), http_headers=headers))
    return buf.getvalue()


def test_extract_names_a_cut_warc_record_and_an_empty_text_and_goes_on(tmp_path: Path) -> None:
    whole = _warc_of_pages(2)
    (tmp_path / "cut.warc.gz").write_bytes(whole[:-60])
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Russian forces captured Toretsk, the ministry said.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "cut.warc.gz"),
                                    str(tmp_path / "blank.txt"), str(good)])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and all(x.startswith("wirewatch: error: ") for x in lines), lines
    assert "cut.warc.gz#" in lines[0] and "truncated" in lines[0]
    assert "blank.txt: empty text" in lines[1]
    docs = {json.loads(x)["doc"] for x in res.stdout.splitlines()}
    assert docs == {"https://x.test/0", "good.txt"}


def test_a_document_the_pipeline_fails_on_is_named_and_the_rest_extracted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch import pipeline

    real = pipeline.extract

    def fragile(docs: Any, resources: Any = None) -> Any:
        if any("poison" in d.text for d in docs):
            raise RuntimeError("the pipeline broke\nat line 2 of its message")
        return real(docs, resources)

    monkeypatch.setattr(pipeline, "extract", fragile)
    (tmp_path / "bad.txt").write_text("poison pill", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Russian forces captured Toretsk, the ministry said.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "bad.txt"), str(good)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    [line] = res.stderr.strip().splitlines()
    assert line.startswith("wirewatch: error: ") and "bad.txt: extraction failed" in line
    assert "RuntimeError: the pipeline broke" in line
    assert {json.loads(x)["doc"] for x in res.stdout.splitlines()} == {"good.txt"}


def test_an_unexpected_error_is_one_line_never_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from wirewatch.store import Store
    from wirewatch.store.write import Extracted

    store_ingest = importlib.import_module("wirewatch.store.ingest")

    def broken_write(self: Any, batch: Any, retries: int = 2) -> Any:
        raise RuntimeError("(psycopg.DataError) value too long\n[SQL: INSERT INTO articles "
                           "(text) VALUES ('the whole article...')]")

    monkeypatch.setattr(store_ingest, "spacy_extractor",
                        lambda _r=None: lambda docs: [Extracted(d, [], []) for d in docs])
    monkeypatch.setattr(Store, "write_batch", broken_write)
    (tmp_path / "a.txt").write_text("Shelling in Sumy.", encoding="utf-8")
    res = CliRunner().invoke(main, ["ingest", "-q", "--db", str(tmp_path / "s.db"),
                                    str(tmp_path / "a.txt")])
    assert res.exit_code == 1 and "Traceback" not in res.output
    [line] = res.stderr.strip().splitlines()
    assert line == ("wirewatch: error: unexpected RuntimeError: (psycopg.DataError) "
                    "value too long (WIREWATCH_DEBUG=1 shows where)")


def test_a_long_run_of_punctuation_keeps_the_offsets_of_the_words_around_it(
        tmp_path: Path) -> None:
    text = ("Russian troops entered Krasnoarmeysk.\n\n" + "=" * 5000 + "«»" * 100
            + "\n\nShelling hit Kharkiv overnight.")
    f = tmp_path / "ruled.txt"
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--what", "places", str(f)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert {r["surface"] for r in rows} >= {"Krasnoarmeysk", "Kharkiv"}
    assert all(text[r["start"]:r["end"]] == r["surface"] for r in rows)


def test_python_dash_m_wirewatch_runs_the_same_command_line() -> None:
    out = subprocess.run([sys.executable, "-m", "wirewatch", "--help"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "extract" in out.stdout, out.stdout
