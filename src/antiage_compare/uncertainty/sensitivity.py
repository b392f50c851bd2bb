"""Weight sensitivity: how far each weight can move before another option fits best.

Two kinds of move are tested, each along a straight path through the weights:

* **The trade-off**: the benefits' share of the weight moves from 0 to 1, with each group's
  inner split kept (the burdens share the rest in their proportions).
* **One leaf**: a leaf's weight moves while the other leaves *of its group* keep their
  proportions and the group's share stays as it is (value tree); for a flat profile, which has
  no groups, while all the other leaves keep their proportions (each is scaled by
  ``(1 − x) / (1 − current)``).

Under MAVT every option's fit is then a straight line along the path, so where the option on
top loses its place is found exactly, by solving one linear equation per competitor; no grid
search and no tolerance beyond floating point. TOPSIS and VIKOR fits are not linear; for them a
grid of 1,000 steps is walked outwards from the current weight and each end is refined by
bisection to 1e-7, which finds the interval around the current weight (a gap narrower than a
grid step could be missed).

If a leaf carries all the weight of its scope, moving it down spreads the rest evenly over the
others in that scope (there are no proportions to keep).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from antiage_compare.comparison import Comparison
from antiage_compare.criteria import BY_ID
from antiage_compare.errors import SensitivityError, SensitivityTypeError
from antiage_compare.mcda import TIE_TOLERANCE
from antiage_compare.model import CONCERN_LABELS
from antiage_compare.scoring import fits
from antiage_compare.wording import join_and

__all__ = [
    "Sensitivity",
    "SensitivityError",
    "SensitivityTypeError",
    "WeightInterval",
    "sensitivity",
]

#: Fits (0–1 scale) closer than this tie (the comparison's own tolerance); a tie keeps an
#: option on top.
TIE = TIE_TOLERANCE
_GRID = 1000
#: A crossing this close to 0 or 1 is a tie at the end of the scale, not a change of order.
_EDGE = 1e-9
_BISECT = 24


@attrs.frozen
class WeightInterval:
    """How far one criterion's weight can move with the top option staying on top.

    Attributes:
        criterion: the leaf key (``"effect:<concern>"`` or a burden id), or ``"tradeoff"``
            for the benefits' share.
        weight: its current weight (0–1): the leaf's weight, or the benefits' share.
        low: the smallest weight (the others rescaled proportionally) keeping the top option on top.
        high: the largest such weight (at most :attr:`maximum`).
        below: the option that fits best just below ``low`` (``None`` if the top option stays
            on top down to 0).
        above: the option that fits best just above ``high`` (``None`` if it stays on top up
            to 1).
    """

    criterion: str
    weight: float
    low: float
    high: float
    below: str | None
    above: str | None
    #: ``"tradeoff"`` (the benefits' share), ``"group"`` (a leaf within its group) or ``"all"``.
    scope: str = "all"
    #: The largest weight the path allows (1, or the group's share for a leaf in a group).
    maximum: float = 1.0

    @property
    def label(self) -> str:
        """What moves, in plain words ("the benefits", "visible effect on wrinkles", ...)."""
        if self.scope == "tradeoff":
            return "the benefits"
        if self.criterion.startswith("effect:"):
            concern = self.criterion.removeprefix("effect:")
            return f"a visible effect on {CONCERN_LABELS[concern]}"
        return BY_ID[self.criterion].label.lower()

    def __repr__(self) -> str:
        moves = "".join(
            f", {side} {who}" for side, who in (("below", self.below), ("above", self.above)) if who
        )
        return (
            f"<WeightInterval {self.criterion}: {self.weight:.3f} in "
            f"[{self.low:.3f}, {self.high:.3f}]{moves}>"
        )

    @property
    def margin(self) -> float:
        """The smallest change of weight that puts another option on top (``inf`` if none)."""
        down = self.weight - self.low if self.below is not None else float("inf")
        up = self.high - self.weight if self.above is not None else float("inf")
        return min(down, up)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return attrs.asdict(self)


@attrs.frozen
class Sensitivity:
    """The weight intervals over which the option on top stays on top.

    Attributes:
        top: the option on top in the deterministic comparison.
        intervals: the trade-off first, then one per leaf with a non-zero weight, in leaf order.
        method: the scoring method analysed.
        tied: options tied with ``top`` in the deterministic comparison.
        names: ``(option_id, display name)`` pairs for the wording.
    """

    top: str
    intervals: tuple[WeightInterval, ...]
    method: str = "mavt"
    tied: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        tied = f" (tied with {', '.join(self.tied)})" if self.tied else ""
        fragile = min(self.intervals, key=lambda iv: iv.margin, default=None)
        most = ""
        if fragile is not None and fragile.margin != float("inf"):
            most = f"; most fragile: {fragile.criterion} (a change of {fragile.margin:.3f})"
        return (
            f"<Sensitivity {self.method}: top {self.top}{tied}, "
            f"{len(self.intervals)} weight intervals{most}>"
        )

    def statement(self, names: Mapping[str, str] | None = None) -> str:
        """A short, plain "what would change the order" text (at most the 3 most fragile criteria).

        Args:
            names: display names by option id; defaults to :attr:`names`, then the ids.
        """
        shown = dict(self.names)
        if names is not None:
            shown.update(names)

        def name(oid: str) -> str:
            return shown.get(oid, oid)

        top = name(self.top)
        if self.tied:
            others = [name(o) for o in self.tied]
            return (
                f"{join_and([top, *others])} fit your priorities about equally well, so a small "
                "change in how much any one thing matters to you could put one of them ahead."
            )
        order = {iv.criterion: i for i, iv in enumerate(self.intervals)}
        fragile = sorted(
            (iv for iv in self.intervals if iv.below is not None or iv.above is not None),
            key=lambda iv: (iv.margin, order[iv.criterion]),
        )[:3]
        if not fragile:
            return (
                f"{top} stays on top however much or little any one of your priorities counts "
                "(with the others kept in proportion)."
            )
        clauses = []
        for iv in fragile:
            label = iv.label
            down = iv.weight - iv.low if iv.below is not None else float("inf")
            up = iv.high - iv.weight if iv.above is not None else float("inf")
            if down <= up and iv.below is not None:
                much = "much " if iv.low < iv.weight / 2 else ""
                at, now = _percents(iv.low, iv.weight)
                clauses.append(
                    f"{label} mattered {much}less to you (below {at} of the weight instead of "
                    f"{now}), when {name(iv.below)} would fit better"
                )
            elif iv.above is not None:
                much = "much " if iv.high > 2 * iv.weight else ""
                at, now = _percents(iv.high, iv.weight)
                clauses.append(
                    f"{label} mattered {much}more to you (above {at} of the weight instead of "
                    f"{now}), when {name(iv.above)} would fit better"
                )
        return f"{top} stays on top unless " + "; or ".join(clauses) + "."

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``top``, ``method``, ``tied`` and ``intervals``."""
        return {
            "top": self.top,
            "method": self.method,
            "tied": list(self.tied),
            "intervals": [iv.to_dict() for iv in self.intervals],
        }


def _percents(x: float, now: float) -> tuple[str, str]:
    """Both weights as percentages, with just enough decimals to tell them apart."""
    for digits in (0, 1, 2, 3):
        a, b = f"{100 * x:.{digits}f}%", f"{100 * now:.{digits}f}%"
        if a != b:
            return a, b
    return a, b


def path_weights(
    weights: Sequence[float], j: int, x: float, scope: Sequence[int] | None = None
) -> list[float]:
    """The weights with leaf ``j`` at ``x`` and the other leaves of ``scope`` in proportion.

    ``scope`` is the leaves that share ``j``'s part of the weight (its group, in the value tree;
    every leaf when ``None``): their total stays as it is, so leaves outside it do not move. If
    ``j`` holds all of the scope's weight now, the rest is spread evenly over the others.
    """
    members = list(range(len(weights))) if scope is None else list(scope)
    total = math.fsum(weights[i] for i in members)
    rest = total - weights[j]
    out = list(weights)
    others = [i for i in members if i != j]
    if rest <= 0.0:
        for i in others:
            out[i] = (total - x) / len(others) if others else 0.0
    else:
        scale = (total - x) / rest
        for i in others:
            out[i] = weights[i] * scale
    out[j] = x
    return out


def tradeoff_weights(weights: Sequence[float], benefit: Sequence[int], x: float) -> list[float]:
    """The weights with the benefits' share at ``x``, each group's inner split kept."""
    inside = set(benefit)
    b = math.fsum(weights[i] for i in benefit)
    u = 1.0 - b
    m = len(weights)
    n_b, n_u = len(inside), m - len(inside)
    return [
        (x * weights[i] / b if b > 0 else x / n_b)
        if i in inside
        else ((1.0 - x) * weights[i] / u if u > 0 else (1.0 - x) / n_u)
        for i in range(m)
    ]


Path = Callable[[float], list[float]]


def _leaf_path(weights: Sequence[float], j: int, scope: Sequence[int] | None) -> Path:
    return lambda x: path_weights(weights, j, x, scope)


def sensitivity(comparison: Comparison) -> Sensitivity:
    """The interval of the trade-off and of each non-zero leaf weight keeping the top option on top.

    Raises:
        SensitivityTypeError: ``comparison`` is not a :class:`Comparison`.
        SensitivityError: no option is open to compare.
    """
    if not isinstance(comparison, Comparison):
        msg = f"comparison must be a Comparison (got {type(comparison).__name__})"
        raise SensitivityTypeError(msg)
    if not comparison.scored:
        msg = "comparison has no eligible option, so there is no order to test"
        raise SensitivityError(msg)
    ids = [s.id for s in comparison.scored]
    values = [[c.value for c in s.contributions] for s in comparison.scored]
    leaves = comparison.weights.leaves
    weights = list(comparison.weights.vector())
    benefit = [j for j, k in enumerate(leaves) if k.startswith("effect:")]
    burden = [j for j, k in enumerate(leaves) if not k.startswith("effect:")]
    t = 0
    tied = tuple(s.id for s in comparison.top if s.id != ids[t])
    paths: list[tuple[str, str, float, float, Path]] = []
    if benefit and burden:
        share = math.fsum(weights[j] for j in benefit)
        paths.append(
            ("tradeoff", "tradeoff", share, 1.0, lambda x: tradeoff_weights(weights, benefit, x))
        )
    tree = comparison.weights.tree
    for j, key in enumerate(leaves):
        if weights[j] <= 0.0:
            continue
        group = benefit if j in benefit else burden
        scope = group if tree else None
        top = math.fsum(weights[i] for i in group) if tree else 1.0
        if tree and len(group) == 1:
            continue  # a lone leaf's weight is its group's share: the trade-off covers it
        paths.append(
            (key, "group" if tree else "all", weights[j], top, _leaf_path(weights, j, scope))
        )
    intervals = []
    for key, scope_name, now, top, path in paths:
        if comparison.method == "mavt":
            low, high, below, above = _linear(values, path, now, top, t)
        else:
            low, high, below, above = _grid(values, path, now, top, t, comparison.method)
        intervals.append(
            WeightInterval(
                criterion=key,
                weight=now,
                low=low,
                high=high,
                below=None if below is None else ids[below],
                above=None if above is None else ids[above],
                scope=scope_name,
                maximum=top,
            )
        )
    return Sensitivity(
        top=ids[t],
        intervals=tuple(intervals),
        method=comparison.method,
        tied=tied,
        names=tuple((s.id, s.option.name) for s in comparison.scored),
    )


def _linear(
    values: Sequence[Sequence[float]], path: Path, x0: float, top: float, t: int
) -> tuple[float, float, int | None, int | None]:
    """Exact interval under MAVT: along the path each fit is ``a_k + x·slope_k``."""
    at0, at1 = path(0.0), path(top)
    a = [math.fsum(w * v for w, v in zip(at0, row, strict=True)) for row in values]
    e = [math.fsum(w * v for w, v in zip(at1, row, strict=True)) for row in values]
    slope = [(e[k] - a[k]) / top if top > 0 else 0.0 for k in range(len(values))]
    low, high = 0.0, top
    below: int | None = None
    above: int | None = None
    below_slope = above_slope = 0.0
    edge = _EDGE * max(top, 1e-12)
    for k in range(len(values)):
        if k == t:
            continue
        alpha = a[t] - a[k]  # g(x) = f_t(x) − f_k(x) = alpha + beta·x
        beta = slope[t] - slope[k]
        if beta == 0.0:
            continue
        root = -alpha / beta
        if beta < 0.0:  # k gains on t as x grows: t stays on top up to the root
            root = max(root, x0)
            if root < top - edge and (
                root < high - TIE or (root <= high + TIE and beta < above_slope)
            ):
                high, above, above_slope = root, k, beta
        else:  # k gains as x falls
            root = min(root, x0)
            if root > edge and (root > low + TIE or (root >= low - TIE and beta > below_slope)):
                low, below, below_slope = root, k, beta
    return low, high, below, above


def _grid(
    values: Sequence[Sequence[float]], path: Path, x0: float, top: float, t: int, method: str
) -> tuple[float, float, int | None, int | None]:
    """Interval under TOPSIS or VIKOR: walk a grid outwards, then bisect each end."""

    def leader(x: float) -> int | None:
        """``None`` while ``t`` is on top at ``x``, else the option on top."""
        f = fits(values, path(x), method)
        best = max(range(len(f)), key=lambda k: (f[k], -k))
        return None if f[t] >= f[best] - 100 * TIE else best

    def end(direction: int) -> tuple[float, int | None]:
        step = top / _GRID
        good = x0
        edge = top if direction > 0 else 0.0
        while True:
            x = min(top, good + step) if direction > 0 else max(0.0, good - step)
            if x == good:
                return edge, None
            who = leader(x)
            if who is not None:
                bad, taker = x, who
                break
            good = x
        for _ in range(_BISECT):
            mid = (good + bad) / 2
            who = leader(mid)
            if who is None:
                good = mid
            else:
                bad, taker = mid, who
        return good, taker

    low, below = end(-1)
    high, above = end(+1)
    return low, high, below, above
