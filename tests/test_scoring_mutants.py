"""Tests written against mutmut's surviving mutants of antiage_compare.scoring (issue 11).

The mutants left alive are listed, each with its reason, in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from antiage_compare import Profile, compare, load_catalog
from antiage_compare.catalog import Catalog
from antiage_compare.criteria import NEUTRAL, burden_figures, performance
from antiage_compare.model import NoData
from antiage_compare.profile import BURDEN_CRITERIA, Tradeoff
from antiage_compare.scoring import criterion_spans, tree_weights, value_row
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
    scaled = 1 / 6  # the effect's point value times its certainty factor
    assert row.values[0] == pytest.approx(scaled * lasting_factor(NEUTRAL, 0.5))
    assert row.low[0] == pytest.approx(scaled * lasting_factor(0.0, 0.5))
    assert row.high[0] == pytest.approx(scaled * 1.0)
    assert row.low[0] < row.values[0] < row.high[0]
    assert (row.values[1], row.low[1], row.high[1]) == (0.0, 0.0, 0.0)
    assert row.no_data == frozenset({"effect:wrinkles"})
    assert all(isinstance(x, NoData) for x in row.lasting[:2])
    assert all(x is None for x in row.lasting[2:])
    assert row.low[2:] == row.values[2:] == row.high[2:]


def test_value_row_by_default_ignores_lasting(small_catalog: Catalog) -> None:
    """Without a lasting weight the effect's value is not discounted for its duration."""
    option = small_catalog["opt_b"]
    row = value_row(option, ("wrinkles",), small_catalog.criteria)
    assert row.values[0] == pytest.approx(1 / 6)
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
