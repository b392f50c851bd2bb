"""One loader per kind of file, one function that tells the kinds apart, and file errors.

``load_catalog`` reads catalogues, ``load_clinic`` reads a clinic file over any catalogue, and
``file_kind`` decides what a file is from its top-level tables. A missing or unreadable path is
a library error that is also the matching built-in, naming the path.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import antiage_compare as ac
from antiage_compare import (
    AntiageError,
    DataError,
    DataFileNotFoundError,
    DataPermissionError,
    FileKind,
    ProfileError,
    ProfileFileNotFoundError,
    ProfilePermissionError,
    file_kind,
    load_catalog,
    load_clinic,
    load_profile,
)
from antiage_compare._dump import to_toml
from antiage_compare._paths import shipped_data
from antiage_compare.cli import main

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog

CLINIC = {
    "schema_version": 1,
    "clinic": {"name": "Example Skin Clinic", "competing_interests": "We sell them."},
    "prices": {"opt_a": {"per": "session", "amount": {"low": 10, "high": 20}}},
}


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(to_toml(data), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """One file of each kind, plus a copy of the shipped catalogue folder."""
    folder = tmp_path / "data"
    shutil.copytree(Path(str(shipped_data())), folder)
    profile = tmp_path / "profile.toml"
    profile.write_text(to_toml(ac.example_profile().to_dict()), encoding="utf-8")
    return {
        "folder": folder,
        "catalogue": write_catalog(tmp_path, catalog_dict()),
        "clinic": _write(tmp_path / "clinic.toml", CLINIC),
        "profile": profile,
    }


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("folder", FileKind.CATALOGUE_FOLDER),
        ("catalogue", FileKind.CATALOGUE_FILE),
        ("clinic", FileKind.CLINIC),
        ("profile", FileKind.PROFILE),
    ],
)
def test_file_kind_tells_every_kind_apart(
    files: dict[str, Path], name: str, kind: FileKind
) -> None:
    """The kind comes from the top-level tables (or from being a folder)."""
    assert file_kind(files[name]) is kind
    assert file_kind(str(files[name])) is kind


def test_file_kind_refuses_a_file_of_no_known_kind(tmp_path: Path) -> None:
    """A TOML file with none of the known tables is a DataError listing what it has."""
    path = tmp_path / "odd.toml"
    path.write_text("[weather]\nrain = true\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        file_kind(path)
    assert str(info.value).startswith(f"{path}: cannot tell what this file is")
    assert "weather" in str(info.value)


def test_load_catalog_reads_folders_and_single_files(files: dict[str, Path]) -> None:
    """A folder and a single-file catalogue each load through load_catalog."""
    assert load_catalog(files["folder"]).ids == load_catalog().ids
    assert load_catalog(files["catalogue"]).ids == ("opt_a", "no_procedure")


@pytest.mark.parametrize(
    ("name", "needle"), [("clinic", "load_clinic"), ("profile", "load_profile")]
)
def test_load_catalog_refuses_other_kinds(files: dict[str, Path], name: str, needle: str) -> None:
    """A clinic file or a profile given to load_catalog says which loader to use."""
    with pytest.raises(DataError) as info:
        load_catalog(files[name])
    assert str(info.value).startswith(str(files[name]))
    assert needle in str(info.value)


@pytest.mark.parametrize("name", ["folder", "catalogue", "profile"])
def test_load_clinic_refuses_other_kinds(files: dict[str, Path], name: str) -> None:
    """Only a file with a [clinic] table is a clinic file."""
    with pytest.raises(DataError, match="not a clinic file"):
        load_clinic(files[name])


def test_a_clinic_over_a_custom_catalogue(files: dict[str, Path]) -> None:
    """load_clinic lays the clinic over the catalogue it is given, not the shipped one."""
    base = load_catalog(files["catalogue"])
    cat = load_clinic(files["clinic"], base)
    assert cat.ids == base.ids
    assert cat.info.clinic_name == "Example Skin Clinic"
    assert cat["opt_a"].cost.amount.high == 20  # type: ignore[union-attr]
    with pytest.raises(DataError, match=r"prices\.opt_a: the catalogue has no option"):
        load_clinic(files["clinic"])  # the shipped catalogue has no opt_a
    with pytest.raises(TypeError, match="expected a Catalog"):
        load_clinic(files["clinic"], "data")  # type: ignore[arg-type]


def test_catalog_and_clinic_combine_on_the_command_line(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """--catalog and --clinic work together; validate checks a clinic over --catalog."""
    assert (
        main(["list", "--catalog", str(files["catalogue"]), "--clinic", str(files["clinic"])]) == 0
    )
    out = capsys.readouterr().out
    assert "Option opt_a" in out
    assert "Clinic: Example Skin Clinic" in out
    assert main(["validate", str(files["clinic"]), "--catalog", str(files["catalogue"])]) == 0
    assert "valid clinic file for 'Example Skin Clinic'" in capsys.readouterr().out
    assert main(["validate", str(files["clinic"])]) == 2
    assert "prices.opt_a" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("folder", "valid catalogue folder (24 options"),
        ("catalogue", "valid catalogue file (2 options"),
        ("profile", "valid profile for 'Example client'"),
    ],
)
def test_validate_names_each_kind(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], name: str, needle: str
) -> None:
    """`validate` asks file_kind once and reports what the file is."""
    assert main(["validate", str(files[name])]) == 0
    assert needle in capsys.readouterr().out


# -- missing and unreadable files --------------------------------------------------------------


def test_a_missing_path_is_a_library_error_and_a_file_not_found_error(tmp_path: Path) -> None:
    """Every loader names the missing path, with an error that is both kinds of error."""
    missing = tmp_path / "nowhere.toml"
    for load in (load_catalog, load_clinic, file_kind):
        with pytest.raises(DataFileNotFoundError) as info:
            load(missing)
        err = info.value
        assert isinstance(err, AntiageError)
        assert isinstance(err, FileNotFoundError)
        assert err.filename == str(missing)
        assert str(err) == f"{missing}: no such file or folder"
    with pytest.raises(ProfileFileNotFoundError) as pinfo:
        load_profile(missing)
    assert isinstance(pinfo.value, ProfileError)
    assert isinstance(pinfo.value, FileNotFoundError)
    assert str(pinfo.value) == f"{missing}: no such file"


@pytest.mark.parametrize("part", ["catalog.toml", "sources.toml", "options"])
def test_a_folder_missing_a_part_names_it(files: dict[str, Path], part: str) -> None:
    """A catalogue folder without catalog.toml, sources.toml or options/ says which is missing."""
    target = files["folder"] / part
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    with pytest.raises(DataFileNotFoundError) as info:
        load_catalog(files["folder"])
    assert isinstance(info.value, FileNotFoundError)
    assert part.removesuffix("/") in str(info.value)


def test_an_unreadable_file_is_a_permission_error(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that may not be read is a DataPermissionError (and a PermissionError), named."""
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name in {"clinic.toml", "profile.toml"}:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DataPermissionError) as info:
        load_clinic(files["clinic"])
    assert isinstance(info.value, PermissionError)
    assert str(files["clinic"]) in str(info.value)
    with pytest.raises(ProfilePermissionError) as pinfo:
        load_profile(files["profile"])
    assert isinstance(pinfo.value, PermissionError)


def test_the_cli_reports_a_missing_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing --catalog, --clinic or profile is one line naming the path, exit 2."""
    missing = str(tmp_path / "gone.toml")
    for argv in (
        ["list", "--catalog", missing],
        ["list", "--clinic", missing],
        ["compare", missing],
        ["validate", missing],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert missing in err
        assert "Traceback" not in err


def test_errors_pickle_as_their_own_type(tmp_path: Path) -> None:
    """Errors cross process boundaries (multiprocessing, job queues) with their type intact."""
    import pickle

    missing = tmp_path / "x.toml"
    with pytest.raises(DataFileNotFoundError) as info:
        load_catalog(missing)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is DataFileNotFoundError
    assert str(again) == str(info.value)
    data = option_dict()
    data["cost"]["amount"]["low"] = -1
    with pytest.raises(DataError) as dinfo:
        load_catalog(write_catalog(tmp_path, catalog_dict(data, no_procedure_dict())))
    assert type(pickle.loads(pickle.dumps(dinfo.value))) is type(dinfo.value)
