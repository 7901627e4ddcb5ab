"""Round 14 (b) of the Russian and Ukrainian rules: who claims, denials, hedges, captures
and dates. Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from wirewatch.document import Document
from wirewatch.pipeline import extract

PUB = date(2025, 10, 15)  # a Wednesday


def _events(resources: Any, text: str, lang: str, outlet: str | None = None
            ) -> list[dict[str, Any]]:
    doc = Document("d", text, published=PUB, lang=lang, outlet=outlet)
    (result,) = extract([doc], resources)
    return [e.to_dict() for e in result.events]


# -- decision 215: an outlet named by its speaker's office ------------------------------


def test_a_governors_channel_speaks_for_the_governor(resources: Any) -> None:
    text = ("Друзья, о ситуации за минувшую ночь.\n\n"
            "В Грайвороне дрон ударил по легковому автомобилю.")
    got = _events(resources, text, "ru", outlet="Telegram-канал губернатора Белгородской области")
    assert got and all(e["claimant_actor"]["id"] == "ru-gladkov" for e in got)
    assert all(e["claimant"].startswith("Vyacheslav Gladkov") for e in got)
    assert all(e["modality"] == "claimed" for e in got)


def test_an_operational_headquarters_channel_is_the_claimant(resources: Any) -> None:
    text = "Рыльский округ. В Рыльске дрон атаковал здание школы."
    got = _events(resources, text, "ru", outlet="Оперативный штаб Курской области (Telegram)")
    assert got and all(e["claimant_actor"]["id"] == "ru-kursk-operational-hq" for e in got)


def test_an_operational_headquarters_named_in_the_text_speaks(resources: Any) -> None:
    text = ("Как сообщил оперативный штаб Краснодарского края, в Туапсе обломки "
            "беспилотника повредили склад.")
    got = _events(resources, text, "ru", outlet="РБК")
    assert got and all(e["claimant_actor"]["id"] == "ru-krasnodar-operational-hq" for e in got)


def test_a_media_outlet_stays_no_speaker(resources: Any) -> None:
    text = "В Грайвороне дрон ударил по легковому автомобилю."
    got = _events(resources, text, "ru", outlet="Telegram-канал «Белгородские новости»")
    assert got and all(e["claimant"] is None for e in got)


# -- decision 216: "за даними ОВА" names the body named before --------------------------


def test_an_abbreviation_of_a_body_names_the_body_named_before(resources: Any) -> None:
    text = ("Уночі росіяни обстріляли Краматорськ, повідомив начальник Донецької ОВА Вадим "
            "Філашкін. За даними ОВА, у Дружківці пошкоджено школу.")
    got = _events(resources, text, "uk")
    school = [e for e in got if "Дружківці" in e["evidence"]["text"]]
    assert school and all(e["claimant_actor"]["id"] == "ua-donetsk-ova" for e in school)


def test_the_head_of_a_body_named_by_its_abbreviation_is_its_head(resources: Any) -> None:
    text = ("Уночі росіяни обстріляли Краматорськ, повідомила Донецька ОВА. «У Дружківці "
            "пошкоджено школу», — додав очільник ОВА.")
    got = _events(resources, text, "uk")
    school = [e for e in got if "Дружківці" in e["evidence"]["text"]]
    assert school and all(e["claimant_actor"]["id"] == "ua-filashkin" for e in school)


# -- decision 217: a paragraph that only names the speaker ------------------------------


def test_the_speaker_named_after_a_tally_list_claims_the_list(resources: Any) -> None:
    text = ("Загальні бойові втрати противника з 24.02.22 по 15.10.25 орієнтовно склали:\n\n"
            "танків ‒ 11 300 (+4) од.\n"
            "артилерійських систем ‒ 33 900 (+20) од.\n\n"
            "Дані уточнюються, повідомляє Генеральний штаб ЗСУ.")
    got = _events(resources, text, "uk")
    assert got and all(e["claimant_actor"]["id"] == "ua-general-staff" for e in got)


def test_a_speaker_two_paragraphs_on_names_no_earlier_claim(resources: Any) -> None:
    text = ("У Дружківці пошкоджено школу.\n\n"
            "Ворог також атакував Слов'янськ.\n\n"
            "Про це повідомив Генеральний штаб ЗСУ.")
    got = _events(resources, text, "uk")
    school = [e for e in got if "Дружківці" in e["evidence"]["text"]]
    assert school and all(e["claimant"] is None for e in school)


# -- decision 218: a denial that points back to the claim -------------------------------

KUPIANSK = 703656


def _denied(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["modality"] == "denied"]


def test_calling_the_claim_a_lie_denies_it_at_its_place(resources: Any) -> None:
    text = ("Минобороны России во вторник заявило, что войска освободили Купянск. "
            "Командующий ВСУ Александр Сырский назвал это заявление ложью.")
    got = _events(resources, text, "ru")
    (denial,) = _denied(got)
    assert denial["type"] == "territory.captured"
    assert denial["place"]["geonameid"] == KUPIANSK
    assert denial["claimant_actor"]["id"] != "ru-mod"
    assert any(e["modality"] == "claimed" and e["type"] == "territory.captured" for e in got)


def test_a_denial_of_a_noun_of_capture_names_the_claim(resources: Any) -> None:
    text = ("Минобороны России заявило о взятии Купянска. В Генштабе ВСУ сообщили, что "
            "информация о захвате города не соответствует действительности.")
    (denial,) = _denied(_events(resources, text, "ru"))
    assert (denial["type"], denial["place"]["geonameid"]) == ("territory.captured", KUPIANSK)


def test_no_encirclement_denies_it_at_the_place_named(resources: Any) -> None:
    text = ("Міноборони РФ заявило, що російські війська оточили Куп'янськ. "
            "Щодо Куп'янська в Генштабі ЗСУ наголосили: оточення немає.")
    (denial,) = _denied(_events(resources, text, "uk"))
    assert (denial["type"], denial["place"]["geonameid"]) == ("territory.encircled", KUPIANSK)


def test_none_hurt_is_no_denial_of_an_earlier_toll(resources: Any) -> None:
    text = ("Уночі росіяни обстріляли Куп'янськ, поранено двох людей. "
            "У сусідньому селі постраждалих немає.")
    assert not _denied(_events(resources, text, "uk"))


def test_a_denial_goes_on_in_the_next_sentence_once(resources: Any) -> None:
    text = ("Міноборони РФ заявило про захоплення Куп'янська. У Генштабі ЗСУ цю заяву "
            "спростували. «Це фейк. Місто контролюють наші підрозділи», — сказали там.")
    assert len(_denied(_events(resources, text, "uk"))) == 1


# -- decision 219: an outlet told is no speaker -----------------------------------------


def test_an_outlet_in_the_dative_is_who_was_told(resources: Any) -> None:
    text = ("Губернатор Белгородской области Вячеслав Гладков в понедельник вечером "
            "рассказал «Известиям», что "
            "в Грайвороне дрон ударил по легковому автомобилю.")
    got = _events(resources, text, "ru")
    assert got and all(e["claimant_actor"]["id"] == "ru-gladkov" for e in got)


# -- decision 220: the regional administrations behind the front -------------------------


def test_a_regional_administration_behind_the_front_is_a_body(resources: Any) -> None:
    text = "У Полтавській ОВА повідомили, що уночі дрон влучив у підприємство в Лубнах."
    got = _events(resources, text, "uk")
    assert got and all(e["claimant_actor"]["id"] == "ua-poltava-ova" for e in got)


def test_the_head_of_the_vinnytsia_administration_is_named(resources: Any) -> None:
    text = ("Уночі дрони атакували Козятин, повідомив начальник Вінницької ОВА Сергій "
            "Борзов.")
    got = _events(resources, text, "uk")
    assert got and all(e["claimant_actor"]["id"] == "ua-borzov" for e in got)


# -- decision 221: the day a heading names dates the daily statement under it -------------


def test_the_day_of_the_heading_dates_the_past_day(resources: Any) -> None:
    text = ("Обстріли Сумщини за добу 14 жовтня\n\n"
            "Протягом доби противник обстріляв Шостку.")
    (strike,) = [e for e in _events(resources, text, "uk") if "Шостку" in e["evidence"]["text"]]
    assert strike["date"]["value"] == "2025-10-14"
    assert strike["date"]["basis"] == "explicit"


def test_a_dateline_is_no_heading(resources: Any) -> None:
    text = ("КИЕВ, 14 октября. Обстрелы продолжаются. За минувшие сутки противник "
            "обстрелял Шостку.")
    (strike,) = [e for e in _events(resources, text, "ru") if "Шостку" in e["evidence"]["text"]]
    assert strike["date"]["basis"] == "publication"


# -- decision 222: which claim a bare denial answers -------------------------------------


def test_a_bare_denial_after_a_strike_and_its_toll_denies_the_toll(resources: Any) -> None:
    text = ("Минобороны России заявило, что ракетным ударом по Купянску уничтожены до 30 "
            "боевиков. Глава города назвал это ложью.")
    assert [e["type"] for e in _denied(_events(resources, text, "ru"))] == ["casualties"]


def test_a_bare_denial_reaches_no_further_than_the_sentence_before(resources: Any) -> None:
    text = ("В Купянске ранены трое мирных жителей. Минобороны России заявило, что войска "
            "продвинулись на юге. Глава города назвал это ложью.")
    assert not _denied(_events(resources, text, "ru"))


def test_a_bare_denial_after_a_capture_and_its_prisoners_denies_the_capture(
        resources: Any) -> None:
    text = ("Минобороны России заявило об освобождении Купянска. Генштаб также сообщил, что "
            "в районе Купянска в плен взяты 40 военнослужащих ВСУ. "
            "В Генштабе ВСУ заявления Москвы назвали ложью.")
    denials = _denied(_events(resources, text, "ru"))
    assert [(e["type"], e["place"]["geonameid"]) for e in denials] == [
        ("territory.captured", KUPIANSK)]


def test_the_quote_after_a_bare_denial_says_what_was_denied(resources: Any) -> None:
    text = ("Минобороны России заявило об освобождении Купянска. Кроме того, ведомство "
            "утверждает, что окружило ВСУ в Купянске-Узловом. В Генштабе ВСУ назвали эти "
            "заявления ложью. «Купянск остаётся под контролем Сил обороны», — говорится в "
            "сообщении.")
    denials = _denied(_events(resources, text, "ru"))
    assert [(e["type"], e["place"]["geonameid"]) for e in denials] == [
        ("territory.captured", KUPIANSK)]


# -- decision 223: hedges and verbs of saying --------------------------------------------


def test_by_all_appearances_is_a_hedge(resources: Any) -> None:
    text = "Российские войска, по всей видимости, заняли Купянск."
    got = [e for e in _events(resources, text, "ru") if e["type"] == "territory.captured"]
    assert got and all(e["modality"] == "hedged" for e in got)


def test_judging_by_everything_is_a_hedge(resources: Any) -> None:
    text = "Російські війська, судячи з усього, захопили Куп'янськ."
    got = [e for e in _events(resources, text, "uk") if e["type"] == "territory.captured"]
    assert got and all(e["modality"] == "hedged" for e in got)


def test_analysts_noting_is_a_statement(resources: Any) -> None:
    text = "Аналитики DeepState отмечают, что российские войска заняли Купянск."
    got = [e for e in _events(resources, text, "ru") if e["type"] == "territory.captured"]
    assert got and all(e["claimant_actor"]["id"] == "ua-deepstate" for e in got)


# -- decision 224: the governors of the Russian regions drones reach ---------------------


def test_a_moscow_region_governor_named_is_the_claimant(resources: Any) -> None:
    text = ("Губернатор Подмосковья Андрей Воробьёв сообщил, что в Раменском обломки "
            "беспилотника повредили крышу дома.")
    got = _events(resources, text, "ru")
    assert got and all(e["claimant_actor"]["id"] == "ru-vorobyov" for e in got)


def test_the_head_of_a_region_by_office_is_its_governor_that_day(resources: Any) -> None:
    text = "В Ельце, по данным главы Липецкой области, обломки дрона повредили крышу."
    got = _events(resources, text, "ru")
    assert got and all(e["claimant_actor"]["id"] == "ru-artamonov" for e in got)


# -- decision 225: a headline's speaker is the first speaker under it --------------------


def test_a_headline_takes_the_speaker_of_the_paragraph_under_it(resources: Any) -> None:
    text = ("Херсонщина під обстрілами: за добу загинула людина\n\n"
            "Минулої доби росіяни обстріляли Херсон, повідомив начальник Херсонської ОВА "
            "Олександр Прокудін. Загинула одна людина.")
    got = _events(resources, text, "uk")
    head = [e for e in got if e["evidence"]["text"].startswith("Херсонщина")]
    assert head and all(e["claimant_actor"]["id"] == "ua-prokudin" for e in head)


def test_a_headline_keeps_no_speaker_named_two_paragraphs_on(resources: Any) -> None:
    text = ("Херсонщина під обстрілами: за добу загинула людина\n\n"
            "Минулої доби росіяни обстріляли Херсон.\n\n"
            "Про евакуацію повідомив начальник Херсонської ОВА Олександр Прокудін.")
    got = _events(resources, text, "uk")
    head = [e for e in got if e["evidence"]["text"].startswith("Херсонщина")]
    assert head and all(e["claimant"] is None for e in head)
