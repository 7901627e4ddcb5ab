"""Reading the project's data files: YAML parsed once per file version, errors by file.

The codebook, the lexicon, the fusion settings and the ACLED mapping are all read the
same way: the file's modification time keys a cache (an edited file is read again), a
file that cannot be read or parsed raises the caller's error type naming the file, and
the caller's parser names the key that does not fit, prefixed with the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


def load_data_file(path: str | os.PathLike[str], parse: Callable[[Any], T], error: type[ValueError],
                   what: str) -> T:
    """Return ``parse`` of the YAML file at ``path`` (cached per file version).

    Raises ``error`` with the file named ("<file>: cannot read <what> (...)", or the
    parser's message prefixed with the file).
    """
    chosen = Path(path)
    try:
        stamp = chosen.stat().st_mtime_ns
    except OSError as exc:
        raise error(f"{chosen}: cannot read {what} ({exc.strerror})") from exc
    result: T = _load(str(chosen), stamp, parse, error, what)  # type: ignore[arg-type]  # classes hash
    return result


@lru_cache(maxsize=32)
def _load(path: str, _mtime: int, parse: Callable[[Any], Any], error: type[ValueError],
          what: str) -> Any:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read {what} ({exc})") from exc
    try:
        return parse(data)
    except error as exc:
        raise error(f"{path}: {exc}") from exc
