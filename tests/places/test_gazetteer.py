from pathlib import Path

from wirewatch.places.gazetteer import Gazetteer, index_path


def test_index_is_named_by_its_sources_and_reused(gaz: Gazetteer) -> None:
    assert gaz.path == index_path() and gaz.path.exists()
    assert gaz.path.name.startswith("gazetteer-")


def test_admin1_names_are_english(gaz: Gazetteer) -> None:
    e = gaz.entry(704422)
    assert e is not None and e.admin1 == "Donetsk Oblast" and e.country == "UA"
    rostov = gaz.entry(565348)
    assert rostov is not None and rostov.admin1 == "Rostov Oblast"


def test_a_user_file_adds_aliases_and_places(tmp_path: Path, gaz: Gazetteer) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "aliases:\n  - {id: 704422, names: [Pokrovsk agglomeration hub]}\n"
        "places:\n  - {id: 910000001, name: Hill 204, lat: 48.1, lon: 37.9, country: UA,"
        " names: [Hill 204, Height 204]}\n", encoding="utf-8")
    mine = Gazetteer(gaz.path, extra_files=[f])
    assert [h.entry.id for h in mine.exact("Pokrovsk agglomeration hub")] == [704422]
    assert [h.entry.name for h in mine.exact("height 204")] == ["Hill 204"]
    assert gaz.exact("Height 204") == []


def test_a_user_file_adds_regions_of_the_front(tmp_path: Path, gaz: Gazetteer) -> None:
    assert gaz.on_front("UA", "05") and not gaz.on_front("UA", "13")
    assert not gaz.on_front("FR", "11")  # outside the monitored theatre
    f = tmp_path / "front.yaml"
    f.write_text('front_regions: {UA: ["13"]}\n', encoding="utf-8")
    mine = Gazetteer(gaz.path, extra_files=[f])
    assert mine.on_front("UA", "13") and mine.on_front("UA", "05")
