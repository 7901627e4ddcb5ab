"""The event stage's parts as a user extends them: type behaviours named in the codebook,
English words read from the lexicon (docs/events.md)."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from events_helpers import Run

from wirewatch.events.codebook import (
    Codebook,
    CodebookError,
    default_codebook_file,
    parse_codebook,
)
from wirewatch.events.extract import events_in_document
from wirewatch.events.lexicon import Lexicon, LexiconError, lexicon_dir, load_lexicon
from wirewatch.places.component import document_of, places_of
from wirewatch.resources import Resources

SEIZED = ("Ukrainian troops seized two tanks and three howitzers near Robotyne on Monday, "
          "the General Staff said.")


def _events(resources: Resources, text: str, book: Codebook | None = None,
            lexicon: Lexicon | None = None) -> list[dict[str, Any]]:
    doc = resources.nlp(text)
    found = events_in_document(document_of(doc), doc, places_of(doc),
                               book or resources.codebook, lexicon or resources.lexicon)
    return [e.to_dict() for e in found]


def _book_with(**types: dict[str, Any]) -> Codebook:
    data = yaml.safe_load(default_codebook_file().read_text(encoding="utf-8"))
    data["types"].update(copy.deepcopy(types))
    return parse_codebook(data)


def test_a_new_type_reuses_a_behaviour_by_name(resources: Resources) -> None:
    seized = {"triggers": ["seize"], "place": "optional", "count": "equipment"}
    with_behaviour = _book_with(**{"materiel.seized": {**seized, "behaviour": "equipment"}})
    found = [(e["equipment"], e["count"]["value"]) for e in _events(resources, SEIZED,
                                                                      with_behaviour)
             if e["type"] == "materiel.seized"]
    assert found == [("tanks", 2), ("howitzers", 3)]  # one mention per kind, each counted
    plain = _book_with(**{"materiel.seized": seized})
    assert [e["equipment"] for e in _events(resources, SEIZED, plain)
            if e["type"] == "materiel.seized"] == [None]


def test_an_unknown_behaviour_is_refused_naming_the_type() -> None:
    with pytest.raises(CodebookError, match=r"type strike: unknown behaviour 'stirke'"):
        _book_with(strike={"triggers": ["strike"], "place": "required",
                           "behaviour": "stirke"})


def test_the_words_of_a_rule_are_the_lexicons(resources: Resources) -> None:
    text = "Russian forces captured most of Toretsk on Monday, the Defence Ministry said."
    [bundled] = _events(resources, text)
    assert bundled["extent"] == "partial"
    lexicon = dataclasses.replace(resources.lexicon,
                                  partial_extent=re.compile(r"\bnowhere-at-all\b"))
    [changed] = _events(resources, text, lexicon=lexicon)
    assert changed["extent"] == "full"


def test_a_lexicon_without_an_event_steps_key_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load((lexicon_dir() / "en.yaml").read_text(encoding="utf-8"))
    del data["denial_words"]
    path = tmp_path / "en.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"en\.yaml: missing key 'denial_words'"):
        load_lexicon(path=path)


@pytest.mark.parametrize("text", [
    "Russian forces could capture Lyman, the Defence Ministry said.",  # a possibility
    "If Russian forces capture Lyman, the front will move, the Defence Ministry said.",
    "Losing Lyman would leave Ukraine without a railway hub, analysts said.",  # a hypothesis
    "Officials debated the timeline for the liberation of Lyman.",  # a prospect
    "Drones now strike roads near Kupiansk every day.",  # a habit
    "The abandoned dugout near Lyman was full of water.",  # a participle as an adjective
    "A fall of Lyman would bring Russian forces closer to Sloviansk.",  # no particular fall
])
def test_the_guards_drop_what_is_no_event(run: Run, text: str) -> None:
    assert run(text) == []


def test_the_guards_keep_the_event_itself(run: Run) -> None:
    [event] = run("Russian forces captured Lyman, the Defence Ministry said.")
    assert event["type"] == "territory.captured"
