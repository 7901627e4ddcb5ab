"""A round-up of the places that came under fire, one place a line, as regional
administrations post it:

    The list of settlements that came under fire:
    Huliaipole - artillery and drone attacks, three houses damaged;
    Orikhiv - guided aerial bombs;
    - Krasnopillia community: mortar attack, FPV drones;

Each line is read on its own, with no verb to parse: the place before the colon or dash
is a strike's place, what follows it the means and the damage. The lines only count as
such a list after an opening line that ends with a colon and says places were hit
(lexicon ``strike_list_openers``). The strikes are the speaker's of the text around the
list and are dated as that speaker's statement (``tally_list.with_tallies``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wirewatch.document import Document
from wirewatch.events.dates import UNKNOWN
from wirewatch.events.lexicon import Lexicon
from wirewatch.events.models import EventMention, Evidence
from wirewatch.events.tally_list import TallyBlock
from wirewatch.places.models import PlaceMention

# a line of the list: an optional bullet, the place (its own words, then a noun of a
# community or district), a colon or a spaced dash, and what hit it
_BULLET = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2022*\u25aa\u25cf][ \t]*)?")
_AFTER_PLACE = re.compile(
    r"(?:[ \t]+(?:community|hromada|district|village|town|city|settlement|raion|area))?"
    r"[ \t]*(?::|[ \t][-\u2013\u2014]{1,2})[ \t]*(?P<means>\S[^;\n]*)")
# fewer lines than this after an opening are no round-up
MIN_LINES = 2


def strike_list_blocks(doc: Document, places: Sequence[PlaceMention], lexicon: Lexicon
                       ) -> list[TallyBlock]:
    """Return each round-up of places hit written one place a line, with its strikes."""
    out = []
    for opening in re.finditer(r"(?m)^[^\n]*:[ \t]*$", doc.text):
        if not lexicon.strike_list_openers.search(opening.group()):
            continue
        found = _lines(doc, places, opening.end() + 1)
        if len(found) >= MIN_LINES:
            out.append(TallyBlock(opening.start(), found[-1].evidence.end, tuple(found),
                                  dated_by_speaker=True))
    return out


def _lines(doc: Document, places: Sequence[PlaceMention], pos: int) -> list[EventMention]:
    """The strikes of the lines from ``pos`` on, up to the first line that is none."""
    text, out = doc.text, []
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not text[pos:end].strip():
            break  # a blank line ends the list
        mention = _line_strike(doc, places, pos, end)
        if mention is None:
            break
        out.append(mention)
        pos = end + 1
    return out


def _line_strike(doc: Document, places: Sequence[PlaceMention], start: int, end: int
                 ) -> EventMention | None:
    """The strike of one line ("Orikhiv - guided aerial bombs;"), if the line is one."""
    text = doc.text
    at = _BULLET.match(text, start, end)
    first = at.end() if at else start
    place = next((p for p in places if p.start == first and p.end <= end), None)
    if place is None or place.place is None:
        return None
    rest = _AFTER_PLACE.match(text, place.end, end)
    if rest is None:
        return None
    shown = text[first:rest.end("means")].rstrip(" \t,;.")
    return EventMention(doc=doc.id, type="strike", place=place.place, date=UNKNOWN,
                        evidence=Evidence(shown, first, first + len(shown)),
                        modality="asserted", trigger=(rest.start("means"), rest.end("means")))
