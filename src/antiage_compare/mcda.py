"""Pure multi-criteria decision analysis (MCDA): TOPSIS, VIKOR, ranking, dominance and AHP.

Everything here is a pure function of plain Python numbers: no catalogue knowledge, no
numpy, no I/O. A *matrix* is a sequence of rows (one per alternative, e.g. a treatment)
and columns (one per criterion). ``directions`` says, per column, whether more is better
(``+1``, ``"max"``, :attr:`Direction.MAX`) or less is better (``-1``, ``"min"``,
:attr:`Direction.MIN`). Anything else is an error: unlike some libraries we never read a
typo as "cost".

Weights are normalised to sum to 1, so only their ratios matter. Negative, NaN or
infinite weights and an all-zero weight vector are errors.

Every bad input raises :class:`~antiage_compare.errors.MCDAError` (a ``ValueError``) whose
message names the argument, the position and the value; a value of the wrong Python type
raises :class:`MCDATypeError`, which is both an ``MCDAError`` and a ``TypeError``.

Documented choices:

* A column whose weight is zero cannot change any score, so it is not normalised (NaN and
  infinities still are errors).
* ``topsis``: a constant column (including an all-zero one) contributes nothing to either
  distance; if every weighted column is constant, every row gets closeness 0.5.
* ``vikor``: a constant column contributes 0 to S and R; if all S (or all R) are equal,
  within 1e-12 relative, that term of Q is 0 for every row instead of 0/0.
* ``rank``: two scores tie when ``|a − b| ≤ 1e-12 · max(1, |a|, |b|)``: relative for
  large scores, and an absolute 1e-12 for scores in [0, 1], which is where float noise
  from summing in a different order lives.
"""

from __future__ import annotations

import enum
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

import attrs

from antiage_compare.errors import MCDAError, MCDATypeError

__all__ = [
    "RECIPROCAL_TOLERANCE",
    "SAATY_RANDOM_INDEX",
    "TIE_TOLERANCE",
    "AhpResult",
    "Direction",
    "DirectionLike",
    "Inconsistency",
    "MCDATypeError",
    "Matrix",
    "Ranking",
    "VikorResult",
    "ahp",
    "ahp_inconsistencies",
    "dominators",
    "rank",
    "roc_weights",
    "topsis",
    "vikor",
]


class Direction(enum.Enum):
    """Whether more (``MAX``, a benefit) or less (``MIN``, a cost) of a criterion is better."""

    MAX = 1
    MIN = -1

    @classmethod
    def parse(cls, value: DirectionLike) -> Direction:
        """Read ``+1``/``-1``, ``"max"``/``"min"`` (any case) or a Direction; reject the rest.

        Strict on purpose: a typo such as ``"mni"`` is an error, never a silent "cost".

        Raises:
            MCDATypeError: ``value`` is not a Direction, int or str (``True`` is rejected too).
            MCDAError: ``value`` is an int other than ±1 or an unknown string.
        """
        return _parse_direction(value, "direction")


Matrix: TypeAlias = Sequence[Sequence[float]]
DirectionLike: TypeAlias = Direction | int | str

#: Saaty's random consistency index by matrix size (n = 1..10).
SAATY_RANDOM_INDEX: Mapping[int, float] = MappingProxyType(
    {
        1: 0.0,
        2: 0.0,
        3: 0.58,
        4: 0.90,
        5: 1.12,
        6: 1.24,
        7: 1.32,
        8: 1.41,
        9: 1.45,
        10: 1.49,
    }
)

#: Scores (and fits on the 0–1 scale) this close, relative to ``max(1, |a|, |b|)``, tie: float
#: noise from adding in another order lives below it. SMAA and the sensitivity analysis use it.
TIE_TOLERANCE = 1e-12
_AHP_TOLERANCE = 1e-12
_AHP_MAX_ITERATIONS = 10_000
#: How far ``a_ij · a_ji`` may be from 1 in an AHP matrix (the profile checks with it too).
RECIPROCAL_TOLERANCE = 1e-9
_FAST_TYPES = frozenset({float, int})
_ROW_TYPES = frozenset({list, tuple})
_DIRECTION_TYPES = frozenset({int, str, Direction})
_DIRECTION_LOOKUP: dict[object, bool] = {
    1: True,
    -1: False,
    "max": True,
    "min": False,
    Direction.MAX: True,
    Direction.MIN: False,
}


# --------------------------------------------------------------------------- results


@attrs.frozen
class VikorResult:
    """VIKOR indices per row: group utility ``s``, individual regret ``r``, compromise ``q``.

    Lower is better for all three.
    """

    s: tuple[float, ...]
    r: tuple[float, ...]
    q: tuple[float, ...]


@attrs.frozen
class AhpResult:
    """AHP priority weights (principal eigenvector, summing to 1) and Saaty's consistency."""

    weights: tuple[float, ...]
    lambda_max: float
    consistency_index: float
    consistency_ratio: float


@attrs.frozen
class Inconsistency:
    """One pairwise judgement compared with what the derived weights imply.

    Attributes:
        i: row of the judgement.
        j: column of the judgement (always ``j > i``).
        given: the judgement ``a_ij``.
        implied: ``w_i / w_j`` from the weights.
        deviation: ``|ln(given / implied)|``; 0 for a perfectly consistent judgement.
    """

    i: int
    j: int
    given: float
    implied: float
    deviation: float


@attrs.frozen
class Ranking:
    """Ranks (1 = best) per row, and the groups of rows that share a rank.

    Attributes:
        ranks: one rank per input position.
        ties: groups (ascending row indices, two or more each) that share a rank, best first.
    """

    ranks: tuple[int, ...]
    ties: tuple[tuple[int, ...], ...]


# --------------------------------------------------------------------------- validation


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _error(where: str, problem: str, value: object) -> MCDAError:
    return MCDAError(f"{where}: {problem} (got {_show(value)})")


def _type_error(where: str, problem: str, value: object) -> MCDATypeError:
    return MCDATypeError(f"{where}: {problem} (got {_show(value)})")


def _is_sequence(value: object) -> bool:
    return (
        not isinstance(value, str | bytes | bytearray)
        and hasattr(value, "__len__")
        and hasattr(value, "__getitem__")
    )


def _number(value: object, where: str) -> float:
    """Return ``value`` as a finite float or raise naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _type_error(where, "expected a real number", value)
    try:
        result = float(value)
    except OverflowError:
        raise _error(where, "number too large for a float", value) from None
    if math.isnan(result):
        raise _error(where, "NaN is not allowed", value)
    if math.isinf(result):
        raise _error(where, "infinity is not allowed", value)
    return result


def _vector(values: Any, name: str, length: int | None = None, what: str = "") -> list[float]:
    """Validate a 1-D sequence of finite reals (optionally of a given length)."""
    if not _is_sequence(values):
        raise _type_error(name, "expected a sequence of numbers", values)
    seq: Sequence[Any] = values
    if length is not None and len(seq) != length:
        raise _error(name, f"has {len(seq)} values, expected {length}{what}", values)
    if {type(v) for v in seq} <= _FAST_TYPES:
        items: list[float] = list(seq)
        try:
            if math.isfinite(sum(items)):
                return items
        except OverflowError:
            pass
    return [_number(v, f"{name}[{k}]") for k, v in enumerate(seq)]


def _matrix(matrix: Any, name: str = "matrix") -> list[Sequence[float]]:
    """Validate a non-empty rectangular matrix of finite reals; return its rows."""
    # Fast path: a list/tuple of equally long lists/tuples of int/float with a finite total
    # (a NaN or infinity makes the total non-finite). Anything else, or any doubt, takes
    # the slow path below, which finds and names the offending position.
    if type(matrix) is list or type(matrix) is tuple:
        try:
            if (
                matrix
                and set(map(type, matrix)) <= _ROW_TYPES
                and len(set(map(len, matrix))) == 1
                and len(matrix[0]) > 0
                and set(map(type, chain.from_iterable(matrix))) <= _FAST_TYPES
                and math.isfinite(sum(map(sum, matrix)))
            ):
                return list(matrix)
        except OverflowError:
            pass
    if not _is_sequence(matrix):
        raise _type_error(name, "expected a sequence of rows", matrix)
    rows: Sequence[Any] = matrix
    if len(rows) == 0:
        raise _error(name, "needs at least one row", matrix)
    first = rows[0]
    if not _is_sequence(first):
        raise _type_error(f"{name}[0]", "expected a sequence of numbers (a row)", first)
    n_cols = len(first)
    if n_cols == 0:
        raise _error(f"{name}[0]", "needs at least one column", first)
    out: list[Sequence[float]] = []
    append = out.append
    fast = _FAST_TYPES
    isfinite = math.isfinite
    for i, row in enumerate(rows):
        if type(row) is not list and type(row) is not tuple and not _is_sequence(row):
            raise _type_error(f"{name}[{i}]", "expected a sequence of numbers (a row)", row)
        if len(row) != n_cols:
            raise _error(
                f"{name}[{i}]",
                f"has {len(row)} values, expected {n_cols} like {name}[0] (ragged matrix)",
                row,
            )
        if {type(v) for v in row} <= fast:
            try:
                if isfinite(sum(row)):
                    append(row)
                    continue
            except OverflowError:
                pass
        append([_number(v, f"{name}[{i}][{j}]") for j, v in enumerate(row)])
    return out


def _parse_direction(value: object, where: str) -> Direction:
    if isinstance(value, Direction):
        return value
    if isinstance(value, bool):
        raise _type_error(where, "expected +1, -1, 'max' or 'min', not a bool", value)
    if isinstance(value, int):
        if value == 1:
            return Direction.MAX
        if value == -1:
            return Direction.MIN
        raise _error(where, "expected +1 (more is better) or -1 (less is better)", value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word == "max":
            return Direction.MAX
        if word == "min":
            return Direction.MIN
        raise _error(where, "unknown direction; expected 'max' or 'min'", value)
    raise _type_error(where, "expected +1, -1, 'max', 'min' or a Direction", value)


def _benefits(directions: Any, n_cols: int) -> list[bool]:
    """Validate ``directions`` against ``n_cols``; return True for benefit (MAX) columns."""
    if (
        (type(directions) is list or type(directions) is tuple)
        and len(directions) == n_cols
        and set(map(type, directions)) <= _DIRECTION_TYPES
    ):
        fast = [_DIRECTION_LOOKUP.get(d) for d in directions]
        if None not in fast:
            return fast  # type: ignore[return-value]
    if not _is_sequence(directions):
        raise _type_error("directions", "expected a sequence of +1/-1 or 'max'/'min'", directions)
    seq: Sequence[Any] = directions
    if len(seq) != n_cols:
        raise _error(
            "directions", f"has {len(seq)} values, expected {n_cols} (one per column)", directions
        )
    out: list[bool] = []
    for j, d in enumerate(seq):
        if d is Direction.MAX or (type(d) is int and d == 1):
            out.append(True)
        elif d is Direction.MIN or (type(d) is int and d == -1):
            out.append(False)
        else:
            out.append(_parse_direction(d, f"directions[{j}]") is Direction.MAX)
    return out


def _weights(weights: Any, n_cols: int) -> list[float]:
    """Validate ``weights`` (non-negative, finite, not all zero); return them summing to 1."""
    if (
        (type(weights) is list or type(weights) is tuple)
        and len(weights) == n_cols
        and set(map(type, weights)) <= _FAST_TYPES
    ):
        try:
            fast_total = math.fsum(weights)  # overflows like the slow path on huge ints
            if min(weights) >= 0 and 0 < fast_total < math.inf:
                return [w / fast_total for w in weights]
        except OverflowError:
            pass
    if not _is_sequence(weights):
        raise _type_error("weights", "expected a sequence of non-negative numbers", weights)
    ws = _vector(weights, "weights", n_cols, " (one per column)")
    for j, w in enumerate(ws):
        if w < 0:
            raise _error(f"weights[{j}]", "weights must not be negative", w)
    try:
        total = math.fsum(ws)
    except OverflowError:  # finite weights whose total passes the largest float: only ratios count
        top = max(ws)
        ws = [w / top for w in ws]
        total = math.fsum(ws)
    if total == 0:
        raise _error("weights", "all weights are zero", weights)
    return [w / total for w in ws]


# --------------------------------------------------------------------------- TOPSIS and VIKOR


def _norm(col: Sequence[float], lo: float, hi: float) -> float:
    """TOPSIS's column scale: the Euclidean norm."""
    return math.hypot(*col)


def _spread(col: Sequence[float], lo: float, hi: float) -> float:
    """VIKOR's column scale: best minus worst."""
    return hi - lo


def _rescaled(
    col: Sequence[float],
    lo: float,
    hi: float,
    w: float,
    scale: Callable[[Sequence[float], float, float], float],
) -> tuple[Sequence[float], float, float, float]:
    """A column divided by its largest magnitude, with its new ends and factor ``w / scale``.

    For a column whose factor overflowed or underflowed (values near 1e308 or 5e-324). TOPSIS and VIKOR are both unchanged by scaling a column
    by a positive number, so only the rounding moves; the callers compute the factor inline
    and come here only when it is not a positive finite number.
    """
    m = max(abs(lo), abs(hi))
    col = tuple([x / m for x in col])
    lo, hi = lo / m, hi / m
    return col, lo, hi, w / scale(col, lo, hi)


def topsis(
    matrix: Matrix, weights: Sequence[float], directions: Sequence[DirectionLike]
) -> tuple[float, ...]:
    """Classic TOPSIS (Hwang & Yoon 1981): closeness to the ideal, in [0, 1], higher is better.

    Vector-normalises each column, weights it, and scores each row by
    ``D⁻ / (D⁺ + D⁻)`` where ``D⁺``/``D⁻`` are the Euclidean distances to the ideal and
    anti-ideal rows. Useful as a second opinion on the weighted sum because it rewards
    balanced rows rather than a single outstanding criterion.

    A constant column (including an all-zero one) contributes nothing, nor does one whose
    weighted values all round to the same float; if every weighted column is such, every row
    gets 0.5.

    Raises:
        MCDAError: invalid matrix, weights or directions.
    """
    rows = _matrix(matrix)
    n_cols = len(rows[0])
    ws = _weights(weights, n_cols)
    benefit = _benefits(directions, n_cols)
    hypot = math.hypot
    weighted: list[list[float]] = []
    ideal: list[float] = []
    anti: list[float] = []
    for j, col in enumerate(zip(*rows, strict=True)):
        w = ws[j]
        lo = min(col)
        hi = max(col)
        if w == 0.0 or lo == hi:
            continue
        values: Sequence[float] = col
        f = w / hypot(*col)
        if not 0.0 < f < math.inf:  # extreme magnitudes
            values, lo, hi, f = _rescaled(col, lo, hi, w, _norm)
        if lo * f == hi * f:  # a weight so small (5e-324) that every weighted value rounds alike
            continue
        weighted.append([x * f for x in values])
        if benefit[j]:
            ideal.append(hi * f)
            anti.append(lo * f)
        else:
            ideal.append(lo * f)
            anti.append(hi * f)
    if not weighted:
        return (0.5,) * len(rows)
    dist = math.dist
    out = []
    for v in zip(*weighted, strict=True):
        dm = dist(v, anti)
        out.append(dm / (dist(v, ideal) + dm))
    return tuple(out)


# --------------------------------------------------------------------------- VIKOR


def _spread_is_zero(low: float, high: float) -> bool:
    return high - low <= TIE_TOLERANCE * max(1.0, abs(low), abs(high))


def vikor(
    matrix: Matrix,
    weights: Sequence[float],
    directions: Sequence[DirectionLike],
    *,
    v: float = 0.5,
) -> VikorResult:
    """VIKOR compromise ranking (Opricovic & Tzeng 2004); lower ``q`` is better.

    ``s`` is the weighted sum of each row's normalised distances from the best value
    (group utility), ``r`` the largest single weighted distance (individual regret), and
    ``q = v·(s − s*)/(s⁻ − s*) + (1 − v)·(r − r*)/(r⁻ − r*)``. Useful to show how a
    compromise choice differs from the plain weighted sum.

    A constant column contributes 0 to ``s`` and ``r``. When all ``s`` (or all ``r``) are
    equal within 1e-12 relative, the corresponding term of ``q`` is 0 for every row
    rather than 0/0.

    Args:
        matrix: rows of finite numbers.
        weights: one non-negative weight per column (normalised to sum to 1).
        directions: one direction per column.
        v: weight of the group-utility strategy, in [0, 1].

    Raises:
        MCDAError: invalid matrix, weights, directions or ``v``.
    """
    rows = _matrix(matrix)
    n_cols = len(rows[0])
    ws = _weights(weights, n_cols)
    benefit = _benefits(directions, n_cols)
    vv = _number(v, "v")
    if not 0.0 <= vv <= 1.0:
        raise _error("v", "must be between 0 and 1", v)
    terms: list[list[float]] = []
    for j, col in enumerate(zip(*rows, strict=True)):
        w = ws[j]
        lo = min(col)
        hi = max(col)
        if w == 0.0 or lo == hi:
            continue
        values: Sequence[float] = col
        f = w / (hi - lo)
        if not 0.0 < f < math.inf:  # extreme magnitudes
            values, lo, hi, f = _rescaled(col, lo, hi, w, _spread)
        terms.append(
            [(hi - x) * f for x in values] if benefit[j] else [(x - lo) * f for x in values]
        )
    n_rows = len(rows)
    if terms:
        per_row = list(zip(*terms, strict=True))
        s = [math.fsum(t) for t in per_row]
        r = [max(t) for t in per_row]
    else:
        s = [0.0] * n_rows
        r = [0.0] * n_rows
    q = [0.0] * n_rows
    s_best, s_worst = min(s), max(s)
    if not _spread_is_zero(s_best, s_worst):
        f = vv / (s_worst - s_best)
        q = [qi + (si - s_best) * f for qi, si in zip(q, s, strict=True)]
    r_best, r_worst = min(r), max(r)
    if not _spread_is_zero(r_best, r_worst):
        f = (1.0 - vv) / (r_worst - r_best)
        q = [qi + (ri - r_best) * f for qi, ri in zip(q, r, strict=True)]
    return VikorResult(tuple(s), tuple(r), tuple(q))


# --------------------------------------------------------------------------- AHP


def _pairwise(pairwise: Any) -> list[list[float]]:
    """Validate a square, positive, reciprocal matrix; return it as lists of floats."""
    rows = _matrix(pairwise, "pairwise")
    n = len(rows)
    if len(rows[0]) != n:
        raise _error("pairwise", f"must be square; has {n} rows and {len(rows[0])} columns", n)
    a = [[float(x) for x in row] for row in rows]
    for i in range(n):
        for j in range(n):
            if a[i][j] <= 0:
                raise _error(f"pairwise[{i}][{j}]", "judgements must be positive", a[i][j])
    for i in range(n):
        for j in range(i, n):
            if abs(a[i][j] * a[j][i] - 1.0) > RECIPROCAL_TOLERANCE:
                raise _error(
                    f"pairwise[{i}][{j}] and pairwise[{j}][{i}]",
                    "not reciprocal: a_ij · a_ji must be 1",
                    (a[i][j], a[j][i]),
                )
    return a


def _principal_eigenvector(a: list[list[float]]) -> tuple[list[float], float]:
    """Power iteration on a positive matrix: the eigenvector (summing to 1) and its eigenvalue.

    Raises:
        OverflowError: a sum on the way passes the largest float.
    """
    n = len(a)
    # Start from the row geometric means (already the answer for a consistent matrix).
    w = [math.exp(math.fsum(math.log(x) for x in row) / n) for row in a]
    total = math.fsum(w)
    w = [x / total for x in w]
    for _ in range(_AHP_MAX_ITERATIONS):
        aw = [math.fsum([x * y for x, y in zip(row, w, strict=True)]) for row in a]
        lam = math.fsum(aw)
        new = [x / lam for x in aw]
        if max([abs(x - y) for x, y in zip(new, w, strict=True)]) <= _AHP_TOLERANCE:
            w = new
            break
        w = new
    else:  # judgements near the largest float can keep the iteration from settling
        raise _error("pairwise", "power iteration did not converge", n)
    lambda_max = math.fsum([math.fsum([x * y for x, y in zip(row, w, strict=True)]) for row in a])
    return w, lambda_max


def ahp(pairwise: Matrix, *, random_index: Literal["saaty"] = "saaty") -> AhpResult:
    """Derive criterion weights from pairwise judgements (Saaty's AHP eigenvector method).

    The weights are the principal right eigenvector of ``pairwise`` (by power iteration,
    in pure Python, to 1e-12), normalised to sum to 1. ``lambda_max`` is its eigenvalue,
    ``consistency_index = (lambda_max − n)/(n − 1)`` (clamped at 0 against float noise)
    and ``consistency_ratio = CI / RI`` with Saaty's random index (0 for n ≤ 2). A ratio
    above 0.1 conventionally means the judgements should be revisited; see
    :func:`ahp_inconsistencies` for which ones.

    Args:
        pairwise: square matrix with ``pairwise[i][j]`` = how much more important
            criterion i is than j; positive and reciprocal (``a_ij · a_ji = 1`` to 1e-9).
        random_index: only ``"saaty"`` (n = 1..10) is available.

    Raises:
        MCDAError: non-square, non-positive or non-reciprocal matrix, n > 10, unknown
            random index, judgements so extreme (near 1e308) that a sum overflows, or (seen
            only with such judgements) no convergence.
    """
    if random_index != "saaty":
        raise _error("random_index", "only 'saaty' is available", random_index)
    a = _pairwise(pairwise)
    n = len(a)
    if n not in SAATY_RANDOM_INDEX:
        raise _error("pairwise", "Saaty's random index is defined for 1 to 10 criteria", n)
    try:
        w, lambda_max = _principal_eigenvector(a)
    except OverflowError:  # fsum raises (it never returns inf) when a sum passes the largest float
        raise _error("pairwise", "judgements too extreme to compute an eigenvector", n) from None
    ci = max(0.0, (lambda_max - n) / (n - 1)) if n > 1 else 0.0
    ri = SAATY_RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    return AhpResult(tuple(w), lambda_max, ci, cr)


def ahp_inconsistencies(pairwise: Matrix, weights: Sequence[float]) -> tuple[Inconsistency, ...]:
    """List the upper-triangle judgements, most inconsistent with ``weights`` first.

    The deviation of judgement ``a_ij`` is ``|ln(a_ij / (w_i / w_j))|``, symmetric in
    over- and under-statement, so a person can be told which comparisons to revisit.
    Ties keep (i, j) order.

    Args:
        pairwise: the (validated) pairwise comparison matrix.
        weights: positive weights, one per row, e.g. ``ahp(pairwise).weights``.

    Raises:
        MCDAError: invalid matrix, or weights of the wrong length or not positive.
    """
    a = _pairwise(pairwise)
    n = len(a)
    ws = _vector(weights, "weights", n, " (one per row of pairwise)")
    for k, w in enumerate(ws):
        if w <= 0:
            raise _error(f"weights[{k}]", "weights must be positive", w)
    # In logarithms: w_i / w_j overflows or underflows for weights far apart (1e308 and 1e-308),
    # and a judgement divided by it could too.
    logs = [math.log(w) for w in ws]
    items = []
    for i in range(n):
        for j in range(i + 1, n):
            deviation = abs(math.log(a[i][j]) - (logs[i] - logs[j]))
            items.append(Inconsistency(i, j, a[i][j], ws[i] / ws[j], deviation))
    items.sort(key=lambda item: -item.deviation)
    return tuple(items)


# --------------------------------------------------------------------------- weights & ranks


def roc_weights(n: int) -> tuple[float, ...]:
    """Rank-order-centroid weights for ``n`` criteria ranked by importance (most first).

    ``w_k = (1/n) Σ_{i=k..n} 1/i``: the centroid of all weight vectors consistent with the
    ranking, used when a person can rank what matters but not put numbers on it.

    Raises:
        MCDATypeError: ``n`` is not an int.
        MCDAError: ``n < 1``.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise _type_error("n", "expected an int", n)
    if n < 1:
        raise _error("n", "needs at least one criterion", n)
    out = [0.0] * n
    tail = 0.0
    for k in range(n, 0, -1):
        tail += 1.0 / k
        out[k - 1] = tail / n
    return tuple(out)


def rank(
    scores: Sequence[float],
    *,
    higher_is_better: bool = True,
    ties: Literal["dense", "min"] = "dense",
) -> Ranking:
    """Rank scores (1 = best), reporting which rows tie.

    Two scores tie when ``|a − b| ≤ 1e-12 · max(1, |a|, |b|)`` (compared with the best
    score of the group), so float noise does not break a genuine tie. ``ties="dense"``
    numbers groups 1, 2, 3, ...; ``ties="min"`` uses competition ranking (1, 1, 3, ...).
    An empty sequence gives an empty ranking.

    Raises:
        MCDAError: a NaN, infinity or non-number in ``scores``, or an unknown ``ties``.
    """
    if ties != "dense" and ties != "min":
        raise _error("ties", "expected 'dense' or 'min'", ties)
    values = _vector(scores, "scores")
    order = sorted(range(len(values)), key=values.__getitem__, reverse=bool(higher_is_better))
    ranks = [0] * len(values)
    groups: list[list[int]] = []
    anchor = 0.0
    for position, idx in enumerate(order):
        x = values[idx]
        if groups and abs(x - anchor) <= TIE_TOLERANCE * max(1.0, abs(x), abs(anchor)):
            groups[-1].append(idx)
            ranks[idx] = ranks[groups[-1][0]]
            continue
        anchor = x
        groups.append([idx])
        ranks[idx] = len(groups) if ties == "dense" else position + 1
    tied = tuple(tuple(sorted(g)) for g in groups if len(g) > 1)
    return Ranking(tuple(ranks), tied)


# --------------------------------------------------------------------------- dominance


def _oriented(row: Sequence[float], benefit: Sequence[bool]) -> tuple[float, ...]:
    return tuple([x if b else -x for x, b in zip(row, benefit, strict=True)])


def _beats(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    for x, y in zip(a, b, strict=True):
        if x < y:
            return False
    return a != b


def dominators(matrix: Matrix, directions: Sequence[DirectionLike]) -> tuple[tuple[int, ...], ...]:
    """For each row, the indices (ascending) of the rows that dominate it.

    Row ``k`` dominates row ``i`` when it is at least as good on every criterion and better on
    one (comparisons are exact), so a dominated option can be set aside whatever the weights.
    Identical rows do not dominate each other. Validates once and compares each row only with
    the rows whose sum could be larger.

    Raises:
        MCDAError: invalid matrix or directions.
    """
    rows = _matrix(matrix)
    benefit = _benefits(directions, len(rows[0]))
    oriented = [_oriented(row, benefit) for row in rows]
    # A dominator is at least as good on every criterion and better on one, so its exact sum is
    # larger; fsum is correctly rounded, hence monotone, so its rounded sum is at least as
    # large. Sorted by falling sum, every dominator of row i is before it, or after it with an
    # equal rounded sum (two sums that differ in exact arithmetic can round to one float,
    # e.g. 0.30000000000000004 + 1.0 and 0.3 + 1.0, or 1e20 + 1.0 and 1e20 + 0.0).
    try:
        sums = [math.fsum(row) for row in oriented]
    except OverflowError:
        # A sum past the largest float: halve every cell k times, with 2**k above the number of
        # columns, so that no sum can overflow. Multiplying by a power of two is monotone (it
        # can only round tiny cells towards 0), so a dominator's sum stays at least as large.
        scale = 0.5 ** len(benefit).bit_length()
        sums = [math.fsum([x * scale for x in row]) for row in oriented]
    order = sorted(range(len(oriented)), key=lambda k: -sums[k])
    found: list[list[int]] = [[] for _ in oriented]
    for pos, i in enumerate(order):
        mine, total = oriented[i], sums[i]
        for k in order[:pos]:
            if _beats(oriented[k], mine):
                found[i].append(k)
        for k in order[pos + 1 :]:
            if sums[k] < total:
                break
            if _beats(oriented[k], mine):
                found[i].append(k)
    return tuple(tuple(sorted(f)) for f in found)
