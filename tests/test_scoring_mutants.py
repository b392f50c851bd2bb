"""Tests written against mutmut's surviving mutants of antiage_compare.scoring (issue 11).

The mutants left alive are listed, each with its reason, in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math

import pytest

from antiage_compare import Profile, load_catalog
from antiage_compare.criteria import NEUTRAL, performance
from antiage_compare.model import NoData
from antiage_compare.scoring import criterion_spans, tree_weights
from antiage_compare.weights import resolve_weights


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
