"""Run the real pipeline (spaCy model, gazetteer, bundled codebook) on short texts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import Run

from wirewatch import Document, extract
from wirewatch.resources import Resources


@pytest.fixture(scope="session")
def run(resources: Resources) -> Run:
    """Return a function: text (and publication date) -> the contract JSON of its events,
    with the bundled configuration unless ``config`` (a Resources) is given."""

    def _run(text: str, published: str | None = None, doc_id: str = "t.txt",
             config: Resources | None = None, outlet: str | None = None
             ) -> list[dict[str, Any]]:
        doc = Document(id=doc_id, text=text, outlet=outlet,
                       published=date.fromisoformat(published) if published else None)
        [result] = extract([doc], config or resources)
        return [e.to_dict() for e in result.events]

    return _run
