"""Per-type behaviour of the event stage, registered by name.

A :class:`Behaviour` says what is particular to a kind of event: how its figure
is read and how its mentions are made (one per place, one per equipment noun,
a passport's home and venue), and a few flags the shared steps consult. An
event type of the codebook finds its behaviour by the ``behaviour:`` key of its
entry, else by its own name ("territory.encircled"), else by the part before
the dot ("territory" for "territory.captured"), else ``equipment`` for a type
with ``needs_equipment``, else ``default``. So a new codebook type reuses a
behaviour by naming it; a new behaviour is a subclass registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from wirewatch.events.codebook import CodebookError, EventType
from wirewatch.events.types.base import Behaviour

B = TypeVar("B", bound=type[Behaviour])

_REGISTRY: dict[str, Behaviour] = {}


def register(name: str) -> Callable[[B], B]:
    """Register a behaviour class under ``name`` (a class decorator)."""
    def add(cls: B) -> B:
        if name in _REGISTRY:
            raise ValueError(f"behaviour {name!r} is registered twice")
        _REGISTRY[name] = cls(name)
        return cls
    return add


def known_behaviours() -> frozenset[str]:
    """Return the names of the registered behaviours."""
    return frozenset(_REGISTRY)


def behaviour_of(et: EventType | None, type_name: str) -> Behaviour:
    """Return the behaviour of an event type (CodebookError for an unknown explicit one)."""
    explicit = et.behaviour if et is not None else None
    if explicit:
        try:
            return _REGISTRY[explicit]
        except KeyError:
            raise CodebookError(f"type {type_name}: unknown behaviour {explicit!r}; known: "
                                f"{sorted(_REGISTRY)}") from None
    for key in (type_name, type_name.split(".")[0]):
        if key in _REGISTRY:
            return _REGISTRY[key]
    if et is not None and et.needs_equipment:
        return _REGISTRY["equipment"]
    return _REGISTRY["default"]


register("default")(Behaviour)

from wirewatch.events.types import (  # noqa: E402  (the modules register themselves)
    casualties,
    equipment,
    passport,
    strike,
    territory,
)

__all__ = ["Behaviour", "behaviour_of", "casualties", "equipment", "known_behaviours",
           "passport", "register", "strike", "territory"]
