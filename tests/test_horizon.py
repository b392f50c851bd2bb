"""One horizon: cost and clinic visits over the profile's horizon, repeat treatments included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare.horizon import (
    cost_per_year_of_effect,
    horizon_cost,
    horizon_sessions,
    maintenance_visits,
    repeats,
    years_of_effect,
)
from antiage_compare.model import Cost, CostBasis, Maintenance, NoData, Range, WhileUsed
from antiage_compare.tree import coverage

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog

CATALOG = ac.load_catalog()


@given(st.floats(1.0, 30.0), st.floats(0.25, 48.0))
def test_repeats_counts_the_visits_due_before_the_horizon_ends(years: float, every: float) -> None:
    """``repeats`` is the number of k ≥ 1 with k·every before the end (a brute-force count)."""
    span = 12.0 * years
    brute = 0
    while (brute + 1) * every < span - 1e-9 * every:
        brute += 1
    assert repeats(years, every) == brute


def test_botulinum_toxin_over_five_years_is_first_treatment_and_repeats() -> None:
    """Every 3 to 4 months over 60 months: 14 to 19 repeats after the first, 15 to 20 in all."""
    botox = CATALOG["botulinum_toxin"]
    assert botox.maintenance is not None
    visits = maintenance_visits(botox.maintenance, 5)
    assert (visits.low, visits.high) == (14.0, 19.0)
    sessions = horizon_sessions(botox, 5)
    assert isinstance(sessions, Range)
    assert (sessions.low, sessions.high) == (15.0, 20.0)
    price = botox.cost.amount
    assert isinstance(price, Range)
    cost = horizon_cost(botox, 5)
    assert isinstance(cost, Range)
    assert (cost.low, cost.high) == (15 * price.low, 20 * price.high)
    assert cost.unit == "USD"


def test_kinds_of_price_over_the_horizon() -> None:
    """A yearly price counts every year; a course fee counts once; a session price per session."""
    tret, lift, mn = CATALOG["tretinoin"], CATALOG["facelift"], CATALOG["microneedling"]
    yearly = attrs.evolve(tret, cost=Cost(per=CostBasis.YEAR, amount=Range(low=100, high=200)))
    q = horizon_cost(yearly, 3)
    assert isinstance(q, Range)
    assert (q.low, q.high) == (300, 600)
    assert horizon_cost(lift, 1) == horizon_cost(lift, 30) == lift.cost.amount
    priced = attrs.evolve(mn, cost=Cost(per=CostBasis.SESSION, amount=Range(low=200, high=300)))
    q = horizon_cost(priced, 10)
    assert isinstance(q, Range)
    assert isinstance(mn.sessions, Range)
    assert (q.low, q.high) == (200 * mn.sessions.low, 300 * mn.sessions.high)
    # a clinic pricing a repeated treatment per course pays the course at every repeat
    per_course = attrs.evolve(
        CATALOG["botulinum_toxin"], cost=Cost(per=CostBasis.COURSE, amount=Range(low=500, high=500))
    )
    q = horizon_cost(per_course, 5)
    assert isinstance(q, Range)
    assert (q.low, q.high) == (500 * 15, 500 * 20)
    unpriced = attrs.evolve(tret, cost=Cost(per=CostBasis.YEAR, amount=NoData("not found")))
    assert isinstance(horizon_cost(unpriced, 5), NoData)


@given(
    st.sampled_from(list(CATALOG.ids)), st.floats(1.0, 29.0), st.floats(0.0, 1.0, exclude_min=True)
)
def test_a_longer_horizon_never_costs_less_or_needs_fewer_visits(
    oid: str, years: float, more: float
) -> None:
    option = CATALOG[oid]
    for f in (horizon_cost, horizon_sessions):
        a, b = f(option, years), f(option, years + more)
        assert isinstance(a, NoData) is isinstance(b, NoData)
        if isinstance(a, Range) and isinstance(b, Range):
            assert b.low >= a.low
            assert b.high >= a.high
        if option.maintenance is None and option.cost.per is not CostBasis.YEAR:
            assert a == b  # done once: the horizon does not change it


def test_kept_up_and_while_used_effects_cover_the_horizon() -> None:
    for oid in ("botulinum_toxin", "ha_filler", "sunscreen", "tretinoin"):
        cover = coverage(CATALOG[oid], 5)
        assert cover == Range(low=1.0, high=1.0, typical=1.0, note=cover.note)  # type: ignore[union-attr]
    assert isinstance(CATALOG["sunscreen"].duration_months, WhileUsed)
    assert years_of_effect(CATALOG["tretinoin"], 7) == Range(low=7, high=7, typical=7, unit="years")
    assert isinstance(coverage(CATALOG["acupuncture"], 5), NoData)


def test_cost_per_year_of_effect() -> None:
    botox = CATALOG["botulinum_toxin"]
    per_year = cost_per_year_of_effect(botox, 5)
    cost = horizon_cost(botox, 5)
    assert isinstance(per_year, Range)
    assert isinstance(cost, Range)
    assert per_year.low == pytest.approx(cost.low / 5)
    assert per_year.high == pytest.approx(cost.high / 5)
    lift = cost_per_year_of_effect(CATALOG["facelift"], 10)  # 66 months of a 10-year horizon
    assert isinstance(lift, Range)
    assert lift.low == pytest.approx(7048 / 5.5)
    assert cost_per_year_of_effect(CATALOG["no_procedure"], 5) is None
    assert isinstance(cost_per_year_of_effect(CATALOG["acupuncture"], 5), NoData)


# -- the profile's horizon ---------------------------------------------------------------------


def _profile(**profile: Any) -> ac.Profile:
    data = ac.example_profile().to_dict()
    data["profile"].update(profile)
    return ac.Profile.from_dict(data)


@pytest.mark.parametrize(("value", "problem"), [(0.5, "at least 1"), (31, "at most 30")])
def test_a_horizon_out_of_range_names_the_key(value: float, problem: str) -> None:
    with pytest.raises(ac.ProfileError) as info:
        _profile(horizon_years=value)
    assert info.value.path == "profile.horizon_years"
    assert problem in str(info.value)


def test_a_horizon_that_is_not_a_number_is_a_type_error() -> None:
    with pytest.raises(TypeError) as info:
        _profile(horizon_years="five")
    assert isinstance(info.value, ac.ProfileError)
    assert "profile.horizon_years" in str(info.value)


def test_the_budget_is_over_the_horizon() -> None:
    """USD 5,000 buys 2 years of botulinum toxin (6 to 8 treatments), not 5 (15 to 20)."""
    data = ac.example_profile().to_dict()
    data["limits"]["max_cost"] = 5000
    five = ac.compare(ac.Profile.from_dict(data))
    reasons = {e.option.id: e.reasons for e in five.excluded}
    assert "botulinum_toxin" in reasons
    assert reasons["botulinum_toxin"][0].text.startswith("The cost over 5 years is ")
    data["profile"]["horizon_years"] = 2
    two = ac.compare(ac.Profile.from_dict(data))
    assert "botulinum_toxin" in two.ids
    assert two.to_dict()["horizon_years"] == 2
    row = next(r for r in two.to_dict()["eligible"] if r["id"] == "botulinum_toxin")
    assert row["cost"]["horizon_years"] == 2
    assert (row["cost"]["over_horizon"]["low"], row["cost"]["over_horizon"]["high"]) == (
        6 * 385,
        8 * 408,
    )


def test_the_horizon_reaches_smaa_and_the_report() -> None:
    from antiage_compare.report import render_html
    from antiage_compare.uncertainty.smaa import smaa_comparison

    c = ac.compare(_profile(horizon_years=2))
    html = render_html(c)
    assert "Cost over 2 years" in html
    assert "USD 2,310 to 3,264 over 2 years (1 session now, then 5 to 7 visits" in html
    assert "Cost per year of effect" in html
    a = smaa_comparison(c, samples=50, seed=1)
    b = smaa_comparison(ac.compare(_profile(horizon_years=20)), samples=50, seed=1)
    assert a.rank_acceptability != b.rank_acceptability


# -- the data format -----------------------------------------------------------------------------


def _load(tmp_path: Path, opt: dict[str, Any]) -> ac.Catalog:
    return ac.load_catalog(write_catalog(tmp_path, catalog_dict(opt, no_procedure_dict())))


def test_maintenance_loads(tmp_path: Path) -> None:
    opt = option_dict(
        maintenance={
            "every_months": {"low": 6, "high": 12, "unit": "months", "sources": ["S1"]},
            "note": "Top-ups.",
            "editorial": True,
        }
    )
    m = _load(tmp_path, opt)["opt_a"].maintenance
    assert isinstance(m, Maintenance)
    assert (m.every_months.low, m.every_months.high, m.note, m.editorial) == (
        6,
        12,
        "Top-ups.",
        True,
    )
    assert m.sources == ("S1",)


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        ({"ongoing": True}, "effect.duration_months", "must be 'while used'"),
        (
            {"effect": {"onset_days": "no data", "duration_months": "while used"}},
            "effect.duration_months",
            "only for an option with ongoing = true",
        ),
        (
            {"maintenance": {"every_months": {"low": 0, "high": 3, "sources": ["S1"]}}},
            "maintenance.every_months",
            "above 0 months",
        ),
        (
            {"maintenance": {"every_months": "no data"}},
            "maintenance.every_months",
            "expected a range table",
        ),
        (
            {
                "maintenance": {
                    "every_months": {"low": 1, "high": 3, "sources": ["S1"]},
                    "interval": "monthly",
                }
            },
            "maintenance.interval",
            "unknown key",
        ),
    ],
)
def test_bad_horizon_data_names_the_field(
    tmp_path: Path, change: dict[str, Any], path: str, problem: str
) -> None:
    with pytest.raises(ac.DataError) as info:
        _load(tmp_path, option_dict(**change))
    assert path in str(info.value)
    assert problem in str(info.value)
    assert str(tmp_path / "catalog.toml") in str(info.value)


def test_maintenance_cannot_be_priced_per_year(tmp_path: Path) -> None:
    opt = option_dict(
        maintenance={"every_months": {"low": 6, "high": 12, "unit": "months", "sources": ["S1"]}}
    )
    opt["cost"]["per"] = "year"
    with pytest.raises(ac.DataError) as info:
        _load(tmp_path, opt)
    assert "maintenance" in str(info.value)
    assert "never per year" in str(info.value)
