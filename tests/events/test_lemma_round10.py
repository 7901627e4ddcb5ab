"""Round 10 of the Russian and Ukrainian lemma rules. Every sentence here was written for
these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

PUB = date(2025, 4, 9)  # a Wednesday


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


def _figures(events: list[dict[str, Any]]) -> list[tuple[str | None, int, bool, str]]:
    return sorted((e.get("equipment"), e["count"]["value"], e["aggregate"], e["date"]["value"])
                  for e in events if e["count"])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Генштаб ВСУ опубликовал сводку. На утро 9 апреля общие потери противника с 24 "
           "февраля 2022 года составили:\n\nтанков — 10 420 (+2);\nкрылатых ракет — 3 105;\n"
           "реактивных систем залпового огня — 1 377 (+1)."),
    ("uk", "Генштаб ЗСУ оприлюднив зведення. Загальні втрати противника з 24.02.22 по "
           "09.04.25 склали:\n\nтанків – 10 420 (+2) од.;\nкрилатих ракет – 3 105 од.;\n"
           "реактивних систем залпового вогню – 1 377 (+1) од."),
])
def test_a_tally_opened_by_a_colon_goes_on_in_the_list_after_it_with_or_without_increases(
        resources: Any, lang: str, text: str) -> None:
    lost = of_type(_events(resources, text, lang), "equipment.lost")
    period = "2022-02-24/2025-04-09"
    assert _figures(lost) == [
        ("missile", 3105, True, period), ("rocket launcher", 1, False, "2025-04-09"),
        ("rocket launcher", 1377, True, period), ("tank", 2, False, "2025-04-09"),
        ("tank", 10420, True, period)]
    assert {e["claimant"] for e in lost} == {"General Staff of the Armed Forces of Ukraine"}


def test_an_item_with_no_increase_cut_off_at_od_does_not_end_the_list(resources: Any) -> None:
    text = ("Втрати ворога з 24.02.22 по 09.04.25 склали: танків – 10 420 (+2) од.; літаків – "
            "370 од.; засобів ППО – 1 102 (+1) од.; гелікоптерів – 335 од.")
    got = _figures(of_type(_events(resources, text, "uk"), "equipment.lost"))
    assert [(kind, n) for kind, n, _, _ in got] == [
        ("air defence system", 1), ("air defence system", 1102), ("aircraft", 370),
        ("helicopter", 335), ("tank", 2), ("tank", 10420)]


def test_a_dash_and_figure_outside_a_list_of_increases_is_no_tally(resources: Any) -> None:
    text = ("Потери противника с 24 февраля 2022 года составили:\n\nтанков — 10 420 (+2);\n"
            "крылатых ракет — 3 105.\n\nПотери противника за сутки — до 140 военнослужащих, "
            "сообщили в Минобороны России.")
    got = _events(resources, text, "ru")
    assert len(of_type(got, "equipment.lost")) == 3  # the list after the colon
    (cas,) = of_type(got, "casualties")  # the dash after it opens no list
    assert cas["count"]["value"] == 140 and not cas["aggregate"]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Всего с начала специальной военной операции, по данным Минобороны России, "
           "уничтожены 640 самолётов и 280 вертолётов."),
    ("uk", "Загалом з початку повномасштабного вторгнення, за даними Генштабу ЗСУ, знищено "
           "640 літаків і 280 гелікоптерів."),
])
def test_a_total_since_the_war_began_runs_from_its_first_day(
        resources: Any, lang: str, text: str) -> None:
    lost = of_type(_events(resources, text, lang), "equipment.lost")
    assert _figures(lost) == [("aircraft", 640, True, "2022-02-24/2025-04-09"),
                              ("helicopter", 280, True, "2022-02-24/2025-04-09")]


def test_the_classes_of_the_russian_running_total_are_one_item_each(resources: Any) -> None:
    text = ("С начала специальной военной операции уничтожены 24 980 танков и других боевых "
            "бронированных машин, 1 590 боевых машин реактивных систем залпового огня, "
            "29 870 орудий полевой артиллерии и минометов, а также 41 330 единиц специальной "
            "военной автомобильной техники.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert sorted(e["count"]["value"] for e in lost) == [1590, 24980, 29870, 41330]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Российские войска нанесли удар по Краматорску. Средствами противовоздушной обороны "
           "сбиты две управляемые авиабомбы и 41 беспилотник."),
    ("uk", "Ворог атакував Краматорськ. Протиповітряною обороною збито дві керовані авіабомби "
           "і 41 безпілотник."),
])
def test_what_air_defence_shot_down_takes_no_place_from_the_strike_before(
        resources: Any, lang: str, text: str) -> None:
    lost = of_type(_events(resources, text, lang), "equipment.lost")
    assert sorted(e["equipment"] for e in lost) == ["drone", "guided bomb"]
    assert all(place_id(e) is None for e in lost)


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("ru", "Российские подразделения заняли Торское, сообщили в Минобороны России. В ходе боёв "
           "в плен сдались семь военнослужащих ВСУ.", 691358),
    ("uk", "Сили оборони звільнили Торське, повідомили в Генштабі ЗСУ. Під час боїв здалися в "
           "полон п'ятеро окупантів.", 691358),
])
def test_a_surrender_with_no_place_is_where_the_fighting_just_told_of_was(
        resources: Any, lang: str, text: str, place: int) -> None:
    (sur,) = of_type(_events(resources, text, lang), "personnel.surrendered")
    assert place_id(sur) == place


def test_a_bare_title_beside_saying_is_the_speaker_named_before(resources: Any) -> None:
    text = ("«Наши бойцы заняли Торское», — сказал Апти Алаудинов. Генерал также сообщил, что "
            "украинские подразделения оставили Торецк.")
    got = of_type(_events(resources, text, "ru"), "territory.withdrawn")
    assert [e["claimant"] for e in got] and all(
        e["claimant"].startswith("Apti Alaudinov") for e in got)


def test_his_words_point_back_to_the_person_named_before_who_had_said_nothing(
        resources: Any) -> None:
    text = ("Губернатор Курской области Александр Хинштейн подвёл итоги недели. По его словам, "
            "беспилотник атаковал автобус в Рыльске.")
    (strike,) = of_type(_events(resources, text, "ru"), "strike")
    assert strike["claimant"].startswith("Alexander Khinshtein")
    assert strike["modality"] == "claimed"


def test_a_ukrainian_official_is_found_by_his_name_spelled_in_russian(resources: Any) -> None:
    text = ("В Кривом Роге ракета попала в предприятие, ранены двое работников, сообщил глава "
            "городской военной администрации Александр Вилкул.")
    got = _events(resources, text, "ru")
    assert got and all(e["claimant"].startswith("Oleksandr Vilkul") for e in got)


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("ru", "В Изюме обломками сбитого беспилотника повреждены два гаража.", 707292),
    ("uk", "В Ізюмі уламки збитого безпілотника пошкодили два гаражі.", 707292),
])
def test_debris_of_a_downed_drone_is_a_strike_where_it_fell_not_a_loss(
        resources: Any, lang: str, text: str, place: int) -> None:
    got = _events(resources, text, lang)
    assert [(e["type"], place_id(e)) for e in got] == [("strike", place)]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Изюме в результате удара управляемой авиабомбы ранены две женщины, в Купянске "
           "от атаки дрона погиб 50-летний мужчина."),
])
def test_casualties_take_the_place_of_their_own_clause(
        resources: Any, lang: str, text: str) -> None:
    got = of_type(_events(resources, text, lang), "casualties")
    assert sorted((e["count"]["value"], place_id(e)) for e in got) == [
        (1, 703656), (2, 707292)]


@pytest.mark.parametrize(("lang", "text", "denier", "owner"), [
    ("ru", "Андрей Беседин опроверг заявления Минобороны России о том, что Купянск якобы "
           "полностью окружён.", "Andrii Besedin", "Ministry of Defence of Russia"),
    ("uk", "У Генштабі ЗСУ спростували заяви Міноборони Росії про те, що Куп'янськ нібито "
           "оточено.", "General Staff of the Armed Forces of Ukraine",
     "Ministry of Defence of Russia"),
])
def test_a_hedged_claim_relayed_inside_its_denial_is_a_mention_of_its_own(
        resources: Any, lang: str, text: str, denier: str, owner: str) -> None:
    got = of_type(_events(resources, text, lang), "territory.encircled")
    assert sorted((e["modality"], (e["claimant"] or "").split(" (")[0]) for e in got) == [
        ("denied", denier), ("hedged", owner)]
    assert {place_id(e) for e in got} == {703656}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Под огнём оказались Херсон, Берислав, а также Каховка."),
    ("uk", "Під вогнем опинилися Херсон, Берислав, а також Каховка."),
])
def test_towns_under_fire_are_struck_each_a_list_going_on_after_a_takzhe(
        resources: Any, lang: str, text: str) -> None:
    got = of_type(_events(resources, text, lang), "strike")
    assert sorted(place_id(e) or 0 for e in got) == sorted([706448, 712260, 707244])


def test_the_forces_told_of_and_a_bare_title_go_on_with_the_person_named_before(
        resources: Any) -> None:
    text = ("Губернатор Белгородской области Вячеслав Гладков подвёл итоги суток. По его "
            "словам, ВСУ 30 раз атаковали Шебекино. Кроме того, дрон ударил по Грайворону, "
            "сообщил губернатор.")
    got = of_type(_events(resources, text, "ru"), "strike")
    assert len(got) == 2 and all(e["claimant"].startswith("Vyacheslav Gladkov") for e in got)


@pytest.mark.parametrize(("lang", "text", "claimant"), [
    ("ru", "Глава ДНР Денис Пушилин заявил, что ВСУ обстреляли Горловку. Минобороны России "
           "провело брифинг. Как сообщили в ведомстве, войска освободили Торское.",
     "Ministry of Defence of Russia"),
    ("uk", "Голова Харківської ОВА Олег Синєгубов повідомив про обстріл Ізюма. Міноборони "
           "Росії провело брифінг. За даними російського відомства, війська захопили "
           "Торське.", "Ministry of Defence of Russia"),
])
def test_the_agency_pointed_back_to_is_the_last_body_named_not_the_last_speaker(
        resources: Any, lang: str, text: str, claimant: str) -> None:
    (cap,) = of_type(_events(resources, text, lang), "territory.captured")
    assert cap["claimant"] == claimant


@pytest.mark.parametrize(("lang", "text", "etype", "period"), [
    ("ru", "За последние три дня восемь военнослужащих ВСУ сдались в плен у Торского.",
     "personnel.surrendered", "2025-04-07/2025-04-09"),
    ("uk", "За останні дві доби в Херсоні поранено п'ятьох людей.", "casualties",
     "2025-04-08/2025-04-09"),
    ("ru", "С 24 марта по 6 апреля российские войска заняли Торское.", "territory.captured",
     "2025-03-24/2025-04-06"),
    ("ru", "Оккупанты с февраля выдали российские паспорта 700 жителям Мелитополя.",
     "passport.issued", "2025-02-01/2025-04-09"),
    ("uk", "З листопада 2024 року з Херсона евакуювали понад 2 300 мешканців.",
     "civilians.evacuated", "2024-11-01/2025-04-09"),
])
def test_periods_of_recent_days_across_two_months_and_since_a_month(
        resources: Any, lang: str, text: str, etype: str, period: str) -> None:
    (got,) = of_type(_events(resources, text, lang), etype)
    assert got["date"]["value"] == period


def test_a_period_from_one_month_to_another(resources: Any) -> None:
    text = ("В период оккупации с октября 2024 года по февраль 2025 года военные вывезли из "
            "больницы Суджи медицинское оборудование.")
    (got,) = of_type(_events(resources, text, "ru"), "property.looted")
    assert got["date"]["value"] == "2024-10-01/2025-02-28"


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Ночью дрон ударил по многоэтажке в Херсоне. Оттуда временно отселены 26 жильцов."),
    ("uk", "Уночі дрон влучив у багатоповерхівку в Херсоні. Звідти тимчасово відселили 26 "
           "мешканців."),
])
def test_people_resettled_from_there_are_evacuated_from_the_place_named_before(
        resources: Any, lang: str, text: str) -> None:
    (evac,) = of_type(_events(resources, text, lang), "civilians.evacuated")
    assert place_id(evac) == 706448 and evac["count"]["value"] == 26


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("ru", "Минниханов сообщил, что четыре беспилотника были сбиты на подлёте к Казани.",
     551487),
    ("uk", "Сили ППО збили шість дронів на підльоті до Одеси.", 698740),
])
def test_drones_shot_down_approaching_a_town_are_lost_in_a_strike_on_it(
        resources: Any, lang: str, text: str, town: int) -> None:
    got = _events(resources, text, lang)
    assert sorted((e["type"], place_id(e)) for e in got) == [
        ("equipment.lost", town), ("strike", town)]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Ещё пять беспилотников, по данным Пасечника, были сбиты над Луганском."),
    ("uk", "Ще п'ять безпілотників, за даними Повітряних сил, було збито над Луганськом."),
])
def test_an_aside_naming_the_source_does_not_part_the_kind_from_its_loss(
        resources: Any, lang: str, text: str) -> None:
    (lost,) = of_type(_events(resources, text, lang), "equipment.lost")
    assert lost["equipment"] == "drone" and lost["count"]["value"] == 5
    assert place_id(lost) == 702658


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Российские подразделения контролируют более 60 процентов территории Торецка."),
    ("uk", "Російські війська контролюють близько 70% Торецька."),
])
def test_control_of_part_of_a_town_is_a_partial_capture(
        resources: Any, lang: str, text: str) -> None:
    (cap,) = of_type(_events(resources, text, lang), "territory.captured")
    assert place_id(cap) == 709354 and cap["extent"] == "partial"
    assert cap["modality"] == "asserted"
    # holding a part is no capture; it denies a capture claimed before it (decision 268)
    held = of_type(_events(resources, "ВСУ продолжают контролировать часть Торецка.", "ru"),
                   "territory.captured")
    assert all(e["modality"] == "denied" for e in held)
    answer = ("Минобороны России заявило, что войска взяли Торецк.\n\n"
              "ВСУ продолжают контролировать часть Торецка.")
    assert [e for e in of_type(_events(resources, answer, "ru"), "territory.captured")
            if e["modality"] == "denied"]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("uk", "Під Покровськом знищено броньовану машину та три мотоцикли.",
     [("armoured vehicle", 1), ("motorcycle", 3)]),
    ("ru", "Противник потерял 12 автомобилей и станцию радиоэлектронной борьбы.",
     [("electronic warfare station", 1), ("vehicle", 12)]),
    ("uk", "Поблизу Олешок знищено радіолокаційну станцію і техніку.",
     [("equipment", None), ("radar", 1)]),
])
def test_a_kind_in_the_singular_with_no_figure_is_one_item_unless_collective(
        resources: Any, lang: str, text: str, want: list[tuple[str, int | None]]) -> None:
    got = of_type(_events(resources, text, lang), "equipment.lost")
    assert sorted((e["equipment"], (e["count"] or {}).get("value")) for e in got) == want


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Сырский в понедельник сообщил, что с начала марта войска освободили три населённых "
           "пункта в Харьковской области, в том числе Петропавловку. За это время противник "
           "потерял более 900 военнослужащих убитыми и ранеными."),
])
def test_settlements_named_among_those_counted_and_the_period_named_after_the_day(
        resources: Any, lang: str, text: str) -> None:
    got = _events(resources, text, lang)
    caps = of_type(got, "territory.captured")
    assert sorted((place_id(e), e["aggregate"]) for e in caps) == [
        (697421, False), (706482, True)]
    (cas,) = of_type(got, "casualties")
    assert cas["date"]["value"] == "2025-03-01/2025-04-09" and cas["aggregate"]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Українські воїни відбили дві атаки поблизу Торецька. Сили оборони відбили Торське."),
    ("ru", "Бойцы отбили три атаки у Торецка. Войска отбили Торское."),
])
def test_attacks_fought_off_past_their_figure_are_no_capture(
        resources: Any, lang: str, text: str) -> None:
    got = of_type(_events(resources, text, lang), "territory.captured")
    assert [place_id(e) for e in got] == [691358]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Російські військові розграбували аптеку в Олешках, повідомили в ОВА."),
    ("uk", "Окупанти «націоналізували» ще 120 квартир у Мелітополі, заявив міський голова."),
    ("ru", "Российские военные обокрали аптеку в Алешках, сообщили в администрации."),
    ("ru", "Оккупанты «национализировали» еще 120 квартир в Мелитополе, заявил мэр."),
])
def test_the_occupiers_taking_of_shops_and_flats_is_looting(
        resources: Any, lang: str, text: str) -> None:
    looted = of_type(_events(resources, text, lang), "property.looted")
    assert len(looted) == 1 and looted[0]["place"] is not None, looted
