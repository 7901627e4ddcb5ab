"""A front direction named after its town ("the Krasnarmeysk direction") names the town,
however the small model tags the word (a person, an adjective); a village the text puts
in a country's region ("in Ukraine's Zaporizhzhia region") is held by that region."""

from __future__ import annotations

from typing import Any

from wirewatch.places import places_in_text
from wirewatch.places.gazetteer import Gazetteer

POKROVSK = 704422


def test_a_town_a_front_direction_is_named_after_is_a_place(gaz: Gazetteer, nlp: Any) -> None:
    text = ("In the Krasnarmeysk direction alone, the army lost over 350 soldiers in one "
            "day, the ministry said.")
    found = {m.surface: m.place.geonameid for m in places_in_text("t", text, nlp(text), gaz)
             if m.place is not None}
    assert found.get("Krasnarmeysk") == POKROVSK, found


ZAPORIZHZHIA_OBLAST = 687699


def test_a_village_in_a_countrys_region_is_not_a_namesake_elsewhere(gaz: Gazetteer,
                                                                     nlp: Any) -> None:
    # GeoNames has Novoandriivka only as a village in Crimea; the text puts it in
    # Zaporizhzhia region, so it stays unresolved there, in every mention of the article
    text = ("Russia's Defence Ministry said its forces had captured Novoandriivka in "
            "Ukraine's Zaporizhzhia region. Kyiv said Novoandriivka remained under its "
            "control.")
    found = [m for m in places_in_text("t", text, nlp(text), gaz)
             if m.surface == "Novoandriivka"]
    assert len(found) == 2 and all(m.place is None for m in found), found
    assert found[0].container is not None and \
        found[0].container.geonameid == ZAPORIZHZHIA_OBLAST, found
