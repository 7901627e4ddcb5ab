"""The writer's background (captures of years before, told in one sentence with their
dates) and near-events that are no events (the sentences here are written for these
tests)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

VOVCHANSK, VYSOKOPILLIA, MARHANETS = 689304, 688689, 701855
HULIAIPOLE, HORLIVKA = 707898, 707753


def test_no_decision_on_an_evacuation_is_no_evacuation(run: Run) -> None:
    events = run("No decision has been taken on a mandatory evacuation of Marhanets, the "
                 "governor said. He said a decision on evacuating children from Nikopol "
                 "had not been made either.", "2025-06-14")
    assert not of_type(events, "civilians.evacuated"), events


def test_a_second_passive_verb_shares_the_place_it_is_said_of(run: Run) -> None:
    events = run("Vovchansk was occupied by Russian troops in the spring of 2022 and "
                 "retaken by Ukraine in September of that year.", "2025-06-14")
    captures = of_type(events, "territory.captured")
    assert sorted((place_id(e), e["date"]["value"]) for e in captures) == [
        (VOVCHANSK, "2022-03-01/2022-05-31"), (VOVCHANSK, "2022-09")], events


def test_it_as_the_object_of_a_capture_is_the_town_named_before(run: Run) -> None:
    events = run("In April 2022, Russian troops captured the town of Vysokopillia and held "
                 "it until Ukrainian forces liberated it in September of that year.",
                 "2025-06-14")
    captures = of_type(events, "territory.captured")
    assert sorted((place_id(e), e["date"]["value"]) for e in captures) == [
        (VYSOKOPILLIA, "2022-04"), (VYSOKOPILLIA, "2022-09")], events


def test_a_hromada_that_came_under_fire_is_where_the_strike_was(run: Run) -> None:
    events = run("Russian forces shelled the Nikopol district on Friday, the governor said. "
                 "The Marhanets hromada also came under fire in the afternoon.",
                 "2025-06-14")
    assert MARHANETS in [place_id(e) for e in of_type(events, "strike")], events


def test_a_demand_to_withdraw_is_no_withdrawal(run: Run) -> None:
    events = run("A source in the delegation said Russia had demanded that Ukraine pull its "
                 "troops out of the Donetsk region.", "2025-06-14")
    assert not of_type(events, "territory.withdrawn"), events


def test_losses_of_up_to_a_figure_by_direction(run: Run) -> None:
    events = run("The ministry said Ukrainian forces had lost up to 260 troops and 11 "
                 "armored vehicles in the Huliaipole direction over the past day.",
                 "2025-07-01")
    assert [(e["type"], e["count"]["value"], place_id(e)) for e in events] == [
        ("casualties", 260, HULIAIPOLE), ("equipment.lost", 11, HULIAIPOLE)], events


def test_a_town_the_sentence_opens_with_sets_the_scene(run: Run) -> None:
    events = run("In occupied Horlivka, the Russian-installed mayor Ivan Prikhodko claimed "
                 "that Ukrainian drone strikes had injured three people on Monday.",
                 "2025-07-01")
    assert sorted((e["type"], place_id(e)) for e in events) == [
        ("casualties", HORLIVKA), ("strike", HORLIVKA)], events


def test_an_aim_to_take_a_town_is_no_capture(run: Run) -> None:
    events = run("\"The enemy's goal is obvious: to take Huliaipole and push toward "
                 "Zaporizhzhia,\" the governor said.", "2025-10-20")
    assert not events, events


def test_where_after_a_town_in_a_region_is_the_town(run: Run) -> None:
    events = run("Battlegroup North units struck Ukrainian formations near Volchansk in the "
                 "Kharkov Region, where the enemy lost up to 80 troops, the ministry said.",
                 "2025-04-05")
    assert [(e["type"], place_id(e)) for e in events if e["type"] == "casualties"] == [
        ("casualties", VOVCHANSK)], events


def test_air_defence_figures_take_no_place_from_the_battle_before(run: Run) -> None:
    events = run("Battlegroup North units struck Ukrainian formations near Vovchansk, where "
                 "the enemy lost up to 110 troops and two pickup trucks.\n\nAir defense forces "
                 "shot down 140 fixed-wing drones over the past day, the ministry said.",
                 "2025-04-05")
    downed = [e for e in of_type(events, "equipment.lost") if e["count"]["value"] == 140]
    assert [place_id(e) for e in downed] == [None], events
