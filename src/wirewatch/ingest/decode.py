"""Bytes to text: byte-order marks, declared charsets, and a detector for the rest.

Regional Russian and Ukrainian sites still serve windows-1251 and KOI8 pages, a
WARC may carry no charset header, and editors save UTF-16 files. The order is:
a byte-order mark; strict UTF-8; the charset an HTML page declares in its
``<meta>``; the charset given by the transport (an HTTP header); then
charset-normalizer's guess. A guessed encoding is reported, so that a user can
tell how a text was read; bytes that are no text in any encoding are refused, and so
are bytes that decode only to control characters (a binary file under a declared charset:
every byte is a Latin-1 character).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from wirewatch.document import storable_text

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# C0 controls other than white space: no person types them, binary data is full of them
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


class NotText(ValueError):
    """Bytes that are not text in any encoding wirewatch can tell."""


@dataclass(frozen=True)
class Decoded:
    """A text with the encoding it was read in; ``guessed`` when nothing declared it."""

    text: str
    encoding: str
    guessed: bool = False
    lossy: bool = False  # bytes that were no text in the encoding became U+FFFD

    def note(self) -> str | None:
        """Return how the text was decoded when that is worth telling, else None."""
        if self.lossy:
            return f"{self.encoding} (bytes not in it replaced)"
        return f"{self.encoding} (guessed)" if self.guessed else None


def clean_text(text: str) -> str:
    """Return ``text`` as a store can hold it (see :func:`wirewatch.document.storable_text`):
    no NUL, no lone surrogate, no other C0 control but tab and line breaks."""
    return storable_text(text)


def _checked(text: str, encoding: str, guessed: bool = False, lossy: bool = False
             ) -> Decoded:
    """The decoded text, cleaned; NotText when control characters or undecodable bytes
    (U+FFFD) make up more than 1 in 100, or 1 in 10, of its characters."""
    sample = min(len(text), 1_000_000)
    if len(_CONTROLS.findall(text, 0, sample)) > sample // 100:
        raise NotText("binary data (control characters), not text")
    if text.count("\ufffd", 0, sample) > sample // 10:
        raise NotText("binary data (undecodable bytes), not text")
    return Decoded(clean_text(text), encoding, guessed, lossy)


def decode_bytes(raw: bytes, declared: str | None = None, *,
                 utf8: bool = False) -> Decoded:
    """Return the text of ``raw`` and how it was decoded (NotText for binary data).

    ``declared`` is the charset a transport gave (an HTTP or WARC header), used when
    the bytes are not UTF-8 and the page declares none itself. With ``utf8`` (JSON, which
    is UTF-8 unless a byte-order mark says otherwise) bytes that are not UTF-8 become
    U+FFFD where they are, rather than the whole file being read in a guessed encoding.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(name, errors="replace"), name)
    head = raw[:8192]
    # a stray NUL is dropped from a text; NUL every other byte is UTF-16 (or binary)
    few_nuls = head.count(b"\x00") <= len(head) // 100
    if few_nuls:
        try:
            return _checked(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            if utf8:
                return _checked(raw.decode("utf-8", errors="replace"), "utf-8", lossy=True)
    for charset in (_meta_charset(raw), declared):
        if charset and few_nuls:
            try:
                return _checked(raw.decode(charset), codecs.lookup(charset).name)
            except (LookupError, UnicodeDecodeError):
                continue
    return _guess(raw)


def _meta_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def _guess(raw: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise NotText("binary data, not text in any known encoding")
    try:
        text = raw.decode(best.encoding, errors="replace")
    except LookupError as exc:  # pragma: no cover - the detector names codecs Python has
        raise NotText(f"unknown encoding {best.encoding}") from exc
    if text.count("\x00") > len(text) // 100 or (
            b"\x00" in raw and not _wide_text(raw, best.encoding)):
        raise NotText("binary data (NUL bytes), not text")
    return _checked(text, best.encoding, guessed=True)


def _wide_text(raw: bytes, encoding: str) -> bool:
    """True when NUL bytes sit where UTF-16 text without a byte-order mark puts them
    (the high byte of Latin letters), not scattered as in binary data."""
    name = encoding.lower().replace("-", "_")
    if not name.startswith("utf_16") or len(raw) < 16:
        return False
    high = raw[1::2] if name.endswith("le") else raw[0::2]
    return high.count(0) >= 0.8 * len(high) or raw.count(0) == 0
