"""eval/score_events.py counts a claimant right when it names the same source."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "eval"))

from score_events import CHECKS

CLAIMANT = dict(CHECKS)["claimant"]


def test_the_same_body_spelt_otherwise_is_the_same_claimant() -> None:
    gold = {"claimant": "Ukrainian General Staff", "claimant_actor": "ua-general-staff"}
    pred = {"claimant": "General Staff of the Armed Forces of Ukraine",
            "claimant_actor": {"id": "ua-general-staff"}}
    assert CLAIMANT(gold, pred)


def test_another_body_is_another_claimant() -> None:
    gold = {"claimant": "Ukrainian General Staff", "claimant_actor": "ua-general-staff"}
    pred = {"claimant": "Russian Ministry of Defence", "claimant_actor": {"id": "ru-mod"}}
    assert not CLAIMANT(gold, pred)


def test_a_role_without_the_name_the_text_gives_is_not_the_person() -> None:
    gold = {"claimant": "Vadym Filashkin (governor of Donetsk region)",
            "claimant_actor": "ua-filashkin"}
    pred = {"claimant": "head of the regional military administration",
            "claimant_actor": {"id": "ua-filashkin"}}
    assert not CLAIMANT(gold, pred)
