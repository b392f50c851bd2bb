"""Tests written against mutmut's surviving mutants of antiage_compare.mcda (issue 11).

Each test pins behaviour that a surviving mutant changed: the exact wording of every error a
caller can see, the slow validation paths that only non-list inputs or overflowing sums take,
and the boundaries of the tie and spread tolerances. The mutants left alive are listed, each
with the reason it cannot be told apart, in docs/mutation-survivors.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import pytest

from antiage_compare.errors import MCDAError
from antiage_compare.mcda import (
    Direction,
    MCDATypeError,
    ahp,
    ahp_inconsistencies,
    dominators,
    rank,
    roc_weights,
    topsis,
    vikor,
)


class Seq(Sequence[Any]):
    """A read-only sequence that is neither a list nor a tuple: it takes the slow paths."""

    def __init__(self, items: Sequence[Any]) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> Seq: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return Seq(self._items[i])
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"Seq({self._items!r})"


class OnlyGetitem:
    """Has ``__getitem__`` but no ``__len__``: not a sequence to mcda."""

    def __getitem__(self, i: int) -> int:
        return 1


# --------------------------------------------------------------------------- exact messages

OK_M, OK_W, OK_D = [[1, 2], [3, 4]], [1, 1], [1, 1]
BIG_INT = 10**400
PAIR = [[1, 2], [0.5, 1]]

ERRORS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("typo", lambda: Direction.parse("mni"), MCDAError,
     "direction: unknown direction; expected 'max' or 'min' (got 'mni')"),
    ("bool direction", lambda: Direction.parse(True), MCDATypeError,
     "direction: expected +1, -1, 'max' or 'min', not a bool (got True)"),
    ("int direction", lambda: Direction.parse(2), MCDAError,
     "direction: expected +1 (more is better) or -1 (less is better) (got 2)"),
    ("float direction", lambda: Direction.parse(1.0), MCDATypeError,  # type: ignore[arg-type]
     "direction: expected +1, -1, 'max', 'min' or a Direction (got 1.0)"),
    ("cell type", lambda: topsis([[1, "2"]], OK_W, OK_D), MCDATypeError,  # type: ignore[list-item]
     "matrix[0][1]: expected a real number (got '2')"),
    ("cell too big", lambda: topsis([[1, BIG_INT]], OK_W, OK_D), MCDAError,
     f"matrix[0][1]: number too large for a float (got {str(BIG_INT)[:77]}...)"),
    ("NaN cell", lambda: topsis([[1, 2], [3, math.nan]], OK_W, OK_D), MCDAError,
     "matrix[1][1]: NaN is not allowed (got nan)"),
    ("infinite cell", lambda: topsis([[1, 2], [3, -math.inf]], OK_W, OK_D), MCDAError,
     "matrix[1][1]: infinity is not allowed (got -inf)"),
    ("matrix type", lambda: topsis(5, OK_W, OK_D), MCDATypeError,  # type: ignore[arg-type]
     "matrix: expected a sequence of rows (got 5)"),
    ("no rows", lambda: topsis([], OK_W, OK_D), MCDAError,
     "matrix: needs at least one row (got [])"),
    ("first row type", lambda: topsis([5, [1, 2]], OK_W, OK_D), MCDATypeError,  # type: ignore[list-item]
     "matrix[0]: expected a sequence of numbers (a row) (got 5)"),
    ("no columns", lambda: topsis([[], []], OK_W, OK_D), MCDAError,
     "matrix[0]: needs at least one column (got [])"),
    ("second row type", lambda: topsis([[1, 2], 5], OK_W, OK_D), MCDATypeError,  # type: ignore[list-item]
     "matrix[1]: expected a sequence of numbers (a row) (got 5)"),
    ("ragged", lambda: topsis([[1, 2], [3]], OK_W, OK_D), MCDAError,
     "matrix[1]: has 1 values, expected 2 like matrix[0] (ragged matrix) (got [3])"),
    ("tuple row before a bad one", lambda: topsis([(1, 2), [3, math.nan]], OK_W, OK_D), MCDAError,
     "matrix[1][1]: NaN is not allowed (got nan)"),
    ("directions type", lambda: topsis(OK_M, OK_W, 5), MCDATypeError,  # type: ignore[arg-type]
     "directions: expected a sequence of +1/-1 or 'max'/'min' (got 5)"),
    ("directions length", lambda: topsis(OK_M, OK_W, [1]), MCDAError,
     "directions: has 1 values, expected 2 (one per column) (got [1])"),
    ("unknown direction", lambda: topsis(OK_M, OK_W, [1, "cost"]), MCDAError,
     "directions[1]: unknown direction; expected 'max' or 'min' (got 'cost')"),
    ("weights type", lambda: topsis(OK_M, 5, OK_D), MCDATypeError,  # type: ignore[arg-type]
     "weights: expected a sequence of non-negative numbers (got 5)"),
    ("weights length", lambda: topsis(OK_M, [1, 1, 1], OK_D), MCDAError,
     "weights: has 3 values, expected 2 (one per column) (got [1, 1, 1])"),
    ("negative weight", lambda: topsis(OK_M, [1, -1], OK_D), MCDAError,
     "weights[1]: weights must not be negative (got -1)"),
    ("zero weights", lambda: vikor(OK_M, [0, 0.0], OK_D), MCDAError,
     "weights: all weights are zero (got [0, 0.0])"),
    ("NaN weight", lambda: vikor(OK_M, [1, math.nan], OK_D), MCDAError,
     "weights[1]: NaN is not allowed (got nan)"),
    ("v", lambda: vikor(OK_M, OK_W, OK_D, v=1.5), MCDAError,
     "v: must be between 0 and 1 (got 1.5)"),
    ("not square", lambda: ahp([[1, 2, 3], [0.5, 1, 1]]), MCDAError,
     "pairwise: must be square; has 2 rows and 3 columns (got 2)"),
    ("zero judgement", lambda: ahp([[1, 0], [1, 1]]), MCDAError,
     "pairwise[0][1]: judgements must be positive (got 0.0)"),
    ("not reciprocal", lambda: ahp([[1, 2], [0.4, 1]]), MCDAError,
     "pairwise[0][1] and pairwise[1][0]: not reciprocal: a_ij · a_ji must be 1 (got (2.0, 0.4))"),
    ("random index", lambda: ahp([[1]], random_index="alonso"), MCDAError,  # type: ignore[arg-type]
     "random_index: only 'saaty' is available (got 'alonso')"),
    ("eleven criteria", lambda: ahp([[1] * 11 for _ in range(11)]), MCDAError,
     "pairwise: Saaty's random index is defined for 1 to 10 criteria (got 11)"),
    ("inconsistency weights length", lambda: ahp_inconsistencies(PAIR, [1]), MCDAError,
     "weights: has 1 values, expected 2 (one per row of pairwise) (got [1])"),
    ("inconsistency weight zero", lambda: ahp_inconsistencies(PAIR, [1, 0]), MCDAError,
     "weights[1]: weights must be positive (got 0)"),
    ("inconsistency weights type", lambda: ahp_inconsistencies(PAIR, 3), MCDATypeError,  # type: ignore[arg-type]
     "weights: expected a sequence of numbers (got 3)"),
    ("roc type", lambda: roc_weights(2.0), MCDATypeError,  # type: ignore[arg-type]
     "n: expected an int (got 2.0)"),
    ("roc count", lambda: roc_weights(0), MCDAError,
     "n: needs at least one criterion (got 0)"),
    ("ties", lambda: rank([1], ties="max"), MCDAError,  # type: ignore[arg-type]
     "ties: expected 'dense' or 'min' (got 'max')"),
    ("scores type", lambda: rank(None), MCDATypeError,  # type: ignore[arg-type]
     "scores: expected a sequence of numbers (got None)"),
    # A repr of exactly 80 characters is shown whole; one of 81 is cut to 77 and "...".
    ("80-character value", lambda: rank(["x" * 78]), MCDATypeError,  # type: ignore[list-item]
     f"scores[0]: expected a real number (got '{'x' * 78}')"),
    ("81-character value", lambda: rank(["x" * 79]), MCDATypeError,  # type: ignore[list-item]
     f"scores[0]: expected a real number (got '{'x' * 76}...)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_every_error_message_word_for_word(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    """What a caller reads: the argument, the position, the problem and the value shown."""
    with pytest.raises(MCDAError) as info:
        call()
    assert type(info.value) is error
    assert str(info.value) == message


def test_an_object_with_getitem_but_no_len_is_not_a_matrix() -> None:
    """Both ``__len__`` and ``__getitem__`` make a sequence; one of them is not enough."""
    with pytest.raises(MCDATypeError, match=r"^matrix: expected a sequence of rows \(got <"):
        topsis(OnlyGetitem(), OK_W, OK_D)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- slow paths

MATRIX = [[5.0, 8.0, 4.0], [7.0, 6.0, 8.0], [8.0, 8.0, 6.0], [7.0, 4.0, 6.0]]
WEIGHTS = [0.3, 0.4, 0.3]
DIRECTIONS = [1, -1, 1]


@pytest.mark.parametrize(
    "directions",
    [
        # Each form of each direction, in a list the fast lookup cannot read (" Max ").
        [Direction.MAX, -1, " Max "],
        [1, Direction.MIN, "max"],
        ["MAX", "min", Direction.MAX],
        Seq([1, -1, 1]),
    ],
)
def test_slow_direction_parsing_gives_the_same_directions(directions: Any) -> None:
    """Directions read one at a time mean what the plain ``[1, -1, 1]`` means."""
    want = topsis(MATRIX, WEIGHTS, DIRECTIONS)
    assert topsis(MATRIX, WEIGHTS, directions) == want
    assert dominators(MATRIX, directions) == dominators(MATRIX, DIRECTIONS)


def test_all_min_directions_read_slowly() -> None:
    """A slow-path list of minimised columns: every one is a cost."""
    dirs = [Direction.MIN, -1, " min "]
    assert topsis(MATRIX, WEIGHTS, dirs) == topsis(MATRIX, WEIGHTS, [-1, -1, -1])


@pytest.mark.parametrize(
    "matrix",
    [
        Seq([Seq(row) for row in MATRIX]),
        Seq(MATRIX),
        [Seq(MATRIX[0]), *MATRIX[1:]],
        [tuple(MATRIX[0]), *MATRIX[1:3], Seq(MATRIX[3])],
    ],
)
def test_slow_matrix_validation_keeps_every_row(matrix: Any) -> None:
    """A matrix validated row by row scores like the same list of lists."""
    assert topsis(matrix, WEIGHTS, DIRECTIONS) == topsis(MATRIX, WEIGHTS, DIRECTIONS)
    assert vikor(matrix, WEIGHTS, DIRECTIONS) == vikor(MATRIX, WEIGHTS, DIRECTIONS)


def test_rows_whose_total_overflows_are_kept_whole() -> None:
    """Rows summing past the largest float take the per-row path and still score."""
    matrix = [(1e308, 1e308), [1.0, 2.0], (2.0, 1.0)]
    got = topsis(matrix, [1, 1], [1, 1])
    want = topsis([[1.0, 1.0], [1e-308, 2e-308], [2e-308, 1e-308]], [1, 1], [1, 1])
    assert got == pytest.approx(want, rel=1e-12, abs=0)


def test_weights_read_slowly_are_normalised_the_same() -> None:
    """Weights in a non-list sequence are divided by their total, not multiplied."""
    assert topsis(MATRIX, Seq([3, 4, 3]), DIRECTIONS) == pytest.approx(
        topsis(MATRIX, WEIGHTS, DIRECTIONS), abs=1e-15
    )
    assert vikor(MATRIX, Seq([3, 4, 3]), DIRECTIONS).s == pytest.approx(
        vikor(MATRIX, WEIGHTS, DIRECTIONS).s, abs=1e-15
    )


# --------------------------------------------------------------------------- boundaries


def test_rank_ties_at_exactly_the_tolerance() -> None:
    """A difference of exactly 1e-12 (on the absolute floor) still ties; 1.5e-12 does not."""
    assert rank([1e-12, 0.0]).ties == ((0, 1),)
    assert rank([0.0, 1e-12], higher_is_better=False).ties == ((0, 1),)
    assert rank([1.5e-12, 0.0]).ranks == (1, 2)


def test_rank_tolerance_is_absolute_below_one() -> None:
    """Scores near 0 tie within 1e-12 absolute, not within 1e-12 of their own size."""
    assert rank([1e-13, 0.0]).ties == ((0, 1),)
    assert rank([3e-13, 2e-13, 0.0]).ranks == (1, 1, 1)


@pytest.mark.parametrize(
    ("weights", "flat"),
    [
        ([1e-12, 1 - 1e-12], True),  # spread of s and r exactly 1e-12: equal, q is 0
        ([1e-13, 1.0], True),  # far below 1e-12 but large relative to itself
        ([1.5e-12, 1.0], False),  # just above the tolerance
    ],
)
def test_vikor_spread_tolerance_is_absolute_on_the_unit_scale(
    weights: list[float], flat: bool
) -> None:
    """S and R live in [0, 1]: all equal within 1e-12 absolute gives q = 0 for every row."""
    got = vikor([[1.0, 5.0], [2.0, 5.0]], weights, [1, 1])
    assert max(got.s) - min(got.s) == pytest.approx(weights[0] / math.fsum(weights))
    assert got.q == ((0.0, 0.0) if flat else (1.0, 0.0))


def test_topsis_rescales_a_column_whose_factor_underflows_to_zero() -> None:
    """A weight of 5e-324 over a column of 1e10s: the factor is 0 until the column is rescaled."""
    assert topsis([[1e10, 1.0], [2e10, 1.0]], [5e-324, 1], [1, 1]) == (0.0, 1.0)


def test_ahp_consistency_index_follows_its_formula_for_two_criteria() -> None:
    """CI = max(0, (λ − n)/(n − 1)) for n = 2 too: 2.5 leaves float noise in λ, kept as is."""
    result = ahp([[1, 2.5], [0.4, 1]])
    assert result.consistency_index == max(0.0, result.lambda_max - 2.0)
    assert result.lambda_max > 2.0  # the noise this example exists for
    assert ahp([[1.0]]).consistency_index == 0.0


def test_dominators_finds_a_dominator_sorted_after_it() -> None:
    """Equal rounded sums: the dominator may come after the row it dominates in sum order."""
    assert dominators([[0.3, 1.0], [0.30000000000000004, 1.0]], ["max", "max"]) == ((1,), ())
    assert dominators([[1e20, 0.0], [1e20, 1.0]], ["max", "max"]) == ((1,), ())
    rows = [[1e20, 0.0], [1e20, 1.0], [1e20, 2.0]]
    assert dominators(rows, ["max", "max"]) == ((1, 2), (2,), ())


# --------------------------------------------------------------------------- extreme judgements

BIG = 1.7976931348623157e308


def test_ahp_with_judgements_near_the_largest_float_words_its_errors() -> None:
    """Too extreme to sum, or too extreme to settle: each documented error, word for word."""
    m = 1.7e308
    circle = [
        [1.0, m, m, 1 / m],
        [1 / m, 1.0, m, m],
        [1 / m, 1 / m, 1.0, m],
        [m, 1 / m, 1 / m, 1.0],
    ]
    with pytest.raises(MCDAError) as info:
        ahp(circle)
    assert str(info.value) == "pairwise: judgements too extreme to compute an eigenvector (got 4)"
    restless = [
        [1.0, 1 / BIG, BIG, 9.0],
        [BIG, 1.0, 1 / BIG, 1.0],
        [1 / BIG, BIG, 1.0, 1 / 9],
        [1 / 9, 1.0, 9.0, 1.0],
    ]
    with pytest.raises(MCDAError) as info:
        ahp(restless)
    assert str(info.value) == "pairwise: power iteration did not converge (got 4)"


def test_ahp_starts_from_the_row_geometric_means() -> None:
    """1e200 against 1e-200 is extreme but fine: the start vector must not overflow."""
    result = ahp([[1, 1e200], [1e-200, 1]])
    assert result.weights == pytest.approx((1.0, 1e-200), rel=1e-12)
    assert result.lambda_max == 2.0
    # Geometric means of 1e205 here: normalised before the first step, they cannot overflow.
    result = ahp([[1, 1e308, 1e308], [1e-308, 1, 1], [1e-308, 1, 1]])
    assert result.weights == pytest.approx((1.0, 1e-308, 1e-308), rel=1e-12)
    assert result.consistency_ratio == 0.0


def test_ahp_inconsistencies_report_the_implied_ratio() -> None:
    """``implied`` is w_i / w_j; the deviation is |ln(given / implied)|."""
    (item,) = ahp_inconsistencies([[1, 2], [0.5, 1]], [0.8, 0.2])
    assert (item.i, item.j, item.given) == (0, 1, 2.0)
    assert item.implied == pytest.approx(4.0)
    assert item.deviation == pytest.approx(math.log(2))


def test_topsis_keeps_scoring_after_a_column_that_rounds_alike() -> None:
    """A column whose weighted values all round alike is skipped; the columns after it count."""
    matrix = [[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.01, 1.0]]
    assert topsis(matrix, [5e-324, 1], [1, 1]) == (0.0, 0.0, 0.0, 0.0, 1.0)


# --------------------------------------------------------------------------- added after the second run


@pytest.mark.parametrize(
    ("directions", "error", "message"),
    [
        ([1.0, 1], MCDATypeError,
         "directions[0]: expected +1, -1, 'max', 'min' or a Direction (got 1.0)"),
        ([-1.0, 1], MCDATypeError,
         "directions[0]: expected +1, -1, 'max', 'min' or a Direction (got -1.0)"),
        ([True, 1], MCDATypeError,
         "directions[0]: expected +1, -1, 'max' or 'min', not a bool (got True)"),
        ([2, 1], MCDAError,
         "directions[0]: expected +1 (more is better) or -1 (less is better) (got 2)"),
        ([-2, 1], MCDAError,
         "directions[0]: expected +1 (more is better) or -1 (less is better) (got -2)"),
    ],
)  # fmt: skip
def test_slow_directions_take_only_plus_or_minus_one(
    directions: list[Any], error: type[Exception], message: str
) -> None:
    """Read one at a time, a direction equal to ±1 but not the int (1.0, True) or ±2 is refused."""
    with pytest.raises(MCDAError) as info:
        topsis(OK_M, OK_W, directions)
    assert type(info.value) is error
    assert str(info.value) == message


def test_an_infinite_weight_in_a_list_is_refused() -> None:
    """The fast weight path must not accept an infinite total (fsum of an inf is inf)."""
    with pytest.raises(MCDAError) as info:
        topsis(OK_M, [math.inf, 1], OK_D)
    assert str(info.value) == "weights[0]: infinity is not allowed (got inf)"


def test_rank_tolerance_takes_the_larger_magnitude_of_the_two() -> None:
    """Scores 5000 apart near 5e15 tie only against 1e-12 of the larger of the pair.

    1e-12 × 4999999999999999 is just under 5000 and 1e-12 × 5000000000004999 just over it, so
    the pair ties whichever of the two is the group's first.
    """
    small, large = 4999999999999999.0, 5000000000004999.0
    assert rank([large, small]).ties == ((0, 1),)
    assert rank([small, large], higher_is_better=False).ties == ((0, 1),)


def test_a_matrix_read_row_by_row_keeps_its_integers_exact() -> None:
    """Dominance compares exactly: rows of ints in a non-list matrix are not rounded to floats."""
    for rows in ([[2**53 + 1], [2**53]], [[2**53 + 1, 0.5], [2**53, 0.5]]):
        assert dominators(rows, [1] * len(rows[0])) == ((), (0,))
        assert dominators(Seq(rows), [1] * len(rows[0])) == ((), (0,))
