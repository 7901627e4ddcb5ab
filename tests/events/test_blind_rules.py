"""General rules behind misses on a blind-written evaluation set (the sentences here are
written for these tests): equipment tallies, casualties in result clauses, the most
specific place, passive captures, denials and planned moves."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

TORETSK = 709354


def test_each_kind_in_a_tally_of_equipment_is_its_own_loss(run: Run) -> None:
    events = of_type(run("Over the past day, the statement said, Russian forces destroyed "
                         "three tanks, eleven armoured combat vehicles, 22 artillery systems "
                         "and two multiple-launch rocket systems.", "2025-05-16"),
                     "equipment.lost")
    assert sorted((e["equipment"], e["count"]["value"]) for e in events) == [
        ("armoured combat vehicles", 11), ("artillery systems", 22),
        ("multiple-launch rocket systems", 2), ("tanks", 3)], events


def test_a_jamming_station_in_a_list_of_losses_is_equipment(run: Run) -> None:
    events = of_type(run("According to the ministry, the Russian army lost 40 soldiers near "
                         "Toretsk over the past day, as well as a T-72 tank, a Msta howitzer "
                         "and a radio jamming station.", "2025-05-16"), "equipment.lost")
    assert sorted(e["equipment"] for e in events) == [
        "Msta howitzer", "T-72 tank", "radio jamming station"], events
    assert {place_id(e) for e in events} == {TORETSK}


KUPIANSK, KHERSON = 703656, 706448


def test_a_relative_injured_in_a_participial_clause_is_a_casualty(run: Run) -> None:
    events = of_type(run("Russian troops shelled Kupiansk on Monday morning, killing a "
                         "70-year-old man and injuring his wife, the regional administration "
                         "said.", "2025-05-16"), "casualties")
    assert sorted((e["subtype"], e["count"]["value"], place_id(e)) for e in events) == [
        ("killed", 1, KUPIANSK), ("wounded", 1, KUPIANSK)], events


def test_people_an_attack_left_wounded_or_dead_are_casualties(run: Run) -> None:
    wounded = of_type(run("Hours later a drone dropped a grenade on a car in Kupiansk, leaving "
                          "three railway workers wounded.", "2025-05-16"), "casualties")
    assert [(e["subtype"], e["count"]["value"], place_id(e)) for e in wounded] == [
        ("wounded", 3, KUPIANSK)], wounded
    dead = of_type(run("Shelling hit Kherson on Friday, leaving two pensioners dead, the "
                       "governor said.", "2025-05-16"), "casualties")
    assert [(e["subtype"], e["count"]["value"], place_id(e)) for e in dead] == [
        ("killed", 2, KHERSON)], dead


def test_a_drone_dropping_a_munition_on_a_target_is_a_strike(run: Run) -> None:
    events = of_type(run("A Russian drone dropped a grenade on a car in Kupiansk, the mayor "
                         "said.", "2025-05-16"), "strike")
    assert [place_id(e) for e in events] == [KUPIANSK], events


def test_a_sunk_vessel_is_lost_equipment(run: Run) -> None:
    events = of_type(run("Ukrainian naval drones had sunk a Russian patrol boat near "
                         "Sevastopol, the navy said.", "2025-05-16"), "equipment.lost")
    assert [e["equipment"] for e in events] == ["patrol boat"], events




def test_the_town_inside_a_named_region_is_the_place(run: Run) -> None:
    events = run("In the neighbouring Kherson region, a drone attack on a market in Bilozerka "
                 "overnight injured three women.", "2025-05-16")
    assert sorted((e["type"], e["place"]["name"]) for e in events) == [
        ("casualties", "Bilozerka"), ("strike", "Bilozerka")], events


def test_a_place_named_in_a_which_kiev_calls_clause_is_the_captured_one(run: Run) -> None:
    events = of_type(run("The village, which Kiev calls Torske, was cleared of Ukrainian units "
                         "by Russian paratroopers, a war correspondent wrote.", "2025-05-16"),
                     "territory.captured")
    assert [e["place"]["name"] for e in events] == ["Torske"], events


def test_a_denial_without_a_place_of_its_own_takes_the_place_of_the_claim(run: Run) -> None:
    events = of_type(run("Occupation soldiers looted the museum in Kherson in 2022, prosecutors "
                         "said. The authorities in Donetsk deny that anything was looted.",
                         "2025-05-16"), "property.looted")
    assert sorted((e["modality"], place_id(e)) for e in events) == [
        ("claimed", KHERSON), ("denied", KHERSON)], events


def test_moving_the_residents_of_villages_is_a_planned_evacuation(run: Run) -> None:
    events = of_type(run("Officials in Kherson said on Monday they would move the remaining "
                         "residents of four villages to Mykolaiv.", "2025-05-16"),
                     "civilians.evacuated")
    assert [(e["modality"], place_id(e)) for e in events] == [("planned", KHERSON)], events


def test_moving_troops_is_no_evacuation(run: Run) -> None:
    events = run("Russia moved two brigades to the Kupiansk direction, the general staff said.",
                 "2025-05-16")
    assert of_type(events, "civilians.evacuated") == [], events


def test_none_of_the_units_encircled_is_a_denial(run: Run) -> None:
    events = of_type(run("A Russian spokesman said the road to Toretsk was open, and that none "
                         "of the brigade's units had been encircled near Toretsk.",
                         "2025-05-16"), "territory.encircled")
    assert [(e["modality"], place_id(e)) for e in events] == [("denied", TORETSK)], events


def test_equipment_added_with_as_well_as_after_the_men_lost(run: Run) -> None:
    events = of_type(run("According to the ministry, the Ukrainian armed forces lost up to 90 "
                         "servicemen over the past day, as well as a Bradley fighting vehicle, "
                         "two Kozak armoured vehicles and an electronic warfare station.",
                         "2025-05-16"), "equipment.lost")
    assert sorted((e["equipment"], e["count"]["value"]) for e in events) == [
        ("Bradley fighting vehicle", 1), ("Kozak armoured vehicles", 2),
        ("electronic warfare station", 1)], events


def test_the_scene_and_the_same_attack_point_back_to_the_strike(run: Run) -> None:
    events = run("A Russian drone struck a minibus near Toretsk on Monday, police said. The "
                 "driver died at the scene; four passengers were taken to hospital. A fuel "
                 "truck had also been destroyed in the same attack, according to local media.",
                 "2025-05-16")
    assert sorted((e["type"], place_id(e)) for e in events) == [
        ("casualties", TORETSK), ("casualties", TORETSK), ("equipment.lost", TORETSK),
        ("strike", TORETSK)], events


def test_losses_after_a_semicolon_share_the_strike_place(run: Run) -> None:
    events = of_type(run("In the neighbouring Kharkiv region, governor Oleh Syniehubov said a "
                         "Russian drone had struck the railway station in Kupiansk on Friday "
                         "evening; three people were killed and four others were wounded.",
                         "2025-05-16"), "casualties")
    assert sorted((e["subtype"], e["count"]["value"], place_id(e)) for e in events) == [
        ("killed", 3, KUPIANSK), ("wounded", 4, KUPIANSK)], events


def test_an_evacuation_not_ordered_is_no_event(run: Run) -> None:
    events = run("Officials in Kupiansk have not ordered an evacuation, although they have "
                 "advised families with children to leave.", "2025-05-16")
    assert of_type(events, "civilians.evacuated") == [], events


def test_a_place_listed_among_the_towns_taken_is_captured(run: Run) -> None:
    events = of_type(run("On Monday the ministry listed Toretsk among the towns it said its "
                         "forces had captured.", "2025-05-16"), "territory.captured")
    assert [place_id(e) for e in events] == [TORETSK], events


def test_the_tally_added_is_the_speaker_who_issued_it(run: Run) -> None:
    events = run("Ukraine's General Staff said on Friday that Russian forces had lost 1,100 "
                 "soldiers over the past day. Over the same 24 hours, the tally added, Ukrainian "
                 "troops destroyed three tanks.", "2025-05-16")
    [tanks] = of_type(events, "equipment.lost")
    assert (tanks["claimant"], tanks["modality"]) == (
        "General Staff of the Armed Forces of Ukraine", "claimed"), tanks


def test_the_regional_administration_belongs_to_the_region_its_sentence_names(run: Run) -> None:
    events = run("Russian drones struck the port of Odesa overnight, the mayor of Odesa said. "
                 "In neighbouring Mykolaiv region, the regional military administration said "
                 "Russian artillery had shelled the region overnight, injuring two farmers.",
                 "2025-05-16")
    claimants = {e["claimant"] for e in events if e["place"]["name"] == "Mykolaiv Oblast"}
    assert claimants == {"Mykolaiv regional military administration"}, events


def test_people_taken_to_hospital_are_wounded_where_they_were_hurt(run: Run) -> None:
    events = of_type(run("A Russian drone struck a minibus near Toretsk on Monday, police said. "
                         "The driver died at the scene; four passengers were taken to hospital "
                         "in Kramatorsk with shrapnel wounds.", "2025-05-16"), "casualties")
    assert sorted((e["subtype"], e["count"]["value"], place_id(e)) for e in events) == [
        ("killed", 1, TORETSK), ("wounded", 4, TORETSK)], events


def test_losses_at_the_strike_take_its_date(run: Run) -> None:
    events = run("A Russian drone struck a minibus near Toretsk on Monday, police said on "
                 "Wednesday. The driver died at the scene.", "2025-05-16")
    [strike] = of_type(events, "strike")
    [dead] = of_type(events, "casualties")
    assert dead["date"]["value"] == strike["date"]["value"] == "2025-05-12", events
    # and the speaker of the strike reported them
    assert (dead["claimant"], dead["modality"]) == (strike["claimant"], "claimed"), events


def test_equipment_destroyed_along_with_a_building_is_lost(run: Run) -> None:
    events = of_type(run("A Russian strike destroyed a warehouse in Kherson where drones were "
                         "stored, along with three boats that were being prepared for raids, "
                         "the ministry claimed.", "2025-05-16"), "equipment.lost")
    assert [(e["equipment"], e["count"]["value"], place_id(e)) for e in events] == [
        ("boats", 3, KHERSON)], events


def test_one_figure_killed_and_wounded_is_one_mixed_mention(run: Run) -> None:
    events = of_type(run("Russian losses stand at about 900,000 personnel killed and wounded, "
                         "the General Staff said.", "2025-05-16"), "casualties")
    assert [(e["subtype"], e["count"]["value"]) for e in events] == [("mixed", 900000)], events


def test_a_days_figure_inside_a_total_is_its_own_mention(run: Run) -> None:
    events = of_type(run("Russian losses stand at about 900,000 personnel killed and wounded, "
                         "including 1,100 over the past day, the General Staff said.",
                         "2025-05-16"), "casualties")
    assert sorted((e["count"]["value"], e["subtype"]) for e in events) == [
        (1100, "mixed"), (900000, "mixed")], events


def test_people_including_children_stay_one_figure(run: Run) -> None:
    events = of_type(run("Russian shelling killed five people in Kherson, including two "
                         "children, the governor said.", "2025-05-16"), "casualties")
    assert [e["count"]["value"] for e in events] == [5], events


def test_an_evacuation_that_would_continue_is_planned(run: Run) -> None:
    events = of_type(run("Officials in Kupiansk said the evacuation of families with children "
                         "would continue next week.", "2025-05-16"), "civilians.evacuated")
    assert [(e["modality"], place_id(e)) for e in events] == [("planned", KUPIANSK)], events


def test_a_humvee_is_equipment(run: Run) -> None:
    events = of_type(run("Retreating Ukrainian units abandoned a Bradley and a Humvee near "
                         "Toretsk, a Russian blogger wrote.", "2025-05-16"), "equipment.lost")
    assert sorted((e["equipment"], e["count"]["value"]) for e in events) == [
        ("Bradley", 1), ("Humvee", 1)], events


# round 3: rules behind misses on events_blind5.yaml (the sentences are written here)

def test_control_of_part_of_a_town_is_a_partial_capture_claim(run: Run) -> None:
    events = of_type(run("Russian forces now control about 80% of Toretsk, the Moscow-"
                         "installed official said.", "2025-05-16"), "territory.captured")
    assert [(place_id(e), e["extent"]) for e in events] == [(TORETSK, "partial")], events
    # holding positions in a town, or the whole of it, claims no capture
    assert not of_type(run("Ukrainian soldiers still control positions in the western part "
                           "of Toretsk, the brigade said.", "2025-05-16"), "territory.captured")
    assert not of_type(run("Ukrainian forces control Toretsk, the brigade said.",
                           "2025-05-16"), "territory.captured")


def test_repelled_attacks_and_assaults_near_a_village_are_no_strikes(run: Run) -> None:
    for text in ("Near Kupiansk, Ukrainian units repelled 14 attacks over the past day.",
                 "Three attacks on Kupiansk were repulsed, the brigade said.",
                 "Russian forces attacked near Kupiansk and Kherson, the analysts wrote."):
        assert not of_type(run(text, "2025-05-16"), "strike"), text
    assert [place_id(e) for e in of_type(run("Russian forces attacked Kupiansk with glide "
                                             "bombs on Monday.", "2025-05-16"), "strike")
            ] == [KUPIANSK]


def test_a_month_without_a_year_takes_the_year_its_sentence_named(run: Run) -> None:
    events = of_type(run("Russian troops took Kherson in March 2022, and Kupiansk was "
                         "retaken by Ukrainian troops in September.", "2025-05-16"),
                     "territory.captured")
    assert sorted((place_id(e), e["date"]["value"]) for e in events) == [
        (KUPIANSK, "2022-09"), (KHERSON, "2022-03")], events


def test_losses_over_a_list_of_regions_are_one_mention_with_no_place(run: Run) -> None:
    # one mention per region until decision 554: one figure, no one place
    events = of_type(run("The ministry said air defences destroyed 31 drones overnight over "
                         "the Kursk, Belgorod and Bryansk regions.", "2025-05-16"),
                     "equipment.lost")
    assert sorted((place_id(e), e["count"]["value"]) for e in events) == [(None, 31)], events


def test_rejecting_both_claims_denies_each_of_them(run: Run) -> None:
    events = run("The Russian general staff said its forces had encircled Ukrainian troops in "
                 "Kupiansk and captured Kherson. Kyiv's top commander rejected both claims.",
                 "2025-05-16")
    denied = sorted((e["type"], place_id(e)) for e in events if e["modality"] == "denied")
    assert denied == [("territory.captured", KHERSON), ("territory.encircled", KUPIANSK)], events


def test_the_country_that_launches_an_offensive_is_not_where_it_is(run: Run) -> None:
    for text, where in (("Russia launched its offensive in the Kharkiv region on May 10.",
                         706482),
                        ("Ukraine launched an offensive into Russia's Kursk region in August.",
                         538555)):
        events = of_type(run(text, "2025-05-16"), "offensive.launched")
        assert [place_id(e) for e in events] == [where], (text, events)


def test_a_later_claim_with_no_day_of_its_own_is_news_of_the_day(run: Run) -> None:
    text = ("Russian drones struck Kherson overnight, the regional governor said on Monday.\n\n"
            "Power was cut in several districts of the city.\n\n"
            "The Russian Defence Ministry said its forces had destroyed three Ukrainian tanks "
            "near Kupiansk.\n\n"
            "Kupiansk was retaken by Ukraine in September 2022.")
    events = run(text, "2025-05-16")
    tanks = of_type(events, "equipment.lost")
    assert [(e["date"]["value"], e["date"]["basis"]) for e in tanks] == [
        ("2025-05-16", "publication")], tanks
    background = of_type(events, "territory.captured")
    assert [e["date"]["value"] for e in background] == ["2022-09"], background


def test_a_title_before_a_name_is_the_role_not_part_of_the_name(run: Run) -> None:
    for text, who in (
            ("Russian shelling killed two people in Kupiansk, Gov. Oleh Syniehubov said.",
             "Oleh Syniehubov (governor)"),
            ("Kherson Mayor Roman Mrochko said a drone hit a bus in Kherson, wounding two.",
             "Roman Mrochko (Kherson Mayor)")):
        claimants = {e["claimant"] for e in run(text, "2025-05-16")}
        assert claimants == {who}, (text, claimants)


def test_drones_intercepted_or_neutralised_are_lost_equipment(run: Run) -> None:
    events = of_type(run("Air defences neutralised 30 drones over the Sumy region overnight, "
                         "the air force said.", "2025-05-16"), "equipment.lost")
    assert [(e["equipment"], e["count"]["value"], place_id(e)) for e in events] == [
        ("drones", 30, 692196)], events
    assert not of_type(run("Police intercepted a car near Kupiansk.", "2025-05-16"),
                       "equipment.lost")


def test_nearly_all_of_a_region_is_a_partial_capture(run: Run) -> None:
    events = of_type(run("Russian troops captured nearly all of the Kherson region in March "
                         "2022.", "2025-05-16"), "territory.captured")
    assert [e["extent"] for e in events] == ["partial"], events


SUMY_OBLAST, CHERNIHIV_OBLAST = 692196, 710734


def test_a_region_list_after_a_second_verb_places_both_figures(run: Run) -> None:
    events = of_type(run("Shelling killed four civilians and wounded 15 over the past day in "
                         "the Sumy and Chernihiv regions, regional officials said.",
                         "2025-05-16"), "casualties")
    assert sorted((e["subtype"], e["count"]["value"], place_id(e)) for e in events) == [
        ("killed", 4, SUMY_OBLAST), ("killed", 4, CHERNIHIV_OBLAST),
        ("wounded", 15, SUMY_OBLAST), ("wounded", 15, CHERNIHIV_OBLAST)], events
    # two regions: the officials are not one region's
    assert {e["claimant"] for e in events} == {"regional officials"}, events


CHUHUIV, MEREFA = 710374, 701347


def test_a_town_placed_by_its_compass_bearing_is_the_place_not_the_bearing(run: Run) -> None:
    events = run("A pensioner died in a second strike on the town of Chuhuiv, southeast of "
                 "Kharkiv, late on Sunday, the regional governor wrote.\n\nTwo people were "
                 "wounded in another attack on the town of Merefa, southwest of Kharkiv, on "
                 "Saturday, the governor said.", "2025-05-16")
    assert sorted((e["type"], place_id(e)) for e in events) == sorted([
        ("casualties", CHUHUIV), ("casualties", MEREFA), ("strike", CHUHUIV),
        ("strike", MEREFA)]), events


def test_a_village_unknown_to_the_gazetteer_is_not_placed_at_its_bearing(run: Run) -> None:
    events = of_type(run("Russia's Defence Ministry said its troops had captured the village "
                         "of Zvanivka Druha, north-east of Kostiantynivka.", "2025-05-16"),
                     "territory.captured")
    assert events and all(e["place"] is None or e["place"]["name"] != "Kostyantynivka"
                          for e in events), events


def test_a_total_since_the_war_began_runs_from_its_first_day_and_has_no_story_place(
        run: Run) -> None:
    events = of_type(run("Russian troops shelled Kupiansk overnight, destroying two trucks, "
                         "the ministry said.\n\nSince the start of the full-scale invasion, "
                         "Ukraine's forces have destroyed 410 Russian aircraft and 9,850 tanks, "
                         "the ministry added.", "2025-05-16"), "equipment.lost")
    totals = [e for e in events if e["count"]["value"] in (410, 9850)]
    assert len(totals) == 2, events
    for e in totals:
        assert e["place"] is None, e
        assert e["aggregate"] is True, e
        assert e["date"]["value"] == "2022-02-24/2025-05-16", e


def test_losses_amounting_to_a_figure_keep_the_days_part_and_the_dotted_range(
        run: Run) -> None:
    events = of_type(run("The overall combat losses of the enemy from 24.02.22 to 14.03.25 "
                         "amounted to about 890,000 personnel killed and wounded, including "
                         "1,320 over the past day, the General Staff said on Friday.",
                         "2025-03-14"), "casualties")
    got = sorted((e["count"]["value"], e["date"]["value"], e["aggregate"]) for e in events)
    assert got == [(1320, "2025-03-14", False),
                   (890000, "2022-02-24/2025-03-14", True)], events


def test_losses_amounting_to_up_to_a_figure_in_a_direction(run: Run) -> None:
    events = of_type(run("In the Lyman direction, the enemy's losses amounted to up to 140 "
                         "servicemen over the past day, the ministry said.", "2025-03-14"),
                     "casualties")
    assert [(e["count"]["value"], e["count"]["qualifier"]) for e in events] == [
        (140, "up to")], events


def test_a_days_increment_in_brackets_is_its_own_loss_beside_the_total(run: Run) -> None:
    events = of_type(run("Russian losses since February 24, 2022 have reached about 901,000 "
                         "personnel, the General Staff said on Monday. Ukrainian forces have "
                         "also destroyed 10,420 tanks (four of them over the past day) and "
                         "25,310 artillery systems (+27).", "2025-03-17"), "equipment.lost")
    got = sorted((e["count"]["value"], e["aggregate"], e["date"]["value"]) for e in events)
    assert got == [(4, False, "2025-03-17"), (27, False, "2025-03-17"),
                   (10420, True, "2022-02-24/2025-03-17"),
                   (25310, True, "2022-02-24/2025-03-17")], events


def test_a_town_held_answers_the_capture_claim_not_the_claimed_retreat(run: Run) -> None:
    events = run("Russian forces have taken control of about half of Kupiansk, an occupation "
                 "official said on Monday. He said Ukrainian units were withdrawing from the "
                 "town's western districts.\n\n\"Kupiansk remains under the control of our "
                 "forces,\" a spokesman for Ukraine's General Staff said later on Monday.",
                 "2025-03-17")
    denied = [e for e in events if e["modality"] == "denied"]
    assert [(e["type"], e["extent"]) for e in denied] == [
        ("territory.captured", "partial")], events


LYMAN = 704204


def test_a_where_clause_takes_the_place_it_opens_on_and_occupiers_are_people(
        run: Run) -> None:
    events = of_type(run("Most clashes took place in the Lyman direction, the spokesman "
                         "added, where Ukrainian units eliminated 86 occupiers.",
                         "2025-03-17"), "casualties")
    assert [(e["count"]["value"], place_id(e)) for e in events] == [(86, LYMAN)], events


def test_pounding_a_city_and_fire_on_a_community_are_strikes(run: Run) -> None:
    events = of_type(run("Russia pounded Kherson with drones and guided bombs overnight, the "
                         "governor said.\n\nOver the past day, mortar and artillery fire on "
                         "Bilozerka was recorded 19 times, the administration said.",
                         "2025-05-16"), "strike")
    assert sorted(place_id(e) for e in events) == sorted([KHERSON, 712508]), events


def test_a_titled_name_closing_a_long_sentence_and_its_bare_surname_later_are_the_speaker(
        run: Run) -> None:
    events = run("Russian forces shelled Nikopol and Marhanets with heavy artillery on "
                 "Sunday and attacked both towns with drones, Dnipropetrovsk Oblast Governor "
                 "Serhii Lysak reported on Monday.\n\nAir defence forces shot down five "
                 "drones over the region overnight, Lysak added.", "2024-08-12")
    strikes = of_type(events, "strike")
    assert strikes and all("Lysak" in (e["claimant"] or "") for e in strikes), strikes
    # the article's spelling, not another romanisation from the registry
    assert all((e["claimant"] or "").startswith("Serhii Lysak") for e in strikes), strikes
    downed = of_type(events, "equipment.lost")
    assert downed and all("Lysak" in (e["claimant"] or "") for e in downed), downed


def test_roads_under_fire_control_are_neither_a_capture_nor_a_strike(run: Run) -> None:
    events = run("According to the occupation head, every road into Kostiantynivka is now "
                 "under Russian fire control.", "2025-05-16")
    assert events == [], events


def test_a_body_named_short_after_its_full_name_is_the_same_speaker(run: Run) -> None:
    events = run("Russian losses over the past day amounted to 1,140 personnel, the General "
                 "Staff of the Armed Forces of Ukraine said on Friday. In a separate "
                 "statement, the General Staff said its drones had struck an oil depot in "
                 "Russia's Bryansk region overnight.", "2025-06-20")
    strikes = of_type(events, "strike")
    assert [e["claimant"] for e in strikes] == [
        "General Staff of the Armed Forces of Ukraine"], strikes


def test_a_struck_evacuation_vehicle_is_a_strike_not_an_evacuation(run: Run) -> None:
    events = run("A Russian drone hit a police evacuation van in Kostiantynivka on Monday, "
                 "injuring two officers, the regional police said.", "2025-05-16")
    assert not of_type(events, "civilians.evacuated"), events
    assert of_type(events, "strike"), events


def test_a_hyphened_city_is_never_the_place_a_later_reference_points_to(run: Run) -> None:
    events = run("Ukrainian troops pushed back Russian units near Robotyne, a claim "
                 "Moscow-installed officials dismissed.\n\nRussian forces had lost more than "
                 "80 soldiers killed or wounded in the area since June 1, the spokesman said.",
                 "2024-07-09")
    assert all((e["place"] or {}).get("name") != "Moscow" for e in events), events


def test_a_nationwide_figure_takes_no_place_from_the_story(run: Run) -> None:
    events = of_type(run("The occupation administration of the Kherson region said 9,000 "
                         "residents of Skadovsk had received Russian passports. Nationwide, "
                         "the interior ministry says 2.9 million people in the annexed "
                         "regions have been issued passports since 2022.", "2025-05-16"),
                     "passport.issued")
    nationwide = [e for e in events if e["count"] and e["count"]["value"] == 2900000]
    assert nationwide and all(e["place"] is None for e in nationwide), events


def test_occupied_before_a_town_in_a_phrase_is_no_capture_whatever_the_date(run: Run) -> None:
    events = run("Last month, soldiers took at least 20 tractors from farmers of occupied "
                 "Vasylivka, the prosecutor said. Troops also stole computers from the school "
                 "in occupied Oleshky in April.", "2025-05-16")
    assert not of_type(events, "territory.captured"), events


def test_goods_seized_from_residents_are_looting_and_fleeing_troops_withdraw(
        run: Run) -> None:
    events = run("Occupation soldiers seized at least 12 cars from residents of Oleshky at "
                 "checkpoints last week, the prosecutor's office said.", "2025-05-16")
    assert [(e["type"], e["count"]["value"]) for e in of_type(events, "property.looted")] == [
        ("property.looted", 12)], events
    civilians = run("Residents fled the shelling in Kupiansk, the governor said.", "2025-05-16")
    assert not of_type(civilians, "territory.withdrawn"), civilians


def test_a_capture_of_a_village_the_gazetteer_lacks_is_written_without_a_place(
        run: Run) -> None:
    events = of_type(run("Russia's Defence Ministry said on Monday that its forces had taken "
                         "the village of Zolotarivka-Nyzhnia.", "2025-05-16"), "territory.captured")
    assert [(e["place"], e["modality"]) for e in events] == [(None, "claimed")], events
    assert "Zolotarivka-Nyzhnia" in events[0]["evidence"]["text"]


def test_the_air_force_and_national_police_are_named_as_the_registry_names_them(
        run: Run) -> None:
    events = run("Ukraine's air force said it had shot down 41 drones over the Poltava region "
                 "overnight.", "2025-05-16")
    assert {e["claimant"] for e in events} == {"Air Force of the Armed Forces of Ukraine"}, events


DNIPRO, MYRNOHRAD, SUMY = 709930, 710035, 692194


def test_a_missile_tearing_through_a_block_is_a_strike(run: Run) -> None:
    events = of_type(run("A Russian missile tore through an apartment block in Dnipro on "
                         "Sunday night, the mayor said.", "2025-06-02"), "strike")
    assert [place_id(e) for e in events] == [DNIPRO], events


def test_the_looting_of_homes_is_looting(run: Run) -> None:
    events = of_type(run("Police said they had documented the looting of dozens of homes in "
                         "Sumy last month.", "2025-06-02"), "property.looted")
    assert [place_id(e) for e in events] == [SUMY], events


def test_troops_that_began_to_pull_out_withdrew(run: Run) -> None:
    events = run("The brigade had begun to pull its companies out of Myrnohrad, a "
                 "spokesman said on Monday.", "2025-06-02")
    assert [place_id(e) for e in of_type(events, "territory.withdrawn")] == [MYRNOHRAD]


def test_an_assault_begun_to_take_a_town_is_no_capture(run: Run) -> None:
    events = run("The ministry said its troops had begun an assault to take Myrnohrad.",
                 "2025-06-02")
    assert of_type(events, "territory.captured") == [], events


def test_a_part_of_a_whole_counts_the_part(run: Run) -> None:
    events = of_type(run("The air force said it had shot down 31 of 40 drones over the "
                         "Sumy region overnight.", "2025-06-02"), "equipment.lost")
    assert [e["count"]["value"] for e in events] == [31], events


def test_soldiers_trapped_near_a_town_are_encircled(run: Run) -> None:
    events = of_type(run("The ministry said its forces had trapped about 400 Ukrainian "
                         "soldiers near Myrnohrad.", "2025-06-02"), "territory.encircled")
    assert [(place_id(e), e["count"]["value"]) for e in events] == [(MYRNOHRAD, 400)], events


def test_an_incursion_into_a_region_is_an_offensive(run: Run) -> None:
    events = of_type(run("Ukraine launched its incursion into the Kursk region on Aug. 6, "
                         "2024.", "2025-06-02"), "offensive.launched")
    assert [place_id(e) for e in events] == [538555], events


def test_a_garrison_found_in_an_encirclement_is_encircled(run: Run) -> None:
    events = run("The ministry said the Ukrainian garrison had found itself in an "
                 "encirclement near Myrnohrad on Monday.", "2025-06-02")
    assert [place_id(e) for e in of_type(events, "territory.encircled")] == [MYRNOHRAD]
