"""Claimant naming, one component for extraction and fusion: the canonical claimant a
speaker's words give, and the key that tells fusion two claimants are one source."""

from __future__ import annotations

import pytest

from wirewatch.events.codebook import load_codebook
from wirewatch.events.lexicon import load_lexicon
from wirewatch.events.naming import (
    PersonRegistry,
    canonical_conduit,
    canonical_name,
    claimant_key,
    role_after,
    role_before,
    role_of,
    role_patterns,
)
from wirewatch.fuse import claimants


@pytest.mark.parametrize(("claimant", "key"), [
    ("Russia's Defence Ministry", "org:russian ministry of defence"),
    ("the Russian Ministry of Defense", "org:russian ministry of defence"),
    ("Russian MoD", "org:russian ministry of defence"),
    ("the Russian MoD", "org:russian ministry of defence"),
    ("Russian Ministry of Defence", "org:russian ministry of defence"),
    ("Valery Gerasimov (Chief of the General Staff)", "person:gerasimov"),
    ("Gerasimov", "person:gerasimov"),
    ("officials", None),
    ("observers", None),
    ("military bloggers", None),
    ("some Russian officials", None),
    (None, None),
    ("", None),
])
def test_fold_keys_of_the_fusion_examples(claimant: str | None, key: str | None) -> None:
    assert claimant_key(claimant, load_lexicon()) == key
    assert claimants.claimant_key(claimant) == key  # fusion calls the same naming


def test_the_canonical_claimant_and_its_fold_key_agree_across_rewordings() -> None:
    book, lexicon = load_codebook(), load_lexicon()
    names = {canonical_name(w, book, lexicon) for w in
             ("Russia's Defence Ministry", "the Russian Ministry of Defense")}
    assert names == {"Russian Ministry of Defence"}
    keys = {claimant_key(w, lexicon) for w in
            ("Russia's Defence Ministry", "the Russian Ministry of Defense", "the Russian MoD",
             *names)}
    assert keys == {"org:russian ministry of defence"}


def test_relays_and_roles_are_named_with_the_lexicon() -> None:
    book, lexicon = load_codebook(), load_lexicon()
    registry = PersonRegistry()
    assert canonical_conduit("the Russian state news agency TASS", book, lexicon,
                             registry) == "TASS"
    assert canonical_name("The Russian-installed authorities in Enerhodar", book,
                          lexicon) == "Enerhodar occupation authorities"
    assert role_after(", the mayor of Donetsk, said", lexicon) == "mayor of Donetsk"
    assert role_after(", who runs the Donetsk city council, said", lexicon) == \
        "head of Donetsk city council"
    assert role_before("A Russian war correspondent, ", lexicon) == "war correspondent"
    registry.learn("Alexei Kulemin", "mayor of Donetsk")
    assert registry.describe("Kulemin") == "Alexei Kulemin (mayor of Donetsk)"


def test_role_patterns_find_role_holders() -> None:
    pats = role_patterns(load_lexicon())
    m = pats.name_role.search("said Sergei Lavrik, the head of the Avdiivka district "
                              "administration.")
    assert m is not None and m.group("name") == "Sergei Lavrik"
    assert role_of(m.group("role"), load_lexicon()) == \
        "head of the avdiivka district administration"
    c = pats.claimant.match("Oleh Syniehubov (governor)")
    assert c is not None and c.group("role") == "governor"
