"""analyse(): the analysis a report shows, run once before the report is built."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from antiage_compare import load_catalog
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare
from antiage_compare.uncertainty.analysis import DEFAULT_SEED, Analysis, analyse


def profile(**over: Any) -> Profile:
    """The example profile's mapping form, with top-level tables updated by ``over``."""
    data = example_profile().to_dict()
    for key, value in over.items():
        data[key] = {**data[key], **value}
    return Profile.from_dict(data)


@pytest.fixture(scope="module")
def comparison() -> Any:
    """The example profile compared against the shipped catalogue."""
    return compare(example_profile())


def test_analyse_defaults_are_the_documented_ones(comparison: Any) -> None:
    """analyse() draws 10,000 scenarios with the fixed seed 20261126 unless told otherwise."""
    assert DEFAULT_SEED == 20261126
    run = analyse(comparison).smaa
    assert run is not None
    assert (run.samples, run.seed) == (10_000, 20261126)


def test_analyse_skips_what_cannot_run() -> None:
    """With one option open there is no sensitivity; with none, no SMAA either."""
    one = compare(profile(limits={"needles": False, "surgery": False}), load_catalog())
    assert len(one.scored) >= 1
    narrow = attrs.evolve(one, scored=one.scored[:1])
    a = analyse(narrow, samples=50)
    assert a.smaa is not None
    assert a.sensitivity is None
    empty = attrs.evolve(one, scored=())
    assert analyse(empty, samples=50) == Analysis()


def test_analysis_holds_only_analysis_results() -> None:
    """Analysis is frozen and checks the types of its two parts; its repr stays short."""
    with pytest.raises(TypeError):
        Analysis(smaa="not a result")  # type: ignore[arg-type]
    a = analyse(compare(example_profile()), samples=40, seed=1)
    assert repr(a).startswith("<Analysis: SMAA 40 draws, seed 1; sensitivity of ")
    assert len(repr(a)) < 100
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.smaa = None  # type: ignore[misc]


def test_analyse_passes_progress_and_cancel_on(comparison: Any) -> None:
    """The progress callback reaches the SMAA run, and cancel stops it."""
    from antiage_compare.uncertainty.smaa import Cancelled

    calls: list[tuple[int, int]] = []
    analyse(comparison, samples=100, progress=lambda a, b: calls.append((a, b)))
    assert calls
    assert calls[-1][0] == calls[-1][1] == 100
    with pytest.raises(Cancelled):
        analyse(comparison, samples=100, cancel=lambda: True)
    with pytest.raises(TypeError, match="Comparison"):
        analyse(example_profile())  # type: ignore[arg-type]


def test_analyse_runs_the_public_analyses_once_each(comparison: Any) -> None:
    """analyse() gives exactly what smaa_comparison and sensitivity give, and repeats itself."""
    from antiage_compare.uncertainty.sensitivity import sensitivity
    from antiage_compare.uncertainty.smaa import smaa_comparison

    a = analyse(comparison, samples=80, seed=4)
    assert a.smaa == smaa_comparison(comparison, samples=80, seed=4)
    assert a.sensitivity == sensitivity(comparison)
    assert analyse(comparison, samples=80, seed=4) == a
    assert analyse(comparison, samples=80, seed=5) != a
