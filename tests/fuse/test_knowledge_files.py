"""The fusion tolerances and the ACLED mapping are data files, loaded and validated like
the codebook: a bad file is refused with its name and the key at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.fuse.config import FusionConfigError, default_fusion, load_fusion
from wirewatch.fuse.events import Placed, cluster, fusion_place
from wirewatch.store.acled import AcledMappingError, default_acled, load_acled
from wirewatch.store.export import acled_type


def test_bundled_files_load() -> None:
    fusion = default_fusion()
    assert fusion.tolerance("territory.captured") == 5
    assert fusion.tolerance("strike") == fusion.default_tolerance_days == 0
    acled = default_acled()
    assert acled.classify({"type": "strike"}, ["a Shahed drone"]) == (
        "Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(("text", "key"), [
    ("tolerance_days: {strike: 1}\nspeed: 3\n", "speed: unknown key"),
    ("tolerance_days: {strike: -1}\n", "tolerance_days.strike"),
    ("undated_days: seven\n", "undated_days"),
    ("- a list\n", "mapping"),
])
def test_a_bad_fusion_file_is_named_with_its_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "fusion.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FusionConfigError) as err:
        load_fusion(path)
    assert str(path) in str(err.value) and key in str(err.value)


def test_a_bad_acled_file_is_named_with_its_key(tmp_path: Path) -> None:
    good = Path(__file__).resolve().parents[2] / "src/wirewatch/data/acled.yaml"
    text = good.read_text(encoding="utf-8")
    for bad, key in ((text + "colour: red\n", "colour: unknown key"),
                     (text.replace("  strike: [Explosions/Remote violence, Shelling/"
                                   "artillery/missile attack]", "  strike: [Battles]"),
                      "types.strike"),
                     (text.replace("  government_side: UA\n", "  government_side: UA\n"
                                   "  third_side: XX\n"), "government_regains.third_side")):
        path = tmp_path / "acled.yaml"
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(AcledMappingError) as err:
            load_acled(path)
        assert str(path) in str(err.value) and key in str(err.value)


def test_callers_pass_their_own(tmp_path: Path) -> None:
    path = tmp_path / "acled.yaml"
    bundled = Path(__file__).resolve().parents[2] / "src/wirewatch/data/acled.yaml"
    path.write_text(bundled.read_text(encoding="utf-8").replace(
        "  strike: [Explosions/Remote violence, Shelling/artillery/missile attack]",
        "  strike: [Explosions/Remote violence, Remote explosive/landmine/IED]"),
        encoding="utf-8")
    assert acled_type({"type": "strike"}, (), load_acled(path)) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    # a wider strike tolerance fuses strikes a day apart that the bundled one keeps apart
    fusion = tmp_path / "fusion.yaml"
    fusion.write_text("tolerance_days: {strike: 1}\n", encoding="utf-8")
    place = {"geonameid": 706483, "name": "Kharkiv"}
    data = [{"type": "strike", "place": place, "date": {"value": day, "precision": "day"}}
            for day in ("2025-11-01", "2025-11-02")]
    mentions = [Placed(i, *fusion_place(d, None), order=str(i))  # type: ignore[arg-type]
                for i, d in enumerate(data)]
    bundled, wider = load_fusion(None), load_fusion(fusion)
    assert len(cluster(mentions, bundled.tolerance("strike"))) == 2
    assert len(cluster(mentions, wider.tolerance("strike"))) == 1
