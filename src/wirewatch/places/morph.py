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
# Case endings of adjectives that begin two-word names ("Великої Новосілки", "Харківської
# області"), with their nominative endings (feminine, then masculine).
_ADJ_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ої", "а"), ("ій", "а"), ("ою", "а"), ("ого", "ий"), ("ому", "ий"), ("ім", "ий"),
    ("ої", "ий"), ("ій", "ий"),
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
            elif "ADJF" in parse.tag:
                # the first word of "Харьковской области", "Великої Новосілки": the
                # nominative in the gender of the noun it goes with
                made = [parse.inflect({"nomn", "sing", g}) for g in ("femn", "masc", "neut")]
                forms.extend(m.word for m in made if m is not None)
                if not any(made):  # the Ukrainian dictionary gives no paradigm: endings
                    forms.extend(low[:-len(e)] + n for e, n in _ADJ_ENDINGS if low.endswith(e))
    for ending, nominative in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            forms.append(low[: len(low) - len(ending)] + nominative)
    return tuple(dict.fromkeys(f for f in forms if f != low))


@lru_cache(maxsize=131072)
def best_parse(word: str, lang: str) -> tuple[str, str]:
    """Return the dictionary form (lower case) of a word of ``lang`` ("ru", "uk") and the
    part of speech of pymorphy3's best parse ("NOUN", "VERB", ..., "UNKN")."""
    parse = _analyser(lang).parse(word.lower().replace("ʼ", "'").replace("’", "'"))[0]
    pos = parse.tag.POS or next((g for g in ("NUMB", "LATN", "PNCT", "UNKN") if g in parse.tag),
                                "X")
    return parse.normal_form, str(pos)


@lru_cache(maxsize=131072)
def lemmas(word: str, lang: str, limit: int = 3) -> frozenset[str]:
    """Return the dictionary forms of a word's ``limit`` best parses, and the word itself
    (lower case): what a lemma phrase may match."""
    low = word.lower().replace("ʼ", "'").replace("’", "'")
    return frozenset({low, *(p.normal_form for p in _analyser(lang).parse(low)[:limit])})


@lru_cache(maxsize=65536)
def is_person_name(word: str, lang: str) -> bool:
    """Return whether a capitalised Russian or Ukrainian word is read as a first name,
    surname or patronymic ("Пушилин", "Синєгубов") and never as a place name."""
    parses = _analyser(lang).parse(word.lower())[:2]
    tags = [set(str(p.tag).replace(" ", ",").split(",")) for p in parses]
    return bool(tags) and bool(tags[0] & {"Surn", "Name", "Patr"}) \
        and not any("Geox" in t for t in tags)
