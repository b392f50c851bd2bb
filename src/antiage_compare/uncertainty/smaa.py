"""SMAA-2: how often each option fits best across plausible figures and priorities.

Stochastic Multicriteria Acceptability Analysis (Lahdelma & Salminen 2001), as implemented in
JSMAA (``SMAA2Simulation``): draw many *scenarios*, each a set of figures within their ranges and
a weight vector consistent with what the person said, score every eligible option in each
scenario, and count how often each option takes each rank. Pure Python, seeded, reproducible.

Choices, stated once here and in ``docs``:

* **Figures.** Each figure is drawn from a triangular distribution on ``low``/``typical``/``high``
  (``random.Random.triangular``; one uniform per draw, inverse CDF), or **uniformly** on
  ``low..high`` where the sources give no typical value (a spread with no known mode carries
  no reason to favour its middle). A figure with ``low == high`` is constant. Each draw is then
  mapped to 0–1 by the criterion's own value function (:meth:`Criterion.value`). A "no data"
  figure is **drawn uniformly over the whole 0–1 value scale** (the usual SMAA treatment of a
  missing value: any value is possible and none is favoured), never held at the middle, and is
  listed in :attr:`SmaaResult.no_data`. An unknown duration draws the effect's coverage of the
  horizon uniformly on 0–1, so the lasting factor is uniform on ``1 − d .. 1``.
* **Benefit leaves.** A benefit leaf (the effect on one concern) is the effect drawn within
  its range on the 0–1 effect scale, × its certainty factor, × the option's lasting factor,
  which is drawn once per option and draw from the duration's range, so an option's concerns
  move together in duration (:mod:`antiage_compare.tree`).
* **Weights** (``weights=``), on the leaves of the value tree:

  - ``"profile"``: hierarchical, around the person's own answers. The benefits' share is
    uniform on the stated range (``[tradeoff] low``/``high``), or within ± 5 × ``imprecision``
    points of the stated share. Within each group, direct ratings vary uniformly within
    ± ``profile.imprecision`` on the 0–10 scale, clipped at 0 (a rating of 0 stays 0: the
    person said it does not matter), and are normalised within the group; concern ratings
    likewise, when given. Swing and AHP weights vary by ± ``imprecision / 10`` of themselves.
    A flat profile (no ``[tradeoff]``) draws its ratings the same way over all criteria at
    once, the effect's rating once for all its concerns. ``imprecision = 0`` fixes the weights
    (and the share, unless a range is given).
  - ``"ranking"`` (and any ranking profile): uniform over all weight vectors that keep the
    order of the criteria (the effect ranked as one unit, split between its concerns in fixed
    shares; in the tree only the burdens are ordered, within their group), equal weights being
    free to fall in either order. Sampled exactly, without rejection: ``t`` uniform on the
    simplex, ``w_(g) = Σ_{h ≥ g} t_h / h`` (the linear map from the simplex onto the ordered
    region; its mean is the rank-order-centroid weights).
  - ``"none"``, a labelled stress test: no preference information. On the tree, the share is
    uniform on 0–1 and each group's split uniform on its simplex; a flat profile is drawn
    uniformly over all its leaves.

  Uniform points on a simplex are normalised exponential spacings, ``−log(1 − u)``: the same
  distribution as JSMAA's sorted-uniform spacings, and it vectorises.
* **Ties.** Fits within ``1e-12`` (on the 0–1 scale) tie. A group of ``g`` options tied over
  positions ``r … r+g−1`` gets ``1/g`` of each of those ranks each, so acceptabilities sum to
  1 over ranks for each option *and* over options for each rank. Central weights count a
  shared first place with the same ``1/g`` share. Pairwise winning counts strict wins only,
  so ``P(i over k) + P(k over i) < 1`` where they tie.
* **Confidence factors** are JSMAA's second phase: a separate simulation of ``samples`` fresh
  figure draws (``random.Random(seed + 1)``) with the weights fixed at each option's central
  weight vector; a hit is a scenario where no other option fits strictly better (a shared
  first place counts, as in JSMAA). Competitors that cannot beat an option in any draw (their
  best possible fit is below its worst) are skipped, which changes no number.
* **Reproducibility.** Only private ``random.Random`` instances are used, and the order in
  which they are consumed depends only on the inputs and ``samples``, so a seed gives the same
  numbers on every platform and Python ≥ 3.11 (up to the last bit of ``math.log10``): float totals
  (the weight samplers' normalisations included) use ``math.fsum``, which is exactly rounded
  everywhere, because ``sum()`` of floats changed in Python 3.12 (it now compensates rounding).
  ``tests/pinned/smaa.json`` pins the numbers of fixed seeds bit for bit on every Python the
  suite runs on.
* **Progress** counts the draws of both phases, each weighing half: ``progress(done, samples)``
  is called at most about 100 times and once at the end with ``done == samples``.

The hot loops are vectorised over draws, with plain lists and local names: each option's fit
is one generated comprehension (:func:`_kernel`) that keeps the order of every floating-point
operation; see ``benchmarks/bench_smaa.py``.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import mul
from typing import Any, Literal, TypeAlias, cast

import attrs

from antiage_compare.catalog import Catalog
from antiage_compare.comparison import Comparison
from antiage_compare.criteria import BY_ID, CRITERIA, Criterion, open_span, performance
from antiage_compare.errors import Cancelled, SmaaError, SmaaTypeError
from antiage_compare.loading import load_catalog
from antiage_compare.mcda import TIE_TOLERANCE
from antiage_compare.model import NoData, Range
from antiage_compare.profile import Profile
from antiage_compare.scoring import compare, fits
from antiage_compare.tree import (
    DEFAULT_HORIZON_YEARS,
    benefit_figure,
    certainty_factor,
    lasting,
    lasting_factor,
)
from antiage_compare.tree import leaves as tree_leaves
from antiage_compare.weights import Weights

__all__ = [
    "MAX_SAMPLES",
    "WEIGHT_MODES",
    "Cancelled",
    "SmaaError",
    "SmaaResult",
    "SmaaTypeError",
    "WeightMode",
    "smaa",
    "smaa_comparison",
]

WeightMode = Literal["profile", "ranking", "none"]
WEIGHT_MODES: tuple[str, ...] = ("profile", "ranking", "none")
#: The largest number of draws accepted (about a minute per million on a laptop).
MAX_SAMPLES = 10_000_000
#: Fits closer than this (on the 0–1 scale) are a tie: the comparison's own tolerance.
TIE = TIE_TOLERANCE
#: The most draws held in memory at once.
_MAX_CHUNK = 4096

Column: TypeAlias = list[float]
#: One weight or value per criterion: a constant, or a column with one entry per draw.
Cell: TypeAlias = float | Column


# --------------------------------------------------------------------------------- the result
@attrs.frozen
class SmaaResult:
    """What SMAA-2 found: rank acceptabilities, central weights, confidence, pairwise wins.

    Every per-option tuple follows :attr:`option_ids`, which lists the eligible options in the
    deterministic comparison's rank order; every per-criterion tuple follows :attr:`criteria`.

    Attributes:
        option_ids: the eligible options, in the deterministic comparison's rank order.
        criteria: the leaves of the value tree (``"effect:<concern>"`` and the burden ids),
            in the comparison's order; central weights follow it.
        samples: the number of scenarios drawn.
        seed: the seed of the run.
        weight_mode: ``"profile"``, ``"ranking"`` or ``"none"``.
        rank_acceptability: ``[option][rank − 1]``: the share of scenarios in which the option
            takes that rank; each row and each column sums to 1.
        rank_acceptability_se: the Monte Carlo standard error of each share,
            ``sqrt(p (1 − p) / samples)``.
        central_weights: per option, the mean weight vector of the scenarios in which it came
            first (criterion order, sums to 1), or ``None`` if it never came first.
        confidence: per option, the share of figure draws in which it comes first with the
            weights fixed at its central weights (0.0 where there is no central weight). It is
            estimated on at most ``samples`` draws, fewer once it is as precise as ``samples``
            draws make a share of ½ (docs/methods.md, section 5).
        pairwise_winning: ``[i][k]``: the share of scenarios in which option ``i`` fits
            strictly better than option ``k`` (diagonal 0).
        no_data: ``(option_id, criterion_id)`` pairs of the "no data" figures, each drawn
            uniformly over its whole value scale (``"durability"`` for a duration that is
            "no data" while lasting matters; a burden's criterion id otherwise).
        method: the scoring method (``"mavt"``, ``"topsis"`` or ``"vikor"``).
        option_names: display names, parallel to :attr:`option_ids` (may be empty).
    """

    option_ids: tuple[str, ...]
    criteria: tuple[str, ...]
    samples: int
    seed: int
    weight_mode: str
    rank_acceptability: tuple[tuple[float, ...], ...]
    rank_acceptability_se: tuple[tuple[float, ...], ...]
    central_weights: tuple[tuple[float, ...] | None, ...]
    confidence: tuple[float, ...]
    pairwise_winning: tuple[tuple[float, ...], ...]
    no_data: tuple[tuple[str, str], ...]
    method: str = "mavt"
    option_names: tuple[str, ...] = ()

    def __repr__(self) -> str:
        first = sorted(self.first_rank().items(), key=lambda t: -t[1])
        shown = ", ".join(f"{o}={p:.2f}" for o, p in first[:3])
        more = ", ..." if len(first) > 3 else ""
        return (
            f"<SmaaResult {self.method}: {self.samples:,} draws, seed {self.seed}, "
            f"weights={self.weight_mode}; first rank {shown}{more}>"
        )

    def _index(self, option_id: str) -> int:
        try:
            return self.option_ids.index(option_id)
        except ValueError:
            msg = f"option_id {option_id!r} is not among the options compared ({', '.join(self.option_ids)})"
            raise SmaaError(msg) from None

    def first_rank(self) -> dict[str, float]:
        """Each option's first-rank acceptability: the share of scenarios where it fits best."""
        return {o: row[0] for o, row in zip(self.option_ids, self.rank_acceptability, strict=True)}

    def acceptability(self, option_id: str) -> tuple[float, ...]:
        """One option's rank acceptabilities, rank 1 first.

        Raises:
            SmaaError: ``option_id`` was not compared.
        """
        return self.rank_acceptability[self._index(option_id)]

    def summary(self, names: Mapping[str, str] | None = None) -> str:
        """A plain, non-directive account of how often each option fits best.

        For example: "In about 62 of 100 plausible scenarios, Microneedling fits your
        priorities best; Sunscreen in 30; 3 other options share the remaining 8." Shares are
        given as whole scenarios out of 100, with one decimal only when the standard error is
        small enough to support it; options under 1 in 100 are counted, not named.

        Args:
            names: display names by option id; defaults to :attr:`option_names`, then the ids.
        """
        if not self.option_ids:
            return "No option was open to compare."
        shown = dict(zip(self.option_ids, self.option_names, strict=False))
        if names is not None:
            shown.update(names)
        first = sorted(
            enumerate(row[0] for row in self.rank_acceptability), key=lambda t: (-t[1], t[0])
        )
        worst_se = max(self.rank_acceptability_se[i][0] for i, _ in first)
        digits = 1 if 100 * worst_se <= 0.05 else 0

        def per100(p: float) -> str:
            return f"{round(100 * p, digits):.{digits}f}"

        def name(i: int) -> str:
            oid = self.option_ids[i]
            return shown.get(oid, oid)

        top_i, top_p = first[0]
        scenarios = self._scenarios()
        if top_p >= 1.0 - 1e-12:
            text = f"In all {self.samples:,} plausible scenarios drawn, {name(top_i)} fits your priorities best."
            return " ".join([text, scenarios, *self._no_data_note()])
        listed = [(i, p) for i, p in first if p >= 0.01]
        if not listed:
            listed = [first[0]]
        about = "about " if worst_se > 0 else ""
        head_i, head_p = listed[0]
        parts = [
            f"In {about}{per100(head_p)} of 100 plausible scenarios, {name(head_i)} fits your priorities best"
        ]
        parts.extend(f"{name(i)} in {per100(p)}" for i, p in listed[1:])
        others = len(first) - len(listed)
        if others:
            rest = math.fsum(p for _, p in first[len(listed) :])
            noun = "option" if others == 1 else "options"
            if rest <= 0.0:
                parts.append(f"the other {others} {noun} in none")
            else:
                verb = "takes" if others == 1 else "share"
                if rest >= 0.01:
                    parts.append(f"{others} other {noun} {verb} the remaining {per100(rest)}")
                else:
                    parts.append(f"{others} other {noun} {verb} fewer than 1")
        text = "; ".join(parts) + "."
        return " ".join([text, scenarios, *self._no_data_note()])

    def _scenarios(self) -> str:
        if self.weight_mode == "none":
            how = "lets your priorities take any balance at all"
        elif self.weight_mode == "ranking":
            how = "lets your priorities take any balance that keeps their order"
        else:
            how = "lets your priorities vary a little around what you said"
        return f"Each scenario draws every figure from within its range and {how}."

    def _no_data_note(self) -> list[str]:
        if not self.no_data:
            return []
        n = len(self.no_data)
        figures = "figure" if n == 1 else "figures"
        verb = "was" if n == 1 else "were"
        return [
            f"{n} {figures} with no data {verb} drawn anywhere from the bottom to the top of "
            "the scale in each scenario, not guessed."
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping of every field (tuples become lists, no NaN)."""
        return {
            "option_ids": list(self.option_ids),
            "option_names": list(self.option_names),
            "criteria": list(self.criteria),
            "samples": self.samples,
            "seed": self.seed,
            "weight_mode": self.weight_mode,
            "method": self.method,
            "rank_acceptability": [list(r) for r in self.rank_acceptability],
            "rank_acceptability_se": [list(r) for r in self.rank_acceptability_se],
            "central_weights": [None if w is None else list(w) for w in self.central_weights],
            "confidence": list(self.confidence),
            "pairwise_winning": [list(r) for r in self.pairwise_winning],
            "no_data": [list(p) for p in self.no_data],
        }


# ------------------------------------------------------------------------------- validation
def _check_samples(samples: object) -> int:
    if isinstance(samples, bool) or not isinstance(samples, int):
        msg = f"samples must be an int (got {samples!r})"
        raise SmaaTypeError(msg)
    if not 1 <= samples <= MAX_SAMPLES:
        msg = f"samples must be from 1 to {MAX_SAMPLES:,} (got {samples!r})"
        raise SmaaError(msg)
    return samples


def _check_args(
    samples: object, seed: object, weights: object, progress: object, cancel: object
) -> Callable[[], bool] | None:
    _check_samples(samples)
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"seed must be an int (got {seed!r})"
        raise SmaaTypeError(msg)
    if not isinstance(weights, str):
        msg = f"weights must be one of {', '.join(map(repr, WEIGHT_MODES))} (got {weights!r})"
        raise SmaaTypeError(msg)
    if weights not in WEIGHT_MODES:
        msg = f"weights must be one of {', '.join(map(repr, WEIGHT_MODES))} (got {weights!r})"
        raise SmaaError(msg)
    if progress is not None and not callable(progress):
        msg = f"progress must be a callable progress(done, total) or None (got {progress!r})"
        raise SmaaTypeError(msg)
    if cancel is None:
        return None
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    if callable(cancel):
        return lambda: bool(cancel())
    msg = f"cancel must be a threading.Event, a callable returning bool, or None (got {cancel!r})"
    raise SmaaTypeError(msg)


# ------------------------------------------------------------------------------ figure draws
Sampler: TypeAlias = Callable[[Callable[[], float], int], Column]


def _uniforms(rnd: Callable[[], float], n: int) -> Iterator[float]:
    """``n`` calls of ``rnd()``, in order, made from C rather than one Python call per draw.

    ``random()`` is below 1, so the sentinel 2.0 never ends the stream early.
    """
    return islice(iter(rnd, 2.0), n)


def _sampler(c: Criterion, r: Range) -> Sampler:
    """A function drawing ``n`` values of criterion ``c`` for a figure ``r`` (low < high).

    One ``random()`` per draw, consumed exactly as ``Random.triangular(low, high, typical)``
    (or ``Random.uniform(low, high)`` when there is no typical value) would; the draw and the
    value function (the criterion's own :meth:`~Criterion.value_form`, as ``a + b·g(x)``) are
    fused into one list comprehension per case for speed.
    """
    form = c.value_form()
    a, b = form.affine()
    log = form.log
    k = form.knee  # a log scale is drawn in units of its knee (1.0: unchanged)
    low, high = r.low / k, r.high / k
    typical = None if r.typical is None else r.typical / k
    span = high - low
    if span <= 0.0:
        # A range so narrow that dividing by the knee leaves no width (say 0 to 5e-324): every
        # draw is its one value. One random() per draw is still consumed, as for any range.
        v = c.value(r.low)
        return lambda rnd, n: [v for _ in _uniforms(rnd, n)]

    # The value function is monotone: no clipping is needed when both ends map inside 0..1.
    def g(x: float) -> float:  # the form's g, on the figure already divided by the knee
        return math.log10(1 + max(x, 0.0)) if log else x

    inside = (
        (low >= 0.0 or not log) and 0.0 <= a + b * g(low) <= 1.0 and 0.0 <= a + b * g(high) <= 1.0
    )
    log10 = math.log10
    sqrt = math.sqrt
    if typical is None:
        if not log and inside:
            a0, b0 = a + b * low, b * span
            return lambda rnd, n: [a0 + b0 * u for u in _uniforms(rnd, n)]
        if not log:
            return lambda rnd, n: [
                min(1.0, max(0.0, a + b * (low + span * u))) for u in _uniforms(rnd, n)
            ]
        if inside:
            lo1 = 1.0 + low
            return lambda rnd, n: [a + b * log10(lo1 + span * u) for u in _uniforms(rnd, n)]
        return lambda rnd, n: [
            min(1.0, max(0.0, a + b * log10(1.0 + max(0.0, low + span * u))))
            for u in _uniforms(rnd, n)
        ]
    cm = (typical - low) / span
    c1 = 1.0 - cm
    if not log and inside:
        p0, p1, q = a + b * low, a + b * high, b * span
        return lambda rnd, n: [
            p0 + q * sqrt(u * cm) if u <= cm else p1 - q * sqrt((1.0 - u) * c1)
            for u in _uniforms(rnd, n)
        ]

    def triangular(rnd: Callable[[], float], n: int) -> Column:
        return [
            low + span * sqrt(u * cm) if u <= cm else high - span * sqrt((1.0 - u) * c1)
            for u in _uniforms(rnd, n)
        ]

    if not log:
        return lambda rnd, n: [min(1.0, max(0.0, a + b * x)) for x in triangular(rnd, n)]
    if inside:
        lo1, hi1 = 1.0 + low, 1.0 + high
        return lambda rnd, n: [
            a + b * log10(lo1 + span * sqrt(u * cm))
            if u <= cm
            else a + b * log10(hi1 - span * sqrt((1.0 - u) * c1))
            for u in _uniforms(rnd, n)
        ]
    return lambda rnd, n: [
        min(1.0, max(0.0, a + b * log10(1.0 + max(0.0, x)))) for x in triangular(rnd, n)
    ]


@attrs.frozen
class _Table:
    """The eligible options' values on every leaf, ready to draw: constants and samplers.

    A burden cell is its criterion's value of a figure drawn within its range. A benefit cell
    is the effect drawn within its range (0–1) × its certainty factor × the option's lasting
    factor, and the lasting factor is drawn once per option and draw, so the option's benefit
    leaves move together in duration as they do in the world.
    """

    ids: tuple[str, ...]
    names: tuple[str, ...]
    leaves: tuple[str, ...]
    #: ``fixed[k][j]``: the constant value, or ``None`` when the cell is drawn.
    fixed: tuple[tuple[float | None, ...], ...]
    #: ``(k, j, sampler, scale, lasting)`` for every drawn cell, option-major: the cell is
    #: ``sampler`` (or the constant ``scale`` when ``sampler`` is ``None``) times ``scale``
    #: times option ``k``'s lasting column when ``lasting`` is true.
    drawn: tuple[tuple[int, int, Sampler | None, float, bool], ...]
    #: ``k → sampler`` of each option whose lasting factor is drawn.
    lasting: tuple[tuple[int, Sampler], ...]
    #: ``(lowest, highest)`` possible value of every cell.
    bounds: tuple[tuple[tuple[float, float], ...], ...]
    no_data: tuple[tuple[str, str], ...]


#: A linear 0–1 scale (a value is its own figure): effects and lasting factors are drawn on it.
_UNIT = BY_ID["effectiveness"]


#: A "no data" figure's value: uniform on the whole 0–1 value scale. SMAA represents missing or
#: imprecise criteria values by distributions over what they could be (Lahdelma, Hokkanen and
#: Salminen 1998); with nothing known, no value is favoured.
def _MISSING(rnd: Callable[[], float], n: int) -> Column:  # noqa: N802 (a constant sampler)
    # the uniforms themselves: what _sampler(_UNIT, Range(low=0, high=1)) gives, without a copy
    return list(_uniforms(rnd, n))


def _table(
    options: Sequence[Any],
    concerns: Sequence[str],
    criteria: Sequence[Criterion] = CRITERIA,
    *,
    lasting_weight: float = 0.0,
    horizon_years: float = DEFAULT_HORIZON_YEARS,
    certainty_weight: float = 0.0,
) -> _Table:
    leaves = tree_leaves(concerns, criteria)
    fixed: list[tuple[float | None, ...]] = []
    bounds = []
    drawn: list[tuple[int, int, Sampler | None, float, bool]] = []
    lasting_draws: list[tuple[int, Sampler]] = []
    no_data: list[tuple[str, str]] = []
    for k, o in enumerate(options):
        perf = performance(o, concerns, horizon_years)
        last = lasting(o, lasting_weight, horizon_years)
        if isinstance(last, NoData):
            # An unknown duration: the coverage is drawn uniformly on 0–1, so the lasting
            # factor is uniform between 1 − d (covers nothing) and 1 (covers the horizon).
            lo_last, hi_last = lasting_factor(0.0, lasting_weight), 1.0
            last_drawn = lo_last < hi_last
            if last_drawn:
                lasting_draws.append((k, _sampler(_UNIT, Range(low=lo_last, high=hi_last))))
        else:
            lo_last, hi_last = last.low, last.high
            last_drawn = last.low != last.high
            if last_drawn:
                lasting_draws.append((k, _sampler(_UNIT, last)))
        last_const = lo_last if not last_drawn else 0.0
        if isinstance(last, NoData) and any(
            benefit_figure(o, leaf.concern).high > 0 for leaf in leaves if leaf.concern is not None
        ):
            no_data.append((o.id, "durability"))
        row: list[float | None] = []
        brow = []
        for j, leaf in enumerate(leaves):
            if leaf.concern is not None:
                effect = benefit_figure(o, leaf.concern)
                scale = certainty_factor(o.certainty_of(leaf.concern), certainty_weight)
                if effect.low == effect.high and not last_drawn:
                    v = effect.low * scale * last_const
                    row.append(v)
                    brow.append((v, v))
                    continue
                row.append(None)
                brow.append((effect.low * scale * lo_last, effect.high * scale * hi_last))
                if effect.low == effect.high:
                    drawn.append((k, j, None, effect.low * scale, True))
                else:
                    factor = scale if last_drawn else scale * last_const
                    drawn.append((k, j, _sampler(_UNIT, effect), factor, last_drawn))
                continue
            c = leaf.criterion
            q = perf[c.id]
            if isinstance(q, NoData):
                # Missing: drawn uniformly over the whole 0–1 value scale (not held at 0.5).
                row.append(None)
                brow.append((0.0, 1.0))
                drawn.append((k, j, _MISSING, 1.0, False))
                no_data.append((o.id, leaf.key))
            elif q.raised or q.zero_in is not None:
                # Never seen in zero_in people, or raised for this person: uniform over the
                # values the figure leaves open (criteria.open_span).
                worst, best = open_span(c, q)
                row.append(None)
                brow.append((worst, best))
                drawn.append((k, j, _sampler(_UNIT, Range(low=worst, high=best)), 1.0, False))
            elif q.low == q.high:
                v = c.value(q.low)
                row.append(v)
                brow.append((v, v))
            else:
                row.append(None)
                ends = sorted((c.value(q.low), c.value(q.high)))
                brow.append((ends[0], ends[1]))
                drawn.append((k, j, _sampler(c, q), 1.0, False))
        fixed.append(tuple(row))
        bounds.append(tuple(brow))
    return _Table(
        ids=tuple(o.id for o in options),
        names=tuple(o.name for o in options),
        leaves=tuple(leaf.key for leaf in leaves),
        fixed=tuple(fixed),
        drawn=tuple(drawn),
        lasting=tuple(lasting_draws),
        bounds=tuple(bounds),
        no_data=tuple(no_data),
    )


def _draw_cells(
    table: _Table, rnd: Callable[[], float], n: int, wanted: frozenset[int] | None = None
) -> list[list[Cell]]:
    """Every option's cells for ``n`` draws: constants stay floats, drawn cells become columns.

    Lasting factors are drawn first (option order), then the cells (option-major), so the order
    in which ``rnd`` is consumed depends only on the table.
    """
    cells: list[list[Cell]] = [[0.0 if v is None else v for v in row] for row in table.fixed]
    lasting_cols = {
        k: sampler(rnd, n) for k, sampler in table.lasting if wanted is None or k in wanted
    }
    for k, j, sampler, scale, uses_lasting in table.drawn:
        if wanted is not None and k not in wanted:
            continue
        if sampler is None:
            cells[k][j] = list(map(mul, repeat(scale, n), lasting_cols[k]))
            continue
        col = sampler(rnd, n)
        # map() over C-level multiplication; (scale * e) * x, the same products as before
        if uses_lasting:
            cells[k][j] = list(map(mul, map(mul, repeat(scale, n), col), lasting_cols[k]))
        elif scale != 1.0:
            cells[k][j] = list(map(mul, repeat(scale, n), col))
        else:
            cells[k][j] = col
    return cells


# ----------------------------------------------------------------------------- weight draws
WeightSampler: TypeAlias = Callable[[random.Random, int], list[Cell]]


def _exponentials(rnd: Callable[[], float], n: int) -> Column:
    log = math.log
    return [-log(1.0 - u) for u in _uniforms(rnd, n)]


def _simplex(active: Sequence[int], m: int) -> WeightSampler:
    """Uniform weights over the simplex of the ``active`` leaves (0 elsewhere; ``m`` in all)."""

    def draw(rng: random.Random, n: int) -> list[Cell]:
        rnd = rng.random
        cols = [_exponentials(rnd, n) for _ in active]
        inv = [1.0 / t for t in map(math.fsum, zip(*cols, strict=True))]
        out: list[Cell] = [0.0] * m
        for j, col in zip(active, cols, strict=True):
            out[j] = [e * s for e, s in zip(col, inv, strict=True)]
        return out

    return draw


def _ordinal(groups: Sequence[Sequence[int]], m: int) -> WeightSampler:
    """Uniform weights keeping the order of ``groups`` (most important first; 0 elsewhere).

    ``t`` uniform on the simplex gives ``w_(g) = Σ_{h ≥ g} t_h / h`` uniform on the region
    ``w_(1) ≥ w_(2) ≥ … ≥ 0``. Leaves in one group (equal stated weights) then swap values at
    random per draw, which keeps the draw uniform on the union of the orders they allow.
    """
    flat = [j for g in groups for j in g]
    size = len(flat)
    shuffled = [
        (sum(len(g) for g in groups[:i]), len(g)) for i, g in enumerate(groups) if len(g) > 1
    ]

    def draw(rng: random.Random, n: int) -> list[Cell]:
        rnd = rng.random
        cols = [_exponentials(rnd, n) for _ in range(size)]
        inv = [1.0 / t for t in map(math.fsum, zip(*cols, strict=True))]
        by_position: list[Column] = [[] for _ in range(size)]
        acc = [0.0] * n
        for h in range(size, 0, -1):
            col = cols[h - 1]
            acc = [a + e * s / h for a, e, s in zip(acc, col, inv, strict=True)]
            by_position[h - 1] = acc
        for start, length in shuffled:
            block = by_position[start : start + length]
            rows = [list(r) for r in zip(*block, strict=True)]
            for r in rows:
                rng.shuffle(r)
            for p, shuffled_col in enumerate(zip(*rows, strict=True)):
                block[p][:] = shuffled_col
        out: list[Cell] = [0.0] * m
        for j, col in zip(flat, by_position, strict=True):
            out[j] = col
        return out

    return draw


def _jittered(
    rnd: Callable[[], float], n: int, centre: Sequence[float], half: Sequence[float]
) -> list[Column]:
    """Each non-zero ``centre[i]`` drawn uniformly on ``± half[i]``, clipped at 0 (0 stays 0)."""
    cols = []
    for c, h in zip(centre, half, strict=True):
        if c <= 0.0:
            cols.append([0.0] * n)
            continue
        if h <= 0.0:
            cols.append([c] * n)
            continue
        lo, span = c - h, 2.0 * h
        cols.append([x if (x := lo + span * u) > 0.0 else 0.0 for u in _uniforms(rnd, n)])
    return cols


def _shares(cols: Sequence[Column], fallback: Sequence[float], n: int) -> list[Column]:
    """Columns normalised draw by draw to add up to 1 (``fallback`` where they are all 0)."""
    if not cols:
        return []
    totals = list(map(math.fsum, zip(*cols, strict=True))) if cols else [0.0] * n
    inv = [1.0 / t if t > 0.0 else 0.0 for t in totals]
    return [
        [x * s if s else f for x, s in zip(col, inv, strict=True)]
        for col, f in zip(cols, fallback, strict=True)
    ]


def _flat_jitter(
    centre: Sequence[float], half: Sequence[float], exact: Sequence[float]
) -> WeightSampler:
    """Each leaf's raw weight uniform on ``centre ± half``, clipped at 0, normalised over all."""
    m = len(exact)
    active = [j for j in range(m) if centre[j] > 0]

    def draw(rng: random.Random, n: int) -> list[Cell]:
        cols = _jittered(rng.random, n, [centre[j] for j in active], [half[j] for j in active])
        out: list[Cell] = [0.0] * m
        for j, col in zip(active, _shares(cols, [exact[j] for j in active], n), strict=True):
            out[j] = col
        return out

    return draw


def _flat_ratings(
    ratings: Sequence[float], half: float, shares: Sequence[float], benefit: Sequence[int]
) -> WeightSampler:
    """A flat profile's criterion ratings ± ``half``: the effect's rating splits by concern.

    ``ratings`` are per leaf, with every benefit leaf carrying the *effect's* rating and
    ``shares`` the concern shares (1 for burdens): the effect is one rating, drawn once per
    scenario, however many concerns it covers.
    """
    m = len(ratings)
    burden = [j for j in range(m) if j not in benefit]
    effect = ratings[benefit[0]] if benefit else 0.0
    exact_total = effect + math.fsum(ratings[j] for j in burden)

    def draw(rng: random.Random, n: int) -> list[Cell]:
        rnd = rng.random
        eff = _jittered(rnd, n, [effect], [half])[0]
        cols = _jittered(rnd, n, [ratings[j] for j in burden], [half] * len(burden))
        totals = [math.fsum(t) for t in zip(eff, *cols, strict=True)]
        inv = [1.0 / t if t > 0.0 else 0.0 for t in totals]
        out: list[Cell] = [0.0] * m
        for j in benefit:
            fallback = effect / exact_total * shares[j]
            out[j] = [e * s * shares[j] if s else fallback for e, s in zip(eff, inv, strict=True)]
        for j, col in zip(burden, cols, strict=True):
            fallback = ratings[j] / exact_total
            out[j] = [x * s if s else fallback for x, s in zip(col, inv, strict=True)]
        return out

    return draw


def _tree(
    share: tuple[float, float],
    benefit: Sequence[int],
    benefit_centre: Sequence[float],
    benefit_half: Sequence[float],
    burden: Sequence[int],
    burden_centre: Sequence[float],
    burden_half: Sequence[float],
    exact: Sequence[float],
) -> WeightSampler:
    """Hierarchical weights: the benefits' share, then each group's inner split, drawn apart.

    The share is uniform on ``share`` (low, high); within each group the ratings vary
    uniformly within ± their half-width (a rating of 0 stays 0) and are normalised *within the
    group*, so the leaves' number in a group never moves weight between the groups.
    """
    m = len(exact)
    lo, hi = share
    b_exact = math.fsum(exact[j] for j in benefit)
    benefit_fallback = [exact[j] / b_exact if b_exact > 0 else 0.0 for j in benefit]
    u_exact = 1.0 - b_exact
    burden_fallback = [exact[j] / u_exact if u_exact > 0 else 0.0 for j in burden]

    def draw(rng: random.Random, n: int) -> list[Cell]:
        rnd = rng.random
        betas = [lo + (hi - lo) * u for u in _uniforms(rnd, n)] if hi > lo else [lo] * n
        b_cols = _shares(_jittered(rnd, n, benefit_centre, benefit_half), benefit_fallback, n)
        u_cols = _shares(_jittered(rnd, n, burden_centre, burden_half), burden_fallback, n)
        out: list[Cell] = [0.0] * m
        for j, col in zip(benefit, b_cols, strict=True):
            out[j] = [b * x for b, x in zip(betas, col, strict=True)]
        for j, col in zip(burden, u_cols, strict=True):
            out[j] = [(1.0 - b) * x for b, x in zip(betas, col, strict=True)]
        return out

    return draw


def _ordinal_units(
    weights: Weights, benefit: Sequence[int], burden: Sequence[int], share: tuple[float, float]
) -> WeightSampler:
    """Ordinal weights over *criteria*: the effect is one unit, split between the concerns.

    A ranking orders criteria, not leaves, so the visible effect is ranked as a whole (its
    concern leaves keep their fixed shares of it). Flat: the effect and the burdens are
    ordered together. Value tree: the benefits keep their stated share (drawn from its range),
    and only the burdens are ordered, within their group.
    """
    exact = list(weights.vector())
    m = len(exact)
    b = math.fsum(exact[j] for j in benefit)
    split = [exact[j] / b if b > 0 else 1.0 / len(benefit) for j in benefit]
    if weights.tree:
        u = 1.0 - b
        inner = [exact[j] / u if u > 0 else 0.0 for j in burden]
        ordered = _ordinal(_order_groups(inner), len(burden))
        lo, hi = share

        def draw_tree(rng: random.Random, n: int) -> list[Cell]:
            betas = [lo + (hi - lo) * u for u in _uniforms(rng.random, n)] if hi > lo else [lo] * n
            cols = ordered(rng, n)
            out: list[Cell] = [0.0] * m
            for j, s in zip(benefit, split, strict=True):
                out[j] = [x * s for x in betas]
            for j, col in zip(burden, cols, strict=True):
                out[j] = (
                    [(1.0 - x) * c for x, c in zip(betas, col, strict=True)]
                    if isinstance(col, list)
                    else col
                )
            return out

        return draw_tree
    units = [b, *(exact[j] for j in burden)]
    ordered = _ordinal(_order_groups(units), len(units))

    def draw(rng: random.Random, n: int) -> list[Cell]:
        cols = ordered(rng, n)
        out: list[Cell] = [0.0] * m
        effect = cols[0]
        for j, s in zip(benefit, split, strict=True):
            out[j] = [x * s for x in effect] if isinstance(effect, list) else effect * s
        for j, col in zip(burden, cols[1:], strict=True):
            out[j] = col
        return out

    return draw


def _tree_uniform(benefit: Sequence[int], burden: Sequence[int], m: int) -> WeightSampler:
    """No preference information, on the tree: the share and each group's split uniform.

    The share is uniform on 0–1 and each group's inner split uniform on its simplex. Uniform
    over all leaves at once would hand the group with more leaves more weight on average (six
    burdens against one or two benefits): the splitting bias again.
    """
    inner_b = _simplex(range(len(benefit)), len(benefit))
    inner_u = _simplex(range(len(burden)), len(burden))

    def draw(rng: random.Random, n: int) -> list[Cell]:
        betas = list(_uniforms(rng.random, n))
        b_cols = inner_b(rng, n)
        u_cols = inner_u(rng, n)
        out: list[Cell] = [0.0] * m
        for j, col in zip(benefit, b_cols, strict=True):
            assert not isinstance(col, float)
            out[j] = [b * x for b, x in zip(betas, col, strict=True)]
        for j, col in zip(burden, u_cols, strict=True):
            assert not isinstance(col, float)
            out[j] = [(1.0 - b) * x for b, x in zip(betas, col, strict=True)]
        return out

    return draw


def _fixed(weights: Sequence[float]) -> WeightSampler:
    vector: list[Cell] = [float(w) for w in weights]
    return lambda rng, n: vector


def _order_groups(values: Sequence[float]) -> list[list[int]]:
    """Leaves with non-zero weight, grouped by equal weight, largest first."""
    order = sorted((j for j in range(len(values)) if values[j] > 0), key=lambda j: -values[j])
    groups: list[list[int]] = []
    for j in order:
        if groups and abs(values[groups[-1][0]] - values[j]) <= TIE:
            groups[-1].append(j)
        else:
            groups.append([j])
    return groups


def tradeoff_range(profile: Profile) -> tuple[float, float]:
    """The range (0–1) the benefits' share is drawn from: the stated range, else ± 5 × imprecision."""
    t = profile.tradeoff
    if t is None:
        msg = "a flat profile has no stated trade-off"
        raise SmaaError(msg)
    if t.low is not None and t.high is not None:
        return t.low / 100.0, t.high / 100.0
    half = 5.0 * float(profile.imprecision)
    return max(0.0, t.benefit - half) / 100.0, min(100.0, t.benefit + half) / 100.0


def _weight_sampler(profile: Profile, weights: Weights, mode: str) -> WeightSampler:
    exact = list(weights.vector())
    m = len(exact)
    leaves = weights.leaves
    benefit = [j for j, k in enumerate(leaves) if k.startswith("effect:")]
    burden = [j for j, k in enumerate(leaves) if not k.startswith("effect:")]
    if mode == "none":
        if weights.tree:
            return _tree_uniform(benefit, burden, m)
        return _simplex(range(m), m)
    if mode == "ranking" or profile.method == "ranking":
        share = (weights.benefit, weights.benefit)
        if profile.tradeoff is not None and mode == "profile":
            share = tradeoff_range(profile)
        return _ordinal_units(weights, benefit, burden, share)
    r = float(profile.imprecision)
    if r <= 0 and (profile.tradeoff is None or profile.tradeoff.low is None):
        return _fixed(exact)
    raw = weights.raw
    direct = profile.method == "direct"
    if profile.tradeoff is None:
        if direct:
            shares = [
                exact[j] / weights.benefit if j in benefit and weights.benefit > 0 else 1.0
                for j in range(m)
            ]
            ratings = [
                raw.get("effectiveness", 0.0) if j in benefit else raw.get(leaves[j], 0.0)
                for j in range(m)
            ]
            return _flat_ratings(ratings, r, shares, benefit)
        rel = min(r / 10.0, 1.0)
        return _flat_jitter(exact, [w * rel for w in exact], exact)
    concern_ratings = profile.concern_importance
    if concern_ratings:
        b_centre = [
            float(concern_ratings.get(leaves[j].removeprefix("effect:"), 0.0)) for j in benefit
        ]
        b_half = [r] * len(benefit)
    else:
        b_centre = [1.0] * len(benefit)
        b_half = [0.0] * len(benefit)
    if direct:
        u_centre = [float(raw.get(leaves[j], 0.0)) for j in burden]
        u_half = [r] * len(burden)
    else:
        rel = min(r / 10.0, 1.0)
        u_centre = [exact[j] for j in burden]
        u_half = [w * rel for w in u_centre]
    return _tree(
        tradeoff_range(profile), benefit, b_centre, b_half, burden, u_centre, u_half, exact
    )


# ------------------------------------------------------------------------------------ fits
#: One product of a fit: ``(scalar, column)`` or ``(column, column)``, multiplied draw by draw.
Term: TypeAlias = tuple[Cell, Column]
#: ``kernel(scalars, columns)``, see :func:`_kernel`.
Kernel: TypeAlias = Callable[[Sequence[float], Sequence[Cell]], Column]


@functools.cache
def _kernel(pairs: tuple[bool, ...], const: bool) -> Kernel:
    """A function summing products column-wise in one pass: ``kernel(scalars, columns)``.

    ``pairs[t]`` says whether term ``t`` is column × column (else scalar × column). The kernel
    computes, draw by draw, ``p0 + p1 + … (+ K)`` left to right: the same floating-point
    operations, in the same order, as adding one column at a time and then the constant ``K``
    (so the results are bit for bit those of the plain loop), but in a single comprehension,
    which roughly halves the time. ``scalars`` holds the scalar factors in term order, then
    ``K``; ``columns`` every column in term order. The source is built from ``pairs`` alone.
    """
    names: list[str] = []
    scalars: list[str] = []
    products: list[str] = []
    for t, pair in enumerate(pairs):
        if pair:
            names += [f"x{t}", f"y{t}"]
            products.append(f"x{t} * y{t}")
        else:
            names.append(f"x{t}")
            scalars.append(f"s{t}")
            products.append(f"s{t} * x{t}")
    if const:
        scalars.append("k")
        products.append("k")
    unpack = f"    {', '.join(scalars)}, = scalars\n" if scalars else ""
    source = (
        "def kernel(scalars, columns):\n"
        f"{unpack}"
        f"    return [{' + '.join(products)} for {', '.join(names)}, in zip(*columns)]\n"
    )
    namespace: dict[str, Any] = {}
    # Safe: the source is built from `pairs` and `const` alone, never from data.
    exec(source, namespace)
    kernel: Kernel = namespace["kernel"]
    return kernel


def _combine(terms: Sequence[Term], const: float, n: int) -> Column:
    """``Σ terms + const`` draw by draw (``const`` added last, and only if non-zero)."""
    if not terms:
        return [const] * n
    scalars: list[float] = []
    columns: list[Column] = []
    pairs = []
    for a, x in terms:
        if isinstance(a, float):
            scalars.append(a)
            pairs.append(False)
        else:
            columns.append(a)
            pairs.append(True)
        columns.append(x)
    if const:
        scalars.append(const)
    return _kernel(tuple(pairs), bool(const))(scalars, columns)


def _mavt_fits(
    cells: Sequence[Sequence[Cell]], weights: Sequence[Cell], n: int, rows: Sequence[int]
) -> list[Column]:
    """The 0–1 MAVT fit of each option in ``rows``, one column per option.

    Constant weight × constant value terms are folded into one number, added last; the other
    products are summed in criterion order by one fused comprehension (:func:`_kernel`).
    """
    out = []
    for k in rows:
        const = 0.0
        terms: list[Term] = []
        for w, v in zip(weights, cells[k], strict=True):
            if isinstance(w, float):
                if w == 0.0:
                    continue
                if isinstance(v, float):
                    const += w * v
                else:
                    terms.append((w, v))
            elif isinstance(v, float):
                if v != 0.0:
                    terms.append((v, w))
            else:
                terms.append((w, v))
        out.append(_combine(terms, const, n))
    return out


def _relative_fits(
    cells: Sequence[Sequence[Cell]],
    weights: Sequence[Cell],
    n: int,
    method: str,
) -> list[Column]:
    """Fits under TOPSIS or VIKOR, one scenario at a time (they are relative methods)."""

    def at(c: Cell, d: int) -> float:
        return c if isinstance(c, float) else c[d]

    cols: list[Column] = [[] for _ in cells]
    for d in range(n):
        values = [[at(c, d) for c in row] for row in cells]
        w = [at(c, d) for c in weights]
        total = math.fsum(w)
        for col, f in zip(cols, fits(values, [x / total for x in w], method), strict=True):
            col.append(f / 100.0)
    return cols


# -------------------------------------------------------------------------------- the run
class _Tally:
    """Running counts of phase 1 (rank hits, pairwise wins, central weight sums)."""

    def __init__(self, k: int, m: int) -> None:
        self.k = k
        self.m = m
        self.ranks = [[0.0] * k for _ in range(k)]
        self.wins = [[0] * k for _ in range(k)]
        self.central = [[0.0] * m for _ in range(k)]

    def add(self, fits: list[Column], weights: Sequence[Cell], n: int) -> None:
        k = self.k
        gt = operator.gt
        plus = [[x + TIE for x in f] for f in fits]
        tied: set[int] = set()
        wins = self.wins
        rows = list(zip(*fits, strict=True))
        idx = range(k)
        orders = [sorted(idx, key=row.__getitem__, reverse=True) for row in rows]
        by_rank = list(zip(*orders, strict=True))
        # A draw has a tie somewhere iff two options next to each other in its order tie
        # (if i ties a lower h, it ties every option between them too). Without any tie in
        # the chunk, h beats i wherever i does not beat h: one pass per pair, not two.
        # fit_at[r][d]: the fit at rank r in draw d.
        getitem = operator.getitem
        fit_at: list[list[float]] = [list(map(getitem, rows, col)) for col in by_rank]
        tie_free = not any(
            any(map(operator.le, upper, [x + TIE for x in lower]))
            for upper, lower in itertools.pairwise(fit_at)
        )
        # Where one option's lowest fit in the chunk is above the other's highest (plus the
        # tie margin), it wins every draw and neither count needs a pass over the draws.
        low = [min(f) for f in fits]
        high = [max(p) for p in plus]
        for i in range(k):
            fi, pi, wi = fits[i], plus[i], wins[i]
            for h in range(i + 1, k):
                if low[i] > high[h]:
                    wi[h] += n
                    continue
                if low[h] > high[i]:
                    wins[h][i] += n
                    continue
                fh, ph = fits[h], plus[h]
                above = sum(map(gt, fi, ph))
                below = n - above if tie_free else sum(map(gt, fh, pi))
                wi[h] += above
                wins[h][i] += below
                if above + below != n:
                    tied.update(d for d in range(n) if not fi[d] > ph[d] and not fh[d] > pi[d])
        clean = (
            zip(*(o for d, o in enumerate(orders) if d not in tied), strict=True)
            if tied
            else by_rank
        )
        ranks = self.ranks
        for r, col in enumerate(clean):
            for opt, hits in Counter(col).items():
                ranks[opt][r] += hits
        winners = (
            [-1 if d in tied else o[0] for d, o in enumerate(orders)]
            if tied
            else [o[0] for o in orders]
        )
        for opt in set(winners):
            if opt < 0:
                continue
            mask = [x == opt for x in winners]
            count = sum(mask)
            acc = self.central[opt]
            for j, w in enumerate(weights):
                acc[j] += w * count if isinstance(w, float) else math.fsum(compress(w, mask))
        for d in sorted(tied):
            self._add_tied(
                [f[d] for f in fits],
                orders[d],
                [w if isinstance(w, float) else w[d] for w in weights],
            )

    def _add_tied(self, row: list[float], order: list[int], w: list[float]) -> None:
        p = 0
        while p < len(order):
            anchor = row[order[p]]
            g = 1
            while p + g < len(order) and anchor - row[order[p + g]] <= TIE:
                g += 1
            share = 1.0 / g
            for opt in order[p : p + g]:
                rk = self.ranks[opt]
                for r in range(p, p + g):
                    rk[r] += share
                if p == 0:
                    acc = self.central[opt]
                    for j in range(self.m):
                        acc[j] += share * w[j]
            p += g


def _chunks(samples: int) -> int:
    return max(1, min(_MAX_CHUNK, -(-samples // 50)))


class _Clock:
    """Progress reporting (both phases, each half) and cancellation checks between chunks."""

    def __init__(
        self,
        samples: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.samples = samples
        self.progress = progress
        self.cancelled = cancelled
        self.step = max(1, samples // 100)
        self.next = self.step
        self.units = 0  # draws of both phases

    @property
    def done(self) -> int:
        return self.units // 2

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            msg = f"SMAA cancelled after {self.done:,} of {self.samples:,} draws"
            raise Cancelled(msg)

    def advance(self, draws: int) -> None:
        self.units += draws
        done = self.done
        if self.progress is not None and done >= self.next and done < self.samples:
            self.progress(done, self.samples)
            self.next = (done // self.step + 1) * self.step

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.samples, self.samples)


def _run(
    table: _Table,
    profile: Profile,
    weights_of: Weights,
    method: str,
    *,
    samples: int,
    seed: int,
    mode: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> SmaaResult:
    k = len(table.ids)
    if k == 0:
        msg = (
            "no option is open to compare (every option was excluded); there is nothing to simulate"
        )
        raise SmaaError(msg)
    clock = _Clock(samples, progress, cancelled)
    chunk = _chunks(samples)
    sample_weights = _weight_sampler(profile, weights_of, mode)
    rng = random.Random(seed)
    rnd = rng.random
    tally = _Tally(k, len(table.leaves))
    rows = range(k)
    left = samples
    clock.check()
    while left:
        n = min(chunk, left)
        weights = sample_weights(rng, n)
        cells = _draw_cells(table, rnd, n)
        if method == "mavt":
            fits = _mavt_fits(cells, weights, n, rows)
        else:
            fits = _relative_fits(cells, weights, n, method)
        tally.add(fits, weights, n)
        left -= n
        clock.advance(n)
        clock.check()

    first = [tally.ranks[i][0] for i in rows]
    central: list[tuple[float, ...] | None] = []
    for i in rows:
        if first[i] <= 0.0:
            central.append(None)
            continue
        total = math.fsum(tally.central[i])
        central.append(tuple(x / total for x in tally.central[i]))
    confidence = _confidence(table, central, method, samples, seed, chunk, clock)
    clock.finish()

    acc = tuple(tuple(x / samples for x in row) for row in tally.ranks)
    se = tuple(tuple(math.sqrt(max(0.0, p * (1.0 - p)) / samples) for p in row) for row in acc)
    wins = tuple(tuple(0.0 if i == h else tally.wins[i][h] / samples for h in rows) for i in rows)
    return SmaaResult(
        option_ids=table.ids,
        criteria=table.leaves,
        samples=samples,
        seed=seed,
        weight_mode=mode,
        rank_acceptability=acc,
        rank_acceptability_se=se,
        central_weights=tuple(central),
        confidence=confidence,
        pairwise_winning=wins,
        no_data=table.no_data,
        method=method,
        option_names=table.names,
    )


def _confidence(
    table: _Table,
    central: Sequence[tuple[float, ...] | None],
    method: str,
    samples: int,
    seed: int,
    chunk: int,
    clock: _Clock,
) -> tuple[float, ...]:
    """JSMAA's phase 2: fresh figure draws, weights fixed at each central weight vector.

    Each option's confidence factor is a share of draws, estimated until it is as precise as
    ``samples`` draws make the least precise share (see :func:`_settled`): a factor near 0 or 1
    needs far fewer draws than one near ½, so an option stops drawing once its own 95% interval
    is that narrow, and the rest go on with only the options they still need.
    """
    k = len(table.ids)
    hits = [0.0] * k
    draws = [samples] * k  # the draws each factor rests on (fewer once settled early)
    # For each option with a central weight: the options that could ever beat it, with the
    # best fit each could reach (every figure at its best end) under that weight vector.
    plan: dict[int, dict[int, float]] = {}
    for i, w in enumerate(central):
        if w is None:
            continue
        best = [
            math.fsum(wj * b[1] for wj, b in zip(w, table.bounds[h], strict=True)) for h in range(k)
        ]
        if method != "mavt":
            plan[i] = {h: math.inf for h in range(k) if h != i}
            continue
        worst = math.fsum(wj * b[0] for wj, b in zip(w, table.bounds[i], strict=True))
        plan[i] = {h: best[h] for h in range(k) if h != i and best[h] > worst + TIE}
    for i, rivals in plan.items():
        if not rivals:
            hits[i] = float(samples)
    live = {i: rivals for i, rivals in plan.items() if rivals}
    if not live:
        clock.advance(samples)
    else:
        wanted = frozenset(h for i, rivals in live.items() for h in (i, *rivals))
        # The weights are fixed here, so which products vary and the constant part of every
        # fit are worked out once, not per chunk; rivals strongest (highest best fit) first.
        plans = {
            i: (
                _fixed_fit(table, w, i),
                [
                    (c, (_fixed_fit(table, w, h), _fixed_fit_at(table, w, h)))
                    for h, c in sorted(rivals.items(), key=lambda t: -t[1])
                ],
            )
            for i, rivals in live.items()
            if (w := central[i]) is not None
        }
        rng = random.Random(seed + 1)
        rnd = rng.random
        left = samples
        ge = operator.ge
        inf = math.inf
        while left:
            n = min(chunk, left)
            cells = _draw_cells(table, rnd, n, wanted)
            for i, rivals in live.items():
                if method != "mavt":
                    w = central[i]
                    assert w is not None
                    everyone = _relative_fits(cells, list(w), n, method)
                    fi, others = everyone[i], [everyone[h] for h in rivals]
                    best = list(map(max, *others)) if len(others) > 1 else others[0]
                    hits[i] += sum(map(ge, [x + TIE for x in fi], best))
                    continue
                own, fitters = plans[i]
                # Draw by draw: i's fit while no rival has beaten it yet, inf once one has.
                open_ = own(cells, n)
                idx: list[int] | None = None  # the draws still open, once few are
                for c, (fit, at) in fitters:
                    # A rival whose best possible fit is below i's lowest fit over the draws
                    # still open cannot beat it there, nor can any weaker one: stop (exact,
                    # and much cheaper than computing every rival's fits).
                    if idx is None:
                        if c <= min(open_) - TIE:
                            break
                        open_ = [
                            x if x + TIE >= y else inf
                            for x, y in zip(open_, fit(cells, n), strict=True)
                        ]
                        if open_.count(inf) * 4 >= 3 * n:  # few open: track them by index
                            idx = [t for t, x in enumerate(open_) if x != inf]
                        continue
                    if not idx or c <= min([open_[t] for t in idx]) - TIE:
                        break
                    # Only the open draws: the same products, in the same order, as fit().
                    for t, y in zip(idx, at(cells, idx), strict=True):
                        if open_[t] + TIE < y:
                            open_[t] = inf
                    idx = [t for t in idx if open_[t] != inf]
                hits[i] += n - open_.count(inf)
            left -= n
            clock.advance(n)
            clock.check()
            done = samples - left
            settled = [i for i in live if left and _settled(hits[i], done, samples)]
            if settled:
                for i in settled:
                    draws[i] = done
                    del live[i]
                if not live:
                    clock.advance(left)
                    break
                wanted = frozenset(h for i, rivals in live.items() for h in (i, *rivals))
    return tuple(h / draws[i] if central[i] is not None else 0.0 for i, h in enumerate(hits))


#: Phase 2 draws at least this many figure sets (or all of them, when fewer) for any option.
MIN_CONFIDENCE_DRAWS = 1000


def _settled(hits: float, draws: int, samples: int) -> bool:
    """Whether a confidence factor of ``hits`` in ``draws`` is as precise as ``samples`` allow.

    With ``samples`` draws, a share's 95% interval is at most ``1.96·√(¼ / samples)`` wide on
    each side (about ±0.0098 for 10,000), the width at a share of ½. An estimate is settled
    once its own half-width is no wider, taken at the Agresti–Coull centre
    ``(hits + 2) / (draws + 4)`` so that a run of all hits or no hits is not settled at once,
    and after at least :data:`MIN_CONFIDENCE_DRAWS` draws.
    """
    if draws < MIN_CONFIDENCE_DRAWS:
        return False
    p = (hits + 2.0) / (draws + 4.0)
    return p * (1.0 - p) / (draws + 4.0) <= 0.25 / samples


def _fixed_plan(table: _Table, weights: Sequence[float], k: int) -> tuple[list[int], float]:
    """Option ``k`` under fixed ``weights``: the leaves drawn, and the constant part of its fit.

    The constant products are folded in criterion order, as :func:`_mavt_fits` folds them.
    """
    const = 0.0
    drawn: list[int] = []
    for j, (w, v) in enumerate(zip(weights, table.fixed[k], strict=True)):
        if w == 0.0:
            continue
        if v is None:
            drawn.append(j)
        else:
            const += w * v
    return drawn, const


def _fixed_fit(
    table: _Table, weights: Sequence[float], k: int
) -> Callable[[Sequence[Sequence[Cell]], int], Column]:
    """Option ``k``'s MAVT fit under fixed ``weights``, as a function of a chunk's cells.

    The same operations as :func:`_mavt_fits` (constant products folded in criterion order
    and added last), with the plan made once: ``fit(cells, n)`` only gathers the drawn columns.
    """
    drawn, const = _fixed_plan(table, weights, k)
    if not drawn:
        return lambda cells, n: [const] * n
    kernel = _kernel((False,) * len(drawn), bool(const))
    scalars = [weights[j] for j in drawn] + ([const] if const else [])

    def fit(cells: Sequence[Sequence[Cell]], n: int) -> Column:
        row = cells[k]
        return kernel(scalars, [row[j] for j in drawn])

    return fit


def _fixed_fit_at(
    table: _Table, weights: Sequence[float], k: int
) -> Callable[[Sequence[Sequence[Cell]], Sequence[int]], Column]:
    """:func:`_fixed_fit` at some draws only: ``at(cells, idx)[u] == fit(cells, n)[idx[u]]``.

    The same kernel on the columns gathered at ``idx``, so every value is bit for bit the one
    :func:`_fixed_fit` gives; it is cheaper when few draws are wanted.
    """
    drawn, const = _fixed_plan(table, weights, k)
    if not drawn:
        return lambda cells, idx: [const] * len(idx)
    kernel = _kernel((False,) * len(drawn), bool(const))
    scalars = [weights[j] for j in drawn] + ([const] if const else [])

    def at(cells: Sequence[Sequence[Cell]], idx: Sequence[int]) -> Column:
        row = cells[k]
        # drawn cells are columns, never constants (k is among the options drawn)
        columns = cast("list[Column]", [row[j] for j in drawn])
        return kernel(scalars, [[col[t] for t in idx] for col in columns])

    return at


# ------------------------------------------------------------------------------ front doors
def smaa(
    profile: Profile,
    catalog: Catalog | None = None,
    *,
    samples: int = 10_000,
    seed: int = 0,
    weights: WeightMode = "profile",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | threading.Event | None = None,
) -> SmaaResult:
    """Run SMAA-2 for ``profile`` over ``catalog`` (the shipped catalogue by default).

    The eligible options are those of the deterministic MAVT comparison (exclusions from the
    eligibility step are honoured); see the module docstring for how figures and weights are
    drawn, how ties count and how confidence factors are computed.

    Args:
        profile: the person.
        catalog: the options; ``None`` loads the shipped catalogue.
        samples: the number of scenarios (1 to 10,000,000).
        seed: any int; the same seed gives the same numbers on every platform.
        weights: ``"profile"``, ``"ranking"`` or ``"none"`` (see the module docstring).
        progress: called as ``progress(done, total)`` about every ``samples // 100`` draws
            and once at the end with ``done == total == samples``.
        cancel: a :class:`threading.Event` or a function returning true to stop; checked
            between chunks of draws.

    Raises:
        SmaaTypeError: an argument has the wrong type (also a ``TypeError``).
        SmaaError: an argument is out of range, or no option is open to compare.
        Cancelled: ``cancel`` asked to stop.
    """
    cancelled = _check_args(samples, seed, weights, progress, cancel)
    if not isinstance(profile, Profile):
        msg = f"profile must be a Profile (got {type(profile).__name__})"
        raise SmaaTypeError(msg)
    if catalog is None:
        catalog = load_catalog()
    elif not isinstance(catalog, Catalog):
        msg = f"catalog must be a Catalog or None (got {type(catalog).__name__})"
        raise SmaaTypeError(msg)
    comparison = compare(profile, catalog)
    return _from_comparison(comparison, samples, seed, weights, progress, cancelled)


def smaa_comparison(
    comparison: Comparison,
    *,
    samples: int = 10_000,
    seed: int = 0,
    weights: WeightMode = "profile",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | threading.Event | None = None,
) -> SmaaResult:
    """Run SMAA-2 on a finished :class:`Comparison`: its eligible options, profile and weights.

    With ``comparison.method`` ``"topsis"`` or ``"vikor"`` each scenario is scored with that
    method (slower). Arguments and errors as for :func:`smaa`.
    """
    cancelled = _check_args(samples, seed, weights, progress, cancel)
    if not isinstance(comparison, Comparison):
        msg = f"comparison must be a Comparison (got {type(comparison).__name__})"
        raise SmaaTypeError(msg)
    return _from_comparison(comparison, samples, seed, weights, progress, cancelled)


def _from_comparison(
    comparison: Comparison,
    samples: int,
    seed: int,
    mode: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> SmaaResult:
    profile = comparison.profile
    table = _table(
        [s.option for s in comparison.scored],
        profile.concerns,
        comparison.catalog.criteria,
        lasting_weight=comparison.weights.lasting,
        horizon_years=profile.horizon_years,
        certainty_weight=comparison.weights.certainty,
    )
    return _run(
        table,
        profile,
        comparison.weights,
        comparison.method,
        samples=samples,
        seed=seed,
        mode=mode,
        progress=progress,
        cancelled=cancelled,
    )
