"""Round 20 of reading English reporting: a village the gazetteer lacks, called a village
once, is a place wherever the article names it again; two speakers' captures of such a
village; "resettled" civilians; "the front-line areas of the region"; "the administration"
its unnamed head spoke for; a missile that destroyed buildings; "Acting Kursk Region
Governor"; offensives into a region, never at the attacker's country; control of a quoted
share, some streets or counted settlements; a village "in the Sumy direction"; "the
Ukrainian capital"; loss lists with "≈"; a quarter of Kyiv's name in another city;
thousands of soldiers encircled; a plan's yearless date; "a fire at the plant"; a person's
own channel; "an attack on Friday damaged"; "25 kilometers (15 miles) from"; "into a
pocket" (decisions 480-499; the sentences are written for these tests).
Guards, passing on the code before this round, keep the rules from reaching too far:
``test_a_person_never_called_a_village_stays_a_person`` (480),
``test_the_town_still_points_back`` (483),
``test_a_named_head_stays_the_speaker`` (484),
``test_a_destroyed_missile_or_destroyed_tanks_are_no_strike`` (485),
``test_evacuated_from_where_they_had_stayed`` (488: the start code had no office place to
prefer; decision 486 gave it one),
``test_control_of_streets_of_a_town_is_no_capture`` (489),
``test_a_town_in_its_own_regions_direction_is_still_placed`` (490),
``test_one_of_the_largest_thefts_is_still_no_event`` (491),
``test_the_quarter_stays_kyivs_in_a_story_about_kyiv`` (493),
``test_thousands_of_civilians_are_no_encircled_troops`` (494),
``test_a_plan_reported_after_its_day_keeps_the_year`` (495),
``test_an_unknown_channel_post_stays_unattributed`` (497),
``test_a_pocket_park_is_no_encirclement`` (499)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

DONETSK_OBLAST, KURSK_OBLAST, KOSTIANTYNIVKA = 709716, 538555, 705104
DNIPROPETROVSK_OBLAST, KHARKIV, UKRAINE, SUDZHA = 709929, 706483, 690791, 486816
KURAKHOVE, KYIV, KHERSON, SARATOV_OBLAST = 695357, 703448, 706448, 498671
RAZUMNOYE = 502400


def test_a_village_named_again_without_its_cue_is_still_a_place(run: Run) -> None:
    events = run("Russian troops have taken the village of Lastochkyne north of Kostiantynivka, "
                 "Ukraine's army said on Friday.\n\n"
                 "Serhiy Bratchuk, a military spokesman, said Ukrainian units had pulled "
                 "back from Lastochkyne \"to save lives\".", "2025-03-14")
    withdrawn = of_type(events, "territory.withdrawn")
    assert len(withdrawn) == 1 and place_id(withdrawn[0]) is None, events
    assert "Bratchuk" in (withdrawn[0]["claimant"] or ""), withdrawn


def test_a_person_never_called_a_village_stays_a_person(run: Run) -> None:
    events = run("Russian troops have taken the village of Lastochkyne, Ukraine's army said. "
                 "Sergeant Petrenko had withdrawn from the unit's positions on Monday, "
                 "the army added.", "2025-03-14")
    assert all(place_id(e) != KOSTIANTYNIVKA for e in events), events
    assert len(of_type(events, "territory.captured")) == 1, events


def test_two_speakers_claim_the_capture_of_an_unlisted_village(run: Run) -> None:
    events = run("Russian forces have captured the village of Lastochkyne, Ukraine's military "
                 "conceded on Thursday. The Russian Defence Ministry had announced the "
                 "capture of Lastochkyne on Monday.", "2025-03-14")
    captured = of_type(events, "territory.captured")
    assert len(captured) == 2, events
    days = sorted(e["date"]["value"] for e in captured)
    assert days == ["2025-03-10", "2025-03-13"], captured


def test_one_speakers_capture_told_twice_is_one_claim(run: Run) -> None:
    events = run("The Russian Defence Ministry said its troops had captured the village of "
                 "Lastochkyne. The capture of Lastochkyne opens the road west, the ministry said.",
                 "2025-03-14")
    assert len(of_type(events, "territory.captured")) == 1, events


def test_resettled_civilians_are_evacuated(run: Run) -> None:
    events = run("Kursk regional governor Alexei Smirnov said on Monday that about 9,000 "
                 "people had been resettled from border areas.", "2024-08-15")
    evacuated = of_type(events, "civilians.evacuated")
    assert len(evacuated) == 1, events
    assert place_id(evacuated[0]) == KURSK_OBLAST and evacuated[0]["count"]["value"] == 9000


def test_the_front_line_areas_of_the_region_are_the_region(run: Run) -> None:
    events = run("The head of the Donetsk Regional Military Administration reported that a "
                 "missile hit Kostiantynivka. The administration said 96 people were "
                 "evacuated from the front-line areas of the region on Wednesday.",
                 "2024-08-15")
    evacuated = of_type(events, "civilians.evacuated")
    assert [place_id(e) for e in evacuated] == [DONETSK_OBLAST], events


def test_the_town_still_points_back(run: Run) -> None:
    events = run("A missile hit Kostiantynivka on Tuesday, the regional administration said. "
                 "Police said 40 people were evacuated from the town on Wednesday.",
                 "2024-08-15")
    evacuated = of_type(events, "civilians.evacuated")
    assert [place_id(e) for e in evacuated] == [KOSTIANTYNIVKA], events


def test_the_administration_its_head_spoke_for_is_the_body(run: Run) -> None:
    events = run("The head of the Kharkiv Oblast Military Administration said on Monday that "
                 "families with children would have to leave Kupiansk.\n\n"
                 "Over the past week, 640 people were evacuated from the Kupiansk district, "
                 "the oblast administration said on Tuesday.", "2024-08-15")
    evacuated = [e for e in of_type(events, "civilians.evacuated") if e["count"]]
    assert len(evacuated) == 1, events
    assert evacuated[0]["claimant"] == "Kharkiv Oblast Military Administration", evacuated


def test_a_named_head_stays_the_speaker(run: Run) -> None:
    events = run("Oleh Syniehubov, head of the Kharkiv Oblast Military Administration, said "
                 "on Monday that 640 people had been evacuated from the Kupiansk district. "
                 "A missile hit Kupiansk on Tuesday, the administration said.", "2024-08-15")
    evacuated = of_type(events, "civilians.evacuated")
    assert evacuated and "Syniehubov" in evacuated[0]["claimant"], events


def test_a_missile_that_destroyed_buildings_struck(run: Run) -> None:
    events = run("In Kostiantynivka, a missile destroyed two apartment buildings on Monday, "
                 "the regional administration said.", "2024-08-15")
    assert [place_id(e) for e in of_type(events, "strike")] == [KOSTIANTYNIVKA], events


def test_a_destroyed_missile_or_destroyed_tanks_are_no_strike(run: Run) -> None:
    events = run("The missile was destroyed over Kostiantynivka. Ukrainian drones destroyed "
                 "11 Russian tanks near Kostiantynivka, the army said.", "2024-08-15")
    assert not of_type(events, "strike"), events


def test_a_region_after_acting_in_a_title_is_read(run: Run) -> None:
    events = run("Acting Kursk Region Governor Alexei Smirnov said on Monday that about "
                 "9,000 people had been resettled from border areas.", "2024-08-15")
    assert [place_id(e) for e in of_type(events, "civilians.evacuated")] == [KURSK_OBLAST]


def test_an_offensive_into_a_region_and_a_new_front(run: Run) -> None:
    events = run("Russian troops are continuing the offensive into the Dnipropetrovsk region, "
                 "the ministry said on Tuesday. Russian troops this month opened a new front "
                 "north of Kharkiv.", "2025-06-12")
    places = {place_id(e) for e in of_type(events, "offensive.launched")}
    assert places == {DNIPROPETROVSK_OBLAST, KHARKIV}, events


def test_the_attackers_country_is_no_objective(run: Run) -> None:
    events = run("Ukraine's incursion into the Kursk region began on August 6, Russian "
                 "officials said.", "2024-09-12")
    assert [place_id(e) for e in of_type(events, "offensive.launched")] == [KURSK_OBLAST]


def test_an_offensive_against_a_country_stays_at_the_country(run: Run) -> None:
    events = run("Russia's offensive against Ukraine began in February 2022.", "2024-09-12")
    assert [place_id(e) for e in of_type(events, "offensive.launched")] == [UKRAINE], events


def test_evacuated_from_where_they_had_stayed(run: Run) -> None:
    events = run("Acting Kursk Gov. Alexander Khinshtein said 31 civilians who had stayed in "
                 "Sudzha throughout the fighting had been evacuated to the city of Kursk.",
                 "2025-03-24")
    assert [place_id(e) for e in of_type(events, "civilians.evacuated")] == [SUDZHA], events


def test_control_of_a_quoted_share_or_some_streets_is_partial(run: Run) -> None:
    events = run("Gerasimov said Russian forces controlled \"more than 70 percent\" of "
                 "Kostiantynivka. A Ukrainian officer said the enemy controlled some streets "
                 "on the eastern edge of Sudzha.", "2025-06-12")
    captured = of_type(events, "territory.captured")
    assert {place_id(e) for e in captured} == {KOSTIANTYNIVKA, SUDZHA}, events
    assert all(e["extent"] == "partial" for e in captured), captured


def test_control_of_counted_settlements_is_a_capture_tally(run: Run) -> None:
    events = run("Syrskyi said his troops now controlled 74 settlements in Russia's Kursk "
                 "region.", "2024-08-20")
    captured = of_type(events, "territory.captured")
    assert [place_id(e) for e in captured] == [KURSK_OBLAST], events
    assert captured[0]["count"]["value"] == 74


def test_control_of_streets_of_a_town_is_no_capture(run: Run) -> None:
    events = run("Police control the streets of Kostiantynivka during the curfew.",
                 "2024-08-20")
    assert not of_type(events, "territory.captured"), events


def test_a_village_in_a_direction_is_no_namesake_elsewhere(run: Run) -> None:
    events = run("Russia's Defence Ministry said its troops had captured the village of "
                 "Kostiantynivka in the Sumy direction.", "2025-06-12")
    captured = of_type(events, "territory.captured")
    assert [place_id(e) for e in captured] == [None], events


def test_a_town_in_its_own_regions_direction_is_still_placed(run: Run) -> None:
    events = run("Russia's Defence Ministry said its troops had captured Kurakhove in the "
                 "Pokrovsk direction.", "2025-06-12")
    assert [place_id(e) for e in of_type(events, "territory.captured")] == [KURAKHOVE]


def test_the_ukrainian_capital_is_kyiv_whoever_attacked_it(run: Run) -> None:
    events = run("Russia launched one of its largest drone attacks on the Ukrainian capital "
                 "overnight, killing at least four people, officials said.", "2025-06-23")
    assert {place_id(e) for e in events} == {KYIV}, events
    assert of_type(events, "strike"), events


def test_one_of_the_largest_thefts_is_still_no_event(run: Run) -> None:
    events = run("It was one of the largest thefts of cultural property in Europe, Ukrainian "
                 "officials said of the museum in Kherson.", "2025-06-23")
    assert not of_type(events, "property.looted"), events


def test_a_loss_list_with_approximation_signs(run: Run) -> None:
    events = run("Total combat losses of the enemy from 24.02.22 to 05.05.25:\n"
                 "- personnel ≈ 958,340 (+1,070) persons\n"
                 "- tanks ≈ 10,780 (+3)\n"
                 "- artillery systems ≈ 26,210 (+25)\n", "2025-05-05",
                 outlet="General Staff of the Armed Forces of Ukraine (Telegram)")
    totals = [e for e in events if e["aggregate"]]
    assert sorted(e["count"]["value"] for e in totals) == [10780, 26210, 958340], events
    assert all(e["count"]["qualifier"] == "about" for e in totals), totals
    assert {e["claimant"] for e in events} == {"General Staff of the Armed Forces of Ukraine"}


def test_a_district_named_like_a_quarter_of_kyiv_is_the_storys_city(run: Run) -> None:
    events = run("KHERSON, Ukraine, Oct 24 (Reuters) - Russian drones hunt cars and "
                 "pedestrians in Kherson almost every day, officials said.\n\n"
                 "On Wednesday, a drone dropped explosives on a minibus in the Dniprovskyi "
                 "district, wounding four passengers, the governor said.", "2024-10-24")
    assert {place_id(e) for e in events} == {KHERSON}, events


def test_the_quarter_stays_kyivs_in_a_story_about_kyiv(run: Run) -> None:
    events = run("Russia attacked Kyiv overnight, officials said.\n\n"
                 "Debris damaged a house in the Dniprovskyi district, the mayor said.",
                 "2024-10-24")
    assert {place_id(e) for e in events} == {KYIV}, events


def test_thousands_of_soldiers_encircled_around_a_town(run: Run) -> None:
    events = run("Gerasimov said Russian troops had encircled thousands of Ukrainian soldiers "
                 "around Kostiantynivka.", "2025-11-20")
    assert [place_id(e) for e in of_type(events, "territory.encircled")] == [KOSTIANTYNIVKA]


def test_thousands_of_civilians_are_no_encircled_troops(run: Run) -> None:
    events = run("Russian troops encircled thousands of civilians in Kostiantynivka, "
                 "officials said.", "2025-11-20")
    assert not of_type(events, "territory.encircled"), events


def test_a_planned_evacuation_on_a_yearless_day_is_this_years(run: Run) -> None:
    events = run("The governor said the mandatory evacuation of families with children from "
                 "Kostiantynivka will begin on August 15.", "2025-08-12")
    (planned,) = of_type(events, "civilians.evacuated")
    assert planned["modality"] == "planned" and planned["date"]["value"] == "2025-08-15"


def test_a_plan_reported_after_its_day_keeps_the_year(run: Run) -> None:
    events = run("Officials said the evacuation of Kostiantynivka would begin on August 10.",
                 "2025-08-12")
    assert [e["date"]["value"] for e in of_type(events, "civilians.evacuated")] == [
        "2025-08-10"]


def test_a_fire_at_the_plant_is_in_the_region_just_struck(run: Run) -> None:
    events = run("Russian missiles struck Kostiantynivka on Friday. Two days later Ukrainian "
                 "drones struck an oil refinery in Russia's Saratov region. Regional governor "
                 "Roman Busargin said that a fire at the plant had been put out.",
                 "2025-06-23")
    assert KOSTIANTYNIVKA in {place_id(e) for e in of_type(events, "strike")}, events
    busargin = [e for e in events if "Busargin" in (e["claimant"] or "")]
    assert busargin and all(place_id(e) == SARATOV_OBLAST for e in busargin), events


def test_a_war_correspondents_own_post_is_his_report(run: Run) -> None:
    events = run("Our troops have entered Kostiantynivka from the south, and the southern "
                 "part of the town is ours.", "2025-11-13",
                 outlet="Telegram post (Kots), English translation")
    (captured,) = of_type(events, "territory.captured")
    assert captured["claimant"] == "Alexander Kots", captured
    assert captured["modality"] == "reported", captured


def test_an_unknown_channel_post_stays_unattributed(run: Run) -> None:
    events = run("Our troops have entered Kostiantynivka from the south, and the southern "
                 "part of the town is ours.", "2025-11-13",
                 outlet="Telegram post (Vasya from the trenches)")
    (captured,) = of_type(events, "territory.captured")
    assert captured["claimant"] is None, captured


def test_an_attack_on_friday_that_damaged_houses_is_one_strike(run: Run) -> None:
    events = run("Governor Vyacheslav Gladkov said on Monday that a drone hit a car in "
                 "Shebekino. In the village of Razumnoye, an attack on Friday damaged a "
                 "power line and three houses.", "2025-01-27")
    razumnoye = [e for e in of_type(events, "strike") if place_id(e) == RAZUMNOYE]
    assert [e["date"]["value"] for e in razumnoye] == ["2025-01-24"], events


def test_there_is_not_the_town_a_distance_is_measured_from(run: Run) -> None:
    events = run("A missile hit Kostiantynivka on Monday, officials said. The ministry said "
                 "its troops had taken control of the village of Kurakhove, about 30 "
                 "kilometers (19 miles) from Kostiantynivka, and that Ukraine had lost up to "
                 "80 troops there.", "2025-06-05")
    assert [place_id(e) for e in of_type(events, "casualties")] == [KURAKHOVE], events


def test_squeezed_into_a_pocket_and_a_raid_into_a_region(run: Run) -> None:
    events = run("The ministry said Ukrainian units had been squeezed into a narrow pocket "
                 "south of Sudzha. Volunteer formations staged a raid into the Kursk region "
                 "in March.", "2025-03-13")
    assert [place_id(e) for e in of_type(events, "territory.encircled")] == [SUDZHA], events
    assert [place_id(e) for e in of_type(events, "offensive.launched")] == [KURSK_OBLAST]


def test_a_pocket_park_is_no_encirclement(run: Run) -> None:
    events = run("Residents poured into the pocket park in Kostiantynivka.", "2025-03-13")
    assert not events, events
