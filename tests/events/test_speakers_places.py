"""Where a local official's report places an event, which office holder a title names,
and a claim the writer puts in quotes (the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type, place_id

KHERSON, KHARKIV, VELYKA_NOVOSILKA, OLESHKY = 706448, 706483, 690237, 691037


def test_a_mayors_report_is_placed_in_the_mayors_town(run: Run) -> None:
    events = run("Russian artillery hit the museum building again on Tuesday, the mayor of "
                 "Kherson said.", "2025-08-26")
    assert [place_id(e) for e in of_type(events, "strike")] == [KHERSON], events


def test_a_title_with_a_town_is_not_another_towns_office_holder(run: Run) -> None:
    events = run("Russian artillery hit the museum building again on Tuesday, the mayor of "
                 "Kherson said.\n\nA drone hit a school, Kharkiv Mayor Ihor Terekhov said.",
                 "2025-08-26")
    by_place = {place_id(e): e["claimant"] for e in of_type(events, "strike")}
    assert by_place[KHERSON] == "mayor of Kherson", events
    assert by_place[KHARKIV].startswith("Ihor Terekhov"), events


def test_a_capture_the_writer_puts_in_quotes_is_still_the_claim(run: Run) -> None:
    events = run("The Russian Defence Ministry announced the \"liberation\" of Velyka "
                 "Novosilka on Sunday.", "2025-01-27")
    captures = of_type(events, "territory.captured")
    assert [(place_id(e), e["modality"]) for e in captures] == [
        (VELYKA_NOVOSILKA, "claimed")], events


def test_the_region_of_a_closing_speakers_title_is_not_where_the_losses_were(run: Run) -> None:
    events = run("Ukrainian armed formations shelled the town of Aleshki on the left bank of "
                 "the Dnieper on Monday, killing two civilians and wounding five, the governor "
                 "of the Kherson region, Vladimir Saldo, said on Tuesday.", "2025-10-14")
    assert {place_id(e) for e in events} == {OLESHKY}, events
