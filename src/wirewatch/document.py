"""The document: an article's body text and what is known about where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the body that offsets refer to; the title is context only."""

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


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, with the reason, for standard error."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
