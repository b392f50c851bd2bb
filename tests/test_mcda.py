"""Example-based tests for antiage_compare.mcda: published worked examples and input checks."""

from __future__ import annotations

import math

import pytest

from antiage_compare.errors import AntiageError, MCDAError
from antiage_compare.mcda import (
    SAATY_RANDOM_INDEX,
    AhpResult,
    Direction,
    MCDATypeError,
    Ranking,
    VikorResult,
    ahp,
    ahp_inconsistencies,
    dominators,
    rank,
    roc_weights,
    topsis,
    vikor,
)

# Tzeng & Huang (2011) TOPSIS/VIKOR data, as reproduced in scikit-criteria's test-suite
# (quatrope/scikit-criteria, tests/agg/test_similarity.py::test_TOPSIS_tzeng2011multiple and
# tests/agg/test_vikor.py::test_VIKOR).
TZENG_MATRIX = [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]]
TZENG_WEIGHTS = [0.3, 0.4, 0.3]

# Saaty's drinks-consumption matrix (order: coffee, wine, tea, beer, soda, milk, water), as
# reproduced in PhilipGriffith/AHPy tests/test_ahp.py (citing Saaty 2008, Int. J. Services
# Sciences 1:1, pp. 83-98).
DRINKS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]


# --------------------------------------------------------------------------- TOPSIS


def test_topsis_tzeng_huang_2011_worked_example() -> None:
    """TOPSIS closeness matches Tzeng & Huang's worked example: .5037 .6581 .7482 .3340.

    Source: Tzeng & Huang (2011), Multiple Attribute Decision Making: Methods and
    Applications (CRC Press).

    Matrix and expected values as reproduced in scikit-criteria's
    tests/agg/test_similarity.py::test_TOPSIS_tzeng2011multiple.
    """
    closeness = topsis(TZENG_MATRIX, TZENG_WEIGHTS, [1, 1, 1])
    assert closeness == pytest.approx((0.5037, 0.6581, 0.7482, 0.3340), abs=1e-4)
    assert rank(closeness).ranks == (3, 2, 1, 4)


def test_topsis_cost_column_reverses_preference() -> None:
    """Turning a criterion into a cost flips who is closer to the ideal on that criterion."""
    benefit = topsis([[1.0, 5.0], [2.0, 5.0]], [1, 1], ["max", "max"])
    cost = topsis([[1.0, 5.0], [2.0, 5.0]], [1, 1], ["min", "max"])
    assert benefit == (0.0, 1.0)  # the constant column cannot discriminate
    assert cost == (1.0, 0.0)


def test_topsis_all_constant_columns_give_one_half() -> None:
    """When no criterion discriminates, every row is equally close: 0.5 (documented)."""
    assert topsis([[3, 0], [3, 0], [3, 0]], [1, 2], [1, -1]) == (0.5, 0.5, 0.5)


# --------------------------------------------------------------------------- VIKOR


def test_vikor_tzeng_huang_2011_example() -> None:
    """VIKOR S, R, Q for the Tzeng & Huang (2011) data.

    Expected S = .6 .3 .15 .65, R = .3 .2 .15 .4, Q = .75 .25 0 1, as in scikit-criteria's
    tests/agg/test_vikor.py::test_VIKOR.
    """
    result = vikor(TZENG_MATRIX, TZENG_WEIGHTS, [1, 1, 1])
    assert isinstance(result, VikorResult)
    assert result.s == pytest.approx((0.6, 0.3, 0.15, 0.65), abs=1e-12)
    assert result.r == pytest.approx((0.3, 0.2, 0.15, 0.4), abs=1e-12)
    assert result.q == pytest.approx((0.75, 0.25, 0.0, 1.0), abs=1e-12)


def test_vikor_opricovic_tzeng_2004() -> None:
    """VIKOR reproduces Opricovic & Tzeng (2004), EJOR 156(2) 445-455.

    Risk (min) and altitude (max): S = .5 .375 .5, R = .5 .25 .5, Q = 1 0 1, as reproduced
    in scikit-criteria tests/agg/test_vikor.py::test_VIKOR_opricovic2004compromise.
    """
    result = vikor([[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]], [0.5, 0.5], ["min", "max"])
    assert result.s == pytest.approx((0.5, 0.375, 0.5), abs=1e-12)
    assert result.r == pytest.approx((0.5, 0.25, 0.5), abs=1e-12)
    assert result.q == pytest.approx((1.0, 0.0, 1.0), abs=1e-12)


@pytest.mark.parametrize(
    ("weights", "r", "s", "q"),
    [
        (
            [1, 1, 1, 1, 1, 1, 1, 1],
            [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
            [0.692, 0.7, 0.29, 0.423, 0.28, 0.346],
            [0.991, 1.0, 0.473, 0.670, 0.0, 0.578],
        ),
        (
            [2, 2, 2, 2, 1, 1, 1, 1],
            [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
            [0.701, 0.6, 0.386, 0.365, 0.317, 0.459],
            [1.0, 0.533, 0.552, 0.563, 0.0, 0.686],
        ),
        (
            [1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2],
            [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
            [0.678, 0.857, 0.138, 0.513, 0.222, 0.167],
            [0.668, 1.0, 0.051, 0.588, 0.058, 0.078],
        ),
    ],
)
def test_vikor_opricovic_tzeng_2007_extended(
    weights: list[float], r: list[float], s: list[float], q: list[float]
) -> None:
    """VIKOR reproduces Opricovic & Tzeng (2007), EJOR 178(2) 514-529 (hydro-power).

    Three weightings, published to 3 decimals; as reproduced in scikit-criteria
    tests/agg/test_vikor.py::test_VIKOR_opricovic2007extended.
    """
    matrix = [
        [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
        [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
        [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
        [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
        [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
        [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
    ]
    directions = ["max", "min", "max", "max", "min", "min", "min", "max"]
    result = vikor(matrix, weights, directions)
    assert result.r == pytest.approx(r, abs=1e-3)
    assert result.s == pytest.approx(s, abs=1e-3)
    assert result.q == pytest.approx(q, abs=1e-3)


def test_vikor_equal_s_and_r_do_not_divide_by_zero() -> None:
    """Identical rows make S* == S- and R* == R-; Q is then 0 for all (documented)."""
    result = vikor([[1, 2], [1, 2]], [1, 1], [1, 1])
    assert result == VikorResult((0.0, 0.0), (0.0, 0.0), (0.0, 0.0))


def test_vikor_v_weights_the_two_strategies() -> None:
    """v=1 ranks by S alone and v=0 by R alone."""
    matrix, weights, dirs = TZENG_MATRIX, TZENG_WEIGHTS, [1, 1, 1]
    only_s = vikor(matrix, weights, dirs, v=1.0)
    only_r = vikor(matrix, weights, dirs, v=0.0)
    assert only_s.q == pytest.approx((0.9, 0.3, 0.0, 1.0))  # (S - .15) / .5
    assert only_r.q == pytest.approx((0.6, 0.2, 0.0, 1.0))  # (R - .15) / .25


@pytest.mark.parametrize("v", [-0.1, 1.5, math.nan])
def test_vikor_rejects_v_outside_unit_interval(v: float) -> None:
    """The parameter v must be a finite number in [0, 1]; the message names v."""
    with pytest.raises(MCDAError, match=r"^v: "):
        vikor(TZENG_MATRIX, TZENG_WEIGHTS, [1, 1, 1], v=v)


# --------------------------------------------------------------------------- AHP


def test_ahp_saaty_drinks_weights_and_consistency() -> None:
    """Saaty's drinks matrix gives the known eigenvector weights and CR ≈ 0.022.

    Expected values from PhilipGriffith/AHPy tests/test_ahp.py (precision 4:
    coffee .1775, wine .0191, tea .0418, beer .1164, soda .1896, milk .1288, water .3268;
    Saaty random index CR .022), which cites Saaty (2008).
    """
    result = ahp(DRINKS)
    assert isinstance(result, AhpResult)
    expected = (0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268)
    assert result.weights == pytest.approx(expected, abs=5e-5)
    assert math.fsum(result.weights) == pytest.approx(1.0, abs=1e-12)
    assert result.consistency_ratio == pytest.approx(0.022, abs=5e-4)
    n = len(DRINKS)
    assert result.consistency_index == pytest.approx((result.lambda_max - n) / (n - 1))
    assert result.consistency_ratio == pytest.approx(result.consistency_index / 1.32)


def test_ahp_weights_are_an_eigenvector() -> None:
    """A·w = lambda_max·w to high precision (the power iteration really converged)."""
    result = ahp(DRINKS)
    for row, wi in zip(DRINKS, result.weights, strict=True):
        aw = math.fsum(a * w for a, w in zip(row, result.weights, strict=True))
        assert aw == pytest.approx(result.lambda_max * wi, rel=1e-9)


def test_ahp_consistent_matrix_recovers_weights_exactly() -> None:
    """A perfectly consistent matrix a_ij = w_i/w_j gives back w, lambda_max = n, CR = 0."""
    w = [0.4, 0.3, 0.2, 0.1]
    matrix = [[wi / wj for wj in w] for wi in w]
    result = ahp(matrix)
    assert result.weights == pytest.approx(w, abs=1e-12)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-12)
    assert result.consistency_index == pytest.approx(0.0, abs=1e-12)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-12)
    assert all(
        item.deviation == pytest.approx(0.0, abs=1e-9)
        for item in ahp_inconsistencies(matrix, result.weights)
    )


def test_ahp_small_matrices_have_zero_ratio() -> None:
    """Sizes 1 and 2 are always consistent: CR is 0 (random index 0)."""
    assert ahp([[1]]) == AhpResult((1.0,), 1.0, 0.0, 0.0)
    two = ahp([[1, 3], [1 / 3, 1]])
    assert two.weights == pytest.approx((0.75, 0.25))
    assert two.consistency_ratio == 0.0


def test_ahp_random_index_table_is_saatys() -> None:
    """The random index values for n = 3..10 are Saaty's (0.58 ... 1.49)."""
    assert [SAATY_RANDOM_INDEX[n] for n in range(3, 11)] == [
        0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
    ]  # fmt: skip


def test_ahp_inconsistencies_points_at_the_bad_judgement() -> None:
    """Spoiling one judgement of a consistent matrix puts that pair first in the list."""
    w = [0.5, 0.25, 0.15, 0.1]
    matrix = [[wi / wj for wj in w] for wi in w]
    matrix[1][3] = 9.0  # consistent value is 2.5
    matrix[3][1] = 1 / 9.0
    result = ahp(matrix)
    items = ahp_inconsistencies(matrix, result.weights)
    assert (items[0].i, items[0].j) == (1, 3)
    assert items[0].given == 9.0
    assert len(items) == 6
    assert [it.deviation for it in items] == sorted((it.deviation for it in items), reverse=True)
    assert result.consistency_ratio > 0.05


def test_ahp_inconsistencies_rejects_bad_weights() -> None:
    """Weights must be positive and one per row; errors name the weight."""
    with pytest.raises(MCDAError, match=r"weights\[1\]"):
        ahp_inconsistencies([[1, 2], [0.5, 1]], [1.0, 0.0])
    with pytest.raises(MCDAError, match="expected 2"):
        ahp_inconsistencies([[1, 2], [0.5, 1]], [1.0])


@pytest.mark.parametrize(
    ("matrix", "where"),
    [
        ([[1, 2, 3], [0.5, 1, 4]], "square"),
        ([[1, 2], [0.4, 1]], r"pairwise\[0\]\[1\] and pairwise\[1\]\[0\]"),
        ([[1, -2], [-0.5, 1]], r"pairwise\[0\]\[1\]"),
        ([[1, 0], [0, 1]], r"pairwise\[0\]\[1\]"),
        ([[2, 1], [1, 1]], r"pairwise\[0\]\[0\]"),
        ([[1, math.nan], [1, 1]], r"pairwise\[0\]\[1\]"),
        ([], "at least one row"),
    ],
)
def test_ahp_rejects_invalid_pairwise_matrices(matrix: list[list[float]], where: str) -> None:
    """Non-square, non-reciprocal, non-positive or non-finite matrices raise MCDAError."""
    with pytest.raises(MCDAError, match=where):
        ahp(matrix)


def test_ahp_rejects_more_than_ten_criteria_and_unknown_index() -> None:
    """Saaty's random index stops at n = 10; other index names are refused."""
    eleven = [[1.0] * 11 for _ in range(11)]
    with pytest.raises(MCDAError, match="1 to 10"):
        ahp(eleven)
    with pytest.raises(MCDAError, match="random_index"):
        ahp([[1.0]], random_index="dd")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- weights & ranks


def test_roc_weights_for_four_criteria() -> None:
    """ROC weights for n=4 are 0.5208, 0.2708, 0.1458, 0.0625 (Barron & Barrett 1996)."""
    assert roc_weights(4) == pytest.approx((0.5208, 0.2708, 0.1458, 0.0625), abs=5e-5)
    assert roc_weights(1) == (1.0,)
    assert math.fsum(roc_weights(7)) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize(
    ("n", "error"), [(0, MCDAError), (-3, MCDAError), (2.0, MCDATypeError), (True, MCDATypeError)]
)
def test_roc_weights_rejects_bad_counts(n: object, error: type[Exception]) -> None:
    """The count n must be a positive int."""
    with pytest.raises(error, match=r"^n: "):
        roc_weights(n)  # type: ignore[arg-type]


def test_rank_dense_and_competition() -> None:
    """Dense ranking numbers tie groups 1, 2, 3; competition ranking skips (1, 1, 3)."""
    scores = [0.5, 0.9, 0.5, 0.1]
    assert rank(scores) == Ranking((2, 1, 2, 3), ((0, 2),))
    assert rank(scores, ties="min") == Ranking((2, 1, 2, 4), ((0, 2),))


def test_rank_lower_is_better() -> None:
    """With higher_is_better=False the smallest score ranks first (e.g. VIKOR's Q)."""
    assert rank([0.75, 0.25, 0.0, 1.0], higher_is_better=False).ranks == (3, 2, 1, 4)


def test_rank_treats_float_noise_as_a_tie() -> None:
    """0.1 + 0.2 and 0.3 differ by one ulp and must tie; 0.3 and 0.3 + 1e-9 must not."""
    assert rank([0.1 + 0.2, 0.3]).ties == ((0, 1),)
    assert rank([0.3, 0.3 + 1e-9]).ties == ()
    assert rank([1e6, 1e6 * (1 + 1e-13)]).ties == ((0, 1),)


def test_rank_reports_several_tie_groups_best_first() -> None:
    """Tie groups are listed best first, indices ascending."""
    result = rank([1.0, 2.0, 1.0, 2.0, 3.0])
    assert result.ranks == (3, 2, 3, 2, 1)
    assert result.ties == ((1, 3), (0, 2))


def test_rank_empty_and_invalid() -> None:
    """Empty scores give an empty ranking; NaN and unknown tie modes are errors."""
    assert rank([]) == Ranking((), ())
    with pytest.raises(MCDAError, match=r"scores\[1\]"):
        rank([0.1, math.nan])
    with pytest.raises(MCDAError, match="ties"):
        rank([0.1], ties="average")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- directions


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, Direction.MAX),
        (-1, Direction.MIN),
        ("max", Direction.MAX),
        ("MIN", Direction.MIN),
        (" Max ", Direction.MAX),
        (Direction.MIN, Direction.MIN),
    ],
)
def test_direction_parse_accepts(value: object, expected: Direction) -> None:
    """The documented spellings parse to the right direction."""
    assert Direction.parse(value) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["mni", "cost", "", "maximum", 0, 2, -2])
def test_direction_parse_rejects_typos(value: object) -> None:
    """Typos are errors, never silently read as 'cost' (as some peers do)."""
    with pytest.raises(MCDAError, match="direction"):
        Direction.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 1.0, True, [1]])
def test_direction_parse_rejects_wrong_types(value: object) -> None:
    """Wrong Python types raise an error that is an AntiageError and a TypeError."""
    with pytest.raises(MCDATypeError) as info:
        Direction.parse(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, AntiageError)


# --------------------------------------------------------------------------- weighted sum


def test_topsis_and_vikor_accept_extreme_magnitudes() -> None:
    """Huge or tiny (subnormal) columns give what the same columns scaled near 1 give.

    Both methods are scale-free per column, so 1e308 behaves like 1 and 5e-324 like 0.5: the
    factor that would overflow or underflow is taken after dividing by the largest magnitude.
    """
    big = topsis([[1e308, 1], [-1e308, 2]], [1, 1], [1, 1])
    assert big == pytest.approx(topsis([[1, 1], [-1, 2]], [1, 1], [1, 1]), rel=1e-12)
    assert all(0.0 < x < 1.0 for x in big)
    tiny = topsis([[5e-324, 1], [1e-323, 2]], [1, 1], [1, -1])
    assert tiny == pytest.approx(topsis([[1, 1], [2, 2]], [1, 1], [1, -1]), rel=1e-12)
    for matrix, plain in (
        ([[1e308, 1], [-1e308, 2], [0.0, 3]], [[1, 1], [-1, 2], [0, 3]]),
        ([[5e-324, 1], [1e-323, 2], [1e-323, 3]], [[1, 1], [2, 2], [2, 3]]),
    ):
        got, want = vikor(matrix, [1, 1], [1, -1]), vikor(plain, [1, 1], [1, -1])
        assert got.q == pytest.approx(want.q, rel=1e-12)
        assert got.s == pytest.approx(want.s, rel=1e-12)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        ({"matrix": [[1, 2], [3, math.nan]]}, r"matrix\[1\]\[1\]: NaN"),
        ({"matrix": [[1, math.inf], [3, 4]]}, r"matrix\[0\]\[1\]: infinity"),
        ({"matrix": [[1, 2], [3]]}, r"matrix\[1\]: has 1 values, expected 2"),
        ({"matrix": []}, "matrix: needs at least one row"),
        ({"matrix": [[], []]}, r"matrix\[0\]: needs at least one column"),
        ({"weights": [1, 2, 3]}, "weights: has 3 values, expected 2"),
        ({"weights": [1, -1]}, r"weights\[1\]: weights must not be negative"),
        ({"weights": [0, 0]}, "weights: all weights are zero"),
        ({"weights": [1, math.nan]}, r"weights\[1\]: NaN"),
        ({"directions": [1]}, "directions: has 1 values, expected 2"),
        ({"directions": [1, "cost"]}, r"directions\[1\]: unknown direction"),
        ({"directions": [1, 0]}, r"directions\[1\]"),
    ],
)
@pytest.mark.parametrize("method", ["topsis", "vikor"])
def test_invalid_inputs_name_argument_and_position(
    kwargs: dict[str, object], where: str, method: str
) -> None:
    """Every scoring method rejects bad input with an MCDAError naming what and where."""
    args: dict[str, object] = {"matrix": [[1, 2], [3, 4]], "weights": [1, 1], "directions": [1, 1]}
    args.update(kwargs)
    func = {"topsis": topsis, "vikor": vikor}[method]
    with pytest.raises(MCDAError, match=where):
        func(args["matrix"], args["weights"], args["directions"])  # type: ignore[operator]


@pytest.mark.parametrize(
    ("matrix", "weights", "directions", "where"),
    [
        ([[1, "2"]], [1, 1], [1, 1], r"matrix\[0\]\[1\]"),
        ([[1, None]], [1, 1], [1, 1], r"matrix\[0\]\[1\]"),
        ([[1, True]], [1, 1], [1, 1], r"matrix\[0\]\[1\]"),
        ("12", [1, 1], [1, 1], "matrix"),
        ([[1, 2]], None, [1, 1], "weights"),
        ([[1, 2]], "11", [1, 1], "weights"),
        ([[1, 2]], [1, 1], None, "directions"),
        ([[1, 2]], [1, 1], [1, None], r"directions\[1\]"),
        ([1, 2], [1, 1], [1, 1], r"matrix\[0\]"),
    ],
)
def test_wrong_types_raise_type_error_too(
    matrix: object, weights: object, directions: object, where: str
) -> None:
    """Wrong Python types raise MCDATypeError: an MCDAError, AntiageError and TypeError."""
    with pytest.raises(MCDATypeError, match=where) as info:
        topsis(matrix, weights, directions)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, AntiageError)


def test_error_message_shows_the_bad_value() -> None:
    """The message includes the offending value, not only its position."""
    with pytest.raises(MCDAError) as info:
        topsis([[1, 2]], [1, -0.25], [1, 1])
    assert str(info.value) == "weights[1]: weights must not be negative (got -0.25)"


# --------------------------------------------------------------------------- dominance


def test_dominators_respects_directions() -> None:
    """Row k dominates row i when at least as good everywhere and strictly better somewhere."""
    assert dominators([[3, 1], [2, 1]], [1, -1]) == ((), (0,))
    assert dominators([[3, 1], [3, 2]], ["max", "min"]) == ((), (0,))
    assert dominators([[3, 1], [3, 1]], [1, -1]) == ((), ())  # equal rows: not strictly better
    assert dominators([[3, 2], [2, 1]], [1, -1]) == ((), ())  # trade-off


def test_dominators_validates_the_matrix_and_directions() -> None:
    """Bad input is named like every other MCDA function's."""
    with pytest.raises(MCDAError, match=r"matrix\[1\]: has 1 values, expected 2"):
        dominators([[1, 2], [1]], [1, 1])
    with pytest.raises(MCDAError, match=r"matrix\[0\]\[0\]: NaN"):
        dominators([[math.nan, 2], [1, 1]], [1, 1])
    with pytest.raises(MCDAError, match="directions: has 1 values, expected 2"):
        dominators([[1, 2]], [1])


def test_dominators_of_a_small_table() -> None:
    """Trade-offs and duplicates are never dominated; dominated rows list every dominator."""
    matrix = [[1, 2], [2, 4], [1, 6], [2, 4], [0, 1], [3, 5]]
    # maximise the first column, minimise the second: only row 2 is dominated (by 0, 1, 3, 5)
    assert dominators(matrix, [1, -1]) == ((), (), (0, 1, 3, 5), (), (), ())
    # maximise both: only rows 2 (best on column 1) and 5 are not dominated
    assert dominators(matrix, [1, 1]) == ((1, 2, 3, 5), (5,), (), (5,), (0, 1, 2, 3, 5), ())
