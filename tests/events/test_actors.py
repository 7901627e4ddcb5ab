"""The actor registry (data/actors.yaml): loading, matching claimant strings, roles over
time, and the loader's refusals (CODEBOOK.md section 5, claimant_actor)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from wirewatch.events.actors import (
    Actor,
    ActorRegistry,
    ActorRegistryError,
    Role,
    basic_key,
    default_actors_file,
)


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.bundled()


# -- the bundled file ----------------------------------------------------------------


def test_bundled_registry_loads_with_enough_entries(reg: ActorRegistry) -> None:
    assert default_actors_file().name == "actors.yaml"
    assert len(reg) >= 300
    types = Counter(a.type for a in reg)
    assert set(types) == {"person", "organisation", "grouping", "unit", "outlet"}
    assert {a.side for a in reg} == {"RU", "UA", "other"}
    assert all(isinstance(a.state_affiliated, bool) for a in reg if a.type == "outlet")


def test_bundled_entries_named_in_the_brief_are_present(reg: ActorRegistry) -> None:
    for actor_id in ("ru-mod", "ru-general-staff", "ua-general-staff", "ua-air-force", "ua-ihnat",
                     "ru-konashenkov", "ru-peskov", "ru-zakharova", "ua-zaluzhnyi", "ua-syrskyi",
                     "ru-group-dnepr", "ua-osg-khortytsia", "ua-osg-tavria", "ua-azov", "ru-wagner",
                     "ru-akhmat", "isw", "ua-deepstate", "ru-rybar", "oryx", "iaea", "hrmmu",
                     "ru-two-majors", "ru-pravda-en", "ua-kyiv-independent", "mark-rutte"):
        assert reg.get(actor_id) is not None, actor_id
    assert reg.get("no-such-actor") is None


def test_contract_matches_the_codebook_example(reg: ActorRegistry) -> None:
    assert reg.claimant_actor("Russian Ministry of Defence") == {
        "id": "ru-mod", "name": "Ministry of Defence of Russia", "role": None, "side": "RU",
        "kind": "government"}
    actor = reg.match("Valery Gerasimov (Chief of the General Staff)")
    assert actor is not None
    assert actor.to_contract("Chief of the General Staff") == {
        "id": "ru-gerasimov", "name": "Valery Gerasimov", "role": "Chief of the General Staff",
        "side": "RU", "kind": "military"}
    assert reg.claimant_actor(None) is None
    assert reg.claimant_actor("") is None


# -- matching ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Valery Gerasimov (Chief of the General Staff)", "ru-gerasimov"),
    ("Gerasimov", "ru-gerasimov"),
    ("Gen. Valery Gerasimov", "ru-gerasimov"),
    ("Russian Ministry of Defence", "ru-mod"),
    ("Russia's Defence Ministry", "ru-mod"),
    ("Russia’s defense ministry", "ru-mod"),
    ("the Russian MoD", "ru-mod"),
    ("Russian Defense Ministry", "ru-mod"),
    ("Ministry of Defence of Russia", "ru-mod"),
    ("Ministry of Defense of the Russian Federation", "ru-mod"),
    ("TASS", "ru-tass"),
    ("RIA Novosti", "ru-ria-novosti"),
    ("General Staff of the Armed Forces of Ukraine", "ua-general-staff"),
    ("Ukraine's General Staff", "ua-general-staff"),
    ("Ukrainian Ministry of Defence", "ua-mod"),
    ("Oleh Syniehubov (governor of Kharkiv region)", "ua-syniehubov"),
    ("Oleg Sinegubov", "ua-syniehubov"),
    ("Kharkiv governor Oleh Syniehubov", "ua-syniehubov"),
    ("Kremlin spokesman Dmitry Peskov", "ru-peskov"),
    ("Kremlin", "ru-presidential-administration"),
    ("President Zelensky", "ua-zelensky"),
    ("Zelenskyy", "ua-zelensky"),
    ("Ukrainian Air Force", "ua-air-force"),
    ("Yurii Ihnat", "ua-ihnat"),
    ("Khortytsia group (Ukraine)", "ua-osg-khortytsia"),
    ("Southern Command (Ukraine)", "ua-ok-south"),
    ("Russian Centre group of forces", "ru-group-centre"),
    ("Zapad group", "ru-group-west"),
    ("3rd Separate Assault Brigade (Ukraine)", "ua-3rd-assault-brigade"),
    ("47th Mechanized Brigade", "ua-47th-mechanised-brigade"),
    ("76th Guards Air Assault Division", "ru-76th-guards-air-assault-division"),
    ("Rybar (pro-Russian Telegram channel)", "ru-rybar"),
    ("DeepState (Ukrainian monitoring project)", "ua-deepstate"),
    ("Institute for the Study of War", "isw"),
    ("Prosecutor General's Office (Ukraine)", "ua-prosecutor-general"),
    ("Alexei Kulemin (mayor of Donetsk)", "ru-kulemzin"),
    ("Lugansk Information Center", "ru-lic"),
    ("Sumy regional military administration", "ua-sumy-ova"),
    ("Kharkiv Oblast Military Administration", "ua-kharkiv-ova"),
])
def test_match_claimant_and_conduit_strings(reg: ActorRegistry, text: str, expected: str) -> None:
    actor = reg.match(text)
    assert actor is not None and actor.id == expected, text


@pytest.mark.parametrize(("text", "expected"), [
    ("Минобороны России", "ru-mod"),
    ("Міноборони РФ", "ru-mod"),
    ("Валерий Герасимов", "ru-gerasimov"),
    ("Валерій Герасимов", "ru-gerasimov"),
    ("Генштаб ЗСУ", "ua-general-staff"),
    ("Повітряні сили ЗСУ", "ua-air-force"),
    ("ТАСС", "ru-tass"),
    ("Зеленський", "ua-zelensky"),
    ("Вʼячеслав Гладков", "ru-gladkov"),
])
def test_match_cyrillic_aliases(reg: ActorRegistry, text: str, expected: str) -> None:
    actor = reg.match(text)
    assert actor is not None and actor.id == expected, text


@pytest.mark.parametrize("text", [
    "Some Unknown Person",
    "Telegram channel",
    "the ministry",
    "Defence Ministry",  # which one: no side
    "Russian military bloggers",
    "Ukrainian authorities",
    "Kim",  # Vitaliy Kim (Mykolaiv) and Alexei Kim (Russian General Staff)
    "Voloshyn",  # Nazar and Vladyslav
    "Fedorov",
    "3rd Army Corps",  # listed as ambiguous: Russia's and Ukraine's
    "Unknown Person (governor of Kharkiv region)",  # a name we do not know: not the governor
    "Ivan Petrov (spokesman of Ukrainian military intelligence)",
    "commander of the 3rd Army Corps",  # a role of an ambiguous unit
    "   ",
])
def test_unknown_or_ambiguous_strings_give_none(reg: ActorRegistry, text: str) -> None:
    assert reg.match(text) is None
    assert reg.claimant_actor(text) is None


def test_a_qualifier_in_parentheses_narrows_an_ambiguous_name(reg: ActorRegistry) -> None:
    ukrainian = reg.match("3rd Army Corps (Ukrainian)")
    russian = reg.match("3rd Army Corps (Russia)")
    assert ukrainian is not None and ukrainian.id == "ua-3rd-army-corps"
    assert russian is not None and russian.id == "ru-3rd-army-corps"
    nazar = reg.match("Voloshyn (spokesman of the Khortytsia group)")
    vladyslav = reg.match("Voloshyn (spokesman of the Southern Defence Forces)")
    assert nazar is not None and nazar.id == "ua-voloshyn-nazar"
    assert vladyslav is not None and vladyslav.id == "ua-voloshyn-vladyslav"
    assert reg.match("Azov brigade (Russia)") is None  # a side that contradicts the name


def test_matching_ignores_case_punctuation_and_diacritics(reg: ActorRegistry) -> None:
    assert basic_key("The Russia’s  DEFENCE-Ministry!") == "russia defence ministry"
    for text in ("TASS.", "Tass", "(TASS)", "tass"):
        assert reg.match(text) == reg.get("ru-tass"), text
    assert reg.match("T-A-S-S") is None  # hyphens split words
    assert reg.match("Recep Tayyip Erdoğan") == reg.match("recep tayyip erdogan") is not None
    zaporizhzhia = reg.get("ua-zaporizhzhia-ova")
    assert reg.match("Zaporozhye regional military administration") == zaporizhzhia


# -- roles over time -----------------------------------------------------------------


def test_defence_minister_on_a_date(reg: ActorRegistry) -> None:
    shoigu, belousov = reg.get("ru-shoigu"), reg.get("ru-belousov")
    assert shoigu is not None and belousov is not None
    in_2023 = shoigu.role_on(date(2023, 6, 1))
    assert in_2023 is not None and in_2023.short == "Defence Minister"
    after = shoigu.role_on(date(2025, 6, 1))
    assert after is not None and after.short == "Secretary of the Russian Security Council"
    assert shoigu.role_on(None) == after  # the latest role
    belousov_2023 = belousov.role_on(date(2023, 6, 1))
    assert belousov_2023 is not None and belousov_2023.short == "First Deputy Prime Minister"
    belousov_2025 = belousov.role_on(date(2025, 6, 1))
    assert belousov_2025 is not None and belousov_2025.org == "ru-mod"
    assert shoigu.role_on(date(1990, 1, 1)) is None
    assert reg.match("Russian Defence Minister", date(2023, 6, 1)) == shoigu
    assert reg.match("Russian Defence Minister", date(2025, 6, 1)) == belousov
    assert reg.match("Russia's defence minister", None) is None  # two holders, no day
    assert reg.match("Defence Minister", date(2025, 6, 1)) is None  # Russia's and Ukraine's


@pytest.mark.parametrize(("day", "expected"), [
    (date(2023, 8, 10), "ru-starovoit"),
    (date(2024, 5, 14), "ru-starovoit"),
    (date(2024, 5, 15), "ru-smirnov"),
    (date(2024, 8, 10), "ru-smirnov"),
    (date(2025, 3, 1), "ru-khinshtein"),
])
def test_kursk_governor_on_a_date(reg: ActorRegistry, day: date, expected: str) -> None:
    assert reg.match("governor of Kursk region", day) == reg.get(expected)
    assert reg.match("the governor of the Kursk Oblast", day) == reg.get(expected)
    contract = reg.claimant_actor("Kursk governor", day)
    assert contract is not None and contract["id"] == expected
    assert contract["role"] == "governor of Kursk region"


def test_a_role_alone_needs_one_holder(reg: ActorRegistry) -> None:
    syniehubov = reg.get("ua-syniehubov")
    assert reg.match("the governor of the Kharkiv region", date(2024, 5, 1)) == syniehubov
    assert reg.match("head of the Kharkiv Regional Military Administration") == syniehubov
    assert reg.match("governor of Kursk region") is None  # three holders over time
    assert reg.match("Kremlin spokesman") == reg.get("ru-peskov")
    assert reg.match("Foreign Ministry spokeswoman") is None  # Russia's and Ukraine's
    assert reg.match("Russian Foreign Ministry spokeswoman") == reg.get("ru-zakharova")


def test_contract_role_of_a_person(reg: ActorRegistry) -> None:
    named = reg.claimant_actor("Sergei Shoigu (Defence Minister)", date(2023, 1, 1))
    assert named is not None and named["role"] == "Defence Minister"
    by_date = reg.claimant_actor("Serhiy Lysak (regional governor)", date(2024, 3, 1))
    assert by_date is not None and by_date["role"] == "governor of Dnipropetrovsk region"
    as_written = reg.claimant_actor("Andrei Marochko (military expert)")
    assert as_written is not None and as_written["role"] == "military expert"
    plain = reg.claimant_actor("Gerasimov")
    assert plain is not None and plain["role"] is None


def test_role_and_actor_types() -> None:
    role = Role("Governor", "governor", None, date(2020, 1, 1), None)
    assert role.held_on(date(2030, 1, 1)) and not role.held_on(date(2019, 12, 31))
    actor = Actor("x", "X", "person", "official", "other", roles=(role,))
    assert actor.role_on(date(2021, 1, 1)) == role
    assert Actor("y", "Y", "organisation", "ngo", "other").role_on() is None


# -- the loader's refusals -----------------------------------------------------------


def _entry(**overrides: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": "ru-test", "name": "Test Body", "type": "organisation",
                             "kind": "government", "side": "RU"}
    entry.update(overrides)
    return {k: v for k, v in entry.items() if v is not None}


def _person(**overrides: Any) -> dict[str, Any]:
    role = {"title": "Governor of Test Oblast", "short": "governor of Test region",
            "from": "2020-01-01", "to": None}
    fields: dict[str, Any] = {"id": "ru-someone", "name": "Ivan Testov", "type": "person",
                              "kind": "official", "roles": [role]}
    fields.update(overrides)
    return _entry(**fields)


def _write(tmp_path: Path, doc: Any, name: str = "actors.yaml") -> Path:
    path = tmp_path / name
    if isinstance(doc, str):
        path.write_text(doc, encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def _refusal(tmp_path: Path, doc: Any) -> str:
    path = _write(tmp_path, doc)
    with pytest.raises(ActorRegistryError) as info:
        ActorRegistry.from_file(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path)), message
    return message


def _doc(*actors: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"version": 1, "actors": list(actors), **top}


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    doc = _doc(_entry(aliases=["the Test Body of Russia"]), _person(),
               equivalences=[{"pattern": r"^(.+) of russia$", "replace": r"russian \1"}])
    reg = ActorRegistry.from_file(_write(tmp_path, doc))
    assert len(reg) == 2
    assert reg.match("Russian Test Body") == reg.get("ru-test")
    assert reg.match("Testov") == reg.get("ru-someone")
    assert reg.match("governor of Test region", date(2021, 1, 1)) == reg.get("ru-someone")


def test_the_area_an_official_governs(tmp_path: Path) -> None:
    body = _entry(id="ru-test-administration", name="Test Administration", kind="official",
                  area=578071)
    governor = _person(roles=[{"title": "Governor", "org": "ru-test-administration",
                               "from": "2020-01-01", "to": "2022-12-31"},
                              {"title": "Mayor of Test", "from": "2023-01-01",
                               "area": 578072}])
    reg = ActorRegistry.from_file(_write(tmp_path, _doc(body, governor)))
    assert reg.area_of("ru-test-administration", None) == 578071
    assert reg.area_of("ru-someone", date(2021, 5, 1)) == 578071  # through the body
    assert reg.area_of("ru-someone", date(2024, 5, 1)) == 578072  # the role's own
    assert reg.area_of("ru-someone", date(2019, 5, 1)) is None  # no office held
    assert reg.area_of("ru-nobody", None) is None


def test_bundled_governors_govern_their_regions(reg: ActorRegistry) -> None:
    assert reg.area_of("ua-syniehubov", date(2025, 5, 1)) == 706482  # Kharkiv Oblast
    assert reg.area_of("ru-saldo", date(2025, 5, 1)) == 706442  # Kherson Oblast
    assert reg.area_of("ua-besedin", date(2025, 5, 1)) == 703656  # Kupiansk
    assert reg.area_of("ru-mod", date(2025, 5, 1)) is None  # governs no area


def test_equivalences_are_data_not_code(tmp_path: Path) -> None:
    plain = ActorRegistry.from_file(_write(tmp_path, _doc(_entry(aliases=["Test Body of Russia"]))))
    assert plain.match("Russian Test Body") is None


@pytest.mark.parametrize(("actors", "top", "expected"), [
    ([_entry(colour="red")], {}, "actor 'ru-test': unknown key 'colour'"),
    ([_person(roles=[{"title": "Governor", "rank": 3}])], {},
     "actor 'ru-someone' role #1: unknown key 'rank'"),
    ([_entry(kind=None)], {}, "actor 'ru-test': missing key 'kind'"),
    ([_entry(id=None)], {}, "actor #1: missing key 'id'"),
    ([_person(roles=[{"short": "governor"}])], {},
     "actor 'ru-someone' role #1: missing key 'title'"),
    ([_entry(), _entry(name="Other")], {}, "actor 'ru-test': duplicate id"),
    ([_entry(aliases=["Testers"]),
      _entry(id="ru-other", name="Other", aliases=["the testers"])], {},
     "actor 'ru-other': alias 'the testers' also names actor 'ru-test'"),
    ([_entry(side="XX")], {}, "actor 'ru-test': bad side 'XX'"),
    ([_entry(kind="spy")], {}, "actor 'ru-test': bad kind 'spy'"),
    ([_entry(type="thing")], {}, "actor 'ru-test': bad type 'thing'"),
    ([_person(roles=[{"title": "Governor", "from": "2020-13-45"}])], {},
     "actor 'ru-someone' role #1 'from': bad date '2020-13-45'"),
    ([_person(roles=[{"title": "Governor", "from": "2021-01-01", "to": "2020-01-01"}])], {},
     "actor 'ru-someone' role #1: 'to' (2020-01-01) is before 'from' (2021-01-01)"),
    ([_person(roles=[{"title": "Governor", "org": "ru-nowhere"}])], {},
     "actor 'ru-someone': role 'Governor' has org 'ru-nowhere', which is not in the registry"),
    ([_entry(parent="ru-nowhere")], {},
     "actor 'ru-test': parent 'ru-nowhere' is not in the registry"),
    ([_entry(id="ua-test")], {},
     "actor 'ua-test': an actor of side RU has an id starting with 'ru-'"),
    ([_entry(id="ru-test", side="other")], {}, "an actor of side 'other' has an id without"),
    ([_entry(id="Bad Id")], {}, "actor 'Bad Id': 'id' must be lower-case words"),
    ([_entry(type="outlet", kind="media")], {}, "an outlet needs 'state_affiliated"),
    ([_entry(state_affiliated=True)], {}, "'state_affiliated' is for outlets only"),
    ([_entry(roles=[{"title": "Boss"}])], {}, "actor 'ru-test': only a person has 'roles'"),
    ([_entry(country="Russia")], {}, "actor 'ru-test': bad country 'Russia'"),
    ([_entry(aliases="Testers")], {}, "actor 'ru-test': 'aliases' must be a list"),
    ([_entry(aliases=["the"])], {}, "actor 'ru-test': alias 'the' has no words left"),
    ([_entry()], {"colours": []}, "unknown top-level key 'colours'"),
    ([_entry()], {"equivalences": [{"pattern": "(", "replace": ""}]},
     "equivalences #1: bad pattern"),
    ([_entry()], {"equivalences": [{"pattern": "a", "with": "b"}]}, "equivalences #1: unknown key"),
    ([_entry(area="Kharkiv")], {}, "actor 'ru-test': 'area' must be a GeoNames id"),
    ([_person(roles=[{"title": "Mayor", "area": -4}])], {},
     "actor 'ru-someone' role #1: 'area' must be a GeoNames id"),
])
def test_the_loader_refuses_bad_files(tmp_path: Path, actors: list[dict[str, Any]],
                                      top: dict[str, Any], expected: str) -> None:
    assert expected in _refusal(tmp_path, _doc(*actors, **top))


def test_an_ambiguous_alias_is_allowed_when_listed(tmp_path: Path) -> None:
    first = _entry(aliases=["Test Corps"])
    second = _entry(id="ua-test", name="Other", side="UA", aliases=["Test Corps"])
    reg = ActorRegistry.from_file(_write(tmp_path, _doc(first, second, ambiguous=["test corps"],
                                                        side_words={"UA": ["ukrainian"]})))
    assert reg.match("Test Corps") is None
    assert reg.match("Test Corps (Ukrainian)") == reg.get("ua-test")


def test_the_loader_refuses_bad_documents(tmp_path: Path) -> None:
    assert "'version' must be 1" in _refusal(tmp_path, {"version": 2, "actors": [_entry()]})
    assert "'actors' must be a non-empty list" in _refusal(tmp_path, {"version": 1})
    assert "must be a mapping" in _refusal(tmp_path, "- just\n- a list\n")
    assert "cannot read actor registry" in _refusal(tmp_path, "version: 1\nactors: [\n")
    missing = tmp_path / "absent.yaml"
    with pytest.raises(ActorRegistryError, match=r"absent\.yaml: cannot read actor registry"):
        ActorRegistry.from_file(missing)


def test_a_names_romanised_ending_is_the_same_person(reg: ActorRegistry) -> None:
    found = reg.claimant_actor("governor Yevgeniy Balitskiy", date(2025, 9, 3))
    assert found is not None and found["id"] == "ru-balitsky", found
    peskov = reg.claimant_actor("Dmitriy Peskov", date(2025, 9, 3))
    assert peskov is not None and peskov["id"] == "ru-peskov", peskov
