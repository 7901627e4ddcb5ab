"""Round 11 of reading real reporting: a body's own bulletin speaks for the body, analysts'
"likely", a name given after a title's of-phrase, and list items and headings as
sentences of their own (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type

BULLETIN = (
    "Situation in the region as of 08:00\n\n"
    "Over the past day, the enemy shelled Nikopol with heavy artillery. A 43-year-old man "
    "was wounded.\n\n"
    "Since the beginning of the month, 57 people have been evacuated from Marhanets.")


def test_a_bodys_own_bulletin_is_claimed_by_the_body(run: Run) -> None:
    events = run(BULLETIN, "2025-03-04",
                 outlet="Dnipropetrovsk Regional Military Administration")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"] == "Dnipropetrovsk Regional Military Administration", strike
    assert strike["modality"] == "claimed", strike
    assert strike["claimant_actor"] is not None, strike
    (wounded,) = of_type(events, "casualties")
    assert wounded["modality"] == "claimed" and wounded["date"]["value"] == "2025-03-04", \
        wounded


def test_a_newspaper_stating_the_same_stays_the_outlet_only(run: Run) -> None:
    events = run(BULLETIN, "2025-03-04", outlet="Kyiv Independent")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"] is None and strike["modality"] == "asserted", strike


def test_a_monitors_own_update_is_reported_by_the_monitor(run: Run) -> None:
    events = run("On 12 March, a missile hit a school in Kryvyi Rih, killing two teachers.",
                 "2025-04-10", outlet="UN Human Rights Monitoring Mission in Ukraine")
    (strike,) = of_type(events, "strike")
    assert strike["modality"] == "reported", strike
    assert strike["claimant_actor"]["id"] == "hrmmu", strike


def test_an_analysts_likely_is_a_hedge(run: Run) -> None:
    events = run("Russian forces likely captured Novoekonomichne in recent days, the "
                 "Institute for the Study of War said on Sunday.", "2025-02-02")
    (capture,) = of_type(events, "territory.captured")
    assert capture["modality"] == "hedged", capture
    assert capture["claimant_actor"]["id"] == "isw", capture


def test_the_name_after_a_titles_of_phrase_is_the_speaker(run: Run) -> None:
    events = run("Russian drones struck a warehouse in Pryluky overnight, the head of the "
                 "regional military administration, Viacheslav Chaus, said on Tuesday. "
                 "Two guards were wounded, he said.", "2025-02-04")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"].startswith("Viacheslav Chaus"), strike
    (wounded,) = of_type(events, "casualties")
    assert wounded["claimant"].startswith("Viacheslav Chaus"), wounded


def test_list_items_and_headings_are_sentences_of_their_own(run: Run) -> None:
    events = run(
        "Key developments\n"
        "- Russia's Defence Ministry said its troops had captured the village of "
        "Dachne.\n"
        "- The ministry also said air defences had shot down 41 Ukrainian drones over "
        "the Rostov region.\n"
        "- Ukraine's air force said it had downed 52 of 70 drones.", "2025-03-01")
    (capture,) = of_type(events, "territory.captured")
    assert capture["claimant"] == "Russian Ministry of Defence", capture
    assert "Key developments" not in capture["evidence"]["text"], capture
    lost = of_type(events, "equipment.lost")
    rostov = [e for e in lost if e["place"] and "Rostov" in e["place"]["name"]]
    assert rostov and rostov[0]["claimant"] == "Russian Ministry of Defence", lost


def test_a_hard_wrapped_sentence_is_not_cut_at_its_line_ends(run: Run) -> None:
    events = run("Russian troops shelled the village of Bilopillia overnight with mortars and\n"
                 "drones, wounding three residents, the regional administration said on\n"
                 "Monday in a statement posted to its website and relayed by local media.",
                 "2025-03-03")
    (wounded,) = of_type(events, "casualties")
    assert wounded["count"]["value"] == 3 and wounded["claimant"] is not None, wounded


def test_a_loss_tally_written_one_class_a_line(run: Run) -> None:
    events = run(
        "Estimated combat losses of the enemy from 24.02.2022 to 14.05.2025 amount to "
        "approximately:\n"
        "personnel - 968,200 (+1,050) persons\n"
        "tanks - 10,840 (+7)\n"
        "MLRS - 1,402\n"
        "helicopters - 335\n\n"
        "The figures are being updated.", "2025-05-14")
    casualties = of_type(events, "casualties")
    assert sorted(e["count"]["value"] for e in casualties) == [1050, 968200], casualties
    total = next(e for e in casualties if e["count"]["value"] == 968200)
    assert total["date"]["value"] == "2022-02-24/2025-05-14" and total["aggregate"], total
    assert total["count"]["qualifier"] == "about" and total["subtype"] == "mixed", total
    daily = next(e for e in casualties if e["count"]["value"] == 1050)
    assert daily["date"]["value"] == "2025-05-14" and daily["count"]["qualifier"] is None
    lost = sorted(e["count"]["value"] for e in of_type(events, "equipment.lost"))
    assert lost == [7, 335, 1402, 10840], lost


def test_a_list_of_figures_without_a_loss_line_is_no_tally(run: Run) -> None:
    events = run("Turnout by region:\nKyiv - 61,200\nLviv - 48,300\nOdesa - 39,100",
                 "2025-05-14")
    assert events == [], events


def test_a_headline_repeating_the_bodys_claim_is_not_a_mention_of_its_own(run: Run) -> None:
    events = run("Drones hit Kharkiv region overnight\n\nRussian drones struck a warehouse in "
                 "Chuhuiv overnight, the regional governor said on Friday.", "2025-05-16")
    strikes = of_type(events, "strike")
    assert len(strikes) == 1 and "warehouse" in strikes[0]["evidence"]["text"], strikes


def test_a_live_blogs_recap_retells_and_adds_no_mention(run: Run) -> None:
    events = run("10.05 BST\nRussian drones struck a grain silo in Izmail overnight, the "
                 "Odesa regional governor said.\n\n14.30 BST\nA quick recap: drones hit a "
                 "silo in Izmail and Kyiv is counting the damage.", "2025-05-16")
    strikes = of_type(events, "strike")
    assert len(strikes) == 1 and "recap" not in strikes[0]["evidence"]["text"], strikes


def test_a_part_of_a_figure_just_given_is_no_mention(run: Run) -> None:
    events = run("The monitors recorded 140 civilians killed in April across Ukraine. "
                 "Among them, 9 children were killed.", "2025-05-10")
    killed = of_type(events, "casualties")
    assert [e["count"]["value"] for e in killed] == [140], killed


def test_a_loss_tally_written_in_one_sentence_after_a_colon(run: Run) -> None:
    events = run(
        "Ukraine's forces killed 1,240 Russian soldiers over the past day, the General Staff "
        "said on Thursday.\n\n\"Russia's total combat losses from 24.02.2022 to 15.05.2025 "
        "were approximately: personnel - 969,450 (+1,240) people, tanks - 10,851 (+11), "
        "artillery systems - 25,310 (+40), helicopters - 335,\" the report says.",
        "2025-05-15")
    lost = of_type(events, "equipment.lost")
    assert sorted(e["count"]["value"] for e in lost) == [11, 40, 335, 10851, 25310], lost
    assert all(e["claimant"] == "General Staff of the Armed Forces of Ukraine"
               for e in lost), lost
    totals = [e for e in of_type(events, "casualties") if e["aggregate"]]
    assert [e["count"]["value"] for e in totals] == [969450], totals


def test_the_ministry_capitalised_still_refers_to_the_ministry_named_before(run: Run) -> None:
    events = run("The Russian Defence Ministry said its forces had taken the village of "
                 "Dachne. According to the Ministry, Ukraine lost up to 210 servicemen in the "
                 "Pokrovsk direction over the past day.", "2025-03-01")
    (lost,) = of_type(events, "casualties")
    assert lost["claimant"] == "Russian Ministry of Defence", lost


def test_a_channel_named_after_its_description_is_named_by_its_name(run: Run) -> None:
    events = run("A drone hit a fuel depot in Novozybkov overnight, the independent Telegram "
                 "channel Astra reported on Monday.", "2025-03-03")
    (strike,) = of_type(events, "strike")
    assert strike["claimant"] == "Astra", strike
    events = run("Russian troops entered the village of Dachne and took it, the pro-Kremlin "
                 "channel Rybar wrote on Monday.", "2025-03-03")
    (capture,) = of_type(events, "territory.captured")
    assert capture["claimant"] == "Rybar" and capture["claimant_actor"]["id"] == "ru-rybar", \
        capture


def test_partial_control_stated_in_the_present_is_a_partial_capture(run: Run) -> None:
    events = run("Russian troops now occupy about 60% of Toretsk, the analysts said on "
                 "Monday.", "2025-03-03")
    (capture,) = of_type(events, "territory.captured")
    assert capture["extent"] == "partial", capture
    events = run("The governor said Russian forces controlled about a third of the town of "
                 "Vovchansk.", "2025-03-03")
    (capture,) = of_type(events, "territory.captured")
    assert capture["extent"] == "partial", capture
    assert of_type(run("Ukrainian units still control positions around Pokrovsk, the "
                       "brigade said.", "2025-03-03"), "territory.captured") == []


def test_a_national_toll_of_civilians_has_no_place(run: Run) -> None:
    # decision 168 placed it at the country; decision 556 leaves it without a place
    events = run("The UN monitoring mission said at least 180 civilians were killed and 950 "
                 "injured across Ukraine in April.", "2025-05-09")
    tolls = of_type(events, "casualties")
    assert tolls and all(e["place"] is None for e in tolls), tolls
    events = run("Russia has lost about 950,000 troops in Ukraine since February 2022, the "
                 "General Staff said on Friday.", "2025-05-09")
    (lost,) = of_type(events, "casualties")
    assert lost["place"] is None, lost


def test_a_dateline_with_the_country_in_brackets_is_where_it_was_filed(run: Run) -> None:
    events = run("Izmail (Ukraine) (AFP) - Russian drones struck grain silos in Reni "
                 "overnight, the regional governor said on Friday.", "2025-05-16")
    (strike,) = of_type(events, "strike")
    assert strike["place"]["name"] == "Reni", strike


def test_a_running_total_listed_with_brackets_in_a_sentence(run: Run) -> None:
    events = run(
        "Russia's total combat losses from February 24, 2022, to May 15, 2025, amount to "
        "about 969,450 personnel, the General Staff said.\n\nUkraine's forces have also "
        "destroyed 10,851 (+11) tanks, 22,590 (+9) armored combat vehicles, 1,390 multiple "
        "launch rocket systems and 27,100 (+40) artillery systems, it said.", "2025-05-15")
    lost = of_type(events, "equipment.lost")
    assert sorted(e["count"]["value"] for e in lost) == [9, 11, 40, 1390, 10851, 22590,
                                                          27100], lost
    totals = [e for e in lost if e["aggregate"]]
    assert {e["date"]["value"] for e in totals} == {"2022-02-24/2025-05-15"}, totals
    (people,) = of_type(events, "casualties")
    assert people["date"]["value"] == "2022-02-24/2025-05-15", people


def test_a_capital_speaks_for_its_government_and_is_no_place(run: Run) -> None:
    events = run("Kiev had earlier claimed, on August 15, to have taken full control of "
                 "Sudzha.", "2025-08-20")
    (capture,) = of_type(events, "territory.captured")
    assert capture["place"]["name"] == "Sudzha", capture
    assert capture["claimant"] == "Ukrainian government", capture
    events = run("Moscow said its troops had captured Toretsk.", "2025-08-20")
    (capture,) = of_type(events, "territory.captured")
    assert capture["claimant_actor"]["id"] == "ru-government", capture


def test_the_administration_is_the_regional_body_named_before(run: Run) -> None:
    events = run("Evacuation has become a daily job in Donetsk Oblast. On Monday, the regional "
                 "military administration ordered families with children to leave eight more "
                 "villages.\n\nRussian forces struck Kramatorsk with guided bombs on Monday, "
                 "wounding four people, the administration said.", "2026-02-24")
    (strike,) = of_type(events, "strike")
    assert strike["claimant_actor"]["id"] == "ua-donetsk-ova", strike
