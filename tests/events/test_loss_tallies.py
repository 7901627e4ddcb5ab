"""Loss tallies as the two sides' bulletins write them: running totals with the day's part
in brackets, totals stated in the present, kinds sharing one figure, munitions shot down,
and losses placed by "there" (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

KOSTIANTYNIVKA = 705104

TALLY = (
    "KYIV, Nov. 4 (Ukrinform) - Russia has lost about 954,300 troops since the start of "
    "the full-scale invasion, the General Staff of the Armed Forces of Ukraine said on "
    "Tuesday.\n\nRussian losses since February 24, 2022 also include 11,310 (+3) tanks, "
    "23,480 (+7) armored fighting vehicles, 1,520 multiple rocket launchers, 19 ships and "
    "boats, and 61,250 (+88) vehicles and fuel trucks, the General Staff said."
)


def _equipment(events: list[dict]) -> list[tuple[str, int, bool]]:
    return sorted((e["equipment"], e["count"]["value"], e["aggregate"])
                  for e in of_type(events, "equipment.lost"))


def test_a_tally_with_the_days_part_between_figure_and_kind(run: Run) -> None:
    events = run(TALLY, "2025-11-04")
    assert _equipment(events) == [
        ("armored fighting vehicles", 7, False), ("armored fighting vehicles", 23480, True),
        ("multiple rocket launchers", 1520, True),
        ("ships and boats", 19, True),
        ("tanks", 3, False), ("tanks", 11310, True),
        ("vehicles and fuel trucks", 88, False), ("vehicles and fuel trucks", 61250, True),
    ], events
    day = [e for e in of_type(events, "equipment.lost") if not e["aggregate"]]
    assert {e["date"]["value"] for e in day} == {"2025-11-04"}, day
    total = [e for e in of_type(events, "equipment.lost") if e["aggregate"]]
    assert {e["date"]["value"] for e in total} == {"2022-02-24/2025-11-04"}, total


def test_a_tally_without_a_publication_date_is_still_read(run: Run) -> None:
    # an open-ended total ("since 2022", no date to end it) has no known day for its part
    events = run("Russian losses since February 24, 2022 include 11,310 (+3) tanks, the "
                 "General Staff said.")
    assert sorted((e["count"]["value"], e["date"]["value"])
                  for e in of_type(events, "equipment.lost")) == [
        (3, None), (11310, "2022-02-24/..")], events


def test_a_report_listing_losses_as_figures(run: Run) -> None:
    events = run("The Defence Ministry in Moscow gave its own figures on Monday. The "
                 "statement listed Ukraine's losses since the start of the year as 2,140 "
                 "tanks and 6,020 artillery systems.", "2025-06-02")
    assert sorted((e["equipment"], e["count"]["value"]) for e in of_type(
        events, "equipment.lost")) == [("artillery systems", 6020), ("tanks", 2140)], events


def test_munitions_shot_down_are_losses_and_the_part_counts(run: Run) -> None:
    events = run("The Air Force said on Sunday that air defences had intercepted eight of "
                 "ten Kh-101 cruise missiles launched overnight.", "2025-05-18")
    assert [(e["count"]["value"], e["equipment"]) for e in of_type(
        events, "equipment.lost")] == [(8, "Kh-101 cruise missiles")], events


def test_losses_there_are_at_the_town_of_the_sentence_before(run: Run) -> None:
    events = run("Units of the Southern group pushed back two Ukrainian brigades near "
                 "Kupiansk over the past day, with the enemy losing up to 90 troops. "
                 "Other units repelled attacks near Konstantinovka. Ukrainian losses there "
                 "amounted to up to 140 personnel, the ministry said.", "2025-04-10")
    counts = {e["count"]["value"]: place_id(e) for e in of_type(events, "casualties")}
    assert counts.get(140) == KOSTIANTYNIVKA, events


UKRINFORM_STYLE = (
    "The total combat losses of the Russian forces in Ukraine from February 24, 2022 to "
    "November 4, 2025 are estimated at about 954,300 personnel.\n\nThis was reported by the "
    "General Staff of the Armed Forces of Ukraine on Facebook.\n\nAccording to the General "
    "Staff, Ukraine's Defense Forces have also destroyed 11,310 (+3) Russian tanks, 23,480 "
    "(+7) armored combat vehicles and 428 aircraft.\n\nIn the Pokrovsk direction, according "
    "to preliminary estimates, 64 occupiers were killed today."
)


def test_a_general_staff_tally_as_a_news_agency_retells_it(run: Run) -> None:
    events = run(UKRINFORM_STYLE, "2025-11-04")
    staff = "General Staff of the Armed Forces of Ukraine"
    assert {e["claimant"] for e in events} == {staff}, events
    [total] = [e for e in of_type(events, "casualties") if e["aggregate"]]
    assert (total["count"]["value"], total["date"]["value"]) == (
        954300, "2022-02-24/2025-11-04"), total
    assert _equipment(events) == [
        ("aircraft", 428, True), ("armored combat vehicles", 7, False),
        ("armored combat vehicles", 23480, True), ("tanks", 3, False),
        ("tanks", 11310, True)], events


def test_a_tally_of_settlements_taken_in_a_list_of_regions(run: Run) -> None:
    events = run("The Russian Defence Ministry said on Monday that Russian forces had captured "
                 "23 settlements in the Donetsk, Luhansk and Zaporizhzhia regions since the "
                 "start of October.", "2025-10-27")
    captures = of_type(events, "territory.captured")
    assert sorted(place_id(e) for e in captures) == [687699, 702657, 709716], events
    assert {(e["count"]["value"], e["date"]["value"]) for e in captures} == {
        (23, "2025-10-01/2025-10-27")}, events


def test_a_tally_of_settlements_taken_needs_no_place(run: Run) -> None:
    events = run("Defence Minister Andrei Belousov said Russian forces had taken control of "
                 "190 settlements since the start of this year.", "2025-10-27")
    [capture] = of_type(events, "territory.captured")
    assert (place_id(capture), capture["count"]["value"]) == (None, 190), events


def test_a_running_total_of_tanks_is_no_capture(run: Run) -> None:
    events = run("Ukrainian forces destroyed three tanks over the past day, bringing the total "
                 "number of Russian tanks lost to 11,203, the General Staff said.",
                 "2025-06-10")
    assert not of_type(events, "territory.captured"), events


def test_a_regions_tally_with_losses_in_its_towns_is_a_strike_at_each(run: Run) -> None:
    events = run("Kharkiv regional governor Oleh Syniehubov said on Friday that Russian forces "
                 "had struck 14 settlements in the region over the past day, killing a "
                 "71-year-old man in Kivsharivka and wounding three people in Kharkiv.",
                 "2025-06-13")
    assert sorted(place_id(e) for e in of_type(events, "strike")) == [
        704608, 706482, 706483], events


def test_losses_of_up_to_a_figure_read_as_a_particle(run: Run) -> None:
    events = run("It also claimed that Ukrainian forces had lost up to 260 troops and 11 "
                 "armored vehicles in the Huliaipole direction in the past day.", "2025-10-22")
    assert sorted((e["type"], e["count"]["value"]) for e in events) == [
        ("casualties", 260), ("equipment.lost", 11)], events


def test_motorcycles_of_assault_groups_are_equipment(run: Run) -> None:
    events = run("The corps said its units had destroyed 11 Russian motorcycles and three "
                 "armored vehicles near Pokrovsk over the past day.", "2025-11-04")
    assert _equipment(events) == [("armored vehicles", 3, False),
                                  ("motorcycles", 11, False)], events


def test_a_town_that_only_locates_another_is_no_member_of_a_list(run: Run) -> None:
    events = run("Russian troops completed the liberation of Krasnarmeysk in Donetsk and "
                 "Volchansk in the Kharkiv region, the ministry said.", "2025-11-21")
    places = [place_id(e) for e in of_type(events, "territory.captured")]
    assert 704422 in places and 709717 not in places, events  # Pokrovsk; not Donetsk city
