"""The language of each document: given by its input, or detected; text wirewatch cannot
read is named, never silently empty."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.document import Document
from wirewatch.ingest.language import detect_language, normalise_code
from wirewatch.ingest.readers import read_path
from wirewatch.pipeline import extract

GERMAN = ("Russische Truppen haben nach Angaben des Verteidigungsministeriums in Moskau das "
          "Dorf Nowoselowka im Gebiet Donezk eingenommen. Die Ukraine bestreitet das.")
ENGLISH = ("Russia's defence ministry said on Thursday its forces had captured the village "
           "of Novoselivka in the Donetsk region.")


def test_detects_english_russian_ukrainian_and_others() -> None:
    assert detect_language(ENGLISH).lang == "en"
    assert detect_language("Российские войска освободили Авдеевку, сообщили в "
                           "Минобороны России.").lang == "ru"
    assert detect_language("Сили оборони звільнили Кліщіївку, повідомив Генштаб "
                           "ЗСУ.").lang == "uk"
    assert detect_language(GERMAN).lang == "de"


def test_too_little_text_is_left_undetermined() -> None:
    assert detect_language("Pokrovsk").lang is None
    assert detect_language("").lang is None


def test_language_codes_are_normalised() -> None:
    assert normalise_code("RU") == "ru"
    assert normalise_code("uk-UA") == "uk"
    assert normalise_code("ukr") == "uk"
    assert normalise_code(" ") is None


def test_jsonl_and_csv_records_give_their_language(tmp_path: Path) -> None:
    jl = tmp_path / "a.jsonl"
    jl.write_text(json.dumps({"id": "x", "text": "Bakhmut.", "lang": "UK"}) + "\n",
                  encoding="utf-8")
    (doc,) = list(read_path(jl))
    assert isinstance(doc, Document) and doc.lang == "uk" and doc.extra == ()
    csv = tmp_path / "a.csv"
    csv.write_text("id,text,lang\nr1,Some text.,ru\n", encoding="utf-8")
    (row,) = list(read_path(csv))
    assert isinstance(row, Document) and row.lang == "ru"


def test_given_language_wins_over_detection(resources: object) -> None:
    out = extract([Document("g", ENGLISH, lang="de")], resources)  # type: ignore[arg-type]
    assert out[0].doc.lang == "de" and out[0].events == []
    assert out[0].unread is not None and "German" in out[0].unread


def test_extract_notes_each_unreadable_document_and_counts_them(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--published", "2025-05-16",
                                    str(tmp_path / "de.txt"), str(tmp_path / "en.txt")])
    assert res.exit_code == 0, res.output
    notes = [line for line in res.stderr.splitlines() if "cannot read" in line]
    assert len(notes) == 2
    assert "de.txt" in notes[0] and "German (de)" in notes[0]
    assert "1 document(s)" in notes[1] and "de 1" in notes[1]
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and {r["doc"] for r in rows} == {"en.txt"} and rows[0]["lang"] == "en"


def test_lang_option_gives_the_language_of_inputs_without_one(tmp_path: Path) -> None:
    f = tmp_path / "en.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--lang", "fr", str(f)])
    assert res.exit_code == 0 and res.stdout == ""
    assert "French (fr)" in res.stderr
    bad = CliRunner().invoke(main, ["extract", "--lang", "Klingon!", str(f)])
    assert bad.exit_code == 2


def test_ingest_stores_the_language_and_notes_unread_documents(tmp_path: Path) -> None:
    from wirewatch.store import Store

    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = str(tmp_path / "w.db")
    res = CliRunner().invoke(main, ["ingest", "-q", "--db", db, str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "German (de)" in res.stderr and "de 1" in res.stderr
    with Store(db) as store:
        langs = {a["doc"]: a["lang"] for a in store.articles()}
    assert langs == {"de.txt": "de", "en.txt": "en"}
