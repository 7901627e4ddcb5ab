"""Reading across sentences: losses told right after their strike, a bulletin going on
for several paragraphs without repeating who speaks, and the writer's background that
does not go on with it (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

KLIMOVO, NIKOPOL, KUPIANSK = 547591, 700051, 703656


def test_losses_told_after_a_strike_take_its_place_and_date(run: Run) -> None:
    events = run("On the night of March 3, a Shahed drone hit a warehouse in Nikopol. Three "
                 "workers were wounded, the regional governor said.", "2025-03-04")
    wounded = of_type(events, "casualties")
    assert [(place_id(e), e["date"]["value"]) for e in wounded] == [
        (NIKOPOL, "2025-03-03")], events


def test_losses_after_an_unrelated_sentence_keep_no_place(run: Run) -> None:
    events = run("A Shahed drone hit a warehouse in Nikopol on Monday.\n\nThe governor "
                 "thanked the rescuers. Across the country, 14 civilians were killed over "
                 "the past day, the prosecutor general said.", "2025-03-04")
    assert [place_id(e) for e in of_type(events, "casualties")] == [None], events


def test_a_when_clause_on_the_day_shares_place_and_speaker(run: Run) -> None:
    events = run("Bryansk Governor Alexander Bogomaz said two people were wounded on "
                 "Wednesday when a drone hit a car in the village of Klimovo.", "2025-03-05")
    wounded = of_type(events, "casualties")
    strike = of_type(events, "strike")
    assert [place_id(e) for e in wounded] == [KLIMOVO], events
    assert [(place_id(e), e["modality"]) for e in strike] == [(KLIMOVO, "claimed")], events
    assert strike[0]["claimant"] == wounded[0]["claimant"], events


BULLETIN = (
    "Russian troops shelled 11 settlements in Kharkiv Oblast over the past day, the head "
    "of the regional military administration, Oleh Syniehubov, reported on Friday.\n\n"
    "In Kupiansk, artillery fire damaged a school and two houses.\n\n"
    "The occupiers also dropped guided bombs on Borova and Izium.\n\n")


def test_a_bulletin_goes_on_without_repeating_who_speaks(run: Run) -> None:
    events = run(BULLETIN, "2025-03-07")
    strikes = of_type(events, "strike")
    later = [e for e in strikes if place_id(e) != 702658 and e["evidence"]["start"] > 150]
    assert later and all(e["claimant"] and "Syniehubov" in e["claimant"] for e in later), \
        events
    assert all(e["modality"] == "claimed" for e in later), events


def test_the_writers_background_does_not_go_on_with_the_statement(run: Run) -> None:
    text = BULLETIN + ("Russian forces captured Kupiansk in the first weeks of the invasion "
                       "in February 2022.")
    captured = of_type(run(text, "2025-03-07"), "territory.captured")
    assert [(place_id(e), e["claimant"]) for e in captured] == [(KUPIANSK, None)], captured


def test_another_speaker_in_between_ends_the_statement(run: Run) -> None:
    text = ("Russian troops shelled 11 settlements in Kharkiv Oblast over the past day, "
            "Governor Oleh Syniehubov reported on Friday.\n\nZelensky told reporters that "
            "more air defence was needed.\n\nArtillery fire damaged a school in Kupiansk.")
    strikes = [e for e in of_type(run(text, "2025-03-07"), "strike")
               if place_id(e) == KUPIANSK]
    assert [e["claimant"] for e in strikes] == [None], strikes


def test_the_head_of_the_rma_is_the_head_named_before(run: Run) -> None:
    text = ("Ivan Fedorov, head of the Zaporizhzhia Regional Military Administration, said "
            "on Monday that Russian troops had shelled 9 settlements in the region.\n\n"
            "In Stepnohirsk, a drone hit a house, wounding a woman, the head of the RMA "
            "said.")
    later = [e for e in run(text, "2025-03-04") if e["evidence"]["start"] > 140]
    assert later and all(e["claimant"].startswith("Ivan Fedorov") for e in later), later


def test_the_head_of_another_administration_is_not_the_one_named_before(run: Run) -> None:
    text = ("Ivan Fedorov, head of the Zaporizhzhia Regional Military Administration, said "
            "on Monday that Russian troops had shelled 9 settlements in the region.\n\n"
            "Russian drones struck a depot in Kupiansk, the head of the Russian-installed "
            "administration said.")
    later = [e for e in run(text, "2025-03-04") if place_id(e) == KUPIANSK]
    assert later and not any("Fedorov" in (e["claimant"] or "") for e in later), later


def test_the_city_is_the_town_its_own_sentence_names(run: Run) -> None:
    text = ("A missile attack on Nikopol on Sunday damaged a substation, the governor "
            "said.\n\nIn Kupiansk, the head of the military administration said air "
            "defences had shot down five drones over the city overnight.")
    lost = of_type(run(text, "2025-03-04"), "equipment.lost")
    assert [place_id(e) for e in lost] == [KUPIANSK], lost


def test_no_one_hurt_after_a_strike_is_no_event(run: Run) -> None:
    events = run("Russian troops also fired on Nikopol, where a shop and a car were damaged. "
                 "No one was injured there, according to Lysak.", "2025-03-04")
    assert of_type(events, "casualties") == [], events


def test_no_one_killed_answering_a_claim_is_a_denial(run: Run) -> None:
    events = run("Russia said its strike on Kupiansk killed 30 soldiers. Ukraine's military "
                 "said no one was killed in Kupiansk.", "2025-03-04")
    assert "denied" in {e["modality"] for e in of_type(events, "casualties")}, events


def test_a_capture_told_in_a_relative_clause_is_at_the_town_it_hangs_on(run: Run) -> None:
    events = run("Shelling continued near Kupiansk and Nikopol, which Ukrainian forces "
                 "recaptured in May 2022, the governor said.", "2025-03-04")
    captured = of_type(events, "territory.captured")
    assert [(place_id(e), e["date"]["value"]) for e in captured] == [(NIKOPOL, "2022-05")], \
        captured


def test_the_region_is_the_one_the_speaker_is_named_for(run: Run) -> None:
    events = run("Kharkiv regional governor Oleh Syniehubov said Russian forces struck 14 "
                 "settlements in the region.\n\nThe head of the Kherson regional military "
                 "administration, Oleksandr Prokudin, said Russian troops hit 38 settlements "
                 "in the region over the weekend.", "2025-11-24")
    strikes = {e["count"]["value"]: place_id(e) for e in of_type(events, "strike")}
    assert strikes == {14: 706482, 38: 706442}, events


def test_the_weekend_is_the_saturday_and_sunday_before(run: Run) -> None:
    events = run("Over the weekend, Russian troops shelled 37 settlements in the Kherson "
                 "region, the governor said on Monday. Drones struck residential areas of "
                 "Beryslav and Bilozerka.", "2025-05-12")
    assert {e["date"]["value"] for e in of_type(events, "strike")} == {
        "2025-05-10/2025-05-11"}, events


def test_two_days_in_a_row_are_one_range(run: Run) -> None:
    events = run("The Russian army carried out 486 attacks on the Kherson region on Saturday "
                 "and Sunday, the governor said.", "2025-05-12")
    assert [e["date"]["value"] for e in of_type(events, "strike")] == [
        "2025-05-10/2025-05-11"], events


def test_an_agencys_own_dateline_and_the_bulletins_weekend(run: Run) -> None:
    events = run("BELGOROD. Jan 20 (Interfax) - The Ukrainian armed forces carried out 164 "
                 "attacks on 22 settlements in the Belgorod region over the weekend, Governor "
                 "Vyacheslav Gladkov said on Monday.\n\nShebekino and Grayvoron came under "
                 "fire from artillery and drones, the governor said. Over the past day, a "
                 "drone hit a car in Shebekino.", "2025-01-20")
    dates = sorted((e["date"]["value"], place_id(e)) for e in of_type(events, "strike"))
    assert ("2025-01-18/2025-01-19", 578071) in dates, events
    assert ("2025-01-18/2025-01-19", 559034) in dates, events
    assert ("2025-01-20", 495112) in dates, events
