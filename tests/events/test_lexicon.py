"""The lexicon files: the bundled one loads, a malformed one is refused by file and key, and
a word changed in a copy changes what extraction and fusion read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from events_helpers import Run

from wirewatch.events.lexicon import LexiconError, lexicon_dir, load_lexicon
from wirewatch.events.naming import claimant_key
from wirewatch.resources import Resources


def _copy_with(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load((lexicon_dir() / "en.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "en.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_bundled_english_lexicon_loads() -> None:
    assert load_lexicon("en").lang == "en"


def test_an_unknown_key_is_refused_with_the_file_and_the_key(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, speach_verbs=["say"])
    with pytest.raises(LexiconError, match=r"en\.yaml: unknown key 'speach_verbs'"):
        load_lexicon(path=path)


def test_a_missing_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("{}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"xx\.yaml: missing key 'lang'"):
        load_lexicon(path=path)


def test_a_language_without_a_lexicon_is_named(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"zz\.yaml: cannot read lexicon"):
        load_lexicon("zz")


# -- a word changed in a copy of the lexicon changes what is read --------------------------

_DISPATCH = ("According to a dispatch from the Russian Defence Ministry, Russian forces "
             "captured Toretsk.")
_SHARED = "Russian forces captured Toretsk, the Defence Ministry said in a video shared by Zvezda."


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    """Resources with a copy of en.yaml that knows one more document noun and one more
    way of naming a relay."""
    data = yaml.safe_load((lexicon_dir() / "en.yaml").read_text(encoding="utf-8"))
    path = _copy_with(tmp_path_factory.mktemp("lexicon"),
                      document_nouns=[*data["document_nouns"], "dispatch"],
                      relays=[*data["relays"],
                              r"\bshared by (?P<c>(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)"])
    return Resources.load(lexicon=path)


def test_a_new_document_noun_makes_its_issuer_the_claimant(run: Run, edited: Resources) -> None:
    [before] = run(_DISPATCH)
    assert before["claimant"] == "dispatch from the Russian Defence Ministry"
    [after] = run(_DISPATCH, config=edited)
    assert after["claimant"] == "Russian Ministry of Defence"


def test_a_new_relay_pattern_names_the_conduit(run: Run, edited: Resources) -> None:
    [before] = run(_SHARED)
    assert before["conduit"] == []
    [after] = run(_SHARED, config=edited)
    assert (after["claimant"], after["conduit"]) == ("Russian Ministry of Defence", ["Zvezda"])


def test_the_lexicon_file_is_the_events_components_config(edited: Resources) -> None:
    config = edited.settings.component_config()["wirewatch_events"]
    assert config["lexicon"] == edited.settings.lexicon
    assert "dispatch" in edited.nlp.get_pipe("wirewatch_events").lexicon.document_nouns


def test_a_new_organisation_word_changes_the_fusion_key(tmp_path: Path) -> None:
    lexicon = load_lexicon()
    assert claimant_key("Russian Rosgvardia", lexicon) == "person:rosgvardia"
    path = _copy_with(tmp_path, claimant_org_words=[*lexicon.claimant_org_words, "rosgvardia"])
    assert claimant_key("Russian Rosgvardia", load_lexicon(path=path)) == \
        "org:russian rosgvardia"


def test_a_bad_rewrite_is_refused_with_its_key(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, claimant_folds=[["(unclosed", "x"]])
    with pytest.raises(LexiconError, match=r"claimant_folds\[0\]: bad regular expression"):
        load_lexicon(path=path)
