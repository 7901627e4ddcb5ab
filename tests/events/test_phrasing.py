"""Unfamiliar phrasings of the codebook's events (written for these tests, not taken from
any evaluation text): each test states one general rule a coder would apply."""

from __future__ import annotations

from dataclasses import replace

import pytest
from events_helpers import Run, of_type, place_id

from wirewatch.events.dates import EventDate
from wirewatch.events.extract import dedupe
from wirewatch.events.models import EventMention, Evidence

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


def test_encircling_a_named_force_near_a_town(run: Run) -> None:
    [e] = run("A pro-Kremlin blogger wrote that Russian units had encircled about 200 Ukrainian "
              "paratroopers near Toretsk.")
    assert e["type"] == "territory.encircled" and place_id(e) == TORETSK
    assert e["count"]["value"] == 200


@pytest.mark.parametrize("denial", [
    "The brigade called the report propaganda.",
    "Kyiv dismissed the accusation on Thursday.",
    "The brigade disputed the report.",
])
def test_denials_of_an_earlier_claim(run: Run, denial: str) -> None:
    events = run("Russia's Defence Ministry said its troops had captured Toretsk. " + denial)
    assert sorted(e["modality"] for e in events) == ["claimed", "denied"]
    assert all(place_id(e) == TORETSK for e in events)


def test_rejecting_similar_accusations_in_the_past_denies_nothing(run: Run) -> None:
    events = run("Russia's Defence Ministry said its troops had captured Toretsk. Kyiv has "
                 "rejected similar claims in the past.")
    assert [e["modality"] for e in events] == ["claimed"]


def test_a_negated_event_without_a_place_denies_the_claim_before(run: Run) -> None:
    events = run("A Russian blogger wrote that Ukrainian troops had withdrawn from Chasiv Yar. "
                 "The brigade's spokesman said no withdrawal had taken place.")
    assert sorted(e["modality"] for e in events) == ["denied", "reported"]
    assert all(place_id(e) == CHASIV_YAR for e in events)


@pytest.mark.parametrize("text", [
    "The General Staff denied that Toretsk had fallen.",
    "The General Staff denied that any part of Toretsk had been lost.",
])
def test_a_place_that_fell_or_was_lost_is_a_capture(run: Run, text: str) -> None:
    [e] = run(text)
    assert e["type"] == "territory.captured" and e["modality"] == "denied"
    assert place_id(e) == TORETSK


def test_losses_of_two_kinds_of_equipment_in_a_repelled_counter_attack(run: Run) -> None:
    events = run("A Ukrainian counter-attack near Pokrovsk was repelled with the loss of three "
                 "tanks and an armoured vehicle, the ministry said.")
    assert not of_type(events, "strike")  # a counter-attack is a ground assault
    got = sorted((e["equipment"], e["count"]["value"]) for e in of_type(events,
                                                                        "equipment.lost"))
    assert got == [("armoured vehicle", 1), ("tanks", 3)]


@pytest.mark.parametrize("text", [
    "Losing Pokrovsk would cut the main supply road, the analyst argued.",
    "The fields near Sumy were left unsown this year.",
    "A storm damaged power lines in Sumy, leaving the town without electricity.",
    "Prices in Kherson fell sharply in May.",
])
def test_hypotheses_and_other_senses_are_not_events(run: Run, text: str) -> None:
    assert run(text, "2025-05-16") == []


def test_looting_of_a_plain_list_of_goods(run: Run) -> None:
    [e] = run("Prosecutors said that Russian soldiers had stolen sheep, harvesters and seed "
              "from farms near Vovchansk.")
    assert e["type"] == "property.looted" and place_id(e) == VOVCHANSK


def test_the_village_school_refers_to_the_village_named_before(run: Run) -> None:
    events = run("Ukrainian troops recaptured Kurakhove on Monday. Officials said the town "
                 "library had been looted.", "2025-05-16")
    [e] = of_type(events, "property.looted")
    assert place_id(e) == KURAKHOVE


def test_looting_takes_the_place_its_witnesses_speak_for(run: Run) -> None:
    [e] = run("In Kherson, residents told reporters that soldiers stole televisions and "
              "fridges from empty flats.")
    assert e["type"] == "property.looted" and place_id(e) == KHERSON


def test_announcing_the_capture_of_the_town_is_a_claim_about_that_town(run: Run) -> None:
    events = run("Fighting for Toretsk lasted all summer. Russia's Defence Ministry announced "
                 "the capture of the town on July 3.", "2025-07-20")
    [e] = of_type(events, "territory.captured")
    assert place_id(e) == TORETSK and e["date"]["value"] == "2025-07-03"
    assert e["claimant"] == "Russian Ministry of Defence"


def test_hitting_equipment_is_a_strike_not_a_loss(run: Run) -> None:
    events = run("The brigade said it had hit a Russian radar station near Orikhiv.")
    assert [e["type"] for e in events] == ["strike"]
    assert place_id(events[0]) == ORIKHIV


@pytest.mark.parametrize("text", [
    "Toretsk remained under Ukrainian control on Friday.",
    "Analysts say the issuance of passports shows how far integration has gone.",
])
def test_continued_control_and_commentary_are_not_events(run: Run, text: str) -> None:
    assert run(text, "2025-05-16") == []


def test_a_speaker_saying_a_town_remains_held_denies_its_capture(run: Run) -> None:
    # codebook v2: "X remains under the control of our forces" is a denial of the capture
    [e] = run("A spokesman said Toretsk remained under Ukrainian control on Friday.",
              "2025-05-16")
    assert (e["type"], e["modality"], place_id(e)) == ("territory.captured", "denied", TORETSK)
    assert e["date"]["value"] == "2025-05-16" and e["claimant"]


def test_a_relay_named_after_a_city_is_not_the_event_place(run: Run) -> None:
    [e] = run("Thirty residents of Kurakhove received Russian passports on Monday, the "
              "regional ministry told the Donetsk Information Centre.", "2025-05-16")
    assert place_id(e) == KURAKHOVE
    assert e["conduit"] == ["Donetsk Information Centre"]


def test_participial_casualties_of_one_named_person_and_a_figure(run: Run) -> None:
    events = run("A Russian drone hit a bus near Kherson on Monday, killing the driver and "
                 "wounding six passengers, the governor said.", "2025-05-16")
    got = sorted((e["subtype"], e["count"]["value"], place_id(e))
                 for e in of_type(events, "casualties"))
    assert got == [("killed", 1, KHERSON), ("wounded", 6, KHERSON)]


def test_casualties_take_the_place_of_their_when_clause(run: Run) -> None:
    events = run("Four civilians were killed and nine wounded today when a missile struck a "
                 "market in Sumy, the mayor told RBC.", "2025-05-16")
    got = sorted((e["subtype"], place_id(e)) for e in of_type(events, "casualties"))
    assert got == [("killed", SUMY), ("wounded", SUMY)]


def test_a_compound_trigger_hangs_on_its_head_noun(run: Run) -> None:
    [e] = run("A drone attack damaged a power substation in Kherson, the governor said.")
    assert e["type"] == "strike" and place_id(e) == KHERSON


def test_the_count_of_those_said_to_have_surrendered(run: Run) -> None:
    [e] = run("Twelve Russian soldiers are said to have surrendered near Vovchansk.")
    assert e["type"] == "personnel.surrendered" and e["count"]["value"] == 12


def test_a_place_closing_coordinated_verbs_applies_to_each(run: Run) -> None:
    events = run("The brigade destroyed two tanks and killed 20 soldiers near Pokrovsk.")
    assert [place_id(e) for e in of_type(events, "equipment.lost")] == [POKROVSK]
    assert [place_id(e) for e in of_type(events, "casualties")] == [POKROVSK]


def test_people_living_in_a_village_to_be_taken_to_accommodation(run: Run) -> None:
    [e] = run("The governor said on Monday that people still living in Vovchansk would be "
              "taken to temporary accommodation centres in Kharkiv.", "2025-05-16")
    assert e["type"] == "civilians.evacuated" and place_id(e) == VOVCHANSK
    assert e["modality"] == "planned"


def test_the_district_refers_to_the_place_of_earlier_events(run: Run) -> None:
    events = run("Russian artillery shelled Vovchansk on Sunday, the governor said. About 60 "
                 "people from the district have been evacuated since the start of the month.",
                 "2025-05-16")
    [e] = of_type(events, "civilians.evacuated")
    assert place_id(e) == VOVCHANSK and e["count"]["value"] == 60


def test_a_planned_evacuation_bus_leaves_the_community_not_its_destination(run: Run) -> None:
    events = run("EVACUATION NOTICE. Residents of the Kurakhove community should register by "
                 "Thursday. An evacuation bus to Pokrovsk will leave the community centre on "
                 "Friday, officials said.", "2025-05-14")
    [e] = of_type(events, "civilians.evacuated")  # the heading is no claim
    assert place_id(e) == KURAKHOVE and e["modality"] == "planned"
    assert e["date"]["value"] == "2025-05-16"


def test_a_town_and_most_of_another_are_two_captures_each_with_its_extent(run: Run) -> None:
    events = run("A monitoring group said Russian forces had occupied Toretsk and most of "
                 "Chasiv Yar.")
    got = sorted((place_id(e), e["extent"]) for e in events)
    assert got == sorted([(TORETSK, "full"), (CHASIV_YAR, "partial")])


def test_disputing_the_loss_of_a_designated_aircraft_denies_it_at_its_place(run: Run) -> None:
    events = of_type(run("Ukraine's air force said it had shot down a Su-34 bomber near "
                         "Pokrovsk. Russian bloggers disputed the loss of the Su-34."),
                     "equipment.lost")
    assert sorted(e["modality"] for e in events) == ["claimed", "denied"]
    assert all(place_id(e) == POKROVSK for e in events)


def test_an_undated_denial_in_its_own_sentence_is_news_of_the_day(run: Run) -> None:
    events = run("Russia's Defence Ministry said on Monday its troops had captured Toretsk. "
                 "Fighting there has lasted for months. Local officials say shelling is "
                 "constant. The brigade holding the town called the report propaganda.",
                 "2025-05-16")
    [denial] = [e for e in events if e["modality"] == "denied"]
    assert denial["date"] == {"value": "2025-05-16", "precision": "day",
                              "basis": "publication"}


def test_a_towns_northern_districts_are_a_partial_capture(run: Run) -> None:
    [e] = run("Ukrainian forces have pushed Russian units out of Kupiansk's northern "
              "districts, the brigade said.")
    assert place_id(e) == KUPIANSK and e["extent"] == "partial"


def test_a_speaker_named_with_and_without_a_role_is_one_claimant() -> None:
    first = EventMention(doc="t", type="territory.captured", place=None,
                         date=EventDate("2025-05-03", "day", "explicit"),
                         evidence=Evidence("Russian units captured Toretsk on May 3", 0, 39),
                         modality="reported", claimant="Pavel Sidorenko")
    again = replace(first, date=EventDate(None, "unknown", "unknown"),
                    evidence=Evidence("the last districts were cleared", 90, 121),
                    claimant="Pavel Sidorenko (war correspondent)")
    [kept] = dedupe([first, again])
    assert kept.claimant == "Pavel Sidorenko (war correspondent)"
    assert kept.evidence == first.evidence
