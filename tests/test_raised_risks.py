"""A caution that raises a risk counts in the scoring, not only on the page.

A caution may name the option's risks that the person's health makes more likely (``raises``):
for a person it applies to, those figures are floors (``Range.raised``), scored at the middle of
what they leave open (``criteria.open_span``) and drawn uniformly there by SMAA. Before this, a
keloid-prone client saw fractional CO2 ahead of the non-ablative laser: the caution was printed
and nothing else happened (persona Grace, the open defect it fixes).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare.criteria import BY_ID, figure_value, open_span
from antiage_compare.eligibility import as_for, raised_risks
from antiage_compare.errors import DataError
from antiage_compare.model import Range, RuleLevel
from antiage_compare.report import ReportOptions, build_report_data, render_html
from antiage_compare.uncertainty.analysis import analyse

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog

PERSONAS = tomllib.loads((Path(__file__).parent / "personas.toml").read_text(encoding="utf-8"))[
    "persona"
]


def _grace() -> ac.Profile:
    (p,) = [p for p in PERSONAS if p["profile"]["profile"]["name"].startswith("Grace")]
    return ac.Profile.from_dict(p["profile"])


def _with(profile: ac.Profile, **health: Any) -> ac.Profile:
    return attrs.evolve(profile, health=attrs.evolve(profile.health, **health))


# -- the value of a raised figure ---------------------------------------------------------------


@given(
    low=st.floats(0, 200),
    width=st.floats(0, 200),
    zero_in=st.one_of(st.none(), st.integers(20, 5000)),
)
def test_a_raised_figure_is_worth_the_middle_between_the_worst_end_and_its_value(
    low: float, width: float, zero_in: int | None
) -> None:
    c = BY_ID["serious_risk"]
    q = (
        Range(low=0, high=3000 / zero_in, zero_in=zero_in)
        if zero_in is not None
        else Range(low=low, high=low + width)
    )
    up = attrs.evolve(q, raised=True)
    worst, best = open_span(c, up)
    assert worst == 0.0
    assert best == pytest.approx(figure_value(c, q))
    assert figure_value(c, up) == pytest.approx(figure_value(c, q) / 2)
    assert figure_value(c, up) <= figure_value(c, q)


# -- the data ---------------------------------------------------------------------------------


def test_every_raise_in_the_catalogue_is_a_caution_naming_its_own_risks() -> None:
    n = 0
    for o in ac.load_catalog().options:
        ids = {r.id for r in o.risks}
        for rule in o.contraindications:
            if rule.raises:
                n += 1
                assert rule.level is RuleLevel.CAUTION, (o.id, rule.when)
                assert set(rule.raises) <= ids, (o.id, rule.raises)
    assert n >= 15


def _catalogue(tmp_path: Path, rule: dict[str, Any]) -> Path:
    a = option_dict("opt_a")
    a["contraindications"] = [rule]
    return write_catalog(tmp_path, catalog_dict(a, no_procedure_dict()))


@pytest.mark.parametrize(
    ("rule", "field", "says"),
    [
        ({"level": "caution", "raises": ["nope"]}, "raises[0]", "no risk of this option"),
        ({"level": "exclude", "raises": ["serious"]}, "raises", "only a caution"),
        ({"level": "caution", "raises": ["serious", "serious"]}, "raises[1]", "named twice"),
        ({"level": "caution", "raises": "serious"}, "raises", "a list of strings"),
    ],
)
def test_a_bad_raises_names_the_file_the_field_and_the_value(
    tmp_path: Path, rule: dict[str, Any], field: str, says: str
) -> None:
    full = {"when": "keloid_tendency", "text": "Scars.", "sources": ["S1"], **rule}
    path = _catalogue(tmp_path, full)
    with pytest.raises(DataError) as err:
        ac.load_catalog(path)
    text = str(err.value)
    assert "catalog.toml" in text
    assert f"contraindications[0].{field}" in text
    assert says in text
    assert isinstance(err.value, (ValueError, TypeError))


# -- eligibility: the option as it applies to the person --------------------------------------


def test_as_for_marks_only_the_named_risks_of_a_rule_that_applies() -> None:
    co2 = next(o for o in ac.load_catalog().options if o.id == "laser_fractional_ablative")
    grace = _grace()
    assert raised_risks(co2, grace) == {"lasting_harm"}
    mine = as_for(co2, grace)
    marked = [r.id for r in mine.risks if isinstance(r.count, Range) and r.count.raised]
    assert marked == ["lasting_harm"]
    assert [r.id for r in mine.risks] == [r.id for r in co2.risks]
    plain = _with(grace, keloid_tendency=False)
    assert raised_risks(co2, plain) == frozenset()
    assert as_for(co2, plain) is co2


# -- the scoring: a metamorphic relation over the health facts --------------------------------


@settings(max_examples=30, deadline=None)
@given(
    keloid=st.booleans(),
    smoker=st.booleans(),
    skin=st.sampled_from([2, 5]),
    benefit=st.floats(20, 80),
)
def test_a_raising_condition_never_helps_and_moves_nothing_else(
    keloid: bool, smoker: bool, skin: int, benefit: float
) -> None:
    """Add each raising fact: options with a raise lose fit or keep it; the rest keep theirs.

    An option keeps its fit when its raised figure was at the worst end already.
    """
    base = attrs.evolve(
        ac.example_profile(), tradeoff=attrs.evolve(ac.example_profile().tradeoff, benefit=benefit)
    )
    base = _with(base, keloid_tendency=False, smoker=False, fitzpatrick=2)
    person = _with(base, keloid_tendency=keloid, smoker=smoker, fitzpatrick=skin)
    before = {s.option.id: s for s in ac.compare(base).scored}
    after = {s.option.id: s for s in ac.compare(person).scored}
    for oid, s in after.items():
        if oid not in before:
            continue
        o = before[oid].option
        scored = [o.serious_risk, o.side_effects]
        raised = raised_risks(o, person)
        if any(r is not None and r.id in raised and isinstance(r.count, Range) for r in scored):
            assert s.fit <= before[oid].fit + 1e-9  # equal only when its value was already 0
        else:
            assert s.fit == pytest.approx(before[oid].fit, abs=1e-9)


def test_grace_sees_the_non_ablative_laser_ahead_of_fractional_co2() -> None:
    c = ac.compare(_grace())
    fit = {s.option.id: s.fit for s in c.scored}
    assert fit["laser_nonablative"] > fit["laser_fractional_ablative"]
    without = {
        s.option.id: s.fit for s in ac.compare(_with(_grace(), keloid_tendency=False)).scored
    }
    assert without["laser_fractional_ablative"] > fit["laser_fractional_ablative"]
    assert without["laser_nonablative"] == pytest.approx(fit["laser_nonablative"])


def test_smaa_draws_a_raised_figure_between_the_worst_end_and_its_value() -> None:
    """With the CO2 scarring figure raised, CO2 comes first less often than without."""
    grace = _grace()
    a = analyse(ac.compare(grace), samples=600, seed=11).smaa
    b = analyse(ac.compare(_with(grace, keloid_tendency=False)), samples=600, seed=11).smaa
    assert a is not None
    assert b is not None
    co2 = "laser_fractional_ablative"
    assert a.first_rank()[co2] < b.first_rank()[co2]


# -- the report says so -----------------------------------------------------------------------


def test_the_report_says_the_raised_harm_is_probably_more_for_this_person() -> None:
    options = ReportOptions(
        today=dt.date(2026, 12, 3),
        grid_options=["laser_nonablative", "laser_fractional_ablative", "no_procedure"],
    )
    c = ac.compare(_grace())
    d = build_report_data(c, analysis=analyse(c, smaa=False), options=options)
    co2 = next(o for o in d.options if o.name.startswith("Fractional ablative"))
    raised = [r for r in co2.risks if r.for_you]
    assert [r.name for r in raised] == ["Scarring or lasting loss of skin colour"]
    assert "you tend to form raised (keloid) scars" in raised[0].for_you
    row = next(r for r in d.summary.rows if r.option_id == "laser_fractional_ablative")
    assert row.risk is not None
    assert row.risk.for_you == raised[0].for_you
    html = render_html(c, analysis=analyse(c, smaa=False), options=options)
    assert html.count('class="for-you"') >= 2
    plain = ac.compare(_with(_grace(), keloid_tendency=False))
    html = render_html(plain, analysis=analyse(plain, smaa=False), options=options)
    assert 'class="for-you"' not in html


def test_smaa_bounds_a_raised_cell_by_the_worst_end_and_its_value() -> None:
    """The SMAA table's cell for a raised figure spans [0, its value for people in general]."""
    from antiage_compare.uncertainty.smaa import _table

    co2 = next(o for o in ac.load_catalog().options if o.id == "laser_fractional_ablative")
    mine = as_for(co2, _grace())
    table = _table([co2, mine], ("texture",))
    j = table.leaves.index("serious_risk")
    scar = co2.risk("lasting_harm")
    assert scar is not None
    general = figure_value(BY_ID["serious_risk"], scar.per_1000())
    lo, hi = table.bounds[1][j]
    assert lo == 0.0
    assert hi == pytest.approx(general)
    assert table.bounds[0][j][0] > 0.5  # unraised: the unseen span, from the bound's value up


def test_the_reason_names_only_the_facts_the_person_has() -> None:
    """Two cautions raise the same harm; the person has one: the sentence names only that one."""
    from antiage_compare.report.cite import Citations
    from antiage_compare.report.facts import OptionFacts

    rf = next(o for o in ac.load_catalog().options if o.id == "rf_microneedling")
    rules = tuple(
        attrs.evolve(r, raises=(*r.raises, "serious_events"))
        if r.when.value == "skin_type_4_6"
        else r
        for r in rf.contraindications
    )
    both = attrs.evolve(rf, contraindications=rules)
    keloid_only = _with(_grace(), keloid_tendency=True, fitzpatrick=2)
    mine = as_for(both, keloid_only)
    risk = mine.risk("serious_events")
    assert risk is not None
    c = ac.compare(keloid_only)
    why = OptionFacts(c, Citations(c.catalog.sources)).raised_by(mine, risk)
    assert "keloid" in why
    assert "skin type" not in why
    darker = _with(keloid_only, fitzpatrick=5)
    c = ac.compare(darker)
    why = OptionFacts(c, Citations(c.catalog.sources)).raised_by(as_for(both, darker), risk)
    assert "keloid" in why
    assert "skin type is IV, V or VI" in why


def test_smaa_bounds_a_raised_measured_figure_too() -> None:
    """IPL's scar figure is measured (0 to 31 in 1,000): raised, it spans [0, its value]."""
    from antiage_compare.uncertainty.smaa import _table

    ipl = next(o for o in ac.load_catalog().options if o.id == "ipl")
    mine = as_for(ipl, _grace())
    scar = ipl.risk("lasting_scar")
    assert scar is not None
    table = _table([ipl, mine], ("pigmentation",))
    j = table.leaves.index("serious_risk")
    assert table.bounds[1][j] == pytest.approx(
        (0.0, figure_value(BY_ID["serious_risk"], scar.per_1000()))
    )
    assert table.bounds[0][j][0] > table.bounds[1][j][0]


def test_the_json_names_the_raised_risks_and_the_schema_takes_them() -> None:
    """Developers see which figures are floors for this person, in the comparison's JSON."""
    import jsonschema

    from antiage_compare.schemas import load_schema

    validator = jsonschema.Draft202012Validator(load_schema("comparison"))
    mine = ac.compare(_grace()).to_dict()
    assert list(validator.iter_errors(mine)) == []
    by_id = {e["id"]: e for e in mine["eligible"]}
    assert by_id["laser_fractional_ablative"]["raised_risks"] == ["lasting_harm"]
    assert by_id["laser_nonablative"]["raised_risks"] == []
    plain = ac.compare(_with(_grace(), keloid_tendency=False)).to_dict()
    assert all(e["raised_risks"] == [] for e in plain["eligible"])
