"""Weight sensitivity: exact intervals agree with brute-force sweeps of each weight."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antiage_compare.comparison import Comparison
from antiage_compare.criteria import CRITERION_IDS
from antiage_compare.errors import AntiageError
from antiage_compare.loading import load_catalog
from antiage_compare.profile import Profile, Tradeoff, example_profile
from antiage_compare.scoring import compare, fits
from antiage_compare.uncertainty.sensitivity import (
    Sensitivity,
    WeightInterval,
    path_weights,
    sensitivity,
)

CATALOG = load_catalog()
PROFILE = example_profile()


def plain_path(comparison: Comparison, iv: WeightInterval, x: float) -> list[float]:
    """The weights at ``x`` along ``iv``'s path, written out plainly (not the module's code).

    The trade-off scales the benefit leaves to add up to ``x`` and the burdens to ``1 − x``; a
    leaf in a group takes ``x`` and the rest of its group shares what is left in proportion; a
    leaf of a flat profile does the same against every other leaf.
    """
    w = list(comparison.weights.vector())
    leaves = comparison.weights.leaves
    benefit = {j for j, k in enumerate(leaves) if k.startswith("effect:")}
    if iv.scope == "tradeoff":
        b = sum(w[j] for j in benefit)
        if b == 0:  # no benefit weight to keep in proportion: x spreads evenly over the effects
            return [x / len(benefit) if j in benefit else w[j] * (1 - x) for j in range(len(w))]
        return [w[j] * x / b if j in benefit else w[j] * (1 - x) / (1 - b) for j in range(len(w))]
    j = leaves.index(iv.criterion)
    if iv.scope == "group":
        scope = [i for i in range(len(w)) if (i in benefit) == (j in benefit)]
    else:
        scope = list(range(len(w)))
    total = sum(w[i] for i in scope)
    rest = total - w[j]
    out = list(w)
    for i in scope:
        if i != j:
            out[i] = w[i] * (total - x) / rest if rest > 0 else (total - x) / (len(scope) - 1)
    out[j] = x
    return out


def leader_at(comparison: Comparison, iv: WeightInterval, x: float, top: int) -> int | None:
    """Brute force: ``None`` if option ``top`` is on top at ``x`` along ``iv``, else who is."""
    values = [[c.value for c in s.contributions] for s in comparison.scored]
    f = fits(values, plain_path(comparison, iv, x), comparison.method)
    best = max(range(len(f)), key=lambda k: (f[k], -k))
    return None if f[top] >= f[best] - 1e-8 else best


def expected_paths(comparison: Comparison) -> list[str]:
    """The trade-off (when both groups have leaves), then every leaf with a weight.

    In the value tree a group's only leaf is left out: its weight is the group's share, which
    the trade-off already moves.
    """
    w = comparison.weights
    keys = w.leaves
    benefit = [k for k in keys if k.startswith("effect:")]
    burden = [k for k in keys if not k.startswith("effect:")]
    out = ["tradeoff"] if benefit and burden else []
    for k, x in w.values.items():
        group = benefit if k.startswith("effect:") else burden
        if x > 0 and not (w.tree and len(group) == 1):
            out.append(k)
    return out


def check_against_sweep(comparison: Comparison, steps: int, gap: float) -> None:
    """Every interval holds on a sweep of its weight; just outside, the named option leads."""
    s = sensitivity(comparison)
    ids = comparison.ids
    top = ids.index(s.top)
    assert [iv.criterion for iv in s.intervals] == expected_paths(comparison)
    for iv in s.intervals:
        assert 0.0 <= iv.low <= iv.weight <= iv.high <= iv.maximum <= 1.0
        assert (iv.below is None) == (iv.low == 0.0)
        assert (iv.above is None) == (iv.high == iv.maximum)
        for step in range(steps + 1):
            x = iv.maximum * step / steps
            who = leader_at(comparison, iv, x, top)
            if iv.low + gap <= x <= iv.high - gap:
                assert who is None, (iv, x)
            elif comparison.method == "mavt" and (x < iv.low - gap or x > iv.high + gap):
                # Under MAVT the region where the top stays on top is one interval.
                assert who is not None, (iv, x)
        if iv.below is not None:
            assert ids[leader_at(comparison, iv, max(0.0, iv.low - gap), top) or 0] == iv.below
        if iv.above is not None:
            assert ids[leader_at(comparison, iv, min(iv.maximum, iv.high + gap), top) or 0] == (
                iv.above
            )


def test_intervals_agree_with_a_sweep_on_the_shipped_catalogue() -> None:
    """For the example profile, each exact interval matches a 2,000-step sweep of its weight."""
    check_against_sweep(compare(PROFILE, CATALOG), steps=2000, gap=1e-6)


WEIGHED = ("effectiveness", "serious_risk", "side_effects", "downtime", "invasiveness", "cost")


@settings(max_examples=25)
@given(
    ratings=st.lists(st.integers(0, 10), min_size=9, max_size=9).filter(
        lambda r: r[0] > 0 and any(r[2:8])
    ),
    concerns=st.sets(st.sampled_from(["fine_lines", "laxity", "pigmentation", "acne_scars"])),
    benefit=st.one_of(st.none(), st.integers(1, 99)),
)
def test_intervals_agree_with_sweeps_for_any_ratings(
    ratings: list[int], concerns: set[str], benefit: int | None
) -> None:
    """For random ratings, concerns and trade-offs (flat or tree), intervals match sweeps."""
    profile = Profile(
        concerns=tuple(sorted(concerns)),
        importance={c: float(r) for c, r in zip(CRITERION_IDS, ratings, strict=True) if r},
        tradeoff=None if benefit is None else Tradeoff(benefit=benefit),
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
    profile = Profile(concerns=("wrinkles",), importance={"serious_risk": 5.0})
    comparison = compare(profile, CATALOG)
    s = sensitivity(comparison)
    tradeoff, iv = s.intervals
    assert tradeoff.criterion == "tradeoff"
    assert tradeoff.weight == 0.0
    assert iv.criterion == "serious_risk"
    assert iv.weight == 1.0
    assert iv.high == 1.0
    assert iv.above is None
    j = comparison.weights.leaves.index("serious_risk")
    m = len(comparison.weights.leaves)  # the wrinkles leaf and the six burdens
    spread = [0.7 / (m - 1)] * m
    spread[j] = 0.3
    assert path_weights(comparison.weights.vector(), j, 0.3) == pytest.approx(spread)
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
    profile = Profile(importance={"sessions": 5.0})
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
