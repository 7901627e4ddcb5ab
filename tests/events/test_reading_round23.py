"""Round 23 of reading English reporting: a running total "since 24 February 2022" opened at
the head of the sentence runs to the day of the statement (decision 526); a figure over a
period or a counted tally of strikes is an aggregate (decision 527). The sentences are
written for these tests.
Guards, passing on the code before this round, keep the rules from reaching too far:
``test_a_figure_of_one_day_is_no_aggregate``."""

from __future__ import annotations

from events_helpers import Run, of_type


def test_a_running_total_opened_at_the_head_runs_to_the_statement(run: Run) -> None:
    events = run("Since 24 February 2022, the monitors have verified that at least 12,400 "
                 "civilians have been killed in Ukraine.", "2025-09-10")
    killed = of_type(events, "casualties")
    assert [e["date"]["value"] for e in killed] == ["2022-02-24/2025-09-10"], killed


def test_a_loss_confirmed_since_a_day_runs_to_now(run: Run) -> None:
    events = run("An open-source team has confirmed the loss of 3,900 Russian tanks since "
                 "February 24, 2022.", "2025-06-03")
    lost = of_type(events, "equipment.lost")
    assert [e["date"]["value"] for e in lost] == ["2022-02-24/2025-06-03"], lost


def test_a_figure_over_a_week_is_an_aggregate(run: Run) -> None:
    events = run("Last week, 140 people, including 41 children, were evacuated from "
                 "Kupiansk, the regional governor said.", "2025-03-12")
    moved = of_type(events, "civilians.evacuated")
    assert [(e["count"]["value"], e["aggregate"]) for e in moved] == [(140, True)], moved


def test_settlements_shelled_in_a_day_are_an_aggregate(run: Run) -> None:
    events = run("Russian forces shelled 31 settlements in the Kherson region on Monday, "
                 "the governor said.", "2025-03-11")
    hit = of_type(events, "strike")
    assert hit and all(e["aggregate"] for e in hit), hit


def test_a_figure_of_one_day_is_no_aggregate(run: Run) -> None:
    events = run("A missile strike on Sloviansk killed four civilians on Monday, the "
                 "governor said.", "2025-03-11")
    killed = of_type(events, "casualties")
    assert [(e["count"]["value"], e["aggregate"]) for e in killed] == [(4, False)], killed
