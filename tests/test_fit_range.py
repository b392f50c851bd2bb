"""Fit ranges: an option's fit with its "no data" figures at the bottom and the top of the scale.

The metamorphic check: replacing every missing figure of an option by a real figure at the
worst (or best) bound of its scale gives exactly the low (or high) end of the fit range that
was shown while the figure was missing; and no figure in between can leave the range.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare.model import Cost, CostBasis, NoData, Option, Range, Risk, Severity
from antiage_compare.tree import DEFAULT_HORIZON_YEARS

CATALOG = ac.load_catalog()


def _point(x: float, unit: str = "") -> Range:
    return Range(low=x, high=x, typical=x, unit=unit, sources=("TEST",))


def _risk(rid: str, severity: Severity, per_1000: float) -> Risk:
    return Risk(
        id=rid,
        name=rid,
        severity=severity,
        count=_point(per_1000),
        per=1000,
        unit="patients",
        population="test",
        time_frame="test",
        sources=("TEST",),
    )


def filled(option: Option, where: float, horizon_years: float = DEFAULT_HORIZON_YEARS) -> Option:
    """``option`` with each missing figure replaced by a figure ``where`` (0 worst … 1 best)."""
    risks = list(option.risks)
    serious, side = option.serious_risk_id, option.side_effects_id
    if option.serious_risk is None or isinstance(option.serious_risk.count, NoData):
        risks = [r for r in risks if r.id != serious]
        risks.append(_risk("filled_serious", Severity.SERIOUS, 100.0 * (1 - where)))
        serious = "filled_serious"
    if option.side_effects is None or isinstance(option.side_effects.count, NoData):
        risks = [r for r in risks if r.id != side]
        risks.append(_risk("filled_side", Severity.COMMON, 1000.0 * (1 - where)))
        side = "filled_side"
    changes: dict[str, Any] = {
        "risks": tuple(risks),
        "serious_risk_id": serious,
        "side_effects_id": side,
    }
    if isinstance(option.course_cost, NoData):
        worst = CATALOG.info.cost_scale.amount
        changes["cost"] = Cost(
            per=CostBasis.COURSE,
            amount=_point(worst * (1 - where)),
            currency=option.cost.currency,
        )
    if isinstance(option.downtime_days, NoData):
        changes["downtime_days"] = _point(28.0 * (1 - where), "days")
    if isinstance(option.sessions, NoData):
        changes["sessions"] = _point(20.0 * (1 - where), "sessions")
    if isinstance(option.duration_months, NoData) and not option.ongoing:
        changes["duration_months"] = _point(12.0 * horizon_years * where, "months")
    return attrs.evolve(option, **changes)


ratings = st.integers(0, 10)


@st.composite
def profiles(draw: st.DrawFn) -> ac.Profile:
    data = ac.example_profile().to_dict()
    data["limits"] = {}  # no budget or time-off limit: a filled-in figure never excludes
    data["tradeoff"] = {"benefit": draw(st.integers(1, 99))}
    data["importance"] = {
        "effectiveness": draw(st.integers(1, 10)),
        "durability": draw(ratings),
        "serious_risk": draw(ratings),
        "side_effects": draw(ratings),
        "downtime": draw(ratings),
        "invasiveness": draw(ratings),
        "cost": draw(ratings),
        "sessions": draw(st.integers(1, 10)),
    }
    return ac.Profile.from_dict(data)


@settings(max_examples=40, deadline=None)
@given(profile=profiles(), method=st.sampled_from(["mavt", "topsis", "vikor"]))
def test_filling_the_missing_figures_at_the_ends_gives_the_range(
    profile: ac.Profile, method: Any
) -> None:
    c = ac.compare(profile, CATALOG, method=method)
    for s in c.scored:
        r = s.fit_range
        assert r is not None
        assert r.low <= s.fit <= r.high
        weighed_missing = any(x.no_data and x.weight > 0 for x in s.contributions)
        assert r.known is not weighed_missing
        if r.known:
            assert r.low == r.high == s.fit
            continue
        if method != "mavt":
            continue  # relative methods: the others' fits move too; checked for MAVT only
        for where, end in ((0.0, r.low), (1.0, r.high)):
            options = [filled(o, where) if o.id == s.id else o for o in CATALOG]
            other = ac.compare(profile, attrs.evolve(CATALOG, options=options), method=method)
            assert other[s.id].fit == pytest.approx(end, abs=1e-9)
        half = [filled(o, 0.5) if o.id == s.id else o for o in CATALOG]
        mid = ac.compare(profile, attrs.evolve(CATALOG, options=half), method=method)[s.id]
        assert r.low - 1e-9 <= mid.fit <= r.high + 1e-9


TINY = ac.load_catalog(Path(__file__).parent / "fixtures" / "tiny_catalog.toml")


@pytest.mark.parametrize("catalog", [CATALOG, TINY], ids=["shipped", "tiny"])
def test_ranges_and_their_words(catalog: ac.Catalog) -> None:
    """Every eligible option carries a range; the summary names those that overlap the first."""
    c = ac.compare(ac.example_profile(), catalog)
    rows = c.to_dict()["eligible"]
    assert all(set(row["fit_range"]) == {"low", "high"} for row in rows)
    no_procedure = c["no_procedure"]
    assert no_procedure.fit_range is not None
    if catalog is CATALOG:
        assert no_procedure.fit_range.known  # the shipped "no new treatment" is defined in full
    others = c.overlapping_top()
    top = c.top[0]
    for s in c.scored[1:]:
        overlaps = s.range.overlaps(top.range)
        assert (s in others) is overlaps
        assert (s.option.name in c.summary()) is (overlaps and others.index(s) < 3)
    assert ("cannot yet put these in order" in c.summary()) is bool(others)
    if catalog is TINY:
        assert others  # the tiny catalogue's missing figures leave options level with the first


def test_explain_says_when_two_ranges_overlap() -> None:
    c = ac.compare(ac.example_profile())
    pairs = [(a, b) for a in c.scored for b in c.scored if a.id < b.id]
    said = 0
    for a, b in pairs:
        text = c.explain(a.id, b.id)
        overlap = a.range.overlaps(b.range) and not (a.range.known and b.range.known)
        assert ("These ranges overlap" in text) is overlap
        said += overlap
    assert said  # the demo has such pairs


def test_no_missing_figure_means_no_caveat() -> None:
    """With every missing figure filled in, no range and no overlap wording remains."""
    options = [filled(o, 0.5) for o in CATALOG]
    c = ac.compare(ac.example_profile(), attrs.evolve(CATALOG, options=options))
    assert all(s.range.known for s in c.scored)
    assert "missing" not in c.summary()
    assert "range:" not in c.table()
