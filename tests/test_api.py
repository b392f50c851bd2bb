"""The public API: every exported name exists, the version matches, and imports stay light."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

import antiage_compare as ac


def test_every_exported_name_resolves_and_all_is_sorted() -> None:
    """Each name in __all__ is an attribute (lazy ones included); __all__ is sorted isort-style.

    That is ruff's RUF022 order: CONSTANTS, then Classes, then functions, each alphabetical.
    """
    for name in ac.__all__:
        assert getattr(ac, name) is not None, name

    def kind(name: str) -> int:
        if name.isupper():
            return 0
        return 1 if name[0].isupper() else 2

    assert list(ac.__all__) == sorted(ac.__all__, key=lambda n: (kind(n), n))
    assert set(ac.__all__) <= set(dir(ac))


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A typo is an AttributeError naming the attribute."""
    with pytest.raises(AttributeError, match="smaaa"):
        _ = ac.smaaa  # type: ignore[attr-defined]


def test_version_matches_installed_metadata() -> None:
    """__version__ is the version the package was installed with."""
    assert ac.__version__ == importlib.metadata.version("antiage-compare")


def test_import_stays_light() -> None:
    """`import antiage_compare` loads neither jinja2 nor the uncertainty modules until used."""
    code = (
        "import sys, antiage_compare as ac;"
        "print('jinja2' in sys.modules, 'antiage_compare.uncertainty.smaa' in sys.modules);"
        "ac.smaa;"
        "print('antiage_compare.uncertainty.smaa' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False", "True"]


def test_objects_have_readable_reprs() -> None:
    """Catalogue, profile and comparison reprs say what they are without dumping everything."""
    c = ac.compare(ac.example_profile())
    for obj, start in (
        (ac.load_catalog(), "<Catalog"),
        (ac.example_profile(), "<Profile"),
        (c, "<Comparison"),
    ):
        text = repr(obj)
        assert text.startswith(start)
        assert len(text) < 400


def test_every_error_lives_in_errors_and_is_exported() -> None:
    """Each error class is defined in `errors` and re-exported by the package.

    Each is still importable from the module that raises it, and derives from AntiageError.
    """
    from antiage_compare import _files, cli, errors, mcda
    from antiage_compare.uncertainty import sensitivity, smaa

    for name in errors.__all__:
        cls = getattr(errors, name)
        assert cls.__module__ == "antiage_compare.errors", name
        assert issubclass(cls, ac.AntiageError), name
        assert getattr(ac, name) is cls, name
        assert name in ac.__all__, name
    old_homes = {
        smaa: ("SmaaError", "SmaaTypeError", "Cancelled"),
        sensitivity: ("SensitivityError", "SensitivityTypeError"),
        _files: ("OutputPathError",),
        cli: ("UsageError",),
        mcda: ("MCDATypeError",),
    }
    for module, names in old_homes.items():
        for name in names:
            assert getattr(module, name) is getattr(errors, name), (module.__name__, name)


def test_an_unknown_method_is_a_public_method_error() -> None:
    """compare(method=...) with an unknown method raises MethodError, a ValueError, naming the choices."""
    with pytest.raises(ac.MethodError, match="choose one of mavt, topsis, vikor") as info:
        ac.compare(ac.example_profile(), method="wsm")  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert type(info.value).__name__ == "MethodError"


def test_dir_lists_the_public_names_only() -> None:
    """dir(antiage_compare) is __all__: no imports such as `Any` or `importlib`, no submodules."""
    assert sorted(dir(ac)) == sorted(ac.__all__)
