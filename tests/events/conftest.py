"""Run the real pipeline (spaCy model, gazetteer, bundled codebook) on short texts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import Run

from wirewatch import Document, extract
from wirewatch.places.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def run(gaz: Gazetteer, nlp: Any) -> Run:
    """Return a function: text (and publication date) -> the contract JSON of its events."""

    def _run(text: str, published: str | None = None, doc_id: str = "t.txt"
             ) -> list[dict[str, Any]]:
        doc = Document(id=doc_id, text=text,
                       published=date.fromisoformat(published) if published else None)
        [result] = extract([doc], gaz=gaz, nlp=nlp)
        return [e.to_dict() for e in result.events]

    return _run
