"""The extent of a territorial event: ``full``, or ``partial`` when the words around the
place say part of it was taken ("the eastern districts of X", "most of Y"; the words are
the lexicon's ``partial_extent``)."""

from __future__ import annotations

import re
from typing import Any

from wirewatch.events.lexicon import Lexicon
from wirewatch.events.syntax import path_up, text_of, token_at
from wirewatch.places.models import PlaceMention

_QUOTES = re.compile(r"[\"“”«»]")


def extent_of(head: Any, pm: PlaceMention | None, sent: Any, lex: Lexicon, ref: Any = None
              ) -> str:
    """Return ``partial`` when the words from the place to the trigger say so, else ``full``."""
    text = text_of(sent.doc)
    if pm is None:
        start, end = ref.idx, ref.idx + len(ref)
        ptok = ref
    else:
        start, end = pm.start, pm.end
        ptok = token_at(sent.doc, pm.start, pm.end)
    lo = min(head.idx, start)
    if ptok is not None:
        top = ptok
        for a in path_up(ptok)[1:]:
            if a == head or a.pos_ in ("VERB", "AUX"):
                break
            top = a
        lo = min(lo, sent.doc[top.left_edge.i].idx)
    hi = max(head.idx + len(head), end)
    if ptok is not None and ptok.dep_ == "poss":
        hi = max(hi, ptok.head.idx + len(ptok.head))  # "X's northern districts"
    # ('controlled "about a third" of X': quotes do not part the share from its town)
    window = _QUOTES.sub("", text[max(sent.start_char, lo - 25):hi])
    if lex.partial_extent.search(window) and not lex.whole_extent.search(window):
        return "partial"
    return "full"
