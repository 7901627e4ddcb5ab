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
