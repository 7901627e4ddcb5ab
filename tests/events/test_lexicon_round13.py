"""Round 13 of the Russian and Ukrainian lexicons and rules (issue 16). Every sentence here
was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday

KUPIANSK, IZYUM, KOSTIANTYNIVKA, KHERSON = 703656, 707292, 705104, 706448


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У вівторок окупанти вбили трьох жителів області: двох у Куп'янську та одного "
           "в Ізюмі."),
    ("ru", "Во вторник военные убили трёх жителей области: двоих в Купянске и одного в "
           "Изюме."),
])
def test_a_toll_shared_out_among_towns_after_a_colon(
        resources: Any, lang: str, text: str) -> None:
    got = of_type(_events(resources, text, lang), "casualties")
    shares = sorted((place_id(m), m["count"]["value"]) for m in got)
    assert shares == sorted([(KUPIANSK, 2), (IZYUM, 1)])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Херсоне за месяц выдано 730 паспортов жителям Каховки."),
    ("uk", "У Херсоні за місяць видали 730 паспортів жителям Каховки."),
])
def test_the_figure_of_passports_handed_out_counts_them(
        resources: Any, lang: str, text: str) -> None:
    (issued,) = of_type(_events(resources, text, lang), "passport.issued")
    assert issued["count"]["value"] == 730
