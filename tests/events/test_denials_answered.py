"""Claims and the denials that answer them, and who speaks for a unit or a general staff
(the sentences here are written for these tests)."""

from __future__ import annotations

from events_helpers import Run, of_type

KUPIANSK, DVORICHNA = 703656, 709399


def _denials(events: list[dict]) -> list[tuple[str, str | None]]:
    return [(e["type"], e["claimant"]) for e in events if e["modality"] == "denied"]


def test_held_by_the_defence_forces_denies_the_capture(run: Run) -> None:
    events = run("Russia's Defence Ministry said on Friday that its troops had taken the "
                 "northern part of Kupiansk. \"Kupiansk remains under the control of the "
                 "Ukrainian Defence Forces,\" the General Staff said.", "2025-06-14")
    assert _denials(events) == [("territory.captured", "General Staff")], events


def test_claims_called_premature_are_denied(run: Run) -> None:
    events = run("Russian war bloggers said on Tuesday that assault units had captured "
                 "Kupiansk. The monitoring group DeepState called the Russian claims "
                 "\"premature\".", "2025-06-14")
    assert _denials(events) == [("territory.captured", "DeepState")], events


def test_reports_of_casualties_called_fakes_deny_the_casualties_only(run: Run) -> None:
    events = run("A Russian channel claimed that a missile had hit a Ukrainian camp near "
                 "Kupiansk, killing up to 30 soldiers. Ukraine's Ground Forces called the "
                 "reports of casualties \"fakes\".", "2025-06-14")
    assert [t for t, _c in _denials(events)] == ["casualties"], events


def test_a_denial_answers_the_latest_claim_not_the_speakers_first(run: Run) -> None:
    events = run("The Russian Defence Ministry said 15 Ukrainian servicemen had surrendered "
                 "near Kupiansk.\n\nSeparately, Russia's Defence Ministry claimed on May 1 "
                 "that its troops had captured Dvorichna. In its evening report the same "
                 "day, Ukraine's General Staff denied the claim.", "2025-05-02")
    denied = [e for e in events if e["modality"] == "denied"]
    assert [(e["type"], e["place"]["geonameid"]) for e in denied] == [
        ("territory.captured", DVORICHNA)], events


def test_a_unit_does_not_deny_its_own_claim(run: Run) -> None:
    events = run("Five Russian soldiers surrendered to Ukraine's 47th Separate Mechanized "
                 "Brigade near Kupiansk, the brigade said on Monday. Russia's Defence "
                 "Ministry said on Tuesday that 12 servicemen of the 47th Brigade had "
                 "surrendered to Russian troops. The brigade called that claim \"a lie from "
                 "beginning to end.\"", "2025-06-12")
    surrendered = of_type(events, "personnel.surrendered")
    denied = [e for e in surrendered if e["modality"] == "denied"]
    assert len(denied) == 1 and denied[0]["count"] is None, events
    assert denied[0]["claimant"].startswith("47th Separate Mechanized Brigade"), events
    ours = [e for e in surrendered if e["count"] and e["count"]["value"] == 5]
    assert ours and ours[0]["claimant"].startswith("47th Separate Mechanized Brigade"), events


def test_the_brigade_is_the_brigade_named_last(run: Run) -> None:
    events = run("Ukraine's 93rd Mechanized Brigade said its drone operators destroyed 14 "
                 "Russian armored vehicles near Kupiansk on Tuesday.\n\nFive Russian "
                 "soldiers surrendered to Ukraine's 47th Separate Mechanized Brigade near "
                 "Kupiansk, the brigade said on Friday.", "2025-06-14")
    [surrender] = of_type(events, "personnel.surrendered")
    assert surrender["claimant"] == "47th Separate Mechanized Brigade (Ukraine)", events


def test_the_general_staff_is_not_the_chief_of_another_general_staff(run: Run) -> None:
    events = run("Russia's chief of the General Staff, Valery Gerasimov, told President "
                 "Vladimir Putin on Thursday that Kupiansk had been \"liberated\".\n\n"
                 "\"Kupiansk is under the control of the Defence Forces of Ukraine,\" the "
                 "General Staff said in a statement.", "2025-11-21")
    claim = [e for e in events if e["modality"] == "claimed"]
    assert [e["claimant"] for e in claim] == [
        "Valery Gerasimov (chief of the General Staff)"], events  # the article's words
    assert _denials(events) == [("territory.captured", "General Staff")], events
