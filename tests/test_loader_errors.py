"""Bad catalogue data raises DataError naming the file, the field path and the value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from antiage_compare import DataError, load_catalog
from antiage_compare.errors import WrongTypeError

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog


def _load(tmp_path: Path, data: dict[str, Any]) -> DataError:
    path = write_catalog(tmp_path, data)
    with pytest.raises(DataError) as info:
        load_catalog(path)
    return info.value


def _expect(err: DataError, path: str, value: str, tmp_path: Path) -> None:
    msg = str(err)
    assert str(tmp_path / "catalog.toml") in msg, msg
    assert path in msg, msg
    assert value in msg, msg
    assert err.path == path


def test_valid_factory_catalog_loads(tmp_path: Path) -> None:
    """The factory's catalogue is valid, so every failure below is caused by its one change."""
    cat = load_catalog(write_catalog(tmp_path, catalog_dict()))
    assert cat.ids == ("opt_a", "no_procedure")


def test_unknown_key(tmp_path: Path) -> None:
    """A misspelt key is an error, not silently ignored."""
    opt = option_dict(sumary="typo")
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].sumary", "'sumary'", tmp_path)
    assert "unknown key" in str(err)


def test_unknown_nested_key(tmp_path: Path) -> None:
    """Unknown keys are caught inside nested tables too."""
    opt = option_dict()
    opt["downtime"]["days"]["median"] = 3
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].downtime.days.median", "'median'", tmp_path)


def test_missing_field(tmp_path: Path) -> None:
    """A required field that is missing is named."""
    opt = option_dict()
    del opt["certainty"]["level"]
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    assert "option[0].certainty.level" in str(err)
    assert "required field is missing" in str(err)
    assert str(tmp_path / "catalog.toml") in str(err)


def test_wrong_type_is_also_type_error(tmp_path: Path) -> None:
    """A wrong type is a DataError that is also a TypeError."""
    opt = option_dict(pierces_skin="yes")
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    assert isinstance(err, WrongTypeError)
    assert isinstance(err, TypeError)
    _expect(err, "option[0].pierces_skin", "'yes'", tmp_path)


def test_low_above_high(tmp_path: Path) -> None:
    """A range whose low is above its high is rejected."""
    opt = option_dict()
    opt["sessions"]["count"].update(low=9, typical=9, high=4)
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].sessions.count.low", "9", tmp_path)
    assert "greater than high" in str(err)


def test_typical_outside_the_range(tmp_path: Path) -> None:
    """A typical value outside low..high is named at its own key."""
    opt = option_dict()
    opt["sessions"]["count"].update(low=3, typical=8, high=6)
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].sessions.count.typical", "8", tmp_path)
    assert "is outside low..high (3..6)" in str(err)


def test_unknown_denominator(tmp_path: Path) -> None:
    """A risk's denominator must be one of the four the wording knows."""
    opt = option_dict()
    opt["risks"][0]["per"] = 50
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].risks[0].per", "50", tmp_path)
    assert "must be 100, 1000, 10000 or 100000" in str(err)


def test_next_review_before_reviewed(tmp_path: Path) -> None:
    """The next evidence review cannot be due before the last one."""
    data = catalog_dict()
    data["catalog"]["next_review"] = __import__("datetime").date(2025, 1, 1)
    err = _load(tmp_path, data)
    _expect(err, "catalog.next_review", "2025, 1, 1", tmp_path)
    assert "is before reviewed (2026-01-01)" in str(err)


def test_the_model_names_the_same_problems_without_a_file() -> None:
    """The checks the loader reports live in the model: built directly, they name the class.

    The loader does not restate them; Table.convert puts the model's field under the table it
    is reading, which is how the messages above get their file and path.
    """
    from antiage_compare.model import Range

    with pytest.raises(DataError) as info:
        Range(low=9, high=4)
    assert str(info.value) == "Range: low: is greater than high (4) (got 9)"
    assert isinstance(info.value, ValueError)


def test_negative_days(tmp_path: Path) -> None:
    """Negative days are nonsense and rejected."""
    opt = option_dict()
    opt["downtime"]["days"].update(low=-2)
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].downtime.days.low", "-2", tmp_path)


def test_negative_cost(tmp_path: Path) -> None:
    """Negative costs are rejected."""
    opt = option_dict()
    opt["cost"]["amount"].update(low=-100)
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].cost.amount.low", "-100", tmp_path)


def test_count_above_denominator(tmp_path: Path) -> None:
    """A risk count above its denominator (a probability above 1) is rejected."""
    opt = option_dict()
    opt["risks"][0]["count"] = {"low": 50, "high": 1200}
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].risks[0].count", "1200", tmp_path)
    assert "denominator" in str(err)


def test_dangling_source_id(tmp_path: Path) -> None:
    """A cited source id that sources do not define is rejected."""
    opt = option_dict()
    opt["risks"][1]["sources"] = ["S2", "S99"]
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].risks[1].sources[1]", "'S99'", tmp_path)


def test_duplicate_option_id(tmp_path: Path) -> None:
    """Two options with one id are rejected."""
    err = _load(tmp_path, catalog_dict(option_dict("x"), option_dict("x"), no_procedure_dict()))
    _expect(err, "option[1].id", "'x'", tmp_path)
    assert "duplicate option id" in str(err)


def test_duplicate_source_id(tmp_path: Path) -> None:
    """Two sources with one id are rejected."""
    data = catalog_dict()
    data["source"].append({"id": "S1", "title": "again", "kind": "rct"})
    err = _load(tmp_path, data)
    _expect(err, "source[2].id", "'S1'", tmp_path)


def test_duplicate_risk_id(tmp_path: Path) -> None:
    """Two risks with one id inside an option are rejected."""
    opt = option_dict()
    opt["risks"][1]["id"] = "bruise"
    opt["scoring"]["serious_risk"] = "bruise"
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].risks[1].id", "'bruise'", tmp_path)


def test_nan_and_inf_rejected(tmp_path: Path) -> None:
    """NaN and infinity are not numbers a catalogue can hold."""
    path = tmp_path / "catalog.toml"
    from antiage_compare._dump import to_toml

    text = to_toml(catalog_dict()).replace("typical = 200", "typical = nan", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"cost\.amount\.typical.*finite"):
        load_catalog(path)


def test_unknown_enum_value(tmp_path: Path) -> None:
    """An unknown certainty level lists the allowed ones."""
    opt = option_dict()
    opt["certainty"]["level"] = "medium"
    err = _load(tmp_path, catalog_dict(opt, no_procedure_dict()))
    _expect(err, "option[0].certainty.level", "'medium'", tmp_path)
    assert "'very low'" in str(err)


def test_missing_no_procedure(tmp_path: Path) -> None:
    """A catalogue must always hold the natural course ("no procedure")."""
    err = _load(tmp_path, catalog_dict(option_dict()))
    assert "no_procedure" in str(err)


def test_invalid_toml_names_file(tmp_path: Path) -> None:
    """A syntax error names the file and says it is not valid TOML."""
    path = tmp_path / "broken.toml"
    path.write_text("id = [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.toml: not valid TOML"):
        load_catalog(path)


def test_folder_file_name_must_match_id(tmp_path: Path) -> None:
    """In a catalogue folder, options/<id>.toml must hold the option with that id."""
    import shutil

    from antiage_compare._paths import shipped_data

    folder = tmp_path / "cat"
    shutil.copytree(str(shipped_data()), folder)
    src = folder / "options" / "acupuncture.toml"
    src.rename(folder / "options" / "acu.toml")
    with pytest.raises(DataError) as info:
        load_catalog(folder)
    assert "acu.toml" in str(info.value)
    assert "'acupuncture'" in str(info.value)
