"""Fusion tolerances as data (``data/fusion.yaml``): how far apart mention windows of
each event type may lie and still be one event, and the other knobs of fusion.

Loaded and validated like the codebook: :func:`load_fusion` returns a frozen
:class:`FusionConfig` or raises :class:`FusionConfigError` naming the file and the key.
Callers build one and pass it down (``Store(db, fusion=...)``); those that pass none use
the bundled file, parsed once per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.datafile import load_data_file

KEYS = {"tolerance_days", "default_tolerance_days", "undated_days", "min_placeless_count",
        "max_window_days"}


class FusionConfigError(ValueError):
    """A fusion file that cannot be used, with the file, the key and the reason."""


@dataclass(frozen=True)
class FusionConfig:
    """The knobs of fusion (see ``data/fusion.yaml`` for what each means and where its
    value comes from)."""

    tolerance_days: Mapping[str, int] = field(default_factory=dict)
    default_tolerance_days: int = 0
    undated_days: int = 7
    min_placeless_count: int = 10
    max_window_days: int = 400

    def tolerance(self, etype: str) -> int:
        """Return how many days apart two windows of this type may be and still fuse."""
        return self.tolerance_days.get(etype, self.default_tolerance_days)


def default_fusion_file() -> Path:
    """Return the bundled fusion file."""
    return Path(str(resources.files("wirewatch") / "data" / "fusion.yaml"))


def _days(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FusionConfigError(f"{key}: expected a whole number of days >= 0, "
                                f"got {value!r}")
    return value


def parse_fusion(data: Any) -> FusionConfig:
    """Return the fusion config of a parsed file; raise FusionConfigError naming the key."""
    if not isinstance(data, dict):
        raise FusionConfigError("the file must be a mapping")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise FusionConfigError(f"{unknown[0]}: unknown key (known: {', '.join(sorted(KEYS))})")
    tol = data.get("tolerance_days") or {}
    if not isinstance(tol, dict):
        raise FusionConfigError("tolerance_days: expected a mapping of event type to days")
    defaults = FusionConfig()
    return FusionConfig(
        tolerance_days={str(k): _days(v, f"tolerance_days.{k}") for k, v in tol.items()},
        default_tolerance_days=_days(data.get("default_tolerance_days",
                                              defaults.default_tolerance_days),
                                     "default_tolerance_days"),
        undated_days=_days(data.get("undated_days", defaults.undated_days), "undated_days"),
        min_placeless_count=_days(data.get("min_placeless_count",
                                           defaults.min_placeless_count),
                                  "min_placeless_count"),
        max_window_days=_days(data.get("max_window_days", defaults.max_window_days),
                              "max_window_days"))


def load_fusion(path: str | os.PathLike[str] | None = None) -> FusionConfig:
    """Return the fusion config at ``path`` (default: the bundled one).

    Raises FusionConfigError naming the file when it cannot be read or is malformed.
    """
    return load_data_file(path or default_fusion_file(), parse_fusion, FusionConfigError,
                          "fusion file")


def default_fusion() -> FusionConfig:
    """Return the bundled fusion config (parsed once per file version)."""
    return load_fusion()
