"""Fuzzing every entry point: only the library's own errors may escape, and they say what was wrong.

The default Hypothesis profile keeps this quick. For the large run (>= 100,000 examples across
the entry points below) use ``HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import contextlib
import io
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antiage_compare import AntiageError, compare, example_profile, load_catalog, smaa
from antiage_compare._dump import to_toml
from antiage_compare.cli import main
from antiage_compare.profile import Profile

from .strategies import junk

CAT = load_catalog()
OPTION_IDS = list(CAT.ids)

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.just(""),
    st.just("x" * 5000),
)


@st.composite
def clinic_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Clinic files: valid ones, and ones with wrong types, odd numbers and unknown keys."""
    clinic: dict[str, Any] = {
        "name": draw(st.one_of(st.text(max_size=50), toml_scalars)),
        "competing_interests": draw(st.one_of(st.just("We sell these."), toml_scalars)),
    }
    if draw(st.booleans()):
        clinic["currency"] = draw(st.sampled_from(["GBP", "USD", "", "€"]))
    if draw(st.booleans()):
        clinic["not_offered"] = draw(
            st.lists(st.sampled_from([*OPTION_IDS, "nope", ""]), max_size=3)
        )
    if draw(st.booleans()):
        clinic["show_not_offered"] = draw(st.one_of(st.booleans(), toml_scalars))
    if draw(st.booleans()):
        clinic[draw(st.text(min_size=1, max_size=8))] = draw(toml_scalars)
    doc: dict[str, Any] = {
        "schema_version": draw(st.sampled_from([1, 1, 2, "1"])),
        "clinic": clinic,
    }
    prices = {}
    for oid in draw(st.lists(st.sampled_from([*OPTION_IDS, "made_up"]), max_size=3, unique=True)):
        amount = {
            "low": draw(st.one_of(st.integers(-10, 10_000), toml_scalars)),
            "high": draw(st.one_of(st.integers(0, 20_000), toml_scalars)),
        }
        price: dict[str, Any] = {
            "per": draw(st.sampled_from(["session", "course", "year", "day"])),
            "amount": amount,
        }
        if draw(st.booleans()):
            price[draw(st.sampled_from(["contraindications", "risks", "typo"]))] = draw(
                toml_scalars
            )
        prices[oid] = price
    if prices:
        doc["prices"] = prices
    return doc


_SPECIAL = {"__nan__": "nan", "__inf__": "inf", "__-inf__": "-inf"}


def _marked(value: Any) -> Any:
    """Replace non-finite floats by marker strings that toml_text() turns into TOML nan/inf."""
    if isinstance(value, float) and not math.isfinite(value):
        return "__nan__" if math.isnan(value) else ("__inf__" if value > 0 else "__-inf__")
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_marked(v) for v in value]
    return value


def toml_text(doc: dict[str, Any]) -> str:
    """TOML text for ``doc``, including nan and inf (which the data writer refuses on purpose)."""
    text = to_toml(_marked(doc))
    for marker, literal in _SPECIAL.items():
        text = text.replace(f'"{marker}"', literal)
    return text


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clinic_documents())
def test_clinic_files_load_or_raise_data_error(tmp_path: Path, doc: dict[str, Any]) -> None:
    """Any clinic file either loads (keeping every contraindication) or raises a DataError naming it."""
    path = tmp_path / "clinic.toml"
    text = toml_text(doc)
    path.write_text(text, encoding="utf-8")
    try:
        cat = load_catalog(path)
    except AntiageError as exc:
        assert "clinic.toml" in str(exc)
        return
    for option in cat:
        if option.id in CAT:
            assert option.contraindications == CAT[option.id].contraindications


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "list",
                    "show",
                    "compare",
                    "validate",
                    "report",
                    "interview",
                    "--json",
                    "--method",
                    "-o",
                    "--samples",
                    "--seed",
                    "--clinic",
                    "acupuncture",
                    "topsis",
                    "0",
                    "-1",
                    "nan",
                    "",
                    "--quiet",
                ]
            ),
            st.text(max_size=10),
        ),
        max_size=5,
    )
)
def test_cli_arguments_exit_cleanly(argv: list[str]) -> None:
    """Any argument list ends with an exit status (0, 1 or 2), never a traceback.

    Commands that would write files or wait for input are given arguments that make them fail
    before doing so (no -o target exists in a read-only sense, so "report"/"interview" are
    dropped when they would succeed).
    """
    if {"report", "interview"} & set(argv) and "-o" in argv:
        return
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    assert status in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    if status == 2:
        assert err.getvalue().strip(), "a failure must say why"
        assert len(err.getvalue().strip().splitlines()) <= 30


@given(st.one_of(junk(), st.just("mavt")), st.one_of(junk(), st.none()))
def test_compare_arguments_raise_only_library_errors(method: Any, catalog: Any) -> None:
    """compare() with odd arguments either works or raises an AntiageError."""
    try:
        compare(example_profile(), catalog, method=method)
    except AntiageError as exc:
        assert str(exc)


@settings(max_examples=30)
@given(
    st.one_of(st.integers(-5, 50), junk()),
    st.one_of(st.integers(), junk()),
    st.one_of(st.sampled_from(["profile", "ranking", "none"]), junk()),
)
def test_smaa_arguments_raise_only_library_errors(samples: Any, seed: Any, weights: Any) -> None:
    """smaa() with odd arguments either works or raises an AntiageError naming the argument."""
    try:
        result = smaa(example_profile(), samples=samples, seed=seed, weights=weights)
    except AntiageError as exc:
        assert any(name in str(exc) for name in ("samples", "seed", "weights"))
        return
    for row in result.rank_acceptability:
        assert math.isclose(sum(row), 1.0, abs_tol=1e-9)


@given(st.dictionaries(st.text(max_size=12), junk(), max_size=4))
def test_random_profile_mappings_raise_only_profile_errors(data: dict[str, Any]) -> None:
    """Arbitrary mappings are valid profiles or raise the library's own error."""
    with contextlib.suppress(AntiageError):
        Profile.from_dict(data)


@pytest.mark.parametrize("big", [1e308, 10**400, -1e308])
def test_huge_numbers_in_profiles_are_named(big: Any) -> None:
    """Absurd numbers are rejected with the key named, not passed on."""
    d = example_profile().to_dict()
    d["limits"]["max_cost"] = big
    if big == 1e308:
        assert Profile.from_dict(d).limits.max_cost == 1e308
        return
    with pytest.raises(AntiageError, match="max_cost"):
        Profile.from_dict(d)
