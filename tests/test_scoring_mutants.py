"""Tests written against mutmut's surviving mutants of antiage_compare.scoring (issue 11).

The mutants left alive are listed, each with its reason, in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math
from pathlib import Path

import attrs
import pytest

from antiage_compare import Profile, compare, load_catalog, scoring
from antiage_compare.catalog import Catalog
from antiage_compare.comparison import FitRange
from antiage_compare.criteria import NEUTRAL, burden_figures, performance
from antiage_compare.model import NoData
from antiage_compare.profile import BURDEN_CRITERIA, Tradeoff
from antiage_compare.scoring import (
    criterion_spans,
    fit_ranges,
    fits,
    tree_weights,
    value_row,
    value_rows,
)
from antiage_compare.tree import lasting_factor
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
