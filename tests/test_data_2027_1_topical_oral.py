"""Data version 2027.1, issue 16: the new options retinol, tazarotene and oral_collagen.

Pins each option's headline figures with their source ids, the scored serious risk and side
effect, the grade, and what each contraindication does to a person through ``compare()``.
A change to any of these figures in ``data/options`` must come with a change here (and a line
in ``data/CHANGELOG.md``).
"""

from __future__ import annotations

from typing import Any

import pytest

from antiage_compare import load_catalog
from antiage_compare.horizon import horizon_cost
from antiage_compare.model import Certainty, EffectSize, NoData, Range, RuleLevel, WhileUsed
from antiage_compare.profile import Profile, example_profile
from antiage_compare.scoring import compare

CAT = load_catalog()
NEW = ("retinol", "tazarotene", "oral_collagen")


def _option(oid: str) -> Any:
    (opt,) = [o for o in CAT.options if o.id == oid]
    return opt


def _profile(**health: Any) -> Profile:
    """The example client, no limits, with the given health facts."""
    d = example_profile().to_dict()
    d["health"].update(health)
    d["limits"] = {}
    return Profile.from_dict(d)


def _effect(oid: str, concern: str) -> tuple[str, str, str, str, tuple[str, ...]]:
    e = _option(oid).effects[concern]
    return (
        e.size.value,
        e.low.value,
        e.high.value,
        _option(oid).certainty_of(concern).value,
        e.sources,
    )


# --- what every new option shares ---------------------------------------------------------


@pytest.mark.parametrize("oid", NEW)
def test_new_option_is_a_home_treatment_that_works_while_used(oid: str) -> None:
    """No clinic visits, no time off, and an effect that lasts only while it is used."""
    o = _option(oid)
    assert o.ongoing
    assert not o.in_clinic
    assert not o.pierces_skin
    assert isinstance(o.duration_months, WhileUsed)
    assert (o.sessions.low, o.sessions.high) == (0, 0)
    assert (o.downtime_days.low, o.downtime_days.high) == (0, 0)
    assert o.maintenance is None


@pytest.mark.parametrize("oid", NEW)
def test_every_figure_cites_sources_that_resolve(oid: str) -> None:
    """Every effect and risk names sources, and every id is in sources.toml."""
    o = _option(oid)
    known = set(CAT.sources)
    assert set(o.effects) == {
        "wrinkles",
        "fine_lines",
        "laxity",
        "texture",
        "pigmentation",
        "acne_scars",
        "volume_loss",
    }
    for e in o.effects.values():
        assert e.sources
        assert set(e.sources) <= known
    for r in o.risks:
        assert r.sources
        assert set(r.sources) <= known


def test_no_new_figure_cites_the_review() -> None:
    """Figures cite primary sources, never the December review."""
    new = [s for s in CAT.sources.values() if s.id.startswith(("RET", "TAZ", "OC"))]
    assert len(new) == 4 + 11 + 4 + 2  # + RET5, RET6: prices of the home treatments
    for s in new:
        assert "catalogue-review" not in s.url
        assert "review.md" not in s.note


# --- retinol ------------------------------------------------------------------------------


def test_retinol_grade_and_effects() -> None:
    o = _option("retinol")
    assert o.certainty is Certainty.LOW
    assert o.certainty_sources == ("RET2", "RET1")
    assert _effect("retinol", "fine_lines") == ("slight", "none", "slight", "low", ("RET1", "RET2"))
    assert _effect("retinol", "wrinkles") == (
        "slight",
        "none",
        "slight",
        "very low",
        ("RET1", "RET2"),
    )
    for concern in ("texture", "pigmentation"):
        assert _effect("retinol", concern) == ("none", "none", "slight", "very low", ("RET2",))
    assert o.effects["laxity"].size is EffectSize.NOT_STUDIED
    for concern in ("acne_scars", "volume_loss"):
        assert o.effects[concern].size is EffectSize.NONE
        assert o.effects[concern].sources == ("EDITORIAL",)


def test_retinol_scored_risks_and_cost() -> None:
    o = _option("retinol")
    side = o.side_effects
    assert side is not None
    assert side.id == "stopped_for_irritation"
    assert isinstance(side.count, Range)
    assert (side.count.low, side.count.high, side.per) == (53, 53, 1000)
    assert side.sources == ("RET1", "EDITORIAL")
    assert "beyond the expected" in side.note
    assert o.serious_risk is None  # "no data"
    (harm,) = [r for r in o.risks if r.severity.value == "serious"]
    assert isinstance(harm.count, NoData)
    assert harm.sources == ("T6", "RET4")
    # The cost is pinned in test_data_2027_1_topical_prices.py (prices of the home treatments).
    assert isinstance(o.cost.amount, Range)
    assert "RET3" in o.cost.amount.sources
    assert o.onset_days.low == 91
    assert o.onset_days.high == 182


# --- tazarotene ---------------------------------------------------------------------------


def test_tazarotene_grade_and_effects() -> None:
    o = _option("tazarotene")
    assert o.certainty is Certainty.MODERATE
    assert o.certainty_sources == ("TAZ3", "TAZ4", "TAZ5", "TAZ1")
    assert _effect("tazarotene", "fine_lines") == (
        "slight",
        "slight",
        "moderate",
        "moderate",
        ("TAZ3", "TAZ4", "TAZ5", "TAZ1"),
    )
    assert _effect("tazarotene", "pigmentation") == (
        "slight",
        "slight",
        "moderate",
        "moderate",
        ("TAZ3", "TAZ4", "TAZ1"),
    )
    assert _effect("tazarotene", "texture") == (
        "slight",
        "slight",
        "moderate",
        "moderate",
        ("TAZ3", "TAZ4"),
    )
    assert _effect("tazarotene", "wrinkles") == (
        "slight",
        "none",
        "slight",
        "low",
        ("TAZ4", "TAZ1"),
    )
    for concern in ("laxity", "acne_scars", "volume_loss"):
        assert o.effects[concern].size is EffectSize.NONE
        assert "EDITORIAL" in o.effects[concern].sources


def test_tazarotene_pigmentation_rests_on_trials_that_measured_it() -> None:
    """Issue 16 §3: a non-surgical option whose own pigmentation figure is at least 'low'."""
    o = _option("tazarotene")
    kinds = {s.id: s.kind.value for s in CAT.sources.values()}
    assert o.certainty_of("pigmentation").level >= Certainty.LOW.level
    assert {kinds[s] for s in o.effects["pigmentation"].sources} <= {"rct", "label"}
    assert o.invasiveness.value == "topical"


def test_tazarotene_scored_risks_and_cost() -> None:
    o = _option("tazarotene")
    side = o.side_effects
    assert side is not None
    assert side.id == "stopped_for_side_effects"
    assert isinstance(side.count, Range)
    assert (side.count.low, side.count.high, side.per) == (53, 71, 1000)
    assert side.sources == ("TAZ2", "TAZ4", "EDITORIAL")
    assert o.serious_risk is None  # "no data": harm to an unborn baby has no rate
    (harm,) = [r for r in o.risks if r.severity.value == "serious"]
    assert harm.id == "birth_defects"
    assert isinstance(harm.count, NoData)
    expected = {r.id: r.count.typical for r in o.risks if r.id.startswith("expected_")}
    assert expected == {"expected_peeling": 400, "expected_redness": 340, "expected_burning": 260}
    assert isinstance(o.cost.amount, Range)
    assert o.cost.amount.editorial
    assert (o.cost.per.value, o.cost.amount.low, o.cost.amount.high) == ("year", 80, 450)
    assert o.cost.amount.sources == ("TAZ8", "TAZ9", "EDITORIAL")
    five = horizon_cost(o, 5)
    assert isinstance(five, Range)
    assert (five.low, five.high) == (400, 2250)


# --- oral collagen ------------------------------------------------------------------------


def test_oral_collagen_is_an_honest_negative() -> None:
    """Effects vanish in trials without company funding and in high-quality trials [OC1]."""
    o = _option("oral_collagen")
    assert o.certainty is Certainty.LOW
    assert o.certainty_sources == ("OC1", "OC2", "OC3")
    assert o.invasiveness.value == "none"
    for concern in ("wrinkles", "fine_lines"):
        assert _effect("oral_collagen", concern) == (
            "none",
            "none",
            "slight",
            "low",
            ("OC1", "OC3"),
        )
    assert _effect("oral_collagen", "laxity") == (
        "none",
        "none",
        "slight",
        "very low",
        ("OC1", "OC2"),
    )
    assert o.effects["texture"].size is EffectSize.NOT_STUDIED
    assert not any(e.size.value01 > 0 for e in o.effects.values())
    assert isinstance(o.onset_days, NoData)


def test_oral_collagen_risks_and_cost() -> None:
    o = _option("oral_collagen")
    assert o.serious_risk is None
    assert o.side_effects is None
    assert all(isinstance(r.count, NoData) for r in o.risks)
    assert isinstance(o.cost.amount, Range)
    assert o.cost.amount.editorial
    assert (o.cost.per.value, o.cost.amount.low, o.cost.amount.high) == ("year", 820, 915)
    assert o.cost.amount.sources == ("OC4", "EDITORIAL")
    assert "unverified" in o.cost.amount.note
    assert o.contraindications == ()


def test_oral_collagen_scores_no_benefit_points() -> None:
    """Through compare(): every benefit leaf of oral collagen adds nothing to its fit."""
    c = compare(_profile())
    s = c["oral_collagen"]
    assert all(p.points == 0 for p in s.contributions if p.group == "benefit")
    assert c["tazarotene"].fit > s.fit


# --- contraindications, through compare() ----------------------------------------------------


@pytest.mark.parametrize(
    ("health", "oid", "level", "sources"),
    [
        ({"pregnant": True}, "tazarotene", RuleLevel.EXCLUDE, ("TAZ1", "TAZ6")),
        ({"breastfeeding": True}, "tazarotene", RuleLevel.CAUTION, ("TAZ7", "TAZ10")),
        ({"pregnant": True}, "retinol", RuleLevel.CAUTION, ("T6", "RET4", "EDITORIAL")),
        ({"breastfeeding": True}, "retinol", RuleLevel.CAUTION, ("T6", "EDITORIAL")),
    ],
)
def test_contraindication_effect(
    health: dict[str, Any], oid: str, level: RuleLevel, sources: tuple[str, ...]
) -> None:
    """Each rule excludes or cautions the option for a person it applies to, with its sources."""
    c = compare(_profile(**health))
    if level is RuleLevel.EXCLUDE:
        assert oid not in c.ids
        (exc,) = [e for e in c.excluded if e.option.id == oid]
        assert any(r.kind == "contraindication" and r.sources == sources for r in exc.reasons)
    else:
        assert oid in c.ids
        assert any(r.sources == sources for r in c[oid].cautions)
    plain = compare(_profile())
    assert oid in plain.ids
    assert not plain[oid].cautions


def test_oral_collagen_has_no_rule_and_stays_for_everyone() -> None:
    c = compare(_profile(pregnant=True, breastfeeding=True, active_skin_infection=True))
    assert "oral_collagen" in c.ids
    assert not c["oral_collagen"].cautions
