"""The bundled sample corpus: original, fictionalised articles written by the project."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files("wirewatch") / "data" / "sample"))


def sample_files() -> list[Path]:
    """Return the sample corpus's articles (JSON Lines, text and HTML files), sorted by name;
    not its README.md or any other file that describes the corpus rather than reports."""
    return sorted(p for p in sample_dir().iterdir()
                  if p.suffix in (".jsonl", ".txt", ".html"))
