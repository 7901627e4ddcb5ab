"""Name normalisation: the keys under which the gazetteer stores and finds names.

Two keys are used:

* ``normalize`` gives the *exact* key: case, diacritics, apostrophe variants and
  hyphens folded, nothing else. "Gulyai-Pole" and "gulyai pole" share it.
* ``translit_key`` gives the *romanisation* key: it also folds the differences
  between Russian and Ukrainian romanisations of the same Cyrillic name (g/h,
  i/y/j, e/ye/ie, o/i in closed syllables, l/v after o, soft signs), so that
  "Gulyaypole" meets "Huliaipole" and "Volchansk" meets "Vovchansk". It is a
  candidate-generation key: collisions are expected and settled by scoring.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "´": "'", "ʹ": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Cyrillic to Latin, Ukrainian-leaning (г -> h); the romanisation key folds g/h anyway.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ў": "u",
}

# Plain substitutions of the romanisation key, in order (a-z only).
_KEY_REPLACE = [
    ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("tsch", "c"), ("tch", "c"),
    ("ch", "c"), ("sh", "s"), ("ts", "c"), ("tz", "c"), ("cz", "c"), ("x", "ks"), ("w", "v"),
    ("g", "h"), ("j", "i"), ("y", "i"),
]
# Contextual rewrite rules applied after them, in order.
_KEY_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"ii+", "i"),
        (r"ei", "i"),  # Russian -eysk / Ukrainian -iisk: Krasnoarmeysk/Krasnoarmiisk
        (r"ie", "e"),  # Ukrainian ie (є) / Russian e: Sievierodonetsk/Severodonetsk
        (r"i([aou])", r"\1"),  # palatalisation: Huliaipole/Gulyaypole, Mariupol
        (r"ol([^aeiou])", r"ov\1"),  # Volchansk -> Vovchansk
        (r"ov([^aeiou]|$)", r"iv\1"),  # Krasnogorovka -> Krasnohorivka, Kharkov
        (r"(oe|aia|oi|ei)$", "e"),  # adjectival endings -oye/-e, -aya, -iy
        (r"o$", "e"),  # Russian -ovo / Ukrainian -ove: Kurakhovo/Kurakhove
        (r"ski$|skii$", "sk"),
        (r"^vu", "u"),  # Ukrainian prothetic v: Vuhledar/Ugledar
        (r"(.)\1+", r"\1"),
    ]
]
_NOT_AZ = re.compile(r"[^a-z]")
# A letter outside the Latin and Cyrillic blocks (and modifier letters such as ʼ).
_OTHER_SCRIPT = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u02B0-\u02FF\u1E00-\u1EFF\u0400-\u052F]")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Return the exact lookup key of a name: lower case, no diacritics, folded punctuation."""
    s = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
    s = _DASHES.sub(" ", s).lower()
    s = _COMBINING.sub("", unicodedata.normalize("NFKD", s))
    s = s.replace("'s ", "'s ").strip(" .,;:'\"")
    return _SPACES.sub(" ", s)


def has_cyrillic(s: str) -> bool:
    """Return True when the string holds at least one Cyrillic letter."""
    return _CYRILLIC.search(s) is not None


def transliterate(s: str) -> str:
    """Return a Latin rendering of Cyrillic letters (other characters unchanged)."""
    return "".join(_CYR.get(c, _CYR.get(c.lower(), c)) for c in s)


def translit_key(name: str) -> str:
    """Return the romanisation-folding key of a name (letters a-z only, may be empty)."""
    return _key_of_normalized(normalize(name))


@lru_cache(maxsize=1 << 20)
def _key_of_normalized(s: str) -> str:
    if has_cyrillic(s):
        s = transliterate(s)
    s = _NOT_AZ.sub("", s)
    for old, new in _KEY_REPLACE:
        s = s.replace(old, new)
    for pattern, repl in _KEY_RULES:
        s = pattern.sub(repl, s)
    return s


@lru_cache(maxsize=65536)
def letters_key(name: str) -> str:
    """Return a name's letters only, Cyrillic romanised, without the romanisation folds.

    Edit distances on this key catch garbles that the folds of ``translit_key`` hide
    ("Pokrvosk" is one swap from "Pokrovsk", but two edits from its folded key).
    """
    s = normalize(name)
    if has_cyrillic(s):
        s = transliterate(s)
    return _NOT_AZ.sub("", s)


def is_latin_or_cyrillic(s: str) -> bool:
    """Return True when every letter of the string is Latin or Cyrillic."""
    return _OTHER_SCRIPT.search(s) is None
