"""Russian and Ukrainian reading, round ruuk17 (decisions 320-339). Every sentence here was
written for these tests.

Guards (they pass before the change too, and say what must not change):
``test_a_named_channel_that_speaks_is_no_conduit_of_itself`` (decision 322),
``test_about_to_be_encircled_is_no_encirclement`` (decision 327: the new phrases of being
encircled must not read "ось-ось опиниться в котлі" as one),
``test_leaving_a_treaty_is_no_withdrawal`` (decision 338: the new noun "вихід з" must not
read leaving a treaty as a pullout).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events_helpers import events_in, of_type, place_id

PUB = date(2025, 6, 24)  # a Tuesday


def _events(resources: Any, text: str, lang: str, published: date = PUB
            ) -> list[dict[str, Any]]:
    return events_in(resources, text, lang, published)


def test_a_byline_of_person_and_body_makes_the_person_the_speaker(resources: Any) -> None:
    text = ("Олександр Прокудін, Херсонська ОВА (телеграм), 23 червня\n\n"
            "Минулої доби ворог обстріляв Білозерку з артилерії.")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert strike["claimant"] == "Oleksandr Prokudin (governor of Kherson region)"
    assert strike["modality"] == "claimed"


def test_a_byline_ending_in_a_colon_signs_the_paragraphs_below(resources: Any) -> None:
    text = ("Віталій Кім, Миколаївська ОВА:\n\n"
            "Вчора ворог обстріляв Очаків з артилерії.\n\n"
            "Вночі дрон влучив у склад у Вознесенську.")
    strikes = of_type(_events(resources, text, "uk"), "strike")
    assert len(strikes) == 2
    assert {s["claimant"] for s in strikes} == {"Vitaliy Kim (governor of Mykolaiv region)"}


def test_the_head_of_a_body_in_the_genitive_is_its_holder(resources: Any) -> None:
    text = ("За словами голови Херсонської ОВА, вчора окупанти обстріляли Білозерку з "
            "мінометів.")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert strike["claimant"] == "Oleksandr Prokudin (governor of Kherson region)"


def test_his_figures_point_to_the_person_named_after_the_last_speaker(resources: Any) -> None:
    text = ("Вночі дрон влучив у школу в Слов'янську, розповів очільник міста Вадим Лях.\n\n"
            "Начальник Донецької ОВА Вадим Філашкін подав у зведенні інші цифри. Минулої "
            "доби, за його даними, росіяни поранили шістьох жителів Краматорська.")
    (hurt,) = [e for e in of_type(_events(resources, text, "uk"), "casualties")
               if place_id(e) == 704508]
    assert hurt["claimant"] == "Vadym Filashkin (governor of Donetsk region)"


def test_a_speakers_own_telegram_channel_is_the_conduit(resources: Any) -> None:
    text = ("Два человека погибли при обстреле Горловки. Об этом сообщил в своём "
            "Telegram-канале глава ДНР Денис Пушилин.")
    (dead,) = of_type(_events(resources, text, "ru"), "casualties")
    assert dead["conduit"] == ["Telegram channel"]
    assert dead["claimant"].startswith("Denis Pushilin")


def test_a_named_channel_that_speaks_is_no_conduit_of_itself(resources: Any) -> None:
    text = "Вчера ВСУ обстреляли Горловку, сообщил в Telegram-канале «Рыбарь»."
    for e in _events(resources, text, "ru"):
        assert "Telegram channel" not in e["conduit"]


def test_a_season_with_its_year_is_its_three_months(resources: Any) -> None:
    text = "Весной 2022 года российские войска заняли Лиман."
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert taken["date"]["value"] == "2022-03-01/2022-05-31"
    assert taken["date"]["basis"] == "explicit"


def test_winter_of_a_year_begins_in_the_december_before(resources: Any) -> None:
    text = "Узимку минулого року росіяни захопили Авдіївку."
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert taken["date"]["value"] == "2023-12-01/2024-02-29"
    assert taken["date"]["basis"] == "relative"


def test_since_a_season_runs_to_publication(resources: Any) -> None:
    text = "С весны 2022 года оккупанты отобрали в Мариуполе более 400 квартир."
    (taken,) = of_type(_events(resources, text, "ru"), "property.looted")
    assert taken["date"]["value"] == "2022-03-01/2025-06-24"


def test_a_part_of_a_month_is_its_days(resources: Any) -> None:
    text = "На початку жовтня 2024 року російські війська захопили Вугледар."
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert taken["date"]["value"] == "2024-10-01/2024-10-10"
    text = "ВСУ взяли под контроль Суджу в середине августа."
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert taken["date"]["value"] == "2024-08-11/2024-08-20"


def test_for_a_year_is_the_whole_year(resources: Any) -> None:
    text = "За 2024 год российские паспорта в Мариуполе получили 18 тысяч человек."
    (given,) = of_type(_events(resources, text, "ru"), "passport.issued")
    assert given["date"]["value"] == "2024-01-01/2024-12-31"


def test_a_weekday_with_its_date_written_after_it_is_explicit(resources: Any) -> None:
    text = ("Російська армія обстріляла Куп'янськ, повідомив у неділю, 22 червня, голова "
            "Харківської ОВА Олег Синєгубов.")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert strike["date"]["value"] == "2025-06-22"
    assert strike["date"]["basis"] == "explicit"


def test_a_weekday_ahead_with_its_date_takes_the_year_of_that_weekday(resources: Any
                                                                       ) -> None:
    text = "В пятницу, 9 января, из пяти сёл Краснопольской громады начнут эвакуацию детей."
    (out,) = of_type(_events(resources, text, "ru", date(2025, 12, 20)),
                     "civilians.evacuated")
    assert out["date"]["value"] == "2026-01-09"


def test_a_town_not_abandoned_is_a_denied_capture(resources: Any) -> None:
    text = ("Минобороны России заявило о взятии Курахово. «Курахово не оставлено, бои "
            "продолжаются», — сказал представитель корпуса ВСУ.")
    got = _events(resources, text, "ru")
    assert not of_type(got, "territory.withdrawn")
    assert {e["modality"] for e in of_type(got, "territory.captured")} == {"claimed", "denied"}


def test_a_russian_town_in_russian_text_is_not_a_ukrainian_village(resources: Any) -> None:
    text = ("Губернатор Ростовской области сообщил, что ночью в Гукове дрон повредил "
            "подстанцию.")
    (strike,) = of_type(_events(resources, text, "ru"), "strike")
    assert place_id(strike) == 558082  # Gukovo, not Hukiv of Khmelnytskyi Oblast


def test_troops_that_found_themselves_in_an_encirclement(resources: Any) -> None:
    text = ("Проросійський канал написав, що бійці ЗСУ у Вовчанську «фактично опинилися в "
            "оперативному оточенні».")
    (closed,) = of_type(_events(resources, text, "uk"), "territory.encircled")
    assert place_id(closed) == 689304  # Vovchansk


def test_about_to_be_encircled_is_no_encirclement(resources: Any) -> None:
    text = "Російські блогери пишуть, що Лиман «ось-ось опиниться в котлі»."
    assert not of_type(_events(resources, text, "uk"), "territory.encircled")


def test_an_area_cleared_of_the_occupiers_is_a_capture_in_the_region(resources: Any) -> None:
    text = ("За словами командувача, з 1 червня на цій ділянці Запорізької області від окупантів "
            "очищено 40 квадратних кілометрів.")
    (taken,) = of_type(_events(resources, text, "uk"), "territory.captured")
    assert place_id(taken) == 687699  # Zaporizhzhia Oblast
    assert taken["extent"] == "partial"


def test_where_a_bomb_hit_with_the_verb_first_is_a_strike(resources: Any) -> None:
    text = "Біля ринку в Дружківці, куди вчора влучила керована авіабомба, розбирають завали."
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(strike) == 616743  # Druzhkivka
    text = "У Горловці, куда вчера попала ракета, разбирают завалы."
    (strike,) = of_type(_events(resources, text, "ru"), "strike")
    assert place_id(strike) == 707753  # Horlivka


def test_a_town_in_capitals_opening_a_local_story_heads_its_paragraph(resources: Any
                                                                      ) -> None:
    text = ("ДРУЖКІВКА. Вранці на вулицях майже нікого. Біля школи, куди вночі влучила "
            "ракета, працюють рятувальники.")
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(strike) == 616743  # Druzhkivka


def test_people_moved_out_of_a_named_quarter_are_moved_out_of_its_town(resources: Any
                                                                       ) -> None:
    text = ("У Нікополі третю добу немає світла. Через обстріли з мікрорайону Зелений Гай "
            "відселили 12 мешканців.")
    (out,) = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert place_id(out) == 700051  # Nikopol


def test_the_region_an_office_of_the_sentence_names_is_the_region(resources: Any) -> None:
    text = ("Учора ворог обстріляв Нікополь. За даними Запорізької ОВА, з прифронтових громад "
            "області за тиждень евакуювали 90 людей.")
    (out,) = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert place_id(out) == 687699  # Zaporizhzhia Oblast


def test_a_months_figure_is_a_tally(resources: Any) -> None:
    text = "В мае в Мелитополе российские паспорта получили 1,8 тысячи человек."
    (given,) = of_type(_events(resources, text, "ru"), "passport.issued")
    assert given["date"]["value"] == "2025-05" and given["aggregate"]


def test_what_was_taken_counts_a_looting(resources: Any) -> None:
    text = "С весны 2022 года оккупанты забрали в Бердянске более 300 квартир."
    (taken,) = of_type(_events(resources, text, "ru"), "property.looted")
    assert taken["count"] == {"value": 300, "approx": True, "qualifier": "more than"}
    assert taken["aggregate"]


def test_the_krasnyi_lyman_direction_is_lymans(resources: Any) -> None:
    text = "На краснолиманском направлении подразделения уничтожили до 40 военнослужащих ВСУ."
    (dead,) = of_type(_events(resources, text, "ru"), "casualties")
    assert place_id(dead) == 704204  # Lyman, Donetsk Oblast


def test_an_analyst_that_writes_is_the_speaker(resources: Any) -> None:
    text = ("Институт изучения войны в своём обзоре за вторник пишет, что российские войска "
            "контролируют большую часть Торецка.")
    (taken,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert taken["claimant"] == "Institute for the Study of War"
    assert taken["modality"] == "reported"


def test_a_headline_told_again_by_the_body_is_one_claim(resources: Any) -> None:
    text = ("Сумщина: за місяць евакуювали понад 900 людей\n\n"
            "За травень з прикордонних громад Сумщини евакуювали 912 людей, повідомили в "
            "Сумській ОВА.")
    got = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert len(got) == 1 and got[0]["count"]["value"] == 912


def test_the_past_day_of_a_dated_statement_is_that_day(resources: Any) -> None:
    text = ("Речник угруповання «Таврія» Дмитро Лиховій у неділю ввечері підтвердив, що бої "
            "тривають. Він також навів втрати противника за минулу добу: ліквідовано 120 "
            "окупантів.")
    (dead,) = of_type(_events(resources, text, "uk"), "casualties")
    assert dead["date"]["value"] == "2025-06-22"  # the Sunday, not the Tuesday of publication


def test_drones_named_before_the_verb_that_shot_them_down_are_lost(resources: Any) -> None:
    text = "Ще три «шахеди» збили над Ковельським районом."
    (lost,) = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert lost["equipment"] == "drone" and lost["count"]["value"] == 3
    text = "Морські дрони знищили катер біля Очакова."
    (lost,) = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert lost["equipment"] != "drone"  # the drones destroyed it


def test_a_city_district_after_the_regions_governor_is_still_the_citys(resources: Any
                                                                       ) -> None:
    text = ("Харьков ночью снова атаковали беспилотники.\n\n"
            "Глава Харьковской областной военной администрации Олег Синегубов уточнил, что "
            "дрон попал в дом в Слободском районе.")
    strikes = of_type(_events(resources, text, "ru"), "strike")
    assert {place_id(s) for s in strikes} == {706483}  # Kharkiv, not the village Sloboda


def test_losses_on_the_direction_with_no_name_are_the_directions_named_before(
        resources: Any) -> None:
    text = ("На Покровському напрямку Сили оборони звільнили Шевченко.\n\n"
            "Втрати противника на напрямку за тиждень командувач оцінив у 900 осіб.")
    (dead,) = of_type(_events(resources, text, "uk"), "casualties")
    assert place_id(dead) == 704422  # Pokrovsk, the direction's seat


def test_the_izmail_district_is_izmails(resources: Any) -> None:
    text = "Вночі в Ізмаїльському районі пошкоджено зерновий термінал."
    (strike,) = of_type(_events(resources, text, "uk"), "strike")
    assert place_id(strike) == 707308  # Izmail


def test_a_place_of_the_next_clause_is_not_the_damages(resources: Any) -> None:
    text = ("У ОВА повідомили, що в Броварському районі пошкоджено енергетичний об'єкт, а в "
            "Білій Церкві уламками посічено кілька будинків.")
    strikes = of_type(_events(resources, text, "uk"), "strike")
    assert 711390 in {place_id(s) for s in strikes}  # Brovary, the district's seat


def test_a_denied_report_of_a_pullout_is_a_denied_withdrawal(resources: Any) -> None:
    text = ("Речник угруповання назвав брехнею повідомлення російських каналів про вихід ЗСУ "
            "з Великої Новосілки.")
    (out,) = of_type(_events(resources, text, "uk"), "territory.withdrawn")
    assert out["modality"] == "denied" and place_id(out) == 690237  # Velyka Novosilka


def test_leaving_a_treaty_is_no_withdrawal(resources: Any) -> None:
    text = "Після виходу Росії із «зернової угоди» порти на Дунаї зазнавали ударів."
    assert not of_type(_events(resources, text, "uk"), "territory.withdrawn")


def test_a_strike_on_a_whole_country_is_no_strike_event(resources: Any) -> None:
    text = ("У ніч на вівторок росіяни атакували Україну 90 ударними дронами. Над Київщиною "
            "збили 20 дронів.")
    got = _events(resources, text, "uk")
    assert not [e for e in of_type(got, "strike") if place_id(e) == 690791]
    assert of_type(got, "equipment.lost")
