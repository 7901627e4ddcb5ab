"""Round 8 of issue 11 (places on real reporting): wire datelines with a state's
abbreviation, "a different X", and the other rules of decisions 70 onwards."""

from __future__ import annotations

from typing import Any

from places_helpers import ids_of, mentions_in

from wirewatch.places.gazetteer import Gazetteer

WARSAW_IN, WARSAW_PL, INDIANA = 4927854, 756135, 4921868
VIENNA_VA, VIENNA_AT, VIRGINIA = 4791160, 2761369, 6254928
WASHINGTON_DC = 4140963


_mentions = mentions_in


_ids = ids_of


def test_a_dateline_with_a_state_abbreviation_is_the_town_in_that_state(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("WARSAW, Ind. (AP) — The orthopedic-device makers of this northern city are now "
            "shipping artificial knees to hospitals in Poland.")
    assert _ids(text, "WARSAW", gaz, nlp) == [WARSAW_IN]
    assert _ids(text, "Ind.", gaz, nlp) == [INDIANA]
    dateline = [m for m in _mentions(text, gaz, nlp) if m.surface == "Ind."]
    assert dateline[0].dateline  # part of the dateline: never an event's place


def test_the_datelines_state_does_not_pull_the_storys_places_into_it(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("VIENNA, Va. (AP) — Delegates from Kyiv and Moscow have not met face-to-face in "
            "Vienna, and Washington has sent only observers.")
    assert _ids(text, "VIENNA", gaz, nlp) == [VIENNA_VA]
    assert _ids(text, "Washington", gaz, nlp) == [WASHINGTON_DC]


def test_a_different_x_is_not_the_x_just_named(gaz: Gazetteer, nlp: Any) -> None:
    text = ("The orthopedic-device makers of Warsaw, Indiana, are now shipping artificial "
            "knees to a very different Warsaw.")
    assert _ids(text, "Warsaw", gaz, nlp) == [WARSAW_IN, WARSAW_PL]


MEDYKA, LUBLIN, KIDAL, VOVCHANSK, HOLA_PRYSTAN = 765028, 765876, 2455290, 689304, 708632
KIRYAT_SHMONA, BANDAR_ABBAS, HODEIDAH = 293825, 141681, 79415


def test_a_site_at_a_place_frames_the_place(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Many of the wounded are flown out of Lviv or driven across the border at "
            "Medyka.")
    assert _ids(text, "Medyka", gaz, nlp) == [MEDYKA]


def test_a_possessive_only_places_take_frames_the_place(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Poland scrambled fighter jets overnight. Lublin's airport also suspended "
            "flights.")
    assert _ids(text, "Lublin", gaz, nlp) == [LUBLIN]


def test_a_place_the_model_calls_a_person_is_not_also_a_persons_name(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("The Israeli military said it had targeted a rocket launcher that had been used "
            "to fire toward Kiryat Shmona, Metula and Haifa across the border.")
    assert _ids(text, "Kiryat Shmona", gaz, nlp) == [KIRYAT_SHMONA]
    cargo = ("Iran has kept supplying drone engines to Russia, with cargo leaving from "
             "Bandar Abbas and ending up at a factory in Tatarstan.")
    assert _ids(cargo, "Bandar Abbas", gaz, nlp) == [BANDAR_ABBAS]


def test_a_framed_town_abroad_outweighs_a_weak_label(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Mali's military government said a convoy had been ambushed on the road between "
            "Gao and Kidal, the third such attack this month.")
    assert _ids(text, "Kidal", gaz, nlp) == [KIDAL]


def test_a_name_used_as_a_place_in_the_article_is_a_place_in_its_headline(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Volchansk and Kupyansk: what is really happening on the northern front\n\n"
            "Russian Telegram channels report new advances in the Kharkov region. The fight "
            "for Volchansk is said to be over.")
    assert _ids(text, "Volchansk", gaz, nlp) == [VOVCHANSK, VOVCHANSK]


def test_a_theatre_town_listed_beside_a_place_is_kept_whatever_its_tag(
        gaz: Gazetteer, nlp: Any) -> None:
    text = ("Across the river, Russian forces have turned Oleshky and Hola Prystan into "
            "launch sites for drones, Ukrainian officials say.")
    assert _ids(text, "Hola Prystan", gaz, nlp) == [HOLA_PRYSTAN]


def test_hodeidah_is_the_yemeni_port(gaz: Gazetteer, nlp: Any) -> None:
    text = "In Yemen, the Houthi movement fired missiles from the area around Hodeidah."
    assert _ids(text, "Hodeidah", gaz, nlp) == [HODEIDAH]


HRODIVKA, MYRNOHRAD, HRYSHYNE, POKROVSK = 708047, 710035, 708060, 704422


def test_a_neighbours_own_name_is_not_a_named_towns_alternate(gaz: Gazetteer,
                                                                nlp: Any) -> None:
    text = ("Russian forces kept up their assaults on Myrnohrad and Pokrovsk. Fighting was "
            "also reported near Hrodivka, north-east of the two towns.")
    assert _ids(text, "Hrodivka", gaz, nlp) == [HRODIVKA]
    old = ("Units advanced on the outskirts of Pokrovsk and took Grishino, the Russian "
           "defence ministry said.")
    assert _ids(old, "Grishino", gaz, nlp) == [HRYSHYNE]
    assert _ids(old, "Pokrovsk", gaz, nlp) == [POKROVSK]


def test_a_theatre_village_found_far_from_its_list_is_not_confident(gaz: Gazetteer,
                                                                     nlp: Any) -> None:
    text = ("Russian drones wounded nine people in Kherson and its suburbs on Monday. Attacks "
            "were also recorded in Bilozerka, Zelenivka, Stanislav, Veletenske, Dniprovske "
            "and Poniativka.")
    found = {m.surface: m.place for m in _mentions(text, gaz, nlp)}
    for surface in ("Dniprovske", "Poniativka"):  # Dnipropetrovsk and Odesa oblasts only
        place = found[surface]
        assert place is None or place.confidence <= 0.3, (surface, place)
    bilozerka = found["Bilozerka"]
    assert bilozerka is not None and bilozerka.confidence >= 0.9


MOLDOVA, OREL_OBLAST, KRASNODAR_KRAI = 617790, 514801, 542415


def test_a_countrys_own_name_is_not_a_villages_alternate_name(gaz: Gazetteer,
                                                                nlp: Any) -> None:
    text = ("Drones attacked port infrastructure in the Odesa region overnight, and debris "
            "fell near Izmail. Border guards in Moldova briefly closed the crossing.")
    assert _ids(text, "Moldova", gaz, nlp) == [MOLDOVA]


def test_regions_by_their_english_designators(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Air defence units destroyed drones over the Bryansk, Kursk, Oryol and Voronezh "
            "regions. A refinery was hit in the Krasnodar Territory.")
    assert _ids(text, "Oryol", gaz, nlp) == [OREL_OBLAST]
    assert _ids(text, "Krasnodar Territory", gaz, nlp) == [KRASNODAR_KRAI]
