"""Shared fixtures: the real gazetteer index and the real spaCy model, loaded once."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch.places.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def nlp() -> Any:
    from wirewatch.nlp import get_nlp

    return get_nlp()
