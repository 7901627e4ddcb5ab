"""Inside one article, the same role given two names is flagged (and only then)."""

from __future__ import annotations

from wirewatch.fuse.names import name_flags

GARBLED = (
    "Five residents of Avdiivka received Russian passports on Monday, according to Sergei "
    "Lavrik, the head of the Avdiivka district administration. The ceremony took place in "
    "the town's cultural centre. Lavrikov added that another 30 applications were being "
    "processed and that a second office would open in spring.")


def test_a_garbled_surname_of_a_role_holder_is_flagged_with_both_offsets() -> None:
    [f] = name_flags(GARBLED)
    assert f.role == "head of the avdiivka district administration"
    assert (f.name_a, f.name_b) == ("Sergei Lavrik", "Lavrikov")
    assert GARBLED[f.start_a:f.end_a] == "Sergei Lavrik"
    assert GARBLED[f.start_b:f.end_b] == "Lavrikov"


def test_one_role_two_full_names_is_flagged() -> None:
    text = ("The mayor of Horlivka, Ivan Prikhodko, said the shelling lasted all night. "
            "Later the mayor of Horlivka Pavel Sidorenko said the water supply was cut.")
    [f] = name_flags(text)
    assert {f.name_a, f.name_b} == {"Ivan Prikhodko", "Pavel Sidorenko"}
    assert "two names" in f.reason


def test_consistent_names_and_different_people_are_not_flagged() -> None:
    texts = [
        "President Vladimir Putin met President Volodymyr Zelensky's envoy. Putin said "
        "talks would continue; Zelensky said nothing.",
        "Denis Pushilin, the head of the Donetsk People's Republic, spoke on Monday. "
        "Pushilin said the road was open. Pushilin's office confirmed it.",
        "Oleh Syniehubov, the governor of Kharkiv region, said two people were hurt. "
        "Sinegubov is the Russian spelling used by some outlets; Syniehubov added that "
        "rescuers were at work.",
    ]
    assert name_flags(texts[0]) == []
    assert name_flags(texts[1]) == []
    # a transliteration that is not used as a speaker is not flagged...
    assert name_flags(texts[2]) == []
    # ...but one that speaks is
    [f] = name_flags(texts[2].replace("Sinegubov is", "Sinegubov said it is"))
    assert f.name_b == "Sinegubov"


def test_the_claimant_field_names_roles_too() -> None:
    text = "Oksana Lytvyn announced the evacuation. Lytvynenko said buses left at noon."
    ev = {"claimant": "Oksana Lytvyn (head of the Izium city military administration)"}
    [f] = name_flags(text, [ev])
    assert (f.name_a, f.name_b) == ("Oksana Lytvyn", "Lytvynenko")
