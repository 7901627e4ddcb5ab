"""Territory and offensives: states of territory and the reference to an earlier one.

A capture, an encirclement or a withdrawal is a change of who holds a place:
"held since May" starts then, "a fall of X would ..." is no particular event,
and a bare "the pullback" refers back to the event already reported. The
extent (full | partial) is read by steps/extent.py for types with ``extent``.
"""

from __future__ import annotations

from wirewatch.events.types import register
from wirewatch.events.types.base import Behaviour


@register("territory")
class Territory(Behaviour):
    """A place taken: territory.captured and any territory.* type without its own."""

    state = True
    earlier_reference = True


@register("territory.encircled")
class Encircled(Territory):
    """A place or a force surrounded: the surrounded side is the target ("troops were
    surrounded", "surrounded the garrison")."""

    passive_object = True
    parties = "loser"


@register("territory.withdrawn")
class Withdrawn(Territory):
    """A side leaving a place: the subject is the side that moved."""

    parties = "mover"


@register("offensive")
class Offensive(Behaviour):
    """An offensive launched: "to storm X" is one, "the offensive" refers back."""

    earlier_reference = True
    purpose_infinitive = True
