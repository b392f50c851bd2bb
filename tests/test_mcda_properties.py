"""Property-based tests for antiage_compare.mcda.

The naive reference implementations below follow the textbook formulas literally (one
element at a time, no precomputed factors). They live here, not in src, so the fast path
in ``mcda.py`` is always checked against something obviously correct.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from antiage_compare.errors import MCDAError
from antiage_compare.mcda import (
    Direction,
    ahp,
    dominators,
    rank,
    roc_weights,
    topsis,
    vikor,
)

# Single properties run the active profile's example count; properties parametrised over
# several methods run a third of it per method, so the files stay fast on the default
# "dev" profile and still scale with HYPOTHESIS_PROFILE=ci / fuzz.
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
PER_METHOD = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=max(10, settings.default.max_examples // 3),
)

# --------------------------------------------------------------------------- reference


def ref_benefit(d: Any) -> bool:
    """Reference direction parsing: True for a benefit (max) column."""
    return {1: True, -1: False, "max": True, "min": False}[
        d.value if isinstance(d, Direction) else d
    ]


def ref_topsis(
    matrix: Sequence[Sequence[float]], weights: Sequence[float], directions: Sequence[Any]
) -> list[float]:
    """Hwang & Yoon TOPSIS as printed: vector-normalise, weight, distances, closeness."""
    m, n = len(matrix), len(matrix[0])
    total = math.fsum(weights)
    w = [x / total for x in weights]
    v = [[0.0] * n for _ in range(m)]
    for j in range(n):
        norm = math.sqrt(sum(matrix[i][j] ** 2 for i in range(m)))
        for i in range(m):
            v[i][j] = w[j] * (matrix[i][j] / norm if norm else 0.0)
    ideal, anti = [], []
    for j in range(n):
        col = [v[i][j] for i in range(m)]
        if ref_benefit(directions[j]):
            ideal.append(max(col))
            anti.append(min(col))
        else:
            ideal.append(min(col))
            anti.append(max(col))
    out = []
    for i in range(m):
        d_plus = math.sqrt(sum((v[i][j] - ideal[j]) ** 2 for j in range(n)))
        d_minus = math.sqrt(sum((v[i][j] - anti[j]) ** 2 for j in range(n)))
        out.append(0.5 if d_plus + d_minus == 0 else d_minus / (d_plus + d_minus))
    return out


def ref_vikor(
    matrix: Sequence[Sequence[float]],
    weights: Sequence[float],
    directions: Sequence[Any],
    v: float = 0.5,
) -> tuple[list[float], list[float], list[float]]:
    """VIKOR as in Opricovic & Tzeng (2004), with the documented handling of 0/0."""
    m, n = len(matrix), len(matrix[0])
    total = math.fsum(weights)
    w = [x / total for x in weights]
    s, r = [], []
    for i in range(m):
        terms = []
        for j in range(n):
            col = [matrix[k][j] for k in range(m)]
            best, worst = (
                (max(col), min(col)) if ref_benefit(directions[j]) else (min(col), max(col))
            )
            terms.append(0.0 if best == worst else w[j] * (best - matrix[i][j]) / (best - worst))
        s.append(sum(terms))
        r.append(max(terms))

    def part(values: list[float], i: int) -> float:
        lo, hi = min(values), max(values)
        if hi - lo <= 1e-12 * max(1.0, abs(lo), abs(hi)):
            return 0.0
        return (values[i] - lo) / (hi - lo)

    q = [v * part(s, i) + (1 - v) * part(r, i) for i in range(m)]
    return s, r, q


def ref_ahp_weights(a: Sequence[Sequence[float]]) -> tuple[list[float], float]:
    """Plain power iteration from the uniform vector; lambda from (Aw)_i / w_i averaged."""
    n = len(a)
    w = [1.0 / n] * n
    for _ in range(100_000):
        aw = [sum(a[i][j] * w[j] for j in range(n)) for i in range(n)]
        new = [x / sum(aw) for x in aw]
        done = max(abs(x - y) for x, y in zip(new, w, strict=True)) < 1e-15
        w = new
        if done:
            break
    aw = [sum(a[i][j] * w[j] for j in range(n)) for i in range(n)]
    return w, sum(aw[i] / w[i] for i in range(n)) / n


def ref_dominates(a: Sequence[float], b: Sequence[float], directions: Sequence[Any]) -> bool:
    """At least as good everywhere, strictly better somewhere."""
    better = False
    for x, y, d in zip(a, b, directions, strict=True):
        gain = (x - y) if ref_benefit(d) else (y - x)
        if gain < 0:
            return False
        better = better or gain > 0
    return better


# --------------------------------------------------------------------------- strategies

DIRECTIONS = st.sampled_from([1, -1, "max", "min", Direction.MAX, Direction.MIN])
# Grid values keep the problems well conditioned (differences are never at ulp level),
# so the fast path and the reference must agree to 1e-12, while ties and constant
# columns still occur often.
GRID = st.integers(-400, 400).map(lambda k: k / 4)
WEIGHT = st.integers(0, 10).map(float)
FINITE = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def problems(
    draw: st.DrawFn,
    values: st.SearchStrategy[float] = GRID,
    min_rows: int = 1,
    max_rows: int = 7,
    max_cols: int = 5,
) -> tuple[list[list[float]], list[float], list[Any]]:
    """A rectangular matrix, non-negative weights (not all zero) and directions."""
    n_rows = draw(st.integers(min_rows, max_rows))
    n_cols = draw(st.integers(1, max_cols))
    matrix = draw(
        st.lists(
            st.lists(values, min_size=n_cols, max_size=n_cols), min_size=n_rows, max_size=n_rows
        )
    )
    weights = draw(st.lists(WEIGHT, min_size=n_cols, max_size=n_cols).filter(lambda w: sum(w) > 0))
    directions = draw(st.lists(DIRECTIONS, min_size=n_cols, max_size=n_cols))
    return matrix, weights, directions


# --------------------------------------------------------------------------- equivalence


@FAST
@given(problem=problems())
def test_topsis_fast_path_equals_reference(problem: tuple[Any, Any, Any]) -> None:
    """The optimised topsis equals the textbook reference to 1e-12."""
    matrix, weights, directions = problem
    assert topsis(matrix, weights, directions) == pytest.approx(
        ref_topsis(matrix, weights, directions), abs=1e-12
    )


@FAST
@given(problem=problems(), v=st.sampled_from([0.0, 0.25, 0.5, 1.0]))
def test_vikor_fast_path_equals_reference(problem: tuple[Any, Any, Any], v: float) -> None:
    """The optimised vikor equals the Opricovic & Tzeng reference to 1e-12."""
    matrix, weights, directions = problem
    got = vikor(matrix, weights, directions, v=v)
    s, r, q = ref_vikor(matrix, weights, directions, v)
    assert got.s == pytest.approx(s, abs=1e-12)
    assert got.r == pytest.approx(r, abs=1e-12)
    assert got.q == pytest.approx(q, abs=1e-12)


SAATY_SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]


@st.composite
def pairwise_matrices(draw: st.DrawFn, max_n: int = 8) -> list[list[float]]:
    """Random reciprocal matrices on Saaty's 1-9 scale."""
    n = draw(st.integers(1, max_n))
    a = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a[i][j] = draw(st.sampled_from(SAATY_SCALE))
            a[j][i] = 1 / a[i][j]
    return a


@FAST
@given(a=pairwise_matrices())
def test_ahp_equals_reference_power_iteration(a: list[list[float]]) -> None:
    """AHP weights and lambda_max equal a plain power iteration; CR uses Saaty's RI."""
    result = ahp(a)
    w, lam = ref_ahp_weights(a)
    assert result.weights == pytest.approx(w, abs=1e-9)
    assert result.lambda_max == pytest.approx(lam, rel=1e-9)
    assert math.fsum(result.weights) == pytest.approx(1.0, abs=1e-12)
    assert result.consistency_index >= 0.0
    assert result.lambda_max >= len(a) - 1e-9


@FAST
@given(scores=st.lists(st.integers(0, 6).map(lambda k: k / 4), max_size=12), higher=st.booleans())
def test_rank_equals_reference(scores: list[float], higher: bool) -> None:
    """Dense and competition ranks and tie groups match their definitions on exact ties."""
    sign = 1 if higher else -1
    dense = rank(scores, higher_is_better=higher)
    comp = rank(scores, higher_is_better=higher, ties="min")
    for i, x in enumerate(scores):
        better = [y for y in scores if sign * y > sign * x]
        assert dense.ranks[i] == 1 + len(set(better))
        assert comp.ranks[i] == 1 + len(better)
    groups = sorted({x for x in scores if scores.count(x) > 1}, key=lambda x: -sign * x)
    expected = tuple(tuple(i for i, y in enumerate(scores) if y == x) for x in groups)
    assert dense.ties == expected
    assert comp.ties == expected


@given(n=st.integers(1, 60))
def test_roc_weights_equal_reference(n: int) -> None:
    """ROC weights equal (1/n) Σ_{i=k..n} 1/i, decrease, and sum to 1."""
    want = [sum(1 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]
    got = roc_weights(n)
    assert got == pytest.approx(want, abs=1e-14)
    assert all(a > b for a, b in itertools.pairwise(got))
    assert math.fsum(got) == pytest.approx(1.0, abs=1e-12)


# --------------------------------------------------------------------------- properties


@FAST
@given(problem=problems(values=st.floats(-1e9, 1e9)))
def test_topsis_scores_in_unit_interval(problem: tuple[Any, Any, Any]) -> None:
    """TOPSIS closeness is always within [0, 1], for any finite data."""
    for c in topsis(*problem):
        assert 0.0 <= c <= 1.0


@pytest.mark.parametrize("method", ["topsis", "vikor"])
@PER_METHOD
@given(data=st.data())
def test_permuting_rows_permutes_scores(method: str, data: st.DataObject) -> None:
    """Scores follow their rows: permuting the rows permutes the scores the same way."""
    matrix, weights, directions = data.draw(problems())
    perm = data.draw(st.permutations(range(len(matrix))))
    shuffled = [matrix[p] for p in perm]
    run = _method(method)
    before, after = run(matrix, weights, directions), run(shuffled, weights, directions)
    assert after == pytest.approx([before[p] for p in perm], abs=1e-12)


def _method(method: str) -> Callable[..., Sequence[float]]:
    if method == "topsis":
        return topsis
    return lambda m, w, d: vikor(m, w, d).q


@pytest.mark.parametrize("method", ["topsis", "vikor"])
@PER_METHOD
@given(data=st.data(), c=st.floats(1e-6, 1e6))
def test_scaling_weights_changes_nothing(method: str, data: st.DataObject, c: float) -> None:
    """Only weight ratios matter: multiplying all weights by c > 0 leaves scores unchanged."""
    matrix, weights, directions = data.draw(problems())
    run = _method(method)
    scaled = [w * c for w in weights]
    assert run(matrix, scaled, directions) == pytest.approx(
        run(matrix, weights, directions), abs=1e-12
    )


@pytest.mark.parametrize("method", ["topsis", "vikor"])
@PER_METHOD
@given(data=st.data())
def test_zero_weight_column_has_no_effect(method: str, data: st.DataObject) -> None:
    """Appending any column with weight 0 leaves every score unchanged."""
    matrix, weights, directions = data.draw(problems())
    extra = data.draw(st.lists(GRID, min_size=len(matrix), max_size=len(matrix)))
    direction = data.draw(DIRECTIONS)
    wider = [[*row, x] for row, x in zip(matrix, extra, strict=True)]
    run = _method(method)
    got = run(wider, [*weights, 0], [*directions, direction])
    assert got == pytest.approx(_method(method)(matrix, weights, directions), abs=1e-12)


# --------------------------------------------------------------------------- invalid input


BAD_VALUES = st.sampled_from([math.nan, math.inf, -math.inf, "1", None, True, [1.0], 10**400])


@st.composite
def broken_calls(draw: st.DrawFn) -> tuple[str, int, Any, Any, Any]:
    """A valid problem with exactly one thing broken (value, shape, length or direction)."""
    matrix, weights, directions = draw(problems(max_rows=4, max_cols=4))
    matrix = [list(r) for r in matrix]
    weights = list(weights)
    directions = list(directions)
    n_rows, n_cols = len(matrix), len(matrix[0])
    kind = draw(
        st.sampled_from(
            ["cell", "ragged", "empty", "empty_row", "weights_len", "weight_value",
             "neg_weight", "zero_weights", "dirs_len", "dir_value", "not_sequence"]
        )
    )  # fmt: skip
    if kind == "cell":
        matrix[draw(st.integers(0, n_rows - 1))][draw(st.integers(0, n_cols - 1))] = draw(
            BAD_VALUES
        )
    elif kind == "ragged":
        row = draw(st.integers(0, n_rows - 1))
        matrix[row] = matrix[row][:-1] if draw(st.booleans()) else [*matrix[row], 1.0]
    elif kind == "empty":
        matrix = []
    elif kind == "empty_row":
        matrix = [[] for _ in range(n_rows)]
    elif kind == "weights_len":
        weights = weights[:-1] if draw(st.booleans()) else [*weights, 1.0]
    elif kind == "weight_value":
        weights[draw(st.integers(0, n_cols - 1))] = draw(BAD_VALUES)
    elif kind == "neg_weight":
        weights[draw(st.integers(0, n_cols - 1))] = -draw(st.floats(1e-9, 10))
    elif kind == "zero_weights":
        weights = [0.0] * n_cols
    elif kind == "dirs_len":
        directions = directions[:-1] if draw(st.booleans()) else [*directions, 1]
    elif kind == "dir_value":
        directions[draw(st.integers(0, n_cols - 1))] = draw(
            st.sampled_from([0, 2, -2, "cost", "benefit", "mx", "", None, 1.0, True, math.nan])
        )
    else:
        which = draw(st.integers(0, 2))
        bad = draw(st.sampled_from([None, 3, 1.5, "abc", b"ab"]))
        matrix, weights, directions = [
            bad if k == which else x for k, x in enumerate((matrix, weights, directions))
        ]
    return kind, n_cols, matrix, weights, directions


METHODS: dict[str, Callable[..., object]] = {
    "topsis": topsis,
    "vikor": vikor,
    "dominators": lambda m, w, d: dominators(m, d),
}


WEIGHT_KINDS = {"weights_len", "weight_value", "neg_weight", "zero_weights"}


@pytest.mark.parametrize("method", list(METHODS))
@PER_METHOD
@given(call=broken_calls())
def test_every_invalid_input_raises_mcda_error(
    method: str, call: tuple[str, int, Any, Any, Any]
) -> None:
    """Broken inputs raise MCDAError, never ZeroDivisionError, IndexError, KeyError, ...

    ``dominators`` takes no weights, so a broken weight is not an input to it.
    """
    kind, _, matrix, weights, directions = call
    func = METHODS[method]
    args = (matrix, weights, directions)
    if method == "dominators" and kind in WEIGHT_KINDS and not isinstance(weights, str | bytes):
        func(*args)  # must simply work
        return
    if (
        method == "dominators"
        and kind == "not_sequence"
        and not _broken_matrix_or_dirs(matrix, directions)
    ):
        func(*args)
        return
    with pytest.raises(MCDAError):
        func(*args)


def _broken_matrix_or_dirs(matrix: Any, directions: Any) -> bool:
    return not isinstance(matrix, list) or not isinstance(directions, list)


@FAST
@given(problem=problems(values=FINITE, max_rows=4, max_cols=3))
def test_any_finite_data_scores_finitely(problem: tuple[Any, Any, Any]) -> None:
    """Over the whole float range TOPSIS and VIKOR give finite scores, never NaN."""
    matrix, weights, directions = problem
    assert all(math.isfinite(c) for c in topsis(matrix, weights, directions))
    assert all(math.isfinite(q) for q in vikor(matrix, weights, directions).q)


@FAST
@given(
    a=pairwise_matrices(max_n=4),
    i=st.integers(0, 3),
    j=st.integers(0, 3),
    bad=st.sampled_from([0.0, -1.0, math.nan, math.inf, 2.5, "x", None]),
)
def test_ahp_invalid_judgements_raise_mcda_error(
    a: list[list[float]], i: int, j: int, bad: Any
) -> None:
    """Breaking one judgement (non-positive, non-finite, non-reciprocal, wrong type) raises."""
    n = len(a)
    assume(i < n and j < n)
    assume(not (isinstance(bad, float) and i != j and bad * a[j][i] == 1.0))
    a[i][j] = bad
    with pytest.raises(MCDAError):
        ahp(a)


# --------------------------------------------------------------------------- peers


def _random_problem(seed: int) -> tuple[list[list[float]], list[float], list[int]]:
    rng = random.Random(seed)
    m, n = rng.randint(2, 12), rng.randint(1, 8)
    matrix = [[rng.uniform(0.5, 100.0) for _ in range(n)] for _ in range(m)]
    weights = [rng.uniform(0.1, 1.0) for _ in range(n)]
    total = sum(weights)
    weights = [w / total for w in weights]
    return matrix, weights, [rng.choice([1, -1]) for _ in range(n)]


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_cross_check_pymcdm(seed: int) -> None:
    """Topsis and vikor equal pymcdm 1.4 to 1e-9."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("pymcdm")
    from pymcdm import methods as pm
    from pymcdm import normalizations as pn

    matrix, weights, types = _random_problem(seed)
    arr, w, t = np.array(matrix), np.array(weights), np.array(types)
    assert topsis(matrix, weights, types) == pytest.approx(
        list(pm.TOPSIS(pn.vector_normalization)(arr, w, t, validation=False)), abs=1e-9
    )
    if len(matrix) > 1:
        q = pm.VIKOR()(arr, w, t, validation=False)
        assert vikor(matrix, weights, types).q == pytest.approx(list(q), abs=1e-9)


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_cross_check_scikit_criteria(seed: int) -> None:
    """Topsis and vikor (S, R, Q) equal scikit-criteria 0.10 to 1e-9."""
    skc = pytest.importorskip("skcriteria")
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.preprocessing.scalers import VectorScaler

    matrix, weights, types = _random_problem(seed)
    objectives = [max if t == 1 else min for t in types]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dm = skc.mkdm(matrix, objectives, weights=weights)
        similarity = TOPSIS().evaluate(VectorScaler(target="matrix").transform(dm)).e_.similarity
        vk = VIKOR().evaluate(dm).e_
    assert topsis(matrix, weights, types) == pytest.approx(list(similarity), abs=1e-9)
    ours = vikor(matrix, weights, types)
    assert ours.s == pytest.approx(list(vk.s_k), abs=1e-9)
    assert ours.r == pytest.approx(list(vk.r_k), abs=1e-9)
    assert ours.q == pytest.approx(list(vk.q_k), abs=1e-9)


#: Values that make equal and near-equal row sums common: 0.1 + 0.2 is 0.30000000000000004.
NEAR_EQUAL = st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.6, 1.0])


@st.composite
def dominance_problems(draw: st.DrawFn) -> tuple[list[list[float]], list[str]]:
    """A small matrix of float cells in [0, 1] (often near-equal) and one direction per column."""
    n = draw(st.integers(1, 6))
    m = draw(st.integers(1, 4))
    cell = st.floats(0, 1) | NEAR_EQUAL
    matrix = draw(st.lists(st.lists(cell, min_size=m, max_size=m), min_size=n, max_size=n))
    directions = draw(st.lists(st.sampled_from(["max", "min"]), min_size=m, max_size=m))
    return matrix, directions


@given(dominance_problems())
# The review's reproductions (code-review.md §1.4-2): both rows' fsum rounds to the same float,
# so the dominator sorts before the row it dominates with an equal sum.
@example(([[0.30000000000000004, 1.0], [0.3, 1.0]], ["max", "max"]))
@example(([[1e20, 1.0], [1e20, 0.0]], ["max", "max"]))
@example(([[0.3, 0.0], [0.30000000000000004, 0.0]], ["min", "min"]))
@example(([[0.1, 0.2, 0.30000000000000004], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1]], ["max"] * 3))
def test_dominators_agrees_with_the_reference(problem: tuple[list[list[float]], list[str]]) -> None:
    """dominators() lists exactly the rows that dominate each row (a plain pairwise reference)."""
    from antiage_compare.mcda import dominators

    matrix, directions = problem
    got = dominators(matrix, directions)
    for i, row in enumerate(matrix):
        expected = tuple(
            k for k, other in enumerate(matrix) if k != i and ref_dominates(other, row, directions)
        )
        assert got[i] == expected, (i, matrix)


def test_dominators_finds_a_dominator_whose_sum_rounds_equal() -> None:
    """The review's two cases, spelled out: each second row is dominated by the first."""
    from antiage_compare.mcda import dominators

    assert dominators([[0.30000000000000004, 1.0], [0.3, 1.0]], ["max", "max"]) == ((), (0,))
    assert dominators([[1e20, 1.0], [1e20, 0.0]], ["max", "max"]) == ((), (0,))


# --------------------------------------------------------------------------- extreme magnitudes

#: The largest float, and cells near it: sums and totals of two of them overflow.
BIG = sys.float_info.max
NEAR_MAX = st.floats(1e306, BIG) | st.sampled_from([BIG, -BIG, 1e308, -1e308])
WHOLE_RANGE = FINITE | NEAR_MAX | st.floats(-BIG, -1e306)


@st.composite
def extreme_dominance_problems(draw: st.DrawFn) -> tuple[list[list[float]], list[str]]:
    """A small matrix whose cells span the whole float range, often near the largest float."""
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 4))
    cell = NEAR_MAX | WHOLE_RANGE | st.sampled_from([0.0, 1.0])
    matrix = draw(st.lists(st.lists(cell, min_size=m, max_size=m), min_size=n, max_size=n))
    directions = draw(st.lists(st.sampled_from(["max", "min"]), min_size=m, max_size=m))
    return matrix, directions


@FAST
@given(extreme_dominance_problems())
@example(([[1e308, 1e308], [1e308, 1.7e308]], ["max", "max"]))
@example(([[BIG, BIG, BIG], [BIG, BIG, 0.0]], ["max", "max", "max"]))
@example(([[-BIG, -BIG], [0.0, 0.0]], ["max", "max"]))
def test_dominators_near_the_largest_float(problem: tuple[list[list[float]], list[str]]) -> None:
    """Rows whose sums overflow a float still get exactly their dominators, no OverflowError."""
    matrix, directions = problem
    got = dominators(matrix, directions)
    for i, row in enumerate(matrix):
        expected = tuple(
            k for k, other in enumerate(matrix) if k != i and ref_dominates(other, row, directions)
        )
        assert got[i] == expected, (i, matrix)


@pytest.mark.parametrize("method", ["topsis", "vikor"])
@PER_METHOD
@given(data=st.data())
def test_weights_near_the_largest_float(method: str, data: st.DataObject) -> None:
    """Weights whose total overflows a float score like the same weights scaled down.

    Only the ratios of the weights matter, so ``[1e308, 1e308]`` is ``[1, 1]``.
    """
    matrix, _, directions = data.draw(problems())
    weights = data.draw(
        st.lists(NEAR_MAX.map(abs), min_size=len(directions), max_size=len(directions))
    )
    top = max(weights)
    run = _method(method)
    assert run(matrix, weights, directions) == pytest.approx(
        run(matrix, [w / top for w in weights], directions), abs=1e-12
    )


#: Judgements near the largest float and their reciprocals, with Saaty's scale.
EXTREME_JUDGEMENTS = st.sampled_from([BIG, 1.7e308, 1e300, 1e200, *SAATY_SCALE])


@settings(deadline=None, max_examples=25)
@given(data=st.data())
@example(data=None)
def test_ahp_with_judgements_near_the_largest_float(data: st.DataObject | None) -> None:
    """Extreme judgements give finite weights or a documented MCDAError, never OverflowError.

    Near the largest float the power iteration can also stop converging (10,000 steps): that is
    the other documented MCDAError.
    """
    if data is None:  # four criteria, each far more important than the next, round in a circle
        m = 1.7e308
        a = [[1.0, m, m, 1 / m], [1 / m, 1.0, m, m], [1 / m, 1 / m, 1.0, m], [m, 1 / m, 1 / m, 1.0]]
    else:
        n = data.draw(st.integers(2, 6))
        a = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                x = data.draw(EXTREME_JUDGEMENTS)
                a[i][j], a[j][i] = (x, 1 / x) if data.draw(st.booleans()) else (1 / x, x)
    try:
        result = ahp(a)
    except MCDAError as exc:
        assert str(exc).startswith(
            (
                "pairwise: judgements too extreme to compute an eigenvector",
                "pairwise: power iteration did not converge",
            )
        )
    else:
        assert all(math.isfinite(w) and w >= 0 for w in result.weights)
        assert math.fsum(result.weights) == pytest.approx(1.0)


@FAST
@given(
    a=pairwise_matrices(max_n=5),
    weights=st.lists(st.floats(5e-324, BIG) | st.sampled_from([5e-324, 1e-308, BIG]), min_size=5),
)
def test_ahp_inconsistencies_with_weights_far_apart(
    a: list[list[float]], weights: list[float]
) -> None:
    """Any positive finite weights give finite deviations, |ln a_ij − ln w_i + ln w_j|."""
    from antiage_compare.mcda import ahp_inconsistencies

    n = len(a)
    ws = weights[:n]
    items = ahp_inconsistencies(a, ws)
    assert len(items) == n * (n - 1) // 2
    for item in items:
        want = abs(math.log(a[item.i][item.j]) - math.log(ws[item.i]) + math.log(ws[item.j]))
        assert item.deviation == pytest.approx(want, rel=1e-9, abs=1e-9)
    assert [x.deviation for x in items] == sorted((x.deviation for x in items), reverse=True)


@FAST
@given(
    problem=problems(values=FINITE, max_rows=6, max_cols=3),
    tiny=st.sampled_from([5e-324, 1e-323, 2e-323]),
)
@example(
    problem=([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.01, 0.0]], [1.0, 1.0], [1, 1]),
    tiny=5e-324,
)
def test_topsis_with_a_weight_that_underflows(problem: tuple[Any, Any, Any], tiny: float) -> None:
    """A subnormal weight beside ordinary ones: scores stay in [0, 1], no ZeroDivisionError.

    The first column's weight is so small that its weighted values may all round to one number;
    such a column can separate no rows, like a constant one.
    """
    matrix, weights, directions = problem
    weights = [tiny, *weights[1:]]
    scores = topsis(matrix, weights, directions)
    assert all(0.0 <= c <= 1.0 for c in scores)
