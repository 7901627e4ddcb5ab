"""Small helpers shared by the event tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# text, published=None, doc_id='t.txt', config=None, outlet=None -> the contract JSON of
# the events found
Run = Callable[..., list[dict[str, Any]]]


def of_type(events: list[dict[str, Any]], etype: str) -> list[dict[str, Any]]:
    """Return the events of one type."""
    return [e for e in events if e["type"] == etype]


def place_id(event: dict[str, Any]) -> int | None:
    """Return the GeoNames id of an event's place (None when the place is null)."""
    return event["place"]["geonameid"] if event["place"] else None


def events_in(resources: Any, text: str, lang: str, published: Any) -> list[dict[str, Any]]:
    """Return the contract JSON of the events of one text read in ``lang``."""
    from wirewatch.document import Document
    from wirewatch.pipeline import extract

    (result,) = extract([Document("d", text, published=published, lang=lang)], resources)
    return [e.to_dict() for e in result.events]
