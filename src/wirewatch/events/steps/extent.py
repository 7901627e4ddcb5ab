"""The extent of a territorial event: ``full``, or ``partial`` when the words around the
place say part of it was taken ("the eastern districts of X", "most of Y")."""

from __future__ import annotations

import re
from typing import Any

from wirewatch.events.syntax import path_up, text_of, token_at
from wirewatch.places.models import PlaceMention

PARTIAL = re.compile(r"\b(?:(?:southern|northern|eastern|western|central|south-eastern|"
                     r"north-eastern|south-western|north-western)\s+(?:part|parts|outskirts|"
                     r"districts?|half|quarters?|neighbourhoods?|neighborhoods?|edge)|part of|"
                     r"parts of|\d+\s*(?:per ?cent|percent|%)\s+of|half of|most of|a third of|"
                     r"some of|several (?:districts|streets)|districts of|quarters? of|"
                     r"neighbou?rhoods? of)\b", re.I)


def extent_of(head: Any, pm: PlaceMention | None, sent: Any, ref: Any = None) -> str:
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
    window = text[max(sent.start_char, lo - 25):hi]
    if PARTIAL.search(window) and not re.search(r"\bthe whole of\b", window, re.I):
        return "partial"
    return "full"
