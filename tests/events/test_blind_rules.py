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
