"""Round 15 (b) of the Russian and Ukrainian rules: who claims and how, denials and dates
(decisions 265-279). Every sentence here was written for these tests. A few tests guard
the limits of a new rule (what it must not read: "no ... alone", "present ... no plan",
"said by the side", "still the calendar week", "reaches no further", "an assessment");
they pass on the code before it too."""

from __future__ import annotations

from datetime import date
from typing import Any

from wirewatch.document import Document
from wirewatch.pipeline import extract

PUB = date(2025, 10, 15)  # a Wednesday


def _events(resources: Any, text: str, lang: str) -> list[dict[str, Any]]:
    doc = Document("d", text, published=PUB, lang=lang)
    (result,) = extract([doc], resources)
    return [e.to_dict() for e in result.events]


def _of(got: list[dict[str, Any]], etype: str, modality: str) -> list[dict[str, Any]]:
    return [e for e in got if e["type"] == etype and e["modality"] == modality]


def _speaker(e: dict[str, Any]) -> str | None:
    actor = e.get("claimant_actor")
    return actor["id"] if actor else None


# -- decision 265: more words of denial and of saying ------------------------------------


def test_a_claim_called_fiction_is_denied(resources: Any) -> None:
    text = ("Министерство обороны России заявило, что у Очакова уничтожены два катера.\n\n"
            "В командовании ВМС Украины эти сведения назвали вымыслом.")
    got = _events(resources, text, "ru")
    assert _of(got, "equipment.lost", "denied")


def test_a_claim_called_an_invention_is_denied_in_ukrainian(resources: Any) -> None:
    text = ("Міноборони РФ заявило про «звільнення» села Приморське.\n\n"
            "У Силах оборони півдня це назвали вигадкою: село контролюють наші бійці.")
    got = _events(resources, text, "uk")
    assert _of(got, "territory.captured", "denied")


def test_a_body_that_denies_in_the_present_is_its_speaker(resources: Any) -> None:
    text = ("Минобороны России заявило, что его подразделения взяли под контроль Ямполь.\n\n"
            "В группировке «Хортица» это опровергают.")
    denied = _of(_events(resources, text, "ru"), "territory.captured", "denied")
    assert denied and _speaker(denied[0]) == "ua-osg-khortytsia"


def test_the_southern_defence_forces_in_russian(resources: Any) -> None:
    text = ("Минобороны России заявило, что подразделения взяли под контроль Степногорск.\n\n"
            "В Силах обороны юга Украины это сообщение опровергли.")
    denied = _of(_events(resources, text, "ru"), "territory.captured", "denied")
    assert denied and _speaker(denied[0]) == "ua-defence-forces-south"


# -- decision 266: absence in the clause; the noun a denial names its claim by ------------


def test_no_encirclement_with_a_place_between(resources: Any) -> None:
    text = ("Военкор Александр Коц утверждает, что под Угледаром в «котле» остаются бойцы.\n\n"
            "В «Хортице» ответили: «Окружения под Угледаром нет».")
    got = _events(resources, text, "ru")
    assert _of(got, "territory.encircled", "denied")
    assert not [e for e in got if e["type"] == "territory.encircled"
                and e["modality"] == "claimed"]


def test_no_threat_of_encirclement_in_ukrainian(resources: Any) -> None:
    text = ("Володимир Путін заявив, що українські бійці під Вовчанськом «перебувають в "
            "оточенні».\n\nУ Генштабі відповіли: «Загрози оточення наших підрозділів під "
            "Вовчанськом немає».")
    got = _events(resources, text, "uk")
    assert _of(got, "territory.encircled", "denied")


def test_a_denial_of_reports_of_an_offensive(resources: Any) -> None:
    text = ("Российский военкор написал, что войска начали наступление на Сумскую область.\n\n"
            "В Генштабе ВСУ назвали сообщения о наступлении фейком.")
    got = _events(resources, text, "ru")
    assert _of(got, "offensive.launched", "denied")


# -- decision 267: none of a kind of equipment --------------------------------------------


def test_not_one_boat_hurt_denies_the_boats_lost(resources: Any) -> None:
    text = ("Міноборони РФ заявило, що біля Очакова знищено три катери ВМС України.\n\n"
            "Речник ВМС Дмитро Плетенчук назвав це неправдою: «Жоден наш катер не "
            "постраждав».")
    got = _events(resources, text, "uk")
    assert _of(got, "equipment.lost", "denied")
    assert not [e for e in got if e["type"] == "casualties"]


def test_not_one_ship_damaged_in_russian(resources: Any) -> None:
    text = ("Генштаб ВСУ заявил, что в Новороссийске поражены два корабля.\n\n"
            "В штабе Черноморского флота ответили: «Ни один корабль не получил "
            "повреждений».")
    got = _events(resources, text, "ru")
    assert _of(got, "equipment.lost", "denied")
    assert not _of(got, "strike", "denied")


# -- decision 268: holding answers a capture claim ----------------------------------------


def test_holding_with_no_capture_claimed_is_no_denial(resources: Any) -> None:
    text = "Энергодар находится под контролем российских войск с марта 2022 года."
    got = _events(resources, text, "ru")
    assert not _of(got, "territory.captured", "denied")


def test_a_grey_zone_answers_a_capture_claim(resources: Any) -> None:
    text = ("Минобороны России заявило, что подразделения взяли под контроль Степногорск.\n\n"
            "«Степногорск остаётся серой зоной», - сказал представитель бригады.")
    got = _events(resources, text, "ru")
    assert [e for e in _of(got, "territory.captured", "denied")
            if e["place"] and e["place"]["name"] == "Stepnohirsk"]


# -- decision 269: Ukrainian first names in Russian spelling ------------------------------


def test_a_ukrainian_apostrophe_name_in_russian(resources: Any) -> None:
    text = ("Российские войска обстреляли Семёновку, сообщил глава ОВА Вячеслав Чаус.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ua-chaus" for e in got)


# -- decision 270: the head of the region ---------------------------------------------


def test_the_head_of_the_region_is_the_governor_named_before(resources: Any) -> None:
    text = ("Губернатор Брянской области Александр Богомаз сообщил, что ночью над областью "
            "сбиты 12 беспилотников.\n\nГенштаб ВСУ заявил, что поражён склад в Брянске.\n\n"
            "Днём, по информации главы региона, дрон атаковал автомобиль в Климово.")
    got = [e for e in _events(resources, text, "ru") if "Климово" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ru-bogomaz" for e in got)


def test_the_head_of_the_region_in_ukrainian(resources: Any) -> None:
    text = ("Голова Харківської ОВА Олег Синєгубов повідомив про обстріл Чугуєва.\n\n"
            "Міський голова Ігор Терехов написав про удар по Харкову.\n\n"
            "«Поранено двох людей у Балаклії», — додав очільник області.")
    got = [e for e in _events(resources, text, "uk") if "Балакл" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ua-syniehubov" for e in got)


# -- decisions 271-273: who is accused, told of or told is no speaker -------------------


def test_who_is_accused_is_no_speaker(resources: Any) -> None:
    text = ("Губернатор Владимир Сальдо в своём Telegram-канале обвиняет ВСУ в обстреле "
            "рынка в Каховке.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ru-saldo" for e in got)


def test_an_actor_in_what_is_told_of_is_no_speaker(resources: Any) -> None:
    text = ("Глава ЛНР Леонид Пасечник в своём Telegram-канале сообщил об ударе ВСУ по "
            "Алчевску.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ru-pasechnik" for e in got)


def test_his_words_after_a_person_of_the_same_sentence(resources: Any) -> None:
    text = ("Генштаб ЗСУ повідомив про ураження складу в Брянській області.\n\n"
            "Губернатор В'ячеслав Гладков скаржиться на атаки: за його словами, у вівторок "
            "у Шебекіному поранено двох жителів.")
    got = [e for e in _events(resources, text, "uk") if "Шебекін" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ru-gladkov" for e in got)


def test_an_outlet_told_does_not_part_the_verb_from_its_speaker(resources: Any) -> None:
    text = ("«Ранены трое прохожих», - рассказал «Новой газете Европа» начальник городской "
            "военной администрации Роман Мрочко.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ua-mrochko" for e in got)


def test_reports_of_a_town_lost_are_a_capture_denied(resources: Any) -> None:
    text = ("Военкоры написали, что российские войска взяли под контроль Курахово.\n\n"
            "В Генштабе ВСУ назвали сообщения о потере Курахово информационной операцией.")
    got = _events(resources, text, "ru")
    assert _of(got, "territory.captured", "denied")
    assert not _of(got, "casualties", "denied")


def test_none_lost_said_by_the_side_that_reported_the_attack(resources: Any) -> None:
    # a refinement of the rule above: the same side's report denies nothing of its own
    text = ("Губернатор Севастополя Михаил Развожаев сообщил, что уничтожены три безэкипажных "
            "катера. «Ни один корабль не получил повреждений», — подчеркнул глава города.")
    got = _events(resources, text, "ru")
    assert not [e for e in got if e["modality"] == "denied"]


def test_a_grey_zone_in_lower_case_names_no_channel(resources: Any) -> None:
    text = ("Минобороны России заявило, что подразделения взяли под контроль Степногорск.\n\n"
            "В ВСУ это опровергли: по словам представителя бригады, Степногорск остаётся "
            "«серой зоной».")
    got = _events(resources, text, "ru")
    assert got and not any(e["conduit"] for e in got)


# -- decisions 274-276: dates ---------------------------------------------------------


def _when(e: dict[str, Any]) -> str:
    return str(e["date"]["value"])


def test_over_the_week_is_the_seven_days_up_to_publication(resources: Any) -> None:
    got = _events(resources, "За неделю из Суджи вывезли 146 человек.", "ru")
    assert got and _when(got[0]) == "2025-10-09/2025-10-15"
    got = _events(resources, "За тиждень з Вовчанська евакуювали 212 людей.", "uk")
    assert got and _when(got[0]) == "2025-10-09/2025-10-15"


def test_over_last_week_is_still_the_calendar_week(resources: Any) -> None:
    got = _events(resources, "За прошлую неделю из Рыльска вывезли 12 человек.", "ru")
    assert got and _when(got[0]) == "2025-10-06/2025-10-12"


def test_a_weekday_after_throughout(resources: Any) -> None:
    got = _events(resources, "Російська армія упродовж понеділка 87 разів обстріляла Оріхів.",
                  "uk")
    assert got and _when(got[0]) == "2025-10-13"


def test_a_lead_period_dates_the_summary_under_it(resources: Any) -> None:
    text = ("Итоги недели\n\n"
            "С 6 по 12 октября 2025 года войска продолжали выполнение задач.\n\n"
            "Подразделения группировки «Восток» взяли под контроль Успеновку.\n\n"
            "За неделю средствами ПВО сбиты 300 беспилотников.")
    got = _events(resources, text, "ru")
    assert got and all(_when(e) == "2025-10-06/2025-10-12" for e in got)


def test_an_absence_denied_stays_beside_another_speakers_denial(resources: Any) -> None:
    text = ("Генерал Валерий Герасимов заявил, что взят Купянск, а в Мирнограде «блокирован "
            "гарнизон».\n\nГлавнокомандующий ВСУ Александр Сырский заявил, что окружения "
            "Мирнограда нет. Глава Харьковской ОВА Олег Синегубов назвал сообщение о взятии "
            "Купянска фейком.")
    got = _events(resources, text, "ru")
    assert _of(got, "territory.encircled", "denied")


def test_an_outlet_telling_a_denial_is_no_side(resources: Any) -> None:
    text = ("Міноборони РФ заявило, що нібито знищило два літаки на аеродромі в Миргороді. "
            "«Це фейк. Жоден літак на аеродромі не постраждав», — заявили РБК-Україна в "
            "Повітряних силах.")
    got = _events(resources, text, "uk")
    denied = _of(got, "equipment.lost", "denied")
    assert denied and denied[0]["place"]["name"] == "Myrhorod"


# -- decision 278: a speaker that opens a line with a colon ------------------------------


def test_a_body_before_a_colon_says_its_line(resources: Any) -> None:
    text = ("Повітряні сили: уночі ворог атакував Україну 90 дронами.\n\n"
            "Харківська ОВА: по Ізюму вдарили ракетою, поранено трьох людей.")
    got = [e for e in _events(resources, text, "uk") if "Ізюм" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ua-kharkiv-ova" for e in got)


# -- decision 279: an aside by another speaker -----------------------------------------


def test_the_speaker_before_goes_on_after_an_aside(resources: Any) -> None:
    text = ("Голова Харківської ОВА Олег Синєгубов повідомив про обстріл Чугуєва. Міський "
            "голова Ігор Терехов натомість написав про чотирьох поранених у Харкові.\n\n"
            "Увечері окупанти скинули авіабомбу на Золочів, загинула жінка.")
    got = [e for e in _events(resources, text, "uk") if "Золочів" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ua-syniehubov" for e in got)


# -- decision 275: announced events ----------------------------------------------------


def test_a_future_verb_makes_an_evacuation_planned(resources: Any) -> None:
    got = _events(resources, "Из Каменки начнут вывозить детей.", "ru")
    assert got and got[0]["type"] == "civilians.evacuated" and got[0]["modality"] == "planned"
    got = _events(resources, "Із Вовчанська вивезуть 200 людей.", "uk")
    assert got and got[0]["modality"] == "planned"


def test_a_present_evacuation_is_no_plan(resources: Any) -> None:
    got = _events(resources, "Из Шебекино эвакуируют жителей.", "ru")
    assert got and got[0]["modality"] != "planned"


def test_a_planned_weekday_is_ahead(resources: Any) -> None:
    got = _events(resources, "З понеділка в місті запровадять обов'язкову евакуацію з "
                  "Куп'янська.", "uk")
    assert got and got[0]["modality"] == "planned" and _when(got[0]) == "2025-10-20"


# -- decision 274, continued -------------------------------------------------------


def test_a_week_that_names_its_days(resources: Any) -> None:
    got = _events(resources, "За тиждень з 1 по 7 жовтня Сили оборони знищили 24 танки.",
                  "uk")
    assert got and _when(got[0]) == "2025-10-01/2025-10-07"


def test_a_week_ends_on_the_day_of_the_statement(resources: Any) -> None:
    text = ("Міноборони РФ у вівторок заявило про захоплення Білої Гори. У відомстві також "
            "стверджують, що за тиждень біля Торецька знищили три танки.")
    got = [e for e in _events(resources, text, "uk") if e["type"] == "equipment.lost"]
    assert got and _when(got[0]) == "2025-10-08/2025-10-14"


# -- decisions 265, 266, continued ------------------------------------------------


def test_no_threat_of_encirclement_alone_is_no_denial(resources: Any) -> None:
    text = "Загрози оточення Оріхова наразі немає, наголошують аналітики."
    assert not _of(_events(resources, text, "uk"), "territory.encircled", "denied")


def test_a_denial_of_its_own_sentences_claim_reaches_no_further(resources: Any) -> None:
    text = ("Губернатор Владимир Сальдо сообщил, что в Алешках ранены двое жителей.\n\n"
            "Кроме того, Сальдо заявил, что российские подразделения «полностью контролируют» "
            "остров у Херсона — в ОВА это назвали выдумкой.")
    assert not [e for e in _events(resources, text, "ru") if e["modality"] == "denied"]


def test_a_commander_saying_no_encirclement_denies_it(resources: Any) -> None:
    text = ("Минобороны России заявило, что в районе Мирнограда взяты в плен 11 солдат.\n\n"
            "Главнокомандующий ВСУ Александр Сырский заявил, что «окружения Мирнограда нет», "
            "а логистика работает.")
    got = _events(resources, text, "ru")
    assert [e for e in _of(got, "territory.encircled", "denied")
            if e["place"] and e["place"]["name"] == "Myrnohrad"]
    assert not _of(got, "territory.encircled", "claimed")


def test_an_observer_saying_no_encirclement_is_an_assessment(resources: Any) -> None:
    text = ("Росіяни просунулися до околиць Кругляківки, однак загрози оточення Куп'янська "
            "наразі немає, вважає військовий оглядач Олександр Коваленко.")
    assert not _of(_events(resources, text, "uk"), "territory.encircled", "denied")


def test_an_outlet_told_after_a_comma_is_no_subject(resources: Any) -> None:
    text = ("С начала года российские паспорта получили 90 тысяч жителей Херсонской области, "
            "сообщили «Известиям» в МВД России.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ru-mvd" for e in got)


def test_whom_the_verb_tells_is_no_speaker(resources: Any) -> None:
    text = ("Начальник Генштаба ВС РФ Валерий Герасимов в субботу доложил Владимиру Путину о "
            "взятии Купянска.")
    got = _events(resources, text, "ru")
    assert got and all(_speaker(e) == "ru-gerasimov" for e in got)


def test_he_said_goes_on_with_the_speaker_before(resources: Any) -> None:
    text = ("Глава Харьковской ОВА Олег Синегубов назвал это неправдой. Он также сообщил, что "
            "накануне российская армия обстреляла Чугуев, ранены трое жителей.")
    got = [e for e in _events(resources, text, "ru") if "Чугуев" in e["evidence"]["text"]]
    assert got and all(_speaker(e) == "ua-syniehubov" for e in got)
