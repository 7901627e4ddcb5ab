"""Russian and Ukrainian reports read by the lemma rules: the same contract as English
(types, modality, places, dates, counts, claimant through the actor registry), evidence
in the article's own words."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.events.lemma.lexicon import load_lemma_lexicon
from wirewatch.events.lexicon import LexiconError
from wirewatch.pipeline import extract

PUB = date(2024, 11, 29)  # a Friday


def _events(resources: Any, text: str, lang: str | None = None) -> list[dict[str, Any]]:
    (x,) = extract([Document("d", text, published=PUB, lang=lang)], resources)
    return [e.to_dict() for e in x.events]


def test_russian_capture_claimed_by_the_ministry_on_thursday(resources: Any) -> None:
    text = ("Российские войска освободили населённый пункт Новогродовка в Донецкой Народной "
            "Республике, сообщили в Минобороны России в четверг.")
    (e,) = _events(resources, text)  # language detected
    assert e["type"] == "territory.captured" and e["place"]["geonameid"] == 699557
    assert e["lang"] == "ru" and e["modality"] == "claimed"
    assert e["claimant"] == "Ministry of Defence of Russia"
    assert e["claimant_actor"]["id"] == "ru-mod" and e["claimant_text"] == "Минобороны России"
    assert e["date"] == {"value": "2024-11-28", "precision": "day", "basis": "relative"}
    assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]


def test_ukrainian_strike_and_split_casualty_figures(resources: Any) -> None:
    text = ("Минулої доби внаслідок обстрілу Покровська загинули троє мирних жителів, ще сім "
            "людей поранено, заявив Вадим Філашкін.")
    found = {(e["type"], e["subtype"], (e["count"] or {}).get("value")) for e in
             _events(resources, text)}
    assert found == {("strike", None, None), ("casualties", "killed", 3),
                     ("casualties", "wounded", 7)}
    for e in _events(resources, text):
        assert e["place"]["geonameid"] == 704422 and e["lang"] == "uk"
        assert e["claimant"] == "Vadym Filashkin (governor of Donetsk region)"


def test_claim_and_denial_in_one_sentence_are_two_mentions(resources: Any) -> None:
    text = "Міноборони РФ заявило про захоплення Новогродівки, однак у ЗСУ ці дані спростували."
    got = {(e["modality"], e["claimant_actor"]["id"]) for e in _events(resources, text)}
    assert got == {("claimed", "ru-mod"), ("denied", "ua-armed-forces")}


@pytest.mark.parametrize("text", [
    "Угроза окружения Часова Яра сохраняется, считают эксперты.",
    "Російські війська намагаються оточити Покровськ з півдня, зазначив Олександр Сирський.",
    "Войска Украины отбили атаку у Красногоровки.",
    "Российские войска не смогли взять Авдеевку в этом месяце, признал военкор.",
])
def test_threats_attempts_and_repelled_attacks_are_no_events(resources: Any, text: str) -> None:
    assert [e["type"] for e in _events(resources, text)
            if e["type"].startswith("territory")] == []


def test_hedged_and_equipment_with_counts(resources: Any) -> None:
    (e,) = _events(resources, "Российские войска якобы захватили Торецк.")
    assert e["modality"] == "hedged" and e["place"]["geonameid"] == 709354
    eq = _events(resources, "По данным Генштаба ВСУ, за минувшие сутки российская армия "
                            "потеряла 1520 военнослужащих и 14 танков.")
    assert {(e["type"], e["equipment"], e["count"]["value"]) for e in eq} == {
        ("casualties", None, 1520), ("equipment.lost", "tank", 14)}
    assert all(e["claimant_actor"]["id"] == "ua-general-staff" for e in eq)


def test_a_lemma_lexicon_with_a_typo_is_refused_naming_the_key(tmp_path: Any) -> None:
    bad = tmp_path / "ru.yaml"
    bad.write_text("rules: lemma\nlang: ru\ntrigers: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="trigers"):
        load_lemma_lexicon("ru", bad)


def _claimants(resources: Any, text: str, lang: str, day: date) -> set[tuple[str, str | None]]:
    (x,) = extract([Document("d", text, published=day, lang=lang)], resources)
    return {(e.type, e.claimant) for e in x.events}


@pytest.mark.parametrize(("text", "lang", "day", "claimant"), [
    # an office named without its holder: whoever held it that day (the registry's dates)
    ("Голова Харківської ОВА заявив, що через атаку дронів на Харків поранено четверо людей.",
     "uk", date(2025, 6, 10), "Oleh Syniehubov (governor of Kharkiv region)"),
    ("Очільник Запорізької ОВА повідомив про обстріл Оріхова.", "uk", date(2024, 6, 3),
     "Yurii Malashko (governor of Zaporizhzhia region)"),
    ("Очільник Запорізької ОВА повідомив про обстріл Оріхова.", "uk", date(2025, 6, 3),
     "Ivan Fedorov (governor of Zaporizhzhia region)"),
    ("Губернатор Белгородской области сообщил об атаке дрона на Шебекино.", "ru",
     date(2025, 6, 10), "Vyacheslav Gladkov (governor of Belgorod region)"),
    ("Губернатор Курской области сообщил об ударе по Рыльску.", "ru", date(2024, 8, 1),
     "Alexei Smirnov (governor of Kursk region)"),
    ("Глава ЛНР сообщил, что украинские войска нанесли удар по Луганску.", "ru",
     date(2025, 6, 10), "Leonid Pasechnik (head of the LPR)"),
    # the person named right after the body speaks for it
    ("Окупанти захопили Селидове, визнав речник угруповання «Хортиця» Віктор Трегубов.", "uk",
     date(2024, 11, 29), "Viktor Trehubov (spokesman of the Khortytsia group)"),
    # surnames alone, and Russian spellings of Ukrainian officials
    ("В результате обстрела Никополя пострадали четыре человека, сообщил Лысак.", "ru",
     date(2024, 11, 29), "Serhiy Lysak (governor of Dnipropetrovsk region)"),
    ("Мария Захарова обвинила ВСУ в обстреле Энергодара.", "ru", date(2025, 6, 10),
     "Maria Zakharova (Russian Foreign Ministry spokeswoman)"),
    ("Нацполіція повідомила, що внаслідок обстрілу Херсона загинули двоє цивільних.", "uk",
     date(2025, 6, 10), "National Police of Ukraine"),
    ("Аналітики ISW підтвердили захоплення Очеретиного.", "uk", date(2025, 6, 10),
     "Institute for the Study of War"),
])
def test_claimants_of_offices_bodies_and_officials(
        resources: Any, text: str, lang: str, day: date, claimant: str) -> None:
    found = _claimants(resources, text, lang, day)
    assert found and {c for _, c in found} == {claimant}, found


def test_the_speaker_after_the_verb_of_a_closing_attribution(resources: Any) -> None:
    text = ("Подразделения группировки войск «Юг» освободили населённый пункт Ивановка "
            "Донецкой Народной Республики, сообщило в пятницу Министерство обороны России.")
    (e,) = _events(resources, text, "ru")
    assert e["claimant_actor"]["id"] == "ru-mod"


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("ru", "Губернатор Курской области Александр Хинштейн сообщил об атаке дронов на Рыльск. "
           "По его словам, ранены двое мирных жителей.", "ru-khinshtein"),
    ("ru", "Российские войска отведены от Крынок, сообщили в Минобороны России. В ведомстве "
           "подчеркнули, что противник потерял до 40 военнослужащих.", "ru-mod"),
    ("uk", "Про обстріл Херсона повідомив Олександр Прокудін. За його словами, поранено "
           "трьох людей.", "ua-prokudin"),
])
def test_a_pronoun_or_the_body_again_carries_the_speaker_on(
        resources: Any, lang: str, text: str, actor: str) -> None:
    found = [e for e in _events(resources, text, lang) if e["type"] == "casualties"]
    assert found and all(e["claimant_actor"]["id"] == actor for e in found)
    assert all(e["modality"] == "claimed" for e in found)


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("uk", "Російські війська вдарили керованими авіабомбами по Куп'янську. Поранено трьох "
           "людей, повідомили в Харківській обласній військовій адміністрації.", "ua-kharkiv-ova"),
    ("ru", "По неподтверждённым данным, российские войска окружили украинские подразделения "
           "у Торецка. Об этом написал военкор Александр Коц.", "ru-kots"),
])
def test_a_speaker_named_at_the_end_is_the_claimant_of_the_sentences_before(
        resources: Any, lang: str, text: str, actor: str) -> None:
    found = _events(resources, text, lang)
    assert found and all(e["claimant_actor"]["id"] == actor for e in found)
    assert all(e["modality"] in ("claimed", "reported", "hedged") for e in found)


def test_a_speaker_of_an_earlier_paragraph_is_not_carried_back(resources: Any) -> None:
    text = ("Российские войска ударили по Купянску.\n\nРанены двое мирных жителей, сообщили в "
            "Минобороны России.")
    strike = [e for e in _events(resources, text, "ru") if e["type"] == "strike"]
    assert strike and all(e["claimant"] is None for e in strike)


def test_ukrainian_plural_tanks_and_pickups_are_equipment(resources: Any) -> None:
    eq = _events(resources, "Сили оборони знищили під Покровськом два танки та три пікапи.", "uk")
    assert {(e["equipment"], e["count"]["value"]) for e in eq
            if e["type"] == "equipment.lost"} == {("tank", 2), ("pickup truck", 3)}


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("uk", "Протягом доби росіяни 45 разів обстріляли прикордонні громади Харківщини.", 45),
    ("uk", "Ворог завдав 212 ударів по 9 населених пунктах Запорізької області.", 212),
    ("uk", "Окупанти обстріляли 14 населених пунктів Херсонщини.", 14),
    ("ru", "За сутки ВСУ нанесли 37 ударов по Горловке.", 37),
])
def test_the_figure_of_a_strike_tally_is_its_count(
        resources: Any, lang: str, text: str, value: int) -> None:
    (e,) = [e for e in _events(resources, text, lang) if e["type"] == "strike"]
    assert e["count"]["value"] == value and e["aggregate"] is True


def test_a_strike_without_a_tally_has_no_count(resources: Any) -> None:
    (e,) = [e for e in _events(resources, "Росіяни обстріляли Нікополь, загинули двоє людей.",
                               "uk") if e["type"] == "strike"]
    assert e["count"] is None and e["aggregate"] is False
