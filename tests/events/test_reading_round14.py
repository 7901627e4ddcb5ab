"""Round 14 of reading real English reporting: a figure given for an event ("put the number
of wounded at 14"), a bulletin going on through a unit that is its own event's subject, and
no sentence started by a lowercase word (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type


def test_a_figure_given_for_the_wounded_counts_them_and_names_who_gave_it(run: Run) -> None:
    events = run("A glide bomb hit a shopping centre in Kharkiv on Saturday. Mayor Ihor Terekhov "
                 "later put the number of wounded at 23.", "2025-06-08")
    (hurt,) = of_type(events, "casualties")
    assert hurt["count"]["value"] == 23, hurt
    assert hurt["claimant"] is not None and "Terekhov" in hurt["claimant"], hurt
    assert hurt["modality"] == "claimed", hurt


def test_a_death_toll_given_by_officials(run: Run) -> None:
    events = run("A drone struck a minibus near Nikopol. Local officials put the death toll at "
                 "four.", "2025-06-08")
    (dead,) = of_type(events, "casualties")
    assert dead["count"]["value"] == 4 and dead["subtype"] == "killed", dead


def test_a_higher_figure_after_a_colon_is_the_speakers(run: Run) -> None:
    events = run("Regional governor Ivan Fedorov has since given a higher figure for the strike "
                 "on Zaporizhzhia: 17 people injured, three of them children.", "2025-06-08")
    (hurt,) = of_type(events, "casualties")
    assert hurt["count"]["value"] == 17, hurt
    assert hurt["claimant"] is not None and "Fedorov" in hurt["claimant"], hurt


def test_number_of_a_thing_without_a_figure_verb_is_no_claimant(run: Run) -> None:
    events = run("The number of wounded rose to 14 after a missile hit Odesa on Monday.",
                 "2025-06-08")
    (hurt,) = of_type(events, "casualties")
    assert hurt["count"]["value"] == 14 and hurt["claimant"] is None, hurt


def test_a_bulletin_goes_on_through_a_unit_that_is_the_events_own_subject(run: Run) -> None:
    text = ("Battlegroup West units liberated Kolisnykivka in the Kharkiv region, the "
            "Russian Defence Ministry said on Friday.\n\n"
            "Battlegroup Centre took control of the village of Novoserhiivka and repelled "
            "nine counterattacks.")
    events = run(text, "2025-08-15")
    caps = of_type(events, "territory.captured")
    second = [e for e in caps if "Novoserhiivka" in e["evidence"]["text"]]
    assert second and second[0]["modality"] == "claimed", caps
    assert second[0]["claimant_actor"]["id"] == "ru-mod", second


def test_a_named_source_of_its_own_still_stops_the_bulletin(run: Run) -> None:
    text = ("Russian troops captured Kolisnykivka in the Kharkiv region, the Russian Defence "
            "Ministry said on Friday.\n\n"
            "DeepState published footage showing Russian soldiers in the centre of "
            "Novoserhiivka.")
    events = run(text, "2025-08-15")
    assert not [e for e in events if "DeepState" in e["evidence"]["text"]
                and e["claimant_actor"] and e["claimant_actor"]["id"] == "ru-mod"], events


def test_an_abbreviated_month_does_not_end_the_sentence(run: Run) -> None:
    events = run("Governor Oleh Hryhorov announced on Nov. 26 the mandatory evacuation of seven "
                 "more villages in the Sumy and Okhtyrka districts, saying that the shelling "
                 "there was relentless.", "2024-11-28")
    evacs = of_type(events, "civilians.evacuated")
    assert evacs, events
    for evac in evacs:
        assert evac["claimant"] is not None and "Hryhorov" in evac["claimant"], evac
        assert evac["date"]["value"] == "2024-11-26", evac


def test_the_airfield_is_the_town_the_airfield_was_named_with(run: Run) -> None:
    text = ("Residents reported a fire at the Millerovo air base in the Rostov region after "
            "a night of drone attacks, a local channel said.\n\n"
            "Ukraine's General Staff said on Thursday that its drones had hit the airbase "
            "and damaged two aircraft.")
    events = run(text, "2025-07-10")
    strikes = [e for e in of_type(events, "strike") if "General Staff" in e["evidence"]["text"]
               or "airbase" in e["evidence"]["text"]]
    assert strikes and strikes[0]["place"] is not None, events
    assert strikes[0]["place"]["name"] == "Millerovo", strikes


def test_a_share_of_downed_drones_over_a_region_is_its_own_mention(run: Run) -> None:
    events = run("Russia's Defence Ministry said on Monday its air defences had destroyed 64 "
                 "Ukrainian drones overnight, 22 of them over the Kursk region.", "2025-09-08")
    lost = of_type(events, "equipment.lost")
    by_count = {e["count"]["value"]: e for e in lost}
    assert set(by_count) == {64, 22}, lost
    assert by_count[64]["place"] is None, by_count[64]
    assert by_count[22]["place"]["name"] == "Kursk Oblast", by_count[22]


def test_drones_over_listed_regions_share_one_figure(run: Run) -> None:
    # one mention per region until decision 554: one figure, no one place
    events = run("Air defence units shot down 19 drones over the Voronezh and Lipetsk regions, "
                 "the Russian Defence Ministry said.", "2025-09-08")
    lost = of_type(events, "equipment.lost")
    assert [(e["place"], e["count"]["value"]) for e in lost] == [(None, 19)], lost


def test_a_town_claimed_is_a_capture_claimed_by_the_subject(run: Run) -> None:
    events = run("Russia's Defence Ministry claimed the village of Pishchane on Sunday, a week "
                 "after its troops reached the outskirts.", "2025-08-05")
    (cap,) = of_type(events, "territory.captured")
    assert cap["place"] is not None and cap["place"]["name"].startswith("Pishchan"), cap
    assert cap["claimant_actor"]["id"] == "ru-mod" and cap["modality"] == "claimed", cap


def test_a_toll_claimed_is_no_capture(run: Run) -> None:
    events = run("The missile strike on Sumy claimed the lives of four people, the regional "
                 "administration said.", "2025-08-05")
    assert not of_type(events, "territory.captured"), events


def test_residents_becoming_citizens_is_a_passport_figure(run: Run) -> None:
    events = run("In Melitopol, 4,800 residents have become Russian citizens since January, "
                 "the occupation administration said.", "2025-06-01")
    (issued,) = of_type(events, "passport.issued")
    assert issued["count"]["value"] == 4800, issued


def test_citizens_killed_are_no_passports(run: Run) -> None:
    events = run("Two Ukrainian citizens were killed when a drone hit a car in Kherson.",
                 "2025-06-01")
    assert not of_type(events, "passport.issued"), events


def test_who_ordered_an_evacuation_claims_it(run: Run) -> None:
    events = run("The Kharkiv Regional Military Administration has ordered the mandatory "
                 "evacuation of families with children from 12 villages of the Balakliia "
                 "community.", "2025-07-24")
    (evac,) = of_type(events, "civilians.evacuated")
    assert evac["claimant"] == "Kharkiv Regional Military Administration", evac
    assert evac["modality"] == "planned", evac


def test_troops_ordered_to_leave_is_no_claim_by_the_commander(run: Run) -> None:
    events = run("Syrskyi ordered troops to withdraw from Avdiivka on Saturday.", "2024-02-18")
    (left,) = of_type(events, "territory.withdrawn")
    assert left["claimant"] is None, left


def test_a_question_claims_nothing(run: Run) -> None:
    events = run("Is Kramatorsk still being shelled every day?\n\nYes. Russian artillery hit "
                 "the city's outskirts on Monday, the mayor said.", "2025-02-05")
    strikes = of_type(events, "strike")
    assert len(strikes) == 1 and "Monday" in strikes[0]["evidence"]["text"], strikes


def test_a_governor_telling_of_an_order_is_the_claimant(run: Run) -> None:
    events = run("Governor Ivan Fedorov said authorities had ordered the mandatory evacuation "
                 "of children from seven villages in the Polohy district.", "2025-07-24")
    (evac,) = of_type(events, "civilians.evacuated")
    assert "Fedorov" in (evac["claimant"] or ""), evac


def test_officials_ordering_and_a_governor_restating_are_one_claim(run: Run) -> None:
    events = run("Ukrainian officials ordered the mandatory evacuation of nine more villages in "
                 "the Kharkiv region on Monday. Regional governor Oleh Syniehubov said about "
                 "900 residents would be evacuated from the region.", "2025-05-20")
    evacs = of_type(events, "civilians.evacuated")
    assert len(evacs) == 1, evacs
    assert "Syniehubov" in (evacs[0]["claimant"] or ""), evacs


def test_not_claiming_an_attack_is_no_capture(run: Run) -> None:
    events = run("A drone hit a bus near Enerhodar, the Russian-installed authorities said. "
                 "Ukraine's military did not claim the attack.", "2025-05-20")
    assert not of_type(events, "territory.captured"), events


def test_the_air_force_is_ukraines_unless_a_side_says_otherwise(run: Run) -> None:
    events = run("Air defences shot down 31 of 40 drones overnight, the Air Force said. The "
                 "Russian Air Force said it had destroyed two Ukrainian tanks near Kupiansk.",
                 "2025-01-14")
    ids = sorted(e["claimant_actor"]["id"] for e in of_type(events, "equipment.lost"))
    assert ids == ["ru-aerospace-forces", "ua-air-force"], events


def test_the_investigation_is_the_prosecutors_office_named_before(run: Run) -> None:
    text = ("The Kherson Regional Prosecutor's Office has opened a case over looting in the "
            "occupied part of the region.\n\n"
            "According to the investigation, Russian soldiers stole 23 tractors from a farm "
            "near Nova Kakhovka in 2022.")
    events = run(text, "2025-04-15")
    (looted,) = [e for e in of_type(events, "property.looted")
                 if "tractors" in e["evidence"]["text"]]
    assert looted["claimant"] == "Kherson Regional Prosecutor's Office", looted


def test_an_investigation_with_no_body_named_stays_as_it_was(run: Run) -> None:
    events = run("According to the investigation, Russian soldiers stole 23 tractors from a "
                 "farm near Nova Kakhovka in 2022.", "2025-04-15")
    (looted,) = of_type(events, "property.looted")
    assert looted["claimant"] != "Kherson Regional Prosecutor's Office", looted


def test_a_title_written_before_the_name_without_a_comma_is_no_part_of_it(run: Run) -> None:
    events = run("Russian drones hit port infrastructure in Izmail overnight, head of the Odesa "
                 "Regional Military Administration Oleh Kiper said.", "2025-01-14")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"].startswith("Oleh Kiper"), strike
    assert strike["claimant_actor"]["id"] == "ua-kiper", strike


def test_a_claim_a_side_denied_in_the_same_sentence_is_denied(run: Run) -> None:
    events = run("Moscow claimed Chasiv Yar in July, a claim Kyiv denied.", "2025-08-02")
    caps = of_type(events, "territory.captured")
    assert sorted(e["modality"] for e in caps) == ["claimed", "denied"], caps
    (denied,) = [e for e in caps if e["modality"] == "denied"]
    assert denied["claimant"] == "Ukrainian government", denied


def test_a_claim_rejected_by_the_general_staff_in_the_same_sentence(run: Run) -> None:
    events = run("Russia's Defence Ministry said on Sunday its forces had captured Kurakhove, a "
                 "claim Ukraine's General Staff rejected the same day as untrue.", "2025-06-02")
    caps = of_type(events, "territory.captured")
    denied = [e for e in caps if e["modality"] == "denied"]
    assert denied and denied[0]["claimant_actor"]["id"] == "ua-general-staff", caps


def test_the_first_day_of_a_running_total_gives_no_year_to_the_day_said(run: Run) -> None:
    events = run("Russia has lost about 1,150,000 troops since the start of the full-scale "
                 "invasion on Feb. 24, 2022, including 870 over the past day, Ukraine's "
                 "General Staff said on March 9.", "2026-03-09")
    days = {e["date"]["value"] for e in of_type(events, "casualties")}
    assert "2022-03-09" not in days, days
    assert any(v and v.endswith("2026-03-09") for v in days), days
