"""Text fingerprints for deduplication: normalised hash, MinHash + LSH bands, content words.

All functions are pure and deterministic (no state, no randomness beyond fixed
seeds), so they give the same keys in every process and on every machine.
"""

from __future__ import annotations

import hashlib
import re
import struct
from functools import lru_cache
from typing import Any

import numpy as np

from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.fold import normalise

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: pairs with Jaccard >= 0.5 collide in a band with p > 0.87
ROWS = NUM_PERM // BANDS
SHINGLE = 3  # words per shingle
NEAR_DUPLICATE = 0.5  # estimated Jaccard of word 3-shingles for a near-duplicate

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_CAPITAL = re.compile(r"(?<![\w'])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)")


def content_hash(text: str) -> str:
    """Return the SHA-256 (hex) of the normalised text: the identity of an article's body."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Return the word tokens of the normalised text."""
    return _WORD.findall(normalise(text))


def stem(word: str) -> str:
    """Return a crude English stem (suffix stripping), enough to match inflected forms."""
    w = word.replace("'", "")
    for suf in ("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ies",
                "ied", "ers", "er", "ed", "es", "ly", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
    return w


def content_words(text: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """Return the stems of the text's content words (no stop words, numbers or short words;
    the stop words are the lexicon's, None: the bundled English lexicon)."""
    stop = (lexicon or load_lexicon("en")).stop_words
    return frozenset(stem(w) for w in words(text)
                     if len(w) > 2 and w not in stop and not w[0].isdigit())


def numbers(text: str) -> frozenset[str]:
    """Return the specific numbers in the text (>= 10, not calendar years), as strings."""
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group(1).replace(",", "").replace(" ", "")
        try:
            v = float(raw)
        except ValueError:
            continue
        if v >= 10 and not (1900 <= v <= 2100 and "." not in raw):
            out.add(raw.rstrip("0").rstrip(".") if "." in raw else raw)
    return frozenset(out)


def names(text: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """Return capitalised words not at a sentence start and not common words: mostly the
    proper names (people, units, outlets) an article relies on, lower-cased and stemmed
    (the common words are the lexicon's, None: the bundled English lexicon)."""
    lexicon = lexicon or load_lexicon("en")
    stop, name_stop = lexicon.stop_words, lexicon.name_stop_words
    out = set()
    for m in _CAPITAL.finditer(text):
        before = text[max(0, m.start() - 2): m.start()]
        if m.start() == 0 or re.search(r"[.!?\"'\n]\s*$", before):
            continue
        w = m.group(1).lower()
        if w not in stop and w not in name_stop and len(w) > 2:
            out.add(stem(w))
    return frozenset(out)


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32").permutations


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Return the set of word ``size``-grams of the normalised text, as UTF-8 bytes."""
    ws = words(text)
    if len(ws) < size:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + size]).encode("utf-8") for i in range(len(ws) - size + 1)}


def minhash(text: str) -> bytes:
    """Return the MinHash signature (``NUM_PERM`` 32-bit values, packed) of the text's
    word 3-shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_permutations(), scheme="affine32")
    sh = shingles(text)
    if sh:
        m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def band_keys(signature: bytes) -> list[int]:
    """Return the LSH band keys of a signature: one signed 64-bit key per band, so that
    two texts sharing any key are near-duplicate candidates."""
    out = []
    for b in range(BANDS):
        chunk = signature[b * ROWS * 4:(b + 1) * ROWS * 4]
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        out.append(struct.unpack("<q", digest)[0])
    return out


def jaccard(sig_a: bytes, sig_b: bytes) -> float:
    """Return the Jaccard similarity estimated from two MinHash signatures."""
    a = np.frombuffer(sig_a, dtype="<u4")
    b = np.frombuffer(sig_b, dtype="<u4")
    if len(a) != len(b) or not len(a):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def key64(text: str) -> int:
    """Return a stable signed 64-bit key of a string (for indexed lookups)."""
    return int(struct.unpack("<q", hashlib.blake2b(text.encode("utf-8"),
                                                    digest_size=8).digest())[0])
