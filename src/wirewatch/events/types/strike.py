"""Strikes, and surrenders: behaviours that are only flags for the shared steps."""

from __future__ import annotations

from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour


@register("strike")
class Strike(Behaviour):
    """A strike: the losses reported with it take its place and date."""

    strike = True


@register("personnel.surrendered")
class Surrender(Behaviour):
    """A surrender: the subject is the side that gave itself up."""

    parties = "loser"
