"""Round 28 of the English place rules: "the village of X" is no town of 46,000 people whose
alternate names happen to include X (decision 616); "X, which the Ukrainians call Y" is Y
(decision 617). Every sentence here was written for these tests. Guard, passing on the code
before this round: ``test_the_village_of_kamianske_is_still_the_zaporizhzhia_village``."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of

from wirewatch.places.gazetteer import Gazetteer

HRODIVKA, KAMIANSKE_ZAPORIZHZHIA = 708047, 706967


def test_the_village_of_hrodivka_is_no_alternate_name_of_myrnohrad(gaz: Gazetteer,
                                                                   nlp: Any) -> None:
    text = "Russian troops said they had taken the village of Hrodivka northeast of Pokrovsk."
    assert ids_of(text, "Hrodivka", gaz, nlp) == [HRODIVKA]


def test_the_village_of_kamianske_is_still_the_zaporizhzhia_village(gaz: Gazetteer,
                                                                    nlp: Any) -> None:
    text = "Fighting went on near the village of Kamianske in the Zaporizhzhia region."
    assert ids_of(text, "Kamianske", gaz, nlp) == [KAMIANSKE_ZAPORIZHZHIA]


def test_a_name_which_the_ukrainians_call_another_takes_its_place(gaz: Gazetteer,
                                                                   nlp: Any) -> None:
    text = "The militants were driven out of Krasnokamensk, which the Ukrainians call Pokrovsk."
    assert ids_of(text, "Krasnokamensk", gaz, nlp) == [704422]
