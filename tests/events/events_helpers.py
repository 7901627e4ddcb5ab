"""Small helpers shared by the event tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# text, published=None, doc_id='t.txt', config=None -> the contract JSON of the events found
Run = Callable[..., list[dict[str, Any]]]


def of_type(events: list[dict[str, Any]], etype: str) -> list[dict[str, Any]]:
    """Return the events of one type."""
    return [e for e in events if e["type"] == etype]


def place_id(event: dict[str, Any]) -> int | None:
    """Return the GeoNames id of an event's place (None when the place is null)."""
    return event["place"]["geonameid"] if event["place"] else None
