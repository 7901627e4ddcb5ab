"""The document: an article's body text and what is known about where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

# What a store cannot hold or a person did not write: NUL (PostgreSQL text refuses it),
# lone UTF-16 surrogates (no encoder takes them: a JSON "\ud800", a file name that is not
# UTF-8) and the other C0 controls bar tab, line feed, vertical tab, form feed and
# carriage return (binary debris, terminal escapes).
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff]")


def _replacement(m: re.Match[str]) -> str:
    c = m.group()
    if c == "\x00":
        return ""  # NUL between letters is text read in the wrong width: drop it
    return "\ufffd" if "\ud800" <= c <= "\udfff" else " "


def storable_text(text: str) -> str:
    """Return ``text`` as every store can hold it: NUL removed, lone surrogates as U+FFFD,
    the other C0 control characters (bar tab and line breaks) as spaces."""
    return _UNSTORABLE.sub(_replacement, text) if _UNSTORABLE.search(text) else text


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the body that offsets refer to; the title is context only.

    Every text field is made storable on construction (:func:`storable_text`), so that a
    NUL or a lone surrogate from any input (a file, a record, the API) never reaches a
    store; offsets refer to the cleaned text.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    source: str | None = None  # the file it was read from
    author: str | None = None
    site_name: str | None = None
    # the language (ISO 639-1) the input gives for it; None: detected when it is read
    lang: str | None = None
    # further metadata of the input (e.g. extra CSV columns), as sorted (key, value) pairs
    extra: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                clean = storable_text(value)
                if clean is not value:
                    object.__setattr__(self, f.name, clean)
        if self.extra:
            extra = tuple((storable_text(k), storable_text(v)) for k, v in self.extra)
            if extra != self.extra:
                object.__setattr__(self, "extra", extra)


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, with the reason, for standard error (one line:
    line breaks in a reason, e.g. a library's message, become spaces)."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        if "\n" in self.reason or "\r" in self.reason:
            object.__setattr__(self, "reason", " ".join(self.reason.split()))

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
