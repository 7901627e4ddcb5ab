"""Each case of CODEBOOK.md section 3 and of the place-resolution issue."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch.places import places_in_text, resolve_place
from wirewatch.places.gazetteer import Gazetteer

DONETSK_CONTEXT = "Fighting continued across the Donetsk region of Ukraine."


@pytest.mark.parametrize("name", ["Krasnoarmeysk", "Krasnoarmiisk", "Krasnarmeysk",
                                  "Krasnoarmysk", "Pokrovsk"])
def test_pokrovsk_spellings_resolve_to_pokrovsk(name: str, gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place(name, DONETSK_CONTEXT, gaz, nlp)
    assert m.place is not None and m.place.geonameid == 704422
    assert m.place.explanation


def test_renamed_town_says_so(gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place("Artemovsk", DONETSK_CONTEXT, gaz, nlp)
    assert m.place is not None and m.place.geonameid == 713174
    assert m.place.method == "renamed" and "renamed 2016" in m.place.explanation


@pytest.mark.parametrize(("name", "gid"), [
    ("Volchansk", 689304), ("Gulyaypole", 707898), ("Gulyai-Pole", 707898),
    ("Huliaipole", 707898), ("Dimitrov", 710035), ("Mirnograd", 710035),
    ("Krasnogorovka", 704393), ("Dzerzhinsk", 709354), ("Krasny Liman", 704204),
    ("Ugledar", 690823), ("Artemovsk", 713174),
])
def test_codebook_names_in_a_ukrainian_war_context(name: str, gid: int, gaz: Gazetteer,
                                                   nlp: Any) -> None:
    m = resolve_place(name, DONETSK_CONTEXT, gaz, nlp)
    assert m.place is not None and m.place.geonameid == gid, m


@pytest.mark.parametrize(("name", "gid"), [
    ("Donetsk People's Republic", 709716), ("DPR", 709716), ("DNR", 709716),
    ("LPR", 702657), ("LNR", 702657), ("Kharkiv region", 706482), ("Crimea", 703883),
    ("Abkhazia", 6643410), ("Transnistria", 858889),
])
def test_regions_resolve_to_admin1(name: str, gid: int, gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place(name, "", gaz, nlp)
    assert m.place is not None and m.place.geonameid == gid


def test_donbas_is_a_region_of_both_oblasts(gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place("Donbas", "", gaz, nlp)
    assert m.place is not None and m.place.name == "Donbas"
    region = gaz.entry(m.place.geonameid)
    assert region is not None and set(region.members) == {709716, 702657}


def test_transliteration_is_named_as_the_method(gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place("Gulyaypole", "", gaz, nlp)
    assert m.place is not None and m.place.method == "transliteration"


def test_garbled_name_is_fuzzy_with_lower_confidence(gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place("Krasnarmeysk", DONETSK_CONTEXT, gaz, nlp)
    assert m.place is not None and m.place.method == "fuzzy" and m.place.confidence <= 0.8


def test_appositive_overrides_a_real_but_wrong_city(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Moscow said its troops took Krasnokamensk, known in Ukrainian as Pokrovsk, "
            "after weeks of fighting. The fall of Krasnokamensk was announced on Monday.")
    ms = places_in_text("t", text, nlp(text), gaz)
    by_surface = {m.surface: m for m in ms}
    kr = [m for m in ms if m.surface == "Krasnokamensk"]
    assert len(kr) == 2
    assert all(m.place is not None and m.place.geonameid == 704422 for m in kr)
    assert kr[0].place is not None and kr[0].place.method == "appositive"
    assert by_surface["Pokrovsk"].place is not None


def test_donetsk_ukraine_by_default_and_russia_when_introduced_near_the_border(
        gaz: Gazetteer, nlp: Any) -> None:
    ua = "Shelling hit central Donetsk overnight, the city's occupation authorities said."
    ms = places_in_text("ua", ua, nlp(ua), gaz)
    assert [m.place.geonameid for m in ms if m.surface == "Donetsk" and m.place] == [709717]
    ru = ("The bus left Kamensk-Shakhtinsky in Russia's Rostov region before dawn. "
          "An hour later it reached a town called Donetsk, a few kilometres from the border. "
          "In this Donetsk, most of the mines closed long ago.")
    ms = places_in_text("ru", ru, nlp(ru), gaz)
    got = [m.place.geonameid for m in ms if m.surface == "Donetsk" and m.place]
    assert got == [565348, 565348]


def test_pokrovsk_in_yakutia_when_the_text_is_about_yakutia(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Floods on the Lena river reached Pokrovsk, a town south of Yakutsk in the "
            "Sakha Republic, local officials said.")
    ms = places_in_text("y", text, nlp(text), gaz)
    got = [m.place.geonameid for m in ms if m.surface == "Pokrovsk" and m.place]
    assert got == [2017824]


def test_huliaipole_zaporizhzhia_not_the_dnipropetrovsk_village(gaz: Gazetteer,
                                                                 nlp: Any) -> None:
    text = "Russian units pressed towards Huliaipole in the Zaporizhzhia region."
    ms = places_in_text("h", text, nlp(text), gaz)
    assert [m.place.geonameid for m in ms if m.surface == "Huliaipole" and m.place] == [707898]


def test_krasnohorivka_donetsk_not_poltava(gaz: Gazetteer, nlp: Any) -> None:
    text = "Residents of Krasnogorovka near Donetsk received passports."
    ms = places_in_text("k", text, nlp(text), gaz)
    assert [m.place.geonameid for m in ms
            if m.surface == "Krasnogorovka" and m.place] == [704393]


def test_invented_village_stays_unresolved(gaz: Gazetteer, nlp: Any) -> None:
    text = "Drones struck the village of Zorianka-Pershe overnight, the governor said."
    ms = places_in_text("u", text, nlp(text), gaz)
    z = [m for m in ms if m.surface.startswith("Zorianka")]
    assert len(z) == 1 and z[0].place is None and "no gazetteer entry" in z[0].explanation


def test_people_and_common_words_are_not_places(gaz: Gazetteer, nlp: Any) -> None:
    text = ("In a statement, General Staff chief Valery Gerasimov said Victoria Ivanova, "
            "a resident, was safe. Earlier, Alexei Kulemin spoke to the EU envoy.")
    ms = places_in_text("p", text, nlp(text), gaz)
    assert [m.surface for m in ms] == []


def test_every_mention_has_a_readable_explanation(gaz: Gazetteer, nlp: Any) -> None:
    text = "Units advanced near Volchansk in the Kharkiv region and shelled Kupiansk."
    ms = places_in_text("e", text, nlp(text), gaz)
    assert ms and all(m.place and m.place.explanation and 0 < m.place.confidence <= 1
                      for m in ms)
    d = ms[0].to_dict()
    assert set(d) == {"doc", "surface", "start", "end", "name", "geonameid", "lat", "lon",
                      "country", "admin1", "confidence", "method", "explanation"}
    assert text[d["start"]:d["end"]] == d["surface"]


def _found(text: str, gaz: Gazetteer, nlp: Any) -> dict[str, int | None]:
    return {m.surface: m.place.geonameid if m.place else None
            for m in places_in_text("t", text, nlp(text), gaz)}


def test_garbled_names_in_a_bare_list_are_found(gaz: Gazetteer, nlp: Any) -> None:
    text = ("A channel's graphic ranks the hardest battles of the war: Bahkmut first, then "
            "Kurakhvoe, with Kramatrosk named as the next objective.")
    found = _found(text, gaz, nlp)
    assert found.get("Bahkmut") == 713174
    assert found.get("Kurakhvoe") == 695357
    assert found.get("Kramatrosk") == 704508


def test_a_name_listed_beside_a_place_is_a_place(gaz: Gazetteer, nlp: Any) -> None:
    found = _found("The convoy stopped in Avdeevka and Vuhledr before turning back.", gaz, nlp)
    assert found.get("Vuhledr") == 690823


def test_swapped_letters_hidden_by_romanisation_folds(gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place("Pokrvosk", DONETSK_CONTEXT, gaz, nlp)
    assert m.place is not None and m.place.geonameid == 704422
    assert m.place.method == "fuzzy"


def test_or_as_they_call_it_appositive(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Bloggers said the last streets of Krasnokamensk, or Pokrovsk as Kyiv calls it, "
            "were cleared overnight.")
    assert _found(text, gaz, nlp).get("Krasnokamensk") == 704422


def test_country_named_a_few_words_after_sets_the_namesake(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Donetsk, a mining town of the Rostov region, held a minute's silence. "
            "Its mayor said people still confuse it with Donetsk over the border in Ukraine.")
    mentions = [m for m in places_in_text("t", text, nlp(text), gaz) if m.surface == "Donetsk"]
    assert [m.place.geonameid if m.place else None for m in mentions] == [565348, 709717]


def test_hyphenated_russian_form_is_read_whole(gaz: Gazetteer, nlp: Any) -> None:
    text = "Shelling was reported in Kamenka-Dneprovskaya, in the Zaporozhye region."
    assert _found(text, gaz, nlp).get("Kamenka-Dneprovskaya") == 707026


def test_romanisation_beats_a_small_exact_namesake_in_context(gaz: Gazetteer,
                                                              nlp: Any) -> None:
    text = ("Occupation officials in the Zaporozhye region said drones hit a depot "
            "in Vasilyevka, south of the Kakhovka reservoir.")
    assert _found(text, gaz, nlp).get("Vasilyevka") == 686729


def test_surnames_one_letter_off_a_town_are_not_places(gaz: Gazetteer, nlp: Any) -> None:
    text = ("Shelling of Kupiansk continued overnight. Lavrov told reporters the talks were "
            "over; Krasnov, a deputy, and Voronin, a blogger, repeated the claim.")
    found = _found(text, gaz, nlp)
    assert found.get("Kupiansk") == 703656
    assert not {"Lavrov", "Krasnov", "Voronin"} & set(found)


def test_names_of_people_are_not_romanised_into_towns_abroad(gaz: Gazetteer,
                                                             nlp: Any) -> None:
    text = ("Shelling hit Donetsk overnight. \"We stayed,\" said a neighbour who gave only her "
            "first name, Lyudmila.")
    mentions = [m for m in places_in_text("t", text, nlp(text), gaz) if m.surface == "Lyudmila"]
    assert all(m.place is None for m in mentions)


def test_bare_words_naming_only_small_towns_abroad_are_not_places(gaz: Gazetteer,
                                                                   nlp: Any) -> None:
    text = "The White Angels police unit evacuates families from Pokrovsk under fire."
    found = _found(text, gaz, nlp)
    assert "White" not in found and "Angels" not in found
    assert found.get("Pokrovsk") == 704422


def test_continents_and_their_parts_are_places(gaz: Gazetteer, nlp: Any) -> None:
    text = "Most of the coal is sold to Turkey and to buyers in North Africa and Asia."
    found = _found(text, gaz, nlp)
    assert found.get("North Africa") == 6255146 and found.get("Asia") == 6255147


@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Minnesota", "admin1", "US"), ("USA", "country", "US"), ("UK", "country", "GB"),
    ("New York", "city", "US"),
])
def test_states_and_country_abbreviations(name: str, kind: str, country: str,
                                          gaz: Gazetteer, nlp: Any) -> None:
    m = resolve_place(name, "The senator spoke in Washington on Monday.", gaz, nlp)
    assert m.place is not None and (m.place.kind, m.place.country) == (kind, country)


def test_a_longer_name_known_by_romanisation_beats_its_first_word(gaz: Gazetteer,
                                                                  nlp: Any) -> None:
    text = "Drones struck a market in Novaya Kakhovka, the Moscow-installed mayor said."
    assert _found(text, gaz, nlp).get("Novaya Kakhovka") == 699839


@pytest.mark.parametrize("text", [
    "Ukrainian forces fired Grad rockets at the border villages.",
    "Units of the Sever group of forces pressed on towards the border.",
    "Ukrainian units held the east bank of the Oskil for a week.",
])
def test_weapons_formations_and_rivers_are_not_towns(text: str, gaz: Gazetteer,
                                                     nlp: Any) -> None:
    assert not any(m.place for m in places_in_text("t", text, nlp(text), gaz))


def test_dotted_country_abbreviations(gaz: Gazetteer, nlp: Any) -> None:
    text = "The U.S. and the U.K. pledged more air defence systems to Kyiv."
    found = _found(text, gaz, nlp)
    assert found.get("U.S.") == 6252001 and found.get("U.K.") == 2635167


def test_a_governor_is_a_regions(gaz: Gazetteer, nlp: Any) -> None:
    text = "The Dnipropetrovsk governor said a drone had hit a farm overnight."
    m = [x for x in places_in_text("t", text, nlp(text), gaz) if x.surface == "Dnipropetrovsk"]
    assert m and m[0].place is not None and m[0].place.kind == "admin1"


def test_a_surname_seen_in_a_full_name_stays_a_person(gaz: Gazetteer, nlp: Any) -> None:
    text = "Alexei Smirnov, a deputy, spoke first; Smirnov then left the hall in Kherson."
    assert "Smirnov" not in _found(text, gaz, nlp)


def _resolved(text: str, gaz: Gazetteer, nlp: Any) -> list[tuple[str, int | None]]:
    return [(m.surface, m.place.geonameid if m.place else None)
            for m in places_in_text("t", text, nlp(text), gaz)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling went on along the front in the Donetsk, Luhansk and Kharkiv regions.",
     [("Donetsk", 709716), ("Luhansk", 702657), ("Kharkiv", 706482)]),
    ("Moscow claims the Luhansk and Donetsk republics, as well as the Kherson and "
     "Zaporizhzhia regions.",
     [("Moscow", 524901), ("Luhansk", 702657), ("Donetsk", 709716), ("Kherson", 706442),
      ("Zaporizhzhia", 687699)]),
    ("Drones were shot down over the Belgorod and Bryansk regions.",
     [("Belgorod", 578071), ("Bryansk", 571473)]),
    ("Officials of the Donetsk People Republic spoke.", [("Donetsk People Republic", 709716)]),
])
def test_every_member_of_a_region_list_is_a_region(text: str, expected: list[Any],
                                                    gaz: Gazetteer, nlp: Any) -> None:
    assert _resolved(text, gaz, nlp) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("KYIV, Nov 3 (Reuters) - Russian forces advanced near Pokrovsk.",
     [("KYIV", 703448), ("Pokrovsk", 704422)]),
    ("LUGANSK, Dec 1 - Officials in the Donetsk People Republic said so.",
     [("LUGANSK", 702658), ("Donetsk People Republic", 709716)]),
    ("Kharkiv, 4 December — Drones hit the city overnight.", [("Kharkiv", 706483)]),
    ("MOSCOW (AP) — The ministry spoke.", [("MOSCOW", 524901)]),
])
def test_a_dateline_names_the_city_a_report_was_filed_from(text: str, expected: list[Any],
                                                          gaz: Gazetteer, nlp: Any) -> None:
    assert _resolved(text, gaz, nlp) == expected
    [first, *_] = places_in_text("t", text, nlp(text), gaz)
    assert first.dateline


@pytest.mark.parametrize(("text", "name", "region"), [
    ("Fighting was reported near the village of Dobropillia in Zaporizhzhia region.",
     "Dobropillia", "Zaporizhzhia Oblast"),
    ("Russian forces took Zheleznodorozhnoye in the Zaporozhye region.", "Zheleznodorozhnoye",
     "Zaporizhzhia Oblast"),
])
def test_a_village_the_text_puts_in_another_region_is_not_its_far_namesake(
        text: str, name: str, region: str, gaz: Gazetteer, nlp: Any) -> None:
    [m, *_] = places_in_text("t", text, nlp(text), gaz)
    assert m.surface == name and m.place is None
    assert region in m.explanation and "namesakes elsewhere" in m.explanation



@pytest.mark.parametrize(("text", "expected"), [
    ("Бои идут под Покровском и в Авдеевке.", [("Покровском", 704422), ("Авдеевке", 713122)]),
    ("Ситуація біля Покровська залишається складною, у Бахмуті та Торецьку тривають бої.",
     [("Покровська", 704422), ("Бахмуті", 713174), ("Торецьку", 709354)]),
    ("Обстрел Харькова и Запорожья продолжается.",
     [("Харькова", 706483), ("Запорожья", 687700)]),
])
def test_inflected_russian_and_ukrainian_names_resolve_to_their_town(
        text: str, expected: list[Any], gaz: Gazetteer, nlp: Any) -> None:
    assert _resolved(text, gaz, nlp) == expected


@pytest.mark.parametrize(("text", "name", "gid"), [
    ("Budapest won an exemption, while Bratislava said it would ask for compensation.",
     "Bratislava", 3060972),
    ("A drone had been shot down over Tiraspol and a second one fell near Bender.",
     "Tiraspol", 617239),
])
def test_a_large_citys_own_name_outweighs_the_models_tags(text: str, name: str, gid: int,
                                                          gaz: Gazetteer, nlp: Any) -> None:
    assert (name, gid) in _resolved(text, gaz, nlp)


def test_a_district_of_a_city_is_the_city(gaz: Gazetteer, nlp: Any) -> None:
    for text, city in (
            ("Donetsk's mayor said shells hit the Kievsky district of the city.", 709717),
            ("A drone hit a house in the Sviatoshynskyi district of Kyiv.", 703448),
            ("Debris fell in Kyiv's Sviatoshynskyi district overnight.", 703448)):
        found = {m.surface: m.place.geonameid if m.place else None
                 for m in places_in_text("t", text, nlp(text), gaz)}
        district = next(s for s in found if s.startswith(("Kievsky", "Sviatoshynskyi")))
        assert found[district] == city, (text, found)


def test_a_part_of_a_city_in_its_east_is_the_city(gaz: Gazetteer, nlp: Any) -> None:
    for text, kanal in (
            ("Troops took the Kanal micro-district in the east of Chasiv Yar on Monday.",
             (710915,)),
            ("Channels said Russian troops in Chasiv Yar had taken the Kanal neighbourhood in "
             "the east of the town.", (710915, None))):
        found = {m.surface: m.place.geonameid if m.place else None
                 for m in places_in_text("t", text, nlp(text), gaz)}
        assert found.get("Kanal") in kanal, (text, found)  # never Kanal, Slovenia (3198354)


def test_a_nuclear_power_plant_is_in_the_town_that_hosts_it(gaz: Gazetteer, nlp: Any) -> None:
    text = "Drones struck a cooling tower of the Zaporizhzhia Nuclear Power Plant on Sunday."
    [m] = places_in_text("t", text, nlp(text), gaz)
    assert m.place is not None and (m.surface, m.place.name) == (
        "Zaporizhzhia Nuclear Power Plant", "Enerhodar")


def test_a_place_records_how_many_namesakes_it_was_chosen_among(gaz: Gazetteer,
                                                                 nlp: Any) -> None:
    many = resolve_place("Sosnivka", DONETSK_CONTEXT, gaz, nlp)
    one = resolve_place("Kramatorsk", DONETSK_CONTEXT, gaz, nlp)
    assert many.place is not None and many.place.candidates >= 3, many
    assert f"chosen among {many.place.candidates} candidates" in many.place.explanation
    assert one.place is not None and one.place.candidates == 1, one
