"""Round 10 of reading real reporting: a body's short name after its full one, a sentence
opening with "Near X,", debris that hit a place, the occupier's taking of homes and goods,
an army's losses over several regions, and a town given as one example of a region's
tally (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

CHASIV_YAR = 710915
KUPIANSK = 703656
KHERSON_OBLAST = 706442
KHERSON = 706448
KURSK_OBLAST = 538555
BELGOROD_OBLAST = 578071
DONETSK_OBLAST = 709716
KHARKIV_OBLAST = 706482


def test_a_short_name_takes_the_full_name_met_earlier(run: Run) -> None:
    # the sentence's actor is Russian; the speaker is still the Ukrainian staff named above
    events = run(
        "The General Staff of the Armed Forces of Ukraine said 131 clashes took place along "
        "the front on Thursday.\n\nRussian aircraft dropped guided bombs on Kostiantynivka "
        "on Thursday, according to the General Staff.", "2025-06-13")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"] == "General Staff of the Armed Forces of Ukraine", strike


def test_a_short_name_spelt_otherwise_takes_the_full_name(run: Run) -> None:
    events = run(
        "Russian forces have taken the town of Siversk, the Russian Ministry "
        "of Defense said on Friday.\n\nNear Kupiansk, nine Ukrainian soldiers surrendered "
        "to a Russian assault group, the Defense Ministry said.", "2025-06-13")
    (surrender,) = of_type(events, "personnel.surrendered")
    assert surrender["claimant"] == "Russian Ministry of Defence", surrender


def test_a_sentence_opening_with_near_and_a_town_is_placed_there(run: Run) -> None:
    events = run("Near Chasov Yar, Russian artillery shelled a column of trucks on Monday, "
                 "the brigade said.", "2025-06-10")
    (strike,) = of_type(events, "strike")
    assert place_id(strike) == CHASIV_YAR, strike
    events = run("Near Kupiansk, a group of six soldiers laid down their arms, the "
                 "ministry said.", "2025-06-10")
    (surrender,) = of_type(events, "personnel.surrendered")
    assert place_id(surrender) == KUPIANSK, surrender


def test_debris_of_a_downed_drone_that_hit_a_place_is_a_strike(run: Run) -> None:
    events = run("Wreckage of a downed drone fell on a warehouse in Ryazan overnight, the "
                 "regional governor said on Sunday.", "2025-06-08")
    (strike,) = of_type(events, "strike")
    assert strike["place"]["name"].startswith("Ryazan"), strike
    events = run("Fragments of a drone were found in a field near the border, the "
                 "police said.", "2025-06-08")
    assert of_type(events, "strike") == [], events


def test_the_occupiers_taking_of_homes_and_goods_is_looting(run: Run) -> None:
    text = ("Occupation officials have seized more than 900 apartments of residents who "
            "fled Mariupol, the city council said on Tuesday.\n\nProsecutors said Russian "
            "soldiers had taken about 25 tractors from farms near Melitopol last year.\n\n"
            "A court heard that the defendant organised the theft of 3,200 tonnes of "
            "sunflower seeds in 2023, prosecutors said.")
    looted = of_type(run(text, "2025-06-10"), "property.looted")
    assert sorted(e["count"]["value"] for e in looted) == [25, 900, 3200], looted


def test_military_houses_seized_and_a_class_compared_are_no_looting(run: Run) -> None:
    text = ("Russian troops seized several houses on the eastern edge of the town, the "
            "blogger said.\n\nThe museum's director called the removal one of the largest "
            "thefts of art in Europe since the Second World War.")
    assert of_type(run(text, "2025-06-10"), "property.looted") == []


def test_an_armys_losses_over_several_regions_have_no_one_place(run: Run) -> None:
    events = run("Over the past day, the Ukrainian army lost up to 230 servicemen in the "
                 "Kursk and Belgorod regions, the Russian Defence Ministry said.",
                 "2025-02-03")
    (loss,) = of_type(events, "casualties")
    assert loss["place"] is None and loss["count"]["value"] == 230, loss


def test_civilians_killed_in_two_regions_are_counted_in_each(run: Run) -> None:
    events = run("Russian shelling killed four civilians in the Donetsk and Kharkiv regions "
                 "over the past day, regional officials said.", "2025-02-03")
    losses = of_type(events, "casualties")
    assert sorted(place_id(e) for e in losses) == sorted([DONETSK_OBLAST, KHARKIV_OBLAST])


def test_a_town_given_as_one_example_leaves_the_tally_to_the_region(run: Run) -> None:
    events = run("Over the past day, Russian forces shelled 41 settlements in the Kherson "
                 "region, including the city of Kherson, the regional governor said.",
                 "2025-02-03")
    tally = [e for e in of_type(events, "strike") if e["count"]]
    assert [place_id(e) for e in tally] == [KHERSON_OBLAST], tally


def test_a_town_given_as_one_example_is_struck_too(run: Run) -> None:
    events = run("Over the weekend, Russian forces shelled 29 settlements in the Kherson "
                 "region, including the city of Kherson, the regional governor said on "
                 "Monday.", "2025-02-03")
    assert sorted(place_id(e) for e in of_type(events, "strike")) == [KHERSON_OBLAST, KHERSON]


def test_a_statement_named_by_the_speaker_alone_is_still_a_partys_claim(run: Run) -> None:
    # the registry knows him as a governor: a party speaks, though the text gives no office
    events = run("Russian drones struck a substation in Bilozerka on Sunday, Oleksandr "
                 "Prokudin reported.", "2025-02-03")
    (strike,) = of_type(events, "strike")
    assert strike["modality"] == "claimed", strike


def test_the_claimants_own_relative_clause_gives_no_date_to_the_statement(run: Run) -> None:
    events = run("During the assault, Ukrainian troops recaptured the village of Kindrashivka "
                 "north of the city, which Russia claimed to have taken in April, the brigade "
                 "said.", "2025-10-14")
    retaken = of_type(events, "territory.captured")
    assert [e["date"]["value"] for e in retaken] == ["2025-10-14"], events


def test_a_closing_speaker_the_parse_hung_on_a_place(run: Run) -> None:
    events = run("Ukrainian drones struck Russian infiltration groups in Kupiansk in Kharkiv "
                 "Oblast, the Joint Forces Task Force said on Oct. 13.", "2025-10-14")
    (strike,) = of_type(events, "strike")
    assert (strike["claimant"], strike["date"]["value"]) == (
        "Joint Forces Task Force", "2025-10-13"), strike


def test_a_village_held_by_our_units_denies_the_claim_it_answers(run: Run) -> None:
    events = run("Russia's Defence Ministry said on Sunday its troops had captured "
                 "Novoyehorivka.\n\nA spokesman for the Khortytsia group said Ukrainian units "
                 "controlled the village.\n\nThe 3rd Assault Brigade said Ukrainian forces hold "
                 "Kupiansk.", "2025-06-09")
    denied = [e for e in events if e["modality"] == "denied"]
    assert [(e["type"], e["place"]["name"]) for e in denied] == [
        ("territory.captured", "Novoyehorivka")], events


def test_the_region_whose_residents_received_passports(run: Run) -> None:
    events = run("Occupation officials in the Zaporizhzhia region said 900 residents of "
                 "Tokmak received Russian passports in May. Since 2023, more than 200,000 "
                 "residents of the region have received Russian passports, they added.",
                 "2025-06-09")
    places = sorted(e["place"]["name"] for e in of_type(events, "passport.issued"))
    assert places == ["Tokmak", "Zaporizhzhia Oblast"], events


def test_a_pronoun_for_one_person_killed_is_a_count_of_one(run: Run) -> None:
    events = run("In Nikopol, a drone dropped a grenade on a man riding a bicycle, killing "
                 "him, the regional governor said on Friday.", "2025-06-09")
    (killed,) = of_type(events, "casualties")
    assert killed["count"]["value"] == 1, killed


def test_losses_in_a_groupings_zone_have_no_place(run: Run) -> None:
    text = ("Units of the Battlegroup South liberated the village of Dyliivka in the Donetsk "
            "People's Republic, the ministry said. The enemy's losses in the area of "
            "responsibility of the South battlegroup amounted to up to 180 personnel.\n\n"
            "Units of the Battlegroup Dnepr struck two brigades of the Ukrainian army. The "
            "enemy lost up to 60 personnel in that area, the ministry said.")
    losses = of_type(run(text, "2025-04-20"), "casualties")
    assert sorted((e["count"]["value"], place_id(e)) for e in losses) == [
        (60, None), (180, None)], losses


def test_a_grouping_named_with_a_place_keeps_the_next_losses_there(run: Run) -> None:
    text = ("Units of the Battlegroup West struck Ukrainian positions in Kupiansk, the "
            "ministry said. Over the past day, the enemy lost up to 210 servicemen there, "
            "the ministry said.")
    (loss,) = of_type(run(text, "2025-04-20"), "casualties")
    assert place_id(loss) == KUPIANSK, loss


def test_a_town_held_in_a_background_clause_is_no_denial(run: Run) -> None:
    text = ("Russian forces said on Monday they had retaken Sudzha. On Friday, investigators "
            "said they had opened a case over the looting of shops in Sudzha while the town "
            "was under Ukrainian control.")
    assert [e for e in run(text, "2025-03-15") if e["modality"] == "denied"] == []


def test_a_live_blogs_entry_time_is_no_part_of_its_speaker(run: Run) -> None:
    text = ("Russia-Ukraine war live\n\n07.55 BST\nRussia's defence ministry has claimed "
            "that its troops captured the village of Basivka in Sumy region.\n\n"
            "13:20\nThe Sumy regional military administration said 140 people had been "
            "evacuated from Krasnopillia.")
    claimants = sorted(e["claimant"] for e in run(text, "2025-05-14"))
    assert claimants == ["Russian Ministry of Defence",
                         "Sumy regional military administration"], claimants
