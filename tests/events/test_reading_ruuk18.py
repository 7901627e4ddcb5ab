"""Russian and Ukrainian reading, round ruuk18 (decisions 360-389). Every sentence here was
written for these tests.

Guards (they pass before the change too, and say what must not change):
``test_losses_after_a_strike_on_a_town_stay_at_the_town`` (decision 360: a strike on a
town still places the losses told after it),
``test_leaving_with_no_figure_of_people_is_no_evacuation`` (decision 362: the verbs of
leaving are evacuations only when a figure of people left).
``test_a_loss_tally_or_a_new_paragraph_takes_no_town`` fails before the change on its first
text only (decision 363: the town is carried in its own paragraph, never to a tally),
``test_taking_people_out_counted_or_planned_is_still_an_evacuation`` (decision 364: a
figure or a plan keeps the routine verb an evacuation),
``test_front_directions_listed_before_a_strike_are_no_towns_struck`` (decision 365),
``test_a_last_line_naming_a_person_in_a_sentence_signs_nothing`` (decision 367),
``test_losses_after_strikes_with_no_region_named_stay_at_the_last_struck`` (decision 370).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events_helpers import events_in, of_type, place_id

PUB = date(2025, 10, 14)  # a Tuesday
ODESA = 698740


def _events(resources: Any, text: str, lang: str, published: date = PUB
            ) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, published)


def test_air_defence_kills_after_a_launch_at_the_country_have_no_place(resources: Any
                                                                       ) -> None:
    text = ("Уночі ворог атакував Україну 93 ударними дронами, повідомили Повітряні сили. "
            "Станом на 08:00 збито 77 ворожих безпілотників.")
    (lost,) = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert lost["place"] is None, lost
    text = ("Ночью Россия атаковала Украину 64 беспилотниками. К утру сбиты 51 "
            "беспилотник и две ракеты.")
    lost = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert [m["place"] for m in lost] == [None, None], lost


def test_losses_after_a_strike_on_a_town_stay_at_the_town(resources: Any) -> None:
    text = ("Вчора ворог завдав ракетного удару по Одесі. Поранено чотирьох людей.")
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert place_id(hurt) == ODESA, hurt


def test_losses_counted_over_the_whole_country_are_a_nationwide_total(resources: Any
                                                                      ) -> None:
    text = ("За даними Генштабу, від початку вторгнення Росія втратила в Україні близько "
            "900 тисяч військових.")
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["place"] is None, lost
    text = "По данным Воздушных сил, над Украиной за ночь сбиты 40 беспилотников."
    (down,) = of_type(_events(resources, text, "ru"), "equipment.lost")
    assert down["place"] is None, down


def test_people_counted_as_they_left_are_evacuated(resources: Any) -> None:
    text = "За тиждень з Покровської громади виїхали 58 мешканців, повідомили в МВА."
    (gone,) = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert gone["count"]["value"] == 58, gone
    text = "С начала месяца из приграничных сёл Суджанского района выехали 73 человека."
    (gone,) = of_type(_events(resources, text, "ru"), "civilians.evacuated")
    assert gone["count"]["value"] == 73, gone


def test_leaving_with_no_figure_of_people_is_no_evacuation(resources: Any) -> None:
    for text in ("Окупанти забрали 40 квартир, власники яких виїхали на підконтрольну "
                 "територію.",
                 "Влада закликає мешканців сіл виїхати в безпечніші громади.",
                 "З Мирнограда виїхали понад 90% населення."):
        assert of_type(_events(resources, text, "uk"), "civilians.evacuated") == [], text


NIKOPOL = 700051


def test_casualties_naming_no_place_are_at_the_town_their_paragraph_named(resources: Any
                                                                          ) -> None:
    text = ("У Нікополі вранці загинув 63-річний чоловік. Начальник РВА уточнив деталі. "
            "Ще двоє людей отримали поранення.")
    hurt = of_type(_events(resources, text, "uk"), "casualties")
    assert [place_id(m) for m in hurt] == [NIKOPOL, NIKOPOL], hurt
    text = ("Днём в Никополе погиб мужчина. Глава района уточнил подробности. Ещё двое "
            "прохожих ранены.")
    hurt = of_type(_events(resources, text, "ru"), "casualties")
    assert [place_id(m) for m in hurt] == [NIKOPOL, NIKOPOL], hurt


def test_a_loss_tally_or_a_new_paragraph_takes_no_town(resources: Any) -> None:
    text = "Мер Нікополя провів нараду з рятувальниками. За добу поранено п'ятьох людей."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert place_id(hurt) == NIKOPOL, hurt
    text = ("Бої тривають біля Нікополя. Загалом минулої доби втрати противника склали "
            "930 осіб.")
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["place"] is None, lost
    text = "Мер Нікополя провів нараду з рятувальниками.\n\nЗа добу поранено п'ятьох людей."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert hurt["place"] is None, hurt


def test_taking_people_out_as_a_routine_is_no_evacuation(resources: Any) -> None:
    for text in ("Волонтёры вывозят людей из посёлка каждый день.",
                 "Власти продолжают вывозить жителей из прибрежных сёл."):
        assert of_type(_events(resources, text, "ru"), "civilians.evacuated") == [], text
    text = "«Ми вивозимо людей щодня, але це дуже складно», — сказав очільник громади."
    assert of_type(_events(resources, text, "uk"), "civilians.evacuated") == [], text


def test_taking_people_out_counted_or_planned_is_still_an_evacuation(resources: Any
                                                                      ) -> None:
    text = "Автобуси щодня вивозять по 20–30 людей з Ізюма до Харкова."
    assert len(of_type(_events(resources, text, "uk"), "civilians.evacuated")) == 1
    text = "Вивозити дітей із прикордонних сіл Шосткинського району почнуть із понеділка."
    assert len(of_type(_events(resources, text, "uk"), "civilians.evacuated")) == 1


def test_each_town_listed_before_a_strike_is_struck(resources: Any) -> None:
    text = "По Нікополю, Марганцю та Покрову противник завдав 12 ударів з артилерії."
    struck = of_type(_events(resources, text, "uk"), "strike")
    assert sorted(s["place"]["name"] for s in struck) == ["Marhanets", "Nikopol", "Pokrov"]
    assert {s["count"]["value"] for s in struck} == {12}
    text = "По Никополю, Марганцу и Покрову противник нанёс 12 ударов из артиллерии."
    assert len(of_type(_events(resources, text, "ru"), "strike")) == 3


def test_front_directions_listed_before_a_strike_are_no_towns_struck(resources: Any
                                                                     ) -> None:
    text = "На Курському та Білгородському напрямках ворог здійснив 5 обстрілів."
    assert len(of_type(_events(resources, text, "uk"), "strike")) <= 1


def test_losses_there_are_at_the_place_named_before(resources: Any) -> None:
    text = ("Противник 31 раз штурмував позиції біля Степногірська. «Вони втратили там "
            "щонайменше 40 військових», — зазначив речник.")
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["place"]["name"] == "Stepnohirsk", lost
    text = "Бои шли за Крынки. «Противник потерял там до 40 человек убитыми», — уточнил он."
    (lost,) = of_type(_events(resources, text, "ru"), "casualties")
    assert lost["place"]["name"] == "Krynky", lost


def test_a_last_line_of_name_and_office_signs_the_text(resources: Any) -> None:
    text = ("Нікопольщина. Вечірнє зведення\n"
            "Уранці окупанти обстріляли Марганець з артилерії.\n"
            "Євген Євтушенко, голова районної військової адміністрації")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert strike["claimant"].startswith("Yevhen Yevtushenko"), strike
    assert strike["modality"] == "claimed", strike


def test_a_last_line_naming_a_person_in_a_sentence_signs_nothing(resources: Any) -> None:
    text = ("Уранці окупанти обстріляли Марганець з артилерії.\n"
            "Євген Євтушенко, за даними ЗМІ, проводить нараду.")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert strike["claimant"] is None, strike


def test_the_community_said_bare_is_the_town_named_before(resources: Any) -> None:
    text = ("Мер Нікополя провів нараду з рятувальниками.\n\n"
            "За тиждень у громаді загинули четверо людей.")
    (dead,) = of_type(_events(resources, text, "uk"), "casualties")
    assert place_id(dead) == NIKOPOL, dead
    text = ("Мэр Никополя провёл совещание со спасателями.\n\n"
            "За неделю в громаде погибли четыре человека.")
    (dead,) = of_type(_events(resources, text, "ru"), "casualties")
    assert place_id(dead) == NIKOPOL, dead


def test_control_of_half_or_a_third_of_a_town_is_a_partial_capture(resources: Any
                                                                   ) -> None:
    text = "Росіяни контролюють щонайменше третину Сіверська, стверджують аналітики."
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert taken["place"]["name"] == "Siversk" and taken["extent"] == "partial", taken
    text = ("Бои идут в Константиновке. По словам военкора, под нашим контролем уже около "
            "трети города.")
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert taken["place"]["name"] == "Kostyantynivka", taken
    assert taken["extent"] == "partial", taken
    text = ("Бої тривають у Костянтинівці. За оцінкою речника, росіяни контролюють близько "
            "половини міста.")
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert taken["place"]["name"] == "Kostyantynivka", taken


KHERSON_OBLAST = 706442


def test_losses_after_strikes_on_a_regions_places_are_the_regions(resources: Any) -> None:
    text = ("За минулу добу ворог атакував 35 населених пунктів Херсонської області. Під "
            "ударами опинилися Білозерка, Антонівка, Чорнобаївка, а також Херсон.\n\n"
            "Внаслідок обстрілів одна людина загинула, ще семеро дістали поранення.")
    hurt = of_type(_events(resources, text, "uk"), "casualties")
    assert [place_id(m) for m in hurt] == [KHERSON_OBLAST, KHERSON_OBLAST], hurt


def test_losses_after_strikes_with_no_region_named_stay_at_the_last_struck(resources: Any
                                                                           ) -> None:
    text = "Вчора ворог обстріляв Білозерку та Херсон.\n\nВнаслідок обстрілів поранено двох людей."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert hurt["place"]["name"] == "Kherson", hurt


KHERSON = 706448


def test_a_district_the_gazetteer_lacks_is_in_the_town_named_before(resources: Any
                                                                    ) -> None:
    text = ("Мер Херсона провів нараду з рятувальниками.\n\n"
            "За тиждень у Корабельному районі загинули двоє людей.")
    (dead,) = of_type(_events(resources, text, "uk"), "casualties")
    assert place_id(dead) == KHERSON, dead
    text = ("Мэр Херсона провёл совещание со спасателями.\n\n"
            "За неделю в Корабельном районе погибли два человека.")
    (dead,) = of_type(_events(resources, text, "ru"), "casualties")
    assert place_id(dead) == KHERSON, dead


DNIPRO = 709930


def test_a_toll_risen_to_a_figure_is_counted_and_placed(resources: Any) -> None:
    text = ("Вранці у Дніпрі поранено чотирьох людей.\n\n"
            "Пізніше кількість поранених зросла до 19, повідомив очільник ОВА.")
    hurt = of_type(_events(resources, text, "uk"), "casualties")
    assert [(m["count"]["value"], place_id(m)) for m in hurt] == [(4, DNIPRO), (19, DNIPRO)]
    text = "Позже мэр уточнил, что число пострадавших в Харькове выросло до 12."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 12, hurt
