"""The lexicon files: the bundled one loads, a malformed one is refused by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wirewatch.events.lexicon import LexiconError, lexicon_dir, load_lexicon


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
