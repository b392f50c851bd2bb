"""Weight sensitivity: exact intervals agree with brute-force sweeps of each weight."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antiage_compare.comparison import Comparison
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.errors import AntiageError
from antiage_compare.loading import load_catalog
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare, fits
from antiage_compare.uncertainty.sensitivity import (
    Sensitivity,
    WeightInterval,
    path_weights,
    sensitivity,
)

CATALOG = load_catalog()
PROFILE = example_profile()


def leader_at(comparison: Comparison, j: int, x: float, top: int) -> int | None:
    """Brute force: ``None`` if option ``top`` is on top with weight ``j`` at ``x``, else who is."""
    values = [[c.value for c in s.contributions] for s in comparison.scored]
    f = fits(values, path_weights(comparison.weights.vector(), j, x), comparison.method)
    best = max(range(len(f)), key=lambda k: (f[k], -k))
    return None if f[top] >= f[best] - 1e-8 else best


def check_against_sweep(comparison: Comparison, steps: int, gap: float) -> None:
    """Every interval holds on a sweep of its weight; just outside, the named option leads."""
    s = sensitivity(comparison)
    ids = comparison.ids
    top = ids.index(s.top)
    expected = [c for c, w in zip(CRITERION_IDS, comparison.weights.vector(), strict=True) if w > 0]
    assert [iv.criterion for iv in s.intervals] == expected
    for iv in s.intervals:
        j = CRITERION_IDS.index(iv.criterion)
        assert 0.0 <= iv.low <= iv.weight <= iv.high <= 1.0
        assert (iv.below is None) == (iv.low == 0.0)
        assert (iv.above is None) == (iv.high == 1.0)
        for step in range(steps + 1):
            x = step / steps
            who = leader_at(comparison, j, x, top)
            if iv.low + gap <= x <= iv.high - gap:
                assert who is None, (iv, x)
            elif comparison.method == "mavt" and (x < iv.low - gap or x > iv.high + gap):
                # Under MAVT the region where the top stays on top is one interval.
                assert who is not None, (iv, x)
        if iv.below is not None:
            assert ids[leader_at(comparison, j, max(0.0, iv.low - gap), top) or 0] == iv.below
        if iv.above is not None:
            assert ids[leader_at(comparison, j, min(1.0, iv.high + gap), top) or 0] == iv.above


def test_intervals_agree_with_a_sweep_on_the_shipped_catalogue() -> None:
    """For the example profile, each exact interval matches a 2,000-step sweep of its weight."""
    check_against_sweep(compare(PROFILE, CATALOG), steps=2000, gap=1e-6)


@settings(max_examples=25)
@given(
    ratings=st.lists(st.integers(0, 10), min_size=9, max_size=9).filter(any),
    concerns=st.sets(st.sampled_from(["fine_lines", "laxity", "pigmentation", "acne_scars"])),
)
def test_intervals_agree_with_sweeps_for_any_ratings(
    ratings: list[int], concerns: set[str]
) -> None:
    """For random ratings and concerns, the exact intervals match brute-force sweeps."""
    profile = Profile(
        concerns=tuple(sorted(concerns)),
        importance={c: float(r) for c, r in zip(CRITERION_IDS, ratings, strict=True) if r},
    )
    comparison = compare(profile, CATALOG)
    if len(comparison.top) > 1:
        return  # a tie at the top has nothing to keep
    check_against_sweep(comparison, steps=300, gap=1e-6)


@pytest.mark.parametrize("method", ["topsis", "vikor"])
def test_grid_fallback_for_relative_methods(method: str) -> None:
    """For TOPSIS and VIKOR the grid-and-bisection interval holds on a sweep around the weight."""
    comparison = compare(PROFILE, CATALOG, method=method)  # type: ignore[arg-type]
    s = sensitivity(comparison)
    assert s.method == method
    check_against_sweep(comparison, steps=200, gap=1e-5)


def test_a_single_criterion_spreads_the_rest_evenly() -> None:
    """When one criterion holds all the weight, lowering it spreads the rest over the others."""
    profile = Profile(importance={"serious_risk": 5.0})
    comparison = compare(profile, CATALOG)
    s = sensitivity(comparison)
    (iv,) = s.intervals
    assert iv.criterion == "serious_risk"
    assert iv.weight == 1.0
    assert iv.high == 1.0
    assert iv.above is None
    assert path_weights(comparison.weights.vector(), 2, 0.2) == pytest.approx(
        [0.1, 0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    )
    check_against_sweep(comparison, steps=500, gap=1e-6)


def test_statement_names_at_most_three_fragile_criteria() -> None:
    """The statement names the top option, the nearest changes and who would fit better."""
    comparison = compare(PROFILE, CATALOG)
    s = sensitivity(comparison)
    text = s.statement()
    top_name = comparison.scored[0].option.name
    assert text.startswith(f"{top_name} stays on top unless ")
    assert text.count("would fit better") <= 3
    fragile = sorted((iv for iv in s.intervals if iv.below or iv.above), key=lambda iv: iv.margin)
    first = fragile[0]
    taker = first.above if first.above is not None else first.below
    assert taker is not None
    assert comparison[taker].option.name in text
    for word in ("should", "recommend"):
        assert word not in text.lower()
    assert s.statement({s.top: "THE TOP"}).startswith("THE TOP stays on top")


def test_statement_when_nothing_changes_the_top() -> None:
    """With no crossing on any weight, the statement says the top option stays on top."""
    s = Sensitivity(
        top="a",
        intervals=(WeightInterval("cost", 0.5, 0.0, 1.0, None, None),),
        names=(("a", "Option A"),),
    )
    assert s.statement().startswith("Option A stays on top however much or little")


def test_statement_when_the_top_is_tied() -> None:
    """A tie at the top is said plainly: small changes could put either one ahead."""
    profile = attrs.evolve(PROFILE, importance={"sessions": 5.0})
    comparison = compare(profile, CATALOG)
    assert len(comparison.top) > 1  # no procedure, sunscreen and tretinoin: one visit or none
    s = sensitivity(comparison)
    assert s.top == comparison.ids[0]
    assert set(s.tied) == {t.id for t in comparison.top} - {s.top}
    text = s.statement()
    assert "about equally well" in text
    for t in comparison.top:
        assert t.option.name in text


def test_to_dict_is_json_ready() -> None:
    """``to_dict`` survives strict JSON and keeps every interval."""
    s = sensitivity(compare(PROFILE, CATALOG))
    data = json.loads(json.dumps(s.to_dict(), allow_nan=False))
    assert data["top"] == s.top
    assert [d["criterion"] for d in data["intervals"]] == [iv.criterion for iv in s.intervals]


def test_wrong_type_is_named() -> None:
    """A non-Comparison argument is a TypeError that is also an AntiageError."""
    with pytest.raises(TypeError, match="comparison") as info:
        sensitivity(PROFILE)  # type: ignore[arg-type]
    assert isinstance(info.value, AntiageError)
