"""Claimants, conduit chains and modality of officials and media (CODEBOOK.md section 5)."""

from __future__ import annotations

import pytest
from events_helpers import Run, of_type

from wirewatch.events.attribution import Source, party_or_media
from wirewatch.events.codebook import load_codebook
from wirewatch.events.lexicon import load_lexicon
from wirewatch.events.naming import canonical_name


@pytest.mark.parametrize(("words", "name"), [
    ("Russia's Defence Ministry", "Russian Ministry of Defence"),
    ("the Russian Ministry of Defense", "Russian Ministry of Defence"),
    ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine"),
    ("Ukraine's 24th Mechanised Brigade", "24th Mechanised Brigade (Ukraine)"),
    ("Authorities in the Kursk region", "Kursk regional authorities"),
    ("local authorities in Mezhova", "Mezhova local authorities"),
    ("The Russian-installed authorities in Enerhodar", "Enerhodar occupation authorities"),
    ("the Kharkiv regional governor", "governor of Kharkiv region"),
    ("Kyiv", "Ukrainian government"),
    ("Kiev", "Ukrainian government"),
    ("Moscow", "Russian government"),
])
def test_canonical_claimant_names(words: str, name: str) -> None:
    assert canonical_name(words, load_codebook(), load_lexicon()) == name


def test_unqualified_ministry_takes_the_side_of_the_claim() -> None:
    book = load_codebook()
    lexicon = load_lexicon()
    assert canonical_name("the Defence Ministry", book, lexicon, "RU") == \
        "Russian Ministry of Defence"
    assert canonical_name("the Defence Ministry", book, lexicon) == "Defence Ministry"


@pytest.mark.parametrize(("name", "modality"), [
    ("Russian Ministry of Defence", "claimed"),
    ("Vyacheslav Gladkov (governor of Belgorod region)", "claimed"),
    ("Ukrainian prosecutors", "claimed"),
    ("TASS", "reported"),
    ("Russian military bloggers", "reported"),
    ("Yegor Lavrov (war correspondent)", "reported"),
    ("Institute for the Study of War", "reported"),
])
def test_parties_claim_and_media_report(name: str, modality: str) -> None:
    assert party_or_media(Source(name), load_codebook()) == modality


def test_nested_speakers_make_a_chain_nearest_first(run: Run) -> None:
    [e] = run("Defence Minister Andrei Belousov reported to President Vladimir Putin that "
              "Toretsk had been fully liberated, the Kremlin said.")
    assert e["claimant"].startswith("Andrei Belousov")
    assert e["conduit"] == ["Kremlin"]


def test_agency_quoting_the_ministry(run: Run) -> None:
    [e] = run("The state news agency TASS, quoting the Defence Ministry, reported that Russian "
              "units had captured Kurakhove.")
    assert e["claimant"] == "Russian Ministry of Defence"
    assert e["conduit"] == ["TASS"]


def test_according_to_names_the_claimant(run: Run) -> None:
    [e] = run("Ukrainian forces have withdrawn from Mariinka, according to the Ukrainian "
              "General Staff.")
    assert e["claimant"] == "General Staff of the Armed Forces of Ukraine"
    assert e["modality"] == "claimed"


def test_reports_from_an_agency_make_it_the_claimant(run: Run) -> None:
    [e] = run("Reports from RIA Novosti suggest that Ukrainian troops have abandoned their "
              "positions in Vuhledar.")
    assert e["claimant"] == "RIA Novosti" and e["modality"] == "reported"


def test_according_to_with_a_speaker_is_a_conduit(run: Run) -> None:
    [e] = run("Valery Gerasimov told President Vladimir Putin that Russian troops had "
              "captured Toretsk, according to Kremlin spokesman Dmitry Peskov, who was quoted "
              "by TASS.")
    assert e["claimant"].startswith("Valery Gerasimov")
    assert e["conduit"] == ["Dmitry Peskov", "TASS"]


def test_surname_later_gets_the_full_name_and_role(run: Run) -> None:
    text = ("Alexei Kulemin, the mayor of Donetsk, wrote on his Telegram channel that 20 "
            "residents of Kurakhove had received Russian passports. According to Kulemin, "
            "another 30 residents of Kurakhove will receive Russian passports next week.")
    events = of_type(run(text, "2025-05-16"), "passport.issued")
    assert len(events) == 2
    assert all(e["claimant"] == "Alexei Kulemin (mayor of Donetsk)" for e in events)


def test_a_post_carried_by_channels_then_the_same_post(run: Run) -> None:
    text = ("Russian units are said to have raised their flag over Toretsk, according to a "
            "post circulated by pro-Russian channels. The same post claimed that two Ukrainian "
            "tanks had been destroyed in the town.")
    events = run(text)
    [cap] = of_type(events, "territory.captured")
    [eq] = of_type(events, "equipment.lost")
    assert cap["claimant"] == eq["claimant"] == "pro-Russian channels"
    assert cap["modality"] == "hedged" and eq["modality"] == "reported"


def test_a_closing_speaker_named_after_a_comma_is_found(run: Run) -> None:
    events = run("Russian forces shelled the Kutsurub community of Mykolaiv region over the "
                 "past day, damaging a school, a house and a power line, the head of the "
                 "Mykolaiv Regional Military Administration, Vitaliy Kim, reported on "
                 "Telegram on Tuesday morning.", "2025-08-19")
    assert events and all((e["claimant"] or "").startswith("Vitaliy Kim") for e in events), \
        events
