"""Round 8 of the Russian and Ukrainian lemma rules: loss tallies cut into several
sentences, lists of equipment lost that run past the trigger's window, kinds that qualify
the item before them, and the figure of a loss noun written far after it. Every sentence
here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from events_helpers import events_in, of_type, place_id

from wirewatch.document import Document
from wirewatch.pipeline import extract

PUB = date(2025, 3, 14)  # a Friday
LYMAN, CRIMEA, CHERNIHIV_OBLAST = 704204, 703883, 710734
GRAYVORON, POKROVSK, SHEBEKINO = 559034, 704422, 495112
BELGOROD_OBL, VORONEZH_OBL, ROSTOV_OBL, KRASNODAR_KRAI = 578071, 472039, 501165, 542415
BRYANSK_OBL, KURSK_OBL, TAGANROG, MELITOPOL = 571473, 538555, 484907, 701404
PAVLOHRAD, KRAMATORSK, STEPNOHIRSK = 697889, 704508, 692248
KHARKIV_OBL, ZAPORIZHZHIA_OBL, DNIPRO_OBL, KRASNOPILLIA = 706482, 687699, 709929, 704343
SUMY, KHERSON_OBL = 692194, 706442


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, PUB)


_of = of_type


_place = place_id


def _lost(events: list[dict[str, Any]]) -> list[tuple[str, int | None]]:
    return sorted((e["equipment"], (e["count"] or {}).get("value"))
                  for e in _of(events, "equipment.lost"))


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Втрати ворога з 24.02.22 по 14.03.25 склали, повідомив Генштаб ЗСУ:\n"
           "танків – 10 210 (+4) од.;\nартилерійських систем – 22 905 (+31) од.;\n"
           "крилатих ракет – 3 010 (+6);\nавтоцистерн – 41 300 (+55) од."),
    ("ru", "Потери противника с 24.02.22 по 14.03.25 составили, сообщил Генштаб ВСУ:\n"
           "танков — 10 210 (+4) ед.;\nартиллерийских систем — 22 905 (+31) ед.;\n"
           "крылатых ракет — 3 010 (+6);\nавтоцистерн — 41 300 (+55) ед."),
])
def test_a_tally_cut_at_an_abbreviation_goes_on_in_the_next_sentences(
        resources: Any, lang: str, text: str) -> None:
    events = _events(resources, text, lang)
    assert _lost(events) == sorted([
        ("tank", 10210), ("tank", 4), ("artillery system", 22905), ("artillery system", 31),
        ("missile", 3010), ("missile", 6), ("vehicle", 41300), ("vehicle", 55)])
    lost = _of(events, "equipment.lost")
    assert all(e["claimant"] == "General Staff of the Armed Forces of Ukraine" for e in lost)
    totals = [e for e in lost if e["aggregate"]]
    assert {e["date"]["value"] for e in totals} == {"2022-02-24/2025-03-14"}


def test_a_sentence_after_a_tally_with_no_increments_is_no_tally(resources: Any) -> None:
    text = ("Втрати ворога з 24.02.22 по 14.03.25 склали, повідомив Генштаб ЗСУ:\n"
            "танків – 10 210 (+4) од.\nДані уточнюються.")
    assert len(_of(_events(resources, text, "uk"), "equipment.lost")) == 2


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "По данным ведомства, средствами ПВО за сутки сбиты четыре управляемые авиационные "
           "бомбы, реактивный снаряд системы залпового огня HIMARS и 57 беспилотных "
           "летательных аппаратов самолётного типа.",
     [("drone", 57), ("guided bomb", 4), ("rocket", 1)]),  # one item counts one (decision 111)
    ("ru", "Противник потерял до 320 военнослужащих, две боевые бронированные машины, в том "
           "числе бронетранспортёр M113, и девять автомобилей.",
     [("armoured vehicle", 2), ("vehicle", 9)]),
    ("uk", "За добу ворог втратив 210 військових, чотири бойові броньовані машини, в тому "
           "числі бронетранспортер, а також сім артилерійських систем і 12 автомобілів.",
     [("armoured vehicle", 4), ("artillery system", 7), ("vehicle", 12)]),
])
def test_a_list_of_equipment_lost_goes_on_past_the_trigger_one_mention_an_item(
        resources: Any, lang: str, text: str, want: list[tuple[str, int | None]]) -> None:
    assert _lost(_events(resources, text, lang)) == sorted(want)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "На лиманском направлении ВСУ лишились до 140 военнослужащих и трёх танков Leopard."),
    ("ru", "На лиманском направлении противник потерял до 140 военнослужащих и три танка "
           "Leopard."),
])
def test_a_kind_right_after_another_qualifies_it_and_lishitsya_is_a_loss(
        resources: Any, lang: str, text: str) -> None:
    events = _events(resources, text, lang)
    assert _lost(events) == [("tank", 3)]
    (c,) = _of(events, "casualties")
    assert c["count"]["value"] == 140


def test_the_figure_of_a_loss_noun_may_come_after_a_long_genitive(resources: Any) -> None:
    text = ("Потери противника в зоне ответственности группировки войск «Запад» за минувшие "
            "сутки составили до 210 военнослужащих, танк и пять автомобилей.")
    events = _events(resources, text, "ru")
    (c,) = _of(events, "casualties")
    assert c["count"]["value"] == 210
    assert [k for k, _ in _lost(events)] == ["tank", "vehicle"]


def test_losses_in_a_groupings_sector_take_no_place_of_the_strike_before(
        resources: Any) -> None:
    text = ("Подразделения группировки «Запад» нанесли удар по Купянску, сообщили в "
            "Минобороны России. Потери ВСУ в зоне ответственности группировки «Запад» "
            "составили до 190 военнослужащих и три автомобиля.")
    events = _events(resources, text, "ru")
    assert [_place(e) for e in _of(events, "strike")] == [703656]
    assert [_place(e) for e in _of(events, "casualties")] == [None]
    assert [_place(e) for e in _of(events, "equipment.lost")] == [None]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Противник потерял две бронемашины производства Германии."),
    ("uk", "Ворог втратив дві бронемашини виробництва Німеччини."),
])
def test_the_country_that_made_a_thing_is_no_place_of_its_loss(
        resources: Any, lang: str, text: str) -> None:
    (e,) = _of(_events(resources, text, lang), "equipment.lost")
    assert _place(e) is None


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Операторы FPV-дронов сожгли БМП и грузовик.",
     [("infantry fighting vehicle", 1), ("truck", 1)]),  # one item counts one (decision 111)
    ("uk", "Морські дрони знищили десантний катер.", [("boat", 1)]),
])
def test_a_kind_before_an_active_verb_is_what_destroyed(
        resources: Any, lang: str, text: str, want: list[tuple[str, int | None]]) -> None:
    assert _lost(_events(resources, text, lang)) == want


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "На Лиманському напрямку ворог 30 разів атакував позиції біля Торського та в "
           "напрямку Ямполя. На цьому напрямку ліквідовано 64 окупанти і знищено два танки."),
    ("ru", "На лиманском направлении противник 30 раз атаковал позиции у Торского и в "
           "направлении Ямполя. На этом направлении уничтожены 64 военнослужащих и два танка."),
])
def test_this_direction_points_back_to_the_direction_not_the_last_place(
        resources: Any, lang: str, text: str) -> None:
    events = _events(resources, text, lang)
    lost = _of(events, "equipment.lost") + _of(events, "casualties")
    assert lost and {_place(e) for e in lost} == {LYMAN}


@pytest.mark.parametrize(("lang", "text", "claimant"), [
    ("uk", "Генштаб ЗСУ повідомив про 140 бойових зіткнень за добу. За попередніми даними, "
           "ворог втратив 90 військових.", "General Staff of the Armed Forces of Ukraine"),
    ("ru", "Минобороны России сообщило об отражении атак. По предварительным данным, "
           "противник потерял 90 военнослужащих.", "Ministry of Defence of Russia"),
])
def test_a_source_marker_naming_no_one_goes_on_with_the_speaker_before(
        resources: Any, lang: str, text: str, claimant: str) -> None:
    (c,) = _of(_events(resources, text, lang), "casualties")
    assert c["claimant"] == claimant


def test_krim_besides_is_no_crimea(resources: Any) -> None:
    text = ("Росіяни обстріляли Семенівську громаду Чернігівщини.\nКрім того, вночі сили ППО "
            "збили над Чернігівщиною шість безпілотників, повідомив начальник ОВА.")
    (x,) = extract([Document("d", text, published=PUB, lang="uk")], resources)
    assert CRIMEA not in {m.place.geonameid for m in x.places if m.place}
    (e,) = _of([m.to_dict() for m in x.events], "equipment.lost")
    assert _place(e) == CHERNIHIV_OBLAST


@pytest.mark.parametrize(("lang", "text", "origin"), [
    ("ru", "Губернатор сообщил, что из приграничных сёл Грайворонского округа в пункты "
           "временного размещения в Белгороде вывезены 64 человека.", GRAYVORON),
    ("uk", "Потяг вивіз до Львова 230 переселенців з Покровська, повідомили в Укрзалізниці.",
     POKROVSK),
])
def test_an_evacuation_is_placed_where_people_leave_from_not_where_they_are_taken(
        resources: Any, lang: str, text: str, origin: int) -> None:
    (e,) = _of(_events(resources, text, lang), "civilians.evacuated")
    assert _place(e) == origin
    assert e["count"]["value"] in (64, 230)


@pytest.mark.parametrize(("lang", "text", "etype", "regions"), [
    ("ru", "Минобороны России сообщило, что над Белгородской, Воронежской и Ростовской "
           "областями сбиты 37 беспилотников.", "equipment.lost",
     {BELGOROD_OBL, VORONEZH_OBL, ROSTOV_OBL}),
    ("uk", "Міноборони РФ стверджує, що над Ростовською областю і Краснодарським краєм збито "
           "19 дронів.", "equipment.lost", {ROSTOV_OBL, KRASNODAR_KRAI}),
    ("ru", "За неделю в Брянской и Курской областях ранения получили 16 мирных жителей.",
     "casualties", {BRYANSK_OBL, KURSK_OBL}),
])
def test_a_tally_over_regions_listed_together_is_claimed_of_each(
        resources: Any, lang: str, text: str, etype: str, regions: set[int]) -> None:
    got = _of(_events(resources, text, lang), etype)
    assert {_place(e) for e in got} == regions
    assert len(got) == len(regions)
    assert len({(e["count"] or {}).get("value") for e in got}) == 1


def test_a_town_and_its_region_are_no_list_of_regions(resources: Any) -> None:
    text = "В Шебекино Белгородской области ранены двое мирных жителей."
    (e,) = _of(_events(resources, text, "ru"), "casualties")
    assert _place(e) == SHEBEKINO


def test_the_region_of_a_heads_office_is_no_place_of_the_event(resources: Any) -> None:
    text = ("Ночью дроны атаковали Таганрог. Губернатор Ростовской области Юрий Слюсарь "
            "подтвердил атаку беспилотников.")
    strikes = _of(_events(resources, text, "ru"), "strike")
    assert [_place(e) for e in strikes] == [TAGANROG]


def test_where_goods_are_taken_is_no_place_of_the_event(resources: Any) -> None:
    text = "У Мелітополі окупанти вкрали музейні експонати і вивезли до Криму."
    got = [e for e in _events(resources, text, "uk")
           if e["type"] in ("property.looted", "civilians.evacuated")]
    assert got and {_place(e) for e in got} == {MELITOPOL}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "У 47-й окремій механізованій бригаді повідомили, що під Покровськом знищено два "
           "танки."),
    ("uk", "За даними 47 ОМБр, під Покровськом знищено два танки."),
    ("ru", "В 47-й отдельной механизированной бригаде ВСУ заявили, что под Покровском "
           "уничтожены два танка."),
])
def test_a_unit_named_by_number_and_kind_is_the_registrys_unit(
        resources: Any, lang: str, text: str) -> None:
    (e,) = _of(_events(resources, text, lang), "equipment.lost")
    assert e["claimant"] == "47th Mechanised Brigade"


def test_a_count_of_brigades_is_no_unit(resources: Any) -> None:
    text = "Генштаб ЗСУ повідомив, що 47 бригад відбили штурми, під Покровськом знищено танк."
    (e,) = _of(_events(resources, text, "uk"), "equipment.lost")
    assert e["claimant"] == "General Staff of the Armed Forces of Ukraine"


def test_a_unit_noun_beside_saying_names_the_last_unit_of_that_kind(resources: Any) -> None:
    text = ("Бійці 47-ї окремої механізованої бригади взяли в полон шістьох окупантів. Ще "
            "двоє, за даними проєкту «Хочу жити», здалися на Куп'янському напрямку. За даними "
            "бригади, від початку місяця під Покровськом ліквідовано 140 окупантів.")
    events = _of(_events(resources, text, "uk"), "casualties")
    tally = [e for e in events if (e["count"] or {}).get("value") == 140]
    assert [e["claimant"] for e in tally] == ["47th Mechanised Brigade"]


def test_a_sentence_opening_in_a_body_is_said_by_the_body(resources: Any) -> None:
    text = ("В 7-м корпусе быстрого реагирования Десантно-штурмовых войск ВСУ опровергли "
            "заявления об окружении в Покровске. Также в корпусе сообщили, что под Покровском "
            "ликвидированы 40 российских военных.")
    events = _events(resources, text, "ru")
    assert {e["claimant"] for e in events} == {"7th Rapid Response Corps"}


@pytest.mark.parametrize(("lang", "text", "person"), [
    ("ru", "Член главного совета администрации Запорожской области Владимир Рогов заявил о "
           "боях у Каменского. Рогов также сообщил, что ВСУ ударили по Васильевке.",
     "Vladimir Rogov"),
    ("uk", "Очільник Харківської ОВА Олег Синєгубов повідомив про обстріл Куп'янська. Як "
           "зазначив Синєгубов, у Балаклії поранено двох людей.", "Oleh Syniehubov"),
])
def test_a_person_named_in_full_is_named_again_by_the_surname_alone(
        resources: Any, lang: str, text: str, person: str) -> None:
    events = _events(resources, text, lang)
    later = [e for e in events if e["evidence"]["start"] > text.index(". ")]
    assert later and all(e["claimant"].startswith(person) for e in later)


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("uk", "Увечері ворожий дрон влучив у склад у Павлограді, повідомив голова ОВА.", PAVLOHRAD),
    ("ru", "В Краматорске управляемая авиабомба попала в здание школы.", KRAMATORSK),
])
def test_what_hit_a_place_makes_a_strike(
        resources: Any, lang: str, text: str, place: int) -> None:
    assert [_place(e) for e in _of(_events(resources, text, lang), "strike")] == [place]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "З агропідприємства окупанти вивезли 25 тракторів і комбайнів, повідомили в поліції."),
    ("ru", "Из музея военные вывезли старинные иконы, сообщили в полиции."),
])
def test_goods_taken_away_are_looting_not_an_evacuation(
        resources: Any, lang: str, text: str) -> None:
    events = _events(resources, text, lang)
    assert _of(events, "property.looted") and not _of(events, "civilians.evacuated")


@pytest.mark.parametrize(("lang", "text", "published", "period"), [
    ("ru", "За выходные противник 40 раз обстрелял Шебекино.", date(2025, 3, 17),
     "2025-03-15/2025-03-16"),
    ("uk", "У вихідні ворог 18 разів атакував Білопілля.", date(2025, 3, 16),
     "2025-03-15/2025-03-16"),
    ("ru", "За прошлую неделю в Шебекино ранены девять человек.", date(2025, 3, 19),
     "2025-03-10/2025-03-16"),
    ("uk", "За минулий тиждень у Білопіллі поранено дев'ятьох людей.", date(2025, 3, 17),
     "2025-03-10/2025-03-16"),
])
def test_the_weekend_and_the_week_just_past_are_periods(
        resources: Any, lang: str, text: str, published: date, period: str) -> None:
    (x,) = extract([Document("d", text, published=published, lang=lang)], resources)
    (e,) = [m.to_dict() for m in x.events]
    assert e["date"]["value"] == period
    assert e["date"]["basis"] == "relative"
    assert e["aggregate"]


def test_a_day_off_is_no_weekend(resources: Any) -> None:
    text = "В выходной день противник обстрелял Шебекино."
    (e,) = _events(resources, text, "ru")
    assert e["date"]["precision"] != "range"


def test_a_figure_of_people_is_not_the_count_of_the_equipment_after_it(
        resources: Any) -> None:
    text = ("По данным ведомства, противник потерял до 80 военнослужащих, бронетранспортёр "
            "Stryker и три боевые машины пехоты Bradley.")
    events = _events(resources, text, "ru")
    # the 80 are people; the one APC counts one (decision 111)
    assert _lost(events) == [("armoured personnel carrier", 1),
                             ("infantry fighting vehicle", 3)]
    (c,) = _of(events, "casualties")
    assert c["count"]["value"] == 80


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "На лиманском направлении оккупанты потеряли 70 человек убитыми и ранеными, а также "
           "три танка.", [("tank", 3)]),
    ("uk", "Сили ППО знищили над областю 12 «шахедів», повідомили в ОВА.", [("drone", 12)]),
    ("uk", "За добу ворог втратив 15 одиниць техніки.", [("equipment", 15)]),
])
def test_equipment_after_a_loss_of_people_and_figures_before_quotes_or_units(
        resources: Any, lang: str, text: str, want: list[tuple[str, int | None]]) -> None:
    assert _lost(_events(resources, text, lang)) == want


def test_the_bare_noun_of_a_town_points_back_to_the_town_named_with_it(
        resources: Any) -> None:
    text = ("Украинские подразделения отступили из посёлка Степногорск и отходят к Приморскому. "
            "По данным ведомства, в ходе боёв за посёлок противник потерял до 90 "
            "военнослужащих.")
    (c,) = _of(_events(resources, text, "ru"), "casualties")
    assert _place(c) == STEPNOHIRSK


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("uk", "Дев'ятеро людей дістали поранення, повідомили в ОВА.", 9),
    ("ru", "Восьмеро человек получили ранения, сообщили в администрации.", 8),
])
def test_collective_numerals_up_to_ten_are_figures(
        resources: Any, lang: str, text: str, count: int) -> None:
    (e,) = _of(_events(resources, text, lang), "casualties")
    assert e["count"]["value"] == count


def test_one_person_as_the_object_of_an_impersonal_verb(resources: Any) -> None:
    text = "У Павлограді поранено 48-річного чоловіка, повідомив голова ОВА."
    (e,) = _of(_events(resources, text, "uk"), "casualties")
    assert e["count"]["value"] == 1
    assert _place(e) == PAVLOHRAD


def test_a_place_in_the_clause_of_the_next_trigger_is_that_triggers(resources: Any) -> None:
    text = ("У Павлограді російська ракета влучила в адміністративну будівлю, у Краматорську "
            "дрон атакував цивільний автомобіль.")
    strikes = _of(_events(resources, text, "uk"), "strike")
    assert sorted(_place(e) or 0 for e in strikes) == sorted([PAVLOHRAD, KRAMATORSK])


@pytest.mark.parametrize(("lang", "text", "regions"), [
    ("ru", "Минобороны России сообщило, что с начала осени войска освободили 30 населённых "
           "пунктов в Харьковской, Запорожской и Днепропетровской областях.",
     {KHARKIV_OBL, ZAPORIZHZHIA_OBL, DNIPRO_OBL}),
    ("uk", "Міноборони РФ заявило, що з початку літа війська зайняли 25 населених пунктів у "
           "Запорізькій та Дніпропетровській областях.", {ZAPORIZHZHIA_OBL, DNIPRO_OBL}),
])
def test_settlements_taken_in_regions_listed_together_are_claimed_of_each(
        resources: Any, lang: str, text: str, regions: set[int]) -> None:
    (x,) = extract([Document("d", text, published=date(2025, 11, 3), lang=lang)], resources)
    got = [e.to_dict() for e in x.events if e.type == "territory.captured"]
    assert {_place(e) for e in got} == regions and len(got) == len(regions)
    assert all(e["aggregate"] and e["count"]["value"] in (25, 30) for e in got)
    start = "2025-09-01" if lang == "ru" else "2025-06-01"
    assert {e["date"]["value"] for e in got} == {f"{start}/2025-11-03"}


def test_an_evacuation_of_settlements_is_of_their_people_uncounted(resources: Any) -> None:
    text = ("Начальник ОВА оголосив обов'язкову евакуацію ще 9 населених пунктів "
            "Краснопільської громади.")
    (e,) = _of(_events(resources, text, "uk"), "civilians.evacuated")
    assert _place(e) == KRASNOPILLIA
    assert e["count"] is None
    assert e["modality"] == "planned"


def test_civilians_are_people(resources: Any) -> None:
    text = "У Краснопільській громаді загинули двоє цивільних, ще одна людина поранена в Сумах."
    got = _of(_events(resources, text, "uk"), "casualties")
    assert sorted((_place(e), e["count"]["value"]) for e in got) == [
        (SUMY, 1), (KRASNOPILLIA, 2)]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Командувач повідомив, що з 4 серпня Сили оборони звільнили п'ять населених "
           "пунктів. За його словами, за цей час у полон взято 31 російського військового."),
    ("ru", "Командующий сообщил, что с 4 августа войска освободили пять населённых пунктов. "
           "По его словам, за это время в плен взяты 31 украинский военнослужащий."),
])
def test_this_time_is_the_period_named_before(resources: Any, lang: str, text: str) -> None:
    (x,) = extract([Document("d", text, published=date(2025, 8, 29), lang=lang)], resources)
    (e,) = [m.to_dict() for m in x.events if m.type == "casualties"]
    assert e["date"]["value"] == "2025-08-04/2025-08-29"


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "С начала года российские паспорта получили 90 тысяч жителей Запорожской и "
           "Херсонской областей, сообщили в МВД России."),
    ("uk", "З початку року російські паспорти отримали 90 тисяч мешканців Запорізької та "
           "Херсонської областей, заявили в МВС РФ."),
])
def test_passports_of_residents_of_regions_listed_together_are_claimed_of_each(
        resources: Any, lang: str, text: str) -> None:
    got = _of(_events(resources, text, lang), "passport.issued")
    assert {_place(e) for e in got} == {ZAPORIZHZHIA_OBL, KHERSON_OBL} and len(got) == 2
    assert {e["count"]["value"] for e in got} == {90000}
