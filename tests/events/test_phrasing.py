"""Unfamiliar phrasings of the codebook's events (written for these tests, not taken from
any evaluation text): each test states one general rule a coder would apply."""

from __future__ import annotations

import pytest
from events_helpers import Run, of_type, place_id

TORETSK, CHASIV_YAR, KURAKHOVE, KUPIANSK = 709354, 710915, 695357, 703656
KHERSON, SUMY, POKROVSK, ORIKHIV, VOVCHANSK = 706448, 692194, 704422, 698428, 689304


@pytest.mark.parametrize(("text", "etype", "place"), [
    # a particle or preposition separated from its verb by the object
    ("Ukrainian units have driven the Russian troops out of Vovchansk, the brigade said.",
     "territory.captured", VOVCHANSK),
    ("Russian forces fired cluster rockets at Orikhiv overnight, the governor said.",
     "strike", ORIKHIV),
    ("Occupation officials have removed dozens of paintings from the museum in Kherson, "
     "prosecutors said.", "property.looted", KHERSON),
    ("Forty pensioners were taken from Kurakhove to temporary accommodation in the region, "
     "the administration said.", "civilians.evacuated", KURAKHOVE),
    # a state of being attacked
    ("Sumy has been under heavy shelling since March, the mayor said.", "strike", SUMY),
])
def test_separated_prepositions_and_states_of_attack(run: Run, text: str, etype: str,
                                                     place: int) -> None:
    events = of_type(run(text, "2025-05-16"), etype)
    assert [place_id(e) for e in events] == [place], events
