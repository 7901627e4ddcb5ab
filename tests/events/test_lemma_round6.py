"""Round 6 of the Russian and Ukrainian lemma rules: regions listed before one plural noun,
lists of places past the trigger's window, evacuations from several communities, the aim
of an offensive, counts of settlements taken, decimal thousands, scare quotes inside a
trigger, weekdays that are prepositions, claimants carried over a bulletin's forces and
surnames in a case form. Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in

PUB = date(2025, 3, 14)  # a Friday
KHARKIV_OBL, SUMY_OBL, CHERNIHIV_OBL, KURSK_OBL = 706482, 692196, 710734, 538555
KYIV_OBL, POLTAVA_OBL = 703446, 696634


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


def _places(events: list[dict[str, Any]], etype: str) -> set[int | None]:
    return {(e["place"] or {}).get("geonameid") for e in events if e["type"] == etype}


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Ночью беспилотники атаковали объекты в Харьковской, Сумской и Черниговской "
           "областях.", {KHARKIV_OBL, SUMY_OBL, CHERNIHIV_OBL}),
    ("uk", "Удари припали на енергетичні об'єкти в Київській та Полтавській областях.",
     {KYIV_OBL, POLTAVA_OBL}),
])
def test_each_region_adjective_before_one_plural_noun_is_a_region(
        resources: Any, lang: str, text: str, want: set[int]) -> None:
    assert _places(_events(resources, text, lang), "strike") == want


def test_a_list_of_targets_goes_on_past_the_triggers_window(resources: Any) -> None:
    text = ("Увечері окупанти обстріляли з мінометів, артилерії та ударних дронів Херсон, "
            "Білозерку й Антонівку.")
    got = _events(resources, text, "uk")
    assert len(_places(got, "strike")) == 3


def test_an_evacuation_from_several_communities_is_one_mention_each(resources: Any) -> None:
    text = "З Куп'янської та Борівської громад за тиждень евакуювали 64 людини."
    got = [e for e in _events(resources, text, "uk") if e["type"] == "civilians.evacuated"]
    assert len(got) == 2
    assert {e["count"]["value"] for e in got} == {64}


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("ru", "Противник начал наступление в Харьковской области в направлении Купянска.",
     703656),
    ("uk", "Ворог розпочав наступ на Донеччині в бік Костянтинівки.", 705104),
])
def test_an_offensive_is_at_the_town_it_is_aimed_at(resources: Any, lang: str, text: str,
                                                     town: int) -> None:
    got = _events(resources, text, lang)
    assert _places(got, "offensive.launched") == {town}  # Kupiansk, Kostiantynivka


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("ru", "В Курской области противник за неделю захватил 12 населённых пунктов области.", 12),
    ("uk", "Сили оборони звільнили понад 20 населених пунктів, заявив Олександр Сирський.", 20),
])
def test_a_count_of_settlements_taken_is_one_tally(resources: Any, lang: str, text: str,
                                                   count: int) -> None:
    got = [e for e in _events(resources, text, lang) if e["type"] == "territory.captured"]
    assert len(got) == 1
    assert got[0]["count"]["value"] == count and got[0]["aggregate"] is True


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ru", "С начала года российские паспорта получили 4,5 тысячи жителей области.", 4500),
    ("uk", "Окупанти видали російські паспорти понад 1,5 мільйона мешканців.", 1500000),
])
def test_a_decimal_figure_before_thousands_is_read_whole(resources: Any, lang: str,
                                                         text: str, value: int) -> None:
    got = [e for e in _events(resources, text, lang) if e["type"] == "passport.issued"]
    assert got and got[0]["count"]["value"] == value


def test_scare_quotes_do_not_break_a_trigger(resources: Any) -> None:
    text = "Пропагандисты утверждают, что гарнизон Покровска оказался в «котле»."
    got = _events(resources, text, "ru")
    assert [e["type"] for e in got] == ["territory.encircled"]


def test_an_offer_to_lay_down_arms_is_no_surrender(resources: Any) -> None:
    text = "Командование предложило окружённым под Курахово сложить оружие."
    assert not [e for e in _events(resources, text, "ru")
                if e["type"] == "personnel.surrendered"]


def test_among_them_is_no_wednesday(resources: Any) -> None:
    text = "У Харкові поранені 12 людей, серед них двоє дітей."
    (got,) = [e for e in _events(resources, text, "uk") if e["type"] == "casualties"]
    assert got["date"]["value"] == PUB.isoformat()
    assert got["count"]["value"] == 12  # the figure right after the trigger, not "двоє"


def test_a_bulletin_naming_only_forces_keeps_its_speaker(resources: Any) -> None:
    text = ("Подразделения группировки войск «Юг» улучшили положение под Северском, "
            "сообщили в Минобороны России. Потери ВСУ на этом направлении составили до "
            "140 военнослужащих.")
    got = [e for e in _events(resources, text, "ru") if e["type"] == "casualties"]
    assert got and got[0]["claimant"] == "Ministry of Defence of Russia"
    assert got[0]["modality"] == "claimed"


def test_a_surname_in_a_case_form_names_the_speaker(resources: Any) -> None:
    text = "За словами Синєгубова, вранці росіяни обстріляли Ізюм."
    (got,) = [e for e in _events(resources, text, "uk") if e["type"] == "strike"]
    assert got["claimant"] is not None and got["claimant"].startswith("Oleh Syniehubov")
