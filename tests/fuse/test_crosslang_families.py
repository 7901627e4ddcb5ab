"""An English rewrite and its Russian or Ukrainian original join one rewrite family when
they share the claim; the same place and type with another claimant or day do not."""

from __future__ import annotations

from datetime import date
from typing import Any

from wirewatch.fuse.families import ArticleFeatures, article_features, compare


def _event(actor: str, day: str, gid: int = 694677) -> dict[str, Any]:
    return {"type": "territory.captured", "claimant": "Ministry of Defence of Russia",
            "claimant_actor": {"id": actor}, "date": {"value": day, "precision": "day"},
            "place": {"geonameid": gid, "admin1": "Donetsk Oblast"}, "count": None}


def _features(n: int, text: str, lang: str, events: list[dict[str, Any]]) -> ArticleFeatures:
    return article_features(n, text, date(2024, 11, 28), f"outlet{n}", events, lang=lang)


RU = "Подразделения группировки войск «Центр» взяли под контроль Селидово, сообщили в Минобороны."
EN = "Russia's defence ministry said on Thursday its forces had taken control of Selydove."


def test_a_translation_sharing_the_claim_is_one_family() -> None:
    a = _features(1, RU, "ru", [_event("ru-mod", "2024-11-28")])
    b = _features(2, EN, "en", [_event("ru-mod", "2024-11-28")])
    found = compare(b, a)
    assert found is not None and found[0] == "paraphrase"
    assert any("across languages" in r for r in found[2])


def test_another_claimant_or_day_is_another_story() -> None:
    a = _features(1, RU, "ru", [_event("ru-mod", "2024-11-28")])
    other_day = _features(2, EN, "en", [_event("ru-mod", "2024-11-20")])
    other_speaker = _features(3, EN, "en", [_event("ua-general-staff", "2024-11-28")])
    assert compare(other_day, a) is None
    assert compare(other_speaker, a) is None


def test_features_keep_language_and_claims_through_storage() -> None:
    a = _features(1, RU, "ru", [_event("ru-mod", "2024-11-28")])
    back = ArticleFeatures.from_json(1, a.published, a.outlet, a.signature, a.to_json())
    assert back.lang == "ru" and back.claims == a.claims


def _strike(claimant: str, actor: str, day: str) -> list[dict[str, Any]]:
    place = {"geonameid": 687700, "admin1": "Zaporizhzhia Oblast"}
    return [{"type": t, "claimant": claimant, "claimant_actor": {"id": actor},
             "date": {"value": day, "precision": "day"}, "place": place, "count": None}
            for t in ("strike", "casualties")]


UK = "Уночі росіяни атакували Запоріжжя дронами, поранено 14 людей, повідомив Іван Федоров."
EN2 = "Fourteen people were hurt when Russian drones hit Zaporizhzhia, the regional head said."


def test_a_translation_dated_a_day_apart_by_its_own_reading_is_one_family() -> None:
    # the Ukrainian "уночі" and the English "overnight" of a story filed the next morning
    # are read to neighbouring days; the claimant's English strings differ too
    a = _features(1, UK, "uk", _strike("Ivan Fedorov", "ua-fedorov-ivan", "2024-11-27"))
    b = _features(2, EN2, "en", _strike("Zaporizhzhia regional governor", "ua-fedorov-ivan",
                                        "2024-11-28"))
    found = compare(b, a)
    assert found is not None and any("same claimant" in r for r in found[2])


def test_two_days_apart_across_languages_stay_two_stories() -> None:
    a = _features(1, UK, "uk", _strike("Ivan Fedorov", "ua-fedorov-ivan", "2024-11-26"))
    b = _features(2, EN2, "en", _strike("Ivan Fedorov", "ua-fedorov-ivan", "2024-11-28"))
    assert compare(b, a) is None
