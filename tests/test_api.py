"""The public API: every exported name exists, the version matches, and imports stay light."""

from __future__ import annotations

import importlib.metadata
import pickle
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
    """Every public result's repr says what it is without dumping everything.

    Option, ScoredOption and SmaaResult were 5-11 KB of nested attrs reprs in 0.1.0.
    """
    c = ac.compare(ac.example_profile())
    s = ac.sensitivity(c)
    r = ac.smaa(ac.example_profile(), samples=100)
    dominated = next(x for x in c.scored if x.dominated_by)
    for obj, expected in (
        (
            ac.load_catalog(),
            "<Catalog 2027.1: 24 options: acupuncture, biostimulatory_filler, blepharoplasty",
        ),
        (ac.example_profile(), "<Profile 'Example client': concerns="),
        (c, f"<Comparison mavt: 21 eligible ({c.scored[0].id}={c.scored[0].fit:.0f}"),
        (
            ac.load_catalog()["acupuncture"],
            "<Option 'acupuncture': 'Cosmetic (facial) acupuncture', needles, evidence very low>",
        ),
        (c.scored[0], f"<ScoredOption {c.scored[0].id!r}: fit {c.scored[0].fit:.1f}, rank 1>"),
        (dominated, f"<ScoredOption {dominated.id!r}: fit {dominated.fit:.1f}"),
        (c.weights, "<Weights direct tree: benefit 0.55; effect:wrinkles=0.275, "),
        (r, "<SmaaResult mavt: 100 draws, seed 0, weights=profile; first rank "),
        (s, f"<Sensitivity mavt: top {c.scored[0].id}, {len(s.intervals)} weight intervals; "),
        (
            s.intervals[0],
            f"<WeightInterval tradeoff: 0.550 in [{s.intervals[0].low:.3f}, 1.000], below ",
        ),
    ):
        text = repr(obj)
        assert text.startswith(expected), text
        assert text.endswith(">")
        assert len(text) < 300, text
    assert f"dominated by {', '.join(dominated.dominated_by)}" in repr(dominated)


def test_an_excluded_option_says_why_it_has_no_fit() -> None:
    """Asking a comparison for an excluded option names it, its first reason and where to look."""
    c = ac.compare(ac.example_profile())
    first_reason = next(e for e in c.excluded if e.option.id == "facelift").reasons[0].text
    with pytest.raises(ac.UnknownIdError) as info:
        c["facelift"]
    assert str(info.value).startswith(
        f"'facelift' was excluded ({first_reason}), so it has no fit; see Comparison.excluded;"
        " known ids: botulinum_toxin, "
    )
    assert info.value.given == "facelift"
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)
    with pytest.raises(ac.UnknownIdError, match=r"^unknown eligible option id 'facelfit'; known"):
        c["facelfit"]


def test_compare_with_a_dict_points_to_from_dict() -> None:
    """compare({...}) says to build a Profile with Profile.from_dict, with no <data> prefix."""
    with pytest.raises(ac.WrongTypeError) as info:
        ac.compare({"importance": {"cost": 1}})  # type: ignore[arg-type]
    text = str(info.value)
    assert text.startswith("compare(): profile: expected a Profile, got dict;")
    assert "Profile.from_dict(data)" in text
    assert "<data>" not in text
    assert isinstance(info.value, TypeError)


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
