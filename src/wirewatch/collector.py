"""How extraction asks Python's garbage collector to run less often (docs/performance.md,
round 11; decision 150).

Reading a batch allocates and frees a great many small containers (spaCy's ``Token`` and
``Span`` objects, the rules' lists and tuples); at Python's default first threshold (700
net allocations) the collector ran about 160 times per 40 documents, and each full
collection walks every object the models, gazetteer and lexicons hold. Almost all of what
extraction allocates is freed by reference counting, not by the collector, so a larger
first threshold while a batch is read changes when collections run, never what is kept.

``fewer_collections`` raises the threshold for the duration of a call and puts the host's
back afterwards (never lowering it, and leaving a disabled collector alone); calls that
overlap in threads share one raise. ``freeze_loaded`` is for a process that *is* the
host, the command line: it moves everything loaded so far out of the collector's reach.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The first generation's threshold while extracting (Python's default is 700): one
# collection or none per 40 documents of about 600 words instead of about 160.
EXTRACTION_THRESHOLD = 10_000

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections(threshold: int = EXTRACTION_THRESHOLD) -> Iterator[None]:
    """Run the body with the collector's first threshold at least ``threshold``, restoring
    the host's thresholds when the last overlapping call ends."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            first, *rest = _saved
            if 0 < first < threshold:  # 0: the host turned automatic collection off
                gc.set_threshold(threshold, *rest)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


def freeze_loaded() -> None:
    """Collect once, then move every object alive now to the collector's permanent
    generation (``gc.freeze``): later full collections no longer walk the loaded models,
    gazetteer and lexicons. For the host process only (the command line): it changes the
    whole process's collector, which a library must leave to its caller."""
    gc.collect()
    gc.freeze()
