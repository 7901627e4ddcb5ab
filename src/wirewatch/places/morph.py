"""Dictionary forms of Russian and Ukrainian place names in running text.

"под Покровском", "у Покровську", "в Авдеевке", "біля Авдіївки": Russian and
Ukrainian inflect place names for case, so the word in the text is rarely the
name in the gazetteer. The morphological analysers of pymorphy3 (with their
Russian and Ukrainian dictionaries, shipped as packages) give the dictionary
forms of a word; for names they do not know, the common case endings are cut
back to the nominative. The gazetteer then looks up each form.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

# Case endings of place names, longest first, with what replaces them in the nominative:
# "-ськ/-ск" towns (Покровську, Покровском), "-ка/-ка" villages (Авдіївці, Авдеевке),
# "-е/-я" neuters (Запоріжжі). Each pair is (ending, nominative ending).
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ському", "ськ"), ("ськові", "ськ"), ("ськом", "ськ"), ("ська", "ськ"), ("ську", "ськ"),
    ("ском", "ск"), ("ске", "ск"), ("ска", "ск"),
    ("ску", "ск"), ("ївці", "ївка"), ("ївки", "ївка"), ("ївку", "ївка"), ("ївкою", "ївка"),
    ("еевке", "еевка"), ("еевки", "еевка"), ("еевку", "еевка"), ("цями", "ця"),
    ("ці", "ка"), ("ки", "ка"), ("ку", "ка"), ("кою", "ка"), ("ке", "ка"), ("ой", "а"),
    ("жжі", "жжя"), ("жжю", "жжя"), ("жья", "жье"),
    ("ові", ""), ("ом", ""), ("у", ""), ("і", ""), ("а", ""), ("е", ""),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_analysers: dict[str, Any] = {}
_lock = threading.Lock()


def _analyser(lang: str) -> Any:
    # the dictionaries are static data shipped with the packages: loaded once per process
    with _lock:
        if lang not in _analysers:
            import pymorphy3

            _analysers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return _analysers[lang]


@lru_cache(maxsize=65536)
def dictionary_forms(word: str) -> tuple[str, ...]:
    """Return the possible nominative forms of a Russian or Ukrainian word, best first
    (never the word itself; nothing for a word without Cyrillic letters)."""
    if not _CYRILLIC.search(word):
        return ()
    low = word.lower().replace("ʼ", "'").replace("’", "'")
    forms: list[str] = []
    for lang in ("uk", "ru"):
        for parse in _analyser(lang).parse(low)[:4]:
            if "NOUN" in parse.tag or "UNKN" in parse.tag:
                forms.append(parse.normal_form)
    for ending, nominative in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            forms.append(low[: len(low) - len(ending)] + nominative)
    return tuple(dict.fromkeys(f for f in forms if f != low))
