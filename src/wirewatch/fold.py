"""Text folded for comparison: one definition for fingerprints and claimant keys."""

from __future__ import annotations

import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "«": '"', "»": '"', "–": "-", "—": "-", "−": "-",
                         "\u00a0": " ", "\u200b": ""})


def normalise(text: str) -> str:
    """Return the text folded for comparison: NFKC, unified quotes/dashes, lower case,
    single spaces."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(t.split())
