"""Russian and Ukrainian reading, round ruuk20 (decisions 460-465). Every sentence here was
written for these tests; each test fails on the code before its decision, and its docstring
names the guard it checks (what must not change with it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events_helpers import of_type, place_id

PUB = date(2025, 10, 15)  # a Wednesday
SIVERSK, CHASIV_YAR, TORETSK, KUPIANSK = 694403, 710915, 709354, 703656
POKROVSK, SHOSTKA, KRASNOPILLIA = 704422, 693942, 704343


def _events(resources: Any, text: str, lang: str, published: date = PUB
            ) -> list[dict[str, Any]]:
    """The contract JSON of the events of one text read in ``lang``."""
    from wirewatch.document import Document
    from wirewatch.pipeline import extract

    (result,) = extract([Document("d", text, published=published, lang=lang)], resources)
    return [e.to_dict() for e in result.events]


def test_a_town_held_by_the_defenders_denies_its_capture(resources: Any) -> None:
    """Decision 460. Guard: a town of Russia held by Ukraine's forces is no denial."""
    text = ("Минобороны России заявило о взятии Северска. Трегубов ответил коротко: "
            "город и сейчас под нашим контролем.")
    got = sorted((e["modality"], place_id(e))
                 for e in of_type(_events(resources, text, "ru"), "territory.captured"))
    assert got == [("claimed", SIVERSK), ("denied", SIVERSK)], got
    text = "Куп'янськ під контролем Сил оборони, заявили в Генштабі ЗСУ."
    (held,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert (held["modality"], place_id(held)) == ("denied", KUPIANSK), held
    text = "Глушково под контролем ВСУ, утверждают в Киеве."
    assert not of_type(_events(resources, text, "ru"), "territory.captured")


def test_a_town_held_by_the_attackers_is_a_capture_claim(resources: Any) -> None:
    """Decision 460. Guard: the part held, written before the words of holding, makes the
    capture partial; a town "under our control" in a Ukrainian spokesman's words stays a
    denial (the test above)."""
    text = "Уже около 60% Часова Яра под контролем российских подразделений, по словам " \
        "Пушилина."
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert (place_id(taken), taken["modality"], taken["extent"]) == (
        CHASIV_YAR, "claimed", "partial"), taken
    text = "За словами Трегубова, під контролем окупантів перебуває близько половини Торецька."
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert (place_id(taken), taken["extent"]) == (TORETSK, "partial"), taken


def test_a_foothold_taken_is_a_partial_capture(resources: Any) -> None:
    """Decision 461. Guard: a foothold the enemy failed to take is none."""
    text = "Штурмовые отряды закрепились в южной части Торецка, пишет Рыбарь."
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert (place_id(taken), taken["extent"], taken["modality"]) == (
        TORETSK, "partial", "reported"), taken
    text = "Ворог пробує заходити дрібними групами, але закріпитися в Торецьку йому не вдалося."
    assert not of_type(_events(resources, text, "uk"), "territory.captured")


def test_a_region_listed_with_its_noun_left_out_after_a_comma(resources: Any) -> None:
    """Decision 462. Guard: the first region, written with its noun, stays."""
    text = "Над Брянской областью уничтожены 11 беспилотников, Курской — шесть, Орловской — два."
    got = sorted(((e["place"] or {}).get("name"), e["count"]["value"])
                 for e in of_type(_events(resources, text, "ru"), "equipment.lost"))
    assert got == [("Bryansk Oblast", 11), ("Kursk Oblast", 6), ("Orel Oblast", 2)], got


def test_a_country_beside_the_town_taken_is_not_taken(resources: Any) -> None:
    """Decision 463. Guard: the town named by its Russian name is still found."""
    text = "Відомство Бєлоусова заявило про повний контроль над містом, яке в Росії досі " \
        "кличуть Красноармійськом."
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert place_id(taken) == POKROVSK, taken


def test_a_bulleted_list_of_losses_gives_one_mention_a_line(resources: Any) -> None:
    """Decision 464. Guard: the verb that opens the list gives no mention of its own, and
    the losses told after the list keep their own figure."""
    text = ("За минулий тиждень наші оператори дронів на Покровському напрямку уразили:\n"
            "▪️ 4 танки\n▪️ 7 ББМ\n▪️ 2 гармати\nЗнищено 55 окупантів.")
    events = _events(resources, text, "uk")
    got = sorted((e["equipment"], e["count"]["value"], place_id(e), e["aggregate"])
                 for e in of_type(events, "equipment.lost"))
    assert got == [("armoured vehicle", 7, POKROVSK, True), ("gun", 2, POKROVSK, True),
                   ("tank", 4, POKROVSK, True)], got
    assert [e["count"]["value"] for e in of_type(events, "casualties")] == [55]


def test_a_day_named_later_dates_its_own_paragraph_only(resources: Any) -> None:
    """Decision 465. Guard: the paragraph that names the earlier day keeps it; a story
    that opens with no statement of the past day keeps the day it names later."""
    text = ("Протягом минулої доби росіяни обстріляли 9 населених пунктів Сумщини, повідомив у "
            "середу, 15 жовтня, голова ОВА.\n\nУ вівторок увечері дрон атакував Шостку.\n\n"
            "Краснопілля знову обстрілювали з артилерії.")
    days = {place_id(e): e["date"]["value"] for e in of_type(_events(resources, text, "uk"),
                                                               "strike")}
    assert days[SHOSTKA] == "2025-10-14", days
    assert days[KRASNOPILLIA] == "2025-10-15", days
    text = ("Очільник Харківської ОВА повідомив про наслідки атаки 15 жовтня.\n\nУ ніч на 14 "
            "жовтня дрони атакували Харків.\n\nУ Чугуєві уламки пошкодили приватний будинок.")
    days = {place_id(e): e["date"]["value"] for e in of_type(_events(resources, text, "uk"),
                                                               "strike")}
    assert days[710374] == "2025-10-14", days


def test_a_grey_zone_naming_no_place_answers_the_capture_claimed_before(
        resources: Any) -> None:
    """Decision 466. Guard: a grey zone naming another town is that town's."""
    text = ("Минобороны России заявило о взятии Торецка. В DeepState написали, что город "
            "остаётся серой зоной.")
    got = sorted((e["modality"], place_id(e))
                 for e in of_type(_events(resources, text, "ru"), "territory.captured"))
    assert got == [("claimed", TORETSK), ("denied", TORETSK)], got
    text = ("Міноборони Росії заявило про захоплення Торецька. Щербинівка залишається сірою "
            "зоною, сказав Трегубов.")
    denied = [e for e in of_type(_events(resources, text, "uk"), "territory.captured")
              if e["modality"] == "denied"]
    assert [place_id(e) for e in denied] != [TORETSK], denied


def test_control_of_the_built_up_area_is_of_the_town_named_before(resources: Any) -> None:
    """Decision 467. Guard: the ministry's full claim stays beside the analysts' part."""
    for lang, text, town in [
            ("ru", "Минобороны России заявило о взятии Торецка. Аналитики DeepState пишут, что "
                   "российские подразделения контролируют около двух третей застройки.", TORETSK),
            ("uk", "Міноборони Росії заявило про захоплення Сіверська. Аналітики DeepState "
                   "пишуть, що окупанти контролюють близько третини міської забудови.", SIVERSK)]:
        got = sorted((e["modality"], e["extent"], place_id(e))
                     for e in of_type(_events(resources, text, lang), "territory.captured"))
        assert got == [("claimed", "full", town), ("reported", "partial", town)], got


def test_a_military_site_hit_is_a_strike_not_equipment_lost(resources: Any) -> None:
    """Decision 468. Guard: a radar hit stays equipment lost."""
    text = "Минобороны России заявило, что в Краматорске поражён пункт временной дислокации ВСУ."
    events = _events(resources, text, "ru")
    assert [place_id(e) for e in of_type(events, "strike")] == [704508], events
    assert not of_type(events, "equipment.lost")
    text = "Генштаб ЗСУ повідомив, що в Криму уражено штаб російського полку та радар."
    events = _events(resources, text, "uk")
    assert of_type(events, "strike"), events
    text = "Генштаб ЗСУ повідомив, що в Криму уражено радар."
    assert [e["equipment"] for e in of_type(_events(resources, text, "uk"),
                                            "equipment.lost")] == ["radar"]


def test_a_toll_told_after_its_place_counts(resources: Any) -> None:
    """Decision 469. Guard: the place between the noun and the figure is the toll's."""
    text = "Погибших в Великой Писаревке двое, сообщил Григоров."
    (toll,) = of_type(_events(resources, text, "ru"), "casualties")
    assert (toll["count"]["value"], toll["subtype"], place_id(toll)) == (2, "killed", 690230)
    text = "Постраждалих у Херсоні п'ятеро, повідомив Прокудін."
    (toll,) = of_type(_events(resources, text, "uk"), "casualties")
    assert (toll["count"]["value"], place_id(toll)) == (5, 706448), toll


def test_an_assault_on_positions_near_a_village_is_no_strike(resources: Any) -> None:
    """Decision 470. Guard: a drone that attacked a car near a village struck there."""
    for lang, text in [
            ("uk", "Під Липцями окупанти атакували поблизу лісництва і відступили."),
            ("uk", "На Покровському напрямку противник 31 раз атакував позиції наших захисників "
                   "у районах Родинського та Удачного."),
            ("ru", "На Лиманском направлении противник восемь раз атаковал позиции ВСУ в районе "
                   "Торского.")]:
        assert not of_type(_events(resources, text, lang), "strike"), text
    text = "FPV-дрон атакував пікап поблизу Семенівки, водія поранено."
    assert of_type(_events(resources, text, "uk"), "strike")


def test_a_foothold_in_the_field_takes_no_place(resources: Any) -> None:
    """Decision 471. Guard: a foothold in a part of the town is still its partial capture
    (decision 461's test)."""
    text = "Окупанти закріпилися в лісосмузі на південь від Лимана, кажуть розвідники."
    assert not of_type(_events(resources, text, "uk"), "territory.captured")
    text = "Штурмовики закрепились в лесополосе у Часова Яра."
    assert not of_type(_events(resources, text, "ru"), "territory.captured")
    text = "Российские штурмовики заняли позиции у Часова Яра."
    assert not of_type(_events(resources, text, "ru"), "territory.captured")
    text = "Ворог зайняв позиції в посадці біля Часового Яру."
    assert not of_type(_events(resources, text, "uk"), "territory.captured")
    text = "Біля Липців наші захисники відбили всі штурми окупантів."
    assert not of_type(_events(resources, text, "uk"), "territory.captured")
