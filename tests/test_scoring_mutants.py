"""Tests written against mutmut's surviving mutants of antiage_compare.scoring (issue 11).

The mutants left alive are listed, each with its reason, in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest

from antiage_compare import Profile, compare, load_catalog, scoring
from antiage_compare.catalog import Catalog
from antiage_compare.comparison import FitRange
from antiage_compare.criteria import NEUTRAL, burden_figures, performance
from antiage_compare.errors import MethodError, ProfileError, WrongTypeError
from antiage_compare.model import NoData
from antiage_compare.profile import BURDEN_CRITERIA, Limits, Tradeoff
from antiage_compare.scoring import (
    criterion_spans,
    fit_ranges,
    fits,
    tree_weights,
    value_row,
    value_rows,
)
from antiage_compare.tree import lasting_factor
from antiage_compare.tree import leaves as tree_leaves
from antiage_compare.weights import resolve_weights

from .factories import catalog_dict, no_procedure_dict, option_dict, write_catalog


def test_criterion_spans_are_best_minus_worst_over_the_horizon() -> None:
    """Per criterion, the largest value minus the smallest across the catalogue, at the horizon."""
    catalog = load_catalog()
    for years in (1, 20):
        spans = criterion_spans(catalog, ("wrinkles",), years)
        for c in catalog.criteria:
            values = []
            for option in catalog:
                q = performance(option, ("wrinkles",), years)[c.id]
                values.append(NEUTRAL if isinstance(q, NoData) else c.value(q.point))
            assert spans[c.id] == max(values) - min(values)
            assert 0.0 <= spans[c.id] <= 1.0
    # The horizon matters: over 20 years the repeated treatments spread cost and sessions out.
    short, long = criterion_spans(catalog, (), 1), criterion_spans(catalog, (), 20)
    assert long["cost"] > short["cost"]
    assert long["sessions"] > short["sessions"]


def test_tree_weights_set_the_share_and_keep_each_group_split() -> None:
    """The benefit share is moved to ``share``; the result is a tree with no notes."""
    flat = resolve_weights(Profile(importance={"cost": 1, "effectiveness": 2, "downtime": 1}))
    assert flat.tree is False
    assert flat.notes
    tree = tree_weights(flat, 0.7)
    assert tree.tree is True
    assert tree.benefit == 0.7
    assert tree.notes == ()
    benefit = math.fsum(w for k, w in tree.values.items() if k.startswith("effect:"))
    assert benefit == pytest.approx(0.7)
    assert tree.values["cost"] == pytest.approx(0.15)
    assert tree.values["downtime"] == pytest.approx(0.15)
    assert tree.values["effect:wrinkles"] == pytest.approx(0.1)


@pytest.fixture
def small_catalog(tmp_path: Path) -> Catalog:
    """Two options whose effect lasts an unknown time (``opt_b`` does nothing for laxity)."""
    opt_b = option_dict("opt_b")
    opt_b["effects"]["laxity"].update(size="none", low="none", high="none")
    return load_catalog(
        write_catalog(tmp_path, catalog_dict(option_dict(), opt_b, no_procedure_dict()))
    )


def test_value_row_with_an_unknown_duration(small_catalog: Catalog) -> None:
    """Unknown lasting: the middle for the value, 0 and 1 at the ends of the range.

    Only an effect that could be above 0 is flagged "no data"; the benefit leaves carry the
    lasting figure, the burdens ``None``.
    """
    option = small_catalog["opt_b"]
    row = value_row(option, ("wrinkles", "laxity"), small_catalog.criteria, lasting_weight=0.5)
    assert [leaf.key for leaf in row.leaves][:2] == ["effect:wrinkles", "effect:laxity"]
    scaled = 1 / 3 * 0.8  # the effect's point value (slight) times its certainty factor (low)
    assert row.values[0] == pytest.approx(scaled * lasting_factor(NEUTRAL, 0.5))
    assert row.low[0] == pytest.approx(scaled * lasting_factor(0.0, 0.5))
    assert row.high[0] == pytest.approx(scaled * 1.0)
    assert row.low[0] < row.values[0] < row.high[0]
    assert (row.values[1], row.low[1], row.high[1]) == (0.0, 0.0, 0.0)
    assert row.no_data == frozenset({"effect:wrinkles"})
    assert all(isinstance(x, NoData) for x in row.lasting[:2])
    assert all(x is None for x in row.lasting[2:])
    assert row.low[2:] == row.values[2:] == row.high[2:]


def test_value_row_holds_back_an_uncertain_effect_as_far_as_the_person_asks(
    small_catalog: Catalog,
) -> None:
    """certainty_weight moves a "low" effect from 0.8 (not rated) to 0.5 (rated as the effect)."""
    option = small_catalog["opt_b"]
    for w, keep in ((0.0, 0.8), (0.5, 0.65), (1.0, 0.5)):
        row = value_row(option, ("wrinkles",), small_catalog.criteria, certainty_weight=w)
        assert row.values[0] == pytest.approx(1 / 3 * keep)
        assert row.low[0] == row.high[0] == row.values[0]
    rows = value_rows([option], ("wrinkles",), small_catalog, certainty_weight=1.0)
    assert rows[0].values[0] == pytest.approx(1 / 6)
    again = value_rows([option], ("wrinkles",), small_catalog, certainty_weight=0.0)
    assert again[0].values[0] == pytest.approx(1 / 3 * 0.8)  # the memo keeps them apart


def test_value_row_by_default_ignores_lasting(small_catalog: Catalog) -> None:
    """Without a lasting weight the effect's value is not discounted for its duration."""
    option = small_catalog["opt_b"]
    row = value_row(option, ("wrinkles",), small_catalog.criteria)
    assert row.values[0] == pytest.approx(1 / 3 * 0.8)  # slight, graded low
    assert (
        row.values
        == value_row(option, ("wrinkles",), small_catalog.criteria, lasting_weight=0.0).values
    )


def test_value_row_counts_burdens_over_the_horizon() -> None:
    """The burden figures are those of the horizon asked for, not the default one."""
    catalog = load_catalog()
    option = catalog["botulinum_toxin"]
    for years in (1, 20):
        row = value_row(option, ("wrinkles",), catalog.criteria, horizon_years=years)
        figures = burden_figures(option, years)
        for leaf, raw in zip(row.leaves, row.raw, strict=True):
            if leaf.concern is None:
                assert raw == figures[leaf.criterion.id]


FLAT_IMPORTANCE = {"effectiveness": 10, **dict.fromkeys(BURDEN_CRITERIA, 10)}


def test_bias_check_of_a_flat_profile_word_for_word() -> None:
    """Both reasons, worded; the shares; and the tree ranking the tree profile itself gets."""
    flat = compare(Profile(concerns=("wrinkles",), importance=FLAT_IMPORTANCE))
    bias = flat.bias
    assert bias is not None
    assert bias.flat_share == pytest.approx(1 / 7)
    assert bias.tree_share == 0.5
    assert bias.flagged is True
    assert bias.reasons == (
        "Your strongest benefit rating against your strongest burden rating gives the benefits "
        "50% of the weight, but the flat weighting gives them 14%: the burdens outnumber the "
        "benefits and share the weight between more criteria.",
        "No new treatment comes first while scoring no points for a visible effect: it wins on "
        "the burdens alone.",
    )
    tree = compare(
        Profile(concerns=("wrinkles",), importance=FLAT_IMPORTANCE, tradeoff=Tradeoff(benefit=50))
    )
    want = [(s.option.id, s.fit, s.rank) for s in tree.scored]
    got = list(bias.tree_ranking)
    assert [(i, r) for i, _, r in got] == [(i, r) for i, _, r in want]
    assert [f for _, f, _ in got] == pytest.approx([f for _, f, _ in want], abs=1e-9)


def test_bias_check_flags_a_winner_on_burdens_alone() -> None:
    """A flat profile whose first option has no benefit points is flagged for that alone."""
    importance = {"effectiveness": 1, **dict.fromkeys(BURDEN_CRITERIA, 10)}
    bias = compare(Profile(concerns=("wrinkles",), importance=importance)).bias
    assert bias is not None
    assert bias.flagged is True
    assert bias.reasons == (
        "No new treatment comes first while scoring no points for a visible effect: it wins on "
        "the burdens alone.",
    )


def test_bias_check_of_a_balanced_flat_profile_is_not_flagged() -> None:
    """One benefit and one burden: the flat share is the tree share, nothing to flag."""
    bias = compare(
        Profile(concerns=("wrinkles",), importance={"effectiveness": 10, "cost": 9})
    ).bias
    assert bias is not None
    assert bias.flat_share == bias.tree_share == pytest.approx(10 / 19)
    assert bias.flagged is False
    assert bias.reasons == ()


# --------------------------------------------------------------------------- value_rows, fits, fit_ranges


def _two_option_catalog(tmp_path: Path) -> Catalog:
    return load_catalog(write_catalog(tmp_path, catalog_dict(option_dict(), no_procedure_dict())))


def test_value_rows_without_a_catalog_are_plain_value_rows(tmp_path: Path) -> None:
    """Without a catalogue each row is ``value_row`` with the same lasting weight and horizon."""
    catalog = _two_option_catalog(tmp_path)
    options = list(catalog)
    got = value_rows(options, ("wrinkles",), lasting_weight=0.5, horizon_years=20)
    want = [value_row(o, ("wrinkles",), lasting_weight=0.5, horizon_years=20) for o in options]
    assert got == want
    assert [r.option for r in got] == options
    assert value_rows(options, ("wrinkles",)) == [value_row(o, ("wrinkles",)) for o in options]


def test_value_rows_from_the_memo_use_the_horizon_and_lasting_asked_for(tmp_path: Path) -> None:
    """The catalogue's memo keeps rows per horizon and lasting weight, never mixing them."""
    catalog = _two_option_catalog(tmp_path)
    options = list(catalog)
    for years, lasting in ((20, 0.5), (1, 0.0), (20, 0.5)):
        got = value_rows(
            options, ("wrinkles",), catalog, lasting_weight=lasting, horizon_years=years
        )
        want = [
            value_row(
                o, ("wrinkles",), catalog.criteria, lasting_weight=lasting, horizon_years=years
            )
            for o in options
        ]
        assert got == want


def test_value_rows_never_hand_a_foreign_option_a_catalogue_row(tmp_path: Path) -> None:
    """An option with a catalogue id but from elsewhere gets its own row, and is not memoised."""
    catalog = _two_option_catalog(tmp_path)
    own = catalog["opt_a"]
    foreign = attrs.evolve(own, name="Another opt_a")
    assert value_rows([own], ("wrinkles",), catalog)[0].option is own
    assert value_rows([foreign], ("wrinkles",), catalog)[0].option is foreign
    assert value_rows([own], ("wrinkles",), catalog)[0].option is own


def test_value_rows_memo_starts_again_when_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At ``MEMO_MAX`` rows the memo is cleared before the next row is kept."""
    catalog = _two_option_catalog(tmp_path)
    monkeypatch.setattr(scoring, "MEMO_MAX", 2)
    options = list(catalog)
    value_rows(options, ("wrinkles",), catalog)
    assert len(catalog._memo) == 2
    value_rows(options[:1], ("laxity",), catalog)
    assert len(catalog._memo) == 1


def test_fits_of_topsis_and_vikor() -> None:
    """Relative methods on two or more rows; a single row gets its weighted sum, times 100."""
    assert fits([[0.2, 0.4]], [0.5, 0.5], "topsis") == pytest.approx((30.0,))
    assert fits([[0.2, 0.4]], [0.5, 0.5], "vikor") == pytest.approx((30.0,))
    assert fits([[0.0, 1.0], [1.0, 0.0]], [0.5, 0.5], "topsis") == (50.0, 50.0)
    assert fits([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0.5, 0.5], "topsis")[2] == 100.0


def test_fit_ranges_count_only_missing_figures_that_weigh(tmp_path: Path) -> None:
    """A "no data" leaf with weight 0, or whose two ends are equal, does not widen the range."""
    catalog = _two_option_catalog(tmp_path)
    rows = value_rows(list(catalog), ("wrinkles",), catalog)
    # serious_risk (leaf 1) weighs nothing: only side_effects is missing for no_procedure
    w = [0.5, 0.0, 0.2, 0.1, 0.1, 0.05, 0.05]
    scores = fits([r.values for r in rows], w, "mavt")
    ranges = fit_ranges(rows, w, "mavt", scores)
    assert ranges[0] == FitRange(low=scores[0], high=scores[0], missing=())
    assert ranges[1].missing == ("side_effects",)
    assert ranges[1].low < scores[1] < ranges[1].high


def test_fit_ranges_skip_an_effect_that_is_none_at_its_point(tmp_path: Path) -> None:
    """An effect of "none" (high "moderate") with an unknown duration is flagged, yet 0 at both ends."""
    opt = option_dict()
    opt["effects"]["wrinkles"].update(size="none", low="none", high="moderate")
    catalog = load_catalog(write_catalog(tmp_path, catalog_dict(opt, no_procedure_dict())))
    rows = value_rows(list(catalog), ("wrinkles",), catalog, lasting_weight=0.5)
    assert "effect:wrinkles" in rows[0].no_data
    assert rows[0].low[0] == rows[0].high[0] == 0.0
    w = [0.5, 0.0, 0.0, 0.2, 0.2, 0.05, 0.05]
    scores = fits([r.values for r in rows], w, "mavt")
    assert fit_ranges(rows, w, "mavt", scores)[0] == FitRange(
        low=scores[0], high=scores[0], missing=()
    )


def test_fit_ranges_under_topsis_hold_the_other_options_at_their_points(tmp_path: Path) -> None:
    """TOPSIS is relative: each end is the option's fit with only its own row moved to that end."""
    catalog = _two_option_catalog(tmp_path)
    rows = value_rows(list(catalog), ("wrinkles",), catalog)
    w = [0.5, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05]
    values = [list(r.values) for r in rows]
    scores = fits(values, w, "topsis")
    got = fit_ranges(rows, w, "topsis", scores)[1]
    ends = [fits([values[0], list(end)], w, "topsis")[1] for end in (rows[1].low, rows[1].high)]
    assert got.low == pytest.approx(min(*ends, scores[1]))
    assert got.high == pytest.approx(max(*ends, scores[1]))
    assert got.missing == ("serious_risk", "side_effects")
    # The MAVT range of the same row is its own weighted sum at the two ends, a different range.
    mavt = fit_ranges(rows, w, "mavt", fits(values, w, "mavt"))[1]
    assert (mavt.low, mavt.high) != pytest.approx((got.low, got.high))


# --------------------------------------------------------------------------- added after the second run


def test_value_row_uses_the_leaves_it_is_given() -> None:
    """``tree=`` is the leaves to score, not a hint: a row of just those leaves comes back."""
    catalog = load_catalog()
    option = catalog["botulinum_toxin"]
    leaves = tree_leaves(("wrinkles",), catalog.criteria)
    row = value_row(option, ("wrinkles",), catalog.criteria, tree=leaves[2:])
    assert row.leaves == leaves[2:]
    assert len(row.values) == len(row.low) == len(row.high) == len(leaves) - 2


def test_value_row_ends_equal_the_value_where_nothing_is_missing() -> None:
    """A known duration and known burdens: ``low`` and ``high`` are the value on every leaf."""
    catalog = load_catalog()
    option = catalog["botulinum_toxin"]
    row = value_row(option, ("wrinkles",), catalog.criteria, lasting_weight=0.5)
    assert not isinstance(row.lasting[0], NoData)
    assert row.no_data == frozenset()
    assert row.low == row.values == row.high
    assert 0.0 < row.values[0] < 1.0


def test_value_row_puts_a_missing_burden_at_0_and_1(tmp_path: Path) -> None:
    """A burden with "no data" is the neutral 0.5, with ends 0 and 1 (the whole value scale)."""
    catalog = _two_option_catalog(tmp_path)
    row = value_row(catalog["no_procedure"], ("wrinkles",), catalog.criteria)
    j = [leaf.key for leaf in row.leaves].index("serious_risk")
    assert (row.low[j], row.values[j], row.high[j]) == (0.0, NEUTRAL, 1.0)


def test_value_rows_count_over_the_horizon_asked_for() -> None:
    """With or without the catalogue, rows are those of the horizon given, not the default one."""
    catalog = load_catalog()
    option = catalog["botulinum_toxin"]
    one_year = value_row(option, ("wrinkles",), catalog.criteria, horizon_years=1)
    assert one_year != value_row(option, ("wrinkles",), catalog.criteria)  # the horizon matters
    assert value_rows([option], ("wrinkles",), horizon_years=1) == [one_year]
    assert value_rows([option], ("wrinkles",), catalog, horizon_years=1) == [one_year]


def test_value_rows_from_a_full_memo_are_the_rows_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full memo still serves the rows it holds (it starts again only to keep a new row)."""
    catalog = _two_option_catalog(tmp_path)
    monkeypatch.setattr(scoring, "MEMO_MAX", 2)
    options = list(catalog)
    first = value_rows(options, ("wrinkles",), catalog)
    again = value_rows(options, ("wrinkles",), catalog)
    assert all(a is b for a, b in zip(again, first, strict=True))


def test_fits_refuse_weights_and_values_of_different_lengths() -> None:
    """One weight per value: a row longer or shorter than the weights is an error, not cut short."""
    with pytest.raises(ValueError, match="zip"):
        fits([[0.2, 0.4], [0.1, 0.3]], [1.0], "mavt")
    for method in ("topsis", "vikor"):
        with pytest.raises(ValueError, match="zip"):
            fits([[0.2, 0.4]], [1.0], method)


@pytest.mark.parametrize(
    ("profile", "catalog", "path", "message"),
    [
        ({}, None, "profile",
         "compare(): profile: expected a Profile, got dict; build one from a mapping with "
         "Profile.from_dict(data) (got {})"),
        (5, None, "profile", "compare(): profile: expected a Profile, got int (got 5)"),
        (Profile(importance={"cost": 1}), 5, "catalog", "compare(): catalog: expected a Catalog, got int (got 5)"),
    ],
)  # fmt: skip
def test_compare_refuses_the_wrong_types_word_for_word(
    profile: Any, catalog: Any, path: str, message: str
) -> None:
    """A wrong profile or catalogue is a WrongTypeError naming compare(), the argument and value."""
    with pytest.raises(WrongTypeError) as info:
        compare(profile, catalog)
    assert type(info.value) is WrongTypeError
    assert str(info.value) == message
    assert info.value.origin == "compare()"
    assert info.value.path == path
    assert info.value.value == (catalog if path == "catalog" else profile)


def test_compare_names_the_methods_it_knows() -> None:
    """An unknown method lists the three known ones, comma-separated."""
    with pytest.raises(MethodError) as info:
        compare(Profile(importance={"cost": 1}), method="ahp")  # type: ignore[arg-type]
    assert str(info.value) == "unknown method 'ahp'; choose one of mavt, topsis, vikor"


def test_compare_weighs_and_scores_over_the_profile_horizon() -> None:
    """Swing spans and burden figures are those of the profile's horizon (here 1 year, not 5)."""
    catalog = load_catalog()
    profile = Profile(
        concerns=("wrinkles",),
        method="swing",
        swing={"effectiveness": 100, "cost": 60, "sessions": 40},
        horizon_years=1,
    )
    spans = criterion_spans(catalog, profile.concerns, 1)
    assert spans != criterion_spans(catalog, profile.concerns)  # the horizon matters
    result = compare(profile, catalog)
    assert result.weights == resolve_weights(profile, spans)
    for s in result.scored:
        cost = next(c for c in s.contributions if c.leaf == "cost")
        assert cost.raw == burden_figures(s.option, 1)["cost"]


def test_compare_checks_the_budget_currency_and_keeps_its_note(tmp_path: Path) -> None:
    """A budget without a currency is read in the prices' one, with a note; another one is refused."""
    catalog = _two_option_catalog(tmp_path)
    result = compare(Profile(importance={"cost": 1}, limits=Limits(max_cost=1000)), catalog)
    assert result.notes == (
        "Your budget (max_cost = 1,000) gives no currency, so it was read in the currency of "
        "these prices: USD 1,000. If you meant another currency, add it to the profile "
        "([limits] currency).",
    )
    with pytest.raises(ProfileError, match="the budget is in EUR, but the prices compared are"):
        compare(
            Profile(importance={"cost": 1}, limits=Limits(max_cost=1000, currency="EUR")), catalog
        )


@pytest.mark.parametrize("method", ["mavt", "topsis", "vikor"])
def test_a_comparison_with_every_option_excluded_scores_nothing(
    tmp_path: Path, method: Literal["mavt", "topsis", "vikor"]
) -> None:
    """Even "no procedure" can be excluded (here it pierces the skin): nothing is scored."""
    nothing = no_procedure_dict()
    nothing["pierces_skin"] = True
    catalog = load_catalog(write_catalog(tmp_path, catalog_dict(option_dict(), nothing)))
    profile = Profile(importance={"cost": 1}, limits=Limits(needles=False))
    result = compare(profile, catalog, method=method)
    assert result.scored == ()
    assert [e.option.id for e in result.excluded] == ["opt_a", "no_procedure"]


@pytest.mark.parametrize("method", ["mavt", "topsis"])
def test_contributions_and_fit_ranges_come_from_the_rows(
    tmp_path: Path, method: Literal["mavt", "topsis"]
) -> None:
    """Contributions and fit ranges are read off the option's value row.

    Each contribution names its concern, certainty and lasting (benefits) or none (burdens);
    each fit range is ``fit_ranges`` of the rows under the comparison's own method.
    """
    catalog = _two_option_catalog(tmp_path)
    profile = Profile(
        concerns=("wrinkles",),
        importance={"effectiveness": 5, "serious_risk": 3, "cost": 2, "durability": 5},
    )
    result = compare(profile, catalog, method=method)
    rows = value_rows(
        [s.option for s in result.scored], profile.concerns, catalog,
        lasting_weight=result.weights.lasting,
    )  # fmt: skip
    w = result.weights.vector()
    ranges = fit_ranges(rows, w, method, [s.fit for s in result.scored])
    assert any(r.missing for r in ranges)
    for s, row, fit_range in zip(result.scored, rows, ranges, strict=True):
        assert s.fit_range == fit_range
        for c, leaf, lasting in zip(s.contributions, row.leaves, row.lasting, strict=True):
            assert c.concern == leaf.concern
            if leaf.concern is None:
                assert (c.certainty, c.lasting) == (None, None)
            else:
                assert c.certainty == s.option.certainty_of(leaf.concern)
                assert c.certainty is not None
                assert c.lasting == lasting
                assert c.lasting is not None


def _twins_catalog(tmp_path: Path) -> Catalog:
    """Two identical options, which tie, and "no procedure"."""
    return load_catalog(
        write_catalog(
            tmp_path, catalog_dict(option_dict("opt_a"), option_dict("opt_b"), no_procedure_dict())
        )
    )


def test_ties_rank_like_a_competition_in_the_comparison_and_its_bias_check(
    tmp_path: Path,
) -> None:
    """Two options tied first leave rank 2 empty (1, 1, 3), in ``scored`` and in the tree ranking.

    The flat profile's benefit share (3 of 5, 60%) against its tree share (3 of 3 + 1, 75%) is
    worded with the two percentages.
    """
    importance = {"effectiveness": 3, "cost": 1, "downtime": 1}
    result = compare(
        Profile(concerns=("wrinkles",), importance=importance), _twins_catalog(tmp_path)
    )
    assert [(s.option.id, s.rank) for s in result.scored] == [
        ("opt_a", 1),
        ("opt_b", 1),
        ("no_procedure", 3),
    ]
    assert result.bias is not None
    assert [(i, r) for i, _, r in result.bias.tree_ranking] == [
        ("opt_a", 1),
        ("opt_b", 1),
        ("no_procedure", 3),
    ]
    assert result.bias.reasons == (
        "Your strongest benefit rating against your strongest burden rating gives the benefits "
        "75% of the weight, but the flat weighting gives them 60%: the burdens outnumber the "
        "benefits and share the weight between more criteria.",
    )


@pytest.mark.parametrize(
    ("effectiveness", "cost", "downtime", "gap"),
    [(2, 1, 2, 0.5 - 0.4), (3, 8, 9, 0.25 - 0.15)],
)
def test_bias_check_margin_is_ten_points_exclusive(
    tmp_path: Path, effectiveness: int, cost: int, downtime: int, gap: float
) -> None:
    """A tree share 10 points above the flat one (to the last bit, or just under) is not flagged."""
    importance = {"effectiveness": effectiveness, "cost": cost, "downtime": downtime}
    bias = compare(
        Profile(concerns=("wrinkles",), importance=importance), _two_option_catalog(tmp_path)
    ).bias
    assert bias is not None
    assert bias.tree_share - bias.flat_share == gap
    assert 9.9 < 100.0 * gap <= 10.0
    assert not any(r.startswith("Your strongest benefit rating") for r in bias.reasons)


def test_bias_check_does_not_flag_a_winner_with_under_one_benefit_point(tmp_path: Path) -> None:
    """Any benefit points above 0 (here 0.79 of 100) mean the first option is not a burden-only win.

    The evidence rated as highly as the effect holds its low-certainty effect back to a half.
    """
    importance = {"effectiveness": 1, "serious_risk": 10, "side_effects": 10, "evidence": 1}
    result = compare(
        Profile(concerns=("wrinkles",), importance=importance), _two_option_catalog(tmp_path)
    )
    top = result.scored[0]
    points = math.fsum(c.points for c in top.contributions if c.group == "benefit")
    assert 0.0 < points < 1.0
    assert result.bias is not None
    assert result.bias.reasons == ()
