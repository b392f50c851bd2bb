"""The value tree: invariants that must hold, certainty on the effect, the flat-profile guard.

Each invariant is a property of a two-level additive value model with weights normalised
within each group (docs/methods.md, section 3); under flat weighting, the first two fail, which
the last tests show (they are why a flat profile is checked against the tree).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import antiage_compare as ac
from antiage_compare import Profile, compare, example_profile, load_catalog, smaa
from antiage_compare.model import CONCERNS
from antiage_compare.profile import BURDEN_CRITERIA, Tradeoff
from antiage_compare.report import render_html
from antiage_compare.tree import BIAS_FACTOR, CAUTIOUS_FACTOR
from antiage_compare.weights import EVIDENCE_NOTE, FLAT_NOTE

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog

CAT = load_catalog()
RATING = st.integers(0, 10)


@st.composite
def tree_profiles(draw: st.DrawFn) -> Profile:
    """A value-tree profile: a share, the effect rated, at least one burden rated."""
    burdens = draw(
        st.dictionaries(st.sampled_from(BURDEN_CRITERIA), st.integers(1, 10), min_size=1)
    )
    importance: dict[str, float] = {"effectiveness": draw(st.integers(1, 10)), **burdens}
    if draw(st.booleans()):
        importance["durability"] = draw(RATING)
    if draw(st.booleans()):
        importance["evidence"] = draw(RATING)
    concerns = tuple(draw(st.lists(st.sampled_from(CONCERNS), unique=True, max_size=4)))
    return Profile(
        concerns=concerns,
        tradeoff=Tradeoff(benefit=draw(st.floats(0, 100))),
        importance=importance,
    )


def _fits(c: ac.Comparison) -> dict[str, float]:
    return {s.id: s.fit for s in c.scored}


# -- the three invariants of issue 12 ------------------------------------------------------------


@given(tree_profiles())
def test_an_option_perfect_on_every_burden_with_no_benefit_fits_100_minus_the_share(
    profile: Profile,
) -> None:
    """Doing nothing (value 1 on every burden, 0 on every benefit) has fit 100 − benefit.

    However many burdens are rated, and however: the number of burden criteria can no longer
    hand doing nothing the comparison.
    """
    nothing = compare(profile)["no_procedure"]
    assert all(c.value == 1.0 for c in nothing.contributions if c.group == "burden")
    assert all(c.value == 0.0 for c in nothing.contributions if c.group == "benefit")
    assert profile.tradeoff is not None
    assert nothing.fit == pytest.approx(100.0 - profile.tradeoff.benefit, abs=1e-9)


@given(tree_profiles(), st.floats(0.05, 20), st.sampled_from(["benefit", "burden"]))
def test_scaling_one_groups_ratings_changes_no_fit(profile: Profile, k: float, group: str) -> None:
    """Every rating of one group × k (kept within 0–10) changes no fit, within 1e-9."""
    members = ("effectiveness", "durability", "evidence") if group == "benefit" else BURDEN_CRITERIA
    scaled = {c: r * k if c in members else r for c, r in profile.importance.items()}
    assume(all(r <= 10 for r in scaled.values()))
    other = attrs.evolve(profile, importance=scaled)
    a, b = _fits(compare(profile)), _fits(compare(other))
    assert a.keys() == b.keys()
    for oid in a:
        assert a[oid] == pytest.approx(b[oid], abs=1e-9), oid


@given(tree_profiles(), st.floats(0.05, 20), st.sampled_from(["catalogue", "bounds"]))
def test_scaling_swing_ratings_within_a_group_changes_no_fit(
    profile: Profile, k: float, over: str
) -> None:
    """The same for swing ratings (0–100): the burdens' swings × k change no fit."""
    swing = {c: 10.0 * r for c, r in profile.importance.items()}
    as_swing = attrs.evolve(profile, method="swing", importance={}, swing=swing, swing_range=over)
    scaled = {c: r * k if c in BURDEN_CRITERIA else r for c, r in swing.items()}
    assume(all(r <= 100 for r in scaled.values()))
    a = _fits(compare(as_swing))
    b = _fits(compare(attrs.evolve(as_swing, swing=scaled)))
    for oid in a:
        assert a[oid] == pytest.approx(b[oid], abs=1e-9), oid


@given(tree_profiles())
def test_swings_over_the_fixed_bounds_weigh_as_direct_ratings_do(profile: Profile) -> None:
    """A swing over the fixed bounds spans the whole value scale: rating ÷ 10 is the direct rating.

    So the interview's swing answers ("from 28 days off to none") mean the same in every
    catalogue, and within each group they are normalised exactly as direct ratings are.
    """
    swing = {c: 10.0 * r for c, r in profile.importance.items()}
    bounds = attrs.evolve(profile, method="swing", importance={}, swing=swing, swing_range="bounds")
    a, b = compare(profile), compare(bounds)
    assert dict(a.weights.values) == pytest.approx(dict(b.weights.values), abs=1e-12)
    assert a.weights.lasting == pytest.approx(b.weights.lasting, abs=1e-12)
    assert _fits(a) == pytest.approx(_fits(b), abs=1e-9)
    assert b.weights.method == "swing"


def test_swings_over_the_bounds_do_not_depend_on_the_catalogue() -> None:
    """Hiding options moves swings over the catalogue's spans, never swings over the bounds."""
    swing = {"effectiveness": 100.0, "serious_risk": 80.0, "cost": 50.0, "downtime": 30.0}
    base = Profile(method="swing", swing=swing, tradeoff=Tradeoff(benefit=60))
    few = CAT.only("no_procedure", "botulinum_toxin", "facelift")
    for over, moves in (("catalogue", True), ("bounds", False)):
        p = attrs.evolve(base, swing_range=over)
        full, part = compare(p, CAT), compare(p, few)
        changed = dict(full.weights.values) != pytest.approx(dict(part.weights.values))
        assert changed is moves, over


def test_swing_range_is_for_swing_profiles_only() -> None:
    """`swing_range` with another method is an error naming profile.swing_range."""
    d = example_profile().to_dict()
    d["profile"]["swing_range"] = "bounds"
    with pytest.raises(ac.ProfileError, match=r"profile\.swing_range"):
        Profile.from_dict(d)
    d["profile"]["swing_range"] = "options"
    with pytest.raises(ac.ProfileError, match="catalogue, bounds"):
        Profile.from_dict(d)
    p = Profile(method="swing", swing={"cost": 50.0}, swing_range="bounds")
    assert p.to_dict()["profile"]["swing_range"] == "bounds"
    assert Profile.from_dict(p.to_dict()) == p
    assert "swing_range" not in attrs.evolve(p, swing_range="catalogue").to_dict()["profile"]


def _twin_catalog(tmp_path: Path) -> ac.Catalog:
    """Options with the same effect on wrinkles and fine lines (so a split cannot matter)."""
    options = []
    for oid, size in (("opt_a", "moderate"), ("opt_b", "slight"), ("opt_c", "marked")):
        o = option_dict(oid)
        for c, e in o["effects"].items():
            level = size if c in ("wrinkles", "fine_lines") else "none"
            e.update(size=level, low=level, high=level)
        options.append(o)
    return load_catalog(write_catalog(tmp_path, catalog_dict(*options, no_procedure_dict())))


@given(r=st.integers(1, 10), cut=st.floats(0, 1), share=st.floats(1, 99))
def test_splitting_a_rating_over_two_equal_leaves_changes_no_fit(
    tmp_path_factory: pytest.TempPathFactory, r: int, cut: float, share: float
) -> None:
    """A concern rating r replaced by r₁ + r₂ = r on two concerns the options treat alike.

    The benefit leaf "wrinkles" rated r, against "wrinkles" r₁ and "fine lines" r₂: every
    option here has the same effect on both, so no fit may move (the splitting bias, undone).
    """
    cat = _twin_catalog(tmp_path_factory.mktemp("twins"))
    base = Profile(
        concerns=("wrinkles", "fine_lines"),
        tradeoff=Tradeoff(benefit=share),
        importance={"effectiveness": 5, "downtime": 5, "cost": 2},
        concern_importance={"wrinkles": r, "fine_lines": 0},
    )
    split = attrs.evolve(
        base, concern_importance={"wrinkles": r * cut, "fine_lines": r * (1 - cut)}
    )
    a, b = _fits(compare(base, cat)), _fits(compare(split, cat))
    for oid in a:
        assert a[oid] == pytest.approx(b[oid], abs=1e-9), oid


def test_flat_weighting_breaks_the_invariants_the_tree_keeps() -> None:
    """Without [tradeoff], more burden criteria rated push doing nothing up: why the tree exists."""
    few = Profile(importance={"effectiveness": 8, "serious_risk": 8})
    many = Profile(importance={"effectiveness": 8, **dict.fromkeys(BURDEN_CRITERIA, 8)})
    flat_few, flat_many = compare(few)["no_procedure"].fit, compare(many)["no_procedure"].fit
    assert flat_many > flat_few + 30  # 6/7 of the weight against 1/2: splitting bias
    tree = Tradeoff(benefit=50)
    tree_few = compare(attrs.evolve(few, tradeoff=tree))["no_procedure"].fit
    tree_many = compare(attrs.evolve(many, tradeoff=tree))["no_procedure"].fit
    assert tree_few == pytest.approx(50.0) == tree_many


# -- certainty and lasting qualify the effect ----------------------------------------------------


def _graded_catalog(tmp_path: Path) -> ac.Catalog:
    """Two options identical but for the certainty of their evidence."""
    options = []
    for oid, level in (("sure", "high"), ("unsure", "very low")):
        o = option_dict(oid)
        o["certainty"]["level"] = level
        options.append(o)
    data = catalog_dict(*options, no_procedure_dict())
    data["claim"] = []  # the factory's claim is about opt_a
    return load_catalog(write_catalog(tmp_path, data))


def test_certainty_changes_the_deterministic_fit(tmp_path: Path) -> None:
    """Identical options but for very low against high certainty have strictly different fits."""
    cat = _graded_catalog(tmp_path)
    p = Profile(tradeoff=Tradeoff(benefit=60), importance={"effectiveness": 8, "cost": 3})
    c = compare(p, cat)
    assert c["sure"].fit > c["unsure"].fit
    sure, unsure = c["sure"].benefit_points, c["unsure"].benefit_points
    assert unsure == pytest.approx(sure * BIAS_FACTOR[ac.Certainty.VERY_LOW])
    burden = [x.points for x in c["sure"].contributions if x.group == "burden"]
    assert burden == [x.points for x in c["unsure"].contributions if x.group == "burden"]
    for contribution in c["unsure"].contributions:
        if contribution.group == "benefit":
            assert contribution.certainty is ac.Certainty.VERY_LOW


def test_a_figure_grade_overrides_the_options_grade(tmp_path: Path) -> None:
    """An effect figure's own grade (effects.<concern>.certainty) is the one used."""
    o = option_dict("mixed")
    o["certainty"]["level"] = "high"
    o["effects"]["wrinkles"]["certainty"] = "low"
    data = catalog_dict(o, no_procedure_dict())
    data["claim"] = []
    cat = load_catalog(write_catalog(tmp_path, data))
    option = cat["mixed"]
    assert option.certainty_of("wrinkles") is ac.Certainty.LOW
    assert option.certainty_of("fine_lines") is ac.Certainty.HIGH
    p = Profile(
        concerns=("wrinkles", "fine_lines"),
        tradeoff=Tradeoff(benefit=100),
        importance={"effectiveness": 1},
    )
    c = compare(p, cat)["mixed"]
    wrinkles, fine = c.contribution("effect:wrinkles"), c.contribution("effect:fine_lines")
    assert wrinkles.value == pytest.approx(fine.value * BIAS_FACTOR[ac.Certainty.LOW])


def test_no_new_treatment_gets_nothing_for_certainty() -> None:
    """Doing nothing has no effect, so its (moderate) grade earns no benefit point."""
    for profile in (example_profile(), Profile(importance={"effectiveness": 9, "evidence": 10})):
        nothing = compare(profile)["no_procedure"]
        assert nothing.benefit_points == 0.0
        assert {c.leaf for c in nothing.contributions} == set(compare(profile).weights.leaves)


def test_an_option_with_no_effect_gets_no_benefit_whatever_its_duration() -> None:
    """Durability never scores alone: an effect of 0 stays 0, however long it would last."""
    p = attrs.evolve(example_profile(), concerns=("volume_loss",))
    c = compare(p)
    botox = c["botulinum_toxin"]  # no effect on lost volume
    assert botox.benefit_points == 0.0
    assert c.weights.lasting == pytest.approx(0.4)


@pytest.mark.parametrize(("evidence", "w"), [(0, 0.0), (4, 0.5), (8, 1.0), (10, 1.0)])
def test_the_evidence_rating_sets_how_much_uncertain_effects_are_held_back(
    tmp_path: Path, evidence: int, w: float
) -> None:
    """Rated against the effect (8), evidence moves "very low" from 0.5 towards 0.25, in proportion.

    The sure option's benefit never moves; the unsure one keeps (1 − w) × 0.5 + w × 0.25 of it.
    """
    cat = _graded_catalog(tmp_path)
    p = Profile(
        tradeoff=Tradeoff(benefit=60),
        importance={"effectiveness": 8, "cost": 3, "evidence": evidence},
    )
    c = compare(p, cat)
    assert c.weights.certainty == pytest.approx(w)
    base = compare(attrs.evolve(p, importance={"effectiveness": 8, "cost": 3}), cat)
    assert c["sure"].benefit_points == pytest.approx(base["sure"].benefit_points)
    keep = (1 - w) * BIAS_FACTOR[ac.Certainty.VERY_LOW] + w * CAUTIOUS_FACTOR[ac.Certainty.VERY_LOW]
    assert c["unsure"].benefit_points == pytest.approx(c["sure"].benefit_points * keep)
    assert c.to_dict()["weights"]["certainty"] == pytest.approx(w)


@given(tree_profiles(), st.integers(1, 10))
def test_rating_the_evidence_higher_never_raises_a_fit(p: Profile, more: int) -> None:
    """Metamorphic: more weight on strong evidence can only lower fits, and never a high-graded one."""
    before = compare(p)
    imp = dict(p.importance)
    imp["evidence"] = min(10, imp.get("evidence", 0) + more)
    after = compare(attrs.evolve(p, importance=imp))
    for s in before.scored:
        assert after[s.id].fit <= s.fit + 1e-9
        graded = {
            s.option.certainty_of(c)
            for c in s.option.effects
            if s.option.effects[c].size.value01 > 0
        }
        if graded <= {ac.Certainty.HIGH}:
            assert after[s.id].fit == pytest.approx(s.fit)


def test_old_profiles_rating_evidence_load_with_a_note() -> None:
    """importance.evidence is accepted, not weighed as a leaf, and the comparison says why."""
    c = compare(Profile(importance={"effectiveness": 5, "evidence": 8, "cost": 2}))
    assert EVIDENCE_NOTE in c.weights.notes
    assert FLAT_NOTE in c.weights.notes
    assert "evidence" not in c.weights.values
    with pytest.raises(ac.ProfileError, match="rates nothing that is weighed"):
        Profile(importance={"evidence": 8})


# -- SMAA on the tree ----------------------------------------------------------------------------


def test_smaa_draws_the_share_within_the_stated_range() -> None:
    """The benefits' share of every central weight vector lies within the stated range."""
    p = attrs.evolve(example_profile(), tradeoff=Tradeoff(benefit=55, low=45, high=65))
    r = smaa(p, samples=2000, seed=3)
    effect = [j for j, k in enumerate(r.criteria) if k.startswith("effect:")]
    seen = 0
    for w in r.central_weights:
        if w is None:
            continue
        seen += 1
        assert 0.45 - 1e-9 <= math.fsum(w[j] for j in effect) <= 0.65 + 1e-9
    assert seen >= 2


def test_smaa_without_preference_information_is_hierarchical_on_the_tree() -> None:
    """weights="none" on the tree: the share is uniform on 0–1 (mean ½), not 2 leaves in 8."""
    from antiage_compare.uncertainty import smaa as smaa_module

    c = compare(example_profile())
    draw = smaa_module._weight_sampler(c.profile, c.weights, "none")
    import random

    cols = draw(random.Random(1), 20_000)
    effect = [j for j, k in enumerate(c.weights.leaves) if k.startswith("effect:")]
    shares = [math.fsum(cols[j][d] for j in effect) for d in range(20_000)]  # type: ignore[index]
    assert math.fsum(shares) / len(shares) == pytest.approx(0.5, abs=0.01)
    flat = compare(Profile(concerns=("wrinkles",), importance={"effectiveness": 5, "cost": 5}))
    flat_draw = smaa_module._weight_sampler(flat.profile, flat.weights, "none")
    cols = flat_draw(random.Random(1), 20_000)
    mean = math.fsum(cols[0]) / 20_000  # type: ignore[arg-type]
    assert mean == pytest.approx(1 / 7, abs=0.01)  # flat: one leaf of seven, on average


# -- the guard for flat profiles -----------------------------------------------------------------


def test_a_flat_profile_is_checked_against_the_tree() -> None:
    """The issue's 55-year-old, entered flat: flagged, with the tree ranking beside it."""
    flat = Profile(
        concerns=("laxity", "fine_lines"),
        importance={"effectiveness": 9, "serious_risk": 8, "downtime": 6, "cost": 5},
    )
    c = compare(flat)
    assert c.bias is not None
    assert c.bias.flat_share == pytest.approx(9 / 28)
    assert c.bias.tree_share == pytest.approx(9 / 17)
    assert c.bias.flagged
    assert any("gives the benefits 53% of the weight" in r for r in c.bias.reasons)
    tree_ids = [oid for oid, _, _ in c.bias.tree_ranking]
    assert sorted(tree_ids) == sorted(c.ids)
    assert c.to_dict()["bias"]["flagged"] is True
    assert "check: " in str(c)
    assert compare(attrs.evolve(flat, tradeoff=Tradeoff(benefit=53))).bias is None


def test_a_flat_profile_with_no_benefit_points_first_is_flagged() -> None:
    """When the option ranked first scores no benefit points, the flat profile is flagged."""
    c = compare(Profile(importance={"effectiveness": 2, "cost": 2, "downtime": 2, "sessions": 2}))
    assert c.scored[0].benefit_points == 0.0
    assert c.bias is not None
    assert c.bias.flagged
    assert any("wins on the burdens alone" in r for r in c.bias.reasons)


def test_a_balanced_flat_profile_is_not_flagged() -> None:
    """A flat profile whose shares match the tree's, with a first option that has an effect."""
    c = compare(Profile(concerns=("wrinkles",), importance={"effectiveness": 9, "serious_risk": 9}))
    assert c.bias is not None
    assert c.bias.flat_share == pytest.approx(c.bias.tree_share)
    assert c.scored[0].benefit_points > 0
    assert not c.bias.flagged
    assert c.bias.reasons == ()


def test_the_report_shows_both_rankings_for_a_flat_profile() -> None:
    """The methods section shows the flat and the tree order side by side, only for flat ones."""
    flat = Profile(importance={"effectiveness": 9, "serious_risk": 8, "downtime": 6, "cost": 5})
    html = render_html(compare(flat))
    assert "Your profile set out the other way" in html
    assert "Rank, split in two" in html
    assert "Your profile set out the other way" not in render_html(compare(example_profile()))


def test_the_report_states_the_tradeoff_in_one_sentence() -> None:
    """The "what matters" section opens with the person's trade-off."""
    html = render_html(compare(example_profile()))
    assert "You gave 55% of the weight to a visible effect and 45% to the burdens" in html


@pytest.mark.parametrize("extra", [{}, {"concern_importance": {"wrinkles": 9, "fine_lines": 1}}])
def test_tree_profiles_round_trip(extra: dict[str, Any]) -> None:
    """[tradeoff] and [concern_importance] survive to_dict/from_dict and the TOML writer."""
    from antiage_compare._dump import to_toml
    from antiage_compare._reader import parse_toml

    data = {**example_profile().to_dict(), **extra}
    p = Profile.from_dict(data)
    assert Profile.from_dict(p.to_dict()) == p
    assert Profile.from_dict(parse_toml(to_toml(p.to_dict()), "t")) == p
