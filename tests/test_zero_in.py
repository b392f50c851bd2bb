"""Risks never seen: "0 events in N" is the range 0 to 3/N (the rule of three), never zero."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare import DataError, load_catalog
from antiage_compare.criteria import BY_ID, NEUTRAL, figure_value
from antiage_compare.model import Range, Risk, Severity, rule_of_three, zero_in_range
from antiage_compare.report import render_html
from antiage_compare.wording import frequency

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog


def _serious(count: Any, note: str = "None seen in 1,200 adults (Smith 2020).") -> dict[str, Any]:
    return {
        "id": "serious",
        "name": "Serious events",
        "severity": "serious",
        "count": count,
        "per": 1000,
        "unit": "patients",
        "population": "adults",
        "time_frame": "30 days",
        "sources": ["S2"],
        "note": note,
    }


def _catalog_with(tmp_path: Path, risk: dict[str, Any]) -> Path:
    opt = option_dict()
    opt["risks"] = [opt["risks"][0], risk]
    return write_catalog(tmp_path, catalog_dict(opt, no_procedure_dict()))


def test_loader_reads_zero_in_as_the_rule_of_three(tmp_path: Path) -> None:
    """``{ zero_in = 1200 }`` on a denominator of 1,000 is 0 to 2.5 in 1,000, no typical value."""
    cat = load_catalog(_catalog_with(tmp_path, _serious({"zero_in": 1200})))
    q = cat["opt_a"].serious_risk.count  # type: ignore[union-attr]
    assert isinstance(q, Range)
    assert (q.low, q.high, q.typical, q.zero_in) == (0.0, 2.5, None, 1200)
    assert q.sources == ("S2",)
    assert q.point == 1.25  # scored like any range without a typical value: its midpoint


@pytest.mark.parametrize(
    ("count", "path", "problem"),
    [
        ({"zero_in": 0}, "count.zero_in", "at least 1"),
        ({"zero_in": 12.5}, "count.zero_in", "whole number"),
        ({"zero_in": 100, "high": 3}, "count.high", "unknown key"),
    ],
)
def test_bad_zero_in_names_the_field(
    tmp_path: Path, count: dict[str, Any], path: str, problem: str
) -> None:
    with pytest.raises(DataError) as info:
        load_catalog(_catalog_with(tmp_path, _serious(count)))
    assert path in str(info.value)
    assert problem in str(info.value)
    assert str(tmp_path / "catalog.toml") in str(info.value)


def test_zero_in_must_name_the_study(tmp_path: Path) -> None:
    """The note carries N's study: a "0 in N" figure without one is refused."""
    with pytest.raises(DataError) as info:
        load_catalog(_catalog_with(tmp_path, _serious({"zero_in": 300}, note="")))
    assert "note" in str(info.value)
    assert "name the study" in str(info.value)


def test_model_refuses_a_zero_in_range_that_is_not_the_rule_of_three() -> None:
    bad = Range(low=0.0, high=1.0, zero_in=300)  # 3/300 on 1,000 would be 10
    with pytest.raises(DataError, match="rule of three"):
        Risk(
            id="r",
            name="r",
            severity=Severity.SERIOUS,
            count=bad,
            per=1000,
            unit="patients",
            population="adults",
            time_frame="a month",
            sources=("S",),
            note="None seen in 300 (study).",
        )
    with pytest.raises(DataError, match="starts at 0"):
        Range(low=0.5, high=10.0, zero_in=300)
    with pytest.raises(DataError, match="starts at 0"):
        Range(low=0.0, high=10.0, typical=1.0, zero_in=300)


@given(n=st.integers(1, 10**7), per=st.sampled_from([100, 1000, 10000, 100000]))
def test_rule_of_three_bounds(n: int, per: int) -> None:
    """The bound is 3·per/n, never above the denominator, and falls as n grows."""
    high = rule_of_three(n, per)
    assert 0 < high <= per
    assert high == pytest.approx(min(per, 3 * per / n))
    assert rule_of_three(n + 1, per) <= high
    r = zero_in_range(n, per)
    assert (r.low, r.typical, r.zero_in) == (0.0, None, n)


def test_wording_says_none_seen_and_the_bound() -> None:
    cat = load_catalog()
    risk = cat["microneedling"].serious_risk
    assert risk is not None
    f = frequency(risk)
    assert f.zero_in == 1845
    assert f.text == (
        "none seen in 1,845 patients, so probably fewer than 1.6 in 1,000 (a 95% upper bound)"
    )
    assert f.other_side == "at least 998 in 1,000 do not"


def test_a_bound_below_one_in_a_thousand_moves_to_a_larger_denominator() -> None:
    risk = Risk(
        id="r",
        name="r",
        severity=Severity.SERIOUS,
        count=zero_in_range(30_000, 1000),
        per=1000,
        unit="patients",
        population="adults",
        time_frame="a month",
        sources=("S",),
        note="None seen in 30,000 (registry).",
    )
    f = frequency(risk)
    assert f.denominator == 10_000
    assert f.text.endswith("fewer than 1 in 10,000 (a 95% upper bound)")


def test_shipped_microneedling_scores_its_serious_risk(tmp_path: Path) -> None:
    """The shipped example: the serious-risk criterion is a figure, no longer "no data"."""
    import antiage_compare as ac

    c = ac.compare(ac.example_profile())
    mn = next(s for s in c.scored if s.option.id == "microneedling")
    serious = next(x for x in mn.contributions if x.criterion == "serious_risk")
    assert not serious.no_data
    assert isinstance(serious.raw, Range)
    assert serious.raw.zero_in == 1845
    row = next(r for r in c.to_dict()["eligible"] if r["id"] == "microneedling")
    raw = next(x for x in row["contributions"] if x["criterion"] == "serious_risk")["figure"]
    assert raw["zero_in"] == 1845
    assert raw["typical"] is None
    html = render_html(c)
    assert "none seen in 1,845 patients" in html
    assert "None are dark: no one of 1,845 patients had this. 2 are striped" in html


# -- scoring a harm never seen: the middle of the part of the scale the bound leaves open --------


SERIOUS = BY_ID["serious_risk"]


@given(st.integers(1, 10**6))
def test_a_harm_never_seen_scores_between_its_bound_and_the_best_end(n: int) -> None:
    """(value(3/n) + 1) / 2: never below "no data" (0.5), never the best end, never the midpoint."""
    r = zero_in_range(n, 1000)
    v = figure_value(SERIOUS, r)
    assert v == pytest.approx((SERIOUS.value(r.high) + 1.0) / 2.0)
    assert NEUTRAL <= v < 1.0
    assert v >= SERIOUS.value(r.point)  # at least what the count's midpoint gave
    if SERIOUS.value(r.high) == 0.0:  # the bound is off the scale: as good as no data
        assert v == NEUTRAL


@given(st.integers(1, 10**5), st.integers(1, 10**5))
def test_more_people_without_harm_never_scores_worse(a: int, b: int) -> None:
    """Metamorphic: the harm never seen in more people has a value at least as good."""
    small, large = sorted((a, b))
    assert figure_value(SERIOUS, zero_in_range(large, 1000)) >= figure_value(
        SERIOUS, zero_in_range(small, 1000)
    )


def test_a_tiny_trial_without_harm_no_longer_counts_as_riskier_than_a_facelift() -> None:
    """PRP's serious risk (none seen in 19) scores as "no data" does, not as 79 in 1,000."""
    c = ac.compare(ac.example_profile())
    prp = c["prp"].contribution("serious_risk")
    assert prp.raw.zero_in == 19  # type: ignore[union-attr]
    assert prp.value == pytest.approx(NEUTRAL)
    face = ac.compare(ac.Profile(importance={"serious_risk": 5}, concerns=("laxity",)))
    assert face["facelift"].contribution("serious_risk").value < prp.value


def test_smaa_draws_a_harm_never_seen_between_its_bound_and_the_best_end() -> None:
    """In SMAA the cell is drawn on [value(3/n), 1], whose middle is the fit's value."""
    from antiage_compare.uncertainty.smaa import _table

    c = ac.compare(ac.example_profile())
    options = [s.option for s in c.scored]
    table = _table(options, c.profile.concerns, c.catalog.criteria)
    k = [o.id for o in options].index("microneedling")
    j = list(table.leaves).index("serious_risk")
    low, high = table.bounds[k][j]
    assert high == 1.0
    assert low == pytest.approx(SERIOUS.value(3 * 1000 / 1845))
    assert table.fixed[k][j] is None  # drawn, not fixed
